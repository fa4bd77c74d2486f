"""Settings changes in words for the audit trail (issue 15)."""

from __future__ import annotations

import pytest

from helpdesk.domain import setting_changes, vocabulary

RULE = {"channel": "phone", "severity": "major",
        "response": {"kind": "working_minutes", "amount": 30},
        "resolution": {"kind": "working_days", "amount": 3},
        "escalate_to_oem": False, "note": ""}


@pytest.mark.parametrize(("action", "changes", "lang", "expected"), [
    ("settings.retention", {"retention_years": [2, 7]}, "zh_CN",
     [("抱怨单保存年限", "2 年", "7 年")]),
    ("settings.attachment_limits", {"per_file": [10485760, 5242880]}, "en",
     [("Largest attachment", "10 MB", "5 MB")]),
    ("settings.banned_phrases", {"phrases": [["注意", "杜绝"], ["杜绝", "加强管理"]]}, "zh_CN",
     [("空话词表", "", "新增 加强管理；删除 注意")]),
    ("settings.categories",
     {"categories": [{"price": ["收费价格", "收費價格", "Price"]},
                     {"price": ["收费", "收費", "Charges"], "noise": ["噪音", "噪音", "Noise"]}]},
     "en", [("Complaint categories", "", "added Noise"),
            ("Complaint categories", "Price", "Charges")]),
    ("store.policy",
     {"rules": [[RULE], [{**RULE, "response": {"kind": "end_of_workday", "amount": 0}},
                         {**RULE, "channel": None, "severity": None}]]}, "zh_CN",
     [("时限规则 · 电话 · 重大", "响应 30 工作分钟；解决 3 工作日", "响应 下班前；解决 3 工作日"),
      ("时限规则 · 任何 · 任何", "", "响应 30 工作分钟；解决 3 工作日")]),
    ("store.calendar", {"hours": [{"6": None}, {"6": ["10:00", "16:00"]}],
                        "makeup_workdays": [[], ["2026-10-11"]]}, "zh_TW",
     [("週日營業時間", "休息", "10:00–16:00"), ("調休上班日", "", "新增 2026-10-11")]),
    ("store.update", {"phone": ["+8675526881234", "+8675586001234"]}, "zh_CN",
     [("门店电话", "0755 2688 1234", "0755 8600 1234")]),
    ("demo.load", {"customers": 400, "sheets": 1500, "users": ["admin", "desk1"]}, "zh_CN",
     [("客户", "", "400"), ("抱怨单", "", "1500"), ("用户", "", "admin、desk1")]),
])
def test_settings_changes_in_words(action, changes, lang, expected) -> None:
    assert setting_changes.lines(action, changes, lang) == expected


def test_other_actions_are_left_to_the_general_wording() -> None:
    assert setting_changes.lines("customer.update", {"name": ["a", "b"]}, "zh_CN") is None


def test_every_setting_word_and_action_has_three_languages() -> None:
    for table in (vocabulary.SETTING_WORDS, vocabulary.AUDIT_ACTIONS):
        for key, labels in table.items():
            assert len(labels) == len(vocabulary.LANGUAGES) and all(labels), key
