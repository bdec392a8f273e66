"""The window, the scene stack, the trainer's keys, and a loop that sleeps when idle.

One frame is drawn only when something changed (an event, the clock's second, a message):
an idle table costs the laptop almost nothing. Scenes are pushed and popped; the table
is always at the bottom once a game runs, and the app brings the room back to it after
every team's private screen, showing the moments the last action set off (round summary,
event cards, final scores) on the way.
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import pygame

from game.engine import actions as act
from game.engine.record import saves_folder
from game.session.workshop import Moments, Outcome, Workshop
from game.ui.devices import WAKE, DeviceLink, DeviceOptions
from game.ui.i18n import Translator
from game.ui.layout import Layout
from game.ui.painter import Hit, Painter
from game.ui.text import Typesetter
from game.ui.theme import CALM, HIGH_CONTRAST
from game.ui.timer import RoundTimer
from game.ui.trainer import COMPUTER_PACES

IDLE_FPS, BUSY_FPS = 10, 60
#: scenes that other scenes open by name (``App.make``): the scene module and class
SCENE_CLASSES = {
    "brief": ("brief", "BriefScene"),
    "turn": ("turn", "TurnScene"),
    "scores": ("scores", "ScoresScene"),
    "debrief": ("debrief", "DebriefScene"),
    "perspective": ("perspective", "PerspectiveScene"),
    "title": ("title", "TitleScene"),
}
TEXT_SCALES = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4)


class App:
    def __init__(
        self,
        size: tuple[int, int] = (1280, 720),
        *,
        language: str = "en",
        saves: Path | None = None,
        scenario_files: list[Path] | None = None,
        fullscreen: bool = False,
        strict: bool = False,
        seed: int | None = None,
        devices: DeviceOptions | None = None,
    ):
        pygame.display.init()
        pygame.font.init()
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if fullscreen else 0)
        self.window = pygame.display.set_mode(size, flags)
        pygame.display.set_caption("Out of the Box")
        pygame.key.set_repeat(400, 40)
        self.t = Translator(language)
        self.theme = CALM
        self.text_scale = 1.0
        self.type = Typesetter()
        self.saves = saves or saves_folder()
        self.scenario_files = scenario_files
        self.strict = strict  # tests: let a bug raise instead of showing it
        self.seed = seed
        self.computer_pace = COMPUTER_PACES[0]  # seconds before a computer partner plays
        self._computer_due: float | None = None
        self.scenes: list = []
        self.workshop: Workshop | None = None
        self.timer = RoundTimer(None)
        self.message = ""  # the room's latest news
        self.error = ""  # the latest refusal or problem, until the next action
        self.help_open = False
        self.pending: list = []  # moment scenes to show when the room is back at the table
        #: the last of the workshop's outcomes this window has told the room (``hear_others``)
        self._heard = 0
        self._told_here: set[int] = set()  # outcomes of this window's own actions
        self._heard_unshown = False  # another front end's moments, not yet on screen
        self.hits: list[Hit] = []
        self.drawn: list = []
        self.mouse: tuple[int, int] | None = None
        self._pressed: Hit | None = None
        self._hovered: Hit | None = None
        self._buttons_stale = False
        self._shown_clock = ""
        self.dirty = True
        self.running = True
        self.clock = pygame.time.Clock()
        #: ``play --devices``: the seat screen offers seats on the teams' own devices
        self.devices_offered = devices is not None
        self.link = DeviceLink(devices)  # the device server, while a game with devices runs
        self.join_open = False  # the join screen (Ctrl+J): the room's QR code, the devices
        self.shown_qr: tuple[str, pygame.Rect, int] | None = None  # what the QR last held
        self._devices_read = 0.0
        from game.ui.scenes.title import TitleScene

        self.push(TitleScene(self))

    # -- the stack ------------------------------------------------------------------------

    @property
    def scene(self):
        return self.scenes[-1]

    def make(self, name: str, *args: object, **kwargs: object):
        """A scene by its name (``SCENE_CLASSES``), so that scenes open one another
        through their host and never import each other in a circle."""
        module, cls = SCENE_CLASSES[name]
        from importlib import import_module

        return getattr(import_module(f"game.ui.scenes.{module}"), cls)(self, *args, **kwargs)

    def push(self, scene) -> None:
        self.scenes.append(scene)
        self.dirty = self._buttons_stale = True

    def pop(self) -> None:
        if len(self.scenes) > 1:
            self.scenes.pop()
        self.dirty = self._buttons_stale = True

    def replace(self, scene) -> None:
        self.scenes[-1] = scene
        self.dirty = self._buttons_stale = True

    def reset_to(self, scene) -> None:
        if getattr(scene, "name", "") == "title":
            self.leave_game()  # back at the title: the game's devices stop listening
        self.scenes = [scene]
        self.dirty = self._buttons_stale = True

    def to_table(self) -> None:
        """Hide every private screen; show what happened since, then the table."""
        from game.ui.scenes.scores import ScoresScene
        from game.ui.scenes.table import TableScene

        self.scenes = [s for s in self.scenes if isinstance(s, TableScene)][:1] or [
            TableScene(self)
        ]
        if self.workshop is not None and self.workshop.state.finished:
            self.scenes = [ScoresScene(self)]
            solo = self.workshop.solo_role
            if solo is not None:  # practising alone: the perspective-taking comes first
                from game.ui.scenes.perspective import PerspectiveScene

                self.scenes.append(PerspectiveScene(self, solo))
        for scene in reversed(self.pending):
            self.scenes.append(scene)
        self.pending = []
        self.dirty = self._buttons_stale = True

    # -- the game -------------------------------------------------------------------------

    def begin(self, workshop: Workshop) -> None:
        """A game starts or resumes: the table, and the timer for this round."""
        from game.ui.scenes.table import TableScene

        self.workshop = workshop
        workshop.t = self.t
        self._heard, self._told_here = workshop.last_serial, set()
        self.timer = RoundTimer(workshop.state.scenario.round_timer_seconds)
        self.timer.reset(start=False)
        self.message = self.error = ""
        self.reset_to(TableScene(self))
        self._start_devices(workshop)
        self.timer.on_change = self._timer_changed

    def _start_devices(self, workshop: Workshop) -> None:
        """A game with a seat on a device listens for the devices (and shows how to join);
        any other game listens for nothing."""
        self.join_open = False
        if not any(seat.device for seat in workshop.seats):
            self.link.stop()
            return
        said = self.link.start(workshop, self.t)
        if self.link.running:
            self.message = said
            self.join_open = True  # the room joins first
            self.link.refresh()
            self._timer_changed()
        else:
            self.error = said

    def leave_game(self) -> None:
        """The trainer leaves the game (or quits): its device server stops."""
        self.link.stop()
        self.join_open = False

    def _timer_changed(self) -> None:
        """The round timer started, stopped or was reset: the devices show it too."""
        left = self.timer.remaining() if self.timer.enabled else None
        self.guarded(lambda: self.link.set_timer(left, self.timer.running))

    def perform(self, action: act.Action) -> Outcome:
        """Send an action to the game; the outcome's sentence goes to the room."""
        assert self.workshop is not None
        outcome = self._tell(self.workshop.act(action))
        if outcome.ok and self.workshop.solo_role is not None:
            self._practise_after(action)
        return outcome

    def _answers_shown(self) -> None:
        """Solo practice: a partner answered a deal the person predicted: show the answer
        key and its reason before anything else."""
        from game.session.practice import answered_exercises
        from game.ui.scenes.exercise import AcceptScene

        for exercise in answered_exercises(self.workshop):
            self.pending.insert(0, AcceptScene(self, exercise))

    def _practise_after(self, action: act.Action) -> None:
        """Solo practice: right after the person's deal, before any partner answers it,
        ask whether a partner will accept (shown first, before the round's moments)."""
        from game.session.practice import accept_exercise
        from game.ui.scenes.exercise import AcceptScene

        exercise = accept_exercise(self.workshop, action)
        if exercise is not None:
            self.pending.insert(0, AcceptScene(self, exercise))

    def _tell(self, outcome: Outcome) -> Outcome:
        """An action's outcome to the room: its sentence, and the moments it set off."""
        if outcome.ok:
            self._told_here.add(outcome.serial)
            self.message, self.error = outcome.message, ""
            self._answers_shown()
            self._queue(outcome.moments)
        else:
            self.error = outcome.message
        self.dirty = True
        return outcome

    def hear_others(self) -> bool:
        """Tell the room what another front end did (a team's device acts from the device
        server's thread): its sentence and its moments, as for an action made here. At the
        table the moments show at once. True if there was something to tell."""
        workshop = self.workshop
        if workshop is None:
            return False
        told = False
        for outcome in workshop.heard_since(self._heard):
            self._heard = outcome.serial
            if outcome.serial in self._told_here:
                self._told_here.discard(outcome.serial)
                continue
            if self.timer.untouched:
                self.timer.start()  # round 1: the clock starts with the first turn
            self._tell(outcome)
            told = True
        self._told_here = {serial for serial in self._told_here if serial > self._heard}
        # heard while another moment was on screen: shown when the room is back at the
        # table (and at the game's end, the final scores follow), never left waiting
        self._heard_unshown = self._heard_unshown or told
        if self._heard_unshown and getattr(self.scene, "name", "") == "table":
            self._heard_unshown = False
            if self.pending or workshop.state.finished:
                self.to_table()
        return told

    def caught_up(self) -> None:
        """What was done so far is not news (a staged game for a picture or a test)."""
        if self.workshop is not None:
            self._heard, self._told_here = self.workshop.last_serial, set()

    def _queue(self, moments: Moments) -> None:
        from game.ui.scenes.moments import EventCardScene, RoundSummaryScene, SignedScene

        for number in moments.signed:
            self.pending.append(SignedScene(self, number))
        for news in moments.news:
            self.pending.append(EventCardScene(self, news))
        for number in moments.rounds_ended:
            self.pending.append(RoundSummaryScene(self, number))
        if moments.rounds_ended:
            self.timer.reset(start=not self.workshop.state.finished)

    # -- the loop -------------------------------------------------------------------------

    @property
    def layout(self) -> Layout:
        width, height = pygame.display.get_surface().get_size()
        return Layout(max(width, 1), max(height, 1), self.text_scale)

    def run(self) -> None:
        # benchmarks/ui.py times the launch with this: the program ends at its first frame
        first_frame_only = bool(os.environ.get("OUTOFTHEBOX_FIRST_FRAME_ONLY"))
        try:
            while self.running:
                self.step()
                if first_frame_only:
                    print("first frame", flush=True)
                    return
                self.idle()
        finally:
            self.leave_game()

    def idle(self) -> None:
        """Wait for the next frame: the busy rate while something moves; else until the
        idle frame is due, or at once when the device server wakes the projector (a
        device acted, asked or left: drawn now, not at the next idle frame). The wait is
        a thread's event, not ``pygame.event.wait``, which polls every millisecond on
        some drivers: idle stays nearly free."""
        if self.dirty:
            self.clock.tick(BUSY_FPS)
            return
        self.link.sleep(1 / IDLE_FPS)
        self.clock.tick()

    def step(self) -> None:
        for event in pygame.event.get():
            self.guarded(lambda event=event: self.handle(event))
        if self.join_open and self.link.running and time.monotonic() - self._devices_read > 1:
            self._devices_read = time.monotonic()  # "last seen 4 s ago" moves on
            self.guarded(self.link.refresh)
            self.dirty = True
        self.guarded(self._computer_turn)
        if self.scene.tick():
            self.dirty = True
        shown = self.timer.shown() if self.timer.enabled else ""
        if shown != self._shown_clock:
            self._shown_clock = shown
            self.dirty = True
        if self.dirty and self.running:
            self.guarded(self.draw)

    def _computer_turn(self) -> None:
        """A computer partner plays its turn at a pace the room can follow (F10: faster)."""
        from game.ui.scenes.table import TableScene

        workshop = self.workshop
        waiting = (
            workshop is not None
            and not self.help_open
            and isinstance(self.scene, TableScene)
            and workshop.computer_to_play() is not None
        )
        if not waiting:
            self._computer_due = None
            return
        now = time.monotonic()
        if self._computer_due is None:
            self._computer_due = now + self.computer_pace
            self.dirty = True
        elif now >= self._computer_due:
            self._computer_due = None
            outcome = workshop.computer_move()
            if outcome is not None:
                self._tell(outcome)
                self.to_table()

    def guarded(self, work: Callable[[], None]) -> None:
        """A bug in a screen says so on the screen; the game (saved) goes on."""
        if self.strict:
            work()
            return
        try:
            work()
        except Exception as error:  # the workshop must not stop for one screen's bug
            traceback.print_exc()
            self.error = self.t(
                "Something went wrong on this screen ({error}). The game is saved; "
                "press Esc or F4 to go on.",
                error=type(error).__name__,
            )
            self.dirty = True

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False  # every action is saved already
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED):
            self.dirty = True
            return
        if event.type == WAKE:  # a device acted, asked, came or went: draw it now
            self.link.refresh()
            self.dirty = self._buttons_stale = True
            return
        if self.link.asks and event.type == pygame.TEXTINPUT:
            return  # the trainer's question is open: nobody types underneath it
        if event.type == pygame.KEYDOWN:
            self._key(event)
        elif event.type == pygame.MOUSEMOTION and "pos" in event.dict:
            self._hover(event.pos)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.dict.get("button") == 1:
            self._refresh_buttons()
            self._pressed = self._hit_at(event.dict.get("pos"))
        elif event.type == pygame.MOUSEBUTTONUP and event.dict.get("button") == 1:
            hit = self._hit_at(event.dict.get("pos"))
            pressed, self._pressed = self._pressed, None
            if hit is not None and pressed is not None and hit.rect == pressed.rect:
                self._activate(hit)
        elif self.scene.handle(event):
            self.dirty = True

    def _hit_at(self, pos) -> Hit | None:
        if not pos:
            return None
        point = self.layout.to_logical(pos)
        for hit in reversed(self.hits):
            if hit.enabled and hit.rect.collidepoint(point):
                return hit
        return None

    def _hover(self, pos) -> None:
        """Redraw only when the pointer moves onto another button (or off one)."""
        self.mouse = self.layout.to_logical(pos)
        hovered = self._hit_at(pos)
        if hovered is not self._hovered:
            self._hovered = hovered
            self.dirty = True

    def _physical(self, logical: tuple[int, int]) -> tuple[int, int]:
        s = self.layout.scale
        return round(logical[0] * s), round(logical[1] * s)

    def _activate(self, hit: Hit) -> None:
        self.dirty = True
        self._buttons_stale = True
        hit.action()

    def _refresh_buttons(self) -> None:
        """After a button did something, the last frame's buttons may be gone or mean
        something else (a new project's options): draw before the next click or key."""
        if self._buttons_stale and self.running:
            self.draw(dry=True)

    def _key(self, event: pygame.event.Event) -> None:
        from game.ui.devices_panel import admit_first, refuse_first
        from game.ui.trainer import trainer_key

        ctrl = bool(getattr(event, "mod", 0) & pygame.KMOD_CTRL)
        if self.link.asks and ctrl and event.key in (pygame.K_y, pygame.K_n):
            (admit_first if event.key == pygame.K_y else refuse_first)(self)
            self.dirty = self._buttons_stale = True
            return
        if trainer_key(self, event):
            self.dirty = self._buttons_stale = True
            return
        if self.link.asks:
            return  # only the ask's own keys and buttons until it is answered
        if self.join_open and not self.help_open:
            if event.key in (pygame.K_ESCAPE, pygame.K_RETURN):
                self.join_open = False
                self.dirty = self._buttons_stale = True
            return
        if self.help_open:
            if event.key in (pygame.K_ESCAPE, pygame.K_RETURN):
                self.help_open = False
                self.dirty = True
            return
        if self.scene.handle(event):
            self.dirty = True
            return
        self._refresh_buttons()
        for hit in self.hits:
            if hit.key == event.key and hit.enabled:
                self._activate(hit)
                return

    # -- drawing --------------------------------------------------------------------------

    def draw(self, dry: bool = False) -> None:
        """Draw a frame; ``dry`` only lays it out, to know where its buttons are."""
        from game.ui.devices_panel import draw_ask, draw_join
        from game.ui.overlays import draw_help, draw_status

        surface = pygame.display.get_surface()
        painter = Painter(surface, self.layout, self.type, self.theme, self.mouse, dry)
        painter.fill()
        self.scene.draw(painter)
        if self.join_open and self.link.running and not self.help_open:
            painter.hits, painter.drawn = [], []  # the join screen covers the scene
            draw_join(self, painter)
        draw_status(self, painter)
        if self.help_open:
            painter.hits, painter.drawn = [], []
            draw_help(self, painter)
        if self.link.asks:
            painter.hits = []  # the trainer answers the ask before anything else
            draw_ask(self, painter)
        self.hits = painter.hits
        self._buttons_stale = False
        if dry:
            return
        self.drawn = painter.drawn
        pygame.display.flip()
        self.dirty = False

    # -- settings the trainer changes -------------------------------------------------------

    def set_language(self, language: str) -> None:
        self.t = Translator(language)
        for scene in self.scenes:
            scene.t = self.t
        if self.workshop is not None:
            self.workshop.t = self.t
        self.dirty = True

    def toggle_contrast(self) -> None:
        self.theme = CALM if self.theme is HIGH_CONTRAST else HIGH_CONTRAST

    def change_text_size(self, step: int) -> None:
        index = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - self.text_scale))
        index = max(0, min(len(TEXT_SCALES) - 1, index + step))
        self.text_scale = TEXT_SCALES[index]
        self.message = self.t("Text size: {percent}%", percent=round(100 * self.text_scale))
        self.dirty = self._buttons_stale = True

    def toggle_fullscreen(self) -> None:
        try:
            pygame.display.toggle_fullscreen()
        except pygame.error as error:  # the dummy driver, some window managers
            self.error = self.t("Fullscreen is not available here ({error}).", error=str(error))
