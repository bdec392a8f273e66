"""The phone's deal builder reads its numbers from the server: the projector's numbers.

One truth: the phone adds no points. It sends terms (``read``) and the server answers
with the reading the projector's deal builder shows for the same terms (``read_deal``,
``judge_in_view``, ``reading_lines``), from the device's own team's view only; each open
deal naming a team comes with the team's reading of it beside its view.
"""

from __future__ import annotations

import random

from game.devices.reading import translator
from game.engine import actions as act
from game.engine.ownview import judge_in_view, read_deal, starting_terms
from game.engine.rules import legal_proposals
from game.session.dealmath import reading_lines
from tests.devices.harness import Phone, run, table
from tests.helpers import FOUR_ROLE, TUTORIAL

CHILDREN = next(path for path in FOUR_ROLE if path.stem == "children-and-families")


def builder_reading(here, role: str, project: str, participants, options, lang="en"):
    """What the projector's deal builder works out and says for these terms."""
    view = here.workshop.private_view(role)
    own = read_deal(view, project, list(options))
    verdict = judge_in_view(view, project, list(options), list(participants))
    the_project = next(p for p in view["projects"] if p["id"] == project)
    names = {r["id"]: r["name"] for r in view["roles"]}
    lines = reading_lines(translator(lang), own, the_project, verdict, names)
    return own, verdict, [{"text": text, "tone": tone} for text, tone in lines]


async def read(phone: Phone, project: str, participants=(), options=(), deal=None) -> dict:
    message = {"type": "read", "project": project, "participants": list(participants),
               "options": list(options)}  # fmt: skip
    if deal is not None:
        message["deal"] = deal
    await phone.send(message)
    return await phone.reply()


def sample_terms(here, role: str, count: int, seed: int = 7) -> list[act.Propose]:
    """``count`` deals ``role`` could put together on the projects it may join, whether
    or not the rules allow them now (a refusal is part of the reading too)."""
    scenario = here.workshop.state.scenario
    rng = random.Random(seed)
    found = []
    for project in scenario.projects:
        eligible = [r.id for r in scenario.eligible_roles(project)]
        if role not in eligible:
            continue
        others = [r for r in eligible if r != role]
        for _ in range(count):
            group = rng.sample(others, rng.randint(1, len(others)))
            order = [r for r in eligible if r == role or r in group]
            options = [rng.choice(issue.options).id for issue in project.issues]
            found.append(act.Propose(role, project.id, tuple(order), tuple(options)))
    return rng.sample(found, min(count, len(found)))


def test_the_server_reads_a_deal_with_the_numbers_of_the_projectors_builder(tmp_path):
    async def story():
        async with table(CHILDREN, tmp_path) as here:
            checked = 0
            for role in ("library", "it-business"):
                phone = await here.joined(role)
                for proposal in sample_terms(here, role, 12):
                    answer = await read(phone, proposal.project, proposal.participants,
                                        proposal.options)  # fmt: skip
                    assert answer["type"] == "reading" and answer["problem"] == "", answer
                    got = answer["reading"]
                    own, verdict, lines = builder_reading(
                        here, role, proposal.project, proposal.participants, proposal.options
                    )
                    assert (got["points"], got["walk_away"], got["with_bonus"]) == (
                        own.points, own.walk_away, verdict.points)  # fmt: skip
                    assert (got["staff_time"], got["budget"], got["risk"]) == (
                        own.staff_time, own.budget, verdict.risk)  # fmt: skip
                    assert got["verdict"] == {"kind": verdict.kind, "cause": verdict.cause,
                                              "worth": verdict.worth}  # fmt: skip
                    assert got["lines"] == lines and got["red_lines"] == list(own.red_lines)
                    assert answer["refusal"] == here.workshop.check(proposal)
                    checked += 1
            assert checked >= 20
            assert here.server.errors == 0

    run(story)


def test_empty_terms_read_as_the_builders_starting_deal(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            library = await here.joined("library")
            view = here.workshop.private_view("library")
            for project in view["me"]["points"]:
                answer = await read(library, project)
                participants, options = starting_terms(view, project)
                assert answer["reading"]["participants"] == participants
                assert answer["reading"]["options"] == options
                assert answer["refusal"] is None  # the library's turn: it may propose it

    run(story)


def test_a_team_reads_only_with_its_own_brief(tmp_path):
    async def story():
        async with table(CHILDREN, tmp_path) as here:
            library = await here.joined("library")
            science = await here.joined("science-centre")
            differing = 0
            for proposal in sample_terms(here, "library", 8):
                terms = (proposal.project, proposal.participants, proposal.options)
                if "science-centre" not in proposal.participants:
                    continue
                mine, theirs = await read(library, *terms), await read(science, *terms)
                own, _, _ = builder_reading(here, "library", *terms)
                other, _, _ = builder_reading(here, "science-centre", *terms)
                assert mine["reading"]["points"] == own.points
                assert theirs["reading"]["points"] == other.points
                differing += own.points != other.points
            assert differing  # the two briefs differ, and each phone got its own
            # naming another team in a read is not a read a device can send
            for field in ({"actor": "science-centre"}, {"role": "science-centre"},
                          {"viewer": "science-centre"}):  # fmt: skip
                await library.send({"type": "read", "project": proposal.project, **field})
                refused = await library.reply()
                assert refused["type"] == "refused" and refused["why"] == "malformed", refused
            # a project the team has no stake in, unknown options, strangers: told, not read
            for project, participants, options in [
                ("no-such-project", [], []),
                (proposal.project, [], ["nonsense"]),
                (proposal.project, ["library", "nobody"], []),
            ]:
                answer = await read(library, project, participants, options)
                assert answer["reading"] is None and answer["problem"], answer
            stranger = await here.phone()
            assert (await read(stranger, proposal.project))["why"] == "not-joined"
            assert here.server.errors == 0

    run(story)


def test_each_open_deal_naming_a_team_comes_with_its_reading(tmp_path):
    async def story():
        async with table(CHILDREN, tmp_path) as here:
            phones = {role: await here.joined(role) for role in ("library", "parents")}
            proposal = next(  # one the rules allow, without the parents
                p
                for project in here.workshop.state.scenario.projects
                for p in legal_proposals(here.workshop.state, "library", project.id)
                if "parents" not in p.participants
            )
            assert (await phones["library"].act(
                {"type": "propose", "project": proposal.project,
                 "participants": list(proposal.participants), "options": list(proposal.options)}
            ))["type"] == "ack"  # fmt: skip
            views = {}
            for role, phone in phones.items():
                while (message := await phone.next())["type"] != "view":
                    pass
                views[role] = message
            number = str(here.workshop.state.deals[-1].number)
            assert views["parents"]["readings"] == {}  # the deal does not name the parents
            got = views["library"]["readings"][number]
            view = here.workshop.private_view("library")
            deal = view["deals"][-1]
            verdict = judge_in_view(view, deal["project"], deal["options"], deal["participants"],
                                    [], deal["accepted"])  # fmt: skip
            assert got["with_bonus"] == verdict.points and got["verdict"]["kind"] == verdict.kind
            assert got["reasons"] and got["accept_refusal"] == here.workshop.check(
                act.Accept("library", int(number))
            )
            assert views["library"]["view"] == here.workshop.private_view("library")
            # a counter is read on its deal's project, and only a deal there is
            other = next(p for p in view["me"]["points"] if p != deal["project"])
            for project, number_read in ((other, int(number)), (deal["project"], 999)):
                answer = await read(phones["library"], project, deal=number_read)
                assert answer["reading"] is None and answer["problem"], answer
            counter = await read(phones["library"], deal["project"], deal=int(number))
            assert counter["reading"]["options"] and counter["refusal"] == here.workshop.check(
                act.Counter("library", int(number), tuple(counter["reading"]["participants"]),
                            tuple(counter["reading"]["options"]))
            )  # fmt: skip
            assert set(views["library"]["moves"]) == {
                "pass", "explore", "consult", "build", "communicate", "accept", "poll"}  # fmt: skip

    run(story)


def test_a_phone_reads_in_its_own_language(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            phone = await here.phone()
            await phone.send({"type": "hello", "code": here.codes.teams["library"],
                              "device": phone.device, "lang": "da"})  # fmt: skip
            assert (await phone.reply())["type"] == "welcome"
            view = here.workshop.private_view("library")
            project = next(iter(view["me"]["points"]))
            answer = await read(phone, project)
            reading = answer["reading"]
            _, _, danish = builder_reading(here, "library", project, reading["participants"],
                                           reading["options"], "da")  # fmt: skip
            _, _, english = builder_reading(here, "library", project, reading["participants"],
                                            reading["options"], "en")  # fmt: skip
            assert reading["lines"] == danish != english

    run(story)
