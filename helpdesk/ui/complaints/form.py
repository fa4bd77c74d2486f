"""The complaint sheet form (《抱怨/投诉单》), grouped as DESIGN.md section 2 lists.

One widget registers a new complaint and works an existing one. It is made of the
panels of ``helpdesk.ui.complaints.panels`` and keeps the orchestration:

* the left column is what the desk takes down (identity, customer, vehicle or order,
  the complaint); the right column is the work on it (responsibility, root cause,
  correction, long-term measure, rework, corrective actions, return visits, progress
  log, close-out, history);
* which panel is editable comes from the services (``SheetDetail.may_*``,
  ``complaints.may_register``); the form checks no role itself;
* the SLA panel at the top shows both deadlines and the time left, counting down;
* the workflow buttons are enabled only when the sheet's state and the user's role
  allow the step; a disabled button says why in its tooltip;
* every error of the services is shown next to its field with the cursor put there;
* unsaved input is written to a local draft every few seconds (``services.drafts``)
  and offered back after a crash; a save that would overwrite someone else's is
  refused by the services and ends in the conflict dialog (reload or compare);
* the change feed (``ctx.bus.changed``) refreshes the choices after a settings
  change and the sheet after someone else's change, unless the user is typing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import deadlines, parsing
from helpdesk.domain.complaints import (
    TRANSITIONS,
    Action,
    ActionAvailability,
    Effectiveness,
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
from helpdesk.domain.events import Changes
from helpdesk.services import common, complaints, customers, drafts, setup, users
from helpdesk.services import settings as settings_svc
from helpdesk.services.dto import Allowance, SheetDetail, UserInfo
from helpdesk.ui import formatting, labels, messages, widgets
from helpdesk.ui.complaints import concurrent, dialogs, panels
from helpdesk.ui.complaints.attachments_panel import AttachmentsPanel
from helpdesk.ui.complaints.repeat_panel import RepeatPanel
from helpdesk.ui.context import AppContext
from helpdesk.ui.date_edits import DateEdit

DRAFT_EVERY_MS = 3000
SLA_TICK_MS = 30_000
_NEW_VEHICLE = panels.NEW_VEHICLE

# The order of the workflow buttons, as the work goes.
WORKFLOW = (Action.ACKNOWLEDGE, Action.ASSIGN, Action.WAIT, Action.RESUME, Action.RESOLVE,
            Action.RETURN_VISIT, Action.CLOSE, Action.REOPEN)

# Values of the registration part (saved by register / save_form ``data``).
_REGISTRATION = ("received_at", "channel", "severity", "category", "store_id", "customer_id",
                 "vehicle_choice", "mileage", "description", "customer_request",
                 "new_customer", "new_customer_name", "new_customer_phone", "new_vin",
                 "new_plate", "new_brand", "new_model", "linked_sheet_id")
# Values of the analysis part (saved by save_form ``analysis``).
_ANALYSIS = ("root_cause", "correction", "compensation", "long_term_measure", "rework_needed",
             "rework_done", "rework_completed_at")


class SheetForm(QWidget):
    """The complaint sheet form.

    Attributes:
        detail: the sheet as last loaded or saved (None while new).
        errors: the field → widget map that shows validation errors.
        identity, customer, vehicle, complaint, responsibility, analysis, actions,
        visits, progress, closeout, history: the panels (``panels``); the fields
        people type into are also reachable by their old names (``description_edit``…).

    Signals:
        sheet_saved(int): the sheet was registered or saved (its id).
        title_changed(str): the window title should change (number, state).
        close_requested(): the user asked to close the form.
    """

    sheet_saved = Signal(int)
    sheet_open_requested = Signal(int)  # issue 9: open another sheet (repeat panel)
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
        self.setStyleSheet(widgets.FIELD_STYLE)
        self._ctx = ctx
        self._print_sheet = print_sheet
        self._reply_letter = reply_letter
        self.detail: SheetDetail | None = None
        self._may_register = Allowance(False)
        self._baseline: dict[str, Any] = {}
        self._last_draft: dict[str, Any] | None = None
        self._draft_key = draft.key if draft else f"new-{uuid.uuid4().hex[:12]}"
        self._staff: list[UserInfo] = []
        self._loading = False
        self._writing = False  # a save runs (widgets.write)

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
        ctx.bus.changed.connect(self._on_changes)

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
        # Issue 9: another desk changed the sheet open here.
        self.concurrent = concurrent.ConcurrentNotice(self)
        self.concurrent.merge_requested.connect(self.merge_concurrent)
        self.concurrent.compare_requested.connect(self.compare)
        self._concurrent_saved: SheetDetail | None = None

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

        # --- the panels
        errors = self.errors
        stores, categories, self._staff = self._choices()
        self.identity = panels.IdentityPanel(errors, stores, categories)
        self.customer = panels.CustomerPanel(self._ctx, errors)
        self.vehicle = panels.VehiclePanel(errors)
        self.repeat = RepeatPanel(self._ctx, errors)  # issue 9: repeat complaints
        self.repeat.open_requested.connect(self.sheet_open_requested)
        self.complaint = panels.ComplaintPanel(errors)
        self.responsibility = panels.ResponsibilityPanel(errors, self._staff)
        self.analysis = panels.AnalysisPanel(errors)
        self.actions = panels.ActionsPanel(errors)
        self.visits = panels.VisitsPanel(errors)
        self.progress = panels.ProgressPanel(errors)
        self.closeout = panels.CloseOutPanel(errors)
        self.history = panels.HistoryPanel(errors)
        self._panels: tuple[panels.Panel, ...] = (
            self.identity, self.customer, self.vehicle, self.repeat, self.complaint,
            self.responsibility, self.analysis, self.actions, self.visits, self.progress,
            self.closeout, self.history)
        self._work_panels = (self.responsibility, self.analysis, self.actions, self.visits,
                             self.progress, self.history)
        self._expose_fields()
        # issue 11: photos and files of the sheet
        self.attachments_panel = AttachmentsPanel(self._ctx)

        # --- columns in a scroll area
        # Left: who and what was received; right: the complaint and the work on it.
        left = QVBoxLayout()
        for box in (self.identity, self.customer, self.vehicle, self.repeat):
            left.addWidget(box)
        left.addWidget(self.attachments_panel)
        left.addStretch(1)
        right = QVBoxLayout()
        for box in (self.complaint, self.responsibility, self.analysis, self.actions,
                    self.visits, self.progress, self.closeout, self.history):
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
        layout.addWidget(self.concurrent)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)

        # Tab order follows the form: identity, customer, vehicle, complaint, analysis.
        i, f, v, a = self.identity, self.finder, self.vehicle, self.analysis
        chain = [i.store_combo, i.received_edit, i.channel_combo, i.severity_combo,
                 i.category_combo, f.search_edit, f.new_button, f.name_edit, f.phone_edit,
                 v.vehicle_combo, v.vin_edit, v.plate_edit, v.brand_edit, v.model_edit,
                 v.mileage_edit, self.complaint.description_edit,
                 self.complaint.request_edit, self.responsibility.area_combo,
                 self.responsibility.person_combo, a.root_cause_edit, a.correction_edit,
                 a.compensation_edit, a.measure_edit, a.rework_check, a.rework_done_check,
                 a.rework_edit, self.actions.add_action_button,
                 self.actions.check_action_button, self.progress.progress_edit,
                 self.progress.notified_check, self.progress.add_progress_button,
                 *self.action_buttons.values(), self.print_button, self.reply_button,
                 self.save_button, self.close_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _expose_fields(self) -> None:
        """The panels' boxes and fields under the form's own names, as before the
        split (tests and callers drive them by these names)."""
        self.identity_box, self.customer_box = self.identity, self.customer
        self.vehicle_box, self.complaint_box = self.vehicle, self.complaint
        self.responsibility_box, self.analysis_box = self.responsibility, self.analysis
        self.actions_box, self.visits_box = self.actions, self.visits
        self.progress_box, self.closeout_box = self.progress, self.closeout
        self.history_box = self.history
        i, v, c, r, a = self.identity, self.vehicle, self.complaint, self.responsibility, \
            self.analysis
        self.finder = self.customer.finder
        self.store_combo, self.received_edit = i.store_combo, i.received_edit
        self.channel_combo, self.severity_combo = i.channel_combo, i.severity_combo
        self.category_combo = i.category_combo
        self.vehicle_combo, self.mileage_edit = v.vehicle_combo, v.mileage_edit
        self.vin_edit, self.plate_edit = v.vin_edit, v.plate_edit
        self.brand_edit, self.model_edit = v.brand_edit, v.model_edit
        self.description_edit, self.request_edit = c.description_edit, c.request_edit
        self.area_combo, self.person_combo = r.area_combo, r.person_combo
        self.root_cause_edit, self.correction_edit = a.root_cause_edit, a.correction_edit
        self.compensation_edit, self.measure_edit = a.compensation_edit, a.measure_edit
        self.progress_edit = self.progress.progress_edit

    def _choices(self) -> tuple[list[Any], dict[str, list[str]], list[UserInfo]]:
        """Stores, categories and active staff, as the settings say now."""
        uow = self._ctx.uow
        return (setup.list_stores(uow()), settings_svc.get_categories(uow()),
                list(users.list_users(uow(), include_inactive=False)))

    def _wire(self) -> None:
        for panel in self._panels:
            panel.edited.connect(self._on_edited)
        self.finder.customer_chosen.connect(self._on_customer_chosen)
        self.finder.new_customer_toggled.connect(self._on_new_customer_toggled)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_requested)
        self.print_button.clicked.connect(self._on_print)
        self.reply_button.clicked.connect(self._on_reply)
        self.progress.add_requested.connect(self._on_add_progress)
        self.actions.add_requested.connect(self._on_add_action)
        self.actions.check_requested.connect(self._on_check_action)
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
        for panel in self._panels:
            panel.retranslate()
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the sheet (Ctrl+S)"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the sheet for signatures (Ctrl+P)"))
        self.reply_button.setText(self.tr("Reply l&etter…"))
        self.close_button.setText(self.tr("Close window"))
        self.close_button.setToolTip(self.tr("Close this window (Esc)"))
        for action, button in self.action_buttons.items():
            button.setText(labels.label(action))
        if self.detail is not None or self._baseline:
            self._refresh_view()

    # ================================================================ loading
    def _start_new(self, customer_id: int | None) -> None:
        self._loading = True
        self.detail = None
        self._may_register = complaints.may_register(self._ctx.uow(), self._ctx.user_id) \
            if self._ctx.user is not None else Allowance(False)
        user = self._ctx.user
        self.identity.start_new(common.now(), user.store_id if user else None)
        self.finder.choose(customer_id, emit=False)
        self.vehicle.offer(self.finder.customer, None, offer_new=True)
        self.attachments_panel.show_sheet(None)
        self.repeat.clear()
        self.repeat.show_customer(customer_id)
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
        self.concurrent.hide()
        self._concurrent_saved = None
        now = common.now()
        self.identity.load(detail, now)
        self.customer.load(detail)
        self.vehicle.load(detail, self.finder.customer)
        self.repeat.load(detail)
        for panel in (self.complaint, self.responsibility, self.actions, self.visits,
                      self.progress, self.closeout, self.history):
            panel.load(detail)
        self.analysis.load(detail, now)
        self.attachments_panel.show_sheet(detail.id,
                                          editable=detail.state is not SheetState.CLOSED)
        self._loading = False
        self._baseline = self.values()
        self._last_draft = None
        self._refresh_view()

    # ================================================================ view state
    def _flags(self) -> panels.Flags:
        if self.detail is None:
            return panels.Flags.new_sheet(self._may_register)
        return panels.Flags.of(self.detail)

    def _refresh_view(self) -> None:
        d = self.detail
        new = d is None
        flags = self._flags()

        if d is None:
            self.title_label.setText(self.tr("New complaint sheet"))
            self.state_label.setText("")
        else:
            self.title_label.setText(d.number)
            self.state_label.setText(f"【{labels.label(d.state)}】")
        self.identity.show_sheet(d, self._ctx.user.display_name if self._ctx.user else "")
        self.title_changed.emit(self.title_label.text() + (
            f" · {labels.label(d.state)}" if d is not None else ""))

        for panel in self._panels:
            panel.set_flags(flags)
        for panel in self._work_panels:
            panel.setVisible(not new)
        self.closeout.setVisible(d is not None and d.state is SheetState.CLOSED)
        self.save_button.setEnabled(flags.identity.allowed or flags.analysis.allowed)
        self.workflow_bar.setVisible(not new)
        if d is not None:
            for availability in d.available:
                self._show_action(availability)
        may_print = d is not None and d.may_print.allowed
        self.print_button.setEnabled(may_print)
        self.reply_button.setEnabled(may_print)
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
        # Both clocks judged now by the one rule, as the list and the report judge them.
        judged = deadlines.sheet_deadlines(
            d.state, response_due_at=d.response_due_at, resolution_due_at=d.resolution_due_at,
            acknowledged_at=d.acknowledged_at, resolved_at=d.resolved_at,
            waiting_since=d.waiting_since, now=common.now(),
            received_at=d.received_at)
        resolution_due = judged.resolution_due
        response = formatting.TimeLeft("", formatting.Urgency.NONE)
        if judged.response is not None and d.acknowledged_at is not None:
            late = judged.response.overdue
            response = formatting.TimeLeft(
                self.tr("Answered %1").replace("%1", formatting.datetime_text(d.acknowledged_at))
                + " · " + (self.tr("late") if late else self.tr("on time")),
                formatting.Urgency.LATE if late else formatting.Urgency.DONE)
        elif judged.response is not None:
            response = formatting.status_text(judged.response, response=True)
        resolution = formatting.TimeLeft("", formatting.Urgency.NONE)
        if judged.resolution is not None:
            resolution = formatting.status_text(judged.resolution, response=False)
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
        result: dict[str, Any] = {}
        for panel in self._panels:
            result.update(panel.values())
        return result

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
        self.vehicle.offer(self.finder.customer, None, offer_new=self.detail is None)
        self.repeat.show_customer(customer_id or None,
                                  exclude=self.detail.id if self.detail else None)
        if customer_id and self.finder.customer is not None:
            self.vehicle.choose_only(self.finder.customer)
            # issue 11: the plate, VIN or order searched for is the one the sheet is about
            found = self.vehicle.vehicle_combo.findData(self.finder.matched_choice or "")
            if self.finder.matched_choice and found >= 0:
                self.vehicle.vehicle_combo.setCurrentIndex(found)
            self.vehicle.vehicle_combo.setFocus()

    def _on_new_customer_toggled(self, checked: bool) -> None:
        self.vehicle.offer(None, None, offer_new=self.detail is None)

    # ================================================================ changes
    def _on_changes(self, changes: Changes) -> None:
        """Follow what other operations changed: new choices after a settings change
        (keeping what is chosen and typed), the sheet as saved now after a change of
        it — unless the user has unsaved input here, which a reload would throw away."""
        if changes.touches_settings():
            stores, categories, self._staff = self._choices()
            self._loading = True
            self.identity.set_choices(stores, categories)
            self.responsibility.set_staff(self._staff)
            self._loading = False
            if self.detail is None and self._ctx.user is not None:
                self._may_register = complaints.may_register(self._ctx.uow(),
                                                             self._ctx.user_id)
                self._refresh_view()
        if self.detail is None:
            return
        if changes.everything or changes.users or self.detail.id in changes.sheet_ids:
            try:
                detail = complaints.get_sheet(self._ctx.uow(), self._ctx.user_id,
                                              self.detail.id)
            except HelpdeskError:
                return  # gone or no longer ours to see: the form shows what it had
            self._sheet_changed(detail)

    def _edited_keys(self) -> list[str]:
        now = self.values()
        keys = _REGISTRATION + _ANALYSIS if self.detail is not None else _REGISTRATION
        return [k for k in keys if now[k] != self._baseline.get(k)]

    def _sheet_changed(self, saved: SheetDetail) -> None:
        """The sheet as saved now. Without input here the form shows it; with input,
        it is kept and the notice says who changed what, and whether a merge can
        keep both (issue 9)."""
        assert self.detail is not None
        if saved.version == self.detail.version:
            if not self.dirty:
                self.load(saved)  # names and rights may have changed (users)
            return
        theirs = concurrent.changed_attributes(self.detail, saved)
        if not self.dirty:
            self.load(saved)
            self.concurrent.tell(saved, theirs, typing=False)
            return
        self._concurrent_saved = saved
        overlap = theirs & concurrent.attributes_of(self._edited_keys())
        self.concurrent.tell(saved, theirs, typing=True, overlap=overlap)

    def merge_concurrent(self) -> None:
        """Take the other desk's version and put the user's edited fields back on it;
        the next save then goes against the newest version. Refused (with the notice
        kept) when both changed the same field."""
        saved = self._concurrent_saved
        if saved is None or self.detail is None:
            return
        keys = self._edited_keys()
        theirs = concurrent.changed_attributes(self.detail, saved)
        if theirs & concurrent.attributes_of(keys):
            return
        typed = self.values()
        self.load(saved)
        self._restore_values({**self.values(), **{k: typed[k] for k in keys}})
        self._concurrent_saved = None
        self.concurrent.hide()

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
            store_id=v["store_id"], linked_sheet_id=v.get("linked_sheet_id"))

    def _vehicle_input(self, v: dict[str, Any]) -> customers.VehicleInput | None:
        if v["vehicle_choice"] != _NEW_VEHICLE:
            return None
        return customers.VehicleInput(vin=v["new_vin"], plate=v["new_plate"],
                                      brand=v["new_brand"], model=v["new_model"],
                                      mileage_km=v["mileage"] or None)

    def _write(self, fn: Callable[[], SheetDetail]) -> SheetDetail:
        """A use case that writes, off the UI thread (``widgets.write``): the window
        stays responsive behind a busy database and the input stays in the fields."""
        self._writing = True
        try:
            result: SheetDetail = widgets.write(self, fn)
        finally:
            self._writing = False
        return result

    def save(self) -> bool:
        """Register or save; True when everything typed is saved now."""
        if not self.save_button.isEnabled() or self._writing:
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
            return self._write(lambda: complaints.register(
                self._ctx.uow(), self._ctx.user_id, data, new_customer=new_customer,
                new_vehicle=new_vehicle))
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
        sheet_id, version = self.detail.id, self.detail.version
        return self._write(lambda: complaints.save_form(
            self._ctx.uow(), self._ctx.user_id, sheet_id, version, data=data,
            analysis=analysis))

    def show_errors(self, exc: HelpdeskError) -> None:
        """Every error next to its field; what belongs to no field above the form."""
        errors = widgets.flatten(exc)
        rest = self.errors.show(errors) if errors else []
        for error in errors:
            if error.code in ("phone.duplicate", "vin.taken") and "customer_id" in error.params:
                self.finder.offer_existing(int(error.params["customer_id"]), str(
                    error.params.get("customer_name") or f"#{error.params['customer_id']}"))
                break
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
            (self.tr("Category"), self.identity.category_name(mine["category"]),
             self.identity.category_name(saved.category)),
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
        self._restore_values(values)
        self._last_draft = None

    def _restore_values(self, values: dict[str, Any]) -> None:
        """Put input values (``values()``'s shape) into the fields."""
        self.customer.restore(values)
        if not values.get("new_customer") and values.get("customer_id"):
            self.vehicle.offer(self.finder.customer, values.get("vehicle_choice") or None,
                               offer_new=self.detail is None)
        for panel in self._panels:
            if panel is not self.customer:
                panel.restore(values)

    # ================================================================ workflow
    def run_action(self, action: Action) -> None:
        """Take a workflow step; unsaved input is saved first (the step checks it)."""
        if self.detail is None or self._writing:
            return
        if self.dirty and not self.save():
            return
        d = self.detail
        uow, uid, version = self._ctx.uow, self._ctx.user_id, d.version
        try:
            if action is Action.ACKNOWLEDGE:
                detail = self._write(lambda: complaints.acknowledge(
                    uow(), uid, d.id, expected_version=version))
            elif action is Action.ASSIGN:
                detail = self._assign()
            elif action is Action.RESUME:
                detail = self._write(lambda: complaints.resume(
                    uow(), uid, d.id, expected_version=version))
            elif action is Action.RESOLVE:
                detail = self._write(lambda: complaints.resolve(
                    uow(), uid, d.id, expected_version=version))
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

    def _assign(self) -> SheetDetail:
        assert self.detail is not None
        area, person = self.responsibility.chosen()
        errors = []
        if not area:
            errors.append(ValidationError("responsible_area", "assign.area_missing",
                                          "choose the responsible area"))
        if not person:
            errors.append(ValidationError("responsible_user", "assign.person_missing",
                                          "choose the responsible person"))
        if errors:
            raise ValidationErrors(errors)
        sheet_id, version = self.detail.id, self.detail.version
        return self._write(lambda: complaints.assign(
            self._ctx.uow(), self._ctx.user_id, sheet_id, area, int(person),
            expected_version=version))

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
        if self.detail is None or not self.progress.add_progress_button.isEnabled():
            return
        if self.dirty and not self.save():
            return
        assert self.detail is not None
        text, notified = self.progress.entry()
        sheet_id, version = self.detail.id, self.detail.version
        try:
            detail = self._write(lambda: complaints.add_progress(
                self._ctx.uow(), self._ctx.user_id, sheet_id, text,
                customer_notified=notified, expected_version=version))
        except ConflictError as exc:
            self._on_conflict(exc)
            return
        except HelpdeskError as exc:
            self.show_errors(exc)
            return
        self.progress.clear_entry()
        self.load(detail)
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
        due = DateEdit(objectName="actionDue")
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

    def _on_check_action(self, row: int) -> None:
        if self.detail is None:
            return
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
        self.form.title_changed.connect(self._show_title)
        self.form.close_requested.connect(self.close)
        self._show_title(self.form.title_label.text())
        geometry = ctx.settings.value("sheet/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(fitted_size(self, 1220, 720))

    def _show_title(self, text: str) -> None:
        # issue 11: a sheet read from an archive says so in its title
        self.setWindowTitle(self.tr("%1 — archive (read-only)").replace("%1", text)
                            if self._ctx.read_only else text)

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
