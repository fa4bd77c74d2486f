"""``helpdesk init``: a new database with its store, SLA preset and first administrator."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from helpdesk import cli, lazy_module
from helpdesk.cli import _base
from helpdesk.domain.sla import PRESETS

if TYPE_CHECKING:
    from helpdesk.services import setup
else:  # loaded when the command runs, not for `helpdesk --help`
    setup = lazy_module("helpdesk.services.setup")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "init", parents=[_base.common_options()],
        help=cli.command_help("init"),
        description="Set up a new database in one transaction (refused if it is set up "
                    "already). The administrator's password comes from --password-file, "
                    "else HELPDESK_PASSWORD, else a prompt.")
    parser.add_argument("--store", required=True, metavar="NAME", help="store name")
    parser.add_argument("--code", metavar="CODE",
                        help="store code, 1-8 letters/digits; prefixes sheet numbers "
                             "(TS → TS-2026-000123); default: the pinyin initials of the "
                             "store name (天顺汽车 → TSQC)")
    parser.add_argument("--preset", required=True, choices=sorted(PRESETS),
                        help="SLA preset: dealership (seed 003), retail (seed 004), "
                             "crm (seed 002)")
    parser.add_argument("--admin", required=True, metavar="NAME",
                        help="user name of the first administrator")
    parser.add_argument("--admin-name", metavar="DISPLAY", default="系统管理员",
                        help="the administrator's display name (default 系统管理员)")
    parser.add_argument("--password-file", metavar="FILE",
                        help="file whose first line is the password ('-' reads stdin)")
    parser.add_argument("--app-role", metavar="ROLE",
                        help="PostgreSQL: create this login role for the desks; it may add "
                             "to the audit trail but not change or delete it (the login "
                             "of --database stays the owner, for upgrades). Its password "
                             "comes from HELPDESK_APP_PASSWORD or a prompt.")
    parser.set_defaults(func=run_init)


def run_init(args: argparse.Namespace) -> int:
    db = _base.open_db(args, create=True)
    if setup.is_initialised(db.uow()):
        raise _base.CliError(f"{db.description} is set up already; nothing was changed",
                             code="setup.done")
    code = args.code or setup.default_store_code(args.store)
    if not args.code and not _base.wants_json(args):
        print(f"Store code {code or '?'}: the pinyin initials of {args.store!r} "
              "(pass --code to choose another).")
    password = _base.read_password(f"Password for {args.admin}: ", confirm=True,
                                   file=args.password_file)
    result = setup.initialise(db.uow(), store_name=args.store, store_code=code,
                              preset=args.preset, admin_username=args.admin,
                              admin_password=password, admin_display_name=args.admin_name)
    if args.app_role:
        from helpdesk.storage import pg_roles

        app_password = _base.read_password(f"Password for the role {args.app_role}: ",
                                           env="HELPDESK_APP_PASSWORD", confirm=True)
        pg_roles.grant_app_role(db.engine, args.app_role, app_password)
        if not _base.wants_json(args):
            print(f"Desks log in as {args.app_role}: it may add to the audit trail, never "
                  "change or delete it; upgrade the schema as the owner.")
    if _base.wants_json(args):
        _base.print_json({"database": db.description, "store": result.store,
                          "admin_id": result.admin_id, "admin": args.admin})
    else:
        print(f"Database {db.description} is set up: store {result.store.code} "
              f"{result.store.name} ({result.store.preset}), administrator {args.admin}.")
        print("Next: add staff with `helpdesk user add … --user " + args.admin + "`.")
    return 0
