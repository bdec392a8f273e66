"""A tournament of computer-only games: which role wins how often, and how the table does.

Game *g* is played with seed *g* (0 … N−1) by the computer partners of ``game.bots.play``,
personalities rotating over the seats with the seed (each role meets each personality
equally often). A role **wins** a game when it reached the largest share of the gain it
could have had: (its individual score − its walk-away values) ÷ (the most it could get −
its walk-away values), over the projects it may join. Points are private and every brief
has its own scale, so raw scores cannot be compared between roles; shares can. When
several roles share the largest share they share the win (two tied winners get half a
win each), so the win rates add up to 100 %.

The games are independent, so they may be played on several cores (``jobs``): each game
is played and scored where it runs (``play_game``, a small picklable ``GameResult``), and
the results are added up here in seed order, floats in the same order too, so a
tournament is the same to the last bit whatever the number of processes.

The debrief screen and the report show the same share as each role's "own gain"
(``game/scoring/shares.py``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from game.bots.play import computer_game
from game.engine.state import GameState, new_game
from game.scenario.model import Scenario
from game.scoring.shares import gain_share

#: ``progress(done, total)`` after every game, in seed order
Progress = Callable[[int, int], None]
#: games handed to a worker at a time: few enough round trips, and the cores stay busy
#: to the end (each worker gets about this many batches)
BATCHES_PER_WORKER = 8


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


@dataclass(frozen=True)
class GameResult:
    """What the tournament keeps of one game: small, so a worker process sends it back
    cheaply instead of the whole final state."""

    seed: int
    individual: dict[str, int]  # role -> its own points
    shares: dict[str, float]  # role -> its share of the gain it could have had
    table: dict[str, int]  # table axis -> its score in this game
    signed: frozenset[str]  # projects with an agreement
    finished: bool  # the game reached its last round within the move limit


def final_state(scenario: Scenario, seed: int) -> GameState:
    """The last state of the computer-only game with this seed."""
    state = None
    for _, state in computer_game(scenario, seed):  # noqa: B007 - only the last one counts
        pass
    return state if state is not None else new_game(scenario, seed)


def play_game(scenario: Scenario, seed: int) -> GameResult:
    """Game ``seed`` played by the computer partners and scored as the debrief scores it."""
    # the scores measure against the analyser's best deals: imported here, not above it
    from game.scoring.axes import score_game

    state = final_state(scenario, seed)
    result = score_game(state)
    roles = [role.id for role in scenario.roles]
    return GameResult(
        seed,
        dict(result.individual),
        {role: gain_share(state, role, result.individual[role]) for role in roles},
        {axis: score.score for axis, score in result.table.items()},
        frozenset(agreement.project for agreement in state.agreements),
        state.finished,
    )


def all_cores() -> int:
    """The default number of processes: every core (``os.cpu_count``), at least one."""
    return os.cpu_count() or 1


def run_tournament(
    scenario: Scenario,
    games: int,
    progress: Progress | None = None,
    *,
    jobs: int | None = 1,
) -> Tournament:
    """Games 0 … ``games``−1 on ``jobs`` processes (None: all cores; 1: in this process,
    no pool). The result does not depend on ``jobs``."""
    from game.scoring.axes import AXES

    roles = [role.id for role in scenario.roles]
    wins = dict.fromkeys(roles, 0.0)
    scores: dict[str, list[int]] = {role: [] for role in roles}
    axes = dict.fromkeys(AXES, 0.0)
    signed = dict.fromkeys((p.id for p in scenario.projects), 0)
    unfinished = 0
    workers = min(all_cores() if jobs is None else max(1, jobs), games)
    for done, result in enumerate(played(scenario, games, workers), start=1):
        top = max(result.shares.values())
        winners = [role for role in roles if result.shares[role] == top]
        for role in roles:
            scores[role].append(result.individual[role])
        for role in winners:
            wins[role] += 1 / len(winners)
        for axis in AXES:
            axes[axis] += result.table[axis] / games
        for project in result.signed:
            signed[project] += 1
        unfinished += not result.finished
        if progress is not None:
            progress(done, games)
    return Tournament(
        games, wins, {role: tuple(s) for role, s in scores.items()}, axes, signed, unfinished
    )


def played(scenario: Scenario, games: int, workers: int) -> Iterator[GameResult]:
    """Every game's result in seed order, as soon as it and those before it are done."""
    if workers <= 1:
        for seed in range(games):
            yield play_game(scenario, seed)
        return
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=_adopt,
        initargs=(scenario,),
    )
    try:
        batch = max(1, games // (workers * BATCHES_PER_WORKER))
        yield from pool.map(_play_adopted, range(games), chunksize=batch)
    finally:
        # stopped early (an error, Ctrl-C, a progress callback that raised): drop the
        # games not started instead of playing them all before returning
        pool.shutdown(wait=True, cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    """Fork where the platform has it: a worker then starts with the scenario and every
    analysis this process already made (``missed.analysed``) instead of making them again.
    Elsewhere the platform's default (spawn): the scenario is pickled, about 15 kB."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


#: the scenario a worker process plays (set once per worker by ``_adopt``)
_adopted: Scenario | None = None


def _adopt(scenario: Scenario) -> None:
    global _adopted
    _adopted = scenario


def _play_adopted(seed: int) -> GameResult:
    if _adopted is None:
        raise RuntimeError("a tournament worker was started without its scenario")
    return play_game(_adopted, seed)
