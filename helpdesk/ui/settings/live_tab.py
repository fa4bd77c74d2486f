"""The settings tab of issue 9: the store's time zone and the warning window."""

from __future__ import annotations

import functools
import zoneinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain import sla
from helpdesk.domain.errors import HelpdeskError
from helpdesk.services import settings as settings_svc
from helpdesk.ui import widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.settings.store_tabs import _Tab


@functools.cache
def _zones() -> list[str]:
    return sorted(zoneinfo.available_timezones())


class TimeAndWarningsTab(_Tab):
    """Time zone (every desk's "now"), and when a deadline counts as due soon."""

    def __init__(self, ctx: AppContext, store_id: int, *, parent: QWidget | None = None) -> None:
        super().__init__(ctx, store_id, parent=parent)
        self.setObjectName("timeTab")
        self.zone_combo = QComboBox(objectName="timeZoneCombo", editable=True)
        self.zone_combo.addItems(_zones())
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.zone_combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.share_combo = QComboBox(objectName="warningShareCombo")
        for share in sla.WarningWindow.SHARES:
            self.share_combo.addItem(f"1/{share}", share)
        self.minimum_spin = QSpinBox(objectName="warningMinimumSpin")
        self.minimum_spin.setRange(0, int(sla.WarningWindow.MAX_MINIMUM.total_seconds() // 60))
        self.note = QLabel(objectName="warningNote")
        self.note.setWordWrap(True)
        self._captions = [QLabel() for _ in range(3)]
        form = QFormLayout()
        rows = [("time_zone", self.zone_combo), ("warning_share", self.share_combo),
                ("warning_minimum", self.minimum_spin)]
        for caption, (key, widget) in zip(self._captions, rows, strict=True):
            caption.setBuddy(widget)
            error = widgets.error_label(key)
            form.addRow(caption, widget)
            form.addRow("", error)
            self.errors.add(key, widget, error)
        form.addRow("", self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addLayout(self._footer())
        self.save_button.clicked.connect(self.save)
        self._retranslate()
        self.load()

    def _retranslate(self) -> None:
        super()._retranslate()
        for caption, text in zip(self._captions, (
                self.tr("Store &time zone:"), self.tr("Warn in the &last:"),
                self.tr("…but at least (&minutes):")), strict=True):
            caption.setText(text)
        self.share_combo.setToolTip(self.tr("Share of the time a deadline allows"))
        self.note.setText(self.tr(
            "Every desk shows and stores times in the store's time zone, whatever the "
            "time zone of its computer. A deadline turns amber, and its responsible "
            "person is notified, in the last part of the time allowed (a third of a "
            "2-hour response: 40 minutes), never shorter than the minimum. Other desks "
            "use the new values within seconds."))

    def load(self) -> None:
        self.zone_combo.setCurrentText(settings_svc.get_time_zone(self._ctx.uow()))
        window = settings_svc.get_warning_window(self._ctx.uow())
        self.share_combo.setCurrentIndex(max(0, self.share_combo.findData(window.share)))
        self.minimum_spin.setValue(int(window.minimum.total_seconds() // 60))

    def save(self) -> None:
        zone, share, minimum = (self.zone_combo.currentText(),
                                int(self.share_combo.currentData()), self.minimum_spin.value())

        def work() -> None:
            settings_svc.save_time_zone(self._ctx.uow(), self._ctx.user_id, zone)
            settings_svc.save_warning_window(self._ctx.uow(), self._ctx.user_id, share,
                                             minimum)
        try:
            widgets.write(self, work)
        except HelpdeskError as exc:
            self._failed(exc)
            return
        self.load()
        self._done()
