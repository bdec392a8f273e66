"""What only the acting team learnt (an exploration's fact, its users' needs), then hide."""

from __future__ import annotations

import pygame

from game.ui.painter import Painter
from game.ui.scenes.base import PrivateScene, button_row


class ResultScene(PrivateScene):
    name = "result"

    def __init__(self, app, role: str, text: str):
        super().__init__(app, role)
        self.text = text

    def draw(self, painter: Painter) -> None:
        t = self.t
        role_name = self.app.workshop.name(self.role)
        area = self.header(painter, t("What we found out"), secret=role_name)
        inner = painter.panel(area)
        painter.text(inner, self.text, "body")
        button_row(
            painter,
            self.footer(painter),
            [(t("Hide: back to the table"), self.app.to_table, pygame.K_RETURN, True)],
        )
