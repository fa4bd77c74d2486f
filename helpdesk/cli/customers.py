"""``helpdesk customer …``: find (the browser's search and ranking), show, add."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from helpdesk import lazy_module
from helpdesk.cli import _base
from helpdesk.domain import shortlists, vocabulary
from helpdesk.domain.customers import CustomerKind, Gender, OrderKind, Tier
from helpdesk.domain.filters import SheetFilter

if TYPE_CHECKING:
    from helpdesk.services import complaints as sheet_services
    from helpdesk.services import customers as customer_services
else:  # loaded when the command runs, not for `helpdesk --help`
    sheet_services = lazy_module("helpdesk.services.complaints")
    customer_services = lazy_module("helpdesk.services.customers")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    actions = _base.group(subparsers, "customer")
    common = _base.common_options()

    find = actions.add_parser(
        "find", parents=[common], help="search as the customer browser does",
        description="Find customers by name, pinyin (zs, zhangsan), phone or its last four "
                    "digits, plate (any spelling), VIN or its tail, order number; best "
                    "match first.")
    find.add_argument("query")
    find.add_argument("--limit", type=_base.positive_int, default=20, metavar="N",
                      help="show the best N (a longer list says so at its end)")
    _base.user_option(find, required=False)
    find.set_defaults(func=run_find)

    show = actions.add_parser("show", parents=[common],
                              help="a customer with vehicles, orders and complaint sheets")
    show.add_argument("id", type=int)
    _base.user_option(show, required=False)
    show.set_defaults(func=run_show)

    add = actions.add_parser("add", parents=[common], help="add a customer")
    add.add_argument("--name", required=True)
    add.add_argument("--phone", action="append", required=True,
                     help="phone number (repeat for several)")
    add.add_argument("--kind", default="individual", help="individual/个人 or company/单位")
    add.add_argument("--gender", default="", help="male/男 or female/女")
    add.add_argument("--email", default="")
    add.add_argument("--wechat", default="")
    add.add_argument("--address", default="")
    add.add_argument("--birthday", type=_base.day, metavar="DATE")
    add.add_argument("--national-id", default="", metavar="ID",
                     help="resident ID number (身份证号), 18 characters (old cards: 15)")
    add.add_argument("--tier", default="regular", help="regular/普通, vip, senior_vip/高级VIP")
    add.add_argument("--source", default="")
    add.add_argument("--consent", action="store_true", help="agrees to marketing contact")
    add.add_argument("--note", default="")
    add.add_argument("--store", metavar="CODE")
    vehicle = add.add_argument_group("vehicle")
    vehicle.add_argument("--vin")
    vehicle.add_argument("--plate", default="")
    vehicle.add_argument("--brand", default="")
    vehicle.add_argument("--model", default="")
    vehicle.add_argument("--mileage", metavar="KM")
    vehicle.add_argument("--purchase-date", type=_base.day, metavar="DATE")
    vehicle.add_argument("--accept-vin-mismatch", action="store_true",
                         help="accept a VIN whose check digit differs (managers; audited)")
    order = add.add_argument_group("order")
    order.add_argument("--order-number", metavar="NUMBER")
    order.add_argument("--order-kind", default=None,
                       help="vehicle_sale/整车销售, service/维修保养, parts/配件, retail/零售")
    order.add_argument("--order-date", type=_base.day, metavar="DATE")
    order.add_argument("--order-amount", default="0", metavar="YUAN")
    order.add_argument("--order-items", default="")
    _base.user_option(add, required=True)
    add.set_defaults(func=run_add)


def run_find(args: argparse.Namespace) -> int:
    if args.limit < 1:  # checked here, not by argparse, to be said in the user's language
        raise _base.CliError(_base.say(args, "customers.limit"), code="limit.too_small")
    reader = _base.reader_id(args)
    hits, more = shortlists.shortlist(
        lambda limit: customer_services.find_customers(_base.uow(args), reader, args.query,
                                                       limit), args.limit)
    if _base.wants_json(args):
        _base.print_json(hits)
        return 0
    if not hits:
        _base.info(_base.say(args, "customers.none", query=args.query))
        return 0
    _base.print_table(
        [_base.say(args, f"col.{h}") for h in ("id", "name", "phone", "plates", "tier",
                                                "matched")],
        [[str(h.id), h.name, h.phone, " ".join(h.plates), _base.word(args, h.tier),
          f"{h.matched_kind} {h.matched_key}".strip()] for h in hits],
        limits=[8, 24, 16, 30, 10, 30])
    if more:
        _base.info(_base.say(args, "customers.more", shown=len(hits)))
    return 0


def run_show(args: argparse.Namespace) -> int:
    reader = _base.reader_id(args)
    uow = _base.uow(args)
    detail = customer_services.get_customer(uow, reader, args.id)
    sheet_ids = sheet_services.list_sheet_ids(uow, reader, SheetFilter(customer_id=args.id))
    sheets = sheet_services.sheet_rows(uow, sheet_ids)
    if _base.wants_json(args):
        _base.print_json({"customer": detail, "sheets": sheets})
        return 0
    d = detail
    print(f"#{d.id} {d.name} ({_base.word(args, d.kind)}, {_base.word(args, d.tier)})  "
          f"version {d.version}")
    if d.merged_into_id:
        print(f"  merged into #{d.merged_into_id}")
    for label, value in (("phones", ", ".join(d.phones)), ("gender", _base.word(args, d.gender)),
                         ("e-mail", d.email), ("WeChat", d.wechat), ("address", d.address),
                         ("birthday", d.birthday), ("ID number", d.national_id),
                         ("source", d.source),
                         ("owner", d.owner_name), ("marketing", "may contact"
                                                   if d.consent_marketing else ""),
                         ("note", d.note)):
        if value not in (None, "", _base.word(args, Gender.UNKNOWN)):
            print(f"  {label:<10} {value}")
    for c in d.contacts:
        print(f"  contact   {c.name} {c.role} {c.phone}".rstrip())
    for v in d.vehicles:
        print(f"  vehicle   {v.plate or '-'} {v.vin} {v.brand} {v.model}".rstrip())
    for o in d.orders:
        print(f"  order     {o.number} {o.ordered_at} {_base.word(args, o.kind)} "
              f"{_base.fmt_money(o.amount_cents)} {o.items}".rstrip())
    for s in sheets:
        print(f"  sheet     {s.number} {_base.fmt_time(s.received_at)} "
              f"{_base.word(args, s.state)} "
              f"{s.category}")
    if d.masked:
        _base.info("personal data is masked; pass --user NAME to read as yourself")
    return 0


def run_add(args: argparse.Namespace) -> int:
    actor = _base.login(args)
    store_id = _base.store_id(args, args.store)
    vehicles: tuple[customer_services.VehicleInput, ...] = ()
    if args.vin:
        vehicles = (customer_services.VehicleInput(
            vin=args.vin, plate=args.plate, brand=args.brand, model=args.model,
            mileage_km=args.mileage, purchase_date=args.purchase_date,
            override_vin_check=args.accept_vin_mismatch),)
    orders: tuple[customer_services.OrderInput, ...] = ()
    if args.order_number:
        kind = vocabulary.parse_term(args.order_kind, OrderKind, "order_kind") \
            if args.order_kind else OrderKind.SERVICE
        orders = (customer_services.OrderInput(
            number=args.order_number, kind=kind, ordered_at=args.order_date,
            amount=args.order_amount, items=args.order_items, store_id=store_id),)
    data = customer_services.CustomerInput(
        name=args.name, phones=tuple(args.phone),
        kind=vocabulary.parse_term(args.kind, CustomerKind, "kind"),
        gender=vocabulary.parse_term(args.gender, Gender, "gender") if args.gender
        else Gender.UNKNOWN,
        email=args.email, wechat=args.wechat, address=args.address, birthday=args.birthday,
        source=args.source, tier=vocabulary.parse_term(args.tier, Tier, "tier"),
        consent_marketing=args.consent, note=args.note, store_id=store_id,
        vehicles=vehicles, orders=orders, national_id=args.national_id)
    detail = customer_services.create_customer(_base.uow(args), actor.id, data)
    if _base.wants_json(args):
        _base.print_json(detail)
    else:
        print(f"customer #{detail.id} {detail.name} added")
    return 0
