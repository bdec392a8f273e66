"""The projector screens' speed: frame draw time, idle CPU, and launch to first frame.

Goals (issue 4): a frame of the table with 4 roles and 6 deals at 1920×1080 drawn in
8 ms or less at the 95th percentile; an idle table at 2 % of one core or less; the first
frame within 1.5 s of launching. Prints figures; passes or fails nothing.

    python benchmarks/ui.py [--frames N] [--idle SECONDS]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.ui.app import BUSY_FPS, IDLE_FPS  # noqa: E402
from game.ui.shot import staged_app  # noqa: E402

SCENARIO = ROOT / "scenarios" / "children-and-families.yaml"


def frame_times(frames: int) -> list[float]:
    with tempfile.TemporaryDirectory() as saves:
        app = staged_app("table", (1920, 1080), SCENARIO, 7, "en", Path(saves))
        open_deals = len(app.workshop.state.open_deals())
        roles = len(app.workshop.state.scenario.roles)
        print(f"table: {roles} roles, {open_deals} open deals, 1920x1080")
        times = []
        for _ in range(frames):
            started = time.perf_counter()
            app.draw()  # a whole frame, as after any change
            times.append(time.perf_counter() - started)
        return times


def idle_cpu(seconds: float) -> float:
    """The share of one core the real loop uses on a table where nothing happens."""
    with tempfile.TemporaryDirectory() as saves:
        app = staged_app("table", (1920, 1080), SCENARIO, 7, "en", Path(saves))
        app.timer.stop()  # a stopped clock: nothing changes on screen
        cpu, wall = time.process_time(), time.perf_counter()
        while time.perf_counter() - wall < seconds:
            app.step()
            app.clock.tick(BUSY_FPS if app.dirty else IDLE_FPS)
        return (time.process_time() - cpu) / (time.perf_counter() - wall)


def first_frame(runs: int = 5) -> list[float]:
    times = []
    env = {**os.environ, "OUTOFTHEBOX_FIRST_FRAME_ONLY": "1"}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as saves:
            env["OUTOFTHEBOX_SAVES"] = saves
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "game", "--size", "1920x1080"],
                env=env,
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            times.append(time.perf_counter() - started)
            if "first frame" not in done.stdout:
                raise SystemExit(f"the game did not draw a frame: {done.stderr.strip()[-300:]}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--idle", type=float, default=10.0)
    args = parser.parse_args()
    times = sorted(frame_times(args.frames))
    median = statistics.median(times) * 1000
    p95 = times[int(len(times) * 0.95) - 1] * 1000
    print(
        f"frame draw: median {median:.2f} ms   p95 {p95:.2f} ms   "
        f"({args.frames} frames; goal p95 <= 8 ms)"
    )
    share = idle_cpu(args.idle)
    print(f"idle table: {share * 100:.2f} % of one core over {args.idle:.0f} s (goal <= 2 %)")
    launches = first_frame()
    print(
        f"launch to first frame: median {statistics.median(launches):.2f} s, "
        f"worst {max(launches):.2f} s "
        "(title screen, interpreter start included; goal <= 1.5 s)"
    )


if __name__ == "__main__":
    main()
