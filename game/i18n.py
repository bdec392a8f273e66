"""Every string a person reads goes through a ``Translator``: English is the key, as in gettext.

The English text in the code is the message id; a folder of tables (``da.json`` …) maps
each id to its text in another language with the same ``{placeholders}``. The screens and
the printed report each keep their own folder (``game/ui/locale``, ``game/report/locale``),
so a table holds only what its part of the game says and its check (``extract.py
--check``) can tell what is missing or unused. Scenario text (names, briefs, options) is
the author's and is shown as written.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LANGUAGES = {"en": "English", "da": "Dansk"}
#: the screens' table, which the teams' devices share (the phone page speaks as the
#: projector does); named here so the device server needs nothing from the screens
SCREENS_LOCALE = Path(__file__).resolve().parent / "ui" / "locale"


@cache
def _table(folder: Path, language: str) -> dict[str, str]:
    if language == "en":
        return {}
    return json.loads((folder / f"{language}.json").read_text(encoding="utf-8"))


class Translator:
    """``t("Hello {name}", name=…)``: the message in ``language``, from ``locale_dir``."""

    def __init__(self, language: str, locale_dir: Path):
        if language not in LANGUAGES:
            raise ValueError(f'no language "{language}"; choose one of: {", ".join(LANGUAGES)}')
        self.language = language
        self._strings = _table(Path(locale_dir), language)

    def __call__(self, message: str, **values: object) -> str:
        text = self._strings.get(message, message)
        return text.format(**values) if values else text


def screens(language: str) -> Translator:
    """The screens' words in ``language``: the projector's, and the phone page's."""
    return Translator(language, SCREENS_LOCALE)


def english() -> Translator:
    """The English translator: English is the message id, so it needs no table (the
    session layer's default, until a front end gives it the reader's language)."""
    return Translator("en", Path())
