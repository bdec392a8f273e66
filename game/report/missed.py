"""The best deals that were possible: per project, what the table reached against them.

The analyser (``game/scoring/analysis``) finds every project's deals that pass its
approval rule, the deal best for the table (the largest total gain), the Nash bargaining
deal (every participant gains, the product of the gains largest) and the Pareto-optimal
deals. Against those this section sets the game's outcome: the value left on the table,
the distance to the Pareto frontier (the least a deal that leaves nobody worse off would
have added) and the distance to the Nash deal (the teams' gains' differences, summed).

The numbers are the ones the debrief screen shows: both take them from
``game/scoring/missed.py`` (the one measure: gains counted from the walk-away values as the
game left them, every role the project is open to counting), and both say them as shares
of the best total gain the project allowed, never in points (``game/scoring/shares.py``; a
role's gain in points, beside the outcome, would give its walk-away value away); each
team's gain in this table's outcome, the deal best for the table and the Nash deal is its
own share, its gain over the most it could gain on the project. The deals
themselves are named by their participants and terms, which is what the debrief wants the
room to see.
"""

from __future__ import annotations

from game.engine.state import GameState
from game.i18n import Translator
from game.report.html import Markup, join, para, table, tag
from game.report.sections import share_text
from game.scenario.model import Scenario
from game.scoring.analysis.project import Deal
from game.scoring.missed import Missed, missed_deals


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


def _gains_table(scenario: Scenario, missed: Missed, t: Translator) -> Markup:
    """Each team's own share (its gain over the most it could gain here) in this table's
    outcome, the best deal and the Nash deal (the screen's chart of the same)."""
    deals = [missed.gains] + [d.gains for d in (missed.best, missed.nash) if d is not None]
    head = [t("Team"), t("This table"), t("The deal best for the table")]
    if missed.nash is not None:
        head.append(t("The Nash deal"))
    rows = [
        [scenario.role(role).name,
         *(share_text(missed.share_of_own_best(role, gains), t) for gains in deals)]
        for role in missed.gains
    ]  # fmt: skip
    return table(head, rows, class_="keep", numbers_from=1)


def best_deals_section(state: GameState, t: Translator, level: int, anchor: str) -> Markup:
    scenario = state.scenario
    parts = [
        tag(f"h{level}", t("The best deals that were possible"), id=anchor),
        para(t("For each project: what the table reached against the deal best for the whole "
               "table, the Pareto frontier (deals no one can improve on without someone "
               "losing) and the Nash deal (every participant gains, the most balanced gains), "
               "then each team's own share in the three (its gain over the most it could "
               "gain on the project). The other shares are of the best total gain that was "
               "possible.")),
    ]  # fmt: skip
    for missed in missed_deals(state):
        project = scenario.project(missed.project)
        parts.append(tag(f"h{level + 1}", project.title))
        parts.append(para(_outcome(scenario, missed, t)))
        if missed.best is None or missed.possible <= 0:
            parts.append(para(t("No deal on this project could have gained the table anything.")))
            continue
        if missed.pareto_gap == 0:
            pareto = t("On the frontier: no deal gives a team more without giving one less.")
        elif missed.pareto_gap is None:
            pareto = t("No deal on the frontier leaves every team at least as well off.")
        else:
            pareto = t("A deal that leaves no team worse off would have added {share}% more.",
                       share=missed.pareto_gap_share)  # fmt: skip
        if missed.nash is None or missed.nash_distance is None:
            nash = t("No deal lets every participant gain.")
        elif missed.is_nash:
            nash = t("This table signed the Nash deal's terms.")
        else:
            nash = t("{share}% of the best total gain apart, team by team.",
                     share=missed.nash_distance_share)  # fmt: skip
        rows = [
            [t("Value reached"), share_text(missed.reached_share, t)],
            [t("Value left on the table"), t("{share}%", share=missed.left_share)],
            [t("Distance to the Pareto frontier"), pareto],
            [t("Distance to the Nash deal"), nash],
            [t("The deal best for the table"), _deal_words(scenario, project.id, missed.best, t)],
        ]
        if missed.nash is not None:
            rows.append([t("The Nash deal"), _deal_words(scenario, project.id, missed.nash, t)])
        parts.append(table([t("Measure"), t("This table")], rows, class_="keep"))
        parts.append(_gains_table(scenario, missed, t))
        if missed.sampled:
            parts.append(para(t("A project this large was judged on a sample of its deals."),
                              class_="muted"))  # fmt: skip
    return join(parts)
