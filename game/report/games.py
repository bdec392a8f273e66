"""A played game as the report, the comparison and the export read it: record + final state.

Every printed or exported thing starts from saves; ``load_games`` opens them all before
anything is written, so a damaged save or saves of different scenarios stop the command
with one sentence that names the file (a ``SaveError``) and no half-written report.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from game.engine.record import GameRecord, SaveError, resume
from game.engine.state import GameState


@dataclass(frozen=True)
class Game:
    """One table's game: its log, its state after the last action, and what to call it."""

    record: GameRecord
    state: GameState
    label: str  # the table's name in a comparison: the save's file name, or given
    #: each team's own name by role id ("Team Red"), from the seats file beside the save
    teams: dict[str, str] = field(default_factory=dict)

    @property
    def scenario(self):
        return self.state.scenario

    def team_label(self, role: str) -> str:
        """A role as the room knew it: "Team Red (The Museum)", or the role's name when
        its team kept it (as ``Workshop.label`` says it on the screens)."""
        name = self.scenario.role(role).name
        team = self.teams.get(role, "").strip()
        return name if not team or team == name else f"{team} ({name})"


def named(game: Game) -> Game:
    """The game with each role called as the room knew it ("Team Red (The Museum)"), so
    every part of the report (scores, agreements, the timeline, the missed deals) says
    the teams' own names without each asking for them. Only the names change: ids,
    points and the rules are the game's own."""
    if not any(game.team_label(role.id) != role.name for role in game.scenario.roles):
        return game
    roles = [
        role.model_copy(update={"name": game.team_label(role.id)}) for role in game.scenario.roles
    ]
    scenario = game.scenario.model_copy(update={"roles": roles})
    return Game(game.record, replace(game.state, scenario=scenario), game.label, {})


def teams_beside(save: Path) -> dict[str, str]:
    """The teams' own names from the seats file the game wrote beside its save
    (``FILE.seats.json``); none when there is no such file or it cannot be read: the
    roles' own names then stand in."""
    seats = save.with_name(save.stem + ".seats.json")
    try:
        data = json.loads(seats.read_text(encoding="utf-8"))
        return {str(item["role"]): str(item.get("team", "")) for item in data}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def load_game(path: Path, label: str | None = None) -> Game:
    """Replay a save against its scenario (checked unchanged); SaveError says why not."""
    path = Path(path)
    if not path.is_file():
        raise SaveError(f"{path}: no such save file")
    record, state = resume(path)
    return Game(record, state, label or path.stem, teams_beside(path))


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
        games = [
            Game(g.record, g.state, f"{index}. {g.label}", g.teams)
            for index, g in enumerate(games, 1)
        ]
    return games
