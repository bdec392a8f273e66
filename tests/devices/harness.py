"""A game with a device server on 127.0.0.1, and phones that talk to it, for the stories.

Each story is a plain function that runs ``asyncio.run(...)`` on a coroutine: aiohttp's
own ``TestServer`` listens on 127.0.0.1 (never a LAN address) and each ``Phone`` is a
real WebSocket client of it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import ClientSession, ClientWebSocketResponse, WSMsgType
from aiohttp.test_utils import TestServer

from game.devices.codes import GameCodes, codes_for
from game.devices.limits import GuessLimiter
from game.devices.server import DeviceServer
from game.scenario.loading import load_scenario
from game.session.workshop import Seat, Workshop

T = TypeVar("T")
WAIT = 5.0  # seconds a reply may take before a story fails
QUIET = 0.15  # seconds of silence that count as "nothing arrives"


def run(story: Callable[[], Awaitable[T]], limit: float = 120.0) -> T:
    """Run an async story to its end within ``limit`` seconds."""

    async def bounded() -> T:
        return await asyncio.wait_for(story(), limit)

    return asyncio.run(bounded())


class Clock:
    """A clock the story moves by hand (for the wrong-code limit)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Table:
    workshop: Workshop
    codes: GameCodes
    server: DeviceServer
    http: TestServer
    session: ClientSession
    clock: Clock
    phones: list[Phone] = field(default_factory=list)

    @property
    def port(self) -> int:
        assert self.http.port is not None
        return self.http.port

    async def phone(self, device: str = "") -> Phone:
        number = len(self.phones) + 1
        socket = await self.session.ws_connect(self.http.make_url("/ws"))
        phone = Phone(socket, device or f"device-{number:04d}")
        self.phones.append(phone)
        phone.teams = await phone.next()  # the server's first word: the teams to ask for
        assert phone.teams["type"] == "teams", phone.teams
        phone.received.clear()  # the stories count what came after it (it is public)
        return phone

    async def joined(self, role: str, device: str = "") -> Phone:
        phone = await self.phone(device)
        welcome = await phone.hello(self.codes.teams[role])
        assert welcome["type"] == "welcome", welcome
        assert (await phone.next())["type"] == "view"
        assert (await phone.next())["type"] == "timer"  # the round timer follows a welcome
        return phone

    def save_bytes(self) -> bytes:
        path = self.workshop.session.path
        assert path is not None
        return path.read_bytes()


@asynccontextmanager
async def table(scenario: Path, folder: Path, seed: int = 1, guesses: int = 5):
    """A new game of ``scenario``, every seat on a device, served on 127.0.0.1."""
    roles = load_scenario(scenario).roles
    seats = [Seat(role.id, role.name, device=True) for role in roles]
    workshop = Workshop.start(scenario, seed, seats, folder)
    assert workshop.session.path is not None
    codes = codes_for(workshop.session.path, [role.id for role in roles])
    clock = Clock()
    server = DeviceServer(workshop, codes, GuessLimiter(guesses, 60.0, clock))
    http = TestServer(server.app(), host="127.0.0.1", port=0)
    await http.start_server()
    session = ClientSession()
    here = Table(workshop, codes, server, http, session, clock)
    try:
        yield here
    finally:
        for phone in here.phones:
            await phone.socket.close()
        await session.close()
        await http.close()


@dataclass
class Phone:
    """A device: its socket, its id, its next sequence number and all it has received."""

    socket: ClientWebSocketResponse
    device: str
    seq: int = 0
    received: list[dict[str, Any]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    teams: dict[str, Any] = field(default_factory=dict)  # the first message, kept apart

    async def send(self, message: dict[str, Any] | str | bytes) -> None:
        if isinstance(message, bytes):
            await self.socket.send_bytes(message)
        else:
            await self.socket.send_str(message if isinstance(message, str) else json.dumps(message))

    async def next(self, wait: float = WAIT) -> dict[str, Any]:
        """The next message; fails the story if none comes within ``wait`` seconds."""
        message = await self.socket.receive(timeout=wait)
        assert message.type == WSMsgType.TEXT, f"the connection ended: {message}"
        self.texts.append(message.data)
        data = json.loads(message.data)
        self.received.append(data)
        return data

    async def reply(self) -> dict[str, Any]:
        """The next message that is not a view or the round timer (views of others'
        actions are kept)."""
        while (message := await self.next())["type"] in ("view", "timer"):
            pass
        return message

    async def silent(self, wait: float = QUIET) -> bool:
        """True if nothing arrives for ``wait`` seconds."""
        try:
            message = await self.socket.receive(timeout=wait)
        except TimeoutError:
            return True
        if message.type == WSMsgType.TEXT:
            self.texts.append(message.data)
            self.received.append(json.loads(message.data))
        return False

    async def drain(self) -> list[dict[str, Any]]:
        """Whatever has arrived, until a moment's silence."""
        start = len(self.received)
        while not await self.silent(0.05):
            pass
        return self.received[start:]

    async def hello(self, code: str, device: str = "") -> dict[str, Any]:
        await self.send({"type": "hello", "code": code, "device": device or self.device})
        return await self.reply()

    def action(self, body: dict[str, Any], seq: int | None = None) -> dict[str, Any]:
        if seq is None:
            self.seq += 1
            seq = self.seq
        return {"type": "action", "device": self.device, "seq": seq, "action": body}

    async def act(self, body: dict[str, Any], seq: int | None = None) -> dict[str, Any]:
        await self.send(self.action(body, seq))
        return await self.reply()


def body_of(action) -> dict[str, Any]:
    """An engine action as a device sends it: no actor (the server puts the team's),
    no computer partner's cause."""
    data = action.to_json()
    data.pop("actor")
    data.pop("cause", None)
    return data


def views_of(phone: Phone) -> list[dict[str, Any]]:
    return [message["view"] for message in phone.received if message["type"] == "view"]


def as_json(value: Any) -> Any:
    return json.loads(json.dumps(value))
