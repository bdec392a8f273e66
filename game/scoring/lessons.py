"""Which of the report's lessons a game showed, each with its evidence.

Every driver and barrier of seed 000 maps to a situation the engine can see in the final
state (the table in docs/scoring.md lists them). ``lessons(state)`` returns the ones that
happened, in the order of the seed's list, with evidence naming the deal and the round, so
that the debrief can say "deal 4, round 3: the museum ends below what it had without a
deal — there has to be a win-win situation!". Evidence never quotes a confidential number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from game.engine import deals
from game.engine.state import Agreement, GameState
from game.scenario.lessons import DEFAULT_LESSONS
from game.scoring.value import member_value


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    text: str
    evidence: tuple[str, ...]
    deals: tuple[int, ...] = ()
    rounds: tuple[int, ...] = ()
    #: the table did what the lesson asks (a triple helix, partners out of their usual
    #: roles …); False: it missed it (a win-lose deal, nobody consulted users …)
    went_well: bool = False


#: lessons a game shows by doing what they ask; the others show when a table misses them
WENT_WELL = frozenset({
    "triple-helix",
    "find-the-connection",
    "avoid-fixed-roles",
    "cluster-partners",
    "relational-not-transaction",
    "serve-the-users",
})  # fmt: skip


@dataclass(frozen=True)
class _Seen:
    sentence: str
    deal: int | None = None
    round: int | None = None
    good: bool = False  # this piece of evidence is something done well


def lessons(state: GameState) -> list[Lesson]:
    found = []
    for lesson_id, detect in _DETECTORS.items():
        seen = list(detect(state))
        if not seen:
            continue
        words = state.scenario.lessons.get(lesson_id)
        default = DEFAULT_LESSONS[lesson_id]
        found.append(
            Lesson(
                lesson_id,
                (words.title if words and words.title else default.title),
                words.text if words else default.text,
                tuple(s.sentence for s in seen),
                tuple(s.deal for s in seen if s.deal is not None),
                tuple(s.round for s in seen if s.round is not None),
                lesson_id in WENT_WELL or all(s.good for s in seen),
            )
        )
    return found


def _name(state: GameState, role: str) -> str:
    return state.scenario.role(role).name


def _title(state: GameState, agreement: Agreement) -> str:
    return state.scenario.project(agreement.project).title


def _about(state: GameState, agreement: Agreement, sentence: str) -> _Seen:
    number = agreement.deal.number
    return _Seen(
        f"{_title(state, agreement)} (deal {number}, round {agreement.round}): {sentence}",
        number,
        agreement.round,
    )


def _library(state: GameState) -> str | None:
    return next((r.id for r in state.scenario.roles if r.kind == "librarian"), None)


def _library_agreements(state: GameState) -> list[Agreement]:
    library = _library(state)
    return [a for a in state.agreements if library in a.members]


def _win_lose(state: GameState) -> Iterator[_Seen]:
    for agreement in state.agreements:
        project = state.scenario.project(agreement.project)
        for role in agreement.members:
            if member_value(state, agreement, role) < deals.walk_away(state, role, project):
                yield _about(state, agreement, f"{_name(state, role)} ends below what it had "
                             "without the deal")  # fmt: skip


def _nothing_at_risk(state: GameState) -> Iterator[_Seen]:
    for agreement in state.agreements:
        project = state.scenario.project(agreement.project)
        if deals.risk(project, agreement.deal.options) == 0:
            yield _about(state, agreement, "nothing in it is at stake")


def _partner_counts(state: GameState) -> dict[str, int]:
    library = _library(state)
    counts: dict[str, int] = {}
    for agreement in _library_agreements(state):
        for role in agreement.members:
            if role != library:
                counts[role] = counts.get(role, 0) + 1
    return counts


def _monopoly(state: GameState) -> Iterator[_Seen]:
    """The seed's words are about commercial partners ("if you invite commercial partners
    in, have more than one"): a market partner in most of the library's agreements, or
    its only partner. (One partner of any sector in all of them is "taken for granted".)"""
    mine = _library_agreements(state)
    counts = _partner_counts(state)
    market = [r for r in counts if state.scenario.role(r).sector == "market"]
    for role in market:
        if len(mine) >= 2 and counts[role] * 2 > len(mine):
            yield _Seen(f"the commercial {_name(state, role)} is in {counts[role]} of the "
                        f"library's {len(mine)} agreements")  # fmt: skip
    if len(counts) == 1 and market and len(mine) < 2:
        yield _Seen(f"the library's only partner is the commercial {_name(state, market[0])}")


def _no_market_partner(state: GameState) -> Iterator[_Seen]:
    market = [r for r in state.scenario.roles if r.sector == "market"]
    in_deals = {m for a in state.agreements for m in a.members}
    if market and state.agreements and not any(r.id in in_deals for r in market):
        names = ", ".join(r.name for r in market)
        yield _Seen(f"no agreement includes the market partner ({names})")


def _nobody_consulted(state: GameState) -> Iterator[_Seen]:
    if state.finished and not any(mine.consulted for mine in state.roles):
        yield _Seen(f"no team consulted users in {state.round} rounds")


def _triple_helix(state: GameState) -> Iterator[_Seen]:
    for agreement in state.agreements:
        if len({state.scenario.role(r).sector for r in agreement.members}) == 3:
            yield _about(state, agreement, "civic, public and market partners in one deal")


def _too_many_changes(state: GameState) -> Iterator[_Seen]:
    for role in state.scenario.roles:
        rounds: dict[int, int] = {}
        for agreement in state.agreements:
            if role.id in agreement.members:
                rounds[agreement.round] = rounds.get(agreement.round, 0) + 1
        for number, count in sorted(rounds.items()):
            if count >= 2:
                yield _Seen(f"{role.name} signed {count} new agreements in round {number}",
                            round=number)  # fmt: skip


def _taken_for_granted(state: GameState) -> Iterator[_Seen]:
    counts = _partner_counts(state)
    if len(counts) == 1 and len(_library_agreements(state)) >= 2:
        (role,) = counts
        yield _Seen(f"every agreement of the library is with {_name(state, role)}")


def _missing_competencies(state: GameState) -> Iterator[_Seen]:
    for agreement in state.agreements:
        project = state.scenario.project(agreement.project)
        have = {
            skill
            for role in agreement.members
            for skill in (*state.scenario.role(role).competencies, *state.role_state(role).gained)
        }
        missing = [need for need in project.needs if need not in have]
        if missing:
            yield _about(state, agreement, "nobody in it brings " + ", ".join(missing))
    for mine in state.roles:
        for skill in mine.gained:
            yield _Seen(f"{_name(state, mine.role)} built a new competence: {skill}", good=True)


def _weak_brand(state: GameState) -> Iterator[_Seen]:
    library = _library(state)
    if library is None:
        return
    brand = state.role_state(library).brand
    others = [mine.brand for mine in state.roles if mine.role != library]
    if others and brand < sum(others) / len(others):
        yield _Seen("the library's brand ends weaker than its partners' on average")


def _found_the_connection(state: GameState) -> Iterator[_Seen]:
    for agreement in state.agreements:
        for role in agreement.members:
            explored = {i.about for i in state.role_state(role).insights}
            partners = explored & (set(agreement.members) - {role})
            for partner in sorted(partners):
                yield _about(state, agreement, f"{_name(state, role)} explored "
                             f"{_name(state, partner)} before they agreed")  # fmt: skip


def _outside_usual_roles(state: GameState) -> Iterator[_Seen]:
    for agreement in state.agreements:
        project = state.scenario.project(agreement.project)
        chosen = deals.chosen_options(project, agreement.deal.options)
        moved = [o.label for o in chosen if "outside-usual-role" in o.flags]
        if moved:
            yield _about(state, agreement, "partners step out of their usual roles: "
                         + ", ".join(moved))  # fmt: skip


def _clustered(state: GameState) -> Iterator[_Seen]:
    counts = _partner_counts(state)
    if len(counts) >= 2:
        names = ", ".join(_name(state, r) for r in counts)
        yield _Seen(f"the library works with several partners: {names}")


def _built_together(state: GameState) -> Iterator[_Seen]:
    for agreement in state.agreements:
        offers, deal = 1, agreement.deal
        while deal.counter_of is not None:
            offers, deal = offers + 1, state.deals[deal.counter_of - 1]
        if offers >= 3:
            yield _about(state, agreement, f"agreed after {offers} offers back and forth")


def _served_users(state: GameState) -> Iterator[_Seen]:
    for agreement in state.agreements:
        project = state.scenario.project(agreement.project)
        if not any(project.id in state.role_state(r).consulted for r in agreement.members):
            continue
        chosen = {
            f"{issue.id}.{option}"
            for issue, option in zip(project.issues, agreement.deal.options, strict=True)
        }
        for need in project.user_needs:
            if chosen & set(need.served_by):
                yield _about(state, agreement, f"it meets what users asked for: {need.text}")


def _failed(state: GameState) -> Iterator[_Seen]:
    for agreement in state.agreements:
        if not agreement.active:
            yield _about(state, agreement, f"it failed in round {agreement.failed_round} "
                         f"({agreement.failure})")  # fmt: skip


_DETECTORS: dict[str, Callable[[GameState], Iterator[_Seen]]] = {
    "win-win": _win_lose,
    "something-at-risk": _nothing_at_risk,
    "avoid-monopoly": _monopoly,
    "commercial-partnership": _no_market_partner,
    "consult-users": _nobody_consulted,
    "triple-helix": _triple_helix,
    "too-many-changes": _too_many_changes,
    "taken-for-granted": _taken_for_granted,
    "new-competencies": _missing_competencies,
    "strong-brand": _weak_brand,
    "find-the-connection": _found_the_connection,
    "avoid-fixed-roles": _outside_usual_roles,
    "cluster-partners": _clustered,
    "relational-not-transaction": _built_together,
    "serve-the-users": _served_users,
    "prepared-for-change": _failed,
}
