"""What a deal means for the acting team, in the screens' words.

The arithmetic is ``game.engine.ownview`` (shared with the computer partners); this module
turns it into the sentences the deal builder and the response screen show.
"""

from __future__ import annotations

from typing import Any

from game.engine.ownview import OwnReading


def reading_lines(t, reading: OwnReading, project: dict[str, Any]) -> list[tuple[str, str]]:
    """What a deal means for us, in sentences with a tone ("accent", "good", "bad", "text"),
    as the deal builder and the response screen both say it."""
    points = t(
        "Our points: {points} (without a deal: {walk})",
        points=reading.points,
        walk=reading.walk_away,
    )
    bonus = project["approval"]["unanimity_bonus"]
    if bonus:  # so that the points here match the final scores
        points += " " + t("(+{bonus} if everyone accepts)", bonus=bonus)
    if reading.red_lines:  # no tick beside a red line: we can never sign it
        verdict = ("✗ " + t("we cannot sign it: it crosses a red line"), "bad")
    elif reading.better_than_nothing:
        verdict = ("✓ " + t("better than no deal"), "good")
    else:
        verdict = ("✗ " + t("worse than no deal"), "bad")
    cost = t(
        "Our cost per round: {staff} staff, {budget} budget",
        staff=reading.staff_time,
        budget=reading.budget,
    )
    lines = [(points, "accent"), verdict, (cost, "text"),
             (t("Risk: {level} of 10", level=reading.risk), "text")]  # fmt: skip
    lines += [("✗ " + t("Red line: {reason}", reason=r), "bad") for r in reading.red_lines]
    return lines
