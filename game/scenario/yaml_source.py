"""Reading an untrusted YAML file into plain data, remembering where every value came from.

PyYAML composes the file into nodes (with the C parser when it is there: much faster, and
it keeps line and column marks); we build the plain dicts, lists and scalars ourselves
instead of calling a constructor, which gives us:

* no object construction at all: only the standard scalar, list and mapping tags are
  accepted, so ``!!python/object`` has no effect beyond an error message;
* a mark for every value and every mapping key, so a pydantic error on
  ``roles.2.brief.risk_tolerance`` can name its line and column;
* duplicate keys as errors (PyYAML silently keeps the last one);
* limits: file size, nesting depth (checked on the token stream before composing, which
  recurses) and the number of values after alias expansion (the "billion laughs").

Mapping keys are kept as the text the author wrote: ``no: 3`` in a points table means the
option "no", not the boolean false that YAML 1.1 would make of it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

import yaml

from game.scenario.diagnostics import DocPath

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_VALUES = 200_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null")}
_OPENING_TOKENS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSING_TOKENS = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
_EMPTY_HINT = "start from a scaffold: outofthebox new FILE --roles library,museum"
_YES_NO_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


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
    #: paths whose value was a plain yes/no/on/off word turned into a boolean
    yes_no_words: dict[DocPath, str] = field(default_factory=dict)
    duplicate_keys: list[tuple[DocPath, tuple[int, int], int]] = field(default_factory=list)

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


def read_text(raw: bytes) -> str:
    """Decode a scenario file's bytes, refusing what is not UTF-8 text."""
    if len(raw) > MAX_FILE_BYTES:
        raise SourceProblem(
            1,
            1,
            f"the file is {len(raw):,} bytes; a scenario may be at most {MAX_FILE_BYTES:,}",
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
    _check_depth(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = error.problem or error.context or "the YAML cannot be read"
        raise SourceProblem(
            line, column, f"YAML syntax: {message}", _syntax_hint(message)
        ) from None
    except yaml.YAMLError as error:  # errors without a mark, e.g. from the reader
        raise SourceProblem(1, 1, f"YAML: {error}") from None
    if node is None:
        raise SourceProblem(1, 1, "the file is empty", _EMPTY_HINT)
    located = Located(data=None)
    located.data = _Builder(located).build(node, ())
    if located.data is None:  # "---" alone, or "~"
        raise SourceProblem(1, 1, "the file is empty", _EMPTY_HINT)
    return located


def _check_depth(text: str) -> None:
    depth = 0
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, _OPENING_TOKENS):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = token.start_mark
                    raise SourceProblem(
                        mark.line + 1,
                        mark.column + 1,
                        f"the document nests deeper than {MAX_DEPTH} levels",
                        "a scenario needs about 8 levels; is a bracket or indentation off?",
                    )
            elif isinstance(token, _CLOSING_TOKENS):
                depth -= 1
    except yaml.YAMLError:
        return  # composing reports syntax errors with a better message


class _Builder:
    """Builds plain data from nodes, counting values so aliases cannot explode."""

    def __init__(self, located: Located):
        self.located = located
        self.values = 0
        self.constructor = yaml.SafeLoader("")  # only its scalar converters are used

    def build(self, node: yaml.Node, path: DocPath) -> object:
        self.values += 1
        if self.values > MAX_VALUES:
            self._fail(
                node,
                f"the document expands to more than {MAX_VALUES:,} values",
                "anchors and aliases (&name, *name) are repeated too often",
            )
        if len(path) > MAX_DEPTH:
            self._fail(
                node,
                f"the document nests deeper than {MAX_DEPTH} levels",
                "an alias may refer to itself",
            )
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
            key = str(key_node.value)
            key_path = (*path, key)
            if key in result:
                self.located.duplicate_keys.append((key_path, _mark(key_node), first_lines[key]))
                continue
            first_lines[key] = _mark(key_node)[0]
            self.located.key_marks[key_path] = _mark(key_node)
            result[key] = self.build(value_node, key_path)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: DocPath) -> object:
        tag = node.tag
        if tag == f"{_TAG}timestamp":
            return node.value  # a date stays the text the author wrote
        if tag not in _SCALAR_TAGS:
            self._bad_tag(node)
        try:
            value = self.constructor.yaml_constructors[tag](self.constructor, node)
        except (ValueError, OverflowError):
            self._fail(
                node,
                f"the number {node.value[:20]}… is too long to read",
                "scenario numbers are small whole numbers, like 25",
            )
        if isinstance(value, bool) and node.value.lower() in _YES_NO_WORDS - {"true", "false"}:
            self.located.yes_no_words[path] = node.value
        return value

    def _bad_tag(self, node: yaml.Node) -> None:
        self._fail(
            node,
            f"the tag {node.tag.replace(_TAG, '!!')} is not allowed in a scenario",
            "scenarios hold plain text, numbers, lists and mappings only",
        )

    def _fail(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        line, column = _mark(node)
        raise SourceProblem(line, column, message, hint)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _syntax_hint(message: str) -> str | None:
    if "tab" in message:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in message:
        return 'a value holding a colon and a space needs quotes, e.g. label: "Note: free"'
    if "could not find expected ':'" in message or "simple key" in message:
        return "check the indentation and the colon after each key"
    if "found character" in message:
        return "put text that starts with a special character in quotes"
    return "check the indentation and quotes around this line"
