"""The projector's side of the teams' devices: the server's thread, and what it shows.

While a game with at least one seat on a device runs, the device server listens beside
the pygame loop (``ServerThread``); it stops when the trainer leaves the game or quits.
The server wakes the projector at once when it publishes (a pygame event posted from its
thread, ``WAKE``), and the projector then reads the asks and the devices through
``ServerThread.call``: nothing of the server's is read from the pygame thread directly.
"""

from __future__ import annotations

import contextlib
import errno
import threading
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.devices.admission import Asking, Joined
from game.devices.codes import GameCodes, codes_for
from game.devices.network import DEFAULT_PORT, join_url, lan_address
from game.devices.running import ServerThread
from game.devices.server import DeviceServer
from game.i18n import Translator
from game.session.workshop import Workshop

#: the event the device server posts to wake the projector's loop
WAKE = pygame.event.custom_type()


@dataclass(frozen=True)
class DeviceOptions:
    """``play --devices [--host H] [--port N]``: None picks the LAN address, and the
    game's saved port (else 8765)."""

    host: str | None = None
    port: int | None = None


class DeviceLink:
    """The device server of the game on the projector, when it has devices."""

    def __init__(self, options: DeviceOptions | None = None):
        self.options = options or DeviceOptions()
        self.thread: ServerThread | None = None
        self.codes: GameCodes | None = None
        self.host = ""  # where the devices join (the address in the QR code)
        self.port = 0
        self.asks: list[Asking] = []
        self.devices: list[Joined] = []
        self._posted = threading.Event()  # a WAKE event waits in pygame's queue
        self._woken = threading.Event()  # the projector's idle wait ends at once

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.running

    @property
    def url(self) -> str:
        """The room's join address (what the QR code holds): no code, nothing private."""
        return join_url(self.host, self.port)

    def start(self, workshop: Workshop, t: Translator) -> str:
        """Listen for the game's devices; returns the sentence for the room (where the
        devices join, or why they cannot). Stops any server of an earlier game first."""
        self.stop()
        save = workshop.session.path
        if save is None:
            return t("This game is not saved, so it cannot be played on devices.")
        roles = [role.id for role in workshop.state.scenario.roles]
        self.codes = codes_for(save, roles)
        note = ""
        host = self.options.host
        if host is None:
            host = lan_address()
            if host is None:
                host = "127.0.0.1"
                note = t("No network found: only this laptop can join (127.0.0.1). ")
        wanted = self.options.port
        if wanted is None:
            wanted = self.codes.port or DEFAULT_PORT
        try:
            port = self._listen(workshop, host, wanted)
        except OSError as error:
            if error.errno != errno.EADDRINUSE or wanted == 0:
                return _cannot(t, f"{host}:{wanted}", error)
            try:
                port = self._listen(workshop, host, 0)  # another program has it: any free one
            except OSError as again:
                return _cannot(t, host, again)
            note += t("Port {wanted} is in use by another program, so the devices join on "
                      "port {port}. ", wanted=wanted, port=port)  # fmt: skip
        self.host, self.port = host, port
        if self.codes.port != port:
            self.codes.port = port  # a resumed game listens here again: phones come back
            self.codes.save(save)
        return note + t("Devices join at {url}", url=self.url)

    def _listen(self, workshop: Workshop, host: str, port: int) -> int:
        assert self.codes is not None
        thread = ServerThread(DeviceServer(workshop, self.codes, on_change=self.wake), host, port)
        bound = thread.start()
        self.thread = thread
        return bound

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.stop()
        self.thread = None
        self.asks, self.devices = [], []

    # -- from the server's thread ------------------------------------------------------------

    def wake(self) -> None:
        """The server published: wake the projector's loop (once until it has looked)."""
        self._woken.set()
        if not self._posted.is_set():
            self._posted.set()
            with contextlib.suppress(pygame.error):  # the display is gone (closing)
                pygame.event.post(pygame.event.Event(WAKE))

    # -- on the projector's thread ------------------------------------------------------------

    def sleep(self, seconds: float) -> None:
        """The projector's idle wait: ``seconds``, or less when the server wakes it. (A
        wake that comes as it ends is not lost: its WAKE event is in pygame's queue.)"""
        self._woken.wait(seconds)
        self._woken.clear()

    def refresh(self) -> None:
        """Read the asks and the devices from the server (after a wake-up)."""
        self._posted.clear()
        if not self.running:
            self.asks, self.devices = [], []
            return
        admission = self._server().admission
        self.asks, self.devices = self._call(lambda: (admission.pending(), admission.devices()))

    def admit(self, number: int) -> bool:
        admission = self._server().admission
        done = self._call(lambda: admission.admit(number))
        self.refresh()
        return done

    def refuse(self, number: int) -> bool:
        admission = self._server().admission
        done = self._call(lambda: admission.refuse(number))
        self.refresh()
        return done

    def remove(self, role: str, device: str) -> int:
        admission = self._server().admission
        closed = self._call(lambda: admission.remove(role, device))
        self.refresh()
        return closed

    def set_timer(self, left: float | None, running: bool) -> None:
        if self.running:
            server = self._server()
            self._call(lambda: server.set_timer(left, running))

    def _server(self) -> DeviceServer:
        assert self.thread is not None
        return self.thread.server

    def _call(self, work):
        assert self.thread is not None
        return self.thread.call(work)

    def write_cards(self, workshop: Workshop, language: str) -> Path:
        """The join cards next to the save (``*.cards.html``): one card per team on a
        device, with its code and the QR of its join address. ``OSError`` if it cannot."""
        from game.report.cards import cards_path, write_cards

        save = workshop.session.path
        assert save is not None and self.codes is not None and self.thread is not None
        return write_cards(workshop, self.codes, self.host, self.port, language, cards_path(save))


def _cannot(t: Translator, address: str, error: OSError) -> str:
    return t("The devices cannot join: this laptop cannot listen on {address} ({error}).",
             address=address, error=error.strerror or str(error))  # fmt: skip
