"""The room's QR code on the projector: segno's matrix drawn module by module.

It holds the join address only (``http://HOST:PORT/``): anyone in the room may scan it,
and it opens the page where a device picks its team and waits for the trainer. A team's
code is never in it (a code is on that team's card only).
"""

from __future__ import annotations

from functools import cache

import pygame
import segno

QUIET = 4  # modules of white around the code, as the standard asks
DARK, LIGHT = (0, 0, 0), (255, 255, 255)


@cache
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, row by row (True: dark), without the quiet zone."""
    return tuple(tuple(bool(m) for m in row) for row in segno.make(text, error="m").matrix)


def module_size(text: str, pixels: int) -> int:
    """The whole pixels one module takes in a square of ``pixels`` (at least 1)."""
    return max(1, pixels // (len(qr_matrix(text)) + 2 * QUIET))


@cache
def qr_surface(text: str, module: int) -> pygame.Surface:
    """The code with its quiet zone, ``module`` pixels per module: sharp at any size."""
    matrix = qr_matrix(text)
    side = (len(matrix) + 2 * QUIET) * module
    surface = pygame.Surface((side, side))
    surface.fill(LIGHT)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                surface.fill(DARK, ((x + QUIET) * module, (y + QUIET) * module, module, module))
    return surface
