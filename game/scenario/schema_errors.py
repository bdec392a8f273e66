"""Pydantic's validation errors, retold for a trainer with a YAML file open.

Pydantic says ``Extra inputs are not permitted`` at ``roles.1.brnad``; the author needs
``scenario.yaml:40:5: roles[museum].brnad: unknown field "brnad" (hint: did you mean
"brand"?)``. This module finds the line, says what was expected in the author's words,
and adds the hint: the word meant, where a misplaced field belongs, what to write.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from collections.abc import Callable, Iterator
from typing import Any

from pydantic_core import ValidationError

from game.scenario.compiled import allowed_keys, field_homes
from game.scenario.diagnostics import Diagnostic, DocPath, did_you_mean, render_path, slugify
from game.scenario.yaml_source import Located

_LIST_WORDS = re.compile(r"'([^']*)'")

#: What a mapping-valued field looks like, for "expected a mapping" errors.
_MAPPING_EXAMPLES = {
    "walk_away": "one value per project: walk_away: {project-id: 20}",
    "points": "points: {project-id: {issue-id: {option-id: 10}}}",
    "resources": "resources: {staff_time: 4, budget: 3}",
    "cost": "cost: {staff_time: 1, budget: 0}",
    "cost_for": "cost_for: {role-id: {staff_time: 1}}",
    "when": "when: {round_at_least: 3}",
    "approval": "approval: {required: [library]}",
    "lessons": "lessons: {win-win: {text: …}}",
    "rules": "rules: {event_chance: 0.5}",
}

Retelling = tuple[str, str | None]


def schema_diagnostics(
    error: ValidationError, located: Located, file: str, schema: dict[str, Any]
) -> Iterator[Diagnostic]:
    items = error.errors(include_url=False)
    unknown: dict[DocPath, list[str]] = {}
    for item in items:
        if item["type"] == "extra_forbidden":
            unknown.setdefault(_parent(located, item), []).append(str(item["loc"][-1]))
    for item in items:
        if item["type"] == "missing" and _misspelt(item, located, unknown):
            continue  # "unknown field mision (did you mean mission?)" says it already
        yield _retell(item, located, file, schema)


def _parent(located: Located, item: dict) -> DocPath:
    return _data_path(tuple(item["loc"]), located.data)[:-1]


def _misspelt(item: dict, located: Located, unknown: dict[DocPath, list[str]]) -> bool:
    name = str(item["loc"][-1])
    nearby = unknown.get(_parent(located, item), [])[:20]  # a handful is all a typo needs
    return any(difflib.SequenceMatcher(None, name, word).ratio() >= 0.6 for word in nearby)


def _retell(item: dict, located: Located, file: str, schema: dict[str, Any]) -> Diagnostic:
    kind: str = item["type"]
    path = _data_path(tuple(item["loc"]), located.data)
    of_key = kind == "extra_forbidden" or str(item["loc"][-1]) == "[key]"
    if kind == "missing":
        message, hint = f'missing required field "{path[-1]}"', None
        line, column = located.mark(path[:-1], of_key=True)
    else:
        retell = _RETELLINGS.get(kind, _as_pydantic_says)
        message, hint = retell(item, path, located, schema)
        line, column = located.mark(path, of_key=of_key)
    return Diagnostic(file, line, column, render_path(path, located.data), message, hint)


def _as_pydantic_says(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    return item["msg"].removeprefix("Value error, "), None


def _unknown_field(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    name = str(path[-1])
    hint = did_you_mean(name, allowed_keys(schema, path[:-1], located.data))
    if hint is None:  # no close word, and too many to list: maybe it belongs elsewhere
        homes = field_homes(schema).get(name)
        if homes:
            where = " or ".join(f'"{home}"' for home in sorted(homes))
            hint = f"{name} belongs inside {where}: check its indentation"
    return f'unknown field "{name}"', hint


def _not_allowed_word(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    allowed = _LIST_WORDS.findall(item.get("ctx", {}).get("expected", ""))
    value = item.get("input")
    if not isinstance(value, str):
        return f"expected one word here, found {_describe(value)}", _one_of(allowed)
    close = did_you_mean(value, allowed)
    return f'"{value}" is not allowed here', close or _one_of(allowed)


def _one_of(allowed: list[str]) -> str:
    return "expected one of: " + ", ".join(allowed)


def _unknown_kind(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    context = item.get("ctx", {})
    allowed = _LIST_WORDS.findall(context.get("expected_tags", ""))
    tag = context.get("tag")
    return f'unknown kind "{tag}"', did_you_mean(tag, allowed) or _one_of(allowed)


def _no_kind(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    return 'missing "kind" (what the effect does)', "e.g. kind: change-resource"


def _bad_id(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    value = str(item.get("input"))
    slug = slugify(value)
    hint = "use lower-case letters, digits and hyphens"
    if slug and slug != value:
        hint += f', e.g. "{slug}"'
    return f'"{value}" is not a valid id or tag', hint


def _not_text(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    value = item.get("input")
    if value is None:
        return "expected text, found nothing", "write the text after the colon"
    if isinstance(value, bool):  # before int: True is an int to Python, not to an author
        word = str(value).lower()
        return (
            f"expected text, but YAML reads the bare word {word} as true/false",
            f'put it in quotes: "{word}"',
        )
    if isinstance(value, (int, float)):
        return f"expected text, found the number {value}", f'put it in quotes: "{value}"'
    return f"expected text, found {_describe(value)}", "write one text here"


def _not_a_whole_number(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    value = item.get("input")
    if isinstance(value, float):
        return f"expected a whole number, found {value}", f"e.g. {round(value)}"
    return f"expected a whole number, found {_describe(value)}", "e.g. 5"


def _not_a_number(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    value = item.get("input")
    hint = "e.g. 0.5"
    if isinstance(value, str) and value.strip().endswith("%"):
        number = value.strip().rstrip("%").strip()
        with contextlib.suppress(ValueError):
            hint = f"write {value.strip()} as {float(number) / 100:g}"
    return f"expected a number, found {_describe(value)}", hint


def _out_of_range(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    context, value = item.get("ctx", {}), item.get("input")
    if "le" in context or "lt" in context:
        limit = context.get("le", context.get("lt"))
        return f"{value} is too large: at most {limit}", None
    limit = context.get("ge", context.get("gt"))
    return f"{value} is too small: at least {limit}", None


def _text_length(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    context, value = item.get("ctx", {}), item.get("input")
    if item["type"] == "string_too_short":
        return "must not be empty", "write the text after the colon"
    return (
        f"the text is {len(str(value))} characters long; at most {context.get('max_length')}",
        "shorten it",
    )


def _list_length(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    context = item.get("ctx", {})
    if item["type"] == "too_short":
        least = context.get("min_length")
        return f"needs at least {least} item{'s' * (least != 1)}", None
    return f"has {context.get('actual_length')} items; at most {context.get('max_length')}", None


def _not_a_mapping(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    example = _MAPPING_EXAMPLES.get(str(path[-1])) if path else None
    return f"expected a mapping (key: value lines), found {_describe(item.get('input'))}", example


def _not_a_list(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    value = item.get("input")
    hint = "a single item still needs a list: [item] or a '- item' line"
    if isinstance(value, str) and value.startswith("-"):
        hint = f"write a space after the dash: - {value[1:].strip()}"
    return f"expected a list (lines starting with '- '), found {_describe(value)}", hint


def _not_true_or_false(item: dict, path: DocPath, located: Located, schema: dict) -> Retelling:
    return f"expected true or false, found {_describe(item.get('input'))}", "write true or false"


_RETELLINGS: dict[str, Callable[[dict, DocPath, Located, dict], Retelling]] = {
    "extra_forbidden": _unknown_field,
    "literal_error": _not_allowed_word,
    "enum": _not_allowed_word,
    "union_tag_invalid": _unknown_kind,
    "union_tag_not_found": _no_kind,
    "string_pattern_mismatch": _bad_id,
    "string_type": _not_text,
    "int_parsing": _not_a_whole_number,
    "int_from_float": _not_a_whole_number,
    "int_type": _not_a_whole_number,
    "float_parsing": _not_a_number,
    "float_type": _not_a_number,
    "less_than_equal": _out_of_range,
    "less_than": _out_of_range,
    "greater_than_equal": _out_of_range,
    "greater_than": _out_of_range,
    "string_too_short": _text_length,
    "string_too_long": _text_length,
    "too_short": _list_length,
    "too_long": _list_length,
    "model_type": _not_a_mapping,
    "model_attributes_type": _not_a_mapping,
    "dict_type": _not_a_mapping,
    "list_type": _not_a_list,
    "bool_parsing": _not_true_or_false,
    "bool_type": _not_true_or_false,
}


def _data_path(loc: tuple, data: object) -> DocPath:
    """The document path of a pydantic ``loc``, without union tags and key markers."""
    path: list[str | int] = []
    node = data
    for index, part in enumerate(loc):
        if part == "[key]":
            continue
        tag_position = bool(path) and isinstance(path[-1], int) and index < len(loc) - 1
        if tag_position and isinstance(node, dict) and node.get("kind") == part:
            continue  # the tag pydantic adds after a list position for a tagged union
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
    if isinstance(value, bool):
        return f"{value}".lower()
    if isinstance(value, str):
        return f'the text "{value[:40]}"'
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
