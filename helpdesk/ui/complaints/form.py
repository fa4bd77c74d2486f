"""The complaint sheet form (《抱怨/投诉单》), grouped as DESIGN.md section 2 lists.

One widget registers a new complaint and works an existing one:

* the left column is what the desk takes down (identity, customer, vehicle or order,
  the complaint); the right column is the work on it (responsibility, root cause,
  correction, long-term measure, rework, corrective actions, return visits, progress
  log, close-out, history);
* the SLA panel at the top shows both deadlines and the time left, counting down;
* the workflow buttons are enabled only when the sheet's state and the user's role
  allow the step; a disabled button says why in its tooltip;
* every error of the services is shown next to its field with the cursor put there;
* unsaved input is written to a local draft every few seconds (``services.drafts``)
  and offered back after a crash; a save that would overwrite someone else's is
  refused by the services and ends in the conflict dialog (reload or compare).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import parsing, sla
from helpdesk.domain.complaints import (
    TRANSITIONS,
    Action,
    ActionAvailability,
    Effectiveness,
    ResponsibleArea,
    SheetState,
    VisitKind,
)
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import (
    ConflictError,
    HelpdeskError,
    ValidationError,
    ValidationErrors,
)
from helpdesk.domain.users import Permission
from helpdesk.services import common, complaints, customers, drafts, setup, users
from helpdesk.services import settings as settings_svc
from helpdesk.services.dto import CustomerDetail, SheetDetail
from helpdesk.ui import formatting, labels, messages, widgets
from helpdesk.ui.complaints import dialogs
from helpdesk.ui.complaints.customer_finder import CustomerFinder
from helpdesk.ui.context import AppContext

DRAFT_EVERY_MS = 3000
SLA_TICK_MS = 30_000
_NEW_VEHICLE = "new"

# The order of the workflow buttons, as the work goes.
WORKFLOW = (Action.ACKNOWLEDGE, Action.ASSIGN, Action.WAIT, Action.RESUME, Action.RESOLVE,
            Action.RETURN_VISIT, Action.CLOSE, Action.REOPEN)

# Values of the registration part (saved by register / save_form ``data``).
_REGISTRATION = ("received_at", "channel", "severity", "category", "store_id", "customer_id",
                 "vehicle_choice", "mileage", "description", "customer_request",
                 "new_customer", "new_customer_name", "new_customer_phone", "new_vin",
                 "new_plate", "new_brand", "new_model")
# Values of the analysis part (saved by save_form ``analysis``).
_ANALYSIS = ("root_cause", "correction", "compensation", "long_term_measure", "rework_needed",
             "rework_done", "rework_completed_at")


def _text_edit(name: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit(objectName=name)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(int(height * 1.6))
    return edit


class SheetForm(QWidget):
    """The complaint sheet form.

    Attributes:
        detail: the sheet as last loaded or saved (None while new).
        errors: the field → widget map that shows validation errors.

    Signals:
        sheet_saved(int): the sheet was registered or saved (its id).
        title_changed(str): the window title should change (number, state).
        close_requested(): the user asked to close the form.
    """

    sheet_saved = Signal(int)
    title_changed = Signal(str)
    close_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        *,
        sheet_id: int | None = None,
        customer_id: int | None = None,
        draft: drafts.Draft | None = None,
        print_sheet: Callable[[int], None] | None = None,
        reply_letter: Callable[[int], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sheetForm")
        self.setStyleSheet(widgets.INVALID_STYLE)
        self._ctx = ctx
        self._print_sheet = print_sheet
        self._reply_letter = reply_letter
        self.detail: SheetDetail | None = None
        self._baseline: dict[str, Any] = {}
        self._last_draft: dict[str, Any] | None = None
        self._draft_key = draft.key if draft else f"new-{uuid.uuid4().hex[:12]}"
        self._categories = settings_svc.get_categories(ctx.uow())
        self._stores = setup.list_stores(ctx.uow())
        self._staff = [u for u in users.list_users(ctx.uow(), include_inactive=False)]
        self._loading = False

        self._build()
        self._retranslate()
        self._wire()

        if draft is not None and draft.data.get("sheet_id"):
            sheet_id = int(draft.data["sheet_id"])
        if sheet_id is not None:
            self.load(complaints.get_sheet(ctx.uow(), ctx.user_id, sheet_id))
        else:
            self._start_new(customer_id)
        if draft is not None:
            self._apply_draft(draft)

        self._draft_timer = QTimer(self, interval=DRAFT_EVERY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._draft_timer.start()
        self._sla_timer = QTimer(self, interval=SLA_TICK_MS)
        self._sla_timer.timeout.connect(self._show_sla)
        self._sla_timer.start()

    # ================================================================ building
    def _build(self) -> None:
        self.errors = widgets.FieldErrors()
        self.title_label = QLabel(objectName="titleLabel")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.state_label = QLabel(objectName="stateLabel")
        self.general_error = widgets.error_label("general")

        # --- SLA panel
        self.sla_box = QGroupBox(objectName="slaBox")
        self.response_due_label = QLabel(objectName="responseDue")
        self.response_left_label = QLabel(objectName="responseLeft")
        self.resolution_due_label = QLabel(objectName="resolutionDue")
        self.resolution_left_label = QLabel(objectName="resolutionLeft")
        self.sla_note = QLabel(objectName="slaNote")
        self.sla_note.setWordWrap(True)
        sla_grid = QGridLayout(self.sla_box)
        self._response_caption = QLabel()
        self._resolution_caption = QLabel()
        sla_grid.addWidget(self._response_caption, 0, 0)
        sla_grid.addWidget(self.response_due_label, 0, 1)
        sla_grid.addWidget(self.response_left_label, 0, 2)
        sla_grid.addWidget(self._resolution_caption, 1, 0)
        sla_grid.addWidget(self.resolution_due_label, 1, 1)
        sla_grid.addWidget(self.resolution_left_label, 1, 2)
        sla_grid.addWidget(self.sla_note, 2, 0, 1, 3)
        sla_grid.setColumnStretch(2, 1)

        # --- identity
        self.identity_box = QGroupBox(objectName="identityBox")
        self.number_label = QLabel(objectName="numberLabel")
        self.store_combo = QComboBox(objectName="storeCombo")
        for store in self._stores:
            self.store_combo.addItem(store.name, store.id)
        self.received_edit = QDateTimeEdit(objectName="receivedAt")
        self.received_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_edit.setCalendarPopup(True)
        self.received_by_label = QLabel(objectName="receivedBy")
        self.channel_combo = QComboBox(objectName="channelCombo")
        for channel in Channel:
            self.channel_combo.addItem("", channel.value)
        self.severity_combo = QComboBox(objectName="severityCombo")
        for severity in (Severity.GENERAL, Severity.MAJOR):
            self.severity_combo.addItem("", severity.value)
        self.category_combo = QComboBox(objectName="categoryCombo")
        for code in self._categories:
            self.category_combo.addItem("", code)
        self._identity_form = QFormLayout(self.identity_box)
        self._add_row(self._identity_form, "number", self.number_label)
        self._add_row(self._identity_form, "store", self.store_combo)
        self._add_row(self._identity_form, "received_at", self.received_edit)
        self._add_row(self._identity_form, "received_by", self.received_by_label)
        self._add_row(self._identity_form, "channel", self.channel_combo)
        self._add_row(self._identity_form, "severity", self.severity_combo)
        self._add_row(self._identity_form, "category", self.category_combo)

        # --- customer
        self.customer_box = QGroupBox(objectName="customerBox")
        self.finder = CustomerFinder(self._ctx)
        QVBoxLayout(self.customer_box).addWidget(self.finder)
        self.errors.add("customer", self.finder.search_edit, self.finder.search_error)
        self.errors.add("name", self.finder.name_edit, self.finder.name_error,
                        aliases=("kind",))
        self.errors.add("phone", self.finder.phone_edit, self.finder.phone_error,
                        aliases=("phone2", "phone3"))

        # --- vehicle or order
        self.vehicle_box = QGroupBox(objectName="vehicleBox")
        self.vehicle_combo = QComboBox(objectName="vehicleCombo")
        self.new_vehicle_panel = QWidget(objectName="newVehiclePanel")
        self.vin_edit = QLineEdit(objectName="newVin")
        self.vin_edit.setMaxLength(40)
        self.plate_edit = QLineEdit(objectName="newPlate")
        self.brand_edit = QLineEdit(objectName="newBrand")
        self.model_edit = QLineEdit(objectName="newModel")
        self.mileage_edit = QLineEdit(objectName="mileage")
        new_vehicle_form = QFormLayout(self.new_vehicle_panel)
        new_vehicle_form.setContentsMargins(0, 0, 0, 0)
        self._add_row(new_vehicle_form, "vin", self.vin_edit)
        self._add_row(new_vehicle_form, "plate", self.plate_edit)
        self._add_row(new_vehicle_form, "brand", self.brand_edit)
        self._add_row(new_vehicle_form, "model", self.model_edit)
        self.new_vehicle_panel.hide()
        vehicle_form = QFormLayout(self.vehicle_box)
        self._add_row(vehicle_form, "vehicle", self.vehicle_combo, aliases=("order",))
        vehicle_form.addRow(self.new_vehicle_panel)
        self._add_row(vehicle_form, "mileage_km", self.mileage_edit)

        # --- complaint
        self.complaint_box = QGroupBox(objectName="complaintBox")
        self.description_edit = _text_edit("description", 80)
        self.request_edit = _text_edit("customerRequest", 48)
        complaint_form = QFormLayout(self.complaint_box)
        self._add_row(complaint_form, "description", self.description_edit)
        self._add_row(complaint_form, "customer_request", self.request_edit)

        # --- responsibility
        self.responsibility_box = QGroupBox(objectName="responsibilityBox")
        self.area_combo = QComboBox(objectName="areaCombo")
        self.area_combo.addItem("", "")
        for area in ResponsibleArea:
            self.area_combo.addItem("", area.value)
        self.person_combo = QComboBox(objectName="personCombo")
        self.person_combo.addItem("", 0)
        for person in self._staff:
            self.person_combo.addItem(person.display_name, person.id)
        responsibility_form = QFormLayout(self.responsibility_box)
        self._add_row(responsibility_form, "responsible_area", self.area_combo)
        self._add_row(responsibility_form, "responsible_user", self.person_combo)

        # --- analysis: root cause, correction with compensation, measure, rework
        self.analysis_box = QGroupBox(objectName="analysisBox")
        self.root_cause_edit = _text_edit("rootCause")
        self.correction_edit = _text_edit("correction")
        self.compensation_edit = QLineEdit(objectName="compensation")
        self.measure_edit = _text_edit("longTermMeasure")
        self.rework_check = QCheckBox(objectName="reworkNeeded")
        self.rework_done_check = QCheckBox(objectName="reworkDone")
        self.rework_edit = QDateTimeEdit(objectName="reworkCompletedAt")
        self.rework_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.rework_edit.setCalendarPopup(True)
        rework_row = QWidget()
        rework_layout = QHBoxLayout(rework_row)
        rework_layout.setContentsMargins(0, 0, 0, 0)
        rework_layout.addWidget(self.rework_check)
        rework_layout.addWidget(self.rework_done_check)
        rework_layout.addWidget(self.rework_edit, 1)
        analysis_form = QFormLayout(self.analysis_box)
        self._add_row(analysis_form, "root_cause", self.root_cause_edit)
        self._add_row(analysis_form, "correction", self.correction_edit)
        self._add_row(analysis_form, "compensation", self.compensation_edit)
        self._add_row(analysis_form, "long_term_measure", self.measure_edit)
        self._add_row(analysis_form, "rework_completed_at", rework_row,
                      widget_for_errors=self.rework_edit)

        # --- corrective actions
        self.actions_box = QGroupBox(objectName="actionsBox")
        self.actions_table = self._table("actionsTable", 4)
        self.add_action_button = QPushButton(objectName="addActionButton")
        self.check_action_button = QPushButton(objectName="checkActionButton")
        actions_layout = QVBoxLayout(self.actions_box)
        actions_layout.addWidget(self.actions_table)
        row = QHBoxLayout()
        row.addWidget(self.add_action_button)
        row.addWidget(self.check_action_button)
        row.addStretch(1)
        actions_layout.addLayout(row)

        # --- return visits
        self.visits_box = QGroupBox(objectName="visitsBox")
        self.visits_table = self._table("visitsTable", 5)
        QVBoxLayout(self.visits_box).addWidget(self.visits_table)

        # --- progress log
        self.progress_box = QGroupBox(objectName="progressBox")
        self.progress_table = self._table("progressTable", 3)
        self.progress_edit = QLineEdit(objectName="progressText")
        self.notified_check = QCheckBox(objectName="customerNotified")
        self.add_progress_button = QPushButton(objectName="addProgressButton")
        self.progress_error = widgets.error_label("progress")
        self.errors.add("progress", self.progress_edit, self.progress_error)
        progress_layout = QVBoxLayout(self.progress_box)
        progress_layout.addWidget(self.progress_table)
        row = QHBoxLayout()
        row.addWidget(self.progress_edit, 1)
        row.addWidget(self.notified_check)
        row.addWidget(self.add_progress_button)
        progress_layout.addLayout(row)
        progress_layout.addWidget(self.progress_error)

        # --- close-out and history
        self.closeout_box = QGroupBox(objectName="closeoutBox")
        self.closed_label = QLabel(objectName="closedLabel")
        self.closed_label.setWordWrap(True)
        QVBoxLayout(self.closeout_box).addWidget(self.closed_label)
        self.history_box = QGroupBox(objectName="historyBox")
        self.history_table = self._table("historyTable", 4)
        QVBoxLayout(self.history_box).addWidget(self.history_table)

        # --- columns in a scroll area
        # Left: who and what was received; right: the complaint and the work on it.
        left = QVBoxLayout()
        for box in (self.identity_box, self.customer_box, self.vehicle_box):
            left.addWidget(box)
        left.addStretch(1)
        right = QVBoxLayout()
        for box in (self.complaint_box, self.responsibility_box, self.analysis_box,
                    self.actions_box,
                    self.visits_box, self.progress_box, self.closeout_box, self.history_box):
            right.addWidget(box)
        right.addStretch(1)
        body = QWidget(objectName="formBody")
        columns = QHBoxLayout(body)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.scroll = QScrollArea(objectName="formScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)

        # --- buttons
        self.workflow_bar = QWidget(objectName="workflowBar")
        bar = QHBoxLayout(self.workflow_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.action_buttons: dict[Action, QPushButton] = {}
        for action in WORKFLOW:
            button = QPushButton(objectName=f"action_{action.value}")
            self.action_buttons[action] = button
            bar.addWidget(button)
        self.save_button = QPushButton(objectName="saveButton")
        self.save_button.setDefault(False)
        self.print_button = QPushButton(objectName="printButton")
        self.reply_button = QPushButton(objectName="replyButton")
        self.close_button = QPushButton(objectName="closeFormButton")
        self.print_button.setVisible(self._print_sheet is not None)
        self.reply_button.setVisible(self._reply_letter is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.workflow_bar)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addWidget(self.state_label)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.sla_box)
        layout.addWidget(self.general_error)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)

        # Tab order follows the form: identity, customer, vehicle, complaint, analysis.
        chain = [self.store_combo, self.received_edit, self.channel_combo, self.severity_combo,
                 self.category_combo, self.finder.search_edit, self.finder.new_button,
                 self.finder.name_edit, self.finder.phone_edit, self.vehicle_combo,
                 self.vin_edit, self.plate_edit, self.brand_edit, self.model_edit,
                 self.mileage_edit, self.description_edit, self.request_edit,
                 self.area_combo, self.person_combo, self.root_cause_edit,
                 self.correction_edit, self.compensation_edit, self.measure_edit,
                 self.rework_check, self.rework_done_check, self.rework_edit,
                 self.add_action_button, self.check_action_button, self.progress_edit,
                 self.notified_check, self.add_progress_button,
                 *self.action_buttons.values(), self.print_button, self.reply_button,
                 self.save_button, self.close_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self._labels: dict[str, QLabel] = getattr(self, "_labels", {})

    def _add_row(self, form: QFormLayout, key: str, widget: QWidget, *,
                 aliases: tuple[str, ...] = (),
                 widget_for_errors: QWidget | None = None) -> None:
        if not hasattr(self, "_labels"):
            self._labels = {}
        label = QLabel()
        label.setBuddy(widget_for_errors or widget)
        self._labels[key] = label
        error = widgets.error_label(key)
        # The error sits right under its field and takes no room while hidden.
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        form.addRow(label, cell)
        self.errors.add(key, widget_for_errors or widget, error, aliases)

    def _table(self, name: str, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, objectName=name)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setMaximumHeight(150)
        table.setWordWrap(True)
        return table

    def _wire(self) -> None:
        for widget in (self.received_edit, self.rework_edit):
            widget.dateTimeChanged.connect(self._on_edited)
        for combo in (self.store_combo, self.channel_combo, self.severity_combo,
                      self.category_combo):
            combo.currentIndexChanged.connect(self._on_edited)
        for edit in (self.vin_edit, self.plate_edit, self.brand_edit, self.model_edit,
                     self.mileage_edit, self.compensation_edit):
            edit.textChanged.connect(self._on_edited)
        for edit in (self.description_edit, self.request_edit, self.root_cause_edit,
                     self.correction_edit, self.measure_edit):
            edit.textChanged.connect(self._on_edited)
        for check in (self.rework_check, self.rework_done_check):
            check.toggled.connect(self._on_edited)
        self.rework_check.toggled.connect(self._update_rework)
        self.rework_done_check.toggled.connect(self._update_rework)
        self.vehicle_combo.currentIndexChanged.connect(self._on_vehicle_choice)
        self.finder.customer_chosen.connect(self._on_customer_chosen)
        self.finder.new_customer_toggled.connect(self._on_new_customer_toggled)
        self.finder.edited.connect(self._on_edited)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_requested)
        self.print_button.clicked.connect(self._on_print)
        self.reply_button.clicked.connect(self._on_reply)
        self.add_progress_button.clicked.connect(self._on_add_progress)
        self.progress_edit.returnPressed.connect(self._on_add_progress)
        self.add_action_button.clicked.connect(self._on_add_action)
        self.check_action_button.clicked.connect(self._on_check_action)
        for action, button in self.action_buttons.items():
            button.clicked.connect(lambda _=False, a=action: self.run_action(a))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Print, self, self._on_print,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # ================================================================ texts
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.sla_box.setTitle(self.tr("Deadlines"))
        self._response_caption.setText(self.tr("Response:"))
        self._resolution_caption.setText(self.tr("Resolution:"))
        self.identity_box.setTitle(self.tr("Sheet"))
        self.customer_box.setTitle(self.tr("Customer"))
        self.vehicle_box.setTitle(self.tr("Vehicle or order"))
        self.complaint_box.setTitle(self.tr("Complaint"))
        self.responsibility_box.setTitle(self.tr("Responsibility"))
        self.analysis_box.setTitle(self.tr("Root cause, correction and measure"))
        self.actions_box.setTitle(self.tr("Corrective and preventive actions"))
        self.visits_box.setTitle(self.tr("Return visits"))
        self.progress_box.setTitle(self.tr("Progress log"))
        self.closeout_box.setTitle(self.tr("Close-out"))
        self.history_box.setTitle(self.tr("History"))
        texts = {
            "number": self.tr("Number:"),
            "store": self.tr("&Store:"),
            "received_at": self.tr("&Received:"),
            "received_by": self.tr("Received by:"),
            "channel": self.tr("C&hannel:"),
            "severity": self.tr("Se&verity:"),
            "category": self.tr("Cate&gory:"),
            "vehicle": self.tr("Vehicle / &order:"),
            "vin": self.tr("VIN:"),
            "plate": self.tr("Plate:"),
            "brand": self.tr("Brand:"),
            "model": self.tr("Model:"),
            "mileage_km": self.tr("Mileage (km):"),
            "description": self.tr("What the customer sa&ys:"),
            "customer_request": self.tr("What the customer as&ks for:"),
            "responsible_area": self.tr("Responsible &area:"),
            "responsible_user": self.tr("Responsible perso&n:"),
            "root_cause": self.tr("Roo&t cause:"),
            "correction": self.tr("Immediate &correction:"),
            "compensation": self.tr("Compensation (¥):"),
            "long_term_measure": self.tr("&Long-term measure:"),
            "rework_completed_at": self.tr("Rework:"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.description_edit.setPlaceholderText(self.tr("In the customer's own words"))
        self.root_cause_edit.setPlaceholderText(self.tr("What actually went wrong, where and why"))
        self.correction_edit.setPlaceholderText(
            self.tr("What was done for this customer: repair, refund, exchange, apology…"))
        self.measure_edit.setPlaceholderText(
            self.tr("What changes so it does not happen again, who owns it and by when "
               "(not just “strengthen training”)"))
        self.compensation_edit.setPlaceholderText(self.tr("0.00"))
        self.mileage_edit.setPlaceholderText(self.tr("e.g. 35000"))
        self.vin_edit.setPlaceholderText(self.tr("17 characters"))
        self.plate_edit.setPlaceholderText(self.tr("e.g. 京A12345"))
        self.rework_check.setText(self.tr("Needed"))
        self.rework_done_check.setText(self.tr("Completed at"))
        self.progress_edit.setPlaceholderText(self.tr("What was done or told to the customer"))
        self.notified_check.setText(self.tr("Customer told"))
        self.add_progress_button.setText(self.tr("A&dd entry"))
        self.add_action_button.setText(self.tr("Add action…"))
        self.check_action_button.setText(self.tr("Check effectiveness…"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the sheet (Ctrl+S)"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the sheet for signatures (Ctrl+P)"))
        self.reply_button.setText(self.tr("Reply l&etter…"))
        self.close_button.setText(self.tr("Close window"))
        self.close_button.setToolTip(self.tr("Close this window (Esc)"))
        self.actions_table.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Owner"), self.tr("Due"), self.tr("Effectiveness")])
        self.visits_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("By"), self.tr("Satisfaction"), self.tr("Kind"),
             self.tr("Feedback")])
        self.progress_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("By"), self.tr("Entry")])
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("By"), self.tr("Step"), self.tr("Note")])
        for combo, enum in ((self.channel_combo, Channel), (self.severity_combo, Severity)):
            for i in range(combo.count()):
                combo.setItemText(i, labels.label(enum(combo.itemData(i))))
        for i in range(self.category_combo.count()):
            self.category_combo.setItemText(
                i, labels.category_name(self._categories, self.category_combo.itemData(i)))
        self.area_combo.setItemText(0, self.tr("(not decided)"))
        for i in range(1, self.area_combo.count()):
            self.area_combo.setItemText(i, labels.label(
                ResponsibleArea(self.area_combo.itemData(i))))
        self.person_combo.setItemText(0, self.tr("(nobody yet)"))
        for action, button in self.action_buttons.items():
            button.setText(labels.label(action))
        if self.detail is not None or self._baseline:
            self._refresh_view()

    # ================================================================ loading
    def _start_new(self, customer_id: int | None) -> None:
        self._loading = True
        self.detail = None
        now = common.now()
        self.received_edit.setMaximumDateTime(QDateTime(now).addSecs(300))
        self.received_edit.setDateTime(QDateTime(now))
        if self._ctx.user and self._ctx.user.store_id is not None:
            index = self.store_combo.findData(self._ctx.user.store_id)
            if index >= 0:
                self.store_combo.setCurrentIndex(index)
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(Channel.RECEPTION.value))
        self.severity_combo.setCurrentIndex(0)
        self.category_combo.setCurrentIndex(0)
        self.finder.choose(customer_id, emit=False)
        self._fill_vehicles(self.finder.customer, None)
        self._loading = False
        self._baseline = self.values()
        self._refresh_view()
        self.finder.search_edit.setFocus()

    def load(self, detail: SheetDetail) -> None:
        """Show ``detail`` (after opening, saving or a workflow step)."""
        self._loading = True
        self.detail = detail
        self._draft_key = f"sheet-{detail.id}"
        self.errors.clear()
        self.general_error.hide()
        self.received_edit.setMaximumDateTime(QDateTime(common.now()).addSecs(300))
        self.received_edit.setDateTime(QDateTime(detail.received_at))
        index = self.store_combo.findData(detail.store_id)
        self.store_combo.setCurrentIndex(max(0, index))
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(detail.channel.value))
        self.severity_combo.setCurrentIndex(self.severity_combo.findData(detail.severity.value))
        index = self.category_combo.findData(detail.category)
        if index < 0:
            self.category_combo.addItem(detail.category, detail.category)
            index = self.category_combo.count() - 1
        self.category_combo.setCurrentIndex(index)
        if self.finder.creating:
            self.finder.new_button.setChecked(False)
        self.finder.choose(detail.customer_id, emit=False)
        selected = None
        if detail.vehicle is not None:
            selected = f"v:{detail.vehicle.id}"
        elif detail.order is not None:
            selected = f"o:{detail.order.id}"
        self._fill_vehicles(self.finder.customer, selected)
        for edit in (self.vin_edit, self.plate_edit, self.brand_edit, self.model_edit):
            edit.clear()
        self.mileage_edit.setText(str(detail.mileage_km) if detail.mileage_km is not None
                                  else "")
        self.description_edit.setPlainText(detail.description)
        self.request_edit.setPlainText(detail.customer_request)
        self.area_combo.setCurrentIndex(max(0, self.area_combo.findData(
            detail.responsible_area.value if detail.responsible_area else "")))
        index = self.person_combo.findData(detail.responsible_user_id or 0)
        if index < 0 and detail.responsible_user_id:
            self.person_combo.addItem(detail.responsible_name, detail.responsible_user_id)
            index = self.person_combo.count() - 1
        self.person_combo.setCurrentIndex(max(0, index))
        self.root_cause_edit.setPlainText(detail.root_cause)
        self.correction_edit.setPlainText(detail.correction)
        self.compensation_edit.setText(
            parsing.format_yuan(detail.compensation_cents, grouping=False)
            if detail.compensation_cents else "")
        self.measure_edit.setPlainText(detail.long_term_measure)
        self.rework_check.setChecked(detail.rework_needed)
        self.rework_done_check.setChecked(detail.rework_completed_at is not None)
        self.rework_edit.setDateTime(QDateTime(detail.rework_completed_at or common.now()))
        self._fill_tables(detail)
        self._loading = False
        self._baseline = self.values()
        self._last_draft = None
        self._refresh_view()

    def _fill_vehicles(self, customer: CustomerDetail | None, selected: str | None) -> None:
        combo = self.vehicle_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(none)"), "")
        if customer is not None:
            for v in customer.vehicles:
                text = " · ".join(p for p in (v.plate, f"{v.brand} {v.model}".strip(),
                                               f"VIN …{v.vin[-6:]}") if p)
                combo.addItem(text, f"v:{v.id}")
            for o in customer.orders:
                combo.addItem(self.tr("Order %1 (%2, %3)").replace("%1", o.number).replace(
                    "%2", formatting.date_text(o.ordered_at)).replace(
                    "%3", formatting.money_text(o.amount_cents)), f"o:{o.id}")
        if self.detail is None:
            # Only while registering: the vehicle is then created with the sheet, in one
            # transaction (later, vehicles are added in the customer's record).
            combo.addItem(self.tr("New vehicle…"), _NEW_VEHICLE)
        index = combo.findData(selected) if selected else 0
        if index < 0 and selected:
            # The sheet's vehicle is no longer the customer's (merge): keep showing it.
            combo.addItem(selected, selected)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        self.new_vehicle_panel.setVisible(combo.currentData() == _NEW_VEHICLE)

    def _fill_tables(self, d: SheetDetail) -> None:
        def fill(table: QTableWidget, rows: list[list[str]]) -> None:
            table.setRowCount(len(rows))
            for r, values in enumerate(rows):
                for c, value in enumerate(values):
                    table.setItem(r, c, QTableWidgetItem(value))
            table.resizeRowsToContents()

        fill(self.actions_table, [[a.description, a.owner_name, formatting.date_text(a.due_date),
                                   labels.label(a.effectiveness)] for a in d.actions])
        fill(self.visits_table, [[formatting.datetime_text(v.visited_at), v.by_name,
                                  "★" * v.satisfaction + f" ({v.satisfaction})",
                                  labels.label(v.kind), v.feedback] for v in d.visits])
        fill(self.progress_table, [[formatting.datetime_text(p.at), p.by_name,
                                    p.text + (" ✆" if p.customer_notified else "")]
                                   for p in d.progress])
        fill(self.history_table, [[formatting.datetime_text(t.at), t.by_name,
                                   self._step_text(t.action, t.from_state, t.to_state), t.note]
                                  for t in d.transitions])
        for r, a in enumerate(d.actions):
            self.actions_table.item(r, 0).setData(Qt.ItemDataRole.UserRole, a.id)

    def _step_text(self, action: str, before: SheetState, after: SheetState) -> str:
        try:
            name = labels.label(Action(action))
        except ValueError:
            name = action
        if before == after:
            return name
        return f"{name}: {labels.label(before)} → {labels.label(after)}"

    # ================================================================ view state
    def _may(self, permission: Permission) -> bool:
        user = self._ctx.user
        if user is None:
            return False
        if user.can(permission):
            return True
        # The responsible person may work on "their" sheet (domain rule).
        return permission in (Permission.RECORD_ANALYSIS, Permission.ADD_PROGRESS,
                              Permission.WAIT_FOR_CUSTOMER) and self.detail is not None \
            and self.detail.responsible_user_id == user.id

    def _refresh_view(self) -> None:
        d = self.detail
        new = d is None
        closed = d is not None and d.state is SheetState.CLOSED
        may_register = self._may(Permission.REGISTER_SHEET) if new else \
            self._may(Permission.EDIT_SHEET) and not closed
        may_analyse = not new and not closed and self._may(Permission.RECORD_ANALYSIS)
        may_progress = not new and not closed and self._may(Permission.ADD_PROGRESS)

        if new:
            self.title_label.setText(self.tr("New complaint sheet"))
            self.state_label.setText("")
            self.number_label.setText(self.tr("(given when saved)"))
            self.received_by_label.setText(self._ctx.user.display_name if self._ctx.user
                                           else "")
        else:
            assert d is not None
            self.title_label.setText(d.number)
            self.state_label.setText(f"【{labels.label(d.state)}】")
            self.number_label.setText(d.number)
            self.received_by_label.setText(d.received_by_name)
        self.title_changed.emit(self.title_label.text() + (
            f" · {labels.label(d.state)}" if d is not None else ""))

        for widget in (self.received_edit, self.channel_combo, self.severity_combo,
                       self.category_combo, self.vehicle_combo, self.vin_edit,
                       self.plate_edit, self.brand_edit, self.model_edit, self.mileage_edit):
            widget.setEnabled(may_register)
        for edit in (self.description_edit, self.request_edit):
            edit.setReadOnly(not may_register)
        self.store_combo.setEnabled(new and len(self._stores) > 1)
        self.finder.set_read_only(not may_register)
        self.finder.new_button.setVisible(new)
        if not may_register and not new:
            reason = messages.format_code("workflow.closed", {}) if closed else \
                messages.permission_text(Permission.EDIT_SHEET.value)
            self.identity_box.setToolTip(reason)
            self.complaint_box.setToolTip(reason)
        else:
            self.identity_box.setToolTip("")
            self.complaint_box.setToolTip("")

        analysis_reason = ""
        if new:
            analysis_reason = self.tr("Save the sheet first.")
        elif closed:
            analysis_reason = messages.format_code("workflow.closed", {})
        elif not may_analyse:
            analysis_reason = messages.permission_text(Permission.RECORD_ANALYSIS.value)
        for edit in (self.root_cause_edit, self.correction_edit, self.measure_edit):
            edit.setReadOnly(not may_analyse)
        for widget in (self.compensation_edit, self.rework_check):
            widget.setEnabled(may_analyse)
        self._update_rework()
        self.analysis_box.setToolTip(analysis_reason)
        for widget in (self.add_action_button, self.check_action_button):
            widget.setEnabled(may_analyse)
            widget.setToolTip(analysis_reason)
        self.check_action_button.setEnabled(may_analyse and self.actions_table.rowCount() > 0)
        progress_reason = self.tr("Save the sheet first.") if new else \
            messages.format_code("workflow.closed", {}) if closed else \
            "" if may_progress else messages.permission_text(Permission.ADD_PROGRESS.value)
        for widget in (self.progress_edit, self.notified_check, self.add_progress_button):
            widget.setEnabled(may_progress)
            widget.setToolTip(progress_reason)

        assign_allowed = d is not None and d.can(Action.ASSIGN.value)
        self.area_combo.setEnabled(assign_allowed)
        self.person_combo.setEnabled(assign_allowed)
        for box in (self.responsibility_box, self.analysis_box, self.actions_box,
                    self.visits_box, self.progress_box, self.history_box):
            box.setVisible(not new)
        self.closeout_box.setVisible(d is not None and d.state is SheetState.CLOSED)
        if d is not None and d.closed_at is not None:
            self.closed_label.setText(self.tr("Closed by %1 at %2.").replace(
                "%1", d.closed_by_name).replace("%2", formatting.datetime_text(d.closed_at)) +
                ("\n" + d.closing_remark if d.closing_remark else ""))
        self.workflow_bar.setVisible(not new)
        if d is not None:
            for availability in d.available:
                self._show_action(availability)
        self.print_button.setEnabled(not new)
        self.reply_button.setEnabled(not new)
        self.sla_box.setVisible(not new)  # the deadlines exist once the sheet is saved
        self._show_sla()

    def _show_action(self, availability: ActionAvailability) -> None:
        button = self.action_buttons[availability.action]
        button.setEnabled(availability.allowed)
        if availability.allowed:
            button.setToolTip(self._action_hint(availability.action))
            return
        button.setToolTip(self.why_not(availability))

    def why_not(self, availability: ActionAvailability) -> str:
        """The translated reason a workflow step is not possible now."""
        action = availability.action
        if availability.code == "workflow.state" and self.detail is not None:
            states = "、".join(labels.label(s) for s in SheetState
                              if s in TRANSITIONS[action].sources)
            return self.tr("Possible only when the sheet is: %1 (now: %2).").replace(
                "%1", states).replace("%2", labels.label(self.detail.state))
        if availability.code.startswith("permission."):
            return messages.permission_text(availability.code.split(".", 1)[1])
        return messages.format_code(availability.code, {}, availability.reason)

    def _action_hint(self, action: Action) -> str:
        hints = {
            Action.ACKNOWLEDGE: self.tr("Record that the complaint was answered now"),
            Action.ASSIGN: self.tr("Give the sheet to the responsible area and person chosen "
                                   "above"),
            Action.WAIT: self.tr("Stop the resolution clock while the customer must act"),
            Action.RESUME: self.tr("Start the resolution clock again"),
            Action.RESOLVE: self.tr("Needs the root cause, the correction and a concrete "
                                    "long-term measure"),
            Action.RETURN_VISIT: self.tr("Record the customer's feedback and satisfaction"),
            Action.CLOSE: self.tr("Close the sheet (service director)"),
            Action.REOPEN: self.tr("Work on the sheet again"),
        }
        return hints[action]

    def _update_rework(self) -> None:
        enabled = self.detail is not None and self.rework_check.isEnabled()
        self.rework_done_check.setEnabled(enabled and self.rework_check.isChecked())
        self.rework_edit.setEnabled(enabled and self.rework_check.isChecked()
                                    and self.rework_done_check.isChecked())

    def _show_sla(self) -> None:
        d = self.detail
        if d is None:
            self.response_due_label.setText(self.tr("set when saved"))
            self.resolution_due_label.setText(self.tr("set when saved"))
            self.response_left_label.clear()
            self.resolution_left_label.clear()
            self.sla_note.setText(self.tr("The deadlines follow the store's policy for the "
                                          "channel and severity chosen."))
            return
        now = common.now()
        resolution_due = d.sla.resolution_due if d.sla else d.resolution_due_at
        response = formatting.time_left(
            SheetState.REGISTERED if d.acknowledged_at is None else SheetState.ACKNOWLEDGED,
            d.response_due_at, None, d.acknowledged_at, None, now)
        if d.acknowledged_at is not None and d.response_due_at is not None:
            status = sla.sla_status(d.response_due_at, d.acknowledged_at, now)
            response = formatting.TimeLeft(
                self.tr("Answered %1").replace("%1", formatting.datetime_text(d.acknowledged_at))
                + " · " + (self.tr("on time") if not status.overdue else self.tr("late")),
                formatting.Urgency.DONE if not status.overdue else formatting.Urgency.LATE)
        resolution = formatting.time_left(
            d.state if d.state is not SheetState.REGISTERED else SheetState.ACKNOWLEDGED,
            None, resolution_due, d.acknowledged_at, d.resolved_at, now)
        for due_label, left_label, due, left in (
                (self.response_due_label, self.response_left_label, d.response_due_at,
                 response),
                (self.resolution_due_label, self.resolution_left_label, resolution_due,
                 resolution)):
            due_label.setText(formatting.datetime_text(due))
            left_label.setText(left.text)
            left_label.setProperty("urgency", left.urgency.value)
            colours = formatting.urgency_colours(left.urgency)
            left_label.setStyleSheet(
                f"background: {colours[0].name()}; color: {colours[1].name()}; "
                "font-weight: bold; padding: 2px 6px;" if colours else "padding: 2px 6px;")
        notes = []
        if d.escalated_to_oem:
            notes.append(self.tr("Major media complaint: escalated to the manufacturer's PR "
                                 "department."))
        self.sla_note.setText(" ".join(notes))
        self.sla_note.setVisible(bool(notes))

    # ================================================================ values
    def values(self) -> dict[str, Any]:
        """Everything the user can type, as plain values (dirty check and drafts)."""
        return {
            "received_at": self.received_edit.dateTime().toPython().replace(second=0,
                                                                           microsecond=0),
            "channel": self.channel_combo.currentData(),
            "severity": self.severity_combo.currentData(),
            "category": self.category_combo.currentData(),
            "store_id": self.store_combo.currentData(),
            "customer_id": self.finder.customer_id,
            "vehicle_choice": self.vehicle_combo.currentData() or "",
            "mileage": self.mileage_edit.text().strip(),
            "description": self.description_edit.toPlainText(),
            "customer_request": self.request_edit.toPlainText(),
            "new_customer": self.finder.creating,
            "new_customer_name": self.finder.name_edit.text() if self.finder.creating else "",
            "new_customer_phone": self.finder.phone_edit.text() if self.finder.creating else "",
            "new_vin": self.vin_edit.text() if self._new_vehicle() else "",
            "new_plate": self.plate_edit.text() if self._new_vehicle() else "",
            "new_brand": self.brand_edit.text() if self._new_vehicle() else "",
            "new_model": self.model_edit.text() if self._new_vehicle() else "",
            "root_cause": self.root_cause_edit.toPlainText(),
            "correction": self.correction_edit.toPlainText(),
            "compensation": self.compensation_edit.text().strip(),
            "long_term_measure": self.measure_edit.toPlainText(),
            "rework_needed": self.rework_check.isChecked(),
            "rework_done": self.rework_done_check.isChecked(),
            "rework_completed_at": self.rework_edit.dateTime().toPython().replace(
                second=0, microsecond=0),
        }

    def _new_vehicle(self) -> bool:
        return self.vehicle_combo.currentData() == _NEW_VEHICLE

    def _changed(self, keys: tuple[str, ...]) -> bool:
        now = self.values()
        return any(now[k] != self._baseline.get(k) for k in keys)

    @property
    def dirty(self) -> bool:
        return self._changed(_REGISTRATION) or (self.detail is not None and
                                                self._changed(_ANALYSIS))

    def _on_edited(self, *_args: object) -> None:
        if self._loading:
            return
        self.general_error.hide()

    def _on_customer_chosen(self, customer_id: int) -> None:
        if self._loading:
            return
        self._fill_vehicles(self.finder.customer, None)
        if customer_id and self.finder.customer is not None:
            # One vehicle is what a dealership complaint is about (its service visits
            # are orders too); a store customer without vehicles may have one order.
            vehicles, orders = self.finder.customer.vehicles, self.finder.customer.orders
            only = f"v:{vehicles[0].id}" if len(vehicles) == 1 else \
                f"o:{orders[0].id}" if not vehicles and len(orders) == 1 else None
            if only is not None:
                self.vehicle_combo.setCurrentIndex(self.vehicle_combo.findData(only))
            self.vehicle_combo.setFocus()

    def _on_new_customer_toggled(self, checked: bool) -> None:
        self._fill_vehicles(None, None)

    def _on_vehicle_choice(self, _index: int) -> None:
        new = self._new_vehicle()
        self.new_vehicle_panel.setVisible(new)
        if new and not self._loading:
            self.vin_edit.setFocus()

    # ================================================================ saving
    def _sheet_input(self, v: dict[str, Any]) -> complaints.SheetInput:
        choice = v["vehicle_choice"]
        vehicle_id = int(choice[2:]) if choice.startswith("v:") else None
        order_id = int(choice[2:]) if choice.startswith("o:") else None
        return complaints.SheetInput(
            channel=v["channel"], severity=v["severity"], category=v["category"] or "",
            description=v["description"], customer_id=v["customer_id"],
            customer_request=v["customer_request"], vehicle_id=vehicle_id, order_id=order_id,
            mileage_km=v["mileage"] or None, received_at=v["received_at"],
            store_id=v["store_id"])

    def _vehicle_input(self, v: dict[str, Any]) -> customers.VehicleInput | None:
        if v["vehicle_choice"] != _NEW_VEHICLE:
            return None
        return customers.VehicleInput(vin=v["new_vin"], plate=v["new_plate"],
                                      brand=v["new_brand"], model=v["new_model"],
                                      mileage_km=v["mileage"] or None)

    def save(self) -> bool:
        """Register or save; True when everything typed is saved now."""
        if not self.save_button.isEnabled():
            return False
        v = self.values()
        self.errors.clear()
        self.general_error.hide()
        try:
            if self.detail is None:
                detail = self._register(v)
            else:
                if not self.dirty:
                    return True
                detail = self._save_existing(v)
        except ConflictError as exc:
            self._on_conflict(exc)
            return False
        except HelpdeskError as exc:
            self.show_errors(exc)
            return False
        drafts.discard_draft(self._ctx.database_description, self._username(),
                             self._draft_key)
        self.load(detail)
        self.sheet_saved.emit(detail.id)
        self._ctx.bus.sheet_changed.emit(detail.id)
        return True

    def _register(self, v: dict[str, Any]) -> SheetDetail:
        data = self._sheet_input(v)
        new_customer = None
        new_vehicle = self._vehicle_input(v)
        if v["new_customer"]:
            phones = (v["new_customer_phone"],) if v["new_customer_phone"].strip() else ()
            new_customer = customers.CustomerInput(
                name=v["new_customer_name"], phones=phones,
                vehicles=(new_vehicle,) if new_vehicle else (), store_id=v["store_id"])
            new_vehicle = None
        try:
            return complaints.register(self._ctx.uow(), self._ctx.user_id, data,
                                       new_customer=new_customer, new_vehicle=new_vehicle)
        except ValidationErrors as exc:
            raise ValidationErrors(self._drop_customer_required(v, exc.errors)) from exc

    def _drop_customer_required(self, v: dict[str, Any],
                                errors: list[ValidationError]) -> list[ValidationError]:
        """A failed inline customer also reports "find the customer first"; the errors
        on the new customer's own fields say it better."""
        if v["new_customer"] and any(e.field != "customer" for e in errors):
            return [e for e in errors if e.code != "customer.required"]
        return errors

    def _save_existing(self, v: dict[str, Any]) -> SheetDetail:
        assert self.detail is not None
        data = self._sheet_input(v) if self._changed(_REGISTRATION) else None
        analysis = None
        if self._changed(_ANALYSIS):
            b = self._baseline

            def changed(key: str) -> bool:
                return v[key] != b.get(key)

            rework_at = v["rework_completed_at"] if v["rework_needed"] and v["rework_done"] \
                else None
            analysis = complaints.AnalysisInput(
                root_cause=v["root_cause"] if changed("root_cause") else None,
                correction=v["correction"] if changed("correction") else None,
                compensation=(v["compensation"] or "0") if changed("compensation") else None,
                long_term_measure=v["long_term_measure"] if changed("long_term_measure")
                else None,
                rework_needed=v["rework_needed"] if changed("rework_needed") else None,
                rework_completed_at=rework_at if any(changed(k) for k in (
                    "rework_done", "rework_completed_at", "rework_needed")) else None,
            )
        return complaints.save_form(self._ctx.uow(), self._ctx.user_id, self.detail.id,
                                    self.detail.version, data=data, analysis=analysis)

    def show_errors(self, exc: HelpdeskError) -> None:
        """Every error next to its field; what belongs to no field above the form."""
        errors = widgets.flatten(exc)
        rest = self.errors.show(errors) if errors else []
        if rest or not errors:
            text = "\n".join(messages.error_text(e) for e in rest) if rest else \
                messages.error_text(exc)
            self.general_error.setText(text)
            self.general_error.show()
            if not errors:
                widgets.focus(self.save_button)

    def _username(self) -> str:
        return self._ctx.user.username if self._ctx.user else ""

    # ================================================================ conflict
    def _on_conflict(self, error: ConflictError) -> None:
        dialog = dialogs.ConflictDialog(error, parent=self)
        dialog.exec()
        if dialog.choice == "compare":
            self.compare()
        elif dialog.choice == "reload":
            self.reload()
        else:
            self.general_error.setText(messages.error_text(error))
            self.general_error.show()

    def reload(self) -> None:
        """Throw away the input and show the sheet as saved now."""
        assert self.detail is not None
        drafts.discard_draft(self._ctx.database_description, self._username(),
                             self._draft_key)
        self.load(complaints.get_sheet(self._ctx.uow(), self._ctx.user_id, self.detail.id))

    def compare_rows(self) -> list[tuple[str, str, str]]:
        """(field, your input, saved now) for every field the form saves."""
        assert self.detail is not None
        saved = complaints.get_sheet(self._ctx.uow(), self._ctx.user_id, self.detail.id)
        mine = self.values()
        rows = [
            (self.tr("Received"), formatting.datetime_text(mine["received_at"]),
             formatting.datetime_text(saved.received_at)),
            (self.tr("Channel"), labels.label(Channel(mine["channel"])),
             labels.label(saved.channel)),
            (self.tr("Severity"), labels.label(Severity(mine["severity"])),
             labels.label(saved.severity)),
            (self.tr("Category"), labels.category_name(self._categories, mine["category"]),
             labels.category_name(self._categories, saved.category)),
            (self.tr("Mileage (km)"), mine["mileage"],
             str(saved.mileage_km) if saved.mileage_km is not None else ""),
            (self.tr("What the customer says"), mine["description"], saved.description),
            (self.tr("What the customer asks for"), mine["customer_request"],
             saved.customer_request),
            (self.tr("Root cause"), mine["root_cause"], saved.root_cause),
            (self.tr("Immediate correction"), mine["correction"], saved.correction),
            (self.tr("Compensation (¥)"), mine["compensation"] or "0.00",
             parsing.format_yuan(saved.compensation_cents, grouping=False)),
            (self.tr("Long-term measure"), mine["long_term_measure"], saved.long_term_measure),
            (self.tr("Status"), labels.label(self.detail.state), labels.label(saved.state)),
            (self.tr("Responsible"), self.detail.responsible_name, saved.responsible_name),
        ]
        return rows

    def compare(self) -> None:
        dialog = dialogs.CompareDialog(self.compare_rows(), parent=self)
        dialog.exec()
        if dialog.reload_requested:
            self.reload()

    # ================================================================ drafts
    def draft_data(self) -> dict[str, Any]:
        data = {k: (v.isoformat() if isinstance(v, datetime) else v)
                for k, v in self.values().items()}
        return {"sheet_id": self.detail.id if self.detail else None,
                "version": self.detail.version if self.detail else None,
                "number": self.detail.number if self.detail else "",
                "values": data}

    def save_draft(self) -> None:
        """Keep the unsaved input on this machine (called every few seconds)."""
        if self._ctx.user is None:
            return
        if not self.dirty:
            if self._last_draft is not None:
                drafts.discard_draft(self._ctx.database_description, self._username(),
                                     self._draft_key)
                self._last_draft = None
            return
        data = self.draft_data()
        if data == self._last_draft:
            return
        drafts.save_draft(self._ctx.database_description, self._username(), self._draft_key,
                          data)
        self._last_draft = data

    def discard_draft(self) -> None:
        drafts.discard_draft(self._ctx.database_description, self._username(),
                             self._draft_key)
        self._last_draft = None

    def _apply_draft(self, draft: drafts.Draft) -> None:
        """Put a restored draft's input back into the fields (the sheet itself is the
        saved one, so a later save still detects someone else's change)."""
        self._draft_key = draft.key
        values = dict(draft.data.get("values", {}))
        version = draft.data.get("version")
        if self.detail is not None and version is not None and version != self.detail.version:
            # Saved by someone since the draft was typed: the save must be refused and
            # shown as a conflict, so keep the version the draft was typed against.
            self.detail = _with_version(self.detail, int(version))
        for key in ("received_at", "rework_completed_at"):
            if values.get(key):
                values[key] = datetime.fromisoformat(values[key])
        if values.get("new_customer"):
            self.finder.new_button.setChecked(True)
            self.finder.name_edit.setText(values.get("new_customer_name", ""))
            self.finder.phone_edit.setText(values.get("new_customer_phone", ""))
        elif values.get("customer_id"):
            self.finder.choose(int(values["customer_id"]), emit=False)
            self._fill_vehicles(self.finder.customer, values.get("vehicle_choice") or None)
        if values.get("vehicle_choice"):
            index = self.vehicle_combo.findData(values["vehicle_choice"])
            if index >= 0:
                self.vehicle_combo.setCurrentIndex(index)
        if values.get("received_at"):
            self.received_edit.setDateTime(QDateTime(values["received_at"]))
        for combo, key in ((self.channel_combo, "channel"), (self.severity_combo, "severity"),
                           (self.category_combo, "category"), (self.store_combo, "store_id")):
            index = combo.findData(values.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        for edit, key in ((self.vin_edit, "new_vin"), (self.plate_edit, "new_plate"),
                          (self.brand_edit, "new_brand"), (self.model_edit, "new_model"),
                          (self.mileage_edit, "mileage"),
                          (self.compensation_edit, "compensation")):
            edit.setText(str(values.get(key, "") or ""))
        for text_edit, key in ((self.description_edit, "description"),
                               (self.request_edit, "customer_request"),
                               (self.root_cause_edit, "root_cause"),
                               (self.correction_edit, "correction"),
                               (self.measure_edit, "long_term_measure")):
            text_edit.setPlainText(str(values.get(key, "") or ""))
        self.rework_check.setChecked(bool(values.get("rework_needed")))
        self.rework_done_check.setChecked(bool(values.get("rework_done")))
        if values.get("rework_completed_at"):
            self.rework_edit.setDateTime(QDateTime(values["rework_completed_at"]))
        self._last_draft = None

    # ================================================================ workflow
    def run_action(self, action: Action) -> None:
        """Take a workflow step; unsaved input is saved first (the step checks it)."""
        if self.detail is None:
            return
        if self.dirty and not self.save():
            return
        d = self.detail
        uow, uid, version = self._ctx.uow, self._ctx.user_id, d.version
        try:
            if action is Action.ACKNOWLEDGE:
                detail = complaints.acknowledge(uow(), uid, d.id, expected_version=version)
            elif action is Action.ASSIGN:
                detail = self._assign()
            elif action is Action.RESUME:
                detail = complaints.resume(uow(), uid, d.id, expected_version=version)
            elif action is Action.RESOLVE:
                detail = complaints.resolve(uow(), uid, d.id, expected_version=version)
            else:
                detail = self._action_dialog(action)
        except ConflictError as exc:
            self._on_conflict(exc)
            return
        except HelpdeskError as exc:
            self.show_errors(exc)
            return
        if detail is None:
            return
        self.load(detail)
        self._ctx.bus.sheet_changed.emit(detail.id)

    def _assign(self) -> SheetDetail:
        assert self.detail is not None
        area = self.area_combo.currentData()
        person = self.person_combo.currentData()
        errors = []
        if not area:
            errors.append(ValidationError("responsible_area", "resolve.area_missing",
                                          "choose the responsible area"))
        if not person:
            errors.append(ValidationError("responsible_user", "resolve.person_missing",
                                          "choose the responsible person"))
        if errors:
            raise ValidationErrors(errors)
        return complaints.assign(self._ctx.uow(), self._ctx.user_id, self.detail.id, area,
                                 int(person), expected_version=self.detail.version)

    def _action_dialog(self, action: Action) -> SheetDetail | None:
        assert self.detail is not None
        d = self.detail
        uow, uid = self._ctx.uow, self._ctx.user_id
        title = labels.label(action)
        if action is Action.WAIT:
            reason = dialogs.multiline("reasonEdit")
            fields = [dialogs.Field("reason", self.tr("What the customer must do:"), reason,
                                    reason.toPlainText)]

            def submit(v: dict[str, Any]) -> SheetDetail:
                return complaints.wait_for_customer(uow(), uid, d.id, v["reason"],
                                                    expected_version=d.version)
            intro = self.tr("The resolution clock stops until you resume the sheet.")
        elif action is Action.RETURN_VISIT:
            score = QSpinBox(objectName="satisfactionSpin")
            score.setRange(0, 5)
            score.setSpecialValueText(self.tr("(choose 1–5)"))
            feedback = dialogs.multiline("feedbackEdit")
            kind = QComboBox(objectName="visitKindCombo")
            for member, text in labels.choices(VisitKind):
                kind.addItem(text, member.value)
            kind.setCurrentIndex(kind.findData(VisitKind.SATISFACTION.value))
            method = QComboBox(objectName="visitMethodCombo")
            for key in labels.VISIT_METHODS:
                method.addItem(labels.visit_method(key), key)
            fields = [
                dialogs.Field("satisfaction", self.tr("Satisfaction (1 = very dissatisfied, "
                                                      "5 = very satisfied):"), score,
                              score.value),
                dialogs.Field("feedback", self.tr("What the customer said:"), feedback,
                              feedback.toPlainText),
                dialogs.Field("visit_kind", self.tr("Kind of visit:"), kind, kind.currentData),
                dialogs.Field("visit_method", self.tr("How:"), method, method.currentData),
            ]

            def submit(v: dict[str, Any]) -> SheetDetail:
                return complaints.record_return_visit(
                    uow(), uid, d.id, v["satisfaction"] or "", v["feedback"],
                    kind=v["visit_kind"], method=v["visit_method"],
                    expected_version=d.version)
            intro = ""
        elif action is Action.CLOSE:
            remark = dialogs.multiline("remarkEdit")
            fields = [dialogs.Field("closing_remark", self.tr("Closing remark:"), remark,
                                    remark.toPlainText)]

            def submit(v: dict[str, Any]) -> SheetDetail:
                return complaints.close(uow(), uid, d.id, v["closing_remark"],
                                        expected_version=d.version)
            intro = self.tr("Closing ends the work on this complaint. It can be reopened "
                            "by the service director.")
        elif action is Action.REOPEN:
            reason = dialogs.multiline("reasonEdit")
            fields = [dialogs.Field("reason", self.tr("Why it is reopened:"), reason,
                                    reason.toPlainText)]

            def submit(v: dict[str, Any]) -> SheetDetail:
                return complaints.reopen(uow(), uid, d.id, v["reason"],
                                         expected_version=d.version)
            intro = ""
        else:
            return None
        dialog = dialogs.ActionDialog(title, fields, submit, intro=intro, ok_text=title,
                                      parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_value

    # ================================================================ log and actions
    def _on_add_progress(self) -> None:
        if self.detail is None or not self.add_progress_button.isEnabled():
            return
        if self.dirty and not self.save():
            return
        assert self.detail is not None
        try:
            detail = complaints.add_progress(
                self._ctx.uow(), self._ctx.user_id, self.detail.id, self.progress_edit.text(),
                customer_notified=self.notified_check.isChecked(),
                expected_version=self.detail.version)
        except ConflictError as exc:
            self._on_conflict(exc)
            return
        except HelpdeskError as exc:
            self.show_errors(exc)
            return
        self.progress_edit.clear()
        self.notified_check.setChecked(False)
        self.load(detail)
        self._ctx.bus.sheet_changed.emit(detail.id)
        self.progress_edit.setFocus()

    def _on_add_action(self) -> None:
        if self.detail is None:
            return
        if self.dirty and not self.save():
            return
        d = self.detail
        description = dialogs.multiline("actionDescription")
        owner = QComboBox(objectName="actionOwner")
        owner.addItem(self.tr("(choose)"), 0)
        for person in self._staff:
            owner.addItem(person.display_name, person.id)
        due = QDateEdit(objectName="actionDue")
        due.setCalendarPopup(True)
        due.setDisplayFormat("yyyy-MM-dd")
        due.setDate(common.now().date())
        fields = [
            dialogs.Field("action_description", self.tr("What changes:"), description,
                          description.toPlainText),
            dialogs.Field("action_owner", self.tr("Owner:"), owner, owner.currentData),
            dialogs.Field("action_due", self.tr("Due:"), due, lambda: due.date().toPython()),
        ]

        def submit(v: dict[str, Any]) -> SheetDetail:
            return complaints.add_corrective_action(
                self._ctx.uow(), self._ctx.user_id, d.id, v["action_description"],
                v["action_owner"] or None, v["action_due"], expected_version=d.version)

        self._run_dialog(dialogs.ActionDialog(self.tr("Add a corrective action"), fields,
                                              submit, parent=self))

    def _on_check_action(self) -> None:
        if self.detail is None:
            return
        row = max(0, self.actions_table.currentRow())
        if row >= len(self.detail.actions):
            return
        if self.dirty and not self.save():
            return
        d = self.detail
        action = d.actions[row]
        result = QComboBox(objectName="effectivenessCombo")
        for member, text in labels.choices(Effectiveness):
            result.addItem(text, member.value)
        note = dialogs.multiline("checkNote")
        fields = [
            dialogs.Field("effectiveness", self.tr("Result:"), result, result.currentData),
            dialogs.Field("check_note", self.tr("How it was checked:"), note, note.toPlainText),
        ]

        def submit(v: dict[str, Any]) -> SheetDetail:
            return complaints.check_corrective_action(
                self._ctx.uow(), self._ctx.user_id, d.id, action.id, v["effectiveness"],
                v["check_note"], expected_version=d.version)

        self._run_dialog(dialogs.ActionDialog(
            self.tr("Effectiveness of: %1").replace("%1", action.description[:60]), fields,
            submit, parent=self))

    def _run_dialog(self, dialog: dialogs.ActionDialog) -> None:
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        except ConflictError as exc:
            dialog.close()
            self._on_conflict(exc)
            return
        if accepted and dialog.result_value is not None:
            self.load(dialog.result_value)
            self._ctx.bus.sheet_changed.emit(dialog.result_value.id)

    def _on_print(self) -> None:
        if self._print_sheet is not None and self.detail is not None:
            if self.dirty and not self.save():
                return
            self._print_sheet(self.detail.id)

    def _on_reply(self) -> None:
        if self._reply_letter is not None and self.detail is not None:
            self._reply_letter(self.detail.id)

    # ================================================================ closing
    def may_close(self) -> bool:
        """Ask about unsaved input; True when the form may go away."""
        if not self.dirty:
            self.discard_draft()
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("Save your changes to this sheet?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("unsavedBox")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_draft()
            return True
        return False


def _with_version(detail: SheetDetail, version: int) -> SheetDetail:
    from dataclasses import replace

    return replace(detail, version=version)


class SheetWindow(QDialog):
    """A window around one :class:`SheetForm` (several can be open at once).

    Esc closes it (asking about unsaved input first); the geometry is remembered."""

    def __init__(self, ctx: AppContext, *, sheet_id: int | None = None,
                 customer_id: int | None = None, draft: drafts.Draft | None = None,
                 print_sheet: Callable[[int], None] | None = None,
                 reply_letter: Callable[[int], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheetWindow")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowMinimizeButtonHint, True)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._ctx = ctx
        self.form = SheetForm(ctx, sheet_id=sheet_id, customer_id=customer_id, draft=draft,
                              print_sheet=print_sheet, reply_letter=reply_letter, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.form)
        self.form.title_changed.connect(self.setWindowTitle)
        self.form.close_requested.connect(self.close)
        self.setWindowTitle(self.form.title_label.text())
        geometry = ctx.settings.value("sheet/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(fitted_size(self, 1220, 720))

    @property
    def sheet_id(self) -> int | None:
        return self.form.detail.id if self.form.detail else None

    def reject(self) -> None:
        """Esc, the close button and the window's [x] all end here (QDialog's close
        event calls ``reject``): ask about unsaved input, then go."""
        if not self.form.may_close():
            return
        self._ctx.settings.setValue("sheet/geometry", self.saveGeometry())
        super().reject()


def fitted_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height``, shrunk to fit the screen (1366×768, or 150 % scaling
    on a 1920×1080 screen, leave about 1280×700 for a window)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    available = screen.availableGeometry()
    return QSize(min(width, int(available.width() * 0.96)),
                 min(height, int(available.height() * 0.92)))
