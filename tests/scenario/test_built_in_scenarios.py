"""The built-in scenarios are complete, grounded in the seeds, and worth playing."""

from __future__ import annotations

import itertools

import pytest

from game.scenario.loading import check_file, load_scenario
from game.scenario.model import Project, Role, Scenario
from game.scenario.vocabulary import EffectKind, LessonId, words
from tests.helpers import BUILT_IN, FIXTURES, FOUR_ROLE, TUTORIAL


def role_points(role: Role, project: Project, deal: tuple[str, ...]) -> int:
    table = role.brief.points[project.id]
    return sum(table[issue.id][option] for issue, option in zip(project.issues, deal, strict=True))


def crosses_red_line(role: Role, project: Project, deal: tuple[str, ...]) -> bool:
    chosen = {
        (project.id, issue.id, option) for issue, option in zip(project.issues, deal, strict=True)
    }
    return any((r.project, r.issue, r.option) in chosen for r in role.brief.red_lines)


def walk_away(role: Role, project: Project) -> int:
    return role.brief.walk_away.get(project.id, project.approval.no_deal_value)


def all_deals(project: Project):
    return itertools.product(*[[option.id for option in issue.options] for issue in project.issues])


def win_win_deals(
    scenario: Scenario, project: Project
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(participants, deal) pairs allowed by the approval rule in which nobody loses."""
    eligible = scenario.eligible_roles(project)
    rule = project.approval
    found = []
    for size in range(rule.min_participants, (rule.max_participants or len(eligible)) + 1):
        for group in itertools.combinations(eligible, size):
            ids = {role.id for role in group}
            if not set(rule.required) <= ids:
                continue
            for deal in all_deals(project):
                if all(
                    role_points(role, project, deal) >= walk_away(role, project)
                    and not crosses_red_line(role, project, deal)
                    for role in group
                ):
                    found.append((tuple(sorted(ids)), deal))
    return found


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.name)
def test_a_built_in_scenario_is_valid_without_a_single_warning(path):
    result = check_file(path)
    assert [str(d) for d in result.diagnostics] == []


def test_there_is_a_two_role_tutorial_for_the_first_ten_minutes():
    tutorial = load_scenario(TUTORIAL)
    assert len(tutorial.roles) == 2
    assert tutorial.rounds <= 4
    assert {role.kind for role in tutorial.roles} >= {"librarian"}


def test_there_are_at_least_three_four_role_scenarios():
    assert len(FOUR_ROLE) >= 3


@pytest.mark.parametrize("path", FOUR_ROLE, ids=lambda p: p.name)
def test_a_four_role_scenario_has_the_size_the_workshop_needs(path):
    scenario = load_scenario(path)
    assert len(scenario.roles) == 4
    assert len(scenario.projects) >= 2
    assert all(len(project.issues) >= 3 for project in scenario.projects)
    assert len(scenario.events) >= 6
    assert scenario.trainer_notes


@pytest.mark.parametrize("path", FOUR_ROLE, ids=lambda p: p.name)
def test_a_four_role_scenario_seats_civic_public_and_market_partners_and_the_library(path):
    scenario = load_scenario(path)
    assert {role.sector for role in scenario.roles} == {"civic", "public", "market"}
    assert any(role.kind == "librarian" for role in scenario.roles)


@pytest.mark.parametrize("path", FOUR_ROLE, ids=lambda p: p.name)
def test_its_event_deck_uses_every_kind_of_effect(path):
    scenario = load_scenario(path)
    used = {effect.kind for card in scenario.events for effect in card.effects}
    assert used == set(words(EffectKind))


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.name)
def test_every_project_has_a_deal_in_which_nobody_loses(path):
    scenario = load_scenario(path)
    for project in scenario.projects:
        assert win_win_deals(scenario, project), f"{project.id}: no win-win deal"


@pytest.mark.parametrize("path", FOUR_ROLE, ids=lambda p: p.name)
def test_no_project_is_a_walk_over_where_any_deal_pleases_everyone(path):
    scenario = load_scenario(path)
    for project in scenario.projects:
        eligible = scenario.eligible_roles(project)
        pleasing = [
            deal
            for deal in all_deals(project)
            if all(
                role_points(role, project, deal) >= walk_away(role, project) for role in eligible
            )
        ]
        total = len(list(all_deals(project)))
        assert len(pleasing) < total / 2, f"{project.id}: {len(pleasing)} of {total} please all"


@pytest.mark.parametrize("path", FOUR_ROLE, ids=lambda p: p.name)
def test_the_library_has_a_red_line_with_its_reason(path):
    scenario = load_scenario(path)
    library = next(role for role in scenario.roles if role.kind == "librarian")
    assert library.brief.red_lines
    assert all(line.reason for line in library.brief.red_lines)


def test_the_format_expresses_the_classic_six_party_quorum_exercise():
    """Six parties, five issues, private points, a threshold each, and a deal that needs
    five of six including the proposer and the veto holder."""
    scenario = load_scenario(FIXTURES / "six-party-quorum.yaml")
    (project,) = scenario.projects
    assert len(scenario.roles) == 6 and len(project.issues) == 5
    rule = project.approval
    assert (rule.min_participants, rule.quorum) == (6, 5)
    assert rule.proposers == ["library"] and rule.vetoes == ["council"]
    assert all(role.brief.walk_away["culture-house"] > 0 for role in scenario.roles)
    assert len(list(all_deals(project))) == 432


def test_every_lesson_an_author_may_reword_has_default_words_from_the_seed():
    from game.scenario.lessons import DEFAULT_LESSONS

    assert set(DEFAULT_LESSONS) == set(words(LessonId))
    assert all(lesson.title and lesson.text for lesson in DEFAULT_LESSONS.values())
