"""How a computer partner negotiates: where it starts, how fast it concedes, what it fears.

Concession follows the time-dependent tactics of negotiation agents (Faratin, Sierra and
Jennings): the partner's aspiration falls from its opening demand towards its walk-away
value as the rounds pass — slowly for a tough ("Boulware") negotiator, early for a
conceder.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Personality:
    name: str
    opening: float  # share of the way from walk-away to its best deal it first asks for
    floor: float  # the share it will never go below (0: its walk-away value itself)
    curve: float  # > 1 concedes late (Boulware), < 1 concedes early (conceder)
    reciprocal: bool = False  # concedes as fast as it is conceded to
    explores: float = 0.3  # how readily it spends a turn finding the connection


PERSONALITIES = {
    "cooperative": Personality("cooperative", opening=0.7, floor=0.0, curve=0.6,
                               explores=0.4),
    "competitive": Personality("competitive", opening=0.95, floor=0.25, curve=2.5,
                               explores=0.15),
    "cautious": Personality("cautious", opening=0.8, floor=0.1, curve=1.2,
                            explores=0.5),
    "reciprocal": Personality("reciprocal", opening=0.85, floor=0.05, curve=1.0,
                              reciprocal=True, explores=0.3),
}  # fmt: skip


def aspiration_share(personality: Personality, round_number: int, rounds: int, met: int = 0):
    """The share of (best − walk-away) the partner still asks for in this round.

    A reciprocal partner concedes one extra step for every offer made to it (``met``).
    """
    if round_number >= rounds:
        return personality.floor  # the last round: a deal now, or none at all
    progress = (round_number - 1) / (rounds - 1)
    if personality.reciprocal:
        progress = min(1.0, progress * 0.5 + 0.15 * met)
    fall = progress**personality.curve
    return personality.opening - (personality.opening - personality.floor) * fall
