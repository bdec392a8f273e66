"""The projector made for the room, in a mixed game: a team on its own device, a team at
the laptop behind the curtain, and computer partners.

A device team's turn shows no curtain and no private screen on the projector: the table
says whose turn it is and waits for the device, whose action comes through the workshop
from another thread. The table shows every open deal's terms, every answer, and what a
counter changed; a signing is a moment; the teams' own names are on the cards, the final
scores and the report. The projector's drawn text is searched for the device team's
secrets with the same searchable scenario as ``tests/test_secrets_everywhere.py``.
"""

from __future__ import annotations

import threading

import pygame
import pytest

from game.engine import actions as act
from game.engine.record import Session
from game.report.games import load_game
from game.report.report import build_report
from game.session.workshop import Seat, Workshop
from game.ui.app import App
from game.ui.positions import DEFAULT, TEAM_NAMES, good_proposal, mixed_table, start_mixed
from game.ui.scenes.scores import ScoresScene
from game.ui.scenes.seats import SeatsScene
from tests.test_secrets_everywhere import Search, searchable
from tests.ui.driver import click, drawn_text, labels, press, step

#: the apps a story started: each leaves its game after the story, so its device server
#: (a mixed game has a team on a device) stops listening
STARTED: list[App] = []


@pytest.fixture(autouse=True)
def every_game_left_after_its_story():
    yield
    while STARTED:
        STARTED.pop().leave_game()


def mixed_app(saves, scenario=DEFAULT, seed: int = 7) -> tuple[App, Workshop]:
    workshop = start_mixed(saves, scenario, seed)
    app = App((1024, 768), saves=saves, strict=True, seed=seed)
    STARTED.append(app)
    app.computer_pace = 0.0
    app.begin(workshop)
    app.join_open = False  # the room has joined (the join screen opens as a game begins)
    return app, workshop


def from_device(workshop: Workshop, action: act.Action) -> None:
    """The device server acts on its own thread: so does this test."""
    done = []
    worker = threading.Thread(target=lambda: done.append(workshop.act(action)))
    worker.start()
    worker.join(5)
    assert done and done[0].ok, done


def play_computers(app: App, workshop: Workshop) -> None:
    """Let the computer partners play (pace 0) until a team of people is to play."""
    for _ in range(100):
        role = workshop.state.current_role
        if workshop.state.finished or not workshop.seat(role).computer:
            return
        if app.scene.name != "table":
            press(app, pygame.K_RETURN)  # through the moments
        else:
            step(app)
    raise AssertionError("the computer partners did not finish their turns")


def test_a_device_team_gets_no_curtain_and_its_brief_never_reaches_the_projector(saves, tmp_path):
    marked, secrets = searchable(DEFAULT, tmp_path)
    app, workshop = mixed_app(saves, marked)
    device = workshop.state.scenario.roles[0].id
    assert workshop.seat(device).device and workshop.state.current_role == device
    step(app)
    shown = drawn_text(app)
    assert f"{TEAM_NAMES[0]}: your turn — on your device" in shown
    assert not any("start your turn" in label for label in labels(app))
    press(app, pygame.K_RETURN)  # a habit from the hot seat: nothing opens
    assert app.scene.name == "table"
    search = Search({role: found for role, found in secrets.items()})
    search.text("the table on the device team's turn", drawn_text(app))
    # the device plays its turn; the projector tells the room and stays on the table
    from_device(workshop, good_proposal(workshop.state, device))
    step(app)
    assert app.scene.name == "table" and workshop.state.current_role != device
    assert "proposes deal 1" in app.message
    search.text("the table after the device's deal", drawn_text(app))
    assert search.hits == [], search.hits[:5]


def test_a_laptop_team_in_the_same_game_still_gets_its_curtain(saves):
    app, workshop = mixed_app(saves)
    device, laptop = (role.id for role in workshop.state.scenario.roles[:2])
    from_device(workshop, act.Pass(device))
    step(app)
    assert workshop.state.current_role == laptop and workshop.seat(laptop).behind_curtain
    press(app, pygame.K_RETURN)  # "Team Blue: start your turn"
    assert app.scene.name == "curtain"
    press(app, pygame.K_RETURN)
    assert app.scene.name == "turn" and app.scene.secret_of == laptop
    click(app, "Pass")
    play_computers(app, workshop)
    assert not workshop.seat(workshop.state.current_role).computer  # people again


def test_only_laptop_teams_read_their_brief_behind_a_curtain_at_the_start(saves):
    from game.ui.scenes.chooser import load_choices

    app = App((1024, 768), saves=saves, strict=True, seed=3)
    STARTED.append(app)
    choice = load_choices([DEFAULT])[0]
    seats = SeatsScene(app, DEFAULT, choice.scenario)
    app.push(seats)
    seats.seats[0].device = True
    for seat in seats.seats[2:]:
        seat.computer = True
    seats.start()
    curtains = [scene for scene in app.scenes if scene.name == "curtain"]
    assert [scene.role for scene in curtains] == [seats.seats[1].role]


def test_without_devices_the_hot_seat_stays(saves):
    session = Session.start(DEFAULT, 7, folder=saves)
    seats = [Seat(role.id, role.name) for role in session.state.scenario.roles]
    app = App((1024, 768), saves=saves, strict=True, seed=7)
    app.begin(Workshop(session, seats))
    step(app)
    press(app, pygame.K_RETURN)
    assert app.scene.name == "curtain"


def test_a_counter_marks_the_issue_it_changed(saves):
    app, workshop = mixed_app(saves)
    mixed_table(workshop)
    app.caught_up()
    counter = next(d for d in workshop.state.deals if d.counter_of is not None)
    assert counter.status == "open"
    old = workshop.state.deal(counter.counter_of)
    project = workshop.state.scenario.project(counter.project)
    index = next(
        i for i, (a, b) in enumerate(zip(old.options, counter.options, strict=True)) if a != b
    )
    issue = project.issues[index]
    labels_of = {o.id: o.label for o in issue.options}
    app.draw()
    shown = drawn_text(app)
    assert f"a counter to deal {old.number}" in shown
    changed = f"changed: {issue.title.rstrip(':')} {labels_of[old.options[index]]} → "
    assert changed in " ".join(shown.split())
    marked = [d.text for d in app.drawn if d.text.startswith("► ")]
    assert marked and issue.title.split()[0] in marked[0]
    # every other issue of the counter is on the table too, unmarked: the terms in full
    for other, option in zip(project.issues, counter.options, strict=True):
        if other is not issue:
            label = next(o.label for o in other.options if o.id == option)
            assert label.split()[0] in shown


def test_a_signing_from_a_device_queues_its_moment_on_the_projector(saves):
    app, workshop = mixed_app(saves)
    device = workshop.state.current_role
    # a deal of the device team with the laptop team only, then the laptop team signs it
    laptop = workshop.state.scenario.roles[1].id
    from game.engine.rules import legal_proposals

    pair = next(
        p
        for project in workshop.state.scenario.eligible_projects(device)
        for p in legal_proposals(workshop.state, device, project.id)
        if set(p.participants) == {device, laptop}
    )
    from_device(workshop, pair)
    step(app)
    assert app.scene.name == "table"
    outcome = workshop.act(act.Accept(laptop, 1))  # the laptop team, at the laptop
    assert outcome.moments.signed == [1]
    app._tell(outcome)
    app.to_table()
    assert app.scene.name == "signed"
    app.draw()
    shown = drawn_text(app)
    assert "Deal 1 signed" in shown and TEAM_NAMES[0] in shown and TEAM_NAMES[1] in shown
    press(app, pygame.K_RETURN)
    assert app.scene.name in ("table", "round", "event", "scores")


def test_a_signing_made_on_a_device_shows_at_once(saves):
    """The tutorial's two teams: the library on its device, the café at the laptop. The
    café proposes behind its curtain; the library signs on its device; the projector
    shows the signing as soon as it hears of it."""
    tutorial = DEFAULT.with_name("tutorial-reading-cafe.yaml")
    app, workshop = mixed_app(saves, tutorial, seed=11)
    device, laptop = (role.id for role in workshop.state.scenario.roles)
    assert workshop.seat(device).device and workshop.seat(laptop).behind_curtain
    if workshop.state.current_role == device:
        from_device(workshop, act.Pass(device))
        step(app)
        assert app.message.endswith("passes.")
    app.perform(good_proposal(workshop.state, laptop))
    app.to_table()
    for _ in range(3):  # a round's summary, if the café's turn ended it, and its turn
        while app.scene.name != "table":
            press(app, pygame.K_RETURN)
        if workshop.state.current_role == device:
            break
        app.perform(act.Pass(laptop))
        app.to_table()
    assert workshop.state.current_role == device
    number = workshop.state.deals[-1].number
    from_device(workshop, act.Accept(device, number))
    step(app)
    assert app.scene.name == "signed", app.scene.name
    assert f"Deal {number} signed" in drawn_text(app)
    press(app, pygame.K_RETURN)
    assert app.scene.name == "round"  # the game is over: every project is signed
    press(app, pygame.K_RETURN)
    assert app.scene.name == "scores"


def test_the_teams_own_names_on_the_cards_the_final_scores_and_the_report(saves):
    app, workshop = mixed_app(saves)
    step(app)
    cards = drawn_text(app)
    for name in TEAM_NAMES[:4]:
        assert name in cards
    from game.ui.positions import play_to_end

    play_to_end(workshop)
    app.caught_up()
    app.reset_to(ScoresScene(app))
    app.draw()
    scores = drawn_text(app)
    role = workshop.state.scenario.roles[0]
    assert f"{TEAM_NAMES[0]} ({role.name}): own gain" in scores
    # the report made from the save reads the names from the seats file beside it
    report = build_report([load_game(workshop.session.path)])
    assert f"{TEAM_NAMES[0]} ({role.name})" in report
    seats_file = workshop.session.path.with_name(workshop.session.path.stem + ".seats.json")
    seats_file.unlink()
    plain = build_report([load_game(workshop.session.path)])
    assert TEAM_NAMES[0] not in plain and role.name in plain


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("larger", [0, 2, 5], ids=["normal", "larger", "largest"])
def test_the_table_reflows_at_every_text_size_without_cutting_or_overlapping(saves, size, larger):
    from game.ui.shot import staged_app

    app = staged_app("table-mixed", size, DEFAULT, 7, "en", saves)
    STARTED.append(app)
    for _ in range(larger):
        app.change_text_size(+1)
    app.message = ""
    app.draw()
    window = pygame.Rect((0, 0), size)
    for item in app.drawn:
        assert window.contains(item.rect), f"{item.text!r} runs off the window"
        assert item.bounds.contains(item.rect), f"{item.text!r} runs out of its box"
    if size == (1024, 768):  # the projector's size: nothing cut either
        cut = [d.text for d in app.drawn if d.text.endswith("…") and d.text != "…"]
        assert cut == [], cut
    drawn = app.drawn
    overlaps = [
        (a.text, b.text)
        for i, a in enumerate(drawn)
        for b in drawn[i + 1 :]
        if a.rect.colliderect(b.rect)
    ]
    assert overlaps == [], overlaps[:3]


def test_every_open_deal_is_on_a_page_of_the_table_and_the_pages_turn_by_themselves(saves):
    """Six open deals at the largest text size on a 1024×768 projector: PgDn shows each
    in turn, and the pages also turn by themselves for a room that has no key."""
    from game.ui.shot import staged_app

    app = staged_app("table", (1024, 768), DEFAULT, 7, "en", saves)
    for _ in range(5):
        app.change_text_size(+1)
    step(app)
    table = app.scene
    numbers = [d.number for d in app.workshop.state.open_deals()]
    assert len(numbers) >= 4
    seen = set()
    for _ in range(len(numbers)):
        shown = drawn_text(app)
        seen |= {n for n in numbers if f"Deal {n}: " in shown}
        press(app, pygame.K_PAGEDOWN)
    assert seen == set(numbers)
    assert table._deal_pages > 1
    press(app, pygame.K_PAGEUP)
    before = table.deal_page
    table._page_since -= 60  # a quarter of a minute and more on one page
    step(app)
    assert table.deal_page == (before + 1) % table._deal_pages


def test_each_answer_is_on_the_table_a_no_with_the_reason_the_room_heard(saves):
    """A deal that needs 3 of 4 signatures stays open after a no: the table says who
    accepted, who said no and why (the team's words, said aloud), and who is waiting."""
    from game.ui.shot import staged_app

    scenario = DEFAULT.with_name("health-exchange.yaml")
    app = staged_app("table-mixed", (1024, 768), scenario, 7, "en", saves)
    workshop = app.workshop
    deal = next(d for d in workshop.state.open_deals() if d.rejected)
    role, _ = deal.rejected[0]
    team = workshop.seat(role).team
    shown = []
    for _ in range(3):  # on whichever page it is
        app.draw()
        shown.append(" ".join(drawn_text(app).split()))
        app.scene.turn_deals(+1, wrap=True)
    shown = " ".join(shown)
    assert f"✗ {team} rejected: “Too little for our users, too late.”" in shown
    accepted = ", ".join(workshop.seat(r).team for r in deal.accepted)
    assert f"✓ accepted: {accepted}" in shown
    assert "… waiting:" in shown
