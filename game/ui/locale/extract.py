"""List every message id the screens translate, and check a language table against them.

The English text in ``t("…")`` is the message id (see ``game/ui/i18n.py``), so the list of
ids lives only in the code. A translator needs that list, and a table drifts as screens
change: this script reads the code with ``ast`` (no import, no pygame) and prints the ids
as JSON, or with ``--check`` reports ids a table lacks, keys no code uses any more, and
translations whose ``{placeholders}`` differ from the English, exiting 1 if there are any.

    python game/ui/locale/extract.py              # the ids, as a sorted JSON list
    python game/ui/locale/extract.py --check      # compare with locale/da.json
    python game/ui/locale/extract.py --check --language xx

It reads the browser pages' words too (``game/devices/pagewords.py``: ``t("…")`` in the
phone page's ``app.js`` and the room page's ``room.js``, ``data-t`` in their HTML), which
the server serves from this table.
It reads the session layer's calls too (``game/session``: its sentences reach the screens
through this table). Besides the ``t(...)`` calls it reads the purposes in
``TRAINER_KEYS`` (``trainer.py``), which the help overlay passes through ``t`` as
variables.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from game.devices.pagewords import all_page_ids
from game.i18n_check import code_ids, command

LOCALE_DIR = Path(__file__).resolve().parent
UI_DIR = LOCALE_DIR.parent
#: the session layer's sentences (the room's narration, solo practice, the workshop's
#: refusals) are said on the screens in the screens' words: this table holds them too
SESSION_DIR = UI_DIR.parent / "session"
TRAINER_FILE = UI_DIR / "trainer.py"


def _trainer_purposes(tree: ast.AST) -> set[str]:
    """The second string of each pair in ``TRAINER_KEYS``."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.value
        elif isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        else:
            continue
        if not any(isinstance(x, ast.Name) and x.id == "TRAINER_KEYS" for x in targets):
            continue
        if not isinstance(value, ast.List | ast.Tuple):
            continue
        for item in value.elts:
            if (
                isinstance(item, ast.Tuple)
                and len(item.elts) >= 2
                and isinstance(item.elts[1], ast.Constant)
                and isinstance(item.elts[1].value, str)
            ):
                found.add(item.elts[1].value)
    return found


def message_ids(ui_dir: Path = UI_DIR) -> list[str]:
    """Every message id under ``ui_dir``, sorted and without repeats."""
    ids = set(code_ids(ui_dir))
    if ui_dir.resolve() == UI_DIR:
        ids |= set(code_ids(SESSION_DIR))
        ids |= set(all_page_ids())
    if TRAINER_FILE.is_relative_to(ui_dir.resolve()):
        tree = ast.parse(TRAINER_FILE.read_text(encoding="utf-8"), filename=str(TRAINER_FILE))
        ids |= _trainer_purposes(tree)
    return sorted(ids)


def main(argv: list[str] | None = None) -> int:
    return command(__doc__.splitlines()[0], message_ids(), LOCALE_DIR, argv)


if __name__ == "__main__":
    sys.exit(main())
