"""Bar charts drawn with the painter, readable from the back of a room.

Colour never carries a value alone: every bar has its number written beside it, every
series has its own pattern (solid, stripes, dots, checks) shown with its name in the column
header, and rows are named. The colours come from the theme, so F9's high-contrast
theme draws its own. The text goes through the painter like every other line, so the
clipping test and the secrets test see the charts' words too.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.painter import Painter
from game.ui.theme import Colour

PATTERNS = ("solid", "stripes", "dots", "checks")
# one colour per series, for each theme (by name); the high-contrast ones are brighter
_SERIES = {
    "calm": ((245, 185, 66), (110, 214, 150), (130, 178, 255), (236, 236, 230),
             (240, 128, 128), (196, 150, 255)),
    "high-contrast": ((255, 230, 0), (120, 255, 120), (110, 200, 255), (255, 255, 255),
                      (255, 130, 200), (255, 165, 60)),
}  # fmt: skip
#: a line chart's markers, one per series: the shape tells the lines apart without colour
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "plus")


def series_colour(painter: Painter, index: int) -> Colour:
    colours = _SERIES.get(painter.theme.name, _SERIES["calm"])
    return colours[index % len(colours)]


@dataclass(frozen=True)
class Cell:
    """One bar: its length ``value`` of ``maximum`` (none below 0, whole above the
    maximum), and the number written beside it."""

    value: int
    text: str
    maximum: int = 100


@dataclass(frozen=True)
class Column:
    title: str
    pattern: str = "solid"
    colour: int = 0  # index into the theme's series colours
    number_width: int = 90  # logical room for the number before the bar
    weight: float = 1.0  # the column's share of the width, against the others'


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell | None, ...]
    strong: bool = False  # the table's own row: bold, and set apart by a rule
    selected: bool = False  # outlined in the accent colour (and marked ▶)


def _px(painter: Painter, rect: pygame.Rect) -> pygame.Rect:
    return painter.layout.to_px(rect)


def fill(painter: Painter, rect: pygame.Rect, colour: Colour, pattern: str) -> None:
    """``rect`` filled in ``colour`` with the series' pattern over it (in pixels, clipped)."""
    if painter.dry or rect.width <= 0 or rect.height <= 0:
        return
    target = _px(painter, rect)
    if target.width <= 0 or target.height <= 0:
        return
    surface = painter.surface
    s = painter.layout.scale
    pygame.draw.rect(surface, colour, target)
    ink = painter.theme.background
    old_clip = surface.get_clip()
    surface.set_clip(target.clip(old_clip) if old_clip else target)
    step = max(6, round(16 * s))
    width = max(2, round(4 * s))
    if pattern == "stripes":
        for x in range(target.left - target.height, target.right + step, step):
            pygame.draw.line(
                surface, ink, (x, target.bottom), (x + target.height, target.top), width
            )
    elif pattern == "checks":  # squares of the ink, every other one: a chequerboard
        for row, y in enumerate(range(target.top, target.bottom, step)):
            for x in range(target.left + (row % 2) * step, target.right, 2 * step):
                pygame.draw.rect(surface, ink, pygame.Rect(x, y, step, step))
    elif pattern == "dots":
        radius = max(1, round(3 * s))
        for y in range(target.top + step // 2, target.bottom, step):
            for x in range(target.left + step // 2, target.right, step):
                pygame.draw.circle(surface, ink, (x, y), radius)
    surface.set_clip(old_clip)


def swatch(painter: Painter, rect: pygame.Rect, column: Column) -> None:
    """The legend's sample of a series: its colour and pattern, with an edge."""
    fill(painter, rect, series_colour(painter, column.colour), column.pattern)
    if not painter.dry:
        pygame.draw.rect(painter.surface, painter.theme.text, _px(painter, rect), 1)


def bar(painter: Painter, rect: pygame.Rect, cell: Cell, column: Column, bold: bool) -> None:
    """A number, then its bar on a track as long as ``cell.maximum`` (none if that is 0)."""
    number = pygame.Rect(rect.left, rect.top, column.number_width, rect.height)
    painter.line(number, cell.text, "body", bold=bold, align="right")
    if cell.maximum <= 0:
        return
    track = pygame.Rect(number.right + 14, rect.top, rect.right - number.right - 14, rect.height)
    if track.width <= 4:
        return
    height = min(track.height, 52)
    track = pygame.Rect(track.left, track.centery - height // 2, track.width, height)
    painter.box(track, painter.theme.background, painter.theme.panel_edge, 1)
    colour = series_colour(painter, column.colour)

    def length(value: int) -> int:
        return max(0, min(track.width, round(track.width * value / cell.maximum)))

    whole = length(cell.value)
    if whole:
        fill(painter, pygame.Rect(track.left, track.top, whole, track.height), colour,
             column.pattern)  # fmt: skip


def grid(
    painter: Painter,
    rect: pygame.Rect,
    columns: list[Column],
    rows: list[Row],
    label_width: int,
    row_height: int | None = None,
) -> list[pygame.Rect]:
    """Rows of bars under named columns; returns each row's rectangle (for clicks).

    The header names every column beside its swatch, so a bar's series is read from its
    place and its pattern as well as its colour.
    """
    gap = 24 if rect.width >= 1200 else 14
    header_h = painter.line_height("small", True) + 12
    room = rect.width - label_width - gap * len(columns)
    weights = sum(column.weight for column in columns) or 1.0
    widths = [int(room * column.weight / weights) for column in columns]
    lefts = [rect.left + label_width + gap * (i + 1) + sum(widths[:i]) for i in range(len(columns))]
    for left, width, column in zip(lefts, widths, columns, strict=True):
        sample = pygame.Rect(left, rect.top + 8, 48, header_h - 16)
        swatch(painter, sample, column)
        painter.line(
            pygame.Rect(sample.right + 14, rect.top, width - 62, header_h),
            column.title,
            "small",
            bold=True,
        )
    top = rect.top + header_h + 6
    available = rect.bottom - top
    if not rows:
        return []
    line_h = painter.line_height("small", True)
    height = min(row_height or available, available // len(rows), 140)
    height = max(line_h + 4, height)  # a row always has room for its name
    placed = []
    for index, row in enumerate(rows):
        box = pygame.Rect(rect.left, top + index * height, rect.width, height)
        if box.bottom > rect.bottom:
            break
        placed.append(box)
        if row.selected:
            painter.box(box.inflate(8, 0), painter.theme.panel, painter.theme.accent, 4)
        if row.strong and index + 1 < len(rows) and not painter.dry:
            y = _px(painter, pygame.Rect(box.left, box.bottom - 2, 1, 1)).top
            left, right = _px(painter, box).left, _px(painter, box).right
            pygame.draw.line(painter.surface, painter.theme.panel_edge, (left, y), (right, y), 2)
        inner = box.inflate(0, -min(10, height - line_h))
        label = ("▶ " if row.selected else "") + row.label
        _label(painter, pygame.Rect(inner.left + 10, inner.top, label_width - 10, inner.height),
               label, row.strong)  # fmt: skip
        for left, width, column, cell in zip(lefts, widths, columns, row.cells, strict=True):
            if cell is not None:
                bar(painter, pygame.Rect(left, inner.top, width, inner.height), cell, column,
                    row.strong)  # fmt: skip
    return placed


def _label(painter: Painter, rect: pygame.Rect, text: str, bold: bool) -> None:
    """A row's name on one or two lines, centred on the row's bars."""
    line_h = painter.line_height("small", bold)
    fitting = max(1, min(2, rect.height // line_h))
    room = painter.layout.to_px(pygame.Rect(0, 0, rect.width, 1)).width
    lines = min(fitting, len(painter.type.wrap(text, painter.px("small"), bold, room)))
    box = pygame.Rect(rect.left, rect.centery - line_h * lines // 2, rect.width, line_h * lines)
    painter.text(box.clip(rect), text, "small", bold=bold, max_lines=lines)


def legend(painter: Painter, rect: pygame.Rect, columns: list[Column]) -> int:
    """Each series' swatch and name, in as many rows as they need; returns the height."""
    row_h = painter.line_height("small", True) + 8
    left, top = rect.left, rect.top
    for column in columns:
        title_w = int(painter.type.width(column.title, painter.px("small"), True)
                      / painter.layout.scale) + 8  # fmt: skip
        width = min(56 + title_w, rect.width)
        if left > rect.left and left + width > rect.right:
            left, top = rect.left, top + row_h
        sample = pygame.Rect(left, top + 6, 40, row_h - 12)
        swatch(painter, sample, column)
        painter.line(pygame.Rect(sample.right + 10, top, width - 50, row_h), column.title,
                     "small", bold=True)  # fmt: skip
        left += width + 30
    return top + row_h - rect.top


def rounds_chart(
    painter: Painter,
    rect: pygame.Rect,
    columns: list[Column],
    groups: list[tuple[str, tuple[int, ...]]],
    selected: int,
) -> list[pygame.Rect]:
    """Upright bars, one group per round, for the timeline (0-100 each, numbers on top).

    Returns each group's rectangle so a click on a round can choose it.
    """
    legend_h = legend(painter, rect, columns)
    number_h = painter.line_height("small")
    label_h = painter.line_height("small", True)
    plot = pygame.Rect(rect.left, rect.top + legend_h + 8, rect.width,
                       rect.height - legend_h - 8)  # fmt: skip
    if not groups or plot.height < number_h + label_h + 20:
        return []
    gap = 30
    group_w = (plot.width - gap * (len(groups) - 1)) // len(groups)
    bar_w = max(12, min(90, (group_w - 12) // max(1, len(columns))))
    tall = plot.height - number_h - label_h - 8
    placed = []
    for index, (label, values) in enumerate(groups):
        box = pygame.Rect(plot.left + index * (group_w + gap), plot.top, group_w, plot.height)
        placed.append(box)
        if index == selected:
            painter.box(box, painter.theme.panel, painter.theme.accent, 4)
        base = box.bottom - label_h - 4
        start = box.centerx - bar_w * len(columns) // 2
        for number, (column, value) in enumerate(zip(columns, values, strict=True)):
            height = max(0, min(tall, tall * value // 100))
            x = start + number * bar_w
            upright = pygame.Rect(x + 3, base - height, bar_w - 6, height)
            fill(painter, upright, series_colour(painter, column.colour), column.pattern)
            painter.line(
                pygame.Rect(x - 6, base - height - number_h, bar_w + 12, number_h),
                str(value),
                "small",
                align="center",
            )
        room = pygame.Rect(box.left + 4, base + 2, box.width - 8, label_h)
        marked = "▶ " + label
        fits = (
            painter.type.width(marked, painter.px("small"), True)
            <= painter.layout.to_px(room).width
        )
        painter.line(
            room,
            marked if index == selected and fits else label,
            "small",
            bold=index == selected,
            align="center",
        )
    return placed


@dataclass(frozen=True)
class Line:
    """One series of a line chart: its name and a value (0-100) per point, None where it
    has none (a kind of question not asked in that game)."""

    title: str
    values: tuple[float | None, ...]
    colour: int = 0  # index into the theme's series colours; also picks its marker


def marker(painter: Painter, centre: tuple[int, int], index: int, radius: int) -> None:
    """A point of series ``index`` (pixels): its own shape, in its own colour."""
    surface, colour = painter.surface, series_colour(painter, index)
    x, y = centre
    shape = MARKERS[index % len(MARKERS)]
    width = max(2, radius // 2)
    if shape == "circle":
        pygame.draw.circle(surface, colour, centre, radius)
    elif shape == "square":
        pygame.draw.rect(
            surface, colour, pygame.Rect(x - radius, y - radius, 2 * radius, 2 * radius)
        )
    elif shape == "triangle":
        pygame.draw.polygon(surface, colour, [(x, y - radius), (x + radius, y + radius),
                                              (x - radius, y + radius)])  # fmt: skip
    elif shape == "diamond":
        pygame.draw.polygon(surface, colour, [(x, y - radius), (x + radius, y),
                                              (x, y + radius), (x - radius, y)])  # fmt: skip
    elif shape == "cross":
        pygame.draw.line(surface, colour, (x - radius, y - radius), (x + radius, y + radius), width)
        pygame.draw.line(surface, colour, (x - radius, y + radius), (x + radius, y - radius), width)
    else:
        pygame.draw.line(surface, colour, (x - radius, y), (x + radius, y), width)
        pygame.draw.line(surface, colour, (x, y - radius), (x, y + radius), width)


def line_legend(painter: Painter, rect: pygame.Rect, lines: list[Line]) -> int:
    """Each series' marker and name, two to a row; returns the height."""
    row_h = painter.line_height("small") + 4
    columns = 2
    width = rect.width // columns
    for index, line in enumerate(lines):
        left = rect.left + (index % columns) * width
        top = rect.top + (index // columns) * row_h
        if not painter.dry:
            centre = _px(painter, pygame.Rect(left + 12, top + row_h // 2, 1, 1)).topleft
            marker(painter, centre, line.colour, max(4, round(9 * painter.layout.scale)))
        painter.line(pygame.Rect(left + 30, top, width - 36, row_h), line.title, "small")
    return row_h * ((len(lines) + columns - 1) // columns)


def progress_chart(
    painter: Painter, rect: pygame.Rect, lines: list[Line], labels: list[str]
) -> None:
    """Lines over games (0-100), one per series, a marker at each point and the latest
    value written beside its last point; the points along the bottom are ``labels``."""
    legend_h = line_legend(painter, rect, lines)
    number_w = 56  # the scale's numbers, left of the plot
    label_h = painter.line_height("small")
    top = rect.top + legend_h + 14
    plot = pygame.Rect(rect.left + number_w, top, rect.width - number_w - 90,
                       rect.bottom - top - label_h - 8)  # fmt: skip
    if plot.height < 60 or plot.width < 60 or not labels:
        return
    for value in (0, 50, 100):
        y = plot.bottom - plot.height * value // 100
        painter.line(pygame.Rect(rect.left, y - label_h // 2, number_w - 10, label_h), str(value),
                     "small", painter.theme.muted, align="right")  # fmt: skip
        if not painter.dry:
            start = _px(painter, pygame.Rect(plot.left, y, 1, 1)).topleft
            end = _px(painter, pygame.Rect(plot.right, y, 1, 1)).topleft
            pygame.draw.line(painter.surface, painter.theme.panel_edge, start, end, 1)
    step = plot.width / max(1, len(labels) - 1)

    def at(index: int, value: float) -> tuple[int, int]:
        x = plot.left + (round(index * step) if len(labels) > 1 else plot.width // 2)
        return x, plot.bottom - round(plot.height * value / 100)

    for index, label in enumerate(labels):
        x, _ = at(index, 0)
        painter.line(pygame.Rect(x - 40, plot.bottom + 8, 80, label_h), label, "small",
                     painter.theme.muted, align="center")  # fmt: skip
    if painter.dry:
        return
    scale = painter.layout.scale
    for line in lines:
        points = [(i, v) for i, v in enumerate(line.values) if v is not None]
        # each series a few units aside, so that equal scores do not hide one another
        aside = round((line.colour - 2.5) * 4)
        pixels = [
            _px(painter, pygame.Rect(at(i, v)[0] + aside, at(i, v)[1], 1, 1)).topleft
            for i, v in points
        ]
        colour = series_colour(painter, line.colour)
        if len(pixels) > 1:
            pygame.draw.lines(painter.surface, colour, False, pixels, max(2, round(4 * scale)))
        for pixel in pixels:
            marker(painter, pixel, line.colour, max(4, round(9 * scale)))
    for line in lines:  # the latest value of each line, beside its last point
        points = [(i, v) for i, v in enumerate(line.values) if v is not None]
        if points:
            i, v = points[-1]
            x, y = at(i, v)
            painter.line(pygame.Rect(x + 18, y - label_h // 2, 70, label_h), f"{v:.0f}",
                         "small", series_colour(painter, line.colour), bold=True)  # fmt: skip
