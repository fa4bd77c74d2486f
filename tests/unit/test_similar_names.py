"""The one "similar name" rule of the duplicate suggestions (issue 15)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpdesk.domain.similar_names import candidate_keys, similar_names


@pytest.mark.parametrize(("a", "b", "similar"), [
    ("张丽华", "张丽华", True),  # the same
    ("张丽华", " 张 丽华 ", True),  # spaces do not count
    ("张丽华", "章丽华", True),  # same reading, another character (the IME's slip)
    ("王丽", "王莉", True),  # same reading, two characters
    ("曾国藩", "增国藩", True),  # 曾 read as its surname zeng
    ("张华", "张丽华", True),  # one character left out
    ("欧阳娜", "欧阳丽娜", True),  # one character added to a compound surname's name
    ("张丽华", "张力华", True),  # one character different (also same reading)
    ("张丽华", "张丽娟", True),  # one character different in three
    ("李建国", "李建军", True),
    ("王芳", "王静", False),  # two characters: one different is another person
    ("张丽华", "李丽娟", False),  # two different
    ("张丽华", "张华丽", False),  # swapped: two substitutions
    ("张三", "张三丰丰", False),  # two added
    ("张", "章", False),  # one character is not a name to compare
    ("欧阳丽娜娜", "欧阳丽娜", False),  # five characters: same only
    ("John Smith", "john smith", True),  # Latin names: the same only
    ("John Smith", "Jon Smith", False),
    ("深圳市金满楼", "深圳市金满搂", False),  # longer than four: the same only
    ("", "", False),
])
def test_similar_names_table(a: str, b: str, similar: bool) -> None:
    assert similar_names(a, b) is similar
    assert similar_names(b, a) is similar


_han = st.text(alphabet="张章丽力华娟李王芳静欧阳国增曾莉军建", min_size=2, max_size=4)


@given(_han, _han)
def test_similar_names_always_share_a_candidate_key(a: str, b: str) -> None:
    if similar_names(a, b):
        assert candidate_keys(a) & candidate_keys(b)
