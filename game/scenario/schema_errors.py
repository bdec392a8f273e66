"""Pydantic's validation errors, retold for a trainer with a YAML file open.

Pydantic says ``Extra inputs are not permitted`` at ``roles.1.brnad``; the author needs
``scenario.yaml:40:5: roles[museum].brnad: unknown field "brnad" (hint: did you mean
"brand"?)``. This module finds the line, the allowed words and the hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic_core import ValidationError

from game.scenario.compiled import allowed_keys
from game.scenario.diagnostics import Diagnostic, DocPath, did_you_mean, render_path
from game.scenario.yaml_source import Located

_LIST_WORDS = re.compile(r"'([^']*)'")


def schema_diagnostics(
    error: ValidationError, located: Located, file: str, schema: dict[str, Any]
) -> Iterator[Diagnostic]:
    for item in error.errors(include_url=False):
        yield _retell(item, located, file, schema)


def _retell(item: dict, located: Located, file: str, schema: dict[str, Any]) -> Diagnostic:
    kind: str = item["type"]
    path = _data_path(tuple(item["loc"]), located.data)
    value = item.get("input")
    message = item["msg"].removeprefix("Value error, ")
    hint: str | None = None
    of_key = False
    if kind == "extra_forbidden":
        of_key = True
        field_name = str(path[-1])
        message = f'unknown field "{field_name}"'
        allowed = allowed_keys(schema, path[:-1], located.data)
        hint = did_you_mean(field_name, allowed)
    elif kind == "missing":
        of_key = True
        message = f'missing required field "{path[-1]}"'
        path_for_mark = path[:-1]
        line, column = located.mark(path_for_mark, of_key=True)
        return _diagnostic(file, line, column, path, located, message, None)
    elif kind in ("literal_error", "enum"):
        allowed = _LIST_WORDS.findall(item.get("ctx", {}).get("expected", ""))
        message = f'"{value}" is not allowed here'
        hint = did_you_mean(value, allowed)
    elif kind == "union_tag_invalid":
        allowed = _LIST_WORDS.findall(item.get("ctx", {}).get("expected_tags", ""))
        tag = item.get("ctx", {}).get("tag")
        message = f'unknown kind "{tag}"'
        hint = did_you_mean(tag, allowed)
    elif kind == "union_tag_not_found":
        message = 'missing "kind" (what the effect does)'
        hint = "e.g. kind: change-resource"
    elif kind == "string_pattern_mismatch":
        message = f'"{value}" is not a valid id or tag'
        slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
        hint = "use lower-case letters, digits and hyphens"
        if slug and slug != value:
            hint += f', e.g. "{slug}"'
    elif kind == "string_type" and path in located.yes_no_words:
        word = located.yes_no_words[path]
        message = f"expected text, but YAML reads the bare word {word} as true/false"
        hint = f'put it in quotes: "{word}"'
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        message = f"expected a mapping (key: value lines), found {_describe(value)}"
    elif kind == "list_type":
        message = f"expected a list (lines starting with '- '), found {_describe(value)}"
        hint = "a single item still needs a list: [item] or a '- item' line"
    if item["loc"] and str(item["loc"][-1]) == "[key]":
        of_key = True
    line, column = located.mark(path, of_key=of_key)
    return _diagnostic(file, line, column, path, located, message, hint)


def _diagnostic(
    file: str,
    line: int,
    column: int,
    path: DocPath,
    located: Located,
    message: str,
    hint: str | None,
) -> Diagnostic:
    return Diagnostic(file, line, column, render_path(path, located.data), message, hint)


def _data_path(loc: tuple, data: object) -> DocPath:
    """The document path of a pydantic ``loc``, without union tags and key markers."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(node, dict) and part not in node and node.get("kind") == part:
            continue  # the tag pydantic adds for a discriminated union
        path.append(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(path)


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f'the text "{value[:40]}"'
    if isinstance(value, bool):
        return f"{value}".lower()
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__
