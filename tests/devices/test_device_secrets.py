"""No message a device receives holds another team's secrets, over seeded random games.

Each built-in scenario is made searchable as in tests/test_secrets_everywhere.py (a
sentinel word in every brief and red line, a number of its own for every point and
walk-away); every team has a phone, one team two, and a stranger without a code
listens too. The games are played from the phones (the trainer's actions from the
laptop); then every message each phone received is searched for every other team's
secrets, and the stranger must have received nothing at all.

The games are seeded random ones and games whose moves the computer partners choose
(``game.bots``: deals that get signed, counters, walk-aways). CI plays a few of each; the
full count (300 random games and 35 computer partners' games) runs under ``-m long``.
"""

from __future__ import annotations

import json
import random
import time

import pytest

from game.bots.play import decide, seat_partners
from game.engine import actions as act
from game.engine.actions import TRAINER
from game.engine.randomplay import random_action
from tests.devices.harness import Phone, body_of, run, table
from tests.helpers import BUILT_IN
from tests.test_secrets_everywhere import Search, searchable

#: per search: the messages already searched (a view is sent again after each change,
#: mostly the same): each distinct one is searched once
SEEN: dict[int, set[tuple[str, str, str]]] = {}
MOST_ACTIONS = 400


def search_phone(search: Search, phone: Phone, role: str, where: str) -> None:
    """Every message ``phone`` received: a view's own part (``me``), the team's readings
    beside it (``readings``, ``poll_reading``: its own points and verdicts), a deal
    builder's reading and an exploration's fact are the team's own, searched for words
    only; the rest (the moves the rules allow it too) for numbers too."""
    seen = SEEN.setdefault(id(search), set())
    for number, text in enumerate(phone.texts, 1):
        message = json.loads(text)
        for counter in ("version", "seq", "acked"):  # the server's counters, not points
            message.pop(counter, None)
        own = ""
        if message["type"] == "view":
            assert message["view"]["viewer"] == role, f"{where}: another team's view"
            own = json.dumps(
                [message["view"].pop("me"), message.pop("readings"), message.pop("poll_reading")],
                ensure_ascii=False,
            )
        elif message["type"] == "reading":
            own = json.dumps(message.pop("reading"), ensure_ascii=False)
        elif message["type"] == "ack":
            own = message.pop("private")
        shown = json.dumps(message, ensure_ascii=False)
        if (role, shown, own) in seen:  # the same view again (its version aside): searched
            continue
        seen.add((role, shown, own))
        search.text(f"{where}: message {number} to {role}", shown, role, own=own)


def read_of(state, action) -> dict:
    """The deal builder's ``read`` for the terms of a proposal or a counter."""
    deal = getattr(action, "deal", None)
    project = action.project if deal is None else state.deal(deal).project
    return {"type": "read", "project": project, "participants": list(action.participants),
            "options": list(action.options), "deal": deal}  # fmt: skip


async def play(path, seed: int, folder, search: Search, computer: bool = False) -> tuple[int, int]:
    """One game played from the phones, its moves random or the computer partners'
    (``computer``); returns (actions, messages searched)."""
    async with table(path, folder, seed=seed) as here:
        roles = [seat.role for seat in here.workshop.seats]
        phones = {role: [await here.joined(role)] for role in roles}
        phones[roles[0]].append(await here.joined(roles[0]))
        stranger = await here.phone()
        rng = random.Random(seed)
        partners = seat_partners(here.workshop.state.scenario, seed) if computer else {}
        actions = 0
        while not here.workshop.state.finished and actions < MOST_ACTIONS:
            state = here.workshop.state
            if computer:  # the partner whose turn it is chooses, from its own view
                action = decide(state, partners[state.current_role]).action
            else:
                action = random_action(state, rng)
            actions += 1
            if action.actor == TRAINER:  # the trainer acts on the laptop
                assert here.workshop.act(action).ok
                continue
            phone = rng.choice(phones[action.actor])
            if isinstance(action, act.Propose | act.Counter):  # built on the phone first
                await phone.send(read_of(here.workshop.state, action))
                assert (await phone.reply())["type"] == "reading"
            reply = await phone.act(body_of(action))
            assert reply["type"] == "ack", (action, reply)
        messages = 0
        for role, mine in phones.items():
            for phone in mine:
                await phone.drain()
                search_phone(search, phone, role, f"{path.stem} seed {seed}")
                messages += len(phone.texts)
        assert await stranger.silent() and stranger.received == []
        return actions, messages


def secrets_over(tmp_path, random_games: int, computer_games: int) -> None:
    """``random_games`` seeded random games and ``computer_games`` computer partners'
    games, taking the built-in scenarios in turn; prints the figures."""
    started = time.monotonic()
    marked, searches = {}, {}
    for path in BUILT_IN:
        folder = tmp_path / path.stem
        folder.mkdir()
        marked[path], secrets = searchable(path, folder)
        searches[path] = Search(secrets)
    games = {False: 0, True: 0}
    actions = messages = 0
    for computer, count in ((False, random_games), (True, computer_games)):
        for number in range(count):
            path = BUILT_IN[number % len(BUILT_IN)]
            seed = number // len(BUILT_IN) + 1
            taken, searched = run(
                lambda m=marked[path], s=seed, f=tmp_path / path.stem, found=searches[path],
                c=computer: play(m, s, f, found, c)
            )  # fmt: skip
            games[computer] += 1
            actions, messages = actions + taken, messages + searched
    hits = [hit for search in searches.values() for hit in search.hits]
    print(f"device secrets: {games[False]} random games and {games[True]} computer "
          f"partners' games over {len(BUILT_IN)} scenarios, {actions} actions, {messages} "
          f"messages searched, {len(hits)} hits, {time.monotonic() - started:.0f} s")  # fmt: skip
    assert games == {False: random_games, True: computer_games}
    assert hits == [], hits[:10]


def test_no_device_receives_another_teams_secrets(tmp_path):
    secrets_over(tmp_path, random_games=3 * len(BUILT_IN), computer_games=len(BUILT_IN))


@pytest.mark.long
def test_no_device_receives_another_teams_secrets_over_300_games_and_35_of_partners(tmp_path):
    secrets_over(tmp_path, random_games=300, computer_games=35)
