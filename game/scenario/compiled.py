"""A fast shape check: the models' validation rules as plain data, committed with the code.

Why: importing pydantic's model machinery and building the models costs about 0.25 s, and
``outofthebox validate`` should answer in well under 0.3 s including the interpreter's
start. pydantic-core (the Rust validator inside pydantic) validates from a plain-data
schema in a few milliseconds. So the schema is derived from the models in ``model.py`` —
models become typed dicts, defaults are dropped, the rules stay — and committed as
``compiled_schema.json`` beside this file, with a fingerprint of the format's source.

* A developer who changes ``model.py`` changes the fingerprint: until they run
  ``python -m game.scenario.compiled`` the schema is derived at run time (slow, correct),
  and a test fails to remind them.
* An install without sources (a frozen app) uses the committed schema as it is.
* A pydantic-core that cannot read the committed schema gets it derived afresh.

The compiled validator reports exactly the errors the models would (same types, same
locations): a property test breaks scenarios at random and holds the two equal.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

import pydantic_core

_HERE = Path(__file__).resolve().parent
SCHEMA_FILE = _HERE / "compiled_schema.json"
_FORMAT_SOURCES = ("model.py", "vocabulary.py")
#: core schema node types the conversion understands; anything else is an error, so that a
#: validator function added to a model can never be skipped silently by ``validate``
_KNOWN_TYPES = {
    "definitions", "definition-ref", "model", "model-fields", "model-field", "default",
    "nullable", "str", "int", "float", "bool", "literal", "list", "dict", "tagged-union",
}  # fmt: skip


def fingerprint() -> str | None:
    """A hash of the format's source, or None where the sources are not installed."""
    digest = hashlib.sha256()
    try:
        for name in _FORMAT_SOURCES:
            digest.update((_HERE / name).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()[:24]


@functools.cache
def shape_schema() -> dict[str, Any]:
    """The committed schema when it matches the format's source; else derived afresh."""
    try:
        committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
        current = fingerprint()
        if current is None or committed["fingerprint"] == current:
            return committed["schema"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return compile_from_models()


@functools.cache
def shape_validator() -> pydantic_core.SchemaValidator:
    try:
        return pydantic_core.SchemaValidator(shape_schema())
    except Exception:  # a pydantic-core that reads the committed schema differently
        return pydantic_core.SchemaValidator(compile_from_models())


def compile_from_models() -> dict[str, Any]:
    from game.scenario.model import Scenario

    Scenario.model_rebuild()
    return _plain(Scenario.__pydantic_core_schema__)


def write_schema_file() -> None:
    """Regenerate ``compiled_schema.json``: run after changing ``model.py``."""
    document = {
        "fingerprint": fingerprint(),
        "pydantic_core": pydantic_core.__version__,
        "schema": compile_from_models(),
    }
    SCHEMA_FILE.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", "utf-8")


def _plain(node: Any) -> Any:
    """The core schema with models turned into typed dicts and every callable removed."""
    if isinstance(node, list):
        return [_plain(item) for item in node]
    if not isinstance(node, dict):
        return node
    kind = node.get("type")
    if kind is not None and kind not in _KNOWN_TYPES:
        raise ValueError(f"compiled.py cannot convert a {kind!r} schema; extend _plain")
    if kind == "model":
        fields = node["schema"]["fields"]
        config = node.get("config", {})
        return _without_none(
            {
                "type": "typed-dict",
                "ref": _stable_ref(node["ref"]) if "ref" in node else None,
                "fields": {name: _typed_dict_field(field) for name, field in fields.items()},
                "extra_behavior": "forbid",
                "config": {
                    "extra_fields_behavior": config.get("extra_fields_behavior", "forbid"),
                    "strict": config.get("strict", False),
                },
            }
        )
    if kind == "default":
        return _plain(node["schema"])
    return {
        key: _stable_ref(value) if key in ("ref", "schema_ref") else _plain(value)
        for key, value in node.items()
        if key not in ("metadata", "serialization", "cls", "ref_template")
    }


def _stable_ref(ref: str) -> str:
    """pydantic's refs end in a memory address ("…Resources:9451…"); the name is enough."""
    return ref.rsplit(":", 1)[0]


def _typed_dict_field(field: dict[str, Any]) -> dict[str, Any]:
    schema = field["schema"]
    return {
        "type": "typed-dict-field",
        "schema": _plain(schema),
        "required": schema.get("type") != "default",
    }


def _without_none(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value is not None}


def _definitions(schema: dict[str, Any]) -> dict[str, Any]:
    return {d["ref"]: d for d in schema.get("definitions", []) if "ref" in d}


def allowed_keys(schema: dict[str, Any], path: tuple, data: object) -> list[str]:
    """The keys allowed in the mapping at ``path`` (for "did you mean" hints)."""
    definitions = _definitions(schema)
    node: Any = schema.get("schema", schema)
    value = data
    for part in (*path, None):
        while True:  # step through references, nullables and unions to a concrete node
            kind = node.get("type")
            if kind == "definition-ref":
                node = definitions[node["schema_ref"]]
            elif kind == "nullable":
                node = node["schema"]
            elif kind == "tagged-union":
                tag = value.get(node["discriminator"]) if isinstance(value, dict) else None
                if tag not in node["choices"]:
                    return []
                node = node["choices"][tag]
            else:
                break
        if part is None:
            return list(node.get("fields", {})) if node.get("type") == "typed-dict" else []
        if node.get("type") == "typed-dict" and part in node["fields"]:
            node = node["fields"][part]["schema"]
        elif node.get("type") == "list":
            node = node.get("items_schema", {"type": "any"})
        elif node.get("type") == "dict":
            node = node.get("values_schema", {"type": "any"})
        else:
            return []
        value = _step(value, part)
    return []


def _step(value: object, part: object) -> object:
    if isinstance(value, dict):
        return value.get(part)
    if isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
        return value[part]
    return None


_HOMES: dict[int, tuple[dict[str, Any], dict[str, frozenset[str]]]] = {}


def field_homes(schema: dict[str, Any]) -> dict[str, frozenset[str]]:
    """For every field name, the fields it may appear under ("red_lines" -> {"brief"}).

    Worked out once per schema: a file with a thousand unknown keys asks a thousand times.
    """
    if id(schema) not in _HOMES:
        _HOMES[id(schema)] = (schema, _walk_homes(schema))  # keeps schema alive: id stays valid
    return _HOMES[id(schema)][1]


def _walk_homes(schema: dict[str, Any]) -> dict[str, frozenset[str]]:
    definitions = _definitions(schema)
    homes: dict[str, set[str]] = {}
    seen: set[tuple[str, str]] = set()

    def walk(node: Any, owner: str) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, owner)
        elif isinstance(node, dict):
            if node.get("type") == "definition-ref":
                ref = node["schema_ref"]
                if (ref, owner) not in seen:
                    seen.add((ref, owner))
                    walk(definitions[ref], owner)
            elif node.get("type") == "typed-dict":
                for name, field in node["fields"].items():
                    homes.setdefault(name, set()).add(owner)
                    walk(field["schema"], name)
            else:
                for value in node.values():
                    walk(value, owner)

    walk(schema.get("schema", schema), "the top level")
    return {name: frozenset(owners) for name, owners in homes.items()}


if __name__ == "__main__":
    write_schema_file()
    print(f"wrote {SCHEMA_FILE}")
