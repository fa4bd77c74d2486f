"""``helpdesk import …`` and ``helpdesk export …``: spreadsheets in and out.

Imports validate every row and save nothing unless all are good (``--skip-invalid``
saves the good ones); ``--dry-run`` only checks. The template (headers in Chinese or
English) is documented in the README and written by ``helpdesk import template``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpdesk import lazy_module
from helpdesk.cli import _base
from helpdesk.domain import error_texts
from helpdesk.transfer import CUSTOMERS, SHEETS

if TYPE_CHECKING:
    from helpdesk.transfer import reading
    from helpdesk.transfer import spreadsheets as importing
else:  # loaded when the command runs, not for `helpdesk --help`
    reading = lazy_module("helpdesk.transfer.reading")
    importing = lazy_module("helpdesk.transfer.spreadsheets")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    common = _base.common_options()
    imports = _base.group(subparsers, "import")
    for kind, what in ((CUSTOMERS, "customers (one per row, with one vehicle "
                                             "and/or one order)"),
                       (SHEETS, "complaint sheets, open ones and closed history")):
        cmd = imports.add_parser(kind, parents=[common], help=f"import {what}",
                                 description=f"Import {what} from a .csv or .xlsx file laid "
                                             "out as the template. All rows or none, unless "
                                             "--skip-invalid.")
        cmd.add_argument("file", type=Path)
        cmd.add_argument("--skip-invalid", action="store_true",
                         help="import the good rows and report the bad ones")
        cmd.add_argument("--dry-run", action="store_true",
                         help="check every row, save nothing")
        cmd.add_argument("--store", metavar="CODE",
                         help="store the rows belong to (default: the user's)")
        cmd.add_argument("--sheet", metavar="NAME",
                         help="worksheet to read (name or number from 1); needed when "
                              "several worksheets hold data")
        cmd.add_argument("--encoding", choices=sorted(reading.ENCODINGS),
                         help="a CSV file's encoding, when it cannot be told from the file "
                              "(e.g. big5 or gbk)")
        cmd.add_argument("--quiet", action="store_true", help="no progress on stderr")
        _base.user_option(cmd, required=True)
        cmd.set_defaults(func=run_import, kind=kind)

    template = imports.add_parser("template", parents=[common],
                                  help="write an empty template (.csv or .xlsx)")
    template.add_argument("kind", choices=[CUSTOMERS, SHEETS])
    template.add_argument("out", type=Path, help="OUT.xlsx (with a help sheet) or OUT.csv")
    template.set_defaults(func=run_template)

    exports = _base.group(subparsers, "export")
    cmd = exports.add_parser("customers", parents=[common],
                             help="export customers in the import template's layout "
                                  "(needs the right to export personal data; audited)")
    cmd.add_argument("out", type=Path, help="OUT.csv or OUT.xlsx")
    cmd.add_argument("--search", default="", metavar="QUERY",
                     help="only customers this search finds (default: all)")
    _base.user_option(cmd, required=True)
    cmd.set_defaults(func=run_export)


def _progress(args: argparse.Namespace) -> importing.Progress | None:
    """Progress on stderr, one line rewritten in place (a terminal) or every 10%."""
    if args.quiet or _base.wants_json(args):
        return None
    shown: list[int] = [-1]
    terminal = sys.stderr.isatty()

    def report(done: int, total: int) -> bool:
        percent = 100 * done // total if total else 100
        if terminal:
            print(f"\r{done:,}/{total:,} rows ({percent}%)", end="", file=sys.stderr,
                  flush=True)
            if done >= total:
                print(file=sys.stderr)
        elif percent // 10 != shown[0] // 10 or done >= total:
            _base.info(f"{done:,}/{total:,} rows ({percent}%)")
        shown[0] = percent
        return True

    return report


def run_import(args: argparse.Namespace) -> int:
    lang = _base.language(args)
    options = importing.ReadOptions(sheet=args.sheet, encoding=args.encoding)
    # The file's layout is checked before asking for a password: a wrong header is
    # reported at once.
    table = importing.read(args.file, importing.columns_for(args.kind), sheet=args.sheet,
                           encoding=args.encoding)
    if table.layout.ignored and not _base.wants_json(args):
        _base.info(error_texts.format_code("import.column_ignored",
                                           {"columns": list(table.layout.ignored)}, "", lang))
    actor = _base.login(args)
    store = _base.store_id(args, args.store)
    uow = _base.uow(args)
    progress = _progress(args)
    if args.kind == CUSTOMERS:
        report = importing.check_customers(uow, actor.id, args.file, store_id=store,
                                           options=options, progress=progress) \
            if args.dry_run else importing.import_customers(
                uow, actor.id, args.file, skip_invalid=args.skip_invalid, store_id=store,
                options=options, progress=progress)
    else:
        report = importing.check_sheets(uow, actor.id, args.file, store_id=store,
                                        options=options, progress=progress) \
            if args.dry_run else importing.import_sheets(
                uow, actor.id, args.file, skip_invalid=args.skip_invalid, store_id=store,
                options=options, progress=progress)
    if _base.wants_json(args):
        data = dataclasses.asdict(report)
        data["errors"] = [{**dataclasses.asdict(e), "text": e.text(lang)}
                          for e in report.errors]
        _base.print_json({"dry_run": args.dry_run, **data})
    else:
        for error in report.errors:
            print(f"line {error.line}, {error.column_name(lang)}: {error.text(lang)}")
        bad = len(report.lines_with_errors())
        if args.dry_run:
            print(f"checked {report.total} row(s): {report.valid} good, {bad} with errors; "
                  "nothing saved (dry run)")
        else:
            print(f"{report.total} row(s): {report.imported} imported, "
                  f"{report.skipped} skipped")
    if report.errors and report.imported == 0:
        if not args.dry_run:
            _base.info(f"error: {len(report.lines_with_errors())} row(s) have errors; "
                       "nothing was imported (fix them, or use --skip-invalid)")
        return 2
    return 0


def run_template(args: argparse.Namespace) -> int:
    importing.write_template(args.out, args.kind, lang=_base.language(args))
    if _base.wants_json(args):
        _base.print_json({"file": args.out, "kind": args.kind})
    else:
        print(f"template for {args.kind} written to {args.out}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from helpdesk.services import customer_list

    actor = _base.login(args)
    uow = _base.uow(args)
    ids = customer_list.list_customer_ids(uow, actor.id,
                                          customer_list.CustomerFilter(text=args.search))
    count = importing.export_customers(uow, actor.id, ids, args.out, lang=_base.language(args))
    if _base.wants_json(args):
        _base.print_json({"file": args.out, "customers": count})
    else:
        print(f"{count} customer(s) exported to {args.out}")
    return 0
