"""Render one scene of a scripted game to a PNG: for the tests, the docs and the README."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.app import App
from game.ui.devices import DeviceOptions
from game.ui.positions import stage


def staged_app(
    scene: str, size, scenario: Path, seed: int, language: str, saves: Path, contrast: bool = False
) -> App:
    app = App(size, language=language, saves=saves, strict=True, seed=seed)
    # a picture listens on this laptop only, for as long as it takes (leave_game stops it)
    app.link.options = DeviceOptions("127.0.0.1", 0)
    if contrast:
        app.toggle_contrast()
    stage(app, scene, scenario, seed)
    app.draw()
    return app


def render(
    scene: str,
    size,
    output: Path,
    scenario: Path,
    seed: int,
    language: str,
    saves: Path,
    contrast: bool = False,
) -> App:
    app = staged_app(scene, size, scenario, seed, language, saves, contrast)
    output.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(pygame.display.get_surface(), str(output))
    app.leave_game()  # a scene with devices staged a server: it stops with the picture
    return app
