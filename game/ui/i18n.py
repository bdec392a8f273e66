"""Every string on the screens goes through ``Translator``: English is the key, as in gettext.

The English text in the code is the message id; ``locale/da.json`` maps each id to its
Danish text with the same ``{placeholders}``. A test reads every ``t("…")`` in the screens
and fails if a language lacks one, so a new string cannot ship half-translated. Scenario
text (names, briefs, options) is the author's and is shown as written. The translator
itself is ``game/i18n.py``'s, shared with the printed report; this one reads the screens'
own table.
"""

from __future__ import annotations

from game import i18n
from game.i18n import LANGUAGES

__all__ = ["LANGUAGES", "LOCALE_DIR", "Translator"]

LOCALE_DIR = i18n.SCREENS_LOCALE


class Translator(i18n.Translator):
    def __init__(self, language: str = "en"):
        super().__init__(language, LOCALE_DIR)
