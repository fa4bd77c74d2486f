"""The empty-words ban by shape (issue 11; seed 003: "严禁用一些形容词来替具体的措施").

A table of real-style long-term measures as a service manager writes them: the empty
ones (boilerplate, banned words with other words inside, spaces and punctuation inside)
are refused and the message says what is missing; the concrete ones pass even when they
contain a banned word.
"""

from __future__ import annotations

import pytest

from helpdesk.domain import empty_words, error_texts
from helpdesk.domain import validation as v
from helpdesk.domain.errors import ValidationError

EMPTY: list[str] = [
    # the four examples of the issue
    "加强对员工的培训，提高员工的服务意识，避免类似问题再次发生。",
    "对责任人进行批评教育，全体员工引以为戒。",
    "加强技术培训，提高维修质量。",
    "加强 培训",
    # words inside the phrase, spaces and punctuation inside
    "加 强 培 训",
    "加强-培训",
    "加强，培训",
    "今后加强对新员工的岗前培训和考核",
    "加强对维修技师的技术培训和质量检查",
    "加强对前台接待人员的管理",
    "进一步提高全体员工的服务意识",
    "以后要多加注意",
    "下次一定注意，避免此类问题发生",
    "引起高度重视，举一反三",
    "严格按照维修流程操作，确保不再发生",
    "组织全体员工学习服务规范，提高服务质量",
    "完善相关管理制度，落实责任",
    "安排专人负责跟进",
    "对当事技师进行批评教育",
    "提高维修人员的责任心",
    "吸取本次教训，杜绝此类事件",
    "加大考核力度，严格要求",
    "规范操作流程",
    "落实岗位责任制",
    "做好客户解释工作",
    "提高员工素质",
    "Strengthen staff training and raise awareness.",
    "We will pay more attention in the future.",
    "Improve service quality.",
    "Take it seriously and be more careful next time.",
]

CONCRETE: list[str] = [
    "车间主任王五在12月1日前修订刹车片安装作业指导书，增加涂胶检查项并签字确认",
    "加强培训：由服务经理王磊在11月30日前对全体服务顾问进行交车前检查单培训",
    "交车前增加洗车检查表，由车间主管签字，本周起执行",
    "每周一由配件经理核对库存，低于3件时补货",
    "报价单模板增加工时费一栏",
    "加强检查：质检员每日抽查5台交车车辆的轮胎螺栓扭矩并登记",
    "洗车后由洗车工拍照上传系统，前台交车时核对照片",
    "服务顾问接车时环车检查并拍照，照片存入工单",
    "提高服务意识：服务经理陈刚于2026-10-01前组织接待流程演练并每周抽查录音",
    "避免再次发生：索赔员在每月5日前核对上月索赔单与工单",
    "前台增设交车前检查单,由服务顾问签字,服务经理每日抽查5台",
    "配件部在每周一补货,库存低于3件时系统提醒采购员李娜",
    "节假日前一周与物流商确认运力，延迟订单当天短信告知客户",
    "退货审批权限增加值班主管，12月1日起执行",
    "周末10:00-20:00至少开放3个收银台，由店长排班",
    "员工车辆统一停放到后方停车场，由行政主管每日检查",
    "维修完工后由技师用扭矩扳手复查轮胎螺栓并在工单上签字",
    "更换空调滤芯时由机修组长拍照留档，两周内检查执行情况",
    "Service manager Wang Lei trains all advisers on the delivery checklist by 30 Nov.",
    "Strengthen training: the workshop foreman checks every wheel torque with a logged "
    "torque wrench from 1 December.",
    "Add a labour-cost line to the quote template.",
    "The front desk sends an SMS to the customer every 24 hours while the car is in the "
    "workshop.",
]


@pytest.mark.parametrize("measure", EMPTY)
def test_empty_measures_are_refused_saying_what_is_missing(measure: str) -> None:
    with pytest.raises(ValidationError) as caught:
        v.validate_measure(measure)
    error = caught.value
    assert error.code in {"measure.empty_words", "measure.no_signal", "measure.too_vague"}
    assert error.params["missing"], error.params
    text = error_texts.error_text(error, "zh_CN")
    assert "请写明由谁、在何时前、做什么" in text
    assert "还缺" in text


@pytest.mark.parametrize("measure", CONCRETE)
def test_concrete_measures_pass(measure: str) -> None:
    assert v.validate_measure(measure) == measure


def test_the_table_is_big_enough() -> None:
    assert len(EMPTY) + len(CONCRETE) >= 40


@pytest.mark.parametrize(
    ("measure", "phrases"),
    [
        ("加强对员工的培训，提高员工的服务意识，避免类似问题再次发生。",
         ("加强培训", "提高服务意识", "避免再次发生")),
        ("加强技术培训，提高维修质量。", ("加强培训", "提高质量")),
        ("加强 培训", ("加强培训",)),
        ("加强，培训", ("加强培训",)),
        ("对责任人进行批评教育，全体员工引以为戒。", ("批评教育", "引以为戒")),
        ("引起高度重视", ("高度重视",)),
        ("We strengthen the training of staff.", ("strengthen training",)),
    ],
)
def test_phrases_are_named_by_shape(measure: str, phrases: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        v.validate_measure(measure)
    assert caught.value.code == "measure.empty_words"
    assert caught.value.params["phrases"] == phrases


def test_a_phrase_does_not_reach_across_a_clause_with_other_words_between() -> None:
    folded = "加强了前台的管理，技师参加厂家培训"
    assert [h.phrase for h in empty_words.find_phrases(folded, ["加强培训"])] == []
    assert [h.phrase for h in empty_words.find_phrases(folded, ["加强管理"])] == ["加强管理"]


def test_the_message_in_three_languages() -> None:
    with pytest.raises(ValidationError) as caught:
        v.validate_measure("加强技术培训，提高维修质量。")
    error = caught.value
    assert error.params["missing"] == ("who", "when", "what")
    assert error_texts.error_text(error, "zh_CN") == (
        "“加强培训”、“提高质量” 不是具体措施：请写明由谁、在何时前、做什么"
        "（还缺：由谁、在何时前、做什么）。")
    assert "請寫明由誰、在何時前、做什麼" in error_texts.error_text(error, "zh_TW")
    assert "(missing: who, by when, does what)" in error_texts.error_text(error, "en")


def test_a_measure_with_a_date_but_nothing_else_still_lacks_who_and_what() -> None:
    with pytest.raises(ValidationError) as caught:
        v.validate_measure("12月前加强培训")
    assert caught.value.params["missing"] == ("who", "what")


def test_a_root_cause_is_asked_for_what_went_wrong() -> None:
    with pytest.raises(ValidationError) as caught:
        v.validate_measure("员工服务意识不强，沟通不到位", field="root_cause")
    assert caught.value.field == "root_cause"
    assert "哪里出了什么错、为什么" in error_texts.error_text(caught.value, "zh_CN")
    # A concrete cause needs no owner or deadline.
    cause = "前台沟通不到位，报价时未说明工时费"
    assert v.validate_measure(cause, field="root_cause") == cause


def test_an_administrators_phrase_is_found_by_shape_too() -> None:
    banned = (*v.DEFAULT_BANNED_PHRASES, "开会强调")
    with pytest.raises(ValidationError) as caught:
        v.validate_measure("开会再次强调", banned_phrases=banned)
    assert caught.value.params["phrases"] == ("开会强调",)
