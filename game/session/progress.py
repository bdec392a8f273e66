"""A learner's progress across practice games, kept on this laptop per name.

A librarian practising alone at night wants to see whether they read their partners better
than last week. At the end of each practice game one entry is written for the name typed
on the solo screen ("anonymous" without one): when, which scenario and seed, and per kind
of question (``state.QUESTIONS``) the mean score and the count of that game's scored
predictions. The entries live in a ``progress`` folder beside the saves folder (the user's
data folder, found by platformdirs), one JSON file per name, each written whole or not at
all. A file that cannot be read is never silently overwritten: it is moved aside under a
name that says so, and the message says where.

No pygame here: the summary screen reads ``ProgressStore.entries`` and draws the chart.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from game.engine.record import write_atomically
from game.engine.state import QUESTIONS, GameState

ANONYMOUS = "anonymous"
FORMAT = 1


class ProgressError(Exception):
    """The progress file of a name cannot be read: the message says which and what to do."""


@dataclass(frozen=True)
class KindScore:
    """One kind of question in one game: the mean of its scored predictions, and how many."""

    mean: float
    count: int


@dataclass(frozen=True)
class GameEntry:
    """One finished practice game, as the progress chart reads it."""

    game: str  # the save's file name: a game is recorded once, however often it is resumed
    played: str  # when it ended, ISO 8601 (UTC)
    scenario: str  # the scenario's title
    seed: int
    role: str
    scores: dict[str, KindScore] = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> GameEntry:
        scores = {
            str(kind): KindScore(float(value["mean"]), int(value["count"]))
            for kind, value in data.get("scores", {}).items()
        }
        return cls(str(data["game"]), str(data["played"]), str(data["scenario"]),
                   int(data["seed"]), str(data["role"]), scores)  # fmt: skip


def learner_name(typed: str) -> str:
    """The name a learner typed, tidied; "anonymous" when nothing was typed."""
    name = " ".join(typed.split())
    return name or ANONYMOUS


def game_entry(state: GameState, role: str, game: str, when: datetime | None = None) -> GameEntry:
    """What one game adds to ``role``'s learner's progress: per kind of question asked, the
    mean score of its scored predictions (the engine's own scores) and their count."""
    scores: dict[str, KindScore] = {}
    made = [p for p in state.role_state(role).predictions if p.score is not None]
    for kind in QUESTIONS:
        scored = [p.score for p in made if p.kind == kind]
        if scored:
            scores[kind] = KindScore(round(sum(scored) / len(scored), 1), len(scored))
    played = (when or datetime.now(UTC)).isoformat(timespec="seconds")
    return GameEntry(game, played, state.scenario.title, state.seed, role, scores)


def progress_folder(saves: Path) -> Path:
    """Beside the saves folder: a learner's progress outlives any one saved game."""
    return saves.parent / "progress"


class ProgressStore:
    """The learners' progress files in one folder (``progress_folder``)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, name: str) -> Path:
        """The file of ``name``: readable words of it, and a short hash of the exact name,
        so "Anna B" and "anna-b" keep apart and no name can reach outside the folder."""
        name = learner_name(name)
        words = re.sub(r"[^\w]+", "-", name.casefold()).strip("-_")[:40] or "learner"
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
        return self.folder / f"{words}-{digest}.json"

    def entries(self, name: str) -> list[GameEntry]:
        """``name``'s games, oldest first; none yet is an empty list."""
        path = self.path(name)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as error:
            raise ProgressError(f"{path} could not be read ({error.strerror or error}).") from None
        try:
            data = json.loads(text)
            return [GameEntry.from_json(item) for item in data["games"]]
        except (ValueError, TypeError, KeyError) as error:
            raise ProgressError(
                f"{path} is damaged ({type(error).__name__}: {error}); the next game moves it "
                "aside and starts a new record."
            ) from None

    def record(self, name: str, entry: GameEntry) -> str:
        """Add ``entry`` to ``name``'s progress (once per game). Returns "" or, when an
        unreadable file had to be moved aside first, a sentence that says where it went."""
        name = learner_name(name)
        path = self.path(name)
        note = ""
        try:
            games = self.entries(name)
        except ProgressError:
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            aside = path.with_name(f"{path.stem}.damaged-{stamp}.json")
            path.replace(aside)
            note = f"The progress file {path} could not be read; it was kept as {aside}."
            games = []
        if any(game.game == entry.game for game in games):
            return note
        data = {"format": FORMAT, "name": name,
                "games": [game.to_json() for game in [*games, entry]]}  # fmt: skip
        write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1))
        return note
