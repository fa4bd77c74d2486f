"""``helpdesk sheet …``: list, show, register, and every step of the workflow.

Each workflow step logs in as ``--user`` and calls the same service as the desktop,
so the state machine, the role rules (only the director closes) and the audit trail
are exactly the application's. ``--expect-version N`` refuses the step if somebody
saved the sheet since you read version N.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from helpdesk import lazy_module
from helpdesk.cli import _base
from helpdesk.domain import deadlines, sla, vocabulary
from helpdesk.domain.complaints import Effectiveness, ResponsibleArea, SheetState, VisitKind
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import ValidationError
from helpdesk.domain.filters import DueFilter, SheetFilter, SheetSort

if TYPE_CHECKING:
    from helpdesk.services import common
    from helpdesk.services import complaints as sheet_services
    from helpdesk.services import customers as customer_services
    from helpdesk.services.dto import SheetDetail, SheetRow
    from helpdesk.transfer import spreadsheets as importing
else:  # loaded when the command runs, not for `helpdesk --help`
    common = lazy_module("helpdesk.services.common")
    sheet_services = lazy_module("helpdesk.services.complaints")
    customer_services = lazy_module("helpdesk.services.customers")
    importing = lazy_module("helpdesk.transfer.spreadsheets")

_SORTS = {"received": SheetSort.RECEIVED_DESC, "oldest": SheetSort.RECEIVED_ASC,
          "due": SheetSort.DUE, "number": SheetSort.NUMBER}
DEFAULT_LIMIT = 100


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    actions = _base.group(subparsers, "sheet")
    common_opts = _base.common_options()
    _register_list(actions, common_opts)

    show = actions.add_parser("show", parents=[common_opts], help="one sheet in full")
    show.add_argument("number", help="sheet number, e.g. TS-2026-000123")
    _base.user_option(show, required=False)
    show.set_defaults(func=run_show)

    _register_register(actions, common_opts)
    _register_workflow(actions, common_opts)


# ====================================================================== list
def _register_list(actions: Any, common_opts: argparse.ArgumentParser) -> None:
    lst = actions.add_parser(
        "list", parents=[common_opts], help="list sheets with the time left",
        description="List complaint sheets, newest first (--overdue/--due-today: most "
                    "urgent first). Text output shows the time left to the next deadline; "
                    "overdue sheets say OVERDUE.")
    due = lst.add_mutually_exclusive_group()
    due.add_argument("--overdue", action="store_true", help="a deadline has passed")
    due.add_argument("--due-today", action="store_true", help="a deadline falls today")
    due.add_argument("--update-due", action="store_true",
                     help="the customer is owed a progress update (CRM preset: every 24 h)")
    lst.add_argument("--state", action="append", metavar="STATE",
                     help="registered, acknowledged, in_progress, waiting, resolved, visited, "
                          "closed (or 已登记…; repeat for several)")
    lst.add_argument("--open", action="store_true", help="leave out closed sheets")
    lst.add_argument("--channel", action="append", metavar="CHANNEL",
                     help=", ".join(c.value for c in Channel) + " (or 接待, 400…)")
    lst.add_argument("--severity", metavar="SEVERITY", help="major/重大 or general/一般")
    lst.add_argument("--category", action="append", metavar="CATEGORY",
                     help="category code or name (维修质量…)")
    lst.add_argument("--mine", action="store_true",
                     help="only sheets --user is responsible for")
    lst.add_argument("--search", metavar="TEXT",
                     help="sheet number or its tail (421), customer name/pinyin, phone tail, "
                          "plate, VIN tail, or words in the sheet's text (异味)")
    lst.add_argument("--from", dest="date_from", type=_base.when, metavar="DATE",
                     help="received on or after")
    lst.add_argument("--to", dest="date_to", type=_base.when, metavar="DATE",
                     help="received up to (a date alone includes that whole day)")
    lst.add_argument("--sort", choices=sorted(_SORTS), help="received (newest first), "
                     "oldest, due (most urgent first), number")
    lst.add_argument("--limit", type=_base.positive_int, default=DEFAULT_LIMIT, metavar="N",
                     help=f"at most N sheets (default {DEFAULT_LIMIT}; 0: all)")
    _base.user_option(lst, required=False)
    lst.set_defaults(func=run_list)


def _choices(values: list[str] | None, enum_cls: Any, field: str) -> frozenset[Any]:
    return frozenset(vocabulary.parse_term(v, enum_cls, field) for v in values or ())


def _categories(args: argparse.Namespace, values: list[str] | None) -> frozenset[str]:
    if not values:
        return frozenset()
    uow = _base.uow(args)
    with uow.reading():
        known = common.categories(uow)
    codes = set()
    for value in values:
        code = importing.match_category(known, value)
        if code is None:
            raise ValidationError(
                "category", "category.invalid",
                f"unknown category {value!r}; use one of: {', '.join(known)}")
        codes.add(code)
    return frozenset(codes)


def judge(row: SheetRow, now: datetime) -> deadlines.SheetDeadlines:
    """The row's deadlines at ``now`` by the one rule (as the list and its filters)."""
    return deadlines.sheet_deadlines(
        row.state, response_due_at=row.response_due_at,
        resolution_due_at=row.resolution_due_at, acknowledged_at=row.acknowledged_at,
        resolved_at=row.resolved_at, waiting_since=row.waiting_since, now=now,
        received_at=row.received_at)


def time_left(row: SheetRow, now: datetime,
              lang: str = vocabulary.DEFAULT_LANGUAGE) -> tuple[str, bool, int | None]:
    """Text for the list (the desktop list's words, from the one catalog), whether
    overdue, minutes left (negative when late; ``None`` once done)."""
    judged = judge(row, now)
    status, kind = judged.status, judged.current
    if status is None or kind is None:
        return "", False, None
    text = vocabulary.deadline_words(status.state, status.remaining,
                                     response=kind is deadlines.Clock.RESPONSE, lang=lang)
    done = status.state in (sla.SlaState.MET, sla.SlaState.MISSED)
    minutes = None if done else int(status.remaining // timedelta(minutes=1))
    return text, status.state is sla.SlaState.OVERDUE, minutes


def run_list(args: argparse.Namespace) -> int:
    reader = _base.reader_id(args)
    responsible = reader if args.mine else None
    if args.mine and not args.user:
        raise _base.CliError("--mine needs --user NAME", code="user.required")
    received_to = args.date_to
    if received_to is not None and received_to.time() == datetime.min.time():
        received_to += timedelta(days=1)
    due = DueFilter.OVERDUE if args.overdue else DueFilter.DUE_TODAY if args.due_today \
        else DueFilter.UPDATE_DUE if args.update_due else None
    sort = _SORTS[args.sort] if args.sort else (SheetSort.DUE if due else
                                                 SheetSort.RECEIVED_DESC)
    sheet_filter = SheetFilter(
        states=_choices(args.state, SheetState, "state"),
        channels=_choices(args.channel, Channel, "channel"),
        severities=_choices([args.severity] if args.severity else None, Severity, "severity"),
        categories=_categories(args, args.category),
        responsible_user_id=responsible, due=due, received_from=args.date_from,
        received_to=received_to, text=args.search or "", sort=sort,
        include_closed=not args.open)
    uow = _base.uow(args)
    ids = sheet_services.list_sheet_ids(uow, reader, sheet_filter)
    shown = ids if args.limit == 0 else ids[:args.limit]
    rows = sheet_services.sheet_rows(uow, shown)
    now = common.now()
    # issue 11: where the words searched for stand in each sheet's text
    matches = sheet_services.text_matches(uow, reader, shown, args.search or "")
    if _base.wants_json(args):
        items = []
        for row in rows:
            text, overdue, minutes = time_left(row, now, _base.language(args))
            judged = judge(row, now)
            running = minutes is not None
            items.append({**dataclasses.asdict(row),
                          "next_due": judged.current.value if running and judged.current
                          else None,
                          "next_due_at": judged.due if running else None,
                          "minutes_left": minutes, "overdue": overdue,
                          "paused": judged.paused,
                          "match": "".join(matches[row.id]) if row.id in matches else None})
        _base.print_json({"total": len(ids), "shown": len(rows), "now": now, "sheets": items})
        return 0
    table = []
    for row in rows:
        text, overdue, _ = time_left(row, now, _base.language(args))
        table.append(["!" if overdue else "", row.number, _base.fmt_time(row.received_at),
                      row.customer_name, row.plate_or_order, _base.word(args, row.channel),
                      _base.word(args, row.severity), _base.word(args, row.state),
                      row.responsible_name, text])
        if matches:
            before, hit, after = matches.get(row.id, ("", "", ""))
            table[-1].append(f"{before}[{hit}]{after}" if hit else "")
    if table:
        headers = ["number", "received", "customer", "plate_or_order", "channel", "severity",
                   "state", "responsible", "time_left"] + (["text_match"] if matches else [])
        _base.print_table(["", *(_base.say(args, f"col.{h}") for h in headers)], table,
                          limits=[1, 20, 16, 16, 18, 20, 8, 16, 10, 60, 50][:len(headers) + 1])
    more = _base.say(args, "sheets.more", shown=len(rows)) if len(rows) < len(ids) else ""
    _base.info(_base.say(args, "sheets.count", total=len(ids), more=more,
                         now=f"{now:%Y-%m-%d %H:%M}"))
    return 0


# ====================================================================== show
def run_show(args: argparse.Namespace) -> int:
    reader = _base.reader_id(args)
    uow = _base.uow(args)
    detail = sheet_services.get_sheet(uow, reader, sheet_services.find_sheet_id(
        uow, args.number))
    if _base.wants_json(args):
        _base.print_json(detail)
    else:
        print_detail(detail, lambda value: _base.word(args, value))
    return 0


def print_detail(d: SheetDetail, word: Callable[[Any], str]) -> None:
    """The sheet as text; ``word`` names enum members in the reader's language."""
    def line(label: str, value: object) -> None:
        if value not in (None, "", 0, False):
            print(f"  {label:<18} {value}")

    print(f"{d.number}  [{word(d.state)}]  version {d.version}  {d.store_name}")
    line("received", f"{_base.fmt_time(d.received_at)} by {d.received_by_name or '-'}")
    line("channel/severity", f"{word(d.channel)} / {word(d.severity)} / {d.category}")
    line("customer", f"{d.customer_name} {d.customer_phone}".strip())
    if d.vehicle:
        line("vehicle", f"{d.vehicle.plate} {d.vehicle.vin} {d.vehicle.brand} "
                        f"{d.vehicle.model}".strip())
    if d.order:
        line("order", f"{d.order.number} {d.order.ordered_at} "
                      f"{_base.fmt_money(d.order.amount_cents)}")
    line("mileage (km)", d.mileage_km)
    line("complaint", d.description)
    line("request", d.customer_request)
    if d.responsible_area:
        line("responsible", f"{word(d.responsible_area)} / {d.responsible_name}")
    line("root cause", d.root_cause)
    line("correction", d.correction)
    if d.compensation_cents:
        line("compensation", _base.fmt_money(d.compensation_cents))
    line("measure", d.long_term_measure)
    if d.rework_needed:
        line("rework", f"needed; completed {_base.fmt_time(d.rework_completed_at) or 'not yet'}")
    line("escalated to OEM", "yes" if d.escalated_to_oem else "")
    line("response due", _base.fmt_time(d.response_due_at))
    line("acknowledged", f"{_base.fmt_time(d.acknowledged_at)} {d.acknowledged_by_name}"
         .strip() + (" (late)" if d.response_on_time is False else ""))
    line("resolution due", _base.fmt_time(d.resolution_due_at))
    line("resolved", _base.fmt_time(d.resolved_at) +
         (" (late)" if d.resolution_on_time is False else ""))
    line("closed", f"{_base.fmt_time(d.closed_at)} {d.closed_by_name} {d.closing_remark}"
         .strip())
    if d.sla is not None:
        for name, status in (("response", d.sla.response), ("resolution", d.sla.resolution)):
            if status is None:
                continue
            text = sla.format_remaining(status.remaining)
            line(f"SLA {name}", f"{word(status.state)} ({text})")
    for p in d.progress:
        notified = " [customer told]" if p.customer_notified else ""
        print(f"  progress  {_base.fmt_time(p.at)} {p.by_name}: {p.text}{notified}")
    for v in d.visits:
        print(f"  visit     {_base.fmt_time(v.visited_at)} {v.by_name or '-'}: "
              f"satisfaction {v.satisfaction} {v.feedback}".rstrip())
    for a in d.actions:
        due = a.due_date.isoformat() if a.due_date else "-"
        print(f"  action #{a.id} {a.description} (owner {a.owner_name or '-'}, due {due}, "
              f"{word(a.effectiveness)})")
    for t in d.transitions:
        print(f"  history   {_base.fmt_time(t.at)} {t.by_name or '-'}: {t.action} "
              f"{word(t.from_state)} → {word(t.to_state)} {t.note}".rstrip())
    allowed = [a.action.value for a in d.available if a.allowed]
    if allowed:
        print(f"  next steps for the reader: {', '.join(allowed)}")


# ====================================================================== register
def _register_register(actions: Any, common_opts: argparse.ArgumentParser) -> None:
    reg = actions.add_parser(
        "register", parents=[common_opts], help="register a complaint",
        description="Register a complaint for an existing customer (--customer-id) or a "
                    "new one (--customer-name and --phone), all in one transaction.")
    reg.add_argument("--channel", required=True,
                     help=", ".join(c.value for c in Channel) + " (or 接待, 400…)")
    reg.add_argument("--severity", required=True, help="major/重大 or general/一般")
    reg.add_argument("--category", required=True, help="category code or name (维修质量…)")
    reg.add_argument("--description", required=True, help="what the customer says")
    reg.add_argument("--request", default="", help="what the customer asks for (客户诉求)")
    reg.add_argument("--received-at", type=_base.when, metavar="WHEN",
                     help="when it was received (default: now)")
    reg.add_argument("--mileage", metavar="KM")
    reg.add_argument("--store", metavar="CODE", help="store (default: the user's)")
    who = reg.add_argument_group("customer (existing: --customer-id; new: name and phone)")
    who.add_argument("--customer-id", type=int, metavar="ID")
    who.add_argument("--customer-name", metavar="NAME")
    who.add_argument("--phone")
    what = reg.add_argument_group("vehicle or order (found on the customer, or added)")
    what.add_argument("--vehicle-id", type=int, metavar="ID")
    what.add_argument("--order-id", type=int, metavar="ID")
    what.add_argument("--vin")
    what.add_argument("--plate")
    what.add_argument("--brand", default="")
    what.add_argument("--model", default="")
    what.add_argument("--order-number", metavar="NUMBER",
                      help="an order of the customer (new customers: created)")
    what.add_argument("--order-amount", default="0", metavar="YUAN")
    _base.user_option(reg, required=True)
    reg.set_defaults(func=run_register)


def _existing_refs(args: argparse.Namespace, actor: int) -> tuple[int | None, int | None,
                                                                   Any]:
    """Vehicle/order ids of an existing customer matched by VIN, plate or order number,
    or a new vehicle to add to them."""
    vehicle_id, order_id, new_vehicle = args.vehicle_id, args.order_id, None
    if not (args.vin or args.plate or args.order_number):
        return vehicle_id, order_id, None
    customer = customer_services.get_customer(_base.uow(args), actor, args.customer_id)
    from helpdesk.domain import validation

    if args.vin:
        vin = validation.validate_vin(args.vin)
        found = [v.id for v in customer.vehicles if v.vin == vin]
        if found:
            vehicle_id = found[0]
        else:
            new_vehicle = customer_services.VehicleInput(vin=args.vin, plate=args.plate or "",
                                                         brand=args.brand, model=args.model)
    elif args.plate:
        plate = validation.validate_plate(args.plate)
        found = [v.id for v in customer.vehicles if v.plate == plate]
        if not found:
            raise ValidationError(
                "plate", "plate.unknown",
                f"customer #{customer.id} has no vehicle {plate}; give --vin to add it")
        vehicle_id = found[0]
    if args.order_number:
        number = validation.validate_order_number(args.order_number)
        found = [o.id for o in customer.orders if o.number == number]
        if not found:
            raise ValidationError("order_number", "order.not_customers",
                                            f"customer #{customer.id} has no order {number}")
        order_id = found[0]
    return vehicle_id, order_id, new_vehicle


def run_register(args: argparse.Namespace) -> int:
    if args.customer_id is None and not (args.customer_name and args.phone):
        raise _base.CliError("give --customer-id, or --customer-name and --phone for a new "
                             "customer", code="customer.required")
    if args.customer_id is not None and (args.customer_name or args.phone):
        raise _base.CliError("--customer-id and --customer-name/--phone exclude each other",
                             code="customer.both")
    actor = _base.login(args)
    category = next(iter(_categories(args, [args.category])))
    new_customer = new_vehicle = None
    vehicle_id, order_id = args.vehicle_id, args.order_id
    if args.customer_id is None:
        vehicles = (customer_services.VehicleInput(vin=args.vin, plate=args.plate or "",
                                                   brand=args.brand, model=args.model),) \
            if args.vin else ()
        orders = (customer_services.OrderInput(number=args.order_number,
                                               amount=args.order_amount),) \
            if args.order_number else ()
        new_customer = customer_services.CustomerInput(
            name=args.customer_name, phones=(args.phone,), vehicles=vehicles, orders=orders,
            store_id=_base.store_id(args, args.store))
    else:
        vehicle_id, order_id, new_vehicle = _existing_refs(args, actor.id)
    data = sheet_services.SheetInput(
        channel=vocabulary.parse_term(args.channel, Channel, "channel"),
        severity=vocabulary.parse_term(args.severity, Severity, "severity"),
        category=category, description=args.description, customer_id=args.customer_id,
        customer_request=args.request, vehicle_id=vehicle_id, order_id=order_id,
        mileage_km=args.mileage, received_at=args.received_at,
        store_id=_base.store_id(args, args.store))
    detail = sheet_services.register(_base.uow(args), actor.id, data,
                                     new_customer=new_customer, new_vehicle=new_vehicle)
    _report(args, detail, "registered")
    return 0


# ====================================================================== workflow
Call = Callable[[Any, int, int, argparse.Namespace, int | None], "SheetDetail"]


def _register_workflow(actions: Any, common_opts: argparse.ArgumentParser) -> None:
    def step(name: str, help_text: str, call: Call,
             configure: Callable[[argparse.ArgumentParser], object] | None = None,
             group: Any = None, positional: bool = True) -> None:
        parser = (group or actions).add_parser(name, parents=[common_opts], help=help_text)
        if positional:
            parser.add_argument("number", help="sheet number")
        if configure:
            configure(parser)
        parser.add_argument("--expect-version", type=int, metavar="N",
                            help="refuse if the sheet was saved since version N")
        _base.user_option(parser, required=True)
        parser.set_defaults(func=lambda args: _run_step(args, call, name))

    def note(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--note", default="", help="a note kept with the step")

    step("acknowledge", "record the response (已响应)",
         lambda u, a, s, x, v: sheet_services.acknowledge(u, a, s, expected_version=v,
                                                          note=x.note), note)

    def assign_options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--area", required=True,
                            help=", ".join(r.value for r in ResponsibleArea) + " (or 技术…)")
        parser.add_argument("--to", required=True, metavar="USERNAME",
                            help="the responsible person")
        note(parser)

    step("assign", "set the responsible area and person (starts the work)",
         lambda u, a, s, x, v: sheet_services.assign(
             u, a, s, vocabulary.parse_term(x.area, ResponsibleArea, "responsible_area"),
             _base.user_id(x, x.to), expected_version=v, note=x.note), assign_options)

    def progress_options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("text", help="what was done or said")
        parser.add_argument("--notified", action="store_true",
                            help="the customer was told (seed 002: every 24 h)")

    step("progress", "add an entry to the progress log",
         lambda u, a, s, x, v: sheet_services.add_progress(
             u, a, s, x.text, customer_notified=x.notified, expected_version=v),
         progress_options)

    def analysis_options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--root-cause", metavar="TEXT")
        parser.add_argument("--correction", metavar="TEXT",
                            help="what was done for this customer (缺点纠正)")
        parser.add_argument("--compensation", metavar="YUAN", help="e.g. 200.00")
        parser.add_argument("--measure", metavar="TEXT",
                            help="concrete long-term measure: what changes, who, by when")
        parser.add_argument("--rework", type=_base.yes_no, metavar="yes|no")
        parser.add_argument("--rework-done", type=_base.when, metavar="WHEN")

    step("analysis", "record root cause, correction, compensation, measure, rework",
         lambda u, a, s, x, v: sheet_services.record_analysis(
             u, a, s, expected_version=v, root_cause=x.root_cause, correction=x.correction,
             compensation=x.compensation, long_term_measure=x.measure,
             rework_needed=x.rework, rework_completed_at=x.rework_done), analysis_options)

    step("wait", "wait for the customer (pauses the resolution clock)",
         lambda u, a, s, x, v: sheet_services.wait_for_customer(u, a, s, x.reason,
                                                                expected_version=v),
         lambda p: p.add_argument("--reason", required=True))
    step("resume", "the customer answered: the clock runs again",
         lambda u, a, s, x, v: sheet_services.resume(u, a, s, expected_version=v,
                                                     note=x.note), note)
    step("resolve", "mark resolved (needs root cause, correction and a concrete measure)",
         lambda u, a, s, x, v: sheet_services.resolve(u, a, s, expected_version=v,
                                                      note=x.note), note)

    def visit_options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--satisfaction", required=True, metavar="1-5")
        parser.add_argument("--feedback", default="")
        parser.add_argument("--kind", default=VisitKind.SATISFACTION.value,
                            choices=[k.value for k in VisitKind])
        parser.add_argument("--method", default="phone", help="phone, visit, wechat…")

    step("visit", "record a return visit (回访) with the customer's satisfaction",
         lambda u, a, s, x, v: sheet_services.record_return_visit(
             u, a, s, x.satisfaction, x.feedback, kind=x.kind, method=x.method,
             expected_version=v), visit_options)
    step("close", "close the sheet (service director; needs a return visit)",
         lambda u, a, s, x, v: sheet_services.close(u, a, s, x.remark, expected_version=v),
         lambda p: p.add_argument("--remark", default=""))
    step("reopen", "reopen a resolved, visited or closed sheet",
         lambda u, a, s, x, v: sheet_services.reopen(u, a, s, x.reason, expected_version=v),
         lambda p: p.add_argument("--reason", required=True))

    corrective = _base.group(actions, "action", "corrective and preventive actions")

    def add_options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--description", required=True,
                            help="concrete: what changes, who owns it, by when")
        parser.add_argument("--owner", required=True, metavar="USERNAME")
        parser.add_argument("--due", required=True, type=_base.day, metavar="DATE")

    step("add", "add a corrective/preventive action with owner and due date",
         lambda u, a, s, x, v: sheet_services.add_corrective_action(
             u, a, s, x.description, _base.user_id(x, x.owner), x.due, expected_version=v),
         add_options, group=corrective)

    def check_options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("action_id", type=int, help="the action's number (sheet show)")
        parser.add_argument("--effectiveness", required=True,
                            choices=[e.value for e in Effectiveness])
        parser.add_argument("--note", default="")

    step("check", "record whether an action worked (效果验证)",
         lambda u, a, s, x, v: sheet_services.check_corrective_action(
             u, a, s, x.action_id, x.effectiveness, x.note, expected_version=v),
         check_options, group=corrective)


def _run_step(args: argparse.Namespace, call: Call, name: str) -> int:
    actor = _base.login(args)
    uow = _base.uow(args)
    sheet_id = sheet_services.find_sheet_id(uow, args.number)
    detail = call(uow, actor.id, sheet_id, args, args.expect_version)
    _report(args, detail, name)
    return 0


def _report(args: argparse.Namespace, detail: SheetDetail, done: str) -> None:
    if _base.wants_json(args):
        _base.print_json(detail)
        return
    allowed = [a.action.value for a in detail.available if a.allowed]
    after = f"; next: {', '.join(allowed)}" if allowed else ""
    print(f"{detail.number}: {done} — now {_base.word(args, detail.state)} "
          f"(version {detail.version}){after}")
