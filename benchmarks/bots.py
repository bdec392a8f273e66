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

from game.bots.play import decide, seat_partners  # noqa: E402
from game.engine.rules import apply  # noqa: E402
from game.engine.state import new_game  # noqa: E402
from game.scenario.loading import check_file  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=40, help="games per scenario")
    args = parser.parse_args()
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        scenario = check_file(path).scenario()
        times, signed, started = [], 0, time.perf_counter()
        for seed in range(args.games):
            partners = seat_partners(scenario, seed)
            state = new_game(scenario, seed)
            while not state.finished:
                tick = time.perf_counter()
                decision = decide(state, partners[state.current_role])
                times.append(time.perf_counter() - tick)
                state = apply(state, decision.action)
            signed += bool(state.agreements)
        elapsed = time.perf_counter() - started
        times.sort()
        p99 = times[int(len(times) * 0.99) - 1] * 1000
        print(
            f"{path.stem}: decision median {statistics.median(times) * 1000:.2f} ms, "
            f"p99 {p99:.2f} ms (goal <= 50 ms); {args.games / elapsed:.0f} games/s "
            f"(goal >= 200); an agreement signed in {signed} of {args.games} games"
        )


if __name__ == "__main__":
    main()
