"""The scoring's reasons and the lessons' evidence, said again in the report's words.

``game/scoring`` writes its reasons in English sentences built from templates, e.g.
"win-lose: The Museum gets 10, below the 12 it has without this deal". The printed report
needs them in Danish too, and — its pages being shared with the whole room and taken
home — without the confidential numbers some of them quote (a team's points and
walk-away value). So each template is listed here with what the report says instead:
a reason is cut into its clauses (the scoring joins them with "; "), each clause is
matched against the templates, and the match is said again through the translator,
absolute points turned into shares of what was possible.

A clause no template matches is printed as the scoring wrote it; the tests play games on
every built-in scenario and fail if that ever happens, so a new sentence in the scoring
cannot slip into a Danish report in English, or into a shared page with its numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from game.i18n import Translator

#: placeholders that hold whole numbers (matched as digits, so that names stay names)
NUMBERS = {
    "value",
    "walk",
    "share",
    "joint",
    "best",
    "level",
    "effective",
    "covered",
    "needed",
    "count",
    "new",
    "chosen",
    "projects",
    "unsigned",
    "number",
    "round",
    "rounds",
    "offers",
    "total",
}

Derive = Callable[[dict[str, str]], dict[str, object]]


def _share_of_best(values: dict[str, str]) -> dict[str, object]:
    """The reason's points said again as the one measure's share (``shares.share_of``)."""
    from game.scoring.shares import share_of

    return {"percent": share_of(int(values["joint"]), int(values["best"]))}


@dataclass(frozen=True)
class Phrase:
    english: str  # the scoring's template, placeholders in braces
    said: str  # the report's message id: what it says instead (placeholders may differ)
    derive: Derive | None = field(default=None, compare=False)
    nested: tuple[str, ...] = ()  # placeholders that hold a clause to say again

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        parts = re.split(r"\{(\w+)\}", self.english)
        regex = ""
        for index, part in enumerate(parts):
            if index % 2 == 0:
                regex += re.escape(part)
            else:
                regex += rf"(?P<{part}>-?\d+)" if part in NUMBERS else rf"(?P<{part}>.+?)"
        return re.compile(f"^{regex}$", re.S)


PHRASES: tuple[Phrase, ...] = (
    # win-win (game/scoring/axes.py)
    Phrase(
        "win-lose: {name} gets {value}, below the {walk} it has without this deal",
        "win-lose: {name} ends below what it has without this deal",
    ),
    Phrase("every member gains", "every member gains"),
    Phrase("left out: {names}", "left out: {names}"),
    Phrase(
        "the one gaining least, {name}, has {share}% of what it could",
        "the one gaining least, {name}, has {share}% of what it could",
    ),
    Phrase(
        "the table reached {joint} of the {best} points of gain possible",
        "the table reached {percent}% of the gain that was possible",
        _share_of_best,
    ),
    Phrase(
        "had it held, the table would have reached {joint} of the {best} points of gain possible",
        "had it held, the table would have reached {percent}% of the gain that was possible",
        _share_of_best,
    ),
    # risk
    Phrase("it failed when tested ({card})", "it failed when tested ({card})"),
    Phrase("nothing is at stake", "nothing is at stake"),
    Phrase(
        "something real is at stake (risk {level}), within every partner's limits",
        "something real is at stake (risk {level}), within every partner's limits",
    ),
    Phrase(
        "risk {level} is beyond what {name} tolerates",
        "risk {level} is beyond what {name} tolerates",
    ),
    Phrase(
        "something real is at stake (risk {level}, {effective} as a pilot), within every "
        "partner's limits",
        "something real is at stake (risk {level}, {effective} as a pilot), within every "
        "partner's limits",
    ),
    Phrase(
        "risk {level} ({effective} as a pilot) is beyond what {name} tolerates",
        "risk {level} ({effective} as a pilot) is beyond what {name} tolerates",
    ),
    Phrase("{name} has promised more than it has", "{name} has promised more than it has"),
    Phrase(
        "too many changes at once: several agreements signed in one round",
        "too many changes at once: several agreements signed in one round",
    ),
    Phrase(
        "too many changes at once: a permanent agreement signed the round before is still "
        "settling in",
        "too many changes at once: a permanent agreement signed the round before is still "
        "settling in",
    ),
    Phrase(
        "{name} is in most of the library's agreements",
        "{name} is in most of the library's agreements",
    ),
    # innovation
    Phrase(
        "together they cover {covered} of the {needed} competencies needed "
        "(one partner could have done it alone)",
        "together they cover {covered} of the {needed} competencies needed "
        "(one partner could have done it alone)",
    ),
    Phrase(
        "together they cover {covered} of the {needed} competencies needed",
        "together they cover {covered} of the {needed} competencies needed",
    ),
    Phrase(
        "civic, public and market together: the triple helix",
        "civic, public and market together: the triple helix",
    ),
    Phrase("1 sector", "1 sector"),
    Phrase("{count} sectors", "{count} sectors"),
    Phrase(
        "{new} of {chosen} choices are new or outside a partner's usual role",
        "{new} of {chosen} choices are new or outside a partner's usual role",
    ),
    Phrase(
        "it meets a need users told them about: {need}",
        "it meets a need users told them about: {need}",
    ),
    Phrase(
        "users they consulted shape it: {label}",
        "users they consulted shape it: {label}",
    ),
    Phrase(
        "no user need found by consulting users is met",
        "no user need found by consulting users is met",
    ),
    # a role's and the table's scores
    Phrase("{name} signed no agreement", "{name} signed no agreement"),
    Phrase("the mean of 1 agreement", "the mean of 1 agreement"),
    Phrase("the mean of {count} agreements", "the mean of {count} agreements"),
    Phrase("the mean over 1 project", "the mean over 1 project"),
    Phrase(
        "the mean over 1 project, {unsigned} left unsigned (scored 0)",
        "the mean over 1 project, {unsigned} left unsigned (scored 0)",
    ),
    Phrase("the mean over {projects} projects", "the mean over {projects} projects"),
    Phrase(
        "the mean over {projects} projects, {unsigned} left unsigned (scored 0)",
        "the mean over {projects} projects, {unsigned} left unsigned (scored 0)",
    ),
    # the lessons' evidence (game/scoring/lessons.py)
    Phrase(
        "{title} (deal {number}, round {round}): {sentence}",
        "{title} (deal {number}, round {round}): {sentence}",
        nested=("sentence",),
    ),
    Phrase(
        "{name} ends below what it had without the deal",
        "{name} ends below what it had without the deal",
    ),
    Phrase("nothing in it is at stake", "nothing in it is at stake"),
    Phrase(
        "civic, public and market partners in one deal",
        "civic, public and market partners in one deal",
    ),
    Phrase("nobody in it brings {skills}", "nobody in it brings {skills}"),
    Phrase(
        "partners step out of their usual roles: {labels}",
        "partners step out of their usual roles: {labels}",
    ),
    Phrase(
        "{name} explored {partner} before they agreed",
        "{name} explored {partner} before they agreed",
    ),
    Phrase(
        "agreed after {offers} offers back and forth", "agreed after {offers} offers back and forth"
    ),
    Phrase("it meets what users asked for: {need}", "it meets what users asked for: {need}"),
    Phrase("it failed in round {round} ({card})", "it failed in round {round} ({card})"),
    Phrase(
        "{name} is in {count} of the library's {total} agreements",
        "{name} is in {count} of the library's {total} agreements",
    ),
    Phrase(
        "the library's only partner is the commercial {name}",
        "the library's only partner is the commercial {name}",
    ),
    Phrase(
        "no agreement includes the market partner ({names})",
        "no agreement includes the market partner ({names})",
    ),
    Phrase(
        "no team consulted users in {rounds} rounds", "no team consulted users in {rounds} rounds"
    ),
    Phrase(
        "{name} signed {count} new agreements in round {round}",
        "{name} signed {count} new agreements in round {round}",
    ),
    Phrase(
        "every agreement of the library is with {name}",
        "every agreement of the library is with {name}",
    ),
    Phrase("{name} built a new competence: {skill}", "{name} built a new competence: {skill}"),
    Phrase(
        "the library's brand ends weaker than its partners' on average",
        "the library's brand ends weaker than its partners' on average",
    ),
    Phrase(
        "the library works with several partners: {names}",
        "the library works with several partners: {names}",
    ),
    # what an event card did (game/engine/events.py), as the room heard it
    Phrase("{name}: staff time {change} per round", "{name}: staff time {change} per round"),
    Phrase("{name}: budget {change} per round", "{name}: budget {change} per round"),
    Phrase("{name}: brand {change}", "{name}: brand {change}"),
    Phrase(
        "{name}: life without a deal on {project} got better",
        "{name}: life without a deal on {project} got better",
    ),
    Phrase(
        "{name}: life without a deal on {project} got worse",
        "{name}: life without a deal on {project} got worse",
    ),
    Phrase(
        '"{label}" cannot be proposed until after round {round}',
        "“{label}” cannot be proposed until after round {round}",
    ),
    Phrase(
        "{project} failed the test: the agreement ends",
        "{project} failed the test: the agreement ends",
    ),
    Phrase("{project} held", "{project} held"),
    Phrase(
        "no agreement was risky enough to be tested", "no agreement was risky enough to be tested"
    ),
)


def clause(text: str, t: Translator) -> str | None:
    """One clause in the report's words, or None if no template matches it."""
    for phrase in PHRASES:
        found = phrase.pattern.match(text)
        if found is None:
            continue
        values: dict[str, object] = dict(found.groupdict())
        for name in phrase.nested:
            values[name] = say(str(values[name]), t)
        if phrase.derive is not None:
            values.update(phrase.derive(found.groupdict()))
        return t(phrase.said, **values)
    return None


def say(reason: str, t: Translator) -> str:
    """A scoring reason or a lesson's evidence in the report's words (see the docstring)."""
    parts = [clause(part, t) for part in reason.split("; ")]
    if None in parts:  # a user need or a name may hold "; " itself
        whole = clause(reason, t)
        if whole is not None:
            return whole
    return "; ".join(said or part for said, part in zip(parts, reason.split("; "), strict=True))


def unmatched(reason: str) -> list[str]:
    """The clauses of ``reason`` that no template matches (the tests want none)."""
    t = Translator("en", Path(__file__).parent)  # English needs no table
    missing = [part for part in reason.split("; ") if clause(part, t) is None]
    return missing if missing and clause(reason, t) is None else []
