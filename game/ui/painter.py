"""Drawing one frame: panels, text that always fits, and buttons that can be clicked.

Scenes describe a frame in logical units; the painter turns it into pixels. It is
immediate-mode: a button exists because the frame drew it, and the app matches clicks and
shortcut keys against the buttons of the last frame. Every line of text drawn is recorded
with the box it had to stay inside — the tests read that record to prove nothing is
clipped and that no secret reached a screen it does not belong on.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui.layout import Layout
from game.ui.text import Typesetter
from game.ui.theme import SIZES, Colour, Theme

PAD = 24  # logical padding inside panels


@dataclass
class Hit:
    """A clickable area of the last frame, in logical units, with its shortcut key."""

    rect: pygame.Rect
    label: str
    action: Callable[[], None]
    key: int | None = None
    enabled: bool = True


@dataclass(frozen=True)
class DrawnText:
    text: str
    rect: pygame.Rect  # where the line went, in pixels
    bounds: pygame.Rect  # the box it had to stay inside, in pixels


class Painter:
    def __init__(
        self,
        surface: pygame.Surface,
        layout: Layout,
        typesetter: Typesetter,
        theme: Theme,
        mouse: tuple[int, int] | None = None,
        dry: bool = False,
    ):
        self.dry = dry  # lay out and register buttons, draw nothing (see App.refresh)
        self.surface = surface
        self.layout = layout
        self.type = typesetter
        self.theme = theme
        self.mouse = mouse  # logical position, for hover
        self.hits: list[Hit] = []
        self.drawn: list[DrawnText] = []

    # -- geometry -------------------------------------------------------------------------

    @property
    def size(self) -> tuple[int, int]:
        return self.layout.logical_size

    @property
    def screen(self) -> pygame.Rect:
        return pygame.Rect((0, 0), self.size)

    def px(self, size: str) -> int:
        return max(8, round(SIZES[size] * self.layout.font_scale))

    def line_height(self, size: str = "body", bold: bool = False) -> int:
        """One line of text in logical units (rounded up)."""
        return math.ceil(self.type.line_height(self.px(size), bold) / self.layout.scale)

    # -- shapes ---------------------------------------------------------------------------

    def fill(self, colour: Colour | None = None) -> None:
        if not self.dry:
            self.surface.fill(colour or self.theme.background)

    def box(
        self,
        rect: pygame.Rect,
        colour: Colour | None = None,
        edge: Colour | None = None,
        edge_width: int | None = None,
    ) -> None:
        if self.dry:
            return
        target = self.layout.to_px(rect)
        radius = max(2, round(10 * self.layout.scale))
        pygame.draw.rect(self.surface, colour or self.theme.panel, target, border_radius=radius)
        width = self.theme.edge_width if edge_width is None else edge_width
        if width:
            pygame.draw.rect(
                self.surface, edge or self.theme.panel_edge, target, width, border_radius=radius
            )

    def panel(self, rect: pygame.Rect, title: str | None = None, edge: Colour | None = None):
        """A panel; returns the logical rectangle left inside it for content."""
        self.box(rect, edge=edge)
        inner = rect.inflate(-2 * PAD, -2 * PAD)
        if title:
            used = self.text(inner, title, "heading", bold=True, max_lines=1)
            inner = pygame.Rect(
                inner.left, inner.top + used + 8, inner.width, inner.height - used - 8
            )
        return inner

    # -- text -----------------------------------------------------------------------------

    def tone(self, name: str) -> Colour:
        """A named tone of the theme ("accent", "good", "bad", "muted", "text")."""
        return getattr(self.theme, name)

    def text(
        self,
        rect: pygame.Rect,
        text: str,
        size: str = "body",
        colour: Colour | None = None,
        bold: bool = False,
        align: str = "left",
        max_lines: int | None = None,
    ) -> int:
        """Wrap ``text`` into ``rect``; lines that do not fit are cut with an ellipsis.

        Returns the logical height used, so callers can stack paragraphs.
        """
        if not text or rect.width <= 0 or rect.height <= 0:
            return 0
        bounds = self.layout.to_px(rect)
        px = self.px(size)
        line_px = self.type.line_height(px, bold)
        fitting = max(0, bounds.height // line_px)
        if max_lines is not None:
            fitting = min(fitting, max_lines)
        if fitting == 0:
            return 0
        lines = self._wrapped(text, px, bold, bounds.width, fitting)
        self._blit_lines(lines, px, bold, colour or self.theme.text, bounds, bounds.top, align)
        return math.ceil(line_px * len(lines) / self.layout.scale)

    def paragraphs(
        self,
        rect: pygame.Rect,
        items: list[str | tuple[str, Colour | None]],
        size: str = "small",
        colour: Colour | None = None,
        gap: int = 8,
        max_lines: int | None = None,
    ) -> int:
        """Paragraphs one under another in ``rect`` (each ``text`` or ``(text, colour)``),
        as many as fit; returns the logical height used."""
        top = rect.top
        for item in items:
            if top >= rect.bottom:
                break
            text, ink = item if isinstance(item, tuple) else (item, colour)
            room = pygame.Rect(rect.left, top, rect.width, rect.bottom - top)
            top += self.text(room, text, size, ink or colour, max_lines=max_lines) + gap
        return top - rect.top

    def page_of_text(
        self,
        rect: pygame.Rect,
        text: str,
        page: int,
        size: str = "body",
        colour: Colour | None = None,
    ) -> int:
        """Draw page ``page`` of ``text`` wrapped into ``rect``; return how many pages there are.

        For long texts that must be read whole (a brief): nothing is cut, the reader turns
        the page instead.
        """
        bounds = self.layout.to_px(rect)
        px = self.px(size)
        line_px = self.type.line_height(px, False)
        per_page = max(1, bounds.height // line_px)
        lines = self.type.wrap(text, px, False, bounds.width)
        pages = max(1, -(-len(lines) // per_page))
        page = max(0, min(page, pages - 1))
        shown = lines[page * per_page : (page + 1) * per_page]
        self._blit_lines(shown, px, False, colour or self.theme.text, bounds, bounds.top, "left")
        return pages

    def line(
        self,
        rect: pygame.Rect,
        text: str,
        size: str = "body",
        colour: Colour | None = None,
        bold: bool = False,
        align: str = "left",
    ) -> None:
        """One line, centred vertically in ``rect``, cut with an ellipsis if too long."""
        bounds = self.layout.to_px(rect)
        px = self.px(size)
        while px > 8 and self.type.line_height(px, bold) > bounds.height:
            px -= 1  # a short box (a small window, big text): smaller type rather than clipped
        shown = self.type.elide(text, px, bold, bounds.width)
        if not shown:
            return
        top = bounds.top + (bounds.height - self.type.line_height(px, bold)) // 2
        self._blit_line(shown, px, bold, colour or self.theme.text, bounds, top, align)

    def _wrapped(self, text: str, px: int, bold: bool, width: int, fitting: int) -> list[str]:
        """``text`` in lines of ``width`` pixels, at most ``fitting``: the last one that
        fits ends with an ellipsis when some did not."""
        lines = self.type.wrap(text, px, bold, width)
        if len(lines) > fitting:
            lines = lines[:fitting]
            lines[-1] = self.type.elide(lines[-1] + " …", px, bold, width)
        return lines

    def _blit_lines(self, lines, px, bold, colour, bounds, top, align) -> None:
        line_px = self.type.line_height(px, bold)
        for line in lines:
            if line:  # an empty line parts paragraphs
                self._blit_line(line, px, bold, colour, bounds, top, align)
            top += line_px

    def _blit_line(self, line, px, bold, colour, bounds, top, align) -> None:
        if self.dry:
            return
        surface = self.type.render(line, px, bold, colour)
        width = surface.get_width()
        if align == "center":
            left = bounds.left + (bounds.width - width) // 2
        elif align == "right":
            left = bounds.right - width
        else:
            left = bounds.left
        target = pygame.Rect(left, top, width, surface.get_height())
        self.surface.blit(surface, target)
        self.drawn.append(DrawnText(line, target, bounds))

    # -- buttons --------------------------------------------------------------------------

    def button(
        self,
        rect: pygame.Rect,
        label: str,
        action: Callable[[], None],
        key: int | None = None,
        enabled: bool = True,
        selected: bool = False,
        size: str = "body",
    ) -> None:
        """A button with its label (and its key, shown as a hint), clickable next frame."""
        hovered = enabled and self.mouse is not None and rect.collidepoint(self.mouse)
        if selected:
            fill, ink = self.theme.accent, self.theme.accent_text
        elif not enabled:
            fill, ink = self.theme.panel, self.theme.disabled
        else:
            fill = self.theme.button_hover if hovered else self.theme.button
            ink = self.theme.button_text
        edge = self.theme.accent if hovered or selected else self.theme.panel_edge
        self.box(rect, fill, edge)
        inner = rect.inflate(-20, -8)
        text = label
        if key is not None and enabled:
            hinted = f"{label}  [{key_name(key)}]"
            room = self.layout.to_px(inner).width
            if self.type.width(hinted, self.px(size), selected) <= room:
                text = hinted  # the key hint only where it fits: the label matters more
        self.centred(inner, text, size, ink, bold=selected)
        self.hits.append(Hit(rect, label, action, key, enabled))

    def text_height(self, text: str, width: int, size: str, bold: bool = False) -> int:
        """The logical height ``text`` takes wrapped at ``width`` logical units."""
        room = self.layout.to_px(pygame.Rect(0, 0, width, 1)).width
        lines = len(self.type.wrap(text, self.px(size), bold, room))
        return lines * self.line_height(size, bold)

    def panel_height(
        self,
        width: int,
        title: str,
        items: list[str | tuple[str, Colour | None]],
        size: str = "small",
        gap: int = 8,
        max_lines: int | None = None,
    ) -> int:
        """The logical height a ``panel`` of ``width`` needs to show ``title`` and every one
        of ``items`` as ``paragraphs`` lays them out: so a panel can take only the room its
        content needs and leave the rest to the next one."""
        inner = width - 2 * PAD
        heading = min(self.text_height(title, inner, "heading", bold=True),
                      self.line_height("heading", bold=True)) + 8  # fmt: skip
        height = 2 * PAD + heading
        for item in items:
            text = item[0] if isinstance(item, tuple) else item
            lines = self.text_height(text, inner, size)
            if max_lines is not None:
                lines = min(lines, max_lines * self.line_height(size))
            height += lines + gap
        return height

    def centred(
        self, rect: pygame.Rect, text: str, size: str, colour: Colour, bold: bool = False
    ) -> None:
        """Text centred in ``rect`` on as many lines as fit; one line shrinks rather than clip."""
        bounds = self.layout.to_px(rect)
        px = self.px(size)
        line_px = self.type.line_height(px, bold)
        fitting = bounds.height // line_px if line_px else 0
        if fitting < 2:
            self.line(rect, text, size, colour, bold, align="center")
            return
        lines = self._wrapped(text, px, bold, bounds.width, fitting)
        top = bounds.top + (bounds.height - line_px * len(lines)) // 2
        self._blit_lines(lines, px, bold, colour, bounds, top, "center")


def key_name(key: int) -> str:
    names = {
        pygame.K_RETURN: "Enter",
        pygame.K_ESCAPE: "Esc",
        pygame.K_SPACE: "Space",
        pygame.K_BACKSPACE: "⌫",
        pygame.K_LEFT: "←",
        pygame.K_RIGHT: "→",
        pygame.K_UP: "↑",
        pygame.K_DOWN: "↓",
        pygame.K_TAB: "Tab",
    }
    return names.get(key) or pygame.key.name(key).upper()
