"""``helpdesk user …``: staff accounts and their roles (administrators only)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from helpdesk import lazy_module
from helpdesk.cli import _base
from helpdesk.domain.users import ROLE_PERMISSIONS, Role

if TYPE_CHECKING:
    from helpdesk.services import users as user_services
else:  # loaded when the command runs, not for `helpdesk --help`
    user_services = lazy_module("helpdesk.services.users")

ROLE_NAMES = [r.value for r in Role]


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    actions = _base.group(subparsers, "user")
    common = _base.common_options()

    add = actions.add_parser("add", parents=[common], help="add a user")
    add.add_argument("username")
    add.add_argument("--name", required=True, metavar="DISPLAY", help="display name (姓名)")
    add.add_argument("--role", action="append", required=True, choices=ROLE_NAMES,
                     help="a role (repeat for several)")
    add.add_argument("--store", metavar="CODE", help="the user's store (default: none)")
    how = add.add_mutually_exclusive_group()
    how.add_argument("--password-file", metavar="FILE",
                     help="the new user's password, first line ('-' reads stdin); else "
                          "HELPDESK_NEW_PASSWORD, else a prompt")
    how.add_argument("--no-login", action="store_true",
                     help="staff who can be made responsible but cannot log in")
    _base.user_option(add, required=True)
    add.set_defaults(func=run_add)

    lst = actions.add_parser("list", parents=[common], help="list users")
    lst.add_argument("--active", action="store_true", help="only active users")
    lst.set_defaults(func=run_list)

    passwd = actions.add_parser("passwd", parents=[common],
                                help="set a password (administrators: anyone's; others: "
                                     "their own)")
    passwd.add_argument("username")
    passwd.add_argument("--password-file", metavar="FILE",
                        help="the new password, first line; else HELPDESK_NEW_PASSWORD, "
                             "else a prompt")
    _base.user_option(passwd, required=True)
    passwd.set_defaults(func=run_passwd)

    for name, active in (("deactivate", False), ("activate", True)):
        cmd = actions.add_parser(name, parents=[common],
                                 help=f"{name} a user (nothing is deleted)")
        cmd.add_argument("username")
        _base.user_option(cmd, required=True)
        cmd.set_defaults(func=run_active, active=active)

    roles = actions.add_parser("roles", parents=[common],
                               help="without a user: the roles and what each may do; with "
                                    "one: show or --set their roles")
    roles.add_argument("username", nargs="?")
    roles.add_argument("--set", action="append", choices=ROLE_NAMES, metavar="ROLE",
                       help="give exactly these roles (repeat for several)")
    _base.user_option(roles, required=False)
    roles.set_defaults(func=run_roles)


def _show_user(args: argparse.Namespace, info: Any) -> None:
    if _base.wants_json(args):
        _base.print_json(info)
    else:
        roles = ", ".join(r.value for r in info.roles)
        state = "active" if info.active else "deactivated"
        login = "" if info.can_login else ", cannot log in"
        print(f"{info.username} ({info.display_name}): {roles}; {state}{login}")


def run_add(args: argparse.Namespace) -> int:
    actor = _base.login(args)
    password = None
    if not args.no_login:
        password = _base.read_password(f"Password for the new user {args.username}: ",
                                       env=_base.ENV_NEW_PASSWORD, confirm=True,
                                       file=args.password_file)
    info = user_services.create_user(_base.uow(args), actor.id, args.username, args.name,
                                     args.role, password,
                                     store_id=_base.store_id(args, args.store))
    _show_user(args, info)
    return 0


def run_list(args: argparse.Namespace) -> int:
    users = user_services.list_users(_base.uow(args), include_inactive=not args.active)
    if _base.wants_json(args):
        _base.print_json([u for u in users])
        return 0
    _base.print_table(
        ["id", "user", "name", "roles", "active", "login", "last login"],
        [[str(u.id), u.username, u.display_name, ",".join(r.value for r in u.roles),
          "yes" if u.active else "no", "yes" if u.can_login else "no",
          _base.fmt_time(u.last_login_at)] for u in users])
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    username = args.user
    old = _base.read_password(f"Password for {username}: ")
    actor = user_services.login(_base.uow(args), username, old)
    target = _base.user_id(args, args.username)
    new = _base.read_password(f"New password for {args.username}: ",
                              env=_base.ENV_NEW_PASSWORD, confirm=True,
                              file=args.password_file)
    user_services.set_password(_base.uow(args), actor.id, target, new, old_password=old)
    if _base.wants_json(args):
        _base.print_json({"ok": True, "username": args.username})
    else:
        print(f"The password of {args.username} is changed.")
    return 0


def run_active(args: argparse.Namespace) -> int:
    actor = _base.login(args)
    info = user_services.update_user(_base.uow(args), actor.id,
                                     _base.user_id(args, args.username), active=args.active)
    _show_user(args, info)
    return 0


def run_roles(args: argparse.Namespace) -> int:
    if not args.username:
        if args.set:
            raise _base.CliError("--set needs the user name", code="user.required")
        table = {role.value: sorted(p.value for p in ROLE_PERMISSIONS[role]) for role in Role}
        if _base.wants_json(args):
            _base.print_json(table)
        else:
            for role, permissions in table.items():
                print(f"{role}: {', '.join(permissions)}")
        return 0
    if args.set:
        actor = _base.login(args)
        info = user_services.update_user(_base.uow(args), actor.id,
                                         _base.user_id(args, args.username), roles=args.set)
    else:
        wanted = _base.user_id(args, args.username)
        info = next(u for u in user_services.list_users(_base.uow(args)) if u.id == wanted)
    _show_user(args, info)
    return 0
