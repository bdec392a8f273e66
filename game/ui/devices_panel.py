"""What the projector shows of the teams' devices: the join screen and the trainer's asks.

The join screen (Ctrl+J, and at the start of a game with devices) shows the room's QR
code and the join address in words, and the devices of each team, each with when it
was last heard from and a button to remove it. An ask ("A device asks to join as the
Museum team") comes over whatever is on the screen until the trainer admits or refuses
it. Both are drawn for the whole room: team names, counts and times, never a code, a key
or a device's id.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.painter import Painter
from game.ui.qr import module_size, qr_surface
from game.ui.scenes.base import button_row, content_bottom

if TYPE_CHECKING:
    from game.devices.admission import Joined
    from game.ui.host import Host


def seen_words(t, seen: float | None) -> str:
    if seen is None:
        return t("not heard from since the start")
    if seen < 60:
        return t("last seen {seconds} s ago", seconds=int(seen))
    return t("last seen {minutes} min ago", minutes=int(seen // 60))


def draw_join(app: Host, painter: Painter) -> None:
    """The join screen over the whole frame (nothing of the scene shows through)."""
    t, link = app.t, app.link
    width, height = painter.size
    painter.fill()
    area = pygame.Rect(40, 20, width - 80, content_bottom(painter) - 20)
    painter.box(area, painter.theme.panel, painter.theme.accent, 4)
    inner = area.inflate(-60, -50)
    buttons = pygame.Rect(40, height - 100, width - 80, 80)  # the footer's place
    address = painter.line_height("heading", bold=True) + 16
    side = min(inner.height - address, inner.width * 2 // 5)
    qr_box = pygame.Rect(inner.left, inner.top, side, side)
    _draw_qr(app, painter, qr_box, link.url)
    under = pygame.Rect(inner.left - 20, qr_box.bottom + 8, side + 40, address)
    painter.line(under, link.url, "heading", bold=True, align="center")  # the address in words
    text = pygame.Rect(qr_box.right + 50, inner.top, inner.right - qr_box.right - 50,
                       inner.height)  # fmt: skip
    used = painter.text(text, t("Join the game on your phone"), "heading", bold=True,
                        max_lines=2)  # fmt: skip
    steps = [
        t("1. Join the Wi-Fi this laptop is on."),
        t("2. Scan the code, or open {url}", url=link.url),
        t("3. Pick your team; the trainer lets you in. Or type the code on your team's card."),
    ]
    top = text.top + used + 16
    top += painter.paragraphs(pygame.Rect(text.left, top, text.width, text.bottom - top),
                              steps, "body", gap=10)  # fmt: skip
    _draw_devices(app, painter, pygame.Rect(text.left, top + 10, text.width, text.bottom - top))
    button_row(painter, buttons, [
        (t("Write the join cards"), lambda: _write_cards(app), None, True),
        (t("Close"), lambda: _close(app), pygame.K_ESCAPE, True),
    ])  # fmt: skip


def _draw_qr(app: Host, painter: Painter, box: pygame.Rect, url: str) -> None:
    """The QR code, whole modules of whole pixels, centred in ``box``."""
    target = painter.layout.to_px(box)
    module = module_size(url, min(target.width, target.height))
    surface = qr_surface(url, module)
    place = surface.get_rect(center=target.center)
    app.shown_qr = (url, place, module)
    if not painter.dry:
        painter.surface.blit(surface, place)


def _draw_devices(app: Host, painter: Painter, rect: pygame.Rect) -> None:
    t, link, workshop = app.t, app.link, app.workshop
    if workshop is None or rect.height < painter.line_height("small"):
        return
    row = max(painter.line_height("small") + 12, 56)
    top = rect.top
    by_team: dict[str, list[Joined]] = {}
    for joined in link.devices:
        by_team.setdefault(joined.role, []).append(joined)
    for seat in workshop.seats:
        if not seat.device:
            continue
        mine = by_team.get(seat.role, [])
        if top + row > rect.bottom:
            break
        connected = sum(1 for joined in mine if joined.connections)
        painter.line(pygame.Rect(rect.left, top, rect.width, row),
                     t("{team}: {count} connected", team=seat.team, count=connected),
                     "small", bold=True)  # fmt: skip
        top += row
        for number, joined in enumerate(mine, 1):
            if top + row > rect.bottom:
                break
            state = t("connected") if joined.connections else t("not connected")
            words = t("Device {number}: {state}, {seen}", number=number, state=state,
                      seen=seen_words(t, joined.seen))  # fmt: skip
            painter.line(pygame.Rect(rect.left + 30, top, rect.width - 260, row), words, "small")
            painter.button(pygame.Rect(rect.right - 220, top + 4, 220, row - 8), t("Remove"),
                           lambda j=joined: _remove(app, j), size="small")  # fmt: skip
            top += row


def draw_ask(app: Host, painter: Painter) -> None:
    """The oldest ask waiting, over the scene: admit or refuse (Ctrl+Y / Ctrl+N)."""
    t, asks = app.t, app.link.asks
    ask = asks[0]
    width, height = painter.size
    box = pygame.Rect(0, 0, min(1200, width - 120), 440)
    box.center = (width // 2, height // 2)
    painter.box(box, painter.theme.panel, painter.theme.accent, 6)
    inner = box.inflate(-70, -50)
    used = painter.text(inner, t("A device asks to join as the {team} team.", team=ask.team),
                        "heading", bold=True, max_lines=2)  # fmt: skip
    notes = [t("Admit it if the team holding it is that team.")]
    if len(asks) > 1:
        notes.append(t("{count} more waiting.", count=len(asks) - 1))
    painter.paragraphs(pygame.Rect(inner.left, inner.top + used + 14, inner.width, 120),
                       notes, "body", painter.theme.muted)  # fmt: skip
    buttons = pygame.Rect(inner.left, inner.bottom - 80, inner.width, 80)
    half = (buttons.width - 20) // 2
    painter.button(pygame.Rect(buttons.left, buttons.top, half, buttons.height),
                   t("Admit (Ctrl+Y)"), lambda: admit_first(app))  # fmt: skip
    painter.button(pygame.Rect(buttons.left + half + 20, buttons.top, half, buttons.height),
                   t("Refuse (Ctrl+N)"), lambda: refuse_first(app))  # fmt: skip


def admit_first(app: Host) -> None:
    if app.link.asks:
        ask = app.link.asks[0]
        if app.link.admit(ask.number):
            app.message = app.t("A device of the {team} team joined.", team=ask.team)
        else:
            app.error = app.t("That device left before it was admitted.")


def refuse_first(app: Host) -> None:
    if app.link.asks:
        ask = app.link.asks[0]
        app.link.refuse(ask.number)
        app.message = app.t("A device asking to join as the {team} team was refused.",
                            team=ask.team)  # fmt: skip


def _remove(app: Host, joined: Joined) -> None:
    app.link.remove(joined.role, joined.device)
    team = app.workshop.seat(joined.role).team if app.workshop else joined.role
    app.message = app.t("A device of the {team} team was removed.", team=team)


def _write_cards(app: Host) -> None:
    try:
        path = app.link.write_cards(app.workshop, app.t.language)
    except OSError as error:
        app.error = app.t("The join cards could not be written ({error}).",
                          error=error.strerror or str(error))  # fmt: skip
        return
    app.message = app.t("Join cards written to {path}: print them and give each team its "
                        "own.", path=str(path))  # fmt: skip


def _close(app: Host) -> None:
    app.join_open = False
