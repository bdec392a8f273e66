"""The device server on a thread of its own, beside the projector's pygame loop.

The projector's loop must never wait on the network, and the server must never wait on a
frame, so the server gets its own thread and asyncio loop. They share one ``Workshop``:
its lock lets one action in at a time, and its watcher makes the server publish after a
change from either side (``DeviceServer._watch``). Anything else the projector asks of
the server (admit a device, remove one) goes through ``call``, which runs it on the
server's loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import weakref
from collections.abc import Callable
from typing import ClassVar, TypeVar

from game.devices.server import DeviceServer, serve

T = TypeVar("T")
START_WAIT = 10.0  # seconds the server may take to open its socket


class ServerThread:
    """``server`` listening on ``host``:``port`` from a daemon thread until ``stop``."""

    #: every server started and not yet stopped, for ``stop_all``
    started: ClassVar[weakref.WeakSet[ServerThread]] = weakref.WeakSet()

    def __init__(self, server: DeviceServer, host: str, port: int):
        self.server = server
        self.host = host
        self.port = port  # the one bound once started (the chosen one when 0 was asked)
        self.loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._thread: threading.Thread | None = None
        self._listening = threading.Event()
        self._failure: BaseException | None = None

    def start(self) -> int:
        """Open the socket; returns the port. ``OSError`` when it cannot listen there."""
        self._thread = threading.Thread(target=self._run, name="device-server", daemon=True)
        ServerThread.started.add(self)
        self._thread.start()
        if not self._listening.wait(START_WAIT):
            self.stop()
            raise OSError(f"the device server did not start within {START_WAIT:.0f} s")
        if self._failure is not None:
            failure, self._failure = self._failure, None
            self._thread.join(START_WAIT)
            if isinstance(failure, OSError):
                raise failure
            raise OSError(str(failure)) from failure
        return self.port

    def _run(self) -> None:
        loop = self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)

        def listening(bound: int) -> None:
            self.port = bound
            self._listening.set()

        self._task = loop.create_task(serve(self.server, self.host, self.port, listening))
        try:
            loop.run_until_complete(self._task)
        except asyncio.CancelledError:
            pass
        except BaseException as failure:  # a bind that failed: start() reports it
            self._failure = failure
        finally:
            self._listening.set()
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def call(self, work: Callable[[], T], wait: float = 5.0) -> T:
        """Run ``work`` on the server's loop and return what it returns."""
        loop = self.loop
        if loop is None or not self.running:
            raise RuntimeError("the device server is not running")

        async def on_loop() -> T:
            return work()

        return asyncio.run_coroutine_threadsafe(on_loop(), loop).result(wait)

    def stop(self) -> None:
        """Close every connection and the socket; returns when the thread has ended."""
        loop, task = self.loop, self._task
        if loop is not None and task is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(task.cancel)
        if self._thread is not None:
            self._thread.join(START_WAIT)
        ServerThread.started.discard(self)

    @classmethod
    def stop_all(cls) -> int:
        """Stop every server still running (a window closed without leaving its game, a
        test that staged one); returns how many there were."""
        running = [thread for thread in list(cls.started) if thread.running]
        for thread in running:
            thread.stop()
        return len(running)
