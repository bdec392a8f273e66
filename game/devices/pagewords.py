"""The browser pages' words, in the screens' own translation table (``game/ui/locale``).

Two pages: the phone page (``app.js``, ``index.html``) and the room page (``room.js``,
``room.html``). A page's English text is its message id, as on the screens: ``t("…")``
in its script and ``data-t="…"`` / ``data-t-placeholder="…"`` in its HTML. ``page_ids``
finds them (for ``game/ui/locale/extract.py``, whose ``--check`` then fails on a missing
Danish one), and ``strings_js`` makes the page's strings file (``strings.js``,
``room.strings.js``) from the table when the server starts: only the page's own ids, so
the page stays small and nothing is built at run time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from game.i18n import LANGUAGES, SCREENS_LOCALE

STATIC = Path(__file__).resolve().parent / "static"
#: ``t("…")`` with a plain double-quoted JavaScript string (escapes read as JSON's)
_CALL = re.compile(r'\bt\(\s*("(?:[^"\\\n]|\\.)*")')
_ATTRIBUTE = re.compile(r'\sdata-t(?:-placeholder|-label)?="([^"]+)"')


#: each page: its script, its HTML and the strings file the server makes for it
PAGES = {
    "phone": ("app.js", "index.html", "strings.js"),
    "room": ("room.js", "room.html", "room.strings.js"),
}


def page_ids(static: Path = STATIC, page: str = "phone") -> list[str]:
    """Every message id ``page`` translates, sorted, once each."""
    script_name, html_name, _ = PAGES[page]
    script = (static / script_name).read_text(encoding="utf-8")
    page_text = (static / html_name).read_text(encoding="utf-8")
    ids = {json.loads(literal) for literal in _CALL.findall(script)}
    ids |= set(_ATTRIBUTE.findall(page_text))
    return sorted(ids)


def all_page_ids(static: Path = STATIC) -> list[str]:
    """Every message id of every page, for the screens' check."""
    return sorted({key for page in PAGES for key in page_ids(static, page)})


def strings_js(
    static: Path = STATIC, locale_dir: Path = SCREENS_LOCALE, page: str = "phone"
) -> str:
    """``window.STRINGS``: each language's text for the page's ids (English is the id)."""
    ids = page_ids(static, page)
    tables = {}
    for language in LANGUAGES:
        path = locale_dir / f"{language}.json"
        if language == "en" or not path.is_file():
            continue
        table = json.loads(path.read_text(encoding="utf-8"))
        tables[language] = {key: table[key] for key in ids if key in table}
    text = json.dumps(tables, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        f"// The {page} page's words, made by the server from game/ui/locale (pagewords.py).\n"
        f"window.STRINGS = {text};\n"
    )
