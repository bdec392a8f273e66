"""The trainer's keys, one story each: the trainer is in charge of the room and the game."""

from __future__ import annotations

import pygame
import yaml

from game.engine import actions as act
from game.ui.app import App
from game.ui.positions import proposals_only
from game.ui.shot import staged_app
from game.ui.theme import HIGH_CONTRAST
from tests.helpers import SCENARIOS
from tests.ui.driver import click, drawn_text, labels, press

FAMILIES = SCENARIOS / "children-and-families.yaml"


def table(tmp_path) -> App:
    app = staged_app("table", (1280, 720), FAMILIES, 7, "en", tmp_path / "saves")
    app.step()
    return app


def test_f2_pauses_the_game_and_the_teams_cannot_play_until_it_resumes(tmp_path):
    app = table(tmp_path)
    press(app, pygame.K_F2)
    assert app.workshop.state.paused
    assert "Paused by the trainer" in " ".join(d.text for d in app.drawn)
    press(app, pygame.K_RETURN)  # "start your turn" is disabled while paused
    assert app.scene.name == "table"
    press(app, pygame.K_F2)
    assert not app.workshop.state.paused


def test_f4_undoes_the_last_action_and_hides_any_private_screen(tmp_path):
    app = table(tmp_path)
    before = len(app.workshop.session.record.actions)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    assert app.scene.name == "turn"
    press(app, pygame.K_F4)
    assert len(app.workshop.session.record.actions) == before - 1
    assert app.scene.name == "table"
    assert "undone" in app.message


def test_f6_skips_the_turn_of_the_team_that_is_playing(tmp_path):
    app = table(tmp_path)
    playing = app.workshop.state.current_role
    press(app, pygame.K_F6)
    assert app.workshop.session.record.actions[-1] == act.SkipTurn()
    assert app.workshop.state.current_role != playing


def test_f7_plays_an_event_card_that_the_room_then_sees(tmp_path):
    app = table(tmp_path)
    press(app, pygame.K_F7)
    assert app.scene.name == "inject"
    card = app.workshop.state.scenario.events[0]
    click(app, card.title, exact=True)
    assert app.workshop.session.record.actions[-1] == act.InjectEvent(card=card.id)
    assert app.scene.name == "event"
    press(app, pygame.K_RETURN)
    assert app.scene.name == "table"


def test_f8_calls_a_straw_poll_on_the_newest_deal_and_each_team_answers(tmp_path):
    app = table(tmp_path)
    deal = app.workshop.state.open_deals()[-1]
    press(app, pygame.K_F8)
    assert app.scene.name == "poll" and app.workshop.state.poll is not None
    click(app, "Yes")
    answers = dict(app.workshop.state.poll.answers)
    assert answers == {deal.participants[0]: True}


def test_f5_reloads_a_scenario_that_still_fits_and_the_game_goes_on(tmp_path):
    scenario = tmp_path / "town.yaml"
    scenario.write_text(FAMILIES.read_text(encoding="utf-8"), encoding="utf-8")
    app = staged_app("table", (1280, 720), scenario, 7, "en", tmp_path / "saves")
    proposals_only(app.workshop, 0)
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(text.replace("brand: 3", "brand: 4", 1), encoding="utf-8")
    press(app, pygame.K_F5)
    assert app.scene.name == "table"
    assert "read again" in app.message


def test_f5_shows_a_broken_scenario_file_with_its_line_and_keeps_playing(tmp_path):
    scenario = tmp_path / "town.yaml"
    scenario.write_text(FAMILIES.read_text(encoding="utf-8"), encoding="utf-8")
    app = staged_app("table", (1280, 720), scenario, 7, "en", tmp_path / "saves")
    actions = list(app.workshop.session.record.actions)
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(text.replace("sector: market", "sector: markt", 1), encoding="utf-8")
    press(app, pygame.K_F5)
    assert app.scene.name == "problems"
    shown = " ".join(d.text for d in app.drawn)
    assert "town.yaml:" in shown and 'did you mean "market"' in shown
    assert app.workshop.session.record.actions == actions
    press(app, pygame.K_ESCAPE)
    assert app.scene.name == "table"


def test_f9_ctrl_plus_and_f1_change_how_the_room_sees_the_screen(tmp_path):
    app = table(tmp_path)
    press(app, pygame.K_F9)
    assert app.theme is HIGH_CONTRAST
    press(app, pygame.K_EQUALS, pygame.KMOD_LCTRL)
    assert app.text_scale > 1.0
    assert "Text size: 110%" in " ".join(d.text for d in app.drawn)  # said, on the strip
    press(app, pygame.K_F1)
    assert app.help_open and "Trainer keys" in " ".join(d.text for d in app.drawn)
    press(app, pygame.K_ESCAPE)
    assert not app.help_open


def test_ctrl_s_saves_and_says_where(tmp_path):
    app = table(tmp_path)
    press(app, pygame.K_s, pygame.KMOD_LCTRL)
    assert str(app.workshop.session.path) in app.message


def test_pausing_during_a_teams_private_screen_hides_it_and_stops_the_clock(tmp_path):
    app = table(tmp_path)
    app.timer.start()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_p)
    assert app.scene.name == "deal" and app.scene.secret_of
    press(app, pygame.K_F2)
    assert app.workshop.state.paused
    assert app.scene.name == "table" and app.scene.secret_of is None
    assert not app.timer.running
    press(app, pygame.K_F2)
    assert app.timer.running


def _in_order(wanted: list[str], seen: list[str]) -> bool:
    """Whether ``wanted`` appears in ``seen`` in order (other words may come between)."""
    found = iter(seen)
    return all(word in found for word in wanted)


def test_ctrl_t_shows_the_scenarios_trainer_notes_whole_page_by_page_and_hides_secrets(tmp_path):
    app = table(tmp_path)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # a team's private turn screen is up
    assert app.scene.secret_of is not None
    press(app, pygame.K_t, pygame.KMOD_LCTRL)
    assert app.scene.name == "notes"
    assert all(scene.secret_of is None for scene in app.scenes), "no team's screen stays up"
    # a curtain first: the notes may tell what the briefs hold
    assert "For the trainer only" in drawn_text(app)
    opening = " ".join(app.workshop.state.scenario.trainer_notes.split()[:6])
    assert opening not in " ".join(drawn_text(app).split())
    press(app, pygame.K_RETURN)  # "Show the notes"
    assert "The trainer's notes" in drawn_text(app)
    assert "Notes for the trainer from the author of" in drawn_text(app)
    seen = drawn_text(app).split()
    for _ in range(10):  # every page to the last: nothing of the notes is cut
        if "Next page" not in " ".join(labels(app)):
            break
        click(app, "Next page")
        seen += drawn_text(app).split()
    assert _in_order(app.workshop.state.scenario.trainer_notes.split(), seen)
    press(app, pygame.K_t, pygame.KMOD_LCTRL)  # Ctrl+T again closes them
    assert app.scene.name == "table"


def test_the_help_lists_ctrl_t_and_a_scenario_without_notes_says_so(tmp_path):
    app = table(tmp_path)
    press(app, pygame.K_F1)
    assert "Ctrl+T" in drawn_text(app) and "notes for the trainer" in drawn_text(app)
    press(app, pygame.K_ESCAPE)
    data = yaml.safe_load(FAMILIES.read_text(encoding="utf-8"))
    del data["trainer_notes"]
    bare = tmp_path / "no-notes.yaml"
    bare.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    app = staged_app("table", (1280, 720), bare, 7, "en", tmp_path / "bare-saves")
    app.step()
    press(app, pygame.K_t, pygame.KMOD_LCTRL)
    assert app.scene.name == "table" and "no notes for the trainer" in app.error


def test_the_trainer_notes_in_danish(tmp_path):
    app = staged_app("notes", (1024, 768), FAMILIES, 7, "da", tmp_path / "saves")
    app.step()
    assert "Trænerens noter" in drawn_text(app)
    assert any(label.startswith("Luk trænerens noter") for label in labels(app))


def test_the_window_fits_the_screen_it_opens_on():
    """A 1024×768 projector gets a window inside it; a large screen the preferred one."""
    from game.ui.layout import PREFERRED_WINDOW, fitting_window

    assert fitting_window((1024, 768)) == (984, 668)
    assert fitting_window((1920, 1080)) == PREFERRED_WINDOW == (1280, 720)
    assert fitting_window(None) == PREFERRED_WINDOW
    small = fitting_window((800, 600))
    assert small[0] <= 800 and small[1] <= 600
