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
from game.session.partners import hidden_personalities
from game.session.practice import (
    FREQUENCIES,
    frequency_name,
    solo_seats,
)
from game.session.progress import learner_name
from game.session.workshop import CannotStart, Seat, Workshop
from game.ui.painter import Painter
from game.ui.scenes.base import Scene, button_row
from game.ui.words import personality_name, sector_name

MAX_LEARNER = 40


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
        self.learner = ""  # typed on this screen: the name the progress is kept under
        #: the partners' personalities are hidden unless the learner asks to see them: then
        #: "what kind of partner is this?" has to be read from their moves
        self.shown = False

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
            )
            if self.shown
            else t(
                "Choose your role; the computer plays every other, each in its own way, for "
                "you to find out."
            ),
        )
        count = len(self.seats)
        name_h = 84  # the learner's name and the personalities' toggle, above the seats
        self.draw_learner(painter, pygame.Rect(area.left, area.top, area.width, name_h - 14))
        choice_h = 250  # the exercise setting and what it means, under the seats
        row_h = min(100, (area.height - choice_h - name_h) // count - 12)
        for index, seat in enumerate(self.seats):
            role = self.scenario.roles[index]
            top = area.top + name_h + index * (row_h + 12)
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
            elif self.shown:
                kind = t("Computer: {personality}",
                         personality=personality_name(t, seat.personality))  # fmt: skip
                painter.button(right, kind, lambda i=index: self.cycle(i), size="small")
            else:
                painter.box(right)
                painter.centred(right.inflate(-20, -8), t("Computer partner"), "small",
                                painter.theme.muted)  # fmt: skip
        top = area.top + name_h + count * (row_h + 12) + 10
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
                "Before your turn, a question about a partner: its order of the issues, its "
                "walk-away, its preferred option, its risk limit or its kind. After your deal: "
                "how will it answer? Each answer is scored against its brief; you see the "
                "truth, and why, at once."
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

    def draw_learner(self, painter: Painter, rect: pygame.Rect) -> None:
        """Your name (typed; empty is "anonymous"), and whether the partners' ways show."""
        t = self.t
        label_w = rect.width * 3 // 20
        toggle_w = rect.width * 7 // 20
        label = pygame.Rect(rect.left, rect.top, label_w, rect.height)
        painter.line(label, t("Your name:"), "small", painter.theme.accent,
                     bold=True)  # fmt: skip
        field = pygame.Rect(label.right + 10, rect.top, rect.width - label_w - toggle_w - 30,
                            rect.height)  # fmt: skip
        shown = (
            self.learner + "▏"
            if self.learner
            else t("anonymous (type a name to keep your progress)") + "▏"
        )
        painter.button(field, shown, lambda: None, selected=True, size="small")
        painter.button(
            pygame.Rect(field.right + 20, rect.top, toggle_w, rect.height),
            t("Hide how they negotiate") if self.shown else t("Show how they negotiate"),
            self.toggle_shown,
            pygame.K_F2,
            selected=self.shown,
            size="small",
        )

    def toggle_shown(self) -> None:
        self.shown = not self.shown

    def handle(self, event: pygame.event.Event) -> bool:
        """Typing goes to the learner's name: the only text on this screen."""
        if event.type == pygame.TEXTINPUT:
            self.learner = (self.learner + event.text)[:MAX_LEARNER]
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            self.learner = self.learner[:-1]
            return True
        return False

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
        self.mine.learner = learner_name(self.learner)
        if not self.shown:  # unseen: each partner's way is drawn from the game's seed
            hidden_personalities(self.seats, seed)
        try:
            workshop = Workshop.start(self.path, seed, self.seats, folder=self.app.saves, t=self.t)
        except CannotStart as error:
            self.app.error = str(error)
            return
        begin_solo(self.app, workshop)
