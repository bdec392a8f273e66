"""What the debrief reads from a finished game, as plain data (no pygame).

The debrief is shown to the whole room after the game, so it shows what each team ended
with as shares, never as points, and never reads a brief's text or a red line's reason
(the policy is in docs/report.md; ``game/scoring/shares.py`` and
``game/engine/narration.py`` hold it for the screen and the report alike). Three things are
worked out here rather than in the scene, so that they are made once and can be tested
like the engine:

* **own gains** — each role's share of the gain it could have had (``shares.own_gains``),
  and the table's (their mean);
* **round ends** — the table as it was at the end of every round, from one replay of the
  log (the timeline steps through these; it never replays on a key press);
* **missed deals** — per project, the value the table reached against the best deal the
  analyser (``game/scoring/analysis``) finds, its distance to the Pareto frontier and to
  the Nash bargaining deal (``game/scoring/missed.py``, shared with the printed report).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.engine import actions as act
from game.engine.rules import apply
from game.engine.state import GameState, new_game

if TYPE_CHECKING:
    from game.scoring.missed import Missed


@dataclass(frozen=True)
class RoundEnd:
    """The table after the last action of ``round`` (its event cards drawn)."""

    round: int
    state: GameState
    actions: int  # how many actions of the log led here
    complete: bool = True  # False: the game has not got to the end of this round yet


def round_ends(start: GameState, log: list[act.Action]) -> list[RoundEnd]:
    """Replay ``log`` from ``start`` once, keeping the state each time a round ends.

    The action that ends a round also draws its event cards and moves to the next round
    (or ends the game), so the state right after it is the table as that round left it.
    A game stopped in the middle of a round gets that round as it stands.
    """
    ends: list[RoundEnd] = []
    state = start
    for count, action in enumerate(log, 1):
        before_round, before_finished = state.round, state.finished
        state = apply(state, action)
        if state.round != before_round or (state.finished and not before_finished):
            ends.append(RoundEnd(before_round, state, count))
    if not state.finished and (not ends or ends[-1].round < state.round):
        ends.append(RoundEnd(state.round, state, len(log), complete=False))
    return ends


def replay_round_ends(state: GameState, log: list[act.Action]) -> list[RoundEnd]:
    """``round_ends`` of a game whose current state is ``state`` (for its scenario and seed)."""
    return round_ends(new_game(state.scenario, state.seed, state.personalities), log)


def said(sentence: str, language: str) -> str:
    """A score's reason, a lesson's evidence or an event card's outcome as the printed
    report says it (``game/report/phrases.py``): in the screen's language, and the points a
    reason quotes (a win-lose loser's points and walk-away value, the joint points) said as
    shares, so that the screen and the report keep the same secrets."""
    from game.report.phrases import say
    from game.report.words import translator

    return say(sentence, translator(language))


def lessons_in(state: GameState, found: list, language: str) -> list:
    """The lessons with their titles and the seed's words in ``language``, as the printed
    report says them (``report/sections.lesson_title``); a scenario's own words stay as
    its author wrote them. The seed's title, when a scenario rewords a lesson, comes
    along translated as ``seed_title``."""
    from dataclasses import replace

    from game.report.sections import lesson_title
    from game.report.words import translator
    from game.scenario.lessons import DEFAULT_LESSONS

    t = translator(language)
    said_lessons = []
    for lesson in found:
        title, text = lesson_title(state, lesson, t)
        seed = DEFAULT_LESSONS.get(lesson.id)
        seed_title = t(seed.title) if seed is not None and seed.title != lesson.title else ""
        said_lessons.append((replace(lesson, title=title, text=text), seed_title))
    return said_lessons


class Debrief:
    """One finished game's debrief, each part worked out when first asked for and kept.

    Made by ``Workshop.debrief()`` for one state; a new action (an undo, in a game the
    trainer reopens) makes a new one.
    """

    def __init__(self, state: GameState, log: list[act.Action]):
        self.state = state
        self._log = log
        self._lessons: list | None = None
        self._own: dict[str, int] | None = None
        self._ends: list[RoundEnd] | None = None
        self._round_scores: dict[int, object] = {}
        self._round_views: dict[int, dict] = {}
        self._missed: list[Missed] | None = None

    def lessons(self) -> list:
        """The report's lessons that this game showed, each with its evidence."""
        if self._lessons is None:
            from game.scoring.lessons import lessons

            self._lessons = lessons(self.state)
        return self._lessons

    def own_gains(self) -> dict[str, int]:
        """Each role's own gain in whole percent (``game/scoring/shares.py``)."""
        if self._own is None:
            from game.scoring.axes import individual
            from game.scoring.shares import own_gains

            roles = self.state.scenario.roles
            points = {role.id: individual(self.state, role.id) for role in roles}
            self._own = own_gains(self.state, points)
        return self._own

    def round_ends(self) -> list[RoundEnd]:
        if self._ends is None:
            self._ends = replay_round_ends(self.state, self._log)
        return self._ends

    def round_view(self, index: int) -> dict:
        """The public view (what the room saw) of the table at the ``index``-th round end."""
        view = self._round_views.get(index)
        if view is None:
            from game.engine.views import PUBLIC, view_for

            view = self._round_views[index] = view_for(self.round_ends()[index].state, PUBLIC)
        return view

    def missed(self) -> list[Missed]:
        """Per project, the best deals that were possible against what was reached."""
        if self._missed is None:
            from game.scoring.missed import missed_deals

            self._missed = missed_deals(self.state)
        return self._missed

    def round_scores(self, index: int):
        """The table's scores as they stood at the ``index``-th round end."""
        scores = self._round_scores.get(index)
        if scores is None:
            from game.scoring.axes import score_game

            scores = self._round_scores[index] = score_game(self.round_ends()[index].state)
        return scores
