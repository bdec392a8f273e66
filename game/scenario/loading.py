"""Load a scenario file: read, parse safely, validate shapes and references, all at once.

``check_file`` never raises for a bad file: it returns every problem found, so the
command line, the game's scenario chooser and the hot reload all say the same thing.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic_core import ValidationError

from game.scenario.compiled import shape_schema, shape_validator
from game.scenario.crossref import CrossChecker, Finding
from game.scenario.diagnostics import Diagnostic, DocPath, render_path, sort_key
from game.scenario.leaks import BriefEchoes, word_mark
from game.scenario.playable import TableChecker
from game.scenario.schema_errors import schema_diagnostics
from game.scenario.yaml_source import (
    MAX_FILE_BYTES,
    Located,
    SourceProblem,
    load_located,
    read_text,
)

if TYPE_CHECKING:
    from game.scenario.model import Scenario


#: enough to fix a file by; beyond it the rest mostly follows from the first ones
MAX_DIAGNOSTICS = 100


@dataclass
class CheckResult:
    """What checking one file found: the scenario if it is valid, and every diagnostic."""

    file: str
    #: the document as plain data, once it has passed every check
    data: dict | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: SHA-256 of the file's bytes: a save names the exact scenario it was played with
    content_hash: str = ""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.errors

    def scenario(self) -> Scenario:
        """The validated models (imports pydantic's model machinery: about 0.2 s)."""
        from game.scenario.model import Scenario

        if not self.ok:
            raise ScenarioError(self)
        return Scenario.model_validate(self.data)


class ScenarioError(Exception):
    """Raised by ``load_scenario`` for an invalid file; ``str()`` lists every problem."""

    def __init__(self, result: CheckResult):
        self.result = result
        super().__init__("\n".join(str(d) for d in result.errors))


def check_file(path: str | Path, display_name: str | None = None) -> CheckResult:
    """Check a scenario file; unreadable files are diagnostics too, not exceptions."""
    name = display_name or str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
            size = os.fstat(handle.fileno()).st_size
    except OSError as error:
        reason = error.strerror or str(error)
        if isinstance(error, IsADirectoryError):
            reason = f"it is a folder (to check every scenario in it: {path}/*.yaml)"
        return CheckResult(name, diagnostics=[Diagnostic(name, 1, 1, "", f"cannot read: {reason}")])
    return check_bytes(raw, name, size)


def check_bytes(raw: bytes, name: str, size: int | None = None) -> CheckResult:
    result = CheckResult(name, content_hash=hashlib.sha256(raw).hexdigest())
    try:
        source = read_text(raw, size)
        located = load_located(source)
    except SourceProblem as problem:
        result.diagnostics.append(
            Diagnostic(name, problem.line, problem.column, "", problem.message, problem.hint)
        )
        return result
    result.diagnostics.extend(_duplicate_keys(located, name))
    result.diagnostics.extend(_texts_cut_by_comments(located, name))
    if not isinstance(located.data, dict):
        result.diagnostics.append(
            Diagnostic(
                name,
                1,
                1,
                "",
                "a scenario is a mapping of keys (id:, title:, roles: …)",
                "start from a scaffold: outofthebox new FILE --roles …",
            )
        )
        return result
    try:
        shape_validator().validate_python(located.data)
    except ValidationError as error:
        found = schema_diagnostics(error, located, name, shape_schema())
        result.diagnostics.extend(itertools.islice(found, MAX_DIAGNOSTICS))
    findings = itertools.chain(
        CrossChecker(located.data).findings(), BriefEchoes(located.data).findings()
    )
    for finding in itertools.islice(findings, MAX_DIAGNOSTICS):
        result.diagnostics.append(_placed(finding, located, name, source))
    if not result.errors:  # they read the document as the format says it is
        for finding in itertools.islice(TableChecker(located.data).findings(), MAX_DIAGNOSTICS):
            result.diagnostics.append(_placed(finding, located, name, source))
    result.diagnostics = _unique_sorted(result.diagnostics)
    if len(result.diagnostics) > MAX_DIAGNOSTICS:
        shown = result.diagnostics[:MAX_DIAGNOSTICS]
        last = shown[-1]
        shown.append(
            Diagnostic(
                name,
                last.line,
                last.column,
                "",
                f"… and more problems after line {last.line}, not shown",
                "fix these first: many of the rest may follow from them",
            )
        )
        result.diagnostics = shown
    if not result.errors:
        result.data = located.data
    return result


def _placed(finding: Finding, located: Located, name: str, source: str) -> Diagnostic:
    line, column = _where(located, source, finding.path, finding.word, finding.of_key)
    message = finding.message
    if finding.first is not None:
        message += f" (first on line {located.mark(finding.first)[0]})"
    if finding.see is not None:
        message += f" (see line {_where(located, source, finding.see, finding.see_word)[0]})"
    path = render_path(finding.path, located.data)
    return Diagnostic(name, line, column, path, message, finding.hint, finding.severity)


def _where(
    located: Located, source: str, path: DocPath, word: int | None, of_key: bool = False
) -> tuple[int, int]:
    """The line and column of ``path``, or of one word of the text there."""
    start = located.mark(path, of_key=of_key)
    text = _value(located.data, path)
    if word is None or not isinstance(text, str) or path not in located.value_marks:
        return start
    return word_mark(source, start, text, word) or start


def _value(data: object, path: DocPath) -> object:
    """The plain value at ``path``, or None where the document has none."""
    for part in path:
        if not isinstance(data, dict | list):
            return None
        try:
            data = data[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def load_scenario(path: str | Path) -> Scenario:
    """The validated scenario in ``path``; raises ScenarioError listing every problem."""
    return check_file(path).scenario()


def _duplicate_keys(located: Located, name: str) -> list[Diagnostic]:
    return [
        Diagnostic(
            name,
            line,
            column,
            render_path(path, located.data),
            f'the key "{path[-1]}" appears twice in this mapping (first on line {first})',
            "keep one of them; YAML would silently use only the last",
        )
        for path, (line, column), first in located.duplicate_keys
    ]


def _texts_cut_by_comments(located: Located, name: str) -> list[Diagnostic]:
    return [
        Diagnostic(
            name,
            *located.mark(path),
            render_path(path, located.data),
            f'the text stops where "{rest[:30]}" begins: # starts a comment',
            "put the whole text in quotes if the # belongs to it",
            "warning",
        )
        for path, rest in located.cut_by_comment
    ]


def _unique_sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(dict.fromkeys(diagnostics), key=sort_key)
