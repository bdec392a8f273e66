"""Acting from a device: for its own team only, once per sequence number, one at a time."""

from __future__ import annotations

import asyncio
import json

from game.devices.protocol import MAX_BYTES
from game.engine import actions as act
from tests.devices.harness import run, table
from tests.helpers import TUTORIAL


def test_an_action_is_applied_for_the_devices_own_team_and_saved(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            library = await here.joined("library")
            ack = await library.act({"type": "pass"})
            assert ack == {"type": "ack", "seq": 1, "message": ack["message"], "private": "",
                           "duplicate": False}  # fmt: skip
            assert here.workshop.session.record.actions == [act.Pass("library")]
            saved = json.loads(here.save_bytes())["actions"]
            origin = {"role": "library", "device": "device-0001", "seq": 1}  # whose and which
            assert saved == [{"type": "pass", "actor": "library", "origin": origin}]
            # naming its own team as the actor is fine too
            cafe = await here.joined("cafe")
            assert (await cafe.act({"type": "pass", "actor": "cafe"}))["type"] == "ack"

    run(story)


def test_a_device_cannot_act_for_another_team_or_as_the_trainer(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            library = await here.joined("library")
            await library.act({"type": "pass"})  # now it is the café's turn
            before, saved = here.workshop.state, here.save_bytes()
            other = await library.act({"type": "pass", "actor": "cafe"})
            assert other["type"] == "refused" and other["why"] == "not-yours"
            assert "cannot act for another team" in other["reason"]
            trainer = await library.act({"type": "pass", "actor": "trainer"})
            assert trainer["why"] == "trainer"
            for kind in ("pause", "skip", "inject", "poll", "resume"):
                refused = await library.act({"type": kind})
                assert refused["why"] == "unknown", refused
            # and as itself it is told whose turn it is
            own = await library.act({"type": "pass"})
            assert own["why"] == "rules" and own["reason"].startswith("It is Kringle Café's turn")
            assert here.workshop.state is before and here.save_bytes() == saved

    run(story)


def test_an_action_sent_again_is_acknowledged_again_and_applied_once(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            library = await here.joined("library", device="library-tablet")
            first = await library.act({"type": "pass"}, seq=1)
            again = await library.act({"type": "pass"}, seq=1)
            assert first["type"] == again["type"] == "ack"
            assert (first["duplicate"], again["duplicate"]) == (False, True)
            assert again["message"] == first["message"]
            # after a lost connection, the same device sends it once more
            await library.socket.close()
            back = await here.phone(device="library-tablet")
            assert (await back.hello(here.codes.teams["library"]))["acked"] == 1
            assert (await back.act({"type": "pass"}, seq=1))["duplicate"] is True
            assert here.workshop.session.record.actions == [act.Pass("library")]
            # a refused action sent again is refused again, and still not applied
            refused = await back.act({"type": "pass"}, seq=2)
            assert refused["why"] == "rules"
            assert await back.act({"type": "pass"}, seq=2) == refused
            assert len(here.workshop.session.record.actions) == 1

    run(story)


def test_two_devices_of_one_team_at_once_the_first_counts(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            one = await here.joined("library")
            two = await here.joined("library")
            await asyncio.gather(one.send(one.action({"type": "pass"})),
                                 two.send(two.action({"type": "pass"})))  # fmt: skip
            replies = [await one.reply(), await two.reply()]
            kinds = sorted(reply["type"] for reply in replies)
            assert kinds == ["ack", "refused"], replies
            refused = next(reply for reply in replies if reply["type"] == "refused")
            assert refused["why"] == "rules"
            assert refused["reason"] == "It is Kringle Café's turn, not Vestby Public Library's."
            assert here.workshop.session.record.actions == [act.Pass("library")]

    run(story)


def test_an_action_before_joining_or_with_another_devices_id_is_refused(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            stranger = await here.phone()
            refused = await stranger.act({"type": "pass"})
            assert refused["why"] == "not-joined"
            library = await here.joined("library")
            borrowed = library.action({"type": "pass"})
            borrowed["device"] = "someone-elses-id"
            await library.send(borrowed)
            assert (await library.reply())["why"] == "device"
            assert here.workshop.session.record.actions == []

    run(story)


BAD = [
    ("not json", "malformed", "{'type': 'pass'"),
    ("a number", "malformed", "42"),
    ("no type", "unknown", {"code": "x"}),
    ("an unknown message", "unknown", {"type": "admin", "x": 1}),
    ("an unknown field", "malformed", {"type": "ping", "as": "trainer"}),
    ("a string for a number", "malformed",
     {"type": "action", "device": "device-0001", "seq": "1", "action": {"type": "pass"}}),
    ("true for a number", "malformed",
     {"type": "action", "device": "device-0001", "seq": True, "action": {"type": "pass"}}),
    ("a zero sequence number", "malformed",
     {"type": "action", "device": "device-0001", "seq": 0, "action": {"type": "pass"}}),
    ("a bad device id", "malformed",
     {"type": "action", "device": "../x", "seq": 9, "action": {"type": "pass"}}),
    ("an unknown action", "unknown",
     {"type": "action", "device": "device-0001", "seq": 9, "action": {"type": "win"}}),
    ("an action's unknown field", "malformed", {"type": "action", "device": "device-0001",
     "seq": 9, "action": {"type": "pass", "points": 100}}),
    ("deep nesting", "malformed", "[" * 5000),
    ("oversized", "oversized", json.dumps({"type": "ping", "pad": "x" * MAX_BYTES})),
    ("oversized in letters of two bytes", "oversized", json.dumps(
        {"type": "hello", "code": "å" * 9000, "device": "device-0001"}, ensure_ascii=False)),
    ("binary garbage", "malformed", b"\xff\xfe\x00garbage"),
]  # fmt: skip


def test_malformed_oversized_and_unknown_messages_are_refused_and_change_nothing(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            library = await here.joined("library", device="device-0001")
            cafe = await here.joined("cafe")
            before, saved = here.workshop.state, here.save_bytes()
            for what, why, message in BAD:
                await library.send(message)
                reply = await library.reply()
                assert reply["type"] == "refused" and reply["why"] == why, (what, reply)
                assert reply["reason"]
            assert here.workshop.state is before and here.save_bytes() == saved
            assert await cafe.silent()  # nobody was sent a new view
            assert here.server.errors == 0
            # and the device still plays
            assert (await library.act({"type": "pass"}))["type"] == "ack"

    run(story)
