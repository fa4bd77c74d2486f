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

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from helpdesk.domain import events, parsing
from helpdesk.domain import text as text_mod
from helpdesk.domain.customers import CustomerKind, Gender
from helpdesk.domain.errors import NotFound, ValidationError
from helpdesk.domain.months import midnight
from helpdesk.domain.users import Permission, User
from helpdesk.reports import i18n, kpi, monthly, tables
from helpdesk.reports.fonts import pdf_font
from helpdesk.reports.render_kpi import render_kpi
from helpdesk.reports.render_monthly import render_monthly
from helpdesk.reports.reply_letter import Letterhead, draft_letter, render_letter
from helpdesk.reports.sheet_print import PrintedAttachment, render_sheet
from helpdesk.services import analytics, common
from helpdesk.services import attachments as attachment_services
from helpdesk.services import complaints as complaint_services
from helpdesk.services.common import UnitOfWork
from helpdesk.services.dto import SheetDetail
from helpdesk.storage import report_queries

MAX_LETTER_LENGTH = 20_000


def _viewer(uow: UnitOfWork, actor_id: int, permission: Permission) -> User:
    return common.actor(uow, actor_id, permission)


def _audit(uow: UnitOfWork, actor_id: int, make: Callable[..., events.Event],
           **fields: Any) -> None:
    """Record that something was printed or made (``make``: the event class)."""
    if common.read_only(uow):  # issue 11: an archive is read-only; it records nothing
        return
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
        stores = [] if store_id is not None else [st.name for st in uow.stores.list()]
        return monthly.assemble(queries, first, store_id=store_id, store_name=store_name,
                                category_names=names, store_names=stores)


def _audit_report(uow: UnitOfWork, actor_id: int, report: monthly.MonthlyReport,
                  lang: str, fmt: str) -> None:
    _audit(uow, actor_id, events.ReportMade, store_id=report.store_id,
           details={"month": f"{report.month:%Y-%m}", "store_id": report.store_id,
                    "lang": lang, "format": fmt})


def monthly_pdf(uow: UnitOfWork, actor_id: int, request: MonthlyRequest, *,
                fresh: bool = False) -> bytes:
    """The monthly report as PDF bytes; audited. Once the month was issued this is the
    issued document, byte for byte (a reprint), unless ``fresh`` asks for a new
    rendering of today's figures (``regenerate_monthly`` says what changed)."""
    lang = i18n.normalize_language(request.lang)
    if not fresh:
        issued = issued_monthly(uow, actor_id, request)
        if issued is not None:
            _audit(uow, actor_id, events.ReportMade, store_id=issued.store_id,
                   details={"month": f"{issued.month:%Y-%m}", "store_id": issued.store_id,
                            "lang": issued.lang, "format": "pdf", "reprint": True})
            return issued.pdf
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


# ------------------------------------------------------------------ issued reports
@dataclass(frozen=True)
class IssuedReport:
    """A month's report as it was issued: the PDF that was signed and its figures.

    Attributes:
        month: first day of the month; store_id: the store, or ``None`` for all.
        lang: the language it was printed in.
        issued_at, issued_by: when and by whom (display name).
        figures: the figure table (``monthly.figures_text``); pdf: the document.
        figures_sha256, pdf_sha256: their SHA-256, stored with them.
    """

    month: date
    store_id: int | None
    lang: str
    issued_at: datetime
    issued_by: str
    figures: str
    figures_sha256: str
    pdf: bytes
    pdf_sha256: str

    @property
    def intact(self) -> bool:
        """Whether the stored document and figures still match their hashes."""
        return (_sha256(self.pdf) == self.pdf_sha256
                and _sha256(self.figures.encode("utf-8")) == self.figures_sha256)


@dataclass(frozen=True)
class FigureChange:
    """One figure whose regenerated value differs from the issued one ("" = absent)."""

    name: str
    issued: str
    now: str


@dataclass(frozen=True)
class Regeneration:
    """The month computed again and compared with the issued report (if any)."""

    report: monthly.MonthlyReport
    issued: IssuedReport | None
    changes: tuple[FigureChange, ...]

    @property
    def identical(self) -> bool:
        return self.issued is not None and not self.changes


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _issued(row: report_queries.IssuedRow) -> IssuedReport:
    return IssuedReport(row.month, row.store_id, row.lang, row.issued_at, row.issued_by_name,
                        row.figures, row.figures_sha256, row.pdf, row.pdf_sha256)


def compare_figures(issued: str, now: str) -> tuple[FigureChange, ...]:
    """The figures that differ between two figure tables, in the issued order."""
    def lines(text: str) -> dict[str, str]:
        return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)

    before, after = lines(issued), lines(now)
    names = list(before) + [name for name in after if name not in before]
    return tuple(FigureChange(name, before.get(name, ""), after.get(name, ""))
                 for name in names if before.get(name) != after.get(name))


def issued_monthly(uow: UnitOfWork, actor_id: int, request: MonthlyRequest
                   ) -> IssuedReport | None:
    """The issued report of the month and store, or ``None`` (``VIEW_REPORTS``)."""
    with uow.reading():
        _viewer(uow, actor_id, Permission.VIEW_REPORTS)
    store_id = resolve_store(uow, request.store)
    first = parsing.parse_month(request.month)
    with uow.reading():
        row = uow.reports.issued(first, store_id)
    return None if row is None else _issued(row)


def issue_monthly(uow: UnitOfWork, actor_id: int, request: MonthlyRequest) -> IssuedReport:
    """Issue a finished month's report (``ISSUE_REPORTS``): the PDF and its figure table
    are stored with their SHA-256; reprints give this document from then on.

    Raises:
        ValidationError: ``report.month_running`` before the month's end,
            ``report.already_issued`` if it was issued before (for that store or all).
    """
    with uow.reading():
        _viewer(uow, actor_id, Permission.ISSUE_REPORTS)
    lang = i18n.normalize_language(request.lang)
    store_id = resolve_store(uow, request.store)
    report = build_monthly_report(uow, request.month, store_id)
    month = f"{report.month:%Y-%m}"
    if not report.complete:
        raise ValidationError("month", "report.month_running",
                              f"{month} is not over yet", month=month)
    pdf = render_monthly(report, lang, font=pdf_font())
    figures = monthly.figures_text(report)
    at = common.now()
    with uow:
        user = common.actor(uow, actor_id, Permission.ISSUE_REPORTS)
        earlier = uow.reports.issued(report.month, store_id)
        if earlier is not None:
            raise ValidationError(
                "month", "report.already_issued", f"{month} was issued already",
                month=month, by=earlier.issued_by_name,
                at=f"{earlier.issued_at:%Y-%m-%d %H:%M}")
        row = report_queries.IssuedRow(
            report.month, report_queries.issue_scope(store_id), store_id, lang, at, user.id,
            user.display_name, figures, _sha256(figures.encode("utf-8")), pdf, _sha256(pdf))
        uow.reports.add_issued(row)
        uow.record(events.ReportIssued(
            at=at, **common.by(user), store_id=store_id,
            details={"month": month, "store_id": store_id, "lang": lang,
                     "figures_sha256": row.figures_sha256, "pdf_sha256": row.pdf_sha256}))
        uow.commit()
    return _issued(row)


def regenerate_monthly(uow: UnitOfWork, actor_id: int, request: MonthlyRequest
                       ) -> Regeneration:
    """Compute the month again and say whether, and where, it differs from the issued
    report (``VIEW_REPORTS``)."""
    report = monthly_report(uow, actor_id, request)
    issued = issued_monthly(uow, actor_id, request)
    changes = () if issued is None else compare_figures(issued.figures,
                                                        monthly.figures_text(report))
    return Regeneration(report, issued, changes)


# ------------------------------------------------------------------ customer KPIs
@dataclass(frozen=True)
class KpiRequest:
    """A customer KPI report: the period's first and last day (inclusive), a store."""

    first_day: str | date
    last_day: str | date
    store: str | int | None = None
    lang: str = i18n.DEFAULT_LANGUAGE


def kpi_report(uow: UnitOfWork, actor_id: int, request: KpiRequest) -> kpi.KpiReport:
    """Every figure of the customer KPI report (``VIEW_REPORTS``); the pyramid and the
    RFM classes as at the period's last day.

    Raises:
        ValidationError: a day that is not a date, ``period.order``, ``store.not_found``.
    """
    start = parsing.parse_date(request.first_day, field="first_day") \
        if isinstance(request.first_day, str) else request.first_day
    last = parsing.parse_date(request.last_day, field="last_day") \
        if isinstance(request.last_day, str) else request.last_day
    end = last + timedelta(days=1)
    with uow.reading():
        _viewer(uow, actor_id, Permission.VIEW_REPORTS)
    store_id = resolve_store(uow, request.store)
    retention = analytics.retention(uow, actor_id, start, end, store_id=store_id)
    satisfaction = analytics.csat(uow, actor_id, start, end, store_id=store_id)
    pyramid = analytics.pyramid(uow, actor_id, store_id=store_id, today=last)
    rfm = analytics.rfm(uow, actor_id, store_id=store_id, today=last)
    with uow.reading():
        stores = [(st.id, st.name) for st in uow.stores.list()]
    store_name = next((name for sid, name in stores if sid == store_id), None)
    return kpi.KpiReport(
        start=start, end=end, store_name=store_name,
        store_names=() if store_id is not None else tuple(name for _, name in stores),
        generated_at=common.now(),
        visits=satisfaction.visits, satisfied=satisfaction.satisfied,
        score_sum=round((satisfaction.average or 0) * satisfaction.visits),
        previous_buyers=retention.previous_buyers, retained=retention.retained,
        buyers=retention.buyers, repeat_buyers=retention.repeat_buyers,
        segments=tuple(kpi.KpiSegment(s.segment.value, s.customers, s.revenue_12m_cents,
                                      s.revenue_cents) for s in pyramid.segments),
        rfm=tuple(kpi.KpiRfm(c.rfm_class.value, c.customers, c.revenue_cents, c.avg_r,
                             c.avg_f, c.avg_m) for c in rfm.classes),
        ltv_years=analytics.LTV_REMAINING_YEARS,
    )


def kpi_document(uow: UnitOfWork, actor_id: int, request: KpiRequest, fmt: str) -> bytes:
    """The customer KPI report as ``pdf``, ``csv`` or ``xlsx``; audited."""
    if fmt not in ("pdf", *tables.FORMATS):
        raise ValidationError("format", "format.unknown",
                              f"unknown format {fmt!r}; choose pdf, csv or xlsx", value=fmt)
    lang = i18n.normalize_language(request.lang)
    report = kpi_report(uow, actor_id, request)
    data = render_kpi(report, lang, font=pdf_font()) if fmt == "pdf" else \
        kpi.export(report, lang, fmt)
    _audit(uow, actor_id, events.ReportMade, store_id=None,
           details={"report": "customer_kpi", "from": f"{report.start:%Y-%m-%d}",
                    "to": f"{report.last_day:%Y-%m-%d}", "store": report.store_name,
                    "lang": lang, "format": fmt})
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
                       printed_at=common.now(), font=pdf_font(),
                       attachments=_printed_attachments(uow, actor_id, sheet_id))
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


def reply_letter_pdf(uow: UnitOfWork, actor_id: int, sheet_id: int, letter_text: str,
                     lang: str = i18n.DEFAULT_LANGUAGE) -> bytes:
    """Print the (edited) letter for a sheet; audited with the text that was printed.

    Raises:
        ValidationError: ``letter.empty`` or ``letter.too_long``.
    """
    lang = i18n.normalize_language(lang)
    if not letter_text.strip():
        raise ValidationError("letter", "letter.empty", "the letter is empty")
    if len(letter_text) > MAX_LETTER_LENGTH:
        raise ValidationError("letter", "letter.too_long",
                              f"the letter is longer than {MAX_LETTER_LENGTH} characters",
                              max=MAX_LETTER_LENGTH)
    ctx = _sheet_context(uow, actor_id, sheet_id)
    pdf = render_letter(letter_text, lang, letterhead=ctx.letterhead, reference=ctx.detail.number,
                        font=pdf_font())
    _audit(uow, actor_id, events.SheetPrinted, sheet_id=sheet_id, kind="letter",
           details={"lang": lang, "text": letter_text})
    return pdf


# issue 11: the sheet printout lists the attachments and prints the photos
def _printed_attachments(uow: UnitOfWork, actor_id: int,
                         sheet_id: int) -> list[PrintedAttachment]:
    found = attachment_services.list_attachments(uow, actor_id, sheet_id)
    return [PrintedAttachment(
        a.filename, a.caption, a.size, a.added_at, a.added_by_name,
        attachment_services.attachment_data(uow, actor_id, a.id) if a.is_image else None)
        for a in found]


common.guard_use_cases(__name__)
