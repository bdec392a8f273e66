"""Perspective-taking exercises: see the game through a computer partner's eyes.

Two exercises, both private to the person practising: rank a partner's issues of a
project (most important to the partner first), or say whether a partner will accept the
deal just put on the table. Before the answer the screen shows only what the person may
know: the partner's public profile and what exploring it taught them. After it, the
partner's truth (the engine's ``Prediction.truth_ranking`` or ``truth_accepts``) and the
score: that is the lesson.
"""

from __future__ import annotations

import pygame

from game.engine import actions as act
from game.session.practice import Exercise
from game.ui.painter import Painter
from game.ui.scenes.base import PrivateScene, button_row
from game.ui.words import prose, status_name

# letters, not digits, pick an issue: a key hint "[1]" beside an issue read as its rank
ISSUE_KEYS = (pygame.K_a, pygame.K_b, pygame.K_c, pygame.K_d, pygame.K_e,
              pygame.K_f, pygame.K_g, pygame.K_h, pygame.K_i)  # fmt: skip


class ExerciseScene(PrivateScene):
    """What both exercises share: the partner's public side, skipping, the prediction."""

    kind = ""

    def __init__(self, app, exercise: Exercise):
        super().__init__(app, exercise.role)
        self.exercise = exercise
        self.prediction: dict | None = None  # the engine's record, once predicted
        if exercise.answered is not None:  # a partner's answer to an earlier prediction
            made = app.workshop.private_view(exercise.role)["me"]["predictions"]
            self.prediction = made[exercise.answered]

    @property
    def partner(self) -> str:
        return self.app.workshop.name(self.exercise.target)

    def project(self, view) -> dict:
        return next(p for p in view["projects"] if p["id"] == self.exercise.project)

    def frame(self, painter: Painter, title: str) -> tuple[dict, dict, pygame.Rect, pygame.Rect]:
        """The confidential header and the two columns: our view, the project, left, right."""
        workshop = self.app.workshop
        view = workshop.private_view(self.role)
        area = self.header(painter, title, secret=workshop.name(self.role))
        left = pygame.Rect(area.left, area.top, area.width * 2 // 5, area.height)
        right = pygame.Rect(left.right + 30, area.top, area.right - left.right - 30, area.height)
        return view, self.project(view), left, right

    def draw_partner(self, painter: Painter, rect: pygame.Rect, view) -> None:
        """The partner as everyone sees it, and what we found out ourselves: no secrets."""
        t = self.t
        role = next(r for r in view["roles"] if r["id"] == self.exercise.target)
        inner = painter.panel(rect, t("Their public profile"))
        items: list = [
            (t("Mission"), painter.theme.accent),
            prose(role["mission"]),
            (t("Passion"), painter.theme.accent),
            prose(role["passion"]),
            (t("Ambitions"), painter.theme.accent),
            *("• " + prose(ambition) for ambition in role["ambitions"]),
        ]
        found = [i["text"] for i in view["me"]["insights"] if i["about"] == self.exercise.target]
        if found:
            items.append((t("What we found out"), painter.theme.accent))
            items += ["? " + text for text in found]
        painter.paragraphs(inner, items, gap=6, max_lines=4)

    def predict(self, action: act.Predict) -> None:
        """Send the prediction; keep the room's news (a practice answer is not news)."""
        news = self.app.message
        outcome = self.app.perform(action)
        if outcome.ok:
            self.app.message = news
            self.prediction = self.app.workshop.private_view(self.role)["me"]["predictions"][-1]

    def skip(self) -> None:
        self.app.workshop.practice_skipped.add((self.kind, self.app.workshop.state.round))
        self.app.pop()

    def go_on(self) -> None:
        self.app.pop()

    def score_line(self) -> str:
        return self.t("Your score: {score} of 100", score=self.prediction["score"])


class RankScene(ExerciseScene):
    """Rank a partner's issues of a project, most important to the partner first."""

    name = "rank"
    kind = "rank"

    def __init__(self, app, exercise: Exercise):
        super().__init__(app, exercise)
        self.ranking: list[str] = []

    def draw(self, painter: Painter) -> None:
        t = self.t
        view, project, left, right = self.frame(
            painter, t("Through {partner}'s eyes", partner=self.partner)
        )
        self.draw_partner(painter, left, view)
        if self.prediction is None:
            self.draw_question(painter, right, project)
            complete = len(self.ranking) == len(project["issues"])
            buttons = [
                (t("Skip this exercise"), self.skip, pygame.K_ESCAPE, True),
                (t("Start over"), self.start_over, pygame.K_BACKSPACE, bool(self.ranking)),
                (t("Check my ranking"), self.check, pygame.K_RETURN, complete),
            ]
        else:
            self.draw_truth(painter, right, project)
            buttons = [(t("Go on"), self.go_on, pygame.K_RETURN, True)]
        button_row(painter, self.footer(painter), buttons)

    def draw_question(self, painter: Painter, rect: pygame.Rect, project) -> None:
        t = self.t
        inner = painter.panel(rect, t("What matters most to them?"))
        question = t(
            "How does {partner} rank the issues of {project}? Click them in order, the most "
            "important to {partner} first.",
            partner=self.partner,
            project=project["title"],
        )
        top = inner.top + painter.text(inner, question, "small", painter.theme.muted, max_lines=3)
        issues = project["issues"]
        gap = 12
        height = min(90, (inner.bottom - top - 12 - gap * (len(issues) - 1)) // len(issues))
        for index, issue in enumerate(issues):
            place = self.ranking.index(issue["id"]) + 1 if issue["id"] in self.ranking else None
            label = issue["title"]
            if place:
                label = t("Place {place}: {issue}", place=place, issue=label)
            painter.button(
                pygame.Rect(inner.left, top + 12 + index * (height + gap), inner.width, height),
                label,
                lambda i=issue["id"]: self.pick(i),
                ISSUE_KEYS[index] if index < len(ISSUE_KEYS) else None,
                selected=place is not None,
                size="small",
            )

    def draw_truth(self, painter: Painter, rect: pygame.Rect, project) -> None:
        t = self.t
        inner = painter.panel(rect, self.score_line())
        truth = self.prediction["truth_ranking"]
        said = self.prediction["ranking"]
        titles = {issue["id"]: issue["title"] for issue in project["issues"]}
        items: list = [(t("How {partner} really ranks them:", partner=self.partner),
                        painter.theme.accent)]  # fmt: skip
        for place, issue in enumerate(truth, 1):
            yours = said.index(issue) + 1 if issue in said else 0
            mark = "✓" if yours == place else "✗"
            note = t("you said {place}", place=yours)
            items.append(f"{place}. {titles[issue]}   {mark} {note}")
        items.append(
            (
                t(
                    "An issue matters more to a partner the further apart its options lie "
                    "in the partner's points: that is where it will not give way."
                ),
                painter.theme.muted,
            )
        )
        painter.paragraphs(inner, items, gap=8, max_lines=3)

    def pick(self, issue: str) -> None:
        """Click an issue to give it the next place; click a ranked one to take it back."""
        if issue in self.ranking:
            self.ranking.remove(issue)
        else:
            self.ranking.append(issue)

    def start_over(self) -> None:
        self.ranking = []

    def check(self) -> None:
        exercise = self.exercise
        self.predict(
            act.Predict(self.role, exercise.target, exercise.project, ranking=tuple(self.ranking))
        )


class AcceptScene(ExerciseScene):
    """Will a partner named in the deal just proposed accept it? Asked before it answers."""

    name = "predict"
    kind = "accept"

    def draw(self, painter: Painter) -> None:
        t = self.t
        view, project, left, right = self.frame(
            painter, t("Will {partner} say yes?", partner=self.partner)
        )
        top_h = left.height * 11 // 20
        self.draw_deal(painter, pygame.Rect(left.left, left.top, left.width, top_h), view, project)
        self.draw_partner(
            painter,
            pygame.Rect(left.left, left.top + top_h + 20, left.width, left.height - top_h - 20),
            view,
        )
        if self.prediction is None:
            self.draw_question(painter, right)
            buttons = [(t("Skip this exercise"), self.skip, pygame.K_ESCAPE, True)]
        else:
            self.draw_truth(painter, right)
            buttons = [(t("Go on"), self.go_on, pygame.K_RETURN, True)]
        button_row(painter, self.footer(painter), buttons)

    def draw_deal(self, painter: Painter, rect: pygame.Rect, view, project) -> None:
        t = self.t
        deal = next(d for d in view["deals"] if d["number"] == self.exercise.deal)
        inner = painter.panel(rect, t("Deal {number}", number=deal["number"]))
        names = {role["id"]: role["name"] for role in view["roles"]}
        items: list = [
            (project["title"], painter.theme.accent),
            (", ".join(names[r] for r in deal["participants"]), painter.theme.muted),
        ]
        for issue, option_id in zip(project["issues"], deal["options"], strict=False):
            label = next((o["label"] for o in issue["options"] if o["id"] == option_id), option_id)
            items.append(f"{issue['title']} — {label}")
        painter.paragraphs(inner, items, gap=4, max_lines=2)

    def draw_question(self, painter: Painter, rect: pygame.Rect) -> None:
        t = self.t
        inner = painter.panel(rect, t("Your prediction"))
        question = t(
            "When its turn comes, will {partner} accept this deal? Think of its mission, "
            "what it gets without a deal, and what it would never do.",
            partner=self.partner,
        )
        top = inner.top + painter.text(inner, question, "body", max_lines=5) + 30
        height = min(100, (inner.bottom - top - 20) // 2)
        for index, (label, accepts, key) in enumerate(
            (
                (t("Yes: it will accept"), True, pygame.K_y),
                (t("No: it will say no"), False, pygame.K_n),
            )
        ):
            painter.button(
                pygame.Rect(inner.left, top + index * (height + 20), inner.width, height),
                label,
                lambda a=accepts: self.answer(a),
                key,
            )

    def draw_truth(self, painter: Painter, rect: pygame.Rect) -> None:
        """Before the partner answers: the prediction is noted. After: the answer key, the
        partner's own reason and the score (``Prediction.answer``, ``truth``)."""
        t = self.t
        prediction = self.prediction
        said = (
            t("You said: it will accept.")
            if prediction["accepts"]
            else t("You said: it will say no.")
        )
        if not prediction["answer"]:
            inner = painter.panel(rect, t("Your prediction is noted"))
            wait = t(
                "{partner} answers on its own turn. You will see its answer, and why, as "
                "soon as it has answered.",
                partner=self.partner,
            )
            painter.paragraphs(inner, [said, (wait, painter.theme.accent)], "body", gap=20)
            return
        if prediction["score"] is None:
            inner = painter.panel(rect, t("Not scored"))
            view = self.app.workshop.private_view(self.role)
            deal = next(d for d in view["deals"] if d["number"] == prediction["deal"])
            closed = t(
                "Deal {number} closed before {partner} answered it ({status}): this "
                "prediction is not scored.",
                number=prediction["deal"],
                partner=self.partner,
                status=status_name(t, deal["status"]),
            )
            painter.paragraphs(inner, [said, (closed, painter.theme.accent)], "body", gap=20)
            return
        right = prediction["score"] == 100
        title = ("✓ " if right else "✗ ") + self.score_line()
        inner = painter.panel(rect, title, edge=painter.theme.good if right else painter.theme.bad)
        truth = answer_words(t, prediction, self.partner)
        told = prediction["truth"]  # what the partner said to us, if to us (or aloud)
        why = t("In its words: {reason}", reason=told) if told else ""
        rule = t(
            "A partner cannot sign a deal that crosses a red line, asks more than it has "
            "left or needs a partner who does not sign; it refuses one below what it has "
            "without a deal or riskier than it can carry; of the rest it holds out for more "
            "until the deal reaches what it hopes for, which falls as the rounds pass."
        )
        items = [said, (truth, painter.theme.accent), *([why] if why else [])]
        painter.paragraphs(inner, [*items, (rule, painter.theme.muted)], "body", gap=16)

    def answer(self, accepts: bool) -> None:
        exercise = self.exercise
        self.predict(
            act.Predict(
                self.role, exercise.target, exercise.project, deal=exercise.deal, accepts=accepts
            )
        )


def answer_words(t, prediction: dict, partner: str) -> str:
    """The answer key (``acceptability.ANSWERS``) as the truth the person reads: what the
    partner did (accepted, said no, countered) and what kind of answer it was."""
    kind, counter = prediction["answer"], prediction.get("countered")
    if kind == "accepts":
        return t("The truth: {partner} accepted the deal.", partner=partner)
    said = {
        "cannot sign": (
            t("The truth: {partner} said no: it could not sign this deal.", partner=partner),
            t("The truth: {partner} countered with deal {number}: it could not sign this "
              "deal.", partner=partner, number=counter),
        ),
        "would refuse": (
            t("The truth: {partner} said no: the deal was not worth signing for it.",
              partner=partner),
            t("The truth: {partner} countered with deal {number}: the deal was not worth "
              "signing for it.", partner=partner, number=counter),
        ),
        "holds out for more": (
            t("The truth: {partner} said no: it held out for more.", partner=partner),
            t("The truth: {partner} countered with deal {number}: it held out for more.",
              partner=partner, number=counter),
        ),
    }  # fmt: skip
    if kind not in said:
        return kind
    return said[kind][counter is not None]
