"""Facts derived from a scenario, worked out once per scenario instead of once per action.

A scenario never changes once loaded (its models are frozen), so anything computed from
it or one of its parts alone — an option found by id, a project as plain data for the
views — can be kept for as long as that object is in use. The models are not hashable
(they hold dicts), so the cache is keyed by identity and keeps the object alive while the
entry lives; a few dozen entries are enough (a game, a reloaded file, the tests' few).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from game.scenario.model import Option, Project, Role, Scenario

K = TypeVar("K")
T = TypeVar("T")
KEEP = 64  # objects remembered per cached function


class Kept:
    """Values built once per key, while the object they were built from lives on.

    For what a key made from an object's ``id`` cannot hold alone: the value is kept
    with its ``source`` and returned only while that very object asks again (a reloaded
    scenario's or a new state's records make new values). Bounded: past ``limit`` keys it
    starts afresh. The one rule's reading of a brief, the signing rules and each deal as a
    viewer sees it use one each (``acceptability``, ``views``).
    """

    def __init__(self, limit: int):
        self.limit = limit
        self._values: dict[object, tuple[object, object]] = {}

    def get(self, key: object, source: object, build: Callable[[], T]) -> T:
        hit = self._values.get(key)
        if hit is not None and hit[0] is source:
            return hit[1]  # type: ignore[return-value]
        if len(self._values) >= self.limit:
            self._values.clear()
        value = build()
        self._values[key] = (source, value)
        return value


def per_object(build: Callable[[K], T]) -> Callable[[K], T]:
    """``build(thing)``, computed once for each (frozen, unhashable) object."""
    cache: dict[int, tuple[K, T]] = {}

    @wraps(build)
    def cached(thing: K) -> T:
        hit = cache.get(id(thing))
        if hit is not None and hit[0] is thing:
            return hit[1]
        value = build(thing)
        if len(cache) >= KEEP:
            cache.pop(next(iter(cache)))
        cache[id(thing)] = (thing, value)
        return value

    return cached


@per_object
def role_order(scenario: Scenario) -> dict[str, int]:
    """Each role's place at the table (the scenario's order)."""
    return {role.id: index for index, role in enumerate(scenario.roles)}


@per_object
def roles_by_id(scenario: Scenario) -> dict[str, Role]:
    return {role.id: role for role in scenario.roles}


@per_object
def projects_by_id(scenario: Scenario) -> dict[str, Project]:
    return {project.id: project for project in scenario.projects}


@per_object
def options_by_id(project: Project) -> tuple[dict[str, Option], ...]:
    """Issue by issue, ``option id -> Option``: a deal's options found without a search."""
    return tuple({option.id: option for option in issue.options} for issue in project.issues)
