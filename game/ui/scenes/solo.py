"""Practise alone: choose your role; every other seat goes to a computer partner.

The way in for a librarian practising at night: one click per choice, sensible defaults
(the library is yours, the partners have different habits, an exercise every round), and
no curtains once the game runs, since nobody else is looking.
"""

from __future__ import annotations

import random
from pathlib import Path

import pygame

from game.bots.personality import PERSONALITIES
from game.session.practice import FREQUENCIES, frequency_name, solo_seats
from game.session.workshop import CannotStart, Seat, Workshop
from game.ui.painter import Painter
from game.ui.scenes.base import Scene, button_row
from game.ui.words import personality_name, sector_name


def begin_solo(app, workshop: Workshop) -> None:
    """The table, with the person's brief on top (no curtain: they are alone)."""
    from game.ui.scenes.brief import BriefScene

    app.begin(workshop)
    app.push(BriefScene(app, workshop.solo_role))


class SoloSetupScene(Scene):
    name = "solo"

    def __init__(self, app, path: Path, scenario):
        super().__init__(app)
        self.path = path
        self.scenario = scenario
        self.seats = solo_seats(scenario, scenario.roles[0].id)

    @property
    def mine(self) -> Seat:
        return next(seat for seat in self.seats if not seat.computer)

    def draw(self, painter: Painter) -> None:
        t = self.t
        area = self.header(
            painter,
            t("Practise alone"),
            t(
                "Choose your role; the computer plays every other. Click a partner to "
                "change how it negotiates."
            ),
        )
        count = len(self.seats)
        choice_h = 250  # the exercise setting and what it means, under the seats
        row_h = min(100, (area.height - choice_h) // count - 12)
        for index, seat in enumerate(self.seats):
            role = self.scenario.roles[index]
            top = area.top + index * (row_h + 12)
            left = pygame.Rect(area.left, top, area.width * 11 // 20, row_h)
            right = pygame.Rect(left.right + 20, top, area.right - left.right - 20, row_h)
            mine = not seat.computer
            painter.button(
                left,
                ("▶ " if mine else "") + f"{role.name} ({sector_name(t, role.sector)})",
                lambda r=role.id: self.choose(r),
                selected=mine,
                size="small",
            )
            if mine:
                painter.box(right)
                painter.centred(right.inflate(-20, -8), t("You play this role"), "small",
                                painter.theme.accent, bold=True)  # fmt: skip
            else:
                kind = t("Computer: {personality}",
                         personality=personality_name(t, seat.personality))  # fmt: skip
                painter.button(right, kind, lambda i=index: self.cycle(i), size="small")
        top = area.top + count * (row_h + 12) + 10
        painter.line(pygame.Rect(area.left, top, area.width, 60),
                     t("Perspective-taking exercises: predict a partner"), "small",
                     painter.theme.accent, bold=True)  # fmt: skip
        row = pygame.Rect(area.left, top + 64, area.width, min(90, area.bottom - top - 64))
        explained = pygame.Rect(
            area.left, row.bottom + 16, area.width, area.bottom - row.bottom - 16
        )
        painter.text(
            explained,
            t(
                "Before your turn: rank what matters most to a partner. After your deal: will "
                "a partner accept it? Each answer is scored against the partner's confidential "
                "brief, and you see the truth at once."
            ),
            "small",
            painter.theme.muted,
        )
        gap = 16
        width = (row.width - gap * (len(FREQUENCIES) - 1)) // len(FREQUENCIES)
        for index, frequency in enumerate(FREQUENCIES):
            painter.button(
                pygame.Rect(row.left + index * (width + gap), row.top, width, row.height),
                frequency_name(t, frequency),
                lambda f=frequency: self.set_frequency(f),
                selected=self.mine.exercises == frequency,
                size="small",
            )
        button_row(
            painter,
            self.footer(painter),
            [
                (t("Back"), self.app.pop, pygame.K_ESCAPE, True),
                (t("Start practising"), self.start, pygame.K_RETURN, True),
            ],
        )

    def choose(self, role: str) -> None:
        """Take another seat; the partners keep their personalities where they can."""
        frequency = self.mine.exercises
        habits = [seat.personality for seat in self.seats if seat.computer]
        self.seats = solo_seats(self.scenario, role, frequency)
        for seat in (s for s in self.seats if s.computer):
            seat.personality = habits.pop(0)

    def cycle(self, index: int) -> None:
        names = list(PERSONALITIES)
        seat = self.seats[index]
        seat.personality = names[(names.index(seat.personality) + 1) % len(names)]

    def set_frequency(self, frequency: str) -> None:
        self.mine.exercises = frequency

    def start(self) -> None:
        seed = (
            self.app.seed
            if self.app.seed is not None
            else random.SystemRandom().randrange(1, 10**6)
        )
        try:
            workshop = Workshop.start(self.path, seed, self.seats, folder=self.app.saves, t=self.t)
        except CannotStart as error:
            self.app.error = str(error)
            return
        begin_solo(self.app, workshop)
