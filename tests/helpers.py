"""Helpers for the tests: the built-in scenarios and broken copies of them."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUILT_IN = sorted(SCENARIOS.glob("*.yaml"))
FOUR_ROLE = [path for path in BUILT_IN if not path.name.startswith("tutorial")]
TUTORIAL = SCENARIOS / "tutorial-reading-cafe.yaml"


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing ``fragment``."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert len(hits) >= occurrence, f"{fragment!r} occurs {len(hits)} times"
    return hits[occurrence - 1]


def broken_copy(tmp_path: Path, old: str, new: str, source: Path = TUTORIAL) -> Path:
    """A copy of a real scenario with exactly one occurrence of ``old`` replaced."""
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {source.name}"
    path = tmp_path / source.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


#: A Rules Town game in which seven of the report's lessons happen (two rounds): the
#: story tests/scoring/test_lessons.py tells, the debrief screen shows and the report prints.
SEVEN_LESSONS_TOWN = FIXTURES / "rules-town.yaml"
SEVEN_LESSONS_SEED = 1
SEVEN_LESSONS = {
    "something-at-risk",
    "consult-users",
    "too-many-changes",
    "new-competencies",
    "strong-brand",
    "find-the-connection",
    "avoid-fixed-roles",
}


def seven_lessons_script() -> tuple:
    from game.engine import actions as act

    return (
        act.Explore("library", "museum"),
        act.Propose("museum", "exhibit", ("library", "museum"), ("co-branded", "shared", "pilot")),
        act.Propose(
            "shop", "festival", ("library", "museum", "shop"), ("library-hall", "split", "talks")
        ),
        act.Accept("museum", 2),
        act.Pass("shop"),
        act.Accept("library", 1),
    )


#: A Local History game whose numbers every output must say alike (tests/test_one_measure.py):
#: the Town's Memory Online signed by a quorum, Nordtel left out at 0 %; History Walks on
#: the Nash deal's terms, all four signing; Memory Cafés win-lose, the museum signing a
#: deal below its walk-away, knowingly. Every project signed: the game ends in round 3.
AGREEING_NUMBERS = SCENARIOS / "local-history-goes-digital.yaml"
AGREEING_NUMBERS_SEED = 1


def agreeing_numbers_script() -> tuple:
    from game.engine import actions as act

    everyone = ("library", "museum", "nordtel", "history-society")
    online = ("contributors-keep", "library-login", "museum-conservators", "permanent-municipal")
    walks = ("co-branded", "members-memories", "anonymous-statistics", "shared-costs")
    cafes = ("library-lounge", "volunteers", "one-year")
    trio = ("library", "museum", "history-society")
    return (
        act.Propose("library", "memory-online", everyone, online),
        act.Accept("museum", 1),
        act.Propose("nordtel", "history-walks", everyone, walks),
        act.Accept("history-society", 1),  # 3 of 4 with the museum's veto: signed
        act.Accept("museum", 2),
        act.Pass("nordtel"),
        act.Accept("history-society", 2),
        act.Accept("library", 2),  # all four: the Nash deal's terms
        act.Pass("nordtel"),
        act.Propose("history-society", "memory-cafes", trio, cafes),
        act.Accept("library", 3),
        act.Accept("museum", 3),  # below its walk-away: win-lose, signed knowingly
    )
