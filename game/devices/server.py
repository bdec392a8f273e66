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
from collections.abc import Callable
from pathlib import Path

from aiohttp import WSMsgType, web

from game.devices import pagewords, reading
from game.devices import protocol as p
from game.devices.admission import Admission
from game.devices.codes import GameCodes
from game.devices.connection import Connection, Device
from game.devices.limits import GuessLimiter
from game.devices.trainer_channel import TrainerChannel
from game.engine import actions as act
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
#: a resumed server works out again (replaying the log) the answers to this many of each
#: device's last saved actions, once each: those a phone may still be waiting for
ANSWERS_FROM_SAVE = 8
SOCKET_LIMIT = 4 * p.MAX_BYTES  # aiohttp closes a connection that sends more at once


def _static_files() -> dict[str, tuple[bytes, str]]:
    """The pages' files, read once: only these names are ever served; each page's
    strings file is made from the screens' translation table."""
    files = {
        path.name: (path.read_bytes(), TYPES[path.suffix])
        for path in sorted(STATIC.iterdir())
        if path.is_file() and path.suffix in TYPES
    }
    for page, (_, _, strings) in pagewords.PAGES.items():
        files[strings] = (pagewords.strings_js(page=page).encode("utf-8"), TYPES[".js"])
    return files


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
        self.trainer = TrainerChannel(self)  # the room page, with the trainer's code
        self.admission = Admission(self, workshop.session.path)
        self.timer = p.Timer(left=None, running=False)  # the projector's round timer

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
        app.router.add_get("/room", self._room)
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

    async def _room(self, request: web.Request) -> web.Response:
        return self._file("room.html")

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
        connection.send(self.admission.teams())
        try:
            async for message in socket:
                if message.type in (WSMsgType.TEXT, WSMsgType.BINARY):
                    await self.receive(connection, message.data)
                elif message.type == WSMsgType.ERROR:
                    break
        finally:
            self.connections.discard(connection)
            self.trainer.forget(connection)
            self.admission.closed(connection)
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
            self.admission.seen_now(connection)
            message = p.parse(raw)
            if isinstance(message, p.Refused):
                log.info("refused a message from %s (%s)", connection.address, message.why)
                connection.send(message)
            elif isinstance(message, p.Ping):
                connection.send(p.Pong())
            elif isinstance(message, p.Hello):
                await self._hello(connection, message)
            elif isinstance(message, p.TrainerMessage):
                await self.trainer.command(connection, message)
            elif isinstance(message, p.Read):
                self._read(connection, message)
            elif isinstance(message, p.Ask):
                self.admission.ask(connection, message)
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
        admitted = self.admission.holder(hello.code) if holder is None else None
        if admitted is not None:
            holder = admitted[0]
            self.admission.key_of[connection] = admitted[1]
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
            async with self.lock:  # the welcome and the room's view before any newer view
                self.trainer.welcome(connection, hello)
            return
        async with self.lock:  # the welcome and the view reach it before any newer view
            self.join(connection, holder, hello.device, hello.lang)

    def join(
        self, connection: Connection, role: str, device_id: str, lang: str, key: str = ""
    ) -> None:
        """The device is in: its welcome (with its ``key`` when the trainer admitted it),
        its team's view and the round timer, in that order, before anything newer."""
        self.trainer.forget(connection)
        device = self.devices.setdefault((role, device_id), Device(device_id, role))
        connection.device = device
        connection.lang = lang
        self.admission.seen_now(connection)
        seat = self.workshop.seat(role)
        log.info("a device of %s joined from %s", role, connection.address)
        connection.send(
            p.Welcome(
                device=device.id,
                role=role,
                team=seat.team,
                name=self.workshop.name(role),
                acked=device.acked,
                lang=lang,
                key=key,
            )
        )
        connection.send(self._view_text(role, lang))
        connection.send(self.timer)
        self.tell_projector()

    async def _action(self, connection: Connection, message: p.ActionMessage) -> None:
        device = connection.device
        if device is None:
            connection.send(
                p.Refused(
                    why="not-joined", seq=message.seq, reason="Join with your team's code first."
                )
            )
            return
        refused = device.not_its_own(message.device, message.seq)
        if refused is not None:
            connection.send(refused)
            return
        async with self.lock:
            if device.answered(message.seq):
                connection.send(self._again(device, message.seq))
                return
            reply = self._apply(device, message)
            device.remember(message.seq, reply)
            connection.send(reply)  # the new views follow: the workshop's watcher publishes

    def _again(self, device: Device, seq: int) -> p.Ack | p.Refused:
        """The answer to an action sent again: the same answer, and nothing applied."""
        if seq in device.replies or seq not in device.saved:
            return device.again(seq)
        # answered by an earlier run of the server: its answer again from the save, when it
        # is one of the device's last actions there (once each: it costs a replay)
        device.saved.discard(seq)
        outcome = self.workshop.outcome_again(Origin(device.role, device.id, seq))
        if outcome is not None:
            device.remember(seq, p.Ack(seq=seq, message=outcome.message, private=outcome.private))
        return device.again(seq)

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
        texts: dict[tuple[str, str], str] = {}
        for connection in list(self.connections):
            if connection.device is not None:
                key = (connection.device.role, connection.lang)
                if key not in texts:
                    texts[key] = self._view_text(*key)
                connection.send(texts[key])
        self.trainer.publish()
        if self.on_change is not None:
            self.on_change()

    def tell_projector(self) -> None:
        """Something the projector shows changed (an ask, a device came or went): the
        projector's loop is woken, the room page told."""
        self.trainer.tell_devices()
        if self.on_change is not None:
            self.on_change()

    def set_timer(self, left: float | None, running: bool) -> None:
        """The projector's round timer started, stopped or was reset: every joined device
        is told (and each one that joins later, right after its welcome)."""
        self.timer = p.Timer(left=left, running=running)
        text = self.timer.model_dump_json()
        for connection in list(self.connections):
            if connection.device is not None:
                connection.send(text)
        self.trainer.tell(text)

    def _view_text(self, role: str, lang: str = "en") -> str:
        """The team's view, and beside it its own readings (``reading``) in ``lang``."""
        view = self.workshop.private_view(role)
        readings = reading.open_readings(view, lang)
        for number, found in readings.items():
            found["accept_refusal"] = self.workshop.check(act.Accept(role, int(number)))
        return p.ViewMessage(
            version=self.version,
            view=view,
            readings=readings,
            poll_reading=reading.poll_reading(view, lang),
            moves=reading.moves(self.workshop.state, role),
        ).model_dump_json()

    def _read(self, connection: Connection, message: p.Read) -> None:
        """The deal builder's live numbers: the team's own reading of the terms it sent,
        from its own view only (a device reads for its own team, never another's)."""
        if connection.device is None:
            connection.send(p.Refused(why="not-joined", reason="Join with your team's code first."))
            return
        role = connection.device.role
        view = self.workshop.private_view(role)
        try:
            reading.same_project(view, message.project, message.deal)
            participants, options = reading.terms(
                view, message.project, list(message.participants), list(message.options)
            )
        except reading.BadTerms as problem:
            connection.send(p.Reading(project=message.project, deal=message.deal,
                                      problem=str(problem)))  # fmt: skip
            return
        if message.deal is None:
            proposal: act.Action = act.Propose(role, message.project, tuple(participants),
                                               tuple(options))  # fmt: skip
        else:
            proposal = act.Counter(role, message.deal, tuple(participants), tuple(options))
        found = reading.reading(view, message.project, participants, options, connection.lang)
        connection.send(
            p.Reading(
                project=message.project,
                deal=message.deal,
                reading=found,
                refusal=self.workshop.check(proposal),
            )
        )

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
