"""Solo practice: the feedback that explains an exercise's truth, once it is answered.

No pygame here. Two kinds of reading:

* **hints** (``profile_hints``, ``issue_hints``): the sentences of a partner's *public*
  profile (mission, passion, ambitions) that share words with an issue — its title, its
  options' labels and descriptions. They are public, but shown after a ranking only, as
  the reason the truth could have been read;
* **what the brief says** (``revealed``): the partner's points per option, its walk-away,
  its risk tolerance, its personality and what its offers and answers showed of it. A
  confidential brief never reaches another role's view, so this is read here and only
  for the person practising alone, only about a prediction they have already made and
  that has been scored. Nothing in it is shown before the answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from game.engine.acceptability import judge, position_in_state
from game.engine.deals import walk_away
from game.engine.state import GameState, Prediction
from game.scenario.model import Issue, Role, Scenario

#: words too common to say what an issue is about (words under four letters never count)
_COMMON = """about after also among been before being both could does each every from have
here into itself just like make more most much must only other ours over same should some
such than that their them then there these they this those through under until very were
what when where which while whom will with would your yours ways well"""
STOPWORDS = frozenset(_COMMON.split())


def words_of(text: str) -> set[str]:
    """The meaningful words of ``text``: four letters or more, and not too common."""
    found = re.findall(r"[^\W\d_]+", text.lower())
    return {word for word in found if len(word) >= 4 and word not in STOPWORDS}


def same_word(one: str, other: str) -> bool:
    """Two words are one when one starts the other ("open" and "opening", "child" and
    "children"): close enough for a hint, with no dictionary to keep."""
    return one.startswith(other) or other.startswith(one)


def shared_words(text: str, terms: set[str]) -> int:
    """How many of ``text``'s words are among ``terms``."""
    return sum(1 for word in words_of(text) if any(same_word(word, term) for term in terms))


def profile_sentences(role: Role) -> list[str]:
    """The public profile as sentences: mission and passion split, each ambition whole."""
    sentences: list[str] = []
    for text in (role.mission, role.passion):
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()]
    sentences += [ambition.strip() for ambition in role.ambitions]
    return sentences


def issue_terms(issue: Issue) -> set[str]:
    """What an issue is about: the words of its title, description and options."""
    texts = [issue.title, issue.description or ""]
    for option in issue.options:
        texts += [option.label, option.description or ""]
    return set().union(*(words_of(text) for text in texts))


def profile_hints(sentences: Iterable[str], terms: set[str]) -> list[str]:
    """The sentences that share a word with ``terms``, the most shared first (the
    profile's order on a tie)."""
    scored = [(shared_words(sentence, terms), place, sentence)
              for place, sentence in enumerate(sentences)]  # fmt: skip
    return [sentence for shared, _, sentence in sorted(scored, key=lambda s: (-s[0], s[1]))
            if shared]  # fmt: skip


@dataclass(frozen=True)
class IssueHints:
    issue: str
    title: str
    sentences: tuple[str, ...]


def issue_hints(scenario: Scenario, target: str, project_id: str) -> list[IssueHints]:
    """For each issue of the project, the partner's profile sentences that hint at it."""
    sentences = profile_sentences(scenario.role(target))
    project = scenario.project(project_id)
    return [
        IssueHints(issue.id, issue.title, tuple(profile_hints(sentences, issue_terms(issue))))
        for issue in project.issues
    ]


@dataclass(frozen=True)
class Move:
    """One of the partner's moves on the table, as its brief weighs it."""

    round: int
    deal: int
    what: str  # "proposed", "countered", "accepted", "refused"
    points: int  # the deal's points for it (no bonus)
    share: int  # … as a percentage of its room (walk-away to best)
    risk: int  # the deal's risk
    cause: str = ""  # what decided a refusal (``acceptability.Cause``), if the rule did


@dataclass(frozen=True)
class Revealed:
    """What the partner's brief says, for the feedback after a scored prediction."""

    target: str
    project: str
    points: dict[str, dict[str, int]]  # issue -> option -> its points
    walk_away: int  # as events have changed it
    best: int  # its points from its best deal (no bonus)
    risk_tolerance: int
    personality: str | None  # a computer partner's, when the game knows it
    moves: tuple[Move, ...]  # its offers and answers so far, oldest first


def moves_of(state: GameState, target: str) -> tuple[Move, ...]:
    """The partner's offers (proposals and counters) and answers, with the share of its
    room each deal gave it: how its demands fell, or did not, over the rounds."""
    moves = []
    for deal in state.deals:
        if target not in deal.participants:
            continue
        if deal.proposer == target:
            what = "countered" if deal.counter_of is not None else "proposed"
        elif target in deal.accepted:
            what = "accepted"
        elif any(role == target for role, _ in deal.rejected):
            what = "refused"
        else:
            continue
        project = state.scenario.project(deal.project)
        verdict = judge(position_in_state(state, target, project), project, deal.options)
        cause = dict(deal.causes).get(target, "")
        share = _share(state, target, deal.project, verdict.points)
        moves.append(Move(deal.round, deal.number, what, verdict.points, share, verdict.risk,
                          cause))  # fmt: skip
    return tuple(moves)


def _share(state: GameState, target: str, project_id: str, points: int) -> int:
    project = state.scenario.project(project_id)
    table = state.scenario.role(target).brief.points[project_id]
    best = sum(max(options.values()) for options in table.values())
    floor = walk_away(state, target, project)
    return round(100 * (points - floor) / (best - floor)) if best > floor else 100


def scored(prediction: Prediction) -> bool:
    """The prediction has its truth: the moment the feedback may explain it."""
    return prediction.score is not None


def revealed(state: GameState, predictor: str, index: int) -> Revealed | None:
    """What ``predictor``'s prediction number ``index`` was about, from the partner's
    brief — None until that prediction is scored. Only the solo practice reads it
    (``practice.explained``): a workshop team never sees another's brief."""
    made = state.role_state(predictor).predictions
    if not 0 <= index < len(made) or not scored(made[index]):
        return None
    prediction = made[index]
    target, project = prediction.target, state.scenario.project(prediction.project)
    brief = state.scenario.role(target).brief
    table = brief.points[project.id]
    return Revealed(
        target=target,
        project=project.id,
        points={issue: dict(options) for issue, options in table.items()},
        walk_away=walk_away(state, target, project),
        best=sum(max(options.values()) for options in table.values()),
        risk_tolerance=brief.risk_tolerance,
        personality=state.personality(target),
        moves=moves_of(state, target),
    )
