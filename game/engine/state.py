"""The state of one game: immutable, and a function of (scenario, seed, actions).

Three parts are kept apart, as boardgame.io keeps ``ctx`` apart from ``G``:

* the **scenario** — validated once, never changes;
* the **bookkeeping** — round, whose turn, paused, finished, the chance counter;
* the **table** — each role's resources, brand and private knowledge, the deals on the
  table, the signed agreements, blocked options, the news.

Every record is a frozen dataclass of tuples, so a state can be shared, compared and kept
for the debrief's timeline without copying; ``dataclasses.replace`` makes the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeVar

from game.scenario.model import Scenario

T = TypeVar("T")


def evolve(record: T, **changes: object) -> T:
    """``dataclasses.replace`` for our frozen records, without its cost.

    ``replace`` re-runs ``__init__`` over every field; on the rules' hot path that was half
    of all the time spent. Our records have no ``__post_init__`` and no slots, so copying
    the field dictionary and updating it is the same thing, about ten times faster.
    """
    new = object.__new__(type(record))
    new.__dict__.update(record.__dict__)
    new.__dict__.update(changes)
    return new


DealStatus = Literal["open", "signed", "rejected", "countered", "expired", "superseded"]


@dataclass(frozen=True)
class Insight:
    """A true, coarse fact one role learnt about another by exploring it."""

    about: str
    text: str
    #: what the fact is about, for a computer partner's opponent model ("" if nothing)
    project: str = ""
    issue: str = ""
    option: str = ""


#: the kinds of perspective-taking question, in the order the progress chart lists them:
#: rank a partner's issues, will it accept a deal, its walk-away range, its preferred option
#: on an issue, its risk limit, what kind of partner it is (its personality)
QUESTIONS: tuple[str, ...] = (
    "rank",
    "accept",
    "walk-away",
    "preferred",
    "risk-limit",
    "personality",
)


@dataclass(frozen=True)
class Prediction:
    """A perspective-taking exercise and its score (0-100) against the partner's truth.

    A ranking is scored at once. Whether a partner accepts a deal is scored when it
    answers (its real answer is the truth); until then ``score`` is None, and it stays
    None if the deal closes before the partner answers (``answer`` then says so).
    """

    target: str
    project: str
    round: int
    score: int | None
    ranking: tuple[str, ...] = ()
    deal: int | None = None
    accepts: bool | None = None
    truth: str = ""  # what the partner really wanted, as a sentence for the predictor
    truth_ranking: tuple[str, ...] = ()  # a ranking's truth: issue ids, the partner's order
    truth_accepts: bool | None = None  # an acceptance's truth: did the partner accept
    #: an acceptance's answer key (``acceptability.ANSWERS``), "" while it is awaited
    answer: str = ""
    countered: int | None = None  # the partner's answer was this counter (a deal number)
    #: which kind of question (``QUESTIONS``); "" in older saves, read by ``kind``
    question: str = ""
    #: a preferred-option question: the issue asked about
    issue: str = ""
    #: the answer picked among a question's choices (``questions``: a range, an option, a
    #: personality), and the choice that held the truth
    choice: str = ""
    truth_choice: str = ""
    #: an acceptance predicted as one of the answer key's verdicts (``acceptability.ANSWERS``);
    #: "" in older saves, which predicted yes or no only (``accepts``)
    verdict: str = ""

    @property
    def kind(self) -> str:
        """The question asked, one of ``QUESTIONS``: a learner's progress is kept per kind."""
        if self.question:
            return self.question
        return "rank" if self.ranking else "accept"


@dataclass(frozen=True)
class RoleState:
    """One team's changing situation. ``insights`` and ``consulted`` are private to it."""

    role: str
    staff_time: int  # per round, as events have changed it
    budget: int
    spent_staff_time: int = 0  # on actions this round
    spent_budget: int = 0
    brand: int = 3
    gained: tuple[str, ...] = ()  # competencies built during the game
    walk_away_change: tuple[tuple[str, int], ...] = ()  # (project, change) from events
    insights: tuple[Insight, ...] = ()
    consulted: tuple[str, ...] = ()  # projects whose users this role consulted
    communications: int = 0
    predictions: tuple[Prediction, ...] = ()  # private, like insights


@dataclass(frozen=True)
class Deal:
    """A proposal on the table, and what became of it."""

    number: int
    project: str
    proposer: str
    participants: tuple[str, ...]  # in the scenario's role order
    options: tuple[str, ...]  # one option id per issue, in issue order
    round: int
    accepted: tuple[str, ...]  # the proposer accepts by proposing
    rejected: tuple[tuple[str, str], ...] = ()  # (role, what the room hears of its no)
    #: (role, cause) for a no the rule decided (``acceptability.Cause``)
    causes: tuple[tuple[str, str], ...] = ()
    #: (role, sentence) said to the proposer only: a computer partner's reason, which
    #: names the option that decided it and its public figures
    to_proposer: tuple[tuple[str, str], ...] = ()
    counter_of: int | None = None
    status: DealStatus = "open"

    def awaiting(self) -> tuple[str, ...]:
        """Participants that have not answered yet."""
        answered = set(self.accepted) | {role for role, _ in self.rejected}
        return tuple(role for role in self.participants if role not in answered)


@dataclass(frozen=True)
class Agreement:
    """A signed deal. Its members pay its costs every round after the one it was signed in."""

    deal: Deal
    members: tuple[str, ...]  # the participants who accepted
    round: int
    unanimous: bool
    failed_round: int | None = None  # a risk test made it fail
    failure: str = ""

    @property
    def project(self) -> str:
        return self.deal.project

    @property
    def active(self) -> bool:
        return self.failed_round is None


@dataclass(frozen=True)
class Blocked:
    project: str
    issue: str
    option: str
    until_round: int  # blocked up to and including this round


@dataclass(frozen=True)
class News:
    """Something the whole room hears about: an event card and what it did."""

    round: int
    card: str
    title: str
    text: str
    outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class StrawPoll:
    project: str
    participants: tuple[str, ...]
    options: tuple[str, ...]
    answers: tuple[tuple[str, bool], ...] = ()


@dataclass(frozen=True)
class GameState:
    scenario: Scenario = field(repr=False, compare=False)
    seed: int
    round: int
    turn: int  # index into ``order``
    order: tuple[str, ...]  # this round's turn order: the first player rotates
    roles: tuple[RoleState, ...]  # in the scenario's role order
    deals: tuple[Deal, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    blocked: tuple[Blocked, ...] = ()
    drawn: tuple[str, ...] = ()  # event cards drawn so far
    news: tuple[News, ...] = ()
    chance_counter: int = 0  # how many chance draws were made: the next one is this
    paused: bool = False
    finished: bool = False
    poll: StrawPoll | None = None
    actions_taken: int = 0
    #: (role, personality) of each computer partner, set when the game starts and kept in
    #: the save: a hidden fact that only scores "what kind of partner is this?". No view
    #: shows it; a game without it (older saves, workshops) never asks that question.
    personalities: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    def personality(self, role: str) -> str | None:
        """The computer partner's personality in ``role``'s seat, if the game knows it."""
        return next((name for who, name in self.personalities if who == role), None)

    @property
    def current_role(self) -> str | None:
        return None if self.finished else self.order[self.turn]

    def role_state(self, role: str) -> RoleState:
        for state in self.roles:
            if state.role == role:
                return state
        raise KeyError(role)

    def deal(self, number: int) -> Deal | None:
        if (
            isinstance(number, int)
            and not isinstance(number, bool)
            and 1 <= number <= len(self.deals)
        ):
            return self.deals[number - 1]
        return None

    def open_deals(self) -> tuple[Deal, ...]:
        return tuple(deal for deal in self.deals if deal.status == "open")

    def agreement_for(self, project: str) -> Agreement | None:
        for agreement in self.agreements:
            if agreement.project == project:
                return agreement
        return None


def turn_order(scenario: Scenario, round_number: int) -> tuple[str, ...]:
    """Round 1 starts with the first role, round 2 with the second, and so on."""
    ids = [role.id for role in scenario.roles]
    start = (round_number - 1) % len(ids)
    return tuple(ids[start:] + ids[:start])


def new_game(
    scenario: Scenario, seed: int, personalities: tuple[tuple[str, str], ...] = ()
) -> GameState:
    return GameState(
        personalities=tuple(personalities),
        scenario=scenario,
        seed=seed,
        round=1,
        turn=0,
        order=turn_order(scenario, 1),
        roles=tuple(
            RoleState(
                role=role.id,
                staff_time=role.resources.staff_time,
                budget=role.resources.budget,
                brand=role.brand,
            )
            for role in scenario.roles
        ),
    )
