"""``helpdesk holidays …``: public holidays and make-up working days (调休) of a store.

``load YEAR`` takes the official schedule from the chinesecalendar package; ``add``
takes one date or a range (a whole Golden Week), ``--workday`` for make-up days;
``import FILE`` reads a list (one date or range per line, 补班/workday marks make-up
days); ``list`` shows each date with its weekday and name.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpdesk import lazy_module
from helpdesk.cli import _base
from helpdesk.domain import parsing

if TYPE_CHECKING:
    from helpdesk.services import holidays, settings
else:  # loaded when the command runs, not for `helpdesk --help`
    holidays = lazy_module("helpdesk.services.holidays")
    settings = lazy_module("helpdesk.services.settings")



def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    common = _base.common_options()
    group = _base.group(subparsers, "holidays")
    load = group.add_parser("load", parents=[common],
                            help="load a year's official holidays and make-up days")
    load.add_argument("year", type=int)
    add = group.add_parser("add", parents=[common], help="add a date or a range")
    add.add_argument("start", help="first day, e.g. 2027-10-01")
    add.add_argument("end", nargs="?", help="last day of a range (default: the first)")
    add.add_argument("--workday", action="store_true",
                     help="make-up working days (调休上班) instead of days off")
    imported = group.add_parser("import", parents=[common],
                                help="add the dates of a list (one date or range a line)")
    imported.add_argument("file", type=Path)
    listed = group.add_parser("list", parents=[common], help="show the dates of a year")
    listed.add_argument("--year", type=int, help="default: every year")
    for cmd, func in ((load, run_load), (add, run_add), (imported, run_import),
                      (listed, run_list)):
        cmd.add_argument("--store", metavar="CODE", help="store (default: the user's)")
        _base.user_option(cmd, required=True)
        cmd.set_defaults(func=func)


def _store(args: argparse.Namespace, user_store: int | None) -> int:
    chosen = _base.store_id(args, args.store) or user_store
    if chosen is None:
        raise _base.CliError("choose the store with --store CODE", code="store.required")
    return chosen


def _report(args: argparse.Namespace, loaded: holidays.Loaded) -> int:
    if _base.wants_json(args):
        _base.print_json({"holidays": [d.isoformat() for d in loaded.holidays],
                          "workdays": [d.isoformat() for d in loaded.workdays]})
    else:
        print(f"{len(loaded.holidays)} day(s) off and {len(loaded.workdays)} make-up "
              "working day(s) added")
    return 0


def run_load(args: argparse.Namespace) -> int:
    holidays.official_year(args.year)  # an unknown year is refused before the password
    actor = _base.login(args)
    store = _store(args, actor.store_id)
    return _report(args, holidays.load_year(_base.uow(args), actor.id, store, args.year))


def run_add(args: argparse.Namespace) -> int:
    start = parsing.parse_date(args.start, field="start")
    days = holidays.date_range(start, parsing.parse_date(args.end, field="end")
                               if args.end else start)
    actor = _base.login(args)
    store = _store(args, actor.store_id)
    loaded = holidays.add_days(_base.uow(args), actor.id, store,
                               holidays=[] if args.workday else days,
                               workdays=days if args.workday else [])
    return _report(args, loaded)


def run_import(args: argparse.Namespace) -> int:
    from helpdesk.domain import text

    content = text.decode_text(args.file.read_bytes())
    if content is None:
        raise _base.CliError(f"{args.file} is neither UTF-8 nor GB18030 text",
                             code="import.encoding")
    off, worked = holidays.parse_list(content)
    actor = _base.login(args)
    store = _store(args, actor.store_id)
    return _report(args, holidays.add_days(_base.uow(args), actor.id, store, holidays=off,
                                           workdays=worked))


def run_list(args: argparse.Namespace) -> int:
    actor = _base.login(args)
    store = _store(args, actor.store_id)
    data = settings.get_store_settings(_base.uow(args), actor.id, store)
    lang = "en" if _base.language(args).startswith("en") else "zh"
    rows = [(d, False) for d in data.holidays] + [(d, True) for d in data.makeup_workdays]
    rows = sorted(r for r in rows if args.year is None or r[0].year == args.year)
    if _base.wants_json(args):
        _base.print_json([{"date": d.isoformat(), "workday": w,
                           "label": holidays.day_label(d, lang, workday=w)} for d, w in rows])
    else:
        for day, workday in rows:
            print(holidays.day_label(day, lang, workday=workday))
    return 0
