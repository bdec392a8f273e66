"""Seat setup: a team name for every role, who plays it, and the language.

A seat is played at the laptop (its secrets behind a curtain), by a computer partner, or
with ``play --devices`` on the team's own phone or laptop (a device). A game with a seat
on a device writes the join cards next to its save as it starts.
"""

from __future__ import annotations

import random
from pathlib import Path

import pygame

from game.bots.personality import PERSONALITIES
from game.session.workshop import CannotStart, Seat, Workshop
from game.ui.i18n import LANGUAGES
from game.ui.painter import Painter
from game.ui.scenes.base import Scene, button_row
from game.ui.words import personality_name, sector_name

MAX_NAME = 40


class SeatsScene(Scene):
    name = "seats"

    def __init__(self, app, path: Path, scenario):
        super().__init__(app)
        self.path = path
        self.scenario = scenario
        offered = app.devices_offered  # play --devices: the teams bring their own devices
        self.seats = [Seat(role.id, role.name, device=offered) for role in scenario.roles]
        self.editing = 0  # the team name being typed

    def draw(self, painter: Painter) -> None:
        t = self.t
        area = self.header(
            painter,
            t("Who plays?"),
            t(
                "Type each team's name (click a name to change it); "
                "click a seat to play it at the laptop, on the team's device or by a "
                "computer partner."
            )
            if self.app.devices_offered
            else t(
                "Type each team's name (click a name to change it); "
                "click a seat to give it to a computer partner."
            ),
        )
        count = len(self.seats)
        row_height = min(120, (area.height - 100) // count - 12)
        for index, seat in enumerate(self.seats):
            role = self.scenario.roles[index]
            row = pygame.Rect(
                area.left, area.top + index * (row_height + 12), area.width, row_height
            )
            label = pygame.Rect(row.left, row.top, 700, row_height)
            painter.box(label)
            painter.centred(
                label.inflate(-30, -10),
                f"{role.name} ({sector_name(t, role.sector)})",
                "small",
                painter.theme.text,
                bold=True,
            )
            field = pygame.Rect(label.right + 20, row.top, row.width - 700 - 20 - 380, row_height)
            editing = index == self.editing
            shown = seat.team + ("▏" if editing else "")
            painter.button(field, shown, lambda i=index: self.edit(i), selected=editing)
            seat_kind = pygame.Rect(field.right + 20, row.top, 360, row_height)
            kind = self.kind_of(seat)
            painter.button(seat_kind, kind, lambda i=index: self.cycle_seat(i), size="small")
        other = "da" if t.language == "en" else "en"
        language = pygame.Rect(area.left, area.bottom - 90, 600, 80)
        painter.button(
            language,
            t("Language: {name}", name=LANGUAGES[t.language]),
            lambda: self.app.set_language(other),
            pygame.K_F12,
        )
        button_row(
            painter,
            self.footer(painter),
            [
                (t("Back"), self.app.pop, pygame.K_ESCAPE, True),
                (t("Start the game"), self.start, pygame.K_RETURN, True),
            ],
        )

    def kind_of(self, seat: Seat) -> str:
        t = self.t
        if seat.computer:
            return t("Computer: {personality}", personality=personality_name(t, seat.personality))
        if seat.device:
            return t("On the team's device")
        if self.app.devices_offered:
            return t("At the laptop (curtain)")
        return t("Played by people")

    def cycle_seat(self, index: int) -> None:
        """People at the laptop → (with devices) on a device → each computer personality
        in turn → people again."""
        seat = self.seats[index]
        names = list(PERSONALITIES)
        if seat.device:
            seat.device, seat.computer, seat.personality = False, True, names[0]
        elif not seat.computer:
            if self.app.devices_offered:
                seat.device = True
            else:
                seat.computer, seat.personality = True, names[0]
        elif seat.personality == names[-1]:
            seat.computer = False
        else:
            seat.personality = names[names.index(seat.personality) + 1]

    def edit(self, index: int) -> None:
        self.editing = index

    def handle(self, event: pygame.event.Event) -> bool:
        seat = self.seats[self.editing]
        if event.type == pygame.TEXTINPUT:
            seat.team = (seat.team + event.text)[:MAX_NAME]
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE:
                seat.team = seat.team[:-1]
                return True
            if event.key in (pygame.K_TAB, pygame.K_DOWN):
                self.editing = (self.editing + 1) % len(self.seats)
                return True
            if event.key == pygame.K_UP:
                self.editing = (self.editing - 1) % len(self.seats)
                return True
        return False

    def start(self) -> None:
        from game.ui.scenes.brief import CurtainScene

        for seat, role in zip(self.seats, self.scenario.roles, strict=True):
            seat.team = seat.team.strip() or role.name
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
        self.app.begin(workshop)
        self._write_cards(workshop)
        # every team at the laptop reads its brief, in turn; a device team reads it there
        for seat in reversed(self.seats):
            if seat.behind_curtain:
                self.app.push(CurtainScene(self.app, seat.role, "brief"))

    def _write_cards(self, workshop: Workshop) -> None:
        """The join cards next to the save, said where: the trainer prints them."""
        link = self.app.link
        if not link.running:
            return
        try:
            path = link.write_cards(workshop, self.t.language)
        except OSError as error:
            self.app.error = self.t("The join cards could not be written ({error}).",
                                    error=error.strerror or str(error))  # fmt: skip
            return
        self.app.message = self.t("{joining} Join cards: {path}", joining=self.app.message,
                                  path=str(path))  # fmt: skip
