"""outofthebox report, handouts and export: files written, one-line errors, exit codes."""

from __future__ import annotations

import json

from game.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main
from game.report.export import load_export
from game.report.games import load_game
from tests.helpers import FOUR_ROLE, TUTORIAL, broken_copy
from tests.report.saves import computer_save


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in text, text
    return lines[0]


def test_report_writes_one_html_file_for_one_or_several_saves(tmp_path, capsys):
    saves = [computer_save(FOUR_ROLE[2], seed, tmp_path / f"t{seed}.json") for seed in (1, 2)]
    out = tmp_path / "report.html"
    assert main(["report", *map(str, saves), "-o", str(out), "--lang", "da"]) == EXIT_OK
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Bordene side om side" in html
    assert "<link" not in html and "<script" not in html  # self-contained, no code


def test_report_says_in_one_line_which_save_is_missing_or_damaged(tmp_path, capsys):
    good = computer_save(FOUR_ROLE[0], 1, tmp_path / "good.json")
    damaged = tmp_path / "damaged.json"
    damaged.write_text(good.read_text(encoding="utf-8")[:50], encoding="utf-8")
    other = computer_save(FOUR_ROLE[1], 1, tmp_path / "other.json")
    for saves, name in (
        ([good, tmp_path / "missing.json"], "missing.json"),
        ([damaged], "damaged.json"),
        ([good, other], "other.json"),
    ):
        out = tmp_path / "report.html"
        assert main(["report", *map(str, saves), "-o", str(out)]) == EXIT_USAGE
        assert name in one_line(capsys.readouterr().err)
        assert not out.exists()
    assert damaged.read_text(encoding="utf-8") == good.read_text(encoding="utf-8")[:50]


def test_handouts_check_the_scenario_first(tmp_path, capsys):
    out = tmp_path / "handouts.html"
    assert main(["handouts", str(TUTORIAL), "-o", str(out)]) == EXIT_OK
    assert "Confidential brief: Kringle Café" in out.read_text(encoding="utf-8")
    broken = broken_copy(tmp_path, "risk_tolerance: 4", "risk_tolerance: 40")
    assert main(["handouts", str(broken), "-o", str(tmp_path / "no.html")]) == EXIT_INVALID
    assert "risk_tolerance" in capsys.readouterr().err
    assert main(["handouts", str(tmp_path / "nope.yaml")]) == EXIT_USAGE
    assert "nope.yaml" in one_line(capsys.readouterr().err)


def test_export_prints_json_that_replays_and_csv_rows(tmp_path, capsys):
    save = computer_save(FOUR_ROLE[0], 2, tmp_path / "game.json")
    capsys.readouterr()
    assert main(["export", str(save), "--format", "json"]) == EXIT_OK
    exported = tmp_path / "export.json"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    assert load_export(exported)[1] == load_game(save).state
    assert json.loads(exported.read_text(encoding="utf-8"))["log"]
    out = tmp_path / "log.csv"
    assert main(["export", str(save), "--format", "csv", "-o", str(out)]) == EXIT_OK
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + len(load_game(save).record.actions)
    capsys.readouterr()
    assert main(["export", str(tmp_path / "none.json")]) == EXIT_USAGE
    assert "none.json" in one_line(capsys.readouterr().err)


def older_save(tmp_path):
    """A save as the rules' version 1 wrote it: no "rules" field."""
    save = computer_save(TUTORIAL, 1, tmp_path / "old.json")
    data = json.loads(save.read_text(encoding="utf-8"))
    del data["rules"]
    save.write_text(json.dumps(data), encoding="utf-8")
    return save


def test_a_save_made_under_older_rules_says_so_in_the_report_and_on_the_command_line(
    tmp_path, capsys
):
    from game.engine.record import RULES_VERSION

    save = older_save(tmp_path)
    out = tmp_path / "report.html"
    assert main(["report", str(save), "-o", str(out)]) == EXIT_OK
    said = capsys.readouterr().out
    assert (
        f"saved under an older version of the rules (version 1; today's is {RULES_VERSION})" in said
    )
    assert "saved under an older version of the rules" in out.read_text(encoding="utf-8")
    new = computer_save(TUTORIAL, 2, tmp_path / "new.json")
    assert json.loads(new.read_text(encoding="utf-8"))["rules"] == RULES_VERSION
    assert main(["report", str(new), "-o", str(tmp_path / "new.html")]) == EXIT_OK
    assert "older version" not in capsys.readouterr().out
    assert "older version" not in (tmp_path / "new.html").read_text(encoding="utf-8")
