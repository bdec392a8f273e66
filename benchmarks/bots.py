"""Computer partners' speed: one decision's p50/p99, and whole computer-only games per second.

Goals (issue 5): a decision's p99 within 50 ms, and 200 or more computer-only games per
second on one core. Prints figures; passes or fails nothing.

    python benchmarks/bots.py [--games N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.bots.play import computer_game, decide, seat_partners  # noqa: E402
from game.engine.rules import apply  # noqa: E402
from game.engine.state import new_game  # noqa: E402
from game.scenario.loading import check_file  # noqa: E402


def decision_times(scenario, games: int) -> tuple[list[float], int]:
    """Every decision's wall time over ``games`` games, and how many games signed a deal."""
    times, signed = [], 0
    for seed in range(games):
        partners = seat_partners(scenario, seed)
        state = new_game(scenario, seed)
        while not state.finished:
            tick = time.perf_counter()
            decision = decide(state, partners[state.current_role])
            times.append(time.perf_counter() - tick)
            state = apply(state, decision.action)
        signed += bool(state.agreements)
    return sorted(times), signed


def games_per_second(scenario, games: int, repeats: int = 5) -> float:
    """Whole games (decisions and rules) per second of this process's CPU time, the best
    of ``repeats`` runs: one core, and the least disturbed by whatever else is running."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        for seed in range(games):
            for _step in computer_game(scenario, seed):
                pass
        best = min(best, time.process_time() - started)
    return games / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=40, help="games per scenario")
    args = parser.parse_args()
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        scenario = check_file(path).scenario()
        times, signed = decision_times(scenario, args.games)
        p99 = times[int(len(times) * 0.99) - 1] * 1000
        print(
            f"{path.stem}: decision median {statistics.median(times) * 1000:.2f} ms, "
            f"p99 {p99:.2f} ms (goal <= 50 ms); "
            f"{games_per_second(scenario, args.games):.0f} games/s on one core "
            f"(goal >= 200); an agreement signed in {signed} of {args.games} games"
        )


if __name__ == "__main__":
    main()
