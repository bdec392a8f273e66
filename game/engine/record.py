"""A game is (scenario, seed, actions): saved after every action, replayed to resume.

The save names the scenario file and the SHA-256 of its bytes; loading replays the log
against the scenario, so undo is "replay all but the last action" and the debrief's
timeline is "replay the first N". Saves are JSON, written atomically (a temporary file in
the same folder, fsync, rename, fsync of the folder): a crash, a closed lid or a pulled
plug loses at most the action in flight. A save that cannot be read is reported and never
written over.

An action that came from a team's device carries its origin in its log entry (the
device's id and the action's sequence number), saved in the same write as the action:
a server resumed after a crash knows every action it answered, so one sent again is
answered again and never applied twice. Saves without origins (older ones, games played
on the laptop) load as they always did.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from game.engine.actions import Action, BadActionData, action_from_json
from game.engine.rules import IllegalAction, apply
from game.engine.state import GameState, new_game
from game.scenario.loading import check_file
from game.scenario.model import Scenario

SAVE_FORMAT = 1
#: the version of the rules a save was made under. 2: the one rule for "would sign"
#: (game/engine/acceptability.py) — a deal signs only when every role its options need has
#: accepted, the rules refuse only what a role cannot sign, computer partners answer by the
#: rule, acceptance predictions are scored when the partner answers. A save without the
#: field was made under version 1.
RULES_VERSION = 2
OLDER_RULES = (
    "This game was saved under an older version of the rules (version {old}; today's is "
    "{new}). It is replayed under today's rules, so its deals and scores may differ from "
    "what the room saw."
)


class Step(NamedTuple):
    """One action of a replayed log (numbered from 1) and the states around it."""

    number: int
    before: GameState
    action: Action
    after: GameState


class SaveError(Exception):
    """A save that cannot be used; ``str()`` says why and what to do."""


@dataclass(frozen=True)
class Origin:
    """The team's device an action came from, and the number it gave the action (its
    ``seq``): what a resumed device server needs to answer that action again, not apply it
    again."""

    role: str
    device: str
    seq: int

    def to_json(self) -> dict[str, Any]:
        return {"role": self.role, "device": self.device, "seq": self.seq}

    @classmethod
    def from_json(cls, data: object) -> Origin:
        if not isinstance(data, dict):
            raise ValueError(f"not an action's origin: {str(data)[:80]}")
        role, device, seq = data["role"], data["device"], data["seq"]
        if not (isinstance(role, str) and isinstance(device, str)):
            raise ValueError("an action's origin without a role or a device")
        if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
            raise ValueError(f"an action's origin with a wrong sequence number: {seq!r}")
        return cls(role, device, seq)


@dataclass
class GameRecord:
    scenario_file: str
    scenario_hash: str
    seed: int
    actions: list[Action] = field(default_factory=list)
    started: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    rules: int = RULES_VERSION  # the rules' version the game was played under
    #: the device each device action came from, by the action's place in ``actions``
    #: (from 0); actions played on the laptop have none
    origins: dict[int, Origin] = field(default_factory=dict)
    #: the origins of device actions that were applied and later undone: still answered,
    #: so a resumed server does not apply one again when its device sends it again
    answered: list[Origin] = field(default_factory=list)
    #: role -> personality of each computer partner, as the game began: the state's hidden
    #: fact (``GameState.personalities``); older saves have none
    personalities: dict[str, str] = field(default_factory=dict)

    def first_state(self, scenario: Scenario) -> GameState:
        """The game before its first action."""
        return new_game(scenario, self.seed, tuple(self.personalities.items()))

    @property
    def older_rules(self) -> str | None:
        """The plain sentence for a save made under an older version of the rules."""
        if self.rules >= RULES_VERSION:
            return None
        return OLDER_RULES.format(old=self.rules, new=RULES_VERSION)

    def replay(self, scenario: Scenario, upto: int | None = None) -> GameState:
        """The state after the first ``upto`` actions (all of them by default)."""
        state = self.first_state(scenario)
        for step in self.steps(scenario, upto):
            state = step.after
        return state

    def steps(self, scenario: Scenario, upto: int | None = None) -> Iterator[Step]:
        """The log replayed once: every action with the states before and after it, for
        whoever needs more than the end (the export's running scores, the timeline)."""
        state = self.first_state(scenario)
        for number, action in enumerate(self.actions[:upto], 1):
            try:
                after = apply(state, action)
            except IllegalAction as error:
                older = (
                    f" (it was saved under version {self.rules} of the rules; today's is "
                    f"{RULES_VERSION})"
                    if self.older_rules
                    else ""
                )
                raise SaveError(
                    f"action {number} of the save cannot be replayed: {error}{older}"
                ) from None
            yield Step(number, state, action, after)
            state = after

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SAVE_FORMAT,
            "rules": self.rules,
            "scenario_file": self.scenario_file,
            "scenario_hash": self.scenario_hash,
            "seed": self.seed,
            "started": self.started,
            "saved": datetime.now(UTC).isoformat(timespec="seconds"),
            "actions": [self._entry(number, action) for number, action in enumerate(self.actions)],
            **(
                {"answered": [origin.to_json() for origin in self.answered]}
                if self.answered
                else {}
            ),
            **({"personalities": dict(self.personalities)} if self.personalities else {}),
        }

    def _entry(self, number: int, action: Action) -> dict[str, Any]:
        entry = action.to_json()
        origin = self.origins.get(number)
        if origin is not None:
            entry["origin"] = origin.to_json()
        return entry

    def device_origins(self) -> Iterator[Origin]:
        """Every device action this game has answered with its application: those in the
        log and those undone since."""
        yield from self.origins.values()
        yield from self.answered

    @classmethod
    def from_json(cls, data: object) -> GameRecord:
        if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
            raise SaveError("this is not an Out of the Box save (or one from another version)")
        try:
            entries = data["actions"]
            return cls(
                scenario_file=str(data["scenario_file"]),
                scenario_hash=str(data["scenario_hash"]),
                seed=int(data["seed"]),
                actions=[action_from_json(item) for item in entries],
                started=str(data.get("started", "")),
                rules=int(data.get("rules", 1)),
                origins={
                    number: Origin.from_json(item["origin"])
                    for number, item in enumerate(entries)
                    if "origin" in item
                },
                answered=[Origin.from_json(item) for item in data.get("answered", [])],
                personalities={
                    str(role): str(name) for role, name in data.get("personalities", {}).items()
                },
            )
        except (KeyError, TypeError, ValueError, BadActionData) as error:
            raise SaveError(f"the save is damaged ({error})") from None


def saves_folder() -> Path:
    """Where games are saved: the user's data folder (``OUTOFTHEBOX_SAVES`` overrides)."""
    if os.environ.get("OUTOFTHEBOX_SAVES"):
        return Path(os.environ["OUTOFTHEBOX_SAVES"])
    import platformdirs

    return Path(platformdirs.user_data_dir("outofthebox", appauthor=False)) / "saves"


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` whole, or leave it as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)  # the rename itself survives a power cut
    finally:
        os.close(folder)


def save(record: GameRecord, path: Path) -> None:
    write_atomically(path, json.dumps(record.to_json(), ensure_ascii=False, indent=1))


def read_record(path: Path) -> GameRecord:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SaveError(f"{path}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise SaveError(f"{path}: the save is damaged (not text)") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SaveError(
            f"{path}: the save is damaged or cut short (line {error.lineno}: {error.msg}); "
            "it is left as it is"
        ) from None
    try:
        return GameRecord.from_json(data)
    except SaveError as error:
        raise SaveError(f"{path}: {error}") from None


def resume(path: Path, scenario_file: Path | None = None) -> tuple[GameRecord, GameState]:
    """Load a save and replay it against its scenario, checking the scenario is the same."""
    record = read_record(path)
    source = scenario_file or Path(record.scenario_file)
    result = check_file(source)
    if not result.ok:
        raise SaveError(f"{path}: its scenario {source} is missing or no longer valid")
    if result.content_hash != record.scenario_hash:
        raise SaveError(
            f"{path}: the scenario file {source} has changed since this game was saved; "
            "the game cannot be replayed on a different scenario"
        )
    return record, record.replay(result.scenario())


class Session:
    """A game being played: the record, the current state, and its save file.

    Every action that the rules accept is appended and saved before ``act`` returns.
    """

    def __init__(
        self,
        scenario: Scenario,
        record: GameRecord,
        path: Path | None,
        state: GameState | None = None,
    ):
        self.scenario = scenario
        self.record = record
        self.path = path
        self.state = state if state is not None else record.replay(scenario)

    @classmethod
    def start(
        cls,
        scenario_file: Path,
        seed: int,
        folder: Path | None = None,
        path: Path | None = None,
        personalities: dict[str, str] | None = None,
    ) -> Session:
        """A new game, saved at once: in ``path``, or a new file in ``folder`` (never over
        an existing save, which may be one that could not be read). ``personalities``: the
        computer partners' (role -> personality), the game's hidden fact."""
        result = check_file(scenario_file)
        scenario = result.scenario()
        record = GameRecord(
            str(Path(scenario_file).resolve()), result.content_hash, seed,
            personalities=dict(personalities or {}),
        )  # fmt: skip
        if path is None:
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
            path = (folder or saves_folder()) / f"{scenario.id}-{stamp}.json"
        if path.exists():
            raise SaveError(f"{path} exists already; a new game never writes over a save")
        session = cls(scenario, record, path)
        session.save()
        return session

    @classmethod
    def load(cls, path: Path) -> Session:
        record, state = resume(path)
        return cls(state.scenario, record, path, state)

    def act(self, action: Action, origin: Origin | None = None) -> GameState:
        """Apply ``action`` and save it (with its ``origin``, a device's, in the same write).

        All or nothing: when the save cannot be written the game stays as it was and the
        error is raised, so an action is never in play without being in the save.
        """
        before = self.state
        after = apply(before, action)  # raises IllegalAction: nothing changes
        number = len(self.record.actions)
        self.record.actions.append(action)
        if origin is not None:
            self.record.origins[number] = origin
        self.state = after
        try:
            self.save()
        except BaseException:
            del self.record.actions[number:]
            self.record.origins.pop(number, None)
            self.state = before
            raise
        return self.state

    def undo(self) -> GameState:
        """Take back the last action: the game is replayed without it."""
        if not self.record.actions:
            raise IllegalAction("There is nothing to undo.")
        self.record.actions.pop()
        origin = self.record.origins.pop(len(self.record.actions), None)
        if origin is not None:
            self.record.answered.append(origin)
        self.state = self.record.replay(self.scenario)
        self.save()
        return self.state

    def save(self) -> None:
        if self.path is not None:
            save(self.record, self.path)
