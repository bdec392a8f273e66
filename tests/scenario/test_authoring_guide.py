"""The authoring guide's examples are true: what it shows validates, what it lists exists."""

from __future__ import annotations

import re

from game.scenario.loading import check_bytes
from game.scenario.model import Approval, EventCard, Option, Project, Role, Rules, Scenario
from game.scenario.vocabulary import LessonId, OptionFlag, RoleKind, words
from tests.helpers import ROOT

GUIDE = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)


def test_the_complete_short_example_validates_without_warnings():
    example = next(block for block in yaml_blocks() if "format: 1" in block)
    result = check_bytes(example.encode(), "guide-example.yaml")
    assert [str(d) for d in result.diagnostics] == []


def test_the_guide_names_every_field_of_the_format():
    for model in (Scenario, Role, Project, Option, Approval, EventCard, Rules):
        for field in model.model_fields:
            assert f"`{field}`" in GUIDE, f"{model.__name__}.{field} is not in the guide"


def test_the_guide_lists_every_allowed_word():
    for vocabulary in (RoleKind, OptionFlag, LessonId):
        for word in words(vocabulary):
            assert f"`{word}`" in GUIDE, word
