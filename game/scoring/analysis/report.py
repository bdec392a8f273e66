"""The analyser's findings in words a trainer reads without a programmer, or as JSON.

The JSON document carries the same facts under stable keys (docs/scoring.md lists them);
role, project, issue and option ids are used there, names and labels in the text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import IO, Any

import numpy as np

from game.scenario.model import Project, Scenario
from game.scoring.analysis import ScenarioAnalysis
from game.scoring.analysis.project import Deal, ProjectAnalysis
from game.scoring.analysis.tournament import Tournament

#: Pareto-optimal deals written out in the text (the JSON lists up to project.LISTED)
SHOWN = 3
#: the text's width: it reads on a terminal and in a handout
WIDTH = 92
#: fewer games than this and the win rates are called rough
ROUGH = 30


# ---------------------------------------------------------------- plain language


def imbalance(scenario: Scenario, tournament: Tournament) -> list[str]:
    """Sentences about roles that win far more, or far less, than a fair share.

    With n roles a fair share is 1/n. A role *wins far more* at twice its fair share or
    more, and for two roles at three games in four or more (twice a half is every game);
    it *rarely wins* at half its fair share or less.
    """
    count = len(scenario.roles)
    fair = 1 / count
    high = min(2 * fair, 0.75)
    lines = []
    for role in scenario.roles:
        rate = tournament.win_rate(role.id)
        if rate >= high:
            lines.append(f"{role.name} wins {_percent(rate)} of games (a fair share is "
                         f"{_percent(fair)}).")  # fmt: skip
    for role in scenario.roles:
        rate = tournament.win_rate(role.id)
        if rate == 0:
            lines.append(f"{role.name} never wins.")
        elif rate <= fair / 2:
            lines.append(f"{role.name} wins only {_percent(rate)} of games.")
    if not lines:
        lines.append(
            f"Balanced enough: no role wins {_percent(high)} of games or more, nor "
            f"{_percent(fair / 2)} or less (a fair share is {_percent(fair)})."
        )
    return lines


def _percent(share: float) -> str:
    return f"{round(100 * share)} %"


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


# ---------------------------------------------------------------- text


def text_report(analysis: ScenarioAnalysis, file: str) -> str:
    scenario = analysis.scenario
    lines = [
        f'Analysis of "{scenario.title}" ({file})',
        "A deal is a group of participants with one option for every issue. It passes the",
        "approval rule when enough of them would accept it (each gets at least its",
        "walk-away value, what it has without a deal, and none of its red lines is crossed).",
    ]
    if any(project.approval.unanimity_bonus for project in scenario.projects):
        lines.append("Points below include the unanimity bonus where everyone agrees.")
    for result in analysis.projects:
        lines += ["", *_project_text(scenario, scenario.project(result.project), result)]
    if analysis.tournament is not None:
        lines += ["", *_tournament_text(scenario, analysis.tournament)]
    return "\n".join(lines) + "\n"


def _project_text(scenario: Scenario, project: Project, result: ProjectAnalysis) -> list[str]:
    lines = [f"== {project.title} =="]
    lines += _wrap(f"Possible deals: {result.possible:,} ({_space(result)}).")
    if result.coalitions == 0:
        return [*lines, "No group of participants meets the approval rule: nobody can sign it."]
    if result.sampled:
        lines += _wrap(
            f"Too many to examine one by one: sampled {result.examined:,} of "
            f"{result.possible:,} deals, chosen at random (always the same ones). The "
            "numbers below are for the sample."
        )
    width = 26
    lines += [
        f"  {'pass the approval rule':<{width}}{result.approvable:>10,}",
        f"  {'unanimous':<{width}}{result.unanimous:>10,}",
        f"  {'every participant gains':<{width}}{result.everyone_gains:>10,}"
        "   (each ends above its walk-away value)",
        f"  {'Pareto-optimal':<{width}}{result.pareto_count:>10,}"
        "   (no passing deal is better for some, worse for none)",
    ]
    if result.approvable == 0:
        lines.append("No deal passes the approval rule: this project cannot be signed.")
    if result.welfare is not None:
        lines += ["", f"Best for the table (the largest total gain, {result.welfare.welfare:+}):"]
        lines += _deal_text(scenario, project, result.welfare)
    lines.append("")
    if result.nash is None:
        lines.append("Nash bargaining deal: none, because no deal gives every participant a gain.")
    elif result.nash == result.welfare:
        lines.append("Nash bargaining deal (the most balanced deal where every participant "
                     "gains: the largest product of their gains): the same deal.")  # fmt: skip
    else:
        lines.append("Nash bargaining deal (the most balanced deal where every participant "
                     "gains: the largest product of their gains):")  # fmt: skip
        lines += _deal_text(scenario, project, result.nash)
    others = [d for d in result.pareto if d not in (result.welfare, result.nash)][:SHOWN]
    if others:
        lines += ["", f"More Pareto-optimal deals, by total gain ({result.pareto_count:,} in all):"]
        for deal in others:
            lines += _deal_text(scenario, project, deal)
    return [*lines, "", *_roles_text(scenario, project, result)]


def _space(result: ProjectAnalysis) -> str:
    groups = (
        "one group of participants"
        if result.coalitions == 1
        else f"each of {result.coalitions:,} groups of participants"
    )
    said = f"{_count(result.choices, 'option choice')} for {groups}"
    if result.possible < result.choices * result.coalitions:
        said += "; an option that needs a partner counts only where that partner takes part"
    return said


def _deal_text(scenario: Scenario, project: Project, deal: Deal) -> list[str]:
    if len(deal.participants) == len(deal.outcome):
        who = "Everyone at the table"
    else:
        who = ", ".join(scenario.role(r).name for r in deal.participants)
    lines = _wrap(who, "  - ", "    ")
    labels = _labels(project)
    lines += [f"      {labels[choice]}" for choice in deal.options]
    gains = ", ".join(
        f"{scenario.role(r).name} {deal.outcome[r]} ({deal.gains[r]:+})" for r in deal.members
    )
    lines += _wrap(f"points (gain): {gains}", "      ", "        ")
    saying_no = [r for r in deal.participants if r not in deal.members]
    if saying_no:
        refuse = ", ".join(scenario.role(r).name for r in saying_no)
        lines += _wrap(f"signed without {refuse}, who would say no (the quorum is enough)",
                       "      ", "        ")  # fmt: skip
    return lines


def _labels(project: Project) -> dict[tuple[str, str], str]:
    """ "Issue title: option label" (no colon after a title that is a question)."""
    return {
        (issue.id, option.id): f"{issue.title}{'' if issue.title.endswith('?') else ':'} "
        f"{option.label}"
        for issue in project.issues
        for option in issue.options
    }


def _options_by_issue(
    project: Project,
    options: tuple[tuple[str, str], ...],
    red_lines: dict[tuple[str, str], str] | None = None,
) -> str:
    """ "Issue: option, option; Issue: option" in the project's order; an option on a
    role's red line says so (why no deal holds it is then no mystery)."""
    red_lines = red_lines or {}
    parts = []
    for issue in project.issues:
        chosen = [
            o.label + (f" (a red line of {red_lines[issue.id, o.id]})"
                       if (issue.id, o.id) in red_lines else "")
            for o in issue.options
            if (issue.id, o.id) in options
        ]  # fmt: skip
        if chosen:
            colon = "" if issue.title.endswith("?") else ":"
            parts.append(f"{issue.title}{colon} {', '.join(chosen)}")
    return "; ".join(parts)


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest)


def _roles_text(scenario: Scenario, project: Project, result: ProjectAnalysis) -> list[str]:
    lines = ["Walk-away values (what a role has without a deal) and the most it can get:"]
    for facts in result.role_facts:
        name = scenario.role(facts.role).name
        best = "takes part in no deal" if facts.best is None else f"best {facts.best}"
        lines.append(f"  {name:<36} {facts.walk_away:>5}   {best}")
    for facts in result.role_facts:
        if not facts.reachable:
            name = scenario.role(facts.role).name
            most = "nothing" if facts.best is None else str(facts.best)
            lines += _wrap(
                f"{name}'s walk-away, {facts.walk_away}, is above the best it can get, "
                f"{most}: it will never sign willingly."
            )
    if result.pareto_count:
        banned = {(line.issue, line.option): scenario.role(role.id).name
                  for role in scenario.roles for line in role.brief.red_lines
                  if line.project == project.id}  # fmt: skip
        dead = _options_by_issue(project, result.dead_options, banned) or "none"
        lines += _wrap(f"Options in no Pareto-optimal deal: {dead}.")
    for item in result.dominated:
        issue = next(i for i in project.issues if i.id == item.issue)
        option, by = (
            next(o.label for o in issue.options if o.id == x) for x in (item.option, item.by)
        )
        lines += _wrap(
            f'{issue.title} "{option}" is never better for anyone than "{by}", and worse for '
            "someone: a concession nobody needs to make."
        )
    for role in result.leaders:
        lines.append(f"{scenario.role(role).name} gains the most in every Pareto-optimal deal.")
    for role in result.idle:
        lines.append(f"{scenario.role(role).name} gains nothing in any Pareto-optimal deal.")
    return lines


def _tournament_text(scenario: Scenario, tournament: Tournament) -> list[str]:
    games = tournament.games
    lines = [
        f"== Tournament: {_count(games, 'computer-only game')} (seeds 0 to {games - 1}) ==",
        "A game is won by the role that reached the largest share of the gain it could",
        "have had over its walk-away values (briefs have their own scales, so shares, not",
        "points, are compared); roles sharing the largest share share the win. The scores",
        "are each role's own points over every project it may join.",
        "",
        f"  {'':<36} {'wins':>5}   scores: lowest, quarter, middle, three quarters, highest",
    ]
    for role in scenario.roles:
        low, q1, mid, q3, high = _five(tournament.scores[role.id])
        lines.append(f"  {role.name:<36} {_percent(tournament.win_rate(role.id)):>5}   "
                     f"{low}, {q1}, {mid}, {q3}, {high}")  # fmt: skip
    axes = ", ".join(f"{_axis_name(a)} {round(v)}" for a, v in tournament.axes.items())
    lines += ["", f"Table average: {axes} (each out of 100)."]
    signed = "; ".join(
        f"{scenario.project(p).title} in {_percent(n / games)} of games"
        for p, n in tournament.signed.items()
    )
    lines += _wrap(f"Deals signed: {signed}.")
    if tournament.unfinished:
        lines.append(f"{_count(tournament.unfinished, 'game')} stopped before the last round.")
    lines += ["", "Balance:"] + [f"  {line}" for line in imbalance(scenario, tournament)]
    if games < ROUGH:
        lines.append(f"  With only {_count(games, 'game')} these rates are rough; try --games 200.")
    return lines


def _axis_name(axis: str) -> str:
    return axis.replace("_", "-")


def _five(scores: tuple[int, ...]) -> tuple[int, ...]:
    """Lowest, quartiles and highest, rounded to whole points."""
    return tuple(round(v) for v in np.percentile(scores, [0, 25, 50, 75, 100]))


# ---------------------------------------------------------------- JSON


def json_report(analysis: ScenarioAnalysis, file: str) -> dict[str, Any]:
    scenario = analysis.scenario
    tournament = analysis.tournament
    return {
        "file": file,
        "scenario": scenario.id,
        "projects": [_project_json(result) for result in analysis.projects],
        "tournament": None if tournament is None else _tournament_json(scenario, tournament),
    }


def _project_json(result: ProjectAnalysis) -> dict[str, Any]:
    return {
        "project": result.project,
        "roles": list(result.roles),
        "coalitions": result.coalitions,
        "option_choices": result.choices,
        "deals": {
            "possible": result.possible,
            "examined": result.examined,
            "sampled": result.sampled,
            "approvable": result.approvable,
            "unanimous": result.unanimous,
            "everyone_gains": result.everyone_gains,
            "pareto_optimal": result.pareto_count,
        },
        "pareto_optimal": [_deal_json(d) for d in result.pareto],
        "nash": None if result.nash is None else _deal_json(result.nash),
        "max_welfare": None if result.welfare is None else _deal_json(result.welfare),
        "walk_away": {
            f.role: {"value": f.walk_away, "best": f.best, "reachable": f.reachable}
            for f in result.role_facts
        },
        "dead_options": [{"issue": i, "option": o} for i, o in result.dead_options],
        "dominated_options": [
            {"issue": d.issue, "option": d.option, "by": d.by} for d in result.dominated
        ],
        "leads_every_pareto_deal": list(result.leaders),
        "gains_in_no_pareto_deal": list(result.idle),
    }


def _deal_json(deal: Deal) -> dict[str, Any]:
    return {
        "participants": list(deal.participants),
        "members": list(deal.members),
        "unanimous": deal.unanimous,
        "options": dict(deal.options),
        "points": deal.outcome,
        "gains": deal.gains,
        "total_gain": deal.welfare,
    }


def _tournament_json(scenario: Scenario, tournament: Tournament) -> dict[str, Any]:
    roles = {}
    for role in scenario.roles:
        scores = tournament.scores[role.id]
        low, q1, mid, q3, high = (float(v) for v in np.percentile(scores, [0, 25, 50, 75, 100]))
        roles[role.id] = {
            "wins": round(tournament.wins[role.id], 4),
            "win_rate": round(tournament.win_rate(role.id), 4),
            "scores": {"min": low, "q1": q1, "median": mid, "q3": q3, "max": high,
                       "mean": round(float(np.mean(scores)), 2)},
        }  # fmt: skip
    return {
        "games": tournament.games,
        "seeds": [0, tournament.games - 1],
        "roles": roles,
        "axes": {axis: round(value, 2) for axis, value in tournament.axes.items()},
        "signed": {p: round(n / tournament.games, 4) for p, n in tournament.signed.items()},
        "unfinished": tournament.unfinished,
        "imbalance": imbalance(scenario, tournament),
    }


# ---------------------------------------------------------------- progress


def progress_bar(stream: IO[str]) -> Callable[[int, int], None] | None:
    """A bar redrawn in place on a terminal; None when ``stream`` is not one (CI logs and
    files get no progress lines at all)."""
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        filled = round(30 * done / total)
        stream.write(f"\rPlaying games [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        if done == total:
            stream.write("\r" + " " * 60 + "\r")
        stream.flush()

    return show
