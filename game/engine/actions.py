"""Everything a team or the trainer can do, as small immutable records.

An action says *who* does *what*; the rules (``rules.apply``) decide whether it is legal
and what follows. Actions are plain data so that a game is (scenario, seed, actions): the
log is saved as JSON after every action, replayed to resume, to undo and in the debrief.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar, Literal

TRAINER = "trainer"


@dataclass(frozen=True)
class Action:
    """Base of every action; ``actor`` is a role id, or ``"trainer"``."""

    kind: ClassVar[str] = ""
    #: a main action uses the actor's turn; the others can happen at any time
    uses_turn: ClassVar[bool] = True
    actor: str

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, tuple):
                data[key] = list(value)
        return {"type": self.kind, **data}


# -- a team's main actions (one per turn) ---------------------------------------------


@dataclass(frozen=True)
class Propose(Action):
    """Put a deal on the table: a project, its participants, one option per issue."""

    kind: ClassVar[str] = "propose"
    project: str
    participants: tuple[str, ...]
    options: tuple[str, ...]  # one option id per issue, in the project's issue order


@dataclass(frozen=True)
class Accept(Action):
    kind: ClassVar[str] = "accept"
    deal: int


@dataclass(frozen=True)
class Reject(Action):
    kind: ClassVar[str] = "reject"
    deal: int
    reason: str  # said to the proposer; the room hears it only without a cause
    #: what decided a computer partner's no (``acceptability.Cause``): the room then hears
    #: who said no, and for a red line "one of its red lines", never the sentence itself
    cause: str = ""


@dataclass(frozen=True)
class Counter(Action):
    """Reject a deal by putting a changed one on the table (same project)."""

    kind: ClassVar[str] = "counter"
    deal: int
    participants: tuple[str, ...]
    options: tuple[str, ...]
    reason: str = ""  # why, said to the proposer of the deal it answers
    cause: str = ""  # as ``Reject.cause``


@dataclass(frozen=True)
class Explore(Action):
    """ "Find the connection": learn one true, coarse fact about what a partner cares about."""

    kind: ClassVar[str] = "explore"
    target: str


@dataclass(frozen=True)
class ConsultUsers(Action):
    """ "Consult library users to identify user needs" for one project."""

    kind: ClassVar[str] = "consult"
    project: str


@dataclass(frozen=True)
class BuildCompetence(Action):
    """ "New competencies are needed": spend budget to gain one."""

    kind: ClassVar[str] = "build"
    competency: str


@dataclass(frozen=True)
class Communicate(Action):
    """A newsletter or a flyer: "the library needs a strong brand"."""

    kind: ClassVar[str] = "communicate"
    channel: Literal["newsletter", "flyer"]


@dataclass(frozen=True)
class Pass(Action):
    kind: ClassVar[str] = "pass"


# -- at any time ------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerStrawPoll(Action):
    """A participant's non-binding answer to the trainer's straw poll."""

    kind: ClassVar[str] = "poll-answer"
    uses_turn: ClassVar[bool] = False
    yes: bool


@dataclass(frozen=True)
class Predict(Action):
    """Perspective-taking: say what a partner wants or will do; scored against its truth.

    Either ``ranking`` (the partner's issues of a project, most important to it first);
    or ``deal`` with ``verdict`` (which of the answer key's verdicts it will give that
    deal; older saves say only ``accepts``); or a ``question`` of ``questions.CHOICE_QUESTIONS``
    answered with one of its ``choice``s (``issue``: the issue a preferred option is on).
    """

    kind: ClassVar[str] = "predict"
    uses_turn: ClassVar[bool] = False
    target: str
    project: str
    ranking: tuple[str, ...] = ()
    deal: int | None = None
    accepts: bool | None = None
    question: str = ""
    issue: str = ""
    choice: str = ""
    verdict: str = ""

    def to_json(self) -> dict[str, Any]:
        """As every action, less the newer fields left empty: an older kind of prediction
        is saved as it always was."""
        data = super().to_json()
        for name in ("question", "issue", "choice", "verdict"):
            if not data[name]:
                del data[name]
        return data


# -- the trainer's -----------------------------------------------------------------------


@dataclass(frozen=True)
class Pause(Action):
    kind: ClassVar[str] = "pause"
    uses_turn: ClassVar[bool] = False
    actor: str = TRAINER


@dataclass(frozen=True)
class Resume(Action):
    kind: ClassVar[str] = "resume"
    uses_turn: ClassVar[bool] = False
    actor: str = TRAINER


@dataclass(frozen=True)
class SkipTurn(Action):
    """The team whose turn it is passes, on the trainer's word."""

    kind: ClassVar[str] = "skip"
    uses_turn: ClassVar[bool] = False
    actor: str = TRAINER


@dataclass(frozen=True)
class InjectEvent(Action):
    """The trainer plays a card of the deck now, whatever its conditions."""

    kind: ClassVar[str] = "inject"
    uses_turn: ClassVar[bool] = False
    card: str = ""
    actor: str = TRAINER


@dataclass(frozen=True)
class CallStrawPoll(Action):
    """Ask the participants of a possible deal, without binding anyone, if they would sign."""

    kind: ClassVar[str] = "poll"
    uses_turn: ClassVar[bool] = False
    project: str = ""
    participants: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    actor: str = TRAINER


ACTION_TYPES: dict[str, type[Action]] = {
    cls.kind: cls
    for cls in (
        Propose, Accept, Reject, Counter, Explore, ConsultUsers, BuildCompetence,
        Communicate, Pass, AnswerStrawPoll, Predict, Pause, Resume, SkipTurn, InjectEvent,
        CallStrawPoll,
    )
}  # fmt: skip


class BadActionData(ValueError):
    """A logged action that cannot be read back (a corrupt or hand-edited save)."""


def action_from_json(data: object) -> Action:
    if not isinstance(data, dict) or data.get("type") not in ACTION_TYPES:
        raise BadActionData(f"not an action: {str(data)[:80]}")
    cls = ACTION_TYPES[data["type"]]
    values = {}
    for spec in fields(cls):
        if spec.name not in data:
            if spec.name == "actor" and "actor" not in data:
                raise BadActionData(f"a {cls.kind} action without an actor")
            continue
        value = data[spec.name]
        values[spec.name] = tuple(value) if isinstance(value, list) else value
    try:
        return cls(**values)
    except TypeError as error:
        raise BadActionData(f"a {cls.kind} action with wrong fields: {error}") from None
