"""One word per term: the screen, the printed documents, the spreadsheet export and the
command line name every domain term identically, in every language."""

from __future__ import annotations

import argparse
from enum import StrEnum

import pytest

from helpdesk.cli import _base
from helpdesk.domain import vocabulary
from helpdesk.domain.complaints import Action
from helpdesk.reports import i18n as report_words
from helpdesk.transfer import spreadsheets
from helpdesk.ui import i18n, labels


@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
def test_screen_pdf_export_and_command_line_use_the_same_word(lang: str, qapp,
                                                              qsettings) -> None:
    i18n.switch(lang, qsettings)
    cli_args = argparse.Namespace(lang=lang)
    seen = 0
    for member in vocabulary.terms():
        words = {
            "screen": labels.label(member),
            "pdf": report_words.label(lang, member),
            "export": spreadsheets.enum_label(member, lang),
            "cli": _base.word(cli_args, member),
        }
        assert len(set(words.values())) == 1, (member, words)
        assert words["screen"] == vocabulary.label(member, lang)
        seen += 1
    assert seen > 70  # states, channels, actions, roles… every enumeration a person reads
    for action in Action:  # the history stores actions as text
        assert report_words.action_label(lang, action.value) == labels.label(action)
    for method in labels.VISIT_METHODS:
        assert report_words.method_label(lang, method) == labels.visit_method(method)


def test_the_agreed_words(qapp, qsettings) -> None:
    from helpdesk.domain.complaints import Effectiveness, VisitKind
    from helpdesk.domain.customers import Gender
    from helpdesk.domain.enums import Channel

    i18n.switch("zh_CN", qsettings)
    chosen: dict[StrEnum, str] = {
        VisitKind.SATISFACTION: "满意度回访", Action.ASSIGN: "指定责任",
        Effectiveness.PENDING: "待验证", Gender.UNKNOWN: "未填写",
        Channel.RECEPTION: "服务顾问接待中", Action.RETURN_VISIT: "记录回访",
    }
    for member, word in chosen.items():
        assert labels.label(member) == report_words.label("zh_CN", member) == word


@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
def test_the_list_and_the_command_line_say_the_same_about_a_deadline(lang: str, qapp,
                                                                     qsettings) -> None:
    """Issue 8: one wording of "time left" (✖ overdue, ⚠ due soon, paused) for the
    desktop list and `sheet list`, in every language."""
    from datetime import datetime, timedelta

    from helpdesk.cli import sheets as cli_sheets
    from helpdesk.domain.complaints import SheetState
    from helpdesk.domain.enums import Channel, Severity
    from helpdesk.services.dto import SheetRow
    from helpdesk.ui import formatting

    i18n.switch(lang, qsettings)
    now = datetime(2026, 11, 19, 12, 30)
    cases = [  # (state, response due, resolution due, acknowledged, waiting since)
        (SheetState.REGISTERED, now - timedelta(hours=18, minutes=30), now + timedelta(days=2),
         None, None),
        (SheetState.REGISTERED, now + timedelta(minutes=5), now + timedelta(days=2), None, None),
        (SheetState.IN_PROGRESS, now - timedelta(days=1), now + timedelta(days=2, hours=3),
         now - timedelta(days=1), None),
        (SheetState.IN_PROGRESS, now - timedelta(days=3), now - timedelta(days=1),
         now - timedelta(days=3), None),
        (SheetState.WAITING, now - timedelta(days=3), now - timedelta(days=1),
         now - timedelta(days=3), now - timedelta(days=2)),
    ]
    texts = set()
    for state, response_due, resolution_due, acknowledged, waiting in cases:
        row = SheetRow(1, "TS-2026-000001", now - timedelta(days=4), "李四", "", Channel.PHONE,
                       Severity.GENERAL, "other", state, "", response_due, resolution_due,
                       acknowledged, None, 1, 1, waiting_since=waiting)
        screen = formatting.time_left(state, response_due, resolution_due, acknowledged, None,
                                      now, waiting_since=waiting, received_at=row.received_at)
        cli_text, _, _ = cli_sheets.time_left(row, now, lang)
        assert cli_text == screen.text, (lang, state)
        texts.add(screen.text)
    assert len(texts) == len(cases)  # five different situations, five different answers


@pytest.mark.parametrize("lang", vocabulary.LANGUAGES)
def test_customer_classes_are_named_alike_on_screen_and_in_the_kpi_report(
        lang: str, qapp, qsettings) -> None:
    """Issue 12: the pyramid segments and RFM classes have one word each (the
    vocabulary's), which the customer screens and the KPI report's PDF both show."""
    from datetime import date, datetime

    from helpdesk.reports import kpi
    from helpdesk.services.analytics import RfmClass, Segment
    from helpdesk.ui.customers import labels as customer_labels

    assert set(vocabulary.CUSTOMER_CLASSES["segment"]) == {s.value for s in Segment}
    assert set(vocabulary.CUSTOMER_CLASSES["rfm"]) == {c.value for c in RfmClass}
    i18n.switch(lang, qsettings)
    report = kpi.KpiReport(
        start=date(2026, 10, 1), end=date(2026, 11, 1), store_name=None, store_names=(),
        generated_at=datetime(2026, 11, 1, 9, 0), visits=0, satisfied=0, score_sum=0,
        previous_buyers=0, retained=0, buyers=0, repeat_buyers=0, ltv_years=3,
        segments=tuple(kpi.KpiSegment(s.value, 0, 0, 0) for s in Segment),
        rfm=tuple(kpi.KpiRfm(c.value, 0, 0, None, None, None) for c in RfmClass))
    tables = {table.key: table for table in kpi.kpi_tables(report, lang)}
    printed = [row[0] for row in tables["pyramid"].rows[:-1]]
    printed += [row[0] for row in tables["rfm"].rows[:-1]]
    shown = [customer_labels.label(member) for member in (*Segment, *RfmClass)]
    assert printed == shown
    assert shown == [vocabulary.customer_class_label(kind, m.value, lang)
                     for kind, members in (("segment", Segment), ("rfm", RfmClass))
                     for m in members]
    assert len(set(shown)) == len(shown)  # no two classes share a word
