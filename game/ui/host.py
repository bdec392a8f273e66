"""What a scene may ask of the window it is drawn in: a narrow interface, not the app.

Scenes, the overlays and the trainer's keys are given a ``Host`` (the app is one), so
they never import the app, and the app may import them: no import circle (a test holds
``game/`` free of any). A scene reads the session through ``workshop``, sends actions
with ``perform`` and moves between screens with ``push``, ``pop``, ``replace``,
``reset_to`` and ``to_table``; it never changes the game itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from game.engine import actions as act
from game.session.workshop import Outcome, Workshop
from game.ui.i18n import Translator
from game.ui.painter import Hit
from game.ui.text import Typesetter
from game.ui.timer import RoundTimer


class Host(Protocol):
    t: Translator
    workshop: Workshop | None
    scenes: list[Any]
    pending: list[Any]  # moment scenes to show when the room is back at the table
    message: str  # the room's latest news
    error: str  # the latest refusal or problem
    help_open: bool
    saves: Path
    seed: int | None
    scenario_files: list[Path] | None
    timer: RoundTimer
    computer_pace: float
    running: bool
    hits: list[Hit]
    drawn: list[Any]
    dirty: bool
    type: Typesetter
    text_scale: float
    link: Any  # game.ui.devices.DeviceLink: the device server, while a game has devices
    devices_offered: bool  # play --devices: seats may be played on the teams' devices
    join_open: bool  # the join screen (Ctrl+J)
    shown_qr: Any  # (what the QR code holds, where, pixels per module), for the tests

    @property
    def scene(self) -> Any: ...

    def make(self, name: str, *args: object, **kwargs: object) -> Any:
        """A scene by its name: "brief", "turn", "scores", "debrief", "perspective",
        "title" (the host knows the classes; scenes never import one another in a circle)."""
        ...

    def push(self, scene: Any) -> None: ...

    def pop(self) -> None: ...

    def replace(self, scene: Any) -> None: ...

    def reset_to(self, scene: Any) -> None: ...

    def to_table(self) -> None: ...

    def begin(self, workshop: Workshop) -> None: ...

    def perform(self, action: act.Action) -> Outcome: ...

    def hear_others(self) -> bool:
        """Tell the room what another front end (a team's device) did; True if anything."""
        ...

    def set_language(self, language: str) -> None: ...

    def change_text_size(self, step: int) -> None: ...

    def toggle_fullscreen(self) -> None: ...

    def toggle_contrast(self) -> None: ...
