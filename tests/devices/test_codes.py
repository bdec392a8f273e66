"""Join codes: long enough not to be guessed, short enough to type, kept with the game."""

from __future__ import annotations

import json
import math

from game.devices.codes import ALPHABET, BITS, GameCodes, codes_for, codes_path, normalise
from game.session.workshop import Workshop, default_seats
from tests.helpers import TUTORIAL


def test_a_code_has_at_least_40_bits_in_groups_of_five():
    codes = GameCodes.make(["library", "cafe"])
    assert BITS >= 40 and len(ALPHABET) == 32
    for code in [*codes.teams.values(), codes.trainer]:
        first, second = code.split("-")
        assert len(first) == len(second) == 5
        assert set(first + second) <= set(ALPHABET)
        assert len(first + second) * math.log2(len(ALPHABET)) >= 40
    assert len({*codes.teams.values(), codes.trainer}) == 3


def test_codes_differ_between_games():
    made = {code for _ in range(200) for code in GameCodes.make(["a", "b"]).teams.values()}
    assert len(made) == 400


def test_the_codes_are_saved_beside_the_save_and_kept_on_resume(tmp_path):
    workshop = Workshop.start(TUTORIAL, 3, default_seats_of(), tmp_path)
    save = workshop.session.path
    assert save is not None
    codes = codes_for(save, ["library", "cafe"])
    assert codes_path(save).name == save.stem + ".codes.json"
    data = json.loads(codes_path(save).read_text(encoding="utf-8"))
    assert data["teams"] == codes.teams and data["trainer"] == codes.trainer
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically: no half file left
    resumed = Workshop.resume(save)
    assert resumed.session.path == save
    again = codes_for(save, ["library", "cafe"])
    assert (again.game, again.teams, again.trainer) == (codes.game, codes.teams, codes.trainer)
    assert again.port is None  # it has not listened yet
    again.port = 8799
    again.save(save)
    assert codes_for(save, ["library", "cafe"]).port == 8799  # a resumed game listens there


def test_a_damaged_codes_file_gets_new_codes(tmp_path):
    save = tmp_path / "game.json"
    codes_path(save).write_text("{not json", encoding="utf-8")
    codes = codes_for(save, ["library"])
    assert codes_for(save, ["library"]).teams == codes.teams


def test_what_a_person_types_is_read_forgivingly_but_exactly():
    code = "7KQ2M-XW4R0"
    codes = GameCodes("g", {"library": code}, "ABCDE-FGH1J")
    assert codes.holder("7kq2m xw4ro") == "library"
    assert codes.holder("abcde-fghij") == "trainer"  # I read as 1
    assert codes.holder("7KQ2M-XW4R1") is None
    assert codes.holder("") is None and codes.holder("7KQ2M") is None
    assert normalise("7KQ2M-XW4RU") == ""  # U is not a symbol of the alphabet


def default_seats_of():
    from game.engine.state import new_game
    from game.scenario.loading import check_file

    return default_seats(new_game(check_file(TUTORIAL).scenario(), 1))
