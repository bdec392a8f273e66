"""Every scene at the four sizes of a workshop's screens: nothing clipped, nothing out of
its panel, every glyph in the font. ``SHOTS=folder pytest tests/ui`` keeps the pictures."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.ui.positions import SCENES
from game.ui.shot import staged_app
from game.ui.text import FONT_DIR, REGULAR
from tests.helpers import SCENARIOS

SIZES = [(1024, 768), (1280, 720), (1920, 1080), (3840, 2160)]
SCENARIO = SCENARIOS / "children-and-families.yaml"


def missing_glyphs(text: str, font: pygame.font.Font, blank) -> set[str]:
    """Characters the font draws as its 'no glyph' box."""
    return {ch for ch in set(text) if not ch.isspace() and font.metrics(ch)[0] == blank}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scene", SCENES)
def test_every_line_of_text_stays_inside_its_box_and_the_window(scene, size, tmp_path):
    app = staged_app(scene, size, SCENARIO, 7, "en", tmp_path / "saves")
    window = pygame.Rect((0, 0), size)
    assert app.drawn, "the scene drew no text at all"
    for item in app.drawn:
        assert item.bounds.contains(item.rect), f"{item.text!r} runs out of its box"
        assert window.contains(item.rect), f"{item.text!r} runs off the window"
    font = pygame.font.Font(FONT_DIR / REGULAR, 20)
    blank = font.metrics("\ue000")[0]
    assert not missing_glyphs("".join(d.text for d in app.drawn), font, blank)
    keep = os.environ.get("SHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        pygame.image.save(pygame.display.get_surface(), f"{keep}/{scene}-{size[0]}x{size[1]}.png")


def test_danish_letters_are_drawn(tmp_path):
    app = staged_app("title", (1280, 720), SCENARIO, 7, "da", tmp_path / "saves")
    app.workshop = None
    app.message = "Æblegrød på Østerbro og Åen"
    app.draw()
    assert any("Æblegrød på Østerbro og Åen" in d.text for d in app.drawn)
