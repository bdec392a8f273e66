"""The debrief's scores and lessons as printed sections.

Every score is a number with its reason (said again in the report's words by
``phrases.say``, confidential points turned into shares) and a bar that only helps the
eye. Individual scores stand beside the table's, because the lesson is that the table
wins together.
"""

from __future__ import annotations

from game.engine.state import GameState
from game.i18n import Translator
from game.report.html import Markup, join, para, table, tag
from game.report.phrases import say
from game.report.words import axis_name
from game.scenario.lessons import DEFAULT_LESSONS
from game.scoring.axes import AXES, Axis, Scores
from game.scoring.lessons import Lesson


def score_cell(axis: Axis) -> Markup:
    """The number, then a bar as long as the score (printed in black: not colour alone)."""
    return tag(
        "span",
        [
            tag("span", str(axis.score), class_="score"),
            Markup(f'<span class="bar" style="width:{axis.score * 0.04:.2f}em"></span>'),
        ],
        class_="score-cell",
    )


def scores_section(
    state: GameState, scores: Scores, t: Translator, level: int, anchor: str
) -> Markup:
    h, h_sub = f"h{level}", f"h{level + 1}"
    scenario = state.scenario
    table_rows = [
        [axis_name(t, axis), score_cell(scores.table[axis]), say(scores.table[axis].reason, t)]
        for axis in AXES
    ]
    role_rows = [
        [
            role.name,
            str(scores.individual[role.id]),
            *(score_cell(scores.roles[role.id][axis]) for axis in AXES),
        ]
        for role in scenario.roles
    ]
    agreement_rows = []
    for scored in scores.agreements:
        project = scenario.project(scored.project)
        members = ", ".join(scenario.role(m).name for m in scored.members)
        for index, axis in enumerate(AXES):
            value = getattr(scored, axis)
            agreement_rows.append(
                [
                    join([project.title, Markup("<br>"), tag("span", members, class_="muted")])
                    if index == 0
                    else "",
                    axis_name(t, axis),
                    score_cell(value),
                    say(value.reason, t),
                ]
            )
    parts = [
        tag(h, t("Scores"), id=anchor),
        tag(h_sub, t("The table as a whole")),
        table([t("Axis"), t("Score"), t("Why")], table_rows),
        tag(h_sub, t("Each team: its own points beside its scores")),
        para(
            t(
                "The individual score is a team's own points: from its agreements, or what it "
                "had without a deal. The table wins together: compare the two."
            )
        ),
        table(
            [t("Team"), t("Individual"), *(axis_name(t, axis) for axis in AXES)],
            role_rows,
            numbers_from=1,
        ),
        tag(h_sub, t("Each agreement")),
    ]
    if agreement_rows:
        parts.append(table([t("Agreement"), t("Axis"), t("Score"), t("Why")], agreement_rows))
    else:
        parts.append(para(t("No agreement was signed.")))
    return join(parts)


def lesson_title(state: GameState, lesson: Lesson, t: Translator) -> tuple[str, str]:
    """The lesson's title and text: the author's words as written, the seed's translated."""
    default = DEFAULT_LESSONS.get(lesson.id)  # type: ignore[call-overload]
    words = state.scenario.lessons.get(lesson.id)  # type: ignore[call-overload]
    title = (
        t(lesson.title)
        if default is not None and (words is None or not words.title)
        else lesson.title
    )
    text = t(lesson.text) if default is not None and words is None else lesson.text
    return title, text


def lessons_section(
    state: GameState, lessons: list[Lesson], t: Translator, level: int, anchor: str
) -> Markup:
    h, h_sub = f"h{level}", f"h{level + 1}"
    parts = [
        tag(h, t("Lessons"), id=anchor),
        para(
            t(
                "What this game showed of the survey's partnership drivers and barriers, "
                "with where it happened."
            )
        ),
    ]
    if not lessons:
        parts.append(para(t("The game showed none of the lessons yet.")))
    for lesson in lessons:
        title, text = lesson_title(state, lesson, t)
        parts.append(
            tag(
                "div",
                [
                    tag(h_sub, title),
                    para(text, class_="muted"),
                    tag("ul", [tag("li", say(line, t)) for line in lesson.evidence]),
                ],
                class_="lesson",
            )
        )
    return join(parts)
