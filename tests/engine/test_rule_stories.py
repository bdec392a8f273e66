"""The rules, one short story each, in Rules Town (tests/fixtures/rules-town.yaml).

Turn order: round 1 library, museum, shop; round 2 museum, shop, library; round 3 shop,
library, museum. The town draws no chance cards: stories play cards on purpose.
"""

from __future__ import annotations

import pytest

from game.engine import actions as act
from game.engine.acceptability import (
    CANNOT,
    SHOULD_NOT,
    WORTH,
    bonus_in_reach,
    judge,
    position_in_state,
    position_in_view,
)
from game.engine.deals import free_this_round, uncommitted, walk_away
from game.engine.rules import IllegalAction, apply, legal_actions
from game.engine.state import GameState, new_game
from game.engine.views import view_for
from game.scenario.loading import load_scenario
from tests.helpers import FIXTURES

TOWN = load_scenario(FIXTURES / "rules-town.yaml")
EXHIBIT_OK = ("co-branded", "shared", "pilot")  # fine for library and museum


def start() -> GameState:
    return new_game(TOWN, seed=1)


def play(state: GameState, *actions: act.Action) -> GameState:
    for action in actions:
        state = apply(state, action)
    return state


def refused(state: GameState, action: act.Action) -> str:
    with pytest.raises(IllegalAction) as caught:
        apply(state, action)
    return str(caught.value)


def propose_exhibit(role="library", participants=("library", "museum"), options=EXHIBIT_OK):
    return act.Propose(role, "exhibit", participants, options)


def passes(*roles: str) -> list[act.Action]:
    return [act.Pass(role) for role in roles]


# -- turns ---------------------------------------------------------------------------------


def test_the_library_opens_round_one_and_the_first_player_rotates_each_round():
    state = start()
    assert (state.round, state.current_role) == (1, "library")
    state = play(state, *passes("library", "museum", "shop"))
    assert (state.round, state.order) == (2, ("museum", "shop", "library"))
    state = play(state, *passes("museum", "shop", "library"))
    assert state.order == ("shop", "library", "museum")


def test_a_team_cannot_act_out_of_turn():
    assert refused(start(), act.Pass("museum")) == ("It is The Library's turn, not The Museum's.")


def test_the_game_ends_after_the_last_round_and_then_nothing_more_is_allowed():
    state = start()
    for order in (("library", "museum", "shop"), ("museum", "shop", "library"),
                  ("shop", "library", "museum")):  # fmt: skip
        state = play(state, *passes(*order))
    assert state.finished
    assert refused(state, act.Pass("shop")) == "The game is over."


# -- proposing -------------------------------------------------------------------------------


def test_a_proposal_goes_on_the_table_accepted_by_its_proposer():
    state = play(start(), propose_exhibit())
    (deal,) = state.deals
    assert (deal.number, deal.status, deal.accepted) == (1, "open", ("library",))
    assert deal.awaiting() == ("museum",)
    assert state.current_role == "museum"


def test_a_deal_names_each_participant_once_and_includes_its_proposer():
    festival = ("library-hall", "split", "talks")
    twice = act.Propose("library", "festival", ("library", "shop", "shop"), festival)
    assert refused(start(), twice) == "A deal names each participant once."
    state = play(start(), act.Pass("library"), act.Pass("museum"))
    assert refused(state, act.Propose("shop", "exhibit", ("library", "museum"), EXHIBIT_OK)) == (
        "The Shop must take part in its own proposal."
    )


def test_a_required_role_must_take_part():
    state = play(start(), act.Pass("library"))
    assert refused(state, act.Propose("museum", "exhibit", ("museum", "shop"), EXHIBIT_OK)) == (
        "The Exhibition needs The Library to take part."
    )


def test_a_deal_needs_enough_participants():
    action = act.Propose(
        "library", "festival", ("library", "museum"), ("library-hall", "split", "talks")
    )
    assert refused(start(), action) == "The Festival needs at least 3 participants."


def test_a_deal_chooses_one_known_option_for_every_issue():
    assert refused(start(), propose_exhibit(options=("co-branded", "shared"))) == (
        "Choose one option for each of the 3 issues of The Exhibition."
    )
    assert refused(start(), propose_exhibit(options=("co-branded", "volunteers", "pilot"))) == (
        '"volunteers" is not an option of "Staffing".'
    )


def test_an_option_that_names_who_pays_needs_that_role_in_the_deal():
    shop_pays = act.Propose(
        "library", "festival", ("library", "museum", "shop"), ("library-hall", "shop-pays", "talks")
    )
    assert play(start(), shop_pays).deals[0].status == "open"
    museum_staff = propose_exhibit(
        participants=("library", "shop"), options=("co-branded", "museum-staff", "pilot")
    )
    assert refused(start(), museum_staff) == '"Museum staff" needs The Museum to take part.'


def test_a_team_cannot_propose_its_own_red_line_and_hears_its_reason():
    action = propose_exhibit(
        participants=("library", "shop"), options=("sponsor-logo", "shared", "pilot")
    )
    assert refused(start(), action) == (
        "The Library cannot agree: The library is a commercial-free space."
    )


def test_the_museum_cannot_commit_three_staff_hours_when_it_has_two():
    state = play(start(), propose_exhibit(options=("co-branded", "museum-staff", "pilot")))
    assert refused(state, act.Accept("museum", 1)) == (
        "The Museum cannot commit 3 staff hours per round; it has 2 left."
    )


# -- answering -------------------------------------------------------------------------------


def test_when_every_participant_accepts_the_deal_is_signed_unanimously():
    state = play(start(), propose_exhibit(), act.Accept("museum", 1))
    (agreement,) = state.agreements
    assert agreement.members == ("library", "museum")
    assert agreement.unanimous and agreement.round == 1
    assert state.deals[0].status == "signed"


def test_a_team_can_never_accept_its_red_line_and_says_why():
    state = play(start(), act.Pass("library"), act.Pass("museum"))
    logo = act.Propose("shop", "exhibit", ("library", "shop"), ("sponsor-logo", "shared", "pilot"))
    state = play(state, logo, act.Pass("museum"), act.Pass("shop"))
    assert refused(state, act.Accept("library", 1)) == (
        "The Library cannot agree: The library is a commercial-free space."
    )


def test_a_rejection_needs_a_reason_and_ends_a_two_party_deal():
    state = play(start(), propose_exhibit())
    assert refused(state, act.Reject("museum", 1, "  ")) == (
        "Say why you reject the deal: the partners need the reason."
    )
    state = play(state, act.Reject("museum", 1, "We want it permanent."))
    assert state.deals[0].status == "rejected"
    assert state.deals[0].rejected == (("museum", "We want it permanent."),)


def test_only_a_participant_that_has_not_answered_may_answer():
    state = play(start(), propose_exhibit(), act.Pass("museum"), act.Pass("shop"))
    state = play(state, act.Pass("museum"), act.Pass("shop"))  # round 2: the library's turn
    assert refused(state, act.Accept("library", 1)) == "The Library has already answered deal 1."
    assert refused(state, act.Accept("library", 7)) == "There is no deal 7."
    state = play(start(), propose_exhibit(), act.Pass("museum"))
    assert refused(state, act.Accept("shop", 1)) == "The Shop is not part of deal 1."


def test_a_counter_replaces_the_deal_with_the_counterer_s_own():
    state = play(start(), propose_exhibit())
    state = play(
        state,
        act.Counter("museum", 1, ("library", "museum"), ("co-branded", "shared", "permanent")),
    )
    original, counter = state.deals
    assert original.status == "countered"
    # the room hears what the counter changed, in one line
    assert original.rejected == (
        ("museum", "countered with deal 2: Duration: Permanent (was A pilot)"),
    )
    assert (counter.proposer, counter.counter_of, counter.accepted) == ("museum", 1, ("museum",))


def test_with_a_quorum_two_of_three_sign_and_the_one_who_said_no_is_not_bound():
    festival = act.Propose(
        "library", "festival", ("library", "museum", "shop"), ("library-hall", "split", "talks")
    )
    state = play(start(), festival, act.Accept("museum", 1))
    (agreement,) = state.agreements
    assert agreement.members == ("library", "museum")
    assert not agreement.unanimous
    assert state.deals[0].awaiting() == ("shop",)


def test_the_veto_holder_s_no_ends_the_deal_whatever_the_quorum():
    festival = act.Propose(
        "library", "festival", ("library", "museum", "shop"), ("library-hall", "split", "talks")
    )
    state = play(start(), festival, act.Reject("museum", 1, "Not in the hall."))
    assert state.deals[0].status == "rejected"


def test_the_veto_holder_must_accept_even_when_the_quorum_is_reached():
    state = play(start(), act.Pass("library"), act.Pass("museum"))
    festival = act.Propose(
        "shop", "festival", ("library", "museum", "shop"), ("library-hall", "split", "workshops")
    )
    state = play(state, festival, act.Pass("museum"), act.Pass("shop"), act.Accept("library", 1))
    assert state.deals[0].accepted == ("shop", "library")  # two of three: the quorum…
    assert state.agreements == ()  # …but not the museum, which holds the veto


def test_an_unanswered_deal_expires_at_the_end_of_the_next_round():
    state = play(start(), propose_exhibit(), act.Pass("museum"), act.Pass("shop"))
    assert state.deals[0].status == "open"  # round 2 now
    state = play(state, *passes("museum", "shop", "library"))
    assert state.deals[0].status == "expired"


def test_signing_a_project_takes_its_other_deals_off_the_table():
    state = play(start(), propose_exhibit())
    permanent = ("co-branded", "shared", "permanent")
    state = play(state, act.Counter("museum", 1, ("library", "museum"), permanent))
    shop_deal = act.Propose("shop", "exhibit", ("library", "shop"), EXHIBIT_OK)
    state = play(state, shop_deal, act.Pass("museum"), act.Pass("shop"), act.Accept("library", 3))
    assert [deal.status for deal in state.deals] == ["countered", "superseded", "signed"]
    state = play(state, act.Pass("shop"))
    assert refused(state, propose_exhibit()) == "The Exhibition is already agreed."


# -- agreements commit resources ------------------------------------------------------------


def test_an_agreement_costs_its_members_every_round_after_it_is_signed():
    state = play(start(), propose_exhibit(), act.Accept("museum", 1))
    assert free_this_round(state, "library").staff_time == 3  # not this round
    state = play(state, act.Pass("shop"))
    assert free_this_round(state, "library").staff_time == 2  # shared staff: 1 per round
    assert free_this_round(state, "museum").staff_time == 1


def test_what_a_team_spends_on_actions_comes_back_next_round():
    state = play(start(), act.Communicate("library", "newsletter"))
    assert free_this_round(state, "library").budget == 1
    state = play(state, act.Pass("museum"), act.Pass("shop"))
    assert free_this_round(state, "library").budget == 2


def test_spending_what_is_not_there_is_refused_with_what_is_left():
    state = play(start(), act.BuildCompetence("library", "exhibits"))
    state = play(state, act.Pass("museum"), act.Pass("shop"))
    state = play(state, act.Pass("museum"), act.Pass("shop"))
    state = play(state, act.InjectEvent(card="budget-cut"))
    assert refused(state, act.Communicate("library", "flyer")) == (
        "The Library cannot spend 1 budget unit on a flyer this round; it has no budget left."
    )


# -- the other main actions ------------------------------------------------------------------


def test_exploring_a_partner_reveals_one_true_coarse_fact_at_a_time():
    state = play(start(), act.Explore("library", "museum"))
    (insight,) = state.role_state("library").insights
    assert insight.text == "In The Exhibition, The Museum cares most about: Branding."
    assert free_this_round(state, "library").staff_time == 2
    assert refused(state, act.Explore("museum", "museum")) == "Explore a partner, not yourself."


def test_exploration_results_are_seen_only_by_the_explorer():
    state = play(start(), act.Explore("library", "museum"))
    assert "cares most about" in str(view_for(state, "library"))
    for other in ("museum", "shop"):
        assert "cares most about" not in str(view_for(state, other))


def test_consulting_users_reveals_their_needs_to_that_team_only_and_once():
    state = play(start(), act.ConsultUsers("library", "festival"))
    assert "Families want to make things together." in str(view_for(state, "library"))
    assert "Families want to make things together." not in str(view_for(state, "museum"))
    state = play(state, act.Pass("museum"), act.Pass("shop"), act.Pass("museum"), act.Pass("shop"))
    assert refused(state, act.ConsultUsers("library", "festival")) == (
        "The Library has already consulted users about The Festival."
    )


def test_building_a_competence_adds_it_to_the_public_profile():
    state = play(start(), act.BuildCompetence("library", "exhibits"))
    library = next(r for r in view_for(state, "shop")["roles"] if r["id"] == "library")
    assert "exhibits" in library["competencies"]
    state = play(start(), act.Pass("library"))
    assert refused(state, act.BuildCompetence("museum", "exhibits")) == (
        "The Museum already has exhibits."
    )
    assert refused(state, act.BuildCompetence("museum", "juggling")).startswith(
        '"juggling" cannot be built here; choose one of: venue, exhibits, funding, storytelling'
    )


def test_communicating_raises_the_brand_but_never_above_ten():
    state = play(start(), act.Communicate("library", "newsletter"))
    assert state.role_state("library").brand == 4
    state = play(state, act.Communicate("museum", "flyer"))
    assert state.role_state("museum").brand == 10
    state = play(state, act.Pass("shop"), act.Communicate("museum", "flyer"))
    assert state.role_state("museum").brand == 10


# -- the trainer ---------------------------------------------------------------------------


def test_while_paused_no_team_acts_and_only_the_trainer_pauses_and_resumes():
    assert refused(start(), act.Pause(actor="library")) == "Only the trainer can pause the game."
    state = play(start(), act.Pause())
    assert refused(state, act.Pass("library")) == "The game is paused; the trainer resumes it."
    assert refused(state, act.Pause()) == "The game is already paused."
    state = play(state, act.Resume(), act.Pass("library"))
    assert state.current_role == "museum"


def test_the_trainer_can_skip_a_turn_but_not_play_one():
    state = play(start(), act.SkipTurn())
    assert state.current_role == "museum"
    assert refused(state, act.Pass("trainer")) == "The trainer does not play a role's turn."


def test_a_straw_poll_asks_without_binding_and_each_answers_once():
    poll = act.CallStrawPoll(
        project="exhibit", participants=("library", "museum"), options=EXHIBIT_OK
    )
    state = play(start(), poll, act.AnswerStrawPoll("museum", yes=False))
    assert state.current_role == "library"  # answering uses no turn
    state = play(state, act.AnswerStrawPoll("library", yes=True))
    assert state.poll.answers == (("museum", False), ("library", True))
    assert state.agreements == () and state.deals == ()
    assert refused(state, act.AnswerStrawPoll("library", yes=False)) == (
        "The Library has already answered the poll."
    )
    assert refused(state, act.AnswerStrawPoll("shop", yes=True)) == (
        "The Shop is not asked in this straw poll."
    )


# -- events ----------------------------------------------------------------------------------


def test_a_budget_cut_never_leaves_a_negative_budget():
    state = play(start(), act.InjectEvent(card="budget-cut"))
    assert state.role_state("library").budget == 0
    assert state.news[-1].outcomes == ("The Library: budget -3 per round",)


def test_press_coverage_raises_the_brand_of_the_partners_in_signed_agreements():
    state = play(start(), propose_exhibit(), act.Accept("museum", 1), act.InjectEvent(card="press"))
    assert [state.role_state(r).brand for r in ("library", "museum", "shop")] == [5, 10, 2]


def test_a_rival_offer_changes_a_walk_away_value_and_only_its_owner_sees_the_number():
    state = play(start(), act.InjectEvent(card="rival"))
    festival = TOWN.project("festival")
    assert walk_away(state, "shop", festival) == 15
    assert view_for(state, "shop")["me"]["walk_away"]["festival"] == 15
    assert "15" not in str(view_for(state, "library")["news"])


def test_a_risk_test_can_make_a_risky_agreement_fail_and_frees_its_resources():
    state = play(start(), propose_exhibit(options=("co-branded", "shared", "permanent")))
    state = play(state, act.Accept("museum", 1), act.InjectEvent(card="inspection"))
    (agreement,) = state.agreements
    assert agreement.failed_round == 1 and agreement.failure == "Inspection"
    assert uncommitted(state, "museum").staff_time == 2
    assert "failed the test" in state.news[-1].outcomes[0]


def test_a_safe_agreement_holds_when_tested():
    state = play(start(), propose_exhibit(options=("co-branded", "library-staff", "pilot")))
    state = play(state, act.Accept("museum", 1), act.InjectEvent(card="inspection"))
    assert state.agreements[0].active
    assert state.news[-1].outcomes == ("no agreement was risky enough to be tested",)


def test_a_blocked_option_cannot_be_proposed_until_the_block_ends():
    state = play(start(), act.InjectEvent(card="strike"))
    assert refused(state, propose_exhibit()) == (
        '"Shared staff" cannot be proposed until after round 2.'
    )
    state = play(state, *passes("library", "museum", "shop"), *passes("museum", "shop", "library"))
    state = play(state, act.Pass("shop"), propose_exhibit())
    assert state.deals[-1].status == "open"


def test_the_game_ends_as_soon_as_every_project_is_agreed():
    state = play(start(), propose_exhibit(), act.Accept("museum", 1))
    festival = act.Propose(
        "shop", "festival", ("library", "museum", "shop"), ("library-hall", "split", "talks")
    )
    state = play(state, festival)
    assert not state.finished
    state = play(state, act.Accept("museum", 2))  # round 2 opens with the museum
    assert state.finished and len(state.agreements) == 2


def test_legal_actions_are_exactly_those_the_rules_accept():
    state = play(start(), propose_exhibit())
    actions = legal_actions(state, "museum")
    assert act.Accept("museum", 1) in actions
    assert act.Pass("museum") in actions
    assert legal_actions(state, "shop") == []  # not its turn, no poll open
    for action in actions[:200]:
        apply(state, action)  # none raises


# -- perspective-taking ----------------------------------------------------------------------


def test_predicting_a_partner_s_priorities_is_scored_against_its_brief():
    """The museum's points spread 20 on branding and duration, 10 on staffing."""
    exact = act.Predict(
        "library", "museum", "exhibit", ranking=("branding", "duration", "staffing")
    )
    close = act.Predict(
        "library", "museum", "exhibit", ranking=("duration", "branding", "staffing")
    )
    state = play(start(), exact, close)
    assert [p.score for p in state.role_state("library").predictions] == [100, 50]
    assert state.current_role == "library"  # predicting uses no turn
    made = state.role_state("library").predictions[1]
    assert made.truth == "Branding, Duration, Staffing"
    assert made.truth_ranking == ("branding", "duration", "staffing")  # ids, not titles
    assert made.truth_accepts is None
    seen = view_for(state, "library")["me"]["predictions"][1]
    assert seen["truth_ranking"] == ["branding", "duration", "staffing"]


def test_predicting_whether_a_partner_accepts_is_scored_when_it_answers():
    """The partner's real answer is the truth: until it answers, nothing is scored."""
    state = play(start(), propose_exhibit())
    state = play(state, act.Predict("library", "museum", "exhibit", deal=1, accepts=False))
    (prediction,) = state.role_state("library").predictions
    assert prediction.score is None and prediction.answer == ""
    state = play(state, act.Accept("museum", 1))
    (prediction,) = state.role_state("library").predictions
    assert (prediction.score, prediction.answer, prediction.truth_accepts) == (0, "accepts", True)
    assert view_for(state, "library")["me"]["predictions"][0]["truth_accepts"] is True


def test_a_no_to_a_deal_below_the_walk_away_is_keyed_as_would_refuse():
    """Library only, shared staff, a pilot gives the museum 10 points against its 12;
    branding and duration cost it most (20 each against its favourites): the first names
    the reason."""
    deal = propose_exhibit(options=("library-only", "shared", "pilot"))
    state = play(start(), deal, act.Predict("library", "museum", "exhibit", deal=1, accepts=False))
    state = play(state, act.Reject("museum", 1, "Not for us."))
    (prediction,) = state.role_state("library").predictions
    assert (prediction.score, prediction.answer) == (100, "would refuse")
    assert prediction.truth == "Not for us."  # what the museum's team said, aloud


def test_a_computer_partner_s_reason_reaches_the_proposer_s_prediction_only():
    """The shop predicts too, though the deal is not its own: it reads what the room
    heard (who said no), never the reason the museum gave the library."""
    deal = propose_exhibit(options=("library-only", "shared", "pilot"))
    said = "“Library only” (Branding) leaves us with less than we have without a deal."
    state = play(
        start(),
        deal,
        act.Predict("library", "museum", "exhibit", deal=1, accepts=True),
        act.Predict("shop", "museum", "exhibit", deal=1, accepts=False),
        act.Reject("museum", 1, said, "below-walk-away"),
    )
    (mine,), (theirs,) = (state.role_state(r).predictions for r in ("library", "shop"))
    assert (mine.score, mine.answer, mine.truth) == (0, "would refuse", said)
    assert (theirs.score, theirs.answer, theirs.truth) == (100, "would refuse", "")
    assert state.deal(1).rejected == (("museum", ""),)  # the room hears who said no
    assert state.deal(1).to_proposer == (("museum", said),)


def test_a_team_s_own_no_that_quotes_a_red_line_is_heard_without_its_words():
    state = play(start(), propose_exhibit())
    state = play(state, act.Reject("museum", 1, "The library is a commercial-free space."))
    assert state.deal(1).rejected == (("museum", ""),)
    for viewer in ("library", "shop", "public"):
        assert "commercial-free" not in str(view_for(state, viewer)["deals"])


def test_a_deal_still_on_the_table_when_the_game_ends_expires_unanswered():
    state = play(start(), *passes("library", "museum", "shop", "museum", "shop", "library"))
    state = play(state, act.Pass("shop"), act.Pass("library"), propose_exhibit("museum"))
    assert state.finished and state.deal(1).status == "expired"


def test_a_prediction_about_a_deal_that_closes_unanswered_is_not_scored():
    state = play(start(), propose_exhibit())
    state = play(state, act.Predict("library", "museum", "exhibit", deal=1, accepts=True))
    state = play(state, *passes("museum", "shop", "museum", "shop", "library"))
    (prediction,) = state.role_state("library").predictions
    assert state.deal(1).status == "expired"
    assert (prediction.score, prediction.answer) == (None, "did not answer")


def test_predictions_are_private_and_must_be_well_formed():
    state = play(
        start(),
        act.Predict("library", "museum", "exhibit", ranking=("branding", "duration", "staffing")),
    )
    assert view_for(state, "library")["me"]["predictions"][0]["score"] == 100
    assert "predictions" not in str(view_for(state, "museum")["roles"])
    assert view_for(state, "museum")["me"]["predictions"] == []
    assert "truth" not in str(view_for(state, "museum"))  # the true order is the predictor's
    assert refused(start(), act.Predict("library", "library", "exhibit", ranking=())) == (
        "Predict a partner, not yourself."
    )
    assert refused(start(), act.Predict("library", "museum", "exhibit", ranking=("branding",))) == (
        "Rank each issue of The Exhibition once."
    )


# -- one rule for "would sign" -----------------------------------------------------------


FESTIVAL_SHOP_PAYS = ("library-hall", "shop-pays", "workshops")


def test_a_deal_signs_only_when_every_role_its_options_need_has_accepted():
    """The festival needs 2 of its 3 signatures, the museum's among them; "The shop
    pays" needs the shop too, so the library's and the museum's yes are not enough."""
    everyone = ("library", "museum", "shop")
    proposal = act.Propose("library", "festival", everyone, FESTIVAL_SHOP_PAYS)
    state = play(start(), proposal, act.Accept("museum", 1))
    assert state.deal(1).status == "open" and not state.agreements
    state = play(state, act.Accept("shop", 1))
    assert state.deal(1).status == "signed"
    assert state.agreements[0].members == everyone


def test_a_deal_whose_options_need_a_role_that_says_no_can_never_be_signed():
    everyone = ("library", "museum", "shop")
    proposal = act.Propose("library", "festival", everyone, FESTIVAL_SHOP_PAYS)
    state = play(start(), proposal, act.Pass("museum"), act.Reject("shop", 1, "We will not pay."))
    assert state.deal(1).status == "rejected"


def test_the_rules_refuse_only_what_a_team_cannot_sign_not_what_it_should_not():
    """A permanent exhibition is risk 6, above the library's 4: the library should not
    sign it, yet may, knowingly; a sponsor logo crosses its red line: it cannot."""
    permanent = ("co-branded", "shared", "permanent")
    position = position_in_state(start(), "library", TOWN.project("exhibit"))
    verdict = judge(position, TOWN.project("exhibit"), permanent)
    assert (verdict.kind, verdict.cause, verdict.option) == (SHOULD_NOT, "too-risky", "permanent")
    state = play(start(), propose_exhibit(options=permanent))
    assert state.deal(1).status == "open"
    logo = propose_exhibit(options=("sponsor-logo", "shared", "pilot"))
    assert (
        refused(start(), logo)
        == "The Library cannot agree: The library is a commercial-free space."
    )
    verdict = judge(position, TOWN.project("exhibit"), ("sponsor-logo", "shared", "pilot"))
    assert (verdict.kind, verdict.cause, verdict.option) == (CANNOT, "red-line", "sponsor-logo")


def test_a_deal_worth_signing_is_measured_against_the_walk_away():
    verdict = judge(
        position_in_state(start(), "museum", TOWN.project("exhibit")),
        TOWN.project("exhibit"),
        EXHIBIT_OK,
    )
    assert (verdict.kind, verdict.points, verdict.walk_away, verdict.gain) == (WORTH, 30, 12, 18)


def test_a_team_s_own_view_and_the_full_state_give_the_same_position():
    state = play(start(), propose_exhibit(), act.Accept("museum", 1))
    for role in ("library", "museum", "shop"):
        for project in TOWN.projects:
            if project in TOWN.eligible_projects(role):
                assert position_in_view(view_for(state, role), project.id) == position_in_state(
                    state, role, project
                )


def test_the_bonus_counts_only_while_the_deal_can_still_end_unanimous():
    """The festival needs 2 of 3 signatures, the museum's among them: the shop's yes to
    the library's deal does not sign it (the museum must), so the bonus of 5 is in reach
    for the shop. Without the museum's veto the shop's yes would sign it at once, by two
    of three: no bonus for anyone, and the shop must weigh the deal without it."""
    festival = TOWN.project("festival")
    everyone, options = ("library", "museum", "shop"), ("library-hall", "split", "workshops")
    veto = bonus_in_reach(festival, everyone, options, (), ("library",), answering="shop")
    assert veto == 5
    no_veto = festival.model_copy(
        update={"approval": festival.approval.model_copy(update={"vetoes": []})}
    )
    quick = bonus_in_reach(no_veto, everyone, options, (), ("library",), answering="shop")
    assert quick == 0
    # with the veto, the museum's yes that comes last signs it unanimous: the bonus holds
    assert bonus_in_reach(festival, everyone, options, (), ("library", "shop"), "museum") == 5
    assert bonus_in_reach(festival, everyone, options, ("museum",)) == 0  # someone said no
