"""The projector with the teams' devices: play --devices starts the server for the game and
stops it when the trainer leaves; the room's QR code holds the address only; the trainer
admits, refuses and removes devices; a phone's action is drawn at once; the round timer
reaches the phones. Every server listens on 127.0.0.1; the app is stepped by hand under
SDL's dummy driver."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from typing import Any

import pygame
import pytest
from aiohttp import ClientSession, WSMsgType

import game.ui.app as app_module
from game.devices.codes import codes_path
from game.ui.app import App
from game.ui.devices import DeviceOptions
from game.ui.qr import QUIET, qr_matrix
from game.ui.scenes.seats import SeatsScene
from game.ui.scenes.title import TitleScene
from tests.helpers import TUTORIAL
from tests.ui.driver import click, drawn_text, labels, press

LOCAL = DeviceOptions("127.0.0.1", 0)
WAIT = 5.0


class Phone:
    """A real WebSocket client on a thread of its own (the app owns the main thread)."""

    def __init__(self, port: int):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.session: ClientSession | None = None
        self.socket: Any = None
        self._run(self._open(port))

    def _run(self, work, wait: float = WAIT):
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(wait)

    async def _open(self, port: int) -> None:
        self.session = ClientSession()
        self.socket = await self.session.ws_connect(f"http://127.0.0.1:{port}/ws")

    def send(self, message: dict) -> None:
        self._run(self.socket.send_str(json.dumps(message)))

    def next(self, wait: float = WAIT) -> dict:
        message = self._run(self.socket.receive(timeout=wait), wait + 1)
        assert message.type == WSMsgType.TEXT, f"the connection ended: {message}"
        return json.loads(message.data)

    def next_of(self, kind: str, wait: float = WAIT) -> dict:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            message = self.next(max(0.05, deadline - time.monotonic()))
            if message["type"] == kind:
                return message
        raise AssertionError(f"no {kind} message")

    def close(self) -> None:
        async def closing() -> None:
            await self.socket.close()
            await self.session.close()

        self._run(closing())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(WAIT)


def step_until(app: App, done, limit: float = WAIT) -> None:
    """Step the app until ``done()`` (bounded in time)."""
    deadline = time.monotonic() + limit
    while not done():
        assert time.monotonic() < deadline, "the app never got there"
        app.step()
        time.sleep(0.01)


def devices_game(saves, options: DeviceOptions = LOCAL, on_device: int | None = None) -> App:
    """``play --devices``: the seat screen, every seat (or only one) on a device, started."""
    from game.scenario.loading import load_scenario

    app = App((1280, 720), saves=saves, strict=True, seed=5, devices=options)
    app.push(SeatsScene(app, TUTORIAL, load_scenario(TUTORIAL)))
    app.step()
    if on_device is not None:
        for index, seat in enumerate(app.scene.seats):
            seat.device = index == on_device
    click(app, "Start the game")
    return app


def listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_play_devices_listens_while_the_game_runs_and_stops_when_the_trainer_leaves(saves):
    app = devices_game(saves)
    try:
        assert app.link.running and app.join_open
        port = app.link.port
        assert listening(port)
        assert f"http://127.0.0.1:{port}/" in app.message
        assert json.loads(codes_path(app.workshop.session.path).read_text())["port"] == port
        assert app.scene.name == "table"  # no curtains: the teams read their briefs on devices
        app.reset_to(TitleScene(app))  # the trainer leaves the game
        assert not app.link.running and not listening(port)
    finally:
        app.leave_game()


def test_a_game_without_devices_listens_for_nothing(saves):
    app2 = App((1280, 720), saves=saves, strict=True, seed=5)
    from game.scenario.loading import load_scenario

    app2.push(SeatsScene(app2, TUTORIAL, load_scenario(TUTORIAL)))
    app2.step()
    assert "On the team's device" not in labels(app2)  # without --devices: no such seat
    click(app2, "Start the game")
    assert not app2.link.running
    press(app2, pygame.K_j, pygame.KMOD_CTRL)
    assert "no seats on devices" in app2.error


def test_the_qr_code_is_segnos_code_of_the_join_address_and_no_code_is_drawn(saves):
    app = devices_game(saves)
    try:
        app.step()
        url, place, module = app.shown_qr
        assert url == f"http://127.0.0.1:{app.link.port}/"
        surface = pygame.display.get_surface()
        matrix = qr_matrix(url)
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                centre = (place.left + (x + QUIET) * module + module // 2,
                          place.top + (y + QUIET) * module + module // 2)  # fmt: skip
                assert (surface.get_at(centre)[:3] == (0, 0, 0)) == dark, (x, y)
        codes = app.link.codes
        shown = drawn_text(app) + url + app.message
        for code in [*codes.teams.values(), codes.trainer]:
            assert code not in shown and code.replace("-", "") not in shown
    finally:
        app.leave_game()


def test_the_trainer_admits_an_asking_device_and_it_gets_its_view(saves):
    app = devices_game(saves)
    phone = Phone(app.link.port)
    try:
        teams = phone.next()
        assert teams["type"] == "teams" and len(teams["teams"]) == len(app.workshop.seats)
        role = teams["teams"][1]["role"]
        phone.send({"type": "ask", "role": role, "device": "phone-0001"})
        assert phone.next()["type"] == "waiting"
        step_until(app, lambda: app.link.asks)  # the server's wake-up brings it to the screen
        team = app.workshop.seat(role).team
        assert f"A device asks to join as the {team} team." in drawn_text(app)
        assert labels(app) == ["Admit (Ctrl+Y)", "Refuse (Ctrl+N)"]  # nothing else is clickable
        click(app, "Admit")
        welcome = phone.next()
        assert welcome["type"] == "welcome" and welcome["role"] == role and welcome["key"]
        assert phone.next()["type"] == "view" and phone.next()["type"] == "timer"
        assert welcome["key"] not in drawn_text(app) + app.message
        step_until(app, lambda: any(j.connections for j in app.link.devices))
        app.draw()
        assert "1 connected" in drawn_text(app)
        click(app, "Remove")  # the trainer changes their mind
        assert phone.next_of("refused")["why"] == "removed"
    finally:
        phone.close()
        app.leave_game()


def test_the_trainer_refuses_with_ctrl_n_and_the_device_is_told(saves):
    app = devices_game(saves)
    phone = Phone(app.link.port)
    try:
        phone.next()
        phone.send({"type": "ask", "role": app.workshop.seats[0].role, "device": "phone-0002"})
        phone.next()
        step_until(app, lambda: app.link.asks)
        press(app, pygame.K_n, pygame.KMOD_CTRL)
        assert phone.next()["why"] == "refused"
        assert app.link.asks == []
    finally:
        phone.close()
        app.leave_game()


@pytest.mark.parametrize("idle_fps", [1, app_module.IDLE_FPS])
def test_a_phones_action_is_drawn_at_once_while_the_app_idles(saves, monkeypatch, idle_fps):
    """With the idle frame slowed to one a second, only the server's wake-up can draw the
    phone's pass within a fraction of it; at the real idle rate, well within 100 ms."""
    monkeypatch.setattr(app_module, "IDLE_FPS", idle_fps)
    app = devices_game(saves)
    phone = Phone(app.link.port)
    drawn: list[tuple[float, int]] = []
    actions = app.workshop.session.record.actions
    real_draw = app.draw

    def draw(dry: bool = False) -> None:
        real_draw(dry)
        if not dry:
            drawn.append((time.monotonic(), len(actions)))
            if len(actions) > before:
                app.running = False

    try:
        role = app.workshop.state.current_role
        phone.next()
        phone.send({"type": "hello", "code": app.link.codes.teams[role], "device": "phone-0003"})
        phone.next_of("timer")
        app.join_open = False
        before = len(actions)
        app.draw = draw
        sent: list[float] = []

        def act_later() -> None:
            time.sleep(1.5)  # the app has long gone idle
            sent.append(time.monotonic())
            phone.send({"type": "action", "device": "phone-0003", "seq": 1,
                        "action": {"type": "pass"}})  # fmt: skip

        threading.Thread(target=act_later, daemon=True).start()
        threading.Timer(8.0, lambda: setattr(app, "running", False)).start()  # a bound
        app.running = True
        app.run()
        assert phone.next_of("ack")["seq"] == 1
        shown = next(at for at, count in drawn if count > before)
        latency = shown - sent[0]
        print(f"a phone's action drawn {latency * 1000:.0f} ms after it was sent")
        assert latency < (0.5 if idle_fps == 1 else 0.1)  # an idle frame: 1 s, 100 ms
    finally:
        phone.close()
        app.leave_game()


def test_the_round_timer_reaches_a_phone_when_the_trainer_stops_or_starts_it(saves):
    app = devices_game(saves)
    phone = Phone(app.link.port)
    try:
        phone.next()
        role = app.workshop.seats[0].role
        phone.send({"type": "hello", "code": app.link.codes.teams[role], "device": "phone-0004"})
        first = phone.next_of("timer")  # running: a device team's turn starts round 1's clock
        assert first["running"] is True and first["left"] > 0
        press(app, pygame.K_ESCAPE)  # close the join screen
        press(app, pygame.K_F3)
        assert phone.next_of("timer")["running"] is False
        press(app, pygame.K_F3)
        started = phone.next_of("timer")
        assert started["running"] is True and 0 < started["left"] <= first["left"]
    finally:
        phone.close()
        app.leave_game()


def test_a_resumed_game_listens_on_its_saved_port_and_a_busy_port_gets_another(saves):
    from game.session.workshop import Workshop

    app = devices_game(saves)
    save, port = app.workshop.session.path, app.link.port
    app.leave_game()
    again = App((1280, 720), saves=saves, strict=True, devices=DeviceOptions("127.0.0.1"))
    try:
        again.begin(Workshop.resume(save))
        assert again.link.running and again.link.port == port  # the phones come back
        again.leave_game()
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", port))
            taken.listen()
            again.begin(Workshop.resume(save))
            assert again.link.running and again.link.port != port
            assert f"Port {port} is in use" in again.message
    finally:
        again.leave_game()


@pytest.fixture(autouse=True)
def _no_server_left(saves):
    yield
    names = [t.name for t in threading.enumerate() if t.name == "device-server"]
    assert names == [], "a device server was left running"


def test_play_devices_hands_the_address_to_the_app_and_host_alone_is_a_usage_error(
    monkeypatch, capsys
):
    import game.cli as cli

    made: list[dict] = []

    class Recorded:
        def __init__(self, size, **options):
            made.append(options)

        def run(self) -> None:
            pass

    monkeypatch.setattr(app_module, "App", Recorded)
    monkeypatch.setattr(cli, "_open_display", lambda size: None)
    argv = ["play", "--devices", "--host", "127.0.0.1", "--port", "0", "--size", "1024x768"]
    assert cli.main(argv) == cli.EXIT_OK
    assert made[-1]["devices"] == DeviceOptions("127.0.0.1", 0)
    assert cli.main(["play", "--size", "1024x768"]) == cli.EXIT_OK
    assert made[-1]["devices"] is None
    assert cli.main(["play", "--host", "127.0.0.1"]) == cli.EXIT_USAGE
    assert "--host and --port go with --devices" in capsys.readouterr().err
