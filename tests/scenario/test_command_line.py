"""The command line an author and a trainer use: exit codes, output formats, speed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from game.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main
from tests.helpers import BUILT_IN, TUTORIAL, broken_copy


def test_all_built_in_scenarios_validate_with_exit_zero(capsys):
    assert main(["validate", *map(str, BUILT_IN)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.count(": valid") == len(BUILT_IN)


def test_json_output_lists_each_file_and_each_problem(tmp_path, capsys):
    broken = broken_copy(tmp_path, "sector: market", "sector: markt")
    assert main(["validate", "--format", "json", str(TUTORIAL), str(broken)]) == EXIT_INVALID
    report = json.loads(capsys.readouterr().out)
    assert [entry["valid"] for entry in report] == [True, False]
    (problem,) = report[1]["diagnostics"]
    assert problem["path"] == "roles[cafe].sector"
    assert problem["hint"] == 'did you mean "market"?'
    assert problem["severity"] == "error"
    assert isinstance(problem["line"], int) and isinstance(problem["column"], int)


def test_a_missing_file_is_a_usage_error_and_the_other_files_are_still_checked(tmp_path, capsys):
    assert main(["validate", str(TUTORIAL), str(tmp_path / "nope.yaml")]) == EXIT_USAGE
    out = capsys.readouterr().out
    assert f"{TUTORIAL}: valid" in out
    assert "nope.yaml:1:1: cannot read: No such file or directory" in out
    assert main(["validate", str(tmp_path)]) == EXIT_USAGE
    assert "it is a folder" in capsys.readouterr().out


def test_unknown_commands_and_missing_arguments_are_usage_errors():
    for argv in (["validate"], ["frobnicate"], ["validate", "--format", "xml", str(TUTORIAL)]):
        done = subprocess.run(
            [sys.executable, "-m", "game", *argv], capture_output=True, text=True, timeout=30
        )
        assert done.returncode == EXIT_USAGE, argv
        assert "Traceback" not in done.stderr
        assert "--help)" in done.stderr


def test_the_play_command_opens_the_title_screen(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "OUTOFTHEBOX_FIRST_FRAME_ONLY": "1", "OUTOFTHEBOX_SAVES": str(tmp_path)}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "game"], capture_output=True, text=True, timeout=30, env=env
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert "first frame" in done.stdout


def test_without_a_screen_the_play_command_says_what_is_missing_in_one_line(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "no-such-driver", "OUTOFTHEBOX_SAVES": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "game"], capture_output=True, text=True, timeout=30, env=env
    )
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "no screen to draw on" in done.stderr


def test_playing_an_invalid_scenario_shows_its_errors_and_exits_1(tmp_path):
    broken = broken_copy(tmp_path, "sector: market", "sector: markt")
    done = subprocess.run(
        [sys.executable, "-m", "game", "play", str(broken)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == EXIT_INVALID
    assert 'did you mean "market"?' in done.stderr


def test_validate_does_not_import_pygame_or_the_pydantic_models():
    """Keeping imports lazy is what keeps validate fast; see benchmarks/validate.py."""
    code = (
        "import sys; from game.cli import main; main(['validate', sys.argv[1]]);"
        "bad = [m for m in ('pygame', 'pydantic.main', 'game.scenario.model') if m in sys.modules];"
        "print('LOADED', bad)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(TUTORIAL)], capture_output=True, text=True, timeout=30
    )
    assert "LOADED []" in done.stdout, done.stdout + done.stderr
