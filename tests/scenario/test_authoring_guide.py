"""The authoring guide's examples are true: what it shows validates, what it lists exists."""

from __future__ import annotations

import re

from pydantic import BaseModel

from game.scenario import model
from game.scenario.loading import check_bytes
from game.scenario.vocabulary import LessonId, OptionFlag, RoleKind, words
from tests.helpers import ROOT

GUIDE = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)


def test_the_complete_short_example_validates_without_warnings():
    example = next(block for block in yaml_blocks() if "format: 1" in block)
    result = check_bytes(example.encode(), "guide-example.yaml")
    assert [str(d) for d in result.diagnostics] == []


def every_model() -> list[type[BaseModel]]:
    return [
        value
        for value in vars(model).values()
        if isinstance(value, type) and issubclass(value, model.Strict) and value is not model.Strict
    ]


def test_the_guide_names_every_field_of_every_part_of_the_format():
    assert len(every_model()) >= 15
    for part in every_model():
        for field in part.model_fields:
            assert f"`{field}`" in GUIDE, f"{part.__name__}.{field} is not in the guide"


def test_the_guide_lists_every_allowed_word():
    for vocabulary in (RoleKind, OptionFlag, LessonId):
        for word in words(vocabulary):
            assert f"`{word}`" in GUIDE, word
