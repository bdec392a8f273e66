"""The round timer: data from the scenario, kept by the screen, started and stopped by F3."""

from __future__ import annotations

import time
from collections.abc import Callable


class RoundTimer:
    def __init__(self, seconds: int | None, clock: Callable[[], float] = time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self.left = float(seconds or 0)
        self.running = False
        self._since = 0.0
        #: told when the timer starts, stops or is reset (the teams' devices show it too)
        self.on_change: Callable[[], None] | None = None

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    @property
    def enabled(self) -> bool:
        return bool(self.seconds)

    def reset(self, start: bool = True) -> None:
        self.left = float(self.seconds or 0)
        self.running = False
        if start and self.enabled:
            self.start()
        else:
            self._changed()

    def start(self) -> None:
        if self.enabled and not self.running:
            self.running = True
            self._since = self.clock()
            self._changed()

    def stop(self) -> None:
        if self.running:
            self.left = self.remaining()
            self.running = False
            self._changed()

    def toggle(self) -> None:
        if self.running:
            self.stop()
        elif self.remaining() <= 0:
            self.left = 60.0  # time was up: one more minute
            self.start()
        else:
            self.start()

    def remaining(self) -> float:
        if not self.running:
            return max(0.0, self.left)
        return max(0.0, self.left - (self.clock() - self._since))

    @property
    def untouched(self) -> bool:
        """Never started this round (the first round's clock waits for the first turn)."""
        return self.enabled and not self.running and self.left == self.seconds

    @property
    def up(self) -> bool:
        return self.enabled and self.remaining() <= 0

    def shown(self) -> str:
        whole = int(self.remaining() + 0.999)
        return f"{whole // 60}:{whole % 60:02d}"
