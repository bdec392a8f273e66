"""Join cards: one card per team with its code and a QR code that joins; the trainer's code
is on none; ``outofthebox cards`` writes them for a saved game and says plainly when the
save is not one."""

from __future__ import annotations

import html
import re

import segno

from game.cli import EXIT_OK, EXIT_USAGE, main
from game.devices.codes import codes_for
from game.report.cards import build_cards
from game.session.workshop import Seat, Workshop
from tests.helpers import SCENARIOS

FAMILIES = SCENARIOS / "children-and-families.yaml"


def a_game(tmp_path, on_devices: int | None = None) -> Workshop:
    workshop = Workshop.start(FAMILIES, 4, [], folder=tmp_path)
    roles = workshop.state.scenario.roles
    workshop.seats = [
        Seat(r.id, f"Team {r.name}", device=on_devices is None or i < on_devices)
        for i, r in enumerate(roles)
    ]
    workshop.save_seats()
    return workshop


def test_every_team_on_a_device_has_a_card_with_its_code_and_no_card_has_the_trainers(tmp_path):
    workshop = a_game(tmp_path)
    codes = codes_for(workshop.session.path, [s.role for s in workshop.seats])
    page = build_cards(workshop, codes, "192.168.1.20", 8765, "en")
    assert page.count('class="card"') == len(workshop.seats)
    for seat in workshop.seats:
        assert codes.teams[seat.role] in page and html.escape(seat.team) in page
    assert codes.trainer not in page and codes.trainer.replace("-", "") not in page
    assert page.count("<svg") == len(workshop.seats)
    assert "http://192.168.1.20:8765/" in page


def test_a_cards_qr_is_segnos_code_of_the_join_address_with_the_teams_code(tmp_path):
    workshop = a_game(tmp_path, on_devices=1)
    codes = codes_for(workshop.session.path, [s.role for s in workshop.seats])
    page = build_cards(workshop, codes, "10.0.0.5", 9000, "da")
    role = workshop.seats[0].role
    expected = segno.make(f"http://10.0.0.5:9000/#code={codes.teams[role]}", error="m")
    [svg] = re.findall(r"<svg.*?</svg>", page, re.S)
    assert svg == expected.svg_inline(scale=4, border=4)
    assert page.count('class="card"') == 1  # only the team on a device
    assert 'lang="da"' in page


def test_the_cards_command_writes_them_beside_the_save(tmp_path, capsys):
    workshop = a_game(tmp_path)
    save = workshop.session.path
    code = main(["cards", str(save), "--host", "127.0.0.1", "--port", "8800"])
    assert code == EXIT_OK
    written = save.with_name(save.stem + ".cards.html")
    page = written.read_text(encoding="utf-8")
    codes = codes_for(save, [s.role for s in workshop.seats])
    assert all(c in page for c in codes.teams.values()) and codes.trainer not in page
    assert "http://127.0.0.1:8800/" in page
    assert "Wrote" in capsys.readouterr().out


def test_a_bad_save_is_said_in_one_line(tmp_path, capsys):
    assert main(["cards", str(tmp_path / "missing.json")]) == EXIT_USAGE
    assert "no such save" in capsys.readouterr().err
    junk = tmp_path / "junk.json"
    junk.write_text("not a save", encoding="utf-8")
    assert main(["cards", str(junk), "--host", "127.0.0.1"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("outofthebox:") and "Traceback" not in err
