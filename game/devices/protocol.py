"""Every message between a device and the server, as pydantic models.

A device is assumed curious or mischievous, so nothing it sends is trusted: each message
is checked whole against these models (strict types, no unknown fields, a size cap)
before anything reads it, and what does not pass is answered with a ``Refused`` that
says why and changes nothing. A device never names the actor of its actions in a way
that counts: the server puts the device's own team there (``to_action``); an ``actor``
field is allowed only so that a device that tries another team's can be told no.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from game.engine.actions import Action, action_from_json

MAX_BYTES = 16 * 1024  # a message from a device; the largest real one is well under 2 KB
MAX_SEQ = 2**53  # what a JavaScript number holds exactly

Id = Annotated[str, Field(min_length=1, max_length=80)]
Reason = Annotated[str, Field(max_length=500)]
Ids = Annotated[list[Id], Field(max_length=24)]
DeviceId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
Seq = Annotated[int, Field(ge=1, le=MAX_SEQ)]
DealNumber = Annotated[int, Field(ge=0, le=1_000_000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# -- what a team's device may ask its team to do ---------------------------------------


class _TeamAction(_Strict):
    #: only ever the device's own team (or absent); see the module's docstring
    actor: Id | None = None


class ProposeBody(_TeamAction):
    type: Literal["propose"]
    project: Id
    participants: Ids
    options: Ids


class AcceptBody(_TeamAction):
    type: Literal["accept"]
    deal: DealNumber


class RejectBody(_TeamAction):
    type: Literal["reject"]
    deal: DealNumber
    reason: Reason


class CounterBody(_TeamAction):
    type: Literal["counter"]
    deal: DealNumber
    participants: Ids
    options: Ids
    reason: Reason = ""


class ExploreBody(_TeamAction):
    type: Literal["explore"]
    target: Id


class ConsultBody(_TeamAction):
    type: Literal["consult"]
    project: Id


class BuildBody(_TeamAction):
    type: Literal["build"]
    competency: Id


class CommunicateBody(_TeamAction):
    type: Literal["communicate"]
    channel: Literal["newsletter", "flyer"]


class PassBody(_TeamAction):
    type: Literal["pass"]


class PollAnswerBody(_TeamAction):
    type: Literal["poll-answer"]
    yes: bool


class PredictBody(_TeamAction):
    type: Literal["predict"]
    target: Id
    project: Id
    ranking: Ids = []
    deal: DealNumber | None = None
    accepts: bool | None = None


TeamAction = Annotated[
    ProposeBody | AcceptBody | RejectBody | CounterBody | ExploreBody | ConsultBody
    | BuildBody | CommunicateBody | PassBody | PollAnswerBody | PredictBody,
    Field(discriminator="type"),
]  # fmt: skip
#: the trainer's actions (pause, skip, inject, poll) are not here: a device cannot send them


def to_action(body: _TeamAction, role: str) -> Action:
    """The engine's action for ``body``, taken by ``role`` (the device's own team)."""
    data: dict[str, Any] = body.model_dump(exclude={"actor"})
    return action_from_json({**data, "actor": role})


# -- what a device sends ----------------------------------------------------------------


class Hello(_Strict):
    """Join (or join again) with a team's code; ``device`` is the device's own id, kept
    in its browser, so a device that comes back is known."""

    type: Literal["hello"]
    code: Annotated[str, Field(max_length=40)]
    device: DeviceId
    lang: Literal["en", "da"] = "en"


class ActionMessage(_Strict):
    """An action for the device's team; ``seq`` grows by one each new action, and the
    same action sent again (after a lost connection) keeps its number."""

    type: Literal["action"]
    device: DeviceId
    seq: Seq
    action: TeamAction


class Ping(_Strict):
    type: Literal["ping"]


# -- the trainer's channel (the room page, joined with the trainer's code) --------------


class PauseCommand(_Strict):
    type: Literal["pause"]


class ResumeCommand(_Strict):
    type: Literal["resume"]


class SkipCommand(_Strict):
    """The team whose turn it is passes, on the trainer's word."""

    type: Literal["skip"]


class InjectCommand(_Strict):
    """Play this event card now (its id, from ``TrainerWelcome.cards``)."""

    type: Literal["inject"]
    card: Id


class PollCommand(_Strict):
    """A straw poll on an open deal, by its number: the server takes its terms."""

    type: Literal["poll"]
    deal: DealNumber


class UndoCommand(_Strict):
    type: Literal["undo"]


class AdmitCommand(_Strict):
    """Let in the device of this ask (its number, from ``DevicesMessage.asks``)."""

    type: Literal["admit"]
    ask: Annotated[int, Field(ge=1, le=MAX_SEQ)]


class RefuseCommand(_Strict):
    type: Literal["refuse"]
    ask: Annotated[int, Field(ge=1, le=MAX_SEQ)]


class RemoveCommand(_Strict):
    """Remove a team's device: ``device`` is its handle from ``DevicesMessage`` (never
    the device's own id, which the room page is not told)."""

    type: Literal["remove"]
    role: Id
    device: Annotated[str, Field(pattern=r"^[a-hjkmnp-s]{16}$")]


TrainerCommand = Annotated[
    PauseCommand | ResumeCommand | SkipCommand | InjectCommand | PollCommand | UndoCommand
    | AdmitCommand | RefuseCommand | RemoveCommand,
    Field(discriminator="type"),
]  # fmt: skip


class TrainerMessage(_Strict):
    """A trainer's control from the room page; only a connection that said ``hello``
    with the trainer's code may send it. ``seq`` as for a device's action: a command
    sent again is answered again and applied once."""

    type: Literal["trainer"]
    device: DeviceId
    seq: Seq
    command: TrainerCommand


class Read(_Strict):
    """The deal builder's terms, for the team's own reading of them (``Reading``): the
    phone shows the numbers the server works out and never adds points itself. Empty
    ``participants`` or ``options``: the builder's starting ones; ``deal``: a counter to
    that open deal (its refusal is then a counter's)."""

    type: Literal["read"]
    project: Id
    participants: Ids = []
    options: Ids = []
    deal: DealNumber | None = None


class Ask(_Strict):
    """Ask to join as a team without its code: the trainer admits or refuses on the
    projector (game/devices/admission.py)."""

    type: Literal["ask"]
    role: Id
    device: DeviceId
    lang: Literal["en", "da"] = "en"


Received = Hello | ActionMessage | Ping | TrainerMessage | Read | Ask
Incoming = Annotated[Received, Field(discriminator="type")]
_incoming: TypeAdapter[Received] = TypeAdapter(Incoming)


# -- what the server sends ----------------------------------------------------------------

Why = Literal[
    "oversized", "malformed", "unknown", "code", "rate-limited", "not-joined", "device",
    "not-yours", "rules", "trainer", "server", "refused", "removed",
]  # fmt: skip


class Welcome(_Strict):
    type: Literal["welcome"] = "welcome"
    device: str
    role: str
    team: str  # the team's own name for itself
    name: str  # the role's name in the scenario
    acked: int  # the highest sequence number of this device already answered (0: none)
    lang: str
    #: admitted by the trainer: this device's own secret, sent back as ``code`` in a
    #: ``hello`` to come back without asking again ("" when it joined with a code)
    key: str = ""


class ViewMessage(_Strict):
    """The team's whole view: sent on joining, on coming back and after every action.

    Beside it, the team's own readings (``reading.open_readings``): deal number -> what
    that open deal means for the team, as its projector screen would say it; the straw
    poll's terms read the same way; and the moves the rules allow it now."""

    type: Literal["view"] = "view"
    version: int  # grows with every change the server publishes
    view: dict[str, Any]
    readings: dict[str, Any] = {}
    poll_reading: dict[str, Any] | None = None
    moves: dict[str, Any] = {}


class Reading(_Strict):
    """The answer to a ``Read``: the terms as read (the starting ones filled in), the
    team's reading of them, and the refusal proposing them would meet (None: allowed);
    or ``problem`` when the terms cannot be read."""

    type: Literal["reading"] = "reading"
    project: str
    deal: int | None = None
    reading: dict[str, Any] | None = None
    refusal: str | None = None
    problem: str = ""


class Ack(_Strict):
    """The action ``seq`` was applied (``duplicate``: it had been already, not again)."""

    type: Literal["ack"] = "ack"
    seq: int
    message: str
    private: str = ""  # what only this team may read (an exploration's fact)
    duplicate: bool = False


class Refused(_Strict):
    type: Literal["refused"] = "refused"
    why: Why
    reason: str
    seq: int | None = None


class Pong(_Strict):
    type: Literal["pong"] = "pong"


class TrainerWelcome(_Strict):
    """The trainer's code was right: the room's view follows, and its controls work.
    ``teams`` are public (each role's team name); ``cards`` the deck's titles, for the
    trainer to pick one to play."""

    type: Literal["trainer-welcome"] = "trainer-welcome"
    device: str
    acked: int
    lang: str
    teams: list[dict[str, str]]
    cards: list[dict[str, str]]


class RoomMessage(_Strict):
    """The room's view (``Workshop.public_view``): what the projector may show, nothing
    private; sent on the trainer's welcome and after every change."""

    type: Literal["room"] = "room"
    version: int
    view: dict[str, Any]


class AskEntry(_Strict):
    number: int
    role: str
    team: str  # the team's own name for itself


class DeviceEntry(_Strict):
    """A team's device as the room page lists it: a handle to remove it by, and what the
    room may see (no id, no address, no key)."""

    device: str  # a handle made by the server for this list (``TrainerChannel.handle``)
    connected: bool
    seen_seconds_ago: float | None  # since its last message (None: not since the start)
    admitted: bool  # it holds a key (else it joined with its team's code)


class TeamDevices(_Strict):
    role: str
    team: str
    devices: list[DeviceEntry]


class DevicesMessage(_Strict):
    """For the trainer's connection only: the asks waiting (oldest first) and each team's
    devices; sent after the trainer's welcome and whenever either changes."""

    type: Literal["devices"] = "devices"
    asks: list[AskEntry]
    teams: list[TeamDevices]


class TeamEntry(_Strict):
    role: str
    team: str  # the team's own name for itself
    name: str  # the role's name in the scenario


class Teams(_Strict):
    """Sent as a socket opens: the teams a device may ask to join (public names only)."""

    type: Literal["teams"] = "teams"
    teams: list[TeamEntry]


class Waiting(_Strict):
    """The ask reached the projector: the trainer admits or refuses it."""

    type: Literal["waiting"] = "waiting"
    role: str


class Timer(_Strict):
    """The projector's round timer: seconds left when it was sent (None: no timer)."""

    type: Literal["timer"] = "timer"
    left: float | None
    running: bool


Outgoing = (
    Welcome | ViewMessage | Ack | Refused | Pong | Reading | TrainerWelcome | RoomMessage
    | Teams | Waiting | Timer | DevicesMessage
)  # fmt: skip


def parse(raw: str | bytes) -> Received | Refused:
    """The message ``raw`` as a model, or the ``Refused`` to send back. Never raises."""
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        return Refused(why="oversized", reason=f"A message may hold at most {MAX_BYTES} bytes.")
    try:
        return _incoming.validate_json(raw)
    except ValidationError as error:
        return _refusal(error)
    except (ValueError, RecursionError):
        return Refused(why="malformed", reason="The message is not valid JSON.")


def _refusal(error: ValidationError) -> Refused:
    first = error.errors(include_url=False, include_input=False)[0]
    # the first place is the message's type (the union's tag): the field path follows it
    loc = first["loc"]
    where = ".".join(str(part) for part in loc[1:]) or (str(loc[0]) if loc else "message")
    if first["type"] == "json_invalid":
        return Refused(why="malformed", reason="The message is not valid JSON.")
    if first["type"] in ("union_tag_invalid", "union_tag_not_found"):
        what = "an action" if len(loc) >= 2 else "a message"
        return Refused(why="unknown", reason=f"Not {what} a device can send.")
    return Refused(why="malformed", reason=f"{where}: {first['msg']}"[:300])
