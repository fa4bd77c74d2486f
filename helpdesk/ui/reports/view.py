"""The report screen: pick a month, a store (or all) and a language, see the monthly
complaint analysis report, print it, save it as PDF, or export its tables.

The report is made by ``services.reporting`` off the UI thread (``ctx.run``); the screen
only shows the bytes it gets, so what it prints and saves is exactly what the command
line would write.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError
from helpdesk.domain.events import Changes
from helpdesk.domain.users import Permission
from helpdesk.reports import i18n as report_i18n
from helpdesk.reports.files import write_whole
from helpdesk.reports.monthly import add_months
from helpdesk.services import common, reporting, setup
from helpdesk.ui import i18n as ui_i18n
from helpdesk.ui import messages, widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.reports.preview import (
    PdfPreview,
    ask_save_path,
    named,
    pdf_filter,
)

MONTHS_OFFERED = 37  # this month and the three years before (records are kept two)
FOLDER_KEY = "reports/folder"
LANGUAGE_NAMES = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}


class ReportsView(QWidget):
    """The monthly report page of the main window.

    Attributes:
        preview: the PDF preview of the last report made.
        request: what the report shown was made for (None before the first).

    Signals:
        report_ready(int): a report is shown (its page count).
        file_saved(str): a PDF or an export was written (its path).
        failed(str): making or saving a document failed (the message shown).
    """

    report_ready = Signal(int)
    file_saved = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsView")
        self._ctx = ctx
        self.request: reporting.MonthlyRequest | None = None
        self._stale = False
        self._note: str | None = None  # what the shown document is, if not the monthly

        self._month_label = QLabel()
        self.month_combo = named(QComboBox(), "reportMonth")
        self._store_label = QLabel()
        self.store_combo = named(QComboBox(), "reportStore")
        self._lang_label = QLabel()
        self.lang_combo = named(QComboBox(), "reportLanguage")
        self.generate_button = named(QPushButton(), "reportGenerate")
        self.print_button = named(QPushButton(), "reportPrint")
        self.save_button = named(QPushButton(), "reportSavePdf")
        self.csv_button = named(QPushButton(), "reportExportCsv")
        self.xlsx_button = named(QPushButton(), "reportExportXlsx")
        self.issue_button = named(QPushButton(), "reportIssue")
        self.kpi_button = named(QPushButton(), "reportKpi")
        self.status_label = named(QLabel(), "reportStatus")
        self.status_label.setWordWrap(True)
        self.preview = PdfPreview(name="reportPreview", parent=self)

        for label, combo in ((self._month_label, self.month_combo),
                             (self._store_label, self.store_combo),
                             (self._lang_label, self.lang_combo)):
            label.setBuddy(combo)
        bar = QHBoxLayout()
        for widget in (self._month_label, self.month_combo, self._store_label,
                       self.store_combo, self._lang_label, self.lang_combo,
                       self.generate_button, self.kpi_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.print_button, self.save_button, self.csv_button, self.xlsx_button,
                       self.issue_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.preview, 1)
        if not self.allowed:
            # No empty preview pane: the page says whose work reports are, and stops.
            self.preview.hide()
            layout.addStretch(1)

        self._fill_months()
        self._fill_stores()
        for code, name in LANGUAGE_NAMES.items():
            self.lang_combo.addItem(name, code)
        current = ui_i18n.current_language()
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(
            current if current in LANGUAGE_NAMES else report_i18n.DEFAULT_LANGUAGE)))

        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save_pdf)
        self.csv_button.clicked.connect(lambda: self._on_export("csv"))
        self.xlsx_button.clicked.connect(lambda: self._on_export("xlsx"))
        self.issue_button.clicked.connect(self.issue)
        self.kpi_button.clicked.connect(self.customer_kpis)
        self.preview.loaded.connect(self._on_preview_loaded)
        ctx.bus.changed.connect(self._on_changes)
        self._retranslate()
        self._update_buttons()

    # ------------------------------------------------------------------ setup
    def _fill_months(self) -> None:
        first = common.now().date().replace(day=1)
        for back in range(MONTHS_OFFERED):
            month = add_months(first, -back)
            self.month_combo.addItem(report_i18n.month_short(month), month.isoformat())
        # At month end people report on the month just finished.
        self.month_combo.setCurrentIndex(1)

    def _fill_stores(self) -> None:
        chosen = self.store_combo.currentData()
        self.store_combo.clear()
        self.store_combo.addItem("", None)
        for store in setup.list_stores(self._ctx.uow()):
            self.store_combo.addItem(f"{store.name} ({store.code})", store.code)
        index = self.store_combo.findData(chosen) if chosen else 0
        self.store_combo.setCurrentIndex(max(0, index))
        self.store_combo.setItemText(0, self.tr("All stores"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._month_label.setText(self.tr("&Month:"))
        self._store_label.setText(self.tr("S&tore:"))
        self._lang_label.setText(self.tr("&Language:"))
        self.generate_button.setText(self.tr("&Generate"))
        self.generate_button.setToolTip(
            self.tr("Make the monthly complaint analysis report for the chosen month"))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("Save as P&DF…"))
        self.csv_button.setText(self.tr("Export &CSV…"))
        self.xlsx_button.setText(self.tr("Export &XLSX…"))
        self.issue_button.setText(self.tr("&Issue"))
        self.issue_button.setToolTip(self.tr(
            "Issue the finished month's report: the PDF and its figures are kept, and "
            "every reprint gives that document"))
        self.kpi_button.setText(self.tr("Customer &KPIs"))
        self.kpi_button.setToolTip(self.tr(
            "Satisfaction, retention, lifetime value, pyramid and RFM for the chosen month"))
        self.csv_button.setToolTip(self.tr("The report's tables, every row, for a spreadsheet"))
        self.xlsx_button.setToolTip(self.csv_button.toolTip())
        if self.store_combo.count():
            self.store_combo.setItemText(0, self.tr("All stores"))
        self._show_status()

    # ------------------------------------------------------------------ state
    @property
    def allowed(self) -> bool:
        user = self._ctx.user
        return user is not None and user.can(Permission.VIEW_REPORTS)

    @property
    def may_issue(self) -> bool:
        user = self._ctx.user
        return user is not None and user.can(Permission.ISSUE_REPORTS)

    def current_request(self) -> reporting.MonthlyRequest:
        return reporting.MonthlyRequest(month=str(self.month_combo.currentData())[:7],
                                        store=self.store_combo.currentData(),
                                        lang=str(self.lang_combo.currentData()))

    def _busy(self, busy: bool) -> None:
        for widget in (self.generate_button, self.month_combo, self.store_combo,
                       self.lang_combo):
            widget.setEnabled(not busy and self.allowed)
        if busy:
            for widget in (self.print_button, self.save_button, self.csv_button,
                           self.xlsx_button, self.issue_button, self.kpi_button):
                widget.setEnabled(False)
        else:
            self._update_buttons()

    def _update_buttons(self) -> None:
        has_pdf = bool(self.preview.data)
        self.print_button.setEnabled(has_pdf)
        self.save_button.setEnabled(has_pdf)
        for widget in (self.generate_button, self.csv_button, self.xlsx_button,
                       self.month_combo, self.store_combo, self.lang_combo, self.kpi_button):
            widget.setEnabled(self.allowed)
        self.issue_button.setEnabled(self.may_issue)

    def _show_error(self, text: str) -> None:
        """Errors stay on the page, in red, until the next action (no modal box: the
        report may have been asked for minutes ago)."""
        self.status_label.setStyleSheet(widgets.ERROR_STYLE)
        self.status_label.setText(text)
        self.failed.emit(text)

    def _show_status(self, message: str | None = None) -> None:
        self.status_label.setStyleSheet("")
        if message is not None:
            self.status_label.setText(message)
            return
        if self._note is not None and self.allowed:
            self.status_label.setText(self._note)
        elif not self.allowed:
            self.status_label.setText(self.tr("Your role may not see reports.") + " "
                                      + messages.permission_text("view_reports"))
        elif self.request is None:
            self.status_label.setText(self.tr(
                "Choose a month and press Generate. The report is compiled by customer "
                "care for the service director and the general manager."))
        else:
            store = self.store_combo.itemText(max(0, self.store_combo.findData(
                self.request.store))) if self.request.store else self.tr("All stores")
            text = self.tr("Monthly report %1, %2: %n page(s).", "",
                           self.preview.page_count)
            text = text.replace("%1", str(self.request.month)).replace("%2", store)
            if self._stale:
                text += " " + self.tr("Sheets have changed since; generate again for "
                                      "the latest figures.")
            self.status_label.setText(text)

    # ------------------------------------------------------------------ actions
    def generate(self) -> None:
        """Make the report for the chosen month, store and language (in the background)."""
        if not self.allowed:
            self._show_status()
            return
        request = self.current_request()
        ctx = self._ctx
        self._busy(True)
        self._show_status(self.tr("Making the report…"))

        def work() -> bytes:
            return reporting.monthly_pdf(ctx.uow(), ctx.user_id, request)

        def done(data: bytes) -> None:
            self.request = request
            self._stale = False
            self._note = None
            self.preview.show_pdf(data)
            self._busy(False)

        ctx.run(work, done, self._on_failed, label=self.tr("Making the monthly report…"))

    def issue(self) -> None:
        """Issue the chosen month's report and show the issued document."""
        if not self.may_issue:
            return
        request = self.current_request()
        ctx = self._ctx
        self._busy(True)
        self._show_status(self.tr("Issuing the report…"))

        def work() -> reporting.IssuedReport:
            return reporting.issue_monthly(ctx.uow(), ctx.user_id, request)

        def done(issued: reporting.IssuedReport) -> None:
            self.request = request
            self._stale = False
            self._note = (self.tr("Issued %1 on %2; reprints give this document.")
                          .replace("%1", f"{issued.month:%Y-%m}")
                          .replace("%2", f"{issued.issued_at:%Y-%m-%d %H:%M}"))
            self.preview.show_pdf(issued.pdf)
            self._busy(False)

        ctx.run(work, done, self._on_failed, label=self.tr("Issuing the report…"))

    def customer_kpis(self) -> None:
        """Show the customer KPI report of the chosen month."""
        if not self.allowed:
            return
        month = str(self.month_combo.currentData())
        first = date.fromisoformat(month)
        last = add_months(first, 1) - timedelta(days=1)
        request = reporting.KpiRequest(first, min(last, common.now().date()),
                                       store=self.store_combo.currentData(),
                                       lang=str(self.lang_combo.currentData()))
        ctx = self._ctx
        self._busy(True)
        self._show_status(self.tr("Making the report…"))

        def work() -> bytes:
            return reporting.kpi_document(ctx.uow(), ctx.user_id, request, "pdf")

        def done(data: bytes) -> None:
            self.request = None
            self._note = self.tr("Customer KPI report %1.").replace("%1", month[:7])
            self.preview.show_pdf(data)
            self._busy(False)

        ctx.run(work, done, self._on_failed, label=self.tr("Making the report…"))

    def _on_preview_loaded(self, pages: int) -> None:
        self._show_status()
        self.report_ready.emit(pages)

    def _on_failed(self, exc: Exception) -> None:
        self._busy(False)
        text = messages.error_text(exc) if isinstance(exc, HelpdeskError) else \
            messages.unexpected_text(exc)
        self._show_error(text)

    def _on_changes(self, changes: Changes) -> None:
        """New stores appear in the choice; a shown report says when it is out of date
        (sheets or the store's policy changed the figures)."""
        if changes.touches_settings():
            self._fill_stores()
        if self.request is not None and (changes.touches_sheets() or changes.settings):
            self._stale = True
            self._show_status()

    def _folder(self) -> str:
        return str(self._ctx.settings.value(FOLDER_KEY, "") or "")

    def _suggested(self, request: reporting.MonthlyRequest, suffix: str) -> str:
        name = self.tr("complaint-report")
        store = f"-{request.store}" if request.store else ""
        return str(Path(self._folder() or Path.home()) / f"{name}-{request.month}{store}.{suffix}")

    def _write(self, path: str, data: bytes) -> bool:
        try:
            write_whole(Path(path), data)
        except OSError as exc:
            self._show_error(self.tr("Could not write %1: %2").replace("%1", path).replace(
                "%2", exc.strerror or str(exc)))
            return False
        self._ctx.settings.setValue(FOLDER_KEY, str(Path(path).parent))
        self._show_status(self.tr("Saved %1.").replace("%1", path))
        self.file_saved.emit(path)
        return True

    def _on_print(self) -> None:
        if self.preview.data:
            self.preview.print_with_dialog()

    def _on_save_pdf(self) -> None:
        if not self.preview.data or self.request is None:
            return
        path = ask_save_path(self, self.tr("Save the report as PDF"),
                             self._suggested(self.request, "pdf"), pdf_filter())
        if path:
            self._write(path, self.preview.data)

    def _on_export(self, fmt: str) -> None:
        if not self.allowed:
            return
        request = self.current_request()
        file_filter = self.tr("CSV files (*.csv)") if fmt == "csv" else \
            self.tr("Excel workbooks (*.xlsx)")
        path = ask_save_path(self, self.tr("Export the report's tables"),
                             self._suggested(request, fmt), file_filter)
        if not path:
            return
        ctx = self._ctx
        self._busy(True)
        self._show_status(self.tr("Exporting…"))

        def work() -> bytes:
            return reporting.monthly_export(ctx.uow(), ctx.user_id, request, fmt)

        def done(data: bytes) -> None:
            self._busy(False)
            self._write(path, data)

        ctx.run(work, done, self._on_failed, label=self.tr("Exporting the report…"))
