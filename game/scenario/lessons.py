"""The debrief's lessons in the seed's own words; a scenario's ``lessons:`` may reword them.

Every driver and barrier of the survey and theatre workshop report (seed 000) has a lesson
here. Which game situation shows each lesson is the engine's to detect (issue 3); this
table is the words the debrief says, and the ids a scenario author may override.
"""

from __future__ import annotations

from typing import NamedTuple

from game.scenario.vocabulary import LessonId


class Lesson(NamedTuple):
    title: str
    text: str


DEFAULT_LESSONS: dict[LessonId, Lesson] = {
    "win-win": Lesson(
        "There has to be a win-win situation!",
        "All parties contributing, all parties gaining: a deal that leaves a partner below "
        "what it has without the deal is not a partnership.",
    ),
    "something-at-risk": Lesson(
        "There has to be something at risk",
        "A partnership with nothing at stake has no real meaning or importance.",
    ),
    "avoid-monopoly": Lesson(
        "Have more partners to avoid monopoly",
        "If you invite commercial partners in, have more than one: the library needs to be "
        "a free arena, not restricted by one ongoing partnership.",
    ),
    "commercial-partnership": Lesson(
        "Do not dismiss the potential of a commercial partnership",
        "Commercial partners gain credibility and a good reputation; the library can gain "
        "resources and competencies, and still stay a commercial-free space.",
    ),
    "consult-users": Lesson(
        "Consult library users to identify user needs",
        "What do people need from the library and its potential partners? Ask them.",
    ),
    "triple-helix": Lesson(
        "Think partners both in the civic, public and market sector",
        "Cross-sector partnerships, the triple helix, make it likelier that together you "
        "achieve something none of you could have done alone.",
    ),
    "too-many-changes": Lesson(
        "Too many changes at once is not necessarily a good thing",
        "Letting partners in changes the library for staff and users alike: there has to be "
        "some stability.",
    ),
    "taken-for-granted": Lesson(
        "Partners may take the partnership for granted",
        "With only one or a few partners, in time they take the partnership for granted.",
    ),
    "new-competencies": Lesson(
        "New competencies are needed",
        "You need partners, because you cannot do everything yourself if you are going to do "
        "it well; and partners bring new competencies to the library.",
    ),
    "strong-brand": Lesson(
        "The library needs a strong brand to become a serious partner",
        "Know yourself: what you want, what you are passionate about, what your mission is.",
    ),
    "find-the-connection": Lesson(
        "Find the connection between you and your potential partner",
        "Find out your partner's passion, mission and ambitions; the connections between "
        "your strategies are the foundation of a meaningful partnership.",
    ),
    "avoid-fixed-roles": Lesson(
        "Keep an open mind, avoid fixed roles",
        "Innovation is likelier when partners do not have fixed roles and can meet each "
        "other with new ideas.",
    ),
    "cluster-partners": Lesson(
        "Cluster your partners for diversity",
        "Do not put all your eggs in one basket: see many partners in children and families, "
        "public education, local history and so on.",
    ),
    "relational-not-transaction": Lesson(
        "Partnerships are not a transaction; it's a relational thing",
        "Partnerships are not about money, they are about doing something for the people.",
    ),
    "serve-the-users": Lesson(
        "Let partnerships be about serving the users",
        "Part of setting up a partnership is to define which users are to benefit from it.",
    ),
    "prepared-for-change": Lesson(
        "Be prepared for change",
        "In a real partnership everyone must be prepared for change, and to lose some "
        "ownership of the library.",
    ),
}
