"""The scenario format as JSON Schema, for editors that complete and check YAML as you type.

An author puts ``# yaml-language-server: $schema=<path or URL of the schema>`` on the first
line of a scenario; ``docs/scenario.schema.json`` is the committed copy (a test keeps it
equal to what ``outofthebox schema`` prints).
"""

from __future__ import annotations

from typing import Any

from game.scenario.model import Scenario

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def scenario_json_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema()
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "Out of the Box scenario",
        **{key: value for key, value in schema.items() if key != "title"},
    }
