"""Join codes: one per team and one for the trainer, made when a game with devices starts.

A code is what lets a device see a team's secrets, so it is long enough not to be
guessed in a workshop (10 symbols of 5 bits: 50 bits, from ``secrets``) and short enough
to be typed from a card: Crockford's base 32 (no I, L, O or U), grouped 5-5, read back
forgiving case, spaces, dashes and the look-alikes O/0 and I/L/1. The codes are saved
beside the save (``*.codes.json``, atomically), so a resumed game keeps them, and carry
the game's own id, so a code belongs to one game. They are never logged or put in a view.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from game.engine.actions import TRAINER
from game.engine.record import write_atomically

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
LENGTH = 10  # symbols: 50 bits
BITS = LENGTH * 5
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
CODES_FORMAT = 1


def new_code() -> str:
    """A fresh code in its printed form, e.g. ``7KQ2M-XW4RT``."""
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{symbols[:5]}-{symbols[5:]}"


def normalise(text: str) -> str:
    """What a person typed, as the code's symbols only ("" if it cannot be a code)."""
    cleaned = "".join(text.split()).replace("-", "").upper().translate(_LOOKALIKES)
    if len(cleaned) != LENGTH or any(symbol not in ALPHABET for symbol in cleaned):
        return ""
    return cleaned


def codes_path(save: Path) -> Path:
    """The codes' file beside a save, as the seats' file is."""
    return save.with_name(save.stem + ".codes.json")


@dataclass
class GameCodes:
    """The codes of one game: ``teams`` maps a role id to its code."""

    game: str  # this game's own id: codes of another game never open this one
    teams: dict[str, str]
    trainer: str
    #: the port the game's server listened on, so a resumed game listens there again and
    #: the phones come back without joining again (None until it has listened)
    port: int | None = None
    _index: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index = {normalise(code): role for role, code in self.teams.items()}
        self._index[normalise(self.trainer)] = TRAINER

    @classmethod
    def make(cls, roles: list[str]) -> GameCodes:
        """New codes for ``roles``, all different from one another."""
        made: set[str] = set()
        while len(made) < len(roles) + 1:
            made.add(new_code())
        codes = sorted(made)
        secrets.SystemRandom().shuffle(codes)
        teams = dict(zip(roles, codes, strict=False))
        return cls(secrets.token_hex(8), teams, codes[-1])

    def holder(self, typed: str) -> str | None:
        """Whose code ``typed`` is: a role id, ``"trainer"``, or None.

        Every code is compared in constant time, so the time taken says nothing about how
        close a guess came.
        """
        wanted = normalise(typed).encode()
        if not wanted:
            return None
        found = None
        for code, role in self._index.items():
            if secrets.compare_digest(code.encode(), wanted):
                found = role
        return found

    def to_json(self) -> dict[str, object]:
        return {
            "format": CODES_FORMAT,
            "game": self.game,
            "teams": self.teams,
            "trainer": self.trainer,
            "port": self.port,
        }

    @classmethod
    def from_json(cls, data: object) -> GameCodes:
        if not isinstance(data, dict) or data.get("format") != CODES_FORMAT:
            raise ValueError("not a codes file")
        teams = data["teams"]
        if not isinstance(teams, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and normalise(v) for k, v in teams.items()
        ):
            raise ValueError("a codes file with damaged team codes")
        if not normalise(str(data["trainer"])):
            raise ValueError("a codes file with a damaged trainer code")
        port = data.get("port")
        if not (isinstance(port, int) and 0 < port < 65536):
            port = None  # an older or damaged file: any port will do
        return cls(str(data["game"]), dict(teams), str(data["trainer"]), port)

    def save(self, save: Path) -> None:
        write_atomically(codes_path(save), json.dumps(self.to_json(), indent=1))


def codes_for(save: Path, roles: list[str]) -> GameCodes:
    """The game's codes: those saved beside ``save`` if they fit its roles, else new ones
    (saved at once). A damaged file is replaced: the trainer then hands out new cards."""
    try:
        codes = GameCodes.from_json(json.loads(codes_path(save).read_text(encoding="utf-8")))
        if sorted(codes.teams) == sorted(roles):
            return codes
    except (OSError, ValueError, KeyError, TypeError):
        pass
    codes = GameCodes.make(roles)
    codes.save(save)
    return codes
