"""Finding the customer while they stand at the desk: type-ahead over name, pinyin
(full or initials), phone or its last digits, plate, VIN tail and order number — or a
new customer typed in on the spot (created with the sheet, in one transaction)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import shortlists, validation
from helpdesk.domain.errors import HelpdeskError
from helpdesk.services import customers
from helpdesk.services.dto import CustomerDetail, CustomerSummary
from helpdesk.ui import labels, widgets
from helpdesk.ui.context import AppContext

TYPE_AHEAD_MS = 200
MAX_HITS = 15
PHONE_MAX_LENGTH = validation.PHONE_MAX_LENGTH
CustomerIdRole = Qt.ItemDataRole.UserRole + 1


class CustomerFinder(QWidget):
    """The customer part of the sheet form.

    Signals:
        customer_chosen(int): an existing customer was picked (0: none any more).
        new_customer_toggled(bool): the inline "new customer" panel opened or closed.
        edited(): anything the user typed here changed.
    """

    customer_chosen = Signal(int)
    new_customer_toggled = Signal(bool)
    edited = Signal()

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.customer: CustomerDetail | None = None
        self.hits: list[CustomerSummary] = []
        # issue 11: the vehicle/order a plate, VIN or order search found ("v:<id>"/"o:<id>")
        self.matched_choice: str | None = None
        self._picked_hit: CustomerSummary | None = None

        self.search_edit = QLineEdit(objectName="customerSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.new_button = QPushButton(objectName="newCustomerButton")
        self.new_button.setCheckable(True)
        self.info_label = QLabel(objectName="customerInfo")
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.search_error = widgets.error_label("customer")

        self.new_panel = QWidget(objectName="newCustomerPanel")
        self.name_edit = QLineEdit(objectName="newCustomerName")
        self.phone_edit = QLineEdit(objectName="newCustomerPhone")
        # Room for "+44 20 7946 0958" typed loosely; a paste is cut, not quoted back.
        self.phone_edit.setMaxLength(PHONE_MAX_LENGTH)
        self.use_existing_button = QPushButton(objectName="useExistingCustomer")
        self.use_existing_button.hide()
        self._existing_id = 0
        self.name_error = widgets.error_label("name")
        self.phone_error = widgets.error_label("phone")
        form = QFormLayout(self.new_panel)
        form.setContentsMargins(0, 0, 0, 0)
        self._name_label = QLabel()
        self._phone_label = QLabel()
        self._name_label.setBuddy(self.name_edit)
        self._phone_label.setBuddy(self.phone_edit)
        for label, edit, error in ((self._name_label, self.name_edit, self.name_error),
                                   (self._phone_label, self.phone_edit, self.phone_error)):
            form.addRow(label, widgets.with_error(edit, error))
        form.addRow("", self.use_existing_button)
        self.new_panel.hide()

        self._hits_model = QStandardItemModel(self)
        self.completer = QCompleter(self._hits_model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(MAX_HITS)
        self.completer.popup().setObjectName("customerPopup")
        self.search_edit.setCompleter(self.completer)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.search_error)
        layout.addWidget(self.info_label)
        layout.addWidget(self.new_panel)

        self._timer = QTimer(self, singleShot=True, interval=TYPE_AHEAD_MS)
        self._timer.timeout.connect(self._search)
        self.search_edit.textEdited.connect(self._on_text_edited)
        self.search_edit.returnPressed.connect(self._on_return)
        self.completer.activated[QModelIndex].connect(self._on_hit_chosen)
        self.new_button.toggled.connect(self._on_new_toggled)
        self.name_edit.textChanged.connect(self.edited)
        self.phone_edit.textChanged.connect(self.edited)
        self.use_existing_button.clicked.connect(self._on_use_existing)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.search_edit.setPlaceholderText(
            self.tr("Name, pinyin (zs), phone or last 4 digits, plate, VIN tail, order no."))
        self.new_button.setText(self.tr("New c&ustomer"))
        self.new_button.setToolTip(self.tr("The customer is not on file yet: type their name "
                                           "and phone; they are saved with the sheet"))
        self._name_label.setText(self.tr("Name:"))
        self._phone_label.setText(self.tr("Phone:"))
        self._show_info()

    # ------------------------------------------------------------ state
    @property
    def creating(self) -> bool:
        return self.new_button.isChecked()

    @property
    def customer_id(self) -> int | None:
        return self.customer.id if self.customer is not None else None

    def set_read_only(self, read_only: bool) -> None:
        widgets.set_read_only(self.search_edit, read_only)
        self.new_button.setEnabled(not read_only)

    def choose(self, customer_id: int | None, *, emit: bool = True) -> None:
        """Show ``customer_id`` as the sheet's customer (None: nobody yet)."""
        if customer_id is None:
            self.customer = None
        else:
            try:
                self.customer = customers.get_customer(self._ctx.uow(), self._ctx.user_id,
                                                       customer_id)
            except HelpdeskError as exc:
                widgets.show_error(self, exc)
                self.customer = None
        hit, self._picked_hit = self._picked_hit, None
        self.matched_choice = customers.matched_choice(
            self.customer, hit.matched_kind, hit.matched_key) \
            if hit is not None and self.customer is not None and hit.id == self.customer.id \
            else None
        if self.customer is not None and self.creating:
            self.new_button.setChecked(False)
        self.search_edit.setText(self.customer.name if self.customer else "")
        self._show_info()
        if emit:
            self.customer_chosen.emit(self.customer_id or 0)
            self.edited.emit()

    def _show_info(self) -> None:
        c = self.customer
        self.info_label.setVisible(not self.creating)
        if c is None:
            self.info_label.setText(self.tr("No customer chosen yet."))
            return
        phone = validation.display_phone(c.phones[0]) if c.phones else ""
        parts = [f"<b>{_escape(c.name)}</b>", _escape(phone), labels.label(c.tier)]
        plates = [v.plate for v in c.vehicles if v.plate]
        if plates:
            parts.append(_escape(", ".join(plates)))
        self.info_label.setText(" · ".join(p for p in parts if p))

    # ------------------------------------------------------------ type-ahead
    def _on_text_edited(self, _text: str) -> None:
        if self.customer is not None:
            # Typing again means looking for someone else.
            self.customer = None
            self._show_info()
            self.customer_chosen.emit(0)
            self.edited.emit()
        self._timer.start()

    def search_now(self) -> None:
        self._timer.stop()
        self._search()

    def _search(self) -> None:
        query = self.search_edit.text().strip()
        self._hits_model.clear()
        self.hits = []
        if not query:
            return
        try:
            self.hits, more = shortlists.shortlist(
                lambda limit: customers.find_customers(self._ctx.uow(), self._ctx.user_id,
                                                       query, limit), MAX_HITS)
        except HelpdeskError as exc:
            self.info_label.setText(widgets.messages.error_text(exc))
            return
        for hit in self.hits:
            plates = ", ".join(hit.plates[:2])
            text = " · ".join(p for p in (hit.name, validation.display_phone(hit.phone), plates)
                              if p)
            item = QStandardItem(text)
            item.setData(hit.id, CustomerIdRole)
            item.setToolTip(self.tr("Matched: %1").replace("%1", hit.matched_key or hit.name))
            self._hits_model.appendRow(item)
        if self.customer is None:
            self._show_info()  # no "best 15" left over from the last search
        if more:
            self.info_label.setText(self.tr("Showing the best %1 matches: type more of the "
                                            "name, phone or plate to find others.")
                                    .replace("%1", str(MAX_HITS)))
        if self.hits:
            self.completer.setCompletionPrefix("")
            self.completer.complete()
        else:
            self.info_label.setText(self.tr("Nobody found. Check the spelling, or register a "
                                            "new customer."))

    def _on_hit_chosen(self, index: QModelIndex) -> None:
        customer_id = index.data(CustomerIdRole)
        if customer_id is not None:
            self._picked_hit = next((h for h in self.hits if h.id == int(customer_id)), None)
            # The completer writes the row's text into the field first; replace it.
            QTimer.singleShot(0, lambda: self.choose(int(customer_id)))

    def _on_return(self) -> None:
        if self.customer is None and self.completer.popup().isHidden():
            self.search_now()
            if len(self.hits) == 1:
                self.completer.popup().hide()
                self._picked_hit = self.hits[0]
                self.choose(self.hits[0].id)

    def offer_existing(self, customer_id: int, name: str) -> None:
        """The phone or VIN typed for a new customer is already on file: offer that
        customer in one click."""
        self._existing_id = customer_id
        self.use_existing_button.setText(self.tr("Use %1 instead").replace("%1", name))
        self.use_existing_button.setVisible(self.creating)

    def _on_use_existing(self) -> None:
        self.use_existing_button.hide()
        self.name_edit.clear()
        self.phone_edit.clear()
        self.choose(self._existing_id)

    def _on_new_toggled(self, checked: bool) -> None:
        self.new_panel.setVisible(checked)
        self.use_existing_button.hide()
        if checked:
            if self.customer is not None:
                self.customer = None
                self.customer_chosen.emit(0)
            typed = self.search_edit.text().strip()
            if typed and not self.name_edit.text() and not typed[-1].isdigit():
                self.name_edit.setText(typed)
            self.search_edit.clear()
            self.name_edit.setFocus()
        self._show_info()
        self.new_customer_toggled.emit(checked)
        self.edited.emit()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
