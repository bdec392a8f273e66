"""Playing the screens as a person does: posted mouse clicks and key presses only.

The driver finds a button by its label among the last frame's buttons (as an eye would),
posts a press and a release at its centre, and lets the app take one step.
"""

from __future__ import annotations

import pygame

from game.ui.app import App


def step(app: App, times: int = 1) -> None:
    for _ in range(times):
        app.step()


def labels(app: App) -> list[str]:
    return [hit.label for hit in app.hits if hit.enabled]


def click(app: App, label: str, exact: bool = False) -> None:
    """Click the first enabled button whose label starts with (or is) ``label``."""
    for hit in app.hits:
        matches = hit.label == label if exact else hit.label.startswith(label)
        if matches and hit.enabled:
            centre = app._physical(hit.rect.center)
            pygame.event.post(
                pygame.event.Event(pygame.MOUSEMOTION, pos=centre, rel=(0, 0), buttons=(0, 0, 0))
            )
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=centre, button=1))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=centre, button=1))
            app.step()
            return
    raise AssertionError(f"no button {label!r} on {app.scene.name}; there are: {labels(app)}")


def press(app: App, key: int, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
    app.step()


def type_text(app: App, text: str) -> None:
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    app.step()


def drawn_text(app: App) -> str:
    return " ".join(item.text for item in app.drawn)
