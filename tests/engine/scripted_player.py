"""A scripted game in its own process, for the kill test: plays seeded random actions,
saving after each, and prints the number of actions saved after every one.

    python -m tests.engine.scripted_player SAVE SCENARIO SEED [PAUSE]

PAUSE (seconds between actions, default 0) stands for people thinking: a whole game takes
a tenth of a second without it, too quick for a kill to land in the middle.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from game.engine.randomplay import random_action
from game.engine.record import Session


def main(save: Path, scenario: Path, seed: int, pause: float = 0.0) -> None:
    session = Session.load(save) if save.exists() else Session.start(scenario, seed, path=save)
    while not session.state.finished:
        rng = random.Random(seed * 100_003 + len(session.record.actions))
        session.act(random_action(session.state, rng))
        print(len(session.record.actions), flush=True)
        time.sleep(pause)
    print("done", flush=True)


if __name__ == "__main__":
    pause = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), pause)
