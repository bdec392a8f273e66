"""``outofthebox serve --resume SAVE``: the saved game on its own port with its own codes,
so the phones come back without joining again; a missing or damaged save is said plainly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

from tests.helpers import ROOT, TUTORIAL


def serve(tmp_path, *arguments: str) -> tuple[subprocess.Popen, list[str]]:
    env = {**os.environ, "OUTOFTHEBOX_SAVES": str(tmp_path), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "game", "serve", *arguments, "--host", "127.0.0.1"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)  # fmt: skip
    assert process.stdout is not None
    lines = []
    while len(lines) < 10 and "Ctrl+C" not in (lines or [""])[-1]:  # the last line says it
        lines.append(process.stdout.readline())
    return process, lines


def stopped(process: subprocess.Popen, how: int = signal.SIGINT) -> str:
    process.send_signal(how)
    _, err = process.communicate(timeout=10)
    return err


def test_a_resumed_game_listens_on_its_port_with_its_codes(tmp_path):
    first, lines = serve(tmp_path, str(TUTORIAL), "--port", "0", "--seed", "4")
    try:
        save = next(p for p in tmp_path.glob("*.json") if p.name.count(".") == 1)
        codes = json.loads(next(tmp_path.glob("*.codes.json")).read_text(encoding="utf-8"))
        assert lines[0].strip() == f"http://127.0.0.1:{codes['port']}/"  # saved before shown
    finally:
        stopped(first, signal.SIGKILL)  # a crash: the port and the codes are on disk
    again, relines = serve(tmp_path, "--resume", str(save))
    try:
        assert relines[:-1] == lines[:-1]  # the same address, the same codes
        assert relines[-1].startswith("Resumed after 0 actions.")
    finally:
        err = stopped(again)
    assert again.returncode == 0 and "Traceback" not in err


def test_a_missing_or_damaged_save_is_said_plainly_and_left_as_it_is(tmp_path):
    env = {**os.environ, "OUTOFTHEBOX_SAVES": str(tmp_path), "PYTHONPATH": str(ROOT)}

    def resume(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "game", "serve", *arguments], env=env,
                              capture_output=True, text=True, timeout=30)  # fmt: skip

    missing = resume("--resume", str(tmp_path / "gone.json"))
    assert missing.returncode == 2 and "no such save" in missing.stderr
    damaged = tmp_path / "cut.json"
    damaged.write_text('{"format": 1, "actions": [', encoding="utf-8")
    cut = resume("--resume", str(damaged))
    assert cut.returncode == 2 and "the save is damaged or cut short" in cut.stderr
    assert damaged.read_text(encoding="utf-8") == '{"format": 1, "actions": ['
    both = resume(str(TUTORIAL), "--resume", str(damaged))
    assert both.returncode == 2 and "not both" in both.stderr
    for done in (missing, cut, both):
        assert "Traceback" not in done.stderr


def test_a_save_without_its_codes_goes_on_with_new_codes_said_on_stderr(tmp_path):
    first, lines = serve(tmp_path, str(TUTORIAL), "--port", "0", "--seed", "4")
    stopped(first, signal.SIGKILL)
    save = next(p for p in tmp_path.glob("*.json") if p.name.count(".") == 1)
    next(tmp_path.glob("*.codes.json")).unlink()
    again, relines = serve(tmp_path, "--resume", str(save), "--port", "0")
    try:
        assert relines[0].startswith("http://127.0.0.1:")
        trainer = [line for line in relines if line.startswith("Trainer: ")]
        assert trainer and trainer[0] not in lines  # new codes
    finally:
        err = stopped(again)
    assert "missing or damaged" in err and "new cards" in err and "Traceback" not in err
