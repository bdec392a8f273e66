"""Type: fonts made at the window's scale, rendered once and reused.

``Font.render`` is the slow part of a frame, so every rendered line is cached by
(text, pixel size, weight, colour) and every wrapped paragraph by its width. The font is
the bundled DejaVu Sans (æ ø å, ✓ ✗ and arrows included); pygame's own font stands in
if the asset folder is missing, so a broken install still shows a screen.
"""

from __future__ import annotations

from pathlib import Path

import pygame

FONT_DIR = Path(__file__).resolve().parent.parent.parent / "assets" / "fonts"
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
_CACHE_LIMIT = 4000
ELLIPSIS = "…"


class Typesetter:
    """Fonts and rendered lines at physical pixel sizes; caches emptied on a new scale."""

    def __init__(self) -> None:
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._lines: dict[tuple[str, int, bool, tuple[int, int, int]], pygame.Surface] = {}
        self._wrapped: dict[tuple[str, int, bool, int], list[str]] = {}

    def font(self, px: int, bold: bool = False) -> pygame.font.Font:
        key = (max(6, px), bold)
        font = self._fonts.get(key)
        if font is None:
            path = FONT_DIR / (BOLD if bold else REGULAR)
            font = pygame.font.Font(path if path.is_file() else None, key[0])
            self._fonts[key] = font
        return font

    def render(self, text: str, px: int, bold: bool, colour: tuple[int, int, int]):
        key = (text, px, bold, colour)
        surface = self._lines.get(key)
        if surface is None:
            if len(self._lines) > _CACHE_LIMIT:
                self._lines.clear()
            surface = self.font(px, bold).render(text, True, colour)
            self._lines[key] = surface
        return surface

    def width(self, text: str, px: int, bold: bool = False) -> int:
        return self.font(px, bold).size(text)[0]

    def line_height(self, px: int, bold: bool = False) -> int:
        return self.font(px, bold).get_linesize()

    def wrap(self, text: str, px: int, bold: bool, width: int) -> list[str]:
        """``text`` in lines no wider than ``width`` pixels; paragraphs kept, long words cut."""
        key = (text, px, bold, width)
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) > _CACHE_LIMIT:
                self._wrapped.clear()
            lines = []
            for paragraph in text.split("\n"):
                lines.extend(self._wrap_paragraph(paragraph, px, bold, width))
            self._wrapped[key] = lines
        return lines

    def _wrap_paragraph(self, paragraph: str, px: int, bold: bool, width: int) -> list[str]:
        font = self.font(px, bold)
        lines: list[str] = []
        current = ""
        for word in paragraph.split(" "):
            trial = f"{current} {word}" if current else word
            if font.size(trial)[0] <= width:
                current = trial
                continue
            if current:
                lines.append(current)
            while font.size(word)[0] > width and len(word) > 1:  # a word wider than the line
                cut = len(word) - 1
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
        return lines

    def elide(self, text: str, px: int, bold: bool, width: int) -> str:
        """``text`` cut with an ellipsis so that it fits ``width`` pixels."""
        font = self.font(px, bold)
        if font.size(text)[0] <= width:
            return text
        low, high = 0, len(text)
        while low < high:  # the longest prefix that fits with the ellipsis
            middle = (low + high + 1) // 2
            if font.size(text[:middle].rstrip() + ELLIPSIS)[0] <= width:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + ELLIPSIS if low else ""
