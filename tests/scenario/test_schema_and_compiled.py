"""The JSON Schema for editors, and the compiled fast validator, both tell the models' truth."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import jsonschema
import pydantic
import pydantic_core
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from game.scenario.compiled import (
    SCHEMA_FILE,
    _plain,
    compile_from_models,
    fingerprint,
    shape_validator,
)
from game.scenario.crossref import CrossChecker
from game.scenario.model import Scenario
from game.scenario.schema import scenario_json_schema
from tests.helpers import BUILT_IN, ROOT, TUTORIAL


def test_the_schema_command_prints_a_valid_json_schema():
    done = subprocess.run(
        [sys.executable, "-m", "game", "schema"], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    schema = json.loads(done.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: p.name)
def test_every_built_in_scenario_satisfies_the_schema(path):
    validator = jsonschema.Draft202012Validator(scenario_json_schema())
    errors = [error.message for error in validator.iter_errors(yaml.safe_load(path.read_text()))]
    assert errors == []


def test_the_schema_rejects_what_the_validator_rejects():
    data = yaml.safe_load(TUTORIAL.read_text())
    data["roles"][0]["brnad"] = 4
    validator = jsonschema.Draft202012Validator(scenario_json_schema())
    assert any("brnad" in error.message for error in validator.iter_errors(data))


def test_the_committed_schema_for_editors_is_up_to_date():
    committed = json.loads((ROOT / "docs" / "scenario.schema.json").read_text())
    assert committed == scenario_json_schema(), (
        "run: outofthebox schema > docs/scenario.schema.json"
    )


def _errors(error: pydantic.ValidationError) -> list[tuple]:
    """Types and places; a model's "not a mapping" is a typed dict's, said the same way."""
    return sorted(
        ("dict_type" if e["type"] == "model_type" else e["type"], e["loc"]) for e in error.errors()
    )


def _model_errors(data: object) -> list[tuple]:
    try:
        Scenario.model_validate(data)
    except pydantic.ValidationError as error:
        return _errors(error)
    return []


def _compiled_errors(data: object) -> list[tuple]:
    try:
        shape_validator().validate_python(data)
    except pydantic.ValidationError as error:
        return _errors(error)
    return []


def test_the_compiled_schema_is_plain_data():
    json.dumps(compile_from_models())


def test_the_committed_compiled_schema_matches_the_models():
    committed = json.loads(SCHEMA_FILE.read_text())
    assert committed["fingerprint"] == fingerprint(), "run: python -m game.scenario.compiled"
    if committed["pydantic_core"] == pydantic_core.__version__:
        assert committed["schema"] == compile_from_models()


def test_a_validator_function_in_a_model_cannot_be_skipped_silently():
    with pytest.raises(ValueError, match="cannot convert a 'function-after' schema"):
        _plain({"type": "function-after", "function": len, "schema": {"type": "int"}})


TUTORIAL_DATA = yaml.safe_load(TUTORIAL.read_text())


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


ALL_PATHS = [path for path in _paths(TUTORIAL_DATA) if path]
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2000, 2000),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@given(
    edits=st.lists(
        st.tuples(st.sampled_from(ALL_PATHS), st.one_of(st.just("drop"), st.just("rename"), JUNK)),
        min_size=1,
        max_size=3,
    )
)
def test_the_compiled_validator_reports_exactly_what_the_models_report(edits):
    """Break the tutorial at random places; both validators must find the same errors."""
    data = copy.deepcopy(TUTORIAL_DATA)
    for path, change in edits:
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            key = path[-1]
            if change == "drop":
                del parent[key]
            elif change == "rename" and isinstance(parent, dict):
                parent[f"{key}x"] = parent.pop(key)
            else:
                parent[key] = change
        except (KeyError, IndexError, TypeError):
            continue
    assert _compiled_errors(data) == _model_errors(data)
    list(CrossChecker(data).findings())  # the reference checks take any shape in their stride
