"""A few functions that build HTML as strings, escaping every piece of text on the way in.

Scenario text is untrusted (a trainer's YAML, a team's typed rejection reason): a ``<`` in
it must print as ``<``, never open a tag. So text goes in through ``esc`` only, and the
builders take either text (escaped here) or ``Markup`` (already built by these functions).
No template engine: the report is a handful of tables and paragraphs, and plain functions
keep it dependency-free and easy to test.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence


class Markup(str):
    """HTML that these builders made: joined as it is, never escaped again."""


def esc(text: object) -> Markup:
    """``text`` as HTML text (``Markup`` passes unchanged)."""
    if isinstance(text, Markup):
        return text
    return Markup(html.escape(str(text), quote=True))


def join(parts: Iterable[object]) -> Markup:
    return Markup("".join(_content(part) for part in parts))


def _content(content: object) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return esc(content)
    if isinstance(content, Iterable):
        return "".join(_content(part) for part in content)
    return esc(content)


def tag(name: str, content: object = None, **attributes: object) -> Markup:
    """``<name attr="…">content</name>``; ``class_`` sets ``class``; None leaves one out."""
    attrs = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{html.escape(str(value), quote=True)}"'
        for key, value in attributes.items()
        if value is not None and value is not False
    )
    return Markup(f"<{name}{attrs}>{_content(content)}</{name}>")


def para(content: object, **attributes: object) -> Markup:
    return tag("p", content, **attributes)


def bullets(items: Iterable[object], **attributes: object) -> Markup:
    return tag("ul", [tag("li", item) for item in items], **attributes)


def table(
    head: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    class_: str | None = None,
    numbers_from: int | None = None,
) -> Markup:
    """A table with a header row; a row's first cell is its header (``th``).

    Columns from ``numbers_from`` on hold numbers: set right-aligned, so that they compare
    at a glance down a printed column.
    """
    return grouped_table(head, [list(rows)], class_=class_, numbers_from=numbers_from)


def grouped_table(
    head: Sequence[object],
    groups: Iterable[Sequence[Sequence[object]]],
    *,
    class_: str | None = None,
    numbers_from: int | None = None,
    keep_groups: bool = False,
) -> Markup:
    """``table`` with its rows in groups (a ``tbody`` each); with ``keep_groups`` a printed
    page never splits a group, so an issue's title stays with all of its options."""

    def kind(index: int) -> str | None:
        return "num" if numbers_from is not None and index >= numbers_from else None

    header = tag(
        "thead",
        tag("tr", [tag("th", cell, scope="col", class_=kind(i)) for i, cell in enumerate(head)]),
    )
    bodies = [
        tag(
            "tbody",
            [
                tag(
                    "tr",
                    [
                        tag("th", row[0], scope="row"),
                        *(tag("td", cell, class_=kind(i)) for i, cell in enumerate(row[1:], 1)),
                    ],
                )
                for row in rows
            ],
            class_="keep" if keep_groups else None,
        )
        for rows in groups
    ]
    return tag("table", [header, bodies], class_=class_)


def definitions(pairs: Iterable[tuple[object, object]]) -> Markup:
    return tag("dl", [[tag("dt", term), tag("dd", text)] for term, text in pairs])


def document(title: str, language: str, style: str, body: object) -> Markup:
    """A whole, self-contained HTML page: no external file, so it mails and prints as one."""
    head = join(
        [
            Markup('<meta charset="utf-8">'),
            Markup('<meta name="viewport" content="width=device-width, initial-scale=1">'),
            tag("title", title),
            Markup(f"<style>{style}</style>"),
        ]
    )
    return Markup(
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}">\n<head>{head}</head>\n'
        f"<body>{_content(body)}</body>\n</html>\n"
    )
