"""Seeded chance: every draw is a pure function of (seed, counter).

The counter lives in the game state and goes up by one per draw, so replaying the same
actions from the same seed draws the same cards on every machine, and undo needs no
special care (OpenSpiel treats chance as a player; boardgame.io keeps the PRNG state in
the game state). Never the module-level ``random``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence


def uniform(seed: int, counter: int) -> float:
    """A number in [0, 1) for draw number ``counter`` of game ``seed``."""
    return random.Random(f"{seed}/{counter}").random()


def weighted_index(seed: int, counter: int, weights: Sequence[int]) -> int:
    """An index into ``weights``, each chosen in proportion to its weight."""
    point = uniform(seed, counter) * sum(weights)
    for index, weight in enumerate(weights):
        point -= weight
        if point < 0:
            return index
    return len(weights) - 1
