"""Logical units and the window: lay out once in 1920×1080, draw sharp at any size.

The scale ``s = min(W / 1920, H / 1080)`` keeps the design's proportions; the logical
canvas is then ``(W / s, H / s)``: exactly 1920 wide on a 4:3 projector (and taller than
1080), exactly 1080 high on a wide screen (and wider than 1920). Scenes lay out in that
canvas; the painter multiplies by ``s`` at draw time and fonts are made at ``px * s``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

DESIGN_WIDTH, DESIGN_HEIGHT = 1920, 1080
#: the window a game opens in when the screen has room for it
PREFERRED_WINDOW = (1280, 720)
#: room left around the window on a small screen: the title bar, a task bar, the edges
SCREEN_MARGIN = (40, 100)


def fitting_window(desktop: tuple[int, int] | None) -> tuple[int, int]:
    """The window to open on a screen of ``desktop`` pixels (None: unknown): the
    preferred size, or as much of the screen as leaves its margins, whichever is smaller.
    A 1024×768 projector gets a 984×668 window, never one larger than the screen."""
    if not desktop or desktop[0] <= 0 or desktop[1] <= 0:
        return PREFERRED_WINDOW
    width = min(PREFERRED_WINDOW[0], desktop[0] - SCREEN_MARGIN[0])
    height = min(PREFERRED_WINDOW[1], desktop[1] - SCREEN_MARGIN[1])
    return max(320, width), max(240, height)


@dataclass(frozen=True)
class Layout:
    width: int  # the window, in pixels
    height: int
    text_scale: float = 1.0  # the trainer's text size (+ / -), on top of the window's

    @property
    def scale(self) -> float:
        return min(self.width / DESIGN_WIDTH, self.height / DESIGN_HEIGHT)

    @property
    def logical_size(self) -> tuple[int, int]:
        return int(self.width / self.scale), int(self.height / self.scale)

    @property
    def font_scale(self) -> float:
        return self.scale * self.text_scale

    def to_px(self, rect: pygame.Rect) -> pygame.Rect:
        """A logical rectangle in window pixels (edges rounded, so panels tile exactly)."""
        s = self.scale
        left, top = round(rect.left * s), round(rect.top * s)
        return pygame.Rect(left, top, round(rect.right * s) - left, round(rect.bottom * s) - top)

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int]:
        return int(pos[0] / self.scale), int(pos[1] / self.scale)
