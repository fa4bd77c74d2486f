"""Small reportlab charts for the monthly report: bars by group, the 12-month trend and
the on-time rates. Each returns a ``Drawing`` (a flowable) in the document's font."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker

from helpdesk.reports.layout import GRID, INK, MUTED, SERIES


def nice_step(maximum: float, ticks: int = 5) -> int:
    """An integer axis step (1, 2, 5 × 10ⁿ) giving about ``ticks`` intervals."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return int(factor * power)
    return int(10 * power)


def _value_axis(axis: object, maximum: float, font: str) -> None:
    step = nice_step(maximum)
    axis.valueMin = 0  # type: ignore[attr-defined]
    axis.valueMax = step * max(1, math.ceil(maximum * 1.12 / step))  # type: ignore[attr-defined]
    axis.valueStep = step  # type: ignore[attr-defined]
    axis.labels.fontName = font  # type: ignore[attr-defined]
    axis.labels.fontSize = 6.5  # type: ignore[attr-defined]
    axis.labelTextFormat = "%d"  # type: ignore[attr-defined]
    axis.strokeColor = GRID  # type: ignore[attr-defined]
    axis.visibleGrid = True  # type: ignore[attr-defined]
    axis.gridStrokeColor = GRID  # type: ignore[attr-defined]
    axis.gridStrokeWidth = 0.25  # type: ignore[attr-defined]


def _drawing(width: float, height: float, font: str) -> Drawing:
    drawing = Drawing(width, height)
    # Without this the renderer starts every drawing in Helvetica, which then sits in
    # the PDF as a font that is neither used nor embedded.
    drawing.initialFontName = font
    return drawing


def _title(drawing: Drawing, title: str, font: str) -> None:
    drawing.add(String(2, drawing.height - 10, title, fontName=font, fontSize=8.5,
                       fillColor=INK))


def bars_by_group(font: str, title: str, labels: Sequence[str], values: Sequence[int],
                  width: float, height: float) -> Drawing:
    """Horizontal bars, biggest on top, each labelled with its count."""
    drawing = _drawing(width, height, font)
    _title(drawing, title, font)
    if not values:
        drawing.add(String(width / 2, height / 2, "—", fontName=font, fontSize=10,
                           fillColor=MUTED, textAnchor="middle"))
        return drawing
    label_space = min(width * 0.42, 8 + 7.2 * max(len(x) for x in labels))
    chart = HorizontalBarChart()
    chart.x = label_space
    chart.y = 14
    chart.width = width - label_space - 18
    chart.height = height - 32
    # The chart draws the first category at the bottom; reverse so the list reads down.
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = GRID
    _value_axis(chart.valueAxis, max(values), font)
    chart.bars[0].fillColor = SERIES[0]
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    chart.barWidth = 6
    chart.groupSpacing = 4
    drawing.add(chart)
    return drawing


def trend_bars(font: str, title: str, months: Sequence[str],
               series: Sequence[tuple[str, Sequence[int]]], width: float,
               height: float) -> Drawing:
    """Grouped vertical bars per month (received, major)."""
    drawing = _drawing(width, height, font)
    _title(drawing, title, font)
    chart = VerticalBarChart()
    chart.x = 28
    chart.y = 34
    chart.width = width - 40
    chart.height = height - 62
    chart.data = [list(values) for _, values in series]
    chart.categoryAxis.categoryNames = list(months)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.2
    chart.categoryAxis.labels.angle = 35
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = GRID
    _value_axis(chart.valueAxis, max([0, *[max(v, default=0) for _, v in series]]), font)
    for index in range(len(series)):
        chart.bars[index].fillColor = SERIES[index % len(SERIES)]
        chart.bars[index].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 5
    drawing.add(chart)
    _legend(drawing, font, [name for name, _ in series], width)
    return drawing


def rate_lines(font: str, title: str, months: Sequence[str],
               series: Sequence[tuple[str, Sequence[float | None]]], width: float,
               height: float) -> Drawing:
    """Percent lines per month (0–100); a month without data leaves a gap."""
    drawing = _drawing(width, height, font)
    _title(drawing, title, font)
    chart = HorizontalLineChart()
    chart.x = 28
    chart.y = 34
    chart.width = width - 40
    chart.height = height - 62
    chart.data = [[None if v is None else round(v * 100, 1) for v in values]
                  for _, values in series]
    chart.categoryAxis.categoryNames = list(months)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.2
    chart.categoryAxis.labels.angle = 35
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = GRID
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.strokeColor = GRID
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.25
    for index, (_, values) in enumerate(series):
        # A line needs two points; a lone month is shown by its marker only.
        points = sum(1 for v in values if v is not None)
        chart.lines[index].strokeColor = SERIES[index % len(SERIES)] if points >= 2 else None
        chart.lines[index].strokeWidth = 1.2
        chart.lines[index].symbol = makeMarker("FilledCircle", size=2.6,
                                               fillColor=SERIES[index % len(SERIES)],
                                               strokeColor=None)
    drawing.add(chart)
    _legend(drawing, font, [name for name, _ in series], width)
    return drawing


def _legend(drawing: Drawing, font: str, names: Sequence[str], width: float) -> None:
    legend = Legend()
    legend.x = 30
    legend.y = drawing.height - 18
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = max(60, min(110, (width - 40) / max(1, len(names))))
    legend.fontName = font
    legend.fontSize = 6.8
    legend.boxAnchor = "nw"
    legend.dx = 6
    legend.dy = 6
    legend.dxTextSpace = 3
    legend.strokeColor = None
    legend.colorNamePairs = [(SERIES[i % len(SERIES)], name) for i, name in enumerate(names)]
    drawing.add(legend)
