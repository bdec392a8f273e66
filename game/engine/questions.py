"""The perspective-taking questions answered by picking one choice, and their truth.

Four questions ask a player to pick one of a few choices about a partner, and each is
scored at once against the partner's brief and the state (``perspective.py`` holds the
ranking and the acceptance):

* **walk-away** — "what does it get without a deal on this project?": one of four point
  ranges that split the project's point span (the lowest and highest totals any of its
  roles can reach, and their walk-aways), so the choices say nothing of the partner
  itself. The truth is ``deals.walk_away``, as events have changed it;
* **preferred** — its favourite option on one issue: the option with the most points for
  it (any of them on a tie);
* **risk-limit** — the highest deal risk it carries before a deal is too risky for it
  (``acceptability.judge``: risk above its tolerance), as one of four bands of the 0-10
  risk scale;
* **personality** — what kind of partner a computer partner is: the game's hidden fact
  ``GameState.personalities``; the names are the session's to offer.

A range or band one off the truth scores 50, as being close is worth something; the rest
score 100 when right and 0 when wrong. Each truth is kept as a choice and as a sentence
with nothing finer than the choice in it: the partner's exact points, walk-away and risk
tolerance stay in its brief (the solo practice's feedback shows them after the answer).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.deals import walk_away
from game.engine.state import GameState
from game.scenario.model import Project

WALK_AWAY = "walk-away"
PREFERRED = "preferred"
RISK_LIMIT = "risk-limit"
PERSONALITY = "personality"
CHOICE_QUESTIONS: tuple[str, ...] = (WALK_AWAY, PREFERRED, RISK_LIMIT, PERSONALITY)

#: the bands of the risk scale (0-10) a partner's risk tolerance is asked as
RISK_BANDS: tuple[tuple[int, int], ...] = ((0, 2), (3, 4), (5, 6), (7, 10))
RANGES = 4  # walk-away ranges


class BadAnswer(ValueError):
    """An answer that is not one of the question's choices; ``str()`` says so."""


@dataclass(frozen=True)
class Truth:
    """A question's scored answer: the choice that held the truth, and in a sentence."""

    choice: str
    score: int
    sentence: str


def band_id(low: int, high: int) -> str:
    """A range's choice id, ``"low..high"`` (points may be negative)."""
    return f"{low}..{high}"


def band_of(band: str) -> tuple[int, int]:
    low, high = band.split("..", 1)
    return int(low), int(high)


def project_span(state: GameState, project: Project) -> tuple[int, int]:
    """The lowest and highest points any role of the project can end with: the totals
    of its least and most favoured options, and its walk-away. Public in scale only: it
    mixes every role's figures, so it tells nothing of one."""
    low, high = [], []
    bonus = project.approval.unanimity_bonus
    for role in state.scenario.eligible_roles(project):
        table = role.brief.points[project.id]
        fallback = walk_away(state, role.id, project)
        low.append(min(fallback, sum(min(options.values()) for options in table.values())))
        high.append(max(fallback, bonus + sum(max(options.values()) for options in table.values())))
    return min(low), max(high)


def walk_away_choices(state: GameState, project: Project) -> tuple[str, ...]:
    """Four ranges over the project's point span, lowest first, as ``"low..high"``."""
    low, high = project_span(state, project)
    width = -(-(high - low + 1) // RANGES)  # rounded up: the last range reaches ``high``
    return tuple(band_id(low + k * width, low + (k + 1) * width - 1) for k in range(RANGES))


def risk_choices() -> tuple[str, ...]:
    return tuple(band_id(low, high) for low, high in RISK_BANDS)


def option_points(state: GameState, target: str, project: Project, issue: str) -> dict[str, int]:
    """``target``'s points for each option of one issue, from its brief."""
    return dict(state.scenario.role(target).brief.points[project.id][issue])


def preferred_options(
    state: GameState, target: str, project: Project, issue: str
) -> tuple[str, ...]:
    """The options of ``issue`` with the most points for ``target`` (several on a tie)."""
    points = option_points(state, target, project, issue)
    best = max(points.values())
    return tuple(option for option, value in points.items() if value == best)


def _band_index(bands: tuple[str, ...], value: int) -> int:
    for index, band in enumerate(bands):
        low, high = band_of(band)
        if low <= value <= high:
            return index
    return 0 if value < band_of(bands[0])[0] else len(bands) - 1


def _near(bands: tuple[str, ...], picked: str, truth: int) -> int:
    off = abs(bands.index(picked) - truth)
    return 100 if off == 0 else 50 if off == 1 else 0


def answer(
    state: GameState, question: str, target: str, project: Project, issue: str, choice: str
) -> Truth:
    """Score ``choice`` as the answer to ``question`` about ``target``; ``BadAnswer`` if
    it is not one of the question's choices."""
    name = state.scenario.role(target).name
    if question == WALK_AWAY:
        bands = walk_away_choices(state, project)
        if choice not in bands:
            raise BadAnswer(f"Pick one of the ranges: {', '.join(bands)}.")
        truth = _band_index(bands, walk_away(state, target, project))
        low, high = band_of(bands[truth])
        sentence = f"Without a deal on {project.title}, {name} gets {low} to {high} points."
        return Truth(bands[truth], _near(bands, choice, truth), sentence)
    if question == RISK_LIMIT:
        bands = risk_choices()
        if choice not in bands:
            raise BadAnswer(f"Pick one of the risk bands: {', '.join(bands)}.")
        tolerance = state.scenario.role(target).brief.risk_tolerance
        truth = _band_index(bands, tolerance)
        low, high = band_of(bands[truth])
        sentence = f"{name} carries a deal up to a risk between {low} and {high}."
        return Truth(bands[truth], _near(bands, choice, truth), sentence)
    if question == PREFERRED:
        found = next((i for i in project.issues if i.id == issue), None)
        if found is None:
            raise BadAnswer(f'"{issue}" is not an issue of {project.title}.')
        labels = {option.id: option.label for option in found.options}
        if choice not in labels:
            raise BadAnswer(f'"{choice}" is not an option of "{found.title}".')
        best = preferred_options(state, target, project, issue)
        truth = choice if choice in best else best[0]
        sentence = f'{name} likes "{labels[truth]}" best on "{found.title}".'
        return Truth(truth, 100 if choice in best else 0, sentence)
    if question == PERSONALITY:
        kind = state.personality(target)
        if kind is None:
            raise BadAnswer(f"{name} is not a computer partner whose kind this game knows.")
        if not choice:
            raise BadAnswer("Pick the kind of partner it is.")
        return Truth(kind, 100 if choice == kind else 0, f"{name} is a {kind} partner.")
    raise BadAnswer(f'There is no question "{question}".')
