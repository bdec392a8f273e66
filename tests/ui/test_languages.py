"""Every string on the screens exists in Danish, with the same placeholders."""

from __future__ import annotations

import json

import pytest

from game.i18n_check import check
from game.ui.i18n import LOCALE_DIR, Translator
from game.ui.locale.extract import message_ids


def test_the_danish_table_has_every_message_and_no_stale_ones():
    table = json.loads((LOCALE_DIR / "da.json").read_text(encoding="utf-8"))
    assert check(message_ids(), table) == []


def test_a_danish_sentence_keeps_its_placeholders_filled():
    t = Translator("da")
    sentence = t("Round {round} of {rounds}", round=2, rounds=6)
    assert "2" in sentence and "6" in sentence and sentence != "Round 2 of 6"


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="en, da"):
        Translator("xx")
