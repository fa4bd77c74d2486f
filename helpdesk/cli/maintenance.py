"""``helpdesk backup``, ``helpdesk restore``, ``helpdesk check``.

Backups use SQLite's online backup (desks may keep working). A restore first checks
that the file is a Helpdesk database and keeps a copy of the current one. PostgreSQL
databases are backed up with the server's own tools (``pg_dump``/``pg_restore``).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpdesk import cli, lazy_module
from helpdesk.cli import _base
from helpdesk.domain.errors import StorageError, ValidationError
from helpdesk.storage import engine as engine_mod

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from helpdesk.storage import backup, migrate
    from helpdesk.storage import database as database_mod
else:  # loaded when the command runs, not for `helpdesk --help`
    backup = lazy_module("helpdesk.storage.backup")
    migrate = lazy_module("helpdesk.storage.migrate")
    database_mod = lazy_module("helpdesk.storage.database")

# Counted by `check` (those present in the database).
_COUNTED = ("stores", "users", "customers", "vehicles", "orders", "sheets", "audit_log")


PASSPHRASE_ENV = "HELPDESK_BACKUP_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    common = _base.common_options()
    cmd = subparsers.add_parser("backup", parents=[common], help=cli.command_help("backup"))
    cmd.add_argument("--out", type=Path, metavar="FILE",
                     help="where: a file, or an existing folder (default: backups/ next to "
                          "the database, with the time); a missing folder is refused")
    cmd.add_argument("--encrypt", action="store_true",
                     help="encrypt the backup with a passphrase (HELPDESK_BACKUP_PASSPHRASE "
                          "or a prompt); restore asks for it")
    cmd.set_defaults(func=run_backup)

    cmd = subparsers.add_parser(
        "restore", parents=[common], help=cli.command_help("restore"),
        description="Replace the database with FILE (read with its -wal) after checking it "
                    "in full: integrity, this program's schema, every table readable. "
                    "Needs an administrator's password; audited in the replaced and in "
                    "the restored database; the current database is kept as a backup "
                    "first. Close the application on every desk before restoring.")
    cmd.add_argument("file", type=Path)
    cmd.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    _base.user_option(cmd, required=True)
    cmd.set_defaults(func=run_restore)

    cmd = subparsers.add_parser(
        "migrate", parents=[common], help=cli.command_help("migrate"),
        description="Bring the database to this version's schema. A SQLite file is copied "
                    "first; a PostgreSQL database is dumped with pg_dump first — where "
                    "pg_dump is not installed, take a backup yourself and pass "
                    "--backup-taken. Every desk opening the database upgrades it the "
                    "same way; this command does it ahead of time.")
    cmd.add_argument("--backup-taken", action="store_true",
                     help="PostgreSQL without pg_dump here: you have backed it up yourself")
    cmd.set_defaults(func=run_migrate)

    cmd = subparsers.add_parser("check", parents=[common], help=cli.command_help("check"))
    cmd.set_defaults(func=run_check)


def _sqlite_path(args: argparse.Namespace, what: str) -> Path:
    url = _base.database_url(args)
    path = engine_mod.sqlite_file(url)
    if path is None:
        raise StorageError(
            f"{what} works on SQLite files; {engine_mod.describe(url)} is a server database: "
            "use pg_dump / pg_restore (e.g. `pg_dump -Fc -f helpdesk.dump DBNAME`)",
            code=f"{what}.not_sqlite")
    return path


def run_backup(args: argparse.Namespace) -> int:
    path = _sqlite_path(args, "backup")
    if path.exists():
        backup.check_is_helpdesk(path)
    out = args.out
    if out is not None:
        # A folder that is not there (a USB drive not plugged in) is refused, never
        # created silently on the desk's own disk.
        if out.is_dir():
            out = out / f"{path.stem}-{datetime.now():%Y%m%d-%H%M%S}-manual.db"
        elif not out.parent.is_dir():
            raise ValidationError("out", "backup.folder_missing",
                                  f"the backup folder {out.parent} does not exist; create it "
                                  "or plug in the drive first", folder=str(out.parent))
    saved = backup.backup_sqlite(path, out)
    if args.encrypt:
        passphrase = _base.read_password("Passphrase for the backup: ", env=PASSPHRASE_ENV,
                                         confirm=True)
        sealed = saved.with_name(saved.name + ".enc") if out is None else saved
        plain = saved.with_name(saved.name + ".plain")
        os.replace(saved, plain)
        try:
            saved = backup.encrypt_file(plain, sealed, passphrase)
        finally:
            plain.unlink(missing_ok=True)
    if _base.wants_json(args):
        _base.print_json({"database": path, "backup": saved, "bytes": saved.stat().st_size})
    else:
        print(f"backup of {path} written to {saved} ({saved.stat().st_size:,} bytes)")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from helpdesk.services import restore

    path = _sqlite_path(args, "restore")
    if not (args.file.is_file() and backup.is_encrypted(args.file)):
        backup.check_is_helpdesk_file(args.file)  # refuse early, before asking anything
    if not args.yes:
        if not sys.stdin.isatty():
            raise _base.CliError("restore replaces the database: confirm with --yes",
                                 code="restore.confirm")
        answer = input(f"Replace {path} with {args.file}? Close Helpdesk on every desk "
                       "first. [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "是"):
            _base.info("nothing was changed")
            return 1
    password = _base.read_password(f"Password for {args.user}: ")
    passphrase = None
    if backup.is_encrypted(args.file):
        passphrase = _base.read_password("Passphrase of the backup: ", env=PASSPHRASE_ENV)
    _base.close_db(args)
    done = restore.restore(path, args.file, username=args.user, password=password,
                           passphrase=passphrase)
    safety = done.previous
    if _base.wants_json(args):
        _base.print_json({"database": path, "restored_from": args.file, "previous": safety})
    else:
        print(f"{path} restored from {args.file}")
        if safety:
            print(f"the database it replaced is kept at {safety}")
    return 0


def _counts(engine: Engine) -> dict[str, int]:
    from sqlalchemy import inspect, text

    present = set(inspect(engine).get_table_names())
    counts = {}
    with engine.connect() as conn:
        for table in _COUNTED:
            if table in present:
                # Table names come from the constant above, never from input.
                counts[table] = int(conn.execute(text(f"SELECT count(*) FROM {table}"))
                                    .scalar_one())
    return counts


def _sqlite_checks(engine: Engine) -> dict[str, Any]:
    from sqlalchemy import text

    with engine.connect() as conn:
        integrity = [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]
        foreign = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
    return {"integrity": "ok" if integrity == ["ok"] else "; ".join(integrity[:20]),
            "foreign_key_violations": len(foreign)}


def run_migrate(args: argparse.Namespace) -> int:
    url = _base.database_url(args)
    db = database_mod.open_database(url, upgrade=False)
    try:
        result = migrate.upgrade(db.engine, backup_taken=args.backup_taken)
    finally:
        db.dispose()
    if _base.wants_json(args):
        _base.print_json({"before": result.before, "after": result.after,
                          "backup": result.backup})
    elif result.before == result.after:
        print(f"{engine_mod.describe(url)} is up to date (revision {result.after})")
    else:
        saved = f"; backup: {result.backup}" if result.backup else ""
        print(f"{engine_mod.describe(url)} upgraded from {result.before or 'empty'} to "
              f"{result.after}{saved}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    url = _base.database_url(args)
    path = engine_mod.sqlite_file(url)
    if path is not None:
        if not path.exists():
            raise StorageError(f"there is no database at {path}", code="check.missing")
        backup.check_is_helpdesk(path)
    engine = engine_mod.make_engine(url)
    try:
        report: dict[str, Any] = {"database": engine_mod.describe(url),
                                  "backend": engine.dialect.name}
        if path is not None:
            report.update(_sqlite_checks(engine))
        else:
            report.update({"integrity": "not checked (the server guards it; see "
                                        "pg_amcheck)", "foreign_key_violations": 0})
        current, head = migrate.current_revision(engine), migrate.head_revision()
        report.update({"revision": current, "head": head, "up_to_date": current == head,
                       "counts": _counts(engine)})
        chain = None
        if current == head:
            from helpdesk.services import audit_chain
            from helpdesk.storage.uow import SqlAlchemyUnitOfWork

            chain = audit_chain.verify(SqlAlchemyUnitOfWork(engine))
            report["audit"] = {"ok": chain.ok, "checked": chain.checked,
                               "first_broken": chain.broken_id,
                               "missing_guards": list(chain.missing_guards),
                               "missing_tail": chain.missing_tail,
                               "anchor_broken": chain.anchor_broken}
    finally:
        engine.dispose()
    problems = [] if chain is None else chain.problems()
    if report["integrity"] not in ("ok",) and path is not None:
        problems.append(f"integrity: {report['integrity']}")
    if report["foreign_key_violations"]:
        problems.append(f"{report['foreign_key_violations']} broken references")
    if not report["up_to_date"]:
        problems.append(f"schema at {report['revision']}, this program expects {head} "
                        "(opening it in Helpdesk upgrades it, with a backup first)")
    report["ok"] = not problems
    report["problems"] = problems
    if _base.wants_json(args):
        _base.print_json(report)
    else:
        print(f"database   {report['database']} ({report['backend']})")
        print(f"integrity  {report['integrity']}")
        print(f"schema     {report['revision']} (program: {head})")
        for table, count in report["counts"].items():
            print(f"{table:<10} {count:,}")
        if chain is not None:
            print(f"audit      {chain.checked:,} entries, "
                  f"{'chain intact' if chain.ok else 'ALTERED'}")
        print("OK" if not problems else "PROBLEMS: " + "; ".join(problems))
    return 0 if not problems else 1
