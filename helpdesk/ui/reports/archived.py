"""The issued monthly reports an archive holds (issue 11), in its read-only window.

The archive carries the reports that cite its sheets as they were signed: this page
lists them, shows the chosen one, prints it and saves its very bytes (the SHA-256 shown
is the one stored when it was issued).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError
from helpdesk.reports.files import write_whole
from helpdesk.services import archive
from helpdesk.ui import messages, widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.reports.preview import (
    PdfPreview,
    ask_save_path,
    named,
    pdf_filter,
)


class ArchivedReportsPage(QWidget):
    """The list of issued reports in the archive, and the one chosen as a PDF."""

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archivedReportsPage")
        self._ctx = ctx
        self.entries: list[archive.IssuedEntry] = []
        self.table = named(QTableWidget(0, 5), "archivedReportsTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.empty_label = named(QLabel(), "archivedReportsEmpty")
        self.error_label = named(QLabel(), "archivedReportsError")
        self.error_label.setStyleSheet(widgets.ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.preview = PdfPreview(name="archivedReportPreview")
        self.print_button = named(QPushButton(), "printArchivedReport")
        self.save_button = named(QPushButton(), "saveArchivedReport")
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.error_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Month"), self.tr("Stores"), self.tr("Issued"), self.tr("By"),
            self.tr("SHA-256 of the PDF")])
        self.empty_label.setText(self.tr("This archive holds no issued monthly report."))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save PDF…"))

    def refresh(self) -> None:
        """Read the list again (it never changes: the archive is read-only)."""
        try:
            self.entries = archive.archived_reports(self._ctx.uow(), self._ctx.user_id)
        except HelpdeskError as exc:
            self._show_error(exc)
            self.entries = []
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = (f"{entry.month:%Y-%m}", entry.store_name or self.tr("All stores"),
                     f"{entry.issued_at:%Y-%m-%d %H:%M}", entry.issued_by,
                     entry.pdf_sha256[:16] + "…")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setToolTip(entry.pdf_sha256)
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not self.entries)
        self.table.setVisible(bool(self.entries))
        if self.entries:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.print_button.setEnabled(bool(self.preview.data))
        self.save_button.setEnabled(bool(self.preview.data))

    def current(self) -> archive.IssuedEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _on_selected(self) -> None:
        entry = self.current()
        if entry is None:
            return
        try:
            data = archive.archived_report_pdf(self._ctx.uow(), self._ctx.user_id, entry.id)
        except HelpdeskError as exc:
            self._show_error(exc)
            return
        self.error_label.hide()
        self.preview.show_pdf(data)
        self._update_buttons()

    def _show_error(self, exc: HelpdeskError) -> None:
        self.error_label.setText(messages.error_text(exc))
        self.error_label.show()

    def _on_print(self) -> None:
        if self.preview.data:
            self.preview.print_with_dialog()

    def _on_save(self) -> None:
        entry = self.current()
        if entry is None or not self.preview.data:
            return
        name = self.tr("complaint-report")
        path = ask_save_path(self, self.tr("Save the issued report as PDF"),
                             str(Path.home() / f"{name}-{entry.month:%Y-%m}.pdf"),
                             pdf_filter())
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the shown PDF, byte for byte, to ``path``."""
        try:
            write_whole(path, self.preview.data)
        except OSError as exc:
            self.error_label.setText(self.tr("Could not write %1: %2").replace(
                "%1", str(path)).replace("%2", exc.strerror or str(exc)))
            self.error_label.show()
            return False
        return True
