"""Every scene at the four sizes of a workshop's screens: nothing clipped, nothing out of
its panel, every glyph in the font. ``SHOTS=folder pytest tests/ui`` keeps the pictures."""

from __future__ import annotations

import os
import tempfile
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


def _folder_on_screen(app) -> str:
    """The drawn lines of the title's foot, joined as they were cut (a long path wraps)."""
    return "".join(d.text for d in app.drawn)


@pytest.fixture
def mac_like_folder():
    """A saves folder as long as a Mac's (about 60 characters, with a space in it)."""
    with tempfile.TemporaryDirectory(dir="/tmp" if os.path.isdir("/tmp") else None) as top:
        yield Path(top) / "Library" / "Application Support" / "outofthebox" / "saves"


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("larger", [0, 5], ids=["text-size-normal", "text-size-largest"])
def test_the_title_names_the_folder_where_games_are_saved(
    size, language, larger, tmp_path, mac_like_folder
):
    """docs/report.md: "Saves are in the folder the title screen names". With an unfinished
    game to resume (the tallest title), at the normal text size with a long folder and at
    the largest (Ctrl + five times) with a Mac's: the folder is drawn whole, inside the
    window, clear of every button."""
    from game.ui.positions import proposals_only, start

    long = tmp_path / "home" / "trainer" / ".local" / "share" / "outofthebox" / "saves"
    folder = mac_like_folder if larger else long
    proposals_only(start(folder, SCENARIO, 7), 2)  # a game to resume: five buttons
    app = staged_app("title", size, SCENARIO, 7, language, folder)
    for _ in range(larger):
        app.change_text_size(+1)
    app.draw()
    said = "Games are saved in" if language == "en" else "Spillene gemmes i"
    assert said in " ".join(d.text for d in app.drawn)
    assert str(folder).replace(" ", "") in _folder_on_screen(app).replace(" ", "")
    window = pygame.Rect((0, 0), size)
    buttons = [app.layout.to_px(hit.rect) for hit in app.hits]
    assert len(buttons) == 5
    for item in app.drawn:
        assert window.contains(item.rect) and item.bounds.contains(item.rect)
        if said in item.text or item.text.rstrip("…") in str(folder):
            assert not any(item.rect.colliderect(b) for b in buttons), "the folder under a button"


def test_shot_help_names_every_scene_it_can_draw():
    """An author looking for a scene finds it in ``outofthebox shot --help``."""
    from game.cli import build_parser

    shot = build_parser()._subparsers._group_actions[0].choices["shot"]
    listed = next(a.help for a in shot._actions if a.dest == "scene")
    words = {w.strip(" ,;:()") for w in listed.split()}
    assert [scene for scene in SCENES if scene not in words] == []
