"""The deal builder: a project, its participants, one option per issue — and our numbers live.

The acting team sees its own points for every option, its walk-away value and its red
lines as it builds; nobody else's (the screen reads only this team's view). Proposing
sends the deal to the game; a refusal is shown in the rules' own sentence.
"""

from __future__ import annotations

import pygame

from game.engine import actions as act
from game.engine.ownview import (
    eligible,
    judge_in_view,
    project_of,
    read_deal,
    red_line_reason,
    starting_terms,
)
from game.session.dealmath import reading_lines
from game.ui.painter import Painter
from game.ui.scenes.base import PrivateScene, button_row


class DealScene(PrivateScene):
    name = "deal"

    def __init__(self, app, role: str, counter_of: int | None = None):
        super().__init__(app, role)
        self.counter_of = counter_of
        view = app.workshop.private_view(role)
        self.projects = [p["id"] for p in view["projects"] if p["id"] in view["me"]["points"]]
        agreed = {a["project"] for a in view["agreements"] if a["failed_round"] is None}
        open_projects = [p for p in self.projects if p not in agreed] or self.projects
        self.participants: list[str] = []
        self.options: list[str] = []
        if counter_of is not None:
            deal = next(d for d in view["deals"] if d["number"] == counter_of)
            self.project = deal["project"]
            self.participants = list(deal["participants"])
            self.options = list(deal["options"])
        else:
            self.choose_project(open_projects[0], view)

    def choose_project(self, project_id: str, view=None) -> None:
        view = view or self.app.workshop.private_view(self.role)
        self.project = project_id
        self.participants, self.options = starting_terms(view, project_id)

    def action(self) -> act.Action:
        if self.counter_of is not None:
            return act.Counter(
                self.role, self.counter_of, tuple(self.participants), tuple(self.options)
            )
        return act.Propose(self.role, self.project, tuple(self.participants), tuple(self.options))

    def draw(self, painter: Painter) -> None:
        t = self.t
        workshop = self.app.workshop
        view = workshop.private_view(self.role)
        role_name = workshop.name(self.role)
        title = (
            t("Counter deal {number}", number=self.counter_of)
            if self.counter_of
            else t("Propose a deal")
        )
        area = self.header(painter, title, secret=role_name)
        project = project_of(view, self.project)
        top = area.top
        if self.counter_of is None and len(self.projects) > 1:
            tab_w = min(520, (area.width - 12 * (len(self.projects) - 1)) // len(self.projects))
            for index, project_id in enumerate(self.projects):
                tab = pygame.Rect(area.left + index * (tab_w + 12), top, tab_w, 70)
                painter.button(
                    tab,
                    project_of(view, project_id)["title"],
                    lambda p=project_id: self.choose_project(p),
                    selected=project_id == self.project,
                    size="small",
                )
            top += 84
        body = pygame.Rect(area.left, top, area.width, area.bottom - top)
        left = pygame.Rect(body.left, body.top, body.width * 7 // 20, body.height)
        right = pygame.Rect(left.right + 24, body.top, body.right - left.right - 24, body.height)
        refusal = workshop.check(self.action())
        self.draw_side(painter, left, view, project, refusal)
        self.draw_issues(painter, right, view, project)
        verb = t("Counter with this deal") if self.counter_of else t("Propose this deal")
        button_row(
            painter,
            self.footer(painter),
            [
                (t("Cancel"), self.app.pop, pygame.K_ESCAPE, True),
                (verb, self.send, pygame.K_RETURN, refusal is None),
            ],
        )

    def draw_side(self, painter: Painter, rect: pygame.Rect, view, project, refusal) -> None:
        t = self.t
        inner = painter.panel(rect, t("With whom?"))
        names = {role["id"]: role["name"] for role in view["roles"]}
        candidates = eligible(view, project)
        row = min(70, max(50, (inner.height // 2) // max(1, len(candidates)) - 8))
        top = inner.top
        for role in candidates:
            chosen = role in self.participants
            label = ("✓ " if chosen else "  ") + names[role]
            painter.button(
                pygame.Rect(inner.left, top, inner.width, row),
                label,
                lambda r=role: self.toggle(r),
                enabled=role != self.role,
                selected=chosen,
                size="small",
            )
            top += row + 8
        reading = read_deal(view, self.project, self.options)
        verdict = judge_in_view(view, self.project, self.options, self.participants)  # no one
        # has said no to a deal still being built: the bonus is in reach
        top += 10
        lines = reading_lines(t, reading, project, verdict, names)
        items = [(text, painter.tone(tone)) for text, tone in lines]
        room = pygame.Rect(inner.left, top, inner.width, inner.bottom - top)
        top += painter.paragraphs(room, items, gap=6, max_lines=2)
        if refusal:
            painter.text(
                pygame.Rect(inner.left, top, inner.width, inner.bottom - top),
                "⚠ " + refusal,
                "small",
                painter.theme.bad,
            )

    def draw_issues(self, painter: Painter, rect: pygame.Rect, view, project) -> None:
        t = self.t
        me = view["me"]
        inner = painter.panel(rect, t("One option per issue (our points)"))
        issues = project["issues"]
        slot = (inner.height - 10 * (len(issues) - 1)) // len(issues)
        title_h = min(painter.line_height("small") + 4, slot // 2)
        for number, issue in enumerate(issues):
            top = inner.top + number * (slot + 10)
            painter.line(
                pygame.Rect(inner.left, top, inner.width, title_h),
                issue["title"],
                "small",
                painter.theme.accent,
                bold=True,
            )
            options = issue["options"]
            width = (inner.width - 10 * (len(options) - 1)) // len(options)
            labels = []
            for option in options:
                points = me["points"][self.project][issue["id"]][option["id"]]
                red = red_line_reason(me, self.project, issue["id"], option["id"])
                mark = "✗ " + t("red line") + ": " if red else ""
                labels.append(f"{points} · {mark}{option['label']}")  # the number first
            # tall enough for the longest label, where the slot has room: a cut option
            # is one the team cannot judge (the selected one is bold, so measure bold)
            needed = max(painter.text_height(label, width - 20, "small", True) for label in labels)
            height = min(max(100, needed + 16), slot - title_h - 4)
            for index, (option, label) in enumerate(zip(options, labels, strict=True)):
                button = pygame.Rect(
                    inner.left + index * (width + 10), top + title_h + 4, width, height
                )
                painter.button(
                    button,
                    label,
                    lambda i=number, o=option["id"]: self.pick(i, o),
                    selected=self.options[number] == option["id"],
                    size="small",
                )

    def toggle(self, role: str) -> None:
        if role == self.role:
            return
        if role in self.participants:
            self.participants.remove(role)
        else:
            view = self.app.workshop.private_view(self.role)
            order = [r["id"] for r in view["roles"]]
            self.participants = sorted([*self.participants, role], key=order.index)

    def pick(self, issue_index: int, option: str) -> None:
        self.options[issue_index] = option

    def send(self) -> None:
        outcome = self.app.perform(self.action())
        if outcome.ok:
            self.app.to_table()
