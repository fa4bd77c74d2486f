"""The one vocabulary: reading words back, and how a program without Qt picks its
language. (That every reader shows the same word is tests/ui/test_vocabulary.py.)"""

from __future__ import annotations

from enum import StrEnum

import pytest

from helpdesk.domain import vocabulary
from helpdesk.domain.complaints import Effectiveness, SheetState, VisitKind
from helpdesk.domain.customers import Gender, OrderKind, StoreKind
from helpdesk.domain.enums import Channel
from helpdesk.domain.errors import ValidationError

TERMS = list(vocabulary.terms())


def test_every_term_has_a_label_in_every_language() -> None:
    for enum_cls, table in vocabulary.TERMS.items():
        assert set(table) == {m.value for m in enum_cls}, enum_cls.__name__
        for names in table.values():
            assert len(names) == len(vocabulary.LANGUAGES) and all(n.strip() for n in names)


@pytest.mark.parametrize("member", TERMS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_word_of_a_term_reads_back_as_that_term(member: StrEnum) -> None:
    for word in vocabulary.words(member):
        assert vocabulary.parse_term(word, type(member), "f") is member, word
        assert vocabulary.parse_term(f" {word.upper()} ", type(member), "f") is member, word


def test_no_word_means_two_members_of_one_enumeration() -> None:
    for enum_cls in vocabulary.TERMS:
        seen: dict[str, StrEnum] = {}
        for member in enum_cls:
            for word in vocabulary.words(member):
                other = seen.setdefault(vocabulary.fold(word), member)
                assert other is member, f"{word!r}: {other!r} and {member!r}"


@pytest.mark.parametrize(("word", "enum_cls", "member"), [
    # words earlier versions wrote or showed, still read
    ("服务顾问接待", Channel, Channel.RECEPTION), ("客户关爱回访", Channel, Channel.CARE_VISIT),
    ("满意度确认", VisitKind, VisitKind.SATISFACTION), ("跟进回访", VisitKind, VisitKind.FOLLOW_UP),
    ("尚未验证", Effectiveness, Effectiveness.PENDING), ("未知", Gender, Gender.UNKNOWN),
    ("零售", OrderKind, OrderKind.RETAIL), ("已解决", SheetState, SheetState.RESOLVED),
    # each language's label, and the code
    ("服務顧問接待中", Channel, Channel.RECEPTION), ("Service reception", Channel,
                                                      Channel.RECEPTION),
    ("reception", Channel, Channel.RECEPTION), ("ｖｉｐ", vocabulary.Tier, vocabulary.Tier.VIP),
])
def test_old_and_new_words_are_read(word: str, enum_cls: type[StrEnum],
                                    member: StrEnum) -> None:
    assert vocabulary.parse_term(word, enum_cls, "f") is member


def test_an_unknown_word_names_the_field_and_the_choices() -> None:
    with pytest.raises(ValidationError) as info:
        vocabulary.parse_term("信鸽", Channel, "channel")
    assert (info.value.field, info.value.code) == ("channel", "channel.invalid")
    assert "服务顾问接待中 (reception)" in info.value.message


def test_enumerations_sharing_a_value_keep_their_own_words() -> None:
    assert vocabulary.label(OrderKind.RETAIL) == "门店零售订单"
    assert vocabulary.label(StoreKind.RETAIL) == "零售门店"


@pytest.mark.parametrize(("explicit", "env", "saved", "expected"), [
    (None, {}, None, "zh_CN"),
    (None, {"LANG": "C.UTF-8"}, None, "zh_CN"),
    (None, {"LANG": "en_US.UTF-8"}, None, "en"),
    (None, {"LANG": "de_DE.UTF-8"}, None, "en"),
    (None, {"LANG": "zh_HK.UTF-8"}, None, "zh_TW"),
    (None, {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, None, "zh_TW"),
    (None, {"LANG": "en_US.UTF-8"}, "zh_TW", "zh_TW"),  # the desktop's choice beats locale
    (None, {"HELPDESK_LANG": "en"}, "zh_TW", "en"),
    ("zh", {"HELPDESK_LANG": "en"}, "zh_TW", "zh_CN"),
    (None, {"LANG": "en_US.UTF-8"}, "klingon", "en"),  # a damaged config is skipped
])
def test_a_program_without_qt_picks_its_language(explicit: str | None, env: dict[str, str],
                                                 saved: str | None, expected: str) -> None:
    assert vocabulary.pick_language(explicit, saved, env) == expected


def test_an_unknown_language_asked_for_is_an_error() -> None:
    with pytest.raises(ValidationError) as info:
        vocabulary.pick_language("fr", None, {})
    assert info.value.code == "lang.unknown"


def test_every_preset_note_is_translated() -> None:
    from helpdesk.domain import vocabulary
    from helpdesk.domain.sla import PRESETS

    notes = {rule.note for make in PRESETS.values() for rule in make().rules if rule.note}
    assert notes and notes <= set(vocabulary.PRESET_NOTES)
    for note in notes:
        assert vocabulary.preset_note(note, "zh_CN") != note
        assert vocabulary.preset_note(note, "en") == note
    assert vocabulary.preset_note("店内自定义", "en") == "店内自定义"
