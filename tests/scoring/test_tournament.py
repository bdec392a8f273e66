"""The analyser's tournament on several processes (``analyze --jobs``), told as rule stories.

The games are the same games whatever the number of processes, and so are the sums: a
tournament on two processes equals the one played in this process, to the last bit.
"""

from __future__ import annotations

import pytest

from game.cli import EXIT_OK, EXIT_USAGE, main
from game.scenario.loading import check_file
from game.scoring import missed
from game.scoring.analysis import analyse, tournament
from game.scoring.analysis.project import analyse_project
from game.scoring.analysis.tournament import all_cores, play_game, run_tournament
from tests.helpers import FIXTURES, SCENARIOS

MILLION = FIXTURES / "harbour-quarter-million.yaml"
SMALL = FIXTURES / "analyser-small.yaml"
#: four roles and event cards that move walk-away values: the scores analyse again
HEALTH = SCENARIOS / "health-exchange.yaml"


def load(path):
    return check_file(path).scenario()


def test_a_tournament_on_two_processes_is_the_one_played_in_this_process():
    scenario = load(HEALTH)
    alone = run_tournament(scenario, 12, jobs=1)
    assert run_tournament(scenario, 12, jobs=2) == alone
    assert sum(alone.signed.values()) > 0  # agreements were scored, not only walk-aways


def test_the_default_number_of_processes_is_every_core_and_changes_nothing(monkeypatch):
    monkeypatch.setattr(tournament.os, "cpu_count", lambda: 3)
    assert all_cores() == 3
    monkeypatch.setattr(tournament.os, "cpu_count", lambda: None)
    assert all_cores() == 1  # a platform that cannot tell still plays, in one process
    scenario = load(SMALL)
    assert run_tournament(scenario, 4, jobs=None) == run_tournament(scenario, 4)


def test_progress_from_a_pool_comes_game_by_game_in_seed_order():
    seen: list[tuple[int, int]] = []
    run_tournament(load(SMALL), 7, lambda done, total: seen.append((done, total)), jobs=2)
    assert seen == [(done, 7) for done in range(1, 8)]


def test_more_processes_than_games_plays_each_game_once():
    scenario = load(SMALL)
    few = run_tournament(scenario, 2, jobs=8)
    assert few == run_tournament(scenario, 2, jobs=1)
    assert all(len(scores) == 2 for scores in few.scores.values())


def test_a_game_that_fails_in_a_worker_stops_the_tournament_with_its_error(monkeypatch):
    played = tournament.final_state

    def broken(scenario, seed):
        if seed == 3:
            raise ValueError("game 3 broke")
        return played(scenario, seed)

    # a forked worker starts with this process's modules, the broken game included
    monkeypatch.setattr(tournament, "final_state", broken)
    with pytest.raises(ValueError, match="game 3 broke"):
        run_tournament(load(SMALL), 6, jobs=2)


def test_a_game_result_holds_what_the_tournament_adds_up():
    scenario = load(SMALL)
    result = play_game(scenario, 0)
    assert result.seed == 0
    assert set(result.individual) == set(result.shares) == {r.id for r in scenario.roles}
    assert set(result.table) == {"win_win", "risk", "innovation"}
    assert result.signed <= {p.id for p in scenario.projects}


def test_the_scores_of_the_games_ask_the_very_analyses_the_report_shows():
    scenario = load(SMALL)
    analysis = analyse(scenario)
    made = missed.analysed(scenario)
    assert all(project is made[project.project] for project in analysis.projects)


def test_the_million_deal_fixture_is_examined_in_full():
    scenario = load(MILLION)
    [hub] = scenario.projects
    analysis = analyse_project(scenario, hub)
    assert (len(scenario.roles), analysis.coalitions, analysis.choices) == (6, 10, 100_000)
    assert analysis.possible == analysis.examined == 1_000_000 and not analysis.sampled
    assert analysis.nash is not None and analysis.pareto_count > 0
    walk_away_events = [
        event for event in scenario.events
        if any(effect.kind == "change-walk-away" for effect in event.effects)
    ]  # fmt: skip
    assert len(walk_away_events) == 2  # a game's scores analyse the project again


def test_analyze_says_the_same_on_one_process_or_two(capsys):
    assert main(["analyze", str(SMALL), "--games", "3", "--jobs", "1"]) == EXIT_OK
    alone = capsys.readouterr().out
    assert main(["analyze", str(SMALL), "--games", "3", "--jobs", "2"]) == EXIT_OK
    assert capsys.readouterr().out == alone


def test_analyze_wants_at_least_one_process():
    for jobs in ("0", "-2", "all"):
        with pytest.raises(SystemExit) as stop:
            main(["analyze", str(SMALL), "--games", "2", "--jobs", jobs])
        assert stop.value.code == EXIT_USAGE
