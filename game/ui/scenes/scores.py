"""The final scores: win-win, risk and innovation per agreement, per role and for the table.

Each score is shown as a number, a bar and its reason, and individual scores stand next
to the table's: the lesson is that the table wins together.
"""

from __future__ import annotations

import pygame

from game.scoring.shares import own_gains
from game.session.debriefing import said
from game.ui.painter import PAD, Painter
from game.ui.scenes.base import Scene, button_row

AXIS_KEYS = ("win_win", "risk", "innovation")


class ScoresScene(Scene):
    name = "scores"

    def __init__(self, app):
        super().__init__(app)
        self.page = 0  # 0: the table and the roles; 1…: one agreement each

    def axis_names(self) -> dict[str, str]:
        t = self.t
        return {"win_win": t("Win-win"), "risk": t("Healthy risk"), "innovation": t("Innovation")}

    def draw(self, painter: Painter) -> None:
        t = self.t
        workshop = self.app.workshop
        scores = workshop.scores()
        pages = 1 + len(scores.agreements)
        self.page %= pages
        area = self.header(
            painter, t("Final scores"), t("Page {page} of {pages}", page=self.page + 1, pages=pages)
        )
        if self.page == 0:
            self.draw_overview(painter, area, scores)
        else:
            self.draw_agreement(painter, area, scores.agreements[self.page - 1])
        button_row(
            painter,
            self.footer(painter),
            [
                (t("Previous"), lambda: self.turn(-1), pygame.K_LEFT, pages > 1),
                (t("Next"), lambda: self.turn(+1), pygame.K_RIGHT, pages > 1),
                *self.practice_button(),
                (t("Debrief"), self.debrief, pygame.K_RETURN, True),
                # no key: a stray Esc must not end the debrief
                (t("Close the scores"), self.leave, None, True),
            ],
        )

    def practice_button(self) -> list[tuple[str, object, int | None, bool]]:
        """Solo practice: back to the perspective-taking summary (and its replays)."""
        if self.app.workshop.solo_role is None:
            return []
        return [(self.t("Perspective-taking"), self.perspective, pygame.K_p, True)]

    def debrief(self) -> None:
        """The workshop's closing screen: charts, lessons, missed deals, the timeline."""
        self.app.push(self.app.make("debrief"))

    def perspective(self) -> None:
        self.app.push(self.app.make("perspective", self.app.workshop.solo_role))

    def draw_overview(self, painter: Painter, area: pygame.Rect, scores) -> None:
        t = self.t
        workshop = self.app.workshop
        names = self.axis_names()
        top_h = area.height // 2
        table = painter.panel(pygame.Rect(area.left, area.top, area.width, top_h), t("The table"))
        row_h = table.height // 3
        for index, axis in enumerate(AXIS_KEYS):
            self.bar(
                painter,
                pygame.Rect(table.left, table.top + index * row_h, table.width, row_h),
                names[axis],
                scores.table[axis],
            )
        panel = pygame.Rect(area.left, area.top + top_h + 20, area.width, area.height - top_h - 20)
        painter.box(panel)
        inner = panel.inflate(-2 * PAD, -2 * PAD)
        # the heading wraps at a larger text size rather than being cut
        heading = t("Each role: its own gain and its agreements' mean scores")
        size = "heading" if painter.text_height(heading, inner.width, "heading", True) <= (
            painter.line_height("heading", True)) else "body"  # fmt: skip
        used = painter.text(inner, heading, size, bold=True) + 8
        roles = pygame.Rect(inner.left, inner.top + used, inner.width, inner.height - used)
        gains = own_gains(workshop.state, scores.individual)
        signed = {member for agreement in scores.agreements for member in agreement.members}
        role_ids = list(scores.roles)
        row_h = roles.height // max(1, len(role_ids))
        for index, role in enumerate(role_ids):
            axes = scores.roles[role]
            # own gain, not points: points are confidential (docs/report.md)
            if role in signed:
                scored = "   " + "   ".join(f"{names[a]} {axes[a].score}" for a in AXIS_KEYS)
            else:
                scored = "   " + t("— no agreement")
            # the team's own name and its role's; its own name alone when that is too long
            # for the row (a larger text size): wrapped, never cut
            seat = workshop.seat(role)
            for name in (workshop.label(role), seat.team.strip() or workshop.name(role)):
                line = t("{role}: own gain {gain}%", role=name, gain=gains[role]) + scored
                if painter.text_height(line, roles.width, "small") <= row_h:
                    break
            row = pygame.Rect(roles.left, roles.top + index * row_h, roles.width, row_h)
            if painter.text_height(line, roles.width, "small") <= row_h:
                painter.text(row, line, "small")
            else:  # a row lower than a line (the largest text): smaller type, not cut
                painter.line(row, line, "small")

    def draw_agreement(self, painter: Painter, area: pygame.Rect, agreement) -> None:
        workshop = self.app.workshop
        title = workshop.state.scenario.project(agreement.project).title
        # the teams by their own names (Team Red), as the room knows them
        members = ", ".join(workshop.seat(m).team.strip() or workshop.name(m)
                            for m in agreement.members)  # fmt: skip
        inner = painter.panel(area, f"{title}: {members}")
        names = self.axis_names()
        row_h = inner.height // 3
        for index, axis in enumerate(AXIS_KEYS):
            self.bar(
                painter,
                pygame.Rect(inner.left, inner.top + index * row_h, inner.width, row_h),
                names[axis],
                getattr(agreement, axis),
            )

    def bar(self, painter: Painter, rect: pygame.Rect, name: str, axis) -> None:
        """A score as a labelled bar (the number is written: colour never carries it alone)."""
        widest = max(painter.type.width(f"{axis_name} 100", painter.px("body"), True)
                     for axis_name in self.axis_names().values())  # fmt: skip
        label_w = max(330, round(widest / painter.layout.scale) + 24)
        line_h = min(rect.height, painter.line_height("body"))
        painter.line(
            pygame.Rect(rect.left, rect.top, label_w, line_h),
            f"{name} {axis.score}",
            "body",
            bold=True,
        )
        track = pygame.Rect(
            rect.left + label_w, rect.top + 8, rect.width - label_w, max(8, line_h - 16)
        )
        painter.box(track, painter.theme.background)
        if axis.score:
            painter.box(
                pygame.Rect(track.left, track.top, track.width * axis.score // 100, track.height),
                painter.theme.accent,
                painter.theme.accent,
            )
        painter.text(
            pygame.Rect(rect.left + 20, rect.top + line_h, rect.width - 20, rect.height - line_h),
            "→ " + said(axis.reason, self.t.language),
            "small",
            painter.theme.muted,
            max_lines=4,
        )

    def turn(self, step: int) -> None:
        self.page += step

    def leave(self) -> None:
        self.app.workshop = None
        self.app.message = self.app.error = ""
        self.app.reset_to(self.app.make("title"))
