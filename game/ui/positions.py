"""Scripted positions: any scene of a real game, for ``outofthebox shot``, tests and benchmarks.

Games here are played through the engine by a simple script (not through the screens):
each team accepts a deal that awaits it when it can, and otherwise proposes the deal that
is best for everyone it names. The same scenario and seed give the same picture.
"""

from __future__ import annotations

import random
from pathlib import Path

from game.engine import actions as act
from game.engine.deals import points, walk_away
from game.engine.questions import CHOICE_QUESTIONS, walk_away_choices
from game.engine.rules import apply, is_legal, legal_proposals
from game.engine.state import GameState
from game.session.workshop import Workshop, default_seats

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"
DEFAULT = SCENARIO_DIR / "children-and-families.yaml"
SCENES = (
    "title",
    "chooser",
    "seats",
    "curtain",
    "brief",
    "table",
    "turn",
    "deal",
    "respond",
    "result",
    "event",
    "round",
    "scores",
    "inject",
    "poll",
    "problems",
    "help",
    "notes",
    "profile",
    "solo",
    "rank",
    "ranked",
    "predict",
    "predicted",
    "answered",
    # the choice questions of solo practice, asked and then answered (explained)
    "walk-away",
    "walk-away-answered",
    "preferred",
    "preferred-answered",
    "risk-limit",
    "risk-limit-answered",
    "personality",
    "personality-answered",
    "perspective",
    "debrief",
    "debrief-agreements",
    "debrief-lessons",
    "debrief-missed",
    "debrief-timeline",
    "seats-devices",
    "join",
    "ask",
    # the projector made for the room: a mixed game (a team on its device, one at the
    # laptop, computer partners), each team by its own name
    "table-mixed",
    "signed",
    "scores-named",
)
#: the teams' own names in the staged mixed game
TEAM_NAMES = ("Team Red", "Team Blue", "Team Green", "Team Gold", "Team Silver", "Team Teal")


def good_proposal(state: GameState, role: str, everyone: bool = False) -> act.Propose | None:
    """The legal proposal that leaves its worst-off participant best off (ties: more points)."""
    best, best_key = None, None
    for project in state.scenario.eligible_projects(role):
        agreement = state.agreement_for(project.id)
        if agreement is not None and agreement.active:
            continue
        for proposal in legal_proposals(state, role, project.id):
            if everyone and len(proposal.participants) < 3:
                continue
            gains = [
                points(state.scenario, r, project, proposal.options) - walk_away(state, r, project)
                for r in proposal.participants
            ]
            key = (min(gains), sum(gains))
            if best_key is None or key > best_key:
                best, best_key = proposal, key
    return best


def scripted_action(state: GameState) -> act.Action:
    role = state.current_role
    for deal in state.open_deals():
        if role in deal.awaiting() and is_legal(state, act.Accept(role, deal.number)):
            return act.Accept(role, deal.number)
    proposal = good_proposal(state, role)
    return proposal if proposal is not None else act.Pass(role)


def proposals_only(workshop: Workshop, count: int, seed: int = 3) -> None:
    """Fill the table with ``count`` open deals (each team proposes on its turn)."""
    rng = random.Random(seed)
    made = 0
    while made < count and not workshop.state.finished:
        state = workshop.state
        role = state.current_role
        candidates = []
        for project in state.scenario.eligible_projects(role):
            wide = min(3, len(state.scenario.eligible_roles(project)))  # deals that stay open
            found = zip(range(400), legal_proposals(state, role, project.id), strict=False)
            candidates.extend(p for _, p in found if len(p.participants) >= wide)
        if candidates:
            workshop.act(rng.choice(candidates))
            made += 1
        else:
            workshop.act(act.Pass(role))


def play_to_end(workshop: Workshop, limit: int = 500) -> None:
    for _ in range(limit):
        if workshop.state.finished:
            return
        workshop.act(scripted_action(workshop.state))


def start(saves: Path, scenario: Path = DEFAULT, seed: int = 7) -> Workshop:
    from game.engine.record import Session

    session = Session.start(scenario, seed, folder=saves)
    return Workshop(session, default_seats(session.state))


def start_solo(saves: Path, scenario: Path = DEFAULT, seed: int = 7) -> Workshop:
    """A practice game: the first role is the person's, the others computer partners."""
    from game.engine.record import Session
    from game.scenario.loading import load_scenario
    from game.session.practice import solo_seats

    first = load_scenario(scenario)
    seats = solo_seats(first, first.roles[0].id)
    partners = {seat.role: seat.personality for seat in seats if seat.computer}
    session = Session.start(scenario, seed, folder=saves, personalities=partners)
    return Workshop(session, seats)


def to_solo_turn(workshop: Workshop) -> None:
    """Play the partners' turns (scripted) until it is the person's."""
    for _ in range(50):
        if workshop.state.current_role == workshop.solo_role or workshop.state.finished:
            return
        workshop.act(scripted_action(workshop.state))


def stage_solo(app, scene: str, scenario: Path, seed: int) -> None:
    """The practice scenes: the setup, both exercises, and the summary at the end."""
    from game.session.practice import ranking_exercise
    from game.ui.scenes import chooser, exercise, solo, turn

    if scene == "solo":
        choice = chooser.load_choices([scenario])[0]
        app.push(solo.SoloSetupScene(app, scenario, choice.scenario))
        return
    workshop = start_solo(app.saves, scenario, seed)
    app.begin(workshop)
    me = workshop.solo_role
    to_solo_turn(workshop)
    if scene in ("rank", "ranked"):
        app.push(turn.TurnScene(app, me))
        rank = exercise.RankScene(app, ranking_exercise(workshop))
        app.push(rank)
        if scene == "ranked":
            project = workshop.state.scenario.project(rank.exercise.project)
            rank.ranking = [issue.id for issue in reversed(project.issues)]
            rank.check()
    elif scene in ("predict", "predicted", "answered"):
        app.perform(good_proposal(workshop.state, me))
        app.to_table()
        if scene != "predict":
            app.scene.answer("would refuse")
        if scene == "answered":  # the partner answers on its turn: the key comes then
            app.pop()
            for _ in range(50):
                outcome = workshop.computer_move()
                if outcome is None:
                    break
                app._tell(outcome)
                if any(isinstance(s, exercise.AcceptScene) for s in app.pending):
                    break
            app.to_table()
    else:  # the summary: a ranking, a deal and its prediction, then the game to its end
        rank = ranking_exercise(workshop)
        project = workshop.state.scenario.project(rank.project)
        workshop.act(act.Predict(me, rank.target, rank.project,
                                 ranking=tuple(i.id for i in project.issues)))  # fmt: skip
        workshop.act(act.Predict(me, rank.target, rank.project, question="walk-away",
                                 choice=walk_away_choices(workshop.state, project)[1]))  # fmt: skip
        app.perform(good_proposal(workshop.state, me))
        question = app.pending.pop(0).exercise
        workshop.act(act.Predict(me, question.target, question.project, deal=question.deal,
                                 verdict="accepts"))  # fmt: skip
        app.pending = []
        play_to_end(workshop)
        app.to_table()


def stage_question(app, scene: str, scenario: Path, seed: int) -> None:
    """A choice question of solo practice, asked (``walk-away``) or answered with its
    first choice (``walk-away-answered``). The person's first turn is passed and the
    partners play theirs, so the personality question has moves to read."""
    from game.session.practice import choices_for, exercise_of
    from game.ui.scenes import exercise, turn

    kind = scene.removesuffix("-answered")
    workshop = start_solo(app.saves, scenario, seed)
    app.begin(workshop)
    me = workshop.solo_role
    workshop.act(act.Pass(me))
    for _ in range(50):
        if workshop.computer_move() is None:
            break
    app.pending = []
    asked = exercise_of(workshop, kind)
    if asked is None:
        raise ValueError(f"{scenario.name} has nothing to ask as {kind} now")
    app.push(turn.TurnScene(app, me))
    question = exercise.scene_for(app, asked)
    app.push(question)
    if scene.endswith("-answered"):
        question.choose(choices_for(workshop, asked)[0])


def stage(app, scene: str, scenario: Path = DEFAULT, seed: int = 7) -> None:
    """Put ``app`` on ``scene`` of a scripted game of ``scenario``; what the script did
    is not news to the room (no moment waits for the next frame)."""
    _stage(app, scene, scenario, seed)
    app.caught_up()


def start_mixed(saves: Path, scenario: Path = DEFAULT, seed: int = 7) -> Workshop:
    """The first team plays on its device, the second at the laptop (behind the
    curtain), the others are computer partners; every team has its own name."""
    from game.engine.record import Session
    from game.session.workshop import Seat

    session = Session.start(scenario, seed, folder=saves)
    seats = []
    for index, role in enumerate(session.state.scenario.roles):
        seat = Seat(role.id, TEAM_NAMES[index % len(TEAM_NAMES)], computer=index >= 2)
        seat.device = index == 0
        seats.append(seat)
    return Workshop(session, seats)


def mixed_table(workshop: Workshop) -> None:
    """A table with something of everything: open deals, a counter that changed an
    issue, a no said aloud with its reason (its deal still open)."""
    proposals_only(workshop, 2)
    state = workshop.state
    role = state.current_role
    for deal in reversed([d for d in state.open_deals() if role in d.awaiting()]):
        project = state.scenario.project(deal.project)
        counters = (
            act.Counter(role, deal.number, deal.participants,
                        (*deal.options[:index], option.id, *deal.options[index + 1 :]),
                        reason="We can give less staff time.")
            for index, issue in enumerate(project.issues)
            for option in issue.options if option.id != deal.options[index]
        )  # fmt: skip
        counter = next((c for c in counters if is_legal(state, c)), None)
        if counter is not None:
            workshop.act(counter)
            break
    else:
        proposals_only(workshop, 1)
    state = workshop.state
    role = state.current_role
    for deal in (d for d in state.open_deals() if role in d.awaiting()):
        reject = act.Reject(role, deal.number, "Too little for our users, too late.")
        if is_legal(state, reject) and apply(state, reject).deal(deal.number).status == "open":
            workshop.act(reject)
            return


def _stage(app, scene: str, scenario: Path = DEFAULT, seed: int = 7) -> None:
    from game.ui.scenes import (
        brief,
        chooser,
        deal,
        moments,
        respond,
        result,
        scores,
        seats,
        trainer_scenes,
        turn,
    )

    if scene not in SCENES:
        raise ValueError(f'no scene "{scene}"; choose one of: {", ".join(SCENES)}')
    if scene == "title":
        return
    if scene in ("solo", "rank", "ranked", "predict", "predicted", "answered", "perspective"):
        stage_solo(app, scene, scenario, seed)
        return
    if scene.removesuffix("-answered") in CHOICE_QUESTIONS:
        stage_question(app, scene, scenario, seed)
        return
    if scene == "chooser":
        app.push(chooser.ChooserScene(app))
        return
    if scene == "seats":
        choice = chooser.load_choices([scenario])[0]
        app.push(seats.SeatsScene(app, scenario, choice.scenario))
        return
    if scene in ("seats-devices", "join", "ask"):
        stage_devices(app, scene, scenario, seed)
    if scene in ("table-mixed", "signed", "scores-named"):
        stage_mixed(app, scene, scenario, seed)
        return
    workshop = start(app.saves, scenario, seed)
    app.begin(workshop)
    first = workshop.state.current_role
    if scene == "curtain":
        app.push(brief.CurtainScene(app, first, "turn"))
    elif scene == "brief":
        app.push(brief.BriefScene(app, first))
    elif scene == "table":
        proposals_only(workshop, 6)
    elif scene == "turn":
        proposals_only(workshop, 2)
        app.push(turn.TurnScene(app, workshop.state.current_role))
    elif scene == "deal":
        app.push(deal.DealScene(app, first))
    elif scene == "respond":
        proposals_only(workshop, 1)
        role = workshop.state.current_role
        waiting = [d for d in workshop.state.open_deals() if role in d.awaiting()]
        if not waiting:
            proposals_only(workshop, len(workshop.state.scenario.roles) - 1)
            role = workshop.state.current_role
            waiting = [d for d in workshop.state.open_deals() if role in d.awaiting()]
        app.push(respond.RespondScene(app, role, waiting[0].number))
    elif scene == "result":
        other = next(r.id for r in workshop.state.scenario.roles if r.id != first)
        outcome = workshop.act(act.Explore(first, other))
        app.push(result.ResultScene(app, first, outcome.private))
    elif scene == "event":
        card = workshop.state.scenario.events[0].id
        outcome = workshop.act(act.InjectEvent(card=card))
        app.push(moments.EventCardScene(app, outcome.moments.news[0]))
    elif scene == "round":
        proposals_only(workshop, len(workshop.state.scenario.roles))
        app.push(moments.RoundSummaryScene(app, 1))
    elif scene == "scores":
        play_to_end(workshop)
        app.reset_to(scores.ScoresScene(app))
    elif scene.startswith("debrief"):
        from game.ui.scenes.debrief import DebriefScene

        play_to_end(workshop)
        app.reset_to(scores.ScoresScene(app))
        app.push(DebriefScene(app, scene.partition("-")[2] or "scores"))
    elif scene == "inject":
        app.push(trainer_scenes.InjectScene(app))
    elif scene == "poll":
        proposals_only(workshop, 1)
        d = workshop.state.open_deals()[-1]
        workshop.act(
            act.CallStrawPoll(project=d.project, participants=d.participants, options=d.options)
        )
        workshop.act(act.AnswerStrawPoll(d.participants[0], True))
        app.push(trainer_scenes.PollScene(app, d.number))
    elif scene == "problems":
        app.push(
            trainer_scenes.ProblemsScene(
                app,
                [
                    f'{scenario.name}:37:5: roles[library].brnad: unknown field "brnad" '
                    '(hint: did you mean "brand"?)',
                    f"{scenario.name}:55:19: roles[library].brief.red_lines[1].option: "
                    'issue "branding" has no option "cafe-logo"',
                ],
            )
        )
    elif scene == "profile":
        from game.ui.scenes.profile import ProfileScene

        app.push(ProfileScene(app, workshop.state.scenario.roles[-1].id))
    elif scene == "help":
        proposals_only(workshop, 2)
        app.help_open = True
    elif scene == "notes":
        proposals_only(workshop, 2)
        notes = trainer_scenes.NotesScene(app)
        notes.shown = True  # past the curtain
        app.push(notes)


#: the address the pictures show: a room's typical one (the server listens on 127.0.0.1)
PICTURED = ("192.168.1.20", 8765)


def stage_devices(app, scene: str, scenario: Path, seed: int) -> None:
    """A game with devices: the seat screen with its switch, the join screen with a few
    devices, a device asking to join. The server listens on 127.0.0.1 only."""
    from game.devices.admission import _Ask, digest
    from game.session.workshop import Seat
    from game.ui.devices import DeviceLink, DeviceOptions
    from game.ui.scenes import chooser, seats

    app.devices_offered = True
    if scene == "seats-devices":
        choice = chooser.load_choices([scenario])[0]
        setup = seats.SeatsScene(app, scenario, choice.scenario)
        setup.seats[0].device = False
        if len(setup.seats) > 2:
            setup.seats[-1].device, setup.seats[-1].computer = False, True
        app.push(setup)
        return
    app.link = DeviceLink(DeviceOptions("127.0.0.1", 0))
    workshop = start(app.saves, scenario, seed)
    workshop.seats = [Seat(s.role, s.team, device=True) for s in workshop.seats]
    app.begin(workshop)
    app.link.host, app.link.port = PICTURED
    admission = app.link.thread.server.admission
    roles = [seat.role for seat in workshop.seats]

    def some_devices() -> None:
        now = admission.clock()
        for number, role in enumerate(roles[:2] + roles[:1]):
            device = f"stage-device-{number}"
            admission.keys[digest(device)] = (role, device)
            admission.seen[(role, device)] = now - 4 - 70 * number
        if scene == "ask":
            ask = _Ask(1, roles[-1], "stage-asking", "en", None, now)  # type: ignore[arg-type]
            admission.asks[1] = ask
            admission.asks[2] = _Ask(2, roles[1], "stage-asking-2", "en", None, now)  # type: ignore[arg-type]

    app.link.thread.call(some_devices)
    app.link.refresh()
    if scene == "ask":
        app.join_open = False
        proposals_only(workshop, 2)
    app.message = app.t("Devices join at {url}", url=app.link.url)


def stage_mixed(app, scene: str, scenario: Path, seed: int) -> None:
    """The room's projector in a mixed game: the table on the device team's turn, a
    signing's moment, the final scores by the teams' own names."""
    from game.ui.scenes import moments, scores

    workshop = start_mixed(app.saves, scenario, seed)
    app.begin(workshop)
    app.join_open = False  # the room has joined: the table itself
    if scene == "table-mixed":
        mixed_table(workshop)
        for _ in range(len(workshop.state.scenario.roles)):  # to the device team's turn
            if workshop.seat(workshop.state.current_role).device:
                break
            workshop.act(act.Pass(workshop.state.current_role))
        app.timer.start()
    elif scene == "signed":
        for _ in range(500):
            if workshop.state.finished:
                break
            outcome = workshop.act(scripted_action(workshop.state))
            if outcome.moments.signed:
                app.push(moments.SignedScene(app, outcome.moments.signed[0]))
                break
    else:
        play_to_end(workshop)
        app.reset_to(scores.ScoresScene(app))
