"""Faults: phones that lose their connection and a server killed mid-game lose nothing.

A game is played from five phones (WebSocket clients on 127.0.0.1, one per team and a
second for the first team) against a real ``outofthebox serve`` process. During the game
a phone's connection is dropped and restored again and again (some drops fall between
sending an action and reading its answer: the phone then sends the action again, as the
page does), and the server process is killed with SIGKILL at random moments (while an
action is on its way, or between actions) and started again with ``serve --resume``.

The rules the story checks:

* no acknowledged action is lost: every action a phone was told "ack" is in the save;
* no action is applied twice: each (device, seq) is in the save's log at most once, and
  the log is exactly the game that was played, in order;
* an action sent again is answered as it was the first time (the same sentence, the same
  private fact), as a duplicate when it had been applied;
* every phone is back (welcome and the current view, newer than any it saw) within 5 s
  of the server being up again, and retries a lost connection at least every 2 s
  (250 ms, doubling, at most 2 s: the page's own rhythm).

CI runs a smaller count; the full count (50 drops, 10 kills) runs under ``-m long``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import signal
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from game.engine.actions import TRAINER, Action, action_from_json
from game.engine.randomplay import random_action
from game.engine.record import read_record
from game.engine.rules import apply, legal_actions
from game.engine.state import GameState, new_game
from game.engine.views import view_for
from game.i18n import english
from game.scenario.loading import load_scenario
from game.session.narration import describe, private_result
from tests.devices.harness import as_json, body_of, run
from tests.helpers import FOUR_ROLE, ROOT

SCENARIO = FOUR_ROLE[0]
SEED = 31
MOST_ACTIONS = 240  # the game planned is at most this long
BACK_WITHIN = 5.0  # seconds from the server being up to every phone having its view
RETRY_EVERY = 2.0  # a phone tries again at least this often
RETRY_SLACK = 0.5  # the event loop's own lateness on a busy machine
ANSWER_WAIT = 20.0  # seconds an action may wait for its answer (a restart included)
START_WAIT = 30.0  # seconds the server may take to print its address


@dataclass
class Plan:
    """The game to play, worked out beforehand: every action and the state after it."""

    actions: list[Action]
    states: list[GameState]  # states[i]: after the first i actions


def planned(seed: int) -> Plan:
    """A seeded random game of the teams' own actions (no trainer: serve has none yet)."""
    rng = random.Random(seed)
    state = new_game(load_scenario(SCENARIO), seed)
    plan = Plan([], [state])
    while not state.finished and len(plan.actions) < MOST_ACTIONS:
        action = random_action(state, rng)
        if action.actor == TRAINER:
            action = rng.choice(legal_actions(state, state.current_role, proposals=False))
        state = apply(state, action)
        plan.actions.append(action)
        plan.states.append(state)
    return plan


class Served:
    """The ``outofthebox serve`` process: started, killed with SIGKILL, resumed."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.env = {**os.environ, "OUTOFTHEBOX_SAVES": str(folder), "PYTHONPATH": str(ROOT)}
        self.process: asyncio.subprocess.Process | None = None
        self.address = ""
        self.up = 0.0  # when it printed its address (time.monotonic)
        self.starts: list[float] = []  # seconds from start to the address, each time
        self.errors = folder / "serve.stderr"

    async def start(self, *arguments: str) -> None:
        begun = time.monotonic()
        with self.errors.open("ab") as errors:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "game", "serve", *arguments, "--host", "127.0.0.1",
                env=self.env, stdout=asyncio.subprocess.PIPE, stderr=errors,
            )  # fmt: skip
        assert self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), START_WAIT)
        address = line.decode().strip()
        assert address.startswith("http://127.0.0.1:"), (address, self.errors.read_text())
        assert not self.address or address == self.address, "a resumed game moved port"
        self.address, self.up = address, time.monotonic()
        self.starts.append(self.up - begun)

    @property
    def save(self) -> Path:
        saves = [p for p in self.folder.glob("*.json") if p.name.count(".") == 1]
        assert len(saves) == 1, saves
        return saves[0]

    @property
    def codes(self) -> dict[str, Any]:
        return json.loads(next(self.folder.glob("*.codes.json")).read_text(encoding="utf-8"))

    async def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await asyncio.wait_for(self.process.wait(), 10)

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(self.process.wait(), 10)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


@dataclass(eq=False)
class Phone:
    """A device as the page behaves: it keeps its id and its unanswered actions, joins
    again with its code whenever its connection opens, sends its unanswered actions again
    after each welcome, and retries a lost connection after 250 ms, doubling to 2 s."""

    role: str
    code: str
    device: str
    url: str
    seq: int = 0
    pending: dict[int, dict[str, Any]] = field(default_factory=dict)
    answers: dict[int, asyncio.Future[dict[str, Any]]] = field(default_factory=dict)
    welcomed_at: float = 0.0
    viewed_at: float = 0.0  # when the first view after the last welcome arrived
    first_view: dict[str, Any] | None = None  # that view
    version: int = -1  # the newest view's version (the page ignores older ones)
    stale_views: int = 0  # first views after a welcome older than one seen: never shown
    attempts: list[float] = field(default_factory=list)  # every connection attempt
    gaps: list[float] = field(default_factory=list)  # from a loss (or a failed try) to a try
    lost_at: float = 0.0  # when the connection was lost or the last try failed (0: not)
    resent: int = 0
    socket: aiohttp.ClientWebSocketResponse | None = None
    stopped: bool = False
    refused: list[dict[str, Any]] = field(default_factory=list)

    async def live(self, session: aiohttp.ClientSession, until: float) -> None:
        """Stay connected until stopped (or ``until``, a monotonic deadline)."""
        retry = 0.25
        while not self.stopped and time.monotonic() < until:
            now = time.monotonic()
            if self.lost_at:
                self.gaps.append(now - self.lost_at)
            self.attempts.append(now)
            try:
                socket = await session.ws_connect(self.url, timeout=aiohttp.ClientWSTimeout(2.0))
            except (aiohttp.ClientError, OSError, TimeoutError):
                self.lost_at = time.monotonic()
                await asyncio.sleep(retry)
                retry = min(RETRY_EVERY, retry * 2)
                continue
            retry, self.lost_at = 0.25, 0.0
            self.socket = socket
            try:
                await socket.send_json({"type": "hello", "code": self.code, "device": self.device})
                async for message in socket:
                    if message.type != aiohttp.WSMsgType.TEXT:
                        break
                    await self._receive(json.loads(message.data))
            except (aiohttp.ClientError, OSError, ConnectionError):
                pass
            self.socket = None
            if not self.stopped:
                self.lost_at = time.monotonic()
                await asyncio.sleep(retry)
                retry = min(RETRY_EVERY, retry * 2)

    async def _receive(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind == "welcome":
            self.welcomed_at, self.viewed_at, self.first_view = time.monotonic(), 0.0, None
            for waiting in list(self.pending.values()):
                self.resent += 1
                await self._send(waiting)
        elif kind == "view":
            if not self.viewed_at:
                self.viewed_at, self.first_view = time.monotonic(), message["view"]
                if message["version"] < self.version:  # the page shows >= only
                    self.stale_views += 1
            self.version = max(self.version, message["version"])
        elif kind in ("ack", "refused") and message.get("seq") in self.pending:
            seq = message["seq"]
            del self.pending[seq]
            if not self.answers[seq].done():
                self.answers[seq].set_result(message)
        elif kind == "refused":
            self.refused.append(message)

    async def _send(self, message: dict[str, Any]) -> None:
        socket = self.socket
        if socket is not None and not socket.closed:
            with contextlib.suppress(aiohttp.ClientError, OSError, ConnectionError):
                await socket.send_str(json.dumps(message))

    async def act(self, body: dict[str, Any]) -> asyncio.Future[dict[str, Any]]:
        """Send an action (now if connected, else on the next welcome); its answer comes
        in the returned future."""
        self.seq += 1
        message = {"type": "action", "device": self.device, "seq": self.seq, "action": body}
        self.pending[self.seq] = message
        self.answers[self.seq] = asyncio.get_running_loop().create_future()
        if self.welcomed_at and self.socket is not None:
            await self._send(message)
        return self.answers[self.seq]

    async def drop(self, rng: random.Random) -> None:
        """The connection is lost: cut at once (Wi-Fi gone) or closed (the page reloads)."""
        socket = self.socket
        if socket is None:
            return
        transport = getattr(getattr(socket, "_conn", None), "transport", None)
        if transport is not None and rng.random() < 0.5:
            transport.abort()
        else:
            await socket.close()

    @property
    def back(self) -> bool:
        return bool(self.viewed_at)


@dataclass
class Figures:
    games: int = 0
    actions: int = 0
    retries: int = 0  # connection attempts after a loss or a failed attempt
    drops: int = 0
    drops_in_flight: int = 0  # between sending an action and reading its answer
    kills: int = 0
    kills_in_flight: int = 0  # while an action was on its way
    duplicates: int = 0  # answers to actions sent again that had been applied
    resent: int = 0
    back_times: list[float] = field(default_factory=list)
    longest_gap: float = 0.0
    starts: list[float] = field(default_factory=list)
    seconds: float = 0.0


async def faults(folder: Path, drops: int, kills: int, games: int) -> Figures:
    """``games`` games one after another (a game of the teams' own actions is short),
    with ``drops`` and ``kills`` spread over all their actions at random."""
    rng = random.Random(SEED * 7919)
    plans = [planned(SEED + number) for number in range(games)]
    steps = sum(len(plan.actions) for plan in plans)
    # which action each fault comes with (several may come with one)
    drop_at = sorted(rng.randrange(1, steps) for _ in range(drops))
    kill_at = sorted(rng.randrange(1, steps) for _ in range(kills))
    figures = Figures()
    started = time.monotonic()
    first = 0
    for number, plan in enumerate(plans):
        here = folder / f"game-{number + 1}"
        here.mkdir()
        last = first + len(plan.actions)
        mine = [d - first for d in drop_at if first <= d < last]
        kill = [k - first for k in kill_at if first <= k < last]
        await game(here, SEED + number, plan, mine, kill, rng, figures)
        first = last
    figures.seconds = time.monotonic() - started
    assert figures.longest_gap <= RETRY_EVERY + RETRY_SLACK, figures.longest_gap
    return figures


async def game(
    folder: Path, seed: int, plan: Plan, drop_at: list[int], kill_at: list[int],
    rng: random.Random, figures: Figures,
) -> None:  # fmt: skip
    """One game played from the phones, with its faults (by the number of the action
    they come with), checked against its save at the end."""
    served = Served(folder)
    steps = len(plan.actions)
    deadline = time.monotonic() + 30 + steps * 0.5 + len(kill_at) * 10 + len(drop_at) * 2
    await served.start(str(SCENARIO), "--port", "0", "--seed", str(seed))
    codes = served.codes["teams"]
    roles = list(codes)
    url = served.address + "ws"
    phones = {role: [Phone(role, codes[role], f"{role}-phone", url)] for role in roles}
    phones[roles[0]].append(Phone(roles[0], codes[roles[0]], f"{roles[0]}-tablet", url))
    everyone = [phone for mine in phones.values() for phone in mine]
    session = aiohttp.ClientSession()
    lives = [asyncio.create_task(phone.live(session, deadline)) for phone in everyone]
    sent: dict[tuple[str, int], int] = {}  # (device, seq) -> the action's number (from 0)
    try:
        await all_back(everyone, served, plan, 0, figures, first=True)
        for number, action in enumerate(plan.actions):
            assert time.monotonic() < deadline, "the faults run took too long"
            phone = rng.choice(phones[action.actor])
            answer = await phone.act(body_of(action))
            sent[(phone.device, phone.seq)] = number
            for _ in range(drop_at.count(number)):  # before the answer could be read
                if rng.random() < 0.5:
                    await phone.drop(rng)
                    figures.drops_in_flight += 1
                else:
                    await rng.choice(everyone).drop(rng)
                figures.drops += 1
            for _ in range(kill_at.count(number)):
                await asyncio.sleep(rng.choice([0.0, rng.uniform(0, 0.03)]))
                figures.kills_in_flight += answer.done() is False
                await served.kill()
                figures.kills += 1
                done = len(read_record(served.save).actions)
                assert done in (number, number + 1), (number, done)  # the one in flight at most
                for phone_ in everyone:
                    phone_.viewed_at = 0.0
                await served.start("--resume", str(served.save))
                await all_back(everyone, served, plan, done, figures)
            reply = await asyncio.wait_for(answer, ANSWER_WAIT)
            assert reply["type"] == "ack", (number, action, reply)
            figures.duplicates += reply["duplicate"]
            before, after = plan.states[number], plan.states[number + 1]
            assert reply["message"] == describe(before, after, action, english()), reply
            assert reply["private"] == private_result(before, after, action), reply
            figures.actions += 1
        await served.stop()
    finally:
        for phone in everyone:
            phone.stopped = True
            if phone.socket is not None:
                await phone.socket.close()
        for life in lives:
            life.cancel()
        await asyncio.gather(*lives, return_exceptions=True)
        await session.close()
        if served.process is not None and served.process.returncode is None:
            await served.kill()
    record = read_record(served.save)
    # 0 acknowledged actions lost, 0 applied twice: the log is the game played, in order,
    # and each (device, seq) of it was sent once and is there once
    assert record.actions == plan.actions
    logged = [(o.device, o.seq) for _, o in sorted(record.origins.items())]
    assert len(logged) == len(set(logged)) == len(plan.actions)
    assert [sent[once] for once in logged] == list(range(len(plan.actions)))
    assert record.replay(load_scenario(SCENARIO)) == plan.states[-1]
    assert "Traceback" not in served.errors.read_text(encoding="utf-8")
    assert all(not phone.refused for phone in everyone), [p.refused for p in everyone]
    figures.games += 1
    figures.resent += sum(phone.resent for phone in everyone)
    gaps = [g for phone in everyone for g in phone.gaps]
    figures.longest_gap = max([figures.longest_gap, *gaps])
    figures.retries += len(gaps)
    figures.starts += served.starts


async def all_back(
    everyone: list[Phone], served: Served, plan: Plan, done: int, figures: Figures,
    first: bool = False,
) -> None:  # fmt: skip
    """Every phone has its welcome and the current view within ``BACK_WITHIN`` seconds of
    the server being up; the view is newer than any it had (so the page shows it)."""
    while not all(phone.back for phone in everyone):
        assert time.monotonic() - served.up < BACK_WITHIN, [
            p.device for p in everyone if not p.back
        ]
        await asyncio.sleep(0.01)
    for phone in everyone:
        if not first:
            figures.back_times.append(phone.viewed_at - served.up)
        assert phone.stale_views == 0, phone.device
        shown = as_json(phone.first_view)
        # the state the server resumed at, or one action on (another phone's resent one)
        now = [as_json(view_for(plan.states[k], phone.role))
               for k in (done, done + 1) if k < len(plan.states)]  # fmt: skip
        assert shown in now, f"{phone.device} came back to a view of another moment"


def report(figures: Figures, label: str) -> None:
    backs = sorted(figures.back_times) or [0.0]
    print(
        f"faults ({label}): {figures.games} games, {figures.actions} actions, 5 phones a game; "
        f"{figures.drops} "
        f"connection drops ({figures.drops_in_flight} between an action and its answer); "
        f"{figures.kills} SIGKILLs of the server ({figures.kills_in_flight} with an action in "
        f"flight), each resumed with serve --resume; {figures.resent} actions sent again, "
        f"{figures.duplicates} answered as duplicates; 0 acknowledged actions lost, 0 applied "
        f"twice; back after a restart: p50 {statistics.median(backs):.2f} s, max "
        f"{backs[-1]:.2f} s (goal <= {BACK_WITHIN:.0f} s); {figures.retries} retries, longest "
        f"gap "
        f"{figures.longest_gap:.2f} s (goal <= {RETRY_EVERY:.0f} s); server start "
        f"p50 {statistics.median(figures.starts):.2f} s; {figures.seconds:.1f} s in all"
    )


def test_drops_and_kills_lose_no_acknowledged_action_and_apply_none_twice(tmp_path):
    figures = run(lambda: faults(tmp_path, drops=12, kills=3, games=2), limit=150)
    report(figures, "CI count")
    assert figures.drops == 12 and figures.kills == 3


@pytest.mark.long
def test_fifty_drops_and_ten_kills(tmp_path):
    figures = run(lambda: faults(tmp_path, drops=50, kills=10, games=5), limit=400)
    report(figures, "full count")
    assert figures.drops == 50 and figures.kills == 10


def test_a_planned_game_is_legal_and_long_enough():
    plan = planned(SEED)
    assert len(plan.actions) >= 15
    assert all(a.actor != TRAINER for a in plan.actions)
    assert [action_from_json(a.to_json()) for a in plan.actions] == plan.actions
