"""The room page's channel: the trainer's code opens the room's view and the trainer's
controls; a team's code, or none, never does; and what it receives holds no team's
secrets. Every story runs on 127.0.0.1 (tests/devices/harness.py).
"""

from __future__ import annotations

import json
import random
from typing import Any

from game.devices.pagewords import page_ids, strings_js
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
    assert (await room.next())["type"] == "devices"  # then the asks and the teams' devices
    return room


def command(phone: Phone, body: dict[str, Any], seq: int | None = None) -> dict[str, Any]:
    if seq is None:
        phone.seq += 1
        seq = phone.seq
    return {"type": "trainer", "device": phone.device, "seq": seq, "command": body}


async def answer(phone: Phone) -> dict[str, Any]:
    """The next message that is neither a team's view nor the room's (nor the room
    page's devices list)."""
    while (message := await phone.next())["type"] in ("view", "room", "devices"):
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
            assert {m["type"] for m in room.received} == {"trainer-welcome", "room", "timer",
                                                            "devices"}  # fmt: skip
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
            for name in ("room.js", "room.css"):
                status, body = await raw_get(here.port, f"/static/{name}")
                assert status == 200 and body == (STATIC / name).read_bytes()
            status, body = await raw_get(here.port, "/static/room.strings.js")
            assert status == 200 and body == strings_js(page="room").encode("utf-8")
            page = (STATIC / "room.html").read_text(encoding="utf-8")
            assert "<script>" not in page and 'type="password"' in page
            return [*here.codes.teams.values(), here.codes.trainer]

    for code in run(story):
        for name in ("room.html", "room.js"):
            assert code not in (STATIC / name).read_text(encoding="utf-8")


def test_every_word_of_the_room_page_has_its_danish_in_the_screens_table():
    """The room page's words come from game/ui/locale/da.json as the phone page's do:
    the screens' check counts them, and the strings file the server makes holds them."""
    from game.ui.locale import extract

    ids = page_ids(page="room")
    assert len(ids) > 40 and "Open the room's screen" in ids and "Admit (Ctrl+Y)" in ids
    table_path = extract.LOCALE_DIR / "da.json"
    danish = json.loads(table_path.read_text(encoding="utf-8"))
    assert [key for key in ids if key not in danish] == []
    assert set(ids) <= set(extract.message_ids())
    assert extract.main(["--check"]) == 0
    words = json.loads(strings_js(page="room").split("=", 1)[1].strip().rstrip(";"))["da"]
    assert set(words) == set(ids) and words["On the table"] == "På bordet"
    assert not (STATIC / "room.strings.js").exists()  # no hand-kept table any more


def test_a_new_word_on_the_room_page_without_its_danish_fails_the_check(tmp_path):
    import shutil

    from game.i18n_check import check

    for name in ("room.html", "room.js"):
        shutil.copy(STATIC / name, tmp_path / name)
    script = tmp_path / "room.js"
    script.write_text(script.read_text(encoding="utf-8") + '\nt("Nobody translated this");\n',
                      encoding="utf-8")  # fmt: skip
    danish = json.loads((STATIC.parents[1] / "ui/locale/da.json").read_text(encoding="utf-8"))
    assert "missing: 'Nobody translated this'" in check(page_ids(tmp_path, "room"), danish)


# -- the trainer answers asks and removes devices from the room page ----------------------


async def devices_now(room: Phone) -> dict[str, Any]:
    """The newest devices list the room page has, once the server has gone quiet."""
    await room.drain()
    found = [m for m in room.received if m["type"] == "devices"]
    assert found, "no devices list reached the room page"
    return found[-1]


async def asking(here: Table, role: str, device: str) -> Phone:
    phone = await here.phone(device)
    await phone.send({"type": "ask", "role": role, "device": phone.device})
    assert await phone.reply() == {"type": "waiting", "role": role}
    return phone


def test_an_ask_is_seen_on_the_room_page_and_admitted_from_it(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            room = await trainer(here)
            phone = await asking(here, "cafe", "phone-cafe-0001")
            team = here.workshop.seat("cafe").team
            listed = await devices_now(room)
            assert listed["asks"] == [{"number": 1, "role": "cafe", "team": team}]
            ack = await order(room, {"type": "admit", "ask": 1})
            assert ack["type"] == "ack" and team in ack["message"]
            welcome = await phone.reply()
            assert welcome["type"] == "welcome" and welcome["role"] == "cafe" and welcome["key"]
            assert here.server.connected() == {"cafe": 1}
            listed = await devices_now(room)
            assert listed["asks"] == []
            [cafe] = [entry for entry in listed["teams"] if entry["role"] == "cafe"]
            [device] = cafe["devices"]
            assert device["connected"] and device["admitted"]
            again = await order(room, {"type": "admit", "ask": 1})  # answered: gone
            assert again["type"] == "refused" and again["why"] == "rules"

    run(story)


def test_an_ask_refused_from_the_room_page_is_told_so_and_gets_nothing(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            room = await trainer(here)
            phone = await asking(here, "library", "phone-lib-0001")
            assert [a["role"] for a in (await devices_now(room))["asks"]] == ["library"]
            assert (await order(room, {"type": "refuse", "ask": 1}))["type"] == "ack"
            refused = await phone.reply()
            assert refused["type"] == "refused" and refused["why"] == "refused"
            assert here.server.admission.pending() == []
            assert (await devices_now(room))["asks"] == []
            await phone.drain()
            assert not {"welcome", "view"} & {m["type"] for m in phone.received}

    run(story)


def test_a_device_removed_from_the_room_page_is_closed_as_removed(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            cafe = await here.joined("cafe", "phone-cafe-0002")
            room = await trainer(here)
            [entry] = [e for e in (await devices_now(room))["teams"] if e["role"] == "cafe"]
            [device] = entry["devices"]
            assert device["connected"] and not device["admitted"]  # came with the card's code
            assert device["device"] != cafe.device  # a handle, not the device's own id
            ack = await order(room, {"type": "remove", "role": "cafe", "device": device["device"]})
            assert ack["type"] == "ack"
            removed = await cafe.reply()
            assert removed["type"] == "refused" and removed["why"] == "removed"
            assert here.server.connected() == {}
            listed = await devices_now(room)
            assert [e["devices"] for e in listed["teams"] if e["role"] == "cafe"] == [[]]
            gone = await order(room, {"type": "remove", "role": "cafe", "device": device["device"]})
            assert gone["type"] == "refused" and gone["why"] == "rules"
            own_id = {"type": "remove", "role": "cafe", "device": "phone-cafe-0002"}
            wrong = await order(room, own_id)
            assert wrong["why"] == "malformed"  # the device's own id is no handle

    run(story)


def test_the_devices_list_holds_no_code_key_id_or_address(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            room = await trainer(here)
            await here.joined("library", "phone-lib-secret-0001")
            asker = await asking(here, "cafe", "phone-cafe-secret-0001")
            await order(room, {"type": "admit", "ask": 1})
            key = (await asker.reply())["key"]
            await asking(here, "cafe", "phone-cafe-secret-0002")  # one still waiting
            await room.drain()
            texts = [text for text in room.texts if json.loads(text)["type"] == "devices"]
            assert len(texts) >= 3
            private = [*here.codes.teams.values(), here.codes.trainer, key, "phone-lib-secret",
                       "phone-cafe-secret", "127.0.0.1"]  # fmt: skip
            for text in texts:
                for word in private:
                    assert word not in text, word
            last = json.loads(texts[-1])
            assert {key for entry in last["asks"] for key in entry} == {"number", "role", "team"}
            fields = {key for team in last["teams"] for d in team["devices"] for key in d}
            assert fields == {"device", "connected", "seen_seconds_ago", "admitted"}

    run(story)


def test_a_team_device_cannot_admit_refuse_or_remove(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            room = await trainer(here)
            library = await here.joined("library")
            await asking(here, "cafe", "phone-cafe-0003")
            [entry] = [e for e in (await devices_now(room))["teams"] if e["role"] == "library"]
            handle = entry["devices"][0]["device"]
            for body in ({"type": "admit", "ask": 1}, {"type": "refuse", "ask": 1},
                         {"type": "remove", "role": "library", "device": handle}):  # fmt: skip
                refused = await order(library, body)
                assert refused["type"] == "refused" and refused["why"] == "trainer", refused
            assert [a.role for a in here.server.admission.pending()] == ["cafe"]
            assert here.server.connected() == {"library": 1}
            await library.drain()
            assert "devices" not in {m["type"] for m in library.received}

    run(story)
