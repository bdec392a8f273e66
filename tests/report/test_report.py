"""The debrief report: every team and agreement on paper, no team's secrets, tables compared."""

from __future__ import annotations

import html as html_module
import re

import pytest

from game.engine.record import SaveError
from game.report.games import load_game, load_games
from game.report.phrases import unmatched
from game.report.report import build_report, write_game_report, write_report
from game.report.words import translator
from game.scoring.axes import AXES, score_game
from game.scoring.lessons import lessons
from tests.helpers import BUILT_IN, FOUR_ROLE
from tests.report.printing import needs_browser, pages, print_to_pdf
from tests.report.saves import computer_save, random_save
from tests.report.test_handouts import windows

FAMILIES = FOUR_ROLE[0]


def text_of(html: str) -> str:
    """What a reader sees: tags dropped, entities read, white space made single."""
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def said_aloud(game) -> str:
    """Everything teams said at the table when they refused a deal (public by their choice)."""
    return " ".join(reason for deal in game.state.deals for _, reason in deal.rejected)


def secrets(game) -> dict[str, set[str]]:
    """Each role's brief text and red-line reasons as six-word windows."""
    return {
        role.id: set(windows(role.brief.text))
        | {w for line in role.brief.red_lines for w in windows(line.reason)}
        for role in game.scenario.roles
    }


def assert_no_secrets(game, shown: str) -> None:
    aloud = said_aloud(game)
    for role, found in secrets(game).items():
        for window in found:
            if window in shown:
                assert window in aloud, f"{role}'s confidential brief shows: {window!r}"
    assert "Your points" not in shown and "walk-away value" not in shown
    assert "Confidential brief" not in shown and "tolerate risk" not in shown
    assert "points of gain possible" not in shown, "a reason quotes confidential points"
    assert not re.search(r"gets -?\d+, below the -?\d+", shown), "a win-lose quotes points"


@pytest.mark.parametrize("maker", [computer_save, random_save], ids=["computer", "random"])
@pytest.mark.parametrize("scenario", BUILT_IN, ids=lambda p: p.stem)
def test_the_report_names_every_team_and_agreement_and_no_secret(scenario, maker, tmp_path):
    game = load_game(maker(scenario, 4, tmp_path / "game.json"))
    for language in ("en", "da"):
        t = translator(language)
        shown = text_of(build_report([game], language))
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
    save = computer_save(FAMILIES, 3, tmp_path / "game.json")
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
    for role in games[0].scenario.roles:
        row = next(r for r in compare.split("<tr>") if f"{role.name}: individual" in text_of(r))
        assert text_of(row).split()[-3:] == [
            str(score_game(g.state).individual[role.id]) for g in games
        ]
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


def test_a_rejection_reason_is_printed_as_text_never_as_html(tmp_path):
    from game.engine import actions as act
    from game.engine.record import Session

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
        assert title in shown and " ".join(words.split()) in shown
        for line in lesson.evidence:
            assert " ".join(say(line, t).split()) in shown, line
