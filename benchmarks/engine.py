"""Rules-engine speed: legal actions per second, and whole random games per second.

    python benchmarks/engine.py [--seconds 5]

Plays seeded random games (game.engine.randomplay: legal actions only) over every built-in
scenario on one core and prints, per scenario and in all, the actions and games per second
with the random player's choosing included (what a computer player also pays), and the
rate at which the recorded games replay (the rules alone: resume, undo, the debrief).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from game.engine.randomplay import random_game
from game.engine.record import GameRecord
from game.engine.state import new_game
from game.scenario.loading import load_scenario

ROOT = Path(__file__).resolve().parent.parent


def measure(path: Path, seconds: float) -> tuple[int, int, float, float]:
    scenario = load_scenario(path)
    logs = []
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        seed = len(logs) + 1
        logs.append([action for action, _ in random_game(new_game(scenario, seed), seed)])
    played = time.perf_counter() - started
    started = time.perf_counter()
    for seed, log in enumerate(logs, 1):
        GameRecord("", "", seed, log).replay(scenario)
    replayed = time.perf_counter() - started
    return len(logs), sum(len(log) for log in logs), played, replayed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="time per scenario")
    args = parser.parse_args()
    totals = [0, 0, 0.0, 0.0]
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        games, actions, played, replayed = measure(path, args.seconds)
        print(
            f"{path.name:34} {actions / played:7.0f} actions/s {games / played:6.1f} games/s"
            f"   replay {actions / replayed:7.0f} actions/s   ({games} games)"
        )
        totals = [t + v for t, v in zip(totals, (games, actions, played, replayed), strict=True)]
    games, actions, played, replayed = totals
    print(
        f"{'all':34} {actions / played:7.0f} actions/s {games / played:6.1f} games/s"
        f"   replay {actions / replayed:7.0f} actions/s"
    )


if __name__ == "__main__":
    main()
