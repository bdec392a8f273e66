"""The scenario analyser (``outofthebox analyze``), told as rule stories.

The small fixture tests/fixtures/analyser-small.yaml is counted by hand below; the
six-party quorum exercise and the built-in scenarios are recounted by a plain Python loop
over every deal that shares no code with the numpy analyser.
"""

from __future__ import annotations

import io
import itertools
import json
from collections import Counter

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from game.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main
from game.engine import actions as act
from game.engine import deals
from game.engine.acceptability import judge, needed_roles, position_at_start, signing_rule
from game.engine.rules import apply
from game.engine.state import new_game
from game.scenario.loading import check_file
from game.scoring.analysis import analyse
from game.scoring.analysis.pareto import pareto_mask
from game.scoring.analysis.project import Deal, analyse_project
from game.scoring.analysis.report import imbalance, progress_bar
from game.scoring.analysis.tournament import Tournament, run_tournament
from tests.helpers import BUILT_IN, FIXTURES, TUTORIAL, broken_copy

SMALL = FIXTURES / "analyser-small.yaml"
SIX_PARTY = FIXTURES / "six-party-quorum.yaml"


def load(path):
    return check_file(path).scenario()


def analysed(path, project_id, **limits):
    scenario = load(path)
    return analyse_project(scenario, scenario.project(project_id), **limits)


def summary(deal: Deal) -> tuple:
    """A deal in a form a test can write out: participants, options, table outcome."""
    return deal.participants, tuple(o for _, o in deal.options), tuple(deal.outcome.values())


# ---------------------------------------------------------------- counted by hand

# The reading corner: library (L), museum (M), café (C); walk-away values 35, 40, 30;
# unanimity bonus 5; quorum 2; the library required; the café's logo on the library's red
# line; "weekends" needs the café. Points of the six option choices (L, M, C):
#
#   1 library-only + weekdays   40 30  5
#   2 library-only + weekends   50 20 30
#   3 co-branded   + weekdays   30 50 25
#   4 co-branded   + weekends   40 40 50
#   5 cafe-logo    + weekdays   50 20 45   (the library's red line)
#   6 cafe-logo    + weekends   60 10 70   (the library's red line)
#
# Accepts alone (points >= walk-away): L 1 2 4; M 3 4; C 2 4 5 6.
# Accepts with the others (points + 5 >= walk-away): L 1 2 3 4; M 3 4; C 2 3 4 5 6.
# Groups with the library: L+M+C (6 choices), L+M (weekdays only: 1 3 5), L+C (6).
# Possible deals: 6 + 3 + 6 = 15.
#   L+M+C: 2 passes by quorum (L and C accept alone, the museum says no); 3 and 4 are
#          unanimous; 1 has one yes, 5 and 6 lack the required library. Pass: 3.
#   L+M:   3 is unanimous (L 30+5 = 35 >= 35). Pass: 1.
#   L+C:   2, 3, 4 are unanimous. Pass: 3.
# Pass 7, unanimous 6. Every participant strictly above its walk-away (bonus included):
# L+M+C 4 (45, 45, 55), L+C 2 (55, 35) and 4 (45, 55): 3 deals.
# Outcomes for the table (L, M, C), a role outside the deal or saying no keeping its
# walk-away:
#   a L+M+C 2 (50, 40, 30)   dominated by e
#   b L+M+C 3 (35, 55, 30)   Pareto-optimal (nobody else gives the museum 55 but d)
#   c L+M+C 4 (45, 45, 55)   Pareto-optimal; the largest total gain, 10 + 5 + 25 = 40
#   d L+M   3 (35, 55, 30)   Pareto-optimal (equal to b)
#   e L+C   2 (55, 40, 35)   Pareto-optimal (the library's best)
#   f L+C   3 (35, 40, 30)   dominated by c
#   g L+C   4 (45, 40, 55)   dominated by c
# Nash products of the participants' gains where all gain: c 10×5×25 = 1250, e 20×5 = 100,
# g 10×25 = 250: the Nash deal is c. The café's logo is in no Pareto-optimal deal.


def test_the_reading_corner_counted_by_hand():
    result = analysed(SMALL, "reading-corner")
    assert (result.coalitions, result.choices, result.possible, result.examined) == (3, 6, 15, 15)
    assert not result.sampled
    assert (result.approvable, result.unanimous, result.everyone_gains) == (7, 6, 3)
    assert result.pareto_count == 4
    everyone, library_museum, library_cafe = (
        ("library", "museum", "cafe"), ("library", "museum"), ("library", "cafe")
    )  # fmt: skip
    assert sorted(summary(d) for d in result.pareto) == sorted([
        (everyone, ("co-branded", "weekdays"), (35, 55, 30)),
        (everyone, ("co-branded", "weekends"), (45, 45, 55)),
        (library_museum, ("co-branded", "weekdays"), (35, 55, 30)),
        (library_cafe, ("library-only", "weekends"), (55, 40, 35)),
    ])  # fmt: skip
    best = (everyone, ("co-branded", "weekends"), (45, 45, 55))
    assert summary(result.welfare) == best and result.welfare.welfare == 40
    assert summary(result.nash) == best and result.nash.unanimous
    assert result.dead_options == (("branding", "cafe-logo"),)
    assert result.dominated == () and result.leaders == () and result.idle == ()
    # the best each can get: the library 50 + 5 (its red line rules out 60), the museum
    # 50 + 5, the café 70 + 5 (the logo is no red line of its own)
    assert [(f.role, f.walk_away, f.best, f.reachable) for f in result.role_facts] == [
        ("library", 35, 55, True), ("museum", 40, 55, True), ("cafe", 30, 75, True)
    ]  # fmt: skip


def test_a_deal_signed_by_quorum_leaves_the_one_saying_no_at_its_walk_away():
    scenario = load(SMALL)
    passing = _brute_force(scenario, scenario.project("reading-corner"))["passing"]
    by_quorum = [d for d in passing if not d[2]]
    assert by_quorum == [
        (("library", "museum", "cafe"), ("library-only", "weekends"), False, (50, 40, 30))
    ]


# Café evenings: one issue, four themes; open to all three but the library and the café
# are required, so the groups are L+M+C and L+C: 2 × 4 = 8 possible deals. The museum
# (walk-away 50, at most 20 points) never accepts, and every participant must accept, so
# only L+C deals pass. Walk-away values L 35, C 30; no bonus.
#   quiz    L 60 C 30   passes, gains (25, 0)
#   poetry  L 45 C 45   passes, gains (10, 15): the only deal where both gain
#   music   L 35 C 60   passes, gains (0, 30): the largest total gain, 30
#   karaoke L 30 C 25   fails; never better for anyone than quiz (60/10/30 ≥ 30/5/25)
# Pareto-optimal: quiz, poetry, music. Nash: poetry (10 × 15); best for the table: music.


def test_cafe_evenings_counted_by_hand():
    result = analysed(SMALL, "cafe-evenings")
    assert (result.coalitions, result.possible) == (2, 8)
    assert (result.approvable, result.unanimous, result.everyone_gains) == (3, 3, 1)
    assert sorted(o for d in result.pareto for _, o in d.options) == ["music", "poetry", "quiz"]
    assert summary(result.welfare) == (("library", "cafe"), ("music",), (35, 50, 60))
    assert summary(result.nash) == (("library", "cafe"), ("poetry",), (45, 50, 45))
    assert result.dead_options == (("theme", "karaoke"),)
    assert [(d.issue, d.option, d.by) for d in result.dominated] == [("theme", "karaoke", "quiz")]
    museum = next(f for f in result.role_facts if f.role == "museum")
    assert (museum.walk_away, museum.best, museum.reachable) == (50, 20, False)
    assert result.idle == ("museum",)


def test_a_project_nobody_can_sign_has_no_pareto_nash_or_best_deal(tmp_path):
    # raise the library's walk-away for the café evenings above everything it can get
    path = broken_copy(tmp_path, "{reading-corner: 35, cafe-evenings: 35}",
                       "{reading-corner: 35, cafe-evenings: 99}", SMALL)  # fmt: skip
    result = analysed(path, "cafe-evenings")
    assert (result.possible, result.approvable, result.pareto_count) == (8, 0, 0)
    assert result.nash is None and result.welfare is None and result.dead_options == ()


# ---------------------------------------------------------------- recounted by brute force


def _brute_force(scenario, project) -> dict:
    """Every deal of the project, one at a time, by the definitions in docs/scoring.md
    and the one rule for "would sign" (``acceptability.judge``)."""
    roles = [role.id for role in scenario.eligible_roles(project)]
    rule = project.approval
    walk = {r: scenario.role(r).brief.walk_away.get(project.id, rule.no_deal_value) for r in roles}
    bonus = rule.unanimity_bonus
    start = {r: position_at_start(scenario, r, project) for r in roles}
    counts, passing, best = Counter(), [], {}
    for size in range(len(roles), 1, -1):
        if size < rule.min_participants or size > (rule.max_participants or size):
            continue
        for group in itertools.combinations(roles, size):
            if not set(rule.required) <= set(group):
                continue
            if rule.proposers and not set(rule.proposers) & set(group):
                continue
            for options in itertools.product(*[[o.id for o in i.options] for i in project.issues]):
                picked = deals.chosen_options(project, options)
                if any(r not in group for option in picked for r in option.cost_for):
                    continue
                counts["possible"] += 1
                points = {r: deals.points(scenario, r, project, options) for r in group}
                clean = {r: deals.red_line(scenario, r, project, options) is None for r in group}
                for r in group:
                    if clean[r]:
                        best[r] = max(best.get(r, -(10**9)), points[r] + bonus)
                # the one rule, deal by deal (the analyser asks it over numpy columns)
                alone = {r for r in group if judge(start[r], project, options).worth}
                together = {
                    r for r in group if judge(start[r], project, options, None, bonus).worth
                }
                quorum = rule.quorum or size
                must = (set(rule.required) | set(rule.vetoes)) & set(group)
                must |= set(needed_roles(project, options))
                # every participant can sign only if a must-signature can come last
                reachable = signing_rule(project, group, options).can_end_unanimous
                unanimous = together == set(group) and size >= quorum and reachable
                by_quorum = (len(alone) >= quorum and must <= alone
                             and (not rule.proposers or set(rule.proposers) & alone))  # fmt: skip
                if not (unanimous or by_quorum):
                    continue
                counts["approvable"] += 1
                counts["unanimous"] += unanimous
                gains = [points[r] + bonus * unanimous - walk[r] for r in group]
                if all(g > 0 for g in gains) and (unanimous or alone == set(group)):
                    counts["everyone_gains"] += 1
                outcome = tuple(
                    walk[r] if r not in group
                    else points[r] + bonus if unanimous
                    else points[r] if r in alone
                    else walk[r]
                    for r in roles
                )  # fmt: skip
                passing.append((group, options, unanimous, outcome))
    return {"counts": counts, "passing": passing, "best": best, "roles": roles}


def _dominates(a: tuple, b: tuple) -> bool:
    return all(x >= y for x, y in zip(a, b, strict=True)) and a != b


@pytest.mark.parametrize("path", [SIX_PARTY, SMALL, *BUILT_IN], ids=lambda p: p.stem)
def test_the_analyser_agrees_with_a_plain_loop_over_every_deal(path):
    scenario = load(path)
    for project in scenario.projects:
        result = analyse_project(scenario, project)
        truth = _brute_force(scenario, project)
        counts, passing = truth["counts"], truth["passing"]
        assert result.possible == result.examined == counts["possible"]
        assert result.approvable == counts["approvable"] == len(passing)
        assert result.unanimous == counts["unanimous"]
        assert result.everyone_gains == counts["everyone_gains"]
        pareto = [d for d in passing if not any(_dominates(e[3], d[3]) for e in passing)]
        assert result.pareto_count == len(pareto)
        if len(pareto) <= len(result.pareto):
            assert {(d.participants, tuple(o for _, o in d.options)) for d in result.pareto} == {
                (group, options) for group, options, _, _ in pareto
            }
        if passing:
            top = max(
                passing, key=lambda deal: sum(deal[3])
            )  # the first of the largest, like the analyser
            assert (result.welfare.participants, tuple(o for _, o in result.welfare.options)) == (
                top[0], top[1]
            )  # fmt: skip
        used = {(i.id, o) for d in pareto for i, o in zip(project.issues, d[1], strict=True)}
        every = [(i.id, o.id) for i in project.issues for o in i.options]
        assert list(result.dead_options) == ([x for x in every if x not in used] if pareto else [])
        assert {f.role: f.best for f in result.role_facts} == {
            r: truth["best"].get(r) for r in truth["roles"]
        }


def test_the_six_party_exercise_in_numbers():
    """432 option choices for the one group of six; five of six must say yes, the library
    and the council among them. The numbers the brute force above confirms."""
    result = analysed(SIX_PARTY, "culture-house")
    assert (result.coalitions, result.possible) == (1, 432)
    assert (result.approvable, result.unanimous, result.everyone_gains) == (52, 7, 0)
    assert result.pareto_count == 25
    assert result.nash is None  # someone is always left exactly at its walk-away
    assert not result.welfare.unanimous and result.welfare.members == (
        "library", "council", "museum", "neighbours", "green"
    )  # fmt: skip
    assert result.dead_options == (
        ("funding", "city-alone"), ("funding", "city-and-business"), ("funding", "bond-issue")
    )  # fmt: skip


# ---------------------------------------------------------------- Pareto search


def _pairwise_pareto(rows: np.ndarray) -> list[bool]:
    """Every row against every row: [i, j] is True when row j dominates row i."""
    at_least = (rows[None, :, :] >= rows[:, None, :]).all(axis=2)
    larger = (rows[None, :, :] > rows[:, None, :]).any(axis=2)
    return (~(at_least & larger).any(axis=1)).tolist()


@given(hnp.arrays(np.int64, st.tuples(st.integers(0, 200), st.integers(1, 6)),
                  elements=st.integers(-5, 5)))  # fmt: skip
def test_the_pareto_search_finds_exactly_the_rows_nothing_dominates(rows):
    assert pareto_mask(rows).tolist() == _pairwise_pareto(rows)


def test_the_pareto_search_handles_blocks_of_equal_and_constant_sum_rows():
    rows = np.array([[i, 300 - i] for i in range(300)] * 2 + [[0, 0]] * 100)
    assert pareto_mask(rows).tolist() == [True] * 600 + [False] * 100


# ---------------------------------------------------------------- sampling


def test_above_the_limit_a_seeded_sample_is_examined_and_said():
    result = analysed(SIX_PARTY, "culture-house", max_deals=100)
    assert (result.possible, result.examined, result.sampled) == (432, 100, True)
    assert result.approvable <= 52 and result.pareto_count >= 1
    again = analysed(SIX_PARTY, "culture-house", max_deals=100)
    assert again.pareto == result.pareto  # the same file gives the same report


def test_the_sample_is_shared_by_every_group_of_participants():
    result = analysed(SMALL, "reading-corner", max_deals=6)  # 3 groups: 2 choices each
    assert result.sampled and result.possible == 15
    assert result.examined <= 6


# ---------------------------------------------------------------- tournament


def test_a_tournament_shares_tied_wins_and_keeps_every_score():
    scenario = load(SMALL)
    seen = []
    tournament = run_tournament(scenario, 3, progress=lambda done, total: seen.append(done))
    assert seen == [1, 2, 3]
    assert sum(tournament.wins.values()) == pytest.approx(3)
    assert all(len(scores) == 3 for scores in tournament.scores.values())
    assert set(tournament.axes) == {"win_win", "risk", "innovation"}
    assert all(0 <= n <= 3 for n in tournament.signed.values())


def test_a_brief_written_in_bigger_numbers_does_not_win_more_for_it():
    """Points are private and each brief has its own scale: the café's brief written ten
    times larger plays the same games and wins exactly as often. (Without the event deck:
    a card that moves a walk-away by 5 points means less on a larger scale.)"""
    scenario = load(TUTORIAL).model_copy(update={"events": []})
    cafe = scenario.role("cafe")
    brief = cafe.brief.model_copy(
        update={
            "points": {
                project: {
                    issue: {o: 10 * v for o, v in options.items()}
                    for issue, options in issues.items()
                }
                for project, issues in cafe.brief.points.items()
            },
            "walk_away": {p: 10 * v for p, v in cafe.brief.walk_away.items()},
        }
    )
    roles = [r.model_copy(update={"brief": brief}) if r.id == "cafe" else r for r in scenario.roles]
    louder = scenario.model_copy(update={"roles": roles})
    loud = run_tournament(louder, 12)
    assert loud.wins == run_tournament(scenario, 12).wins
    assert max(loud.scores["cafe"]) > 100  # while its raw scores are ten times larger


def test_when_no_deal_can_pass_every_role_shares_every_game():
    """Walk-away values above anything a deal gives: nobody signs, nobody gains, so every
    game is a tie and each of the two roles has half of every win."""
    scenario = load(TUTORIAL)
    out_of_reach = {"walk_away": {"reading-cafe": 900}}
    roles = [r.model_copy(update={"brief": r.brief.model_copy(update=out_of_reach)})
             for r in scenario.roles]  # fmt: skip
    stuck = scenario.model_copy(update={"roles": roles, "events": []})
    tournament = run_tournament(stuck, 4)
    assert tournament.signed == {"reading-cafe": 0}
    assert tournament.wins == {"library": 2.0, "cafe": 2.0}
    assert imbalance(stuck, tournament)[0].startswith("Balanced enough")


def _tournament(rates: dict[str, float]) -> Tournament:
    return Tournament(100, {r: 100 * v for r, v in rates.items()}, {}, {}, {}, 0)


def test_imbalance_is_said_when_a_role_wins_twice_its_fair_share():
    scenario = load(BUILT_IN[0])  # four roles: a fair share is 25 %
    roles = [r.id for r in scenario.roles]
    lines = imbalance(scenario, _tournament(dict(zip(roles, [0.81, 0.09, 0.10, 0.0], strict=True))))
    name = scenario.role(roles[0]).name
    assert lines[0] == f"{name} wins 81 % of games (a fair share is 25 %)."
    assert f"{scenario.role(roles[1]).name} wins only 9 % of games." in lines
    assert f"{scenario.role(roles[3]).name} never wins." in lines
    even = imbalance(scenario, _tournament(dict(zip(roles, [0.3, 0.2, 0.25, 0.25], strict=True))))
    assert even == [
        "Balanced enough: no role wins 50 % of games or more, nor 12 % or less "
        "(a fair share is 25 %)."
    ]


def test_with_two_roles_far_more_is_three_games_in_four():
    scenario = load(SMALL)
    two = scenario.model_copy(update={"roles": scenario.roles[::2]})  # library, café
    assert imbalance(two, _tournament({"library": 0.7, "cafe": 0.3}))[0].startswith(
        "Balanced enough"
    )
    assert imbalance(two, _tournament({"library": 0.75, "cafe": 0.25}))[0].startswith(
        "The library wins 75 %"
    )


def test_the_progress_bar_draws_only_on_a_terminal():
    assert progress_bar(io.StringIO()) is None

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    show = progress_bar(screen)
    show(1, 2)
    assert "1/2" in screen.getvalue()


# ---------------------------------------------------------------- the command


def test_analyze_says_it_in_words(capsys):
    assert main(["analyze", str(SMALL), "--games", "2"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Possible deals: 15" in out
    assert "The museum's walk-away, 50, is above the best it can get, 20" in out
    flat = " ".join(out.split())  # lines wrapped for a handout, read as one
    assert (
        "Options in no Pareto-optimal deal: Whose name is on it? The café's logo (a red line "
        "of The library)." in flat
    )  # why no deal holds it
    assert "Tournament: 2 computer-only games (seeds 0 to 1)" in out
    assert "these rates are rough" in out


def test_analyze_as_json_has_the_same_facts_under_stable_keys(capsys):
    assert main(["analyze", str(SMALL), "--games", "2", "--format", "json"]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"file", "scenario", "projects", "tournament"}
    corner = report["projects"][0]
    assert corner["deals"] == {"possible": 15, "examined": 15, "sampled": False,
                               "approvable": 7, "unanimous": 6, "everyone_gains": 3,
                               "pareto_optimal": 4}  # fmt: skip
    assert corner["max_welfare"]["options"] == {"branding": "co-branded", "hours": "weekends"}
    assert corner["max_welfare"]["total_gain"] == 40
    assert corner["dead_options"] == [{"issue": "branding", "option": "cafe-logo"}]
    evenings = report["projects"][1]
    assert evenings["walk_away"]["museum"] == {"value": 50, "best": 20, "reachable": False}
    assert evenings["dominated_options"] == [{"issue": "theme", "option": "karaoke", "by": "quiz"}]
    assert evenings["nash"]["options"] == {"theme": "poetry"}
    tournament = report["tournament"]
    assert tournament["games"] == 2 and set(tournament["roles"]) == {"library", "museum", "cafe"}
    assert set(tournament["roles"]["cafe"]["scores"]) == {"min", "q1", "median", "q3", "max",
                                                          "mean"}  # fmt: skip
    assert sum(r["win_rate"] for r in tournament["roles"].values()) == pytest.approx(1)


def test_analyze_says_when_it_sampled(capsys):
    assert main(["analyze", str(SIX_PARTY), "--games", "0", "--max-deals", "100"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "sampled 100 of 432 deals" in out and "Tournament" not in out
    main(["analyze", str(SIX_PARTY), "--games", "0", "--max-deals", "100", "--format", "json"])
    deals_json = json.loads(capsys.readouterr().out)["projects"][0]["deals"]
    assert deals_json["sampled"] is True and deals_json["examined"] == 100


def test_analyze_a_bad_file_prints_the_diagnostic_and_exits_1(tmp_path, capsys):
    broken = broken_copy(tmp_path, "sector: market", "sector: markt", SMALL)
    assert main(["analyze", str(broken)]) == EXIT_INVALID
    err = capsys.readouterr().err
    assert "roles[cafe].sector" in err and 'did you mean "market"?' in err


def test_analyze_a_missing_file_or_a_bad_number_is_a_usage_error(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nope.yaml")]) == EXIT_USAGE
    assert "no such scenario file" in capsys.readouterr().err
    for argv in (["--games", "-1"], ["--games", "many"], ["--format", "xml"]):
        with pytest.raises(SystemExit) as stop:
            main(["analyze", str(SMALL), *argv])
        assert stop.value.code == EXIT_USAGE


def test_analyse_without_games_plays_none():
    assert analyse(load(SMALL)).tournament is None


# ------------------------------------------------- the analyser's deals are deals the table signs


def _signed_when_played(scenario, project, deal) -> bool:
    """Propose the analyser's deal at the start of a game (no event cards: the analyser
    reads the file as written) and let its members accept it, each on its own turn."""
    state = new_game(scenario.model_copy(update={"events": []}), seed=1)
    rule = project.approval
    proposer = next(r for r in deal.members if not rule.proposers or r in rule.proposers)
    options = tuple(option for _, option in deal.options)
    for _ in range(40):
        if state.finished or state.agreements:
            break
        role = state.current_role
        if not state.deals and role == proposer:
            action = act.Propose(role, project.id, deal.participants, options)
        elif state.deals and role in deal.members and role in state.deals[0].awaiting():
            action = act.Accept(role, 1)
        else:
            action = act.Pass(role)
        state = apply(state, action)
    agreement = state.agreements[0] if state.agreements else None
    # signed by its members (a quorum may sign before the last of them has answered)
    return agreement is not None and set(agreement.members) <= set(deal.members)


@pytest.mark.parametrize(
    "path", [*BUILT_IN, *sorted(FIXTURES.glob("*.yaml"))], ids=lambda p: p.stem
)
def test_the_analyser_s_best_and_nash_deals_are_signed_when_played(path):
    scenario = load(path)
    played = 0
    for project in scenario.projects:
        result = analyse_project(scenario, project)
        for deal in (result.welfare, result.nash):
            if deal is not None:
                assert _signed_when_played(scenario, project, deal), (project.id, deal)
                played += 1
    assert played or path.stem == "analyser-small"
