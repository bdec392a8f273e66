"""A scene draws a view and turns clicks and keys into actions; it never edits the state.

``secret_of`` names the one role whose confidential brief this scene may show (None: the
room may see everything on it). The app checks it before drawing, and the leak test
checks every line drawn against every other role's secrets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.painter import Painter

if TYPE_CHECKING:
    from game.ui.host import Host


class Scene:
    secret_of: str | None = None
    #: shown in the trainer's help and used by ``outofthebox shot``
    name: str = "scene"

    def __init__(self, app: Host):
        self.app = app
        self.t = app.t

    def draw(self, painter: Painter) -> None:
        raise NotImplementedError

    def handle(self, event: pygame.event.Event) -> bool:
        """Events the buttons do not take (typing, scrolling); True if something changed."""
        return False

    def help_keys(self) -> list[tuple[str, str]]:
        """Keys of this screen that no button shows, for the help overlay (F1)."""
        return []

    def tick(self) -> bool:
        """Called every frame; True if the scene needs a redraw (a clock, an animation)."""
        return False

    def header(
        self, painter: Painter, title: str, subtitle: str = "", secret: str = ""
    ) -> pygame.Rect:
        """The title band every scene has; returns the area left for content.

        ``secret`` names the team a confidential screen is for: a red band and the words
        "confidential" say so, in words as well as colour.
        """
        width, _ = painter.size
        top = 0
        if secret:
            band = pygame.Rect(0, 0, width, 56)
            painter.box(band, painter.theme.secret, painter.theme.secret, 0)
            label = "■ " + self.t("Confidential: for the {role} team only", role=secret)
            painter.line(band.inflate(-80, -8), label, "small", (255, 255, 255), bold=True)
            top = band.bottom
        band = pygame.Rect(0, top, width, 110)
        painter.line(band.inflate(-80, -16), title, "heading" if secret else "title", bold=True)
        top = band.bottom
        if subtitle:
            used = painter.text(
                pygame.Rect(40, top, width - 80, 100), subtitle, "body", painter.theme.muted
            )
            top += used + 10
        return pygame.Rect(40, top + 10, width - 80, content_bottom(painter) - top - 10)

    def footer(self, painter: Painter) -> pygame.Rect:
        """The strip at the bottom for the scene's main buttons."""
        width, height = painter.size
        return pygame.Rect(40, height - 100, width - 80, 80)


class PrivateScene(Scene):
    """A screen for one team's eyes: it may show that team's secrets, and nobody else's."""

    def __init__(self, app: Host, role: str):
        super().__init__(app)
        self.role = role
        self.secret_of = role


def content_bottom(painter: Painter) -> int:
    """Where content ends: the message strip and the footer's buttons lie below."""
    return painter.size[1] - 100 - 60 - 20


def with_page_buttons(scene, pages: int, buttons: list) -> list:
    """``buttons`` after "Previous page" and "Next page (n of m)" when a text runs over
    ``pages`` pages (``scene.page``, turned by ``scene.turn_page``); as they are if one."""
    if pages <= 1:
        return buttons
    t, page = scene.t, scene.page
    return [
        (t("Previous page"), lambda: scene.turn_page(-1), pygame.K_PAGEUP, page > 0),
        (t("Next page ({page} of {pages})", page=page + 1, pages=pages),
         lambda: scene.turn_page(+1), pygame.K_PAGEDOWN, page < pages - 1),
        *buttons,
    ]  # fmt: skip


def button_row(
    painter: Painter,
    area: pygame.Rect,
    buttons: list[tuple[str, object, int | None, bool]],
    gap: int = 20,
) -> None:
    """Buttons of equal width across ``area``: (label, action, key, enabled)."""
    if not buttons:
        return
    width = (area.width - gap * (len(buttons) - 1)) // len(buttons)
    for index, (label, action, key, enabled) in enumerate(buttons):
        rect = pygame.Rect(area.left + index * (width + gap), area.top, width, area.height)
        painter.button(rect, label, action, key, enabled)
