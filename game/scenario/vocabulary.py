"""The closed word lists of the scenario format.

They are closed on purpose: a trainer who writes ``kind: musuem`` must hear about it
("did you mean museum?") rather than get a role the game silently treats as "other".
Every list here is also what the JSON Schema offers an editor for completion.
"""

from __future__ import annotations

from typing import Literal, get_args

#: Kinds of partner, after seed 000's list "Who are the partners of public libraries?".
RoleKind = Literal[
    "librarian",
    "museum",
    "business",
    "it-business",
    "telephone-operator",
    "community-group",
    "voluntary-organization",
    "school",
    "day-care",
    "children-learning",
    "science-centre",
    "university",
    "student",
    "health",
    "senior-centre",
    "nursing-home",
    "theatre",
    "orchestra",
    "cultural-organization",
    "literacy-organization",
    "international-institute",
    "zoo",
    "public-sector",
    "other",
]

#: "Think partners both in the civic, public and market sector" (seed 000).
Sector = Literal["public", "civic", "market"]

#: The two resources every role spends; amounts are whole units per round.
Resource = Literal["staff_time", "budget"]

#: Marks on an option that the scoring reads.
OptionFlag = Literal[
    # something new that did not exist before: raises innovation
    "novel",
    # a commercial presence (a logo, a sales stand): clashes with a commercial-free space
    "commercial",
    # a partner works outside its usual part ("avoid fixed roles"): raises innovation
    "outside-usual-role",
    # a permanent change to the library: counts towards "too many changes at once"
    "permanent",
    # a trial the partners can leave: lowers risk
    "pilot",
    # users shape the content: pays off when the users were consulted
    "user-led",
]

LanguageCode = Literal["en", "da"]

#: The lessons the debrief can show; every driver and barrier of seed 000 has one.
LessonId = Literal[
    "win-win",
    "something-at-risk",
    "avoid-monopoly",
    "commercial-partnership",
    "consult-users",
    "triple-helix",
    "too-many-changes",
    "taken-for-granted",
    "new-competencies",
    "strong-brand",
    "find-the-connection",
    "avoid-fixed-roles",
    "cluster-partners",
    "relational-not-transaction",
    "serve-the-users",
    "prepared-for-change",
]

#: Event effects, by their ``kind`` tag.
EffectKind = Literal[
    "change-resource",
    "change-brand",
    "change-walk-away",
    "risk-test",
    "block-option",
]

#: Who an event effect touches: one role's id, or one of these words.
ROLE_TARGET_WORDS = ("all", "signed-participants")
# Role ids the program uses for other seats: the trainer, and the public view of the table.
RESERVED_ROLE_IDS = (*ROLE_TARGET_WORDS, "trainer", "public")


def words(literal: object) -> tuple[str, ...]:
    """The allowed words of a ``Literal`` type, for hints and documentation."""
    return tuple(str(word) for word in get_args(literal))
