"""Importing customers or complaint sheets from a store's own CSV, XLSX or XLS file.

Check first: the dialog shows how the file's columns are read (the mapping preview,
with the columns that are ignored), asks for the worksheet when several hold data and
for the encoding when a CSV does not tell, and lists every problem by line under the
file's own column header, in the user's language. Then import all or nothing — or, with
"skip bad rows", only the good rows. Checking and importing run off the UI thread
behind a progress dialog whose Cancel leaves nothing imported. "Template…" writes the
template (Chinese and English headers, an example row, the allowed words)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.errors import HelpdeskError, ValidationError
from helpdesk.transfer import reading
from helpdesk.transfer import spreadsheets as importing
from helpdesk.transfer.spreadsheets import ImportReport, ReadOptions, RowError
from helpdesk.ui import i18n, messages, widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.customers.model import RecordTableModel

# Module-level name that lupdate recognises (it cannot see through a helper).
translate = QCoreApplication.translate

_ENCODINGS = ("utf-8", "gbk", "big5", "utf-16", "shift_jis")


def _error_cell(e: RowError, column: int) -> str:
    lang = i18n.current_language()
    if column == 0:
        return str(e.line)
    if column == 1:
        return e.column_name(lang)
    return e.text(lang)


def _mapping_cell(pair: tuple[str, str], column: int) -> str:
    return pair[column]


class ImportDialog(QDialog):
    """Signals:
    imported(int): rows were saved (how many).
    """

    imported = Signal(int)

    def __init__(self, ctx: AppContext, *, kind: str = importing.CUSTOMERS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.kind = kind
        self.report: ImportReport | None = None
        self.setObjectName("importDialog")
        sheets = kind == importing.SHEETS
        self.setWindowTitle(translate("ImportDialog", "Import complaint sheets") if sheets
                            else translate("ImportDialog", "Import customers"))
        self.resize(860, 600)
        self._path = QLineEdit()
        self._path.setObjectName("importPath")
        self._path.setPlaceholderText(
            translate("ImportDialog", "A .csv, .xlsx or .xls file: your own ledger or the "
                                      "template"))
        self._path.textChanged.connect(self._on_path_changed)
        browse = QPushButton(translate("ImportDialog", "Choose…"))
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self._on_browse)
        template = QPushButton(translate("ImportDialog", "Template…"))
        template.setObjectName("importTemplate")
        template.setToolTip(translate("ImportDialog", "Save an empty template with Chinese "
                                                      "and English headers, an example row "
                                                      "and the allowed words"))
        template.clicked.connect(self._on_template)
        self._check = QPushButton(translate("ImportDialog", "Check"))
        self._check.setObjectName("importCheck")
        self._check.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self._path, 1)
        row.addWidget(browse)
        row.addWidget(self._check)
        row.addWidget(template)

        self.sheet_box = QComboBox(objectName="importSheet")
        self.sheet_box.currentIndexChanged.connect(self._on_option_changed)
        self.encoding_box = QComboBox(objectName="importEncoding")
        self.encoding_box.addItem(translate("ImportDialog", "Automatic"), None)
        for name in _ENCODINGS:
            self.encoding_box.addItem({"gbk": "GBK / GB18030", "big5": "Big5 (繁體)",
                                       "utf-8": "UTF-8", "utf-16": "UTF-16",
                                       "shift_jis": "Shift-JIS"}[name], name)
        self.encoding_box.currentIndexChanged.connect(self._on_option_changed)
        options = QFormLayout()
        self._sheet_label = QLabel(translate("ImportDialog", "Worksheet:"))
        self._encoding_label = QLabel(translate("ImportDialog", "Encoding (CSV):"))
        options.addRow(self._sheet_label, self.sheet_box)
        options.addRow(self._encoding_label, self.encoding_box)
        self._show_options(sheet=False, encoding=False)

        self._summary = QLabel()
        self._summary.setObjectName("importSummary")
        self._summary.setWordWrap(True)
        self._mapping = RecordTableModel(
            lambda: [translate("ImportDialog", "Your column"),
                     translate("ImportDialog", "Read as")],
            _mapping_cell, parent=self)
        self.mapping_view = QTableView(objectName="importMapping")
        self.mapping_view.setModel(self._mapping)
        self.mapping_view.verticalHeader().hide()
        self.mapping_view.horizontalHeader().setStretchLastSection(True)
        self.mapping_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
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
        split = QSplitter()
        split.addWidget(self.mapping_view)
        split.addWidget(self.error_view)
        split.setSizes([280, 580])
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
        layout.addLayout(options)
        layout.addWidget(self._summary)
        layout.addWidget(split, 1)
        layout.addWidget(self._skip)
        layout.addWidget(self._buttons)
        self._update_buttons()

    # ------------------------------------------------------------ state
    @property
    def errors(self) -> list[RowError]:
        return self._errors.records

    @property
    def mapping(self) -> list[tuple[str, str]]:
        return self._mapping.records

    def set_path(self, path: str | Path) -> None:
        self._path.setText(str(path))

    def options(self) -> ReadOptions:
        return ReadOptions(sheet=self.sheet_box.currentData() or None,
                           encoding=self.encoding_box.currentData())

    def _show_options(self, *, sheet: bool, encoding: bool) -> None:
        for widget in (self._sheet_label, self.sheet_box):
            widget.setVisible(sheet)
        for widget in (self._encoding_label, self.encoding_box):
            widget.setVisible(encoding)

    def _on_browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.windowTitle(),
            "",
            translate("ImportDialog", "Tables (*.csv *.xlsx *.xls *.xlsm *.ods *.txt)"),
        )
        if name:
            self.set_path(name)
            self.check()

    def _on_template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, translate("ImportDialog", "Save the template"),
            f"{self.kind}-template.xlsx",
            translate("ImportDialog", "Excel workbook (*.xlsx);;CSV (*.csv)"))
        if name:
            self.save_template(Path(name))

    def save_template(self, path: Path) -> None:
        lang = "en" if i18n.current_language().startswith("en") else "zh"
        try:
            importing.write_template(path, self.kind, lang=lang)
        except HelpdeskError as exc:
            widgets.show_error(self, exc)
            return
        self._summary.setStyleSheet("")
        self._summary.setText(translate("ImportDialog", "Template saved: %1").replace(
            "%1", str(path)))

    def _on_path_changed(self) -> None:
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.blockSignals(False)
        self.encoding_box.setCurrentIndex(0)
        self._show_options(sheet=False, encoding=False)
        self._reset()

    def _on_option_changed(self) -> None:
        if self.report is not None or self._summary.text():
            self._reset()

    def _reset(self) -> None:
        self.report = None
        self._errors.set_records([])
        self._mapping.set_records([])
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
        self._mapping.set_records([])
        if isinstance(exc, ValidationError) and exc.code == "import.sheet_choice":
            self._offer_sheets(list(exc.params.get("sheets", [])))
        if isinstance(exc, ValidationError) and exc.code in ("import.encoding_undecided",
                                                             "import.encoding_wrong"):
            self._show_options(sheet=self.sheet_box.count() > 0, encoding=True)
        self._summary.setText(messages.error_text(exc))
        self._summary.setStyleSheet(widgets.ERROR_STYLE)
        self._update_buttons()

    def _offer_sheets(self, names: list[str]) -> None:
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItem(translate("ImportDialog", "— choose a worksheet —"), None)
        for name in names:
            self.sheet_box.addItem(name, name)
        self.sheet_box.blockSignals(False)
        self._show_options(sheet=True, encoding=self.encoding_box.isVisible())

    def _show_layout(self, layout: reading.Layout | None) -> None:
        if layout is None:
            self._mapping.set_records([])
            return
        columns = {c.key: c for c in importing.columns_for(self.kind)}
        lang = "en" if i18n.current_language().startswith("en") else "zh"
        ignored = translate("ImportDialog", "(ignored)")
        self._mapping.set_records([
            (header, columns[key].header(lang) if key else ignored)
            for header, key in zip(layout.headers, layout.keys, strict=True) if header])

    # ------------------------------------------------------------ work
    def _run(self, save: bool) -> ImportReport | None:
        """Check (or import) in a worker thread behind a progress dialog with Cancel."""
        path = Path(self._path.text().strip())
        uow, user_id, options, kind = self._ctx.uow(), self._ctx.user_id, self.options(), \
            self.kind
        skip = self._skip.isChecked()

        def work(progress: Any) -> ImportReport:
            def tell(done: int, total: int) -> bool:
                return bool(progress(done, total))

            if kind == importing.SHEETS:
                if save:
                    return importing.import_sheets(uow, user_id, path, skip_invalid=skip,
                                                   options=options, progress=tell)
                return importing.check_sheets(uow, user_id, path, options=options,
                                              progress=tell)
            if save:
                return importing.import_customers(uow, user_id, path, skip_invalid=skip,
                                                  options=options, progress=tell)
            return importing.check_customers(uow, user_id, path, options=options,
                                             progress=tell)

        label = translate("ImportDialog", "Importing…") if save else \
            translate("ImportDialog", "Checking every row…")
        try:
            report: ImportReport = widgets.run_with_progress(
                self, work, label, cancel_text=translate("ImportDialog", "Cancel"))
        except HelpdeskError as exc:
            self._show_file_error(exc)
            return None
        return report

    def check(self) -> None:
        """Validate the file as the import would; nothing is saved."""
        report = self._run(save=False)
        if report is None:
            return
        self.report = report
        self._show_layout(report.layout)
        if report.layout is not None and len(report.layout.sheets) > 1 and \
                not self.sheet_box.count():
            self._offer_sheets(list(report.layout.sheets))
            self.sheet_box.blockSignals(True)
            self.sheet_box.setCurrentIndex(self.sheet_box.findData(report.layout.sheet))
            self.sheet_box.blockSignals(False)
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
        if report.ignored_columns:
            text += "\n" + messages.format_code(
                "import.column_ignored", {"columns": list(report.ignored_columns)})
        self._summary.setText(text)
        self._update_buttons()

    def run_import(self) -> None:
        report = self._run(save=True)
        if report is None:
            return
        self.report = report
        self._errors.set_records(report.errors)
        if report.imported:
            self._summary.setStyleSheet("")
            self._summary.setText(
                translate("ImportDialog", "%1 rows imported, %2 rows skipped.")
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
