"""What the app draws over any scene: the message strip, the pause banner, the help."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.painter import Painter
from game.ui.trainer import TRAINER_KEYS

if TYPE_CHECKING:
    from game.ui.host import Host

STRIP_HEIGHT = 60


def message_strip(painter: Painter) -> pygame.Rect:
    width, height = painter.size
    return pygame.Rect(40, height - 100 - STRIP_HEIGHT - 10, width - 80, STRIP_HEIGHT)


def draw_status(app: Host, painter: Painter) -> None:
    strip = message_strip(painter)
    if app.error:
        painter.box(strip, painter.theme.panel, painter.theme.bad)
        painter.line(strip.inflate(-30, -6), "⚠ " + app.error, "small", painter.theme.bad)
    elif app.message:
        painter.box(strip, painter.theme.panel)
        painter.line(strip.inflate(-30, -6), "► " + app.message, "small")
    if app.workshop is not None and app.workshop.state.paused:
        width, height = painter.size
        band = pygame.Rect(0, height // 2 - 90, width, 180)
        painter.box(band, painter.theme.accent, painter.theme.accent)
        painter.line(
            band.inflate(-60, -40),
            "‖ " + app.t("Paused by the trainer — F2 resumes"),
            "heading",
            painter.theme.accent_text,
            bold=True,
            align="center",
        )


def draw_help(app: Host, painter: Painter) -> None:
    t = app.t
    width, height = painter.size
    painter.fill()  # the help covers the scene: nothing half-hidden shows through
    area = pygame.Rect(160, 60, width - 320, height - 120)
    painter.box(area, painter.theme.panel, painter.theme.accent, 4)
    inner = area.inflate(-60, -50)
    used = painter.text(inner, t("Trainer keys"), "heading", bold=True, max_lines=1)
    rows = [(label, t(purpose)) for label, purpose in TRAINER_KEYS]
    here = app.scene.help_keys()
    if here:
        rows += [("", t("On this screen:")), *here]
    room = inner.height - used - 110
    size = "body" if len(rows) * painter.line_height("body") <= room else "small"  # all rows
    row_height = max(painter.line_height(size), room // len(rows))
    top = inner.top + used + 20
    for label, purpose in rows:
        if top + row_height > inner.bottom - 80:
            break
        painter.line(
            pygame.Rect(inner.left, top, 330, row_height),
            label,
            size,
            painter.theme.accent,
            bold=True,
        )
        painter.line(
            pygame.Rect(inner.left + 350, top, inner.width - 350, row_height), purpose, size
        )
        top += row_height
    painter.button(
        pygame.Rect(inner.centerx - 200, inner.bottom - 70, 400, 70),
        t("Close"),
        lambda: _close(app),
        pygame.K_ESCAPE,
    )


def _close(app: Host) -> None:
    app.help_open = False
