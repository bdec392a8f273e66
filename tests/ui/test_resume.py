"""Closing the window mid-game loses nothing: the title screen offers the game back."""

from __future__ import annotations

import pygame

from game.ui.app import App
from tests.ui.driver import click, press, step
from tests.ui.test_playthrough import read_briefs, start_game


def test_a_closed_game_is_offered_on_the_title_screen_and_resumes_where_it_was(saves):
    app = App((1280, 720), saves=saves, strict=True, seed=3)
    start_game(app, "The Reading Café")
    click(app, "Start the game")
    read_briefs(app)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_p)
    click(app, "Propose this deal")
    played = app.workshop.state
    names = [seat.team for seat in app.workshop.seats]
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    step(app)
    assert not app.running

    again = App((1280, 720), saves=saves, strict=True)
    step(again)
    offer = next(hit.label for hit in again.hits if hit.label.startswith("Resume"))
    assert "The Reading Café" in offer and "round 1" in offer
    click(again, "Resume")
    assert again.scene.name == "table"
    assert again.workshop.state == played
    assert [seat.team for seat in again.workshop.seats] == names


def test_a_finished_game_is_not_offered_again(saves, tmp_path):
    from game.ui.positions import play_to_end, start

    workshop = start(saves, seed=2)
    play_to_end(workshop)
    assert workshop.state.finished
    app = App((1280, 720), saves=saves, strict=True)
    step(app)
    assert not any(hit.label.startswith("Resume") for hit in app.hits)


def test_a_game_saved_under_older_rules_is_offered_with_a_plain_warning(saves):
    import json

    from game.engine.record import Session
    from tests.helpers import TUTORIAL

    session = Session.start(TUTORIAL, 4, folder=saves)
    data = json.loads(session.path.read_text(encoding="utf-8"))
    del data["rules"]  # as version 1 of the rules wrote its saves
    session.path.write_text(json.dumps(data), encoding="utf-8")
    app = App((1024, 768), saves=saves, strict=True)
    step(app)
    shown = " ".join(item.text for item in app.drawn)
    assert "Saved under an older version of the rules: its scores may differ." in shown
