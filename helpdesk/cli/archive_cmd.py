"""``helpdesk archive export|list|verify|remove`` (issue 11): the two-year retention
archive (seed 003, 六). Export and remove are the administrator's; remove needs --yes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpdesk import lazy_module
from helpdesk.cli import _base
from helpdesk.domain.filters import SheetFilter, SheetSort

if TYPE_CHECKING:
    from helpdesk.services import archive
    from helpdesk.services import complaints as sheet_services
else:  # loaded when the command runs, not for `helpdesk --help`
    archive = lazy_module("helpdesk.services.archive")
    sheet_services = lazy_module("helpdesk.services.complaints")



def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    actions = _base.group(subparsers, "archive")
    common_opts = _base.common_options()

    exp = actions.add_parser("export", parents=[common_opts],
                             help="write closed sheets older than the retention setting "
                                  "into a new archive file (nothing is removed)")
    exp.add_argument("file", type=Path, help="the new archive file (.db)")
    exp.add_argument("--closed-before", type=_base.when, metavar="DATE",
                     help="an earlier cut-off than the retention setting")
    _base.user_option(exp, required=True)
    exp.set_defaults(func=run_export)

    lst = actions.add_parser("list", parents=[common_opts],
                             help="the sheets of an archive file (opened read-only)")
    lst.add_argument("file", type=Path)
    lst.add_argument("--search", default="", metavar="TEXT")
    lst.set_defaults(func=run_list)

    ver = actions.add_parser("verify", parents=[common_opts],
                             help="check that the archive holds every row of its sheets")
    ver.add_argument("file", type=Path)
    _base.user_option(ver, required=True)
    ver.set_defaults(func=run_verify)

    rem = actions.add_parser("remove", parents=[common_opts],
                             help="delete the archived sheets from the live database "
                                  "(verified first; audited)")
    rem.add_argument("file", type=Path)
    rem.add_argument("--yes", action="store_true", help="yes, remove them")
    _base.user_option(rem, required=True)
    rem.set_defaults(func=run_remove)


def _rows(rows: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(rows.items()))


def run_export(args: argparse.Namespace) -> int:
    result = archive.export_archive(_base.uow(args), _base.login(args).id, args.file,
                                    closed_before=args.closed_before)
    if _base.wants_json(args):
        _base.print_json({"file": str(result.path), "closed_before": result.closed_before,
                          "sheets": len(result.sheet_ids), "rows": result.rows})
    else:
        _base.info(_base.say(args, "archive.exported", file=result.path,
                             count=len(result.sheet_ids),
                             cut=_base.fmt_time(result.closed_before), rows=_rows(result.rows)))
    return 0


def run_list(args: argparse.Namespace) -> int:
    archived = archive.open_archive(args.file)
    try:
        uow = archived.uow
        reader = min(archive.archived_reader_ids(uow()))
        ids = sheet_services.list_sheet_ids(uow(), reader, SheetFilter(
            text=args.search, include_closed=True, sort=SheetSort.NUMBER))
        rows = sheet_services.sheet_rows(uow(), ids)
    finally:
        archived.dispose()
    if _base.wants_json(args):
        _base.print_json([{"number": r.number, "received_at": r.received_at,
                           "customer": r.customer_name} for r in rows])
        return 0
    _base.print_table(["number", "received", "customer", "plate_or_order"],
                      [[r.number, _base.fmt_time(r.received_at), r.customer_name,
                        r.plate_or_order] for r in rows], limits=[20, 16, 16, 20])
    return 0


def run_verify(args: argparse.Namespace) -> int:
    rows = archive.verify_archive(_base.uow(args), _base.login(args).id, args.file)
    _base.info(_base.say(args, "archive.verified", file=args.file, rows=_rows(rows)))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    removed = archive.remove_archived(_base.uow(args), _base.login(args).id, args.file,
                                      confirm=args.yes)
    _base.info(_base.say(args, "archive.removed", count=removed))
    return 0
