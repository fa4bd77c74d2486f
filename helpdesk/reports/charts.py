"""Small reportlab charts for the monthly report: bars by group, the 12-month trend and
the on-time rates. Each returns a ``Drawing`` (a flowable) in the document's font."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.areas import PlotArea
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


# Any: reportlab's axes take these settings as attributes it validates at run time;
# the stubs list none of them (a chart's valueAxis is untyped there too).
def _value_axis(axis: Any, maximum: float, font: str) -> None:
    step = nice_step(maximum)
    axis.valueMin = 0
    axis.valueMax = step * max(1, math.ceil(maximum * 1.12 / step))
    axis.valueStep = step
    axis.labels.fontName = font
    axis.labels.fontSize = 6.5
    axis.labelTextFormat = "%d"
    axis.strokeColor = GRID
    axis.visibleGrid = True
    axis.gridStrokeColor = GRID
    axis.gridStrokeWidth = 0.25


def _drawing(width: float, height: float, font: str) -> Drawing:
    # Without initialFontName the renderer starts every drawing in Helvetica, which
    # then sits in the PDF as a font that is neither used nor embedded.
    return Drawing(width, height, initialFontName=font)


def _place(chart: PlotArea, x: float, y: float, width: float, height: float) -> None:
    """Put the plot area at (x, y) with that size, in points."""
    # The stubs declare the geometry int (from its defaults); reportlab takes any number.
    chart.x, chart.y, chart.width, chart.height = x, y, width, height  # type: ignore[assignment]


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
    _place(chart, label_space, 14, width - label_space - 18, height - 32)
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
    _place(chart, 28, 34, width - 40, height - 62)
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


def percent_axis(values: Sequence[float]) -> tuple[int, int, int]:
    """(lowest, highest, step) of a percent axis scaled to ``values`` (percents).

    A 0–100 axis flattens 79–89 % into one line: the axis spans the data with a little
    room, in steps of 2, 5, 10 or 20 points, within 0–100, at least 10 points tall."""
    if not values:
        return 0, 100, 20
    low, high = min(values), max(values)
    for step in (2, 5, 10, 20):
        lowest = max(0, int(low // step) * step)
        highest = min(100, -int(-high // step) * step)
        if highest == lowest or high >= highest and highest < 100:
            highest = min(100, highest + step)
        if lowest == low and lowest > 0:
            lowest -= step
        if (highest - lowest) // step <= 6:
            break
    if highest - lowest < 10:
        lowest = max(0, highest - 10)
        highest = lowest + 10
    return lowest, highest, step


def rate_lines(font: str, title: str, months: Sequence[str],
               series: Sequence[tuple[str, Sequence[float | None]]], width: float,
               height: float) -> Drawing:
    """Percent lines per month on an axis scaled to the data; a month without data
    leaves a gap."""
    drawing = _drawing(width, height, font)
    _title(drawing, title, font)
    chart = HorizontalLineChart()
    _place(chart, 28, 34, width - 40, height - 62)
    chart.data = [[None if v is None else round(v * 100, 1) for v in values]
                  for _, values in series]
    chart.categoryAxis.categoryNames = list(months)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.2
    chart.categoryAxis.labels.angle = 35
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = GRID
    lowest, highest, step = percent_axis([v for line in chart.data for v in line
                                          if v is not None])
    chart.valueAxis.valueMin = lowest
    chart.valueAxis.valueMax = highest
    chart.valueAxis.valueStep = step
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
    # Positions in points; the stubs declare them int (see _place).
    legend.y = drawing.height - 18  # type: ignore[assignment]
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = max(60, min(110, (width - 40) / max(1, len(names))))  # type: ignore[assignment]
    legend.fontName = font
    legend.fontSize = 6.8
    legend.boxAnchor = "nw"
    legend.dx = 6
    legend.dy = 6
    legend.dxTextSpace = 3
    legend.strokeColor = None
    legend.colorNamePairs = [(SERIES[i % len(SERIES)], name) for i, name in enumerate(names)]
    drawing.add(legend)
