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
