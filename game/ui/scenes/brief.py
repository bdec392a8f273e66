"""The curtain, and a team's confidential brief behind it.

The curtain draws nothing confidential: a team name and a button. Only when that team
says it is at the screen does the brief (or its turn) appear, and leaving it always
passes through the table or the next curtain, so the next team never sees it.
"""

from __future__ import annotations

import pygame

from game.ui.painter import Painter
from game.ui.scenes.base import PrivateScene, Scene, button_row, with_page_buttons
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
        middle = pygame.Rect(120, height // 2 - 300, width - 240, 520)
        inner = painter.panel(middle, edge=painter.theme.accent)
        # "Pass to" on one line, the team's name whole on the next: it must never be cut
        painter.line(pygame.Rect(inner.left, inner.top, inner.width, 70), t("Pass the screen to"),
                     "heading", painter.theme.muted, align="center")  # fmt: skip
        painter.line(pygame.Rect(inner.left, inner.top + 75, inner.width, 110), seat.team,
                     "title", painter.theme.accent, True, "center")  # fmt: skip
        if seat.team != role_name:
            painter.line(
                pygame.Rect(inner.left, inner.top + 190, inner.width, 60),
                role_name,
                "heading",
                align="center",
            )
        painter.text(
            pygame.Rect(inner.left, inner.top + 270, inner.width, inner.height - 270),
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
                    t("We are {team}: show our screen", team=seat.team),
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
            self.app.replace(self.app.make("turn", self.role))


class BriefScene(PrivateScene):
    """A team's confidential brief: what it wants, its points, walk-away values, red lines."""

    name = "brief"

    def __init__(self, app, role: str, back_to_turn: bool = False):
        super().__init__(app, role)
        self.project_index = 0
        self.page = 0
        self.back_to_turn = back_to_turn

    def draw(self, painter: Painter) -> None:
        t = self.t
        view = self.app.workshop.private_view(self.role)
        me = view["me"]
        role_name = self.app.workshop.name(self.role)
        area = self.header(painter, t("Our brief: {role}", role=role_name), secret=role_name)
        left = pygame.Rect(area.left, area.top, area.width // 2, area.height)
        right = pygame.Rect(left.right + 30, area.top, area.right - left.right - 30, area.height)
        pages = self.draw_brief(painter, left, me)
        draw_points(painter, right, view, me, self.project_index, t, self.select)
        buttons = [(t("Done: hide our brief"), self.done, pygame.K_RETURN, True)]
        button_row(painter, self.footer(painter), with_page_buttons(self, pages, buttons))

    def draw_brief(self, painter: Painter, rect: pygame.Rect, me) -> int:
        """The brief whole, page by page (nothing of it may be cut), then risk and red lines."""
        t = self.t
        inner = painter.panel(rect, t("What we really want"))
        parts = [
            prose(me["brief"]),
            t("Risk we tolerate: {level} of 10", level=me["risk_tolerance"]),
        ]
        parts += ["✗ " + t("Red line: {reason}", reason=line["reason"]) for line in me["red_lines"]]
        pages = painter.page_of_text(inner, "\n\n".join(parts), self.page, "small")
        self.page = min(self.page, pages - 1)
        return pages

    def turn_page(self, step: int) -> None:
        self.page = max(0, self.page + step)

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
    issues = project["issues"]
    line_h = painter.line_height("small")
    gap = 16
    needed = sum((1 + len(issue["options"])) * line_h + gap for issue in issues)
    columns = 1 if needed <= inner.bottom - top or len(issues) < 2 else 2
    block_w = (inner.width - gap * (columns - 1)) // columns
    block_h = line_h * (1 + max(len(issue["options"]) for issue in issues))
    for number, issue in enumerate(issues):
        left = inner.left + (number % columns) * (block_w + gap)
        if columns == 1:
            y = top
            top += (1 + len(issue["options"])) * line_h + gap
        else:
            y = top + (number // columns) * (block_h + gap)
        bottom = min(inner.bottom, y + block_h)
        if y + line_h > inner.bottom:
            break
        painter.line(pygame.Rect(left, y, block_w, line_h), issue["title"], "small",
                     painter.theme.accent, bold=True)  # fmt: skip
        y += line_h
        for option in issue["options"]:
            if y + line_h > bottom:
                break
            crossed = (project["id"], issue["id"], option["id"]) in red
            mark = "✗ " + t("red line") + ": " if crossed else ""
            text = f"{points[issue['id']][option['id']]:>3} · {mark}{option['label']}"
            colour = painter.theme.bad if crossed else None
            painter.line(pygame.Rect(left + 10, y, block_w - 10, line_h), text, "small", colour)
            y += line_h
