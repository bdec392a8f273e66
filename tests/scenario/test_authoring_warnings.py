"""Warnings for what the room should never see and what the table would never sign.

Each story changes one thing in Harbour Town, a small scenario that validates without a
single warning, and checks what the author is told: the file, line and column of the thing
to fix, the message, a hint, and that ``validate --strict`` fails on it.
"""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path

import pytest
import yaml

from game.cli import EXIT_INVALID, EXIT_OK, main
from game.engine import actions as act
from game.engine import deals
from game.engine.acceptability import judge, position_at_start
from game.engine.rules import apply
from game.engine.state import evolve, new_game
from game.scenario.leaks import MIN_WORDS, BriefEchoes
from game.scenario.lessons import DEFAULT_LESSONS
from game.scenario.loading import check_file
from game.scenario.playable import TableChecker, deal_risk, read_table, signable
from tests.helpers import BUILT_IN, FIXTURES, ROOT, line_of

HARBOUR_TOWN = """\
format: 1
id: harbour-town
title: Harbour Town
summary: A library, a museum and a shop plan a festival on the quay.
trainer_notes: |
  Twenty minutes for three teams. Read the profiles aloud, then the briefs
  behind the curtain. Ask afterwards who gained what.
roles:
  - id: library
    name: Harbour Library
    kind: librarian
    sector: public
    mission: Books and meeting places for everyone by the harbour.
    passion: Reading aloud on the quay.
    ambitions: [More families on Saturdays]
    competencies: [venue, storytelling]
    resources: {staff_time: 3, budget: 2}
    brief:
      text: |
        The council wants proof that the library still matters to young families,
        and a festival under your own name would give it.
      risk_tolerance: 5
      points:
        festival:
          venue: {quay: 10, hall: 20}
          staffing: {volunteers: 20, paid: 5}
      red_lines:
        - project: festival
          issue: staffing
          option: paid
          reason: Our staff rota cannot spare anyone on a weekend in July.
  - id: museum
    name: Maritime Museum
    kind: museum
    sector: public
    mission: The harbour's history, told to the people who live by it.
    passion: Old boats and the stories of their crews.
    ambitions: [A younger audience]
    competencies: [exhibits, storytelling]
    resources: {staff_time: 2, budget: 3}
    brief:
      text: |
        Visitor numbers fell for the third year running; the board quietly asks
        whether the museum should close in winter.
      risk_tolerance: 6
      points:
        festival:
          venue: {quay: 25, hall: 5}
          staffing: {volunteers: 10, paid: 15}
  - id: shop
    name: Quay Chandlery
    kind: business
    sector: market
    mission: Ropes, paint and good advice for every boat owner in town.
    passion: Keeping the harbour a working harbour.
    ambitions: [Customers from outside the sailing club]
    competencies: [events, catering]
    resources: {staff_time: 2, budget: 4}
    brief:
      text: |
        A marina shop opens across the bay in spring and will undercut your prices
        on everything but advice.
      risk_tolerance: 7
      points:
        festival:
          venue: {quay: 20, hall: 0}
          staffing: {volunteers: 5, paid: 20}
projects:
  - id: festival
    title: Harbour Festival
    description: A Saturday of stories, old boats and music on the quay.
    needs: [venue, events]
    serves: [families]
    issues:
      - id: venue
        title: Where is it held?
        options:
          - id: quay
            label: On the quay
            risk: 3
          - id: hall
            label: In the library hall
      - id: staffing
        title: Who runs it?
        options:
          - id: volunteers
            label: Volunteers from all three
            cost: {staff_time: 1}
          - id: paid
            label: Paid festival staff
            cost: {budget: 1}
            risk: 2
    approval:
      no_deal_value: 5
"""


def harbour_town(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    """Harbour Town with each (old, new) change made once; ``old`` must occur once."""
    text = HARBOUR_TOWN
    for old, new in changes:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    path = tmp_path / "harbour-town.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def the_warning(path: Path, fragment: str) -> tuple[int, int, str]:
    """The one warning whose message holds ``fragment``: its line, column and text."""
    result = check_file(path)
    assert result.errors == [], [str(d) for d in result.errors]
    found = [d for d in result.warnings if fragment in d.message]
    assert len(found) == 1, [str(d) for d in result.warnings]
    assert found[0].hint, "every warning says how to fix it"
    return found[0].line, found[0].column, str(found[0])


def column_of(path: Path, line: int, fragment: str) -> int:
    """The 1-based column where ``fragment`` starts on ``line``."""
    return path.read_text(encoding="utf-8").splitlines()[line - 1].index(fragment) + 1


def validate_strict(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", "--strict", str(path)])
    return code, capsys.readouterr().out


def test_harbour_town_as_written_has_no_warning(tmp_path):
    result = check_file(harbour_town(tmp_path))
    assert result.ok
    assert [str(d) for d in result.diagnostics] == []


# -- public text repeating a brief ------------------------------------------------------


def test_a_passion_that_repeats_the_brief_points_at_the_repeated_words(tmp_path, capsys):
    path = harbour_town(
        tmp_path,
        (
            "    passion: Reading aloud on the quay.\n",
            "    passion: Reading aloud, because the Council wants proof that the Library "
            "still matters.\n",
        ),
    )
    line, column, message = the_warning(path, "repeats")
    assert line == line_of(path.read_text(), "passion: Reading aloud, because")
    assert column == column_of(path, line, "the Council wants")
    assert "roles[library].passion: this public text repeats 9 words" in message
    assert "of the library's confidential brief" in message
    assert '"the Council wants proof that the Library still …"' in message
    assert f"(see line {line_of(path.read_text(), 'The council wants proof')})" in message
    assert "hint: say it in other words, so that the room cannot read the brief" in message
    code, output = validate_strict(path, capsys)
    assert code == EXIT_INVALID
    assert f"{path}:{line}:{column}: warning: roles[library].passion" in output
    assert main(["validate", str(path)]) == EXIT_OK  # a warning, not an error


def test_a_repeat_across_a_line_break_is_found_and_placed_on_its_first_word(tmp_path):
    path = harbour_town(
        tmp_path,
        (
            "  Twenty minutes for three teams. Read the profiles aloud, then the briefs\n"
            "  behind the curtain. Ask afterwards who gained what.\n",
            "  Twenty minutes for three teams. Remind them that visitor numbers fell for\n"
            "  the third year running at the museum.\n",
        ),
    )
    line, column, message = the_warning(path, "repeats")
    assert line == line_of(path.read_text(), "Remind them that visitor numbers")
    assert column == column_of(path, line, "visitor numbers")
    assert "trainer_notes: this public text repeats 8 words of the museum's confidential" in (
        message
    )
    assert '"visitor numbers fell for the third year running"' in message
    assert "(see line" in message


def test_an_event_card_that_quotes_a_red_line_reason_is_a_warning(tmp_path):
    path = harbour_town(
        tmp_path,
        (
            "    approval:\n      no_deal_value: 5\n",
            "    approval:\n      no_deal_value: 5\n"
            "events:\n"
            "  - id: rota\n"
            "    title: Summer rota\n"
            "    text: The library says its staff rota cannot spare anyone on a weekend.\n",
        ),
    )
    line, column, message = the_warning(path, "repeats")
    assert line == line_of(path.read_text(), "text: The library says its staff rota")
    assert column == column_of(path, line, "staff rota")
    assert "events[rota].text: this public text repeats 8 words of the library's " in message
    assert "confidential red-line reason (issue staffing)" in message


def test_short_shared_phrases_are_not_a_repeat(tmp_path):
    path = harbour_town(
        tmp_path,
        (
            "    passion: Reading aloud on the quay.\n",
            "    passion: Young families on the quay, proof that reading matters.\n",
        ),
    )
    assert check_file(path).warnings == []


def test_a_brief_that_repeats_a_built_in_lesson_is_told_the_room_will_read_it(tmp_path):
    path = harbour_town(
        tmp_path,
        (
            "        and a festival under your own name would give it.\n",
            "        and a festival under your own name would give it. Do not put all\n"
            "        your eggs in one basket.\n",
        ),
    )
    line, column, message = the_warning(path, "built-in lesson")
    assert line == line_of(path.read_text(), "would give it. Do not put all")
    assert column == column_of(path, line, "Do not put all")
    assert 'roles[library].brief.text: the built-in lesson "cluster-partners"' in message
    assert "repeats 9 words of this confidential brief" in message
    assert "give the lesson your own words under lessons:" in message
    reworded = harbour_town(
        tmp_path,
        ("        and a festival under your own name would give it.\n",
         "        and a festival under your own name would give it. Do not put all\n"
         "        your eggs in one basket.\n"),
        ("    approval:\n      no_deal_value: 5\n",
         "    approval:\n      no_deal_value: 5\n"
         "lessons:\n  cluster-partners: {text: Many partners bring many strengths.}\n"),
    )  # fmt: skip
    assert check_file(reworded).warnings == []


# -- what the table would refuse --------------------------------------------------------

SHOP_ROLE = "  - id: shop"
OPEN_TO_TWO = (
    "    serves: [families]\n",
    "    serves: [families]\n    open_to: [library, museum]\n",
)
SHOP_WITHOUT_POINTS = (
    "      risk_tolerance: 7\n      points:\n        festival:\n"
    "          venue: {quay: 20, hall: 0}\n          staffing: {volunteers: 5, paid: 20}\n",
    "      risk_tolerance: 7\n      points: {}\n",
)


def test_a_role_that_no_project_is_open_to_is_a_warning_at_the_role(tmp_path, capsys):
    path = harbour_town(tmp_path, OPEN_TO_TWO, SHOP_WITHOUT_POINTS)
    line, column, message = the_warning(path, "no project is open to")
    assert (line, column) == (line_of(path.read_text(), SHOP_ROLE), 5)
    assert "roles[shop]: no project is open to Quay Chandlery (shop)" in message
    assert "hint: add shop to the open_to list of a project" in message
    code, output = validate_strict(path, capsys)
    assert code == EXIT_INVALID
    assert f"{path}:{line}:5: warning: roles[shop]: no project is open to" in output


def test_a_role_the_required_roles_leave_no_seat_for_is_a_warning_at_the_role(tmp_path):
    path = harbour_town(
        tmp_path,
        (
            "    approval:\n      no_deal_value: 5\n",
            "    approval:\n      no_deal_value: 5\n"
            "      required: [library, museum]\n      max_participants: 2\n",
        ),
    )
    line, column, message = the_warning(path, "can never take part in a deal")
    assert (line, column) == (line_of(path.read_text(), SHOP_ROLE), 5)
    assert "the required roles (and one who may propose) take every seat" in message


def test_an_option_no_team_can_pay_for_is_a_warning_at_the_option(tmp_path, capsys):
    path = harbour_town(
        tmp_path,
        (
            "            label: Paid festival staff\n            cost: {budget: 1}\n",
            "            label: Paid festival staff\n            cost: {budget: 5}\n",
        ),
    )
    line, column, message = the_warning(path, "can pay for")
    assert (line, column) == (line_of(path.read_text(), "- id: paid"), 13)
    assert (
        "projects[festival].issues[staffing].options[paid]: no team that can take part in "
        '"Harbour Festival" can pay for "Paid festival staff" each round: library would pay '
        "5 budget units, it has 2; museum would pay 5 budget units, it has 3; shop would pay "
        "5 budget units, it has 4" in message
    )
    assert "hint: lower its cost (or a role's cost_for)" in message
    assert validate_strict(path, capsys)[0] == EXIT_INVALID


def test_a_cost_for_one_role_overrides_the_cost_when_deciding_who_can_pay(tmp_path):
    path = harbour_town(
        tmp_path,
        (
            "            label: Paid festival staff\n            cost: {budget: 1}\n",
            "            label: Paid festival staff\n            cost: {budget: 5}\n"
            "            cost_for: {shop: {budget: 4}}\n",
        ),
    )
    assert [w for w in check_file(path).warnings if "can pay for" in w.message] == []


def test_an_option_that_needs_more_roles_than_the_table_seats_is_a_warning_at_it(tmp_path):
    path = harbour_town(
        tmp_path,
        (
            "            label: In the library hall\n",
            "            label: In the library hall\n"
            "            cost_for: {museum: {staff_time: 1}, shop: {staff_time: 1}}\n",
        ),
        (
            "    approval:\n      no_deal_value: 5\n",
            "    approval:\n      no_deal_value: 5\n"
            "      required: [library]\n      max_participants: 2\n",
        ),
    )
    line, column, message = the_warning(path, "at the table")
    assert (line, column) == (line_of(path.read_text(), "- id: hall"), 13)
    assert (
        'projects[festival].issues[venue].options[hall]: "In the library hall" needs '
        'museum, shop at the table (its cost_for names them), but on "Harbour Festival" a '
        "deal has at most 2 participants, and it would need 3: library, museum, shop, so "
        "no deal can choose this option" in message
    )
    assert "hint: take the role out of cost_for, or raise the project's max_participants" in (
        message
    )


def test_an_option_for_a_role_with_no_seat_is_a_warning_at_the_option_too(tmp_path):
    path = harbour_town(
        tmp_path,
        (
            "            label: In the library hall\n",
            "            label: In the library hall\n"
            "            cost_for: {shop: {staff_time: 1}}\n",
        ),
        (
            "    approval:\n      no_deal_value: 5\n",
            "    approval:\n      no_deal_value: 5\n"
            "      proposers: [museum]\n      required: [library]\n      max_participants: 2\n",
        ),
    )
    line, column, message = the_warning(path, "at the table")
    assert (line, column) == (line_of(path.read_text(), "- id: hall"), 13)
    assert "it would need 3: library, shop and one who may propose" in message
    line, _, _ = the_warning(path, "can never take part in a deal")
    assert line == line_of(path.read_text(), SHOP_ROLE)


BOLD_QUAY = (
    "            label: On the quay\n            risk: 3\n",
    "            label: On the quay\n            risk: 6\n",
)
RISKY_HALL = (
    "            label: In the library hall\n",
    "            label: In the library hall\n            risk: 8\n",
)
LIBRARY_REQUIRED = (
    "    approval:\n      no_deal_value: 5\n",
    "    approval:\n      no_deal_value: 5\n      required: [library]\n",
)


def test_a_project_every_deal_of_which_is_too_risky_is_a_warning_at_the_project(tmp_path, capsys):
    path = harbour_town(tmp_path, BOLD_QUAY, RISKY_HALL, LIBRARY_REQUIRED)
    line, column, message = the_warning(path, "no deal on")
    assert (line, column) == (line_of(path.read_text(), "  - id: festival"), 5)
    assert (
        'projects[festival]: no deal on "Harbour Festival" can be signed by partners who '
        "all stay within their risk tolerance, clear of their red lines and within their "
        "resources per round, in any group the approval allows: every such deal is riskier "
        "than one of its members tolerates" in message
    )
    assert "hint: lower the risk of some options, or raise a role's risk_tolerance" in message
    assert validate_strict(path, capsys)[0] == EXIT_INVALID


def test_a_pilot_runs_one_less_risk_so_a_trial_on_the_quay_is_within_reach(tmp_path):
    pilot = (
        "            label: Volunteers from all three\n",
        "            label: Volunteers from all three\n            flags: [pilot]\n",
    )
    path = harbour_town(tmp_path, BOLD_QUAY, RISKY_HALL, LIBRARY_REQUIRED, pilot)
    assert check_file(path).warnings == []  # quay (6) as a pilot runs 5: the library's limit


def test_without_the_cautious_library_required_a_bolder_pair_can_sign(tmp_path):
    path = harbour_town(tmp_path, BOLD_QUAY, RISKY_HALL)
    assert check_file(path).warnings == []  # the museum (6) and the shop (7) on the quay (6)


def test_with_a_quorum_a_participant_who_does_not_accept_need_not_tolerate_the_risk(tmp_path):
    three = (
        "    approval:\n      no_deal_value: 5\n",
        "    approval:\n      no_deal_value: 5\n      min_participants: 3\n",
    )
    path = harbour_town(tmp_path, BOLD_QUAY, RISKY_HALL, three)
    line, _, _ = the_warning(path, "no deal on")  # all three accept: the library too
    assert line == line_of(path.read_text(), "  - id: festival")
    two_of_three = (three[0], three[1] + "      quorum: 2\n")
    path = harbour_town(tmp_path, BOLD_QUAY, RISKY_HALL, two_of_three)
    assert check_file(path).warnings == []  # the library takes part, the other two sign


def test_a_project_whose_only_staffing_crosses_the_required_roles_red_line_is_a_warning(
    tmp_path,
):
    path = harbour_town(
        tmp_path,
        LIBRARY_REQUIRED,
        (
            "            label: Volunteers from all three\n            cost: {staff_time: 1}\n",
            "            label: Volunteers from all three\n            cost: {staff_time: 1}\n"
            "            cost_for: {library: {staff_time: 4}}\n",
        ),
    )
    line, column, message = the_warning(path, "no deal on")
    assert (line, column) == (line_of(path.read_text(), "  - id: festival"), 5)
    assert "every such deal crosses one of its members' red lines" in message
    assert "hint: drop a red line, or add an option that every required role can accept" in (
        message
    )


def test_a_project_that_costs_more_than_a_required_role_has_is_a_warning(tmp_path):
    path = harbour_town(
        tmp_path,
        LIBRARY_REQUIRED,
        (
            "            label: On the quay\n            risk: 3\n",
            "            label: On the quay\n            risk: 3\n"
            "            cost: {staff_time: 2}\n",
        ),
        (
            "            label: In the library hall\n",
            "            label: In the library hall\n            cost: {staff_time: 2}\n",
        ),
        (
            "            label: Volunteers from all three\n            cost: {staff_time: 1}\n",
            "            label: Volunteers from all three\n            cost: {staff_time: 1}\n"
            "            cost_for: {library: {staff_time: 2}}\n",
        ),
        (
            "            label: Paid festival staff\n            cost: {budget: 1}\n",
            "            label: Paid festival staff\n            cost: {budget: 3}\n",
        ),
    )
    line, column, message = the_warning(path, "no deal on")
    assert (line, column) == (line_of(path.read_text(), "  - id: festival"), 5)
    assert "every such deal costs one of its members more per round than it has" in message
    assert "hint: lower some option costs, or give the roles more resources per round" in message
    # each option alone is affordable: the sum across issues is what the library cannot pay
    assert [w for w in check_file(path).warnings if "can pay for" in w.message] == []


# -- the built-in scenarios and the fixtures --------------------------------------------

SCENARIO_FILES = [*BUILT_IN, *sorted(FIXTURES.glob("*.yaml"))]


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.name)
def test_no_built_in_scenario_or_fixture_leaks_a_brief_or_offers_what_the_table_refuses(path):
    result = check_file(path)
    assert result.ok
    found = [*BriefEchoes(result.data).findings(), *TableChecker(result.data).findings()]
    assert [f.message for f in found] == []


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold().replace("'", "").replace("’", ""))


def _windows(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + MIN_WORDS]) for i in range(len(words) - MIN_WORDS + 1)}


def _brief_windows(path: Path) -> dict[str, set[tuple[str, ...]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = {}
    for role in data["roles"]:
        texts = [role["brief"]["text"]] + [r["reason"] for r in role["brief"].get("red_lines", [])]
        found[role["id"]] = set().union(*(_windows(text) for text in texts))
    return found


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.name)
def test_no_lesson_text_repeats_six_words_of_a_built_in_brief(path):
    """A lesson reaches the debrief screen and the printed report: the whole room reads it."""
    briefs = _brief_windows(path)
    own = yaml.safe_load(path.read_text(encoding="utf-8")).get("lessons", {})
    lessons = {f"built-in {k}": f"{v.title}\n{v.text}" for k, v in DEFAULT_LESSONS.items()}
    lessons |= {f"scenario {k}": f"{v.get('title', '')}\n{v['text']}" for k, v in own.items()}
    repeats = {
        (lesson, role): sorted(" ".join(w) for w in _windows(text) & windows)
        for lesson, text in lessons.items()
        for role, windows in briefs.items()
        if _windows(text) & windows
    }
    assert repeats == {}


# -- the checks ask the engine's questions ----------------------------------------------


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.name)
def test_costs_risks_and_red_lines_are_read_as_the_engine_reads_them(path):
    result = check_file(path)
    scenario = result.scenario()
    roles, projects = read_table(result.data)
    red_lines = {role.id: role.red_lines for role in roles}
    for table, project in zip(projects, scenario.projects, strict=True):
        choices = [[o.id for o in issue.options] for issue in project.issues]
        for options in itertools.islice(itertools.product(*choices), 500):
            chosen = [next(o for o in issue if o.id == pick) for issue, pick in
                      zip(table.issues, options, strict=True)]  # fmt: skip
            assert max(o.risk for o in chosen) == deals.risk(project, options)
            assert deal_risk(chosen) == deals.effective_risk(project, options)
            for role in scenario.roles:
                paid = [o.paid_by(role.id) for o in chosen]
                total = (sum(p[0] for p in paid), sum(p[1] for p in paid))
                assert total == tuple(deals.cost(role.id, project, options))
                crossed = any((project.id, o.issue, o.id) in red_lines[role.id] for o in chosen)
                assert crossed == (deals.red_line(scenario, role.id, project, options) is not None)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.name)
def test_the_deal_the_check_finds_on_each_project_is_signed_by_the_rules(path):
    """The one rule says every member can sign it within its risk tolerance, and the
    rules sign it when the members accept: the check and the table agree."""
    result = check_file(path)
    scenario = result.scenario()
    roles, projects = read_table(result.data)
    by_id = {role.id: role for role in roles}
    for table in projects:
        witness = signable(table, by_id)
        assert witness is not None and not witness.assumed
        project = scenario.project(table.id)
        for member in witness.members:
            position = position_at_start(scenario, member, project)
            verdict = judge(position, project, witness.options, signing=witness.members)
            assert verdict.signable and verdict.risk <= position.risk_tolerance, verdict
        members = list(witness.members)
        rule = project.approval
        proposer = next(m for m in members if not rule.proposers or m in rule.proposers)
        members.remove(proposer)
        others = [r.id for r in scenario.roles if r.id != proposer and r.id not in members]
        state = evolve(new_game(scenario, seed=1), order=(proposer, *members, *others))
        state = apply(state, act.Propose(proposer, project.id, witness.participants,
                                         witness.options))  # fmt: skip
        for member in members:
            state = apply(state, act.Accept(member, 1))
        assert state.agreement_for(project.id) is not None, (project.id, witness)


# -- fast on the largest file the format allows ----------------------------------------


def _largest_town() -> dict:
    """Six roles, eight projects of eight issues of ten options, every option's costs
    different for every role: the most combinations a valid file can offer."""
    ids = [f"role-{n}" for n in range(6)]

    def option(project: int, issue: int, number: int) -> dict:
        seed = project * 97 + issue * 13 + number
        costs = {role: {"staff_time": (seed * (r + 3)) % 7, "budget": (seed * (r + 5)) % 6}
                 for r, role in enumerate(ids)}  # fmt: skip
        return {"id": f"o{number}", "label": f"Option {number}", "cost_for": costs}

    points = {f"p{p}": {f"i{i}": {f"o{o}": o for o in range(10)} for i in range(8)}
              for p in range(8)}  # fmt: skip
    roles = [
        {"id": role, "name": f"Team {n}", "kind": "librarian" if n == 0 else "museum",
         "sector": "public", "mission": f"Mission {n}.", "passion": f"Passion {n}.",
         "ambitions": [f"Ambition {n}"], "resources": {"staff_time": 20, "budget": 20},
         "brief": {"text": f"Brief {n}.", "risk_tolerance": 10, "points": points}}
        for n, role in enumerate(ids)
    ]  # fmt: skip
    projects = [
        {"id": f"p{p}", "title": f"Project {p}", "description": "Everyone or nobody.",
         "approval": {"min_participants": 6},
         "issues": [{"id": f"i{i}", "title": f"Issue {i}",
                     "options": [option(p, i, o) for o in range(10)]} for i in range(8)]}
        for p in range(8)
    ]  # fmt: skip
    return {"id": "largest", "title": "Largest", "summary": "Many combinations.",
            "roles": roles, "projects": projects}  # fmt: skip


def test_the_table_checks_stay_fast_on_the_largest_file_the_format_allows(tmp_path):
    path = tmp_path / "largest.yaml"
    path.write_text(yaml.safe_dump(_largest_town(), sort_keys=False), encoding="utf-8")
    result = check_file(path)
    assert result.errors == []
    started = time.perf_counter()
    list(TableChecker(result.data).findings())
    assert time.perf_counter() - started < 1.0


def test_the_authoring_guide_explains_every_one_of_these_warnings():
    guide = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    for words in (
        "this public text repeats",
        "confidential red-line reason",
        "the built-in lesson",
        "no project is open to",
        "can never take part in a deal",
        "can pay for",
        "at the table (its cost_for names them)",
        "can be signed by partners who all stay within their risk tolerance",
    ):
        assert words in guide, words
