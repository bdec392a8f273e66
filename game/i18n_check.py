"""The tools behind each ``locale/extract.py``: which message ids the code translates, and
whether a language table fits them.

The English text in ``t("…")`` is the message id (``game/i18n.py``), so the list of ids
lives only in the code: it is read with ``ast`` (no import, no pygame). The screens
(``game/ui/locale/extract.py``) and the printed report (``game/report/locale/extract.py``)
each add the ids they pass through ``t`` as variables.
"""

from __future__ import annotations

import argparse
import ast
import json
import string
import sys
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


def command(description: str, ids: list[str], locale_dir: Path, argv: list[str] | None) -> int:
    """An ``extract.py``: print ``ids`` as JSON, or with ``--check`` compare a table."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="compare the ids with a table")
    parser.add_argument("--language", default="da", help="the table to check (default: da)")
    args = parser.parse_args(argv)
    if not args.check:
        print(json.dumps(ids, ensure_ascii=False, indent=1))
        return 0
    table_path = locale_dir / f"{args.language}.json"
    table = json.loads(table_path.read_text(encoding="utf-8")) if table_path.is_file() else {}
    problems = check(ids, table)
    for line in problems:
        print(line)
    name = table_path.name
    if problems:
        print(f"{name}: {len(problems)} problem(s) for {len(ids)} message ids", file=sys.stderr)
        return 1
    print(f"{name}: all {len(ids)} message ids translated", file=sys.stderr)
    return 0
