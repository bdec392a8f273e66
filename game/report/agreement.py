"""A signed agreement written out as a partnership agreement the partners could sign.

The "Build Partnerships!" tool box (seed 001) has tools for written agreements, for
evaluation and for communication planning; this page is all three for one agreement:
the parties, the project and its terms, what each partner contributes and gains, the
risks and how they are met, evaluation milestones, a communication plan (newsletters,
flyers and telling users, as the survey suggests, seed 000), and signature lines.

Everything on it is public: the terms were on the table, costs and risk levels are the
project's, competencies and sectors are the public profiles'. What a partner *gains* is
said in words from those (the competencies the others bring, the users reached, what its
sector gains from a partnership in the survey's words), never in its private points.
"""

from __future__ import annotations

from game.engine import actions as act
from game.engine import deals
from game.engine.record import GameRecord
from game.engine.state import Agreement, GameState
from game.i18n import Translator
from game.report.html import Markup, bullets, definitions, join, para, table, tag
from game.report.words import amounts, listing, sector_name
from game.report.words import tag as tag_words
from game.scenario.model import Option, Project
from game.scoring.axes import too_many_changes
from game.scoring.missed import measure

#: what a partner of each sector gains from a partnership, in the survey's words (seed 000)
SECTOR_GAINS = {
    "public": "a broader network, new competencies and access to new target audiences",
    "market": "credibility and a good reputation from working with a public library",
    "civic": "a stronger place in the local community and a voice for its members",
}

#: how a risky kind of option is met, by the option's flag
FLAG_MEASURES = (
    (
        "commercial",
        "Keep the library a commercial-free space: agree where names and logos "
        "appear before anything is printed.",
    ),
    (
        "permanent",
        "Too many changes at once are not a good thing: bring it in step by step "
        "and tell staff early.",
    ),
    (
        "outside-usual-role",
        "Someone works outside their usual role: pair them with a partner "
        "who knows the work and review after the first month.",
    ),
    (
        "novel",
        "Something new: start small, agree what success looks like and review it at "
        "the first milestone.",
    ),
)
DEFAULT_MEASURE = (
    "Named contacts on every side meet at each milestone and say early when it is not working."
)


def agreement_title(t: Translator, state: GameState, agreement: Agreement) -> str:
    project = state.scenario.project(agreement.project)
    return t("Partnership agreement: {project}", project=project.title)


def agreement_page(
    state: GameState,
    record: GameRecord,
    agreement: Agreement,
    t: Translator,
    anchor: str,
    new_sheet: bool = True,
) -> Markup:
    """One agreement as a printable partnership agreement (on a new sheet if asked)."""
    scenario = state.scenario
    project = scenario.project(agreement.project)
    deal = agreement.deal
    chosen = deals.chosen_options(project, deal.options)
    facts = [
        t(
            "Deal {number}, proposed by {proposer}, signed in round {round}.",
            number=deal.number,
            proposer=scenario.role(deal.proposer).name,
            round=agreement.round,
        ),
    ]
    if agreement.unanimous:
        facts.append(t("Every participant accepted it."))
    if not agreement.active:
        facts.append(
            t(
                "It failed in round {round}: {card}.",
                round=agreement.failed_round,
                card=agreement.failure,
            )
        )
    return tag(
        "section",
        [
            tag("h3", agreement_title(t, state, agreement)),
            para(" ".join(facts), class_="muted"),
            _parties(state, agreement, t),
            _project(project, chosen, t),
            _contributions(state, agreement, project, t),
            _risks(state, agreement, project, chosen, t),
            _milestones(project, agreement, t),
            _communication(state, record, agreement, project, t),
            _signatures(state, agreement, t),
        ],
        class_="sheet agreement" if new_sheet else "agreement",
        id=anchor,
    )


def _parties(state: GameState, agreement: Agreement, t: Translator) -> Markup:
    rows = []
    for member in agreement.members:
        role = state.scenario.role(member)
        rows.append([role.name, sector_name(t, role.sector), role.mission])
    return join(
        [
            tag("h4", t("1. The parties")),
            table([t("Partner"), t("Sector"), t("Mission")], rows),
        ]
    )


def _project(project: Project, chosen: list[Option], t: Translator) -> Markup:
    terms = [
        [issue.title, option.label + (f" — {option.description}" if option.description else "")]
        for issue, option in zip(project.issues, chosen, strict=True)
    ]
    parts = [tag("h4", t("2. The project and what was agreed")), para(project.description)]
    if project.serves:
        parts.append(
            para(t("It serves: {groups}.", groups=", ".join(tag_words(g) for g in project.serves)))
        )
    parts.append(table([t("Issue"), t("Agreed")], terms))
    return join(parts)


def _skills(state: GameState, role: str) -> set[str]:
    return {*state.scenario.role(role).competencies, *state.role_state(role).gained}


def _contributions(
    state: GameState, agreement: Agreement, project: Project, t: Translator
) -> Markup:
    needs = set(project.needs)
    rows = []
    for member in agreement.members:
        role = state.scenario.role(member)
        brings = sorted(_skills(state, member) & needs)
        others = set().union(*(_skills(state, m) for m in agreement.members if m != member))
        receives = sorted((others & needs) - _skills(state, member))
        cost = deals.cost(member, project, agreement.deal.options)
        gives = [
            t("Competencies: {skills}.", skills=", ".join(tag_words(s) for s in brings))
            if brings
            else t("No competency the project needs; its commitment below."),
            t("Per round: {amounts}.", amounts=amounts(t, cost.staff_time, cost.budget)),
        ]
        gains = []
        if receives:
            gains.append(
                t(
                    "What the partners bring: {skills}.",
                    skills=", ".join(tag_words(s) for s in receives),
                )
            )
        if project.serves:
            gains.append(
                t("Reaches: {groups}.", groups=", ".join(tag_words(g) for g in project.serves))
            )
        if role.sector in SECTOR_GAINS:
            gains.append(
                t(
                    "As the survey says a {sector} partner gains: {gain}.",
                    sector=sector_name(t, role.sector),
                    gain=t(SECTOR_GAINS[role.sector]),
                )
            )
        rows.append([role.name, bullets(gives), bullets(gains)])
    return join(
        [
            tag("h4", t("3. What each partner contributes and gains")),
            para(_gaining(state, agreement, t)),
            table([t("Partner"), t("Contributes"), t("Gains")], rows),
        ]
    )


def _gaining(state: GameState, agreement: Agreement, t: Translator) -> str:
    """ "All parties gaining" only where the one measure says so (``missed.measure``): a
    win-lose agreement names who ends below what it had without it, as the scores do."""
    losers = measure(state, agreement.project, agreement).losers
    if not losers:
        return t("All parties contributing, all parties gaining.")
    names = ", ".join(state.scenario.role(role).name for role in losers)
    return t(
        "All parties contributing, but not all gaining: {names} ends below what it has "
        "without this agreement (win-lose).",
        names=names,
    )


def _risks(
    state: GameState, agreement: Agreement, project: Project, chosen: list[Option], t: Translator
) -> Markup:
    rows = []
    for issue, option in zip(project.issues, chosen, strict=True):
        if option.risk <= 0:
            continue
        measures = [t(text) for flag, text in FLAG_MEASURES if flag in option.flags]
        what = join([issue.title, Markup("<br>"), tag("span", option.label, class_="plain")])
        rows.append([what, str(option.risk), " ".join(measures) or t(DEFAULT_MEASURE)])
    notes = []
    if not rows:
        notes.append(
            t(
                "Nothing in this agreement is at stake: agree what each partner puts "
                "on the line, or it may not mean much."
            )
        )
    for member in agreement.members:
        if not deals.per_round(state, member).covers(deals.committed(state, member)):
            notes.append(
                t(
                    "{name} has promised more staff time or budget per round than it "
                    "has: agree what gives way before you start.",
                    name=state.scenario.role(member).name,
                )
            )
    changes = too_many_changes(state, agreement)
    if changes == "same-round":
        notes.append(
            t(
                "Several agreements were signed in the same round: plan the changes "
                "so that staff and users can follow."
            )
        )
    elif changes == "after-permanent":
        notes.append(
            t(
                "It was signed while a permanent agreement of the round before was still "
                "settling in: plan the changes so that staff and users can follow."
            )
        )
    if not agreement.active:
        notes.append(
            t(
                "It failed when an event tested it ({card}): be prepared for change, "
                "and agree now what you will do if it happens again.",
                card=agreement.failure,
            )
        )
    parts = [tag("h4", t("4. Risks and how they are met"))]
    if rows:
        parts.append(table([t("What is at stake"), t("Risk (0–10)"), t("How it is met")], rows))
    if notes:
        parts.append(bullets(notes))
    return join(parts)


def _milestones(project: Project, agreement: Agreement, t: Translator) -> Markup:
    groups = ", ".join(tag_words(g) for g in project.serves) or t("the users")
    steps = [
        (
            t("At the start"),
            t(
                "Name a contact in every organisation. Agree how you will know it works: whom "
                "you hope to reach ({groups}), and what each partner wants from it.",
                groups=groups,
            ),
        ),
        (
            t("After the first month"),
            t(
                "Are the commitments kept (staff time, budget, the terms above)? Does staff know "
                "what is changing?"
            ),
        ),
        (
            t("Halfway"),
            t("Is it still win-win: does every partner still gain? Ask users what they think."),
        ),
        (
            t("At the end of the agreed period"),
            t(
                "Evaluate together, with users: what did it create that none of you could have "
                "done alone? Decide to stop, change or continue, and write down why."
            ),
        ),
    ]
    return join([tag("h4", t("5. Evaluation milestones")), definitions(steps)])


def _communication(
    state: GameState, record: GameRecord, agreement: Agreement, project: Project, t: Translator
) -> Markup:
    scenario = state.scenario
    names = [scenario.role(m).name for m in agreement.members]
    library = next((m for m in agreement.members if scenario.role(m).kind == "librarian"), None)
    lead = scenario.role(library or agreement.deal.proposer).name
    groups = ", ".join(tag_words(g) for g in project.serves) or t("the users")
    rows = [
        [
            t("Newsletter"),
            lead,
            t("partners and potential partners"),
            t("At signing and at every milestone"),
        ],
        [
            t("Flyer about the partnership"),
            lead,
            t("users: {groups}", groups=groups),
            t("Before the start"),
        ],
        [
            t("Telling our own users, members or customers"),
            listing(t, names),
            t("each partner's own people"),
            t("At the start, then with the results"),
        ],
        [
            t("Telling staff"),
            listing(t, names),
            t("staff and management of every partner"),
            t("Before the start"),
        ],
    ]
    done = []
    for action in record.actions:
        if isinstance(action, act.Communicate) and action.actor in agreement.members:
            done.append(
                t("{name} sent a newsletter.", name=scenario.role(action.actor).name)
                if action.channel == "newsletter"
                else t("{name} handed out flyers.", name=scenario.role(action.actor).name)
            )
    parts = [
        tag("h4", t("6. Communication plan")),
        table([t("What"), t("Who"), t("To whom"), t("When")], rows),
    ]
    if done:
        parts.append(para(t("Already done in the game: {done}", done=" ".join(done))))
    return join(parts)


def _signatures(state: GameState, agreement: Agreement, t: Translator) -> Markup:
    return tag(
        "div",
        [
            tag(
                "div",
                [state.scenario.role(m).name, Markup("<br>"), t("Signature and date")],
                class_="signature",
            )
            for m in agreement.members
        ],
        class_="signatures keep",
    )
