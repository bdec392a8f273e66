"""A confidential brief never reaches another role: not its view, not a shared screen, not
what the room hears, not the printed report.

Seeded random games and computer-partner games on every built-in scenario are played
through the screens as a workshop plays them. Each scenario is first made searchable: its
briefs keep their own words (so six-word windows of a brief or a red line's reason are
matched, across line breaks, as a person would read them) and gain a sentinel word each
("SECRET-BRIEF-museum", "SECRET-REASON-museum-…"), and every point and walk-away value is
replaced by a number of its own from 501 up, so a number on a shared surface that is one
of them is a leak. Then:

* every role's view is searched for every other role's secrets;
* every frame of a shared screen the room would see (the table, each round's summary and
  event card, the final scores and every page of the debrief) is searched as drawn;
* what the room hears after each action (the sentence under the table) is searched;
* the printed report of each game is searched.

CI plays 100 random and 12 computer games; the full 300 random and 35 computer games run
as a long test (several minutes on one core) and print the figures:
``python -m pytest -m long tests/test_secrets_everywhere.py -s``.
"""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import pygame
import pytest
import yaml

from game.bots.play import seat_partners
from game.engine.randomplay import random_action
from game.engine.views import view_for
from game.report.games import Game
from game.report.html import Markup
from game.report.report import build_report
from game.scenario.loading import check_file, load_scenario
from game.scenario.model import Scenario
from game.session.workshop import Seat, Workshop
from game.ui.app import App
from game.ui.scenes.debrief import TABS, DebriefScene
from game.ui.scenes.scores import ScoresScene
from game.ui.words import prose
from tests.helpers import BUILT_IN

GAMES = {"random": 300, "computer": 35}  # the long run's counts
GAMES_IN_CI = {"random": 100, "computer": 12}
TABLE_EVERY = 7  # the table is drawn after every seventh action, and after every moment


@dataclass
class Secrets:
    tokens: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    windows: set[str] = field(default_factory=set)


def windows_of(text: str) -> set[str]:
    words = " ".join(prose(text).split()).split()
    return {" ".join(words[i : i + 6]) for i in range(len(words) - 5)}


def searchable(path: Path, folder: Path) -> tuple[Path, dict[str, Secrets]]:
    """The scenario written to ``folder`` with its secrets made searchable (see above)."""
    data = load_scenario(path).model_dump(mode="json")
    secrets: dict[str, Secrets] = {}
    number = 500
    for role in data["roles"]:
        mine = secrets.setdefault(role["id"], Secrets())
        brief = role["brief"]
        mine.windows |= windows_of(brief["text"])
        brief["text"] += f" SECRET-BRIEF-{role['id']}"
        mine.tokens.add(f"SECRET-BRIEF-{role['id']}")
        for project, issues in brief["points"].items():
            for options in issues.values():
                for option in options:
                    number += 1
                    options[option] = number
                    mine.numbers.add(str(number))
            number += 1
            brief["walk_away"][project] = number
            mine.numbers.add(str(number))
        for line in brief["red_lines"]:
            mine.windows |= windows_of(line["reason"])
            token = f"SECRET-REASON-{role['id']}-{line['option']}"
            line["reason"] += f" {token}"
            mine.tokens.add(token)
    Scenario.model_validate(data)
    target = folder / path.name
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    assert check_file(target).ok
    return target, secrets


@dataclass
class Search:
    """Every surface searched, and every hit: (surface, owner, what)."""

    secrets: dict[str, Secrets]
    surfaces: int = 0
    hits: list[tuple[str, str, str]] = field(default_factory=list)

    def text(self, surface: str, text: str, viewer: str | None = None, own: str = "") -> None:
        """Search ``text`` (and ``own``: the viewer's own part of its view, searched for
        words only — an event moves the viewer's own walk-away onto any number)."""
        self.surfaces += 1
        flat = " ".join(text.split())
        numbers = set(re.findall(r"\d+", flat))
        flat += " " + " ".join(own.split())
        own = self.secrets[viewer].windows if viewer in self.secrets else set()
        for owner, found in self.secrets.items():
            if owner == viewer:
                continue
            leaked = [t for t in found.tokens if t in flat]
            leaked += sorted(found.numbers & numbers)
            leaked += [w for w in found.windows - own if w in flat]
            self.hits += [(surface, owner, what) for what in leaked]

    def views(self, workshop: Workshop, where: str) -> None:
        for viewer in self.secrets:
            view = dict(view_for(workshop.state, viewer))
            me = json.dumps(view.pop("me"), ensure_ascii=False)
            shown = json.dumps(view, ensure_ascii=False)
            self.text(f"{where}: {viewer}'s view", shown, viewer, own=me)

    def frame(self, app: App, where: str) -> None:
        app.draw()
        self.text(f"{where}: {app.scene.name}", " ".join(item.text for item in app.drawn))


def moments_and_table(app: App, search: Search, number: int) -> None:
    """What the room sees after an action: each moment it set off, then the table."""
    had_moments = bool(app.pending)
    app.to_table()
    while app.scene.name in ("signed", "round", "event"):
        search.frame(app, f"action {number}")
        app.pop()
    if had_moments or number % TABLE_EVERY == 0:
        search.frame(app, f"action {number}")


def the_end(app: App, search: Search) -> None:
    """The final scores, every page, then every page of every debrief tab."""
    app.to_table()
    if not isinstance(app.scene, ScoresScene):
        app.push(ScoresScene(app))
    for _ in range(12):
        search.frame(app, "final scores")
        before = app.scene.page
        app.scene.turn(+1)
        if app.scene.page == before:
            break
    debrief = DebriefScene(app)
    app.push(debrief)
    for tab in TABS:
        debrief.tab = tab
        for page in range(8):
            debrief.pages[tab] = page
            search.frame(app, f"debrief {tab}")
            if page + 1 >= debrief.page_count:
                break
    report = build_report([Game(app.workshop.session.record, app.workshop.state, "t")], "en")
    words = re.sub(r"<style.*?</style>", " ", str(Markup(report)), flags=re.S)  # not its CSS
    search.text("report", html.unescape(re.sub(r"<[^>]+>", " ", words)))


def play(path: Path, seed: int, computer: bool, folder: Path, search: Search) -> int:
    """One game through the screens, searched on every surface; returns its actions."""
    scenario = load_scenario(path)
    seats = [Seat(r.id, r.name, computer, "cooperative") for r in scenario.roles]
    workshop = Workshop.start(path, seed, seats, folder)
    app = App((1024, 768), saves=folder, strict=True, seed=seed)
    app.begin(workshop)
    partners = seat_partners(scenario, seed)
    rng = random.Random(seed)
    number = 0
    while not workshop.state.finished and number < 400:
        number += 1
        if computer:
            from game.bots.play import decide

            action = decide(workshop.state, partners[workshop.state.current_role]).action
        else:
            action = random_action(workshop.state, rng)
        outcome = app.perform(action)
        assert outcome.ok, outcome.message
        search.text(f"action {number}: what the room hears", app.message)
        if number % TABLE_EVERY == 0 or workshop.state.finished:
            search.views(workshop, f"action {number}")
        moments_and_table(app, search, number)
    the_end(app, search)
    return number


def run(counts: dict[str, int], tmp_path: Path) -> Search:
    pygame.display.init()
    totals = dict.fromkeys(counts, 0)
    search: Search | None = None
    every: list[tuple[str, str, str]] = []
    surfaces = 0
    for index, path in enumerate(BUILT_IN):
        folder = tmp_path / path.stem
        folder.mkdir()
        marked, secrets = searchable(path, folder)
        search = Search(secrets)
        for kind, count in counts.items():
            share = count // len(BUILT_IN) + (index < count % len(BUILT_IN))
            for seed in range(1, share + 1):
                play(marked, seed, kind == "computer", folder, search)
                totals[kind] += 1
        every += search.hits
        surfaces += search.surfaces
    print(
        f"secrets: {totals['random']} random and {totals['computer']} computer games, "
        f"{surfaces} surfaces searched, {len(every)} hits"
    )
    assert search is not None
    search.hits, search.surfaces = every, surfaces
    return search


def test_no_secret_in_100_random_and_12_computer_games(tmp_path):
    """Every view of another role, every shared frame, what the room hears, the report."""
    search = run(GAMES_IN_CI, tmp_path)
    assert search.hits == [], search.hits[:10]


@pytest.mark.long
def test_no_secret_in_300_random_and_35_computer_games(tmp_path):
    """The same search over the full counts."""
    search = run(GAMES, tmp_path)
    assert search.hits == [], search.hits[:10]


def test_the_search_is_not_blind(tmp_path):
    """A planted leak is found: a role's sentinel word, a point value and six words of a
    red line's reason, each on a surface another role sees."""
    path = BUILT_IN[0]
    _, secrets = searchable(path, tmp_path)
    owner = next(role for role, found in secrets.items() if found.windows)
    search = Search(secrets)
    found = secrets[owner]
    search.text("planted", f"x {next(iter(found.tokens))} y")
    search.text("planted", f"it gets {next(iter(found.numbers))} points")
    window = next(iter(found.windows))
    search.text("planted", window.replace(" ", "\n", 2))  # across line breaks
    assert len(search.hits) == 3
    search.text("own view", f"{next(iter(found.tokens))}", viewer=owner)
    assert len(search.hits) == 3
