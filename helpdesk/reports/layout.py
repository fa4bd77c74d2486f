"""What every printed document shares: A4 pages, the CJK font, paragraph and table
styles, a footer with "page x of y", and safe handling of what people typed.

Text typed by staff or customers goes through :func:`para`, which escapes it for
reportlab's mini-markup (``<``, ``&``) and keeps line breaks — so a description
containing ``<b>`` or ``<font name=...>`` prints as typed instead of breaking the PDF.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeAlias, TypedDict, Unpack
from xml.sax.saxutils import escape

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as canvas_mod
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as paragraph_mod

from helpdesk.reports.fonts import PdfFont

# Chinese line-breaking (禁则): these may not begin a line. reportlab's CJK wrapping
# keeps such a character on the line before (hanging in the margin), but its list
# lacks the full-width comma, colon, semicolon, ! and ? and the closing quotes and
# book-title marks, so "，" began lines. Both modules hold their own reference.
CANNOT_START_LINE = ("，。、；：！？）》〉」』】〕〗〙〛”’．｝］｠％…・"
                     ",.;:!?)]}%")
_CANNOT_START = textsplit.ALL_CANNOT_START + "".join(
    ch for ch in CANNOT_START_LINE if ch not in textsplit.ALL_CANNOT_START)
textsplit.ALL_CANNOT_START = _CANNOT_START  # type: ignore[misc]
paragraph_mod.ALL_CANNOT_START = _CANNOT_START  # type: ignore[attr-defined]

PAGE_SIZE = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X

INK = colors.HexColor("#1f2937")
MUTED = colors.HexColor("#6b7280")
ACCENT = colors.HexColor("#1d4ed8")
HEADER_BG = colors.HexColor("#e5ecf6")
ZEBRA = colors.HexColor("#f6f8fb")
GRID = colors.HexColor("#b8c2d0")
ALERT = colors.HexColor("#b91c1c")

# Colours of chart series, chosen to stay apart when printed in greyscale too.
SERIES = (colors.HexColor("#1d4ed8"), colors.HexColor("#d97706"),
          colors.HexColor("#059669"), colors.HexColor("#9333ea"))


# A TableStyle command: its name, the first and last cell, then its arguments.
TableCommand: TypeAlias = tuple[str, tuple[int, int], tuple[int, int], *tuple[Any, ...]]


class _StyleOptions(TypedDict, total=False):
    """The ParagraphStyle settings our styles vary (reportlab's keyword names)."""

    alignment: Literal[0, 1, 2, 4]
    spaceBefore: float
    spaceAfter: float
    textColor: colors.Color


@dataclass(frozen=True)
class Styles:
    """Paragraph styles in the document's font."""

    font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    head: ParagraphStyle
    kpi_value: ParagraphStyle
    kpi_label: ParagraphStyle
    letter: ParagraphStyle


def styles(font: PdfFont, lang: str = "zh_CN") -> Styles:
    """The styles of a document in ``lang``.

    Chinese breaks lines between any two characters ("CJK" wrapping); English breaks
    at spaces, and a run of Chinese inside English text (a customer's words) is cut
    where it must (``splitLongWords``), so it never runs off the page.
    """
    name = font.name
    wrap = None if lang == "en" else "CJK"

    def style(key: str, size: float, leading: float | None = None,
              **kw: Unpack[_StyleOptions]) -> ParagraphStyle:
        kw.setdefault("textColor", INK)
        return ParagraphStyle(key, fontName=name, fontSize=size,
                              leading=leading or size * 1.35, wordWrap=wrap,
                              splitLongWords=1, **kw)

    return Styles(
        font=name,
        title=style("title", 18, 24, alignment=TA_CENTER, spaceAfter=4),
        subtitle=style("subtitle", 11, 15, alignment=TA_CENTER, textColor=MUTED,
                       spaceAfter=8),
        h1=style("h1", 12.5, 17, textColor=ACCENT, spaceBefore=10, spaceAfter=5),
        h2=style("h2", 10, 14, spaceBefore=6, spaceAfter=3),
        body=style("body", 9.5, 14, spaceAfter=4),
        small=style("small", 7.8, 10.5, textColor=MUTED, spaceAfter=3),
        cell=style("cell", 8.2, 10.8),
        cell_right=style("cell_right", 8.2, 10.8, alignment=TA_RIGHT),
        cell_center=style("cell_center", 8.2, 10.8, alignment=TA_CENTER),
        head=style("head", 8.2, 10.8, alignment=TA_LEFT),
        kpi_value=style("kpi_value", 15, 19, alignment=TA_CENTER, textColor=ACCENT),
        kpi_label=style("kpi_label", 8, 10.5, alignment=TA_CENTER, textColor=MUTED),
        letter=style("letter", 11, 19, spaceAfter=8),
    )


def clean(value: object) -> str:
    """Escape text for a Paragraph and keep its line breaks."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters other than newline cannot be drawn and upset the parser.
    text = "".join(ch for ch in text if ch in {"\n", "\t"} or ord(ch) >= 32)
    return escape(text).replace("\t", " ").replace("\n", "<br/>")


def _has_cjk(text: str) -> bool:
    return any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)


def para(value: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped).

    Chinese text in an English document (a customer's words) is wrapped by the Chinese
    rules too: breaking it as one long word put a full-width comma at a line's start."""
    text = clean(value)
    if style.wordWrap != "CJK" and _has_cjk(text):
        # The Chinese twin is kept on the style itself (made once per style).
        cjk = getattr(style, "_helpdesk_cjk", None)
        if cjk is None:
            cjk = style.clone(style.name + "_cjk", wordWrap="CJK")
            style._helpdesk_cjk = cjk
        style = cjk
    return Paragraph(text, style)


def shorten(value: str, limit: int) -> str:
    """One line of at most ``limit`` characters, with an ellipsis when cut."""
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def table(
    st: Styles,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    center: Sequence[int] = (),
    total_row: bool = False,
    highlight: Sequence[int] = (),
) -> Table:
    """A grid table whose header repeats on every page; cells wrap.

    Args:
        right: indexes of right-aligned (numeric) columns.
        center: indexes of centred columns.
        total_row: the last row is a total (shaded).
        highlight: indexes of body rows printed in the alert colour.
    """

    marked = set(highlight)

    def cell(value: object, col: int, head: bool = False, alert: bool = False) -> Flowable:
        if isinstance(value, Flowable):
            return value
        if head:
            return para(value, st.head)
        style = st.cell_right if col in right else st.cell_center if col in center \
            else st.cell
        if alert:
            style = style.clone(style.name + "_alert", textColor=ALERT)
        return para(value, style)

    data = [[cell(h, i, True) for i, h in enumerate(header)]]
    data += [[cell(v, i, alert=index in marked) for i, v in enumerate(row)]
             for index, row in enumerate(rows)]
    # Every table spans the text width, so their edges line up down the page.
    scale = CONTENT_WIDTH / sum(widths)
    # splitInRow: a cell holding a long text (4,000 characters) may continue on the
    # next page instead of failing to fit.
    # A table ending in a total splits between rows only: splitting inside a row ignores
    # NOSPLIT and put the total alone on the next page.
    result = Table(data, colWidths=[w * scale for w in widths], repeatRows=1,
                   splitInRow=0 if total_row else 1)
    commands: list[TableCommand] = [
        ("FONTNAME", (0, 0), (-1, -1), st.font),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for index in range(1, len(data)):
        if index % 2 == 0:
            commands.append(("BACKGROUND", (0, index), (-1, index), ZEBRA))
    if total_row and len(data) > 1:
        commands.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), HEADER_BG))
        # A total never starts a page alone: it goes over with the row above it.
        if len(data) > 2:
            commands.append(("NOSPLIT", (0, len(data) - 2), (-1, len(data) - 1)))
    result.setStyle(TableStyle(commands))
    return result


def field_grid(st: Styles, pairs: Sequence[tuple[str, object]], columns: int = 2) -> Table:
    """Label/value pairs laid out as a form: ``columns`` pairs per row."""
    label_w = 24 * mm
    value_w = CONTENT_WIDTH / columns - label_w
    rows: list[list[Flowable | str]] = []
    line: list[Flowable | str] = []
    for label, value in pairs:
        line += [para(label, st.head), value if isinstance(value, Flowable)
                 else para(value, st.cell)]
        if len(line) == 2 * columns:
            rows.append(line)
            line = []
    filled = len(pairs) % columns
    if line:
        line += [""] * (2 * columns - len(line))
        rows.append(line)
    result = Table(rows, colWidths=[label_w, value_w] * columns, splitInRow=1)
    commands: list[TableCommand] = [
        # Plain-string cells (the padding) would otherwise be set in Helvetica, a font
        # the PDF then lists without embedding it.
        ("FONTNAME", (0, 0), (-1, -1), st.font),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for col in range(0, 2 * columns, 2):
        # A label column left blank in the padded last row stays unshaded there.
        padded = bool(filled) and col // 2 >= filled
        last_row = len(rows) - (2 if padded else 1)
        if last_row >= 0:
            commands.append(("BACKGROUND", (col, 0), (col, last_row), HEADER_BG))
    result.setStyle(TableStyle(commands))
    return result


def text_box(st: Styles, title: str, value: str, empty: str) -> list[Flowable]:
    """A titled, framed block of free text (complaint, root cause…) that may run over
    several pages."""
    body = para(value, st.body) if value.strip() else \
        para(empty, st.body.clone("empty", textColor=MUTED))
    box = Table([[para(title, st.head)], [body]], colWidths=[CONTENT_WIDTH], splitInRow=1)
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st.font),
        ("BOX", (0, 0), (-1, -1), 0.5, GRID),
        ("LINEBELOW", (0, 0), (-1, 0), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [box]


def pdf_date(when: datetime) -> str:
    """A PDF date string (``D:YYYYMMDDHHmmSS``) of a store-local time."""
    return f"D:{when:%Y%m%d%H%M%S}"


def _numbered_canvas(font: str, footer: str, page_text: Callable[[int, int], str],
                     created: datetime | None) -> type[canvas_mod.Canvas]:
    """A canvas that knows the page count when it draws the footers (two-pass)."""

    class NumberedCanvas(canvas_mod.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:  # Canvas's own
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, object]] = []
            if created is not None:
                # The document's own time instead of the invariant mode's 2000-01-01:
                # the same report still gives the same bytes.
                stamp = pdf_date(created)
                self.setDateFormatter(lambda *_: stamp)

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            # reportlab's recipe for "page x of y": start a page without drawing the
            # last one yet. The stubs leave out Canvas's private methods.
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            y = MARGIN_BOTTOM - 8 * mm
            self.setStrokeColor(GRID)
            self.setLineWidth(0.4)
            self.line(MARGIN_X, y + 4 * mm, PAGE_SIZE[0] - MARGIN_X, y + 4 * mm)
            self.setFont(font, 7.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, y, footer)
            self.drawRightString(PAGE_SIZE[0] - MARGIN_X, y,
                                 page_text(self.getPageNumber(), total))
            self.restoreState()

    return NumberedCanvas


def build(
    flowables: list[Flowable],
    *,
    font: PdfFont,
    title: str,
    subject: str,
    footer: str,
    page_text: Callable[[int, int], str],
    lang: str,
    author: str = "Helpdesk",
    created: datetime | None = None,
) -> bytes:
    """Lay the flowables out on A4 and return the PDF.

    The output is invariant (no random id; the creation date is ``created``, the time
    the document's data was taken, else reportlab's fixed date): the same data gives
    the same bytes, whether the command line or the desktop made it.
    """
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=subject,
        author=author,
        creator="Helpdesk",
        invariant=1,
        initialFontName=font.name,
        lang={"zh_CN": "zh-CN", "zh_TW": "zh-TW"}.get(lang, "en"),
    )
    doc.build(flowables, canvasmaker=_numbered_canvas(font.name, footer, page_text,
                                                                created))
    return buffer.getvalue()
