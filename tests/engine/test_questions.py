"""Rule stories of the perspective-taking questions answered by a choice, and of the
acceptance predicted as one of the answer key's verdicts.

The tutorial's Kringle Café: without a deal it gets 25 points, it carries a risk up to 6,
and on "Whose name is on it?" it likes its logo on the shelves best (30 points).
"""

from __future__ import annotations

import json

import pytest

from game.engine import actions as act
from game.engine.questions import risk_choices, walk_away_choices
from game.engine.record import GameRecord
from game.engine.rules import IllegalAction, apply, verdict_score
from game.engine.state import GameState, Prediction, evolve, new_game
from game.engine.views import view_for
from game.scenario.loading import load_scenario
from tests.helpers import SCENARIOS

CAFE_FILE = SCENARIOS / "tutorial-reading-cafe.yaml"
TUTORIAL = load_scenario(CAFE_FILE)
PROJECT = TUTORIAL.project("reading-cafe")


def start(personalities=()) -> GameState:
    return new_game(TUTORIAL, seed=1, personalities=personalities)


def ask(state: GameState, question: str, choice: str, issue: str = "") -> Prediction:
    """The library asks about the café; the prediction it made."""
    action = act.Predict("library", "cafe", "reading-cafe", question=question, issue=issue,
                         choice=choice)  # fmt: skip
    return apply(state, action).role_state("library").predictions[-1]


def refused(state: GameState, action: act.Action) -> str:
    with pytest.raises(IllegalAction) as caught:
        apply(state, action)
    return str(caught.value)


def test_the_walk_away_ranges_split_the_project_s_point_span_in_four():
    # the lowest total any role can end with is the library's 5, the highest the café's 80
    assert walk_away_choices(start(), PROJECT) == ("5..23", "24..42", "43..61", "62..80")


def test_the_range_holding_the_walk_away_scores_100_the_next_one_50_the_rest_0():
    state = start()
    right = ask(state, "walk-away", "24..42")
    assert (right.score, right.truth_choice, right.kind) == (100, "24..42", "walk-away")
    assert ask(state, "walk-away", "43..61").score == 50
    assert ask(state, "walk-away", "5..23").score == 50
    assert ask(state, "walk-away", "62..80").score == 0
    # the truth names the range, never the café's exact walk-away
    assert "24 to 42" in right.truth and "25" not in right.truth


def test_the_walk_away_asked_is_the_one_events_have_left():
    state = start()
    cafe = evolve(state.role_state("cafe"), walk_away_change=(("reading-cafe", 20),))
    changed = evolve(state, roles=(state.role_state("library"), cafe))  # now 45
    assert ask(changed, "walk-away", "43..61").score == 100


def test_an_answer_that_is_not_one_of_the_choices_is_refused():
    message = refused(start(), act.Predict("library", "cafe", "reading-cafe",
                                           question="walk-away", choice="20..30"))  # fmt: skip
    assert message.startswith("Pick one of the ranges")


def test_the_preferred_option_is_the_one_with_the_most_points_for_the_partner():
    state = start()
    best = ask(state, "preferred", "cafe-logo-on-shelves", issue="branding")
    assert best.score == 100 and best.issue == "branding"
    wrong = ask(state, "preferred", "co-branded", issue="branding")
    assert wrong.score == 0 and wrong.truth_choice == "cafe-logo-on-shelves"
    assert "Café logo on shelves and cups" in wrong.truth


def test_on_a_tie_any_top_option_is_right():
    tied = TUTORIAL.model_copy(deep=True)
    tied.role("cafe").brief.points["reading-cafe"]["branding"]["co-branded"] = 30
    state = new_game(tied, seed=1)
    for option in ("co-branded", "cafe-logo-on-shelves"):
        made = ask(state, "preferred", option, issue="branding")
        assert made.score == 100 and made.truth_choice == option


def test_the_risk_limit_is_asked_as_a_band_of_the_risk_scale():
    state = start()
    assert risk_choices() == ("0..2", "3..4", "5..6", "7..10")
    assert ask(state, "risk-limit", "5..6").score == 100  # the café carries up to 6
    assert ask(state, "risk-limit", "7..10").score == 50
    assert ask(state, "risk-limit", "0..2").score == 0
    assert "6" not in ask(state, "risk-limit", "0..2").truth.replace("5 and 6", "")


def test_what_kind_of_partner_is_asked_only_when_the_game_knows_the_kinds():
    older = start()  # a save from before personalities were kept
    message = refused(older, act.Predict("library", "cafe", "reading-cafe",
                                         question="personality", choice="cautious"))  # fmt: skip
    assert "not a computer partner whose kind this game knows" in message
    state = start((("cafe", "competitive"),))
    assert ask(state, "personality", "competitive").score == 100
    assert ask(state, "personality", "cautious").score == 0


def test_no_view_shows_a_partner_s_personality_until_it_was_predicted():
    state = start((("cafe", "reciprocal"),))
    for viewer in ("library", "cafe", "public", "trainer"):
        assert "reciprocal" not in json.dumps(view_for(state, viewer))
    after = apply(state, act.Predict("library", "cafe", "reading-cafe", question="personality",
                                     choice="cautious"))  # fmt: skip
    assert "reciprocal" in json.dumps(view_for(after, "library"))  # the predictor's truth
    assert "reciprocal" not in json.dumps(view_for(after, "public"))


def test_the_personalities_are_kept_in_the_save_and_replay_scores_the_same():
    record = GameRecord(str(CAFE_FILE), "hash", 1, personalities={"cafe": "cautious"})
    record.actions.append(act.Predict("library", "cafe", "reading-cafe",
                                      question="personality", choice="cautious"))  # fmt: skip
    again = GameRecord.from_json(json.loads(json.dumps(record.to_json())))
    assert again.personalities == {"cafe": "cautious"}
    assert again.replay(TUTORIAL).role_state("library").predictions[0].score == 100
    older = record.to_json()
    del older["personalities"]
    older["actions"] = []
    assert GameRecord.from_json(older).replay(TUTORIAL).personalities == ()


def test_an_older_kind_of_prediction_is_saved_as_it_always_was():
    ranking = act.Predict("library", "cafe", "reading-cafe", ranking=("branding",))
    assert set(ranking.to_json()) == {"type", "actor", "target", "project", "ranking",
                                      "deal", "accepts"}  # fmt: skip


# -- will it accept: the answer key's four verdicts -------------------------------------------

TOO_LITTLE = ("library-only", "library-hours", "cafe-staff")  # 20 points for the café, < 25


def predicted(verdict: str = "", accepts: bool | None = None) -> GameState:
    state = apply(start(), act.Propose("library", "reading-cafe", ("library", "cafe"), TOO_LITTLE))
    return apply(state, act.Predict("library", "cafe", "reading-cafe", deal=1, verdict=verdict,
                                    accepts=accepts))  # fmt: skip


def answered(state: GameState) -> Prediction:
    no = act.Reject("cafe", 1, "Too little for us.")
    return apply(state, no).role_state("library").predictions[-1]


def test_the_exact_verdict_scores_100_the_wrong_kind_of_no_50_a_yes_0():
    # the deal gives the café less than no deal: the answer key says "would refuse"
    assert answered(predicted("would refuse")).score == 100
    assert answered(predicted("would refuse")).answer == "would refuse"
    assert answered(predicted("cannot sign")).score == 50
    assert answered(predicted("holds out for more")).score == 50
    assert answered(predicted("accepts")).score == 0


def test_a_verdict_is_scored_only_when_the_partner_answers():
    waiting = predicted("would refuse").role_state("library").predictions[-1]
    assert waiting.score is None and waiting.verdict == "would refuse"
    assert waiting.accepts is False and waiting.kind == "accept"


def test_an_older_yes_or_no_prediction_keeps_scoring_as_it_did():
    assert answered(predicted(accepts=False)).score == 100
    assert answered(predicted(accepts=True)).score == 0


def test_a_yes_predicted_is_right_only_when_the_partner_accepts():
    said_yes = Prediction("cafe", "reading-cafe", 1, None, deal=1, verdict="accepts")
    assert verdict_score(said_yes, accepted=True, answer="accepts") == 100
    said_no = evolve(said_yes, verdict="holds out for more")
    assert verdict_score(said_no, accepted=True, answer="accepts") == 0


def test_a_verdict_that_is_not_in_the_answer_key_is_refused():
    state = apply(start(), act.Propose("library", "reading-cafe", ("library", "cafe"), TOO_LITTLE))
    message = refused(state, act.Predict("library", "cafe", "reading-cafe", deal=1,
                                         verdict="maybe"))  # fmt: skip
    assert message.startswith("Predict one of the answers")
