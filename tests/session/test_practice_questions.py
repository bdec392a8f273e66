"""Rule stories of solo practice's questions: which one comes, and what the feedback may
explain once it is answered (and not before)."""

from __future__ import annotations

from pathlib import Path

from game.engine import actions as act
from game.session.explain import issue_hints, moves_of, profile_hints, words_of
from game.session.practice import (
    choices_for,
    exercise_of,
    explained,
    solo_seats,
    turn_exercise,
)
from game.session.workshop import Seat, Workshop
from tests.helpers import SCENARIOS

TUTORIAL = SCENARIOS / "tutorial-reading-cafe.yaml"
FAMILIES = SCENARIOS / "children-and-families.yaml"


def solo(path: Path, folder: Path, role: str = "library") -> Workshop:
    from game.scenario.loading import load_scenario

    return Workshop.start(path, 1, solo_seats(load_scenario(path), role), folder=folder)


def answer_first_choice(workshop: Workshop) -> str | None:
    """At the person's turn: answer the turn's question with its first choice (a ranking
    in the project's order); its kind, or None if none came."""
    asked = turn_exercise(workshop)
    if asked is None:
        return None
    project = workshop.state.scenario.project(asked.project)
    if asked.kind == "rank":
        ranking = tuple(issue.id for issue in project.issues)
        action = act.Predict(asked.role, asked.target, asked.project, ranking=ranking)
    else:
        first = choices_for(workshop, asked)[0]
        action = act.Predict(asked.role, asked.target, asked.project, question=asked.kind,
                             issue=asked.issue, choice=first)  # fmt: skip
    assert workshop.act(action).ok
    return asked.kind


def test_hints_are_the_profile_sentences_that_share_a_word_with_the_issue():
    sentences = ["Reading for pleasure.", "A free, open place to read.", "Coffee."]
    # "open" is the start of "opening", "reading" of "reading": the most shared first
    terms = words_of("Opening hours") | words_of("A reading corner")
    assert profile_hints(sentences, terms) == ["A free, open place to read.",
                                               "Reading for pleasure."]  # fmt: skip
    assert profile_hints(sentences, words_of("Who pays for it?")) == []  # short words never count


def test_the_library_s_mission_hints_at_the_opening_hours(tmp_path):
    workshop = solo(TUTORIAL, tmp_path, "cafe")
    hints = {h.issue: h.sentences for h in issue_hints(workshop.state.scenario, "library",
                                                       "reading-cafe")}  # fmt: skip
    assert hints["opening-hours"] == (
        "A free, open place where everyone in Vestby can read, learn and meet.",
    )


def test_each_round_s_turn_asks_the_kind_asked_least_so_far(tmp_path):
    workshop = solo(FAMILIES, tmp_path)
    state = workshop.state
    assert dict(state.personalities) == {
        seat.role: seat.personality for seat in workshop.seats if seat.computer
    }
    asked = []
    while not workshop.state.finished:
        if workshop.state.current_role == "library":
            asked.append(answer_first_choice(workshop))
            assert turn_exercise(workshop) is None  # one question a turn
        workshop.act(act.Pass(workshop.state.current_role))
    # nobody made an offer or answered one: the personality question never comes
    assert asked == ["rank", "walk-away", "preferred", "risk-limit", "rank", "walk-away"]


def test_the_personality_question_comes_once_the_partner_has_made_an_offer(tmp_path):
    workshop = solo(TUTORIAL, tmp_path)
    assert exercise_of(workshop, "personality") is None  # nothing to read it by yet
    workshop.act(act.Pass("library"))
    offer = act.Propose("cafe", "reading-cafe", ("library", "cafe"),
                        ("co-branded", "library-hours", "shared-staff"))  # fmt: skip
    assert workshop.act(offer).ok
    asked = exercise_of(workshop, "personality")
    assert (asked.target, asked.kind) == ("cafe", "personality")
    assert choices_for(workshop, asked) == ("cooperative", "competitive", "cautious",
                                            "reciprocal")  # fmt: skip


def test_a_workshop_team_is_never_asked_and_never_sees_a_brief(tmp_path):
    seats = [Seat("library", "Library"), Seat("cafe", "Café")]
    workshop = Workshop.start(TUTORIAL, 1, seats, folder=tmp_path)
    assert turn_exercise(workshop) is None and workshop.state.personalities == ()
    ranking = ("branding", "opening-hours", "staffing")
    workshop.act(act.Predict("library", "cafe", "reading-cafe", ranking=ranking))
    assert explained(workshop, 0) is None


def test_the_brief_is_explained_only_once_the_prediction_is_scored(tmp_path):
    workshop = solo(TUTORIAL, tmp_path)
    assert explained(workshop, 0) is None  # nothing predicted yet
    workshop.act(act.Predict("library", "cafe", "reading-cafe", question="walk-away",
                             choice="24..42"))  # fmt: skip
    brief = explained(workshop, 0)
    assert (brief.walk_away, brief.best, brief.risk_tolerance) == (25, 80, 6)
    assert brief.points["branding"]["cafe-logo-on-shelves"] == 30
    workshop.act(act.Propose("library", "reading-cafe", ("library", "cafe"),
                             ("library-only", "library-hours", "cafe-staff")))  # fmt: skip
    workshop.act(act.Predict("library", "cafe", "reading-cafe", deal=1, verdict="accepts"))
    assert explained(workshop, 1) is None  # the café has not answered yet
    workshop.act(act.Reject("cafe", 1, "Too little for us."))
    assert explained(workshop, 1) is not None


def test_the_partner_s_moves_say_how_much_of_its_room_each_deal_gave_it(tmp_path):
    workshop = solo(TUTORIAL, tmp_path)
    workshop.act(act.Pass("library"))
    offer = ("cafe-logo-on-shelves", "evenings-too", "library-staff")  # its best: 80 points
    workshop.act(act.Propose("cafe", "reading-cafe", ("library", "cafe"), offer))
    (move,) = moves_of(workshop.state, "cafe")
    assert (move.what, move.deal, move.points, move.share) == ("proposed", 1, 80, 100)
