"""What every command shares: the database, logging in, output, argument types.

Commands call the same services as the desktop, with the same permission checks and
audit entries. A command that changes a sheet or a customer logs in as ``--user``
(password from ``HELPDESK_PASSWORD`` or a prompt). Read-only commands (lists, show,
find) need no login, since whoever can open the database holds the data anyway; they
read as the first active administrator, a role that may see every sheet but whose
view of personal data is masked (138****5678) — pass ``--user`` to read as yourself.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpdesk import cli, lazy_module
from helpdesk.cli import texts
from helpdesk.domain import parsing, text, vocabulary
from helpdesk.domain.errors import HelpdeskError, NotFound, ValidationError
from helpdesk.domain.users import Role
from helpdesk.storage import engine as engine_mod

if TYPE_CHECKING:
    from helpdesk.services import common, session
    from helpdesk.services import users as user_services
    from helpdesk.services.dto import SessionUser
    from helpdesk.storage import database as database_mod
    from helpdesk.storage.database import Database
    from helpdesk.storage.uow import SqlAlchemyUnitOfWork
else:  # loaded when a command first uses them (`helpdesk --help` needs none of them)
    common = lazy_module("helpdesk.services.common")
    session = lazy_module("helpdesk.services.session")
    user_services = lazy_module("helpdesk.services.users")
    database_mod = lazy_module("helpdesk.storage.database")

ENV_PASSWORD = "HELPDESK_PASSWORD"  # the password of --user (scripts, CI)
ENV_NEW_PASSWORD = "HELPDESK_NEW_PASSWORD"  # a password being set (user add / passwd)


class CliError(HelpdeskError):
    """A problem with how the command was called (exit code 2)."""

    code = "usage"


# ---------------------------------------------------------------- parser pieces
def common_options() -> argparse.ArgumentParser:
    """Options every subcommand accepts after its name too (``helpdesk sheet list
    --json --database x.db``). SUPPRESS keeps a value given before the command name."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                        help="database URL or SQLite file (default: HELPDESK_DATABASE_URL, "
                             "the config file, then helpdesk.db in the user data folder)")
    parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="answer in JSON")
    parent.add_argument("--lang", metavar="LANG", default=argparse.SUPPRESS,
                        help=cli.LANG_HELP)
    return parent


def group(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], name: str,
          help_text: str | None = None) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """A command with subcommands (``helpdesk sheet …``); alone it prints its help.
    ``help_text`` defaults to the command's line in ``cli.COMMANDS``."""
    help_text = help_text if help_text is not None else cli.command_help(name)
    parser = subparsers.add_parser(name, help=help_text, description=help_text)

    def usage(_args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    parser.set_defaults(func=usage)
    return parser.add_subparsers(dest=f"{name}_command", metavar="ACTION")


def user_option(parser: argparse.ArgumentParser, *, required: bool) -> None:
    help_text = "act as this user (password from HELPDESK_PASSWORD or a prompt)"
    if not required:
        help_text = ("read as this user (default: as the first administrator, with "
                     "personal data masked)")
    parser.add_argument("--user", metavar="NAME", required=required, help=help_text)


def when(value: str) -> datetime:
    """argparse type: ``2026-11-20`` or ``2026-11-20 14:30`` (also 2026/11/20, 年月日)."""
    try:
        return parsing.parse_datetime(value)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def day(value: str) -> date:
    try:
        return parsing.parse_date(value)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def positive_int(value: str) -> int:
    try:
        return parsing.parse_int(value, field="N", code="number.whole", minimum=0)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def yes_no(value: str) -> bool:
    folded = value.strip().lower()
    if folded in ("yes", "y", "true", "1", "是"):
        return True
    if folded in ("no", "n", "false", "0", "否"):
        return False
    raise argparse.ArgumentTypeError(f"{value!r}: say yes or no")


# ---------------------------------------------------------------- language
def language(args: argparse.Namespace) -> str:
    """The language this run answers in (see :func:`vocabulary.pick_language`)."""
    chosen: str | None = getattr(args, "_lang", None)
    if chosen is None:
        chosen = vocabulary.pick_language(getattr(args, "lang", None),
                                          session.saved_language())
        args._lang = chosen
    return chosen


def word(args: argparse.Namespace, value: Enum | None) -> str:
    """An enum member as the user reads it (the same label the desktop shows)."""
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return vocabulary.label(value, language(args))
    return str(value.value)


def say(args: argparse.Namespace, key: str, **values: object) -> str:
    """A text of the command line itself in the user's language."""
    return texts.text(language(args), key, **values)


# ---------------------------------------------------------------- database
def database_url(args: argparse.Namespace) -> str:
    return engine_mod.resolve_url(getattr(args, "database", None))


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The database of this run (opened once, schema brought up to date).

    A SQLite file that does not exist is created only by commands that set one up
    (``init``, ``demo``); any other command says where it looked instead."""
    db: Database | None = getattr(args, "_db", None)
    if db is not None:
        return db
    url = database_url(args)
    path = engine_mod.sqlite_file(url)
    if path is not None and not create and not path.exists():
        raise CliError(f"there is no database at {path}; create one with `helpdesk init` "
                       "(or `helpdesk demo`), or choose another with --database",
                       code="database.missing")
    db = database_mod.open_database(url)
    args._db = db
    common.sync_clock(db.uow())  # issue 9: the store's zone and the server's clock
    return db


def close_db(args: argparse.Namespace) -> None:
    db: Database | None = getattr(args, "_db", None)
    if db is not None:
        db.dispose()
        args._db = None


def uow(args: argparse.Namespace) -> SqlAlchemyUnitOfWork:
    return open_db(args).uow()


# ---------------------------------------------------------------- files
def read_text_file(name: str) -> str:
    """A text file given on the command line (``-``: stdin), UTF-8 or GB18030.

    Read as bytes and decoded here, never in the locale's encoding: on a Chinese
    Windows that is GBK, which fails on UTF-8 files and on characters like 𠮷."""
    data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    decoded = text.decode_text(data)
    if decoded is None:
        raise CliError(f"{name} is neither UTF-8 nor GB18030 text; save it as UTF-8",
                       code="file.encoding")
    return decoded


# ---------------------------------------------------------------- who acts
def read_password(prompt: str, *, env: str = ENV_PASSWORD, confirm: bool = False,
                  file: str | None = None) -> str:
    """A password from a file (``-`` for stdin), the environment, or a prompt."""
    if file:
        content = sys.stdin.readline() if file == "-" else read_text_file(file)
        lines = content.splitlines()
        return lines[0] if lines else ""
    from_env = os.environ.get(env)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise CliError(f"no password: set {env} or run the command in a terminal",
                       code="password.missing")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != first:
        raise CliError("the two passwords differ", code="password.mismatch")
    return first


def login(args: argparse.Namespace) -> SessionUser:
    """Log in as ``--user`` (audited as a login, exactly like the desktop)."""
    username = getattr(args, "user", None)
    if not username:
        raise CliError("this command needs --user NAME", code="user.required")
    password = read_password(f"Password for {username}: ")
    return user_services.login(uow(args), username, password)


def reader_id(args: argparse.Namespace) -> int:
    """Who reads for a command that needs no login: ``--user`` if given, else the
    first active administrator (sees every sheet; personal data stays masked)."""
    if getattr(args, "user", None):
        return login(args).id
    admins = [u for u in user_services.list_users(uow(args), include_inactive=False)
              if Role.ADMIN in u.roles]
    if not admins:
        raise CliError("the database has no active administrator (is it set up? run "
                       "`helpdesk init`); or pass --user NAME", code="database.not_setup")
    return min(admins, key=lambda u: u.id).id


def user_id(args: argparse.Namespace, username: str) -> int:
    wanted = username.strip().lower()
    for info in user_services.list_users(uow(args)):
        if info.username.lower() == wanted:
            return info.id
    raise NotFound(f"there is no user {username!r}", code="user.not_found")


def store_id(args: argparse.Namespace, code: str | None) -> int | None:
    if not code:
        return None
    from helpdesk.services import setup

    wanted = code.strip().upper()
    stores = setup.list_stores(uow(args))
    for store in stores:
        if store.code == wanted:
            return store.id
    raise NotFound(f"there is no store with code {code!r}", code="store.not_found",
                   store=code, stores=", ".join(s.code for s in stores))


# ---------------------------------------------------------------- output
def _json_default(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return int(value.total_seconds() // 60)  # minutes, negative when late
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, Path):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(value: Any) -> None:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    print(json.dumps(value, ensure_ascii=False, indent=2, default=_json_default))


def wants_json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def width(text: str) -> int:
    """Columns a string takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def clip(text: str, limit: int) -> str:
    if width(text) <= limit:
        return text
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def print_table(headers: Sequence[str], rows: Iterable[Sequence[str]],
                limits: Sequence[int] | None = None) -> None:
    """Columns aligned for Chinese text as well as Latin."""
    body = [[str(c) for c in row] for row in rows]
    if limits:
        body = [[clip(c, lim) for c, lim in zip(row, limits, strict=True)] for row in body]
    widths = [max([width(h)] + [width(r[i]) for r in body]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths, strict=True))\
            .rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in body:
        print(line(row))


def fmt_time(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def fmt_money(cents: int) -> str:
    return parsing.format_yuan(cents, symbol=True)


def info(message: str) -> None:
    """Progress and notes go to stderr, so stdout stays the answer."""
    print(message, file=sys.stderr)
