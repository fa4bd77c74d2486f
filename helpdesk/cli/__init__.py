"""The ``helpdesk`` command line.

Without a command it starts the desktop application; with one it does that job
through the same services the desktop uses (permission checks and audit included)::

    helpdesk init --store 天顺汽车4S店 --code TS --preset dealership --admin admin \\
        --password-file pw.txt
    helpdesk demo --size small
    helpdesk sheet list --overdue
    HELPDESK_PASSWORD=... helpdesk sheet acknowledge TS-2026-000001 --user manager

Adding commands: write a module in this package with ``register(subparsers)`` (it adds
its commands, with their help line from :func:`command_help`, and sets
``func=handler`` on each; a handler takes the parsed arguments and returns the exit
code) and add each command, its module and its help line to ``COMMANDS``.

Exit codes: 0 done; 1 refused or failed (permission, workflow, not found, storage);
2 wrong usage or invalid input (the message names the field); 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

import helpdesk
from helpdesk import lazy_module

# The commands' helpers, their texts and the domain vocabulary are imported where they
# are used, not here: the desktop (no command) starts without them, and `helpdesk
# --help` without them, the errors or the log (not even `logging` and `typing`: issue 13).
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from helpdesk.domain.errors import HelpdeskError
    from helpdesk.services import diagnostics
else:  # the log is set up when a command runs, not for `helpdesk --help`
    diagnostics = lazy_module("helpdesk.services.diagnostics")

# Every command: the module of this package that adds it (its options and actions) and
# the line ``helpdesk --help`` shows for it, in the order shown. ``--help`` reads only
# this table; a command's module is imported when that command is run or asked for its
# own help (issue 13: importing every module, with the domain and phonenumbers behind
# them, made ``--help`` take seconds).
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("setup_cmds",
             "set up a new database: the store, its SLA preset, the first administrator"),
    "demo": ("demo",
             "fill a database with realistic demo data (stores, staff, customers, sheets)"),
    "user": ("users", "staff users and roles"),  # add|list|passwd|activate|deactivate|roles
    "sheet": ("sheets", "complaint sheets (抱怨/投诉单)"),  # list|show|register|<workflow>|action
    "customer": ("customers", "customer records (客户档案)"),  # find|show|add
    "import": ("transfer", "import customers or sheets from CSV/XLSX"),
    "export": ("transfer", "export data to CSV/XLSX"),
    "report": ("report", "the monthly complaint analysis report, sheet printouts, letters"),
    "backup": ("maintenance", "copy the SQLite database (online; desks may keep working)"),
    "restore": ("maintenance", "replace the SQLite database with a backup"),
    "migrate": ("maintenance", "upgrade the database schema (backup first)"),
    "check": ("maintenance", "integrity, migration state and counts of the database"),
    # issue 11
    "attachment": ("attachments", "files attached to a sheet (附件)"),
    "archive": ("archive_cmd",
                "the retention archive of closed sheets (归档, seed 003: 2 years)"),
    # issue 10
    "holidays": ("holidays", "public holidays and make-up working days"),
}

# The command modules, in the order of their commands.
COMMAND_MODULES = list(dict.fromkeys(module for module, _ in COMMANDS.values()))

EVERY = "*"
"""``build_parser(EVERY)``: every command with its options and actions."""

LANG_HELP = ("language of the answer, documents and export words: zh_CN (简体), zh_TW "
             "(繁體) or en (default: HELPDESK_LANG, the desktop's choice, the system "
             "locale, else zh_CN)")


def command_help(command: str) -> str:
    """The line ``helpdesk --help`` shows for ``command`` (its module's help too)."""
    return COMMANDS[command][1]


EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _VersionAction(argparse.Action):
    """``--version``: ``helpdesk.__version__`` (written in ``helpdesk/__init__.py``)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"helpdesk {helpdesk.__version__}")
        parser.exit()


def build_parser(command: str | None = EVERY) -> argparse.ArgumentParser:
    """The command line's parser. The module of ``command`` adds its commands in full
    (:data:`EVERY`: every module); every other command is only its name and help line,
    which is all ``helpdesk --help`` shows (``None``: no module is imported)."""
    parser = argparse.ArgumentParser(
        prog="helpdesk",
        description="Helpdesk 客诉管理: without a command, start the desktop application.",
        epilog="Environment: HELPDESK_DATABASE_URL (database), HELPDESK_PASSWORD (password "
               "of --user), HELPDESK_HOME (data folder).",
    )
    parser.add_argument("--database", metavar="URL", default=None,
                        help="database URL or SQLite file for this run")
    parser.add_argument("--json", action="store_true", default=False,
                        help="answer in JSON (commands that print data)")
    parser.add_argument("--lang", metavar="LANG", default=None, help=LANG_HELP)
    parser.add_argument("--archive", metavar="FILE", default=None,  # issue 11
                        help="desktop: after the login, open this archive (read-only)")
    parser.add_argument("--version", action=_VersionAction, nargs=0, default=argparse.SUPPRESS,
                        help="show the program's version number and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    full = COMMANDS[command][0] if command in COMMANDS else None
    for name in COMMAND_MODULES:
        if command == EVERY or name == full:
            importlib.import_module(f"helpdesk.cli.{name}").register(subparsers)
            continue
        for word, (module, help_text) in COMMANDS.items():
            if module == name:  # its own -h and arguments wait for the full parser
                subparsers.add_parser(word, help=help_text, add_help=False)
    return parser


def _parse(arguments: Sequence[str]) -> argparse.Namespace:
    """The parsed arguments, importing only the module of the command given; raises
    SystemExit for --help, --version or a usage error (argparse printed it)."""
    found, _rest = build_parser(None).parse_known_args(arguments)
    return build_parser(found.command).parse_args(arguments)


def _error_lines(exc: HelpdeskError, lang: str) -> list[str]:
    """One line per error, in the user's language, naming the field (``error: vin: …``)."""
    from helpdesk.cli import _base, texts
    from helpdesk.domain import error_texts
    from helpdesk.domain.errors import ValidationErrors

    prefix = texts.text(lang, "error")
    errors: list[HelpdeskError] = [exc]
    if isinstance(exc, ValidationErrors) and exc.errors:
        errors = list(exc.errors)
    lines = []
    for error in errors:
        field = getattr(error, "field", None)
        # The command line's own usage errors name options (--out), which stay English.
        said = error.message if isinstance(error, _base.CliError) else \
            error_texts.error_text(error, lang)
        lines.append(f"{prefix}: {field}: {said}" if field else f"{prefix}: {said}")
    return lines


def _error_json(exc: HelpdeskError, lang: str) -> dict[str, object]:
    """Stable codes and fields for scripts; ``text`` is what a person reads."""
    from helpdesk.domain import error_texts
    from helpdesk.domain.errors import ValidationErrors

    errors = exc.errors if isinstance(exc, ValidationErrors) else [exc]
    return {"ok": False, "errors": [
        {"code": e.code, "field": getattr(e, "field", None), "message": e.message,
         "text": error_texts.error_text(e, lang)}
        for e in errors]}


def _language_for_errors(args: argparse.Namespace) -> str:
    from helpdesk.cli import _base
    from helpdesk.domain import vocabulary
    from helpdesk.domain.errors import ValidationError

    try:
        return _base.language(args)
    except ValidationError:  # the --lang given is itself the error being reported
        return vocabulary.DEFAULT_LANGUAGE


def _busy(args: argparse.Namespace, exc: Exception) -> HelpdeskError | None:
    """The "database is busy" message for a lock met outside a use case (opening the
    database, its schema check), or None for any other error."""
    from helpdesk.cli import _base
    from helpdesk.storage import engine as engine_mod
    from helpdesk.storage import locks

    if not locks.is_busy(exc):
        return None
    try:
        engine = engine_mod.make_engine(_base.database_url(args))
    except Exception:  # noqa: BLE001 - only used to name who holds the database
        return locks.busy_error(None, exc)
    try:
        return locks.busy_error(engine, exc)
    finally:
        engine.dispose()


def _undecodable_argument(arguments: Sequence[str]) -> str | None:
    """The message for the first argument that is not text (bytes the terminal sent in
    another encoding, kept by Python as lone surrogates), or None when all are text."""
    for position, argument in enumerate(arguments, start=1):
        if not any(0xD800 <= ord(ch) <= 0xDFFF for ch in argument):
            continue
        from helpdesk.cli import _base, texts
        from helpdesk.domain import text as text_mod

        raw = argument.encode("utf-8", "surrogateescape")
        guess = text_mod.decode_text(raw)
        lang = _base.language(argparse.Namespace(lang=None))
        return texts.text(lang, "argument.encoding", position=position,
                          guess=f" ({guess})" if guess and guess.isprintable() else "")
    return None


def _exit_code(exc: HelpdeskError) -> int:
    from helpdesk.cli import _base
    from helpdesk.domain.errors import ValidationError, ValidationErrors

    return EXIT_USAGE if isinstance(exc, ValidationError | ValidationErrors | _base.CliError) \
        else EXIT_FAILED


_DESKTOP_OPTIONS = ("--database", "--lang", "--archive")


def _desktop_only(arguments: Sequence[str]) -> argparse.Namespace | None:
    """The options when ``arguments`` hold nothing but ``--database``/``--lang`` (the
    desktop is asked for), else None (a command, ``--help``, or a mistake for the full
    parser to answer)."""
    values: dict[str, str | None] = {"database": None, "lang": None, "archive": None}
    rest = list(arguments)
    while rest:
        option, _, value = rest.pop(0).partition("=")
        if option not in _DESKTOP_OPTIONS:
            return None
        if not _:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        values[option[2:]] = value
    return argparse.Namespace(command=None, json=False, **values)


def _start_desktop(args: argparse.Namespace) -> int:
    desktop_argv: list[str] = []
    if args.database:
        desktop_argv += ["--database", args.database]
    if args.lang:
        desktop_argv += ["--lang", args.lang]
    if getattr(args, "archive", None):  # issue 11
        desktop_argv += ["--archive", args.archive]
    # Imported here so that the command line works on a machine without a display.
    from helpdesk.ui.app import run

    return int(run(desktop_argv))


def utf8_streams() -> None:
    """Write (and read) the standard streams as UTF-8, whatever the locale says.

    On Windows, redirected output is otherwise written in the ANSI code page (GBK on a
    Chinese system), which loses every character outside it (吉𠮷) and is not what
    ``--text FILE`` or a spreadsheet expects back. A windowed program has no streams
    at all (``None``)."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if stream is not None and encoding != "utf8" and reconfigure is not None:
            reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (``python -m helpdesk`` exits with it)."""
    utf8_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    undecodable = _undecodable_argument(arguments)
    if undecodable is not None:
        print(undecodable, file=sys.stderr)
        return EXIT_USAGE
    desktop_args = _desktop_only(arguments)
    if desktop_args is not None:  # no command: the desktop, without loading every command
        return _start_desktop(desktop_args)
    try:
        args = _parse(arguments)
    except SystemExit as exc:  # --help, or a usage error argparse already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        return _start_desktop(args)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Run the parsed command: a refusal or a failure is logged and said on stderr in
    the user's language, with its exit code."""
    import logging

    from helpdesk.cli import _base, texts
    from helpdesk.domain import error_texts
    from helpdesk.domain.errors import HelpdeskError

    log = logging.getLogger(__name__)
    log_file = diagnostics.configure_logging(f"command {args.command}")
    try:
        return int(args.func(args) or EXIT_OK)
    except HelpdeskError as exc:
        log.info("command %s refused: %s (%s)", args.command, exc.message, exc.code)
        lang = _language_for_errors(args)
        if _base.wants_json(args):
            import json  # here: neither --help nor the desktop needs it (issue 13)

            print(json.dumps(_error_json(exc, lang), ensure_ascii=False))
        for line in _error_lines(exc, lang):
            print(line, file=sys.stderr)
        return _exit_code(exc)
    except OSError as exc:
        log.error("command %s failed: %s", args.command, exc)
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("interrupted; nothing was saved by the unfinished step", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - a bug: one line here, the traceback in the log
        busy = _busy(args, exc)
        if busy is not None:  # opening or upgrading met a lock: say who holds it
            log.info("command %s: %s", args.command, busy.message)
            for line in _error_lines(busy, _language_for_errors(args)):
                print(line, file=sys.stderr)
            return EXIT_FAILED
        log.critical("command %s failed", args.command, exc_info=exc)
        where = f" ({log_file})" if log_file else ""
        print(f"{texts.text(_language_for_errors(args), 'error')}: "
              f"{error_texts.unexpected_text(exc, _language_for_errors(args))}{where}",
              file=sys.stderr)
        return EXIT_FAILED
    finally:
        _base.close_db(args)


def desktop() -> int:
    """The ``helpdesk-desk`` program (no console window on Windows): the desktop only.

    Takes the desktop's options (``--database``, ``--lang``, Qt's own); the log, not a
    console, receives whatever goes wrong."""
    if sys.stdout is None or sys.stderr is None:  # windowed: give print() somewhere to go
        import os

        devnull = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
        sys.stdout = sys.stdout or devnull
        sys.stderr = sys.stderr or devnull
    from helpdesk.ui.app import run

    return int(run(sys.argv[1:]))
