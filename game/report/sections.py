"""The debrief's scores and lessons as printed sections.

Every score is a number with its reason (said again in the report's words by
``phrases.say``, confidential points turned into shares) and a bar that only helps the
eye. Each team's own result stands beside the table's scores, because the lesson is that
the table wins together; it is said as the team's own gain (``game/scoring/shares.py``:
the share of the gain it could have had), never in points, which would give away a team's
walk-away values.
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
from game.scoring.shares import own_gains, table_gain


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


def share_text(percent: int, t: Translator) -> str:
    """A share in whole percent, with a minus sign (as the screen writes it) below 0."""
    return t("{share}%", share=percent if percent >= 0 else f"−{-percent}")


def share_cell(percent: int, t: Translator) -> Markup:
    """A share in percent, then its bar (none below 0 %, a whole one from 100 %)."""
    width = max(0, min(100, percent)) * 0.04
    return tag(
        "span",
        [
            tag("span", share_text(percent, t), class_="score"),
            Markup(f'<span class="bar" style="width:{width:.2f}em"></span>'),
        ],
        class_="score-cell",
    )


def own_gain_words(t: Translator) -> str:
    """What an own gain is, said once wherever the report shows one."""
    return t(
        "A team's own gain is the share of the gain it could have had: 0% is what it has "
        "without any deal, 100% its best deal on every project it may join, below 0% a deal "
        "that left it worse off. Points stay confidential (every brief has its own scale), "
        "so the report gives shares. The table's own gain is the mean of its teams'."
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
    gains = own_gains(state, scores.individual)
    role_rows = [
        [
            t("The table"),
            share_cell(table_gain(gains), t),
            *(score_cell(scores.table[axis]) for axis in AXES),
        ]
    ] + [
        [
            role.name,
            share_cell(gains[role.id], t),
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
        tag(h_sub, t("Each team: its own gain beside its scores")),
        para(own_gain_words(t) + " " + t("The table wins together: compare the two.")),
        table(
            [t("Team"), t("Own gain"), *(axis_name(t, axis) for axis in AXES)],
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
                "with where it happened. ✓: the table did what the lesson asks; ✗: it "
                "missed it."
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
                    tag(h_sub, ("✓ " if lesson.went_well else "✗ ") + title),
                    para(text, class_="muted"),
                    tag("ul", [tag("li", say(line, t)) for line in lesson.evidence]),
                ],
                class_="lesson",
            )
        )
    return join(parts)
