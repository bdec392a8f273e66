"""The room page's channel: the trainer's code opens the room's view and the trainer's
controls; a team's code, or none, never does; and what it receives holds no team's
secrets. Every story runs on 127.0.0.1 (tests/devices/harness.py).
"""

from __future__ import annotations

import json
import random
from typing import Any

from game.devices.server import STATIC
from game.engine import actions as act
from game.engine.actions import TRAINER
from game.engine.randomplay import random_action
from tests.devices.harness import Phone, Table, as_json, body_of, run, table, views_of
from tests.devices.test_page import raw_get
from tests.helpers import FOUR_ROLE, TUTORIAL
from tests.test_secrets_everywhere import Search, searchable

ROOM_DEVICE = "room-screen-0001"


async def trainer(here: Table) -> Phone:
    """The room page, joined with the trainer's code: its welcome and first room view read."""
    room = await here.phone(ROOM_DEVICE)
    welcome = await room.hello(here.codes.trainer)
    assert welcome["type"] == "trainer-welcome", welcome
    assert (await room.next())["type"] == "room"
    assert (await room.next())["type"] == "timer"  # the round timer follows the welcome
    return room


def command(phone: Phone, body: dict[str, Any], seq: int | None = None) -> dict[str, Any]:
    if seq is None:
        phone.seq += 1
        seq = phone.seq
    return {"type": "trainer", "device": phone.device, "seq": seq, "command": body}


async def answer(phone: Phone) -> dict[str, Any]:
    """The next message that is neither a team's view nor the room's."""
    while (message := await phone.next())["type"] in ("view", "room"):
        pass
    return message


async def order(phone: Phone, body: dict[str, Any], seq: int | None = None) -> dict[str, Any]:
    await phone.send(command(phone, body, seq))
    return await answer(phone)


def rooms_of(phone: Phone) -> list[dict[str, Any]]:
    return [message["view"] for message in phone.received if message["type"] == "room"]


def test_the_trainers_code_opens_the_rooms_view_and_nothing_private(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            room = await here.phone(ROOM_DEVICE)
            welcome = await room.hello(here.codes.trainer)
            assert welcome["type"] == "trainer-welcome" and welcome["device"] == ROOM_DEVICE
            teams = {team["role"]: team["name"] for team in welcome["teams"]}
            assert teams == {"library": "Vestby Public Library", "cafe": "Kringle Café"}
            first = await room.next()
            assert first["type"] == "room"
            assert first["view"] == as_json(here.workshop.public_view())
            assert first["view"]["viewer"] == "public"
            assert "me" not in first["view"] and "briefs" not in first["view"]
            assert here.server.connected() == {}  # the room page is no team's device

    run(story)


def test_a_team_code_or_no_code_never_reaches_the_trainers_controls(tmp_path):
    """A team's device and a stranger send each trainer's command: refused, nothing
    changes, and neither ever receives the room's channel."""

    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            cafe = await here.joined("cafe")
            stranger = await here.phone()
            before = here.workshop.state
            bodies = [{"type": kind} for kind in ("pause", "resume", "skip", "undo")]
            bodies += [{"type": "inject", "card": c.id} for c in before.scenario.events]
            for phone in (cafe, stranger):
                for body in bodies:
                    refused = await order(phone, body)
                    assert refused["type"] == "refused" and refused["why"] == "trainer", refused
            assert here.workshop.state is before
            assert len(here.workshop.session.record.actions) == 0
            for phone in (cafe, stranger):
                await phone.drain()
                kinds = {message["type"] for message in phone.received}
                assert not kinds & {"room", "trainer-welcome"}, kinds

    run(story)


def test_a_team_device_that_says_it_is_the_trainer_is_refused(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            cafe = await here.joined("cafe")
            forged = command(cafe, {"type": "pause"})
            forged["device"] = ROOM_DEVICE  # the room page's own id does not help
            await cafe.send(forged)
            assert (await answer(cafe))["why"] == "trainer"
            assert not here.workshop.state.paused

    run(story)


def test_wrong_trainer_codes_count_in_the_same_limit(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            room = await here.phone(ROOM_DEVICE)
            for _ in range(5):
                assert (await room.hello("AAAAA-AAAAA"))["why"] == "code"
            limited = await room.hello(here.codes.trainer)
            assert limited["why"] == "rate-limited"
            here.clock.now += 61
            assert (await room.hello(here.codes.trainer))["type"] == "trainer-welcome"

    run(story)


def test_a_trainers_command_acts_once_and_reaches_every_phone(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            library, cafe = await here.joined("library"), await here.joined("cafe")
            room = await trainer(here)
            log = here.workshop.session.record.actions
            ack = await order(room, {"type": "pause"}, seq=1)
            assert ack["type"] == "ack" and not ack["duplicate"]
            assert log == [act.Pause()]
            again = await order(room, {"type": "pause"}, seq=1)  # sent again after a drop
            assert again["type"] == "ack" and again["duplicate"]
            assert log == [act.Pause()]
            refused = await order(room, {"type": "pause"}, seq=2)  # the rules: paused already
            assert refused["type"] == "refused" and refused["why"] == "rules"
            assert (await order(room, {"type": "resume"}, seq=3))["type"] == "ack"
            assert (await order(room, {"type": "skip"}, seq=4))["type"] == "ack"
            assert log == [act.Pause(), act.Resume(), act.SkipTurn()]
            for role, phone in (("library", library), ("cafe", cafe)):
                await phone.drain()
                views = views_of(phone)
                assert [view["paused"] for view in views] == [False, True, False, False]
                assert views[-1] == as_json(here.workshop.private_view(role))
            await room.drain()
            assert rooms_of(room)[-1] == as_json(here.workshop.public_view())
            assert rooms_of(room)[-1]["turn_of"] == "cafe"  # the library's turn was skipped

    run(story)


def test_the_trainer_plays_an_event_card_and_calls_a_straw_poll(tmp_path):
    async def story():
        async with table(FOUR_ROLE[0], tmp_path, seed=3) as here:
            room = await trainer(here)
            card = here.workshop.state.scenario.events[0]
            ack = await order(room, {"type": "inject", "card": card.id})
            assert ack["type"] == "ack", ack
            assert here.workshop.public_view()["news"][-1]["card"] == card.id
            unknown = await order(room, {"type": "inject", "card": "no-such-card"})
            assert unknown["why"] == "rules" and "no-such-card" in unknown["reason"]
            assert (await order(room, {"type": "poll", "deal": 1}))["why"] == "rules"
            proposal = next(
                a for a in random_actions(here, 50) if isinstance(a, act.Propose)
            )  # a deal on the table
            assert here.workshop.act(proposal).ok
            deal = here.workshop.state.open_deals()[-1]
            assert (await order(room, {"type": "poll", "deal": deal.number}))["type"] == "ack"
            poll = here.workshop.public_view()["poll"]
            assert poll["project"] == deal.project and poll["options"] == list(deal.options)
            await room.drain()
            assert rooms_of(room)[-1]["poll"] == poll

    run(story)


def random_actions(here: Table, count: int):
    """Legal actions now, for the team whose turn it is (a proposal among them, mostly)."""
    from game.engine.rules import legal_actions

    state = here.workshop.state
    found = legal_actions(state, state.current_role)
    rng = random.Random(4)
    return rng.sample(found, min(count, len(found)))


def test_the_trainers_undo_reaches_every_phone_and_the_room(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            library, cafe = await here.joined("library"), await here.joined("cafe")
            room = await trainer(here)
            assert (await library.act({"type": "pass"}))["type"] == "ack"
            assert (await cafe.act({"type": "pass"}))["type"] == "ack"
            assert here.workshop.state.actions_taken == 2
            ack = await order(room, {"type": "undo"})
            assert ack["type"] == "ack"
            assert here.workshop.state.actions_taken == 1
            again = await order(room, {"type": "undo"}, seq=room.seq)  # the same one again
            assert again["duplicate"] and here.workshop.state.actions_taken == 1
            for role, phone in (("library", library), ("cafe", cafe)):
                await phone.drain()
                assert views_of(phone)[-1] == as_json(here.workshop.private_view(role))
                assert views_of(phone)[-1]["actions_taken"] == 1
            await room.drain()
            assert rooms_of(room)[-1] == as_json(here.workshop.public_view())
            assert rooms_of(room)[-1]["turn_of"] == "cafe"
            await order(room, {"type": "undo"})
            nothing = await order(room, {"type": "undo"})
            assert nothing["type"] == "refused" and nothing["why"] == "rules"

    run(story)


def test_a_trainers_connection_gets_no_teams_view_and_a_team_no_room(tmp_path):
    """After many changes: the room page received only room views, each phone only its
    own team's views."""

    async def story():
        async with table(FOUR_ROLE[0], tmp_path, seed=5) as here:
            roles = [seat.role for seat in here.workshop.seats]
            phones = {role: await here.joined(role) for role in roles}
            room = await trainer(here)
            rng = random.Random(5)
            for _ in range(40):
                action = random_action(here.workshop.state, rng)
                if action.actor == TRAINER:
                    assert here.workshop.act(action).ok
                else:
                    assert (await phones[action.actor].act(body_of(action)))["type"] == "ack"
            await room.drain()
            assert {m["type"] for m in room.received} == {"trainer-welcome", "room", "timer"}
            assert all(view["viewer"] == "public" for view in rooms_of(room))
            for role, phone in phones.items():
                await phone.drain()
                assert "room" not in {m["type"] for m in phone.received}
                assert all(view["viewer"] == role for view in views_of(phone))

    run(story)


GAMES_PER_SCENARIO = 3
MOST_ACTIONS = 300


async def play_watched(path, seed: int, folder) -> list[str]:
    """A game played from the phones and the room page's controls; what the room page
    received."""
    async with table(path, folder, seed=seed) as here:
        roles = [seat.role for seat in here.workshop.seats]
        phones = {role: await here.joined(role) for role in roles}
        room = await trainer(here)
        rng = random.Random(seed)
        for _ in range(MOST_ACTIONS):
            if here.workshop.state.finished:
                break
            action = random_action(here.workshop.state, rng)
            if action.actor == TRAINER:
                data = action.to_json()
                data.pop("actor")
                if data["type"] == "poll":  # the room page polls on a deal on the table
                    deals = here.workshop.state.open_deals()
                    if not deals:
                        continue
                    data = {"type": "poll", "deal": deals[-1].number}
                reply = await order(room, data)
                assert reply["type"] in ("ack", "refused"), reply
            else:
                assert (await phones[action.actor].act(body_of(action)))["type"] == "ack"
        await room.drain()
        return room.texts


def test_the_room_pages_messages_hold_no_teams_secrets(tmp_path):
    hits, messages = [], 0
    for path in [TUTORIAL, *FOUR_ROLE]:
        folder = tmp_path / path.stem
        folder.mkdir()
        marked, secrets = searchable(path, folder)
        search = Search(secrets)
        for seed in range(1, GAMES_PER_SCENARIO + 1):
            texts = run(lambda m=marked, s=seed, f=folder: play_watched(m, s, f))
            for number, text in enumerate(texts, 1):
                message = json.loads(text)
                for counter in ("version", "seq", "acked"):
                    message.pop(counter, None)
                search.text(f"{path.stem} seed {seed}: room message {number}", json.dumps(message))
            messages += len(texts)
        hits += search.hits
    print(f"room page secrets: {messages} messages, {len(hits)} hits")
    assert messages > 100
    assert hits == [], hits[:10]


def test_the_search_would_find_a_teams_view_in_the_room_pages_messages(tmp_path):
    """The search above can fail: a team's own view, sent by mistake, is found."""
    marked, secrets = searchable(TUTORIAL, tmp_path)

    async def story():
        async with table(marked, tmp_path) as here:
            return json.dumps(here.workshop.private_view("cafe"))

    search = Search(secrets)
    search.text("a team's view on the room page", run(story))
    assert {owner for _, owner, _ in search.hits} == {"cafe"}


def test_the_room_page_is_served_and_holds_no_code(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            status, body = await raw_get(here.port, "/room")
            assert status == 200 and b"/static/room.js" in body
            for name in ("room.js", "room.css", "room.strings.js"):
                status, body = await raw_get(here.port, f"/static/{name}")
                assert status == 200 and body == (STATIC / name).read_bytes()
            page = (STATIC / "room.html").read_text(encoding="utf-8")
            assert "<script>" not in page and 'type="password"' in page
            return [*here.codes.teams.values(), here.codes.trainer]

    for code in run(story):
        for name in ("room.html", "room.js"):
            assert code not in (STATIC / name).read_text(encoding="utf-8")


def test_every_word_of_the_room_page_has_its_danish():
    import re

    page = (STATIC / "room.html").read_text(encoding="utf-8")
    script = (STATIC / "room.js").read_text(encoding="utf-8")
    table_text = (STATIC / "room.strings.js").read_text(encoding="utf-8")
    words = set(re.findall(r'data-t="([^"]+)"', page))
    words |= set(re.findall(r'\bt\("([^"]+)"', script))
    assert len(words) > 30
    missing = [word for word in words if f'"{word}":' not in table_text]
    assert missing == []
    for english, danish in re.findall(r'^\s*"([^"]+)": "([^"]+)",$', table_text, re.M):
        assert set(re.findall(r"\{\w+\}", english)) == set(re.findall(r"\{\w+\}", danish))
