"""What a director reads first: the stores, the complaints to act on, 同比/环比, people,
compensation, a month in progress compared pro rata, durations never rounded down."""

from __future__ import annotations

from datetime import date

import pytest

from helpdesk.reports import charts, i18n, monthly
from helpdesk.services import complaints, reporting
from helpdesk.services.reporting import build_monthly_report
from helpdesk.storage.database import Database
from tests.conftest import Clock
from tests.reports import dataset
from tests.reports.pdftext import has_row, pdf_text, squeeze
from tests.reports.test_as_at import Story, _later, _october


def test_all_stores_names_every_store(report_db: Database, data: dataset.Dataset) -> None:
    report = build_monthly_report(report_db.uow(), "2026-10")
    assert report.store_names == ("天顺汽车4S店", "北京望京店", "广州天河店")
    text = squeeze(pdf_text(reporting.monthly_pdf(
        report_db.uow(), data.staff.gm, reporting.MonthlyRequest("2026-10"))))
    assert "全部门店：天顺汽车4S店、北京望京店、广州天河店" in text
    one = build_monthly_report(report_db.uow(), "2026-10", data.bj)
    assert one.store_name == "北京望京店" and one.store_names == ()


def test_people_and_advisors(report_db: Database) -> None:
    report = build_monthly_report(report_db.uow(), "2026-10")
    # Every October sheet was received at the desk by 王芳; 陈刚 is responsible for the
    # five assigned at October's end; S1 has nobody, nor had S4 (assigned on 3 November).
    assert [(r.key, r.count, r.previous) for r in report.by_advisor] == [("王芳", 7, 2)]
    assert [(r.key, r.count) for r in report.by_person] == [("陈刚", 5), ("", 2)]


@pytest.fixture
def story(db: Database, clock: Clock) -> Story:
    s = Story(db, clock)
    _october(s)
    _later(s)
    return s


def test_complaints_to_act_on_come_first_and_compensation(story: Story) -> None:
    s = story
    s.at("2026-11-04 10:00")
    complaints.record_analysis(s.db.uow(), s.staff.manager, s.ids["D"], compensation="300")
    complaints.record_analysis(s.db.uow(), s.staff.manager, s.ids["C"],
                               compensation="1,200.50")
    s.at("2026-11-05 09:00")
    report = build_monthly_report(s.db.uow(), "2026-10")
    numbers = {key: complaints.get_sheet(s.db.uow(), s.staff.director, sid).number
               for key, sid in s.ids.items()}
    # A (major) closed on time; D (major) still unresolved at the month's end: D first.
    assert [m.number for m in report.major] == [numbers["D"], numbers["A"]]
    assert (report.major_listed, report.major_attention) == (2, 1)
    assert "其中1张在月末仍未结案或解决超期" in squeeze(pdf_text(reporting.monthly_pdf(
        s.db.uow(), s.staff.gm, reporting.MonthlyRequest("2026-10"))))
    # The compensation of these October sheets was entered on 4 November: it counts in
    # November, and October keeps the figures it had at its end (none).
    assert report.compensation == ()
    s.at("2026-12-01 09:00")
    november = build_monthly_report(s.db.uow(), "2026-11")
    assert [(c.key, c.sheets, c.cents) for c in november.compensation] == \
        [("repair_quality", 2, 150050)]
    assert november.compensation_cents == 150050
    text = pdf_text(reporting.monthly_pdf(s.db.uow(), s.staff.gm,
                                          reporting.MonthlyRequest("2026-11")))
    assert "本月补偿合计¥1,500.50，涉及2单" in squeeze(text)
    assert has_row(text, "维修质量", "2", "1,500.50")
    # A correction in December counts in December, by what it changed.
    complaints.record_analysis(s.db.uow(), s.staff.manager, s.ids["D"], compensation="250")
    s.at("2027-01-01 09:00")
    december = build_monthly_report(s.db.uow(), "2026-12")
    assert [(c.key, c.sheets, c.cents) for c in december.compensation] == \
        [("repair_quality", 1, -5000)]
    assert monthly.figures_text(build_monthly_report(s.db.uow(), "2026-11")) == \
        monthly.figures_text(november)


def test_year_on_year_and_month_on_month(story: Story) -> None:
    story.at("2026-11-05 09:00")
    report = build_monthly_report(story.db.uow(), "2026-10")
    assert report.year_ago is not None and report.year_ago.month == date(2025, 10, 1)
    assert report.year_ago.received == 0
    text = pdf_text(reporting.monthly_pdf(story.db.uow(), story.staff.gm,
                                          reporting.MonthlyRequest("2026-10")))
    assert "同比与环比" in squeeze(text)
    assert has_row(text, "本月受理", "6", "0", "+6 (—)", "0", "+6 (—)")


def test_month_in_progress_is_compared_pro_rata(story: Story) -> None:
    # 15 November 12:00: 14.5 of 30 days have passed.
    story.at("2026-11-15 12:00")
    november = build_monthly_report(story.db.uow(), "2026-11")
    assert not november.complete
    assert november.elapsed_share == pytest.approx(14.5 / 30)
    assert november.previous.received == 6
    assert november.pro_rata(6) == 3  # 6 × 14.5/30 = 2.9
    text = squeeze(pdf_text(reporting.monthly_pdf(story.db.uow(), story.staff.gm,
                                                  reporting.MonthlyRequest("2026-11"))))
    assert "已过48.3%" in text
    assert "较上月-3(-100.0%)" in text  # 0 received against 3, not against 6
    october = build_monthly_report(story.db.uow(), "2026-10")
    assert october.pro_rata(6) == 6


@pytest.mark.parametrize(("minutes", "shown"), [
    (1725, "1天5小时"), (1440, "1天"), (1441, "1天1小时"), (1439, "23小时59分"),
    (14400, "10天"), (59, "59分钟")])
def test_durations_are_rounded_up_never_down(minutes: int, shown: str) -> None:
    assert i18n.fmt_duration("zh_CN", minutes) == shown


@pytest.mark.parametrize(("values", "axis"), [
    ([79.0, 89.0], (78, 90, 2)), ([84.4, 81.2, 88.0], (80, 90, 2)),
    ([0.0, 100.0], (0, 100, 20)), ([], (0, 100, 20)), ([40.0, 95.0], (20, 100, 20))])
def test_rate_axes_are_scaled_to_the_data(values: list[float],
                                          axis: tuple[int, int, int]) -> None:
    assert charts.percent_axis(values) == axis
    low, high, _ = axis
    assert all(low <= v <= high for v in values)


def test_the_export_holds_the_new_tables(story: Story) -> None:
    s = story
    s.at("2026-10-31 10:00")  # entered in October: October's compensation
    complaints.record_analysis(s.db.uow(), s.staff.manager, s.ids["C"], compensation="120.50")
    s.at("2026-11-05 09:00")
    data = reporting.monthly_export(s.db.uow(), s.staff.gm,
                                    reporting.MonthlyRequest("2026-10", lang="en"), "csv")
    text = data.decode("utf-8-sig")
    assert "Repair quality,1,120.5" in text
    assert "Total,1,120.5" in text
    assert "Complaints received,6,0,0" in text  # this month, last month, a year ago
    assert "Reopened this month,2,0," in text  # C on 9 and F on 30 October
    assert "陈刚,5,83.3%,0" in text  # responsible person
