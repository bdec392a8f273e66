"""The LAN server: the phone page, and a WebSocket per device around one ``Workshop``.

It follows boardgame.io's master (ARCHITECTURE.md, principle 10): a device proves its
team with the team's code; every action goes through ``Workshop.act`` one at a time
(one lock), which saves it; after each change every connected device receives its own
team's view and nothing else (``publish``); a device that joins or comes back receives
the whole current view at once. Each connection has its own queue and writer, so a slow
phone delays only itself, and the views reach a phone in the order they were made.

Nothing a device sends can raise out of a handler: it is refused with a reason, logged
(without codes) and counted in ``errors`` when it was a fault of ours.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import WSMsgType, web

from game.devices import protocol as p
from game.devices.codes import GameCodes
from game.devices.limits import GuessLimiter
from game.engine.actions import TRAINER, BadActionData
from game.engine.record import Origin
from game.session.workshop import Workshop

log = logging.getLogger("game.devices")

STATIC = Path(__file__).resolve().parent / "static"
TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".svg": "image/svg+xml",
    ".json": "application/json",
}
HEADERS = {
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: wss:; "
    "frame-ancestors 'none'",
}
REPLIES_KEPT = 64  # answers kept per device, to send again for an action sent again
#: a resumed server works out again (replaying the log) the answers to this many of each
#: device's last saved actions, once each: those a phone may still be waiting for
ANSWERS_FROM_SAVE = 8
QUEUE_LIMIT = 256  # messages waiting for one device: more, and it is not reading: closed
SOCKET_LIMIT = 4 * p.MAX_BYTES  # aiohttp closes a connection that sends more at once


@dataclass
class Device:
    """A device of a team: its id (kept in its browser) and the actions it has sent."""

    id: str
    role: str
    acked: int = 0  # the highest sequence number answered
    replies: OrderedDict[int, p.Ack | p.Refused] = field(default_factory=OrderedDict)
    #: its last actions in the save of a resumed game, whose answers are not in ``replies``
    saved: set[int] = field(default_factory=set)

    def remember(self, seq: int, reply: p.Ack | p.Refused) -> None:
        self.acked = max(self.acked, seq)
        self.replies[seq] = reply
        while len(self.replies) > REPLIES_KEPT:
            self.replies.popitem(last=False)


@dataclass(eq=False)
class Connection:
    socket: web.WebSocketResponse
    address: str
    device: Device | None = None
    queue: asyncio.Queue[str | None] = field(default_factory=asyncio.Queue)

    def send(self, message: p.Outgoing | str) -> None:
        """Queue a message for this device (never waits: its writer sends it)."""
        if self.queue.qsize() >= QUEUE_LIMIT:
            log.warning("a device at %s is not reading; closing it", self.address)
            self.queue.put_nowait(None)
            return
        self.queue.put_nowait(message if isinstance(message, str) else message.model_dump_json())


def _static_files() -> dict[str, tuple[bytes, str]]:
    """The phone page's files, read once: only these names are ever served."""
    return {
        path.name: (path.read_bytes(), TYPES[path.suffix])
        for path in sorted(STATIC.iterdir())
        if path.is_file() and path.suffix in TYPES
    }


class DeviceServer:
    """The devices' side of one running game."""

    def __init__(
        self,
        workshop: Workshop,
        codes: GameCodes,
        limiter: GuessLimiter | None = None,
        on_change: Callable[[], None] | None = None,
    ):
        self.workshop = workshop
        self.codes = codes
        self.limiter = limiter or GuessLimiter()
        self.on_change = on_change  # e.g. to wake the projector's loop
        self.lock = asyncio.Lock()
        self.connections: set[Connection] = set()
        self.devices: dict[tuple[str, str], Device] = {}  # (role, device id) -> device
        self._restore_devices()
        #: grows with every publish; it starts from the clock so that a server resumed
        #: after a crash sends views newer than any the old one sent (a phone keeps the
        #: newest version it has seen and ignores older ones)
        self.version = time.time_ns() // 1_000_000
        self.errors = 0  # faults of ours caught in a handler: 0 unless there is a bug
        self.files = _static_files()
        self._unwatch: Callable[[], None] | None = None

    def _restore_devices(self) -> None:
        """Every device's answered actions, from the save: the origins of the device
        actions in its log (and of those undone since), so that a resumed server answers
        an action sent again and never applies it twice."""
        for origin in self.workshop.session.record.device_origins():
            device = self.devices.setdefault(
                (origin.role, origin.device), Device(origin.device, origin.role)
            )
            device.acked = max(device.acked, origin.seq)
            device.saved.add(origin.seq)
        for device in self.devices.values():
            device.saved = set(sorted(device.saved)[-ANSWERS_FROM_SAVE:])

    # -- the application --------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024)
        app.router.add_get("/", self._index)
        app.router.add_get("/ws", self._socket)
        app.router.add_get("/static/{name}", self._static)
        app.on_startup.append(self._watch)
        app.on_shutdown.append(self._close_all)
        return app

    async def _watch(self, app: web.Application) -> None:
        """Publish after every change of the game, whichever front end made it and from
        whichever thread: the projector's loop acts on the workshop too."""
        loop = asyncio.get_running_loop()

        def changed() -> None:
            if not loop.is_closed():
                loop.call_soon_threadsafe(self.publish)

        self._unwatch = self.workshop.watch(changed)

    async def _index(self, request: web.Request) -> web.Response:
        return self._file("index.html")

    async def _static(self, request: web.Request) -> web.Response:
        return self._file(request.match_info.get("name", ""))

    def _file(self, name: str) -> web.Response:
        found = self.files.get(name)  # a name from the folder's own listing, or nothing
        if found is None or name.startswith("."):
            raise web.HTTPNotFound(text="Not found")
        body, content_type = found
        return web.Response(body=body, content_type=content_type, charset="utf-8", headers=HEADERS)

    async def _close_all(self, app: web.Application) -> None:
        if self._unwatch is not None:
            self._unwatch()
            self._unwatch = None
        for connection in list(self.connections):
            with contextlib.suppress(Exception):
                await connection.socket.close(message=b"The game has stopped.")

    # -- one device's connection --------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(max_msg_size=SOCKET_LIMIT, heartbeat=20.0)
        await socket.prepare(request)
        connection = Connection(socket, request.remote or "?")
        self.connections.add(connection)
        writer = asyncio.create_task(self._write(connection))
        try:
            async for message in socket:
                if message.type in (WSMsgType.TEXT, WSMsgType.BINARY):
                    await self.receive(connection, message.data)
                elif message.type == WSMsgType.ERROR:
                    break
        finally:
            self.connections.discard(connection)
            connection.queue.put_nowait(None)
            with contextlib.suppress(Exception):
                await writer
        return socket

    async def _write(self, connection: Connection) -> None:
        try:
            while (text := await connection.queue.get()) is not None:
                await connection.socket.send_str(text)
        except Exception:  # the device went away: its reader ends the connection
            pass
        with contextlib.suppress(Exception):
            await connection.socket.close()

    async def receive(self, connection: Connection, raw: str | bytes) -> None:
        """Answer one message from a device; nothing it holds can make this raise."""
        try:
            message = p.parse(raw)
            if isinstance(message, p.Refused):
                log.info("refused a message from %s (%s)", connection.address, message.why)
                connection.send(message)
            elif isinstance(message, p.Ping):
                connection.send(p.Pong())
            elif isinstance(message, p.Hello):
                await self._hello(connection, message)
            else:
                await self._action(connection, message)
        except Exception:
            self.errors += 1
            log.exception("a message from %s could not be handled", connection.address)
            connection.send(
                p.Refused(
                    why="server",
                    reason="The server could not handle that message; nothing changed.",
                )
            )

    async def _hello(self, connection: Connection, hello: p.Hello) -> None:
        wait = self.limiter.wait(connection.address)
        if wait:
            log.info("a code from %s refused: too many wrong codes", connection.address)
            connection.send(
                p.Refused(
                    why="rate-limited",
                    reason="Too many wrong codes from "
                    f"this address; try again in {math.ceil(wait)} s.",
                )
            )
            return
        holder = self.codes.holder(hello.code)
        if holder is None:
            self.limiter.wrong(connection.address)
            log.info("a wrong code from %s", connection.address)
            connection.send(
                p.Refused(
                    why="code",
                    reason="That is not a code of this game. Check the card and type it again.",
                )
            )
            return
        if holder == TRAINER:
            connection.send(
                p.Refused(
                    why="trainer",
                    reason="This is the trainer's code. "
                    "The trainer's controls are not on devices yet.",
                )
            )
            return
        async with self.lock:  # the welcome and the view reach it before any newer view
            device = self.devices.setdefault((holder, hello.device), Device(hello.device, holder))
            connection.device = device
            seat = self.workshop.seat(holder)
            log.info("a device of %s joined from %s", holder, connection.address)
            connection.send(
                p.Welcome(
                    device=device.id,
                    role=holder,
                    team=seat.team,
                    name=self.workshop.name(holder),
                    acked=device.acked,
                    lang=hello.lang,
                )
            )
            connection.send(self._view_text(holder))

    async def _action(self, connection: Connection, message: p.ActionMessage) -> None:
        device = connection.device
        if device is None:
            connection.send(
                p.Refused(
                    why="not-joined", seq=message.seq, reason="Join with your team's code first."
                )
            )
            return
        if message.device != device.id:
            connection.send(
                p.Refused(
                    why="device",
                    seq=message.seq,
                    reason="This connection belongs to another device.",
                )
            )
            return
        async with self.lock:
            if message.seq <= device.acked:
                connection.send(self._again(device, message.seq))
                return
            reply = self._apply(device, message)
            device.remember(message.seq, reply)
            connection.send(reply)  # the new views follow: the workshop's watcher publishes

    def _again(self, device: Device, seq: int) -> p.Ack | p.Refused:
        """The answer to an action sent again: the same answer, and nothing applied."""
        earlier = device.replies.get(seq)
        if isinstance(earlier, p.Ack):
            return earlier.model_copy(update={"duplicate": True})
        if earlier is not None:
            return earlier
        # answered by an earlier run of the server: its answer again from the save, when it
        # is one of the device's last actions there (once each: it costs a replay)
        outcome = None
        if seq in device.saved:
            device.saved.discard(seq)
            outcome = self.workshop.outcome_again(Origin(device.role, device.id, seq))
        if outcome is not None:
            reply = p.Ack(seq=seq, message=outcome.message, private=outcome.private)
            device.remember(seq, reply)
            return reply.model_copy(update={"duplicate": True})
        return p.Ack(seq=seq, message="This action was answered already.", duplicate=True)

    def _apply(self, device: Device, message: p.ActionMessage) -> p.Ack | p.Refused:
        role, seq = device.role, message.seq
        actor = message.action.actor
        if actor == TRAINER:
            return p.Refused(why="trainer", seq=seq, reason="A device cannot act as the trainer.")
        if actor is not None and actor != role:
            team = self.workshop.seat(role).team
            return p.Refused(
                why="not-yours",
                seq=seq,
                reason=f"This device plays for {team}; it cannot act for another team.",
            )
        try:
            action = p.to_action(message.action, role)
        except BadActionData:
            return p.Refused(why="malformed", seq=seq, reason="That action cannot be read.")
        # saved before it returns, with the device and the number it gave the action
        outcome = self.workshop.act(action, Origin(role, device.id, seq))
        if not outcome.ok:
            return p.Refused(why="rules", seq=seq, reason=outcome.message)
        return p.Ack(seq=seq, message=outcome.message, private=outcome.private)

    # -- publishing -----------------------------------------------------------------------

    def publish(self) -> None:
        """Every connected device receives its own team's view of the game as it is now.

        The workshop's watcher calls it (on this server's loop) after every change, from
        any front end: the devices, the projector, a computer partner, an undo, a reload.
        """
        self.version += 1
        texts: dict[str, str] = {}
        for connection in list(self.connections):
            if connection.device is not None:
                role = connection.device.role
                if role not in texts:
                    texts[role] = self._view_text(role)
                connection.send(texts[role])
        if self.on_change is not None:
            self.on_change()

    def _view_text(self, role: str) -> str:
        view = self.workshop.private_view(role)
        return p.ViewMessage(version=self.version, view=view).model_dump_json()

    def connected(self) -> dict[str, int]:
        """Devices connected per team (role id -> how many)."""
        counts: dict[str, int] = {}
        for connection in self.connections:
            if connection.device is not None:
                role = connection.device.role
                counts[role] = counts.get(role, 0) + 1
        return counts


async def serve(
    server: DeviceServer, host: str, port: int, listening: Callable[[int], None]
) -> None:
    """Listen on ``host``:``port`` (only there) until cancelled; ``listening`` is told the
    port once the socket is open (the one chosen when ``port`` is 0)."""
    runner = web.AppRunner(server.app(), access_log=None, handle_signals=False)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        listening(runner.addresses[0][1])
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
