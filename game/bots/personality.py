"""How a computer partner negotiates: where it starts, how fast it concedes, what it fears.

Concession follows the time-dependent tactics of negotiation agents (Faratin, Sierra and
Jennings): the partner's aspiration falls from its opening demand towards its floor as
the rounds pass — slowly for a tough ("Boulware") negotiator, early for a conceder. A
reciprocal partner concedes as far as the others have come towards it, measured in the
points it estimates they gave up (``model.Belief.conceded``), not in offers counted.

Every share here is a share of the partner's *room* on a project: 0 is its walk-away
value, 1 the best deal it could have.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Personality:
    name: str
    opening: float  # the share of its room it first asks for
    floor: float  # the share it asks for in the last round
    curve: float  # > 1 concedes late (Boulware), < 1 concedes early (conceder)
    reciprocal: bool = False  # concedes as far as it is conceded to
    explores: float = 0.3  # how readily it spends a turn finding the connection
    #: how much more of its own room a proposer may take than it leaves us (by the
    #: model's estimate) before we call the deal unfair and hold out
    fairness: float = 0.3
    #: how strongly it prefers the safer of two offers that serve it as well
    caution: float = 0.0


PERSONALITIES = {
    "cooperative": Personality("cooperative", opening=0.5, floor=0.0, curve=0.7,
                               explores=0.4, fairness=0.35),
    "competitive": Personality("competitive", opening=0.8, floor=0.15, curve=2.0,
                               explores=0.15, fairness=0.2),
    "cautious": Personality("cautious", opening=0.6, floor=0.1, curve=1.2,
                            explores=0.5, fairness=0.3, caution=1.0),
    "reciprocal": Personality("reciprocal", opening=0.65, floor=0.05, curve=1.0,
                              reciprocal=True, explores=0.3, fairness=0.25),
}  # fmt: skip


def aspiration_share(
    personality: Personality, round_number: int, rounds: int, conceded: float = 0.0
) -> float:
    """The share of its room the partner asks for in this round.

    ``conceded``: how far the others have come towards it (0 … 1, the model's estimate
    of the satisfaction they gave up): a reciprocal partner moves as far again.
    """
    if round_number >= rounds:
        return personality.floor  # the last round: a deal now, or none at all
    progress = (round_number - 1) / max(1, rounds - 1)
    if personality.reciprocal:
        progress = min(1.0, 0.5 * progress + 1.5 * max(0.0, conceded))
    fall = progress**personality.curve
    return personality.opening - (personality.opening - personality.floor) * fall


def concession_curve(personality: Personality, rounds: int) -> list[float]:
    """The aspiration round by round, when nobody concedes towards it (what
    ``benchmarks/bots.py`` prints to show the personalities apart)."""
    return [aspiration_share(personality, r, rounds) for r in range(1, rounds + 1)]
