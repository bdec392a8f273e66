"""The debrief's missed deals: per project, what the table reached and the best it could.

For each project: what became of it; a bar of the gain the table reached against
the largest total gain any deal allowed (the rest is value left on the table); the deal
best for the table; the Nash bargaining deal (the balanced one) and how far the outcome
was from it; and whether a deal existed that left nobody worse off and the table better
(the distance to the Pareto frontier); and a chart of each role's gain in our deal, the
best one and the Nash one. The numbers are the analyser's (``game/scoring/analysis``),
said as the printed report says them: as shares of the best total gain the project
allowed, never in points (a role's gain in points, with its own points, would give its
walk-away value away; docs/report.md). One project a page: → turns it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scoring.shares import share_of
from game.ui.charts import Cell, Column, Row, bar, grid
from game.ui.painter import Painter
from game.ui.scenes.debrief_scores import min_note_height, percent, text_width

if TYPE_CHECKING:
    from game.scoring.missed import Missed
    from game.ui.scenes.debrief_page import DebriefPage

BAR_HEIGHT = 60


def draw_missed(scene: DebriefPage, painter: Painter, area: pygame.Rect) -> int:
    """One project a page: its bar, each role's gain in ours, the best and the Nash deal."""
    t = scene.t
    missed = scene.app.workshop.debrief().missed()
    inner = painter.panel(area)
    if not missed:
        painter.text(inner, t("This scenario has no projects."), "body")
        return 1
    page = max(0, min(scene.pages["missed"], len(missed) - 1))
    heading = t(
        "Value left on the table: {share} of the best total gain, over {count} projects",
        share=percent(t, share_of(sum(m.left for m in missed), sum(m.possible for m in missed))),
        count=len(missed),
    )
    if len(missed) > 1:
        heading += "  ·  " + t("page {page} of {pages} (→)", page=page + 1, pages=len(missed))
    used = painter.text(inner, heading, "body", bold=True, max_lines=2) + 12
    rect = pygame.Rect(inner.left, inner.top + used, inner.width, inner.height - used)
    draw_project(scene, painter, rect, missed[page])
    return len(missed)


def draw_project(scene: DebriefPage, painter: Painter, rect: pygame.Rect, missed: Missed):
    """The project's total against the best, the lines about its deals, then the roles."""
    t = scene.t
    top = rect.top
    top += painter.text(
        rect, what_became(scene, missed), "body", painter.theme.accent, True, max_lines=1
    )
    text = t("{share} reached", share=percent(t, missed.reached_share))
    note = t("{share} left on the table", share=percent(t, missed.left_share))
    note_w = min(rect.width // 3, text_width(painter, note, "small", False) + 10)
    column = Column(t("Together"), "solid", 0, min(rect.width // 3, text_width(painter, text) + 6))
    cell = Cell(missed.reached_share, text, 100 if missed.possible > 0 else 0)
    bar_rect = pygame.Rect(rect.left, top, rect.width - note_w - 20, BAR_HEIGHT)
    bar(painter, bar_rect, cell, column, bold=True)
    painter.line(pygame.Rect(bar_rect.right + 20, top, note_w, BAR_HEIGHT), note, "small")
    top += BAR_HEIGHT + 16
    below = pygame.Rect(rect.left, top, rect.width, rect.bottom - top)
    chart = pygame.Rect(below.left, below.top, below.width * 3 // 5, below.height)
    words = pygame.Rect(chart.right + 30, below.top, below.right - chart.right - 30, below.height)
    caption = t("Each role's own share: its gain as a share of the most it could gain "
                "here, in our outcome, the deal best for the table and the Nash deal.")  # fmt: skip
    caption_h = min_note_height(painter, chart.width - 10, caption) + 12
    if chart.height - caption_h < roles_height(painter, missed):
        caption_h = 0  # the roles' rows first; the heading says what the shares are of
    room = pygame.Rect(chart.left, chart.top, chart.width, chart.height - caption_h)
    used = draw_roles(scene, painter, room, missed)
    if caption_h:
        under = pygame.Rect(chart.left + 10, room.top + used + 12, room.width - 10, caption_h - 12)
        painter.text(under, caption, "small", painter.theme.muted)
    painter.paragraphs(words, block_lines(scene, missed), "small", gap=10)


def draw_roles(scene: DebriefPage, painter: Painter, rect: pygame.Rect, missed: Missed) -> int:
    """Each role's gain: in the game, in the deal best for the table, in the Nash deal."""
    t = scene.t
    workshop = scene.app.workshop
    deals = [("ours", t("Ours"), missed.gains)]
    if missed.best is not None:
        deals.append(("best", t("Best"), missed.best.gains))
    if missed.nash is not None:
        deals.append(("nash", t("Nash"), missed.nash.gains))
    roles = list(missed.gains)
    shares = {(key, r): missed.share_of_own_best(r, g) for key, _, g in deals for r in roles}
    top = max([1, *shares.values()])
    widest = max(text_width(painter, percent(t, share)) for share in shares.values())
    columns = [
        Column(title, ("solid", "stripes", "dots")[i], (3, 0, 2)[i], widest + 6)
        for i, (_, title, _) in enumerate(deals)
    ]
    rows = [
        Row(
            workshop.name(r),
            tuple(Cell(shares[key, r], percent(t, shares[key, r]), top) for key, _, _ in deals),
        )
        for r in roles
    ]
    height = min(rect.height, roles_height(painter, missed))
    grid(
        painter,
        pygame.Rect(rect.left, rect.top, rect.width, height),
        columns,
        rows,
        label_width=min(420, rect.width * 9 // 25),
    )
    return height


def roles_height(painter: Painter, missed: Missed) -> int:
    """The logical height the roles' chart wants: its header, and room for two-line names."""
    return painter.line_height("small", True) + 18 + len(missed.gains) * 84


def block_lines(scene: DebriefPage, missed: Missed) -> list[str]:
    """The sentences beside the roles' chart: the best deal, the Nash deal, how far ours was."""
    t = scene.t
    if missed.best is None:
        return [t("No deal gave every partner at least what it had without one.")]
    lines = [t("Best for the table: {deal}.", deal=describe(scene, missed.project, missed.best))]
    nash = missed.nash
    if nash is not None:  # ours against the Nash deal first: the verdict the room asks for
        lines.append(
            t("Ours was the Nash deal.")
            if missed.is_nash
            else t(
                "Ours differs from the Nash deal: each role's gain against the Nash deal's, "
                "the differences summed, come to {share} of the best total gain.",
                share=percent(t, missed.nash_distance_share),
            )
        )
        changed = [choice for choice in nash.options if choice not in missed.best.options]
        if missed.nash_is_best:
            lines.append(t("It is also the Nash deal, the most balanced one."))
        elif not changed:
            lines.append(
                t("The Nash deal, the most balanced one, has the same options with other partners.")
            )
        else:
            lines.append(
                t(
                    "The Nash deal, the most balanced one, differs from the best in: {options}.",
                    options=describe(scene, missed.project, nash, changed),
                )
            )
    if missed.pareto_gap == 0:
        lines.append(
            t(
                "Ours: on the Pareto frontier (no deal was better for one partner "
                "without being worse for another)."
            )
        )
    elif missed.pareto_gap is not None:
        lines.append(
            t(
                "Ours: off the Pareto frontier; a deal that gave every partner at least "
                "as much added {share} of the best total gain.",
                share=percent(t, missed.pareto_gap_share),
            )
        )
    if missed.sampled:
        lines.append(t("(A large project: the best deals are from a sample of its deals.)"))
    return lines


def describe(scene: DebriefPage, project_id: str, deal, only=None) -> str:
    """A deal's options in words (``only``: just these); each role's gain is in the chart."""
    project = scene.app.workshop.state.scenario.project(project_id)
    labels = {(issue.id, o.id): o.label for issue in project.issues for o in issue.options}
    return " · ".join(labels[choice] for choice in (deal.options if only is None else only))


def what_became(scene: DebriefPage, missed: Missed) -> str:
    t = scene.t
    title = scene.app.workshop.state.scenario.project(missed.project).title
    if missed.signed is not None:
        return t(
            "{project}: signed (deal {number})", project=title, number=missed.signed.deal.number
        )
    if missed.failed is not None:
        return t(
            "{project}: signed, then failed in round {round}",
            project=title,
            round=missed.failed.failed_round,
        )
    return t("{project}: not signed", project=title)
