"""One measure per number: every output says each share and verdict alike.

A Local History game (``tests/helpers.agreeing_numbers_script``) signs the Town's Memory
Online by a quorum (Nordtel left out, at 0 %), History Walks on the Nash deal's terms and
Memory Cafés win-lose (the museum below its walk-away, signed knowingly). The game is
played through the screens; then the drawn text of the final scores (every page) and of
every page of every debrief tab, the report and the export are read, in English and in
Danish, and each project's "reached", "left on the table", win-lose, "left out" and Nash
verdict, and each team's own gain, must be the one ``game/scoring/missed.measure`` and
``game/scoring/shares`` compute, wherever a person reads it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pytest

from game.report.export import export_csv, export_json
from game.report.games import Game
from game.report.report import build_report
from game.report.words import translator
from game.scoring.missed import missed_deals
from game.scoring.shares import own_gains
from game.session.workshop import Seat, Workshop
from game.ui.app import App
from game.ui.i18n import Translator as ScreenTranslator
from game.ui.scenes.debrief import TABS, DebriefScene
from game.ui.scenes.scores import ScoresScene
from tests.helpers import AGREEING_NUMBERS, AGREEING_NUMBERS_SEED, agreeing_numbers_script


@dataclass
class Outputs:
    scores: str  # the final scores, every page, as drawn
    debrief: dict[str, str]  # each debrief tab, every page, as drawn
    report: str  # the report's text
    export: str  # CSV and JSON
    game: Game


def flat(text: str) -> str:
    return " ".join(text.split())


def played(language: str, folder) -> Outputs:
    from game.scenario.loading import load_scenario

    scenario = load_scenario(AGREEING_NUMBERS)
    seats = [Seat(role.id, role.name) for role in scenario.roles]
    app = App((1920, 1080), language=language, saves=folder, strict=True)
    workshop = Workshop.start(AGREEING_NUMBERS, AGREEING_NUMBERS_SEED, seats, folder, app.t)
    app.begin(workshop)
    for action in agreeing_numbers_script():
        assert app.perform(action).ok
    assert workshop.state.finished
    app.to_table()
    while not isinstance(app.scene, ScoresScene):
        app.pop()
    drawn = []
    for _ in range(10):
        app.draw()
        drawn.append(" ".join(item.text for item in app.drawn))
        page = app.scene.page
        app.scene.turn(+1)
        if app.scene.page == page:
            break
    debrief = DebriefScene(app)
    app.push(debrief)
    tabs = {}
    for tab in TABS:
        debrief.tab, seen = tab, []
        for page in range(12):
            debrief.pages[tab] = page
            app.draw()
            seen.append(" ".join(item.text for item in app.drawn))
            if page + 1 >= debrief.page_count:
                break
        tabs[tab] = flat(" ".join(seen))
    game = Game(workshop.session.record, workshop.state, "table")
    report = html.unescape(re.sub(r"<[^>]+>", " ", build_report([game], language)))
    export = export_csv(game) + export_json(game)
    return Outputs(flat(" ".join(drawn)), tabs, flat(report), export, game)


@pytest.fixture(scope="module", params=["en", "da"])
def outputs(request, tmp_path_factory):
    return request.param, played(request.param, tmp_path_factory.mktemp(request.param))


def test_the_story_has_what_it_needs(outputs):
    _, out = outputs
    found = {m.project: m for m in missed_deals(out.game.state)}
    assert found["memory-online"].left_out == ("nordtel",)
    assert found["memory-online"].own_share("nordtel") == 0
    assert found["history-walks"].is_nash  # its terms, all four signing
    assert found["memory-online"].is_nash  # the same options, by its three members
    assert found["memory-cafes"].losers == ("museum",)
    assert out.game.state.agreements[0].members == ("library", "museum", "history-society")


def test_reached_and_left_on_the_table_are_the_same_everywhere(outputs):
    language, out = outputs
    t = translator(language)
    for m in missed_deals(out.game.state):
        reached = t("the table reached {percent}% of the gain that was possible",
                    percent=m.reached_share)  # fmt: skip
        assert reached in out.scores, m.project
        assert reached in out.debrief["agreements"], m.project
        assert reached in out.report, m.project
        screen = ScreenTranslator(language)
        shown = screen("{share}%", share=m.reached_share)
        assert screen("{share} reached", share=shown) in out.debrief["missed"], m.project
        left = screen("{share}%", share=m.left_share)
        assert screen("{share} left on the table", share=left) in out.debrief["missed"]
        shown, left = t("{share}%", share=m.reached_share), t("{share}%", share=m.left_share)
        assert f"{t('Value reached')} {shown}" in out.report
        assert f"{t('Value left on the table')} {left}" in out.report
        # the export is the trainer's and quotes points: the same share, worked out
        joint, best = re.search(
            r"the table reached (\d+) of the (\d+) points of gain possible",
            out.export.split(f'"{m.project}"')[-1],
        ).groups()
        assert round(100 * int(joint) / int(best)) == m.reached_share


def test_a_win_lose_deal_is_called_so_and_names_its_loser_everywhere(outputs):
    language, out = outputs
    t = translator(language)
    museum = out.game.scenario.role("museum").name
    verdict = t("win-lose: {name} ends below what it has without this deal", name=museum)
    assert verdict in out.scores and verdict in out.debrief["agreements"]
    assert verdict in out.report
    title = t("Partnership agreement: {project}",
              project=out.game.scenario.project("memory-cafes").title)  # fmt: skip
    gains = out.report.rsplit(title, 1)[1].split("4. ")[0]  # its page: up to "4. Risks"
    assert t("All parties contributing, all parties gaining.") not in gains
    assert t("All parties contributing, but not all gaining: {names} ends below what it has "
             "without this agreement (win-lose).", names=museum) in gains  # fmt: skip
    gaining = out.report.count(t("All parties contributing, all parties gaining."))
    assert gaining == 2  # the two agreements where every member gains, and no more


def test_every_member_gains_names_whom_it_means_and_who_is_left_out(outputs):
    language, out = outputs
    t = translator(language)
    nordtel = out.game.scenario.role("nordtel").name
    left_out = t("left out: {names}", names=nordtel)
    for text in (out.scores, out.debrief["agreements"], out.report):
        assert t("every member gains") in text and left_out in text
        assert t("every partner gains") not in text


def test_the_nash_verdict_is_the_same_on_the_screen_and_in_the_report(outputs):
    language, out = outputs
    t, screen = translator(language), ScreenTranslator(language)
    nash = [m.project for m in missed_deals(out.game.state) if m.is_nash]
    assert nash == ["memory-online", "history-walks"]
    assert out.debrief["missed"].count(screen("Ours was the Nash deal.")) == len(nash)
    assert out.report.count(t("This table signed the Nash deal's terms.")) == len(nash)


def test_each_team_s_own_gain_is_the_same_on_every_page(outputs):
    language, out = outputs
    t = translator(language)
    state = out.game.state
    from game.scoring.axes import score_game

    gains = own_gains(state, score_game(state).individual)
    for role, share in gains.items():
        name = state.scenario.role(role).name
        words = t("{share}%", share=share if share >= 0 else f"−{-share}")
        for text in (out.scores, out.debrief["scores"], out.report):
            assert re.search(re.escape(name) + r".{0,80}?" + re.escape(words), text), (role, words)
