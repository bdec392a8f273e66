"""Reading an untrusted YAML file into plain data, remembering where every value came from.

PyYAML composes the file into nodes (with the C parser when it is there: much faster, and
it keeps line and column marks); we build the plain dicts, lists and scalars ourselves
instead of calling a constructor, which gives us:

* no object construction at all: only plain text, numbers, true/false, lists and mappings
  are accepted, so ``!!python/object`` has no effect beyond an error message;
* a mark for every value and every mapping key, so a pydantic error on
  ``roles.2.brief.risk_tolerance`` can name its line and column;
* duplicate keys as errors (PyYAML silently keeps the last one);
* limits: file size, then nesting depth and the number of values (both counted on the
  token stream, before composing, which recurses and builds every node), then the number
  of values after alias expansion (the "billion laughs").

Scalars are read the way an author means them, not the way YAML 1.1 would: only
``true``/``false`` are booleans and only plain decimals are numbers. ``label: no``,
``id: on``, ``label: 10:00`` and ``brand: 010`` stay the text written (a number field then
says "expected a whole number, found the text "010""), instead of becoming false, 600
and 8 behind the author's back — the "Norway problem". Mapping keys are always text.
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass, field

import yaml

from game.scenario.diagnostics import DocPath
from game.scenario.yaml_syntax import explain

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_VALUES = 100_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
#: tags the resolver gives plain scalars; any other tag was written by the author
_PLAIN_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_OPENING_TOKENS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSING_TOKENS = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
_INTEGER = re.compile(r"^[-+]?(0|[1-9][0-9]{0,17})$")
_DECIMAL = re.compile(r"^[-+]?((0|[1-9][0-9]{0,17})(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]{1,3})?$")
_NULL_WORDS = {"", "~", "null", "Null", "NULL"}
_BOOLEAN_WORDS = {"true": True, "True": True, "TRUE": True,
                  "false": False, "False": False, "FALSE": False}  # fmt: skip
#: "theatre #1 in town": a comment the author meant as text (not "value  # a note")
_COMMENT_AS_TEXT = re.compile(r"^\s+#\S")
#: fields of free text, where a cut-off "#word" is worth a warning
_FREE_TEXT_FIELDS = {
    "name", "title", "label", "mission", "passion", "ambitions", "text", "summary",
    "description", "reason", "trainer_notes",
}  # fmt: skip
_EMPTY_HINT = "start from a scaffold: outofthebox new FILE --roles library,museum"


class SourceProblem(Exception):
    """The file cannot be read as YAML at all; carries (line, column, message, hint)."""

    def __init__(self, line: int, column: int, message: str, hint: str | None = None):
        super().__init__(message)
        self.line, self.column, self.message, self.hint = line, column, message, hint


@dataclass
class Located:
    """Plain data, with the 1-based (line, column) of its values and of its mapping keys."""

    data: object
    value_marks: dict[DocPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[DocPath, tuple[int, int]] = field(default_factory=dict)
    duplicate_keys: list[tuple[DocPath, tuple[int, int], int]] = field(default_factory=list)
    #: free texts followed on their line by "#word": a comment the author meant as text
    cut_by_comment: list[tuple[DocPath, str]] = field(default_factory=list)

    def mark(self, path: DocPath, *, of_key: bool = False) -> tuple[int, int]:
        """Where ``path`` is written, or the nearest enclosing place that is."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if of_key and prefix in self.key_marks:
                return self.key_marks[prefix]
            if prefix in self.value_marks:
                return self.value_marks[prefix]
            if prefix in self.key_marks:
                return self.key_marks[prefix]
        return (1, 1)


def read_text(raw: bytes, size: int | None = None) -> str:
    """Decode a scenario file's bytes, refusing what is not UTF-8 text.

    ``size`` is the file's real size when only its first bytes were read.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise SourceProblem(
            1,
            1,
            f"the file is {size or len(raw):,} bytes; a scenario may be at most {MAX_FILE_BYTES:,}",
            "is this the right file? A large scenario is about 40,000 bytes",
        )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SourceProblem(1, 1, "the file is UTF-16 text", "save it as UTF-8")
    if b"\x00" in raw:
        line, column = _position(raw, raw.index(b"\x00"))
        raise SourceProblem(
            line, column, "the file holds binary data, not text", "is this a YAML file?"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position(raw, error.start)
        raise SourceProblem(
            line,
            column,
            f"byte 0x{raw[error.start]:02x} is not UTF-8 text",
            "save the file as UTF-8 (in most editors: Save as… > Encoding > UTF-8)",
        ) from None
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        raise SourceProblem(1, 1, "the file is empty", _EMPTY_HINT)
    return text


def load_located(text: str) -> Located:
    """Parse one YAML document into plain data with marks; raise SourceProblem if broken."""
    _check_size_of_structure(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        line, column, message, hint = explain(error, text)
        raise SourceProblem(line, column, message, hint) from None
    except yaml.reader.ReaderError as error:
        raise _unreadable_character(text, error) from None
    except yaml.YAMLError as error:  # any other error without a mark
        raise SourceProblem(1, 1, f"YAML: {str(error).splitlines()[0]}") from None
    if node is None:
        raise SourceProblem(1, 1, "the file is empty", _EMPTY_HINT)
    located = Located(data=None)
    located.data = _Builder(located, text.splitlines()).build(node, ())
    if located.data is None:  # "---" alone, or "~"
        raise SourceProblem(1, 1, "the file is empty", _EMPTY_HINT)
    return located


def _check_size_of_structure(text: str) -> None:
    """Depth and value count from the token stream: cheap, flat, before any node exists."""
    depth = values = 0
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, _OPENING_TOKENS):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(token.start_mark, "a scenario needs about 8 levels")
            elif isinstance(token, _CLOSING_TOKENS):
                depth -= 1
            elif isinstance(token, yaml.ScalarToken):
                values += 1
                if values > MAX_VALUES:
                    mark = token.start_mark
                    raise SourceProblem(
                        mark.line + 1,
                        mark.column + 1,
                        f"the document holds more than {MAX_VALUES:,} values",
                        "a large scenario holds about 5,000; is this the right file?",
                    )
    except yaml.MarkedYAMLError as error:
        # libyaml (PyYAML 6.0.3 and newer) stops at 1,000 levels on its own while looking
        # ahead for a key; that is our limit too, said in our words.
        if "nesting depth" in str(error.problem) and error.problem_mark is not None:
            raise _too_deep(error.problem_mark, "a scenario needs about 8 levels") from None
        return  # composing reports syntax errors with a better message
    except yaml.YAMLError:
        return  # composing reports syntax errors with a better message


def _too_deep(mark: yaml.Mark, hint: str) -> SourceProblem:
    return SourceProblem(
        mark.line + 1, mark.column + 1, f"the document nests deeper than {MAX_DEPTH} levels", hint
    )


def _unreadable_character(text: str, error: yaml.reader.ReaderError) -> SourceProblem:
    position = error.position if isinstance(error.position, int) else 0
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return SourceProblem(
        line,
        column,
        f"the character {character!a} is not allowed in a scenario",
        "remove it: often an invisible character pasted from another program",
    )


class _Builder:
    """Builds plain data from nodes, counting values so aliases cannot explode."""

    def __init__(self, located: Located, lines: list[str]):
        self.located = located
        self.lines = lines
        self.values = 0

    def build(self, node: yaml.Node, path: DocPath) -> object:
        self.values += 1
        if self.values > MAX_VALUES:
            self._fail(
                node,
                f"the document expands to more than {MAX_VALUES:,} values",
                "anchors and aliases (&name, *name) are repeated too often",
            )
        if len(path) > MAX_DEPTH:
            raise _too_deep(node.start_mark, "an alias may refer to itself")
        self.located.value_marks.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_TAG}seq":
                self._bad_tag(node)
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: DocPath) -> dict[str, object]:
        if node.tag != f"{_TAG}map":
            self._bad_tag(node)
        result: dict[str, object] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(key_node, "a key must be a plain word, not a list or mapping")
            if key_node.tag == f"{_TAG}merge":
                self._fail(
                    key_node,
                    "merge keys (<<) are not supported",
                    "write the values out, or use an alias for a whole value",
                )
            if key_node.tag not in _PLAIN_TAGS:
                self._bad_tag(key_node)
            key = str(key_node.value)
            key_path = (*path, key)
            if key in result:
                self.located.duplicate_keys.append((key_path, _mark(key_node), first_lines[key]))
                continue
            first_lines[key] = _mark(key_node)[0]
            self.located.key_marks[key_path] = _mark(key_node)
            if node.flow_style:
                self._check_flow_entry(key_node, value_node)
            result[key] = self.build(value_node, key_path)
        return result

    def _check_flow_entry(self, key_node: yaml.Node, value_node: yaml.Node) -> None:
        """``{library-only:5}`` parses as the key "library-only:5" with no value: say why."""
        if not _is_plain(key_node) or not _is_empty(value_node):
            return
        word = str(key_node.value)
        if ":" in word:
            name, _, rest = word.partition(":")
            self._fail(
                key_node,
                f'there is no space after the colon in "{word}"',
                f'write "{name}: {rest}"',
            )
        if " " in word:
            name, rest = word.split(None, 1)
            rest = rest.lstrip("=").strip()
            self._fail(
                key_node,
                f'"{word}" has no colon between the key and its value',
                f'write "{name}: {rest}"',
            )

    def _scalar(self, node: yaml.ScalarNode, path: DocPath) -> object:
        if node.tag not in _PLAIN_TAGS:
            self._bad_tag(node)
        text = str(node.value)
        if not _is_plain(node):
            return text  # quoted, or a | > block: always text
        self._note_comment_cut(node, path)
        if text in _NULL_WORDS:
            return None
        if text in _BOOLEAN_WORDS:
            return _BOOLEAN_WORDS[text]
        if _INTEGER.match(text):
            return int(text)
        if _DECIMAL.match(text) and math.isfinite(value := float(text)):
            return value
        return text

    def _note_comment_cut(self, node: yaml.ScalarNode, path: DocPath) -> None:
        names = [part for part in path if isinstance(part, str)]
        if not names or names[-1] not in _FREE_TEXT_FIELDS:
            return
        if node.end_mark.line < len(self.lines):
            rest = self.lines[node.end_mark.line][node.end_mark.column :]
            if _COMMENT_AS_TEXT.match(rest):
                self.located.cut_by_comment.append((path, rest.strip()))

    def _bad_tag(self, node: yaml.Node) -> None:
        self._fail(
            node,
            f"the tag {node.tag.replace(_TAG, '!!')} is not allowed in a scenario",
            "scenarios hold plain text, numbers, lists and mappings only",
        )

    def _fail(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        line, column = _mark(node)
        raise SourceProblem(line, column, message, hint)


def _is_plain(node: yaml.Node) -> bool:
    """Unquoted: the C parser says style "", the Python one None."""
    return not getattr(node, "style", None)


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and _is_plain(node) and node.value == ""


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1
