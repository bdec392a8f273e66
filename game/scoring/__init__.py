"""Scoring: win-win, risk and innovation, per agreement, per role and for the table.

The formulas are in docs/scoring.md, with worked examples that the tests recompute.
No pygame here; numpy for the exact best joint value of a project.
"""
