"""A learner's progress is kept per name on this laptop, one entry per practice game, and
"play again" gives the same game or a fresh one."""

from __future__ import annotations

import json

from game.engine import actions as act
from game.engine.questions import walk_away_choices
from game.scenario.loading import check_file
from game.session.partners import hidden_personalities
from game.session.practice import solo_seats
from game.session.progress import (
    GameEntry,
    KindScore,
    ProgressError,
    ProgressStore,
    game_entry,
    learner_name,
)
from game.session.workshop import Workshop
from tests.helpers import SCENARIOS

TUTORIAL = SCENARIOS / "tutorial-reading-cafe.yaml"


def entry(game: str, rank: float = 50.0) -> GameEntry:
    return GameEntry(game, "2026-12-02T20:00:00+00:00", "The Reading Café", 4, "library",
                     {"rank": KindScore(rank, 1)})  # fmt: skip


def practice_game(tmp_path, learner: str = "Kirsten") -> Workshop:
    scenario = check_file(TUTORIAL).scenario()
    seats = solo_seats(scenario, "library")
    seats[0].learner = learner
    return Workshop.start(TUTORIAL, 4, seats, folder=tmp_path / "saves")


def test_a_learner_s_games_come_back_in_order_and_a_game_counts_once(tmp_path):
    store = ProgressStore(tmp_path / "progress")
    assert store.entries("Kirsten") == []
    store.record("Kirsten", entry("a.json", 40))
    store.record("Kirsten", entry("b.json", 70))
    store.record("Kirsten", entry("a.json", 99))  # the same game, resumed after its end
    games = store.entries("Kirsten")
    assert [(g.game, g.scores["rank"].mean) for g in games] == [("a.json", 40), ("b.json", 70)]


def test_each_name_has_its_own_progress_and_no_name_leaves_the_folder(tmp_path):
    store = ProgressStore(tmp_path / "progress")
    store.record("Anna B", entry("a.json"))
    store.record("anna-b", entry("b.json"))
    store.record("../../etc/passwd", entry("c.json"))
    assert [g.game for g in store.entries("Anna B")] == ["a.json"]
    assert [g.game for g in store.entries("anna-b")] == ["b.json"]
    assert all(path.parent == tmp_path / "progress" for path in (tmp_path / "progress").iterdir())
    assert learner_name("   ") == "anonymous" and learner_name(" Anna   B ") == "Anna B"


def test_a_damaged_progress_file_is_named_then_kept_aside_never_overwritten(tmp_path):
    store = ProgressStore(tmp_path / "progress")
    store.record("Kirsten", entry("a.json"))
    path = store.path("Kirsten")
    path.write_text("{ not json", encoding="utf-8")
    try:
        store.entries("Kirsten")
        raise AssertionError("a damaged file was read as empty")
    except ProgressError as error:
        assert str(path) in str(error) and "damaged" in str(error)
    note = store.record("Kirsten", entry("b.json"))
    assert "could not be read" in note
    kept = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{ not json"
    assert [g.game for g in store.entries("Kirsten")] == ["b.json"]
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]  # written whole


def test_the_end_of_a_practice_game_adds_one_entry_of_the_engine_s_scores(tmp_path):
    workshop = practice_game(tmp_path)
    project = workshop.state.scenario.projects[0]
    choice = walk_away_choices(workshop.state, project)[0]
    outcome = workshop.act(
        act.Predict("library", "cafe", project.id, question="walk-away", choice=choice)
    )
    assert outcome.ok, outcome
    while not workshop.state.finished:
        workshop.act(act.Pass(workshop.state.current_role))
    games = ProgressStore(workshop.progress_folder).entries("Kirsten")
    assert len(games) == 1 and games[0].game == workshop.session.path.name
    made = workshop.state.role_state("library").predictions
    assert games[0].scores == game_entry(workshop.state, "library", "x").scores
    assert games[0].scores["walk-away"] == KindScore(float(made[0].score), 1)
    data = json.loads(ProgressStore(workshop.progress_folder).path("Kirsten").read_text())
    assert data["name"] == "Kirsten"


def test_the_same_game_keeps_seed_and_partners_and_a_fresh_one_changes_both(tmp_path):
    workshop = practice_game(tmp_path)
    same = workshop.play_again_as("library", tmp_path / "saves")
    fresh = workshop.play_again_as("library", tmp_path / "saves", fresh=True)
    assert same.state.seed == workshop.state.seed
    assert same.seat("cafe").personality == workshop.seat("cafe").personality
    assert fresh.state.seed != workshop.state.seed
    assert fresh.seat("cafe").personality != workshop.seat("cafe").personality
    assert fresh.state.personalities == (("cafe", fresh.seat("cafe").personality),)
    assert fresh.seat("library").learner == same.seat("library").learner == "Kirsten"


def test_hidden_personalities_come_from_the_seed_so_a_resumed_game_keeps_them():
    scenario = check_file(SCENARIOS / "children-and-families.yaml").scenario()
    drawn = []
    for _ in range(2):
        seats = solo_seats(scenario, "library")
        hidden_personalities(seats, 11)
        drawn.append([seat.personality for seat in seats if seat.computer])
    assert drawn[0] == drawn[1]
    other = solo_seats(scenario, "library")
    hidden_personalities(other, 12)
    many = set()
    for seed in range(20):
        seats = solo_seats(scenario, "library")
        hidden_personalities(seats, seed)
        many.add(tuple(seat.personality for seat in seats if seat.computer))
    assert len(many) > 5  # not the fixed rotation the setup screen shows when asked
