"""Answering a deal: accept, reject with a reason the partners will hear, or counter."""

from __future__ import annotations

import pygame

from game.engine import actions as act
from game.engine.acceptability import reason_sentence
from game.engine.ownview import judge_in_view, project_model, project_of, read_deal
from game.session.dealmath import reading_lines
from game.ui.painter import Painter
from game.ui.scenes.base import PrivateScene, button_row


class RespondScene(PrivateScene):
    name = "respond"

    def __init__(self, app, role: str, deal: int):
        super().__init__(app, role)
        self.deal = deal
        self.rejecting = False
        self.own = ""  # a reason in the team's own words

    def reasons(self, view, reading) -> list[str]:
        """Ready-made reasons the whole table may hear: the one rule's own sentence first
        (it names the option that decided, never a red line's words from our brief)."""
        t = self.t
        deal = next(d for d in view["deals"] if d["number"] == self.deal)
        said_no = [answer["role"] for answer in deal["rejected"]]
        verdict = judge_in_view(view, deal["project"], deal["options"], deal["participants"],
                                said_no, deal["accepted"])  # fmt: skip
        names = {role["id"]: role["name"] for role in view["roles"]}
        project = project_model(view, deal["project"])
        reasons = []
        if not verdict.worth:
            reasons.append(reason_sentence(verdict, project, names))
        reasons += [
            t("It costs us more than we can give."),
            t("It is too risky for us."),
            t("It does not serve our mission."),
        ]
        return list(dict.fromkeys(reasons))

    def draw(self, painter: Painter) -> None:
        t = self.t
        workshop = self.app.workshop
        view = workshop.private_view(self.role)
        role_name = workshop.name(self.role)
        deal = next(d for d in view["deals"] if d["number"] == self.deal)
        project = project_of(view, deal["project"])
        names = {role["id"]: role["name"] for role in view["roles"]}
        area = self.header(
            painter,
            t("Deal {number}: {project}", number=self.deal, project=project["title"]),
            secret=role_name,
        )
        left = pygame.Rect(area.left, area.top, area.width // 2 - 15, area.height)
        right = pygame.Rect(left.right + 30, area.top, area.right - left.right - 30, area.height)
        inner = painter.panel(left, t("The deal, with our points"))
        top = inner.top
        who = t(
            "From {proposer}, with {others}",
            proposer=names[deal["proposer"]],
            others=", ".join(names[r] for r in deal["participants"] if r != deal["proposer"]),
        )
        top += (
            painter.text(
                pygame.Rect(inner.left, top, inner.width, 100),
                who,
                "small",
                painter.theme.muted,
                max_lines=2,
            )
            + 12
        )
        points = view["me"]["points"][deal["project"]]
        terms = []
        for issue, option_id in zip(project["issues"], deal["options"], strict=True):
            option = next(o for o in issue["options"] if o["id"] == option_id)
            terms.append(f"{issue['title']} — {points[issue['id']][option_id]} · {option['label']}")
        room = pygame.Rect(inner.left, top, inner.width, inner.bottom - top)
        top += painter.paragraphs(room, terms, max_lines=2)
        reading = read_deal(view, deal["project"], list(deal["options"]))
        said_no = [answer["role"] for answer in deal["rejected"]]
        verdict = judge_in_view(view, deal["project"], deal["options"], deal["participants"],
                                said_no, deal["accepted"])  # fmt: skip
        lines = reading_lines(t, reading, project, verdict, names)
        items = [(text, painter.tone(tone)) for text, tone in lines]
        room = pygame.Rect(inner.left, top + 10, inner.width, inner.bottom - top - 10)
        painter.paragraphs(room, items, gap=6)
        if self.rejecting:
            self.draw_reasons(painter, right, view, reading)
        else:
            self.draw_answers(painter, right, reading)
        button_row(painter, self.footer(painter), [(t("Back"), self.back, pygame.K_ESCAPE, True)])

    def draw_answers(self, painter: Painter, rect: pygame.Rect, reading) -> None:
        t = self.t
        inner = painter.panel(rect, t("Our answer"))
        refusal = self.app.workshop.check(act.Accept(self.role, self.deal))
        entries = [
            (t("Accept"), self.accept, pygame.K_a, refusal is None),
            (t("Reject, and say why"), self.start_rejecting, pygame.K_r, True),
            (t("Counter with a changed deal"), self.counter, pygame.K_c, True),
        ]
        height = min(100, (inner.height - 200) // 3)
        for index, (label, action, key, enabled) in enumerate(entries):
            painter.button(
                pygame.Rect(inner.left, inner.top + index * (height + 16), inner.width, height),
                label,
                action,
                key,
                enabled,
            )
        if refusal:
            top = inner.top + 3 * (height + 16)
            painter.text(
                pygame.Rect(inner.left, top, inner.width, inner.bottom - top),
                "⚠ " + refusal,
                "small",
                painter.theme.bad,
            )

    def draw_reasons(self, painter: Painter, rect: pygame.Rect, view, reading) -> None:
        t = self.t
        inner = painter.panel(rect, t("Why do we say no?"))
        used = painter.text(inner, t("Everyone at the table hears the reason."), "small",
                            painter.theme.accent, max_lines=2)  # fmt: skip
        reasons = self.reasons(view, reading)
        rows = len(reasons) + 2  # the ready-made reasons, our own words, and its button
        top = inner.top + used + 12
        height = min(90, (inner.bottom - top - 12 * rows) // rows)
        for reason in reasons:
            box = pygame.Rect(inner.left, top, inner.width, height)
            painter.button(box, reason, lambda r=reason: self.reject(r), size="small")
            top += height + 12
        typed = t("Our own words: {text}", text=self.own) + "▏"
        painter.button(pygame.Rect(inner.left, top, inner.width, height), typed, lambda: None,
                       selected=True, size="small")  # fmt: skip
        top += height + 12
        painter.button(pygame.Rect(inner.left, top, inner.width, height),
                       t("Say no with our own words"), lambda: self.reject(self.own.strip()),
                       pygame.K_RETURN, enabled=bool(self.own.strip()), size="small")  # fmt: skip

    def handle(self, event: pygame.event.Event) -> bool:
        """Typing our own reason, while choosing why we say no."""
        if not self.rejecting:
            return False
        if event.type == pygame.TEXTINPUT:
            self.own = (self.own + event.text)[:160]
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            self.own = self.own[:-1]
            return True
        return False

    def back(self) -> None:
        if self.rejecting:
            self.rejecting = False
        else:
            self.app.pop()

    def start_rejecting(self) -> None:
        self.rejecting = True

    def accept(self) -> None:
        if self.app.perform(act.Accept(self.role, self.deal)).ok:
            self.app.to_table()

    def reject(self, reason: str) -> None:
        if self.app.perform(act.Reject(self.role, self.deal, reason)).ok:
            self.app.to_table()

    def counter(self) -> None:
        from game.ui.scenes.deal import DealScene

        self.app.replace(DealScene(self.app, self.role, counter_of=self.deal))
