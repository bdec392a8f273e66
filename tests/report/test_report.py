"""The debrief report: every team and agreement on paper, no team's secrets, tables compared."""

from __future__ import annotations

import html as html_module
import re

import pytest

from game.engine import actions as act
from game.engine import deals
from game.engine.record import SaveError, Session
from game.report.games import load_game, load_games
from game.report.phrases import unmatched
from game.report.report import build_report, write_game_report, write_report
from game.report.words import translator
from game.scoring.axes import AXES, score_game
from game.scoring.lessons import lessons
from game.scoring.shares import own_gains, table_gain
from tests.helpers import BUILT_IN, FOUR_ROLE, SEVEN_LESSONS_TOWN, TUTORIAL
from tests.report.printing import needs_browser, pages, print_to_pdf
from tests.report.saves import computer_save, random_save
from tests.report.test_handouts import windows

FAMILIES = FOUR_ROLE[0]


def text_of(html: str) -> str:
    """What a reader sees: tags dropped, entities read, white space made single."""
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def secrets(game) -> dict[str, set[str]]:
    """Each role's brief text and red-line reasons as six-word windows."""
    return {
        role.id: set(windows(role.brief.text))
        | {w for line in role.brief.red_lines for w in windows(line.reason)}
        for role in game.scenario.roles
    }


def assert_no_secrets(game, shown: str) -> None:
    """No six words of a brief or a red line's reason, not even when a team (a computer
    partner) said them aloud at the table, and no sentence that quotes points."""
    for role, found in secrets(game).items():
        for window in found:
            assert window not in shown, f"{role}'s confidential brief shows: {window!r}"
    assert "Your points" not in shown and "walk-away value" not in shown
    assert "Confidential brief" not in shown and "tolerate risk" not in shown
    assert "points of gain possible" not in shown, "a reason quotes confidential points"
    assert not re.search(r"gets -?\d+, below the -?\d+", shown), "a win-lose quotes points"


def walk_away_sum(state, role: str) -> int:
    """What a role has without any deal: its walk-away values over the projects it may join."""
    return sum(deals.walk_away(state, role, p) for p in state.scenario.eligible_projects(role))


def role_rows(html: str, name: str) -> list[list[str]]:
    """Every table row whose first cell names the role, as its cells' texts."""
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        cells = [text_of(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        if cells and name in cells[0]:
            rows.append(cells)
    return rows


def assert_no_points(game, html: str) -> None:
    """No role's row holds its points or its walk-away values as a number. A team that
    signed nothing has exactly its walk-away values as its points, so printing them would
    give that secret away (the report says its own gain, a share, instead)."""
    state = game.state
    scores = score_game(state)
    for role in game.scenario.roles:
        secret = {str(walk_away_sum(state, role.id)), str(scores.individual[role.id])}
        # its axis scores are public, 0-100, and may equal its points by chance
        public = {str(axis.score) for axis in scores.roles[role.id].values()}
        for cells in role_rows(html, role.name):
            numbers = {cell for cell in cells[1:] if re.fullmatch(r"-?\d+", cell)}
            assert not (numbers - public) & secret, f"{role.name}'s points show: {cells}"


@pytest.mark.parametrize("maker", [computer_save, random_save], ids=["computer", "random"])
@pytest.mark.parametrize("scenario", BUILT_IN, ids=lambda p: p.stem)
def test_the_report_names_every_team_and_agreement_and_no_secret(scenario, maker, tmp_path):
    game = load_game(maker(scenario, 4, tmp_path / "game.json"))
    for language in ("en", "da"):
        t = translator(language)
        html = build_report([game], language)
        assert_no_points(game, html)
        shown = text_of(html)
        for role in game.scenario.roles:
            assert role.name in shown
        for agreement in game.state.agreements:
            title = game.scenario.project(agreement.project).title
            assert t("Partnership agreement: {project}", project=title) in shown
        assert_no_secrets(game, shown)


@pytest.mark.parametrize("scenario", BUILT_IN, ids=lambda p: p.stem)
def test_every_reason_and_evidence_is_said_in_the_reports_words(scenario, tmp_path):
    """A new sentence in the scoring must get its template, or Danish reports go English."""
    for seed, maker in ((1, computer_save), (2, random_save), (3, random_save)):
        state = load_game(maker(scenario, seed, tmp_path / f"{seed}.json")).state
        scores = score_game(state)
        reasons = [getattr(a, axis).reason for a in scores.agreements for axis in AXES]
        reasons += [axis.reason for role in scores.roles.values() for axis in role.values()]
        reasons += [axis.reason for axis in scores.table.values()]
        reasons += [line for lesson in lessons(state) for line in lesson.evidence]
        reasons += [outcome for news in state.news for outcome in news.outcomes]
        for reason in reasons:
            assert unmatched(reason) == [], reason


@needs_browser
@pytest.mark.parametrize("language", ["en", "da"])
def test_the_printed_report_holds_every_team_and_every_agreement(language, tmp_path):
    save = computer_save(FAMILIES, 2, tmp_path / "game.json")
    game = load_game(save)
    assert game.state.agreements, "the scripted game signs agreements"
    out = write_report([save], tmp_path / "report.html", language)
    sheets = pages(print_to_pdf(out))
    t = translator(language)
    printed = " ".join(sheets)
    for role in game.scenario.roles:
        assert role.name in printed
    for agreement in game.state.agreements:
        title = t(
            "Partnership agreement: {project}",
            project=game.scenario.project(agreement.project).title,
        )
        found = [n for n, page in enumerate(sheets) if title in page]
        assert found, f"{title} is not printed"
        assert printed.count(t("Signature and date")) == sum(
            len(a.members) for a in game.state.agreements
        )
    assert t("Timeline") in printed and t("Lessons") in printed
    assert_no_secrets(game, printed)


@needs_browser
def test_three_tables_of_one_scenario_side_by_side(tmp_path):
    saves = [computer_save(FAMILIES, seed, tmp_path / f"table-{seed}.json") for seed in (1, 2, 3)]
    games = load_games(saves)
    out = write_report(saves, tmp_path / "report.html")
    html = out.read_text(encoding="utf-8")
    compare = html.split('id="comparison"')[1].split("</table>")[0]
    header = text_of(compare.split("</thead>")[0])
    assert header.split()[-3:] == ["table-1", "table-2", "table-3"]
    for axis, name in zip(AXES, ("Win-win", "Risk", "Innovation"), strict=True):
        row = next(r for r in compare.split("<tr>") if f"{name} (the table)" in r)
        assert [int(n) for n in re.findall(r'class="score">(\d+)<', row)] == [
            score_game(game.state).table[axis].score for game in games
        ]
    gains = [own_gains(g.state, score_game(g.state).individual) for g in games]
    for role in games[0].scenario.roles:
        row = next(r for r in compare.split("<tr>") if f"{role.name}: own gain" in text_of(r))
        assert text_of(row).split()[-3:] == [f"{g[role.id]}%" for g in gains]
    row = next(r for r in compare.split("<tr>") if "Own gain (the table" in text_of(r))
    assert text_of(row).split()[-3:] == [f"{table_gain(g)}%" for g in gains]
    assert_no_points(games[0], html)
    sheets = pages(print_to_pdf(out))
    printed = " ".join(sheets)
    for game in games:
        heading = f"Table: {game.label}"
        assert sum(page.startswith(heading) for page in sheets) == 1, heading
        assert_no_secrets(game, printed)


def test_saves_of_different_scenarios_are_not_compared(tmp_path):
    one = computer_save(FOUR_ROLE[0], 1, tmp_path / "one.json")
    two = computer_save(FOUR_ROLE[1], 1, tmp_path / "two.json")
    with pytest.raises(SaveError, match=r"two\.json: was played on .* not on"):
        load_games([one, two])


def passing_game(scenario, seed: int, folder):
    """A game in which every team passes every turn: nobody signs anything."""
    session = Session.start(scenario, seed=seed, folder=folder)
    while not session.state.finished:
        session.act(act.Pass(session.state.current_role))
    return load_game(session.path)


def test_a_team_that_signed_nothing_is_shown_by_its_own_gain_not_its_walk_away(tmp_path):
    """The tutorial's library signs nothing: its points are its walk-away value (20), which
    no page may print; its own gain (0%) stands beside the table's scores instead."""
    games = [passing_game(TUTORIAL, seed, tmp_path / str(seed)) for seed in (1, 2)]
    state = games[0].state
    library = state.scenario.roles[0]
    assert not state.agreements
    assert score_game(state).individual[library.id] == walk_away_sum(state, library.id) == 20
    for report in (build_report(games[:1]), build_report(games), build_report(games, "da")):
        for game in games:
            assert_no_points(game, report)
    shown = text_of(build_report(games))
    assert f"{library.name}: own gain 0% 0%" in shown
    assert f"{library.name} 0% 0 0 0" in shown  # own gain, then its three axes


def test_a_no_that_quotes_a_red_line_is_printed_without_its_words(tmp_path):
    """A computer partner says no in its brief's words; the timeline prints only who said
    no, as the debrief screen does (tests/ui/test_debrief.py plays the same game). A team's
    own words are printed as said."""
    session = Session.start(SEVEN_LESSONS_TOWN, seed=1, folder=tmp_path)
    red_line = "The library is a commercial-free space."
    everyone = ("library", "museum", "shop")
    for action in (
        act.Pass("library"),
        act.Propose("museum", "exhibit", everyone, ("sponsor-logo", "shared", "pilot")),
        act.Propose("shop", "festival", everyone, ("library-hall", "split", "talks")),
        act.Reject("museum", 2, "We want the garden, in our own words"),  # round 2
        act.Pass("shop"),
        act.Reject("library", 1, f"No: {red_line}"),
    ):
        session.act(action)
    game = load_game(session.path)
    names = {role.id: role.name for role in game.scenario.roles}
    assert red_line in {line.reason for line in game.scenario.role("library").brief.red_lines}
    for language in ("en", "da"):
        t = translator(language)
        shown = text_of(build_report([game], language))
        assert red_line not in shown
        assert t("{who} rejects deal {number}.", who=names["library"], number=1) in shown
        said = t("{who} rejects deal {number}: “{reason}”", who=names["museum"], number=2,
                 reason="We want the garden, in our own words")  # fmt: skip
        assert said in shown
        assert_no_secrets(game, shown)


def test_a_rejection_reason_is_printed_as_text_never_as_html(tmp_path):
    session = Session.start(BUILT_IN[-1], seed=2, folder=tmp_path)
    project = session.scenario.projects[0]
    options = tuple(issue.options[0].id for issue in project.issues)
    roles = tuple(r.id for r in session.scenario.roles)
    session.act(act.Propose(roles[0], project.id, roles, options))
    session.act(act.Reject(roles[1], 1, "<script>alert('no')</script> & more"))
    out = write_game_report(session.record, session.state, tmp_path / "r.html", "da")
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'lang="da"' in html and "Rapport fra opsamlingen" in html


@pytest.mark.parametrize("scenario", BUILT_IN, ids=lambda p: p.stem)
def test_the_best_deals_are_said_as_shares_of_the_debrief_screens_numbers(scenario, tmp_path):
    """The printed report says, as shares, the numbers the debrief screen says in points
    (both from game/scoring/missed.py)."""
    from game.scoring.missed import missed_deals

    state = load_game(computer_save(scenario, 6, tmp_path / "game.json")).state
    shown = text_of(build_report([load_game(tmp_path / "game.json")]))
    assert "The best deals that were possible" in shown and "Value left on the table" in shown
    for project in state.scenario.projects:
        assert shown.count(project.title) >= 2  # the section names every project
    for missed in missed_deals(state):
        if missed.possible > 0:
            left = round(100 * missed.left / missed.possible)
            assert f"Value left on the table {left}%" in shown


@pytest.mark.parametrize("language", ["en", "da"])
def test_a_scripted_game_with_seven_lessons_prints_each_with_its_evidence(language, tmp_path):
    """The game the debrief screen shows (tests/ui/test_debrief.py): seven lessons, and the
    report names every one with the seed's words and every piece of its evidence."""
    from game.engine.record import Session
    from game.report.phrases import say
    from game.report.sections import lesson_title
    from tests.helpers import SEVEN_LESSONS_SEED, SEVEN_LESSONS_TOWN, seven_lessons_script

    session = Session.start(SEVEN_LESSONS_TOWN, SEVEN_LESSONS_SEED, folder=tmp_path)
    for action in seven_lessons_script():
        session.act(action)
    game = load_game(session.path)
    found = lessons(game.state)
    assert len(found) >= 5
    t = translator(language)
    shown = text_of(build_report([game], language))
    for lesson in found:
        title, words = lesson_title(game.state, lesson, t)
        mark = "✓ " if lesson.went_well else "✗ "
        assert mark + title in shown and " ".join(words.split()) in shown
        for line in lesson.evidence:
            assert " ".join(say(line, t).split()) in shown, line


@pytest.mark.parametrize("duration", ["permanent", "one-year"])
def test_a_written_agreement_signed_while_a_permanent_one_settles_says_so(duration):
    """docs/scoring.md, example 6: the club signed the round after a permanent stage."""
    from game.engine.actions import action_from_json
    from game.engine.record import GameRecord
    from game.report.agreement import agreement_page
    from game.scenario.loading import load_scenario
    from tests.helpers import FIXTURES

    lines = [
        {"type": "propose", "actor": "library", "project": "stage",
         "participants": ["library", "theatre"], "options": ["library", duration, "readings"]},
        {"type": "accept", "actor": "theatre", "deal": 1},
        {"type": "pass", "actor": "school"},
        {"type": "pass", "actor": "theatre"},
        {"type": "propose", "actor": "school", "project": "club",
         "participants": ["school", "library"], "options": ["reading-room"]},
        {"type": "accept", "actor": "library", "deal": 2},
    ]  # fmt: skip
    record = GameRecord("", "", 1, [action_from_json(line) for line in lines])
    state = record.replay(load_scenario(FIXTURES / "trial-town.yaml"))
    club = state.agreement_for("club")
    shown = text_of(str(agreement_page(state, record, club, translator("en"), "club")))
    settling = "a permanent agreement of the round before was still settling in" in shown
    assert settling == (duration == "permanent")
    danish = text_of(str(agreement_page(state, record, club, translator("da"), "club")))
    assert ("endnu ikke var faldet på plads" in danish) == (duration == "permanent")
