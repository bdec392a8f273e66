"""A played game as the report, the comparison and the export read it: record + final state.

Every printed or exported thing starts from saves; ``load_games`` opens them all before
anything is written, so a damaged save or saves of different scenarios stop the command
with one sentence that names the file (a ``SaveError``) and no half-written report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game.engine.record import GameRecord, SaveError, resume
from game.engine.state import GameState


@dataclass(frozen=True)
class Game:
    """One table's game: its log, its state after the last action, and what to call it."""

    record: GameRecord
    state: GameState
    label: str  # the table's name in a comparison: the save's file name, or given

    @property
    def scenario(self):
        return self.state.scenario


def load_game(path: Path, label: str | None = None) -> Game:
    """Replay a save against its scenario (checked unchanged); SaveError says why not."""
    path = Path(path)
    if not path.is_file():
        raise SaveError(f"{path}: no such save file")
    record, state = resume(path)
    return Game(record, state, label or path.stem)


def load_games(paths: Sequence[Path]) -> list[Game]:
    """Several saves of one scenario (a comparison needs the same town at every table)."""
    if not paths:
        raise SaveError("no save given")
    games = [load_game(path) for path in paths]
    first = games[0]
    for path, game in zip(paths, games, strict=True):
        if game.record.scenario_hash != first.record.scenario_hash:
            raise SaveError(
                f"{path}: was played on {game.scenario.title!r} ({game.record.scenario_file}), "
                f"not on {first.scenario.title!r}; a report compares tables of one scenario"
            )
    labels = [game.label for game in games]
    if len(set(labels)) != len(labels):  # two saves called the same in different folders
        games = [Game(g.record, g.state, f"{index}. {g.label}") for index, g in enumerate(games, 1)]
    return games
