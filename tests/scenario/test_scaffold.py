"""``outofthebox new``: a first-time author starts from a file that already works."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.cli import EXIT_OK, EXIT_USAGE, main
from game.scenario.loading import check_bytes
from game.scenario.scaffold import guess_kind, scaffold_text
from tests.helpers import ROOT


def test_the_default_scaffold_validates_as_written_and_counts_its_todos(tmp_path, capsys):
    path = tmp_path / "my-town.yaml"
    assert main(["new", str(path)]) == EXIT_OK
    assert main(["validate", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert f"{path}: valid (1 warning)\n" in out
    assert "texts of the scaffold still say TODO" in out


def test_danish_role_ids_get_their_kinds_too():
    assert guess_kind("bibliotek") == ("librarian", "public")
    assert guess_kind("teatret") == ("theatre", "civic")
    assert guess_kind("laeseforening") == ("literacy-organization", "civic")


def test_the_scaffold_for_the_issue_s_four_roles_names_them_with_their_kinds(tmp_path):
    path = tmp_path / "four.yaml"
    assert main(["new", str(path), "--roles", "library,museum,business,community-group"]) == 0
    scenario = check_bytes(path.read_bytes(), str(path)).scenario()
    kinds = {role.id: (role.kind, role.sector) for role in scenario.roles}
    assert kinds == {
        "library": ("librarian", "public"),
        "museum": ("museum", "public"),
        "business": ("business", "market"),
        "community-group": ("community-group", "civic"),
    }


def test_the_scaffold_explains_itself_in_comments():
    text = scaffold_text(["library", "museum"])
    for words in ("outofthebox validate", "walk-away value", "red_lines", "commercial-free"):
        assert words in text
    assert "\t" not in text


role_ids = st.lists(
    st.from_regex(r"[a-z][a-z0-9-]{0,14}", fullmatch=True), min_size=2, max_size=6, unique=True
)


@given(roles=role_ids)
def test_a_scaffold_for_any_two_to_six_roles_validates(roles):
    result = check_bytes(scaffold_text(roles).encode(), "new.yaml")
    assert result.errors == []


def test_new_never_overwrites_a_file_by_accident(tmp_path, capsys):
    path = tmp_path / "mine.yaml"
    path.write_text("my careful work")
    assert main(["new", str(path)]) == EXIT_USAGE
    assert path.read_text() == "my careful work"
    assert "exists already" in capsys.readouterr().err
    assert main(["new", str(path), "--force"]) == EXIT_OK


def test_bad_role_lists_are_usage_errors(tmp_path, capsys):
    path = tmp_path / "x.yaml"
    assert main(["new", str(path), "--roles", "library"]) == EXIT_USAGE
    assert main(["new", str(path), "--roles", "Library,Museum"]) == EXIT_USAGE
    assert main(["new", str(path), "--roles", "library,library"]) == EXIT_USAGE
    assert main(["new", str(tmp_path / "no-such-dir" / "x.yaml")]) == EXIT_USAGE
    assert not path.exists()
    err = capsys.readouterr().err
    assert "lower-case letters" in err
    assert 'e.g. "library"' in err


def test_kinds_are_guessed_from_the_words_of_a_role_id():
    assert guess_kind("city-library") == ("librarian", "public")
    assert guess_kind("science-centre") == ("science-centre", "public")
    assert guess_kind("parents-association") == ("community-group", "civic")
    assert guess_kind("telephone-company") == ("telephone-operator", "market")
    assert guess_kind("zz-top") == ("other", "civic")


@pytest.mark.parametrize(
    ("role_id", "kind", "sector"),
    [
        ("museum-shop", "museum", "public"),  # the beginning listed first wins, not the word
        ("cafe-library", "librarian", "public"),
        ("laeseforening", "literacy-organization", "civic"),  # five letters inside a word
        ("sparekassen", "business", "market"),
        ("it-firm", "it-business", "market"),
        ("visit-centre", "other", "civic"),  # "it" must be the whole word
        ("students", "other", "civic"),
        ("zoo", "other", "civic"),
    ],
)
def test_the_guides_account_of_how_the_scaffold_guesses_a_kind_holds(role_id, kind, sector):
    """docs/scenario-format.md, "Start in three steps": the examples it gives."""
    assert guess_kind(role_id) == (kind, sector)
    guide = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    for example in ("`museum-shop` is a museum", "`cafe-library` a library", "`students`"):
        assert example in guide
