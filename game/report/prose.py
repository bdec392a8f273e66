"""An author's free text (trainer notes, briefs) as paragraphs and lists, escaped.

Scenario authors write YAML blocks with hard-wrapped lines, blank lines between
paragraphs and ``- `` for list items (see the built-in scenarios' ``trainer_notes``).
Printed as one run-on paragraph that structure is lost, so it is kept here: a line
starting with ``-`` opens a list item, an indented line continues the item above, and a
blank line ends a paragraph.
"""

from __future__ import annotations

from game.report.html import Markup, bullets, join, para


def blocks(text: str) -> list[tuple[str, list[str]]]:
    """("p", [paragraph]) and ("ul", [items]) blocks of ``text``, in order."""
    found: list[tuple[str, list[str]]] = []
    kind, parts = "", []  # the block being read
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            kind = ""
            continue
        if line.startswith(("- ", "* ")):
            if kind != "ul":
                kind, parts = "ul", []
                found.append((kind, parts))
            parts.append(line[2:].strip())
        elif kind == "ul" and raw[:1] in (" ", "\t"):
            parts[-1] += " " + line
        elif kind == "p":
            parts[0] += " " + line
        else:
            kind, parts = "p", [line]
            found.append((kind, parts))
    return found


def prose_html(text: str, **attributes: object) -> Markup:
    return join(
        para(parts[0], **attributes) if kind == "p" else bullets(parts, **attributes)
        for kind, parts in blocks(text)
    )
