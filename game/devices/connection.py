"""A device and its connection: what the server and the trainer's channel both hold.

Kept apart from ``server.py`` so that the trainer's channel (and anything else the
server is made of) can name them without importing the server itself.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from dataclasses import dataclass, field

from aiohttp import web

from game.devices import protocol as p

log = logging.getLogger("game.devices")

REPLIES_KEPT = 64  # answers kept per device, to send again for an action sent again
QUEUE_LIMIT = 256  # messages waiting for one device: more, and it is not reading: closed


@dataclass
class Device:
    """A device of a team: its id (kept in its browser) and the actions it has sent."""

    id: str
    role: str
    acked: int = 0  # the highest sequence number answered
    replies: OrderedDict[int, p.Ack | p.Refused] = field(default_factory=OrderedDict)
    #: its last actions in the save of a resumed game, whose answers are not in ``replies``
    saved: set[int] = field(default_factory=set)

    def not_its_own(self, sent_as: str, seq: int) -> p.Refused | None:
        """The refusal for a message that names another device than this connection's."""
        if sent_as == self.id:
            return None
        return p.Refused(why="device", seq=seq, reason="This connection belongs to another device.")

    def answered(self, seq: int) -> bool:
        """``seq`` was answered already: sent again, it gets ``again`` and nothing else."""
        return seq <= self.acked

    def again(self, seq: int, what: str = "action") -> p.Ack | p.Refused:
        """The answer to a message sent again: the same answer as the first time, marked
        as a duplicate, and nothing applied (the one rule for the teams' actions and the
        trainer's commands alike)."""
        earlier = self.replies.get(seq)
        if isinstance(earlier, p.Ack):
            return earlier.model_copy(update={"duplicate": True})
        if earlier is not None:
            return earlier
        return p.Ack(seq=seq, message=f"This {what} was answered already.", duplicate=True)

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
    lang: str = "en"  # the phone's language, for the sentences of its readings
    queue: asyncio.Queue[str | None] = field(default_factory=asyncio.Queue)

    def send(self, message: p.Outgoing | str) -> None:
        """Queue a message for this device (never waits: its writer sends it)."""
        if self.queue.qsize() >= QUEUE_LIMIT:
            log.warning("a device at %s is not reading; closing it", self.address)
            self.queue.put_nowait(None)
            return
        self.queue.put_nowait(message if isinstance(message, str) else message.model_dump_json())
