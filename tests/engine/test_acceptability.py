"""The one rule over columns (``kinds``, ``worth_columns``) says what ``judge`` says of
each deal: the analyser and the computer partners weigh thousands of deals at once, and a
deal they call worth signing must be one the rule, deal by deal, calls so."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from game.engine.acceptability import CODE_WORTH, judge, kinds, worth_columns
from game.engine.deals import Amounts
from game.scenario.model import Project

ISSUES = ("a", "b")


def project(costs: list[tuple[int, int]], risks: list[int]) -> Project:
    """Two issues of two options each; option i of issue k costs ``costs[2k + i]``."""
    issues = []
    for k, issue in enumerate(ISSUES):
        options = []
        for i in range(2):
            staff, budget = costs[2 * k + i]
            options.append({"id": f"{issue}{i}", "label": f"{issue}{i}", "risk": risks[2 * k + i],
                            "cost": {"staff_time": staff, "budget": budget}})  # fmt: skip
        issues.append({"id": issue, "title": issue, "options": options})
    return Project.model_validate(
        {"id": "p", "title": "P", "description": "d", "needs": [], "serves": [], "issues": issues}
    )


amount = st.integers(min_value=0, max_value=3)


@given(
    costs=st.lists(st.tuples(amount, amount), min_size=4, max_size=4),
    risks=st.lists(st.integers(0, 6), min_size=4, max_size=4),
    points=st.lists(st.integers(0, 10), min_size=4, max_size=4),
    walk=st.integers(0, 15),
    tolerance=st.integers(0, 6),
    free=st.tuples(st.integers(-2, 4), st.integers(-2, 4)),
    red=st.sampled_from([None, ("a", "a0"), ("b", "b1")]),
)
@example(  # over-committed by an event: a deal that asks no staff time is still signable
    costs=[(0, 0), (1, 0), (0, 0), (0, 1)],
    risks=[0, 0, 0, 0],
    points=[5, 5, 5, 5],
    walk=1,
    tolerance=3,
    free=(-1, 0),
    red=None,
)
def test_the_rule_over_columns_is_the_rule_deal_by_deal(
    costs, risks, points, walk, tolerance, free, red
):
    from game.engine.acceptability import Position

    deal_project = project(costs, risks)
    table = {"a": {"a0": points[0], "a1": points[1]}, "b": {"b0": points[2], "b1": points[3]}}
    lines = () if red is None else ((*red, "no"),)
    position = Position("r", "p", table, walk, tolerance, lines, Amounts(*free))
    deals = list(itertools.product(("a0", "a1"), ("b0", "b1")))
    one_by_one = [judge(position, deal_project, deal) for deal in deals]
    column = {
        "points": np.array([v.points for v in one_by_one]),
        "walk_away": walk,
        "risk": np.array([v.risk for v in one_by_one]),
        "risk_tolerance": tolerance,
        "staff": np.array(
            [sum(costs[2 * k + int(o[1])][0] for k, o in enumerate(d)) for d in deals]
        ),
        "budget": np.array(
            [sum(costs[2 * k + int(o[1])][1] for k, o in enumerate(d)) for d in deals]
        ),
        "free": Amounts(*free),
        "clean": np.array([red is None or red[1] not in d for d in deals]),
    }
    codes = kinds(**column)
    names = {0: "cannot sign", 1: "should not sign", 2: "worth signing"}
    assert [names[int(c)] for c in codes] == [v.kind for v in one_by_one]
    assert (worth_columns(**column) == (codes == CODE_WORTH)).all()
