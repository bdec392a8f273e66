"""Printed things: the debrief report with written agreements, handouts, and the export.

Pure functions from a scenario and played games (``games.Game``: a save replayed) to HTML
or CSV/JSON text; the command line (``game/cli.py``) and the debrief scene only write the
text to a file. Nothing here imports pygame, and the report's shared pages are built from
what the whole room saw plus the scores (see ``report.py`` for what that allows).
"""
