"""``helpdesk attachment add|list|extract|remove`` (issue 11): files of a sheet."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpdesk import lazy_module
from helpdesk.cli import _base
from helpdesk.domain.errors import NotFound

if TYPE_CHECKING:
    from helpdesk.services import attachments as att
    from helpdesk.services import complaints as sheet_services
else:  # loaded when the command runs, not for `helpdesk --help`
    att = lazy_module("helpdesk.services.attachments")
    sheet_services = lazy_module("helpdesk.services.complaints")



def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    actions = _base.group(subparsers, "attachment")
    common_opts = _base.common_options()

    add = actions.add_parser("add", parents=[common_opts], help="attach files to a sheet")
    add.add_argument("number", help="sheet number or its last digits")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add.add_argument("--caption", default="", help="what the file shows (说明)")
    _base.user_option(add, required=True)
    add.set_defaults(func=run_add)

    lst = actions.add_parser("list", parents=[common_opts], help="a sheet's files")
    lst.add_argument("number", help="sheet number or its last digits")
    _base.user_option(lst, required=False)
    lst.set_defaults(func=run_list)

    ext = actions.add_parser("extract", parents=[common_opts],
                             help="write a sheet's files into a folder")
    ext.add_argument("number", help="sheet number or its last digits")
    ext.add_argument("--to", type=Path, default=Path("."), metavar="FOLDER",
                     help="folder to write into (default: here)")
    ext.add_argument("--id", type=int, metavar="ID", help="only this attachment")
    _base.user_option(ext, required=False)
    ext.set_defaults(func=run_extract)

    rem = actions.add_parser("remove", parents=[common_opts],
                             help="remove an attachment (service manager or director)")
    rem.add_argument("id", type=int, help="attachment id (see `attachment list`)")
    rem.add_argument("--reason", required=True, help="why it is removed (kept in the audit)")
    _base.user_option(rem, required=True)
    rem.set_defaults(func=run_remove)


def _sheet(args: argparse.Namespace) -> int:
    return sheet_services.find_sheet_id(_base.uow(args), args.number)


def run_add(args: argparse.Namespace) -> int:
    actor = _base.login(args).id
    sheet = _sheet(args)
    added = []
    for path in args.files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise _base.CliError(f"cannot read {path}: {exc.strerror}",
                                 code="file.unreadable") from exc
        added.append(att.add_attachment(_base.uow(args), actor, sheet, path.name, data,
                                        caption=args.caption))
    if _base.wants_json(args):
        _base.print_json([dataclasses.asdict(a) for a in added])
    else:
        for a in added:
            _base.info(f"{a.id}\t{a.filename}\t{a.size}\t{a.sha256[:12]}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    reader = _base.reader_id(args)
    found = att.list_attachments(_base.uow(args), reader, _sheet(args))
    if _base.wants_json(args):
        _base.print_json([dataclasses.asdict(a) for a in found])
        return 0
    _base.print_table(["id", "file", "bytes", "added", "by", "caption"],
                      [[str(a.id), a.filename, str(a.size), _base.fmt_time(a.added_at),
                        a.added_by_name, a.caption] for a in found],
                      limits=[8, 40, 12, 16, 12, 40])
    return 0


def _free_name(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or ``name (2)`` etc.: an extract never overwrites a file."""
    target = folder / name
    stem, suffix = target.stem, target.suffix
    n = 2
    while target.exists():
        target = folder / f"{stem} ({n}){suffix}"
        n += 1
    return target


def run_extract(args: argparse.Namespace) -> int:
    reader = _base.reader_id(args)
    uow = _base.uow(args)
    found = att.list_attachments(uow, reader, _sheet(args))
    if args.id is not None:
        found = [a for a in found if a.id == args.id]
        if not found:
            raise NotFound(f"attachment {args.id} is not on sheet {args.number}",
                           code="attachment.not_found")
    args.to.mkdir(parents=True, exist_ok=True)
    for a in found:
        target = _free_name(args.to, a.filename)
        target.write_bytes(att.attachment_data(uow, reader, a.id))
        _base.info(str(target))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    att.remove_attachment(_base.uow(args), _base.login(args).id, args.id, args.reason)
    return 0
