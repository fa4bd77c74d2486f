"""``helpdesk demo``: fill a database with realistic, deterministic demo data."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from helpdesk import cli
from helpdesk.cli import _base


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "demo", parents=[_base.common_options()],
        help=cli.command_help("demo"),
        description="Load deterministic demo data: the same seed gives the same data. "
                    "Sizes: tiny, small, medium, large (200,000 customers, 1,000,000 "
                    "sheets); --customers/--sheets choose other numbers.")
    parser.add_argument("--size", default=None, metavar="SIZE",
                        help="tiny | small | medium | large (default small)")
    parser.add_argument("--customers", type=_base.positive_int, metavar="N")
    parser.add_argument("--sheets", type=_base.positive_int, metavar="N")
    parser.add_argument("--seed", type=int, default=None, metavar="N",
                        help="random seed (default: the module's fixed seed)")
    parser.add_argument("--user", metavar="NAME",
                        help="an administrator (needed for a database set up by `init`; "
                             "password from HELPDESK_PASSWORD or a prompt)")
    parser.set_defaults(func=run_demo)


class _Progress:
    """Progress on stderr: a line per stage and every tenth of the way."""

    def __init__(self) -> None:
        self.stage: object = None
        self.step = -1
        self.started = time.monotonic()

    def __call__(self, *parts: Any, **named: Any) -> None:
        values = list(parts) + list(named.values())
        numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        words = [str(v) for v in values if isinstance(v, str)]
        stage = " ".join(words) or "working"
        step = -1
        if len(numbers) >= 2 and numbers[1]:
            step = int(10 * numbers[0] / numbers[1])
        if stage == self.stage and step == self.step:
            return
        self.stage, self.step = stage, step
        where = f" {numbers[0]:,}/{numbers[1]:,}" if len(numbers) >= 2 else ""
        elapsed = time.monotonic() - self.started
        print(f"[{elapsed:6.1f} s] {stage}{where}", file=sys.stderr, flush=True)


def run_demo(args: argparse.Namespace) -> int:
    from helpdesk.demo import generator as demo

    sizes: dict[str, tuple[int, int]] = demo.SIZES
    size = args.size or ("small" if args.customers is None and args.sheets is None else None)
    if size is not None and size not in sizes:
        raise _base.CliError(f"unknown size {size!r}; choose one of {', '.join(sizes)}",
                             code="demo.size")
    customers, sheets = sizes[size] if size else (0, 0)
    if args.customers is not None:
        customers = args.customers
    if args.sheets is not None:
        sheets = args.sheets
    db = _base.open_db(args, create=True)
    _base.info(f"Loading demo data into {db.description}: {customers:,} customers, "
               f"{sheets:,} sheets…")
    options: dict[str, Any] = {"customers": customers, "sheets": sheets, "today": None,
                               "progress": _Progress()}
    if args.seed is not None:
        options["seed"] = args.seed
    if getattr(args, "user", None):
        # A database set up by `init` takes demo data only from its administrator.
        options["actor_id"] = _base.login(args).id
    summary = demo.load_demo(db.uow(), **options)
    if _base.wants_json(args):
        _base.print_json({"database": db.description, **_plain(summary)})
        return 0
    print(f"Demo data loaded into {db.description} in {summary.seconds:.1f} s: "
          f"{summary.customers:,} customers, {summary.vehicles:,} vehicles, "
          f"{summary.orders:,} orders, {summary.sheets:,} complaint sheets.")
    if summary.password:
        print(f"Log in with any of these users, password {summary.password}:")
        _base.print_table(["user", "role"], sorted(summary.users.items()))
    else:
        print("The demo staff were added without a password (this database was not made "
              "for the demo); give them one with `helpdesk user passwd` if they are to "
              "log in.")
    return 0


def _plain(summary: Any) -> dict[str, Any]:
    import dataclasses

    return dataclasses.asdict(summary)
