"""The device server beside the projector: its own thread, one workshop, changes from
either side reach the phones."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest
from aiohttp import ClientSession

from game.devices.codes import codes_for
from game.devices.running import ServerThread
from game.devices.server import DeviceServer
from game.engine import actions as act
from game.session.workshop import Seat, Workshop
from tests.helpers import SCENARIOS


def test_an_action_on_the_projector_reaches_a_phone_on_the_server_thread(tmp_path):
    path = SCENARIOS / "children-and-families.yaml"
    workshop = Workshop.start(path, 3, [], folder=tmp_path)
    workshop.seats = [Seat(r.id, r.name, device=True) for r in workshop.state.scenario.roles]
    assert workshop.session.path is not None
    codes = codes_for(workshop.session.path, [s.role for s in workshop.seats])
    thread = ServerThread(DeviceServer(workshop, codes), "127.0.0.1", 0)
    port = thread.start()
    try:
        role = workshop.seats[0].role

        async def phone() -> list[dict]:
            async with ClientSession() as session:
                socket_ = await session.ws_connect(f"http://127.0.0.1:{port}/ws")
                await socket_.send_str(json.dumps(
                    {"type": "hello", "code": codes.teams[role], "device": "phone-0001"}
                ))  # fmt: skip
                got = [json.loads((await socket_.receive(5)).data) for _ in range(4)]
                workshop.act(act.Pause())  # the trainer, on the projector's thread
                got.append(json.loads((await socket_.receive(5)).data))
                await socket_.close()
                return got

        teams, welcome, first, timer, after = asyncio.run(asyncio.wait_for(phone(), 20))
        assert teams["type"] == "teams" and timer["type"] == "timer"
        assert welcome["type"] == "welcome" and first["type"] == "view"
        assert not first["view"]["paused"] and after["view"]["paused"]
        assert after["version"] > first["version"]
    finally:
        thread.stop()
    assert not thread.running


def test_a_port_in_use_is_said_and_nothing_keeps_running(tmp_path):
    workshop = Workshop.start(SCENARIOS / "children-and-families.yaml", 3, [], folder=tmp_path)
    assert workshop.session.path is not None
    codes = codes_for(workshop.session.path, [s.role for s in workshop.seats])
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        thread = ServerThread(DeviceServer(workshop, codes), "127.0.0.1", taken.getsockname()[1])
        with pytest.raises(OSError):
            thread.start()
    assert not thread.running and workshop.watchers == []
