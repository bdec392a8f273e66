"""Handouts for a workshop: a facilitator guide, then one confidential brief per role.

Printed, cut along the page breaks and handed out face down: every brief starts a new
sheet (``break-before: page``) and no sheet holds two teams' briefs, so a team never sees
another's secrets by turning a page. The facilitator guide comes first and is the
trainer's: set-up, timing for a 60- and a 120-minute workshop, and debrief questions
tied to the drivers and barriers of the survey and theatre workshop (seed 000), each in
the seed's own words. The guide names no team's points; the trainer's notes from the
scenario may, since only the trainer reads them.
"""

from __future__ import annotations

from game.i18n import Translator
from game.report.html import (
    Markup,
    bullets,
    definitions,
    document,
    grouped_table,
    join,
    para,
    table,
    tag,
)
from game.report.prose import prose_html
from game.report.style import STYLE
from game.report.words import amounts, sector_name, translator
from game.report.words import tag as tag_words
from game.scenario.model import Project, Role, Scenario


def build_handouts(scenario: Scenario, language: str = "en") -> str:
    """The whole handout document for ``scenario`` as one HTML page."""
    t = translator(language)
    title = t("{scenario}: handouts", scenario=scenario.title)
    body = [
        _cover(scenario, t),
        _guide(scenario, t),
        *(_brief(scenario, role, t) for role in scenario.roles),
    ]
    return document(title, language, STYLE, body)


def brief_heading(t: Translator, role: Role) -> str:
    """The line that opens a role's brief (the tests find each brief's first page by it)."""
    return t("Confidential brief: {role}", role=role.name)


def _cover(scenario: Scenario, t: Translator) -> Markup:
    toc = tag(
        "nav",
        [
            tag("h2", t("Contents")),
            tag(
                "ol",
                [
                    tag("li", tag("a", t("Facilitator guide"), href="#guide")),
                    tag(
                        "li",
                        [
                            t("Confidential briefs, one sheet each:"),
                            tag(
                                "ul",
                                [
                                    tag("li", tag("a", role.name, href=f"#brief-{role.id}"))
                                    for role in scenario.roles
                                ],
                            ),
                        ],
                    ),
                ],
            ),
        ],
        class_="toc",
    )
    return tag(
        "header",
        [
            tag("h1", scenario.title),
            para(
                t(
                    "Handouts for the trainer: a facilitator guide, then one confidential "
                    "brief per team, each on its own sheet."
                ),
                class_="lead",
            ),
            para(scenario.summary),
            toc,
        ],
        class_="cover",
    )


def _guide(scenario: Scenario, t: Translator) -> Markup:
    return tag(
        "section",
        [
            tag("h2", t("Facilitator guide")),
            _town(scenario, t),
            _setup(scenario, t),
            _timing(scenario, t),
            _debrief_questions(t),
            _notes(scenario, t),
        ],
        id="guide",
    )


def _town(scenario: Scenario, t: Translator) -> Markup:
    roles = table(
        [t("Team"), t("Sector"), t("Mission"), t("Competencies")],
        [
            [
                role.name,
                sector_name(t, role.sector),
                role.mission,
                ", ".join(tag_words(c) for c in role.competencies),
            ]
            for role in scenario.roles
        ],
    )
    projects = table(
        [t("Project"), t("What it is"), t("Issues to agree"), t("Who may take part")],
        [
            [
                project.title,
                project.description,
                join([[issue.title, Markup("<br>")] for issue in project.issues]),
                ", ".join(r.name for r in scenario.eligible_roles(project)),
            ]
            for project in scenario.projects
        ],
    )
    return join([tag("h3", t("The town and its teams")), roles, tag("h3", t("Projects")), projects])


def _setup(scenario: Scenario, t: Translator) -> Markup:
    teams = len(scenario.roles)
    steps = [
        t(
            "A laptop on a projector, readable from the back of the room; the trainer keeps "
            "the keyboard (F1 shows the trainer's keys)."
        ),
        t(
            "{teams} teams, one per role, of two to five people each. A role without people "
            "can be given to a computer partner in the seat setup.",
            teams=teams,
        ),
        t(
            "Print this document. Hand each team only its own brief, face down; keep this "
            "guide. The briefs are confidential: teams tell each other what they like, "
            "never show their sheet."
        ),
        t(
            "Start the game: outofthebox, choose “{scenario}”, name the teams.",
            scenario=scenario.title,
        ),
        t(
            "The game has {rounds} rounds; in each, every team takes one turn: propose, "
            "answer a deal, explore a partner, consult users, build a competence, "
            "communicate or pass.",
            rounds=scenario.rounds,
        ),
        t(
            "The game saves itself after every action. Afterwards, print the report: "
            "outofthebox report SAVE -o report.html (the title screen shows where saves "
            "are kept)."
        ),
    ]
    return join([tag("h3", t("Set-up")), tag("ol", [tag("li", step) for step in steps])])


#: (phase, minutes in a 60-minute workshop, minutes in a 120-minute one)
PHASES = (
    ("Welcome, the town and the public profiles read aloud", 5, 10),
    ("Teams read their briefs: what do we really want, what could we give away?", 7, 15),
    ("Play", 30, 60),
    ("Debrief: scores, lessons, the best deals that were possible", 15, 25),
    ("Written agreements and communication plan from the report", 3, 10),
)


def round_minutes(total: int, rounds: int) -> float:
    """Minutes per round when ``total`` minutes of play are shared by ``rounds``."""
    return round(total / max(1, rounds), 1)


def _timing(scenario: Scenario, t: Translator) -> Markup:
    rows = []
    start = {60: 0, 120: 0}
    for phase, short, long in PHASES:
        cells = []
        for length, minutes in ((60, short), (120, long)):
            cells.append(t("{start}–{end} min", start=start[length], end=start[length] + minutes))
            start[length] += minutes
        rows.append([t(phase), *cells])
    play = {length: minutes for length, minutes in ((60, PHASES[2][1]), (120, PHASES[2][2]))}
    advice = [
        t(
            "In 60 minutes: {rounds} rounds of about {minutes} minutes; set the round timer "
            "(F3) and skip a turn (F6) that stalls.",
            rounds=scenario.rounds,
            minutes=_number(t, round_minutes(play[60], scenario.rounds)),
        ),
        t(
            "In 120 minutes: {rounds} rounds of about {minutes} minutes, with time for the "
            "teams to talk to each other between turns; play an event card (F7) if a table "
            "grows too comfortable.",
            rounds=scenario.rounds,
            minutes=_number(t, round_minutes(play[120], scenario.rounds)),
        ),
    ]
    if scenario.round_timer_seconds:
        advice.append(
            t(
                "The scenario suggests {minutes} minutes a round.",
                minutes=_number(t, round(scenario.round_timer_seconds / 60, 1)),
            )
        )
    return join(
        [
            tag("h3", t("Timing")),
            table([t("Phase"), t("60 minutes"), t("120 minutes")], rows, class_="keep"),
            bullets(advice),
        ]
    )


def _number(t: Translator, value: float) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if t.language == "da" else text


#: The drivers and barriers of seed 000, each with a question that brings it to the table.
DRIVERS = (
    (
        "Be prepared for change",
        "What changed for your organisation in this game? Which change did you resist?",
    ),
    (
        "Be prepared to lose ownership of your library",
        "Where did the library share its name, its space or its say? What did it get back?",
    ),
    (
        "Partnerships should be part of the library strategy",
        "Which of your agreements serves your mission and ambitions, and which was a deal for "
        "its own sake?",
    ),
    (
        "Staff and management must have a common picture of the library's strategy",
        "Did everyone in your team want the same thing? How did you decide?",
    ),
    (
        "New competencies",
        "Which competencies did a project need that nobody at the table had? Where did they "
        "come from?",
    ),
    (
        "Active staff members",
        "Who in your team made things happen, and what would that take in your own library?",
    ),
    (
        "Have more partners to avoid monopoly",
        "How many partners did the library end up with? What if one of them had pulled out?",
    ),
    (
        "Cluster your partners for diversity",
        "Which other partners in the same field could have joined these projects?",
    ),
    (
        "Think partners both in the civic, public and market sector",
        "Which sectors met in your agreements, and what did the mix make possible?",
    ),
    (
        "Let partnerships be about serving the users",
        "Which users gain from your agreements? Would they recognise what you agreed?",
    ),
    (
        "Consult library users to identify user needs",
        "Who consulted users, what did they learn, and did it change a deal?",
    ),
)
BARRIERS = (
    (
        "There has to be a win-win situation!",
        "Did every partner gain from every agreement? Which deal on the table was win-lose, "
        "and what trade across issues fixed it?",
    ),
    (
        "Partnerships are not a transaction; it's a relational thing",
        "How did offers and counter-offers change what you agreed? What did you learn about "
        "each other on the way?",
    ),
    (
        "There has to be something at risk",
        "What was at stake in your agreements? Was a pilot the safe choice or the empty one?",
    ),
    (
        "Find the connection between you and your potential partner",
        "What did you find out about your partners' passion, mission and ambitions, and how?",
    ),
    (
        "Keep an open mind, avoid fixed roles",
        "Did anyone step out of their usual role? What did that make possible?",
    ),
    (
        "Know what kinds of partnerships are relevant to your library",
        "Which project mattered most to the library, and which could it have left alone?",
    ),
    (
        "Too many changes at once is not necessarily a good thing",
        "How many changes did each organisation take on at once? What would its staff say?",
    ),
    (
        "The library needs a strong brand to become a serious partner",
        "Did the library's brand help it at the table? What did communicating do for it?",
    ),
    (
        "Do not dismiss the potential of a commercial partnership",
        "What did the commercial partner gain, what did the others gain from it, and where "
        "is the line of a commercial-free space?",
    ),
)


def _debrief_questions(t: Translator) -> Markup:
    def group(heading: str, items: tuple[tuple[str, str], ...]) -> Markup:
        return join([tag("h4", heading), definitions((t(name), t(q)) for name, q in items)])

    return join(
        [
            tag("h3", t("Debrief questions")),
            para(
                t(
                    "Each question brings one of the survey's partnership drivers or barriers "
                    "to the table. Start with what the report shows for your table, then ask "
                    "what it would mean in your own library."
                )
            ),
            group(t("Drivers: what makes it happen?"), DRIVERS),
            group(t("Barriers: why isn't it happening?"), BARRIERS),
        ]
    )


def _notes(scenario: Scenario, t: Translator) -> Markup:
    if not scenario.trainer_notes:
        return Markup()
    return join(
        [
            tag("h3", t("The scenario author's notes for the trainer")),
            prose_html(scenario.trainer_notes),
        ]
    )


def _brief(scenario: Scenario, role: Role, t: Translator) -> Markup:
    brief = role.brief
    profile = definitions(
        [
            (t("Sector"), sector_name(t, role.sector)),
            (t("Mission"), role.mission),
            (t("Passion"), role.passion),
            (t("Ambitions"), bullets(role.ambitions)),
            (t("Competencies"), ", ".join(tag_words(c) for c in role.competencies)),
            (
                t("Resources per round"),
                amounts(t, role.resources.staff_time, role.resources.budget),
            ),
        ]
    )
    parts = [
        tag("h2", brief_heading(t, role)),
        para(
            t(
                "Confidential: for the {role} team only. Do not show this sheet to another team.",
                role=role.name,
            ),
            class_="confidential",
        ),
        tag("h3", t("What you really want")),
        prose_html(brief.text, class_="brief-text"),
        tag("h3", t("Your public profile (everyone sees this)")),
        profile,
        tag("h3", t("Your points")),
        para(
            t(
                "Your points for every option; a deal gives you the sum of the options it "
                "picks. Below your walk-away value a deal leaves you worse off than no deal."
            )
        ),
    ]
    for project in scenario.eligible_projects(role.id):
        parts.append(_points(scenario, project, role, t))
    lines = [
        t(
            "{issue} — {option}. {reason}",
            issue=_issue(scenario, line.project, line.issue).title,
            option=_option(scenario, line.project, line.issue, line.option).label,
            reason=line.reason,
        )
        for line in brief.red_lines
    ]
    parts.append(tag("h3", t("Your red lines")))
    parts.append(bullets(lines) if lines else para(t("You have no red lines.")))
    parts.append(tag("h3", t("Risk")))
    parts.append(
        para(
            t(
                "You tolerate risk up to {level} on a scale from 0 to 10.",
                level=brief.risk_tolerance,
            )
        )
    )
    return tag("section", parts, class_="sheet brief", id=f"brief-{role.id}")


def _points(scenario: Scenario, project: Project, role: Role, t: Translator) -> Markup:
    table_of = role.brief.points.get(project.id, {})
    groups = []
    for issue in project.issues:
        mine = table_of.get(issue.id, {})
        groups.append([
            [issue.title if index == 0 else "", option.label, mine.get(option.id, 0)]
            for index, option in enumerate(issue.options)
        ])  # fmt: skip
    walk = scenario.walk_away(role.id, project)
    extra = [
        t(
            "Without a deal on this project you get {points} points (your walk-away value).",
            points=walk,
        )
    ]
    if project.approval.unanimity_bonus:
        extra.append(
            t(
                "If every participant accepts, each gets {bonus} points more.",
                bonus=project.approval.unanimity_bonus,
            )
        )
    return join(
        [
            tag("h4", project.title),
            grouped_table(
                [t("Issue"), t("Option"), t("Points")], groups, numbers_from=2, keep_groups=True
            ),
            bullets(extra),
        ]
    )


def _issue(scenario: Scenario, project: str, issue: str):
    return next(i for i in scenario.project(project).issues if i.id == issue)


def _option(scenario: Scenario, project: str, issue: str, option: str):
    return next(o for o in _issue(scenario, project, issue).options if o.id == option)
