"""Reading the files stores really have: CSV in any encoding Excel or a Chinese or
Taiwanese PC writes, XLSX and old XLS workbooks with several worksheets, title rows
above the headers, merged header cells and columns of their own.

What this module decides, and nothing else: which bytes are which text (the encoding),
which worksheet holds the data, which line is the header row and which of the file's
columns is which template column. Cell values are handed on as the spreadsheet holds
them (text, numbers, dates), so the parsers of :mod:`helpdesk.domain.parsing` can read
an Excel date serial or a date cell as what it is.

Encodings: a byte-order mark decides (UTF-8, UTF-16); otherwise UTF-8 if the bytes are
UTF-8, UTF-16 if every other byte is zero, else GB18030 (GBK) or Big5 — whichever gives
text made of common characters of that script. When both (or neither) read as plausible
Chinese, the file is refused with ``import.encoding_undecided`` and the caller asks the
user which encoding it is: a guess would import 陳麗華 as 朝腞地.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from helpdesk.domain import text, vocabulary
from helpdesk.domain.errors import ValidationError

#: Encodings a user can name when the file does not say (``--encoding``, the dialog).
ENCODINGS: dict[str, str] = {
    "utf-8": "utf-8-sig", "gb18030": "gb18030", "gbk": "gb18030", "big5": "big5",
    "utf-16": "utf-16", "shift_jis": "shift_jis",
}
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
HEADER_SCAN_ROWS = 30  # title rows above the header: a few, never pages of them
MAX_ROWS = 200_000  # a bigger file is almost certainly not a customer list
_PLAUSIBLE = 0.85  # share of common characters that makes a decoding believable
_ZERO_SHARE = 0.3  # this share of NUL bytes in even or odd places is UTF-16 text
_MIN_MATCHES = 2  # header cells that must match for a row to be the header row

# A CSV cell we exported with a protective quote (see writing.protect) reads back unquoted.
_PROTECTED = re.compile(r"^'(?=[=+\-@\t\r])")


@dataclass(frozen=True)
class Worksheet:
    """The cells of one worksheet (a CSV file is one worksheet named "")."""

    name: str
    rows: list[list[Any]]

    def has_data(self) -> bool:
        return any(_filled(cell) for row in self.rows for cell in row)


@dataclass(frozen=True)
class Layout:
    """How a file's own layout maps onto a template.

    Attributes:
        sheet: the worksheet read ("" for a CSV file).
        sheets: every worksheet's name (empty for a CSV file).
        encoding: the text encoding of a CSV file ("" for a workbook).
        header_line: the spreadsheet line (1-based) of the header row.
        headers: the file's own header text of each column, in order.
        keys: the template column of each header (None: ignored).
        ignored: headers of the columns that are not read (序号, 备注...).
    """

    sheet: str
    sheets: tuple[str, ...]
    encoding: str
    header_line: int
    headers: tuple[str, ...]
    keys: tuple[str | None, ...]
    ignored: tuple[str, ...]

    def header_of(self, key: str) -> str:
        """The file's own header of a template column ("" when the file has none)."""
        for header, column in zip(self.headers, self.keys, strict=True):
            if column == key:
                return header
        return ""


@dataclass(frozen=True)
class Table:
    """The data rows of a file, keyed by template column, with their spreadsheet lines.

    Values are stripped text, or the cell's own value for numbers and dates in a
    workbook (a float, a datetime...); every known column is in every row ("" when the
    file lacks it). Blank rows are left out.
    """

    layout: Layout
    rows: list[dict[str, Any]]
    lines: list[int]


# ---------------------------------------------------------------------- encodings
def _common_share(decoded: str, encoding: str) -> float | None:
    """Share of the Chinese characters that are common ones in ``encoding``'s script
    (GB2312 level 1 for GB18030, Big5 level 1 for Big5); None without any."""
    chars = [ch for ch in decoded if text.is_cjk(ch)]
    if not chars:
        return None
    if any("\ue000" <= ch <= "\uf8ff" for ch in decoded):
        return 0.0  # private-use characters: bytes read in the wrong encoding
    first, last, codec = (0xB0, 0xD7, "gb2312") if encoding == "gb18030" else \
        (0xA4, 0xC6, "big5")
    common = 0
    for ch in chars:
        try:
            lead = ch.encode(codec)[0]
        except UnicodeEncodeError:
            continue
        common += first <= lead <= last
    return common / len(chars)


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 2:  # noqa: PLR2004 - one UTF-16 code unit
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) / len(odd) > _ZERO_SHARE and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) / len(even) > _ZERO_SHARE and odd.count(0) == 0:
        return "utf-16-be"
    return None


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in (a key of
    :data:`ENCODINGS`, or ``utf-16-le``/``utf-16-be`` for BOM-less UTF-16).

    Raises:
        ValidationError: ``import.encoding_wrong`` when the named encoding does not fit,
            ``import.encoding_undecided`` (``candidates``) when no encoding is named and
            the bytes do not tell.
    """
    if encoding:
        codec = ENCODINGS.get(encoding.lower(), encoding)
        try:
            return data.decode(codec), encoding.lower()
        except (UnicodeDecodeError, LookupError):
            raise ValidationError("file", "import.encoding_wrong",
                                  f"the file is not {encoding} text",
                                  encoding=encoding) from None
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    readings: dict[str, str] = {}
    shares: dict[str, float] = {}
    for name in ("gb18030", "big5"):
        try:
            readings[name] = data.decode(name)
        except UnicodeDecodeError:
            continue
        shares[name] = _common_share(readings[name], name) or 0.0
    plausible = [name for name, share in shares.items() if share >= _PLAUSIBLE]
    if len(plausible) == 1:
        return readings[plausible[0]], plausible[0]
    candidates = plausible or list(readings) or ["gb18030", "big5", "shift_jis"]
    names = [{"gb18030": "GBK/GB18030", "big5": "Big5"}.get(c, c) for c in candidates]
    raise ValidationError("file", "import.encoding_undecided",
                          "the file's encoding cannot be decided (it may be "
                          f"{' or '.join(names)}); choose the encoding, or save it as "
                          "\"CSV UTF-8\"", candidates=names)


# ---------------------------------------------------------------------- files
def _filled(cell: Any) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def _csv_sheet(path: Path, encoding: str | None) -> tuple[Worksheet, str]:
    content, used = decode(path.read_bytes(), encoding)
    lines = content.splitlines()[:HEADER_SCAN_ROWS]
    counts = {d: sum(line.count(d) for line in lines) for d in (",", "\t", ";")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        rows = [[_PROTECTED.sub("", cell) for cell in row] for row in reader]
    except csv.Error as exc:
        raise ValidationError("file", "import.csv", f"the CSV file cannot be read: {exc}")\
            from exc
    return Worksheet("", rows), used


def _workbook_sheets(path: Path) -> list[Worksheet]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        result = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            # Rows from A1, so row i is spreadsheet line i + 1 even below blank lines.
            rows = sheet.to_python(skip_empty_area=False)
            result.append(Worksheet(name, [list(row) for row in rows[:MAX_ROWS + 1 +
                                                                     HEADER_SCAN_ROWS]]))
        return result
    except (CalamineError, OSError, ValueError) as exc:
        raise ValidationError("file", "import.unreadable",
                              f"{path.name} is not a readable Excel workbook ({exc})") from exc


def worksheets(path: Path, *, encoding: str | None = None) -> tuple[list[Worksheet], str]:
    """Every worksheet of the file (one for a CSV) and the CSV's encoding ("" otherwise).

    Raises:
        ValidationError: ``import.missing``, ``import.format``, ``import.unreadable`` or
            an encoding error (see :func:`decode`).
    """
    path = Path(path)
    if not path.is_file():
        raise ValidationError("file", "import.missing", f"there is no file {path}")
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return _workbook_sheets(path), ""
    if suffix in TEXT_SUFFIXES:
        sheet, used = _csv_sheet(path, encoding)
        return [sheet], used
    raise ValidationError("file", "import.format",
                          f"{path.name}: use a .csv, .xlsx or .xls file")


# ---------------------------------------------------------------------- headers
def cell_text(value: Any) -> str:
    """A cell as the text a person sees (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    if isinstance(value, float):
        # Excel stores phone numbers typed as numbers as floats: 13812345678.0.
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


# Traditional forms of the characters in the template's headers and aliases, so a
# header row typed in Taiwan or Hong Kong (電話, 車架號, 嚴重程度) is matched too.
_TRADITIONAL = str.maketrans(
    "電話號戶類別車輛碼稱聯繫備註郵級會員來營銷業單額訂務內購買間時嚴訴狀態應責區門糾點"
    "補償長決訪滿見關閉說裡機絡項據處結預編記錄驗證識產質價費賠診職維護養銷傳",
    "电话号户类别车辆码称联系备注邮级会员来营销业单额订务内购买间时严诉状态应责区门纠点"
    "补偿长决访满见关闭说里机络项据处结预编记录验证识产质价费赔诊职维护养销传")


def header_key(cell: str) -> str:
    """A header as it is matched: folded, in simplified characters, without marks of
    required columns."""
    return vocabulary.fold(cell).translate(_TRADITIONAL).strip("*")


def find_header(rows: Sequence[Sequence[Any]], index: dict[str, str]) -> int | None:
    """The index of the header row: the row among the first ones that names the most
    template columns (at least two; a header merged over two lines counts on the lower
    one); title rows above it are skipped."""
    best, best_count = None, _MIN_MATCHES - 1
    for i in range(min(len(rows), HEADER_SCAN_ROWS)):
        count = sum(1 for cell in header_cells(rows, i, index) if header_key(cell) in index)
        if count > best_count or (count == best_count and best is not None
                                  and i == best + 1 and count > 0 and _lower_is_finer(
                                      rows, best, i, index)):
            best, best_count = i, count
    return best


def _lower_is_finer(rows: Sequence[Sequence[Any]], upper: int, lower: int,
                    index: dict[str, str]) -> bool:
    """Two header lines naming as many columns: the lower one, when the upper one has
    group captions over it (车辆信息 above 车架号 | 车牌号)."""
    above = [cell_text(c) for c in rows[upper]]
    return any(c and header_key(c) not in index for c in above)


def header_cells(rows: Sequence[Sequence[Any]], at: int, index: dict[str, str]) -> list[str]:
    """The header row's cells; an empty cell under a merged one takes the header above
    it when that is a template column (姓名 merged over two header lines)."""
    cells = [cell_text(c) for c in rows[at]]
    for col, cell in enumerate(cells):
        if cell:
            continue
        for above in range(at - 1, -1, -1):
            row = rows[above]
            value = cell_text(row[col]) if col < len(row) else ""
            if value:
                if header_key(value) in index:
                    cells[col] = value
                break
    return cells


def choose_sheet(sheets: Sequence[Worksheet], index: dict[str, str],
                 wanted: str | None, required: frozenset[str] = frozenset()) -> Worksheet:
    """The worksheet to import: the one named (or numbered from 1) by ``wanted``, else
    the only one with a header row and data below it (or the only one of those with
    every ``required`` column: an export's vehicles sheet beside its customers).

    Raises:
        ValidationError: ``import.sheet_unknown`` or ``import.sheet_choice`` (``sheets``:
            the names to choose from).
    """
    names = [s.name for s in sheets]
    if wanted:
        for sheet in sheets:
            if sheet.name == wanted or vocabulary.fold(sheet.name) == vocabulary.fold(wanted):
                return sheet
        if wanted.isdigit() and 1 <= int(wanted) <= len(sheets):
            return sheets[int(wanted) - 1]
        raise ValidationError("file", "import.sheet_unknown",
                              f"the workbook has no worksheet {wanted!r} (it has "
                              f"{', '.join(names)})", sheet=wanted, sheets=names)
    if len(sheets) == 1:
        return sheets[0]
    holding = []
    for sheet in sheets:
        at = find_header(sheet.rows, index)
        if at is not None and any(any(_filled(c) for c in row) for row in sheet.rows[at + 1:]):
            holding.append(sheet)
    complete = [s for s in holding if required and required <= {
        index.get(header_key(h)) for h in header_cells(s.rows, find_header(s.rows, index) or 0,
                                                        index)}]
    if len(holding) > 1 and len(complete) == 1:
        return complete[0]
    if len(holding) > 1:
        shown = [s.name for s in holding]
        raise ValidationError("file", "import.sheet_choice",
                              f"several worksheets hold data: {', '.join(shown)}; choose one",
                              sheets=shown)
    if holding:
        return holding[0]
    return next((s for s in sheets if s.has_data()), sheets[0])
