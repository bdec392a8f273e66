"""A team's turn, behind the curtain: its situation, and everything it may do now.

One main action per turn: propose, answer a deal, explore a partner, consult users,
build a competence, communicate, or pass. Whatever the team chooses goes to the game as
an action; what only the team may learn (an exploration's fact) is shown here, then the
screen hides again before the room sees the table.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.engine import actions as act
from game.ui.painter import Painter
from game.ui.scenes.base import PrivateScene, button_row
from game.ui.words import resources, tag

MODES = ("explore", "consult", "build", "communicate")


def told_us(t, view, role: str, last: int = 3) -> list[str]:
    """What partners told us privately of their no to our deals, or why they countered
    (the newest ``last``, from this round and the one before): a computer partner's
    reason, which the room does not hear."""
    names = {r["id"]: r["name"] for r in view["roles"]}
    said = [
        t("Deal {number} · {partner}: {reason}", number=deal["number"],
          partner=names[answer["role"]], reason=answer["to_proposer"])
        for deal in view["deals"] if deal["proposer"] == role
        and deal["round"] >= view["round"] - 1
        for answer in deal["rejected"] if answer.get("to_proposer")
    ]  # fmt: skip
    if not said:
        return []
    return [t("What partners told us:"), *("✉ " + line for line in said[-last:])]


class TurnScene(PrivateScene):
    name = "turn"

    def __init__(self, app, role: str):
        super().__init__(app, role)
        self.mode: str | None = None

    def draw(self, painter: Painter) -> None:
        t = self.t
        workshop = self.app.workshop
        view = workshop.private_view(self.role)
        role_name = workshop.name(self.role)
        area = self.header(painter, t("Our turn: {role}", role=role_name), secret=role_name)
        left = pygame.Rect(area.left, area.top, area.width * 9 // 20, area.height)
        right = pygame.Rect(left.right + 30, area.top, area.right - left.right - 30, area.height)
        self.draw_situation(painter, left, view)
        if self.mode is None:
            self.draw_actions(painter, right, view)
        else:
            self.draw_choices(painter, right, view)
        button_row(
            painter,
            self.footer(painter),
            [
                (t("Read our brief"), self.read_brief, pygame.K_b, True),
                (
                    t("Hide: back to the table"),
                    self.app.to_table,
                    pygame.K_ESCAPE,
                    self.mode is None,
                ),
            ],
        )

    def draw_situation(self, painter: Painter, rect: pygame.Rect, view) -> None:
        t = self.t
        me = view["me"]
        inner = painter.panel(rect, t("Our situation"))
        free = me["free_this_round"]
        lines = [
            t(
                "Free this round: {amounts}",
                amounts=resources(t, free["staff_time"], free["budget"]),
            )
        ]
        titles = {p["id"]: p["title"] for p in view["projects"]}
        agreed = {a["project"] for a in view["agreements"] if a["failed_round"] is None}
        for project, value in me["walk_away"].items():
            state = (
                t("agreed")
                if project in agreed
                else t("without a deal: {points} points", points=value)
            )
            lines.append(f"• {titles[project]}: {state}")
        for line in me["red_lines"]:
            lines.append("✗ " + t("Red line: {reason}", reason=line["reason"]))
        for insight in me["insights"]:
            lines.append("? " + insight["text"])
        lines += told_us(t, view, self.role)
        painter.paragraphs(inner, lines)

    def draw_actions(self, painter: Painter, rect: pygame.Rect, view) -> None:
        t = self.t
        rules = view["rules"]
        waiting = [
            d
            for d in view["deals"]
            if d["status"] == "open"
            and self.role in d["participants"]
            and self.role not in d["accepted"]
            and self.role not in {r["role"] for r in d["rejected"]}
        ]
        titles = {p["id"]: p["title"] for p in view["projects"]}
        entries: list[tuple[str, object, int | None]] = []
        for deal in waiting[:5]:
            entries.append(
                (
                    t(
                        "Answer deal {number}: {project}",
                        number=deal["number"],
                        project=titles[deal["project"]],
                    ),
                    lambda n=deal["number"]: self.answer(n),
                    None,
                )
            )
        entries += [
            (t("Propose a deal"), self.propose, pygame.K_p),
            (
                t("Explore a partner ({cost})", cost=cost_text(t, rules["explore_cost"])),
                lambda: self.set_mode("explore"),
                pygame.K_e,
            ),
            (
                t("Consult users ({cost})", cost=cost_text(t, rules["consult_cost"])),
                lambda: self.set_mode("consult"),
                pygame.K_u,
            ),
            (
                t("Build a competence ({cost})", cost=cost_text(t, rules["build_competence_cost"])),
                lambda: self.set_mode("build"),
                pygame.K_c,
            ),
            (
                t("Communicate ({cost})", cost=cost_text(t, rules["communicate_cost"])),
                lambda: self.set_mode("communicate"),
                pygame.K_n,
            ),
            (t("Pass"), self.pass_turn, None),
        ]
        self.draw_list(painter, rect, t("What do we do?"), entries)

    def draw_choices(self, painter: Painter, rect: pygame.Rect, view) -> None:
        """The second step of explore, consult, build and communicate: which one?"""
        t = self.t
        role = self.role
        if self.mode == "explore":
            title = t("Which partner do we explore?")
            choices = [
                (r["name"], act.Explore(role, r["id"])) for r in view["roles"] if r["id"] != role
            ]
        elif self.mode == "consult":
            title = t("Which project's users do we consult?")
            choices = [(p["title"], act.ConsultUsers(role, p["id"])) for p in view["projects"]]
        elif self.mode == "build":
            title = t("Which competence do we build?")
            have = next(r for r in view["roles"] if r["id"] == role)["competencies"]
            choices = [
                (tag(c), act.BuildCompetence(role, c)) for c in view["learnable"] if c not in have
            ]
        else:
            title = t("How do we tell people?")
            choices = [(t("A newsletter"), act.Communicate(role, "newsletter")),
                       (t("A flyer"), act.Communicate(role, "flyer"))]  # fmt: skip
        entries = [(label, partial(self.send, action), None) for label, action in choices]
        entries.append((t("Back"), lambda: self.set_mode(None), pygame.K_ESCAPE))
        self.draw_list(painter, rect, title, entries)

    def draw_list(self, painter: Painter, rect: pygame.Rect, title: str, entries) -> None:
        inner = painter.panel(rect, title)
        gap = 12
        height = min(90, (inner.height - gap * (len(entries) - 1)) // max(1, len(entries)))
        for index, (label, action, key) in enumerate(entries):
            button = pygame.Rect(
                inner.left, inner.top + index * (height + gap), inner.width, height
            )
            painter.button(button, label, action, key, size="small")

    # -- what the buttons do ---------------------------------------------------------------

    def set_mode(self, mode: str | None) -> None:
        self.mode = mode

    def read_brief(self) -> None:
        self.app.push(self.app.make("brief", self.role, back_to_turn=True))

    def propose(self) -> None:
        from game.ui.scenes.deal import DealScene

        self.app.push(DealScene(self.app, self.role))

    def answer(self, number: int) -> None:
        from game.ui.scenes.respond import RespondScene

        self.app.push(RespondScene(self.app, self.role, number))

    def pass_turn(self) -> None:
        self.send(act.Pass(self.role))

    def send(self, action: act.Action) -> None:
        outcome = self.app.perform(action)
        if not outcome.ok:
            return  # the refusal is on the message strip; the team chooses again
        if outcome.private:
            from game.ui.scenes.result import ResultScene

            self.app.replace(ResultScene(self.app, self.role, outcome.private))
        else:
            self.app.to_table()


def cost_text(t, cost: dict) -> str:
    parts = []
    if cost.get("staff_time"):
        parts.append(t("{n} staff", n=cost["staff_time"]))
    if cost.get("budget"):
        parts.append(t("{n} budget", n=cost["budget"]))
    return ", ".join(parts) or t("free")
