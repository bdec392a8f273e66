"""The scenario format as pydantic v2 models.

One YAML file is one town: its roles (the teams), the projects they can agree on, an event
deck and, optionally, rule settings and debrief texts. Every model forbids unknown keys,
because a trainer's typo (``brnad: 3``) must be an error with a hint, never a silently
ignored line. Shapes only are checked here; references between ids (a red line on an
option that does not exist, a role without points for an option) are checked in
``crossref`` so that all of a file's mistakes can be reported at once.

The field descriptions end up in the JSON Schema (``outofthebox schema``) and so in the
author's editor, so they are written for trainers, not programmers.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from game.scenario.vocabulary import (
    LanguageCode,
    LessonId,
    OptionFlag,
    Resource,
    RoleKind,
    Sector,
)

FORMAT_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40),
    Field(
        description="A short name for references: lower-case letters, digits and hyphens, "
        "e.g. city-museum."
    ),
]
Tag = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40),
    Field(description="A tag in lower-case letters, digits and hyphens, e.g. digital-skills."),
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=80, strip_whitespace=True)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000, strip_whitespace=True)]
Points = Annotated[int, Field(ge=-1000, le=1000)]
Level = Annotated[int, Field(ge=0, le=10, description="0 (none) to 10 (very high).")]
#: ``issue-id.option-id``: an option of the same project.
OptionRef = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$"),
    Field(description="An option of this project as issue-id.option-id, e.g. branding.co-branded."),
]


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, loaded scenarios never change."""

    # strict: YAML gives real numbers and true/false, so "3" in quotes is text, not 3
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, strict=True)


class Resources(Strict):
    """Whole units of the two resources: staff time (hours of a team) and budget."""

    staff_time: Annotated[int, Field(ge=0, le=99)] = 0
    budget: Annotated[int, Field(ge=0, le=99)] = 0


class Option(Strict):
    """One answer to an issue, e.g. "co-branded" for the issue "branding"."""

    id: Id
    label: Name
    description: Text | None = None
    cost: Resources = Field(
        default_factory=Resources,
        description="What every participant of the deal spends on this option, per round.",
    )
    cost_for: dict[Id, Resources] = Field(
        default_factory=dict,
        description="Costs for named roles instead of `cost`, e.g. the role that staffs it.",
    )
    risk: Level = 0
    flags: list[OptionFlag] = Field(default_factory=list)


class Issue(Strict):
    """One question a deal must answer, with the options to choose from."""

    id: Id
    title: Name
    description: Text | None = None
    options: Annotated[list[Option], Field(min_length=2, max_length=10)]


class UserNeed(Strict):
    """A need of a user group, learnt by consulting users; the options that meet it."""

    id: Id
    group: Tag
    text: Text
    served_by: Annotated[list[OptionRef], Field(min_length=1)]


class Approval(Strict):
    """When a deal on this project is signed.

    Written for the classic multi-party exercises too: "five of the six parties, and the
    proposer and the governor must be among them" is ``min_participants: 6, quorum: 5,
    proposers: [port], required: [port], vetoes: [governor]``. How the numbers fit
    together (a quorum no deal can reach …) is checked in ``crossref``.
    """

    required: list[Id] = Field(
        default_factory=list, description="Roles that must take part in every deal."
    )
    min_participants: Annotated[int, Field(ge=2, le=6)] = 2
    max_participants: Annotated[int, Field(ge=2, le=6)] | None = None
    quorum: Annotated[int, Field(ge=2, le=6)] | None = Field(
        default=None,
        description="How many participants must accept (the proposer counts). "
        "Leave out: every participant.",
    )
    vetoes: list[Id] = Field(
        default_factory=list,
        description="Roles whose rejection ends a deal they take part in, quorum or not.",
    )
    proposers: list[Id] = Field(
        default_factory=list,
        description="Roles allowed to propose a deal on this project. Leave out: any.",
    )
    unanimity_bonus: Annotated[int, Field(ge=0, le=100)] = Field(
        default=0, description="Points for every participant when all of them accept."
    )
    no_deal_value: Points = Field(
        default=0,
        description="A role's walk-away value for this project when its brief gives none.",
    )


class Project(Strict):
    """A shared goal on the table, e.g. "Family science Saturdays"."""

    id: Id
    title: Name
    description: Text
    needs: list[Tag] = Field(
        default_factory=list, description="Competencies the project needs, e.g. venue."
    )
    serves: list[Tag] = Field(
        default_factory=list, description="User groups it serves, e.g. families."
    )
    open_to: list[Id] = Field(
        default_factory=list, description="Roles that may take part. Leave out: every role."
    )
    issues: Annotated[list[Issue], Field(min_length=1, max_length=8)]
    user_needs: list[UserNeed] = Field(default_factory=list)
    approval: Approval = Field(default_factory=Approval)


class RedLine(Strict):
    """An option a role never accepts, and why (the reason is shown when it refuses)."""

    project: Id
    issue: Id
    option: Id
    reason: Text


class Brief(Strict):
    """The confidential brief: only this role's team ever sees it."""

    text: Text
    points: dict[Id, dict[Id, dict[Id, Points]]] = Field(
        description="Private points: project id -> issue id -> option id -> points."
    )
    walk_away: dict[Id, Points] = Field(
        default_factory=dict,
        description="Points the role gets from a project if no deal is signed (its BATNA).",
    )
    red_lines: list[RedLine] = Field(default_factory=list)
    risk_tolerance: Level


class Role(Strict):
    """A team at the table: a public profile everyone sees and a confidential brief."""

    id: Id
    name: Name
    kind: RoleKind
    sector: Sector
    mission: Text
    passion: Text
    ambitions: Annotated[list[Text], Field(min_length=1)]
    competencies: list[Tag] = Field(default_factory=list)
    resources: Resources = Field(description="What the role has to spend each round.")
    brand: Level = 3
    brief: Brief


RoleTarget = Annotated[
    str,
    Field(
        description="A role id, `all`, or `signed-participants` (the roles in signed agreements)."
    ),
]


class ChangeResource(Strict):
    kind: Literal["change-resource"]
    role: RoleTarget
    resource: Resource
    amount: Annotated[int, Field(ge=-20, le=20)]


class ChangeBrand(Strict):
    kind: Literal["change-brand"]
    role: RoleTarget
    amount: Annotated[int, Field(ge=-10, le=10)]


class ChangeWalkAway(Strict):
    kind: Literal["change-walk-away"]
    role: RoleTarget
    project: Id
    amount: Points


class RiskTest(Strict):
    """Every signed agreement riskier than `above` may fail; failing is logged and scored."""

    kind: Literal["risk-test"]
    above: Level
    chance: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5


class BlockOption(Strict):
    kind: Literal["block-option"]
    project: Id
    issue: Id
    option: Id
    rounds: Annotated[int, Field(ge=1, le=20)]


Effect = Annotated[
    ChangeResource | ChangeBrand | ChangeWalkAway | RiskTest | BlockOption,
    Field(discriminator="kind"),
]


class Conditions(Strict):
    """When a card can be drawn; every condition given must hold."""

    round_at_least: Annotated[int, Field(ge=1)] | None = None
    round_at_most: Annotated[int, Field(ge=1)] | None = None
    agreements_at_least: Annotated[int, Field(ge=0)] | None = None
    agreements_at_most: Annotated[int, Field(ge=0)] | None = None
    signed: list[Id] = Field(default_factory=list, description="Projects already signed.")
    unsigned: list[Id] = Field(default_factory=list, description="Projects not signed yet.")
    role_in_agreement: Id | None = None


class EventCard(Strict):
    """A card of the event deck, drawn by seeded chance after a round."""

    id: Id
    title: Name
    text: Text
    weight: Annotated[int, Field(ge=1, le=100)] = 1
    repeatable: bool = False
    when: Conditions = Field(default_factory=Conditions)
    effects: list[Effect] = Field(default_factory=list)


class Rules(Strict):
    """Settings of the turn actions; every one has a default."""

    explore_cost: Resources = Field(default_factory=lambda: Resources(staff_time=1))
    consult_cost: Resources = Field(default_factory=lambda: Resources(staff_time=1))
    build_competence_cost: Resources = Field(default_factory=lambda: Resources(budget=2))
    communicate_cost: Resources = Field(default_factory=lambda: Resources(budget=1))
    communicate_brand_gain: Annotated[int, Field(ge=0, le=5)] = 1
    event_chance: Annotated[float, Field(ge=0.0, le=1.0)] = Field(
        default=0.5, description="Chance that an event card is drawn after a round."
    )
    learnable: list[Tag] = Field(
        default_factory=list,
        description="Competencies a role can build. Leave out: any competency a project needs.",
    )


class LessonText(Strict):
    """Debrief words for a lesson, replacing the built-in ones."""

    title: Name | None = None
    text: Text


class Scenario(Strict):
    """A town and its possible partnerships: the whole content of one game."""

    format: Literal[1] = Field(default=FORMAT_VERSION, description="Format version: 1.")
    id: Id
    title: Name
    language: LanguageCode = "en"
    summary: Annotated[
        str, StringConstraints(min_length=1, max_length=600, strip_whitespace=True)
    ] = Field(description="Two or three sentences for the scenario chooser.")
    rounds: Annotated[int, Field(ge=1, le=20)] = 6
    round_timer_seconds: Annotated[int, Field(ge=30, le=3600)] | None = None
    trainer_notes: Text | None = None
    roles: Annotated[list[Role], Field(min_length=2, max_length=6)]
    projects: Annotated[list[Project], Field(min_length=1, max_length=8)]
    events: list[EventCard] = Field(default_factory=list)
    rules: Rules = Field(default_factory=Rules)
    lessons: dict[LessonId, LessonText] = Field(default_factory=dict)

    def role(self, role_id: str) -> Role:
        return next(role for role in self.roles if role.id == role_id)

    def project(self, project_id: str) -> Project:
        return next(project for project in self.projects if project.id == project_id)

    def eligible_roles(self, project: Project) -> list[Role]:
        """The roles that may take part in ``project`` (``open_to``, or every role)."""
        if not project.open_to:
            return list(self.roles)
        return [role for role in self.roles if role.id in project.open_to]

    def eligible_projects(self, role_id: str) -> list[Project]:
        """The projects ``role_id`` may take part in."""
        return [p for p in self.projects if not p.open_to or role_id in p.open_to]

    def walk_away(self, role_id: str, project: Project) -> int:
        """What ``role_id`` gets from ``project`` without a deal, as the file says it (its
        brief's value, or the project's ``no_deal_value``); events may change it later."""
        return self.role(role_id).brief.walk_away.get(project.id, project.approval.no_deal_value)
