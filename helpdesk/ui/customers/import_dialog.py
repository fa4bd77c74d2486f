"""Importing customers from a CSV or XLSX file (the command line's template): check
first, see every problem with its line number, then import all or nothing — or, if
the user ticks "skip bad rows", only the good rows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError
from helpdesk.transfer import spreadsheets as importing
from helpdesk.transfer.spreadsheets import ImportReport, RowError
from helpdesk.ui import messages, widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.customers.model import RecordTableModel

# Module-level name that lupdate recognises (it cannot see through a helper).
translate = QCoreApplication.translate


def _error_cell(e: RowError, column: int) -> str:
    if column == 0:
        return str(e.line)
    if column == 1:
        return e.column
    return messages.format_code(e.code, {}, e.message)


class ImportDialog(QDialog):
    """Signals:
    imported(int): customers were saved (how many).
    """

    imported = Signal(int)

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.report: ImportReport | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(translate("ImportDialog", "Import customers"))
        self.resize(760, 520)
        self._path = QLineEdit()
        self._path.setObjectName("importPath")
        self._path.setPlaceholderText(
            translate("ImportDialog", "A .csv or .xlsx file in the customer template")
        )
        self._path.textChanged.connect(self._on_path_changed)
        browse = QPushButton(translate("ImportDialog", "Choose…"))
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self._on_browse)
        self._check = QPushButton(translate("ImportDialog", "Check"))
        self._check.setObjectName("importCheck")
        self._check.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self._path, 1)
        row.addWidget(browse)
        row.addWidget(self._check)

        self._summary = QLabel()
        self._summary.setObjectName("importSummary")
        self._summary.setWordWrap(True)
        self._errors = RecordTableModel(
            lambda: [
                translate("ImportDialog", "Line"),
                translate("ImportDialog", "Column"),
                translate("ImportDialog", "Problem"),
            ],
            _error_cell,
            parent=self,
        )
        self.error_view = QTableView()
        self.error_view.setObjectName("importErrors")
        self.error_view.setModel(self._errors)
        self.error_view.verticalHeader().hide()
        self.error_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.error_view.horizontalHeader().setStretchLastSection(True)
        self._skip = QCheckBox(translate("ImportDialog", "Skip bad rows and import the good ones"))
        self._skip.setObjectName("importSkipBad")
        self._skip.toggled.connect(self._update_buttons)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._import = self._buttons.addButton(
            translate("ImportDialog", "Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._import.setObjectName("importRun")
        self._import.clicked.disconnect()
        self._import.clicked.connect(self.run_import)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self._summary)
        layout.addWidget(self.error_view, 1)
        layout.addWidget(self._skip)
        layout.addWidget(self._buttons)
        self._update_buttons()

    @property
    def errors(self) -> list[RowError]:
        return self._errors.records

    def set_path(self, path: str | Path) -> None:
        self._path.setText(str(path))

    def _on_browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("ImportDialog", "Import customers"),
            "",
            translate("ImportDialog", "Tables (*.csv *.xlsx)"),
        )
        if name:
            self.set_path(name)
            self.check()

    def _on_path_changed(self) -> None:
        self.report = None
        self._errors.set_records([])
        self._summary.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        report = self.report
        ready = (
            report is not None
            and report.imported == 0
            and (report.ok or (self._skip.isChecked() and report.valid > 0))
        )
        self._import.setEnabled(ready)
        self._check.setEnabled(bool(self._path.text().strip()))

    def _show_file_error(self, exc: HelpdeskError) -> None:
        self.report = None
        self._errors.set_records([])
        self._summary.setText(messages.error_text(exc))
        self._summary.setStyleSheet(widgets.ERROR_STYLE)
        self._update_buttons()

    def check(self) -> None:
        """Validate the file as the import would; nothing is saved."""
        path = Path(self._path.text().strip())
        try:
            report = importing.check_customers(self._ctx.uow(), self._ctx.user_id, path)
        except HelpdeskError as exc:
            self._show_file_error(exc)
            return
        self.report = report
        self._errors.set_records(report.errors)
        bad = len(report.lines_with_errors())
        if report.ok:
            text = translate("ImportDialog", "%1 rows, all correct: ready to import.").replace(
                "%1", str(report.total)
            )
            self._summary.setStyleSheet("")
        else:
            text = (
                translate(
                    "ImportDialog",
                    "%1 rows: %2 correct, %3 with problems (listed below by line). "
                    'Fix the file and check again, or tick "skip bad rows".',
                )
                .replace("%1", str(report.total))
                .replace("%2", str(report.valid))
                .replace("%3", str(bad))
            )
            self._summary.setStyleSheet(widgets.ERROR_STYLE)
        self._summary.setText(text)
        self._update_buttons()

    def run_import(self) -> None:
        path = Path(self._path.text().strip())
        try:
            report = importing.import_customers(
                self._ctx.uow(), self._ctx.user_id, path, skip_invalid=self._skip.isChecked()
            )
        except HelpdeskError as exc:
            self._show_file_error(exc)
            return
        self.report = report
        self._errors.set_records(report.errors)
        if report.imported:
            self._summary.setStyleSheet("")
            self._summary.setText(
                translate("ImportDialog", "%1 customers imported, %2 rows skipped.")
                .replace("%1", str(report.imported))
                .replace("%2", str(report.skipped))
            )
            self.imported.emit(report.imported)
        else:
            self._summary.setStyleSheet(widgets.ERROR_STYLE)
            self._summary.setText(
                translate("ImportDialog", "Nothing was imported: the file has problems.")
            )
        self._update_buttons()
