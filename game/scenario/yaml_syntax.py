"""YAML syntax errors, explained for an author who has never heard of a "simple key".

PyYAML reports what its scanner expected where it stopped, which is often a line after the
mistake ("could not find expected ':'" on the line *below* ``name:Theatre``). It also
carries a context mark: where the thing it was reading began. From both marks and the
source lines we find the line the author has to change, and say what is wrong with it in
terms of what they wrote: a missing space after a colon, a line indented further than
its neighbour, a quote never closed, a tab, curly quotes from a word processor.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import yaml

_KEY_WITHOUT_SPACE = re.compile(r"^\s*(?:- )?([A-Za-z0-9_-]+):(\S.*)$")
_CURLY_QUOTES = "“”‘’„"


class Explained(NamedTuple):
    line: int
    column: int
    message: str
    hint: str | None


def explain(error: yaml.MarkedYAMLError, text: str) -> Explained:
    lines = text.splitlines()
    problem = error.problem or error.context or "the YAML cannot be read"
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)

    def source(number: int) -> str:
        return lines[number - 1] if 1 <= number <= len(lines) else ""

    if "quoted scalar" in context and error.context_mark is not None:
        start = error.context_mark
        return Explained(
            start.line + 1,
            start.column + 1,
            "YAML syntax: the quote that opens here is never closed",
            "close it at the end of the text, on the same line",
        )
    if "simple key" in context and error.context_mark is not None:
        key_line = error.context_mark.line + 1
        written = source(key_line)
        match = _KEY_WITHOUT_SPACE.match(written)
        if match:
            fixed = written.replace(f"{match[1]}:", f"{match[1]}: ", 1).strip()
            return Explained(
                key_line,
                error.context_mark.column + 1,
                "YAML syntax: there is no space after the colon",
                f'write a space after it: "{fixed}"',
            )
        return Explained(
            key_line,
            error.context_mark.column + 1,
            "YAML syntax: this line has no colon after its key",
            "write key: value (a colon and a space); if the line continues the text above, "
            "indent it further than the key of that text",
        )
    if "single document" in context:
        return Explained(
            line,
            column,
            "YAML syntax: a second document starts here",
            "a scenario is one document: remove this '---' line and what follows, or merge it",
        )
    if "undefined alias" in problem:
        name = re.match(r"\*([^\s,\]}]+)", source(line)[column - 1 :])
        alias = name.group(1) if name else "?"
        return Explained(
            line,
            column,
            f'YAML syntax: "*{alias}" refers to an anchor "&{alias}" that is not defined above',
            f"define &{alias} before using *{alias}, or write the value out",
        )
    if "while parsing a flow" in context and error.context_mark is not None:
        opened = error.context_mark
        bracket = source(opened.line + 1)[opened.column : opened.column + 1] or "["
        closing = {"[": "]", "{": "}"}.get(bracket, "]")
        return Explained(
            opened.line + 1,
            opened.column + 1,
            f"YAML syntax: the {bracket} that opens here is not closed",
            f"close it with {closing} (YAML was still looking for it on line {line})",
        )
    if "mapping values are not allowed" in problem:
        return _mapping_value_here(line, column, source)
    if "\\t" in problem or "tab" in problem or source(line)[column - 1 : column] == "\t":
        return Explained(
            line, column, "YAML syntax: a tab character in the indentation", "indent with spaces"
        )
    if "expected comment or line break" in problem and re.search(r"[|>]\s+\S", source(line)):
        return Explained(
            line,
            column,
            "YAML syntax: text on the same line as | or >",
            "after | or > the text starts on the next line, indented",
        )
    if "alphabetic or numeric character" in problem or "cannot start any token" in problem:
        return Explained(
            line,
            column,
            f"YAML syntax: {problem}",
            "text that starts with * & ! | > % @ or ` needs quotes around it",
        )
    if any(quote in source(line) for quote in _CURLY_QUOTES):
        return Explained(line, column, f"YAML syntax: {problem}", _CURLY_HINT)
    return Explained(
        line,
        column,
        f"YAML syntax: {problem}",
        "check that this line lines up with the fields above it, and its quotes",
    )


_CURLY_HINT = 'curly quotes “ ” from a word processor are text to YAML; use straight quotes "'


def _mapping_value_here(line: int, column: int, source) -> Explained:
    written = source(line)
    if any(quote in written for quote in _CURLY_QUOTES):
        return Explained(line, column, "YAML syntax: curly quotes", _CURLY_HINT)
    previous = line - 1
    while previous > 0 and (
        not source(previous).strip() or source(previous).lstrip().startswith("#")
    ):
        previous -= 1
    above = source(previous)
    indent, above_indent = _indent(written), _indent(above)
    if previous and indent > above_indent and not above.rstrip().endswith(":"):
        return Explained(
            line,
            indent + 1,
            f"YAML syntax: this line is indented further than line {previous}, "
            "which already has its value",
            f"line up the fields of one mapping under each other (this line or line {previous} "
            "is off)",
        )
    value = written.split(": ", 1)[1] if ": " in written else ""
    if ": " in value:
        return Explained(
            line,
            column,
            "YAML syntax: text with a colon and a space in it needs quotes",
            'e.g. label: "Note: free entry"',
        )
    return Explained(
        line,
        column,
        "YAML syntax: a key and value are not allowed here",
        "check the indentation of this line against the lines above",
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
