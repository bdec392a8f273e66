"""Saves of whole games for the report's tests: computer partners, or the random player."""

from __future__ import annotations

from pathlib import Path

from game.bots.play import computer_game
from game.engine.randomplay import random_game
from game.engine.record import GameRecord, save
from game.engine.state import new_game
from game.scenario.loading import check_file


def _record(scenario_file: Path, seed: int) -> tuple[GameRecord, object]:
    result = check_file(scenario_file)
    record = GameRecord(str(Path(scenario_file).resolve()), result.content_hash, seed)
    return record, result.scenario()


def computer_save(scenario_file: Path, seed: int, path: Path) -> Path:
    """A game played by computer partners in every seat, saved to ``path``."""
    record, scenario = _record(scenario_file, seed)
    for decision, _ in computer_game(scenario, seed):
        record.actions.append(decision.action)
    save(record, path)
    return path


def random_save(scenario_file: Path, seed: int, path: Path) -> Path:
    """A game of the seeded random player (trainer actions, counters, polls too)."""
    record, scenario = _record(scenario_file, seed)
    for action, _ in random_game(new_game(scenario, seed), seed):
        record.actions.append(action)
    save(record, path)
    return path
