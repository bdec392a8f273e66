"""The scenario analyser behind ``outofthebox analyze``: is a win-win deal possible on each
project, which deals are Pareto-optimal, which options and walk-away values are dead, and
which role wins how often when computers play the scenario over many seeds.

``space`` builds a project's deals as numpy arrays, ``pareto`` finds the Pareto-optimal
ones, ``project`` counts and names what the deals allow, ``tournament`` plays the games,
``report`` says it all in words or as JSON. The definitions are in docs/scoring.md ("The
analyser"). No pygame here.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.scenario.model import Scenario
from game.scoring.analysis.project import ProjectAnalysis, analyse_project
from game.scoring.analysis.space import MAX_DEALS
from game.scoring.analysis.tournament import Progress, Tournament, run_tournament

__all__ = ["MAX_DEALS", "ProjectAnalysis", "ScenarioAnalysis", "Tournament", "analyse"]


@dataclass(frozen=True)
class ScenarioAnalysis:
    scenario: Scenario
    projects: tuple[ProjectAnalysis, ...]
    tournament: Tournament | None  # None when no games were asked for


def analyse(
    scenario: Scenario,
    games: int = 0,
    max_deals: int = MAX_DEALS,
    progress: Progress | None = None,
    *,
    jobs: int | None = 1,
) -> ScenarioAnalysis:
    """Every project's deals, then ``games`` computer-only games (seeds 0 … games−1) on
    ``jobs`` processes (None: every core; see ``run_tournament``)."""
    if max_deals == MAX_DEALS:
        # the very analyses every game's scores compare with (``missed.analysed``): made
        # once here, and a forked tournament worker starts with them
        from game.scoring.missed import analysed

        made = analysed(scenario)
        projects = tuple(made[p.id] for p in scenario.projects)
    else:
        projects = tuple(analyse_project(scenario, p, max_deals) for p in scenario.projects)
    tournament = run_tournament(scenario, games, progress, jobs=jobs) if games > 0 else None
    return ScenarioAnalysis(scenario, projects, tournament)
