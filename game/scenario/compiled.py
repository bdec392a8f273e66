"""A fast shape check: the models' validation rules, compiled once and cached on disk.

Why: importing pydantic's model machinery and building the models costs about 0.25 s, and
``outofthebox validate`` should answer in well under 0.3 s including the interpreter's
start. pydantic-core (the Rust validator inside pydantic) can validate from a plain-data
schema in a few milliseconds. So the first run derives that schema from the models in
``model.py`` — models become typed dicts, defaults and Python callables are dropped, the
rules stay — and writes it to the user's cache directory, keyed by the source of the
format modules and the pydantic-core version. Later runs load it without importing
pydantic's models at all. The models remain the single source of truth: a change to
``model.py`` changes the key and the schema is derived again.

The compiled validator reports exactly the errors the models would (same types, same
locations), so ``check_file`` has a single validation path; a test holds the two equal.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pydantic_core

_FORMAT_MODULES = ("model.py", "vocabulary.py", "compiled.py")
_HERE = Path(__file__).resolve().parent
_CACHE_ENV = "OUTOFTHEBOX_CACHE_DIR"


def cache_key() -> str:
    digest = hashlib.sha256(pydantic_core.__version__.encode())
    for name in _FORMAT_MODULES:
        digest.update((_HERE / name).read_bytes())
    return digest.hexdigest()[:24]


def cache_dir() -> Path:
    if os.environ.get(_CACHE_ENV):
        return Path(os.environ[_CACHE_ENV])
    import platformdirs

    return Path(platformdirs.user_cache_dir("outofthebox", appauthor=False))


def shape_schema() -> dict[str, Any]:
    """The compiled schema, from the cache or (first run after a change) from the models."""
    path = cache_dir() / f"scenario-schema-{cache_key()}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    schema = compile_from_models()
    _write_atomically(path, json.dumps(schema))
    return schema


_validator: pydantic_core.SchemaValidator | None = None


def shape_validator() -> pydantic_core.SchemaValidator:
    global _validator
    if _validator is None:
        _validator = pydantic_core.SchemaValidator(shape_schema())
    return _validator


def compile_from_models() -> dict[str, Any]:
    from game.scenario.model import Scenario

    Scenario.model_rebuild()
    return _plain(Scenario.__pydantic_core_schema__)


def _plain(node: Any) -> Any:
    """The core schema with models turned into typed dicts and every callable removed."""
    if isinstance(node, list):
        return [_plain(item) for item in node]
    if not isinstance(node, dict):
        return node
    kind = node.get("type")
    if kind == "model":
        inner = node["schema"]
        return _without_none(
            {
                "type": "typed-dict",
                "ref": node.get("ref"),
                "fields": {
                    name: _typed_dict_field(field) for name, field in inner["fields"].items()
                },
                "extra_behavior": "forbid",
                "config": {"extra_fields_behavior": "forbid"},
            }
        )
    if kind == "default":
        return _plain(node["schema"])
    if kind in ("function-after", "function-before", "function-plain", "function-wrap"):
        return _plain(node["schema"])
    return {
        key: _plain(value)
        for key, value in node.items()
        if key not in ("metadata", "serialization", "cls", "ref_template")
    }


def _typed_dict_field(field: dict[str, Any]) -> dict[str, Any]:
    schema = field["schema"]
    return {
        "type": "typed-dict-field",
        "schema": _plain(schema),
        "required": schema.get("type") != "default",
    }


def _without_none(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value is not None}


def allowed_keys(schema: dict[str, Any], path: tuple, data: object) -> list[str]:
    """The keys allowed in the mapping at ``path`` (for "did you mean" hints)."""
    definitions = {d["ref"]: d for d in schema.get("definitions", []) if "ref" in d}
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
        value = (
            value.get(part)
            if isinstance(value, dict)
            else (
                value[part]
                if isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value)
                else None
            )
        )
    return []


def field_homes(schema: dict[str, Any]) -> dict[str, set[str]]:
    """For every field name, the fields it may appear under ("red_lines" -> {"brief"})."""
    definitions = {d["ref"]: d for d in schema.get("definitions", []) if "ref" in d}
    homes: dict[str, set[str]] = {}
    seen: set[tuple[str, str]] = set()

    def walk(node: Any, owner: str) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, owner)
            return
        if not isinstance(node, dict):
            return
        if node.get("type") == "definition-ref":
            ref = node["schema_ref"]
            if (ref, owner) not in seen:
                seen.add((ref, owner))
                walk(definitions[ref], owner)
            return
        if node.get("type") == "typed-dict":
            for name, field in node["fields"].items():
                homes.setdefault(name, set()).add(owner)
                walk(field["schema"], name)
            return
        for value in node.values():
            walk(value, owner)

    walk(schema.get("schema", schema), "the top level")
    return homes


def _write_atomically(path: Path, text: str) -> None:
    """Write the cache file whole or not at all; a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".schema-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError:
        pass
