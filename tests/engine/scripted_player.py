"""A scripted game in its own process, for the kill test: plays seeded random actions,
saving after each, and prints the number of actions saved after every one.

    python -m tests.engine.scripted_player SAVE SCENARIO SEED
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from game.engine.randomplay import random_action
from game.engine.record import Session


def main(save: Path, scenario: Path, seed: int) -> None:
    session = Session.load(save) if save.exists() else Session.start(scenario, seed, path=save)
    while not session.state.finished:
        rng = random.Random(seed * 100_003 + len(session.record.actions))
        session.act(random_action(session.state, rng))
        print(len(session.record.actions), flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
