"""A tournament of computer-only games: which role wins how often, and how the table does.

Game *g* is played with seed *g* (0 … N−1) by the computer partners of ``game.bots.play``,
personalities rotating over the seats with the seed (each role meets each personality
equally often). A role **wins** a game when it reached the largest share of the gain it
could have had: (its individual score − its walk-away values) ÷ (the most it could get −
its walk-away values), over the projects it may join. Points are private and every brief
has its own scale, so raw scores cannot be compared between roles; shares can. When
several roles share the largest share they share the win (two tied winners get half a
win each), so the win rates add up to 100 %.

The debrief screen and the report show the same share as each role's "own gain"
(``game/scoring/shares.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.bots.play import computer_game
from game.engine.state import GameState, new_game
from game.scenario.model import Scenario
from game.scoring.shares import gain_share

#: ``progress(done, total)`` after every game
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Tournament:
    games: int
    wins: dict[str, float]  # role -> games won (shared wins as fractions)
    scores: dict[str, tuple[int, ...]]  # role -> its individual score in each game
    axes: dict[str, float]  # table axis -> its mean over the games
    signed: dict[str, int]  # project -> games in which a deal on it was signed
    unfinished: int  # games stopped by the move limit before the last round

    def win_rate(self, role: str) -> float:
        return self.wins[role] / self.games if self.games else 0.0


def final_state(scenario: Scenario, seed: int) -> GameState:
    """The last state of the computer-only game with this seed."""
    state = None
    for _, state in computer_game(scenario, seed):  # noqa: B007 - only the last one counts
        pass
    return state if state is not None else new_game(scenario, seed)


def run_tournament(scenario: Scenario, games: int, progress: Progress | None = None) -> Tournament:
    # the scores measure against the analyser's best deals: imported here, not above it
    from game.scoring.axes import AXES, score_game

    roles = [role.id for role in scenario.roles]
    wins = dict.fromkeys(roles, 0.0)
    scores: dict[str, list[int]] = {role: [] for role in roles}
    axes = dict.fromkeys(AXES, 0.0)
    signed = dict.fromkeys((p.id for p in scenario.projects), 0)
    unfinished = 0
    for seed in range(games):
        state = final_state(scenario, seed)
        result = score_game(state)
        shares = {role: gain_share(state, role, result.individual[role]) for role in roles}
        top = max(shares.values())
        winners = [role for role in roles if shares[role] == top]
        for role in roles:
            scores[role].append(result.individual[role])
        for role in winners:
            wins[role] += 1 / len(winners)
        for axis in AXES:
            axes[axis] += result.table[axis].score / games
        for project in {agreement.project for agreement in state.agreements}:
            signed[project] += 1
        unfinished += not state.finished
        if progress is not None:
            progress(seed + 1, games)
    return Tournament(
        games, wins, {role: tuple(s) for role, s in scores.items()}, axes, signed, unfinished
    )
