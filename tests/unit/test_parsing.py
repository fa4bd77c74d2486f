"""Tests for helpdesk.domain.parsing: every parser of user text, with a table of cases
(nasty input included) and a hypothesis property per parser."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain import parsing
from helpdesk.domain.errors import ValidationError
from helpdesk.reports.i18n import fmt_duration

NASTY = ["", "   ", "\x00", "1\x002", "abc", "12abc", "1e5", "NaN", "inf", "--5", "1..2",
         "١٢", "½", "1,", "1,,000", "1_"]


def _fullwidth(s: str) -> str:
    """Type ``s`` the way a Chinese IME in full-width mode does."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def _refused(expected: str, func: object, /, *args: object, **kwargs: object) -> ValidationError:
    assert callable(func)
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    assert info.value.code == expected, info.value.message
    return info.value


# ---------------------------------------------------------------------------------------
# Whole numbers and decimals
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("0", 0),
        ("35000", 35000),
        ("35,000", 35000),
        ("3,5000", 35000),  # commas are not checked for position, as int() never did
        ("1_000", 1000),  # int() read Python underscores; kept so nothing regresses
        ("３５０００", 35000),
        (" 12 ", 12),
        ("\u300012\u3000", 12),  # ideographic spaces from a full-width IME
        ("+12", 12),
        ("-12", -12),
        ("−12", -12),  # U+2212 MINUS SIGN
        ("9" * 30, int("9" * 30)),
        (7, 7),
    ],
)
def test_whole_numbers(raw: str | int, number: int) -> None:
    assert parsing.parse_int(raw, field="n", code="x.invalid") == number


@pytest.mark.parametrize(
    "raw", [*NASTY, "1.5", "1,", ",1", "1__0", "1_", "+-1", "1 000", True])
def test_bad_whole_numbers(raw: str) -> None:
    error = _refused("x.invalid", parsing.parse_int, raw, field="n", code="x.invalid")
    assert error.field == "n"


@pytest.mark.parametrize(("raw", "minimum", "maximum", "ok"), [
    ("1", 1, 30, True), ("30", 1, 30, True), ("0", 1, 30, False), ("31", 1, 30, False),
    ("-1", 0, None, False), ("10**9", 0, None, False), (10**12, None, 10**11, False),
])
def test_whole_number_ranges(raw: str | int, minimum: int | None, maximum: int | None,
                             ok: bool) -> None:
    def parse() -> int:
        return parsing.parse_int(raw, field="n", code="x.range", minimum=minimum,
                                 maximum=maximum)
    if ok:
        assert minimum is None or parse() >= minimum
    else:
        _refused("x.range", parse)


@given(st.integers())
def test_formatted_integers_parse_back(n: int) -> None:
    for shown in (str(n), f"{n:,}", _fullwidth(f"{n:,}")):
        assert parsing.parse_int(shown, field="n", code="x") == n


@given(st.text(max_size=30))
def test_parse_int_only_ever_raises_validation_errors(raw: str) -> None:
    try:
        parsing.parse_int(raw, field="n", code="x")
    except ValidationError as exc:
        assert exc.code == "x"


@pytest.mark.parametrize(("raw", "number"), [
    ("1.5", "1.5"), ("1,234.5", "1234.5"), (".5", "0.5"), ("-.5", "-0.5"), ("１.５", "1.5"),
    ("7", "7"), (" 0.10 ", "0.10"), (3, "3"),
])
def test_decimals(raw: str | int, number: str) -> None:
    assert str(parsing.parse_decimal(raw, field="d", code="x")) == number


@pytest.mark.parametrize("raw", [*NASTY, "1.2.3", "1e3", "Infinity", ".", "-", "1.5.", True])
def test_bad_decimals(raw: str) -> None:
    _refused("x", parsing.parse_decimal, raw, field="d", code="x")


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4))
def test_decimals_parse_back(d: object) -> None:
    assert parsing.parse_decimal(f"{d:f}", field="d", code="x") == d


# ---------------------------------------------------------------------------------------
# Mileage
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "km"),
    [
        ("35000", 35000),
        ("35,000", 35000),
        ("3,5000", 35000),  # the three old copies stripped every comma
        ("３５０００", 35000),
        ("３５，０００", 35000),
        (" 35000 ", 35000),
        ("+35000", 35000),
        ("35000公里", 35000),
        ("35000 公里", 35000),
        ("35000km", 35000),
        ("35000 KM", 35000),
        ("35000ｋｍ", 35000),
        ("35000千米", 35000),
        ("3.5万公里", 35000),
        ("3.5万", 35000),
        ("1.2万km", 12000),
        ("1.2萬公里", 12000),
        ("12万", 120000),
        ("0.0001万", 1),
        ("1,000", 1000),
        ("0", 0),
        ("3000000", 3_000_000),
        ("300万", 3_000_000),
        (35000, 35000),
    ],
)
def test_mileage(raw: str | int, km: int) -> None:
    assert parsing.parse_mileage_km(raw) == km


@pytest.mark.parametrize(
    "raw",
    [*NASTY, "9" * 400, "-1", "-35000", "3000001", "301万", "1.5", "35000.5公里", "1.23456万",
     "公里", "万", "km", "35000 miles", "35000公里公里", "万35000", "3.5 万 万", -1,
     10**12, True],
)
def test_bad_mileage(raw: str | int) -> None:
    error = _refused("mileage.invalid", parsing.parse_mileage_km, raw)
    assert error.field == "mileage_km"
    assert len(error.message) < 200  # a huge input is not echoed back


@given(st.integers(min_value=0, max_value=parsing.MAX_MILEAGE_KM))
def test_shown_mileage_parses_back(km: int) -> None:
    # As the customer record (f"{km:,}"), the printed sheet ("{km} 公里") and the form show it.
    for shown in (str(km), f"{km:,}", f"{km:,} 公里", f"{km}km", _fullwidth(str(km))):
        assert parsing.parse_mileage_km(shown) == km
    if km % 100 == 0:
        assert parsing.parse_mileage_km(f"{km / 10_000:g}万公里") == km


@given(st.text(max_size=20))
def test_mileage_only_ever_raises_validation_errors(raw: str) -> None:
    try:
        km = parsing.parse_mileage_km(raw)
    except ValidationError as exc:
        assert exc.code == "mileage.invalid"
        return
    assert 0 <= km <= parsing.MAX_MILEAGE_KM


# ---------------------------------------------------------------------------------------
# Amounts
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cents"),
    [
        ("1,234.50", 123450),
        ("¥100", 10000),
        ("￥100", 10000),
        ("１２３.４", 12340),
        ("100元", 10000),
        ("100.00元", 10000),
        ("RMB 88.8", 8880),
        ("人民币500元", 50000),
        ("0", 0),
        ("0.01", 1),
        (".5", 50),
        ("1.500", 150),  # trailing zeros are not extra precision
        ("1,000,000", 100000000),
        ("1,234", 123400),
        ("1 234.50", 123450),
        ("CNY1,234.5", 123450),
        (" 12 ", 1200),
        (100, 10000),
        (0, 0),
        (12.34, 1234),
        (0.1, 10),
        ("1000000000", 10**11),
    ],
)
def test_amounts(raw: str | int | float, cents: int) -> None:
    assert parsing.parse_amount_cents(raw) == cents


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("-1", "amount.negative"),
        ("-¥5", "amount.negative"),
        ("¥-5", "amount.negative"),
        ("−5", "amount.negative"),  # U+2212 MINUS SIGN
        (-1, "amount.negative"),
        (-0.5, "amount.negative"),
        ("1.234", "amount.precision"),
        ("0.001", "amount.precision"),
        (0.125, "amount.precision"),
        ("1000000000.01", "amount.too_large"),
        (10**12, "amount.too_large"),
        ("abc", "amount.invalid"),
        ("1,23", "amount.invalid"),  # a decimal comma is ambiguous: refuse it
        ("12,34.5", "amount.invalid"),
        ("1.2.3", "amount.invalid"),
        ("12abc", "amount.invalid"),
        ("1e5", "amount.invalid"),
        ("--5", "amount.invalid"),  # two signs must not cancel out
        ("-¥-5", "amount.invalid"),
        (",", "amount.invalid"),
        ("¥", "amount.invalid"),
        ("元", "amount.invalid"),
        ("NaN", "amount.invalid"),
        (float("nan"), "amount.invalid"),
        (float("inf"), "amount.invalid"),
        (True, "amount.invalid"),
        ("$100", "amount.invalid"),
        ("", "amount.empty"),
        ("   ", "amount.empty"),
    ],
)
def test_invalid_amounts(raw: str | int | float, code: str) -> None:
    assert _refused(code, parsing.parse_amount_cents, raw).field == "amount"


def test_amount_max_is_configurable() -> None:
    assert parsing.parse_amount_cents("10", max_cents=1000) == 1000
    _refused("amount.too_large", parsing.parse_amount_cents, "10.01", max_cents=1000)


@given(st.integers(min_value=0, max_value=10**11))
def test_formatted_cents_parse_back(cents: int) -> None:
    yuan, fen = divmod(cents, 100)
    assert parsing.parse_amount_cents(f"{yuan:,}.{fen:02d}") == cents
    assert parsing.parse_amount_cents(f"¥{yuan}.{fen:02d}元") == cents
    assert parsing.parse_amount_cents(_fullwidth(f"{yuan}.{fen:02d}")) == cents


@given(st.one_of(st.text(max_size=20), st.integers(), st.floats()))
def test_parse_amount_only_ever_raises_validation_errors(raw: str | int | float) -> None:
    try:
        cents = parsing.parse_amount_cents(raw)
    except ValidationError:
        return
    assert 0 <= cents <= 10**11



@pytest.mark.parametrize(("cents", "kwargs", "shown"), [
    (123450, {}, "1,234.50"),
    (123450, {"symbol": True}, "¥1,234.50"),
    (123450, {"grouping": False}, "1234.50"),
    (10000, {"drop_zero_fen": True, "grouping": False}, "100"),
    (10050, {"drop_zero_fen": True}, "100.50"),
    (5, {}, "0.05"),
    (10**11 + 1, {}, "1,000,000,000.01"),  # exact: no float rounding at a billion yuan
    (-150, {"symbol": True}, "-¥1.50"),
])
def test_format_yuan(cents: int, kwargs: dict[str, bool], shown: str) -> None:
    assert parsing.format_yuan(cents, **kwargs) == shown


@given(st.integers(min_value=0, max_value=10**11), st.booleans(), st.booleans(), st.booleans())
def test_format_yuan_parses_back(cents: int, symbol: bool, grouping: bool, drop: bool) -> None:
    shown = parsing.format_yuan(cents, symbol=symbol, grouping=grouping, drop_zero_fen=drop)
    assert parsing.parse_amount_cents(shown) == cents


@pytest.mark.parametrize("raw", ["\x00", "1\x002", "9" * 400, "１e５"])
def test_more_nasty_amounts(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        parsing.parse_amount_cents(raw)
    assert info.value.code in {"amount.invalid", "amount.too_large"}


# ---------------------------------------------------------------------------------------
# Durations in minutes
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "minutes"),
    [
        ("30", 30),
        ("３０", 30),
        (30, 30),
        ("45分钟", 45),
        ("45分鐘", 45),
        ("45分", 45),
        ("45 min", 45),
        ("2小时", 120),
        ("2小時", 120),
        ("2小时15分", 135),
        ("2 h 15 min", 135),
        ("2h15m", 135),
        ("1 hour 30 minutes", 90),
        ("3天", 3 * 1440),
        ("3天4小时", 3 * 1440 + 240),
        ("1 d 2 h", 1440 + 120),
        ("1 D 2 H", 1440 + 120),
        ("0", 0),
    ],
)
def test_minutes(raw: str | int, minutes: int) -> None:
    assert parsing.parse_minutes(raw, field="m", code="x") == minutes


@pytest.mark.parametrize("raw", [*NASTY, "-5", "-5 min", "1.5 h", "h", "分钟", "2 weeks",
                                 "2小时 and 5分", "5 min 2"])
def test_bad_minutes(raw: str) -> None:
    error = _refused("x", parsing.parse_minutes, raw, field="m", code="x")
    assert error.field == "m"


def test_minutes_range() -> None:
    _refused("x", parsing.parse_minutes, "0", field="m", code="x", minimum=1)
    _refused("x", parsing.parse_minutes, "2 h", field="m", code="x", maximum=60)
    assert parsing.parse_minutes("-5", field="m", code="x", minimum=None) == -5


@given(st.integers(min_value=0, max_value=10**7), st.sampled_from(["zh_CN", "zh_TW", "en"]))
def test_printed_durations_parse_back(minutes: int, lang: str) -> None:
    # The reports print the two largest units: a day or more is rounded up to the hour
    # (never down: a slow case must not print faster than it was).
    shown = -(-minutes // 60) * 60 if minutes >= 24 * 60 else minutes
    assert parsing.parse_minutes(fmt_duration(lang, minutes), field="m", code="x") == shown


# ---------------------------------------------------------------------------------------
# Dates, date-times, months
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [
    ("2026-11-20 14:30", datetime(2026, 11, 20, 14, 30)),
    ("2026/11/20 14:30", datetime(2026, 11, 20, 14, 30)),
    ("2026年11月20日 14:30", datetime(2026, 11, 20, 14, 30)),
    ("2026年11月20日14时30分", datetime(2026, 11, 20, 14, 30)),
    ("２０２６－１１－２０　１４：３０", datetime(2026, 11, 20, 14, 30)),
    ("2026-11-20T14:30:00", datetime(2026, 11, 20, 14, 30)),
    ("2026-11-20 14:30:05.123", datetime(2026, 11, 20, 14, 30, 5)),
    ("2026.1.5", datetime(2026, 1, 5)),
    ("  2026-01-05  ", datetime(2026, 1, 5)),
    ("2028-02-29", datetime(2028, 2, 29)),
])
def test_date_times(raw: str, expected: datetime) -> None:
    assert parsing.parse_datetime(raw) == expected


@pytest.mark.parametrize("raw", [*NASTY, "2026-02-30", "20261320", "tomorrow",
                                 "2026-11-20 25:00", "2026-11-20 14:60", "46000",
                                 "11/20/26", "2026-11-20\x00", "下午 15:00"])
def test_bad_date_times(raw: str) -> None:
    error = _refused("date.invalid", parsing.parse_datetime, raw, field="received_at")
    assert error.field == "received_at"


def test_dates() -> None:
    assert parsing.parse_date("2026年1月5日") == date(2026, 1, 5)
    _refused("date.has_time", parsing.parse_date, "2026-01-05 10:00")
    _refused("date.invalid", parsing.parse_date, "")


@pytest.mark.parametrize(("raw", "expected"), [
    ("2027-02-07 00:00", (date(2027, 2, 7), time(0))),  # written: not the same as none
    ("2027年2月7日 下午7点", (date(2027, 2, 7), time(19))),
    ("2027-02-07", (date(2027, 2, 7), None)),
    ("２０２７年２月７日", (date(2027, 2, 7), None)),
])
def test_date_and_time_says_whether_a_time_was_written(raw: str, expected: tuple) -> None:
    assert parsing.parse_date_and_time(raw) == expected
    assert parsing.parse_datetime(raw) == datetime.combine(expected[0], expected[1] or time(0))


@given(st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9999, 12, 31)))
def test_formatted_date_times_parse_back(at: datetime) -> None:
    at = at.replace(microsecond=0)
    for shown in (f"{at:%Y-%m-%d %H:%M:%S}", at.isoformat(),
                  f"{at.year}年{at.month}月{at.day}日 {at:%H:%M:%S}",
                  _fullwidth(f"{at:%Y/%m/%d %H:%M:%S}")):
        assert parsing.parse_datetime(shown) == at
        assert parsing.parse_date_and_time(shown) == (at.date(), at.time())
    assert parsing.parse_date(at.date().isoformat()) == at.date()
    assert parsing.parse_date_and_time(at.date().isoformat()) == (at.date(), None)


@given(st.text(max_size=30))
def test_parse_datetime_only_ever_raises_validation_errors(raw: str) -> None:
    try:
        parsing.parse_datetime(raw)
    except ValidationError as exc:
        assert exc.code == "date.invalid"


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-10", date(2026, 10, 1)),
    ("2026/1", date(2026, 1, 1)),
    ("202610", date(2026, 10, 1)),
    ("2026.10", date(2026, 10, 1)),
    ("2026年10月", date(2026, 10, 1)),
    ("２０２６－１０", date(2026, 10, 1)),  # typed with the IME in full-width mode
    (" 2026-10 ", date(2026, 10, 1)),
    (date(2026, 10, 17), date(2026, 10, 1)),
])
def test_month_parsing(text: str | date, expected: date) -> None:
    assert parsing.parse_month(text) == expected


@pytest.mark.parametrize("text", ["", "2026-13", "2026-00", "10-2026", "1999-12", "October",
                                  "2026-10'); DROP TABLE sheets; --", "9" * 10_000])
def test_bad_months_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parsing.parse_month(text)
    assert (info.value.field, info.value.code) == ("month", "month.invalid")
    assert len(info.value.message) < 120  # a huge input is not echoed back whole


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2999, 12, 31)))
def test_formatted_months_parse_back(day: date) -> None:
    first = day.replace(day=1)
    for shown in (f"{day:%Y-%m}", f"{day.year}年{day.month}月", _fullwidth(f"{day:%Y/%m}")):
        assert parsing.parse_month(shown) == first


def test_elapsed_minutes_rounds_down_and_never_goes_negative() -> None:
    from helpdesk.domain.complaints import elapsed_minutes

    start = datetime(2026, 11, 20, 9, 0)
    assert elapsed_minutes(start, start + timedelta(minutes=5, seconds=59)) == 5
    assert elapsed_minutes(start, start - timedelta(minutes=5)) == 0
