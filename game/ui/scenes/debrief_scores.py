"""The debrief's charts: the three axes for the table and each role, and per agreement.

Each role's own points stand in the same chart as the table's, on one scale (the table's
points are everyone's together), so the room sees at a glance who gained what by
partnering and how the table did as a whole. Each page returns how many pages (or rows
to choose from) it has, for the scene's ←/→.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.charts import Cell, Column, Row, grid
from game.ui.painter import Hit, Painter

if TYPE_CHECKING:
    from game.ui.scenes.debrief import DebriefScene

AXES = ("win_win", "risk", "innovation")
PATTERNS = ("solid", "stripes", "dots")


def axis_columns(scene: DebriefScene) -> list[Column]:
    t = scene.t
    names = (t("Win-win"), t("Healthy risk"), t("Innovation"))
    return [Column(name, pattern, index, 80) for index, (name, pattern) in
            enumerate(zip(names, PATTERNS, strict=True))]  # fmt: skip


def signed(number: int) -> str:
    return f"+{number}" if number >= 0 else f"−{-number}"


def text_width(painter: Painter, text: str, size: str = "body", bold: bool = True) -> int:
    """The logical width ``text`` takes."""
    return int(painter.type.width(text, painter.px(size), bold) / painter.layout.scale) + 2


def draw_scores(scene: DebriefScene, painter: Painter, area: pygame.Rect) -> int:
    """The table and every role on the three axes, and their own points beside them."""
    t = scene.t
    workshop = scene.app.workshop
    scores = workshop.scores()
    own = workshop.debrief().own_points()
    total = sum(o.points for o in own.values())
    alone = sum(o.alone for o in own.values())
    own_texts = {role: f"{o.points} ({signed(o.gained)})" for role, o in own.items()}
    table_text = f"{total} ({signed(total - alone)})"
    widest = max(text_width(painter, text) for text in [table_text, *own_texts.values()])
    scale = max(max(o.points, o.alone) for o in own.values())
    columns = [*axis_columns(scene), Column(t("Own points"), "solid", 3, widest + 6, 1.6)]
    rows = [
        Row(
            t("The table"),
            (*(Cell(scores.table[a].score, str(scores.table[a].score)) for a in AXES),
             Cell(total, table_text, 0)),
            strong=True,
        )
    ]  # fmt: skip
    for role in scores.roles:
        axes = scores.roles[role]
        mine = own[role]
        rows.append(
            Row(
                workshop.name(role),
                (*(Cell(axes[a].score, str(axes[a].score)) for a in AXES),
                 Cell(mine.points, own_texts[role], scale, mine.alone)),
            )
        )  # fmt: skip
    note = t(
        "Own points: what each role ends with; hollow, what it had without a deal; filled "
        "(+), what its deals added. The table's own points are everyone's together."
    )
    note_h = min_note_height(painter, area.width - 48, note)
    chart = painter.panel(
        pygame.Rect(area.left, area.top, area.width, area.height - note_h - 12),
        t("The table and each role"),
    )
    grid(painter, chart, columns, rows, label_width=min(420, chart.width // 4))
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


def draw_agreements(scene: DebriefScene, painter: Painter, area: pygame.Rect) -> int:
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


def draw_reasons(scene: DebriefScene, painter: Painter, rect: pygame.Rect, scored) -> None:
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
        painter.text(below, score.reason, "small")
