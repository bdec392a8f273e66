"""Write the golden games: ``python -m tests.golden.record`` (only when a rule change is
meant to change scores; then say so in the commit).

For each built-in scenario, the first seed whose seeded random game signs an agreement is
played to its end; its log and final scores are written to ``tests/golden/<id>.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.engine.randomplay import random_game
from game.engine.record import RULES_VERSION
from game.engine.state import GameState, new_game
from game.scenario.loading import load_scenario
from game.scoring.axes import AXES, score_game
from game.scoring.lessons import lessons

HERE = Path(__file__).resolve().parent
#: what changed since the games were last written (say it again in the commit)
NOTE = (
    "Rules version 2: the one rule for 'would sign' (game/engine/acceptability.py). A deal "
    "signs only when every role its options need has accepted; the rules refuse only what "
    "a role cannot sign (a red line, its resources, a needed role not signing); win-win's "
    "efficiency is the share of the best total gain the table reached, over every role "
    "that may join the project (game/scoring/missed.measure), against the best deal the "
    "rule allows, with the walk-away values as the game left them."
)
ROOT = HERE.parent.parent


def final_scores(state: GameState) -> dict[str, Any]:
    scores = score_game(state)
    return {
        "agreements": [
            {"project": s.project, "members": list(s.members),
             **{axis: getattr(s, axis).score for axis in AXES}}
            for s in scores.agreements
        ],
        "roles": {role: {axis: a.score for axis, a in axes.items()}
                  for role, axes in scores.roles.items()},
        "table": {axis: a.score for axis, a in scores.table.items()},
        "individual": scores.individual,
        "lessons": [lesson.id for lesson in lessons(state)],
    }  # fmt: skip


def main() -> None:
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        scenario = load_scenario(path)
        for seed in range(1, 200):
            log, final = [], new_game(scenario, seed)
            for action, after in random_game(final, seed):
                log.append(action.to_json())
                final = after
            if final.agreements:
                break
        golden = {
            "rules": RULES_VERSION,
            "note": NOTE,
            "scenario": f"scenarios/{path.name}",
            "seed": seed,
            "actions": log,
            "scores": final_scores(final),
        }
        target = HERE / f"{scenario.id}.json"
        target.write_text(json.dumps(golden, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"{target.name}: seed {seed}, {len(log)} actions, {len(final.agreements)} agreements")


if __name__ == "__main__":
    main()
