"""Every string on the screens goes through ``Translator``: English is the key, as in gettext.

The English text in the code is the message id; ``locale/da.json`` maps each id to its
Danish text with the same ``{placeholders}``. A test reads every ``t("…")`` in the screens
and fails if a language lacks one, so a new string cannot ship half-translated. Scenario
text (names, briefs, options) is the author's and is shown as written.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = {"en": "English", "da": "Dansk"}


@cache
def _table(language: str) -> dict[str, str]:
    if language == "en":
        return {}
    return json.loads((LOCALE_DIR / f"{language}.json").read_text(encoding="utf-8"))


class Translator:
    def __init__(self, language: str = "en"):
        if language not in LANGUAGES:
            raise ValueError(f'no language "{language}"; choose one of: {", ".join(LANGUAGES)}')
        self.language = language
        self._strings = _table(language)

    def __call__(self, message: str, **values: object) -> str:
        text = self._strings.get(message, message)
        return text.format(**values) if values else text
