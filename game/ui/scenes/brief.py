"""The curtain, and a team's confidential brief behind it.

The curtain draws nothing confidential: a team name and a button. Only when that team
says it is at the screen does the brief (or its turn) appear, and leaving it always
passes through the table or the next curtain, so the next team never sees it.
"""

from __future__ import annotations

import pygame

from game.ui.painter import Painter
from game.ui.scenes.base import Scene, button_row
from game.ui.words import prose


class CurtainScene(Scene):
    name = "curtain"

    def __init__(self, app, role: str, then: str):
        super().__init__(app)
        self.role = role
        self.then = then  # "brief" (the start of the game) or "turn"

    def draw(self, painter: Painter) -> None:
        t = self.t
        workshop = self.app.workshop
        seat = workshop.seat(self.role)
        role_name = workshop.name(self.role)
        width, height = painter.size
        painter.fill(painter.theme.background)
        middle = pygame.Rect(120, height // 2 - 260, width - 240, 420)
        inner = painter.panel(middle, edge=painter.theme.accent)
        painter.line(
            pygame.Rect(inner.left, inner.top, inner.width, 110),
            t("Pass to the {team} team", team=seat.team),
            "title",
            painter.theme.accent,
            True,
            "center",
        )
        if seat.team != role_name:
            painter.line(
                pygame.Rect(inner.left, inner.top + 120, inner.width, 60),
                role_name,
                "heading",
                align="center",
            )
        painter.text(
            pygame.Rect(inner.left, inner.top + 200, inner.width, inner.height - 200),
            t("Everyone else: please look away. The next screen is for this team only."),
            "body",
            painter.theme.muted,
            align="center",
        )
        button_row(
            painter,
            self.footer(painter),
            [
                (
                    t("We are the {team} team: show our screen", team=seat.team),
                    self.reveal,
                    pygame.K_RETURN,
                    True,
                )
            ],
        )

    def reveal(self) -> None:
        if self.then == "brief":
            self.app.replace(BriefScene(self.app, self.role))
        else:
            from game.ui.scenes.turn import TurnScene

            self.app.replace(TurnScene(self.app, self.role))


class BriefScene(Scene):
    """A team's confidential brief: what it wants, its points, walk-away values, red lines."""

    name = "brief"

    def __init__(self, app, role: str, back_to_turn: bool = False):
        super().__init__(app)
        self.role = role
        self.secret_of = role
        self.project_index = 0
        self.back_to_turn = back_to_turn

    def draw(self, painter: Painter) -> None:
        t = self.t
        view = self.app.workshop.private_view(self.role)
        me = view["me"]
        role_name = self.app.workshop.name(self.role)
        area = self.header(painter, t("Our brief: {role}", role=role_name), secret=role_name)
        left = pygame.Rect(area.left, area.top, area.width * 5 // 12, area.height)
        right = pygame.Rect(left.right + 30, area.top, area.right - left.right - 30, area.height)
        inner = painter.panel(left, t("What we really want"))
        top = inner.top
        top += (
            painter.text(
                pygame.Rect(inner.left, top, inner.width, inner.height * 3 // 5),
                prose(me["brief"]),
                "small",
            )
            + 16
        )
        top += (
            painter.text(
                pygame.Rect(inner.left, top, inner.width, inner.bottom - top),
                t("Risk we tolerate: {level} of 10", level=me["risk_tolerance"]),
                "small",
                painter.theme.accent,
                max_lines=1,
            )
            + 10
        )
        for line in me["red_lines"]:
            if top >= inner.bottom:
                break
            top += (
                painter.text(
                    pygame.Rect(inner.left, top, inner.width, inner.bottom - top),
                    "✗ " + t("Red line: {reason}", reason=line["reason"]),
                    "small",
                    painter.theme.bad,
                )
                + 8
            )
        draw_points(painter, right, view, me, self.project_index, t, self.select)
        button_row(
            painter,
            self.footer(painter),
            [(t("Done: hide our brief"), self.done, pygame.K_RETURN, True)],
        )

    def select(self, index: int) -> None:
        self.project_index = index

    def done(self) -> None:
        self.app.pop()  # to the team's turn, the next team's curtain, or the table


def draw_points(painter: Painter, rect: pygame.Rect, view, me, index: int, t, select) -> None:
    """One project's issues with our points per option; tabs for the other projects."""
    projects = [p for p in view["projects"] if p["id"] in me["points"]]
    if not projects:
        painter.panel(rect, t("No project for us in this scenario"))
        return
    index = min(index, len(projects) - 1)
    tab_width = min(420, (rect.width - 10 * (len(projects) - 1)) // len(projects))
    for number, project in enumerate(projects):
        tab = pygame.Rect(rect.left + number * (tab_width + 10), rect.top, tab_width, 70)
        painter.button(
            tab,
            project["title"],
            lambda n=number: select(n),
            selected=number == index,
            size="small",
        )
    project = projects[index]
    panel = pygame.Rect(rect.left, rect.top + 84, rect.width, rect.height - 84)
    inner = painter.panel(panel)
    walk = me["walk_away"].get(project["id"])
    top = inner.top
    top += (
        painter.text(
            pygame.Rect(inner.left, top, inner.width, 60),
            t("Without a deal we get {points} points (our walk-away value).", points=walk),
            "small",
            painter.theme.accent,
            max_lines=2,
        )
        + 12
    )
    red = {(line["project"], line["issue"], line["option"]) for line in me["red_lines"]}
    points = me["points"][project["id"]]
    for issue in project["issues"]:
        if top >= inner.bottom:
            break
        parts = []
        for option in issue["options"]:
            mark = " ✗" if (project["id"], issue["id"], option["id"]) in red else ""
            parts.append(f"{option['label']}: {points[issue['id']][option['id']]}{mark}")
        top += (
            painter.text(
                pygame.Rect(inner.left, top, inner.width, 50),
                issue["title"],
                "small",
                painter.theme.accent,
                bold=True,
                max_lines=1,
            )
            + 2
        )
        top += (
            painter.text(
                pygame.Rect(inner.left + 20, top, inner.width - 20, inner.bottom - top),
                "  ·  ".join(parts),
                "small",
            )
            + 12
        )
