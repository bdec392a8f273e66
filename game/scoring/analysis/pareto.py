"""The Pareto-optimal rows of a table of integer outcomes, without comparing every pair.

A row *dominates* another when it is at least as large in every column and larger in one;
the Pareto-optimal rows are those no row dominates. Comparing all pairs is O(n²): far too
slow for the 390,625 deals of a large project. Instead:

1. rows are visited by decreasing column sum. A dominating row always has the larger sum,
   so among the next block of rows, those that no other row *of the block* dominates are
   Pareto-optimal for certain (no row outside the block can dominate them: the rows left
   have smaller or equal sums, and the rows dropped earlier were dominated by an optimal
   row that would dominate them too);
2. each newly found optimal row then removes, in one vectorised pass, every remaining row
   it dominates. The first rows, with the highest sums, usually remove most of the table.

The cost is about (rows) × (optimal rows found) numpy element operations in the worst
case, and far less on real scenarios; ``tests/scoring/test_analysis.py`` checks the result
against a plain pairwise loop on random tables.
"""

from __future__ import annotations

import numpy as np

#: rows compared with each other at once in step 1
BLOCK = 64


def pareto_mask(values: np.ndarray) -> np.ndarray:
    """True for the rows of ``values`` (rows × columns, integers) that no row dominates.

    Equal rows do not dominate each other: all of them are optimal or none is.
    """
    values = np.asarray(values)
    if values.ndim != 2:
        raise ValueError("pareto_mask wants a two-dimensional table")
    optimal = np.zeros(len(values), dtype=bool)
    if len(values) == 0:
        return optimal
    totals = values.sum(axis=1, dtype=np.int64)
    order = np.argsort(-totals, kind="stable")
    # the rows not yet decided, by decreasing sum, one contiguous array per column, in the
    # narrowest integer type that holds them (less memory to stream through per pass)
    columns = np.ascontiguousarray(values[order].T.astype(_narrow(values)))
    sums = totals[order]
    while sums.size:
        head = _undominated_within(columns[:, :BLOCK], sums[:BLOCK])
        found_columns = np.unique(columns[:, :BLOCK][:, head], axis=1)
        optimal[order[:BLOCK][head]] = True
        columns, sums, order = columns[:, BLOCK:], sums[BLOCK:], order[BLOCK:]
        columns, sums, order = _drop_dominated(columns, sums, order, found_columns)
    return optimal


def _drop_dominated(
    columns: np.ndarray, sums: np.ndarray, order: np.ndarray, found: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The undecided rows without those a found optimal row (a column of ``found``)
    dominates. The arrays are compacted only once a fifth of them is gone: copying them
    costs more than testing them again."""
    dropped = np.zeros(sums.size, dtype=bool)
    for row in found.T:
        dropped |= _dominated_by(columns, sums, row, int(row.sum(dtype=np.int64)))
        if 5 * np.count_nonzero(dropped) > sums.size:
            keep = ~dropped
            columns, sums, order = columns[:, keep], sums[keep], order[keep]
            dropped = np.zeros(sums.size, dtype=bool)
    keep = ~dropped
    return columns[:, keep], sums[keep], order[keep]


def _narrow(values: np.ndarray) -> type:
    low, high = int(values.min()), int(values.max())
    for kind in (np.int16, np.int32):
        if np.iinfo(kind).min <= low and high <= np.iinfo(kind).max:
            return kind
    return np.int64


def _undominated_within(block: np.ndarray, sums: np.ndarray) -> np.ndarray:
    """For a block of rows (columns × rows): True where no row of the block dominates."""
    at_least = (block[:, None, :] >= block[:, :, None]).all(axis=0)  # [i, j]: j ≥ i everywhere
    larger = sums[None, :] > sums[:, None]  # ≥ everywhere and a larger sum: larger somewhere
    return ~(at_least & larger).any(axis=1)


def _dominated_by(columns: np.ndarray, sums: np.ndarray, row: np.ndarray, total: int) -> np.ndarray:
    """True for the rows (columns × rows) that ``row``, whose sum is ``total``, dominates."""
    dominated = sums < total
    for column, value in zip(columns, row, strict=True):
        dominated &= column <= value
    return dominated
