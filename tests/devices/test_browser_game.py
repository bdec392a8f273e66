"""A whole four-team game played in four real browsers, with the projector beside them.

Every seat of a four-role built-in scenario is on a device. The projector (the App, under
SDL's dummy driver) starts the device server on 127.0.0.1; four headless Chromium
contexts (one per team, each with its own storage) open the phone page and join with
their team's code, two through the page's form and two through a join card's ``#code=``.
Then every team action of the game is a click on that team's page: on its turn a team
answers an open deal that waits for it (a counter once, then accept or reject with a
reason), else proposes a deal through the builder (its project, partners and options
picked with the page's own controls) a few times, else explores a partner or passes.
The choices are seeded and checked legal against the engine first, so the game is the
same every run and never stalls on a refused click.

Between actions the projector is stepped until it has heard the action, and what it
draws (the table, and every moment it shows: a signing, an event, a round's summary,
the final scores) is searched for every team's secrets (``searchable``): the room's view
only, no hit. No page ever shows another team's sentinel. At the end every action in the
save's log came from a device (its ``Origin``) and the game is over.

Screenshots of the page (the brief, the builder, a deal) at 360×640 and 1280×800, in
English and Danish (the page's own toggle), go to ``tmp_path`` and, when
``OUTOFTHEBOX_SHOTS`` names a folder, there too. Under CI (``CI=true``) a missing
Chromium fails the test; elsewhere it skips. Its figures:
``python -m pytest tests/devices/test_browser_game.py -s``.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import random
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from game.engine import actions as act
from game.engine.rules import is_legal
from game.scenario.loading import load_scenario
from game.session.workshop import Seat, Workshop
from tests.browsers import require_chromium
from tests.helpers import SCENARIOS
from tests.test_secrets_everywhere import Search, searchable

SCENARIO = SCENARIOS / "local-history-goes-digital.yaml"  # four roles, three projects
SEED = 11
COLOURS = ("Red", "Blue", "Green", "Gold")  # the teams' own names
MAX_ACTIONS = 40  # a game of six rounds of four turns has at most 24
MAX_SECONDS = 80.0
PROPOSALS = 4  # deals put on the table through the builder, at least
WAIT = 8000  # ms a page may take to show a change
HEARD = 10.0  # s the projector may take to hear a device's action
SIZES = {"phone": (360, 640), "laptop": (1280, 800)}
TABS = {"brief": "brief", "builder": "build", "deal": "deals"}  # the tab each picture shows


@dataclass
class Team:
    role: str
    code: str
    page: object
    context: object
    others: set[str] = field(default_factory=set)  # the other teams' sentinels


@dataclass
class Game:
    """What the test keeps while the game is played."""

    workshop: Workshop
    app: object
    search: Search
    folder: Path
    rng: random.Random
    teams: dict[str, Team] = field(default_factory=dict)
    shots: list[Path] = field(default_factory=list)  # the page's
    pictures: list[Path] = field(default_factory=list)  # the projector's
    frames: int = 0
    proposals: int = 0
    counters: int = 0
    answers: dict[str, int] = field(default_factory=dict)

    # -- the projector ------------------------------------------------------------------

    def frame(self, where: str) -> None:
        """What the projector draws now, searched for every team's secrets."""
        self.search.frame(self.app, where)
        self.frames += 1

    def until_heard(self, count: int, where: str) -> None:
        """Step the projector until the workshop holds ``count`` actions and the projector
        has told the room of them; each moment it shows is searched, then passed on, as the
        trainer would."""
        app, workshop = self.app, self.workshop
        deadline = time.monotonic() + HEARD
        while True:
            assert time.monotonic() < deadline, f"{where}: the projector never heard it"
            app.step()
            while app.scene.name in ("signed", "round", "event"):
                self.frame(f"{where}: {app.scene.name}")
                app.pop()
                app.step()
            heard = app._heard == workshop.last_serial
            if len(workshop.session.record.actions) >= count and heard:
                break
            time.sleep(0.01)
        self.frame(where)

    # -- the pages ----------------------------------------------------------------------

    def shoot(self, team: Team, what: str) -> None:
        """The page as it stands, at both sizes and in both languages."""
        page = team.page
        for lang in ("en", "da"):
            page.click(f"[data-lang={lang}]")
            page.wait_for_selector(f"html[lang={lang}]", timeout=WAIT)
            for size, (width, height) in SIZES.items():
                page.set_viewport_size({"width": width, "height": height})
                page.wait_for_timeout(150)  # the layout settles
                if size == "phone":  # what the phone's screen shows, scrolled to it
                    page.locator(f"#tab-{TABS[what]} h3").first.scroll_into_view_if_needed()
                    path = self.folder / f"{what}-{size}-screen-{lang}.png"
                    page.screenshot(path=str(path))
                    self.shots.append(path)
                # the whole page in a window as tall as it, so that the phone's sticky
                # reading is drawn where it belongs, not where the first screen ended
                tall = page.locator("body").bounding_box()
                page.set_viewport_size({"width": width, "height": int(tall["height"]) + 1})
                path = self.folder / f"{what}-{size}-{lang}.png"
                page.screenshot(path=str(path))
                self.shots.append(path)
        page.click("[data-lang=en]")
        page.wait_for_selector("html[lang=en]", timeout=WAIT)
        page.set_viewport_size({"width": 360, "height": 640})

    def projector(self, what: str) -> None:
        """The projector's frame as the room sees it, kept as a picture."""
        import pygame

        self.app.draw()
        path = self.folder / f"projector-{what}.png"
        pygame.image.save(pygame.display.get_surface(), str(path))
        self.pictures.append(path)

    def no_stranger_secret(self, where: str) -> None:
        for team in self.teams.values():
            shown = team.page.inner_text("body")
            leaked = [token for token in team.others if token in shown]
            assert leaked == [], f"{where}: {team.role}'s page shows {leaked}"

    # -- one turn -----------------------------------------------------------------------

    def turn(self, number: int) -> str:
        """The team whose turn it is acts on its page; returns what it did."""
        state = self.workshop.state
        role = state.current_role
        team = self.teams[role]
        team.page.locator("#turn.mine").wait_for(timeout=WAIT)
        waiting = [d for d in state.deals if d.status == "open" and role in d.awaiting()]
        if waiting:
            return self.answer(team, waiting[0], number)
        if self.proposals < PROPOSALS or self.rng.random() < 0.5:
            plan = self.proposal(role)
            if plan is not None:
                return self.propose(team, *plan, number)
        return self.other_move(team)

    def answer(self, team: Team, deal, number: int) -> str:
        page, n = team.page, deal.number
        page.click("[data-tab=deals]")
        item = page.locator("li.deal", has=page.locator(f'[data-key="accept-{n}"]'))
        item.wait_for(timeout=WAIT)
        if "deal" not in {p.stem.split("-")[0] for p in self.shots}:
            self.shoot(team, "deal")
        counter = self.counter_plan(team.role, deal) if self.counters == 0 else None
        if counter is not None:
            index, option = counter
            page.click(f'[data-key="counter-{n}"]')
            page.locator("#build-title", has_text=str(n)).wait_for(timeout=WAIT)
            page.check(f'[data-key="opt-{index}-{option}"]')
            page.fill("#counter-reason", "We can carry this part if it changes a little.")
            self.sent(page)
            self.counters += 1
            return "counter"
        accept = page.locator(f'[data-key="accept-{n}"]')
        if accept.is_enabled() and self.rng.random() < 0.6:
            accept.click()
            return "accept"
        assert item.locator(".reasons").is_hidden()  # the reasons come with the no
        page.click(f'[data-key="reject-{n}"]')
        item.locator(".reasons").wait_for(timeout=WAIT)
        reasons = page.locator(f'[name="why-{n}"]')
        if reasons.count():
            reasons.nth(self.rng.randrange(reasons.count())).check()
        else:
            page.fill(f'[data-key="own-{n}"]', "It asks more of us than we can give this round.")
        page.click(f'[data-key="no-{n}"]')
        return "reject"

    def counter_plan(self, role: str, deal) -> tuple[int, str] | None:
        """One option changed, legal for the engine: (issue index, option id)."""
        project = next(p for p in self.workshop.state.scenario.projects if p.id == deal.project)
        for index, issue in enumerate(project.issues):
            for option in issue.options:
                if option.id == deal.options[index]:
                    continue
                options = list(deal.options)
                options[index] = option.id
                move = act.Counter(role, deal.number, deal.participants, tuple(options), "why")
                if is_legal(self.workshop.state, move):
                    return index, option.id
        return None

    def proposal(self, role: str) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
        """A seeded deal the engine would take from ``role``: (project, partners, options)."""
        state = self.workshop.state
        scenario = state.scenario
        points = next(r for r in scenario.roles if r.id == role).brief.points
        order = [r.id for r in scenario.roles]
        projects = [p for p in scenario.projects if p.id in points]
        self.rng.shuffle(projects)
        for project in projects:
            eligible = [r.id for r in scenario.eligible_roles(project) if r.id != role]
            for _ in range(30):
                others = self.rng.sample(eligible, self.rng.randint(1, min(2, len(eligible))))
                together = tuple(r for r in order if r == role or r in others)
                mine = points[project.id]
                options = tuple(
                    max(issue.options, key=lambda o: mine.get(issue.id, {}).get(o.id, 0)).id
                    if self.rng.random() < 0.7
                    else self.rng.choice(issue.options).id
                    for issue in project.issues
                )
                if is_legal(state, act.Propose(role, project.id, together, options)):
                    return project.id, together, options
        return None

    def propose(self, team: Team, project: str, together, options, number: int) -> str:
        page = team.page
        page.click("[data-tab=build]")
        page.wait_for_selector("#project", timeout=WAIT)
        if page.input_value("#project") != project:
            page.select_option("#project", project)
        page.locator(f'[data-key="opt-0-{options[0]}"]').wait_for(timeout=WAIT)
        for role in self.teams:
            box = page.locator(f'[data-key="with-{role}"]')
            if role != team.role and box.is_checked() != (role in together):
                box.click()
        for index, option in enumerate(options):
            page.check(f'[data-key="opt-{index}-{option}"]')
        page.wait_for_selector("#send-deal:not([disabled])", timeout=WAIT)
        if self.proposals == 0:
            self.shoot(team, "builder")
        self.sent(page)
        self.proposals += 1
        return "propose"

    def sent(self, page) -> None:
        page.wait_for_selector("#send-deal:not([disabled])", timeout=WAIT)
        page.click("#send-deal")

    def other_move(self, team: Team) -> str:
        page = team.page
        page.click("[data-tab=moves]")
        explore = page.locator('#moves [data-key^="explore-"]')
        explore.first.wait_for(timeout=WAIT) if explore.count() else None
        if explore.count() and self.rng.random() < 0.6:
            explore.nth(self.rng.randrange(explore.count())).click()
            return "explore"
        page.click('#moves [data-key="pass"]')
        return "pass"


def join(game: Game, browser, port: int, role: str, code: str, by_hash: bool) -> Team:
    """A team's own browser (its own storage) opens the page and joins with its code."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    if by_hash:
        page.goto(f"http://127.0.0.1:{port}/#code={code}")
    else:
        page.goto(f"http://127.0.0.1:{port}/")
        page.fill("#code", code)
        page.click("#codeform button[type=submit]")
    page.wait_for_selector("#game:not([hidden])", timeout=WAIT)
    assert code not in page.url  # a join card's code leaves the address bar
    return Team(role, code, page, context)


def test_four_teams_play_a_whole_game_from_their_browsers(tmp_path, monkeypatch):
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    from game.ui.app import App
    from game.ui.devices import DeviceOptions

    began = time.monotonic()
    monkeypatch.setenv("OUTOFTHEBOX_SAVES", str(tmp_path / "saves"))
    marked, secrets = searchable(SCENARIO, tmp_path)
    scenario = load_scenario(marked)
    seats = [
        Seat(r.id, f"Team {c}", device=True) for r, c in zip(scenario.roles, COLOURS, strict=True)
    ]
    workshop = Workshop.start(marked, SEED, seats, tmp_path)
    app = App((1280, 720), saves=tmp_path, strict=True, seed=SEED,
              devices=DeviceOptions("127.0.0.1", 0))  # fmt: skip
    shots = tmp_path / "shots"
    shots.mkdir()
    game = Game(workshop, app, Search(secrets), shots, random.Random(SEED))
    done: list[str] = []
    try:
        app.begin(workshop)
        assert app.link.running and app.join_open
        port, codes = app.link.port, app.link.codes
        app.step()
        game.frame("the join screen")
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for index, role in enumerate(codes.teams):
                team = join(game, browser, port, role, codes.teams[role], index % 2 == 1)
                team.others = {t for owner, s in secrets.items() if owner != role for t in s.tokens}
                game.teams[role] = team
            first = game.teams[workshop.state.current_role]
            first.page.click("[data-tab=brief]")
            first.page.wait_for_selector("#brief p", timeout=WAIT)
            assert f"SECRET-BRIEF-{first.role}" in first.page.inner_text("#brief")
            game.shoot(first, "brief")
            app.join_open = False  # every team is in: the trainer closes the join screen
            game.until_heard(0, "the table")
            game.no_stranger_secret("joined")
            for number in range(1, MAX_ACTIONS + 1):
                if workshop.state.finished:
                    break
                assert time.monotonic() - began < MAX_SECONDS, f"slow: {number} actions"
                count = len(workshop.session.record.actions)
                what = game.turn(number)
                done.append(what)
                game.until_heard(count + 1, f"action {number} ({what})")
                if what == "propose" and game.proposals == 1:
                    game.projector("table")
                game.no_stranger_secret(f"action {number} ({what})")
            for team in game.teams.values():
                team.page.locator("#turn", has_text="The game is over").wait_for(timeout=WAIT)
            assert app.scene.name == "scores"  # the room sees the final scores
            game.projector("scores")
            browser.close()
        errors = app.link.thread.server.errors if app.link.thread is not None else 0
    finally:
        app.leave_game()
    seconds = time.monotonic() - began
    record = workshop.session.record
    kinds = {kind: done.count(kind) for kind in sorted(set(done))}
    print(
        f"browser game: {len(done)} actions {kinds} in {seconds:.1f} s, "
        f"{game.frames} drawn frames searched, {len(game.search.hits)} hits, "
        f"{len(game.shots)} screenshots"
    )
    assert workshop.state.finished, f"the game did not end in {len(done)} actions"
    assert game.search.hits == [], game.search.hits[:10]
    assert len(record.actions) == len(done)
    assert sorted(record.origins) == list(range(len(record.actions)))  # each from a device
    for index, action in enumerate(record.actions):
        assert record.origins[index].role == action.actor
    assert game.proposals >= 3 and game.counters == 1
    assert {"accept", "reject"} & set(done)
    assert errors == 0, f"the device server met {errors} errors"
    copy_shots(game.shots + game.pictures)
    assert len(game.shots) == 18
    assert seconds < 90


def copy_shots(shots: list[Path]) -> None:
    """The screenshots, also where ``OUTOFTHEBOX_SHOTS`` says (to be looked at)."""
    folder = os.environ.get("OUTOFTHEBOX_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for path in shots:
            shutil.copy(path, Path(folder) / path.name)


@pytest.fixture(autouse=True)
def _no_server_left():
    yield
    import threading

    assert [t for t in threading.enumerate() if t.name == "device-server"] == []
