"""The best deals that were possible: per project, what the table reached against them.

The analyser (``game/scoring/analysis``) finds every project's deals that pass its
approval rule, the deal best for the table (the largest total gain), the Nash bargaining
deal (every participant gains, the product of the gains largest) and the Pareto-optimal
deals. Against those this section sets the game's outcome: the value left on the table,
the distance to the Pareto frontier (the least a deal that leaves nobody worse off would
have added) and the distance to the Nash deal (the teams' gains' differences, summed).

The numbers are the ones the debrief screen shows (``game/ui/debriefing.missed_deals``,
held equal by a test): gains counted from the scenario's walk-away values, every role the
project is open to counting. The report's pages are shared, so they say them as shares of
the best total gain rather than in points (see ``report.py``); the deals themselves are
named by their participants and terms, which is what the debrief wants the room to see.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.state import Agreement, GameState
from game.i18n import Translator
from game.report.html import Markup, join, para, table, tag
from game.scenario.model import Scenario
from game.scoring.analysis.project import Deal, analyse_project
from game.scoring.axes import member_value


@dataclass(frozen=True)
class Missed:
    """One project: the game's outcome against the best deals its rules allowed."""

    project: str
    signed: Agreement | None  # still standing at the end
    failed: Agreement | None  # broken by a risk test
    gains: dict[str, int]  # every role of the table: its gain from the game's outcome
    best: Deal | None  # the largest total gain (None: no deal passes)
    nash: Deal | None  # None: no deal in which every participant gains
    pareto_gap: int | None  # 0: on the frontier; None: no frontier deal leaves all as well off
    sampled: bool

    @property
    def reached(self) -> int:
        return sum(self.gains.values())

    @property
    def possible(self) -> int:
        return self.best.welfare if self.best is not None else 0

    @property
    def left(self) -> int:
        """Value left on the table: the best total gain less what was reached."""
        return max(0, self.possible - self.reached)

    @property
    def nash_distance(self) -> int | None:
        if self.nash is None:
            return None
        return sum(abs(self.nash.gains[r] - self.gains.get(r, 0)) for r in self.nash.gains)


def missed_deals(state: GameState) -> list[Missed]:
    """Every project of the scenario, in its order, against what its deals allowed."""
    found = []
    for project in state.scenario.projects:
        analysis = analyse_project(state.scenario, project)
        walk = {fact.role: fact.walk_away for fact in analysis.role_facts}
        agreement = state.agreement_for(project.id)
        signed = agreement if agreement is not None and agreement.active else None
        failed = agreement if agreement is not None and not agreement.active else None
        outcome = dict(walk)
        if signed is not None:
            for role in signed.members:
                outcome[role] = member_value(state, signed, role)
        frontier = [
            sum(deal.outcome[r] - outcome[r] for r in outcome)
            for deal in analysis.pareto
            if all(deal.outcome[r] >= outcome[r] for r in outcome)
        ]
        found.append(
            Missed(
                project.id,
                signed,
                failed,
                {role: outcome[role] - walk[role] for role in analysis.roles},
                analysis.welfare,
                analysis.nash,
                min(frontier) if frontier else None,
                analysis.sampled,
            )
        )
    return found


def _share(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole > 0 else 0


def _deal_words(scenario: Scenario, project_id: str, deal: Deal, t: Translator) -> str:
    project = scenario.project(project_id)
    labels = {
        (issue.id, option.id): option.label for issue in project.issues for option in issue.options
    }
    names = ", ".join(scenario.role(r).name for r in deal.participants)
    terms = "; ".join(labels[pair] for pair in deal.options)
    return t("{names}: {terms}", names=names, terms=terms)


def _outcome(scenario: Scenario, missed: Missed, t: Translator) -> str:
    if missed.signed is not None:
        members = ", ".join(scenario.role(r).name for r in missed.signed.members)
        return t("Signed (deal {number}) by {members}.", number=missed.signed.deal.number,
                 members=members)  # fmt: skip
    if missed.failed is not None:
        return t("Signed (deal {number}), then it failed: the table has what it had without it.",
                 number=missed.failed.deal.number)  # fmt: skip
    return t("Not signed: every team has what it had without a deal.")


def best_deals_section(state: GameState, t: Translator, level: int, anchor: str) -> Markup:
    scenario = state.scenario
    parts = [
        tag(f"h{level}", t("The best deals that were possible"), id=anchor),
        para(t("For each project: what the table reached against the deal best for the whole "
               "table, the Pareto frontier (deals no one can improve on without someone "
               "losing) and the Nash deal (every partner gains, the most balanced gains). "
               "Shares are of the best total gain that was possible.")),
    ]  # fmt: skip
    for missed in missed_deals(state):
        project = scenario.project(missed.project)
        parts.append(tag(f"h{level + 1}", project.title))
        parts.append(para(_outcome(scenario, missed, t)))
        if missed.best is None or missed.possible <= 0:
            parts.append(para(t("No deal on this project could have gained the table anything.")))
            continue
        possible = missed.possible
        if missed.pareto_gap == 0:
            pareto = t("On the frontier: no deal gives a team more without giving one less.")
        elif missed.pareto_gap is None:
            pareto = t("No deal on the frontier leaves every team at least as well off.")
        else:
            pareto = t("A deal that leaves no team worse off would have added {share}% more.",
                       share=_share(missed.pareto_gap, possible))  # fmt: skip
        if missed.nash is None or missed.nash_distance is None:
            nash = t("No deal lets every participant gain.")
        else:
            nash = t("{share}% of the best total gain apart, team by team.",
                     share=_share(missed.nash_distance, possible))  # fmt: skip
        rows = [
            [t("Value reached"), t("{share}%", share=_share(missed.reached, possible))],
            [t("Value left on the table"), t("{share}%", share=_share(missed.left, possible))],
            [t("Distance to the Pareto frontier"), pareto],
            [t("Distance to the Nash deal"), nash],
            [t("The deal best for the table"), _deal_words(scenario, project.id, missed.best, t)],
        ]
        if missed.nash is not None:
            rows.append([t("The Nash deal"), _deal_words(scenario, project.id, missed.nash, t)])
        parts.append(table([t("Measure"), t("This table")], rows, class_="keep"))
        if missed.sampled:
            parts.append(para(t("A project this large was judged on a sample of its deals."),
                              class_="muted"))  # fmt: skip
    return join(parts)
