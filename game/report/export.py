"""The full action log of a game with its scores, for trainers who analyse sessions.

**JSON** is the save itself — ``format``, ``scenario_file``, ``scenario_hash``, ``seed``,
``actions``, exactly as ``game/engine/record.py`` writes them, so the export *is* a save:
``load_export`` (or the title screen's resume) replays it into the identical game — plus
three keys a save does not have: ``scenario`` (its id and title, the roles in order),
``log`` (per action: number, round, actor, kind, the action's fields, and the scores
right after it) and ``scores`` (the final ones, with their reasons).

**CSV** is the log only, one row per action: number, round, actor, kind, details (the
action's fields as ``key=value`` text), then the *running* scores after that action —
the table's win-win, risk and innovation, and each role's individual score. Running
rather than final scores, because the final ones are simply the last row, while the
running ones show when a table's game turned (a signed deal, a failed risk test).

The export is the trainer's: it holds individual scores and reasons that quote points
(unlike the printed report's shared pages, see ``report.py``); hand it to no team.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from game.engine.record import GameRecord, SaveError, resume
from game.engine.state import GameState
from game.report.games import Game
from game.scoring.axes import AXES, Axis, Scores, perspective, score_game

EXPORT_VERSION = 1
FORMATS = ("json", "csv")


def steps(game: Game) -> list[tuple[int, int, GameState]]:
    """(action number, round it was taken in, state after it) for every action."""
    return [(step.number, step.before.round, step.after)
            for step in game.record.steps(game.scenario)]  # fmt: skip


def _axis(axis: Axis) -> dict[str, Any]:
    return {"score": axis.score, "reason": axis.reason}


def scores_json(state: GameState, scores: Scores | None = None) -> dict[str, Any]:
    """Every score of a state with its reason, as plain data."""
    scores = scores or score_game(state)
    agreements = []
    for agreement, scored in zip(state.agreements, scores.agreements, strict=True):
        agreements.append(
            {
                "deal": agreement.deal.number,
                "project": scored.project,
                "members": list(scored.members),
                "round": agreement.round,
                "failed_round": agreement.failed_round,
                **{axis: _axis(getattr(scored, axis)) for axis in AXES},
            }
        )
    views = {role.id: perspective(state, role.id) for role in state.scenario.roles}
    return {
        "agreements": agreements,
        "roles": {
            role: {axis: _axis(value) for axis, value in axes.items()}
            for role, axes in scores.roles.items()
        },
        "table": {axis: _axis(value) for axis, value in scores.table.items()},
        "individual": dict(scores.individual),
        "perspective": {role: _axis(axis) for role, axis in views.items() if axis is not None},
    }


def _fields(action) -> dict[str, Any]:
    data = action.to_json()
    data.pop("type")
    data.pop("actor")
    return data


def export_json(game: Game) -> str:
    """The save plus the scored log (see the module's docstring)."""
    scenario = game.scenario
    log = []
    for (number, round_number, state), action in zip(steps(game), game.record.actions, strict=True):
        scores = score_game(state)
        log.append(
            {
                "number": number,
                "round": round_number,
                "actor": action.actor,
                "kind": action.kind,
                "action": _fields(action),
                "table": {axis: value.score for axis, value in scores.table.items()},
                "individual": dict(scores.individual),
            }
        )
    data = {
        **game.record.to_json(),
        "export": EXPORT_VERSION,
        "scenario": {
            "id": scenario.id,
            "title": scenario.title,
            "roles": [role.id for role in scenario.roles],
        },
        "log": log,
        "scores": scores_json(game.state),
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _details(fields: dict[str, Any]) -> str:
    parts = []
    for key, value in fields.items():
        if value is None or value == [] or value == "":
            continue
        shown = "+".join(map(str, value)) if isinstance(value, list) else str(value)
        parts.append(f"{key}={shown}")
    return "; ".join(parts)


def export_csv(game: Game) -> str:
    """One row per action with the running scores (see the module's docstring)."""
    roles = [role.id for role in game.scenario.roles]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["number", "round", "actor", "kind", "details"]
        + [f"table_{axis}" for axis in AXES]
        + [f"individual_{role}" for role in roles]
    )
    for (number, round_number, state), action in zip(steps(game), game.record.actions, strict=True):
        scores = score_game(state)
        writer.writerow(
            [number, round_number, action.actor, action.kind, _details(_fields(action))]
            + [scores.table[axis].score for axis in AXES]
            + [scores.individual[role] for role in roles]
        )
    return out.getvalue()


def export(game: Game, form: str) -> str:
    if form == "json":
        return export_json(game)
    if form == "csv":
        return export_csv(game)
    raise ValueError(f'no export format "{form}"; choose one of: {", ".join(FORMATS)}')


def record_from_export(data: object) -> GameRecord:
    """The game's record from an export's JSON (parsed): its save part, nothing else."""
    if not isinstance(data, dict) or "log" not in data:
        raise SaveError("this is not an Out of the Box export")
    return GameRecord.from_json(data)


def load_export(path: Path) -> tuple[GameRecord, GameState]:
    """Replay a JSON export, against its scenario checked unchanged: the identical game."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SaveError(f"{path}: cannot be read as an export ({error})") from None
    try:
        record_from_export(data)
    except SaveError as error:
        raise SaveError(f"{path}: {error}") from None
    return resume(Path(path))


__all__ = [
    "FORMATS",
    "export",
    "export_csv",
    "export_json",
    "load_export",
    "record_from_export",
    "scores_json",
    "steps",
]
