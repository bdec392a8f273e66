"""What the debrief reads from a finished game, as plain data (no pygame).

The debrief is shown to the whole room after the game, so it may tell what each team
ended with; it still never reads a brief's text or a red line's reason. Three things are
worked out here rather than in the scene, so that they are made once and can be tested
like the engine:

* **own points** — each role's points at the end, and the part of them it would have had
  alone (its walk-away values): the difference is what partnering brought it;
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
from game.engine import deals
from game.engine.rules import apply
from game.engine.state import GameState, new_game
from game.scenario.model import Scenario
from game.scoring.axes import individual

if TYPE_CHECKING:
    from game.scoring.missed import Missed


@dataclass(frozen=True)
class OwnPoints:
    """A role's individual score, and what it would have had without any deal."""

    points: int
    alone: int

    @property
    def gained(self) -> int:
        """What its deals added (negative when a deal left it worse off: win-lose)."""
        return self.points - self.alone


def own_points(state: GameState) -> dict[str, OwnPoints]:
    """Every role's points, and its walk-away values summed over the projects it may join."""
    found = {}
    for role in state.scenario.roles:
        alone = sum(
            deals.walk_away(state, role.id, project)
            for project in state.scenario.eligible_projects(role.id)
        )
        found[role.id] = OwnPoints(individual(state, role.id), alone)
    return found


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
    return round_ends(new_game(state.scenario, state.seed), log)


def spoken_reason(scenario: Scenario, reason: str) -> str:
    """A "no" as the room may read it again in the debrief: the team's words, unless
    they quote a red line's confidential reason (a computer partner says why in its
    brief's words), in which case only that it said no is shown."""
    for role in scenario.roles:
        for line in role.brief.red_lines:
            if line.reason and line.reason.strip() in reason:
                return ""
    return reason


class Debrief:
    """One finished game's debrief, each part worked out when first asked for and kept.

    Made by ``Workshop.debrief()`` for one state; a new action (an undo, in a game the
    trainer reopens) makes a new one.
    """

    def __init__(self, state: GameState, log: list[act.Action]):
        self.state = state
        self._log = log
        self._lessons: list | None = None
        self._own: dict[str, OwnPoints] | None = None
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

    def own_points(self) -> dict[str, OwnPoints]:
        if self._own is None:
            self._own = own_points(self.state)
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
