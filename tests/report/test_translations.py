"""The report and handouts speak Danish in full: every message id has its translation."""

from __future__ import annotations

import json

from game.i18n_check import check
from game.report.locale.extract import LOCALE_DIR, main, report_ids


def test_the_danish_table_fits_the_code():
    table = json.loads((LOCALE_DIR / "da.json").read_text(encoding="utf-8"))
    assert check(report_ids(), table) == []


def test_the_check_command_says_so(capsys):
    assert main(["--check"]) == 0
    assert "all" in capsys.readouterr().err
