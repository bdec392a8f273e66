"""Public text that repeats a confidential brief: a warning before the room reads it.

A brief is read behind a curtain, but the same words often find their way into a role's
public profile, a user need, an event card or a lesson, because the author wrote them in
one sitting. The room then reads the secret off the projector (or off the printed
report). Six or more words in a row, compared case-insensitively and regardless of
punctuation and line breaks, are taken as a repeat: short phrases such as "a
commercial-free space" are the shared vocabulary of the game, whole clauses are not.

Like ``crossref``, this reads the plain loaded data and tolerates any shape, so a file
with other mistakes gets these warnings in the same run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from game.scenario.crossref import Finding, _items, _mapping
from game.scenario.diagnostics import DocPath
from game.scenario.lessons import DEFAULT_LESSONS

#: this many words in a row of a brief, repeated in public text, are a leak
MIN_WORDS = 6
#: words of the repeated passage quoted in a message
QUOTED_WORDS = 8
#: a list longer than the format allows is read this far (a hostile file stays fast)
MAX_ITEMS = 100
#: a text longer than the format allows is read this far
MAX_TEXT = 4000
#: how many places of one run of words in the briefs are remembered
MAX_PLACES = 20
#: a word: letters and digits, apostrophes inside it ("library's") belong to it
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_APOSTROPHES = str.maketrans("", "", "'’")

_HINT = "say it in other words, so that the room cannot read the brief in it"
_LESSON_HINT = (
    "rephrase the brief, or give the lesson your own words under lessons: ({lesson}: {{text: …}})"
)


@dataclass(frozen=True)
class _Text:
    """A text of the file as its words, with where each word starts and ends in it."""

    path: DocPath
    text: str
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, path: DocPath, text: str) -> _Text:
        found = list(_WORD.finditer(text, 0, MAX_TEXT))
        words = tuple(m.group().casefold().translate(_APOSTROPHES) for m in found)
        return cls(path, text, words, tuple(m.span() for m in found))

    def quote(self, start: int, length: int) -> str:
        """The repeated words as the text writes them, cut short after a few."""
        shown = min(length, QUOTED_WORDS)
        begin, end = self.spans[start][0], self.spans[start + shown - 1][1]
        passage = " ".join(self.text[begin:end].split())
        return passage + (" …" if shown < length else "")


@dataclass(frozen=True)
class _Brief:
    """One confidential passage: a brief's text or the reason of one of its red lines."""

    role: str
    what: str  # "confidential brief" or "confidential red-line reason (issue …)"
    text: _Text


@dataclass(frozen=True)
class _Repeat:
    start: int  # the first repeated word, in the public text
    other: int  # the same word, in the brief
    length: int


#: Index = every run of MIN_WORDS words of the briefs -> (brief number, first word)
Index = dict[tuple[str, ...], list[tuple[int, int]]]


def _index(briefs: list[_Brief]) -> Index:
    """Where every run of MIN_WORDS words of the briefs starts; a run that a hostile file
    repeats a thousand times is remembered at its first few places only."""
    index: Index = {}
    for number, brief in enumerate(briefs):
        words = brief.text.words
        for start in range(len(words) - MIN_WORDS + 1):
            places = index.setdefault(words[start : start + MIN_WORDS], [])
            if len(places) < MAX_PLACES:
                places.append((number, start))
    return index


def _repeats(public: _Text, briefs: list[_Brief], index: Index) -> dict[int, _Repeat]:
    """Brief by brief, the longest run of words ``public`` shares with it."""
    best: dict[int, _Repeat] = {}
    words = public.words
    for start in range(len(words) - MIN_WORDS + 1):
        for number, other in index.get(words[start : start + MIN_WORDS], ()):
            theirs = briefs[number].text.words
            if start and other and words[start - 1] == theirs[other - 1]:
                continue  # inside a run already measured from its first word
            length = MIN_WORDS
            while (
                start + length < len(words)
                and other + length < len(theirs)
                and words[start + length] == theirs[other + length]
            ):
                length += 1
            if number not in best or length > best[number].length:
                best[number] = _Repeat(start, other, length)
    return best


def _few(node: object, key: str) -> list[tuple[int, dict]]:
    """The first MAX_ITEMS mapping items of the list ``node[key]``, with their positions."""
    return _items(node, key)[:MAX_ITEMS]


def _possessive(role_id: str) -> str:
    """ "the museum's", "the parents'": how the message names whose brief it is."""
    return f"the {role_id}'" if role_id.endswith("s") else f"the {role_id}'s"


def _text(node: object, key: object) -> str | None:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, str) else None


_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def word_mark(source: str, start: tuple[int, int], text: str, word: int) -> tuple[int, int] | None:
    """Where the ``word``-th word of ``text`` is written, when ``text`` is the YAML value
    that begins at ``start`` (1-based line and column) in ``source``.

    Folding and indentation change only the spaces between words, so counting the words
    of the source from ``start`` finds it. Every word on the way must be the text's own:
    where they differ (an escape such as ``\\n`` in quotes) None says "use the start".
    """
    wanted = _Text.of((), text).words
    if not 0 <= word < len(wanted):
        return None
    lines = _LINE_BREAK.split(source)
    count = 0
    for number in range(start[0] - 1, len(lines)):
        offset = start[1] - 1 if number == start[0] - 1 else 0
        for match in _WORD.finditer(lines[number], offset):
            if match.group().casefold().translate(_APOSTROPHES) != wanted[count]:
                return None
            if count == word:
                return (number + 1, match.start() + 1)
            count += 1
    return None


class BriefEchoes:
    """Finds public text repeating a brief; ``findings()`` yields one warning per repeat."""

    def __init__(self, data: dict):
        self.data = data
        self.briefs = list(self._briefs())
        self.index = _index(self.briefs)

    def findings(self) -> Iterator[Finding]:
        if not self.index:
            return
        for public in self._public_texts():
            for number, repeat in sorted(_repeats(public, self.briefs, self.index).items()):
                yield self._leak(public, self.briefs[number], repeat)
        yield from self._lessons_quoting_briefs()

    def _leak(self, public: _Text, brief: _Brief, repeat: _Repeat) -> Finding:
        return Finding(
            public.path,
            f"this public text repeats {repeat.length} words of {_possessive(brief.role)} "
            f'{brief.what}: "{public.quote(repeat.start, repeat.length)}"',
            _HINT,
            "warning",
            see=brief.text.path,
            word=repeat.start,
            see_word=repeat.other,
        )

    def _lessons_quoting_briefs(self) -> Iterator[Finding]:
        """The built-in lesson texts reach the debrief and the printed report unless the
        scenario rewords them; a brief that repeats one is read out to the room there."""
        own = _mapping(self.data, "lessons")
        for lesson_id, lesson in DEFAULT_LESSONS.items():
            if lesson_id in own:
                continue
            for part, words in (("title", lesson.title), ("text", lesson.text)):
                public = _Text.of(("lessons", lesson_id, part), words)
                for number, repeat in sorted(_repeats(public, self.briefs, self.index).items()):
                    brief = self.briefs[number]
                    yield Finding(
                        brief.text.path,
                        f'the built-in lesson "{lesson_id}", which the debrief and the '
                        f"report show to everyone, repeats {repeat.length} words of this "
                        f'{brief.what}: "{public.quote(repeat.start, repeat.length)}"',
                        _LESSON_HINT.format(lesson=lesson_id),
                        "warning",
                        word=repeat.other,
                    )

    # -- what is confidential, what is public ------------------------------------------

    def _briefs(self) -> Iterator[_Brief]:
        for index, role in _few(self.data, "roles"):
            role_id = role.get("id") if isinstance(role.get("id"), str) else f"role {index + 1}"
            brief = _mapping(role, "brief")
            base: DocPath = ("roles", index, "brief")
            text = _text(brief, "text")
            if text:
                yield _Brief(role_id, "confidential brief", _Text.of((*base, "text"), text))
            for r_index, line in _few(brief, "red_lines"):
                reason = _text(line, "reason")
                if reason:
                    what = f"confidential red-line reason (issue {line.get('issue')})"
                    path = (*base, "red_lines", r_index, "reason")
                    yield _Brief(role_id, what, _Text.of(path, reason))

    def _public_texts(self) -> Iterator[_Text]:
        """Every text the room may read: on the projector, in the report or the handouts
        that are not the teams' own briefs."""
        yield from self._texts((), self.data, ("title", "summary", "trainer_notes"))
        for index, role in _few(self.data, "roles"):
            base: DocPath = ("roles", index)
            yield from self._texts(base, role, ("name", "mission", "passion"))
            ambitions = role.get("ambitions")
            ambitions = ambitions[:MAX_ITEMS] if isinstance(ambitions, list) else []
            for a_index, ambition in enumerate(ambitions):
                if isinstance(ambition, str):
                    yield _Text.of((*base, "ambitions", a_index), ambition)
        for p_index, project in _few(self.data, "projects"):
            base = ("projects", p_index)
            yield from self._texts(base, project, ("title", "description"))
            for i_index, issue in _few(project, "issues"):
                i_base = (*base, "issues", i_index)
                yield from self._texts(i_base, issue, ("title", "description"))
                for o_index, option in _few(issue, "options"):
                    o_base = (*i_base, "options", o_index)
                    yield from self._texts(o_base, option, ("label", "description"))
            for n_index, need in _few(project, "user_needs"):
                yield from self._texts((*base, "user_needs", n_index), need, ("text",))
        for e_index, card in _few(self.data, "events"):
            yield from self._texts(("events", e_index), card, ("title", "text"))
        lessons = list(_mapping(self.data, "lessons").items())[:MAX_ITEMS]
        for lesson_id, lesson in lessons:
            yield from self._texts(("lessons", lesson_id), lesson, ("title", "text"))

    @staticmethod
    def _texts(base: DocPath, node: object, keys: tuple[str, ...]) -> Iterator[_Text]:
        for key in keys:
            text = _text(node, key)
            if text:
                yield _Text.of((*base, key), text)
