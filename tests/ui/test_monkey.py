"""Monkey test: 20,000 random events on every scene, and the screens never raise.

CI sends 5,000 per scene; the full 20,000 run as a long test: ``python -m pytest -m long
tests/ui/test_monkey.py``.

Clicks land mostly on buttons (so the monkey travels through the game as well as between
them), keys include every trainer key, text arrives as typing does. The app runs strict:
any exception in a scene fails the test instead of being shown on screen.
"""

from __future__ import annotations

import random

import pygame
import pytest

from game.ui.positions import SCENES
from game.ui.shot import staged_app
from tests.helpers import SCENARIOS

EVENTS_PER_SCENE = 20_000  # the long run's count
EVENTS_IN_CI = 5_000
BATCH = 40  # events between frames, as a busy room would send them
KEYS = [
    pygame.K_RETURN,
    pygame.K_ESCAPE,
    pygame.K_SPACE,
    pygame.K_BACKSPACE,
    pygame.K_TAB,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_a,
    pygame.K_b,
    pygame.K_c,
    pygame.K_e,
    pygame.K_l,
    pygame.K_n,
    pygame.K_p,
    pygame.K_r,
    pygame.K_u,
    pygame.K_z,
    pygame.K_s,
    pygame.K_PLUS,
    pygame.K_MINUS,
    pygame.K_EQUALS,
    pygame.K_F1,
    pygame.K_F2,
    pygame.K_F3,
    pygame.K_F4,
    pygame.K_F5,
    pygame.K_F6,
    pygame.K_F7,
    pygame.K_F8,
    pygame.K_F9,
    pygame.K_F10,
    pygame.K_F11,
    pygame.K_F12,
]


def random_events(rng: random.Random, app, size) -> list[pygame.event.Event]:
    """One event, or a whole click (press and release) on a button of the last frame."""
    roll = rng.random()
    if roll < 0.45 and app.hits:
        pos = app._physical(rng.choice(app.hits).rect.center)
        return [
            pygame.event.Event(kind, pos=pos, button=1)
            for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)
        ]
    return [random_event(rng, roll, size)]


def random_event(rng: random.Random, roll: float, size) -> pygame.event.Event:
    if roll < 0.6:
        pos = (rng.randrange(size[0]), rng.randrange(size[1]))
        kind = rng.choice([pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP])
        return pygame.event.Event(
            kind, pos=pos, button=rng.choice([1, 1, 2, 3]), rel=(0, 0), buttons=(1, 0, 0)
        )
    if roll < 0.9:
        mod = rng.choice([0, 0, 0, pygame.KMOD_LCTRL, pygame.KMOD_SHIFT])
        return pygame.event.Event(
            pygame.KEYDOWN, key=rng.choice(KEYS), mod=mod, unicode="", scancode=0
        )
    if roll < 0.97:
        return pygame.event.Event(pygame.TEXTINPUT, text=rng.choice("aæøå Z1-'"))
    return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-1, 1]), flipped=False)


@pytest.mark.parametrize("scene", SCENES)
def test_five_thousand_random_events_never_break_a_scene(scene, tmp_path):
    monkey(scene, tmp_path, EVENTS_IN_CI)


@pytest.mark.long
@pytest.mark.parametrize("scene", SCENES)
def test_twenty_thousand_random_events_never_break_a_scene(scene, tmp_path):
    monkey(scene, tmp_path, EVENTS_PER_SCENE)


def monkey(scene: str, tmp_path, events: int) -> None:
    """``events`` random events on ``scene``, a frame drawn after every batch."""
    size = (800, 450)  # the monkey tests behaviour; test_screens tests the pictures
    app = staged_app(
        scene, size, SCENARIOS / "children-and-families.yaml", 7, "en", tmp_path / "saves"
    )
    rng = random.Random(f"monkey-{scene}")
    for number in range(events):
        if not app.running:  # the monkey found Quit: start the scene again
            app = staged_app(
                scene,
                size,
                SCENARIOS / "children-and-families.yaml",
                7,
                "en",
                tmp_path / f"saves{number}",
            )
        for event in random_events(rng, app, size):
            app.handle(event)
        if number % BATCH == 0:
            app.draw()
    app.draw()
