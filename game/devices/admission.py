"""Joining without a code: a device asks to join as a team, the trainer admits or refuses.

A card with a code is one way in; the other is to pick one's team on the phone and let
the trainer, who can see who is holding the phone, say yes on the projector. An
admitted device receives a key of its own (128 bits from ``secrets``) that it sends back
instead of a code to come back, so a resumed game lets it in without asking again. The
keys are kept beside the save (``*.keys.json``, written atomically) as their SHA-256
digests only, and with the game's own id, so a key belongs to one game; a key is never
shown, logged or put in a view. The trainer can remove a device: its key is forgotten
and its connections are closed.

Asks are limited per address as wrong codes are (``limits.py``), and only so many may
wait at once, so a mischievous phone cannot bury the projector in questions.

Everything here runs on the device server's loop: the projector reads and answers the
asks through ``ServerThread.call``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any, Protocol

from game.devices import protocol as p
from game.devices.codes import GameCodes
from game.devices.connection import Connection
from game.devices.limits import GuessLimiter
from game.engine.record import write_atomically
from game.session.workshop import Workshop


class DeviceServer(Protocol):
    """What admission needs of the server (``server.DeviceServer``)."""

    workshop: Workshop
    codes: GameCodes
    connections: set[Any]
    devices: dict[tuple[str, str], Any]

    def join(
        self, connection: Connection, role: str, device_id: str, lang: str, key: str = ""
    ) -> None: ...

    def tell_projector(self) -> None: ...


log = logging.getLogger("game.devices")

KEYS_FORMAT = 1
KEY_BYTES = 16  # 128 bits
ASKS = 5  # asks an address may send ...
ASK_WINDOW = 60.0  # ... within this many seconds
WAITING_LIMIT = 24  # asks waiting for the trainer at once, at most


def keys_path(save: Path) -> Path:
    """The admitted devices' keys beside a save, as its codes are."""
    return save.with_name(save.stem + ".keys.json")


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Asking:
    """An ask as the projector shows it: which team, since when. Nothing else of the
    device (its id, its address) reaches the screen."""

    number: int
    role: str
    team: str
    since: float


@dataclass(frozen=True)
class Joined:
    """A device of a team as the trainer sees it."""

    role: str
    device: str  # its id: for ``remove``, never drawn
    connections: int  # open now
    seen: float | None  # seconds since its last message (None: not since the start)
    admitted: bool  # it holds a key (else it joined with its team's code)


@dataclass
class _Ask:
    number: int
    role: str
    device: str
    lang: str
    connection: Connection
    since: float


class Admission:
    """The asks waiting for the trainer, the keys of admitted devices, who was seen when."""

    def __init__(
        self,
        server: DeviceServer,
        save: Path | None,
        clock: Callable[[], float] = time.monotonic,
        limiter: GuessLimiter | None = None,
    ):
        self.server = server
        self.save = save
        self.clock = clock
        self.limiter = limiter or GuessLimiter(ASKS, ASK_WINDOW, clock)
        self.asks: dict[int, _Ask] = {}
        self._numbers = count(1)
        self.keys: dict[str, tuple[str, str]] = {}  # digest of a key -> (role, device id)
        self.key_of: dict[Connection, str] = {}  # a connection that came in with a key
        self.seen: dict[tuple[str, str], float] = {}
        self._load()

    # -- the keys beside the save ----------------------------------------------------------

    def _load(self) -> None:
        if self.save is None:
            return
        try:
            data = json.loads(keys_path(self.save).read_text(encoding="utf-8"))
            if data.get("format") != KEYS_FORMAT or data.get("game") != self.server.codes.game:
                return  # another game's keys (or none): nobody is admitted yet
            for item in data["keys"]:
                role, device, hashed = str(item["role"]), str(item["device"]), str(item["key"])
                if role in self.server.codes.teams and len(hashed) == 64:
                    self.keys[hashed] = (role, device)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.keys = {}  # a damaged file: the devices ask again

    def _save(self) -> None:
        if self.save is None:
            return
        items = [{"key": k, "role": r, "device": d} for k, (r, d) in sorted(self.keys.items())]
        data = {"format": KEYS_FORMAT, "game": self.server.codes.game, "keys": items}
        write_atomically(keys_path(self.save), json.dumps(data, indent=1))

    def holder(self, typed: str) -> tuple[str, str] | None:
        """(role, digest) of the admitted device whose key ``typed`` is, or None."""
        hashed = digest(typed)
        found = self.keys.get(hashed)
        return None if found is None else (found[0], hashed)

    # -- what devices send -------------------------------------------------------------------

    def teams(self) -> p.Teams:
        """The teams a device may ask to join: the seats played on devices."""
        workshop = self.server.workshop
        return p.Teams(
            teams=[
                p.TeamEntry(role=role, team=workshop.seat(role).team, name=workshop.name(role))
                for role in self.roles()
            ]
        )

    def roles(self) -> list[str]:
        seats = self.server.workshop.seats
        on_devices = [seat.role for seat in seats if seat.device]
        return on_devices or [seat.role for seat in seats]

    def ask(self, connection: Connection, message: p.Ask) -> None:
        """A device asks to join as ``message.role``: it waits for the trainer."""
        address = connection.address
        wait = self.limiter.wait(address)
        if wait:
            connection.send(p.Refused(why="rate-limited", reason="Too many asks from this "
                                      f"address; try again in {int(wait) + 1} s."))  # fmt: skip
            return
        self.limiter.wrong(address)  # every ask counts, not only refused ones
        if message.role not in self.roles():
            connection.send(p.Refused(why="unknown", reason="No team of this game plays on "
                                      "a device under that name."))  # fmt: skip
            return
        self._drop(lambda ask: ask.connection is connection)  # its newest ask stands
        if len(self.asks) >= WAITING_LIMIT:
            connection.send(p.Refused(why="rate-limited", reason="Too many devices are "
                                      "asking at once; try again in a minute."))  # fmt: skip
            return
        number = next(self._numbers)
        self.asks[number] = _Ask(number, message.role, message.device, message.lang,
                                 connection, self.clock())  # fmt: skip
        log.info("a device at %s asks to join as %s", address, message.role)
        connection.send(p.Waiting(role=message.role))
        self.server.tell_projector()

    def seen_now(self, connection: Connection) -> None:
        device = connection.device
        if device is not None:
            self.seen[(device.role, device.id)] = self.clock()

    def closed(self, connection: Connection) -> None:
        """A connection ended: its asks go (nobody is left to admit), the trainer's list
        changes."""
        self.key_of.pop(connection, None)
        if self._drop(lambda ask: ask.connection is connection) or connection.device:
            self.server.tell_projector()

    def _drop(self, which: Callable[[_Ask], bool]) -> bool:
        gone = [number for number, ask in self.asks.items() if which(ask)]
        for number in gone:
            del self.asks[number]
        return bool(gone)

    # -- what the trainer does (through ServerThread.call) ---------------------------------

    def pending(self) -> list[Asking]:
        """The asks waiting, oldest first."""
        workshop = self.server.workshop
        return [
            Asking(ask.number, ask.role, workshop.seat(ask.role).team, ask.since)
            for ask in sorted(self.asks.values(), key=lambda a: a.number)
        ]

    def admit(self, number: int) -> bool:
        """Let the asking device in: a fresh key of its own, kept, then its welcome and
        view. False if the ask is gone (answered, or the device left)."""
        ask = self.asks.pop(number, None)
        if ask is None or ask.connection not in self.server.connections:
            return False
        key = secrets.token_urlsafe(KEY_BYTES)
        hashed = digest(key)
        self.keys[hashed] = (ask.role, ask.device)
        self._save()
        self.key_of[ask.connection] = hashed
        log.info("the trainer admitted a device of %s", ask.role)
        self.server.join(ask.connection, ask.role, ask.device, ask.lang, key)
        self.server.tell_projector()
        return True

    def refuse(self, number: int) -> bool:
        ask = self.asks.pop(number, None)
        if ask is None:
            return False
        log.info("the trainer refused a device asking to join as %s", ask.role)
        ask.connection.send(p.Refused(why="refused", reason="The trainer did not let this "
                                      "device join. Ask the trainer."))  # fmt: skip
        self.server.tell_projector()
        return True

    def devices(self) -> list[Joined]:
        """Every device of the game: admitted ones (connected or not) and those connected
        with their team's code, by team then by when each was first known."""
        admitted = {place for place in self.keys.values()}
        open_now: dict[tuple[str, str], int] = {}
        for connection in self.server.connections:
            if connection.device is not None:
                place = (connection.device.role, connection.device.id)
                open_now[place] = open_now.get(place, 0) + 1
        now = self.clock()
        order = {role: index for index, role in enumerate(self.server.codes.teams)}
        places = sorted(set(admitted) | set(open_now), key=lambda pl: (order.get(pl[0], 99), pl))
        return [
            Joined(
                role,
                device,
                open_now.get((role, device), 0),
                now - self.seen[(role, device)] if (role, device) in self.seen else None,
                (role, device) in admitted,
            )
            for role, device in places
        ]

    def remove(self, role: str, device: str) -> int:
        """Forget the device's key and close its connections (each told ``removed``);
        returns how many were closed. A device that joined with its team's code can join
        with it again: that is the card's holder's right."""
        forgotten = [k for k, place in self.keys.items() if place == (role, device)]
        for k in forgotten:
            del self.keys[k]
        if forgotten:
            self._save()
        closed = 0
        for connection in list(self.server.connections):
            mine = connection.device
            if mine is not None and (mine.role, mine.id) == (role, device):
                connection.send(p.Refused(why="removed", reason="The trainer removed this "
                                          "device from the game."))  # fmt: skip
                connection.device = None
                connection.queue.put_nowait(None)  # its writer closes the socket
                closed += 1
        self.server.devices.pop((role, device), None)
        self.seen.pop((role, device), None)
        log.info("the trainer removed a device of %s", role)
        self.server.tell_projector()
        return closed
