"""The debrief's missed deals: per project, what the table reached and the best it could."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.painter import Painter

if TYPE_CHECKING:
    from game.ui.scenes.debrief import DebriefScene


def draw_missed(scene: DebriefScene, painter: Painter, area: pygame.Rect) -> int:
    inner = painter.panel(area, scene.t("Missed deals"))
    painter.text(inner, "…", "body")
    return 1
