"""The debrief's charts: the three axes for the table and each role, and per agreement.

Each role's own gain stands beside its three axes, and the table's (its roles' mean)
beside the table's, so the room sees at a glance who gained what by partnering and how
the table did as a whole. The own gain is a share of the gain a role could have had
(``game/scoring/shares.py``), never its points: points would give a team's walk-away
values away (docs/report.md has the policy, the report follows it too). An agreement's
reasons are said in the report's words (``game/report/phrases.py``), which turn the
points a reason quotes into shares. Each page returns how many pages (or rows to choose
from) it has, for the scene's ←/→.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.session.debriefing import said
from game.ui.charts import Cell, Column, Row, grid
from game.ui.painter import Hit, Painter

if TYPE_CHECKING:
    from game.ui.scenes.debrief_page import DebriefPage

AXES = ("win_win", "risk", "innovation")
PATTERNS = ("solid", "stripes", "dots")


def axis_columns(scene: DebriefPage) -> list[Column]:
    t = scene.t
    names = (t("Win-win"), t("Healthy risk"), t("Innovation"))
    return [Column(name, pattern, index, 80) for index, (name, pattern) in
            enumerate(zip(names, PATTERNS, strict=True))]  # fmt: skip


def percent(t, share: int) -> str:
    """A share in whole percent, a minus sign when below 0."""
    return t("{share}%", share=share if share >= 0 else f"−{-share}")


def text_width(painter: Painter, text: str, size: str = "body", bold: bool = True) -> int:
    """The logical width ``text`` takes."""
    return int(painter.type.width(text, painter.px(size), bold) / painter.layout.scale) + 2


def draw_scores(scene: DebriefPage, painter: Painter, area: pygame.Rect) -> int:
    """The table and every role on the three axes, and their own gains beside them."""
    from game.scoring.shares import table_gain

    t = scene.t
    workshop = scene.app.workshop
    scores = workshop.scores()
    gains = workshop.debrief().own_gains()
    texts = {role: percent(t, gain) for role, gain in gains.items()}
    table = table_gain(gains)
    widest = max(text_width(painter, text) for text in [percent(t, table), *texts.values()])
    columns = [*axis_columns(scene), Column(t("Own gain"), "checks", 3, max(80, widest + 6))]
    rows = [
        Row(
            t("The table"),
            (*(Cell(scores.table[a].score, str(scores.table[a].score)) for a in AXES),
             Cell(table, percent(t, table))),
            strong=True,
        )
    ]  # fmt: skip
    for role in scores.roles:
        axes = scores.roles[role]
        rows.append(
            Row(
                workshop.name(role),
                (*(Cell(axes[a].score, str(axes[a].score)) for a in AXES),
                 Cell(gains[role], texts[role])),
            )
        )  # fmt: skip
    note = t(
        "Own gain: the share of its possible gain each role reached. 0% is what it had "
        "without a deal, 100% its best deal on every project it may join; below 0%, a deal "
        "left it worse off. The table's is its roles' mean. Points stay confidential: every "
        "brief has its own scale."
    )
    note_h = min_note_height(painter, area.width - 48, note)
    chart = painter.panel(
        pygame.Rect(area.left, area.top, area.width, area.height - note_h - 12),
        t("The table and each role"),
    )
    grid(painter, chart, columns, rows, label_width=min(520, chart.width * 2 // 7))
    painter.text(
        pygame.Rect(area.left + 24, area.bottom - note_h, area.width - 48, note_h),
        note,
        "small",
        painter.theme.muted,
    )
    return 1


def min_note_height(painter: Painter, width: int, text: str) -> int:
    """The logical height ``text`` (small) needs at ``width``: nothing cut."""
    px = painter.px("small")
    room = painter.layout.to_px(pygame.Rect(0, 0, width, 1)).width
    lines = len(painter.type.wrap(text, px, False, room))
    return painter.line_height("small") * lines + 4


def draw_agreements(scene: DebriefPage, painter: Painter, area: pygame.Rect) -> int:
    """Every agreement on the three axes; the chosen one's reasons below (←/→ or a click)."""
    t = scene.t
    workshop = scene.app.workshop
    scores = workshop.scores()
    agreements = scores.agreements
    if not agreements:
        inner = painter.panel(area, t("Agreements"))
        painter.text(inner, t("No agreement was signed in this game."), "body")
        return 1
    chosen = max(0, min(scene.pages["agreements"], len(agreements) - 1))
    state = workshop.state
    failed = {a.project: a.failed_round for a in state.agreements if not a.active}
    numbers = {a.project: a.deal.number for a in state.agreements}
    rows = []
    for index, scored in enumerate(agreements):
        title = state.scenario.project(scored.project).title
        label = t("{project} (deal {number})", project=title, number=numbers[scored.project])
        if scored.project in failed:
            label += " · " + t("✗ failed in round {round}", round=failed[scored.project])
        rows.append(
            Row(
                label,
                tuple(Cell(getattr(scored, a).score, str(getattr(scored, a).score)) for a in AXES),
                selected=index == chosen,
            )
        )
    heading = painter.line_height("small", True) + 70
    chart_h = min(area.height // 2, heading + len(rows) * 76)
    chart = painter.panel(pygame.Rect(area.left, area.top, area.width, chart_h))
    placed = grid(painter, chart, axis_columns(scene), rows, label_width=min(560, chart.width // 3))
    for index, rect in enumerate(placed):
        painter.hits.append(Hit(rect, rows[index].label, lambda i=index: scene.choose(i)))
    below = pygame.Rect(area.left, chart.bottom + 40, area.width, area.bottom - chart.bottom - 40)
    draw_reasons(scene, painter, below, agreements[chosen])
    return len(agreements)


def draw_reasons(scene: DebriefPage, painter: Painter, rect: pygame.Rect, scored) -> None:
    """Why an agreement scored as it did: its partners, then one column per axis."""
    t = scene.t
    workshop = scene.app.workshop
    title = workshop.state.scenario.project(scored.project).title
    members = ", ".join(workshop.name(m) for m in scored.members)
    inner = painter.panel(rect)
    top = inner.top + painter.text(inner, title, "body", painter.theme.accent, True, max_lines=1)
    room = pygame.Rect(inner.left, top, inner.width, inner.bottom - top)
    top += painter.text(room, t("Partners: {members}", members=members), "small",
                        painter.theme.muted, max_lines=2) + 12  # fmt: skip
    names = (t("Win-win"), t("Healthy risk"), t("Innovation"))
    gap = 40
    width = (inner.width - 2 * gap) // 3
    for index, (name, axis) in enumerate(zip(names, AXES, strict=True)):
        column = pygame.Rect(inner.left + index * (width + gap), top, width, inner.bottom - top)
        score = getattr(scored, axis)
        used = painter.text(column, f"{name} {score.score}", "body", bold=True, max_lines=1)
        below = pygame.Rect(column.left, column.top + used + 4, column.width,
                            column.height - used - 4)  # fmt: skip
        painter.text(below, said(score.reason, t.language), "small")
