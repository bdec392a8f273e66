"""Several tables that played the same scenario, side by side.

In a workshop of 20 people the trainer may run three tables at once; the debrief then asks
why one table found a deal the others missed. One column per table: the agreements it
signed, its three table scores, each role's individual score and the lessons it showed.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.i18n import Translator
from game.report.games import Game
from game.report.html import Markup, join, para, table, tag
from game.report.sections import lesson_title, score_cell
from game.report.words import axis_name
from game.scoring.axes import AXES, Scores
from game.scoring.lessons import Lesson


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
    for role in scenario.roles:
        rows.append(
            [t("{role}: individual", role=role.name)] + [str(s.individual[role.id]) for s in scores]
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
            ),
            table(["", *(game.label for game in games)], rows, class_="compare"),
        ]
    )
