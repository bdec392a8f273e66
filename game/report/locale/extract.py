"""List every message id the report and handouts translate; check a table against them.

Like the screens' script (``game/ui/locale/extract.py``) it reads ``t("…")`` calls with
``ast`` and compares a table with them (``game/i18n_check.py``), for ``game/report``, and adds
the messages that pass through ``t`` as variables: the tables of timing phases and debrief
questions (``handouts.py``), the scoring's sentences as the report says them
(``phrases.py``) and the seed's lessons (``game/scenario/lessons.py``).

    python -m game.report.locale.extract              # the ids, as a sorted JSON list
    python -m game.report.locale.extract --check      # compare with locale/da.json
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.i18n_check import code_ids, command

LOCALE_DIR = Path(__file__).resolve().parent
REPORT_DIR = LOCALE_DIR.parent


def variable_ids() -> set[str]:
    """Messages translated as variables, from the tables that hold them."""
    from game.engine.record import OLDER_RULES
    from game.report import agreement, handouts, phrases
    from game.scenario.lessons import DEFAULT_LESSONS

    ids = {phase for phase, _, _ in handouts.PHASES}
    ids |= {text for pair in (*handouts.DRIVERS, *handouts.BARRIERS) for text in pair}
    ids |= {phrase.said for phrase in phrases.PHRASES}
    ids |= {text for lesson in DEFAULT_LESSONS.values() for text in lesson}
    ids |= set(agreement.SECTOR_GAINS.values()) | {text for _, text in agreement.FLAG_MEASURES}
    ids.add(agreement.DEFAULT_MEASURE)
    ids.add(OLDER_RULES)
    return ids


def report_ids() -> list[str]:
    return sorted(set(code_ids(REPORT_DIR)) | variable_ids())


def main(argv: list[str] | None = None) -> int:
    return command(__doc__.splitlines()[0], report_ids(), LOCALE_DIR, argv)


if __name__ == "__main__":
    sys.exit(main())
