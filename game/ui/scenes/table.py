"""The table: what the whole room sees between the teams' private screens.

Every role's public profile and resources, the deals on the table with each answer, the
signed agreements, the round, the timer and the event news. Nothing confidential: the
table draws the public view only.
"""

from __future__ import annotations

import pygame

from game.engine.acceptability import signing_rule
from game.engine.ownview import project_model
from game.ui.painter import Hit, Painter
from game.ui.scenes.base import Scene, button_row, content_bottom
from game.ui.words import prose, sector_name, status_name, tag


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

    def draw(self, painter: Painter) -> None:
        t = self.t
        workshop = self.app.workshop
        view = workshop.public_view()
        width, _ = painter.size
        self.draw_top(painter, view)
        top, bottom = 130, content_bottom(painter)
        left = pygame.Rect(40, top, (width - 110) * 9 // 20, bottom - top)
        right = pygame.Rect(left.right + 30, top, width - 40 - left.right - 30, bottom - top)
        roles_area = pygame.Rect(left.left, left.top, left.width, left.height * 7 // 10)
        news_area = pygame.Rect(
            left.left, roles_area.bottom + 20, left.width, left.bottom - roles_area.bottom - 20
        )
        self.draw_roles(painter, roles_area, view)
        self.draw_news(painter, news_area, view)
        deals_area = pygame.Rect(right.left, right.top, right.width, right.height * 3 // 4)
        agreements_area = pygame.Rect(
            right.left, deals_area.bottom + 20, right.width, right.bottom - deals_area.bottom - 20
        )
        self.draw_deals(painter, deals_area, view)
        self.draw_agreements(painter, agreements_area, view)
        turn_of = view["turn_of"]
        buttons = []
        if turn_of is not None and workshop.seat(turn_of).computer:
            team = workshop.seat(turn_of).team
            # short enough for 1024×768 with a long name; F6 and F10 are in the help
            thinking = t("{team} is thinking…", team=team)
            buttons.append((thinking, self.start_turn, None, False))
        elif turn_of is not None:
            team = workshop.seat(turn_of).team
            buttons.append(
                (
                    t("{team}: start your turn", team=team),
                    self.start_turn,
                    pygame.K_RETURN,
                    not view["paused"],
                )
            )
        buttons.append((t("Trainer's keys"), self.help, pygame.K_F1, True))
        button_row(painter, self.footer(painter), buttons)

    def draw_top(self, painter: Painter, view) -> None:
        t = self.t
        width, _ = painter.size
        band = pygame.Rect(40, 10, width - 80, 110)
        status = t(
            "Round {round} of {rounds}", round=view["round"], rounds=view["scenario"]["rounds"]
        )
        if self.app.timer.enabled:
            if self.app.timer.up:
                status += "  ·  " + t("time is up (F6 skips, F3 adds a minute)")
            else:
                status += "  ·  " + t("◷ {clock} left", clock=self.app.timer.shown())
                if not self.app.timer.running:
                    status += " " + t("(stopped: F3)")
        status_px = painter.type.width(status, painter.px("body"), True) / painter.layout.scale
        status_w = min(band.width * 3 // 5, int(status_px) + 10)
        title_rect = pygame.Rect(
            band.left, band.top, band.width - status_w - 30, band.height * 3 // 5
        )
        painter.line(title_rect, view["scenario"]["title"], "heading", bold=True)
        last = view["round"] >= view["scenario"]["rounds"]
        painter.line(
            pygame.Rect(band.left, title_rect.bottom, band.width, band.height - title_rect.height),
            ending_words(t, view),
            "small",
            painter.theme.accent if last else painter.theme.muted,
            bold=last,
        )
        painter.line(
            pygame.Rect(band.right - status_w, band.top, status_w, band.height),
            status,
            "body",
            painter.theme.accent,
            bold=True,
            align="right",
        )

    def draw_roles(self, painter: Painter, area: pygame.Rect, view) -> None:
        t = self.t
        roles = view["roles"]
        columns = 2 if len(roles) <= 4 else 3
        rows = -(-len(roles) // columns)
        gap = 16
        card_w = (area.width - gap * (columns - 1)) // columns
        card_h = (area.height - gap * (rows - 1)) // rows
        for index, role in enumerate(roles):
            column, row = index % columns, index // columns
            card = pygame.Rect(
                area.left + column * (card_w + gap), area.top + row * (card_h + gap), card_w, card_h
            )
            playing = role["id"] == view["turn_of"]
            painter.hits.append(Hit(card, role["name"], lambda r=role["id"]: self.profile(r)))
            painter.box(
                card,
                edge=painter.theme.accent if playing else None,
                edge_width=6 if playing else None,
            )
            inner = card.inflate(-28, -20)
            marker = "▶ " if playing else ""
            top = inner.top
            team = self.app.workshop.seat(role["id"]).team.strip()
            own_name = bool(team) and team != role["name"]  # a team's own name first
            top += painter.text(
                pygame.Rect(inner.left, top, inner.width, inner.height * 2 // 5),
                marker + (team if own_name else role["name"]),
                "body",
                bold=True,
                max_lines=1 if own_name else 2,
            )
            for line in ([role["name"]] if own_name else []) + [sector_name(t, role["sector"])]:
                top += painter.text(
                    pygame.Rect(inner.left, top, inner.width, 50),
                    line,
                    "small",
                    painter.theme.muted,
                    max_lines=1,
                )
            have = role["resources_per_round"]
            used = role["committed_per_round"]
            for line in (
                t("Staff {have} ({used} in use)", have=have["staff_time"], used=used["staff_time"]),
                t("Budget {have} ({used} in use)", have=have["budget"], used=used["budget"]),
            ):
                top += painter.text(
                    pygame.Rect(inner.left, top, inner.width, inner.bottom - top),
                    line,
                    "small",
                    max_lines=1,
                )
            brand = t("Brand {level}/10", level=role["brand"]) + "  " + "★" * min(10, role["brand"])
            top += (
                painter.text(
                    pygame.Rect(inner.left, top, inner.width, inner.bottom - top),
                    brand,
                    "small",
                    painter.theme.accent,
                    max_lines=1,
                )
                + 4
            )
            painter.text(
                pygame.Rect(inner.left, top, inner.width, inner.bottom - top),
                ", ".join(tag(c) for c in role["competencies"]),
                "small",
                painter.theme.muted,
                max_lines=2,
            )

    def draw_deals(self, painter: Painter, area: pygame.Rect, view) -> None:
        t = self.t
        open_deals = [deal for deal in view["deals"] if deal["status"] == "open"]
        inner = painter.panel(area, t("On the table ({count})", count=len(open_deals)))
        if not open_deals:
            painter.text(
                inner,
                t("No deal on the table yet. A team proposes one on its turn."),
                "small",
                painter.theme.muted,
            )
            return
        names = {role["id"]: role["name"] for role in view["roles"]}
        top = inner.top
        for shown, deal in enumerate(reversed(open_deals)):  # the newest first
            after = len(open_deals) - shown - 1  # deals still to show after this one
            room = painter.line_height("small") * (4 + (1 if after else 0))
            if top + room > inner.bottom:
                painter.text(
                    pygame.Rect(inner.left, top, inner.width, inner.bottom - top),
                    t(
                        "… and {count} older deals (F8 polls the newest)",
                        count=len(open_deals) - shown,
                    ),
                    "small",
                    painter.theme.muted,
                    max_lines=1,
                )
                break
            top += (
                self.draw_deal(
                    painter,
                    pygame.Rect(inner.left, top, inner.width, inner.bottom - top),
                    deal,
                    view,
                    names,
                )
                + 10
            )

    def draw_deal(self, painter: Painter, rect: pygame.Rect, deal, view, names) -> int:
        """Three lines: the deal; who said yes, no, and who is still to answer; its options."""
        t = self.t
        project = next(p for p in view["projects"] if p["id"] == deal["project"])
        rejected = {item["role"] for item in deal["rejected"]}
        yes = [names[r] for r in deal["participants"] if r in deal["accepted"]]
        no = [names[r] for r in deal["participants"] if r in rejected]
        waiting = [
            names[r]
            for r in deal["participants"]
            if r not in deal["accepted"] and r not in rejected
        ]
        answers = "✓ " + ", ".join(yes)
        if no:
            answers += "   ✗ " + ", ".join(no)
        if waiting:
            answers += "   … " + t("waiting: {roles}", roles=", ".join(waiting))
        heading = t("Deal {number}: {project}", number=deal["number"], project=project["title"])
        chosen = [
            next((o["label"] for o in issue["options"] if o["id"] == option_id), option_id)
            for issue, option_id in zip(project["issues"], deal["options"], strict=False)
        ]
        line_h = painter.line_height("small")
        lines = [(heading, painter.theme.accent, True), (answers, None, False),
                 (" · ".join(chosen), painter.theme.muted, False),
                 (rule_words(t, view, deal, names), painter.theme.muted, False)]  # fmt: skip
        for index, (text, colour, bold) in enumerate(lines):
            indent = 0 if index == 0 else 20
            box = pygame.Rect(
                rect.left + indent, rect.top + index * line_h, rect.width - indent, line_h
            )
            painter.line(box, text, "small", colour, bold=bold)
        return len(lines) * line_h

    def draw_agreements(self, painter: Painter, area: pygame.Rect, view) -> None:
        t = self.t
        active = [a for a in view["agreements"] if a["failed_round"] is None]
        inner = painter.panel(area, t("Signed agreements ({count})", count=len(active)))
        if not view["agreements"]:
            painter.text(inner, t("None yet."), "small", painter.theme.muted)
            return
        names = {role["id"]: role["name"] for role in view["roles"]}
        titles = {project["id"]: project["title"] for project in view["projects"]}
        lines = []
        for agreement in view["agreements"]:
            state = (
                status_name(t, "signed")
                if agreement["failed_round"] is None
                else t("✗ failed in round {round}", round=agreement["failed_round"])
            )
            members = ", ".join(names[m] for m in agreement["members"])
            lines.append(f"{titles[agreement['project']]} — {members} ({state})")
        painter.paragraphs(inner, lines, max_lines=2)

    def draw_news(self, painter: Painter, area: pygame.Rect, view) -> None:
        t = self.t
        inner = painter.panel(area, t("News"))
        if not view["news"]:
            painter.text(
                inner,
                t("No events yet. After each round an event card may be drawn."),
                "small",
                painter.theme.muted,
            )
            return
        latest = view["news"][-1]
        text = (
            t("Round {round}: {title}", round=latest["round"], title=latest["title"])
            + "\n"
            + prose(latest["text"])
        )
        painter.text(inner, text, "small")

    def profile(self, role: str) -> None:
        from game.ui.scenes.profile import ProfileScene

        self.app.push(ProfileScene(self.app, role))

    def start_turn(self) -> None:
        from game.ui.scenes.brief import CurtainScene

        role = self.app.workshop.state.current_role
        timer = self.app.timer
        if timer.untouched:
            timer.start()  # round 1: the clock starts with the first turn
        if role is None:
            return
        self.app.message = ""
        if self.app.workshop.solo_role == role:
            self.start_solo_turn(role)
        else:
            self.app.push(CurtainScene(self.app, role, "turn"))

    def start_solo_turn(self, role: str) -> None:
        """Practising alone: no curtain; an exercise first when one is due this round."""
        from game.session.practice import ranking_exercise
        from game.ui.scenes.exercise import RankScene
        from game.ui.scenes.turn import TurnScene

        self.app.push(TurnScene(self.app, role))
        exercise = ranking_exercise(self.app.workshop)
        if exercise is not None:
            self.app.push(RankScene(self.app, exercise))

    def help(self) -> None:
        self.app.help_open = True
