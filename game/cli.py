"""The ``outofthebox`` command: play, validate, schema, new.

Imports are lazy: ``validate`` must answer in well under a third of a second including
the interpreter's start, so nothing heavy (pygame, pydantic) is imported before the
subcommand that needs it runs.

Exit codes: 0 fine, 1 an invalid scenario, 2 a usage error (bad arguments, missing file),
70 an internal error (a bug: said in one sentence, never as a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70
SCENARIO_DIR = Path(__file__).resolve().parent.parent / "scenarios"
DEFAULT_SCENARIO = "tutorial-reading-cafe.yaml"


class _Parser(argparse.ArgumentParser):
    """argparse, with the usage error said in one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message} (try: {self.prog} --help)", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="outofthebox",
        description="Out of the Box: a role-play game about library partnerships.",
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    play = commands.add_parser("play", help="play a scenario (the default command)")
    play.add_argument("scenario", nargs="?", help="a scenario file (default: the tutorial)")

    validate = commands.add_parser("validate", help="check scenario files for mistakes")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")

    commands.add_parser("schema", help="print the scenario format as JSON Schema")

    new = commands.add_parser("new", help="write a commented scenario to start from")
    new.add_argument("file", metavar="FILE")
    new.add_argument(
        "--roles",
        default="library,museum,business,community-group",
        help="comma-separated role ids; the first few words pick the kind "
        "(default: library,museum,business,community-group)",
    )
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args.files, args.format, args.strict)
        if args.command == "schema":
            return _schema()
        if args.command == "new":
            return _new(args.file, args.roles, args.force)
        return _play(getattr(args, "scenario", None))
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last line of defence: a sentence, never a traceback
        if os.environ.get("OUTOFTHEBOX_DEBUG"):
            raise
        print(
            f"outofthebox: an internal error stopped the command ({type(error).__name__}: "
            f"{error}). Nothing was changed. Please report it with the file you used; "
            "OUTOFTHEBOX_DEBUG=1 shows the details.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _validate(files: list[str], output: str, strict: bool) -> int:
    import json

    from game.scenario.loading import check_file

    results = [check_file(name) for name in files]  # an unreadable file is reported too
    valid = [not (r.errors or (strict and r.warnings)) for r in results]
    missing = any(not Path(name).is_file() for name in files)
    code = EXIT_USAGE if missing else EXIT_OK if all(valid) else EXIT_INVALID
    try:
        if output == "json":
            report = [
                {"file": r.file, "valid": ok, "diagnostics": [d.as_json() for d in r.diagnostics]}
                for r, ok in zip(results, valid, strict=True)
            ]
            print(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            for result in results:
                for diagnostic in result.diagnostics:
                    print(diagnostic)
                print(_summary_line(result))
    except BrokenPipeError:  # "validate … | head": the verdict still stands
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no noise at exit
    return code


def _summary_line(result) -> str:
    if result.errors:
        return f"{result.file}: {_count(len(result.errors), 'error')}, not valid"
    note = f" ({_count(len(result.warnings), 'warning')})" if result.warnings else ""
    return f"{result.file}: valid{note}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def _schema() -> int:
    import json

    from game.scenario.schema import scenario_json_schema

    print(json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _new(file: str, roles: str, force: bool) -> int:
    from game.scenario.scaffold import ScaffoldError, write_scaffold

    try:
        write_scaffold(Path(file), [r.strip() for r in roles.split(",") if r.strip()], force)
    except ScaffoldError as error:
        print(f"outofthebox new: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Wrote {file}. Edit it, then check it with: outofthebox validate {file}")
    return EXIT_OK


def _play(scenario: str | None) -> int:
    from game.scenario.loading import check_file

    path = Path(scenario) if scenario else SCENARIO_DIR / DEFAULT_SCENARIO
    if not path.is_file():
        print(f"outofthebox: no such scenario file: {path}", file=sys.stderr)
        return EXIT_USAGE
    result = check_file(path)
    if not result.ok:
        for diagnostic in result.errors:
            print(diagnostic, file=sys.stderr)
        return EXIT_INVALID
    story = result.scenario()
    print(
        f"{story.title} — {_count(len(story.roles), 'role')}, "
        f"{_count(len(story.projects), 'project')}, {_count(story.rounds, 'round')}"
    )
    print(story.summary)
    print("Roles: " + ", ".join(f"{r.name} ({r.sector})" for r in story.roles))
    print()
    print("The game table is not built yet: this version checks and lists scenarios only.")
    print(f"Try: outofthebox validate {_nearby(SCENARIO_DIR)}/*.yaml")
    print("  or: outofthebox new my-town.yaml   (then read docs/scenario-format.md)")
    return EXIT_OK


def _nearby(path: Path) -> str:
    """``path`` as short as it can be said from the current folder."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    raise SystemExit(main())
