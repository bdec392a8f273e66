"""Handouts printed in a real browser: one confidential brief per sheet, and the guide."""

from __future__ import annotations

import pytest

from game.report.handouts import BARRIERS, DRIVERS, brief_heading, build_handouts
from game.report.words import translator
from game.scenario.loading import check_file
from tests.helpers import BUILT_IN, SCENARIOS
from tests.report.printing import needs_browser, pages, print_to_pdf


def windows(text: str, size: int = 6) -> list[str]:
    """Overlapping runs of ``size`` words: a brief is found even when cut across pages."""
    words = text.split()
    return [" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))]


def brief_windows(scenario) -> dict[str, set[str]]:
    """Each role's own words (brief text and red-line reasons), less any they share."""
    found = {
        role.id: set(windows(role.brief.text))
        | {w for line in role.brief.red_lines for w in windows(line.reason)}
        for role in scenario.roles
    }
    return {
        role: mine - set().union(*(other for r, other in found.items() if r != role))
        for role, mine in found.items()
    }


def start_of(text: str) -> str:
    """The first three words of a table cell (a narrow cell wraps after them, maybe)."""
    return " ".join(text.split()[:3])


@needs_browser
@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.stem)
def test_every_brief_begins_its_own_sheet_and_no_sheet_holds_two(path, language, tmp_path):
    scenario = check_file(path).scenario()
    t = translator(language)
    html = tmp_path / "handouts.html"
    html.write_text(build_handouts(scenario, language), encoding="utf-8")
    sheets = pages(print_to_pdf(html))
    assert t("Facilitator guide") in sheets[0]
    headings = {role.id: brief_heading(t, role) for role in scenario.roles}
    own = brief_windows(scenario)
    starts = {}
    for role in scenario.roles:
        found = [n for n, page in enumerate(sheets) if headings[role.id] in page]
        assert len(found) == 1, f"{role.name}'s brief heading is on pages {found}"
        starts[role.id] = found[0]
        assert any(w in page for w in own[role.id] for page in sheets), f"{role.name}: no brief"
    for number, page in enumerate(sheets):
        present = {
            role.id
            for role in scenario.roles
            if headings[role.id] in page or any(w in page for w in own[role.id])
        }
        assert len(present) <= 1, f"page {number + 1} holds the briefs of {sorted(present)}"
    order = [starts[role.id] for role in scenario.roles]
    assert order == sorted(order) and order[0] > 0, "the guide first, then the briefs in order"
    guide = " ".join(sheets[: order[0]])
    assert all(role.name in guide for role in scenario.roles)
    ours = guide.split(t("The scenario author's notes for the trainer"))[0]  # notes may quote
    assert not any(w in ours for ws in own.values() for w in ws), "a brief leaks into the guide"
    assert t("Timing") in guide and t("60 minutes") in guide and t("120 minutes") in guide
    for name, _ in (*DRIVERS, *BARRIERS):
        assert t(name) in guide
    # in each brief's points tables, an issue's title and all its options share a page
    ends = [*order[1:], len(sheets)]
    for role, start, end in zip(scenario.roles, order, ends, strict=True):
        brief = sheets[start:end]
        for project in scenario.eligible_projects(role.id):
            for issue in project.issues:  # a cell may wrap: its first words stay together
                page = next(p for p in brief if start_of(issue.title) in p)
                for option in issue.options:
                    assert start_of(option.label) in page, f"{role.id}: {issue.id} ≠ {option.id}"


def test_the_guide_is_in_danish_when_asked():
    scenario = check_file(SCENARIOS / "tutorial-reading-cafe.yaml").scenario()
    html = build_handouts(scenario, "da")
    assert 'lang="da"' in html
    assert "Vejledning til træneren" in html and "Fortroligt rollekort: Kringle Café" in html


def test_scenario_text_is_escaped(tmp_path):
    source = (SCENARIOS / "tutorial-reading-cafe.yaml").read_text(encoding="utf-8")
    path = tmp_path / "cafe.yaml"
    path.write_text(source.replace("name: Kringle Café", "name: Kringle <b>Café</b>"), "utf-8")
    html = build_handouts(check_file(path).scenario())
    assert "Kringle &lt;b&gt;Café&lt;/b&gt;" in html and "<b>Café" not in html
