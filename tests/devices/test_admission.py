"""Joining by asking: a device picks its team, the trainer admits or refuses it on the
projector, and can remove it again. Real WebSockets on 127.0.0.1 (harness.py)."""

from __future__ import annotations

import json
import logging

from game.devices.admission import KEY_BYTES, keys_path
from game.devices.codes import codes_for
from game.devices.server import DeviceServer
from game.session.workshop import Workshop
from tests.devices.harness import Phone, Table, as_json, run, table
from tests.helpers import TUTORIAL


async def asking(here: Table, role: str, device: str = "") -> Phone:
    phone = await here.phone(device)
    await phone.send({"type": "ask", "role": role, "device": phone.device})
    waiting = await phone.reply()
    assert waiting == {"type": "waiting", "role": role}
    return phone


def test_a_socket_hears_first_which_teams_it_may_ask_for_by_their_public_names(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            phone = await here.phone()
            teams = phone.teams["teams"]
            assert [t["role"] for t in teams] == [s.role for s in here.workshop.seats]
            assert teams[0] == {"role": "library", "team": here.workshop.seat("library").team,
                                "name": here.workshop.name("library")}  # fmt: skip
            text = json.dumps(phone.teams)
            for code in [*here.codes.teams.values(), here.codes.trainer]:
                assert code not in text

    run(story)


def test_an_admitted_device_gets_its_own_key_its_view_and_the_timer(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="game.devices")

    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            phone = await asking(here, "cafe")
            admission = here.server.admission
            [ask] = admission.pending()
            assert (ask.role, ask.team) == ("cafe", here.workshop.seat("cafe").team)
            assert admission.admit(ask.number)
            welcome = await phone.next()
            assert welcome["type"] == "welcome" and welcome["role"] == "cafe"
            key = welcome["key"]
            assert len(key) >= 22 and KEY_BYTES * 8 >= 128  # token_urlsafe(16): 128 bits
            view = await phone.next()
            assert view["view"] == as_json(here.workshop.private_view("cafe"))
            assert (await phone.next())["type"] == "timer"
            assert admission.pending() == []
            assert (await phone.act({"type": "pass"}))["type"] in ("ack", "refused")
            # kept beside the save, as a digest: the key itself is nowhere on disk or in the log
            path = here.workshop.session.path
            kept = keys_path(path).read_text()
            assert key not in kept and "cafe" in kept
            assert key not in caplog.text
            return key

    run(story)


def test_a_refused_device_is_told_so_and_gets_nothing(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            phone = await asking(here, "library")
            [ask] = here.server.admission.pending()
            assert here.server.admission.refuse(ask.number)
            refused = await phone.next()
            assert refused["type"] == "refused" and refused["why"] == "refused"
            assert await phone.silent()
            assert not here.server.admission.admit(ask.number)  # answered: gone

    run(story)


def test_a_device_that_leaves_while_waiting_is_no_longer_asked_about(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            phone = await asking(here, "library")
            await phone.socket.close()
            for _ in range(50):
                if not here.server.admission.pending():
                    break
                await phone.silent(0.02)
            assert here.server.admission.pending() == []

    run(story)


def test_an_admitted_device_comes_back_with_its_key_even_after_a_resume(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            phone = await asking(here, "cafe", "phone-cafe-01")
            here.server.admission.admit(here.server.admission.pending()[0].number)
            key = (await phone.next())["key"]
            again = await here.phone("phone-cafe-01")
            welcome = await again.hello(key)
            assert welcome["type"] == "welcome" and welcome["role"] == "cafe"
            return key, here.workshop.session.path

    key, save = run(story)
    # the laptop restarts: a new server of the resumed game still knows the key
    workshop = Workshop.resume(save)
    codes = codes_for(save, [seat.role for seat in workshop.seats])
    server = DeviceServer(workshop, codes)
    assert server.admission.holder(key) is not None
    assert server.admission.holder(key)[0] == "cafe"
    assert server.admission.holder(key + "x") is None


def test_a_removed_device_is_closed_and_its_key_no_longer_opens_the_game(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            admission = here.server.admission
            phone = await asking(here, "cafe", "phone-cafe-01")
            admission.admit(admission.pending()[0].number)
            key = (await phone.next())["key"]
            await phone.drain()
            [joined] = admission.devices()
            assert (joined.role, joined.connections, joined.admitted) == ("cafe", 1, True)
            assert joined.seen is not None and joined.seen < 5
            assert admission.remove("cafe", "phone-cafe-01") == 1
            removed = await phone.next()
            assert removed["type"] == "refused" and removed["why"] == "removed"
            closed = await phone.socket.receive(timeout=5)
            assert closed.type.name in ("CLOSE", "CLOSING", "CLOSED")
            assert admission.devices() == []
            back = await here.phone("phone-cafe-01")
            assert (await back.hello(key))["why"] == "code"  # forgotten: a wrong code now

    run(story)


def test_asks_are_limited_per_address_and_only_for_teams_on_devices(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            phone = await here.phone()
            await phone.send({"type": "ask", "role": "nobody", "device": phone.device})
            assert (await phone.reply())["why"] == "unknown"
            answers = []
            for _ in range(6):
                await phone.send({"type": "ask", "role": "cafe", "device": phone.device})
                answers.append(await phone.reply())
            assert answers[-1]["why"] == "rate-limited"
            assert all(a["type"] == "waiting" for a in answers[:4])
            assert len(here.server.admission.pending()) == 1  # a connection's newest ask

    run(story)


def test_the_round_timer_reaches_every_joined_device_and_no_stranger(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            library = await here.joined("library")
            stranger = await here.phone()
            here.server.set_timer(90.0, True)
            assert await library.next() == {"type": "timer", "left": 90.0, "running": True}
            assert await stranger.silent()
            cafe = await here.phone()
            await cafe.hello(here.codes.teams["cafe"])
            assert [m["type"] for m in await cafe.drain()] == ["view", "timer"]
            assert cafe.received[-1]["left"] == 90.0

    run(story)
