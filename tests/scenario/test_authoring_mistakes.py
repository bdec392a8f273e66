"""An author's mistakes, one kind per story, each on a broken copy of a real scenario.

Every story checks what the author sees: the line the message points at, a fragment of the
message (and hint), and that ``outofthebox validate`` exits non-zero.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import EXIT_INVALID, main
from game.scenario.loading import check_file
from tests.helpers import SCENARIOS, broken_copy, line_of

HEALTH = SCENARIOS / "health-exchange.yaml"


def validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", str(path)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def the_error(path: Path) -> tuple[int, int, str]:
    result = check_file(path)
    assert len(result.errors) == 1, [str(d) for d in result.errors]
    error = result.errors[0]
    return error.line, error.column, str(error)


def test_a_typo_in_a_key_names_the_line_and_suggests_the_right_word(tmp_path, capsys):
    path = broken_copy(tmp_path, "    brand: 4\n", "    brnad: 4\n")
    line, column, message = the_error(path)
    assert line == line_of(path.read_text(), "brnad: 4")
    assert column == 5
    assert 'roles[library].brnad: unknown field "brnad"' in message
    assert 'did you mean "brand"?' in message
    code, output = validate(path, capsys)
    assert code == EXIT_INVALID
    assert f"{path}:{line}:5: roles[library].brnad" in output


def test_a_word_where_a_number_belongs_is_a_type_error_at_that_value(tmp_path, capsys):
    path = broken_copy(tmp_path, "risk_tolerance: 6", "risk_tolerance: high")
    line, column, message = the_error(path)
    assert line == line_of(path.read_text(), "risk_tolerance: high")
    assert column == len("      risk_tolerance: ") + 1
    assert "roles[cafe].brief.risk_tolerance" in message
    assert 'expected a whole number, found the text "high" (hint: e.g. 5)' in message
    assert validate(path, capsys)[0] == EXIT_INVALID


def test_a_misspelt_sector_lists_what_is_allowed(tmp_path, capsys):
    path = broken_copy(tmp_path, "sector: market", "sector: markt")
    line, _, message = the_error(path)
    assert line == line_of(path.read_text(), "sector: markt")
    assert '"markt" is not allowed here (hint: did you mean "market"?)' in message
    assert validate(path, capsys)[0] == EXIT_INVALID


def test_a_red_line_on_an_option_that_does_not_exist_is_a_dangling_reference(tmp_path, capsys):
    path = broken_copy(tmp_path, "option: cafe-logo-on-shelves", "option: cafe-logo-on-shelf")
    line, column, message = the_error(path)
    assert line == line_of(path.read_text(), "option: cafe-logo-on-shelf")
    assert column == len("          option: ") + 1
    assert 'issue "branding" has no option "cafe-logo-on-shelf"' in message
    assert 'did you mean "cafe-logo-on-shelves"?' in message
    assert validate(path, capsys)[0] == EXIT_INVALID


def test_an_event_aimed_at_a_role_that_does_not_exist_is_a_dangling_reference(tmp_path, capsys):
    path = broken_copy(
        tmp_path, "role: cafe, project: reading-cafe", "role: caffe, project: reading-cafe"
    )
    line, _, message = the_error(path)
    assert line == line_of(path.read_text(), "role: caffe")
    assert 'there is no role "caffe" (hint: did you mean "cafe"?)' in message
    assert validate(path, capsys)[0] == EXIT_INVALID


def test_a_role_without_points_for_an_option_is_told_which_option_is_missing(tmp_path, capsys):
    path = broken_copy(
        tmp_path,
        "staffing: {cafe-staff: 10, shared-staff: 20, library-staff: 25}",
        "staffing: {cafe-staff: 10, shared-staff: 20}",
    )
    line, _, message = the_error(path)
    assert line == line_of(path.read_text(), "staffing: {cafe-staff: 10, shared-staff: 20}")
    assert (
        'roles[cafe].brief.points.reading-cafe.staffing: no points for option "library-staff"'
        in message
    )
    assert "hint: add library-staff: 0" in message
    assert validate(path, capsys)[0] == EXIT_INVALID


def test_a_role_without_points_for_a_whole_issue_is_told_which_issue(tmp_path, capsys):
    path = broken_copy(
        tmp_path,
        "          opening-hours: {library-hours: 10, evenings-too: 25, weekends-only: 5}\n",
        "",
    )
    _, _, message = the_error(path)
    assert 'no points for issue "opening-hours"' in message
    assert validate(path, capsys)[0] == EXIT_INVALID


def test_two_roles_with_the_same_id_are_a_duplicate_id(tmp_path, capsys):
    path = broken_copy(tmp_path, "  - id: cafe\n", "  - id: library\n")
    result = check_file(path)
    duplicate = [d for d in result.errors if "used twice" in d.message]
    assert len(duplicate) == 1
    assert duplicate[0].line == line_of(path.read_text(), "  - id: library", occurrence=2)
    assert 'the id "library" is used twice' in str(duplicate[0])
    assert validate(path, capsys)[0] == EXIT_INVALID


def test_a_key_written_twice_is_an_error_that_names_both_lines(tmp_path, capsys):
    path = broken_copy(tmp_path, "    brand: 3\n", "    brand: 3\n    brand: 5\n")
    line, column, message = the_error(path)
    first = line_of(path.read_text(), "brand: 3")
    assert line == first + 1
    assert column == 5
    assert f'the key "brand" appears twice in this mapping (first on line {first})' in message
    assert validate(path, capsys)[0] == EXIT_INVALID


def test_a_yaml_syntax_error_points_at_the_broken_line(tmp_path, capsys):
    path = broken_copy(
        tmp_path,
        "    passion: Reading for pleasure, for every age.\n",
        "    passion: [Reading for pleasure, for every age.\n",
    )
    line, column, message = the_error(path)
    assert (line, column) == (line_of(path.read_text(), "passion: [Reading"), 14)
    assert "YAML syntax: the [ that opens here is not closed (hint: close it with ]" in message
    assert validate(path, capsys)[0] == EXIT_INVALID


def test_a_tab_in_the_indentation_gets_a_hint_about_spaces(tmp_path, capsys):
    path = broken_copy(tmp_path, "    brand: 4\n", "\tbrand: 4\n")
    line, _, message = the_error(path)
    assert line == line_of(path.read_text(), "\tbrand: 4")
    assert "tab" in message
    assert validate(path, capsys)[0] == EXIT_INVALID


def test_bare_words_and_numbers_mean_what_the_author_wrote_not_what_yaml_1_1_guesses(tmp_path):
    """``label: no`` is the text "no" (not false), ``10:00`` is a time (not 600)."""
    path = broken_copy(tmp_path, "label: Library sign only", "label: no")
    path.write_text(path.read_text().replace("label: Weekends only, as a pilot", "label: 10:00"))
    scenario = check_file(path).scenario()
    assert scenario.projects[0].issues[0].options[0].label == "no"
    assert scenario.projects[0].issues[1].options[2].label == "10:00"


def test_a_yes_where_true_or_false_belongs_is_explained(tmp_path):
    path = broken_copy(
        tmp_path, "  - id: chain-discount\n", "  - id: chain-discount\n    repeatable: yes\n"
    )
    _, _, message = the_error(path)
    assert 'expected true or false, found the text "yes" (hint: write true or false)' in message


@pytest.mark.parametrize("word", ["true", "False"])
def test_a_bare_true_or_false_where_text_belongs_is_explained_as_such(tmp_path, word):
    """Only true and false are true/false (in any case): not "the number True"."""
    path = broken_copy(tmp_path, "label: Library sign only", f"label: {word}")
    _, _, message = the_error(path)
    said = word.lower()
    assert f"expected text, but YAML reads the bare word {said} as true/false" in message
    assert f'(hint: put it in quotes: "{said}")' in message


def test_a_number_with_a_leading_zero_is_not_read_as_octal(tmp_path):
    path = broken_copy(tmp_path, "    brand: 4\n", "    brand: 010\n")
    _, _, message = the_error(path)
    assert 'roles[library].brand: expected a whole number, found the text "010"' in message


def test_a_quoted_number_is_text_and_says_so(tmp_path):
    path = broken_copy(
        tmp_path,
        "      no_deal_value: 15\n",
        '      no_deal_value: 15\n      min_participants: "3"\n',
    )
    _, _, message = the_error(path)
    assert 'expected a whole number, found the text "3"' in message


def test_ids_that_yaml_1_1_would_turn_into_booleans_are_ids(tmp_path):
    """An option called "no" (a natural answer to "Bank logo on the bus?") just works."""
    text = (SCENARIOS / "tutorial-reading-cafe.yaml").read_text().replace("weekends-only", "no")
    path = tmp_path / "no.yaml"
    path.write_text(text)
    assert check_file(path).ok, [str(d) for d in check_file(path).diagnostics]


def test_every_mistake_in_a_file_is_reported_in_one_run(tmp_path, capsys):
    text = (SCENARIOS / "tutorial-reading-cafe.yaml").read_text()
    text = text.replace("    brand: 4\n", "    brnad: 4\n")
    text = text.replace("sector: market", "sector: markt")
    text = text.replace("option: cafe-logo-on-shelves", "option: nowhere")
    path = tmp_path / "three-mistakes.yaml"
    path.write_text(text)
    messages = [str(d) for d in check_file(path).errors]
    assert len(messages) == 3, messages
    code, output = validate(path, capsys)
    assert code == EXIT_INVALID
    assert "3 errors, not valid" in output


def test_a_walk_away_value_no_deal_can_reach_is_a_warning_not_an_error(tmp_path, capsys):
    path = broken_copy(tmp_path, "        reading-cafe: 25\n", "        reading-cafe: 95\n")
    result = check_file(path)
    assert result.ok
    assert len(result.warnings) == 1
    warning = result.warnings[0]
    assert warning.line == line_of(path.read_text(), "reading-cafe: 95")
    assert "is not below the most any deal can give this role (80)" in str(warning)
    assert str(warning).startswith(f"{path}:{warning.line}:23: warning: ")
    assert validate(path, capsys)[0] == 0
    assert main(["validate", "--strict", str(path)]) == EXIT_INVALID


@pytest.mark.skipif(not HEALTH.exists(), reason="written alongside")
def test_mistakes_are_found_in_a_four_role_scenario_too(tmp_path):
    text = HEALTH.read_text()
    path = tmp_path / "health.yaml"
    path.write_text(text.replace("sector: civic", "sector: civil", 1))
    _, _, message = the_error(path)
    assert 'did you mean "civic"?' in message


def test_a_missing_space_after_a_colon_points_at_that_line_and_shows_the_fix(tmp_path):
    path = broken_copy(tmp_path, "    name: Kringle Café\n", "    name:Kringle Café\n")
    line, _, message = the_error(path)
    assert line == line_of(path.read_text(), "name:Kringle")
    assert (
        'there is no space after the colon (hint: write a space after it: "name: Kringle Café")'
        in message
    )


def test_a_field_indented_too_far_names_both_lines(tmp_path):
    path = broken_copy(tmp_path, "    sector: market\n", "      sector: market\n")
    line, _, message = the_error(path)
    assert line == line_of(path.read_text(), "      sector: market")
    assert f"indented further than line {line - 1}" in message


def test_a_field_in_the_wrong_mapping_is_told_where_it_belongs(tmp_path):
    path = broken_copy(tmp_path, "      red_lines:\n", "    red_lines:\n")
    text = path.read_text()
    start = text.index("    red_lines:\n")
    block = text[start:].split("\n\n", 1)[0]
    path.write_text(text.replace(block, block.replace("\n      ", "\n    ")))
    result = check_file(path)
    assert any('red_lines belongs inside "brief"' in str(d) for d in result.errors)


@pytest.mark.parametrize("word", ["all", "trainer", "public"])
def test_a_role_cannot_be_called_by_a_reserved_word(tmp_path, word):
    path = broken_copy(tmp_path, "  - id: cafe\n", f"  - id: {word}\n")
    assert any("reserved word" in str(d) for d in check_file(path).errors)


def test_a_role_listed_twice_among_the_required_is_an_error(tmp_path):
    path = broken_copy(tmp_path, "required: [library, cafe]", "required: [library, cafe, cafe]")
    _, _, message = the_error(path)
    assert '"cafe" is listed twice' in message


def test_a_card_that_can_never_be_drawn_is_a_warning(tmp_path):
    path = broken_copy(
        tmp_path, "when: {round_at_least: 2}", "when: {round_at_least: 3, round_at_most: 2}"
    )
    warnings = [str(d) for d in check_file(path).warnings]
    assert any("round_at_least 3 is above round_at_most 2" in w for w in warnings), warnings


def test_a_misspelt_competency_a_project_needs_is_a_warning(tmp_path):
    path = broken_copy(tmp_path, "needs: [venue, hospitality]", "needs: [venu, hospitality]")
    warnings = [str(d) for d in check_file(path).warnings]
    assert any(
        'no role has the competency "venu" (hint: did you mean "venue"?)' in w for w in warnings
    )


def test_a_hash_in_free_text_is_a_warning_but_a_comment_after_a_word_is_not(tmp_path):
    path = broken_copy(
        tmp_path,
        "    passion: Reading for pleasure, for every age.\n",
        "    passion: We are #1 for reading\n",
    )
    path.write_text(
        path.read_text().replace("    kind: business\n", "    kind: business  #see guide\n")
    )
    warnings = [str(d) for d in check_file(path).warnings]
    assert len(warnings) == 1
    assert 'roles[library].passion: the text stops where "#1 for reading" begins' in warnings[0]
