"""The debrief's story pages: the lessons that happened, and the timeline round by round.

Lessons are laid out whole, in two columns, as many as fit on a page: a lesson's title
always comes with the seed's words and its first piece of evidence, and a lesson too long
for what is left of a column goes on in the next one under its title again. Nothing is
cut: the trainer turns the page (→) instead.

The timeline shows the table as the room saw it at the end of a round (its public view),
from the states the debrief kept when it replayed the log once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.engine.narration import spoken_reason
from game.session.debriefing import lessons_in, said
from game.ui.charts import Column, rounds_chart
from game.ui.painter import Hit, Painter
from game.ui.scenes.debrief_scores import AXES, axis_columns
from game.ui.words import deal_line

if TYPE_CHECKING:
    from game.ui.scenes.debrief_page import DebriefPage

LESSON_GAP = 28  # between two lessons in a column
PARAGRAPH_GAP = 6  # between two paragraphs of a timeline panel
COLUMN_GAP = 40


@dataclass(frozen=True)
class Item:
    """A paragraph of the lessons page."""

    text: str
    size: str
    tone: str  # a theme colour's name
    bold: bool = False
    indent: int = 0


def lesson_items(said_lesson, from_report: str, language: str) -> list[Item]:
    """Title, the seed's words, then one paragraph per piece of evidence (in the report's
    words, ``debriefing.said``); ``said_lesson`` is (lesson, seed title) from
    ``debriefing.lessons_in``, already in the screen's language.

    A scenario may reword a lesson for its town ("Ask the seniors"); the report's own
    title then follows, so the room still hears the seed's lesson.
    """
    lesson, seed_title = said_lesson
    mark = "✓ " if lesson.went_well else "✗ "  # the heading says what the marks mean
    items = [Item(mark + lesson.title, "body", "accent", bold=True)]
    if seed_title:
        items.append(Item(from_report.format(title=seed_title), "small", "accent"))
    if lesson.text:  # the report's words (or the scenario's), quoted
        items.append(Item(f"“{lesson.text}”", "small", "muted"))
    items += [Item("• " + said(sentence, language), "small", "text", indent=20)
              for sentence in lesson.evidence]  # fmt: skip
    return items


def height(painter: Painter, item: Item, width: int) -> int:
    """The logical height ``item`` takes, wrapped at ``width`` as ``painter.text`` wraps it."""
    px = painter.px(item.size)
    room = painter.layout.to_px(pygame.Rect(0, 0, width - item.indent, 1)).width
    lines = len(painter.type.wrap(item.text, px, item.bold, room))
    return painter.line_height(item.size, item.bold) * lines + 6


def flow(
    painter: Painter,
    lessons: list,
    words: tuple[str, str],
    columns: int,
    width: int,
    room: int,
    language: str = "en",
) -> list[list[list[Item]]]:
    """Lessons into pages of ``columns`` columns, each ``width`` × ``room`` logical units.

    ``words`` are the translated "{title} (continued)" and "From the report: “{title}”".
    """
    continued, from_report = words
    pages: list[list[list[Item]]] = [[[]]]
    left = room

    def next_column() -> None:
        nonlocal left
        if len(pages[-1]) < columns:
            pages[-1].append([])
        else:
            pages.append([[]])
        left = room

    for said_lesson in lessons:
        lesson = said_lesson[0]
        items = lesson_items(said_lesson, from_report, language)
        sizes = [height(painter, item, width) for item in items]
        # a title never stands alone: it keeps its words and first evidence with it
        first = next((i for i, item in enumerate(items) if item.indent), len(items) - 1)
        for index, (item, size) in enumerate(zip(items, sizes, strict=True)):
            need = sum(sizes[: first + 1]) if index == 0 else size
            if need > left and pages[-1][-1]:
                next_column()
                if index > 0:
                    again = Item(continued.format(title=lesson.title), "small", "accent", True)
                    pages[-1][-1].append(again)
                    left -= height(painter, again, width)
            pages[-1][-1].append(item)
            left -= size
        left -= LESSON_GAP
        if pages[-1][-1]:
            pages[-1][-1].append(Item("", "small", "text"))  # the gap, kept with its column
    return pages


def draw_lessons(scene: DebriefPage, painter: Painter, area: pygame.Rect) -> int:
    t = scene.t
    found = scene.app.workshop.debrief().lessons()
    inner = painter.panel(area)
    if not found:
        painter.text(inner, t("None of the report's lessons showed in this game."), "body")
        return 1
    width = (inner.width - COLUMN_GAP) // 2
    legend_h = painter.line_height("small")
    heading_h = painter.line_height("body", True) + legend_h + 16
    room = inner.height - heading_h
    words = (t("{title} (continued)"), t("From the report: “{title}”"))
    state = scene.app.workshop.state
    pages = flow(painter, lessons_in(state, found, t.language), words, 2, width, room, t.language)
    page = max(0, min(scene.pages["lessons"], len(pages) - 1))
    heading = t("{count} of the report's lessons happened in this game", count=len(found))
    if len(pages) > 1:
        heading += "  ·  " + t("page {page} of {pages} (→)", page=page + 1, pages=len(pages))
    title_h = heading_h - legend_h - 16
    painter.line(pygame.Rect(inner.left, inner.top, inner.width, title_h), heading,
                 "body", bold=True)  # fmt: skip
    legend = pygame.Rect(inner.left, inner.top + title_h + 4, inner.width, legend_h)
    painter.line(legend, t("✓ the table did what the lesson asks; ✗ it missed it"), "small",
                 painter.theme.muted)  # fmt: skip
    for number, column in enumerate(pages[page]):
        left = inner.left + number * (width + COLUMN_GAP)
        top = inner.top + heading_h
        for item in column:
            if not item.text:
                top += LESSON_GAP
                continue
            box = pygame.Rect(left + item.indent, top, width - item.indent, inner.bottom - top)
            painter.text(box, item.text, item.size, painter.tone(item.tone), item.bold)
            top += height(painter, item, width)
    return len(pages)


# -- the timeline ---------------------------------------------------------------------------


def round_label(scene: DebriefPage, end) -> str:
    t = scene.t
    if end.complete:
        return t("Round {round}", round=end.round)
    return t("Round {round} (so far)", round=end.round)


def draw_timeline(scene: DebriefPage, painter: Painter, area: pygame.Rect) -> int:
    """The table's scores round by round (left); the chosen round's table (right)."""
    t = scene.t
    debrief = scene.app.workshop.debrief()
    ends = debrief.round_ends()
    if not ends:
        painter.text(painter.panel(area), t("No round was played."), "body")
        return 1
    index = max(0, min(scene.pages["timeline"], len(ends) - 1))
    left = pygame.Rect(area.left, area.top, area.width * 7 // 20, area.height)
    right = pygame.Rect(left.right + 24, area.top, area.right - left.right - 24, area.height)
    draw_rounds(scene, painter, left, index)
    view = debrief.round_view(index)
    end = ends[index]
    before = debrief.round_view(index - 1) if index > 0 else None
    then = table_lines(scene, painter, view)
    during = round_lines(scene, painter, view, before, end)
    # the right column shared by what each panel needs
    frame = painter.line_height("body", True) + 8 + 48
    width = right.width - 48
    wanted = [measure(painter, width, lines) + frame for lines in (then, during)]
    room = right.height - 16
    upper_h = wanted[0]  # the table as it was comes first; what the round did, the rest
    if sum(wanted) <= room:
        upper_h += (room - sum(wanted)) // 2
    upper_h = max(room // 3, min(room * 3 // 5, upper_h))
    upper = pygame.Rect(right.left, right.top, right.width, upper_h)
    lower = pygame.Rect(right.left, upper.bottom + 16, right.width, room - upper_h)
    title = t("The table at the end of round {round}", round=end.round)
    stack(scene, painter, panel_title(painter, upper, title), then)
    title = t("What happened in round {round}", round=end.round)
    stack(scene, painter, panel_title(painter, lower, title), during)
    return len(ends)


def draw_rounds(scene: DebriefPage, painter: Painter, rect: pygame.Rect, index: int) -> None:
    """Upright bars of the table's three scores after each round; a click picks a round.

    A long game shows a window of rounds around the chosen one, and says which.
    """
    t = scene.t
    debrief = scene.app.workshop.debrief()
    ends = debrief.round_ends()
    inner = painter.panel(rect)
    shown = max(1, min(len(ends), inner.width // 170))
    first = max(0, min(index - shown // 2, len(ends) - shown))
    window = range(first, first + shown)
    used = painter.text(inner, t("Scores by round"), "body", painter.theme.accent, True,
                        max_lines=1)  # fmt: skip
    if shown < len(ends):  # a long game: which rounds are in view, and how to see the rest
        hint = t("rounds {first}-{last} of {count} (← →)", first=ends[first].round,
                 last=ends[window[-1]].round, count=len(ends))  # fmt: skip
        below = pygame.Rect(inner.left, inner.top + used, inner.width, inner.height - used)
        used += painter.text(below, hint, "small", painter.theme.muted, max_lines=1)
    chart = pygame.Rect(inner.left, inner.top + used + 10, inner.width, inner.height - used - 10)
    groups = []
    for number in window:
        table = debrief.round_scores(number).table
        groups.append((short_round_label(scene, ends[number]),
                       tuple(table[a].score for a in AXES)))  # fmt: skip
    columns: list[Column] = axis_columns(scene)
    placed = rounds_chart(painter, chart, columns, groups, index - first)
    for number, box in zip(window, placed, strict=False):
        painter.hits.append(Hit(box, round_label(scene, ends[number]),
                                lambda n=number: scene.choose(n)))  # fmt: skip


def short_round_label(scene: DebriefPage, end) -> str:
    """A round under its bars: "R2" is too cryptic, so the number with the word."""
    label = scene.t("Round {round}", round=end.round)
    return label if end.complete else label + " …"


def panel_title(painter: Painter, rect: pygame.Rect, title: str) -> pygame.Rect:
    """A panel with a one-line title in body type; returns the room below it."""
    inner = painter.panel(rect)
    used = painter.text(inner, title, "body", painter.theme.accent, True, max_lines=1)
    return pygame.Rect(inner.left, inner.top + used + 8, inner.width, inner.height - used - 8)


def _names(view) -> tuple[dict[str, str], dict[str, str]]:
    roles = {role["id"]: role["name"] for role in view["roles"]}
    projects = {project["id"]: project["title"] for project in view["projects"]}
    return roles, projects


Paragraph = tuple[str, tuple[int, int, int] | None]


def table_lines(scene: DebriefPage, painter: Painter, view) -> list[Paragraph]:
    """The agreements and the open deals as they stood when the round ended."""
    t = scene.t
    names, titles = _names(view)
    agreements = view["agreements"]
    open_deals = [deal for deal in view["deals"] if deal["status"] == "open"]
    counts = (
        t("Signed agreements: {count}", count=len(agreements))
        + "  ·  "
        + t("Deals still on the table: {count}", count=len(open_deals))
    )
    lines: list[Paragraph] = [(counts, painter.theme.muted)]  # first: never cut
    for agreement in agreements:
        state = (
            t("✓ signed in round {round}", round=agreement["round"])
            if agreement["failed_round"] is None
            else t("✗ failed in round {round}", round=agreement["failed_round"])
        )
        members = ", ".join(names[m] for m in agreement["members"])
        lines.append((f"{titles[agreement['project']]} ({state}): {members}", None))
    for deal in open_deals:
        number, project = deal["number"], titles[deal["project"]]
        lines.append((t("Deal {number}: {project}", number=number, project=project), None))
    return lines


def round_lines(scene: DebriefPage, painter: Painter, view, before, end) -> list[Paragraph]:
    """What the round itself did: every deal it proposed or changed (an answer, a
    signature, an expiry), found by comparing the table with the one the round before
    left (``before``, None for the first round); then its event cards."""
    t = scene.t
    names, titles = _names(view)
    earlier = {deal["number"]: deal for deal in (before or {}).get("deals", [])}
    lines: list[Paragraph] = []
    for deal in view["deals"]:
        if earlier.get(deal["number"]) == deal:
            continue
        line = deal_line(t, deal, names, titles)
        for answer in deal["rejected"]:
            words = spoken_reason(scene.app.workshop.state.scenario, answer["reason"])
            quoted = f": “{words}”" if words else ""
            line += "\n   ✗ " + names[answer["role"]] + quoted
        lines.append((line, None))
    for news in view["news"]:
        if news["round"] == end.round:
            lines.append((t("Event: {title}", title=news["title"]), painter.theme.muted))
            lines += [("   ► " + said(outcome, t.language), None) for outcome in news["outcomes"]]
    if not lines:
        lines.append((t("A quiet round: no deals and no events."), None))
    return lines


def measure(painter: Painter, width: int, lines: list[Paragraph]) -> int:
    """The logical height ``lines`` take, whole, in small type, with their gaps."""
    px = painter.px("small")
    room = painter.layout.to_px(pygame.Rect(0, 0, width, 1)).width
    wrapped = sum(len(painter.type.wrap(text, px, False, room)) for text, _ in lines)
    return wrapped * painter.line_height("small") + PARAGRAPH_GAP * len(lines)


def stack(scene: DebriefPage, painter: Painter, rect: pygame.Rect, lines: list[Paragraph]):
    """Whole paragraphs while they fit; then "… and N more" rather than a cut line."""
    line_h = painter.line_height("small")
    top = rect.top
    for index, (text, colour) in enumerate(lines):
        height = measure(painter, rect.width, [(text, colour)])
        rest = len(lines) - index - 1
        room = rect.bottom - top - (line_h + PARAGRAPH_GAP if rest else 0)
        if height > room and index > 0:
            more = scene.t("… and {count} more", count=len(lines) - index)
            painter.text(pygame.Rect(rect.left, top, rect.width, rect.bottom - top), more,
                         "small", painter.theme.muted, max_lines=1)  # fmt: skip
            return
        painter.text(pygame.Rect(rect.left, top, rect.width, rect.bottom - top), text, "small",
                     colour)  # fmt: skip
        top += height
