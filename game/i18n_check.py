"""The tools behind each ``locale/extract.py``: which message ids the code translates, and
whether a language table fits them.

The English text in ``t("…")`` is the message id (``game/i18n.py``), so the list of ids
lives only in the code: it is read with ``ast`` (no import, no pygame). The screens
(``game/ui/locale/extract.py``) and the printed report (``game/report/locale/extract.py``)
each add the ids they pass through ``t`` as variables.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path


def code_ids(folder: Path) -> list[str]:
    """Every ``t("…")`` message id in the Python files under ``folder``, sorted, once each."""
    ids: set[str] = set()
    for path in sorted(Path(folder).rglob("*.py")):
        ids |= _calls(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return sorted(ids)


def _is_translator(func: ast.expr) -> bool:
    """``t``, or any attribute called ``t``: ``self.t``, ``app.t``, ``self.app.t``."""
    if isinstance(func, ast.Name):
        return func.id == "t"
    return isinstance(func, ast.Attribute) and func.attr == "t"


def _calls(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and _is_translator(node.func)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def placeholders(text: str) -> set[str]:
    """The ``{names}`` in a format string (``{{`` and ``}}`` are not placeholders)."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def check(ids: list[str], table: dict[str, str]) -> list[str]:
    """One line per problem; no lines means the table fits the code."""
    problems = [f"missing: {key!r}" for key in ids if key not in table]
    wanted = set(ids)
    problems += [f"unused: {key!r}" for key in sorted(table) if key not in wanted]
    for key in ids:
        if key not in table:
            continue
        try:
            theirs = placeholders(table[key])
        except ValueError as error:
            problems.append(f"bad format string for {key!r}: {error}")
            continue
        if placeholders(key) != theirs:
            problems.append(
                f"placeholders differ: {key!r} has {sorted(placeholders(key))}, "
                f"translation has {sorted(theirs)}"
            )
    return problems
