"""Parsers of the numbers, money, mileage, durations and dates people type.

Every screen, the command line and the spreadsheet import read user text through these
functions, so "35,000公里", "¥1,234.50" or "2026年11月20日 14:30" mean the same wherever
they are typed. Like the validators, each parser is pure, folds full-width characters
first and raises :class:`~helpdesk.domain.errors.ValidationError` with the input's
``field`` and a stable ``code`` (the UI and the CLI translate by code). Callers that show
one message for any wrong number pass their own ``code`` (``"mileage.invalid"``,
``"sla.amount_positive"``...), so no new translations are needed per caller.

Formatters that must read back (:func:`format_yuan`) live here too, next to their parser.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from helpdesk.domain import text
from helpdesk.domain.errors import ValidationError

_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2010": "-", "\u2011": "-"})


def _folded(value: str) -> str:
    """Full-width folded, stripped, with typographic minus signs as ``-``."""
    return text.fold_width(value).strip().translate(_MINUS_SIGNS)


# ---------------------------------------------------------------------------------------
# Whole numbers
# ---------------------------------------------------------------------------------------

# ASCII digits (full-width ones are folded first) with thousands separators as typed; the
# commas are not checked for position (35,000 and 3,5000 both mean 35000, as the desk has
# always read them), but a separator must stand between two digits.
_DIGITS = r"[0-9]+(?:[,_][0-9]+)*"
_WHOLE = re.compile(rf"[+-]?{_DIGITS}")
_SHOWN_MAX = 40  # how much of a refused input a message quotes


def parse_int(
    value: str | int,
    *,
    field: str,
    code: str,
    minimum: int | None = None,
    maximum: int | None = None,
    what: str = "a whole number",
) -> int:
    """Read a whole number: ``"35000"``, ``"35,000"``, ``"３５０００"``, ``"+12"``.

    Args:
        value: the text as typed, or an int already (range-checked only).
        field: the input's key for the error.
        code: the error code for anything that is not a number in range.
        minimum: the smallest accepted value, if any.
        maximum: the largest accepted value, if any.
        what: how the English message names the expected value.

    Returns:
        The number.

    Raises:
        ValidationError: ``code`` when the text is empty, not a whole number, or out of
            range (``params``: ``value``, ``minimum``, ``maximum``).
    """
    number = _whole(value)
    if number is None or (minimum is not None and number < minimum) or (
        maximum is not None and number > maximum
    ):
        raise ValidationError(
            field,
            code,
            f"'{_shown(value)}' is not {what}{_range_text(minimum, maximum)}.",
            value=_shown(value),
            minimum=minimum,
            maximum=maximum,
        )
    return number


def _whole(value: str | int) -> int | None:
    # bool is an int subclass; a checkbox value is never a number.
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    raw = _folded(value)
    if _WHOLE.fullmatch(raw) is None:
        return None
    return int(raw.replace(",", "").replace("_", ""))


def _shown(value: object) -> str:
    """The input as a message quotes it: a pasted page is not echoed back whole."""
    shown = str(value)
    return shown if len(shown) <= _SHOWN_MAX else shown[:_SHOWN_MAX] + "…"


def _range_text(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return f" from {minimum:,} to {maximum:,}"
    if minimum is not None:
        return f" of at least {minimum:,}"
    if maximum is not None:
        return f" of at most {maximum:,}"
    return ""


_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:,[0-9]+)*(?:\.[0-9]*)?|\.[0-9]+)")


def parse_decimal(value: str | int, *, field: str, code: str) -> Decimal:
    """Read a decimal number exactly: ``"1.5"``, ``"1,234.5"``, ``"-.5"``, full-width.

    Exponents, ``NaN`` and infinities are refused; commas are thousands separators.

    Raises:
        ValidationError: ``code``.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    raw = _folded(value) if isinstance(value, str) else ""
    if _DECIMAL.fullmatch(raw) is None:
        raise ValidationError(field, code, f"'{_shown(value)}' is not a number (for example "
                              "1.5).", value=_shown(value))
    return Decimal(raw.replace(",", ""))


# ---------------------------------------------------------------------------------------
# Mileage (行驶里程)
# ---------------------------------------------------------------------------------------

#: The largest odometer reading accepted; more is a typing mistake (an extra zero).
MAX_MILEAGE_KM = 3_000_000

_TEN_THOUSAND = 10_000
_MILEAGE = re.compile(
    rf"(?P<number>{_DIGITS}(?:\.[0-9]+)?|\.[0-9]+)\s*(?P<wan>万|萬)?\s*(?:公里|千米|km)?",
    re.IGNORECASE,
)


def parse_mileage_km(
    value: str | int, *, field: str = "mileage_km", maximum: int = MAX_MILEAGE_KM
) -> int:
    """Read an odometer reading in whole kilometres.

    Accepts ``"35000"``, ``"35,000"``, ``"３５０００"``, ``"35000公里"``, ``"35000 km"``,
    ``"3.5万公里"`` and ``"1.2万"`` (万 = 10,000 km); a decimal is only accepted when it
    comes out whole (``"1.23456万"`` is refused).

    Args:
        value: the reading as typed, or an int.
        field: the input's key for the error.
        maximum: the largest reading accepted.

    Returns:
        Kilometres, 0 to ``maximum``.

    Raises:
        ValidationError: ``mileage.invalid``.
    """
    km = _mileage(value)
    if km is None or not 0 <= km <= maximum:
        raise ValidationError(
            field,
            "mileage.invalid",
            f"'{_shown(value)}' is not a mileage: type whole kilometres from 0 to {maximum:,} "
            f"(for example 35000 or 3.5万).",
            value=_shown(value),
            maximum=maximum,
        )
    return km


def _mileage(value: str | int) -> int | None:
    if not isinstance(value, str):
        return _whole(value)
    raw = _folded(value)
    if raw.startswith("+"):
        raw = raw[1:]
    match = _MILEAGE.fullmatch(raw)
    if match is None:
        return None
    amount = Decimal(match["number"].replace(",", "").replace("_", ""))
    if match["wan"]:
        amount *= _TEN_THOUSAND
    if amount != amount.to_integral_value():
        return None
    return int(amount)


# ---------------------------------------------------------------------------------------
# Money (元 → 分)
# ---------------------------------------------------------------------------------------

_AMOUNT_TEXT = re.compile(
    r"(?P<sign>-)?(?:人民币|RMB|CNY|¥)?(?P<sign2>-)?"
    r"(?P<number>[\d,]+(?:\.\d*)?|\.\d+)"
    r"(?:元|块|人民币|RMB|CNY)?"
)
_AMOUNT_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_FEN_PER_YUAN = 100


def parse_amount_cents(
    value: str | int | float, *, field: str = "amount", max_cents: int = 10**11
) -> int:
    """Parse a money amount in yuan and return it in fen (cents).

    Accepts ``"1,234.50"``, ``"¥100"``, ``"100元"``, full-width digits, ints and floats.
    Money is integer fen everywhere in Helpdesk, so a float is read through its shortest
    decimal representation and must not carry more than two decimals.

    Args:
        value: the amount in yuan.
        field: the input's key for the error.
        max_cents: the largest amount accepted, in fen.

    Returns:
        The amount in fen, e.g. ``123450`` for ``"1,234.50"``.

    Raises:
        ValidationError: ``amount.empty``, ``amount.invalid``, ``amount.negative``,
            ``amount.precision`` or ``amount.too_large``.
    """
    amount = _amount_decimal(value, field=field)
    if amount < 0:
        raise ValidationError(
            field,
            "amount.negative",
            f"The amount {value!s} is negative; enter a positive amount.",
            value=_shown(value),
        )
    cents = amount * _FEN_PER_YUAN
    if cents != cents.to_integral_value():
        raise ValidationError(
            field,
            "amount.precision",
            f"The amount {value!s} has more than two decimals (fen are the smallest unit).",
            value=_shown(value),
        )
    if cents > max_cents:
        raise ValidationError(
            field,
            "amount.too_large",
            f"The amount {value!s} is larger than the maximum of {format_yuan(max_cents)}.",
            value=_shown(value),
            max_cents=max_cents,
        )
    return int(cents)


def _amount_decimal(value: str | int | float, *, field: str) -> Decimal:
    """Read ``value`` as a Decimal number of yuan, sign included."""
    invalid = ValidationError(
        field,
        "amount.invalid",
        f"'{_shown(value)}' is not an amount of money (for example 1,234.50).",
        value=_shown(value),
    )
    # bool is an int subclass; a checkbox value is never an amount.
    if isinstance(value, bool):
        raise invalid
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        try:
            result = Decimal(repr(value))
        except InvalidOperation:
            raise invalid from None
        if not result.is_finite():
            raise invalid
        return result
    raw = text.strip_separators(text.fold_width(value), frozenset()).upper()
    if not raw:
        raise ValidationError(field, "amount.empty", "The amount is empty.")
    # NFKC has already turned the full-width ￥ into ¥; the minus sign is not folded.
    match = _AMOUNT_TEXT.fullmatch(raw.replace("\u2212", "-"))
    # One sign, before or after the currency mark: "-¥100" and "¥-100" but not "--100".
    if match is None or (match["sign"] and match["sign2"]):
        raise invalid
    number = match["number"]
    if "," in number:
        if _AMOUNT_GROUPED.fullmatch(number) is None:
            raise invalid  # "1,23" may be a decimal comma: refuse rather than guess
        number = number.replace(",", "")
    result = Decimal(number)
    return -result if match["sign"] or match["sign2"] else result


def format_yuan(
    cents: int, *, symbol: bool = False, grouping: bool = True, drop_zero_fen: bool = False
) -> str:
    """Fen as yuan text that :func:`parse_amount_cents` reads back exactly.

    Integer arithmetic, so a billion yuan keeps its last fen: ``123450`` → ``"1,234.50"``;
    ``symbol`` adds ``¥``, ``grouping=False`` gives ``"1234.50"`` (what an input shows),
    ``drop_zero_fen`` writes whole yuan without ``.00`` (spreadsheet cells).
    """
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), _FEN_PER_YUAN)
    number = f"{yuan:,}" if grouping else str(yuan)
    if not (drop_zero_fen and fen == 0):
        number += f".{fen:02d}"
    return f"{sign}{'¥' if symbol else ''}{number}"


# ---------------------------------------------------------------------------------------
# Durations in minutes (response/resolution times, SLA amounts)
# ---------------------------------------------------------------------------------------

_MINUTES_PER_UNIT: dict[str, int] = {
    **dict.fromkeys(("天", "日", "d", "day", "days"), 24 * 60),
    **dict.fromkeys(("小时", "小時", "时", "時", "h", "hr", "hrs", "hour", "hours"), 60),
    **dict.fromkeys(("分钟", "分鐘", "分", "min", "mins", "minute", "minutes", "m"), 1),
}
_UNITS = "|".join(sorted(map(re.escape, _MINUTES_PER_UNIT), key=len, reverse=True))
_DURATION_PART = re.compile(rf"([0-9]+)\s*({_UNITS})", re.IGNORECASE)
_DURATION = re.compile(rf"(?:[0-9]+\s*(?:{_UNITS})\s*)+", re.IGNORECASE)


def parse_minutes(
    value: str | int,
    *,
    field: str,
    code: str,
    minimum: int | None = 0,
    maximum: int | None = None,
) -> int:
    """Read a duration as whole minutes: a bare number is minutes (``"30"``), units are
    understood as printed by the reports and the desk (``"45分钟"``, ``"2小时15分"``,
    ``"3天4小时"``, ``"2 h 15 min"``, ``"1 d 2 h"``).

    Raises:
        ValidationError: ``code`` (``params``: ``value``, ``minimum``, ``maximum``).
    """
    minutes = _duration_minutes(value)
    if minutes is None:
        raise ValidationError(
            field,
            code,
            f"'{_shown(value)}' is not a duration (for example 30, 45分钟 or 2 h 15 min).",
            value=_shown(value),
            minimum=minimum,
            maximum=maximum,
        )
    return parse_int(minutes, field=field, code=code, minimum=minimum, maximum=maximum,
                     what="a number of minutes")


def _duration_minutes(value: str | int) -> int | None:
    if not isinstance(value, str):
        return _whole(value)
    raw = _folded(value)
    if _DURATION.fullmatch(raw) is None:
        return _whole(raw)
    return sum(
        int(n) * _MINUTES_PER_UNIT[unit.lower()] for n, unit in _DURATION_PART.findall(raw)
    )


# ---------------------------------------------------------------------------------------
# Dates, date-times, months
# ---------------------------------------------------------------------------------------

# The time of day as people write it: 14:30, 14:30:05, 14时30分, 9点, 9点半, with a part
# of the day before it (上午 9:05, 下午3点) or AM/PM after it.
_PERIOD = (r"(?P<p>上午|下午|中午|晚上|凌晨|早上|早晨|傍晚|夜里|夜間|夜间|午後|午后"
           r"|AM|PM|A\.M\.|P\.M\.)")
_CLOCK = (
    r"(?P<H>\d{1,2})\s*(?:(?:[:时時點点]\s*(?P<M>\d{1,2})(?:\s*[:分]\s*(?P<S>\d{1,2})"
    r"(?:\.\d+)?\s*秒?)?\s*分?)|[时時點点]\s*(?P<half>半)?)"
)
_TIME_OF_DAY = re.compile(
    rf"(?:{_PERIOD}\s*)?{_CLOCK}(?:\s*(?P<p2>AM|PM|A\.M\.|P\.M\.))?", re.IGNORECASE)
_DATE_PART = (
    r"(?:(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号號]?"
    r"|(?P<cy>\d{4})(?P<cm>\d{2})(?P<cd>\d{2})"
    r"|(?P<um>\d{1,2})\s*[/.-]\s*(?P<ud>\d{1,2})\s*[/.-]\s*(?P<uy>\d{4}))"
)
_DATE_TIME = re.compile(rf"{_DATE_PART}(?:(?:\s+|T|\s*)(?P<time>.+))?", re.IGNORECASE)
_COMPACT_TIME = re.compile(r"(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?")
_EXCEL_SERIAL_TEXT = re.compile(r"\d{5}(?:\.\d+)?")
_EXCEL_EPOCH = datetime(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap bug kept)
_EXCEL_LAST_SERIAL = 2_958_465  # 9999-12-31
_SECONDS_PER_DAY = 86_400
_CHINESE_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "兩": 2,
                   "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_NUMBER = re.compile("[〇零○一二两兩三四五六七八九十]+")
_AFTERNOON = {"下午", "晚上", "傍晚", "夜里", "夜間", "夜间", "午後", "午后", "PM", "P.M."}
_MORNING = {"上午", "凌晨", "早上", "早晨", "AM", "A.M."}
_NOON_HOUR, _HOURS_HALF_DAY = 12, 12
_MONTHS_IN_YEAR = 12
_FIRST_COMPACT, _LAST_COMPACT = 19000101, 29991231  # 20260603 as a number


def _arabic(match: re.Match[str]) -> str:
    """二〇二六 → 2026 (digit by digit), 十二 → 12, 二十三 → 23, 三十 → 30."""
    run = match[0]
    if "十" not in run:
        return "".join(str(_CHINESE_DIGITS[ch]) for ch in run)
    tens, _, units = run.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return run  # not a number below 100: leave it for the pattern to refuse
    return str((_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units
                                                              else 0))


def excel_serial(value: float, *, field: str = "date") -> datetime:
    """An Excel date serial number (days since 1899-12-30, the fraction is the time of
    day, to the second) as a datetime: ``46176`` → 2026-06-03, ``46176.75`` → 18:00.

    Raises:
        ValidationError: ``date.invalid`` outside 1900-01-01 .. 9999-12-31.
    """
    if not 1 <= value <= _EXCEL_LAST_SERIAL + 1:
        raise ValidationError(field, "date.invalid", f"'{_shown(value)}' is not a date",
                              value=_shown(value))
    seconds = round(value * _SECONDS_PER_DAY)
    return _EXCEL_EPOCH + timedelta(seconds=seconds)


def _clock(raw: str, *, field: str) -> time | None:
    """A time of day from text (see :func:`parse_time`); None when it is not one."""
    match = _TIME_OF_DAY.fullmatch(raw)
    if match is None:
        compact = _COMPACT_TIME.fullmatch(raw)
        if compact is None:
            return None
        hour, minute, second = int(compact["H"]), int(compact["M"]), int(compact["S"] or 0)
    else:
        hour = int(match["H"])
        minute = 30 if match["half"] else int(match["M"] or 0)
        second = int(match["S"] or 0)
        period = (match["p"] or match["p2"] or "").upper()
        if period:
            if hour > _HOURS_HALF_DAY:
                return None  # 下午 15:00 contradicts itself
            if period in _AFTERNOON and hour < _HOURS_HALF_DAY:
                hour += _HOURS_HALF_DAY
            elif period == "中午" and hour < _NOON_HOUR - 1:
                hour += _HOURS_HALF_DAY  # 中午1点 is 13:00; 中午11点 and 12点 stay
            elif period in _MORNING and hour == _HOURS_HALF_DAY:
                hour = 0  # 凌晨12点 / 12 AM is midnight
    try:
        return time(hour, minute, second)
    except ValueError:
        raise ValidationError(field, "date.invalid", f"'{raw}' is not a real time",
                              value=raw) from None


def parse_time(value: str | float | time | datetime, *, field: str = "time") -> time:
    """Read a time of day: ``19:00``, ``9:05:30``, ``上午 9:05``, ``下午3点30分``,
    ``晚上8点``, ``9点半``, ``3:30 PM``, ``1900`` or an Excel time fraction (``0.375`` is
    09:00). Full-width digits and Chinese numerals (九点) are accepted.

    Raises:
        ValidationError: ``time.invalid``.
    """
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, time):
        return value.replace(microsecond=0)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 <= value < 1:
            return (_EXCEL_EPOCH + timedelta(seconds=round(value * _SECONDS_PER_DAY))).time()
        raw = str(value)
    else:
        raw = _CHINESE_NUMBER.sub(_arabic, text.normalize(str(value)))
    try:
        result = _clock(raw, field=field)
    except ValidationError:
        result = None
    if result is None:
        raise ValidationError(field, "time.invalid",
                              f"'{_shown(raw)}' is not a time of day (for example 14:30 or "
                              "下午2点30分)", value=_shown(raw))
    return result


def parse_datetime(value: str | float | date, *, field: str = "date",
                   excel: bool = False) -> datetime:
    """Read a date, with or without a time of day, in every form a store's files use.

    - ``2026-11-20``, ``2026/11/20 14:30``, ``2026.1.5``, ``2026年11月20日 14:30:05``,
      ``2026年6月3日 下午3点30分``, ``二〇二六年六月三日``;
    - ``20260603`` (and ``20260603 0905``), ``6/3/2026`` (month first, as Excel writes it;
      ``25/12/2026`` is read day first since there is no 25th month);
    - with ``excel`` (spreadsheet cells), an Excel serial number (``46176``,
      ``46176.75``) as a number or as text; elsewhere a bare number is refused;
    - a cell that is already a date or a datetime.

    Full-width digits are accepted; a date without a time means 00:00; fractions of a
    second are dropped.

    Raises:
        ValidationError: ``date.invalid``.
    """
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and _FIRST_COMPACT <= value <= _LAST_COMPACT:
            value = str(int(value))  # 20260603 typed as a number
        elif excel:
            return excel_serial(float(value), field=field)
        else:
            value = str(value)
    raw = _CHINESE_NUMBER.sub(_arabic, text.normalize(str(value)))
    if excel and _EXCEL_SERIAL_TEXT.fullmatch(raw):
        return excel_serial(float(raw), field=field)
    day, clock = _date_and_time(raw, field=field)
    return datetime.combine(day, clock if clock is not None else time(0))


def parse_date_and_time(value: str, *, field: str = "date") -> tuple[date, time | None]:
    """Like :func:`parse_datetime` for typed text, telling whether a time of day was
    written: ``2027-02-07 00:00`` is (2027-02-07, 00:00), ``2027-02-07`` is
    (2027-02-07, None) — a date field that keeps the time shown needs the difference.

    Raises:
        ValidationError: ``date.invalid``.
    """
    return _date_and_time(_CHINESE_NUMBER.sub(_arabic, text.normalize(value)), field=field)


def _date_and_time(raw: str, *, field: str) -> tuple[date, time | None]:
    """The date of normalised ``raw`` and its time of day if one is written."""
    match = _DATE_TIME.fullmatch(raw)
    invalid = ValidationError(field, "date.invalid",
                              f"'{_shown(raw)}' is not a date (use 2026-11-20 or 2026-11-20 "
                              "14:30)", value=_shown(raw))
    if match is None:
        raise invalid
    if match["y"]:
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    elif match["cy"]:
        year, month, day = int(match["cy"]), int(match["cm"]), int(match["cd"])
    else:
        year, month, day = int(match["uy"]), int(match["um"]), int(match["ud"])
        if month > _MONTHS_IN_YEAR >= day:
            month, day = day, month
    clock: time | None = None
    if match["time"]:
        clock = _clock(match["time"].strip(), field=field)
        if clock is None:
            raise invalid
    try:
        return date(year, month, day), clock
    except ValueError:
        raise ValidationError(field, "date.invalid", f"'{_shown(raw)}' is not a real date or "
                              "time", value=_shown(raw)) from None


def parse_date(value: str, *, field: str = "date") -> date:
    """Like :func:`parse_datetime` for a calendar date; a time of day is refused.

    Raises:
        ValidationError: ``date.invalid`` or ``date.has_time``.
    """
    result = parse_datetime(value, field=field)
    if result.time() != time(0):
        raise ValidationError(field, "date.has_time", f"'{value}' should be a date only",
                              value=value)
    return result.date()


_MONTH = re.compile(r"(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*月?")
_FIRST_YEAR, _LAST_YEAR = 2000, 2999


def parse_month(value: str | date, *, field: str = "month") -> date:
    """``2026-10``, ``2026/10``, ``202610``, ``2026年10月`` (full-width too) → 2026-10-01.

    Raises:
        ValidationError: ``month.invalid`` naming the input.
    """
    if isinstance(value, datetime):
        return value.date().replace(day=1)
    if isinstance(value, date):
        return value.replace(day=1)
    raw = text.fold_width(str(value)).strip()
    match = _MONTH.fullmatch(raw)
    if match:
        year, month = int(match[1]), int(match[2])
        if _FIRST_YEAR <= year <= _LAST_YEAR and 1 <= month <= _MONTHS_IN_YEAR:
            return date(year, month, 1)
    raise ValidationError(field, "month.invalid",
                          f"{str(value)[:40]!r} is not a month; write it as 2026-10",
                          value=str(value)[:40])
