"""A scenario file is untrusted input: hostile or broken files end in a clear error, fast.

Each story runs the real command in a subprocess, as an author would, and checks: a
non-zero exit, one clear line naming the file, no traceback, no side effect, and an
answer within two seconds.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.scenario import yaml_source
from game.scenario.loading import check_bytes
from tests.helpers import TUTORIAL


def run_validate(path: Path) -> tuple[int, str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    elapsed = time.perf_counter() - started
    return done.returncode, done.stdout + done.stderr, elapsed


def assert_clear_refusal(path: Path, fragment: str) -> str:
    code, output, elapsed = run_validate(path)
    assert code == 1, output
    assert "Traceback" not in output
    assert f"{path}:" in output
    assert fragment in output, output
    assert elapsed < 2.0, f"took {elapsed:.2f} s"
    return output


def test_a_python_object_tag_is_refused_and_runs_nothing(tmp_path):
    witness = tmp_path / "witness"
    path = tmp_path / "evil.yaml"
    path.write_text(
        f"id: !!python/object/apply:os.system ['touch {witness}']\n"
        f"title: !!python/object/new:pathlib.Path ['{witness}']\n"
    )
    output = assert_clear_refusal(path, "the tag !!python/object/apply:os.system is not allowed")
    assert not witness.exists()
    assert ":1:5:" in output


def test_a_custom_local_tag_is_refused(tmp_path):
    path = tmp_path / "tagged.yaml"
    path.write_text("id: !secret value\n")
    assert_clear_refusal(path, "the tag !secret is not allowed")


def test_an_alias_bomb_is_stopped_before_it_expands(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert_clear_refusal(path, "the document expands to more than")


def test_an_alias_that_refers_to_itself_is_stopped(tmp_path):
    path = tmp_path / "loop.yaml"
    path.write_text("id: &loop [*loop]\n")
    assert_clear_refusal(path, "nests deeper than")


def test_deep_nesting_is_refused_before_the_parser_recurses(tmp_path):
    depth = 100_000
    path = tmp_path / "deep.yaml"
    path.write_text("id: " + "[" * depth + "]" * depth + "\n")
    assert_clear_refusal(path, f"nests deeper than {yaml_source.MAX_DEPTH} levels")


def test_deep_block_nesting_is_refused_too(tmp_path):
    path = tmp_path / "deep-block.yaml"
    path.write_text(
        "".join(f"{'  ' * level}k{level}:\n" for level in range(200)) + "  " * 200 + "x: 1\n"
    )
    assert_clear_refusal(path, "nests deeper than")


def test_a_very_large_file_is_refused_without_parsing_it(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(TUTORIAL.read_bytes() + b"# padding\n" * 2_000_000)
    assert_clear_refusal(path, "a scenario may be at most")


def test_binary_content_is_refused(tmp_path):
    path = tmp_path / "picture.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_clear_refusal(path, "binary data, not text")


def test_a_file_in_a_wrong_encoding_names_the_line_and_says_to_save_as_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    text = TUTORIAL.read_text(encoding="utf-8").replace(
        "Kringle Café", "Kringle Caf\u00e9 \u00c6\u00d8"
    )
    path.write_bytes(text.encode("latin-1", errors="replace"))
    output = assert_clear_refusal(path, "is not UTF-8 text")
    assert "save the file as UTF-8" in output


def test_utf16_is_recognised_and_named(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes(TUTORIAL.read_text(encoding="utf-8").encode("utf-16"))
    assert_clear_refusal(path, "UTF-16")


@pytest.mark.parametrize("content", [b"", b"\n\n", b"# only a comment\n", b"---\n"])
def test_an_empty_file_says_so_and_points_at_the_scaffold(tmp_path, content):
    path = tmp_path / "empty.yaml"
    path.write_bytes(content)
    output = assert_clear_refusal(path, "the file is empty")
    assert "outofthebox new" in output


def test_a_document_that_is_not_a_mapping_says_what_a_scenario_looks_like(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- just\n- a list\n")
    assert_clear_refusal(path, "a scenario is a mapping of keys")


def test_two_documents_in_one_file_are_refused(tmp_path):
    path = tmp_path / "two.yaml"
    path.write_text("id: a\n---\nid: b\n")
    output = assert_clear_refusal(path, "a second document starts here")
    assert f"{path}:2:1:" in output


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + TUTORIAL.read_bytes())
    code, output, _ = run_validate(path)
    assert code == 0, output


def test_over_long_numbers_in_any_notation_are_errors_not_crashes(tmp_path):
    path = tmp_path / "long-number.yaml"
    for number in ("1" * 5000, "0x" + "f" * 4000, "1" + ":59" * 3000):
        path.write_text(f"rounds: {number}\ntitle: {number}\n")
        assert_clear_refusal(path, "rounds: expected a whole number, found the text")


TUTORIAL_TEXT = TUTORIAL.read_text(encoding="utf-8")


@given(
    cuts=st.lists(
        st.tuples(
            st.integers(0, len(TUTORIAL_TEXT)),
            st.integers(0, 40),
            st.text(alphabet=" \t\n:-[]{}&*!|>'\"#%@`,?abc019", max_size=6),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_a_scenario_mangled_anywhere_gives_diagnostics_never_an_exception(cuts):
    text = TUTORIAL_TEXT
    for start, length, insert in cuts:
        text = text[:start] + insert + text[start + length :]
    result = check_bytes(text.encode("utf-8"), "mangled.yaml")
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert diagnostic.message


@given(raw=st.binary(max_size=400))
def test_any_bytes_at_all_give_diagnostics_never_an_exception(raw):
    result = check_bytes(raw, "noise.yaml")
    assert result.errors or result.ok


HOSTILE_SHAPES = {
    "1,200 roles against 1,200 projects": lambda: (
        "roles:\n"
        + "".join(f"- {{id: r{i}, brief: {{points: {{}}}}}}\n" for i in range(1200))
        + "projects:\n"
        + "".join(f"- {{id: p{i}}}\n" for i in range(1200))
    ),
    "20,000 broken events": lambda: "events:\n" + "- {x: 1}\n" * 20_000,
    "90,000 unknown keys": lambda: "".join(f"k{i}: 1\n" for i in range(90_000)),
    "a flat list of 450,000 numbers": lambda: "id: [" + ",".join(["1"] * 450_000) + "]\n",
}


@pytest.mark.parametrize("shape", HOSTILE_SHAPES, ids=list(HOSTILE_SHAPES))
def test_big_hostile_files_under_the_size_limit_answer_fast_with_few_lines(tmp_path, shape):
    path = tmp_path / "shape.yaml"
    path.write_text(HOSTILE_SHAPES[shape]())
    code, output, elapsed = run_validate(path)
    assert code == 1 and "Traceback" not in output
    assert elapsed < 2.5, f"took {elapsed:.2f} s"
    assert len(output.splitlines()) <= 102


def test_a_file_cannot_colour_the_terminal_or_forge_a_line_of_output(tmp_path):
    path = tmp_path / "escape.yaml"
    path.write_text('id: a\n"\\e[31mRED\\e[0m\\nfake.yaml:1:1: all good": 1\n')
    _, output, _ = run_validate(path)
    assert "\x1b" not in output
    assert not any(line.startswith("fake.yaml") for line in output.splitlines())


def test_a_control_character_is_named_at_its_line_and_column(tmp_path):
    path = tmp_path / "bell.yaml"
    path.write_bytes(b'id: a\ntitle: "x"\nsummary: ab\x07c\n')
    output = assert_clear_refusal(path, "the character '\\x07' is not allowed")
    assert f"{path}:3:12:" in output


def test_an_undefined_alias_is_named(tmp_path):
    path = tmp_path / "alias.yaml"
    path.write_text("id: a\ntitle: *nope\n")
    assert_clear_refusal(path, '"*nope" refers to an anchor "&nope" that is not defined')
