"""Finding the game to offer on the title screen: the newest save that is not finished."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.engine.record import SaveError, resume


@dataclass(frozen=True)
class Resumable:
    path: Path
    title: str
    round: int
    saved_at: str  # local time, HH:MM
    older_rules: bool = False  # saved under an older version of the rules


def latest_unfinished(folder: Path, look_at: int = 5) -> Resumable | None:
    """The newest save in ``folder`` that loads and is still being played."""
    try:
        saves = sorted(
            (p for p in folder.glob("*.json") if not p.name.endswith(".seats.json")),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
    except OSError:
        return None
    for path in saves[:look_at]:
        try:
            record, state = resume(path)
        except (SaveError, OSError):
            continue  # a damaged save is left alone, never offered and never written over
        if not state.finished:
            stamp = datetime.fromtimestamp(path.stat().st_mtime).strftime("%H:%M")
            older = record.older_rules is not None
            return Resumable(path, state.scenario.title, state.round, stamp, older)
    return None
