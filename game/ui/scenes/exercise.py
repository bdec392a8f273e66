"""Perspective-taking exercises: see the game through a computer partner's eyes.

The exercises, all private to the person practising: rank a partner's issues of a
project (most important to the partner first); say which answer a partner will give the
deal just put on the table (cannot sign, would refuse, holds out for more, accepts); pick
what it gets without a deal, its favourite option on an issue, its risk limit, or what
kind of partner it is. Before the answer the screen shows only what the person may know:
the partner's public profile and what exploring it taught them. After it, the partner's
truth (the engine's ``Prediction``) and the score, and why: the profile sentences that
hinted at it and what the partner's brief says (``practice.explained``, read only once
the prediction is scored). That is the lesson.
"""

from __future__ import annotations

import pygame

from game.bots.personality import PERSONALITIES
from game.engine import actions as act
from game.engine.acceptability import ANSWERS
from game.engine.questions import band_of
from game.session.explain import Revealed, issue_hints
from game.session.practice import Exercise, choices_for, explained
from game.ui.painter import Painter
from game.ui.scenes.base import PrivateScene, button_row
from game.ui.words import personality_name, prose, status_name

# letters, not digits, pick an issue: a key hint "[1]" beside an issue read as its rank
ISSUE_KEYS = (pygame.K_a, pygame.K_b, pygame.K_c, pygame.K_d, pygame.K_e,
              pygame.K_f, pygame.K_g, pygame.K_h, pygame.K_i)  # fmt: skip
# digits pick one answer of a few
CHOICE_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6,
               pygame.K_7, pygame.K_8, pygame.K_9)  # fmt: skip


class ExerciseScene(PrivateScene):
    """What both exercises share: the partner's public side, skipping, the prediction."""

    def __init__(self, app, exercise: Exercise):
        super().__init__(app, exercise.role)
        self.exercise = exercise
        self.prediction: dict | None = None  # the engine's record, once predicted
        self.index: int | None = None  # its place in the person's predictions
        if exercise.answered is not None:  # a partner's answer to an earlier prediction
            made = app.workshop.private_view(exercise.role)["me"]["predictions"]
            self.prediction = made[exercise.answered]
            self.index = exercise.answered

    @property
    def partner(self) -> str:
        return self.app.workshop.name(self.exercise.target)

    def project(self, view) -> dict:
        return next(p for p in view["projects"] if p["id"] == self.exercise.project)

    #: the left column's share of the width (the partner's side, and a deal's terms)
    left_share = 2 / 5

    def frame(self, painter: Painter, title: str) -> tuple[dict, dict, pygame.Rect, pygame.Rect]:
        """The confidential header and the two columns: our view, the project, left, right."""
        workshop = self.app.workshop
        view = workshop.private_view(self.role)
        area = self.header(painter, title, secret=workshop.name(self.role))
        left = pygame.Rect(area.left, area.top, int(area.width * self.left_share), area.height)
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
            made = self.app.workshop.private_view(self.role)["me"]["predictions"]
            self.prediction, self.index = made[-1], len(made) - 1

    def revealed(self) -> Revealed | None:
        """The partner's brief behind our scored prediction (None before it is scored)."""
        return None if self.index is None else explained(self.app.workshop, self.index)

    def skip(self) -> None:
        kind = self.exercise.kind
        self.app.workshop.practice_skipped.add((kind, self.app.workshop.state.round))
        self.app.pop()

    def go_on(self) -> None:
        self.app.pop()

    def score_line(self) -> str:
        return self.t("Your score: {score} of 100", score=self.prediction["score"])


class RankScene(ExerciseScene):
    """Rank a partner's issues of a project, most important to the partner first."""

    name = "rank"

    def __init__(self, app, exercise: Exercise):
        super().__init__(app, exercise)
        self.ranking: list[str] = []

    def draw(self, painter: Painter) -> None:
        t = self.t
        view, project, left, right = self.frame(
            painter, t("Through {partner}'s eyes", partner=self.partner)
        )
        if self.prediction is None:
            self.draw_partner(painter, left, view)
            self.draw_question(painter, right, project)
            complete = len(self.ranking) == len(project["issues"])
            buttons = [
                (t("Skip this exercise"), self.skip, pygame.K_ESCAPE, True),
                (t("Start over"), self.start_over, pygame.K_BACKSPACE, bool(self.ranking)),
                (t("Check my ranking"), self.check, pygame.K_RETURN, complete),
            ]
        else:
            self.draw_hints(painter, left)
            self.draw_truth(painter, right, project)
            buttons = [(t("Go on"), self.go_on, pygame.K_RETURN, True)]
        button_row(painter, self.footer(painter), buttons)

    def draw_hints(self, painter: Painter, rect: pygame.Rect) -> None:
        """After the answer: the public profile's sentences that pointed at each issue, in
        the partner's true order."""
        t = self.t
        inner = painter.panel(rect, t("What its profile told you"))
        truth = self.prediction["truth_ranking"]
        hints = {
            h.issue: h
            for h in issue_hints(
                self.app.workshop.state.scenario, self.exercise.target, self.exercise.project
            )
        }
        items: list = []
        for place, issue in enumerate(truth, 1):
            items.append((f"{place}. {hints[issue].title}", painter.theme.accent))
            said = hints[issue].sentences[:2]
            items += [f"“{prose(sentence)}”" for sentence in said] or [
                (t("Nothing in its profile speaks of this issue."), painter.theme.muted)
            ]
        painter.paragraphs(inner, items, gap=4, max_lines=3)

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
        """The true order beside ours, and now that the answer is in, the partner's points
        per option: an issue matters the more, the further apart they lie."""
        t = self.t
        inner = painter.panel(rect, self.score_line())
        truth = self.prediction["truth_ranking"]
        said = self.prediction["ranking"]
        issues = {issue["id"]: issue for issue in project["issues"]}
        brief = self.revealed()
        items: list = [(t("How {partner} really ranks them, with its points:",
                          partner=self.partner), painter.theme.accent)]  # fmt: skip
        for place, issue in enumerate(truth, 1):
            yours = said.index(issue) + 1 if issue in said else 0
            mark = "✓" if yours == place else "✗"
            note = t("you said {place}", place=yours)
            items.append(f"{place}. {issues[issue]['title']}   {mark} {note}")
            if brief is not None:
                points = brief.points[issue]
                options = sorted(issues[issue]["options"], key=lambda o: -points[o["id"]])
                figures = " · ".join(f"{o['label']} ({points[o['id']]})" for o in options)
                items.append((figures, painter.theme.muted))
        items.append(
            (
                t(
                    "An issue matters more to a partner the further apart its options lie "
                    "in the partner's points: that is where it will not give way."
                ),
                painter.theme.muted,
            )
        )
        painter.paragraphs(inner, items, gap=6, max_lines=3)

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
    left_share = 1 / 2  # a deal's terms and the profile beside the four verdicts

    def draw(self, painter: Painter) -> None:
        t = self.t
        view, project, left, right = self.frame(
            painter, t("Will {partner} say yes?", partner=self.partner)
        )
        # the deal takes the room its terms need (at most seven tenths of the column),
        # the partner's public profile the rest
        items = self.deal_items(painter, view, project)
        title = t("Deal {number}", number=self.exercise.deal)
        needed = painter.panel_height(left.width, title, items, gap=4, max_lines=2)
        top_h = min(needed, left.height * 7 // 10)
        deal = pygame.Rect(left.left, left.top, left.width, top_h)
        painter.paragraphs(painter.panel(deal, title), items, gap=4, max_lines=2)
        self.draw_partner(
            painter,
            pygame.Rect(left.left, deal.bottom + 20, left.width, left.bottom - deal.bottom - 20),
            view,
        )
        if self.prediction is None:
            self.draw_question(painter, right)
            buttons = [(t("Skip this exercise"), self.skip, pygame.K_ESCAPE, True)]
        else:
            self.draw_truth(painter, right)
            buttons = [(t("Go on"), self.go_on, pygame.K_RETURN, True)]
        button_row(painter, self.footer(painter), buttons)

    def deal_items(self, painter: Painter, view, project) -> list:
        """The deal's project, participants and terms, one issue a paragraph."""
        deal = next(d for d in view["deals"] if d["number"] == self.exercise.deal)
        names = {role["id"]: role["name"] for role in view["roles"]}
        items: list = [
            (project["title"], painter.theme.accent),
            (", ".join(names[r] for r in deal["participants"]), painter.theme.muted),
        ]
        for issue, option_id in zip(project["issues"], deal["options"], strict=False):
            label = next((o["label"] for o in issue["options"] if o["id"] == option_id), option_id)
            items.append(f"{issue['title']} — {label}")
        return items

    def draw_question(self, painter: Painter, rect: pygame.Rect) -> None:
        t = self.t
        inner = painter.panel(rect, t("Your prediction"))
        question = t(
            "When its turn comes, how will {partner} answer this deal? Think of its mission, "
            "what it gets without a deal, and what it would never do.",
            partner=self.partner,
        )
        top = inner.top + painter.text(inner, question, "body", max_lines=4) + 16
        gap = 12
        height = min(80, (inner.bottom - top - gap * (len(ANSWERS) - 1)) // len(ANSWERS))
        for index, verdict in enumerate(reversed(ANSWERS)):  # "accepts" first
            painter.button(
                pygame.Rect(inner.left, top + index * (height + gap), inner.width, height),
                verdict_choice(t, verdict),
                lambda v=verdict: self.answer(v),
                CHOICE_KEYS[index],
                size="small",
            )

    def draw_truth(self, painter: Painter, rect: pygame.Rect) -> None:
        """Before the partner answers: the prediction is noted. After: the answer key, the
        partner's own reason and the score (``Prediction.answer``, ``truth``), and why,
        from its brief."""
        t = self.t
        prediction = self.prediction
        said = said_words(t, prediction)
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
        score = prediction["score"]
        mark = "✓ " if score == 100 else "½ " if score else "✗ "
        edge = painter.theme.good if score == 100 else painter.theme.bad
        inner = painter.panel(rect, mark + self.score_line(), edge=edge)
        truth = answer_words(t, prediction, self.partner)
        told = prediction["truth"]  # what the partner said to us, if to us (or aloud)
        items: list = [said, (truth, painter.theme.accent)]
        if told:
            items.append(t("In its words: {reason}", reason=told))
        if prediction["verdict"] and score == 50:
            items.append(t("Half marks: right that it would not accept, wrong about why."))
        brief = self.revealed()
        figures = self.deal_figures(brief) if brief is not None else ""
        if figures:
            items.append((figures, painter.theme.accent))
        rule = t(
            "A partner cannot sign a deal that crosses a red line, asks more than it has "
            "left or needs a partner who does not sign; it refuses one below what it has "
            "without a deal or riskier than it can carry; of the rest it holds out for more "
            "until the deal reaches what it hopes for, which falls as the rounds pass."
        )
        items.append((rule, painter.theme.muted))
        painter.paragraphs(inner, items, "small", gap=10, max_lines=8)

    def deal_figures(self, brief: Revealed) -> str:
        """What the partner's brief made of the deal: its points, walk-away and risk."""
        move = next((m for m in brief.moves if m.deal == self.prediction["deal"]), None)
        if move is None:
            return ""
        return self.t(
            "Its brief: this deal gives it {points} points; without a deal it gets "
            "{walk_away}; it carries a risk up to {tolerance}, and the deal's risk is {risk}.",
            points=move.points,
            walk_away=brief.walk_away,
            tolerance=brief.risk_tolerance,
            risk=move.risk,
        )

    def answer(self, verdict: str) -> None:
        exercise = self.exercise
        self.predict(
            act.Predict(
                self.role, exercise.target, exercise.project, deal=exercise.deal, verdict=verdict
            )
        )


def verdict_choice(t, verdict: str) -> str:
    """An answer key's verdict as the button that predicts it."""
    words = {
        "accepts": t("Yes: it accepts"),
        "holds out for more": t("No: it holds out for more"),
        "would refuse": t("No: it would refuse (not worth signing for it)"),
        "cannot sign": t("No: it cannot sign (a red line, or too costly)"),
    }
    return words.get(verdict, verdict)


def said_words(t, prediction: dict) -> str:
    """What the person predicted: a verdict, or (older saves) yes or no."""
    if prediction.get("verdict"):
        return t("You said: {answer}.", answer=verdict_choice(t, prediction["verdict"]))
    if prediction["accepts"]:
        return t("You said: it will accept.")
    return t("You said: it will say no.")


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


class ChoiceScene(ExerciseScene):
    """A question answered by one of a few choices: what a partner gets without a deal,
    its favourite option on an issue, its risk limit, what kind of partner it is."""

    name = "question"

    def draw(self, painter: Painter) -> None:
        t = self.t
        view, project, left, right = self.frame(painter, self.title())
        self.draw_partner(painter, left, view)
        if self.prediction is None:
            self.draw_question(painter, right, project)
            buttons = [(t("Skip this exercise"), self.skip, pygame.K_ESCAPE, True)]
        else:
            self.draw_truth(painter, right, project)
            buttons = [(t("Go on"), self.go_on, pygame.K_RETURN, True)]
        button_row(painter, self.footer(painter), buttons)

    def title(self) -> str:
        return question_title(self.t, self.exercise.kind, self.partner)

    def question(self, project) -> str:
        t, partner, kind = self.t, self.partner, self.exercise.kind
        if kind == "walk-away":
            return t(
                "Without a deal on {project}, how many points does {partner} get? Below "
                "that, a deal is not worth signing for it.",
                project=project["title"],
                partner=partner,
            )
        if kind == "preferred":
            issue = self.issue(project)
            return t(
                "On “{issue}” ({project}), which option does {partner} like best?",
                issue=issue["title"],
                project=project["title"],
                partner=partner,
            )
        if kind == "risk-limit":
            return t(
                "Up to what risk will {partner} sign a deal? A deal's risk is its riskiest "
                "option's (one less for a pilot).",
                partner=partner,
            )
        return t(
            "Read {partner}'s offers and answers so far: what kind of negotiator is it?",
            partner=partner,
        )

    def issue(self, project) -> dict:
        return next(i for i in project["issues"] if i["id"] == self.exercise.issue)

    def label(self, choice: str, project) -> str:
        """A choice as its button reads."""
        return choice_label(self.t, self.exercise.kind, choice, project, self.exercise.issue)

    def draw_question(self, painter: Painter, rect: pygame.Rect, project) -> None:
        inner = painter.panel(rect, self.t("Your prediction"))
        top = inner.top + painter.text(inner, self.question(project), "body", max_lines=4) + 16
        choices = choices_for(self.app.workshop, self.exercise)
        if self.exercise.kind == "personality":  # what each kind does, to read it by
            kinds = [f"{self.label(c, project)}: {personality_traits(self.t, c)}." for c in choices]
            room = pygame.Rect(inner.left, top, inner.width, inner.bottom - top)
            top += painter.paragraphs(room, kinds, "small", painter.theme.muted, 6, 2) + 10
        gap = 12
        height = min(80, (inner.bottom - top - gap * (len(choices) - 1)) // len(choices))
        for index, choice in enumerate(choices):
            painter.button(
                pygame.Rect(inner.left, top + index * (height + gap), inner.width, height),
                self.label(choice, project),
                lambda c=choice: self.choose(c),
                CHOICE_KEYS[index] if index < len(CHOICE_KEYS) else None,
                size="small",
            )

    def choose(self, choice: str) -> None:
        exercise = self.exercise
        self.predict(
            act.Predict(
                self.role,
                exercise.target,
                exercise.project,
                question=exercise.kind,
                issue=exercise.issue,
                choice=choice,
            )
        )

    def draw_truth(self, painter: Painter, rect: pygame.Rect, project) -> None:
        """The score, the truth, and why: the partner's own figures from its brief."""
        t = self.t
        prediction = self.prediction
        score = prediction["score"]
        mark = "✓ " if score == 100 else "½ " if score else "✗ "
        edge = painter.theme.good if score == 100 else painter.theme.bad
        inner = painter.panel(rect, mark + self.score_line(), edge=edge)
        items: list = [
            t("You said: {answer}.", answer=self.label(prediction["choice"], project)),
            (t("The truth: {answer}.", answer=self.label(prediction["truth_choice"], project)),
             painter.theme.accent),
        ]  # fmt: skip
        if score == 50:
            items.append(t("Half marks: one step off the truth."))
        brief = self.revealed()
        if brief is not None:
            items += self.why(painter, brief, project)
        painter.paragraphs(inner, items, "small", gap=8, max_lines=3)

    def why(self, painter: Painter, brief: Revealed, project) -> list:
        """The reason behind the truth, in the partner's own figures."""
        t, partner, kind = self.t, self.partner, self.exercise.kind
        if kind == "walk-away":
            return [t(
                "Its brief: without a deal it gets {walk_away} points; its best deal on "
                "{project} would give it {best}. It refuses a deal below {walk_away}.",
                walk_away=brief.walk_away, best=brief.best, project=project["title"],
            )]  # fmt: skip
        if kind == "risk-limit":
            return [t(
                "Its brief: its risk tolerance is {tolerance}. It refuses a deal whose risk "
                "is above that, however many points it brings.",
                tolerance=brief.risk_tolerance,
            )]  # fmt: skip
        if kind == "preferred":
            points = brief.points[self.exercise.issue]
            options = sorted(self.issue(project)["options"], key=lambda o: -points[o["id"]])
            figures = " · ".join(f"{o['label']} ({points[o['id']]})" for o in options)
            return [t("Its points on this issue: {figures}.", figures=figures)]
        name = brief.personality or ""
        lines: list = [
            t(
                "{partner} is {kind}: {traits}",
                partner=partner,
                kind=personality_name(t, name),
                traits=personality_traits(t, name),
            )
        ]
        if name in PERSONALITIES:
            habit = PERSONALITIES[name]
            lines.append(t(
                "It first asks for {opening}% of its room (the points between its walk-away "
                "and its best deal) and comes down to {floor}% by the last round.",
                opening=round(100 * habit.opening), floor=round(100 * habit.floor),
            ))  # fmt: skip
        lines.append((t("What its moves showed:"), painter.theme.accent))
        lines += [move_words(t, move) for move in brief.moves[-4:]]
        return lines


def question_title(t, kind: str, partner: str) -> str:
    """A choice question in a few words: the screen's title, the summary's heading."""
    return {
        "walk-away": t("What does {partner} get without a deal?", partner=partner),
        "preferred": t("What would {partner} choose?", partner=partner),
        "risk-limit": t("How much risk does {partner} carry?", partner=partner),
        "personality": t("What kind of partner is {partner}?", partner=partner),
    }.get(kind, partner)


def choice_label(t, kind: str, choice: str, project: dict, issue: str = "") -> str:
    """A choice question's answer in words (a button's label, the summary's line)."""
    if kind in ("walk-away", "risk-limit") and ".." in choice:
        low, high = band_of(choice)
        if kind == "walk-away":
            return t("{low} to {high} points", low=low, high=high)
        return t("Risk {low} to {high}", low=low, high=high)
    if kind == "preferred":
        options = next((i["options"] for i in project["issues"] if i["id"] == issue), [])
        return next((o["label"] for o in options if o["id"] == choice), choice)
    return personality_name(t, choice).capitalize()


def personality_traits(t, name: str) -> str:
    """What a kind of partner does, in a few words (game/bots/personality.py's figures)."""
    words = {
        "cooperative": t("opens modestly and gives way early; a deal matters more to it "
                         "than the best deal"),
        "competitive": t("opens high and concedes late, holding out for more until the "
                         "last rounds"),
        "cautious": t("prefers the safer of two offers that serve it as well, and explores "
                      "before it commits"),
        "reciprocal": t("moves as far towards you as you move towards it"),
    }  # fmt: skip
    return words.get(name, name)


def move_words(t, move) -> str:
    """One of the partner's moves, with the share of its room the deal gave it."""
    said = {
        "proposed": t("Round {round}: it proposed deal {deal}, {share}% of its room for it "
                      "(risk {risk}).", round=move.round, deal=move.deal, share=move.share,
                      risk=move.risk),
        "countered": t("Round {round}: it countered with deal {deal}, {share}% of its room "
                       "for it (risk {risk}).", round=move.round, deal=move.deal,
                       share=move.share, risk=move.risk),
        "accepted": t("Round {round}: it accepted deal {deal}, {share}% of its room for it "
                      "(risk {risk}).", round=move.round, deal=move.deal, share=move.share,
                      risk=move.risk),
        "refused": t("Round {round}: it said no to deal {deal}, {share}% of its room for it "
                     "(risk {risk}).", round=move.round, deal=move.deal, share=move.share,
                     risk=move.risk),
    }  # fmt: skip
    return said.get(move.what, "")


SCENES = {"rank": RankScene, "accept": AcceptScene}


def scene_for(app, exercise: Exercise) -> ExerciseScene:
    """The screen that asks ``exercise``'s question."""
    return SCENES.get(exercise.kind, ChoiceScene)(app, exercise)
