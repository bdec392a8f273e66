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
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from game.devices import protocol as p
from game.devices.connection import Connection, Device
from game.engine import actions as act
from game.engine.actions import TRAINER
from game.session.workshop import Workshop


class DeviceServer(Protocol):
    """What the trainer's channel needs of the server (``server.DeviceServer``), named
    here so that the server, which holds the channel, is not imported by it."""

    workshop: Workshop
    version: int
    lock: asyncio.Lock


log = logging.getLogger("game.devices")


class TrainerChannel:
    """The trainer's connections to one device server, and what they may do."""

    def __init__(self, server: DeviceServer):
        self.server = server
        self.connections: dict[Connection, Device] = {}  # each with the trainer's device
        self.devices: dict[str, Device] = {}  # the trainer's device id -> its answers

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
        if message.device != device.id:
            connection.send(
                p.Refused(
                    why="device",
                    seq=message.seq,
                    reason="This connection belongs to another device.",
                )
            )
            return
        async with self.server.lock:
            if message.seq <= device.acked:
                connection.send(_again(device, message.seq))
                return
            reply = self._apply(message)
            device.remember(message.seq, reply)
            connection.send(reply)  # the new views follow: the workshop's watcher publishes

    def _apply(self, message: p.TrainerMessage) -> p.Ack | p.Refused:
        workshop, seq, command = self.server.workshop, message.seq, message.command
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


def _again(device: Device, seq: int) -> p.Ack | p.Refused:
    """The answer to a command sent again: the same answer, and nothing applied."""
    earlier = device.replies.get(seq)
    if isinstance(earlier, p.Ack):
        return earlier.model_copy(update={"duplicate": True})
    if earlier is not None:
        return earlier
    return p.Ack(seq=seq, message="This command was answered already.", duplicate=True)
