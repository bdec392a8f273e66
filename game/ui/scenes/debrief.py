"""The debrief: the workshop's closing screen, projected to the whole room after the game.

Five pages, each a tab (keys 1-5, Tab cycles, ←/→ step inside a page):

* **Scores** — win-win, risk and innovation for the table and every role as bar charts,
  with each role's own gain beside them (a share, never points): the table wins together;
* **Agreements** — the three axes per agreement, and the reasons for the one chosen;
* **Lessons** — the report's lessons this game showed, each in the seed's words with its
  evidence (which deal, which round);
* **Missed deals** — per project, the value the table reached against the best deals that
  were possible, as shares of the best total gain;
* **Timeline** — the table as it was at the end of each round.

After the game the scores and what happened are public; the debrief still shows no team's
points or walk-away values and reads no brief text and no red line's reason (the policy is
docs/report.md's, shared with the printed report), so the secrets test holds here as on
every screen. The pages are drawn by small modules (``debrief_scores``, ``debrief_story``,
``debrief_missed``); this one holds the tabs, the keys and the way out.
"""

from __future__ import annotations

import pygame

from game.ui.painter import Painter
from game.ui.scenes.base import Scene, button_row, content_bottom

TABS = ("scores", "agreements", "lessons", "missed", "timeline")
TAB_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5)
TAB_HEIGHT = 76


class DebriefScene(Scene):
    name = "debrief"

    def help_keys(self) -> list[tuple[str, str]]:
        t = self.t
        return [
            ("1 – 5", t("the debrief's five pages")),
            ("Tab", t("the next page (Shift+Tab: the one before)")),
            ("← →", t("within a page: the part before or after; on the timeline, a round")),
        ]

    def __init__(self, app, tab: str = "scores"):
        super().__init__(app)
        self.tab = tab
        self.pages = {name: 0 for name in TABS}  # the page (or the chosen row) per tab
        # the timeline opens at the end of the game; ← steps back through it
        self.pages["timeline"] = max(0, len(app.workshop.debrief().round_ends()) - 1)
        self.page_count = 1  # of the tab drawn last: how far → may go
        self.saved = ""  # where the report went, said in the footer's line

    # -- drawing --------------------------------------------------------------------------

    def tab_names(self) -> dict[str, str]:
        t = self.t
        return {
            "scores": t("Scores"),
            "agreements": t("Agreements"),
            "lessons": t("Lessons"),
            "missed": t("Missed deals"),
            "timeline": t("Timeline"),
        }

    def draw(self, painter: Painter) -> None:
        from game.ui.scenes import debrief_missed, debrief_scores, debrief_story

        workshop = self.app.workshop
        area = self.draw_header(painter, workshop.state.scenario.title)
        area = self.draw_tabs(painter, area)
        draw_page = {
            "scores": debrief_scores.draw_scores,
            "agreements": debrief_scores.draw_agreements,
            "lessons": debrief_story.draw_lessons,
            "missed": debrief_missed.draw_missed,
            "timeline": debrief_story.draw_timeline,
        }[self.tab]
        if self.saved:  # where the report went, on two lines the trainer can read aloud
            note_h = 2 * painter.line_height("small") + 20
            area.height -= note_h + 12
            note = pygame.Rect(area.left, area.bottom + 12, area.width, note_h)
            painter.box(note, painter.theme.panel, painter.theme.good)
            painter.text(note.inflate(-30, -12), "✓ " + self.saved, "small", painter.theme.good)
        self.page_count = max(1, draw_page(self, painter, area))
        self.pages[self.tab] = max(0, min(self.pages[self.tab], self.page_count - 1))
        self.draw_footer(painter)

    def draw_header(self, painter: Painter, title: str) -> pygame.Rect:
        """ "Debrief" large, the scenario's title, the report's button; returns the area
        below."""
        width, _ = painter.size
        band = pygame.Rect(40, 0, width - 80, 110)
        word = self.t("Debrief")
        word_w = int(painter.type.width(word, painter.px("title"), True) / painter.layout.scale)
        word_w = min(word_w + 10, band.width // 2)
        painter.line(pygame.Rect(band.left, band.top, word_w, band.height), word, "title",
                     bold=True)  # fmt: skip
        button_w = min(640, band.width // 3)
        report = pygame.Rect(band.right - button_w, band.top + 22, button_w, band.height - 30)
        painter.button(report, self.t("Save the report (HTML)"), self.save_report, pygame.K_r,
                       size="small")  # fmt: skip
        rest = pygame.Rect(band.left + word_w + 40, band.top + 20,
                           report.left - band.left - word_w - 70, band.height - 20)  # fmt: skip
        room = painter.layout.to_px(rest).width
        size = "heading" if painter.type.width(title, painter.px("heading")) <= room else "body"
        painter.line(rest, title, size, painter.theme.muted, align="right")
        top = band.bottom + 10
        return pygame.Rect(40, top, width - 80, content_bottom(painter) - top)

    def draw_tabs(self, painter: Painter, area: pygame.Rect) -> pygame.Rect:
        """The five tabs across the top; returns the area left below them."""
        names = self.tab_names()
        gap = 16
        width = (area.width - gap * (len(TABS) - 1)) // len(TABS)
        for index, (tab, key) in enumerate(zip(TABS, TAB_KEYS, strict=True)):
            rect = pygame.Rect(area.left + index * (width + gap), area.top, width, TAB_HEIGHT)
            room = painter.layout.to_px(rect.inflate(-20, 0)).width
            fits = painter.type.width(names[tab], painter.px("body"), True) <= room
            painter.button(
                rect,
                names[tab],
                lambda tab=tab: self.show(tab),
                key,
                selected=tab == self.tab,
                size="body" if fits else "small",  # a long name in smaller type, whole
            )
        top = area.top + TAB_HEIGHT + 20
        return pygame.Rect(area.left, top, area.width, area.bottom - top)

    def draw_footer(self, painter: Painter) -> None:
        t = self.t
        page = self.pages[self.tab]
        stepping = self.page_count > 1
        buttons = [
            (t("Previous"), lambda: self.step(-1), pygame.K_LEFT, page > 0),
            (t("Next"), lambda: self.step(+1), pygame.K_RIGHT, page < self.page_count - 1),
        ] if stepping else []  # fmt: skip
        buttons += [
            (t("Final scores"), self.back, pygame.K_ESCAPE, True),
            # no key: a stray key must not end the workshop's closing screen
            (t("End the workshop"), self.leave, None, True),
        ]  # fmt: skip
        button_row(painter, self.footer(painter), buttons)

    # -- what the buttons and keys do -------------------------------------------------------

    def show(self, tab: str) -> None:
        self.tab = tab

    def step(self, by: int) -> None:
        self.pages[self.tab] = max(0, min(self.page_count - 1, self.pages[self.tab] + by))

    def choose(self, index: int) -> None:
        """A click on a row or a round: that page of the current tab."""
        self.pages[self.tab] = index

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB:
            backwards = bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
            index = TABS.index(self.tab) + (-1 if backwards else 1)
            self.tab = TABS[index % len(TABS)]
            return True
        return False

    def back(self) -> None:
        """To the final scores: underneath, or in this scene's place."""
        if len(self.app.scenes) > 1 and self.app.scenes[-2].name == "scores":
            self.app.pop()
        else:
            self.app.replace(self.app.make("scores"))

    def save_report(self) -> None:
        """Write the debrief report (HTML, with the written agreements) next to the save."""
        from game.report.report import write_game_report

        workshop = self.app.workshop
        session = workshop.session
        if session.path is not None:
            path = session.path.with_name(session.path.stem + "-report.html")
        else:
            path = self.app.saves / f"{workshop.state.scenario.id}-report.html"
        try:
            teams = {seat.role: seat.team for seat in workshop.seats}
            write_game_report(session.record, workshop.state, path, self.t.language, teams=teams)
        except OSError as error:
            self.app.error = self.t("The report could not be saved ({error}).",
                                    error=error.strerror or str(error))  # fmt: skip
            return
        self.app.error = ""
        self.saved = self.t(
            "The report is saved as {name} in the folder {folder}. Open it in a web browser "
            "to read or print it.",
            name=path.name,
            folder=str(path.parent),
        )

    def leave(self) -> None:
        self.app.workshop = None
        self.app.message = self.app.error = ""
        self.app.reset_to(self.app.make("title"))
