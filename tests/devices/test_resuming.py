"""A device server resumed from the save (after a crash) knows what it answered: an
action sent again is answered as before, as a duplicate, and never applied twice."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from game.devices.codes import GameCodes
from game.devices.server import DeviceServer
from game.engine import actions as act
from game.engine.record import read_record
from game.session.workshop import Workshop
from tests.devices.harness import Clock, Phone, Table, run, table
from tests.helpers import TUTORIAL


@asynccontextmanager
async def resumed(save: Path, codes: GameCodes):
    """The game of ``save`` served again by a new server, as ``serve --resume`` does."""
    workshop = Workshop.resume(save)
    server = DeviceServer(workshop, codes)
    http = TestServer(server.app(), host="127.0.0.1", port=0)
    await http.start_server()
    session = ClientSession()
    here = Table(workshop, codes, server, http, session, Clock())
    try:
        yield here
    finally:
        for phone in here.phones:
            await phone.socket.close()
        await session.close()
        await http.close()


async def rejoined(here: Table, role: str, device: str) -> tuple[Phone, dict]:
    phone = await here.phone(device)
    welcome = await phone.hello(here.codes.teams[role])
    assert welcome["type"] == "welcome", welcome
    assert (await phone.next())["type"] == "view"
    return phone, welcome


def test_a_resumed_server_answers_an_action_sent_again_without_applying_it(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as first:
            library = await first.joined("library", device="library-tablet")
            ack = await library.act({"type": "pass"}, seq=1)
            assert ack["type"] == "ack" and not ack["duplicate"]
            save, codes = first.workshop.session.path, first.codes
            await library.drain()
            version = max(m["version"] for m in library.received if m["type"] == "view")
        assert save is not None
        async with resumed(save, codes) as second:
            back, welcome = await rejoined(second, "library", "library-tablet")
            assert welcome["acked"] == 1  # the phone knows seq 1 was answered
            assert back.received[-1]["version"] > version  # newer than any view before
            before, saved = second.workshop.state, second.save_bytes()
            again = await back.act({"type": "pass"}, seq=1)  # its answer was lost: sent again
            assert again == {**ack, "duplicate": True}  # the same answer, as a duplicate
            assert second.workshop.state is before and second.save_bytes() == saved
            assert second.workshop.session.record.actions == [act.Pass("library")]
            # its next action is applied as usual, with its own number
            cafe, _ = await rejoined(second, "cafe", "cafe-phone")
            assert (await cafe.act({"type": "pass"}, seq=1))["duplicate"] is False
            record = read_record(save)
            assert [(o.device, o.seq) for o in record.device_origins()] == [
                ("library-tablet", 1), ("cafe-phone", 1)]  # fmt: skip

    run(story)


def test_a_resumed_server_does_not_apply_an_undone_device_action_sent_again(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as first:
            library = await first.joined("library", device="library-tablet")
            assert (await library.act({"type": "pass"}, seq=1))["type"] == "ack"
            assert first.workshop.undo().ok  # the trainer takes it back
            save, codes = first.workshop.session.path, first.codes
        assert save is not None
        async with resumed(save, codes) as second:
            back, welcome = await rejoined(second, "library", "library-tablet")
            assert welcome["acked"] == 1
            again = await back.act({"type": "pass"}, seq=1)
            assert again["type"] == "ack" and again["duplicate"]
            assert second.workshop.session.record.actions == []

    run(story)
