"""A problem found in a scenario file, said the way an author can act on it.

Every problem carries the file, line and column, the path in the document, what is wrong
and, where we can guess it, a hint. It prints as
``file:line:col: path.to.field: message (hint: ...)`` so editors and terminals can jump
to it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]
#: A place in the loaded document: mapping keys and 0-based list positions.
DocPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: "
        if self.severity == "warning":
            where += "warning: "
        if self.path:
            where += f"{self.path}: "
        text = where + self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return printable(text)

    def as_json(self) -> dict[str, object]:
        return asdict(self)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` on one line, control characters shown as escapes: a file's content can
    neither colour the terminal nor forge a line of output."""
    return _CONTROL.sub(lambda match: ascii(match.group())[1:-1], text)


def closest(word: object, choices: Iterable[str]) -> str | None:
    """The allowed word that ``word`` is most likely a typo of, if any is close."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: object, choices: Iterable[str]) -> str | None:
    """A hint naming the closest allowed word, or listing the few allowed ones."""
    choices = list(dict.fromkeys(str(choice) for choice in choices))
    if not choices:
        return None
    close = closest(word, choices)
    if close:
        return f'did you mean "{close}"?'
    if len(choices) <= 8:
        return "expected one of: " + ", ".join(choices)
    return None


_TRANSLITERATIONS = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"}
)


def slugify(text: str) -> str:
    """An id made of ``text``: "Teatret på Åen" -> "teatret-paa-aaen"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_TRANSLITERATIONS)).strip("-")


def render_path(path: DocPath, data: object) -> str:
    """``roles[museum].brief.points`` for a document path.

    A list item is named by its ``id`` when it has one, otherwise by its position counted
    from 1 (``effects[2]``), as a trainer counts.
    """
    text = ""
    node = data
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            item_id = item.get("id") if isinstance(item, dict) else None
            text += f"[{item_id}]" if isinstance(item_id, str) and item_id else f"[{part + 1}]"
            node = item
        else:
            text += f".{part}" if text else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return text


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    return (diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.message)
