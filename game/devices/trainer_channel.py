"""The trainer's channel: the room page, joined with the trainer's code.

The trainer's controls (pause, resume, skip a turn, play an event card, call a straw
poll, undo) must never be reachable from the network without the trainer's code, which
only the laptop shows (in ``serve`` mode: the terminal). So a connection becomes the
trainer's only by a ``hello`` with that code, checked by the server like a team's code
(and, wrong, counted by the same limiter); only then does it receive the room's view
and may it send ``trainer`` messages. A team's device that sends one is refused and
nothing changes.

What the trainer's connection receives is the room's view (``Workshop.public_view``),
the same the projector may show: the room page is meant for a projector, so it never
gets the trainer's all-seeing view nor any team's private one.

Commands carry the device's id and a sequence number like a team's actions, so one sent
again after a lost connection is answered again and applied once (an undo sent twice
must not take back two actions).

The trainer also answers the devices that ask to join and removes a team's devices
from here (``admit``, ``refuse``, ``remove``: ``admission.py`` does them, as for the
projector). The room page is told the asks and each team's devices in a ``devices``
message: team names, counts and times only. A device is named there by a handle (an
HMAC of its id under a secret of this server's run), never by its own id.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import secrets
from typing import TYPE_CHECKING, Protocol

from game.devices import protocol as p
from game.devices.connection import Connection, Device
from game.engine import actions as act
from game.engine.actions import TRAINER
from game.session.workshop import Workshop

if TYPE_CHECKING:
    from game.devices.admission import Admission


class DeviceServer(Protocol):
    """What the trainer's channel needs of the server (``server.DeviceServer``), named
    here so that the server, which holds the channel, is not imported by it."""

    workshop: Workshop
    version: int
    lock: asyncio.Lock
    admission: Admission


log = logging.getLogger("game.devices")
LETTERS = "abcdefghjkmnpqrs"  # a device's handle is 16 of these (``handle``)


class TrainerChannel:
    """The trainer's connections to one device server, and what they may do."""

    def __init__(self, server: DeviceServer):
        self.server = server
        self.connections: dict[Connection, Device] = {}  # each with the trainer's device
        self.devices: dict[str, Device] = {}  # the trainer's device id -> its answers
        self._salt = secrets.token_bytes(16)  # for the devices' handles (``handle``)

    # -- joining ------------------------------------------------------------------------

    def welcome(self, connection: Connection, hello: p.Hello) -> None:
        """``connection`` gave the trainer's code: from now on it is the trainer's.
        Called under the server's lock, so the room's view reaches it before any newer."""
        device = self.devices.setdefault(hello.device, Device(hello.device, TRAINER))
        connection.device = None  # no team's view reaches a trainer's connection
        self.connections[connection] = device
        workshop = self.server.workshop
        log.info("the trainer joined from %s", connection.address)
        connection.send(
            p.TrainerWelcome(
                device=device.id,
                acked=device.acked,
                lang=hello.lang,
                teams=[
                    {"role": seat.role, "team": seat.team, "name": workshop.name(seat.role)}
                    for seat in workshop.seats
                ],
                cards=[
                    {"id": card.id, "title": card.title} for card in workshop.state.scenario.events
                ],
            )
        )
        connection.send(self.room_text())
        timer = getattr(self.server, "timer", None)  # the round timer, where there is one
        if timer is not None:
            connection.send(timer)
        connection.send(self.devices_text())

    def forget(self, connection: Connection) -> None:
        """The connection ended, or joined as a team instead."""
        self.connections.pop(connection, None)

    def holds(self, connection: Connection) -> bool:
        return connection in self.connections

    # -- the trainer's commands -----------------------------------------------------------

    async def command(self, connection: Connection, message: p.TrainerMessage) -> None:
        """Apply one trainer's command, once; a connection that is not the trainer's is
        told no and nothing changes."""
        device = self.connections.get(connection)
        if device is None:
            log.info("refused a trainer's command from %s: not the trainer", connection.address)
            connection.send(
                p.Refused(
                    why="trainer",
                    seq=message.seq,
                    reason="Only the trainer can do that: join with the trainer's code.",
                )
            )
            return
        refused = device.not_its_own(message.device, message.seq)
        if refused is not None:
            connection.send(refused)
            return
        async with self.server.lock:
            if device.answered(message.seq):
                connection.send(device.again(message.seq, "command"))
                return
            reply = self._apply(message)
            device.remember(message.seq, reply)
            connection.send(reply)  # the new views follow: the workshop's watcher publishes

    def _apply(self, message: p.TrainerMessage) -> p.Ack | p.Refused:
        workshop, seq, command = self.server.workshop, message.seq, message.command
        if isinstance(command, p.AdmitCommand | p.RefuseCommand | p.RemoveCommand):
            return self._answer_device(command, seq)
        if isinstance(command, p.UndoCommand):
            outcome = workshop.undo()
            if not outcome.ok:
                return p.Refused(why="rules", seq=seq, reason=outcome.message)
            return p.Ack(seq=seq, message="The last action was undone.")
        action = self._action(command)
        if isinstance(action, p.Refused):
            return action.model_copy(update={"seq": seq})
        outcome = workshop.act(action)  # saved before it returns
        if not outcome.ok:
            return p.Refused(why="rules", seq=seq, reason=outcome.message)
        return p.Ack(seq=seq, message=outcome.message)

    def _action(self, command: p.TrainerCommand) -> act.Action | p.Refused:
        """The engine's trainer action for ``command`` (the rules judge it)."""
        if isinstance(command, p.PauseCommand):
            return act.Pause()
        if isinstance(command, p.ResumeCommand):
            return act.Resume()
        if isinstance(command, p.SkipCommand):
            return act.SkipTurn()
        if isinstance(command, p.InjectCommand):
            return act.InjectEvent(card=command.card)
        assert isinstance(command, p.PollCommand)
        state = self.server.workshop.state
        deal = next((d for d in state.open_deals() if d.number == command.deal), None)
        if deal is None:
            return p.Refused(why="rules", reason=f"Deal {command.deal} is not open on the table.")
        return act.CallStrawPoll(
            project=deal.project, participants=deal.participants, options=deal.options
        )

    def _answer_device(
        self, command: p.AdmitCommand | p.RefuseCommand | p.RemoveCommand, seq: int
    ) -> p.Ack | p.Refused:
        """An ask admitted or refused, a device removed: as on the projector."""
        admission = self.server.admission
        if isinstance(command, p.RemoveCommand):
            found = self.device_of(command.role, command.device)
            if found is None:
                return p.Refused(why="rules", seq=seq, reason="That device is not in the game.")
            admission.remove(command.role, found)
            team = self.server.workshop.seat(command.role).team
            return p.Ack(seq=seq, message=f"A device of the {team} team was removed.")
        asking = next((a for a in admission.pending() if a.number == command.ask), None)
        if asking is None:
            return p.Refused(why="rules", seq=seq, reason="That device is no longer asking.")
        if isinstance(command, p.AdmitCommand):
            if not admission.admit(command.ask):
                return p.Refused(why="rules", seq=seq,
                                 reason="That device left before it was admitted.")  # fmt: skip
            return p.Ack(seq=seq, message=f"A device of the {asking.team} team joined.")
        admission.refuse(command.ask)
        return p.Ack(seq=seq, message=f"A device asking to join as the {asking.team} team "
                     "was refused.")  # fmt: skip

    def handle(self, role: str, device: str) -> str:
        """The name the room page knows a device by: stable for this run of the server,
        and telling nothing of the device's own id."""
        made = hmac.new(self._salt, f"{role}\n{device}".encode(), hashlib.sha256).digest()
        # letters only: a handle never reads as a number (a team's points, say)
        return "".join(LETTERS[byte % 16] for byte in made[:16])

    def device_of(self, role: str, handle: str) -> str | None:
        """The device id of ``role`` whose handle is ``handle``, or None."""
        for joined in self.server.admission.devices():
            made = self.handle(role, joined.device)
            if joined.role == role and hmac.compare_digest(made, handle):
                return joined.device
        return None

    def devices_text(self) -> str:
        """The asks waiting and each device-playing team's devices, for the room page."""
        admission, workshop = self.server.admission, self.server.workshop
        by_team: dict[str, list[p.DeviceEntry]] = {}
        for joined in admission.devices():
            by_team.setdefault(joined.role, []).append(
                p.DeviceEntry(
                    device=self.handle(joined.role, joined.device),
                    connected=joined.connections > 0,
                    seen_seconds_ago=None if joined.seen is None else round(joined.seen, 1),
                    admitted=joined.admitted,
                )
            )
        return p.DevicesMessage(
            asks=[
                p.AskEntry(number=ask.number, role=ask.role, team=ask.team)
                for ask in admission.pending()
            ],
            teams=[
                p.TeamDevices(role=seat.role, team=seat.team, devices=by_team.get(seat.role, []))
                for seat in workshop.seats
                if seat.device or seat.role in by_team
            ],
        ).model_dump_json()

    def tell_devices(self) -> None:
        """An ask came or went, a device joined, left or was removed: the room page's
        banner and devices list, again."""
        if self.connections:
            self.tell(self.devices_text())

    # -- publishing -------------------------------------------------------------------------

    def publish(self) -> None:
        """The room's view, as it is now, to every trainer's connection."""
        if not self.connections:
            return
        text = self.room_text()
        for connection in list(self.connections):
            connection.send(text)

    def tell(self, text: str) -> None:
        """Something public for the room page too (the round timer's ``timer`` message)."""
        for connection in list(self.connections):
            connection.send(text)

    def room_text(self) -> str:
        view = self.server.workshop.public_view()
        return p.RoomMessage(version=self.server.version, view=view).model_dump_json()
