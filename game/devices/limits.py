"""How many wrong codes one address may try: guessing a 50-bit code is hopeless anyway,
but a participant should not even be able to try many.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

GUESSES = 5  # wrong codes an address may send ...
WINDOW = 60.0  # ... within this many seconds
ADDRESSES = 4096  # addresses remembered at most (a flood of them cannot fill the memory)


class GuessLimiter:
    """Wrong codes per remote address over a sliding window."""

    def __init__(
        self,
        guesses: int = GUESSES,
        window: float = WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.guesses = guesses
        self.window = window
        self.clock = clock
        self._wrong: dict[str, deque[float]] = {}

    def wait(self, address: str) -> float:
        """Seconds until ``address`` may try a code again (0: it may now)."""
        times = self._recent(address)
        if len(times) < self.guesses:
            return 0.0
        return max(0.0, times[0] + self.window - self.clock())

    def wrong(self, address: str) -> None:
        if address not in self._wrong and len(self._wrong) >= ADDRESSES:
            self._forget_idle()
        self._wrong.setdefault(address, deque()).append(self.clock())
        times = self._wrong[address]
        while len(times) > self.guesses:
            times.popleft()

    def _recent(self, address: str) -> deque[float]:
        times = self._wrong.get(address, deque())
        now = self.clock()
        while times and times[0] + self.window <= now:
            times.popleft()
        return times

    def _forget_idle(self) -> None:
        for address in list(self._wrong):
            if not self._recent(address):
                del self._wrong[address]
        if len(self._wrong) >= ADDRESSES:  # every one of them guessing: forget the oldest
            oldest = min(self._wrong, key=lambda a: self._wrong[a][-1])
            del self._wrong[oldest]
