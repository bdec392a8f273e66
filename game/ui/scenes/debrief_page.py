"""What a page of the debrief may ask of the debrief scene it is drawn in.

The page modules (``debrief_scores``, ``debrief_missed``, ``debrief_story``) are drawn by
``debrief.DebriefScene``, which imports them; they see it only through this, so the
scene and its pages form no import circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from game.ui.host import Host
    from game.ui.i18n import Translator


class DebriefPage(Protocol):
    app: Host
    pages: dict[str, int]  # the page (or the chosen row) of each tab

    @property
    def t(self) -> Translator: ...

    def choose(self, index: int) -> None:
        """A click on a row or a round: that page of the current tab."""
        ...
