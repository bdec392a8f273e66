"""The lessons of the report, seen in a game: each with its evidence (deal, round)."""

from __future__ import annotations

from game.engine import actions as act
from game.engine.rules import apply
from game.engine.state import new_game
from game.scenario.loading import load_scenario
from game.scenario.vocabulary import LessonId, words
from game.scoring.lessons import _DETECTORS, lessons
from tests.helpers import FIXTURES, SEVEN_LESSONS, SEVEN_LESSONS_SEED, seven_lessons_script

TOWN = load_scenario(FIXTURES / "rules-town.yaml")


def test_every_lesson_of_the_report_has_a_situation_that_shows_it():
    assert set(_DETECTORS) == set(words(LessonId))


def test_a_scripted_game_shows_seven_lessons_each_with_its_evidence():
    state = new_game(TOWN, seed=SEVEN_LESSONS_SEED)
    for action in seven_lessons_script():
        state = apply(state, action)
    assert state.finished
    found = {lesson.id: lesson for lesson in lessons(state)}
    assert set(found) == SEVEN_LESSONS
    assert found["something-at-risk"].evidence == (
        "The Festival (deal 2, round 2): nothing in it is at stake",
    )
    assert found["something-at-risk"].deals == (2,) and found["something-at-risk"].rounds == (2,)
    assert found["too-many-changes"].evidence == ("The Museum signed 2 new agreements in round 2",)
    assert found["find-the-connection"].evidence == (
        "The Exhibition (deal 1, round 2): The Library explored The Museum before they agreed",
    )
    assert found["new-competencies"].evidence == (
        "The Festival (deal 2, round 2): nobody in it brings venue, storytelling",
    )
    assert found["avoid-fixed-roles"].title == "Keep an open mind, avoid fixed roles"
    assert found["consult-users"].evidence == ("no team consulted users in 2 rounds",)


def test_a_lesson_says_whether_the_table_did_what_it_asks_or_missed_it():
    state = new_game(TOWN, seed=SEVEN_LESSONS_SEED)
    for action in seven_lessons_script():
        state = apply(state, action)
    went_well = {lesson.id: lesson.went_well for lesson in lessons(state)}
    assert went_well == {
        "something-at-risk": False,  # nothing at stake in the festival
        "consult-users": False,  # nobody asked the users
        "too-many-changes": False,
        "new-competencies": False,  # a competency the festival needs is missing
        "strong-brand": False,
        "find-the-connection": True,  # the library explored the museum first
        "avoid-fixed-roles": True,  # partners stepped out of their usual roles
    }


def test_a_win_lose_deal_names_the_loser_without_its_numbers():
    state = new_game(TOWN, seed=1)
    for action in (
        act.Propose(
            "library", "exhibit", ("library", "museum"), ("library-only", "shared", "pilot")
        ),
        act.Accept("museum", 1),
    ):
        state = apply(state, action)
    (win_lose,) = [lesson for lesson in lessons(state) if lesson.id == "win-win"]
    assert win_lose.evidence == (
        "The Exhibition (deal 1, round 1): The Museum ends below what it had without the deal",
    )


def _played(*actions: act.Action):
    """Rules Town after ``actions``, every other team passing until it is the actor's turn."""
    state = new_game(TOWN, seed=1)
    for action in actions:
        while state.current_role != action.actor:
            state = apply(state, act.Pass(state.current_role))
        state = apply(state, action)
    return state


FESTIVAL = ("library-hall", "split", "talks")


def test_a_commercial_partner_in_most_of_the_library_s_agreements_is_a_monopoly():
    state = _played(
        act.Propose("library", "exhibit", ("library", "shop"), ("co-branded", "shared", "pilot")),
        act.Accept("shop", 1),
        act.Propose("library", "festival", ("library", "museum", "shop"), FESTIVAL),
        act.Accept("shop", 2),
        act.Accept("museum", 2),  # the museum holds a veto on the festival: it must say yes
    )
    assert [a.members for a in state.agreements] == [
        ("library", "shop"),
        ("library", "museum", "shop"),
    ]
    found = {lesson.id: lesson for lesson in lessons(state)}
    assert found["avoid-monopoly"].evidence == (
        "the commercial The Shop is in 2 of the library's 2 agreements",
    )


def test_a_public_partner_in_every_agreement_is_no_monopoly():
    state = _played(
        act.Propose("library", "exhibit", ("library", "museum"), ("co-branded", "shared", "pilot")),
        act.Accept("museum", 1),
        act.Propose("library", "festival", ("library", "museum", "shop"), FESTIVAL),
        act.Accept("museum", 2),  # the quorum (two), the museum's veto among them
    )
    assert [a.members for a in state.agreements] == [("library", "museum")] * 2
    assert "avoid-monopoly" not in {lesson.id for lesson in lessons(state)}


def test_an_agreement_a_risk_test_broke_is_said_to_have_reached_nothing_but_what_it_would_have():
    """The scores call what a failed agreement gave "had it held"; the missed deals count
    the table as it is, without it (0 reached): the two never say different things of it."""
    from game.bots.play import computer_game
    from game.scenario.loading import load_scenario
    from game.scoring.axes import win_win
    from game.scoring.missed import missed_deals
    from tests.helpers import SCENARIOS

    # computer partners choose safe deals: a broken one is rare, and found by looking
    scenario = load_scenario(SCENARIOS / "local-history-goes-digital.yaml")
    for seed in range(100):
        state = None
        for _, state in computer_game(scenario, seed):  # noqa: B007 - the last one counts
            pass
        failed = [a for a in state.agreements if not a.active]
        if failed:
            break
    else:
        raise AssertionError("no computer game of 100 broke an agreement")
    agreement = failed[0]
    assert "had it held, the table would have reached" in win_win(state, agreement).reason
    shown = {m.project: m for m in missed_deals(state)}[agreement.project]
    assert shown.failed == agreement and shown.reached == 0 and shown.signed is None
