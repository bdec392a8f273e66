"""The debrief, opened and read as a trainer does: posted keys and clicks only.

A scripted game in Rules Town shows seven of the report's lessons; the debrief must name
every one with its evidence, show the scores as charts with their numbers, and step back
through the rounds showing the table as the replayed log says it was.
"""

from __future__ import annotations

import re

import numpy as np
import pygame
import pytest

from game.engine import actions as act
from game.engine import deals
from game.engine.record import Session
from game.scoring.analysis.project import analyse_project
from game.scoring.joint import best_points
from game.scoring.lessons import lessons
from game.scoring.missed import pareto_gap
from game.scoring.shares import own_gains, table_gain
from game.scoring.value import member_value
from game.session.debriefing import said
from game.session.workshop import Workshop, default_seats
from game.ui.app import App
from tests.helpers import FIXTURES, SEVEN_LESSONS, seven_lessons_script
from tests.ui.driver import click, drawn_text, labels, press, step

TOWN = FIXTURES / "rules-town.yaml"
SCRIPT = seven_lessons_script()  # seven lessons in two rounds


def shown(app: App) -> str:
    """What the last frame drew, as one line (wrapped lines joined again)."""
    return " ".join(drawn_text(app).split())


@pytest.fixture
def debrief(saves, request) -> App:
    """The scripted game played to its end, the final scores, then Enter: the debrief."""
    size = getattr(request, "param", (1920, 1080))
    app = App(size, saves=saves, strict=True, seed=1)
    session = Session.start(TOWN, 1, folder=saves)
    workshop = Workshop(session, default_seats(session.state))
    app.begin(workshop)
    for action in SCRIPT:
        assert app.perform(action).ok
    assert workshop.state.finished
    app.pending = []  # the round summaries: test_playthrough goes through them
    app.to_table()
    step(app)
    assert app.scene.name == "scores"
    press(app, pygame.K_RETURN)  # "Debrief"
    assert app.scene.name == "debrief"
    return app


def lesson_pages(app: App, next_label: str = "Next") -> list[str]:
    """Every page of the lessons tab, as drawn."""
    press(app, pygame.K_3)
    assert app.scene.tab == "lessons"
    pages = [shown(app)]
    for _ in range(20):
        if next_label not in labels(app):
            break
        press(app, pygame.K_RIGHT)
        pages.append(shown(app))
    return pages


@pytest.mark.parametrize("debrief", [(1920, 1080), (1024, 768)], indirect=True,
                         ids=["1920x1080", "1024x768"])  # fmt: skip
def test_the_debrief_names_every_lesson_with_its_evidence_and_the_seeds_words(debrief):
    app = debrief
    found = lessons(app.workshop.state)
    assert {lesson.id for lesson in found} == SEVEN_LESSONS
    pages = lesson_pages(app)
    everything = " ".join(pages)
    assert "7 of the report's lessons happened in this game" in everything
    for lesson in found:
        mark = "✓ " if lesson.went_well else "✗ "  # done well, or missed
        assert mark + lesson.title in everything, lesson.id
        assert f"“{' '.join(lesson.text.split())}”" in everything, lesson.id
        for sentence in lesson.evidence:
            assert sentence in everything, f"{lesson.id}: {sentence!r} not shown"
    # the evidence the engine found, word for word, as tests/scoring/test_lessons.py has it
    for sentence in (
        "The Festival (deal 2, round 2): nothing in it is at stake",
        "The Museum signed 2 new agreements in round 2",
        "The Exhibition (deal 1, round 2): The Library explored The Museum before they agreed",
        "The Festival (deal 2, round 2): nobody in it brings venue, storytelling",
        "no team consulted users in 2 rounds",
    ):
        assert sentence in everything
    # every lesson's title sits on the same page as the start of its evidence
    for lesson in found:
        page = next(p for p in pages if lesson.title in p)
        assert lesson.evidence[0] in page


def walk_away_sum(state, role: str) -> int:
    return sum(deals.walk_away(state, role, p) for p in state.scenario.eligible_projects(role))


def assert_no_points_drawn(app: App) -> None:
    """No role's points or walk-away values drawn as a number, no "(+N)" gains: the room
    sees own gains (shares) only (docs/report.md)."""
    state = app.workshop.state
    scores = app.workshop.scores()
    drawn = {item.text.strip() for item in app.drawn}
    for role in state.scenario.roles:
        for secret in (scores.individual[role.id], walk_away_sum(state, role.id)):
            assert str(secret) not in drawn, f"{role.name}: {secret} drawn"
    assert not any("(+" in text or text.startswith("+") for text in drawn), drawn


def test_in_danish_the_debrief_says_each_lesson_as_the_danish_report_does(saves):
    """Titles, the seed's words and the evidence in the screen's language: the same
    sentences the Danish report prints (game/report/sections.lesson_title, phrases.say)."""
    from game.report.phrases import say
    from game.report.sections import lesson_title
    from game.report.words import translator

    app = App((1920, 1080), saves=saves, strict=True, seed=1, language="da")
    session = Session.start(TOWN, 1, folder=saves)
    app.begin(Workshop(session, default_seats(session.state)))
    for action in SCRIPT:
        assert app.perform(action).ok
    app.pending = []
    app.to_table()
    step(app)
    press(app, pygame.K_RETURN)
    assert app.scene.name == "debrief"
    everything = " ".join(lesson_pages(app, next_label="Næste"))
    t = translator("da")
    for lesson in lessons(app.workshop.state):
        title, words = lesson_title(app.workshop.state, lesson, t)
        assert title in everything
        assert " ".join(words.split()) in everything
        for sentence in lesson.evidence:
            assert say(sentence, t) in everything


def test_the_scores_page_shows_the_table_each_role_and_their_own_gains(debrief):
    app = debrief
    state = app.workshop.state
    scores = app.workshop.scores()
    gains = own_gains(state, scores.individual)
    text = shown(app)
    assert app.scene.tab == "scores"
    for name in ("Win-win", "Healthy risk", "Innovation", "Own gain", "The table"):
        assert name in text
    drawn = [item.text for item in app.drawn]
    for role in state.scenario.roles:
        assert role.name in text
        assert f"{gains[role.id]}%" in drawn  # the share of the gain it could have had
    assert f"{table_gain(gains)}%" in drawn  # the table's: its roles' mean
    for axis in scores.table.values():
        assert str(axis.score) in text
    assert_no_points_drawn(app)


def test_agreements_are_charted_and_a_click_shows_one_agreements_reasons(debrief):
    app = debrief
    press(app, pygame.K_2)
    scores = app.workshop.scores()
    first, second = scores.agreements
    # the reasons as the report says them: the points a win-win reason quotes as shares
    assert said(first.win_win.reason, "en") in shown(app)
    assert "points of gain possible" not in shown(app)
    title = app.workshop.state.scenario.project(second.project).title
    click(app, title)  # the chart's row for it
    assert said(second.risk.reason, "en") in shown(app)
    assert said(first.win_win.reason, "en") not in shown(app)
    press(app, pygame.K_LEFT)
    assert said(first.win_win.reason, "en") in shown(app)


def test_the_timeline_steps_back_through_the_rounds_as_the_log_replays(debrief):
    app = debrief
    press(app, pygame.K_5)
    assert app.scene.tab == "timeline"
    record = app.workshop.session.record
    scenario = app.workshop.state.scenario
    # where each round ended, found by replaying the log one action more at a time
    ends = {}
    for count in range(1, len(record.actions) + 1):
        before = record.replay(scenario, upto=count - 1)
        after = record.replay(scenario, upto=count)
        if after.round != before.round or after.finished:
            ends[before.round] = after
    assert sorted(ends) == [1, 2]
    for number in (2, 1):  # the timeline opens at the end; ← steps back
        text = shown(app)
        state = ends[number]
        assert f"The table at the end of round {number}" in text
        assert f"Signed agreements: {len(state.agreements)}" in text
        open_deals = [deal for deal in state.deals if deal.status == "open"]
        assert f"Deals still on the table: {len(open_deals)}" in text
        press(app, pygame.K_LEFT)
    assert "Signed agreements: 0" in shown(app)  # round 1 signed nothing
    click(app, "Round 2")  # a click on the round's bars
    assert "Signed agreements: 2" in shown(app)


def test_the_final_scores_before_the_debrief_say_own_gains_not_points(debrief):
    """The room sees the final scores too: each role's own gain, never its points (a team
    that signed little shows its walk-away values there)."""
    app = debrief
    press(app, pygame.K_ESCAPE)
    assert app.scene.name == "scores"
    state = app.workshop.state
    scores = app.workshop.scores()
    gains = own_gains(state, scores.individual)
    text = shown(app)
    for role in state.scenario.roles:
        line = next(item.text for item in app.drawn if item.text.startswith(role.name + ":"))
        assert f"own gain {gains[role.id]}%" in line
        for secret in (scores.individual[role.id], walk_away_sum(state, role.id)):
            assert not re.search(rf"\b{secret}\b", line), line
    assert " points" not in text


def test_the_timeline_says_a_round_s_event_card_and_what_it_did(saves):
    """An event card the trainer played (F7) shows in its round, with its outcome in the
    report's words, beside a refusal in the same round."""
    app = App((1920, 1080), saves=saves, strict=True, seed=1)
    session = Session.start(TOWN, 1, folder=saves)
    app.begin(Workshop(session, default_seats(session.state)))
    for action in (
        act.Propose("library", "exhibit", ("library", "museum"), ("co-branded", "shared", "pilot")),
        act.Reject("museum", 1, "We would rather run it ourselves."),
        act.InjectEvent(card="budget-cut"),
    ):
        assert app.perform(action).ok, action
    while not app.workshop.state.finished:  # everyone passes to the end
        assert app.perform(act.Pass(app.workshop.state.current_role)).ok
    app.pending = []
    app.to_table()
    step(app)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_5)
    for _ in range(5):  # back to round 1
        press(app, pygame.K_LEFT)
    text = shown(app)
    news = app.workshop.state.news[0]
    assert news.title == "Budget cut" and "Event: Budget cut" in text
    for outcome in news.outcomes:
        assert said(outcome, "en") in text
    assert "The Museum" in text and "We would rather run it ourselves." in text


def test_tab_cycles_the_pages_and_esc_goes_back_to_the_final_scores(debrief):
    app = debrief
    seen = []
    for _ in range(5):
        seen.append(app.scene.tab)
        press(app, pygame.K_TAB)
    assert seen == ["scores", "agreements", "lessons", "missed", "timeline"]
    assert app.scene.tab == "scores"
    press(app, pygame.K_ESCAPE)
    assert app.scene.name == "scores"
    press(app, pygame.K_RETURN)
    assert app.scene.name == "debrief"
    click(app, "End the workshop")
    assert app.scene.name == "title" and app.workshop is None


def test_missed_deals_show_each_project_against_the_best_and_the_nash_deal(debrief):
    app = debrief
    press(app, pygame.K_4)
    state = app.workshop.state
    found = {}
    for project in state.scenario.projects:
        analysis = analyse_project(state.scenario, project)
        found[project.id] = analysis
    left = possible = 0
    for number, project in enumerate(state.scenario.projects):
        text = shown(app)
        analysis = found[project.id]
        agreement = state.agreement_for(project.id)
        assert f"{project.title}: signed (deal {agreement.deal.number})" in text
        walk = {fact.role: fact.walk_away for fact in analysis.role_facts}
        gains = {role: 0 for role in walk}
        for role in agreement.members:
            gains[role] = member_value(state, agreement, role) - walk[role]
        reached = sum(gains.values())
        best = analysis.welfare.welfare
        # shares of the best total gain, as the printed report says them; never points
        assert f"{round(100 * reached / best)}% reached" in text
        assert f"{round(100 * max(0, best - reached) / best)}% left on the table" in text
        drawn = [item.text for item in app.drawn]
        bonus = project.approval.unanimity_bonus
        for role, gain in analysis.welfare.gains.items():
            # a role's own share: its gain over the most it could gain on the project
            own = best_points(state.scenario, role, project) + bonus - walk[role]
            assert f"{round(100 * gains[role] / own)}%" in drawn  # ours
            assert f"{round(100 * gain / own)}%" in drawn  # the best deal's
        labels = {(i.id, o.id): o.label for i in project.issues for o in i.options}
        options = " · ".join(labels[c] for c in analysis.welfare.options)
        assert f"Best for the table: {options}." in text
        assert "Nash deal" in text and ("Pareto frontier" in text)
        assert "points" not in text
        assert_no_points_drawn(app)
        left += max(0, best - reached)
        possible += best
        if number + 1 < len(state.scenario.projects):
            press(app, pygame.K_RIGHT)
    share = round(100 * left / possible)
    assert f"Value left on the table: {share}% of the best total gain, over 2 projects" in shown(
        app
    )


def test_the_distance_to_the_pareto_frontier_is_the_least_a_better_deal_adds():
    frontier = np.array([[30, 22, 20], [10, 21, 25]])  # roles a, b; one column a deal
    assert pareto_gap([20, 20], frontier) == 3  # 22/21 is the nearest
    assert pareto_gap([20, 25], frontier) == 0  # on the frontier
    assert pareto_gap([31, 0], frontier) is None  # nobody beats a for a
    assert pareto_gap([0, 0], np.zeros((2, 0), dtype=int)) is None  # no frontier at all


def test_the_report_is_saved_next_to_the_game_and_the_debrief_says_where(debrief):
    app = debrief
    press(app, pygame.K_r)
    save = app.workshop.session.path
    report = save.with_name(save.stem + "-report.html")
    assert report.is_file() and "<html" in report.read_text(encoding="utf-8")[:500].lower()
    text = shown(app)
    assert f"The report is saved as {report.name} in the folder" in text
    assert not app.error


def test_a_no_that_quotes_a_red_line_is_shown_without_its_words_in_the_timeline(saves):
    """A computer partner says no in its brief's words; the debrief shows only who said no."""
    app = App((1280, 720), saves=saves, strict=True, seed=1)
    session = Session.start(TOWN, 1, folder=saves)
    workshop = Workshop(session, default_seats(session.state))
    app.begin(workshop)
    red_line = "The library is a commercial-free space."
    options = ("sponsor-logo", "shared", "pilot")
    for action in (
        act.Pass("library"),
        act.Propose("museum", "exhibit", ("library", "museum", "shop"), options),
        act.Propose(
            "shop", "festival", ("library", "museum", "shop"), ("library-hall", "split", "talks")
        ),
        act.Reject("museum", 2, "We want the garden, in our own words"),  # round 2
        act.Pass("shop"),
        act.Reject("library", 1, f"No: {red_line}"),
    ):
        assert app.perform(action).ok, action
    for _ in range(20):
        if workshop.state.finished:
            break
        assert app.perform(act.Pass(workshop.state.current_role)).ok
    app.pending = []
    app.to_table()
    step(app)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_5)
    press(app, pygame.K_LEFT)  # from the last round back to round 2
    text = shown(app)
    assert "What happened in round 2" in text
    assert "✗ The Library" in text and red_line not in text
    assert "✗ The Museum: “We want the garden, in our own words”" in text
    press(app, pygame.K_1)  # nobody signed: each role's points are its walk-away values
    assert not workshop.state.agreements
    assert "0%" in [item.text for item in app.drawn]
    assert_no_points_drawn(app)


def test_f1_on_the_debrief_lists_its_own_keys_below_the_trainers(debrief):
    app = debrief
    press(app, pygame.K_F1)
    text = shown(app)
    assert "Trainer keys" in text and "On this screen:" in text
    assert "the debrief's five pages" in text and "Shift+Tab" in text
