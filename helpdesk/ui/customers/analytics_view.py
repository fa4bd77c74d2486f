"""The customer analytics view: the customer pyramid drawn as a picture with counts
and revenue shares, the RFM classes, lifecycle counts, retention and CSAT, and the
call lists of birthdays this month and return visits due."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from helpdesk.domain.customers import Lifecycle
from helpdesk.domain.errors import HelpdeskError
from helpdesk.domain.events import Changes
from helpdesk.services import analytics, customers, setup
from helpdesk.services.analytics import AnalyticsOverview, PyramidReport, RfmClass, Segment
from helpdesk.ui import formatting, widgets
from helpdesk.ui.context import AppContext
from helpdesk.ui.customers import labels
from helpdesk.ui.customers.model import RecordTableModel, alive, phone_text, record_view

# Module-level name that lupdate recognises (it cannot see through a helper).
translate = QCoreApplication.translate

# Top of the pyramid first; the two bands below it stand apart.
PYRAMID_ORDER = (Segment.TOP, Segment.HIGH, Segment.MIDDLE, Segment.LOW)
COLOURS = {
    Segment.TOP: "#8e2c48",
    Segment.HIGH: "#c0504d",
    Segment.MIDDLE: "#e39b5b",
    Segment.LOW: "#f2cf8b",
    Segment.INACTIVE: "#9aa5b1",
    Segment.PROSPECT: "#c9d6df",
}


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f} %"


class PyramidChart(QWidget):
    """The customer pyramid (seed 001) painted with QPainter: four bands of equal
    height from top to low, each labelled with its customers and revenue share, and the
    inactive customers and prospects as two bars under it."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pyramidChart")
        self._report: PyramidReport | None = None
        self.setMinimumSize(420, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(520, 360)

    def set_report(self, report: PyramidReport | None) -> None:
        self._report = report
        self.update()

    def band_texts(self) -> list[str]:
        """What each band says (tests and screen readers read it)."""
        if self._report is None:
            return []
        return [
            self._text(self._report, s)
            for s in (*PYRAMID_ORDER, Segment.INACTIVE, Segment.PROSPECT)
        ]

    def _text(self, report: PyramidReport, segment: Segment) -> str:
        f = report.figure(segment)
        if segment in PYRAMID_ORDER:
            return (
                translate("AnalyticsView", "%1: %2 customers · %3 of revenue")
                .replace("%1", labels.label(segment))
                .replace("%2", f"{f.customers:,}")
                .replace("%3", _percent(f.revenue_share))
            )
        return (
            translate("AnalyticsView", "%1: %2 customers")
            .replace("%1", labels.label(segment))
            .replace("%2", f"{f.customers:,}")
        )

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(10, 10, -10, -10)
        report = self._report
        if report is None:
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignCenter, translate("AnalyticsView", "No figures yet.")
            )
            return
        bottom_bars = 2 * 28 + 16
        tri = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - bottom_bars)
        apex = QPointF(tri.center().x(), tri.top())
        n = len(PYRAMID_ORDER)
        band_h = tri.height() / n
        font = QFont(self.font())
        painter.setFont(font)
        for i, segment in enumerate(PYRAMID_ORDER):
            top_y, bottom_y = tri.top() + i * band_h, tri.top() + (i + 1) * band_h

            def half_width(y: float) -> float:
                return (y - apex.y()) / tri.height() * tri.width() / 2

            path = QPainterPath()
            path.moveTo(apex.x() - half_width(top_y), top_y)
            path.lineTo(apex.x() + half_width(top_y), top_y)
            path.lineTo(apex.x() + half_width(bottom_y), bottom_y)
            path.lineTo(apex.x() - half_width(bottom_y), bottom_y)
            path.closeSubpath()
            painter.fillPath(path, QColor(COLOURS[segment]))
            painter.setPen(QPen(QColor("white"), 2))
            painter.drawPath(path)
            painter.setPen(QColor("black"))
            text_rect = QRectF(tri.left(), top_y, tri.width(), band_h)
            if i == 0:  # the apex is narrow: write beside it
                left = apex.x() + half_width(bottom_y) + 6
                text_rect = QRectF(left, top_y, rect.right() - left, band_h)
                painter.drawText(
                    text_rect,
                    Qt.AlignmentFlag.AlignLeft
                    | Qt.AlignmentFlag.AlignVCenter
                    | Qt.TextFlag.TextWordWrap,
                    self._text(report, segment),
                )
            else:
                painter.drawText(
                    text_rect.adjusted(0, band_h * 0.25, 0, 0),
                    Qt.AlignmentFlag.AlignCenter,
                    self._text(report, segment),
                )
        y = tri.bottom() + 16
        for segment in (Segment.INACTIVE, Segment.PROSPECT):
            bar = QRectF(rect.left(), y, rect.width(), 24)
            painter.fillRect(bar, QColor(COLOURS[segment]))
            painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, self._text(report, segment))
            y += 28


class AnalyticsView(widgets.RefreshWhenShown, QWidget):
    """Customer analytics for one store or all.

    Signals:
        customer_open_requested(int): a call-list line was double-clicked (customer id).
        refreshed(): new figures are shown.
    """

    customer_open_requested = Signal(int)
    refreshed = Signal()

    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        self.overview: AnalyticsOverview | None = None
        ctx.bus.changed.connect(self._on_changes)
        self.setObjectName("analyticsView")

        self._store = QComboBox()
        self._store.setObjectName("analyticsStore")
        self._store.addItem(translate("AnalyticsView", "All stores"), None)
        self._period = QComboBox()
        self._period.setObjectName("analyticsPeriod")
        for days, text in (
            (30, translate("AnalyticsView", "Last 30 days")),
            (90, translate("AnalyticsView", "Last 90 days")),
            (365, translate("AnalyticsView", "Last 12 months")),
        ):
            self._period.addItem(text, days)
        self._period.setCurrentIndex(2)
        self._refresh = QPushButton(translate("AnalyticsView", "Refresh"))
        self._refresh.setObjectName("analyticsRefresh")
        # The lambda drops clicked's `checked` argument.
        self._refresh.clicked.connect(lambda: self.refresh())  # noqa: PLW0108
        self._status = QLabel()
        self._status.setObjectName("analyticsStatus")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("AnalyticsView", "Store")))
        bar.addWidget(self._store)
        bar.addWidget(QLabel(translate("AnalyticsView", "Retention and CSAT over")))
        bar.addWidget(self._period)
        bar.addWidget(self._refresh)
        bar.addWidget(self._status, 1)

        self.chart = PyramidChart()
        pyramid_box = QGroupBox(
            translate("AnalyticsView", "Customer pyramid (active = a purchase in 12 months)")
        )
        QVBoxLayout(pyramid_box).addWidget(self.chart)

        self._rfm = RecordTableModel(
            lambda: [
                translate("AnalyticsView", "RFM class"),
                translate("AnalyticsView", "Number of customers"),
                translate("AnalyticsView", "Revenue"),
                translate("AnalyticsView", "Avg R/F/M"),
                translate("AnalyticsView", "Meaning"),
            ],
            self._rfm_cell,
            parent=self,
        )
        rfm_box = QGroupBox(translate("AnalyticsView", "RFM classes"))
        QVBoxLayout(rfm_box).addWidget(record_view("rfmTable", self._rfm))

        kpi_box = QGroupBox(translate("AnalyticsView", "Key figures"))
        kpis = QFormLayout(kpi_box)
        self.kpi: dict[str, QLabel] = {}
        for key, text in (
            ("retention", translate("AnalyticsView", "Retention rate")),
            ("repurchase", translate("AnalyticsView", "Repurchase rate")),
            ("csat", translate("AnalyticsView", "CSAT (satisfaction ≥ 4)")),
            ("csat_avg", translate("AnalyticsView", "Average satisfaction")),
            ("lifecycle", translate("AnalyticsView", "Lifecycle")),
        ):
            label = QLabel()
            label.setObjectName(f"kpi_{key}")
            label.setWordWrap(True)
            kpis.addRow(text, label)
            self.kpi[key] = label

        self._birthdays = RecordTableModel(
            lambda: [
                translate("AnalyticsView", "Birthday"),
                translate("AnalyticsView", "Name"),
                translate("AnalyticsView", "Phone"),
                translate("AnalyticsView", "Tier"),
                translate("AnalyticsView", "Marketing consent"),
            ],
            _birthday_cell,
            parent=self,
        )
        self._visits = RecordTableModel(
            lambda: [
                translate("AnalyticsView", "Due"),
                translate("AnalyticsView", "Kind"),
                translate("AnalyticsView", "Customer"),
                translate("AnalyticsView", "Phone"),
                translate("AnalyticsView", "Sheet / order"),
            ],
            _visit_cell,
            parent=self,
        )
        self.birthday_view = record_view("birthdayTable", self._birthdays)
        self.visit_view = record_view("visitsDueTable", self._visits)
        self.birthday_view.doubleClicked.connect(
            lambda index: self._open(self._birthdays.record(index.row()))
        )
        self.visit_view.doubleClicked.connect(
            lambda index: self._open(self._visits.record(index.row()))
        )
        # issue 11: the first return visit after a delivery is recorded from the call list
        self.first_visit_button = QPushButton(
            translate("AnalyticsView", "Record first visit after delivery…"))
        self.first_visit_button.setObjectName("recordFirstVisit")
        self.first_visit_button.setEnabled(False)
        self.first_visit_button.clicked.connect(self._on_record_first_visit)
        self.visit_view.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self.first_visit_button.setEnabled(
                self._chosen_delivery() is not None))
        visits_page = QWidget()
        visits_layout = QVBoxLayout(visits_page)
        visits_layout.setContentsMargins(0, 0, 0, 0)
        visits_layout.addWidget(self.visit_view, 1)
        visits_layout.addWidget(self.first_visit_button, 0, Qt.AlignmentFlag.AlignLeft)
        lists = QTabWidget()
        lists.setObjectName("callLists")
        lists.addTab(self.birthday_view, translate("AnalyticsView", "Birthdays this month"))
        lists.addTab(visits_page, translate("AnalyticsView", "Return visits due"))
        self._lists = lists

        grid = QGridLayout()
        grid.addWidget(pyramid_box, 0, 0)
        right = QVBoxLayout()
        right.addWidget(kpi_box)
        right.addWidget(rfm_box, 1)
        grid.addLayout(right, 0, 1)
        grid.addWidget(lists, 1, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)

    def _chosen_delivery(self) -> analytics.VisitDue | None:
        row = self.visit_view.currentIndex().row()
        if row < 0:
            return None
        record = self._visits.record(row)
        return record if record.kind is analytics.VisitDueKind.FIRST_VISIT else None

    def _on_record_first_visit(self) -> None:
        due = self._chosen_delivery()
        if due is None or due.order_id is None:
            return
        score, ok = QInputDialog.getInt(
            self, translate("AnalyticsView", "First visit after delivery"),
            translate("AnalyticsView", "Satisfaction of %1 (1–5):").replace(
                "%1", due.customer_name), 5, 1, 5)
        if not ok:
            return
        feedback, ok = QInputDialog.getText(
            self, translate("AnalyticsView", "First visit after delivery"),
            translate("AnalyticsView", "What the customer said:"))
        if ok:
            self.record_first_visit(due.order_id, score, feedback)

    def record_first_visit(self, order_id: int, satisfaction: int, feedback: str) -> bool:
        """Record it; the call list is recomputed from the change it announces."""
        try:
            customers.record_first_visit(self._ctx.uow(), self._ctx.user_id, order_id,
                                         satisfaction=satisfaction, feedback=feedback)
        except HelpdeskError as exc:
            widgets.show_error(self, exc)
            return False
        return True

    def _on_changes(self, changes: Changes) -> None:
        """Stores feed the choice; customers' and sheets' changes the figures (once
        they were computed at all: the tab computes them when first opened)."""
        if changes.touches_settings():
            self.load_stores()
        if self._generation and (changes.touches_customers() or changes.touches_sheets()):
            self.refresh_when_shown()

    def load_stores(self) -> None:
        current = self._store.currentData()
        self._store.blockSignals(True)
        while self._store.count() > 1:
            self._store.removeItem(1)
        for store in setup.list_stores(self._ctx.uow()):
            self._store.addItem(store.name, store.id)
        self._store.setCurrentIndex(max(0, self._store.findData(current)))
        self._store.blockSignals(False)

    def refresh(self, *, background: bool = True) -> None:
        """Recompute every figure (one worker job) and show it."""
        self._generation += 1
        generation = self._generation
        uow, user_id = self._ctx.uow, self._ctx.user_id
        store_id, days = self._store.currentData(), int(self._period.currentData())

        def work() -> AnalyticsOverview:
            return analytics.overview(uow(), user_id, store_id=store_id, period_days=days)

        def done(result: AnalyticsOverview) -> None:
            if alive(self) and generation == self._generation:
                self._show(result)

        def failed(exc: Exception) -> None:
            if alive(self) and generation == self._generation:
                self._status.setText("")
                widgets.show_error(self, exc)

        self._status.setText(translate("AnalyticsView", "Computing…"))
        if background:
            self._ctx.run(
                work,
                done,
                failed,
                label=translate("AnalyticsView", "Computing customer analytics…"),
            )
        else:
            try:
                done(work())
            except Exception as exc:  # noqa: BLE001 - shown, not swallowed
                failed(exc)

    def _show(self, o: AnalyticsOverview) -> None:
        self.overview = o
        self.chart.set_report(o.pyramid)
        self._rfm.set_records(o.rfm.classes)
        r, c = o.retention, o.csat
        self.kpi["retention"].setText(
            translate(
                "AnalyticsView",
                "%1 — %2 of %3 customers who bought in the previous period bought again",
            )
            .replace("%1", _percent(r.retention_rate))
            .replace("%2", f"{r.retained:,}")
            .replace("%3", f"{r.previous_buyers:,}")
        )
        self.kpi["repurchase"].setText(
            translate("AnalyticsView", "%1 — %2 of %3 buyers bought twice or more")
            .replace("%1", _percent(r.repurchase_rate))
            .replace("%2", f"{r.repeat_buyers:,}")
            .replace("%3", f"{r.buyers:,}")
        )
        self.kpi["csat"].setText(
            translate("AnalyticsView", "%1 — %2 of %3 return visits")
            .replace("%1", _percent(c.csat))
            .replace("%2", f"{c.satisfied:,}")
            .replace("%3", f"{c.visits:,}")
        )
        self.kpi["csat_avg"].setText("—" if c.average is None else f"{c.average:.2f} / 5")
        self.kpi["lifecycle"].setText(
            " · ".join(f"{labels.label(k)} {o.lifecycle.get(k, 0):,}" for k in Lifecycle)
        )
        self._birthdays.set_records(o.birthdays)
        self._visits.set_records(o.visits_due)
        self._lists.setTabText(
            0,
            translate("AnalyticsView", "Birthdays this month (%1)").replace(
                "%1", f"{len(o.birthdays):,}"
            ),
        )
        self._lists.setTabText(
            1,
            translate("AnalyticsView", "Return visits due (%1)").replace(
                "%1", f"{len(o.visits_due):,}"
            ),
        )
        self._status.setText(
            translate("AnalyticsView", "As of %1").replace(
                "%1", formatting.date_text(o.pyramid.today)
            )
        )
        self.refreshed.emit()

    def _rfm_cell(self, f: analytics.RfmFigure, column: int) -> str:
        if column == 0:
            return labels.label(f.rfm_class)
        if column == 1:
            return f"{f.customers:,}"
        if column == 2:
            return formatting.money_text(f.revenue_cents)
        if column == 3:
            if f.avg_r is None:
                return "—"
            return f"{f.avg_r:.1f} / {f.avg_f:.1f} / {f.avg_m:.1f}"
        return labels.rfm_explanation(RfmClass(f.rfm_class))

    def _open(self, record: Any) -> None:
        customer_id = getattr(record, "customer_id", None)
        if customer_id is not None:
            self.customer_open_requested.emit(customer_id)


def _birthday_cell(b: analytics.BirthdayEntry, column: int) -> str:
    if column == 0:
        return b.birthday.strftime("%m-%d")
    if column == 1:
        return b.name
    if column == 2:
        return phone_text(b.phone)
    if column == 3:
        return labels.label(b.tier)
    return (
        translate("AnalyticsView", "Yes")
        if b.consent_marketing
        else translate("AnalyticsView", "No")
    )


def _visit_cell(v: analytics.VisitDue, column: int) -> str:
    if column == 0:
        if v.due_at is None:
            return translate("AnalyticsView", "Since %1").replace(
                "%1", formatting.datetime_text(v.since)
            )
        text = formatting.datetime_text(v.due_at)
        return (
            "✖ " + translate("AnalyticsView", "Overdue since %1").replace("%1", text)
            if v.overdue
            else text
        )
    if column == 1:
        return labels.label(v.kind)
    if column == 2:
        return v.customer_name
    if column == 3:
        return phone_text(v.phone)
    return v.sheet_number or v.order_number
