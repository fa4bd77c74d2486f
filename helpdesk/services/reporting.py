"""Use cases of the printed documents: the monthly report (PDF, CSV, XLSX), the sheet
printout and the reply letter.

The desktop and the command line call these same functions, so they produce the same
documents. ``actor_id`` is the user who asks: ``VIEW_REPORTS`` is needed for the
monthly report, ``VIEW_SHEETS`` for a sheet or a letter; phone numbers are masked for
users without the personal-data right. Every document made is audited, *after* it was
made and in its own short transaction, so a long report never holds the write lock
that desks need to save.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from helpdesk.domain import events, parsing
from helpdesk.domain import text as text_mod
from helpdesk.domain.customers import CustomerKind, Gender
from helpdesk.domain.errors import NotFound, ValidationError
from helpdesk.domain.months import midnight
from helpdesk.domain.users import Permission, User
from helpdesk.reports import i18n, monthly, tables
from helpdesk.reports.fonts import pdf_font
from helpdesk.reports.render_monthly import render_monthly
from helpdesk.reports.reply_letter import Letterhead, draft_letter, render_letter
from helpdesk.reports.sheet_print import render_sheet
from helpdesk.services import common
from helpdesk.services import complaints as complaint_services
from helpdesk.services.common import UnitOfWork
from helpdesk.services.dto import SheetDetail

MAX_LETTER_LENGTH = 20_000


def _viewer(uow: UnitOfWork, actor_id: int, permission: Permission) -> User:
    return common.actor(uow, actor_id, permission)


def _audit(uow: UnitOfWork, actor_id: int, make: Callable[..., events.Event],
           **fields: Any) -> None:
    """Record that something was printed or made (``make``: the event class)."""
    with uow:
        user = common.actor(uow, actor_id)
        uow.record(make(at=common.now(), **common.by(user), **fields))
        uow.commit()


def resolve_store(uow: UnitOfWork, store: str | int | None) -> int | None:
    """A store code (``TS``, any case or width), an id, or ``None``/"" for all stores.

    Raises:
        ValidationError: ``store.not_found`` naming what was asked for.
    """
    if store is None or (isinstance(store, str) and not store.strip()):
        return None
    with uow.reading():
        if isinstance(store, int):
            found = uow.stores.get(store)
        else:
            found = uow.stores.get_by_code(text_mod.normalize(store).upper())
        if found is None or found.id is None:
            codes = ", ".join(s.code for s in uow.stores.list())
            raise ValidationError("store", "store.not_found",
                                  f"there is no store {str(store)[:20]!r} (stores: {codes})",
                                  store=str(store)[:20], stores=codes)
        return int(found.id)


@dataclass(frozen=True)
class MonthlyRequest:
    """What the report screen and the command line ask for."""

    month: str | date
    store: str | int | None = None
    lang: str = i18n.DEFAULT_LANGUAGE


def monthly_report(uow: UnitOfWork, actor_id: int, request: MonthlyRequest, *,
                   list_limit: int | None = monthly.LIST_LIMIT) -> monthly.MonthlyReport:
    """The figures of the monthly report (``VIEW_REPORTS``)."""
    with uow.reading():
        _viewer(uow, actor_id, Permission.VIEW_REPORTS)
    store_id = resolve_store(uow, request.store)
    return build_monthly_report(uow, request.month, store_id, list_limit=list_limit)


def build_monthly_report(
    uow: UnitOfWork,
    month: str | date,
    store_id: int | None = None,
    *,
    list_limit: int | None = monthly.LIST_LIMIT,
) -> monthly.MonthlyReport:
    """Compute every figure of the report for ``month`` (and a store, or all), as of
    the services' clock; no permission check (``monthly_report`` makes it).

    Args:
        uow: a unit of work (opened read-only here).
        month: the month (``"2026-10"`` or a date in it).
        store_id: the store, or ``None`` for all stores.
        list_limit: rows each list keeps at most; ``None`` keeps all (exports).

    Raises:
        ValidationError: ``month.invalid``, ``month.future`` or ``store.not_found``.
    """
    first = parsing.parse_month(month)
    now = common.now()
    if midnight(first) > now:
        raise ValidationError("month", "month.future",
                              f"{first:%Y-%m} has not begun yet; choose a past month",
                              month=f"{first:%Y-%m}")
    with uow.reading():
        store_name = None
        if store_id is not None:
            store = uow.stores.get(store_id)
            if store is None:
                raise ValidationError("store", "store.not_found",
                                      f"there is no store with id {store_id}")
            store_name = store.name
        queries = uow.reports.monthly(store_id, now, list_limit)
        names = {code: tuple(values) for code, values in common.categories(uow).items()}
        return monthly.assemble(queries, first, store_id=store_id, store_name=store_name,
                                category_names=names)


def _audit_report(uow: UnitOfWork, actor_id: int, report: monthly.MonthlyReport,
                  lang: str, fmt: str) -> None:
    _audit(uow, actor_id, events.ReportMade, store_id=report.store_id,
           details={"month": f"{report.month:%Y-%m}", "store_id": report.store_id,
                    "lang": lang, "format": fmt})


def monthly_pdf(uow: UnitOfWork, actor_id: int, request: MonthlyRequest) -> bytes:
    """The monthly report as PDF bytes; audited."""
    lang = i18n.normalize_language(request.lang)
    report = monthly_report(uow, actor_id, request)
    pdf = render_monthly(report, lang, font=pdf_font())
    _audit_report(uow, actor_id, report, lang, "pdf")
    return pdf


def monthly_export(uow: UnitOfWork, actor_id: int, request: MonthlyRequest,
                   fmt: str) -> bytes:
    """The report's tables as ``csv`` or ``xlsx`` (complete lists); audited."""
    if fmt not in tables.FORMATS:
        raise ValidationError("format", "format.unknown",
                              f"unknown format {fmt!r}; choose pdf, csv or xlsx", value=fmt)
    lang = i18n.normalize_language(request.lang)
    report = monthly_report(uow, actor_id, request, list_limit=None)
    data = tables.export(report, lang, fmt)
    _audit_report(uow, actor_id, report, lang, fmt)
    return data


# ------------------------------------------------------------------ one sheet
@dataclass(frozen=True)
class _SheetContext:
    detail: SheetDetail
    categories: dict[str, tuple[str, ...]]
    letterhead: Letterhead
    gender: Gender
    is_company: bool


def _sheet_context(uow: UnitOfWork, actor_id: int, sheet_id: int) -> _SheetContext:
    with uow.reading():
        viewer = _viewer(uow, actor_id, Permission.VIEW_SHEETS)
        sheet = uow.sheets.get(sheet_id)
        if sheet is None:
            raise NotFound(f"sheet {sheet_id} does not exist", code="sheet.not_found")
        detail = complaint_services.detail(uow, sheet, viewer)
        store = uow.stores.get(sheet.store_id)
        customer = uow.customers.get(sheet.customer_id) if sheet.customer_id else None
        return _SheetContext(
            detail=detail,
            categories={k: tuple(v) for k, v in common.categories(uow).items()},
            letterhead=Letterhead(store.name if store else detail.store_name,
                                  store.address if store else "",
                                  store.phone if store else ""),
            gender=customer.gender if customer is not None else Gender.UNKNOWN,
            is_company=customer is not None and customer.kind is CustomerKind.COMPANY,
        )


def sheet_number(uow: UnitOfWork, sheet_id: int) -> str:
    """The number of a sheet (for titles and file names)."""
    with uow.reading():
        sheet = uow.sheets.get(sheet_id)
        if sheet is None:
            raise NotFound(f"sheet {sheet_id} does not exist", code="sheet.not_found")
        return str(sheet.number)


def find_sheet(uow: UnitOfWork, number: str) -> int:
    """The id of the sheet numbered ``number`` (``TS-2026-000123``, any case or width)."""
    return complaint_services.find_sheet_id(uow, text_mod.normalize(number).upper())


def sheet_pdf(uow: UnitOfWork, actor_id: int, sheet_id: int,
              lang: str = i18n.DEFAULT_LANGUAGE) -> bytes:
    """One sheet as the paper form (``VIEW_SHEETS``); audited."""
    lang = i18n.normalize_language(lang)
    ctx = _sheet_context(uow, actor_id, sheet_id)
    pdf = render_sheet(ctx.detail, lang, categories=ctx.categories,
                       printed_at=common.now(), font=pdf_font())
    _audit(uow, actor_id, events.SheetPrinted, sheet_id=sheet_id, kind="print",
           details={"lang": lang})
    return pdf


@dataclass(frozen=True)
class LetterDraft:
    """A drafted reply letter: the text to edit, and what it is about."""

    sheet_id: int
    number: str
    customer_name: str
    lang: str
    text: str


def draft_reply_letter(uow: UnitOfWork, actor_id: int, sheet_id: int,
                       lang: str = i18n.DEFAULT_LANGUAGE) -> LetterDraft:
    """The reply letter (seed 003 篇6) drafted from the sheet, for editing."""
    lang = i18n.normalize_language(lang)
    ctx = _sheet_context(uow, actor_id, sheet_id)
    text = draft_letter(ctx.detail, lang, letterhead=ctx.letterhead,
                        today=common.now().date(), gender=ctx.gender,
                        is_company=ctx.is_company)
    return LetterDraft(sheet_id, ctx.detail.number, ctx.detail.customer_name, lang, text)


def reply_letter_pdf(uow: UnitOfWork, actor_id: int, sheet_id: int, text: str,
                     lang: str = i18n.DEFAULT_LANGUAGE) -> bytes:
    """Print the (edited) letter for a sheet; audited with the text that was printed.

    Raises:
        ValidationError: ``letter.empty`` or ``letter.too_long``.
    """
    lang = i18n.normalize_language(lang)
    if not text.strip():
        raise ValidationError("letter", "letter.empty", "the letter is empty")
    if len(text) > MAX_LETTER_LENGTH:
        raise ValidationError("letter", "letter.too_long",
                              f"the letter is longer than {MAX_LETTER_LENGTH} characters",
                              max=MAX_LETTER_LENGTH)
    ctx = _sheet_context(uow, actor_id, sheet_id)
    pdf = render_letter(text, lang, letterhead=ctx.letterhead, reference=ctx.detail.number,
                        font=pdf_font())
    _audit(uow, actor_id, events.SheetPrinted, sheet_id=sheet_id, kind="letter",
           details={"lang": lang, "text": text})
    return pdf


common.guard_use_cases(__name__)
