"""What a deal means for the acting team, in the screens' words.

The arithmetic is ``game.engine.ownview`` (shared with the computer partners); this module
turns it into the sentences the deal builder and the response screen show.
"""

from __future__ import annotations

from typing import Any

from game.engine.acceptability import Verdict
from game.engine.ownview import OwnReading


def reading_lines(
    t, reading: OwnReading, project: dict[str, Any], verdict: Verdict, names: dict[str, str]
) -> list[tuple[str, str]]:
    """What a deal means for us, in sentences with a tone ("accent", "good", "bad", "text"),
    as the deal builder and the response screen both say it; the verdict is the one rule's
    (``acceptability.judge``), so our screen warns of what a partner would refuse."""
    points = t(
        "Our points: {points} (without a deal: {walk})",
        points=reading.points,
        walk=reading.walk_away,
    )
    bonus = verdict.points - reading.points  # the bonus the one rule counts: in reach
    if bonus > 0:  # so that the points here match the final scores
        points += " " + t("(+{bonus} if everyone accepts)", bonus=bonus)
    cost = t(
        "Our cost per round: {staff} staff, {budget} budget",
        staff=reading.staff_time,
        budget=reading.budget,
    )
    lines = [(points, "accent"), verdict_line(t, verdict, project, names), (cost, "text"),
             (t("Risk: {level} of 10", level=verdict.risk), "text")]  # fmt: skip
    lines += [("✗ " + t("Red line: {reason}", reason=r), "bad") for r in reading.red_lines]
    return lines


def verdict_line(
    t, verdict: Verdict, project: dict[str, Any], names: dict[str, str]
) -> tuple[str, str]:
    """The one rule's verdict for our own team, with our own numbers (this screen is ours)."""
    option = _label(project, verdict.issue, verdict.option)
    if verdict.cause == "red-line":  # no tick beside a red line: we can never sign it
        return "✗ " + t("we cannot sign it: it crosses a red line"), "bad"
    if verdict.cause == "resources":
        need, free = verdict.need, verdict.free
        return "✗ " + t(
            "we cannot sign it: it asks {staff} staff and {budget} budget a round, and we have "
            "{free_staff} and {free_budget} uncommitted",
            staff=need.staff_time, budget=need.budget,
            free_staff=max(0, free.staff_time), free_budget=max(0, free.budget),
        ), "bad"  # fmt: skip
    if verdict.cause == "absent-role":
        return "✗ " + t(
            "we cannot sign it: “{option}” needs {role} to sign",
            option=option,
            role=names.get(verdict.detail, verdict.detail),
        ), "bad"
    if verdict.cause == "below-walk-away":
        return "⚠ " + t("we should not sign it: worse than no deal"), "bad"
    if verdict.cause == "too-risky":
        return "⚠ " + t(
            "we should not sign it: risk {risk} is above what we can carry ({tolerance})",
            risk=verdict.risk,
            tolerance=verdict.risk_tolerance,
        ), "bad"
    return "✓ " + t("worth signing: better than no deal"), "good"


def _label(project: dict[str, Any], issue_id: str | None, option_id: str | None) -> str:
    for issue in project["issues"]:
        if issue["id"] == issue_id:
            for option in issue["options"]:
                if option["id"] == option_id:
                    return option["label"]
    return ""
