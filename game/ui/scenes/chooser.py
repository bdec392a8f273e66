"""Choose a scenario, with a preview: what it is about, who plays, how long it lasts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from game.scenario.loading import check_file
from game.ui.painter import Painter
from game.ui.scenes.base import Scene, button_row
from game.ui.words import prose, sector_name

SCENARIO_DIR = Path(__file__).resolve().parents[3] / "scenarios"


@dataclass
class Choice:
    path: Path
    title: str
    scenario: object | None  # the validated Scenario, or None with its problems
    problems: list[str]


_checked: dict[tuple[Path, float, int], Choice] = {}


def load_choice(path: Path) -> Choice:
    """A scenario file, checked once per version of it (an author may edit it meanwhile)."""
    try:
        stat = path.stat()
        key = (path.resolve(), stat.st_mtime, stat.st_size)
    except OSError:
        key = None
    if key is not None and key in _checked:
        return _checked[key]
    result = check_file(path)
    if result.ok:
        scenario = result.scenario()
        choice = Choice(path, scenario.title, scenario, [])
    else:
        choice = Choice(path, path.name, None, [str(d) for d in result.errors])
    if key is not None:
        _checked[key] = choice
    return choice


def load_choices(files: list[Path] | None) -> list[Choice]:
    paths = list(files or [])
    if not files:
        paths = sorted(
            SCENARIO_DIR.glob("*.yaml"), key=lambda p: (not p.name.startswith("tutorial"), p.name)
        )
    return [load_choice(path) for path in paths]


class ChooserScene(Scene):
    name = "chooser"

    def __init__(self, app, solo: bool = False):
        super().__init__(app)
        self.solo = solo  # practising alone: the next screen chooses a role, not teams
        self.choices = load_choices(app.scenario_files)
        self.index = 0

    def draw(self, painter: Painter) -> None:
        t = self.t
        area = self.header(painter, t("Choose a scenario"))
        list_area = pygame.Rect(area.left, area.top, 640, area.height)
        preview = pygame.Rect(
            list_area.right + 30, area.top, area.right - list_area.right - 30, area.height
        )
        row_height = 110
        for index, choice in enumerate(self.choices):
            rect = pygame.Rect(
                list_area.left,
                list_area.top + index * (row_height + 14),
                list_area.width,
                row_height,
            )
            if rect.bottom > list_area.bottom:
                break
            label = choice.title if choice.scenario is not None else "✗ " + choice.title
            painter.button(
                rect, label, lambda i=index: self.select(i), selected=index == self.index
            )
        self.draw_preview(painter, preview)
        chosen = self.current
        button_row(
            painter,
            self.footer(painter),
            [
                (t("Back"), self.app.pop, pygame.K_ESCAPE, True),
                (
                    t("Play this scenario"),
                    self.choose,
                    pygame.K_RETURN,
                    chosen is not None and chosen.scenario is not None,
                ),
            ],
        )

    @property
    def current(self) -> Choice | None:
        return self.choices[self.index] if self.choices else None

    def draw_preview(self, painter: Painter, rect: pygame.Rect) -> None:
        t = self.t
        choice = self.current
        if choice is None:
            painter.panel(rect, t("No scenarios found"))
            return
        inner = painter.panel(rect, choice.title)
        if choice.scenario is None:
            painter.text(
                inner,
                t("This file has mistakes:") + "\n" + "\n".join(choice.problems[:6]),
                "small",
                painter.theme.bad,
            )
            return
        scenario = choice.scenario
        top = inner.top
        top += (
            painter.text(
                pygame.Rect(inner.left, top, inner.width, inner.height // 2),
                prose(scenario.summary),
                "body",
            )
            + 20
        )
        facts = t(
            "Rounds: {rounds} · Projects: {projects} · Roles: {roles}",
            rounds=scenario.rounds,
            projects=len(scenario.projects),
            roles=len(scenario.roles),
        )
        top += (
            painter.text(
                pygame.Rect(inner.left, top, inner.width, 60),
                facts,
                "body",
                painter.theme.accent,
                max_lines=1,
            )
            + 14
        )
        for role in scenario.roles:
            line = f"• {role.name} — {sector_name(self.t, role.sector)}"
            top += (
                painter.text(
                    pygame.Rect(inner.left, top, inner.width, inner.bottom - top),
                    line,
                    "small",
                    max_lines=1,
                )
                + 4
            )

    def handle(self, event: pygame.event.Event) -> bool:
        if (
            event.type == pygame.KEYDOWN
            and event.key in (pygame.K_UP, pygame.K_DOWN)
            and self.choices
        ):
            step = 1 if event.key == pygame.K_DOWN else -1
            self.index = (self.index + step) % len(self.choices)
            return True
        return False

    def select(self, index: int) -> None:
        self.index = index

    def choose(self) -> None:
        from game.ui.scenes.seats import SeatsScene
        from game.ui.scenes.solo import SoloSetupScene

        choice = self.current
        if choice is not None and choice.scenario is not None:
            setup = SoloSetupScene if self.solo else SeatsScene
            self.app.push(setup(self.app, choice.path, choice.scenario))
