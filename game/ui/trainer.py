"""The trainer's keys: function keys, so that they never collide with a team's typing.

Every key is listed on the help overlay (F1); ``TRAINER_KEYS`` is that list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import actions as act

if TYPE_CHECKING:
    from game.ui.host import Host

COMPUTER_PACES = (1.5, 0.3)  # seconds before a computer partner plays: readable, fast (F10)

# (key label, what it does) in the help overlay's order; the labels are translated there.
TRAINER_KEYS: list[tuple[str, str]] = [
    ("F1", "this help"),
    ("F2", "pause or resume the game"),
    ("F3", "start or stop the round timer (when time is up: one more minute)"),
    ("F4 / Ctrl+Z", "undo the last action"),
    ("F5", "reload the scenario file from disk"),
    ("F6", "skip the turn of the team that is playing"),
    ("F7", "play an event card now"),
    ("F8", "straw poll on the newest deal on the table"),
    ("F9", "high-contrast colours"),
    ("F10", "computer partners play at a readable pace or fast"),
    ("F11", "fullscreen"),
    ("Ctrl + / Ctrl −", "text size up and down"),
    ("Ctrl+S", "save now (the game also saves after every action)"),
    ("Ctrl+T", "the scenario's notes for the trainer (a curtain first: they may tell secrets)"),
    ("Ctrl+J", "devices: the room's QR code to join, and each team's devices"),
]


def trainer_key(app: Host, event: pygame.event.Event) -> bool:
    """Handle a trainer's key; True if it was one."""
    key = event.key
    ctrl = bool(event.mod & pygame.KMOD_CTRL) if hasattr(event, "mod") else False
    if key == pygame.K_F1:
        app.help_open = not app.help_open
    elif key == pygame.K_F9:
        app.toggle_contrast()
    elif key == pygame.K_F10:
        fast = app.computer_pace == COMPUTER_PACES[0]
        app.computer_pace = COMPUTER_PACES[1] if fast else COMPUTER_PACES[0]
        app.message = (
            app.t("Computer partners play fast.") if fast
            else app.t("Computer partners play at a readable pace.")
        )  # fmt: skip
    elif key == pygame.K_F11:
        app.toggle_fullscreen()
    elif ctrl and key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
        app.change_text_size(+1)
    elif ctrl and key in (pygame.K_MINUS, pygame.K_KP_MINUS):
        app.change_text_size(-1)
    elif ctrl and key == pygame.K_t:
        _trainer_notes(app)
    elif ctrl and key == pygame.K_j:
        _join_screen(app)
    elif key in (
        pygame.K_F2,
        pygame.K_F3,
        pygame.K_F4,
        pygame.K_F5,
        pygame.K_F6,
        pygame.K_F7,
        pygame.K_F8,
    ) or (ctrl and key in (pygame.K_z, pygame.K_s)):
        _game_key(app, key, ctrl)
    else:
        return False
    return True


def _game_key(app: Host, key: int, ctrl: bool) -> None:
    workshop = app.workshop
    if workshop is None or workshop.state.finished:
        app.error = app.t("That key works during a game.")
        return
    if key == pygame.K_F2:
        pausing = not workshop.state.paused
        if app.perform(act.Pause() if pausing else act.Resume()).ok:
            if pausing:  # the room may look at the screen now: hide any team's secrets
                app.timer.stop()
                app.to_table()
            else:
                app.timer.start()
    elif key == pygame.K_F3:
        app.timer.toggle()
    elif key == pygame.K_F4 or (ctrl and key == pygame.K_z):
        _undo(app)
    elif key == pygame.K_F5:
        _reload(app)
    elif key == pygame.K_F6:
        if app.perform(act.SkipTurn()).ok:
            app.to_table()
    elif key == pygame.K_F7:
        from game.ui.scenes.trainer_scenes import InjectScene

        app.to_table()
        app.push(InjectScene(app))
    elif key == pygame.K_F8:
        _straw_poll(app)
    elif ctrl and key == pygame.K_s:
        workshop.session.save()
        app.message = app.t("Saved: {path}", path=str(workshop.session.path))


def _undo(app: Host) -> None:
    outcome = app.workshop.undo()
    if outcome.ok:
        app.pending = []
        app.message, app.error = app.t("The last action was undone."), ""
        app.to_table()
    else:
        app.error = outcome.message


def _reload(app: Host) -> None:
    from game.ui.scenes.trainer_scenes import ProblemsScene

    problems = app.workshop.reload()
    if problems:
        app.push(ProblemsScene(app, problems))
    else:
        app.message = app.t("The scenario file was read again; the game goes on.")
        app.to_table()


def _straw_poll(app: Host) -> None:
    from game.ui.scenes.trainer_scenes import PollScene

    state = app.workshop.state
    deals = state.open_deals()
    if not deals:
        app.error = app.t("A straw poll needs a deal on the table.")
        return
    deal = deals[-1]
    outcome = app.perform(
        act.CallStrawPoll(
            project=deal.project, participants=deal.participants, options=deal.options
        )
    )
    if outcome.ok:
        app.to_table()
        app.push(PollScene(app, deal.number))


def _trainer_notes(app: Host) -> None:
    """Show the scenario's trainer notes, or close them (Ctrl+T again).

    Any team's private screen is hidden first; the notes come behind a curtain of their
    own (they may tell what the briefs hold). A finished game keeps its scores or debrief
    below.
    """
    from game.ui.scenes.trainer_scenes import NotesScene

    workshop = app.workshop
    if isinstance(app.scene, NotesScene):
        app.pop()
        return
    if workshop is None:
        app.error = app.t("That key works during a game.")
        return
    if not workshop.state.scenario.trainer_notes:
        app.error = app.t("This scenario has no notes for the trainer.")
        return
    if any(scene.secret_of is not None for scene in app.scenes):
        app.to_table()
    app.push(NotesScene(app))


def _join_screen(app: Host) -> None:
    """Open or close the join screen: the room's QR code and each team's devices. The room
    is about to look at the screen: any team's private screen is hidden first."""
    if app.join_open:
        app.join_open = False
        return
    if not app.link.running:
        app.error = app.t("This game has no seats on devices (start one with play --devices).")
        return
    if any(scene.secret_of is not None for scene in app.scenes):
        app.to_table()
    app.link.refresh()
    app.join_open = True
