"""Computer partners: how good and how fast, scenario by scenario.

For each built-in scenario, over seeds 0 … N−1 of computer-only games: the share of the
best total gain reached (over the deals the one rule allows: ``missed.table_result``),
the share of signed deals that are Pareto-optimal, the agreement rate, one decision's
µs (median, p99) and whole games per second on one core. Then each personality's
concession curve. The last line sums up the four-role scenarios:

    gain reached: mean NN%, min NN%; pareto-optimal: NN%; games/s: NNN

Goals (issue 12): mean ≥ 70 %, min ≥ 50 %, Pareto-optimal ≥ 30 %, games/s ≥ 250, a
decision's p99 ≤ 50 ms. Prints figures; passes or fails nothing.

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

from game.bots.personality import PERSONALITIES, concession_curve  # noqa: E402
from game.bots.play import computer_game, decide, seat_partners  # noqa: E402
from game.engine.rules import apply  # noqa: E402
from game.engine.state import new_game  # noqa: E402
from game.scenario.loading import check_file  # noqa: E402
from game.scoring.missed import table_result  # noqa: E402


def quality(scenario, games: int) -> tuple[float, int, int, int, list[float]]:
    """(mean share of the best total gain, signed deals, of them Pareto-optimal, games
    with an agreement, every decision's seconds) over ``games`` seeds."""
    shares, signed, optimal, agreed, times = [], 0, 0, 0, []
    for seed in range(games):
        partners = seat_partners(scenario, seed)
        state = new_game(scenario, seed)
        while not state.finished:
            tick = time.perf_counter()
            decision = decide(state, partners[state.current_role])
            times.append(time.perf_counter() - tick)
            state = apply(state, decision.action)
        result = table_result(state)
        shares.append(result.share)
        signed += result.signed
        optimal += result.on_frontier
        agreed += result.signed > 0
    return sum(shares) / games, signed, optimal, agreed, sorted(times)


def games_per_second(scenario, games: int, repeats: int = 3) -> float:
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
    parser.add_argument("--games", type=int, default=200, help="games per scenario")
    args = parser.parse_args()
    four: list[tuple[float, int, int, float]] = []
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        scenario = check_file(path).scenario()
        share, signed, optimal, agreed, times = quality(scenario, args.games)
        rate = games_per_second(scenario, args.games)
        p99 = times[max(0, int(len(times) * 0.99) - 1)]
        print(
            f"{path.stem}: gain reached {100 * share:.0f}%; pareto-optimal {optimal} of "
            f"{signed} signed; an agreement in {agreed} of {args.games} games; decision "
            f"{statistics.median(times) * 1e6:.0f} µs median, {p99 * 1e6:.0f} µs p99; "
            f"{rate:.0f} games/s on one core"
        )
        if len(scenario.roles) == 4:
            four.append((share, signed, optimal, rate))
    for name, personality in PERSONALITIES.items():
        curve = " ".join(f"{share:.2f}" for share in concession_curve(personality, 6))
        print(f"concession curve {name} (share of its room asked, rounds 1-6): {curve}")
    signed = sum(f[1] for f in four)
    print(
        f"gain reached: mean {100 * sum(f[0] for f in four) / len(four):.0f}%, "
        f"min {100 * min(f[0] for f in four):.0f}%; "
        f"pareto-optimal: {100 * sum(f[2] for f in four) / max(1, signed):.0f}%; "
        f"games/s: {min(f[3] for f in four):.0f}"
    )


if __name__ == "__main__":
    main()
