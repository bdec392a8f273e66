"""Which personality each computer partner of a practice game has, when the learner does
not choose: drawn from the game's seed, so a save and a resumed game keep them.

Kept apart from ``workshop`` (which starts the games) and ``practice`` (which asks the
questions), both of which use it.
"""

from __future__ import annotations

import random
from typing import Any

from game.bots.personality import PERSONALITIES

#: a ``workshop.Seat`` (not imported: the workshop imports this module)
Seat = Any


def hidden_personalities(seats: list[Seat], seed: int) -> None:
    """Personalities the learner has not seen: drawn from the game's seed (so the save and
    a resumed game keep them), each partner's at random, so that "what kind of partner is
    this?" has to be read from its moves."""
    rng = random.Random(f"personalities-{seed}")
    names = sorted(PERSONALITIES)
    for seat in seats:
        if seat.computer:
            seat.personality = rng.choice(names)


def fresh_personalities(seats: list[Seat], seed: int) -> None:
    """Other personalities for a fresh game: each partner a different one from before
    (drawn from the new seed), so the same partner has to be read anew."""
    rng = random.Random(f"fresh-personalities-{seed}")
    for seat in seats:
        if seat.computer:
            seat.personality = rng.choice(sorted(set(PERSONALITIES) - {seat.personality}))


def fresh_seed(old: int) -> int:
    """A new seed for a fresh game (another event deck, other questions), never the old."""
    seed = random.SystemRandom().randrange(1, 10**6)
    return seed if seed != old else seed + 1
