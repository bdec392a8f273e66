"""Join cards: one printable card per team, with its code and a QR code that joins.

Printed and cut apart, each card goes to its team only: it holds the team's name, its
code in large type, a QR code of ``http://HOST:PORT/#code=CODE`` (the phone page reads
the code from the address's ``#`` part, which a browser never sends to a server, and
clears it) and three lines of instructions. The trainer's code is on no card. The QR
codes are segno's SVG, inline: the page is one self-contained file, as the report is.
"""

from __future__ import annotations

from pathlib import Path

import segno

from game.devices.codes import GameCodes
from game.devices.network import join_url
from game.engine.record import write_atomically
from game.report.html import Markup, document, join, para, tag
from game.report.words import translator
from game.session.workshop import Workshop

STYLE = """
body { font-family: system-ui, sans-serif; margin: 0; color: #111; }
.cards { display: flex; flex-wrap: wrap; gap: 0; }
.card { box-sizing: border-box; width: 50%; min-height: 13cm; padding: 1cm;
        border: 1px dashed #888; break-inside: avoid; page-break-inside: avoid; }
.card h2 { margin: 0 0 .2em; font-size: 1.6em; }
.card .role { margin: 0 0 .6em; color: #444; }
.card .code { font: bold 2.4em/1.2 ui-monospace, monospace; letter-spacing: .08em;
              margin: .3em 0; }
.card .qr svg { width: 5cm; height: 5cm; }
.card ol { padding-left: 1.2em; margin: .4em 0 0; }
.card .private { color: #a00; font-weight: bold; }
@media print { .card { width: 50%; } }
"""


def cards_path(save: Path) -> Path:
    return save.with_name(save.stem + ".cards.html")


def card_roles(workshop: Workshop) -> list[str]:
    """The teams that get a card: those on devices, or every team when none is yet."""
    on_devices = [seat.role for seat in workshop.seats if seat.device]
    return on_devices or [seat.role for seat in workshop.seats]


def build_cards(workshop: Workshop, codes: GameCodes, host: str, port: int, language: str) -> str:
    t = translator(language)
    title = t("{scenario}: join cards", scenario=workshop.state.scenario.title)
    address = join_url(host, port)
    cards = []
    for role in card_roles(workshop):
        code = codes.teams[role]
        qr = segno.make(join_url(host, port, code), error="m")
        cards.append(
            tag(
                "section",
                [
                    tag("h2", workshop.seat(role).team),
                    para(workshop.name(role), class_="role"),
                    para(t("Your team's code:")),
                    para(code, class_="code"),
                    tag("div", Markup(qr.svg_inline(scale=4, border=4)), class_="qr"),
                    tag(
                        "ol",
                        [
                            tag("li", t("Join the room's Wi-Fi (the laptop's network).")),
                            tag(
                                "li",
                                t(
                                    "Scan the QR code, or open {address} and type the code.",
                                    address=address,
                                ),
                            ),
                            tag("li", t("Several devices of one team may join.")),
                        ],
                    ),
                    para(
                        t("For your team only: do not show this card to other teams."),
                        class_="private",
                    ),
                ],
                class_="card",
            )
        )
    body = join([tag("h1", title), tag("div", cards, class_="cards")])
    return document(title, language, STYLE, body)


def write_cards(
    workshop: Workshop, codes: GameCodes, host: str, port: int, language: str, output: Path
) -> Path:
    write_atomically(output, build_cards(workshop, codes, host, port, language))
    return output
