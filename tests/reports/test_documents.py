"""The sheet printout (every field of the paper form) and the reply letter (seed 003
篇6: acknowledge, admit, explain, put right, promise, apologise), in Chinese and English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import NamedTuple

import pytest

from helpdesk.domain.complaints import ResponsibleArea, VisitKind
from helpdesk.domain.errors import PermissionDenied, ValidationError
from helpdesk.services import common, complaints, customers, reporting
from helpdesk.storage.database import Database, open_database
from tests.conftest import NOW, Clock, Staff, staff_store
from tests.reports.pdftext import fonts as pdf_fonts
from tests.reports.pdftext import page_count, pdf_text, squeeze

VIN = "LSVAU218XN2183294"
DESCRIPTION = "保养后发动机异响，修了两次没修好"
REQUEST = "免费重新维修并赔偿打车费"
ROOT = "火花塞型号装错，配件出库时未按VIN核对车型"
CORRECTION = "免费更换正确型号火花塞，报销打车费"
MEASURE = "配件出库扫码核对VIN，配件经理沈瑜负责，11月15日前上线"
ACTION = "配件出库扫码系统上线，配件经理沈瑜负责"
PROGRESS = "已联系客户，约好周六上午返修"


class Rich(NamedTuple):
    staff: Staff
    sheet_id: int
    number: str


@pytest.fixture(scope="module")
def _built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Rich]]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('documents')}/h.db")
    clock = Clock(NOW)
    common.set_clock(clock)
    try:
        yield database, _build(database, clock)
    finally:
        common.set_clock(None)
        database.dispose()


@pytest.fixture
def db(_built: tuple[Database, Rich], clock: Clock) -> Database:
    """The module's database (built once: staff and one full sheet); tests add sheets."""
    return _built[0]


@pytest.fixture
def rich(_built: tuple[Database, Rich]) -> Rich:
    return _built[1]


@pytest.fixture
def staff(rich: Rich) -> Staff:
    return rich.staff


def _build(db: Database, clock: Clock) -> Rich:
    """One sheet with every part of the form filled in, closed by the director."""
    uow = db.uow
    staff = staff_store(db)
    who = customers.create_customer(uow(), staff.desk, customers.CustomerInput(
        name="张三", phones=("13812345678",), gender="male",
        vehicles=(customers.VehicleInput(vin=VIN, plate="沪A·12345", brand="大众",
                                         model="帕萨特", purchase_date=date(2023, 5, 6)),)))
    clock.at = datetime(2026, 11, 2, 9, 0)
    sheet = complaints.register(uow(), staff.desk, complaints.SheetInput(
        channel="reception", severity="major", category="repair_quality",
        description=DESCRIPTION, customer_request=REQUEST, customer_id=who.id,
        vehicle_id=who.vehicles[0].id, mileage_km="45,678"))
    clock.at = datetime(2026, 11, 2, 9, 10)
    complaints.assign(uow(), staff.director, sheet.id, ResponsibleArea.TECHNICAL, staff.manager)
    complaints.add_progress(uow(), staff.manager, sheet.id, PROGRESS, customer_notified=True)
    clock.at = datetime(2026, 11, 2, 10, 0)
    complaints.record_analysis(uow(), staff.manager, sheet.id, root_cause=ROOT,
                               correction=CORRECTION, compensation="150",
                               long_term_measure=MEASURE, rework_needed=True)
    complaints.add_corrective_action(uow(), staff.manager, sheet.id, ACTION, staff.manager,
                                     date(2026, 11, 15))
    clock.at = datetime(2026, 11, 7, 11, 0)
    complaints.record_analysis(uow(), staff.manager, sheet.id,
                               rework_completed_at=datetime(2026, 11, 7, 10, 30))
    complaints.resolve(uow(), staff.manager, sheet.id)
    clock.at = datetime(2026, 11, 7, 15, 0)
    complaints.record_return_visit(uow(), staff.manager, sheet.id, 5, "返修后车辆正常，很满意",
                                   kind=VisitKind.AFTER_REWORK)
    complaints.close(uow(), staff.director, sheet.id, "客户确认满意")
    clock.at = NOW
    return Rich(staff, sheet.id, sheet.number)


def test_the_printout_has_every_field(db: Database, rich: Rich) -> None:
    pdf = reporting.sheet_pdf(db.uow(), rich.staff.director, rich.sheet_id)
    flat = squeeze(pdf_text(pdf))
    expected = [
        "抱怨/投诉单", rich.number, "天顺汽车4S店", "2026-11-0209:00", "王芳",  # identity
        "服务顾问接待中", "重大", "维修质量", "已关闭", "响应时限", "2026-11-0209:10·李建国·按时",
        "解决时限", "已升级厂家",
        "张三", "13812345678",  # customer (the director may see the phone)
        VIN, "沪A12345", "大众帕萨特", "45,678公里", "2023-05-06",  # vehicle
        DESCRIPTION, REQUEST,  # complaint and request
        "责任部门技术", "责任人陈刚",  # responsibility
        ROOT, CORRECTION, "补偿金额:¥150.00", MEASURE,  # analysis
        "需要返修是", "返修完成时间2026-11-0710:30",  # rework
        "返修后回访", "电话", "5/5", "返修后车辆正常，很满意",  # return visit
        PROGRESS, "已告知客户",  # progress log
        ACTION, "2026-11-15", "待验证",  # corrective action
        "指定责任", "解决", "关闭", "满意度5/5",  # workflow history
        "关闭人李建国", "关闭时间2026-11-0715:00", "客户确认满意",  # close-out
        "责任人签字：", "服务总监签字：", "客户关爱部存档：", "打印时间：2026-11-1810:00",
    ]
    missing = [item for item in expected if squeeze(item) not in flat]
    assert not missing


def test_the_printout_masks_the_phone_for_others(db: Database, rich: Rich) -> None:
    flat = squeeze(pdf_text(reporting.sheet_pdf(db.uow(), rich.staff.gm, rich.sheet_id, "en")))
    assert "138****5678" in flat and "13812345678" not in flat
    for label in ("ComplaintSheet", "Rootcause", "Long-termmeasure", "Returnvisits",
                  "Progresslog", "ServiceDirector", "Servicereception", "Repairquality"):
        assert label in flat


def test_the_printout_needs_the_right_to_see_sheets(db: Database, rich: Rich) -> None:
    from helpdesk.services import users

    nobody = users.create_user(db.uow(), rich.staff.admin, "temp", "临时工", [], "secret123")
    with pytest.raises(PermissionDenied):
        reporting.sheet_pdf(db.uow(), nobody.id, rich.sheet_id)


def test_nasty_text_prints_as_typed(db: Database, staff: Staff, clock: Clock) -> None:
    who = customers.create_customer(db.uow(), staff.desk, customers.CustomerInput(
        name="<b>王</b>&amp;", phones=("13912345678",)))
    long_text = "<font name=Helvetica>注入</font> & 'quotes' " + "很长的描述" * 790
    sheet = complaints.register(db.uow(), staff.desk, complaints.SheetInput(
        channel="phone", severity="general", category="other", description=long_text[:4000],
        customer_id=who.id, customer_request="第一行\n第二行 </para> ]]>"))
    pdf = reporting.sheet_pdf(db.uow(), staff.director, sheet.id)
    assert page_count(pdf) >= 2  # the long description runs on
    flat = squeeze(pdf_text(pdf))
    assert "<b>王</b>&amp;" in flat and "第二行</para>]]>" in flat
    assert squeeze("<font name=Helvetica>注入</font> & 'quotes'") in flat
    assert "/Helvetica" not in {f["name"] for f in pdf_fonts(pdf)}


# ---------------------------------------------------------------- the letter
def test_the_chinese_letter_follows_the_six_steps(db: Database, rich: Rich) -> None:
    draft = reporting.draft_reply_letter(db.uow(), rich.staff.director, rich.sheet_id, "zh")
    text = draft.text
    assert draft.lang == "zh_CN" and draft.number == rich.number
    assert text.startswith("尊敬的张三先生：")
    steps = [
        f"感谢您于2026年11月2日向我们反映的情况（单号 {rich.number}）",  # 1 acknowledge
        "这是我们在技术方面的过失，我们对此承担责任",  # 2 admit (technical area)
        f"问题的原因是：{ROOT}",  # 3 explain
        f"我们已于2026年11月7日采取以下措施：{CORRECTION}",  # 4 how and when
        "给予您 ¥150.00 的补偿", "您的车辆返修已于2026年11月7日完成",
        f"改进措施：{MEASURE}。我们保证同样的问题不会再次发生",  # 5 promise
        "我们深表歉意",  # 6 apologise
    ]
    positions = [text.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "此致" in text and "天顺汽车4S店" in text and "2026年11月18日" in text
    pdf = reporting.reply_letter_pdf(db.uow(), rich.staff.director, rich.sheet_id, text, "zh")
    flat = squeeze(pdf_text(pdf))
    assert squeeze(steps[3]) in flat and "敬礼" in flat


def test_the_english_letter(db: Database, rich: Rich) -> None:
    text = reporting.draft_reply_letter(db.uow(), rich.staff.director, rich.sheet_id, "en").text
    assert text.startswith("Dear Mr 张三,")
    steps = ["Thank you for your message of 2 November 2026",
             "this was our mistake (technical), and we take responsibility",
             f"caused by the following: {ROOT}",
             f"On 7 November 2026 we put it right as follows: {CORRECTION}",
             "compensation of CNY 150.00",
             f"made this change: {MEASURE}. I can assure you that the same mistake will not "
             "occur again",
             "I am sorry for the inconvenience"]
    positions = [text.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "Yours sincerely," in text and "18 November 2026" in text


def test_an_open_sheet_letter_promises_a_date_without_admitting(
        db: Database, staff: Staff, clock: Clock) -> None:
    who = customers.create_customer(db.uow(), staff.desk, customers.CustomerInput(
        name="王五", phones=("13712345678",), gender="female"))
    sheet = complaints.register(db.uow(), staff.desk, complaints.SheetInput(
        channel="reception", severity="general", category="price", description="收费过高。",
        customer_id=who.id))
    text = reporting.draft_reply_letter(db.uow(), staff.desk, sheet.id).text
    assert text.startswith("尊敬的王五女士：")
    assert "收费过高。我们已收到" in text  # no doubled full stop
    assert "过失" not in text and "我们正在查明问题的原因" in text
    assert "我们将在2026年11月21日之前为您解决此问题" in text  # 3 working days
    assert "保证同样的问题不会再次发生" in text


def test_the_printed_letter_is_the_edited_text(db: Database, rich: Rich) -> None:
    edited = ("尊敬的张先生：\n\n\u3000\u3000这是我们改写过的一段话，编号 EDIT-42。\n\n"
              "天顺汽车4S店\n")
    pdf = reporting.reply_letter_pdf(db.uow(), rich.staff.director, rich.sheet_id, edited,
                                     "zh_CN")
    flat = squeeze(pdf_text(pdf))
    assert "这是我们改写过的一段话，编号EDIT-42。" in flat
    assert "感谢您" not in flat  # nothing of the draft that was deleted
    with db.uow().reading() as uow:
        entry = uow.audit.recent(1, "sheet.letter")[0]
        assert "EDIT-42" in entry.changes and entry.entity_id == rich.sheet_id


@pytest.mark.parametrize(("text", "code"), [("", "letter.empty"), (" \n\t ", "letter.empty"),
                                            ("很" * 20_001, "letter.too_long")])
def test_bad_letters_are_refused(db: Database, rich: Rich, text: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        reporting.reply_letter_pdf(db.uow(), rich.staff.director, rich.sheet_id, text)
    assert (info.value.field, info.value.code) == ("letter", code)
