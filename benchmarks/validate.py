"""How long ``outofthebox validate`` takes for one scenario, interpreter start included.

The goal is 0.3 s wall or less (issue 2). Prints the median and the worst of N runs of the
installed console script, after one warm-up run that fills the compiled-schema cache (the
first run after installing or after a change to the format derives it: about 0.4 s).

    python benchmarks/validate.py [SCENARIO] [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=str(ROOT / "scenarios/health-exchange.yaml"))
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    script = shutil.which("outofthebox", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "game"]
    command += ["validate", args.scenario]
    subprocess.run(command, check=True, capture_output=True)  # warm-up: fills the cache
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    size = Path(args.scenario).stat().st_size
    print(f"validate {Path(args.scenario).name} ({size:,} bytes), {args.runs} runs of {command[0]}")
    median, worst, best = statistics.median(times), max(times), min(times)
    print(f"  median {median:.3f} s   worst {worst:.3f} s   best {best:.3f} s")


if __name__ == "__main__":
    main()
