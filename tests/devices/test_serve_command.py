"""``outofthebox serve``: the join address first, then the room page's, then the codes;
Ctrl+C ends it cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

from tests.helpers import ROOT, TUTORIAL


def test_serve_prints_the_address_first_then_the_codes_and_stops_on_ctrl_c(tmp_path):
    env = {**os.environ, "OUTOFTHEBOX_SAVES": str(tmp_path), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "game", "serve", str(TUTORIAL), "--host", "127.0.0.1",
               "--port", "0", "--seed", "4"]  # fmt: skip
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)  # fmt: skip
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(5)]
        address = lines[0].strip()
        assert address.startswith("http://127.0.0.1:") and address.endswith("/"), lines
        with urllib.request.urlopen(address, timeout=5) as answer:
            assert b"<html" in answer.read()
        room = lines[1].strip().rsplit(" ", 1)[-1]
        assert lines[1].startswith("The room's screen") and room == address + "room", lines
        with urllib.request.urlopen(room, timeout=5) as answer:
            assert b"/static/room.js" in answer.read()
        codes_file = next(tmp_path.glob("*.codes.json"))
        codes = json.loads(codes_file.read_text(encoding="utf-8"))
        assert lines[2].strip() == f"Vestby Public Library: {codes['teams']['library']}"
        assert lines[3].strip() == f"Kringle Café: {codes['teams']['cafe']}"
        assert lines[4].strip() == f"Trainer: {codes['trainer']}"
        seats = json.loads(next(tmp_path.glob("*.seats.json")).read_text(encoding="utf-8"))
        assert all(seat["device"] for seat in seats)
        time.sleep(0.2)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Traceback" not in err and "Traceback" not in out


def test_serve_refuses_a_missing_file_as_a_usage_error(tmp_path):
    env = {**os.environ, "OUTOFTHEBOX_SAVES": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "game", "serve", "nowhere.yaml"], env=env,
                          capture_output=True, text=True, timeout=30)  # fmt: skip
    assert done.returncode == 2 and "no such scenario file" in done.stderr
