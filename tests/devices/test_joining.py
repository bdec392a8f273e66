"""Joining a game from a device: the right code gives that team's view and only it."""

from __future__ import annotations

import json

from game.engine import actions as act
from tests.devices.harness import as_json, run, table, views_of
from tests.helpers import FOUR_ROLE, TUTORIAL


def test_the_right_code_gives_the_teams_own_view_at_once(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            phone = await here.phone()
            welcome = await phone.hello(here.codes.teams["cafe"])
            assert welcome["type"] == "welcome"
            assert welcome["role"] == "cafe" and welcome["acked"] == 0
            view = await phone.next()
            assert view["type"] == "view"
            assert view["view"] == as_json(here.workshop.private_view("cafe"))
            assert view["view"]["me"]["role"] == "cafe"

    run(story)


def test_a_code_is_read_as_a_person_types_it(tmp_path):
    """Lower case, spaces instead of the dash, and O for 0 / I or L for 1 still join."""

    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            code = here.codes.teams["library"]
            typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
            welcome = await (await here.phone()).hello(f"  {typed} ")
            assert welcome["type"] == "welcome" and welcome["role"] == "library"

    run(story)


def test_a_wrong_code_gives_a_reason_and_nothing_private(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            stranger = await here.phone()
            code = here.codes.teams["library"]
            wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
            refused = await stranger.hello(wrong)
            assert refused["type"] == "refused" and refused["why"] == "code"
            assert "not a code of this game" in refused["reason"]
            # the game goes on; the stranger hears nothing of it
            library = await here.joined("library")
            assert (await library.act({"type": "pass"}))["type"] == "ack"
            assert await stranger.silent()
            assert stranger.received == [refused]

    run(story)


def test_another_games_code_does_not_open_this_one(tmp_path):
    async def story():
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        async with (
            table(TUTORIAL, tmp_path / "a") as first,
            table(TUTORIAL, tmp_path / "b") as second,
        ):
            assert set(first.codes.teams.values()).isdisjoint(second.codes.teams.values())
            refused = await (await second.phone()).hello(first.codes.teams["cafe"])
            assert refused["why"] == "code"

    run(story)


def test_the_trainers_code_does_not_join_as_a_team(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            phone = await here.phone()
            welcome = await phone.hello(here.codes.trainer)
            assert welcome["type"] == "trainer-welcome"  # the room page (test_room.py)
            assert (await phone.next())["type"] == "room"
            assert (await phone.next())["type"] == "timer"  # the round timer, as for a team
            assert (await phone.next())["type"] == "devices"  # the asks and teams' devices
            assert await phone.silent() and here.server.connected() == {}

    run(story)


def test_wrong_codes_are_limited_per_address(tmp_path):
    """Five wrong codes a minute; the sixth try, even with the right code, is told to wait;
    a minute later the right code works again."""

    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            phone = await here.phone()
            for _ in range(5):
                assert (await phone.hello("AAAAA-AAAAA"))["why"] == "code"
            limited = await phone.hello(here.codes.teams["cafe"])
            assert limited["why"] == "rate-limited", limited
            assert "try again in 60 s" in limited["reason"]
            another = await here.phone()  # a new connection from the same address
            assert (await another.hello(here.codes.teams["cafe"]))["why"] == "rate-limited"
            here.clock.now += 61
            assert (await phone.hello(here.codes.teams["cafe"]))["type"] == "welcome"

    run(story)


def test_the_limit_counts_each_address_on_its_own():
    from game.devices.limits import GuessLimiter
    from tests.devices.harness import Clock

    clock = Clock()
    limiter = GuessLimiter(5, 60.0, clock)
    for _ in range(5):
        limiter.wrong("10.0.0.7")
    assert limiter.wait("10.0.0.7") == 60.0
    assert limiter.wait("10.0.0.8") == 0.0
    clock.now += 30
    assert limiter.wait("10.0.0.7") == 30.0


def test_a_teams_view_reaches_only_that_teams_devices(tmp_path):
    """Two devices per team; after an action each device's newest view is its own team's."""

    async def story():
        async with table(FOUR_ROLE[0], tmp_path) as here:
            roles = [seat.role for seat in here.workshop.seats]
            phones = {role: [await here.joined(role), await here.joined(role)] for role in roles}
            first = here.workshop.state.current_role
            assert (await phones[first][0].act({"type": "pass"}))["type"] == "ack"
            for role, pair in phones.items():
                for phone in pair:
                    await phone.drain()
                    views = views_of(phone)
                    assert len(views) == 2, (role, len(views))
                    assert all(view["viewer"] == role for view in views)
                    assert all(view["me"]["role"] == role for view in views)
                    assert views[-1] == as_json(here.workshop.private_view(role))

    run(story)


def test_a_device_that_comes_back_gets_the_game_as_it_is_now(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            cafe = await here.joined("cafe", device="cafe-phone-1")
            library = await here.joined("library")
            await cafe.socket.close()  # the phone sleeps; the game goes on
            assert (await library.act({"type": "pass"}))["type"] == "ack"
            here.workshop.act(act.Pause())  # the trainer, on the laptop
            back = await here.phone(device="cafe-phone-1")
            welcome = await back.hello(here.codes.teams["cafe"])
            assert welcome["type"] == "welcome" and welcome["device"] == "cafe-phone-1"
            view = (await back.next())["view"]
            assert view == as_json(here.workshop.private_view("cafe"))
            assert view["paused"] is True and view["actions_taken"] == 2

    run(story)


def test_no_code_in_any_view_or_log(tmp_path, caplog):
    caplog.set_level("DEBUG")

    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            cafe = await here.joined("cafe")
            await (await here.phone()).hello(here.codes.trainer)
            await (await here.phone()).hello("AAAAA-AAAAA")
            await cafe.act({"type": "pass"})
            await cafe.drain()
            shown = json.dumps(here.workshop.public_view()) + "".join(cafe.texts)
            return [*here.codes.teams.values(), here.codes.trainer], shown

    codes, shown = run(story)
    for code in codes:
        for form in (code, code.replace("-", "")):
            assert form not in shown
            assert form not in caplog.text
    assert "wrong code" in caplog.text  # the log was written, without the codes
