"""A hostile client: seeded random or malformed messages against a running game (2,000
in CI; 10,000 under ``-m long``).

Garbage bytes, random JSON, valid messages with one field spoiled, oversized messages,
wrong codes, actions before joining, with another device's id, for another team, as
the trainer, replays of earlier messages, two devices of a team racing, and now and then
a legal action of the device's own team so that the game moves. After every message:
the log grew by one action exactly when the device was told "ack" (not a duplicate),
that action is the device's own team's, and the new state is what the rules make of the
old one with it. At the end: 0 exceptions in the server, 0 secrets of another team in
any message, 0 codes in any message, and the save replays to the same game.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import re
import time
from collections import Counter
from types import SimpleNamespace
from typing import Any

import pytest

from game.devices.protocol import MAX_BYTES
from game.devices.server import SOCKET_LIMIT
from game.engine.actions import TRAINER, action_from_json
from game.engine.randomplay import random_action
from game.engine.record import read_record
from game.engine.rules import apply, legal_actions
from tests.devices.harness import Phone, Table, body_of, run, table
from tests.devices.test_device_secrets import search_phone
from tests.helpers import FOUR_ROLE
from tests.test_secrets_everywhere import Search, searchable

MESSAGES = 2000  # in CI; the long run sends LONG_MESSAGES
LONG_MESSAGES = 10_000
SEED = 2026
SECONDS_PER_MESSAGE = 0.1  # the time limit: 200 s for 2,000 messages (a busy machine)
#: the game's own counters where a message holds them (a deal's number, the actions
#: taken): a long run's pass 500, the first of the secret numbers the leak search looks
#: for, so they are masked before it searches, as the server's counters are
DEAL_NUMBER = re.compile(r'("(?:number|counter_of|deal|actions_taken)":\s*)\d+|(\b[Dd]eals? )\d+')
SEARCH_EVERY = 500  # messages: what the phones received so far is searched, then let go
KEYS = ["type", "code", "device", "seq", "action", "actor", "deal", "reason", "project",
        "participants", "options", "lang", "yes", "target", "channel", "x"]  # fmt: skip
WORDS = ["hello", "action", "ping", "pass", "accept", "reject", "propose", "trainer",
         "pause", "skip", "inject", "poll", "", "../../etc/passwd", "<script>", "null"]  # fmt: skip
KINDS = {
    "legal": 14, "other-team": 8, "as-trainer": 6, "replay": 8, "garbage-bytes": 5,
    "random-json": 12, "spoiled": 14, "oversized": 3, "too-big": 0.2, "deep": 2,
    "wrong-code": 6, "stranger-action": 4, "borrowed-id": 4, "race": 4, "ping": 2,
}  # fmt: skip


def text(rng: random.Random, longest: int = 24) -> str:
    letters = [chr(rng.choice([rng.randint(32, 126), rng.randint(160, 0xD7FF)]))
               for _ in range(rng.randint(0, longest))]  # fmt: skip
    return "".join(letters)


def random_json(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.35:
        return rng.choice([None, True, False, rng.randint(-(2**70), 2**70), rng.random() * 1e9,
                           rng.choice(WORDS), text(rng), rng.randint(-3, 9)])  # fmt: skip
    if roll < 0.6:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(KEYS): random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))}


class Attack:
    """The hostile run's state: the phones, what each sent, and the figures."""

    def __init__(self, here: Table, phones: dict[str, list[Phone]], strangers: list[Phone]):
        self.here = here
        self.phones = phones
        self.strangers = strangers
        self.roles = list(phones)
        self.rng = random.Random(SEED)
        self.sent: dict[str, list[dict[str, Any]]] = {}  # device -> its action messages
        self.kinds: Counter[str] = Counter()
        self.replies: Counter[str] = Counter()
        self.applied = 0
        self.by_trainer = 0
        self.fresh: set[tuple[str, int]] = set()  # (device, seq) of every action applied
        self.undone = 0  # times the trainer took actions back after the game's end

    @property
    def log(self):
        return self.here.workshop.session.record.actions

    def any_phone(self) -> tuple[str, Phone]:
        role = self.rng.choice(self.roles)
        return role, self.rng.choice(self.phones[role])

    def body(self, role: str | None = None) -> dict[str, Any]:
        """A legal action's body now (for ``role`` if given and it has one), or a pass."""
        state = self.here.workshop.state
        if state.finished:
            return {"type": "pass"}
        if role is not None:
            found = legal_actions(state, role, proposals=False)
            if found:
                return body_of(self.rng.choice(found))
        action = random_action(state, self.rng)
        return body_of(action) if action.actor != TRAINER else {"type": "pass"}

    async def send(self, role: str | None, phone: Phone, message: Any) -> None:
        """Send ``message`` from ``phone`` and check what came of it (see the docstring)."""
        before, length = self.here.workshop.state, len(self.log)
        if isinstance(message, dict) and message.get("type") == "action":
            self.sent.setdefault(phone.device, []).append(message)
        await phone.send(message if isinstance(message, str | bytes) else json.dumps(message))
        reply = await phone.reply()
        self.check(role, message, reply, before, length)

    def check(self, role, message, reply, before, length) -> None:
        self.replies[reply.get("why", reply["type"])] += 1
        fresh = reply["type"] == "ack" and not reply["duplicate"]
        assert len(self.log) == length + fresh, (message, reply)
        if not fresh:
            assert self.here.workshop.state is before, (message, reply)
            return
        assert role is not None and isinstance(message, dict)
        once = (message["device"], message["seq"])
        assert once not in self.fresh, f"{once} applied twice"
        self.fresh.add(once)
        taken = self.log[-1]
        assert taken.actor == role, (taken, role)  # its own team's, never another's
        assert taken == action_from_json({**message["action"], "actor": role})
        assert self.here.workshop.state == apply(before, taken)  # what the rules make of it
        self.applied += 1

    async def step(self) -> None:
        rng = self.rng
        kind = rng.choices(list(KINDS), list(KINDS.values()))[0]
        self.kinds[kind] += 1
        here = self.here
        if kind == "legal":
            if here.workshop.state.finished:  # the trainer takes a few back: play on
                for _ in range(rng.randint(1, 8)):
                    assert here.workshop.undo().ok
                self.undone += 1
            state = here.workshop.state
            action = random_action(state, rng)
            if action is not None and action.actor == TRAINER:  # the trainer, on the laptop
                assert here.workshop.act(action).ok
                self.by_trainer += 1
                return
            phone = rng.choice(self.phones[action.actor])
            await self.send(action.actor, phone, phone.action(body_of(action)))
        elif kind == "other-team":
            role, phone = self.any_phone()
            other = rng.choice([r for r in self.roles if r != role])
            body = {**self.body(other), "actor": other}
            await self.send(role, phone, phone.action(body))
        elif kind == "as-trainer":
            role, phone = self.any_phone()
            trainer = [body_of_trainer(a) for a in legal_actions(here.workshop.state, TRAINER)]
            body = rng.choice([*trainer, {**self.body(role), "actor": TRAINER}])
            if rng.random() < 0.5:
                await self.send(role, phone, phone.action(body))
            else:  # the room page's own message, from a team's device: never the trainer's
                handle = "".join(rng.choices("abcdefghjkmnpqrs", k=16))  # a device's, maybe
                command = rng.choice([{"type": "undo"}, {"type": "poll", "deal": 1}, body,
                                      {"type": "admit", "ask": rng.randint(1, 3)},
                                      {"type": "refuse", "ask": rng.randint(1, 3)},
                                      {"type": "remove", "role": rng.choice(self.roles),
                                       "device": handle}])  # fmt: skip
                message = {"type": "trainer", "device": phone.device, "seq": 1, "command": command}
                connected = here.server.connected()
                await self.send(role, phone, message)
                assert here.server.connected() == connected  # no device removed by a device
        elif kind == "replay":
            role, phone = self.any_phone()
            earlier = self.sent.get(phone.device)
            if earlier:
                await self.send(role, phone, rng.choice(earlier))
        elif kind == "garbage-bytes":
            role, phone = self.any_phone()
            noise = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 300)))
            await self.send(role, phone, noise)
        elif kind == "random-json":
            role, phone = self.any_phone()
            await self.send(role, phone, json.dumps(random_json(rng)))
        elif kind == "spoiled":
            role, phone = self.any_phone()
            message = phone.action(self.body(role))
            target = message if rng.random() < 0.5 else message["action"]
            key = rng.choice([*target, *KEYS])
            if rng.random() < 0.3:
                target.pop(key, None)
            else:
                target[key] = random_json(rng)
            await self.send(role, phone, message)
        elif kind == "oversized":
            role, phone = self.any_phone()
            pad = "x" * rng.randint(MAX_BYTES, SOCKET_LIMIT - 200)
            message = {**phone.action({"type": "pass"}), "pad": pad}
            await self.send(role, phone, json.dumps(message))
        elif kind == "too-big":  # past aiohttp's own limit: it closes the connection
            role, phone = self.any_phone()
            await phone.send("y" * (SOCKET_LIMIT + 10))
            assert not await phone.silent(2.0)  # the close itself
            await self.rejoin(role, phone)
        elif kind == "deep":
            role, phone = self.any_phone()
            depth = rng.randint(100, MAX_BYTES // 2 - 10)
            await self.send(role, phone, "[" * depth + "]" * depth)
        elif kind == "wrong-code":
            stranger = rng.choice(self.strangers)
            code = rng.choice([text(rng, 12), "".join(rng.choices("0123456789ABCDEFGH", k=10))])
            await self.send(None, stranger, {"type": "hello", "code": code, "device": "stranger-1"})
        elif kind == "stranger-action":
            stranger = rng.choice(self.strangers)
            await self.send(None, stranger, stranger.action(self.body()))
        elif kind == "borrowed-id":
            role, phone = self.any_phone()
            _, other = self.any_phone()
            message = phone.action(self.body(role))
            message["device"] = other.device if other.device != phone.device else "borrowed-xyz"
            await self.send(role, phone, message)
        elif kind == "race":
            await self.race()
        else:
            role, phone = self.any_phone()
            await self.send(role, phone, {"type": "ping"})

    async def race(self) -> None:
        """Both devices of the team whose turn it is send an action at once."""
        state = self.here.workshop.state
        role = state.current_role
        if role is None or state.paused:
            return
        one, two = self.phones[role]
        before, length = state, len(self.log)
        first, second = one.action(self.body(role)), two.action(self.body(role))
        self.sent.setdefault(one.device, []).append(first)
        self.sent.setdefault(two.device, []).append(second)
        await one.send(json.dumps(first))
        await two.send(json.dumps(second))
        replies = [await one.reply(), await two.reply()]
        acks = [r for r in replies if r["type"] == "ack"]
        for reply in replies:
            self.replies[reply.get("why", reply["type"])] += 1
        assert len(acks) <= 1 and len(self.log) == length + len(acks), replies
        if acks:
            message = first if acks[0] is replies[0] else second
            assert (message["device"], message["seq"]) not in self.fresh
            self.fresh.add((message["device"], message["seq"]))
            assert self.log[-1] == action_from_json({**message["action"], "actor": role})
            assert self.here.workshop.state == apply(before, self.log[-1])
            self.applied += 1

    async def rejoin(self, role: str, phone: Phone) -> None:
        """The phone whose connection was closed connects again as the same device."""
        self.here.clock.now += 61  # past any wrong-code wait the strangers caused
        back = await self.here.phone(device=phone.device)
        welcome = await back.hello(self.here.codes.teams[role])
        assert welcome["type"] == "welcome", welcome
        back.seq = phone.seq
        back.texts, back.received = phone.texts, phone.received  # one device: one history
        self.phones[role][self.phones[role].index(phone)] = back


def masked(found: re.Match[str]) -> str:
    return (found.group(1) or found.group(2)) + "0"


def body_of_trainer(action) -> dict[str, Any]:
    data = action.to_json()
    data.pop("actor")
    return data


def test_a_hostile_client_changes_nothing_the_rules_would_not(tmp_path, caplog):
    hostile(tmp_path, caplog, MESSAGES)


@pytest.mark.long
def test_ten_thousand_hostile_messages_change_nothing_the_rules_would_not(tmp_path, caplog):
    hostile(tmp_path, caplog, LONG_MESSAGES)


def hostile(tmp_path, caplog, messages: int) -> None:
    """``messages`` hostile messages, checked one by one and at the end; prints figures."""
    caplog.set_level(logging.INFO)
    marked, secrets = searchable(FOUR_ROLE[0], tmp_path)
    time_limit = messages * SECONDS_PER_MESSAGE

    async def story() -> tuple[Attack, Search, int]:
        async with table(marked, tmp_path, seed=11) as here:
            roles = [seat.role for seat in here.workshop.seats]
            phones = {role: [await here.joined(role), await here.joined(role)] for role in roles}
            strangers = [await here.phone(), await here.phone()]
            attack = Attack(here, phones, strangers)
            search = Search(secrets)
            codes = [*here.codes.teams.values(), here.codes.trainer]
            code_hits = 0
            seen: set[tuple[str, bytes]] = set()  # (role, digest) of every text searched

            def searched() -> int:
                """Search what every phone received so far, each text once per team (a
                team's two phones receive the same views), then let it go: a long run
                would otherwise hold every view it was sent. Returns the codes found."""
                hits = 0
                for role, pair in phones.items():
                    for phone in pair:
                        new = []
                        for text_ in phone.texts:
                            digest = hashlib.blake2b(text_.encode(), digest_size=16).digest()
                            if (role, digest) not in seen:
                                seen.add((role, digest))
                                new.append(DEAL_NUMBER.sub(masked, text_))
                        hits += sum(c in t or c.replace("-", "") in t
                                    for t in new for c in codes)  # fmt: skip
                        search_phone(search, SimpleNamespace(texts=new), role, "hostile")
                        phone.texts.clear()  # in place: a rejoined phone shares its lists
                        phone.received.clear()
                return hits

            started = time.monotonic()
            while (sent := sum(attack.kinds.values())) < messages:
                await attack.step()
                assert time.monotonic() - started < time_limit
                if sent % SEARCH_EVERY == SEARCH_EVERY - 1:
                    code_hits += searched()
            for pair in phones.values():
                for phone in pair:
                    await phone.drain()
            code_hits += searched()
            for stranger in strangers:
                assert {m["type"] for m in stranger.received} <= {"refused", "pong"}
            assert here.server.errors == 0
            save = here.workshop.session.path
            assert save is not None
            record = read_record(save)
            assert record.actions == attack.log
            assert record.replay(here.workshop.state.scenario) == here.workshop.state
            return attack, search, code_hits

    started = time.monotonic()
    attack, search, code_hits = run(story, limit=time_limit + 60)
    seconds = time.monotonic() - started
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    print(
        f"hostile client: {sum(attack.kinds.values())} messages "
        f"({', '.join(f'{k} {n}' for k, n in sorted(attack.kinds.items()))}); replies: "
        f"{', '.join(f'{k} {n}' for k, n in sorted(attack.replies.items()))}; "
        f"{attack.applied} device actions applied (each its own team's, as the rules make "
        f"it), {attack.by_trainer} by the trainer, {attack.undone} undos after the end; "
        f"{attack.here.server.errors} server exceptions, {len(errors)} error logs, "
        f"{len(search.hits)} leaks, {code_hits} codes; {seconds:.0f} s"
    )
    assert errors == [] and search.hits == [] and code_hits == 0
