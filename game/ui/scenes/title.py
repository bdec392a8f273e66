"""The title: start a new game, practise alone, or resume the one the laptop was playing."""

from __future__ import annotations

import pygame

from game.ui.i18n import LANGUAGES
from game.ui.painter import Painter
from game.ui.saves import latest_unfinished
from game.ui.scenes.base import Scene


class TitleScene(Scene):
    name = "title"

    def __init__(self, app):
        super().__init__(app)
        self.resumable = latest_unfinished(app.saves)

    def draw(self, painter: Painter) -> None:
        t = self.t
        width, height = painter.size
        top = height // 2 - 410
        step = 104  # five buttons (resume, new, practise, language, quit) above the hint
        painter.line(
            pygame.Rect(0, top, width, 140),
            "Out of the Box",
            "title",
            painter.theme.accent,
            True,
            "center",
        )
        painter.text(
            pygame.Rect(width // 2 - 700, top + 150, 1400, 100),
            t("A role-play game about library partnerships: win-win, risk and innovation."),
            "body",
            painter.theme.muted,
            align="center",
        )
        column = pygame.Rect(width // 2 - 450, top + 270, 900, 88)
        if self.resumable is not None:
            saved = self.resumable
            painter.button(
                column,
                t(
                    "Resume {title}, round {round} (saved {time})",
                    title=saved.title,
                    round=saved.round,
                    time=saved.saved_at,
                ),
                self.resume,
                pygame.K_r,
                size="small",  # the title, round and time on two lines rather than cut
            )
            if saved.older_rules:
                painter.line(
                    pygame.Rect(0, column.bottom + 2, width, 34),
                    t("Saved under an older version of the rules: its scores may differ."),
                    "small",
                    painter.theme.muted,
                    align="center",
                )
            column = column.move(0, step)
        painter.button(column, t("New game"), self.new_game, pygame.K_RETURN)
        column = column.move(0, step)
        painter.button(column, t("Practise alone"), self.practise, pygame.K_a)
        column = column.move(0, step)
        other = "da" if self.t.language == "en" else "en"
        painter.button(
            column,
            t("Language: {name}", name=LANGUAGES[self.t.language]),
            lambda: self.app.set_language(other),
            pygame.K_l,
        )
        column = column.move(0, step)
        painter.button(column, t("Quit"), self.quit, pygame.K_ESCAPE)
        line = painter.line_height("small")
        hint = pygame.Rect(0, height - line - 12, width, line)
        self.draw_saves_folder(painter, hint.top - 2)
        painter.line(
            hint, t("F1: the trainer's keys"), "small", painter.theme.muted, align="center"
        )

    def draw_saves_folder(self, painter: Painter, bottom: int) -> None:
        """Where games are saved, so that the trainer can find a save for ``outofthebox
        report`` or ``export`` (docs/report.md): small type on up to two lines, sized from
        the type (Ctrl +/- included), a long path cut inside a word rather than past the
        window's edge."""
        width, _ = painter.size
        height = 2 * painter.line_height("small")
        painter.text(
            pygame.Rect(80, bottom - height, width - 160, height),
            self.t("Games are saved in {folder}", folder=str(self.app.saves)),
            "small",
            painter.theme.muted,
            align="center",
            max_lines=2,
        )

    def new_game(self) -> None:
        from game.ui.scenes.chooser import ChooserScene

        self.app.push(ChooserScene(self.app))

    def practise(self) -> None:
        from game.ui.scenes.chooser import ChooserScene

        self.app.push(ChooserScene(self.app, solo=True))

    def resume(self) -> None:
        from game.engine.record import SaveError
        from game.session.workshop import Workshop

        try:
            workshop = Workshop.resume(self.resumable.path, self.t)
        except SaveError as error:
            self.app.error = str(error)
            self.resumable = None
            return
        self.app.begin(workshop)

    def quit(self) -> None:
        self.app.running = False
