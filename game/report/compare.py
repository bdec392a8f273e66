"""Several tables that played the same scenario, side by side.

In a workshop of 20 people the trainer may run three tables at once; the debrief then asks
why one table found a deal the others missed. One column per table: the agreements it
signed, its three table scores, its own gain and each role's (shares, never points:
``game/scoring/shares.py``) and the lessons it showed.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.i18n import Translator
from game.report.games import Game
from game.report.html import Markup, join, para, table, tag
from game.report.sections import lesson_title, own_gain_words, score_cell, share_cell
from game.report.words import axis_name
from game.scoring.axes import AXES, Scores
from game.scoring.lessons import Lesson
from game.scoring.shares import own_gains, table_gain


def comparison_section(
    games: Sequence[Game],
    scores: Sequence[Scores],
    lessons: Sequence[list[Lesson]],
    t: Translator,
) -> Markup:
    scenario = games[0].scenario
    rows: list[list[object]] = []
    rows.append(
        [
            t("Agreements signed"),
            *(
                join(
                    [
                        str(len(game.state.agreements)),
                        *(
                            [Markup("<br>"), scenario.project(a.project).title]
                            for a in game.state.agreements
                        ),
                    ]
                )
                for game in games
            ),
        ]
    )
    for axis in AXES:
        rows.append(
            [t("{axis} (the table)", axis=axis_name(t, axis))]
            + [score_cell(s.table[axis]) for s in scores]
        )
    gains = [own_gains(game.state, s.individual) for game, s in zip(games, scores, strict=True)]
    rows.append([t("Own gain (the table: its teams' mean)")]
                + [share_cell(table_gain(g), t) for g in gains])  # fmt: skip
    for role in scenario.roles:
        rows.append(
            [t("{role}: own gain", role=role.name)] + [share_cell(g[role.id], t) for g in gains]
        )
    rows.append(
        [
            t("Lessons shown"),
            *(
                join([[lesson_title(game.state, lesson, t)[0], Markup("<br>")] for lesson in found])
                or "—"
                for game, found in zip(games, lessons, strict=True)
            ),
        ]
    )
    return join(
        [
            tag("h2", t("The tables side by side"), id="comparison"),
            para(
                t(
                    "{count} tables played this scenario. Each column is one table's game; "
                    "its full debrief follows on its own pages.",
                    count=len(games),
                )
                + " "
                + own_gain_words(t)
            ),
            table(["", *(game.label for game in games)], rows, class_="compare"),
        ]
    )
