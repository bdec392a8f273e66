"""The ``outofthebox`` command: play, shot, validate, schema, new, analyze, report, handouts,
export, serve, cards.

Imports are lazy: ``validate`` must answer in well under a third of a second including
the interpreter's start, so nothing heavy (pygame, pydantic) is imported before the
subcommand that needs it runs.

Exit codes: 0 fine, 1 an invalid scenario, 2 a usage error (bad arguments, missing file),
3 no screen to open a window on, 70 an internal error (a bug: said in one sentence, never
as a traceback). ``serve`` runs until Ctrl+C, which ends it with 0 (the game is saved
after every action); an address it cannot listen on, a missing or damaged save for
``serve --resume`` are usage errors (2).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70
EXIT_NO_DISPLAY = 3
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
    play.add_argument(
        "scenario", nargs="*", help="scenario files to choose from (default: the built-in ones)"
    )
    _screen_options(play)
    play.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11)")
    play.add_argument(
        "--devices", action="store_true",
        help="let teams play on their own phones or laptops over the room's network "
        "(each seat: at the laptop, on a device or a computer partner)",
    )  # fmt: skip
    _device_address(play)

    shot = commands.add_parser("shot", help="render a scene of a scripted game to a PNG file")
    shot.add_argument(
        "scene",
        help="title, chooser, seats, curtain, brief, table, turn, deal, respond, result, "
        "event, round, scores, inject, poll, problems, help, notes, profile; solo practice: "
        "solo, "
        "rank, ranked, predict, predicted, answered, walk-away, walk-away-answered, "
        "preferred, preferred-answered, risk-limit, risk-limit-answered, personality, "
        "personality-answered, perspective; the debrief: debrief, "
        "debrief-agreements, debrief-lessons, debrief-missed, debrief-timeline; devices: "
        "seats-devices, join, ask; a mixed game (a team on its device, one at the laptop, "
        "computer partners): table-mixed, signed, scores-named",
    )
    shot.add_argument("-o", "--output", required=True, metavar="FILE.png")
    shot.add_argument("--scenario", help="the scenario to play (default: children-and-families)")
    shot.add_argument("--seed", type=int, default=7)
    shot.add_argument("--contrast", action="store_true", help="the high-contrast theme")
    _screen_options(shot)

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

    analyze = commands.add_parser(
        "analyze", help="what deals a scenario allows, and who wins computer-only games"
    )
    analyze.add_argument("file", metavar="FILE")
    analyze.add_argument(
        "--games", type=_whole_number, default=200, metavar="N",
        help="computer-only games to play, seeds 0 to N-1 (default: 200; 0: none)",
    )  # fmt: skip
    analyze.add_argument("--format", choices=("text", "json"), default="text")
    analyze.add_argument(
        "--max-deals", type=_whole_number, default=1_000_000, metavar="N",
        help="examine every deal of a project up to N, a random sample above (default: 10^6)",
    )  # fmt: skip
    analyze.add_argument(
        "--jobs", type=_positive_number, default=None, metavar="J",
        help="play the games on J processes; the results are the same for any J "
        f"(default: every core, here {os.cpu_count() or 1}; 1: in this process)",
    )  # fmt: skip

    report = commands.add_parser(
        "report", help="the debrief report of saved games, with written agreements (HTML)"
    )
    report.add_argument(
        "saves", nargs="+", metavar="SAVE", help="saves of one scenario: several are compared"
    )
    report.add_argument("-o", "--output", default="report.html", metavar="FILE")
    report.add_argument("--lang", choices=("en", "da"), default="en", help="English or Danish")

    handouts = commands.add_parser(
        "handouts", help="confidential briefs and a facilitator guide to print (HTML)"
    )
    handouts.add_argument("file", metavar="FILE", help="the scenario")
    handouts.add_argument("-o", "--output", default="handouts.html", metavar="FILE")
    handouts.add_argument("--lang", choices=("en", "da"), default="en", help="English or Danish")

    export = commands.add_parser("export", help="a saved game's action log with scores")
    export.add_argument("save", metavar="SAVE")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", metavar="FILE", help="default: print it")

    serve = commands.add_parser(
        "serve", help="play a new game on the teams' own devices (a LAN server, no window)"
    )
    serve.add_argument("file", metavar="FILE", nargs="?", help="the scenario of a new game")
    serve.add_argument(
        "--resume", metavar="SAVE",
        help="go on with a saved game instead: its codes and its port stay, so the phones "
        "come back without joining again",
    )  # fmt: skip
    serve.add_argument(
        "--host", default="127.0.0.1",
        help="the address to listen on, only there (default: 127.0.0.1, this computer only; "
        "give the laptop's LAN address for the room's phones)",
    )  # fmt: skip
    serve.add_argument(
        "--port", type=_port,
        help="default: 8765, or the port a resumed game listened on (0: any free)",
    )  # fmt: skip
    serve.add_argument("--seed", type=int, help="the game's seed (default: a random one)")

    cards = commands.add_parser(
        "cards", help="printable join cards of a saved game: each team's code and QR (HTML)"
    )
    cards.add_argument("save", metavar="SAVE")
    cards.add_argument("-o", "--output", metavar="FILE", help="default: beside the save")
    cards.add_argument("--lang", choices=("en", "da"), default="en", help="English or Danish")
    _device_address(cards)
    return parser


def _device_address(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default=None,
        help="the laptop's address the devices join (default: its address on the network)",
    )  # fmt: skip
    parser.add_argument(
        "--port", type=_port, default=None,
        help="default: the port the game listened on before, else 8765 (0: any free)",
    )  # fmt: skip


def _whole_number(text: str) -> int:
    """argparse type: a whole number, 0 or more (a bad one is a usage error)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'wants a whole number, not "{text}"') from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"wants 0 or more, not {number}")
    return number


def _positive_number(text: str) -> int:
    """argparse type: a whole number, 1 or more."""
    number = _whole_number(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"wants 1 or more, not {number}")
    return number


def _port(text: str) -> int:
    """argparse type: a TCP port, 0 to 65535."""
    number = _whole_number(text)
    if number > 65535:
        raise argparse.ArgumentTypeError(f"wants a port from 0 to 65535, not {number}")
    return number


def _screen_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("en", "da"), default="en", help="English or Danish")
    parser.add_argument(
        "--size",
        default=None,
        help="window size, e.g. 1920x1080 (default: 1280x720, or what fits the screen)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    if argv is None:
        argv = sys.argv[1:]
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv = ["play", *argv]  # `outofthebox --lang da` plays
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args.files, args.format, args.strict)
        if args.command == "schema":
            return _schema()
        if args.command == "new":
            return _new(args.file, args.roles, args.force)
        if args.command == "shot":
            return _shot(args)
        if args.command == "analyze":
            return _analyze(args.file, args.games, args.format, args.max_deals, args.jobs)
        if args.command == "report":
            return _report(args.saves, args.output, args.lang)
        if args.command == "handouts":
            return _handouts(args.file, args.output, args.lang)
        if args.command == "export":
            return _export(args.save, args.format, args.output)
        if args.command == "serve":
            return _serve(args.file, args.host, args.port, args.seed, args.resume)
        if args.command == "cards":
            return _cards(args.save, args.output, args.host, args.port, args.lang)
        return _play(args)
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


def _analyze(file: str, games: int, output: str, max_deals: int, jobs: int | None) -> int:
    import json

    path = Path(file)
    result, refused = _checked(path)
    if result is None:
        return refused
    from game.scoring.analysis import analyse
    from game.scoring.analysis.report import json_report, progress_bar, text_report

    analysis = analyse(
        result.scenario(), games, max(1, max_deals), progress_bar(sys.stderr), jobs=jobs
    )
    try:
        if output == "json":
            print(json.dumps(json_report(analysis, file), indent=2, ensure_ascii=False))
        else:
            print(text_report(analysis, file), end="")
    except BrokenPipeError:  # "analyze … | head"
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


def _report(saves: list[str], output: str, language: str) -> int:
    from game.engine.record import SaveError, read_record
    from game.report.report import write_report

    try:
        write_report([Path(save) for save in saves], Path(output), language)
    except SaveError as error:  # missing, damaged, or another scenario's: one line
        return _usage(str(error))
    except OSError as error:
        return _usage(f"cannot write {output} ({error.strerror or error})")
    print(f"Wrote {output}")
    for save in saves:  # said plainly here too, not only inside the report
        older = read_record(Path(save)).older_rules
        if older:
            print(f"{save}: {older}")
    return EXIT_OK


def _handouts(file: str, output: str, language: str) -> int:

    path = Path(file)
    result, refused = _checked(path)
    if result is None:
        return refused
    from game.engine.record import write_atomically
    from game.report.handouts import build_handouts

    try:
        write_atomically(Path(output), build_handouts(result.scenario(), language))
    except OSError as error:
        return _usage(f"cannot write {output} ({error.strerror or error})")
    print(f"Wrote {output}")
    return EXIT_OK


def _export(save: str, form: str, output: str | None) -> int:
    from game.engine.record import SaveError, write_atomically
    from game.report.export import export
    from game.report.games import load_game

    try:
        text = export(load_game(Path(save)), form)
    except SaveError as error:
        return _usage(str(error))
    if output is None:
        try:
            sys.stdout.write(text)
        except BrokenPipeError:  # "export … | head"
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    try:
        write_atomically(Path(output), text)
    except OSError as error:
        return _usage(f"cannot write {output} ({error.strerror or error})")
    print(f"Wrote {output}", file=sys.stderr)
    return EXIT_OK


def _serve(
    file: str | None, host: str, port: int | None, seed: int | None, resume: str | None
) -> int:
    """A game with every seat on a device; the terminal is the trainer's. A new game of
    ``file``, or the saved game ``resume`` on the port it listened on, with its codes.

    The join address is the first line printed, then the room page's address (for the
    projector: it asks for the trainer's code), each team's code and the trainer's. The
    port is saved beside the save (with the codes) before the address is printed.
    """
    if (file is None) == (resume is None):
        return _usage("serve wants a scenario FILE for a new game, or --resume SAVE (not both)")
    import asyncio

    from game.devices.server import DeviceServer, serve

    started = _new_served(Path(file), seed) if file is not None else _resumed(Path(resume or ""))
    if isinstance(started, int):
        return started
    workshop, codes = started
    save = workshop.session.path
    assert save is not None
    chosen = port if port is not None else codes.port or 8765
    done = len(workshop.session.record.actions)

    def listening(bound: int) -> None:
        if codes.port != bound:
            codes.port = bound
            codes.save(save)  # before the address is shown: a resumed game listens here
        shown = f"[{host}]" if ":" in host else host
        print(f"http://{shown}:{bound}/", flush=True)
        print(f"The room's screen (for the projector): http://{shown}:{bound}/room", flush=True)
        for role in workshop.state.scenario.roles:
            print(f"{role.name}: {codes.teams[role.id]}", flush=True)
        print(f"Trainer: {codes.trainer}", flush=True)
        resumed = f"Resumed after {done} actions. " if resume is not None else ""
        print(f"{resumed}The game is saved in {_nearby(save)}. Ctrl+C stops the server.",
              flush=True)  # fmt: skip

    try:
        asyncio.run(serve(DeviceServer(workshop, codes), host, chosen, listening))
    except KeyboardInterrupt:
        print("Stopped. The game is saved.", flush=True)
        return EXIT_OK
    except OSError as error:
        again = (
            f"; to go on elsewhere: outofthebox serve --resume {_nearby(save)} --port 0 "
            "(the phones then need the new address)"
            if resume is not None
            else ""
        )
        return _usage(f"cannot listen on {host}:{chosen} ({error.strerror or error}){again}")
    return EXIT_OK


def _new_served(path: Path, seed: int | None):
    """A new game of ``path`` with every seat on a device, and its new codes; or the exit
    code after saying why not."""
    import secrets

    from game.devices.codes import codes_for
    from game.session.workshop import CannotStart, Seat, Workshop

    result, refused = _checked(path)
    if result is None:
        return refused
    scenario = result.scenario()
    seats = [Seat(role.id, role.name, device=True) for role in scenario.roles]
    chosen = secrets.randbelow(2**31) if seed is None else seed
    try:
        workshop = Workshop.start(path, chosen, seats)
    except CannotStart as error:
        return _usage(str(error))
    assert workshop.session.path is not None
    return workshop, codes_for(workshop.session.path, [role.id for role in scenario.roles])


def _resumed(save: Path):
    """The saved game ``save`` with every seat on a device, and its codes (new ones, said
    on stderr, when the codes' file beside it is missing or damaged); or the exit code
    after saying why it cannot go on."""
    import json

    from game.devices.codes import GameCodes, codes_for, codes_path
    from game.engine.record import SaveError
    from game.session.workshop import Workshop

    if not save.is_file():
        return _usage(f"no such save: {save} (saves are in the folder serve printed)")
    try:
        workshop = Workshop.resume(save)
    except SaveError as error:
        return _usage(f"cannot resume: {error}")
    roles = [role.id for role in workshop.state.scenario.roles]
    try:
        kept = GameCodes.from_json(json.loads(codes_path(save).read_text(encoding="utf-8")))
        kept_ok = sorted(kept.teams) == sorted(roles)
    except (OSError, ValueError, KeyError, TypeError):
        kept_ok = False
    if not kept_ok:
        print(
            f"outofthebox: the codes beside {_nearby(save)} are missing or damaged; these "
            "are new codes: give the teams new cards (their phones must join again)",
            file=sys.stderr,
        )
    for seat in workshop.seats:
        seat.device = True
    workshop.save_seats()
    return workshop, codes_for(save, roles)


def _cards(save: str, output: str | None, host: str | None, port: int | None, lang: str) -> int:
    """The join cards of a saved game, with the codes its server uses (made now if the
    game has none yet): the trainer prints them before the teams arrive."""
    from game.devices.codes import codes_for
    from game.devices.network import DEFAULT_PORT, lan_address
    from game.engine.record import SaveError
    from game.report.cards import cards_path, write_cards
    from game.session.workshop import Workshop

    path = Path(save)
    if not path.is_file():
        return _usage(f"no such save: {save}")
    try:
        workshop = Workshop.resume(path)
    except SaveError as error:
        return _usage(str(error))
    except (OSError, ValueError) as error:
        return _usage(f"{save} is not a saved game ({error})")
    codes = codes_for(path, [role.id for role in workshop.state.scenario.roles])
    if host is None:
        host = lan_address()
        if host is None:
            host = "127.0.0.1"
            print("No network found: the cards say 127.0.0.1 (this laptop only); "
                  "give --host the laptop's address in the room.", file=sys.stderr)  # fmt: skip
    if port is None or port == 0:
        port = codes.port or DEFAULT_PORT
    target = Path(output) if output else cards_path(path)
    try:
        write_cards(workshop, codes, host, port, lang, target)
    except OSError as error:
        return _usage(f"cannot write {target} ({error.strerror or error})")
    print(f"Wrote {_nearby(target)}: one card per team, for that team's eyes only")
    return EXIT_OK


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise SystemExit(
            _usage(f'--size wants WIDTHxHEIGHT, e.g. 1920x1080, not "{text}"')
        ) from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise SystemExit(_usage(f"--size {text} is outside 320x240 … 7680x4320"))
    return width, height


def _checked(path: Path):
    """A scenario file named on the command line, checked: (its result, 0), or (None,
    the exit code) after saying why: no such file (2), or every mistake in it at once (1),
    the same diagnostics as validate."""
    from game.scenario.loading import check_file

    if not path.is_file():
        return None, _usage(f"no such scenario file: {path}")
    result = check_file(path)
    if not result.ok:
        for diagnostic in result.errors:
            print(diagnostic, file=sys.stderr)
        return None, EXIT_INVALID
    return result, EXIT_OK


def _usage(message: str) -> int:
    print(f"outofthebox: {message}", file=sys.stderr)
    return EXIT_USAGE


def _open_display(size: tuple[int, int]) -> str | None:
    """None if a window can open here; otherwise the one line that says what is missing."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    try:
        pygame.display.init()
    except pygame.error as error:
        return (
            f"outofthebox: no screen to draw on ({error}). Run it on a desktop session, "
            "or for pictures without a screen: "
            "SDL_VIDEODRIVER=dummy outofthebox shot table -o table.png"
        )
    return None


def _play(args: argparse.Namespace) -> int:
    files = [Path(name) for name in args.scenario]
    for path in files:
        result, refused = _checked(path)
        if result is None:
            return refused
    size = _size(args.size) if args.size else None
    problem = _open_display(size or (1280, 720))
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    from game.ui.app import App

    if size is None:  # a window that fits the screen it opens on, a projector's too
        size = _fitting_window()

    devices = None
    if args.devices:
        from game.ui.devices import DeviceOptions

        devices = DeviceOptions(args.host, args.port)
    elif args.host is not None or args.port is not None:
        return _usage("--host and --port go with --devices")
    App(size, language=args.lang, scenario_files=files or None, fullscreen=args.fullscreen,
        devices=devices).run()  # fmt: skip
    return EXIT_OK


def _fitting_window() -> tuple[int, int]:
    import pygame

    from game.ui.layout import fitting_window

    try:
        desktops = pygame.display.get_desktop_sizes()
    except pygame.error:
        desktops = []
    return fitting_window(desktops[0] if desktops else None)


def _shot(args: argparse.Namespace) -> int:
    size = _size(args.size or "1280x720")
    scenario = Path(args.scenario) if args.scenario else None
    if scenario is not None and not scenario.is_file():
        return _usage(f"no such scenario file: {scenario}")
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    problem = _open_display(size)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    import tempfile

    from game.ui.positions import DEFAULT, SCENES
    from game.ui.shot import render

    if args.scene not in SCENES:
        return _usage(f'no scene "{args.scene}"; choose one of: {", ".join(SCENES)}')
    with tempfile.TemporaryDirectory() as saves:
        render(args.scene, size, Path(args.output), scenario or DEFAULT, args.seed, args.lang,
               Path(saves), contrast=args.contrast)  # fmt: skip
    print(f"Wrote {args.output}")
    return EXIT_OK


def _nearby(path: Path) -> str:
    """``path`` as short as it can be said from the current folder."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    raise SystemExit(main())
