"""Tests for helpdesk.domain.text: width folding, whitespace, separators."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain import text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("京Ａ１２３４５", "京A12345"),
        ("  张三  ", "张三"),
        ("张\u3000三", "张 三"),  # ideographic space from a Chinese IME
        ("a \t\n  b", "a b"),
        ("ＡＢＣ　ｄｅｆ", "ABC def"),
        ("（021）６２３４５６７８", "(021)62345678"),
        ("１２３，４５６．７８", "123,456.78"),
        ("", ""),
        ("   ", ""),
        ("\u00a0x\u00a0", "x"),  # no-break space from web pages
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert text.normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("京A·12345", "京A12345"),
        ("京A•12345", "京A12345"),
        ("京A・12345", "京A12345"),
        ("LSV AU218-XN2183294", "LSVAU218XN2183294"),
        ("138 1234 5678", "13812345678"),
        ("a.b–c—d", "abcd"),
        ("京A12345", "京A12345"),
    ],
)
def test_strip_separators(raw: str, expected: str) -> None:
    assert text.strip_separators(raw) == expected


def test_strip_separators_with_custom_set_keeps_others() -> None:
    assert text.strip_separators("SO-1/2 3", frozenset({"/"})) == "SO-123"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("a\nb", "a\nb"),
    ],
)
def test_normalize_newlines(raw: str, expected: str) -> None:
    assert text.normalize_newlines(raw) == expected


@pytest.mark.parametrize(
    ("ch", "expected"),
    [("张", True), ("〇", True), ("\U00020000", True), ("A", False), ("ア", False), ("1", False)],
)
def test_is_cjk(ch: str, expected: bool) -> None:
    assert text.is_cjk(ch) is expected


@pytest.mark.parametrize(
    ("ch", "expected"),
    [
        ("\x00", True),
        ("\x1b", True),
        ("\x7f", True),
        ("\ud800", True),
        ("\n", False),
        ("\t", False),
        ("a", False),
        ("张", False),
    ],
)
def test_is_control(ch: str, expected: bool) -> None:
    assert text.is_control(ch) is expected


@given(st.text())
def test_normalize_is_idempotent(s: str) -> None:
    once = text.normalize(s)
    assert text.normalize(once) == once


@given(st.text())
def test_normalize_has_no_edge_or_double_whitespace(s: str) -> None:
    result = text.normalize(s)
    assert result == result.strip()
    assert "  " not in result
    assert "\n" not in result


@given(st.text())
def test_strip_separators_is_idempotent(s: str) -> None:
    once = text.strip_separators(text.fold_width(s))
    assert text.strip_separators(once) == once


@pytest.mark.parametrize(("data", "expected"), [
    ("尊敬的吉𠮷先生".encode(), "尊敬的吉𠮷先生"),
    (b"\xef\xbb\xbf" + "带BOM".encode(), "带BOM"),  # Notepad's "UTF-8 with BOM"
    ("尊敬的吉𠮷先生".encode("gb18030"), "尊敬的吉𠮷先生"),  # Chinese Windows "ANSI"
    ("收费高".encode("gbk"), "收费高"),
    (b"", ""),
])
def test_text_files_are_read_as_utf8_or_gb18030(data: bytes, expected: str) -> None:
    assert text.decode_text(data) == expected


def test_bytes_that_are_neither_utf8_nor_gb18030_are_refused() -> None:
    assert text.decode_text(b"\x81\x30\xff\xff") is None
