"""Tests for helpdesk.domain.search_keys: pinyin keys, query folding, reversed keys."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpdesk.domain import search_keys as sk


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张三", "zhangsan", "zs"),
        ("单丽", "shanli", "sl"),  # surname 单 is shàn, not dān
        ("曾国藩", "zengguofan", "zgf"),  # not céng
        ("解晓东", "xiexiaodong", "xxd"),  # not jiě
        ("仇海", "qiuhai", "qh"),  # not chóu
        ("区志强", "ouzhiqiang", "ozq"),
        ("朴树", "piaoshu", "ps"),
        ("查良镛", "zhaliangyong", "zly"),
        ("盖丽丽", "gelili", "gll"),
        ("乐嘉", "yuejia", "yj"),
        ("缪斯", "miaosi", "ms"),
        ("覃海", "qinhai", "qh"),
        ("翟天临", "zhaitianlin", "ztl"),
        ("召明", "shaoming", "sm"),
        ("繁星", "poxing", "px"),
        ("种明", "chongming", "cm"),
        ("秘书华", "bishuhua", "bsh"),
        ("员外", "yunwai", "yw"),
        ("纪晓岚", "jixiaolan", "jxl"),
        ("华罗庚", "hualuogeng", "hlg"),
        ("任正非", "renzhengfei", "rzf"),
        ("朝阳", "chaoyang", "cy"),
        ("欧阳娜娜", "ouyangnana", "oynn"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("万俟卨", "moqixie", "mqx"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("单于明", "chanyuming", "cym"),
        ("诸葛亮", "zhugeliang", "zgl"),
        ("司马光", "simaguang", "smg"),
        ("上官婉儿", "shangguanwaner", "sgwe"),
        ("歐陽娜娜", "ouyangnana", "oynn"),  # Traditional spelling
        ("單麗", "shanli", "sl"),
    ],
)
def test_person_names_read_the_surname_as_a_surname(name: str, full: str, initials: str) -> None:
    keys = sk.name_pinyin_keys(name)
    assert keys[:2] == [full, initials]


@pytest.mark.parametrize(
    ("name", "wrong"),
    [("单丽", "danli"), ("曾国藩", "cengguofan"), ("解晓东", "jiexiaodong"), ("仇海", "chouhai")],
)
def test_person_names_also_get_the_common_reading(name: str, wrong: str) -> None:
    # A clerk reading the name off an ID card types 曾 as "ceng" (issue 15): the common
    # reading finds the person too, after the surname reading.
    keys = sk.name_pinyin_keys(name)
    assert wrong in keys
    assert keys.index(wrong) > 1


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("深圳市金满楼", ["圳市金满楼", "市金满楼", "金满楼", "满楼", "楼"]),
        ("曾国藩", ["国藩", "藩"]),
        ("John Smith", ["smith"]),
        ("天顺4S店", ["顺4s店", "4s店", "店"]),
        ("张", []),
    ],
)
def test_name_parts_make_an_infix_a_prefix(name: str, parts: list[str]) -> None:
    assert sk.name_part_keys(name) == parts


@given(st.text(max_size=20))
@settings(max_examples=200, derandomize=True)
def test_every_name_part_is_a_part_of_the_name(name: str) -> None:
    whole = sk.normalize_search_query(name)
    for part in sk.name_part_keys(name):
        assert part and part in whole and part != whole


def test_u_umlaut_is_indexed_as_v_and_u() -> None:
    keys = sk.name_pinyin_keys("吕布")
    assert "lvbu" in keys and "lubu" in keys and "lb" in keys
    assert set(sk.name_pinyin_keys("闾丘露")) >= {"lvqiulu", "luqiulu", "lql"}
    assert set(sk.name_pinyin_keys("张女士")) >= {"zhangnvshi", "zhangnushi"}


def test_divided_surname_reading_gives_both() -> None:
    keys = sk.name_pinyin_keys("黑明")
    assert "heiming" in keys and "heming" in keys


def test_company_names_use_the_phrase_reading() -> None:
    keys = sk.name_pinyin_keys("重庆长安汽车", is_person=False)
    assert keys[:2] == ["chongqingchanganqiche", "cqcaqc"]
    # A company is not a person: its first character keeps the phrase reading.
    assert sk.name_pinyin_keys("曾经汽修", is_person=False)[0] == "cengjingqixiu"


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("John Smith", ["johnsmith", "js"]),
        ("  JOHN   SMITH ", ["johnsmith", "js"]),
        ("Ｊｏｈｎ", ["john", "j"]),
        ("张三John", ["zhangsanjohn", "zsj"]),
        ("Vivian", ["vivian", "v"]),  # v in a Latin name is not a ü
        ("O'Brien", ["obrien", "ob"]),
        ("4S店", ["4sdian", "4d"]),
    ],
)
def test_latin_and_mixed_names(name: str, keys: list[str]) -> None:
    assert sk.name_pinyin_keys(name) == keys


@pytest.mark.parametrize("name", ["", "   ", "😀", "·-·", "!!!"])
def test_names_without_letters_have_no_keys(name: str) -> None:
    assert sk.name_pinyin_keys(name) == []


def test_keys_are_distinct_and_lower_case() -> None:
    keys = sk.name_pinyin_keys("Zhang ZHANG 张")
    assert len(keys) == len(set(keys))
    assert all(k == k.lower() for k in keys)


@given(st.text(max_size=20))
def test_name_keys_are_distinct_lower_ascii(name: str) -> None:
    for is_person in (True, False):
        keys = sk.name_pinyin_keys(name, is_person=is_person)
        assert len(keys) == len(set(keys))
        assert all(k and k == k.lower() for k in keys)


@given(st.text(alphabet="张王李赵刘陈杨黄单曾吕欧阳女", min_size=1, max_size=6))
def test_han_names_produce_ascii_keys(name: str) -> None:
    keys = sk.name_pinyin_keys(name)
    assert keys
    assert all(k.isascii() and k.isalnum() for k in keys)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("京A·12345", "京a12345"),
        ("京ａ・１２３４５", "京a12345"),
        ("京A-12345", "京a12345"),
        ("京A.12345", "京a12345"),
        ("138 1234 5678", "13812345678"),
        ("LSVAU218XN2183294", "lsvau218xn2183294"),
        ("ＺＳ", "zs"),
        ("  Zhang San ", "zhangsan"),
        ("", ""),
    ],
)
def test_normalize_search_query(query: str, expected: str) -> None:
    assert sk.normalize_search_query(query) == expected


@given(st.text())
def test_normalize_search_query_is_idempotent(q: str) -> None:
    once = sk.normalize_search_query(q)
    assert sk.normalize_search_query(once) == once


def test_reverse_key_turns_a_suffix_into_a_prefix() -> None:
    vin = "LSVAU218XN2183294"
    assert sk.reverse_key(vin).startswith(sk.reverse_key("183294"))
    assert sk.reverse_key("13812345678") == "87654321831"


@given(st.text())
def test_reverse_key_is_an_involution(s: str) -> None:
    assert sk.reverse_key(sk.reverse_key(s)) == s


def test_distinct_keeps_order_and_drops_empty() -> None:
    assert sk.distinct(["zs", "", "zhangsan", "zs"]) == ["zs", "zhangsan"]


@pytest.mark.parametrize(("name", "initials", "taken", "code"), [
    ("天顺汽车", True, (), "TSQC"),
    ("天顺4S店", True, (), "TS4SD"),
    ("天顺汽车", True, ("TSQC",), "TSQC2"),
    ("１２３", True, (), "S123"),
    ("保养质量", False, (), "bao_yang_zhi_liang"),
    ("保养质量", False, ("bao_yang_zhi_liang",), "bao_yang_zhi_liang_2"),
    ("ABC 服务", False, (), "abc_fu_wu"),
    ("！？", False, (), ""),
])
def test_codes_derived_from_names(name: str, initials: bool, taken: tuple[str, ...],
                                  code: str) -> None:
    from helpdesk.domain.search_keys import code_from_name

    assert code_from_name(name, initials=initials, max_length=8 if initials else 40,
                          taken=taken) == code
