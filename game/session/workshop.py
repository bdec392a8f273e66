"""The one door to a running game for every front end: a session, its seats, and what
just happened.

No pygame here. The screens (and, in time, the teams' devices) call ``act`` with an
action and read views; they never touch the state. After each action the workshop says,
in a sentence for the whole room, what happened (the public part only), and which
moments the screens should show next: the end of a round, an event card, the end of the
game.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from game.engine import actions as act
from game.engine.record import Origin, SaveError, Session, saves_folder, write_atomically
from game.engine.rules import IllegalAction, apply
from game.engine.state import GameState
from game.engine.views import news_item, view_for
from game.i18n import Translator, english
from game.scenario.loading import ScenarioError, check_file
from game.session.debriefing import Debrief
from game.session.narration import describe, private_result


@dataclass
class Seat:
    role: str
    team: str  # the team's own name for itself, shown on the curtain
    computer: bool = False
    personality: str = "cooperative"  # for a computer seat: see game/bots/personality.py
    #: solo practice: how often this (human) seat is asked to predict its partners, one of
    #: game/session/practice.py's FREQUENCIES; "" for a workshop seat. Kept with the seats so a
    #: resumed practice game keeps its setting.
    exercises: str = ""
    #: played on the team's own phone or laptop (game/devices), not behind the curtain
    device: bool = False
    #: solo practice: the name the learner typed ("" for anonymous); their progress is kept
    #: under it across games (game/session/progress.py)
    learner: str = ""

    @property
    def behind_curtain(self) -> bool:
        """Played by people at the projector's laptop: only these teams get a curtain
        and a private screen there (a device team's secrets stay on its device)."""
        return not self.computer and not self.device


@dataclass
class Moments:
    """What the last action set off, for the screens to show in this order."""

    rounds_ended: list[int] = field(default_factory=list)
    news: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = False
    #: deals the action signed (their numbers): each is a moment the room sees
    signed: list[int] = field(default_factory=list)


@dataclass
class Outcome:
    ok: bool
    message: str  # a sentence for the room; the refusal's sentence when not ok
    private: str = ""  # what only the acting team may read (an exploration's fact)
    moments: Moments = field(default_factory=Moments)
    #: its place in ``Workshop.heard`` (1, 2, …; 0: refused, not heard)
    serial: int = 0


#: how many of the latest outcomes the workshop keeps for front ends that read them later
HEARD_KEPT = 200


class CannotStart(Exception):
    """A new game could not begin; ``str()`` is the sentence to show, saying what to do."""


def seats_path(save: Path) -> Path:
    return save.with_name(save.stem + ".seats.json")


class Workshop:
    def __init__(self, session: Session, seats: list[Seat], t: Translator | None = None):
        self.session = session
        self.seats = seats
        self.t = t or english()
        #: one action at a time from every front end: the projector's loop and the device
        #: server's thread both act through this lock (views read the immutable state)
        self.lock = threading.RLock()
        #: told after every change of the game (an action, an undo, a reload), from the
        #: thread that made it: the device server publishes the new views from here
        self.watchers: list[Callable[[], None]] = []
        #: the latest outcomes of every front end's actions, oldest first (``heard_since``)
        self.heard: list[Outcome] = []
        self._serial = 0
        self._views_of: GameState | None = None
        self._views: dict[str, dict[str, Any]] = {}
        self._scores_of: GameState | None = None
        self._debrief: Debrief | None = None
        #: solo practice: (kind, round) of exercises the person chose to skip (not saved:
        #: after a resume the game may ask again, which does no harm)
        self.practice_skipped: set[tuple[str, int]] = set()
        #: solo practice: a sentence for the summary when the progress file had trouble
        self.progress_note = ""
        #: solo practice: the person's acceptance predictions whose answer was shown (by
        #: their place in its predictions); a resumed game does not show old ones again
        self.answers_shown: set[int] = {
            index
            for seat in seats
            if seat.exercises and not seat.computer
            for index, p in enumerate(session.state.role_state(seat.role).predictions)
            if p.answer
        }
        self.save_seats()

    # -- starting and resuming ----------------------------------------------------------

    @classmethod
    def start(
        cls,
        scenario_file: Path,
        seed: int,
        seats: list[Seat],
        folder: Path | None = None,
        t: Translator | None = None,
    ) -> Workshop:
        """A new game, saved at once; ``CannotStart`` says in a sentence why not."""
        t = t or english()
        try:
            partners = {seat.role: seat.personality for seat in seats if seat.computer}
            session = Session.start(scenario_file, seed, folder=folder, personalities=partners)
            return cls(session, seats, t)
        except ScenarioError as error:
            first = str(error).splitlines()[0] if str(error) else ""
            message = t("{file} no longer loads ({problem}); fix it, then start again.",
                        file=scenario_file, problem=first)  # fmt: skip
            raise CannotStart(message) from None
        except (SaveError, OSError) as error:
            message = t("The new game could not be saved ({error}). Check that the saves "
                        "folder can be written to.", error=str(error))  # fmt: skip
            raise CannotStart(message) from None

    @classmethod
    def resume(cls, save: Path, t: Translator | None = None) -> Workshop:
        session = Session.load(save)
        seats = default_seats(session.state)
        try:
            data = json.loads(seats_path(save).read_text(encoding="utf-8"))
            named = {item["role"]: Seat(**item) for item in data}
            seats = [named.get(seat.role, seat) for seat in seats]
        except (OSError, ValueError, TypeError, KeyError):
            pass  # names are a courtesy: without them the roles' own names stand in
        return cls(session, seats, t)

    def save_seats(self) -> None:
        if self.session.path is not None:
            text = json.dumps([asdict(seat) for seat in self.seats], ensure_ascii=False)
            write_atomically(seats_path(self.session.path), text)

    # -- reading --------------------------------------------------------------------------

    @property
    def state(self) -> GameState:
        return self.session.state

    def public_view(self) -> dict[str, Any]:
        return self._view("public")

    def private_view(self, role: str) -> dict[str, Any]:
        return self._view(role)

    def _view(self, viewer: str) -> dict[str, Any]:
        """Views of the current state, made once per state: a frame asks several times.

        The state is immutable, so a view made for it stays true until the next action;
        scenes must not change a view they are given (they only read it).
        """
        if self._views_of is not self.state:
            self._views_of, self._views = self.state, {}
        view = self._views.get(viewer)
        if view is None:
            view = self._views[viewer] = view_for(self.state, viewer)
        return view

    def scores(self):
        """The final scores on the three axes, with their reasons (the debrief's to reveal)."""
        from game.scoring.axes import score_game

        if self._scores_of is not self.state:
            self._scores_of, self._scores = self.state, score_game(self.state)
        return self._scores

    def debrief(self) -> Debrief:
        """What the debrief shows of this game, worked out once per state (see
        ``game/session/debriefing.py``): the room may see it all once the game is over."""
        if self._debrief is None or self._debrief.state is not self.state:
            self._debrief = Debrief(self.state, list(self.session.record.actions))
        return self._debrief

    def view_at_round_end(self, round_number: int) -> dict[str, Any] | None:
        """The room's view of the table as ``round_number`` ended (None before round 1):
        replayed from the log once, for a round summary to say what its round changed."""
        if round_number < 1:
            return None
        from game.engine.views import PUBLIC, view_for
        from game.session.debriefing import replay_round_ends

        ends = replay_round_ends(self.state, list(self.session.record.actions))
        end = next((e for e in ends if e.round == round_number and e.complete), None)
        return None if end is None else view_for(end.state, PUBLIC)

    def perspective(self, role: str):
        """A role's perspective-taking score (the mean of its predictions), or None."""
        from game.scoring.axes import perspective

        return perspective(self.state, role)

    def seat(self, role: str) -> Seat:
        return next(seat for seat in self.seats if seat.role == role)

    @property
    def solo_role(self) -> str | None:
        """The one person's role in a solo practice game (None in a workshop).

        A practice game is marked by its human seat's exercise setting, not by counting
        people: a workshop that gives all but one seat to computers stays a workshop, with
        its curtains.
        """
        return next((s.role for s in self.seats if s.exercises and not s.computer), None)

    def name(self, role: str) -> str:
        return self.state.scenario.role(role).name

    def label(self, role: str) -> str:
        """The role as the room knows it: its team's own name first when the team chose
        one ("Team Red (The Museum)"), else the role's name."""
        team, name = self.seat(role).team.strip(), self.name(role)
        return name if not team or team == name else f"{team} ({name})"

    # -- acting ---------------------------------------------------------------------------

    def check(self, action: act.Action) -> str | None:
        """The refusal an action would meet, or None if the rules allow it (nothing saved)."""
        try:
            apply(self.state, action)
        except IllegalAction as error:
            return str(error)
        return None

    def watch(self, watcher: Callable[[], None]) -> Callable[[], None]:
        """Call ``watcher`` after every change; returns the function that stops it."""
        self.watchers.append(watcher)
        return lambda: self.watchers.remove(watcher) if watcher in self.watchers else None

    def _changed(self) -> None:
        for watcher in list(self.watchers):
            watcher()

    def act(self, action: act.Action, origin: Origin | None = None) -> Outcome:
        """Apply and save ``action``; ``origin``: the device it came from, saved with it
        (the device server's, so that a resumed server never applies it twice)."""
        with self.lock:
            before = self.state
            try:
                after = self.session.act(action, origin)
            except IllegalAction as error:
                return Outcome(False, str(error))
            outcome = self._hear(self._outcome(before, after, action))
            if after.finished and not before.finished:
                self._record_progress(after)
        self._changed()
        return outcome

    def _record_progress(self, state: GameState) -> None:
        """A practice game has ended: add it to the learner's progress. A progress file that
        cannot be written does not stop the game; the summary screen says why."""
        from game.session.progress import ProgressError, ProgressStore, game_entry

        role = self.solo_role
        if role is None or self.session.path is None:
            return
        store = ProgressStore(self.progress_folder)
        try:
            self.progress_note = store.record(
                self.seat(role).learner, game_entry(state, role, self.session.path.name)
            )
        except (OSError, ProgressError) as error:
            self.progress_note = self.t(
                "Your progress could not be kept ({error}).", error=str(error)
            )

    @property
    def progress_folder(self) -> Path:
        """Where learners' progress is kept: beside the folder this game is saved in."""
        from game.session.progress import progress_folder

        folder = self.session.path.parent if self.session.path is not None else saves_folder()
        return progress_folder(folder)

    def _outcome(self, before: GameState, after: GameState, action: act.Action) -> Outcome:
        return Outcome(
            True,
            describe(before, after, action, self.t),
            private_result(before, after, action),
            moments_between(before, after),
        )

    def _hear(self, outcome: Outcome) -> Outcome:
        """Number an applied action's outcome and keep it for ``heard_since`` (under the
        lock, so serials follow the order the actions were applied in)."""
        self._serial += 1
        outcome.serial = self._serial
        self.heard = [*self.heard[-(HEARD_KEPT - 1) :], outcome]
        return outcome

    def heard_since(self, serial: int) -> list[Outcome]:
        """The outcomes after ``serial``, oldest first: how the projector learns what a
        team's device did (the device server acts on its own thread). The list is
        replaced, never changed in place, so reading it needs no lock."""
        return [outcome for outcome in self.heard if outcome.serial > serial]

    @property
    def last_serial(self) -> int:
        return self._serial

    def outcome_again(self, origin: Origin) -> Outcome | None:
        """The outcome the device action ``origin`` had, worked out again from the log
        (None if it is not in the log): a resumed server's answer to it sent again."""
        with self.lock:
            record = self.session.record
            number = next((n for n, o in record.origins.items() if o == origin), None)
            if number is None:
                return None
            for step in record.steps(self.session.scenario, number + 1):
                if step.number == number + 1:
                    return self._outcome(step.before, step.after, step.action)
        return None

    def computer_to_play(self) -> str | None:
        """The role whose turn it is, if a computer partner sits in its seat."""
        state = self.state
        role = state.current_role
        if role is None or state.paused or not self.seat(role).computer:
            return None
        return role

    def computer_move(self) -> Outcome | None:
        """The computer partner whose turn it is plays it (from its own view only)."""
        from game.bots.partner import ComputerPartner
        from game.bots.personality import PERSONALITIES
        from game.bots.play import decide

        with self.lock:  # it decides on the state it then acts on
            role = self.computer_to_play()
            if role is None:
                return None
            seat = self.seat(role)
            partner = ComputerPartner(role, PERSONALITIES[seat.personality], self.state.seed)
            return self.act(decide(self.state, partner).action)

    def play_again_as(
        self, role: str, folder: Path | None = None, *, fresh: bool = False
    ) -> Workshop:
        """A new practice game of the same scenario file, the person in ``role``.

        The same game (``fresh`` False): the same seed, so the same event deck, and the
        partners keep their personalities; the seat the person leaves goes to a cooperative
        partner. Comparing the two games is the lesson. A fresh game: a new seed (another
        event deck, other questions) and other personalities. The exercise setting and the
        learner's name stay.
        """
        from game.session.partners import fresh_personalities, fresh_seed

        record = self.session.record
        try:
            changed = check_file(Path(record.scenario_file)).content_hash != record.scenario_hash
        except ScenarioError:
            changed = True  # a fresh game then says why it cannot start (``start``)
        if changed and not fresh:
            message = self.t("{file} has changed since this game began, so a game from "
                             "another seat would not be the same game. Start a new one from "
                             "the title.", file=record.scenario_file)  # fmt: skip
            raise CannotStart(message)
        previous = self.seat(self.solo_role) if self.solo_role else None
        exercises = previous.exercises if previous else "every-round"
        learner = previous.learner if previous else ""
        seats = []
        for seat in self.seats:
            if seat.role == role:
                seats.append(Seat(role, self.name(role), exercises=exercises, learner=learner))
            else:
                personality = seat.personality if seat.computer else "cooperative"
                seats.append(Seat(seat.role, self.name(seat.role), True, personality))
        seed = record.seed
        if fresh:
            seed = fresh_seed(record.seed)
            fresh_personalities(seats, seed)
        return Workshop.start(Path(record.scenario_file), seed, seats, folder, self.t)

    def undo(self) -> Outcome:
        with self.lock:
            try:
                self.session.undo()
            except IllegalAction as error:
                return Outcome(False, str(error))
        self._changed()
        return Outcome(True, "")

    def reload(self) -> list[str]:
        """Read the scenario file again; keep playing if the game still fits it.

        Returns the problems (file:line:col: …) when the file is no longer valid or the
        game cannot be replayed on it; the game goes on with the scenario it had.
        """
        with self.lock:
            problems = self._reload()
        if not problems:
            self._changed()  # unchanged files too: a device's fresh view does no harm
        return problems

    def _reload(self) -> list[str]:
        record = self.session.record
        try:
            unchanged = hashlib.sha256(Path(record.scenario_file).read_bytes()).hexdigest()
        except OSError:
            unchanged = ""  # gone or unreadable: check_file says so in its own words
        if unchanged == record.scenario_hash:
            return []
        result = check_file(Path(record.scenario_file))
        if not result.ok:
            return [str(problem) for problem in result.errors]
        if result.content_hash == record.scenario_hash:
            return []
        scenario = result.scenario()
        try:
            state = record.replay(scenario)
        except SaveError as error:
            return [f"{record.scenario_file}: the game so far no longer fits the file ({error})"]
        record.scenario_hash = result.content_hash
        self.session = Session(scenario, record, self.session.path, state)
        self.session.save()
        return []


def default_seats(state: GameState) -> list[Seat]:
    return [Seat(role.id, role.name) for role in state.scenario.roles]


def moments_between(before: GameState, after: GameState) -> Moments:
    moments = Moments(finished=after.finished and not before.finished)
    moments.rounds_ended = list(range(before.round, after.round))
    if moments.finished:
        moments.rounds_ended.append(after.round)
    moments.news = [news_item(news) for news in after.news[len(before.news) :]]
    was = {deal.number: deal.status for deal in before.deals}
    moments.signed = [
        deal.number
        for deal in after.deals
        if deal.status == "signed" and was.get(deal.number) != "signed"
    ]
    return moments
