"""Whole workshops played on the screens, from the title to the final scores, with posted
mouse clicks and key presses only; the engine's state is checked after each step."""

from __future__ import annotations

import pygame

from game.engine import actions as act
from game.ui.app import App
from game.ui.positions import good_proposal
from game.ui.scenes.scores import ScoresScene
from tests.ui.driver import click, labels, press, step, type_text


def start_game(app: App, title: str) -> None:
    step(app)
    assert app.scene.name == "title"
    click(app, "New game")
    assert app.scene.name == "chooser"
    click(app, title, exact=True)
    click(app, "Play this scenario")
    assert app.scene.name == "seats"


def read_briefs(app: App) -> None:
    """Every team, in turn: the curtain, then its brief, then hidden again."""
    for role in app.workshop.state.scenario.roles:
        assert app.scene.name == "curtain" and app.scene.role == role.id
        press(app, pygame.K_RETURN)
        assert app.scene.name == "brief" and app.scene.secret_of == role.id
        click(app, "Done: hide our brief")
    assert app.scene.name == "table"


def open_turn(app: App) -> str:
    role = app.workshop.state.current_role
    press(app, pygame.K_RETURN)  # "…: start your turn"
    assert app.scene.name == "curtain"
    press(app, pygame.K_RETURN)  # "We are …: show our screen"
    assert app.scene.name == "turn" and app.scene.secret_of == role
    return role


def back_to_table(app: App) -> None:
    """Go through the moments (round summaries, event cards) the last action set off."""
    for _ in range(20):
        if app.scene.name in ("table", "scores"):
            return
        assert app.scene.name in ("signed", "round", "event"), app.scene.name
        press(app, pygame.K_RETURN)
    raise AssertionError("stuck between moments")


def test_the_tutorial_from_title_to_final_scores(saves):
    app = App((1280, 720), saves=saves, strict=True, seed=11)
    start_game(app, "The Reading Café")
    click(app, "Vestby Public Library")  # the first team's name is being typed already
    for _ in range(len("Vestby Public Library")):
        press(app, pygame.K_BACKSPACE)
    type_text(app, "Læsehestene")
    click(app, "Start the game")
    workshop = app.workshop
    assert workshop.seat("library").team == "Læsehestene"
    assert workshop.state.round == 1 and workshop.session.path.exists()
    read_briefs(app)
    # the team's own name is on its card (and later on the final scores)
    drawn = [d.text for d in app.drawn]
    assert "▶ Læsehestene" in drawn and "Vestby Public Library" in drawn

    role = open_turn(app)
    assert role == "library"
    press(app, pygame.K_p)
    assert app.scene.name == "deal"
    click(app, "Propose this deal")
    state = workshop.state
    assert len(state.deals) == 1 and state.deals[0].proposer == "library"
    assert app.scene.name == "table" and state.current_role == "cafe"

    assert open_turn(app) == "cafe"
    click(app, "Answer deal 1")
    assert app.scene.name == "respond"
    press(app, pygame.K_a)
    state = workshop.state
    assert state.agreements and state.agreements[0].members == ("library", "cafe")
    assert state.finished  # the tutorial's only project is agreed
    back_to_table(app)
    assert isinstance(app.scene, ScoresScene)
    assert "Win-win" in " ".join(d.text for d in app.drawn)
    assert "Læsehestene (Vestby Public Library): own gain" in " ".join(d.text for d in app.drawn)


def test_a_four_role_scenario_from_title_to_final_scores(saves):
    app = App((1920, 1080), saves=saves, strict=True, seed=5)
    start_game(app, "Skovhavn: Science and Code for Families")
    click(app, "Start the game")
    workshop = app.workshop
    read_briefs(app)
    turns = 0
    while not workshop.state.finished:
        assert app.scene.name == "table"
        state = workshop.state
        actions_before = len(workshop.session.record.actions)
        role = open_turn(app)
        waiting = [d for d in state.open_deals() if role in d.awaiting()]
        accept = waiting and workshop.check(act.Accept(role, waiting[0].number)) is None
        proposal = None if accept else good_proposal(state, role, everyone=True)
        if accept:
            click(app, f"Answer deal {waiting[0].number}")
            press(app, pygame.K_a)
            assert role in workshop.state.deals[waiting[0].number - 1].accepted
        elif proposal is not None and turns < 8:
            build_deal(app, proposal)
            assert workshop.state.deals[-1].options == proposal.options
        else:
            click(app, "Pass")
            assert workshop.session.record.actions[-1] == act.Pass(role)
        assert len(workshop.session.record.actions) == actions_before + 1
        turns += 1
        back_to_table(app)
        assert turns < 200
    assert workshop.state.agreements, "the scripted teams sign at least one agreement"
    assert isinstance(app.scene, ScoresScene)
    drawn = " ".join(d.text for d in app.drawn)
    assert "Innovation" in drawn and "The table" in drawn
    press(app, pygame.K_RIGHT)  # the first agreement's page
    assert app.scene.page == 1


def build_deal(app: App, proposal: act.Propose) -> None:
    """Build ``proposal`` in the deal builder by clicking: project, partners, options."""
    state = app.workshop.state
    project = state.scenario.project(proposal.project)
    press(app, pygame.K_p)
    assert app.scene.name == "deal"
    if any(hit.label == project.title for hit in app.hits):
        click(app, project.title, exact=True)
    for role in state.scenario.roles:
        chosen = role.id in app.scene.participants
        if role.id != proposal.actor and chosen != (role.id in proposal.participants):
            click(app, ("✓ " if chosen else "  ") + role.name, exact=True)
    for issue, option_id in zip(project.issues, proposal.options, strict=True):
        label = next(o.label for o in issue.options if o.id == option_id)
        hit = next(h for h in app.hits if h.label.endswith(f" · {label}"))
        click(app, hit.label, exact=True)
    assert set(app.scene.participants) == set(proposal.participants), labels(app)
    click(app, "Propose this deal")


def test_a_team_can_say_no_in_its_own_words_and_the_room_hears_them(saves):
    app = App((1280, 720), saves=saves, strict=True, seed=11)
    start_game(app, "The Reading Café")
    click(app, "Start the game")
    read_briefs(app)
    open_turn(app)
    press(app, pygame.K_p)
    click(app, "Propose this deal")
    open_turn(app)
    click(app, "Answer deal 1")
    press(app, pygame.K_r)
    type_text(app, "Vi vil have vores navn på døren")
    click(app, "Say no with our own words")
    deal = app.workshop.state.deals[0]
    assert deal.rejected == (("cafe", "Vi vil have vores navn på døren"),)
    assert "Vi vil have vores navn på døren" in app.message


def test_a_librarian_plays_the_tutorial_against_a_computer_cafe(saves):
    """One seat to people, the other to a computer partner, which plays on the table."""
    app = App((1280, 720), saves=saves, strict=True, seed=2)
    app.computer_pace = 0.0
    start_game(app, "The Reading Café")
    kinds = [hit.label for hit in app.hits if hit.label == "Played by people"]
    assert len(kinds) == 2
    click(app, "Played by people")  # the first seat … stays with the library
    click(app, "Computer: cooperative")  # … back to people after every personality
    for _ in range(3):
        click(app, "Computer:")
    assert not app.scene.seats[0].computer
    hits = [hit for hit in app.hits if hit.label == "Played by people"]
    centre = app._physical(hits[-1].rect.center)  # the café's seat
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=centre, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=centre, button=1))
    step(app)
    assert app.scene.seats[1].computer and not app.scene.seats[0].computer
    click(app, "Start the game")
    assert app.scene.name == "curtain" and app.scene.role == "library"  # only people read
    press(app, pygame.K_RETURN)
    click(app, "Done: hide our brief")
    workshop = app.workshop
    assert open_turn(app) == "library"
    press(app, pygame.K_p)
    click(app, "Propose this deal")
    assert workshop.state.current_role == "cafe"
    step(app, 3)  # the computer café answers on the table, no curtain, no key
    last = workshop.session.record.actions[-1]
    assert last.actor == "cafe" and last.kind in ("accept", "reject", "counter")
    assert "Kringle Café" in app.message


def test_a_round_summary_says_only_what_its_round_changed(saves):
    """A deal answered in round 1 is not news again at the end of round 2; a deal the
    round proposed, and one it let expire, are."""
    from game.engine import actions as act
    from game.engine.record import Session
    from game.session.workshop import Workshop, default_seats
    from game.ui.scenes.moments import RoundSummaryScene
    from tests.helpers import FIXTURES

    app = App((1920, 1080), saves=saves, strict=True, seed=1)
    session = Session.start(FIXTURES / "rules-town.yaml", 1, folder=saves)
    workshop = Workshop(session, default_seats(session.state))
    app.begin(workshop)
    exhibit = ("library", "museum")
    for action in (
        act.Propose("library", "exhibit", exhibit, ("co-branded", "shared", "pilot")),
        act.Reject("museum", 1, "Not this time."),  # answered in round 1
        act.Propose("shop", "exhibit", ("library", "shop"), ("sponsor-logo", "shared", "pilot")),
    ):
        assert app.perform(action).ok, action
    assert workshop.state.round == 2
    while workshop.state.round == 2:
        assert app.perform(act.Pass(workshop.state.current_role)).ok
    app.push(RoundSummaryScene(app, 2))
    step(app)
    lines = [item.text for item in app.drawn]
    assert not any("Deal 1 " in line for line in lines), lines  # round 1's news
    assert any("Deal 2 " in line and "expired" in line for line in lines), lines


def test_the_table_says_how_the_game_ends_and_an_early_end_is_a_moment_of_its_own(saves):
    """The Reading Café has one project and three rounds: signed in round 1, the game ends
    there, and the room is told so before the final scores; the report says 1 of 3."""
    from game.report.report import rounds_played
    from game.report.words import translator

    app = App((1280, 720), saves=saves, strict=True, seed=11)
    start_game(app, "The Reading Café")
    click(app, "Start the game")
    read_briefs(app)
    shown = " ".join(d.text for d in app.drawn)
    assert "The game ends after round 3, or as soon as every project is signed." in shown
    open_turn(app)
    press(app, pygame.K_p)
    click(app, "Propose this deal")
    assert "needs every signature (2)" in " ".join(d.text for d in app.drawn)
    open_turn(app)
    click(app, "Answer deal 1")
    press(app, pygame.K_a)
    assert app.workshop.state.finished
    assert app.scene.name == "signed"  # the signing is a moment of its own, first
    assert "Deal 1 signed" in " ".join(d.text for d in app.drawn)
    press(app, pygame.K_RETURN)
    assert app.scene.name == "round"
    drawn = [d.text for d in app.drawn]
    assert "Every project is signed" in drawn and "The game ends in round 1 of 3." in drawn
    back_to_table(app)
    assert isinstance(app.scene, ScoresScene)
    said = rounds_played(app.workshop.state, translator("en"))
    assert said == "1 of 3 rounds: every project was signed"


def test_the_last_round_is_announced_when_it_begins(saves):
    """Both teams pass through rounds 1 and 2; the summary of round 2 says round 3 is the
    last, and the table says so while it is played."""
    app = App((1280, 720), saves=saves, strict=True, seed=11)
    start_game(app, "The Reading Café")
    click(app, "Start the game")
    read_briefs(app)
    summaries = []
    while app.workshop.state.round < 3:
        open_turn(app)
        click(app, "Pass")
        while app.scene.name in ("signed", "round", "event"):
            summaries.append(" ".join(d.text for d in app.drawn))
            press(app, pygame.K_RETURN)
    assert "last round" not in summaries[0]
    assert "Round 3 is the last round: a deal now, or none at all." in summaries[-1]
    assert "The last round: the game ends after it" in " ".join(d.text for d in app.drawn)
