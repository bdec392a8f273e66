"""A role's public profile, as the trainer reads it aloud: mission, passion, ambitions."""

from __future__ import annotations

import pygame

from game.ui.painter import Painter
from game.ui.scenes.base import Scene, button_row
from game.ui.words import resources, sector_name, tag


class ProfileScene(Scene):
    name = "profile"

    def __init__(self, app, role: str):
        super().__init__(app)
        self.role = role

    def draw(self, painter: Painter) -> None:
        t = self.t
        view = self.app.workshop.public_view()
        role = next(r for r in view["roles"] if r["id"] == self.role)
        area = self.header(painter, role["name"], sector_name(t, role["sector"]))
        inner = painter.panel(area)
        have = role["resources_per_round"]
        parts = [
            (t("Mission"), role["mission"]),
            (t("Passion"), role["passion"]),
            (t("Ambitions"), "\n".join("• " + a for a in role["ambitions"])),
            (t("Competencies"), ", ".join(tag(c) for c in role["competencies"])),
            (t("Each round"), resources(t, have["staff_time"], have["budget"])),
            (t("Brand"), t("{level} of 10", level=role["brand"])),
        ]
        top = inner.top
        for label, text in parts:
            if top >= inner.bottom:
                break
            room = pygame.Rect(inner.left, top, inner.width, inner.bottom - top)
            top += painter.text(room, label, "small", painter.theme.accent, bold=True, max_lines=1)
            room = pygame.Rect(inner.left + 20, top, inner.width - 20, inner.bottom - top)
            top += painter.text(room, text, "body") + 14
        button_row(
            painter,
            self.footer(painter),
            [(t("Back to the table"), self.app.pop, pygame.K_ESCAPE, True)],
        )
