"""The device server's speed: 30 phones on 127.0.0.1 against the server on its own thread.

Six teams of five devices each (30 WebSocket clients) against a ``DeviceServer`` in a
``ServerThread``, beside the projector's pygame ``App`` in the same process, sharing one
``Workshop``, as the projector will run it. Prints, each with its goal:

* an action's time from being sent to the last of the 30 devices having its new view,
  p50 and p95 over N actions, with the projector's loop stopped; then to the last device's
  view and the projector's redraw of its 6-team table, whichever is later, with the real
  ``App`` loop running on the main thread at its idle frame rate: once as today's loop
  (the server's ``on_change`` makes it dirty; it notices at its next idle tick) and once
  as the App runs it, woken by ``on_change`` at once (``App.idle`` on the device link);
  and from ``on_change`` to the frame;
* ``workshop.act`` (the rules and the fsync'd save) blocking the server's event loop;
* the server thread's CPU while 30 devices are connected and nothing happens;
* the phone page's weight: the bytes of every file the server serves;
* the page's time to interactive in headless Chromium (4x CPU throttling): from the
  navigation's start to the join form being usable, DOMContentLoaded and first paint.

Passes or fails nothing. Network only on 127.0.0.1; every wait is bounded.

    python benchmarks/devices.py [--actions N] [--idle SECONDS] [--loads N] [--no-browser]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402

from game.devices.codes import codes_for  # noqa: E402
from game.devices.running import ServerThread  # noqa: E402
from game.devices.server import DeviceServer  # noqa: E402
from game.engine.actions import TRAINER  # noqa: E402
from game.engine.randomplay import random_action  # noqa: E402
from game.engine.rules import legal_actions  # noqa: E402
from game.scenario.scaffold import write_scaffold  # noqa: E402

ROLES = ["library", "museum", "business", "community-group", "school", "archive"]
DEVICES_PER_TEAM = 5
WAIT = 10.0  # seconds any one wait may take
CHROMIUM = "/usr/bin/chromium"
GOALS = {  # issue 11's, but for "act": none is set there
    "update": "p95 <= 100 ms", "act": "none in issue 11; aim p95 <= 20 ms",
    "idle": "<= 1 % of a core", "weight": "<= 200 KB", "interactive": "<= 1 s",
}  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def ms(values: list[float]) -> str:
    if not values:
        return "no figures"
    return (
        f"p50 {statistics.median(values) * 1000:.1f} ms, p95 "
        f"{percentile(values, 0.95) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms "
        f"(n={len(values)})"
    )


VIEW = '{"type":"view","version":'


class Device:
    """One phone: joined with its team's code; notes when each view version arrives.

    It reads only a view's version (the text's start), not the whole view: the 30 phones
    share this process with the server, and parsing 30 views per change here would slow
    the server down, which real phones do not."""

    def __init__(self, role: str, number: int, changed: asyncio.Event):
        self.role, self.id = role, f"{role}-{number}"
        self.changed = changed
        self.socket: aiohttp.ClientWebSocketResponse | None = None
        self.arrived: dict[int, float] = {}  # view version -> perf_counter at arrival
        self.newest = -1
        self.replies: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.seq = 0

    async def join(self, session: aiohttp.ClientSession, url: str, code: str) -> None:
        self.socket = await session.ws_connect(url)
        await self.socket.send_json({"type": "hello", "code": code, "device": self.id})
        self.reader = asyncio.create_task(self._read())
        reply = await asyncio.wait_for(self.replies.get(), WAIT)
        assert reply["type"] == "welcome", reply

    async def _read(self) -> None:
        assert self.socket is not None
        async for message in self.socket:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            text: str = message.data
            if text.startswith(VIEW):
                version = int(text[len(VIEW) : text.index(",", len(VIEW))])
                self.arrived.setdefault(version, time.perf_counter())
                self.newest = max(self.newest, version)
                self.changed.set()
            else:
                message = json.loads(text)
                if message["type"] not in ("teams", "timer"):  # public news, not a reply
                    self.replies.put_nowait(message)

    async def act(self, body: dict[str, Any]) -> dict[str, Any]:
        assert self.socket is not None
        self.seq += 1
        await self.socket.send_json(
            {"type": "action", "device": self.id, "seq": self.seq, "action": body}
        )
        return await asyncio.wait_for(self.replies.get(), WAIT)


class Room:
    """The 30 devices and the loop (a thread of their own) they run on."""

    def __init__(self, thread: ServerThread, codes: dict[str, str]):
        self.server = thread.server
        self.url = f"http://127.0.0.1:{thread.port}/ws"
        self.codes = codes
        self.loop = asyncio.new_event_loop()
        self.changed = asyncio.Event()  # a device received a view (used on self.loop only)
        self.devices = [Device(r, n, self.changed) for r in ROLES
                        for n in range(1, DEVICES_PER_TEAM + 1)]  # fmt: skip
        self.thread = threading.Thread(target=self.loop.run_forever, name="phones", daemon=True)
        self.thread.start()
        self.session: aiohttp.ClientSession | None = None

    def run(self, work: Callable[[], Any], wait: float = 600.0) -> Any:
        return asyncio.run_coroutine_threadsafe(work(), self.loop).result(wait)

    async def join_all(self) -> None:
        self.session = aiohttp.ClientSession()
        for device in self.devices:
            await device.join(self.session, self.url, self.codes[device.role])
        await self.all_have(max(d.newest for d in self.devices))

    async def all_have(self, version: int) -> float:
        """Wait until every device has a view of ``version`` or newer; the last arrival."""
        deadline = time.perf_counter() + WAIT
        while True:
            times = [min((t for v, t in d.arrived.items() if v >= version), default=None)
                     for d in self.devices]  # fmt: skip
            if all(t is not None for t in times):
                return max(t for t in times if t is not None)
            left = deadline - time.perf_counter()
            if left <= 0:
                raise SystemExit(f"not every device had view {version} within {WAIT:.0f} s")
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), left)

    async def close(self) -> None:
        for device in self.devices:
            if device.socket is not None:
                await device.socket.close()
        if self.session is not None:
            await self.session.close()

    def stop(self) -> None:
        self.run(self.close, 30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def team_action(workshop, rng: random.Random):
    """A legal action of the team whose turn it is (never the trainer's), as its device
    sends it: no actor (the server puts the team's), no computer partner's cause."""
    state = workshop.state
    action = random_action(state, rng)
    if action.actor == TRAINER:
        action = rng.choice(legal_actions(state, state.current_role, proposals=False))
    body = action.to_json()
    body.pop("actor")
    body.pop("cause", None)
    return action.actor, body


def action_times(
    room: Room,
    workshop,
    actions: int,
    rng: random.Random,
    pause: float = 0.0,
    projector: Projector | None = None,
) -> list[float]:
    """Each action's time from its device sending it to the 30th device's new view (and,
    with a ``projector``, to its frame drawn after the change too, whichever is last); a
    random pause up to ``pause`` seconds between actions, for the projector to idle."""
    times: list[float] = []

    async def measure() -> None:
        while len(times) < actions:
            if workshop.state.finished:  # play on: the trainer takes a few back
                for _ in range(6):
                    workshop.undo()
                await room.all_have(max(d.newest for d in room.devices) + 1)
                continue
            role, body = team_action(workshop, rng)
            device = next(d for d in room.devices if d.role == role)
            newest = max(d.newest for d in room.devices)
            sent = time.perf_counter()
            reply = await device.act(body)
            if reply["type"] != "ack":
                raise SystemExit(f"the server refused a legal action: {reply}")
            last = await room.all_have(newest + 1)
            if projector is not None:
                last = max(last, await projector.drawn_after(sent, room))
            times.append(last - sent)
            if pause:
                await asyncio.sleep(rng.uniform(0, pause))

    room.run(measure)
    return times


class Projector:
    """The real ``App`` loop on the main thread, its ``draw`` and ``on_change`` watched.

    ``on_change`` (called on the server's thread after each publish) makes it dirty, so
    it draws its table after every change. Without ``wake`` its loop is today's: a frame
    tick at the idle rate, so a change waits for the tick's end (up to 100 ms). With
    ``wake`` it is the App's own loop: ``App.idle`` waits on the device link, which the
    server's ``on_change`` wakes at once (``DeviceLink.wake``)."""

    def __init__(self, app, wake: bool):
        self.app, self.wake = app, wake
        self.frames: list[tuple[float, float]] = []  # (start, end) of every frame drawn
        self.changes: list[float] = []  # when on_change fired, not yet on screen
        self.waits: list[float] = []  # from the oldest change not on screen to its frame
        self.room: Room | None = None  # while it runs beside the room's measure
        self._draw = app.draw
        app.draw = self._drawn

    def _drawn(self, dry: bool = False) -> None:
        started = time.perf_counter()
        changes, self.changes = self.changes, []
        self._draw(dry)
        if not dry:
            self.frames.append((started, time.perf_counter()))
            if changes:
                self.waits.append(time.perf_counter() - changes[0])
            if self.room is not None:
                self.room.loop.call_soon_threadsafe(self.room.changed.set)

    def on_change(self) -> None:
        self.changes.append(time.perf_counter())
        self.app.dirty = True
        if self.wake:
            self.app.link.wake()  # the projector's own wake-up (game/ui/devices.py)

    async def drawn_after(self, sent: float, room: Room) -> float:
        """When the first frame begun after ``sent`` (so showing its change) was drawn."""
        deadline = time.perf_counter() + WAIT
        while True:
            ends = [end for start, end in list(self.frames) if start > sent]
            if ends:
                return ends[0]
            left = deadline - time.perf_counter()
            if left <= 0:
                raise SystemExit(f"the projector drew no frame within {WAIT:.0f} s")
            room.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(room.changed.wait(), left)

    def run_beside(self, room: Room, work: Callable[[], Any]) -> tuple[Any, float]:
        """Run ``work`` on another thread while this loop runs here; (its result, the
        loop's frames per second)."""
        from game.ui.app import BUSY_FPS, IDLE_FPS

        app, result = self.app, {}
        self.room = room

        def measured() -> None:
            try:
                result["value"] = work()
            except BaseException as error:  # said by the main thread
                result["error"] = error

        before = room.server.on_change
        room.server.on_change = self.on_change
        worker = threading.Thread(target=measured, name="measure", daemon=True)
        started, loops = time.perf_counter(), 0
        worker.start()
        while worker.is_alive() and time.perf_counter() - started < 600:
            app.step()
            loops += 1
            if self.wake:
                app.idle()  # the App's own wait: woken by the server at once
            elif app.dirty:
                app.clock.tick(BUSY_FPS)
            else:
                app.clock.tick(IDLE_FPS)  # the loop as it was: a change waits for the tick
        room.server.on_change = before
        app.draw = self._draw
        self.room = None
        if "error" in result:
            raise result["error"]
        return result.get("value"), loops / (time.perf_counter() - started)


def timed_acts(workshop, thread_name: str) -> list[float]:
    """Record how long each ``workshop.act`` made on the server's thread takes: all that
    time the server's event loop does nothing else."""
    durations: list[float] = []
    act = workshop.act

    def timed(*arguments, **options):
        started = time.perf_counter()
        try:
            return act(*arguments, **options)
        finally:
            if threading.current_thread().name == thread_name:
                durations.append(time.perf_counter() - started)

    workshop.act = timed
    return durations


def thread_cpu(thread: threading.Thread) -> Callable[[], float]:
    assert thread.ident is not None
    clock = time.pthread_getcpuclockid(thread.ident)
    return lambda: time.clock_gettime(clock)


def idle_server_cpu(thread: ServerThread, seconds: float) -> float:
    """The server thread's CPU time over ``seconds`` of wall time with nothing happening."""
    assert thread._thread is not None
    cpu = thread_cpu(thread._thread)
    before, wall = cpu(), time.perf_counter()
    time.sleep(seconds)
    return (cpu() - before) / (time.perf_counter() - wall)


def page_weight(port: int, server: DeviceServer) -> tuple[int, list[tuple[str, int]]]:
    """Bytes of the page and every file it loads, fetched over HTTP (the server serves
    only the files of its static folder, all read once: ``server.files``)."""
    sizes = []
    for name in ["", *(f"static/{n}" for n in sorted(server.files) if n != "index.html")]:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{name}", timeout=WAIT) as got:
            sizes.append((name or "index.html", len(got.read())))
    return sum(size for _, size in sizes), sizes


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def cdp_interactive(debug_port: int, url: str, loads: int) -> list[dict[str, float]]:
    """Load ``url`` ``loads`` times in the headless Chromium at ``debug_port`` (cache off,
    CPU 4x slower) and read each load's timeline from the page itself."""
    async with aiohttp.ClientSession() as session:
        deadline = time.perf_counter() + 20
        while True:
            try:
                async with session.get(f"http://127.0.0.1:{debug_port}/json/list") as answer:
                    targets = await answer.json()
                pages = [t for t in targets if t.get("type") == "page"]
                if pages:
                    break
            except aiohttp.ClientError:
                pass
            if time.perf_counter() > deadline:
                raise SystemExit("Chromium's debugging port did not answer within 20 s")
            await asyncio.sleep(0.1)
        socket_url = pages[0]["webSocketDebuggerUrl"]
        async with session.ws_connect(socket_url, max_msg_size=0) as cdp:
            counter = 0
            events: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
            answers: dict[int, asyncio.Future[dict[str, Any]]] = {}

            async def read() -> None:
                async for message in cdp:
                    data = json.loads(message.data)
                    if "id" in data and data["id"] in answers:
                        answers.pop(data["id"]).set_result(data)
                    elif "method" in data:
                        events.put_nowait(data)

            reader = asyncio.create_task(read())

            async def call(method: str, **params: Any) -> dict[str, Any]:
                nonlocal counter
                counter += 1
                answers[counter] = asyncio.get_running_loop().create_future()
                await cdp.send_json({"id": counter, "method": method, "params": params})
                return await asyncio.wait_for(answers[counter], WAIT)

            async def until(method: str) -> float:
                deadline = time.perf_counter() + WAIT
                while time.perf_counter() < deadline:
                    event = await asyncio.wait_for(events.get(), WAIT)
                    if event["method"] == method:
                        return time.perf_counter()
                raise SystemExit(f"Chromium sent no {method} within {WAIT:.0f} s")

            await call("Page.enable")
            await call("Network.enable")
            await call("Network.setCacheDisabled", cacheDisabled=True)
            await call("Emulation.setCPUThrottlingRate", rate=4)
            figures = []
            for _ in range(loads):
                await call("Page.navigate", url="about:blank")
                await until("Page.loadEventFired")
                while not events.empty():
                    events.get_nowait()
                sent = time.perf_counter()
                await call("Page.navigate", url=url)
                loaded = await until("Page.loadEventFired")
                timeline = await call(
                    "Runtime.evaluate", expression=TIMELINE, awaitPromise=True, returnByValue=True
                )
                value = json.loads(timeline["result"]["result"]["value"])
                value["wall_load"] = (loaded - sent) * 1000
                figures.append(value)
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
            return figures


#: run in the page after its load: the navigation's own timeline (ms from its start), and
#: when the join form was found usable (visible, its field enabled) after two frames
TIMELINE = """
new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = {};
  for (const p of performance.getEntriesByType("paint")) paint[p.name] = p.startTime;
  const form = document.getElementById("join"), field = document.getElementById("code");
  const box = form ? form.getBoundingClientRect() : {height: 0};
  done(JSON.stringify({
    dom: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
    first_paint: paint["first-paint"] || -1, fcp: paint["first-contentful-paint"] || -1,
    usable_at: performance.now(),
    usable: !!(form && field && !form.hidden && !field.disabled && box.height > 0),
  }));
})))
"""


def interactive(port: int, loads: int) -> list[dict[str, float]] | str:
    """The page's timeline in headless Chromium, or why it could not be measured."""
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        return f"no Chromium at {CHROMIUM}"
    debug_port = free_port()
    profile = tempfile.mkdtemp(prefix="otb-chromium-")
    command = [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--no-default-browser-check", f"--remote-debugging-port={debug_port}",
               "--remote-debugging-address=127.0.0.1", f"--user-data-dir={profile}",
               "about:blank"]  # fmt: skip
    browser = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return asyncio.run(cdp_interactive(debug_port, f"http://127.0.0.1:{port}/", loads))
    finally:
        browser.terminate()
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            browser.kill()
            browser.wait(10)
        shutil.rmtree(profile, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=200, help="actions timed, each half")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle CPU")
    parser.add_argument("--loads", type=int, default=5, help="page loads in Chromium")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figure")
    args = parser.parse_args()
    actions = max(1, min(args.actions, 5000))
    from game.ui.shot import staged_app

    rng = random.Random(2026)
    with tempfile.TemporaryDirectory(prefix="otb-devices-") as folder:
        scenario = Path(folder) / "six-teams.yaml"
        write_scaffold(scenario, ROLES)  # the scaffold of ``outofthebox new``: 6 teams
        app = staged_app("table", (1920, 1080), scenario, 7, "en", Path(folder))
        app.timer.stop()  # a stopped clock: the table changes only when the game does
        workshop = app.workshop
        assert workshop.session.path is not None
        codes = codes_for(workshop.session.path, ROLES)
        server = DeviceServer(workshop, codes)
        thread = ServerThread(server, "127.0.0.1", 0)
        port = thread.start()
        acts = timed_acts(workshop, "device-server")
        room = Room(thread, codes.teams)
        try:
            room.run(room.join_all)
            print(f"{len(room.devices)} devices ({len(ROLES)} teams x {DEVICES_PER_TEAM}) "
                  f"joined on 127.0.0.1:{port}; the server on its own thread (ServerThread), "
                  "the projector's App beside it in this process")  # fmt: skip
            times = action_times(room, workshop, actions, rng)
            print(f"action -> last device's view, projector loop stopped: {ms(times)} "
                  f"(goal {GOALS['update']})")  # fmt: skip
            for wake, how in ((False, "a loop without the wake (idle tick, made dirty by "
                               "on_change)"), (True, "the App's own loop, woken by the "
                               "server (App.idle)")):  # fmt: skip
                projector = Projector(app, wake)
                busy, fps = projector.run_beside(
                    room,
                    lambda p=projector: action_times(room, workshop, actions, rng, 0.25, p),
                )
                print(f"action -> last device's view and the projector's redraw, {how}: "
                      f"{ms(busy)} (goal {GOALS['update']})")  # fmt: skip
                print(f"  on_change -> the projector's frame drawn: {ms(projector.waits)}; "
                      f"the loop ran {fps:.1f} times a second")  # fmt: skip
            print(f"workshop.act (rules + fsync'd save) blocking the server's loop: "
                  f"{ms(acts)} (goal {GOALS['act']})")  # fmt: skip
            share = idle_server_cpu(thread, args.idle)
            print(f"server thread idle with 30 devices connected: {share * 100:.3f} % of a "
                  f"core over {args.idle:.0f} s (goal {GOALS['idle']})")  # fmt: skip
            total, sizes = page_weight(port, server)
            listed = ", ".join(f"{name} {size / 1000:.1f} KB" for name, size in sizes)
            print(f"phone page weight: {total / 1000:.1f} KB ({listed}; uncompressed; "
                  f"goal {GOALS['weight']})")  # fmt: skip
            if not args.no_browser:
                loads = interactive(port, max(1, min(args.loads, 50)))
                if isinstance(loads, str):
                    print(f"time to interactive: not measured ({loads})")
                else:
                    usable = all(load["usable"] for load in loads)
                    ready = [max(load["dom"], load["fcp"]) / 1000 for load in loads]
                    print(f"time to interactive in headless Chromium, CPU 4x throttled, cache "
                          f"off: max(DOMContentLoaded, first contentful paint) {ms(ready)}; "
                          f"join form usable: {usable} (goal {GOALS['interactive']})")  # fmt: skip
                    for name in ("dom", "fcp", "load", "usable_at", "wall_load"):
                        values = [load[name] / 1000 for load in loads]
                        print(f"  {name}: {ms(values)}")
        finally:
            room.stop()
            thread.stop()


if __name__ == "__main__":
    main()
