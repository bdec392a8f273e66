"""The trainer's screens: play an event card now, a straw poll, and problems on reload."""

from __future__ import annotations

import pygame

from game.engine import actions as act
from game.ui.painter import Painter
from game.ui.scenes.base import Scene, button_row, with_page_buttons


class InjectScene(Scene):
    name = "inject"

    def draw(self, painter: Painter) -> None:
        t = self.t
        cards = self.app.workshop.state.scenario.events
        area = self.header(
            painter,
            t("Play an event card now"),
            t("The card's effects happen at once, whatever its conditions."),
        )
        columns = 2
        rows = max(1, -(-len(cards) // columns))
        gap = 14
        width = (area.width - gap) // columns
        height = min(100, (area.height - gap * (rows - 1)) // rows)
        for index, card in enumerate(cards):
            rect = pygame.Rect(
                area.left + (index % columns) * (width + gap),
                area.top + (index // columns) * (height + gap),
                width,
                height,
            )
            painter.button(rect, card.title, lambda c=card.id: self.play(c), size="small")
        button_row(
            painter, self.footer(painter), [(t("Cancel"), self.app.pop, pygame.K_ESCAPE, True)]
        )

    def play(self, card: str) -> None:
        if self.app.perform(act.InjectEvent(card=card)).ok:
            self.app.to_table()


class PollScene(Scene):
    """A show of hands on a deal: each participant says, without binding itself, yes or no."""

    name = "poll"

    def __init__(self, app, deal: int):
        super().__init__(app)
        self.deal = deal

    def draw(self, painter: Painter) -> None:
        t = self.t
        view = self.app.workshop.public_view()
        poll = view["poll"]
        area = self.header(
            painter,
            t("Straw poll on deal {number}", number=self.deal),
            t("Would you sign this deal? Nobody is bound by the answer."),
        )
        if poll is None:
            painter.text(area, t("The poll is closed."), "body")
        else:
            names = {r["id"]: r["name"] for r in view["roles"]}
            project = next(p for p in view["projects"] if p["id"] == poll["project"])
            terms = " · ".join(
                next(o["label"] for o in issue["options"] if o["id"] == option)
                for issue, option in zip(project["issues"], poll["options"], strict=True)
            )
            used = painter.text(area, f"{project['title']}: {terms}", "small",
                                painter.theme.accent, max_lines=2) + 16  # fmt: skip
            count = max(1, len(poll["participants"]))
            row = min(100, (area.height - used) // count - 12)
            for index, role in enumerate(poll["participants"]):
                top = area.top + used + index * (row + 12)
                answer = poll["answers"].get(role)
                said = "" if answer is None else ("  ✓ " + t("yes") if answer else "  ✗ " + t("no"))
                painter.line(
                    pygame.Rect(area.left, top, area.width // 2, row),
                    names[role] + said,
                    "body",
                    bold=True,
                )
                painter.button(
                    pygame.Rect(area.left + area.width // 2, top, area.width // 4 - 10, row),
                    t("Yes"),
                    lambda r=role: self.answer(r, True),
                    enabled=answer is None,
                )
                painter.button(
                    pygame.Rect(area.left + area.width * 3 // 4, top, area.width // 4, row),
                    t("No"),
                    lambda r=role: self.answer(r, False),
                    enabled=answer is None,
                )
        button_row(
            painter,
            self.footer(painter),
            [(t("Close the poll"), self.app.pop, pygame.K_RETURN, True)],
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()  # Esc closes it too, as Enter closes every in-between screen
            return True
        return False

    def answer(self, role: str, yes: bool) -> None:
        self.app.perform(act.AnswerStrawPoll(role, yes))


class ProblemsScene(Scene):
    """Why the scenario file could not be read again: each problem with its file and line."""

    name = "problems"

    def __init__(self, app, problems: list[str]):
        super().__init__(app)
        self.problems = problems

    def draw(self, painter: Painter) -> None:
        t = self.t
        area = self.header(
            painter,
            t("The scenario file has problems"),
            t("The game goes on with the scenario as it was. Fix the file and press F5 again."),
        )
        painter.paragraphs(painter.panel(area), self.problems[:12], colour=painter.theme.bad)
        button_row(
            painter,
            self.footer(painter),
            [(t("Back to the game"), self.app.pop, pygame.K_ESCAPE, True)],
        )


class NotesScene(Scene):
    """The scenario's trainer notes (Ctrl+T), page by page, behind a curtain.

    The author writes them for the trainer (how to run it, what to watch for, debrief
    questions), and they may name what the teams' briefs hold (who ends below its
    walk-away in the obvious deal): the scene first asks the trainer to turn the projector
    away, as a team's curtain does, and shows the notes only on the trainer's word.
    Nothing is cut; pages turn instead.
    """

    name = "notes"

    def __init__(self, app):
        super().__init__(app)
        self.page = 0
        self.shown = False  # the curtain first

    def draw(self, painter: Painter) -> None:
        t = self.t
        scenario = self.app.workshop.state.scenario
        if not self.shown:
            self.draw_curtain(painter)
            return
        area = self.header(
            painter,
            t("The trainer's notes"),
            t(
                "Notes for the trainer from the author of {title}: how to run it, what to "
                "watch for, questions for the debrief.",
                title=scenario.title,
            ),
        )
        inner = painter.panel(area)
        pages = painter.page_of_text(inner, scenario.trainer_notes or "", self.page, "small")
        self.page = min(self.page, pages - 1)
        buttons = [(t("Close the trainer's notes"), self.app.pop, pygame.K_ESCAPE, True)]
        button_row(painter, self.footer(painter), with_page_buttons(self, pages, buttons))

    def draw_curtain(self, painter: Painter) -> None:
        t = self.t
        width, height = painter.size
        inner = painter.panel(pygame.Rect(120, height // 2 - 260, width - 240, 440),
                              edge=painter.theme.accent)  # fmt: skip
        painter.line(pygame.Rect(inner.left, inner.top, inner.width, 90),
                     t("The trainer's notes"), "title", painter.theme.accent, True,
                     "center")  # fmt: skip
        painter.text(
            pygame.Rect(inner.left, inner.top + 120, inner.width, inner.height - 120),
            t("For the trainer only: they may tell what the teams' briefs hold. Turn the "
              "projector away, or freeze it, before you show them."),
            "body",
            painter.theme.muted,
            align="center",
        )  # fmt: skip
        button_row(
            painter,
            self.footer(painter),
            [
                (t("Show the notes"), self.show, pygame.K_RETURN, True),
                (t("Close the trainer's notes"), self.app.pop, pygame.K_ESCAPE, True),
            ],
        )

    def show(self) -> None:
        self.shown = True

    def turn_page(self, step: int) -> None:
        self.page = max(0, self.page + step)

    def handle(self, event: pygame.event.Event) -> bool:
        """← and → turn the page too, as Page Up and Page Down do."""
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.turn_page(-1 if event.key == pygame.K_LEFT else +1)
            return True
        return False

    def help_keys(self) -> list[tuple[str, str]]:
        return [("← / →", self.t("turn the page"))]
