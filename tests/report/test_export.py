"""The export: the full action log with scores, and a JSON export replays the same game."""

from __future__ import annotations

import csv
import io
import json

import pytest

from game.engine.record import SaveError, read_record
from game.report.export import export_csv, export_json, load_export, record_from_export
from game.report.games import load_game
from game.scoring.axes import AXES, score_game
from tests.helpers import BUILT_IN, FOUR_ROLE
from tests.report.saves import computer_save, random_save


@pytest.mark.parametrize("maker", [computer_save, random_save], ids=["computer", "random"])
@pytest.mark.parametrize("scenario", BUILT_IN, ids=lambda p: p.stem)
def test_a_json_export_loads_back_into_the_identical_game(scenario, maker, tmp_path):
    game = load_game(maker(scenario, 11, tmp_path / "game.json"))
    exported = tmp_path / "export.json"
    exported.write_text(export_json(game), encoding="utf-8")
    record, state = load_export(exported)
    assert record.actions == game.record.actions and record.seed == game.record.seed
    assert state == game.state
    assert score_game(state) == score_game(game.state)
    assert state.deals == game.state.deals and state.news == game.state.news


def test_the_json_export_holds_every_action_with_its_round_actor_and_scores(tmp_path):
    game = load_game(random_save(FOUR_ROLE[0], 3, tmp_path / "game.json"))
    data = json.loads(export_json(game))
    assert record_from_export(data).actions == game.record.actions
    assert [row["number"] for row in data["log"]] == list(range(1, len(game.record.actions) + 1))
    for row, action in zip(data["log"], game.record.actions, strict=True):
        assert row["actor"] == action.actor and row["kind"] == action.kind
        assert 1 <= row["round"] <= game.scenario.rounds
        assert set(row["table"]) == set(AXES)
        assert set(row["individual"]) == {role.id for role in game.scenario.roles}
    final = score_game(game.state)
    assert data["log"][-1]["table"] == {axis: final.table[axis].score for axis in AXES}
    assert data["scores"]["individual"] == final.individual
    assert len(data["scores"]["agreements"]) == len(game.state.agreements)
    assert all(row["win_win"]["reason"] for row in data["scores"]["agreements"])


def test_the_csv_export_has_one_row_per_action_and_the_running_scores(tmp_path):
    game = load_game(computer_save(FOUR_ROLE[1], 5, tmp_path / "game.json"))
    rows = list(csv.DictReader(io.StringIO(export_csv(game))))
    assert len(rows) == len(game.record.actions)
    roles = [role.id for role in game.scenario.roles]
    assert list(rows[0]) == [
        "number",
        "round",
        "actor",
        "kind",
        "details",
        *(f"table_{axis}" for axis in AXES),
        *(f"individual_{role}" for role in roles),
    ]
    final = score_game(game.state)
    assert {axis: int(rows[-1][f"table_{axis}"]) for axis in AXES} == {
        axis: final.table[axis].score for axis in AXES
    }
    assert {role: int(rows[-1][f"individual_{role}"]) for role in roles} == final.individual
    proposal = next(row for row in rows if row["kind"] == "propose")
    assert "project=" in proposal["details"] and "participants=" in proposal["details"]


def test_a_save_is_not_an_export(tmp_path):
    path = computer_save(FOUR_ROLE[0], 1, tmp_path / "game.json")
    with pytest.raises(SaveError, match="not an Out of the Box export"):
        load_export(path)
    assert read_record(path).actions  # and the save is untouched
