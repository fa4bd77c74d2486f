"""``helpdesk report …``: the monthly analysis report, a sheet printout, a reply letter.

The documents are those the desktop shows (the same service functions make them)::

    helpdesk report monthly --month 2026-10 --store TS --lang zh --out 2026-10.pdf
    helpdesk report monthly --month 2026-10 --out 2026-10.xlsx      # the tables
    helpdesk report monthly --month 2026-10 --issue --user director --out 2026-10.pdf
    helpdesk report monthly --month 2026-10 --fresh --out now.pdf  # compare with issued
    helpdesk report kpi --from 2026-01-01 --to 2026-10-31 --store TS --out kpi.pdf
    helpdesk report kpi --from 2026-01-01 --to 2026-10-31 --out kpi.xlsx
    helpdesk report sheet TS-2026-000123 --out sheet.pdf
    helpdesk report letter TS-2026-000123 --lang en --out letter.pdf
    helpdesk report letter TS-2026-000123 --draft > letter.txt   # edit, then
    helpdesk report letter TS-2026-000123 --text letter.txt --out letter.pdf

No login is needed (scheduled exports): like every read-only command they read as the
first administrator, whose view of phone numbers is masked; ``--user`` reads as you.
The font comes from ``--font``, ``HELPDESK_PDF_FONT``, ``pdf_font`` in the config file,
or the system; without a TrueType Chinese font a warning says the PDF falls back to a
font that is not embedded.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpdesk import lazy_module
from helpdesk.cli import _base
from helpdesk.reports import files

if TYPE_CHECKING:
    from helpdesk.reports import fonts
    from helpdesk.services import reporting
else:  # loaded when the command runs, not for `helpdesk --help`
    fonts = lazy_module("helpdesk.reports.fonts")
    reporting = lazy_module("helpdesk.services.reporting")

_FORMATS = ("pdf", "csv", "xlsx")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    actions = _base.group(subparsers, "report")
    common_opts = _base.common_options()

    monthly = actions.add_parser(
        "monthly", parents=[common_opts], help="the monthly complaint analysis report",
        description="The monthly complaint analysis report (月度抱怨/投诉分析报告) for the "
                    "service director and general manager: PDF, or its tables as CSV/XLSX.")
    monthly.add_argument("--month", required=True, metavar="YYYY-MM",
                         help="the month, e.g. 2026-10")
    monthly.add_argument("--store", metavar="CODE", default=None,
                         help="one store by its code (default: all stores)")
    monthly.add_argument("--format", choices=_FORMATS, default=None,
                         help="pdf, csv or xlsx (default: from the --out suffix, else pdf)")
    issuing = monthly.add_mutually_exclusive_group()
    issuing.add_argument("--issue", action="store_true",
                         help="issue the finished month's report (needs --user with the "
                              "right to issue): the PDF and its figures are kept; "
                              "reprints give that document")
    issuing.add_argument("--fresh", action="store_true",
                         help="render today's figures even if the month was issued, and "
                              "say which figures differ from the issued report")
    _out_option(monthly)
    monthly.set_defaults(func=run_monthly)

    kpi = actions.add_parser(
        "kpi", parents=[common_opts], help="the customer KPI report (seed 004)",
        description="Customer satisfaction, retention and repurchase rates, customer "
                    "lifetime value, the customer pyramid and RFM classes for a period: PDF, "
                    "or its tables as CSV/XLSX.")
    kpi.add_argument("--from", dest="first_day", required=True, metavar="YYYY-MM-DD",
                     help="the period's first day")
    kpi.add_argument("--to", dest="last_day", required=True, metavar="YYYY-MM-DD",
                     help="the period's last day (included)")
    kpi.add_argument("--store", metavar="CODE", default=None,
                     help="one store by its code (default: all stores)")
    kpi.add_argument("--format", choices=_FORMATS, default=None,
                     help="pdf, csv or xlsx (default: from the --out suffix, else pdf)")
    _out_option(kpi)
    kpi.set_defaults(func=run_kpi)

    sheet = actions.add_parser("sheet", parents=[common_opts],
                               help="print one complaint sheet as the paper form")
    sheet.add_argument("number", help="sheet number, e.g. TS-2026-000123")
    _out_option(sheet)
    sheet.set_defaults(func=run_sheet)

    letter = actions.add_parser(
        "letter", parents=[common_opts], help="the reply letter to the customer",
        description="The reply letter drafted from the sheet (seed 003 篇6). --draft "
                    "prints the text to edit; --text FILE prints an edited text.")
    letter.add_argument("number", help="sheet number, e.g. TS-2026-000123")
    what = letter.add_mutually_exclusive_group()
    what.add_argument("--draft", action="store_true",
                      help="print the drafted text to stdout instead of making a PDF")
    what.add_argument("--text", metavar="FILE",
                      help="the letter's text (UTF-8 or GB18030; '-' reads stdin) instead of "
                           "the draft")
    letter.add_argument("--out", type=Path, metavar="FILE.pdf",
                        help="where to write the PDF (required unless --draft)")
    letter.add_argument("--font", metavar="FILE", help="a TrueType (.ttf/.ttc) Chinese font")
    _base.user_option(letter, required=False)
    letter.set_defaults(func=run_letter)


def _out_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="where to write the document")
    parser.add_argument("--font", metavar="FILE", help="a TrueType (.ttf/.ttc) Chinese font")
    _base.user_option(parser, required=False)


def _use_font(args: argparse.Namespace) -> None:
    if getattr(args, "font", None):
        os.environ[fonts.ENV_FONT] = args.font


def _write(path: Path, data: bytes) -> None:
    """Write whole or not at all: a half-written PDF must never replace a good one."""
    path = path.expanduser()
    if path.parent and not path.parent.exists():
        raise _base.CliError(f"the folder {path.parent} does not exist", code="out.folder")
    files.write_whole(path, data)


def _done(args: argparse.Namespace, path: Path, data: bytes, what: str) -> int:
    _write(path, data)
    if _base.wants_json(args):
        _base.print_json({"file": str(path), "bytes": len(data), "document": what})
    else:
        print(f"{what} written to {path} ({len(data):,} bytes)")
    return 0


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = args.out.suffix.lower().lstrip(".")
    return suffix if suffix in _FORMATS else "pdf"


def run_monthly(args: argparse.Namespace) -> int:
    _use_font(args)
    request = reporting.MonthlyRequest(month=args.month, store=args.store,
                                       lang=_base.language(args))
    uow = _base.uow(args)
    actor = _base.reader_id(args)
    fmt = _format(args)
    if (args.issue or args.fresh) and fmt != "pdf":
        raise _base.CliError("--issue and --fresh make a PDF; write to FILE.pdf",
                             code="format.pdf_only")
    if args.issue:
        issued = reporting.issue_monthly(uow, actor, request)
        print(f"issued {issued.month:%Y-%m} at {issued.issued_at:%Y-%m-%d %H:%M} by "
              f"{issued.issued_by}; PDF sha256 {issued.pdf_sha256}")
        data = issued.pdf
    elif fmt == "pdf":
        if args.fresh:
            _say_changes(reporting.regenerate_monthly(uow, actor, request))
        data = reporting.monthly_pdf(uow, actor, request, fresh=args.fresh)
    else:
        data = reporting.monthly_export(uow, actor, request, fmt)
    return _done(args, args.out, data, f"monthly report {args.month} ({fmt})")


def _say_changes(regeneration: reporting.Regeneration) -> None:
    """Tell on stderr whether today's figures differ from the issued report."""
    issued = regeneration.issued
    if issued is None:
        print("this month has not been issued", file=sys.stderr)
        return
    if regeneration.identical:
        print(f"the figures are identical to the report issued on "
              f"{issued.issued_at:%Y-%m-%d %H:%M}", file=sys.stderr)
        return
    print(f"{len(regeneration.changes)} figure(s) differ from the report issued on "
          f"{issued.issued_at:%Y-%m-%d %H:%M} by {issued.issued_by}:", file=sys.stderr)
    for change in regeneration.changes:
        print(f"  {change.name}: issued {change.issued or '—'}, now {change.now or '—'}",
              file=sys.stderr)


def run_kpi(args: argparse.Namespace) -> int:
    _use_font(args)
    request = reporting.KpiRequest(args.first_day, args.last_day, store=args.store,
                                   lang=_base.language(args))
    fmt = _format(args)
    data = reporting.kpi_document(_base.uow(args), _base.reader_id(args), request, fmt)
    return _done(args, args.out, data,
                 f"customer KPI report {args.first_day} – {args.last_day} ({fmt})")


def run_sheet(args: argparse.Namespace) -> int:
    _use_font(args)
    lang = _base.language(args)
    uow = _base.uow(args)
    actor = _base.reader_id(args)
    sheet_id = reporting.find_sheet(uow, args.number)
    data = reporting.sheet_pdf(uow, actor, sheet_id, lang)
    return _done(args, args.out, data, f"sheet {args.number}")


def run_letter(args: argparse.Namespace) -> int:
    _use_font(args)
    lang = _base.language(args)
    if not args.draft and args.out is None:
        raise _base.CliError("say where to write the letter with --out FILE.pdf "
                             "(or use --draft to see the text)", code="out.required")
    uow = _base.uow(args)
    actor = _base.reader_id(args)
    sheet_id = reporting.find_sheet(uow, args.number)
    if args.draft:
        draft = reporting.draft_reply_letter(uow, actor, sheet_id, lang)
        if _base.wants_json(args):
            _base.print_json(draft)
        else:
            sys.stdout.write(draft.text)
        return 0
    if args.text:
        text = _base.read_text_file(args.text)
    else:
        text = reporting.draft_reply_letter(uow, actor, sheet_id, lang).text
    data = reporting.reply_letter_pdf(uow, actor, sheet_id, text, lang)
    return _done(args, args.out, data, f"reply letter for {args.number}")
