"""The table: what the whole room sees on the projector between the teams' turns.

Made for the room: every team by its own name with its public profile and resources,
every open deal's terms in full with each team's answer (and what a counter changed,
marked), the signed agreements, the news, and a large round timer. Nothing
confidential: the table draws the public view only (``Workshop.public_view``; the
scenario's project, issue and option names are public too).

Whose turn it is decides the footer: a team at the laptop starts its turn behind the
curtain; a team on its own device plays there while the table says so and waits (its
action arrives through the workshop from the device server's thread, and the table
reads the fresh state every frame); a computer partner plays at the room's pace.

It lays out by measuring: every block of text is wrapped at its width and stacked, so
a larger text size (Ctrl +) reflows it into more lines, never cuts it; deals that do not
fit go on further pages (PgDn).
"""

from __future__ import annotations

import time

import pygame

from game.engine.acceptability import signing_rule
from game.engine.ownview import project_model
from game.session.room import RoomDeal, issue_and_option, room_deal
from game.ui.painter import PAD, Hit, Painter
from game.ui.scenes.base import Scene, button_row, content_bottom
from game.ui.scenes.moments import team_name
from game.ui.words import prose, sector_name, status_name, tag

GAP = 16  # logical space between blocks
PAGE_SECONDS = 15.0  # deals on several pages: the next page comes by itself after this


def rule_words(t, view, deal, names) -> str:
    """A deal's signing rule as the room reads it: "needs 3 of 4 signatures, Nordtel's
    among them" (``acceptability.signing_rule``, by which the rules sign it)."""
    rule = signing_rule(project_model(view, deal["project"]), tuple(deal["participants"]),
                        deal["options"])  # fmt: skip
    if rule.needed == rule.of:
        said = t("needs every signature ({count})", count=rule.of)
    else:
        said = t("needs {count} of {total} signatures", count=rule.needed, total=rule.of)
    if rule.must and rule.needed != rule.of:
        said += ", " + t("including {roles}", roles=", ".join(names[r] for r in rule.must))
    return said


def ending_words(t, view) -> str:
    """How the game ends, always on the table; the last round says so."""
    rounds = view["scenario"]["rounds"]
    if view["round"] >= rounds:
        return t("The last round: the game ends after it, or as soon as every project is signed.")
    return t(
        "The game ends after round {rounds}, or as soon as every project is signed.",
        rounds=rounds,
    )


class TableScene(Scene):
    name = "table"

    def __init__(self, app):
        super().__init__(app)
        self.deal_page = 0  # the deals on the table, page by page (PgUp / PgDn)
        self._seen = None  # the state the last frame drew
        self._deal_pages = 1  # how many pages the deals took in the last frame
        self._page_since = time.monotonic()
        self._limit: int | None = None  # blocks that would end below this are not drawn

    # -- the frame ------------------------------------------------------------------------

    def tick(self) -> bool:
        """Every frame: what a team's device did reaches the room at once, and a state
        changed by another thread is drawn fresh."""
        told = self.app.hear_others()
        workshop = self.app.workshop
        if (
            workshop is not None
            and self.app.scene is self  # not when hearing it put the moments on top
            and workshop.state.finished
            and not self.app.pending
            and any(seat.device for seat in workshop.seats)
        ):
            self.app.to_table()  # a game a device ended: the room goes on to the scores
            return True
        role = workshop.state.current_role if workshop is not None else None
        if role is not None and workshop.seat(role).device and self.app.timer.untouched:
            self.app.timer.start()  # round 1: the clock starts as a device team's turn does
        turned = False
        if self._deal_pages > 1 and time.monotonic() - self._page_since >= PAGE_SECONDS:
            self.turn_deals(+1, wrap=True)  # the room reads every deal without a key
            turned = True
        return told or turned or (workshop is not None and workshop.state is not self._seen)

    def turn_deals(self, step: int, wrap: bool = False) -> None:
        page = self.deal_page + step
        self.deal_page = page % self._deal_pages if wrap else page
        self._page_since = time.monotonic()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.turn_deals(+1 if event.key == pygame.K_PAGEDOWN else -1)
            return True
        return False

    def help_keys(self) -> list[tuple[str, str]]:
        return [("PgUp / PgDn", self.t("the deals on the table, page by page"))]

    def draw(self, painter: Painter) -> None:
        workshop = self.app.workshop
        view = workshop.public_view()
        self._seen = workshop.state
        names = {role["id"]: team_name(workshop, role["id"]) for role in view["roles"]}
        width, _ = painter.size
        top = self.draw_top(painter, view) + GAP
        bottom = content_bottom(painter)
        left = pygame.Rect(40, top, (width - 110) * 2 // 5, bottom - top)
        right = pygame.Rect(left.right + 30, top, width - 40 - left.right - 30, bottom - top)
        self.draw_left(painter, left, view, names)
        self.draw_deals(painter, right, view, names)
        self.draw_footer(painter, view)

    def draw_footer(self, painter: Painter, view) -> None:
        """Whose turn it is, and how it is played: behind the curtain, on the team's own
        device (the table only says so and waits), or by a computer partner."""
        t = self.t
        workshop = self.app.workshop
        turn_of = view["turn_of"]
        keys = (t("Trainer's keys"), self.help, pygame.K_F1, True)
        footer = self.footer(painter)
        seat = workshop.seat(turn_of) if turn_of is not None else None
        if seat is not None and seat.device and not seat.computer:
            said = pygame.Rect(footer.left, footer.top, footer.width * 2 // 3 - 10, footer.height)
            painter.box(said, edge=painter.theme.accent, edge_width=4)
            painter.centred(said.inflate(-24, -8),
                            t("{team}: your turn — on your device", team=seat.team),
                            "body", painter.theme.accent, bold=True)  # fmt: skip
            rest = pygame.Rect(said.right + 20, footer.top, footer.right - said.right - 20,
                               footer.height)  # fmt: skip
            button_row(painter, rest, [keys])
            return
        buttons = []
        if seat is not None and seat.computer:
            # short enough for 1024×768 with a long name; F6 and F10 are in the help
            buttons.append((t("{team} is thinking…", team=seat.team), self.start_turn,
                            None, False))  # fmt: skip
        elif seat is not None:
            buttons.append((t("{team}: start your turn", team=seat.team), self.start_turn,
                            pygame.K_RETURN, not view["paused"]))  # fmt: skip
        buttons.append(keys)
        button_row(painter, footer, buttons)

    # -- the top: the scenario, how it ends, the round and its large clock ------------------

    def clock_words(self) -> tuple[str, str]:
        """The round timer as the room reads it from the back: the clock, and a note."""
        t = self.t
        timer = self.app.timer
        if not timer.enabled:
            return "", ""
        if timer.up:
            return t("Time is up"), t("F6 skips the turn, F3 adds a minute")
        clock = t("◷ {clock} left", clock=timer.shown())
        return clock, "" if timer.running else t("(stopped: F3)")

    def draw_top(self, painter: Painter, view) -> int:
        """The band at the top, as tall as its words need; returns where it ends.

        Right: the round and its clock side by side, the clock in the largest type (read
        from the back of the room), a note under it; when they do not fit side by side
        (a larger text size), one under the other. Left: the scenario and how it ends.
        """
        t = self.t
        width, _ = painter.size
        band = pygame.Rect(40, 10, width - 80, 0)
        clock, note = self.clock_words()
        status = t("Round {round} of {rounds}", round=view["round"],
                   rounds=view["scenario"]["rounds"])  # fmt: skip
        accent, muted = painter.theme.accent, painter.theme.muted
        scale = painter.layout.scale

        def wide(text: str, size: str, bold: bool) -> int:
            return int(painter.type.width(text, painter.px(size), bold) / scale) + 12

        last = view["round"] >= view["scenario"]["rounds"]
        left = [(view["scenario"]["title"], "heading", True, None),
                (ending_words(t, view), "small", last, accent if last else muted)]  # fmt: skip
        # one under the other: the clock on a line of its own (never wrapped: a smaller
        # type if it must), the round and the note under it
        stacked = [(status, "heading", True, accent), (note, "small", False, muted)]
        stacked = [line for line in stacked if line[0]]
        row_h = painter.line_height("title", True)
        note_h = painter.text_height(note, band.width // 3, "small") if note else 0
        clock_w, status_w = wide(clock, "title", True), wide(status, "heading", True)
        arrangements = []  # (height of the band, side by side?, width of the right block)
        if clock:
            right_w = max(clock_w + 30 + status_w, wide(note, "small", False) if note else 0)
            if right_w <= band.width * 3 // 5:
                used = self.lines_height(painter, band.width - right_w - 30, left)
                arrangements.append((max(used, row_h + note_h), True, right_w))
        widest = max(wide(x, size, b) for x, size, b, _ in stacked)
        right_w = min(band.width * 11 // 20, max(widest, clock_w if clock else 0))
        used = self.lines_height(painter, band.width - right_w - 30, left)
        clock_h = row_h if clock else 0
        arrangements.append((max(used, clock_h + self.lines_height(painter, right_w, stacked)),
                             False, right_w))  # fmt: skip
        _, side_by_side, right_w = min(arrangements, key=lambda a: a[0])
        right_left = band.right - right_w
        if side_by_side:
            painter.line(pygame.Rect(band.right - clock_w, band.top, clock_w, row_h), clock,
                         "title", accent, True, "right")  # fmt: skip
            painter.line(pygame.Rect(right_left, band.top, right_w - clock_w - 30, row_h),
                         status, "heading", accent, True, "right")  # fmt: skip
            used_right = row_h + self.stack(
                painter, pygame.Rect(right_left, band.top + row_h, right_w, 0),
                [(note, "small", False, muted)] if note else [], "right",
            )  # fmt: skip
        else:
            if clock:
                painter.line(pygame.Rect(right_left, band.top, right_w, clock_h), clock,
                             "title", accent, True, "right")  # fmt: skip
            used_right = clock_h + self.stack(
                painter, pygame.Rect(right_left, band.top + clock_h, right_w, 0), stacked, "right"
            )
        used_left = self.stack(
            painter, pygame.Rect(band.left, band.top, band.width - right_w - 30, 0), left
        )
        return band.top + max(used_left, used_right)

    def panel(
        self, painter: Painter, rect: pygame.Rect, title: str, size: str = "heading"
    ) -> pygame.Rect:
        """A panel whose title wraps rather than being cut (a larger text size)."""
        painter.box(rect)
        inner = rect.inflate(-2 * PAD, -2 * PAD)
        used = self.stack(painter, inner, [(title, size, True, None)]) + 8
        return pygame.Rect(inner.left, inner.top + used, inner.width, inner.height - used)

    def chrome(self, painter: Painter, width: int, title: str, size: str = "body") -> int:
        """The height a panel of ``self.panel`` takes beside its content."""
        return 2 * PAD + painter.text_height(title, width - 2 * PAD, size, True) + 8

    def stack(self, painter: Painter, rect: pygame.Rect, lines, align: str = "left") -> int:
        """Lines (text, size, bold, colour) wrapped at ``rect``'s width, one under another,
        each as tall as it needs; returns the height used."""
        top = rect.top
        for text, size, bold, colour in lines:
            need = painter.text_height(text, rect.width, size, bold)
            if self._limit is not None and top + need > self._limit:
                break  # a deal taller than its whole page (the largest text on a wide screen)
            box = pygame.Rect(rect.left, top, rect.width, need + 4)
            painter.text(box, text, size, colour, bold, align)
            top += need
        return top - rect.top

    # -- the left: the teams, the news, the signed agreements ------------------------------

    def team_lines(self, role, names, detail: int) -> list[tuple[str, str, bool, object]]:
        """One team's card, (text, size, bold, tone) per line; less ``detail``: fewer."""
        t = self.t
        workshop = self.app.workshop
        seat = workshop.seat(role["id"])
        playing = role["id"] == workshop.state.current_role
        theme = self.app.theme
        about = [role["name"]] if names[role["id"]] != role["name"] else []
        about.append(sector_name(t, role["sector"]))
        if seat.computer:
            about.append(t("computer partner"))
        elif seat.device:
            about.append(t("plays on its device"))
        have, used = role["resources_per_round"], role["committed_per_round"]
        means = [
            t("Staff {have} ({used} in use)", have=have["staff_time"], used=used["staff_time"]),
            t("Budget {have} ({used} in use)", have=have["budget"], used=used["budget"]),
            t("Brand {level}/10", level=role["brand"]) + " " + "★" * min(10, role["brand"]),
        ]
        lines = [(("▶ " if playing else "") + names[role["id"]], "body", True, None)]
        if detail >= 0:
            lines.append((" · ".join(about), "small", False, theme.muted))
        if detail >= 1:
            lines += [(line, "small", False, None) for line in means]
        if detail >= 2 and role["competencies"]:
            competencies = ", ".join(tag(c) for c in role["competencies"])
            lines.append((competencies, "small", False, theme.muted))
        return lines

    def teams_layout(self, painter: Painter, width: int, room: int, view, names):
        """The most detailed cards that fit ``room``: (detail, columns, card heights)."""
        roles = view["roles"]
        choice = None
        for detail in (2, 1, 0, -1):
            for columns in (1, 2):
                card_w = (width - GAP * (columns - 1)) // columns
                heights = [
                    self.lines_height(painter, card_w - 24, self.team_lines(r, names, detail)) + 14
                    for r in roles
                ]
                rows = [max(heights[i : i + columns]) for i in range(0, len(roles), columns)]
                choice = (detail, columns, heights, sum(rows) + GAP * (len(rows) - 1))
                if choice[3] <= room:
                    return choice
        return choice

    def lines_height(self, painter: Painter, width: int, lines) -> int:
        return sum(painter.text_height(text, width, size, bold) for text, size, bold, _ in lines)

    def draw_left(self, painter: Painter, rect: pygame.Rect, view, names) -> None:
        """The teams, as much of each as fits (the most detailed cards first), then the
        latest news and the signed agreements under them, each as tall as it needs."""
        width = rect.width - 2 * PAD
        active = [a for a in view["agreements"] if a["failed_round"] is None]
        title = self.t("Signed agreements ({count})", count=len(active))
        chrome = self.chrome(painter, rect.width, title)
        agreements = self.agreement_lines(view, names)
        agreements_h = min(
            chrome + sum(painter.text_height(line, width, "small") + 8 for line in agreements),
            max(rect.height // 4, chrome + painter.line_height("small")),
        )
        news = self.news_text(view)
        news_need = self.chrome(painter, rect.width, self.t("News")) + painter.text_height(
            news, width, "small"
        )
        news_least = min(news_need, rect.height // 3)  # the latest news whole, if it can be
        room = rect.height - news_least - agreements_h - 2 * GAP
        detail, columns, heights, teams_h = self.teams_layout(
            painter, rect.width, room, view, names
        )
        if teams_h > room:  # every team's name comes before the news (a short screen)
            room = max(room, rect.height - agreements_h - 2 * GAP - self.chrome(
                painter, rect.width, self.t("News")) - painter.line_height("small"))  # fmt: skip
            detail, columns, heights, teams_h = self.teams_layout(
                painter, rect.width, room, view, names
            )
        teams_h = min(teams_h, room)
        self.draw_teams(painter, pygame.Rect(rect.left, rect.top, rect.width, teams_h), view,
                        names, detail, columns, heights)  # fmt: skip
        news_top = rect.top + teams_h + GAP
        news_h = min(news_need, rect.bottom - agreements_h - GAP - news_top)
        self.draw_news(painter, pygame.Rect(rect.left, news_top, rect.width, news_h), news)
        self.draw_agreements(
            painter,
            pygame.Rect(rect.left, news_top + news_h + GAP, rect.width,
                        rect.bottom - news_top - news_h - GAP),
            view,
            agreements,
        )  # fmt: skip

    def draw_teams(self, painter, area, view, names, detail, columns, heights) -> None:
        t = self.t
        roles = view["roles"]
        card_w = (area.width - GAP * (columns - 1)) // columns
        top = area.top
        for start in range(0, len(roles), columns):
            row_h = max(heights[start : start + columns])
            if top + row_h > area.bottom:
                more = len(roles) - start
                painter.text(pygame.Rect(area.left, top, area.width, area.bottom - top),
                             t("… and {count} more teams (click a team for its profile)",
                               count=more), "small", painter.theme.muted)  # fmt: skip
                return
            for column, role in enumerate(roles[start : start + columns]):
                card = pygame.Rect(area.left + column * (card_w + GAP), top, card_w, row_h)
                playing = role["id"] == view["turn_of"]
                painter.hits.append(Hit(card, role["name"], lambda r=role["id"]: self.profile(r)))
                painter.box(card, edge=painter.theme.accent if playing else None,
                            edge_width=6 if playing else None)  # fmt: skip
                self.stack(painter, card.inflate(-24, -14), self.team_lines(role, names, detail))
            top += row_h + GAP

    def news_text(self, view) -> str:
        t = self.t
        if not view["news"]:
            return t("No events yet. After each round an event card may be drawn.")
        latest = view["news"][-1]
        return (
            t("Round {round}: {title}", round=latest["round"], title=latest["title"])
            + "\n"
            + prose(latest["text"])
        )

    def draw_news(self, painter: Painter, area: pygame.Rect, text: str) -> None:
        inner = self.panel(painter, area, self.t("News"), "body")
        quiet = not self.app.workshop.state.news
        if quiet and painter.text_height(text, inner.width, "small") > inner.height:
            text = self.t("None yet.")  # the long "no events yet" is only a courtesy
        painter.text(inner, text, "small", painter.theme.muted if quiet else None)

    def agreement_lines(self, view, names) -> list[str]:
        t = self.t
        if not view["agreements"]:
            return [t("None yet.")]
        titles = {project["id"]: project["title"] for project in view["projects"]}
        lines = []
        for agreement in reversed(view["agreements"]):  # the newest first
            state = (
                status_name(t, "signed")
                if agreement["failed_round"] is None
                else t("✗ failed in round {round}", round=agreement["failed_round"])
            )
            members = ", ".join(names[m] for m in agreement["members"])
            lines.append(
                t("Deal {number}: {project}", number=agreement["deal"],
                  project=titles[agreement["project"]]) + f" — {members} ({state})"
            )  # fmt: skip
        return lines

    def draw_agreements(self, painter: Painter, area: pygame.Rect, view, lines) -> None:
        t = self.t
        active = [a for a in view["agreements"] if a["failed_round"] is None]
        inner = self.panel(
            painter, area, t("Signed agreements ({count})", count=len(active)), "body"
        )
        muted = painter.theme.muted if not view["agreements"] else None
        painter.paragraphs(inner, lines, colour=muted)

    # -- the right: every open deal, its terms in full and every answer ---------------------

    def draw_deals(self, painter: Painter, area: pygame.Rect, view, names) -> None:
        t = self.t
        open_deals = [deal for deal in view["deals"] if deal["status"] == "open"]
        inner = self.panel(painter, area, t("On the table ({count})", count=len(open_deals)))
        if not open_deals:
            self._deal_pages = 1
            painter.text(inner, t("No deal on the table yet. A team proposes one on its turn."),
                         "small", painter.theme.muted)  # fmt: skip
            return
        scenario = self.app.workshop.state.scenario
        said = [room_deal(t, scenario, view, deal, names) for deal in reversed(open_deals)]
        note_h = painter.line_height("small") + GAP
        for compact in (False, True):  # the terms in a grid, or in one paragraph
            blocks = [(deal, self.deal_lines(view, deal, names, raw, compact))
                      for deal, raw in zip(said, reversed(open_deals), strict=True)]  # fmt: skip
            heights = [self.deal_height(painter, inner.width, lines) for _, lines in blocks]
            if max(heights) <= inner.height - note_h:
                break
        pages = self.pages(heights, inner.height, note_h)
        self.deal_page = max(0, min(self.deal_page, len(pages) - 1))
        self._deal_pages = len(pages)
        top = inner.top
        self._limit = inner.bottom - (note_h if len(pages) > 1 else 0)
        for index in pages[self.deal_page]:
            deal, lines = blocks[index]
            box = pygame.Rect(inner.left, top, inner.width,
                              min(heights[index], self._limit - top))  # fmt: skip
            self.draw_deal(painter, box, deal, lines)
            top += heights[index] + GAP
        self._limit = None
        if len(pages) > 1:
            shown = pages[self.deal_page]
            note = t("Deals {first}–{last} of {count} (newest first) · PgDn, PgUp",
                     first=shown[0] + 1, last=shown[-1] + 1, count=len(open_deals))  # fmt: skip
            line_h = painter.line_height("small")
            painter.line(pygame.Rect(inner.left, inner.bottom - line_h, inner.width, line_h),
                         note, "small", painter.theme.muted)  # fmt: skip

    @staticmethod
    def pages(heights: list[int], room: int, note: int) -> list[list[int]]:
        """The deals (by index) page by page, as many whole deals on a page as fit; room
        is kept for the page note when there is more than one page."""
        if sum(heights) + GAP * (len(heights) - 1) <= room:
            return [list(range(len(heights)))]
        pages: list[list[int]] = [[]]
        used = 0
        for index, height in enumerate(heights):
            if pages[-1] and used + height > room - note:
                pages.append([])
                used = 0
            pages[-1].append(index)
            used += height + GAP
        return pages

    def deal_lines(self, view, deal: RoomDeal, names, raw, compact: bool = False) -> dict:
        """What one deal's block says: heading, change, terms, answers, signing rule;
        ``compact``: the terms in one paragraph, the changed one saying what it was."""
        t = self.t
        heading = t("Deal {number}: {project}", number=deal.number, project=deal.project)
        heading += " — " + t("from {team}", team=names[deal.proposer])
        change = ""
        if deal.counter_of is not None:
            heading += " · " + t("a counter to deal {number}", number=deal.counter_of)
            if deal.changed:
                change = t("changed: {change}", change=deal.changed)
        terms = [
            (("► " if term.was else "") + issue_and_option(term.issue, term.option), bool(term.was))
            for term in deal.terms
        ]
        if compact:
            terms = [(" · ".join(
                ("► " + issue_and_option(term.issue, term.option) + " "
                 + t("(was {option})", option=term.was)) if term.was
                else issue_and_option(term.issue, term.option)
                for term in deal.terms), False)]  # fmt: skip
            change = ""
        yes = [names[a.role] for a in deal.answers if a.kind == "accepted"]
        waiting = [names[a.role] for a in deal.answers if a.kind == "waiting"]
        answered = "✓ " + t("accepted: {teams}", teams=", ".join(yes)) if yes else ""
        if waiting:
            answered += (
                ("   " if answered else "") + "… " + t("waiting: {roles}", roles=", ".join(waiting))
            )
        noes = [
            "✗ " + (t("{team} rejected: “{reason}”", team=names[a.role], reason=a.heard)
                    if a.heard else t("{team} rejected", team=names[a.role]))
            for a in deal.answers if a.kind == "rejected"
        ]  # fmt: skip
        return {
            "heading": heading,
            "change": change,
            "terms": terms,
            "answers": [line for line in [answered, *noes] if line],
            "rule": rule_words(t, view, raw, names),
            "compact": compact,
        }

    def term_columns(self, width: int, lines: dict) -> int:
        return 2 if width >= 900 and not lines["compact"] else 1

    def deal_height(self, painter: Painter, width: int, lines: dict) -> int:
        inner_w = width - 28
        height = 20 + painter.text_height(lines["heading"], inner_w, "small", True)
        if lines["change"]:
            height += painter.text_height(lines["change"], inner_w, "small", True)
        height += self.terms_height(painter, inner_w, lines) + 6
        for line in lines["answers"]:
            height += painter.text_height(line, inner_w, "small")
        return height + painter.text_height(lines["rule"], inner_w, "small")

    def terms_height(self, painter: Painter, width: int, lines: dict) -> int:
        terms = lines["terms"]
        columns = self.term_columns(width, lines)
        cell_w = (width - 20 - GAP * (columns - 1)) // columns
        heights = [painter.text_height(text, cell_w, "small", bold) for text, bold in terms]
        return sum(max(heights[i : i + columns]) for i in range(0, len(heights), columns))

    def draw_deal(self, painter: Painter, box: pygame.Rect, deal: RoomDeal, lines: dict) -> None:
        theme = painter.theme
        edge = theme.accent if deal.counter_of is not None and deal.changed else None
        painter.box(box, theme.background, edge)
        inner = box.inflate(-28, -20)
        top = inner.top
        top += self.stack(painter, pygame.Rect(inner.left, top, inner.width, 0),
                          [(lines["heading"], "small", True, theme.accent)])  # fmt: skip
        if lines["change"]:
            top += self.stack(painter, pygame.Rect(inner.left, top, inner.width, 0),
                              [(lines["change"], "small", True, theme.accent)])  # fmt: skip
        # the terms in full, two columns where they fit; a counter's changed issue marked
        width = inner.width - 20
        columns = self.term_columns(inner.width, lines)
        cell_w = (width - GAP * (columns - 1)) // columns
        terms = lines["terms"]
        for start in range(0, len(terms), columns):
            row = terms[start : start + columns]
            row_h = max(painter.text_height(text, cell_w, "small", bold) for text, bold in row)
            if self._limit is not None and top + row_h > self._limit:
                return
            for column, (text, bold) in enumerate(row):
                cell = pygame.Rect(inner.left + 20 + column * (cell_w + GAP), top, cell_w,
                                   row_h + 4)  # fmt: skip
                painter.text(cell, text, "small", theme.accent if bold else None, bold)
            top += row_h
        top += 6
        for line in lines["answers"]:
            ink = theme.bad if line.startswith("✗") else None
            top += self.stack(painter, pygame.Rect(inner.left, top, inner.width, 0),
                              [(line, "small", False, ink)])  # fmt: skip
        self.stack(painter, pygame.Rect(inner.left, top, inner.width, 0),
                   [(lines["rule"], "small", False, theme.muted)])  # fmt: skip

    # -- what the buttons do ---------------------------------------------------------------

    def profile(self, role: str) -> None:
        from game.ui.scenes.profile import ProfileScene

        self.app.push(ProfileScene(self.app, role))

    def start_turn(self) -> None:
        from game.ui.scenes.brief import CurtainScene

        workshop = self.app.workshop
        role = workshop.state.current_role
        timer = self.app.timer
        if timer.untouched:
            timer.start()  # round 1: the clock starts with the first turn
        if role is None or not workshop.seat(role).behind_curtain:
            return  # a device team plays on its device; a computer partner on its own
        self.app.message = ""
        if workshop.solo_role == role:
            self.start_solo_turn(role)
        else:
            self.app.push(CurtainScene(self.app, role, "turn"))

    def start_solo_turn(self, role: str) -> None:
        """Practising alone: no curtain; an exercise first when one is due this round."""
        from game.session.practice import turn_exercise
        from game.ui.scenes.exercise import scene_for
        from game.ui.scenes.turn import TurnScene

        self.app.push(TurnScene(self.app, role))
        exercise = turn_exercise(self.app.workshop)
        if exercise is not None:
            self.app.push(scene_for(self.app, exercise))

    def help(self) -> None:
        self.app.help_open = True
