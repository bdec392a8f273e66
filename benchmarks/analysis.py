"""The analyser's speed on two generated six-role projects: 720 deals and 5^8 = 390,625.

Goal (issue 5): each project analysed (counts, Pareto-optimal set, Nash and best deal,
dead and dominated options) in 0.5 s or less. Two more lines go beyond the goal: a
390,625-deal project where every deal passes (the Pareto search's worst case), and one of
10^8 deals of which the analyser samples 10^6. The scenarios are written here as YAML
from a seed and checked like any file, so nothing large is committed. Prints figures;
passes or fails nothing.

    python benchmarks/analysis.py [--seed N] [--repeats N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.scenario.loading import check_file  # noqa: E402
from game.scoring.analysis.project import analyse_project  # noqa: E402

ROLES = [
    ("library", "librarian", "public"),
    ("council", "public-sector", "public"),
    ("museum", "museum", "public"),
    ("business", "business", "market"),
    ("neighbours", "community-group", "civic"),
    ("green", "voluntary-organization", "civic"),
]


def project(name: str, options: list[int], approval: dict) -> dict:
    issues = [
        {"id": f"issue-{k}", "title": f"Issue {k}",
         "options": [{"id": f"option-{o}", "label": f"Option {o}"} for o in range(count)]}
        for k, count in enumerate(options)
    ]  # fmt: skip
    return {"id": name, "title": name.title(), "description": "Generated for the benchmark.",
            "issues": issues, "approval": approval}  # fmt: skip


def scenario_text(seed: int) -> str:
    """Six roles and two projects with seeded random points; each walk-away value sits in
    the middle of what the role can get, as a scenario author would set it."""
    generator = np.random.default_rng(seed)
    projects = [
        # 5 × 4 × 3 × 2 = 120 option choices for 6 groups (the library and 4 or 5 others)
        project("small", [5, 4, 3, 2], {"required": ["library"], "min_participants": 5}),
        # 5^8 option choices for the whole table, five of six must agree (the classic shape)
        project("large", [5] * 8, {"min_participants": 6, "quorum": 5, "proposers": ["library"],
                                   "required": ["library", "council"], "vetoes": ["council"]}),
    ]  # fmt: skip
    # beyond the goal: every deal passes (walk-away values at the lowest, no red lines), the
    # Pareto search's worst case; and 10^8 option choices, of which 10^6 are sampled
    projects.append(project("everything-passes", [5] * 8, {"min_participants": 6}))
    projects.append(project("sampled", [10] * 8, {"min_participants": 6}))
    stress = {"everything-passes", "sampled"}
    roles = []
    for index, (role, kind, sector) in enumerate(ROLES):
        points, walk_away, red_lines = {}, {}, []
        for p in projects:
            table = {
                issue["id"]: {
                    option["id"]: int(generator.integers(0, 31)) for option in issue["options"]
                }
                for issue in p["issues"]
            }
            points[p["id"]] = table
            low = sum(min(v.values()) for v in table.values())
            high = sum(max(v.values()) for v in table.values())
            walk_away[p["id"]] = low if p["id"] in stress else (low + high) // 2
            if (
                index % 2 == 0 and p["id"] not in stress
            ):  # every other role has a red line on each project
                issue = p["issues"][index % len(p["issues"])]
                line = {"issue": issue["id"], "option": issue["options"][0]["id"]}
                red_lines.append({"project": p["id"], **line, "reason": "Never."})
        brief = {"text": "Generated.", "points": points, "walk_away": walk_away,
                 "red_lines": red_lines, "risk_tolerance": 5}  # fmt: skip
        roles.append({"id": role, "name": role.title(), "kind": kind, "sector": sector,
                      "mission": "Generated.", "passion": "Generated.", "ambitions": ["More."],
                      "resources": {"staff_time": 4, "budget": 4}, "brief": brief})  # fmt: skip
    document = {"format": 1, "id": "analyser-benchmark", "title": "Analyser benchmark",
                "summary": "Generated for benchmarks/analysis.py.", "roles": roles,
                "projects": projects}  # fmt: skip
    return yaml.safe_dump(document, sort_keys=False)


def load(text: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "benchmark.yaml"
        path.write_text(text, encoding="utf-8")
        result = check_file(path)
        if not result.ok:
            raise SystemExit("\n".join(str(d) for d in result.errors))
        return result.scenario()


def timed(scenario, project_id: str, repeats: int):
    """The best wall time of ``repeats`` analyses, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = analyse_project(scenario, scenario.project(project_id))
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    scenario = load(scenario_text(args.seed))
    print("analyser, six roles, best of", args.repeats, "runs (goal: 0.5 s or less each)")
    for project_id in ("small", "large", "everything-passes", "sampled"):
        if project_id == "everything-passes":
            print("beyond the goal:")
        seconds, result = timed(scenario, project_id, args.repeats)
        sample = f"{result.examined:,} sampled, " if result.sampled else ""
        print(
            f"  {result.possible:>11,} deals: {seconds:6.3f} s   "
            f"({sample}{result.approvable:,} pass, "
            f"{result.unanimous:,} unanimous, {result.pareto_count:,} Pareto-optimal, "
            f"{len(result.dead_options)} dead options)"
        )


if __name__ == "__main__":
    main()
