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
import re
from dataclasses import dataclass, field

import yaml

from game.scenario.diagnostics import DocPath
from game.scenario.vocabulary import ID_FIELDS, ID_LIST_FIELDS
from game.scenario.yaml_syntax import explain

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
_COMMENT_AS_TEXT = re.compile(r"^\s+#\S")  # "theatre #1 in town"; not "value  # a note"
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
    #: plain texts followed on their line by "#word": a comment the author meant as text
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
    _check_depth(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        line, column, message, hint = explain(error, text)
        raise SourceProblem(line, column, message, hint) from None
    except yaml.YAMLError as error:  # errors without a mark, e.g. from the reader
        raise SourceProblem(1, 1, f"YAML: {error}") from None
    if node is None:
        raise SourceProblem(1, 1, "the file is empty", _EMPTY_HINT)
    located = Located(data=None)
    located.data = _Builder(located, text.splitlines()).build(node, ())
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

    def __init__(self, located: Located, lines: list[str]):
        self.located = located
        self.lines = lines
        self.values = 0
        self.constructor = yaml.SafeLoader("")  # only its scalar converters are used

    def build(self, node: yaml.Node, path: DocPath, ids: bool = False) -> object:
        """Plain data for ``node``; ``ids``: a bare word is an id, kept as the text written."""
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
        if ids and _is_plain_word(node):
            return node.value  # "id: no" or "id: 2024" names something: it is text
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
            if node.flow_style:
                self._check_flow_entry(key_node, value_node)
            result[key] = self.build(value_node, key_path, ids=key in ID_FIELDS)
            if key in ID_LIST_FIELDS and isinstance(value_node, yaml.SequenceNode):
                result[key] = [
                    item.value if _is_plain_word(item) else value
                    for item, value in zip(value_node.value, result[key], strict=True)
                ]
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
        if isinstance(value, str) and _is_plain(node) and node.end_mark.line < len(self.lines):
            rest = self.lines[node.end_mark.line][node.end_mark.column :]
            if _COMMENT_AS_TEXT.match(rest):
                self.located.cut_by_comment.append((path, rest.strip()))
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


def _is_plain_word(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.ScalarNode)
        and _is_plain(node)
        and node.tag in (f"{_TAG}bool", f"{_TAG}int", f"{_TAG}float")
    )


def _is_plain(node: yaml.Node) -> bool:
    """Unquoted: the C parser says style "", the Python one None."""
    return not getattr(node, "style", None)


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == f"{_TAG}null" and node.value == ""


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1
