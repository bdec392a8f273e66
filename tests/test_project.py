"""The project keeps its promises to a newcomer: two commands that work, CI that runs them,
clean code, and the layering rule (nothing below the screens imports pygame)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def shell_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S)]


def test_readme_gives_the_play_and_the_test_command_first():
    play, test = shell_blocks(README)[:2]
    assert "outofthebox" in play and "pip install" in play
    assert "pytest" in test and "pip install" in test


def test_ci_runs_exactly_the_readme_test_command_with_dummy_sdl_drivers():
    test_command = shell_blocks(README)[1]
    assert test_command in CI
    assert "SDL_VIDEODRIVER=dummy" in CI and "SDL_AUDIODRIVER=dummy" in CI


def test_python_dash_m_game_is_the_same_program():
    done = subprocess.run(
        [sys.executable, "-m", "game", "--help"], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0
    assert "validate" in done.stdout and "schema" in done.stdout and "new" in done.stdout


@pytest.mark.parametrize(
    "layer", ["scenario", "engine", "scoring", "bots", "report", "session", "devices"]
)
def test_nothing_below_the_screens_imports_pygame_or_the_screens(layer):
    """Arrows go one way: the screens use the layers below them, never the other way."""
    folder = ROOT / "game" / layer
    assert folder.is_dir(), f"the {layer} layer moved: update this test"
    for path in folder.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+pygame", source, re.M), path
        assert not re.search(r"^\s*(import|from)\s+game\.ui\b", source, re.M), path


@pytest.mark.parametrize("module", ["i18n", "saves", "timer", "words"])
def test_the_screens_door_to_the_game_imports_no_pygame_either(module):
    """What the screens use to act and to say things is tested like the engine."""
    source = (ROOT / "game" / "ui" / f"{module}.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import|from)\s+pygame", source, re.M)


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_the_code_is_ruff_clean(command):
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff comes with the test extra: pip install -e '.[test]'"
    done = subprocess.run(
        [ruff, *command, "game", "tests", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _imported(path: Path, modules: set[str]) -> set[str]:
    """The game's modules a file imports, anywhere in it (inside functions and
    ``TYPE_CHECKING`` blocks too: a type-only import still ties two files together)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found & modules


def test_the_game_has_no_import_circle():
    """Arrows go one way inside the layers too: a scene reaches the app only through
    ``game/ui/host.py`` and other scenes through ``Host.make``, never by an import that
    comes back round."""
    files = {}
    for path in (ROOT / "game").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        files[name] = path
    graph = {name: _imported(path, set(files)) - {name} for name, path in files.items()}
    circles = []
    for start in graph:  # a walk from each module: does it come back to where it began?
        seen, todo = set(), [(start, (start,))]
        while todo:
            node, trail = todo.pop()
            for nxt in graph[node]:
                if nxt == start:
                    circles.append(" -> ".join((*trail, start)))
                elif nxt not in seen:
                    seen.add(nxt)
                    todo.append((nxt, (*trail, nxt)))
            if circles:
                break
    assert not circles, circles[:3]
