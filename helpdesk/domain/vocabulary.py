"""The desk's vocabulary: one word per language for every domain term (术语表).

Every enumeration a person reads (sheet states, channels, severities, responsible
areas, workflow actions, visit kinds and methods, effectiveness, customer fields,
roles, SLA words, due filters) has exactly one label in Simplified Chinese,
Traditional Chinese and English, here and nowhere else. The screen
(``ui/labels``), the printed documents (``reports/i18n``), the spreadsheet import
and export (``transfer``) and the command line all read these labels, and a test
compares what each of them shows.

This is plain data with no Qt in it, so the command line and the PDF renderer use
it without a ``QApplication``. Widget texts (buttons, headings, dialogs) stay in Qt
Linguist's ``.ts`` files; what the domain names lives here.

Reading words back (:func:`parse_term`) accepts the stored code, the label in any of
the three languages and the extra spellings people use in their own spreadsheets
(:data:`SYNONYMS`), ignoring case, width and spaces.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Mapping, Sequence
from datetime import timedelta
from enum import StrEnum
from typing import TypeVar

from helpdesk.domain import text, validation
from helpdesk.domain.complaints import (
    Action,
    Effectiveness,
    ResponsibleArea,
    SheetState,
    VisitKind,
)
from helpdesk.domain.customers import CustomerKind, Gender, Lifecycle, OrderKind, StoreKind, Tier
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import ValidationError
from helpdesk.domain.filters import DueFilter
from helpdesk.domain.sla import DueKind, SlaState
from helpdesk.domain.users import Role

LANGUAGES: tuple[str, ...] = ("zh_CN", "zh_TW", "en")
"""The languages of the desk, in the order of each label tuple; the first is the default."""

DEFAULT_LANGUAGE = "zh_CN"

Labels = tuple[str, str, str]
"""(简体中文, 繁體中文, English)."""

_E = TypeVar("_E", bound=StrEnum)

# Labels per enumeration class, then per value: two enumerations may share a value
# (OrderKind.RETAIL and StoreKind.RETAIL are both "retail").
TERMS: Mapping[type[StrEnum], Mapping[str, Labels]] = {
    Channel: {
        Channel.CARE_VISIT: ("客户关爱回访中发现", "客戶關愛回訪中發現",
                             "Customer-care return visit"),
        # seed 003: 服务顾问在接待客户过程中接受的客户抱怨 — received *during* reception.
        Channel.RECEPTION: ("服务顾问接待中", "服務顧問接待中", "Service reception"),
        Channel.OEM_HOTLINE: ("厂家400热线", "廠家400熱線", "Manufacturer 400 hotline"),
        Channel.MEDIA: ("媒体/消协/行业管理", "媒體/消協/行業管理",
                        "Media / consumer association / regulator"),
        Channel.PHONE: ("电话", "電話", "Phone"),
        Channel.ONLINE: ("网络/微信/邮件", "網路/微信/郵件", "Online / WeChat / e-mail"),
        Channel.IN_STORE: ("门店现场", "門店現場", "In store"),
    },
    Severity: {
        Severity.MAJOR: ("重大", "重大", "Major"),
        Severity.GENERAL: ("一般", "一般", "General"),
    },
    SheetState: {
        SheetState.REGISTERED: ("已登记", "已登記", "Registered"),
        SheetState.ACKNOWLEDGED: ("已响应", "已響應", "Acknowledged"),
        SheetState.IN_PROGRESS: ("处理中", "處理中", "In progress"),
        SheetState.WAITING: ("等待客户", "等待客戶", "Waiting for customer"),
        SheetState.RESOLVED: ("已解决，待回访", "已解決，待回訪", "Resolved, awaiting visit"),
        SheetState.VISITED: ("已回访", "已回訪", "Visited"),
        SheetState.CLOSED: ("已关闭", "已關閉", "Closed"),
    },
    ResponsibleArea: {
        ResponsibleArea.TECHNICAL: ("技术", "技術", "Technical"),
        ResponsibleArea.SERVICE: ("服务", "服務", "Service"),
        ResponsibleArea.PARTS: ("配件", "配件", "Parts"),
        ResponsibleArea.SALES: ("销售", "銷售", "Sales"),
        ResponsibleArea.LOGISTICS: ("物流", "物流", "Logistics"),
        ResponsibleArea.OTHER: ("其他", "其他", "Other"),
    },
    VisitKind: {
        # Every kind is a kind of 回访 (the field is 回访类型); seed 003: 回访, 确认其满意度.
        VisitKind.AFTER_REWORK: ("返修后回访", "返修後回訪", "After rework"),
        VisitKind.SATISFACTION: ("满意度回访", "滿意度回訪", "Satisfaction check"),
        VisitKind.FOLLOW_UP: ("跟踪回访", "跟蹤回訪", "Follow-up"),
    },
    Effectiveness: {
        Effectiveness.PENDING: ("待验证", "待驗證", "Awaiting check"),
        Effectiveness.EFFECTIVE: ("有效", "有效", "Effective"),
        Effectiveness.NOT_EFFECTIVE: ("无效", "無效", "Not effective"),
    },
    Action: {
        Action.ACKNOWLEDGE: ("响应", "響應", "Acknowledge"),
        # seed 003: 服务总监针对不同客户的抱怨, 先确定责任人 — the step names area and person.
        Action.ASSIGN: ("指定责任", "指定責任", "Assign"),
        Action.WAIT: ("等待客户", "等待客戶", "Wait for customer"),
        Action.RESUME: ("恢复处理", "恢復處理", "Resume"),
        Action.RESOLVE: ("解决", "解決", "Resolve"),
        Action.RETURN_VISIT: ("记录回访", "記錄回訪", "Record return visit"),
        Action.CLOSE: ("关闭", "關閉", "Close"),
        Action.REOPEN: ("重新打开", "重新打開", "Reopen"),
    },
    Role: {
        Role.FRONT_DESK: ("前台/服务顾问", "前臺/服務顧問", "Front desk / service advisor"),
        Role.CUSTOMER_CARE: ("客户关爱专员", "客戶關愛專員", "Customer-care specialist"),
        Role.SERVICE_MANAGER: ("服务经理", "服務經理", "Service manager"),
        Role.SERVICE_DIRECTOR: ("服务总监", "服務總監", "Service director"),
        Role.GENERAL_MANAGER: ("总经理", "總經理", "General manager"),
        Role.ADMIN: ("系统管理员", "系統管理員", "Administrator"),
    },
    Tier: {
        Tier.REGULAR: ("普通", "普通", "Regular"),
        Tier.VIP: ("VIP", "VIP", "VIP"),
        Tier.SENIOR_VIP: ("高级VIP", "高級VIP", "Senior VIP"),
    },
    CustomerKind: {
        CustomerKind.INDIVIDUAL: ("个人", "個人", "Individual"),
        CustomerKind.COMPANY: ("单位", "單位", "Company"),
    },
    Gender: {
        # Nobody filled it in: the desk does not claim the gender is unknowable.
        Gender.UNKNOWN: ("未填写", "未填寫", "Not given"),
        Gender.MALE: ("男", "男", "Male"),
        Gender.FEMALE: ("女", "女", "Female"),
    },
    Lifecycle: {
        Lifecycle.NEW: ("新客户", "新客戶", "New"),
        Lifecycle.PROSPECT: ("潜在客户", "潛在客戶", "Prospect"),
        Lifecycle.ACTIVE: ("活跃客户", "活躍客戶", "Active"),
        Lifecycle.INACTIVE: ("沉睡客户", "沉睡客戶", "Inactive"),
    },
    OrderKind: {
        OrderKind.VEHICLE_SALE: ("整车销售", "整車銷售", "Vehicle sale"),
        OrderKind.SERVICE: ("维修保养", "維修保養", "Service and maintenance"),
        OrderKind.PARTS: ("配件", "配件", "Parts"),
        OrderKind.RETAIL: ("门店零售订单", "門店零售訂單", "Retail order"),
    },
    StoreKind: {
        StoreKind.DEALERSHIP: ("4S店售后", "4S店售後", "Dealership after-sales"),
        StoreKind.RETAIL: ("零售门店", "零售門店", "Retail store"),
    },
    DueKind: {
        DueKind.WORKING_MINUTES: ("工作分钟", "工作分鐘", "Working minutes"),
        DueKind.CALENDAR_MINUTES: ("分钟（自然时间）", "分鐘（自然時間）", "Minutes (clock)"),
        DueKind.END_OF_WORKDAY: ("下班前", "下班前", "Before end of working day"),
        DueKind.WORKING_DAYS: ("工作日", "工作日", "Working days"),
        DueKind.CALENDAR_DAYS: ("天（自然日）", "天（自然日）", "Days (calendar)"),
    },
    SlaState: {
        SlaState.MET: ("按时", "按時", "On time"),
        SlaState.MISSED: ("超时", "超時", "Late"),
        SlaState.PENDING: ("计时中", "計時中", "Running"),
        SlaState.NEAR: ("即将到期", "即將到期", "Due soon"),
        SlaState.OVERDUE: ("已超时", "已超時", "Overdue"),
        SlaState.PAUSED: ("已暂停", "已暫停", "Paused"),
    },
    DueFilter: {
        DueFilter.OVERDUE: ("已超时", "已超時", "Overdue"),
        DueFilter.DUE_TODAY: ("今天到期", "今天到期", "Due today"),
        # issue 11: the CRM preset's progress update every 24 h
        DueFilter.UPDATE_DUE: ("待告知客户进度", "待告知客戶進度", "Customer update due"),
    },
}

# Other spellings accepted when reading words back (spreadsheet cells, command-line
# options), besides the code and the three labels. Old export words stay here so that
# files written by earlier versions still import (服务顾问接待, 客户关爱回访, 零售…).
SYNONYMS: Mapping[type[StrEnum], Mapping[str, tuple[str, ...]]] = {
    CustomerKind: {
        CustomerKind.INDIVIDUAL: ("私人", "person"),
        CustomerKind.COMPANY: ("公司", "企业", "集团", "单位客户"),
    },
    Gender: {
        Gender.MALE: ("m", "先生"),
        Gender.FEMALE: ("f", "女士"),
        Gender.UNKNOWN: ("未知", "unknown"),
    },
    Tier: {
        Tier.REGULAR: ("普通客户", "一般"),
        Tier.VIP: ("vip客户",),
        Tier.SENIOR_VIP: ("高级vip客户", "svip", "senior vip"),
    },
    OrderKind: {
        OrderKind.VEHICLE_SALE: ("新车", "购车", "整车", "销售"),
        OrderKind.SERVICE: ("维修", "保养", "售后"),
        OrderKind.PARTS: ("零件",),
        OrderKind.RETAIL: ("零售", "门店零售", "门店"),
    },
    Channel: {
        Channel.CARE_VISIT: ("客户关爱回访", "回访", "回访中发现", "关爱回访", "客户关爱"),
        Channel.RECEPTION: ("服务顾问接待", "接待", "接待中", "前台", "服务顾问"),
        Channel.OEM_HOTLINE: ("400", "400热线", "厂家热线", "厂家"),
        Channel.MEDIA: ("媒体", "消协", "行业管理", "12315", "媒体/消协"),
        Channel.PHONE: ("来电",),
        Channel.ONLINE: ("网络", "微信", "邮件", "网上", "web"),
        Channel.IN_STORE: ("门店", "现场", "到店"),
    },
    Severity: {
        Severity.MAJOR: ("重要", "严重", "重大投诉"),
        Severity.GENERAL: ("普通", "一般抱怨"),
    },
    SheetState: {
        SheetState.REGISTERED: ("登记", "新建", "未处理"),
        SheetState.ACKNOWLEDGED: ("响应",),
        SheetState.IN_PROGRESS: ("in progress", "跟进中"),
        SheetState.WAITING: ("等待", "等客户"),
        SheetState.RESOLVED: ("已解决", "解决", "待回访", "已解决待回访"),
        SheetState.VISITED: ("回访完成",),
        SheetState.CLOSED: ("关闭", "结案", "已结案"),
    },
    ResponsibleArea: {
        ResponsibleArea.TECHNICAL: ("技术部", "车间"),
        ResponsibleArea.SERVICE: ("服务部", "前台"),
        ResponsibleArea.PARTS: ("配件部",),
        ResponsibleArea.SALES: ("销售部",),
        ResponsibleArea.OTHER: ("其它",),
    },
    VisitKind: {
        VisitKind.SATISFACTION: ("满意度确认",),
        VisitKind.FOLLOW_UP: ("跟进回访",),
    },
    Effectiveness: {
        Effectiveness.PENDING: ("尚未验证", "not checked yet"),
    },
}

# How a return visit was made: stored as plain strings (the screen offers the first
# three; demo data and imports write the others).
VISIT_METHODS: Mapping[str, Labels] = {
    "phone": ("电话", "電話", "Phone call"),
    "visit": ("当面", "當面", "In person"),  # seed 003: 电话、书面、当面
    "wechat": ("微信/短信", "微信/簡訊", "WeChat / message"),
    "in_person": ("当面", "當面", "In person"),
    "sms": ("短信", "簡訊", "SMS"),
    "email": ("邮件", "郵件", "E-mail"),
    "imported": ("导入", "匯入", "Imported"),
}

_ALIASES = {
    "zh": "zh_CN", "zh_cn": "zh_CN", "zh-cn": "zh_CN", "zh_hans": "zh_CN", "zh-hans": "zh_CN",
    "zh_sg": "zh_CN", "zh-sg": "zh_CN", "cn": "zh_CN",
    "zh_tw": "zh_TW", "zh-tw": "zh_TW", "zh_hant": "zh_TW", "zh-hant": "zh_TW",
    "zh_hk": "zh_TW", "zh-hk": "zh_TW", "zh_mo": "zh_TW", "zh-mo": "zh_TW", "tw": "zh_TW",
    "en": "en", "en_us": "en", "en-us": "en", "en_gb": "en", "en-gb": "en", "english": "en",
}

LANGUAGE_ENV = "HELPDESK_LANG"
"""Environment variable naming the language of the command line (zh_CN, zh_TW, en)."""


def normalize_language(value: str | None) -> str:
    """``zh``/``zh-CN``/``zh_TW``/``en``… → one of :data:`LANGUAGES` (empty: the default).

    Raises:
        ValidationError: ``lang.unknown`` for anything else.
    """
    if value is None or not str(value).strip():
        return DEFAULT_LANGUAGE
    key = str(value).strip().lower()
    if key in _ALIASES:
        return _ALIASES[key]
    raise ValidationError("lang", "lang.unknown",
                          f"unknown language {value!r}; choose zh, zh_TW or en",
                          value=str(value))


def language_of_locale(value: str | None) -> str | None:
    """The desk language a POSIX locale asks for (``zh_TW.UTF-8`` → ``zh_TW``,
    ``en_US`` → ``en``, ``de_DE`` → ``en``); ``None`` for an unset or ``C`` locale."""
    if not value:
        return None
    name = value.split(".", 1)[0].split("@", 1)[0].strip()
    if not name or name.upper() in ("C", "POSIX"):
        return None
    key = name.lower()
    if key in _ALIASES:
        return _ALIASES[key]
    if key.startswith("zh"):
        return "zh_CN"
    return "en"  # a language the desk does not speak reads English best


def pick_language(explicit: str | None = None, saved: str | None = None,
                  environ: Mapping[str, str] | None = None) -> str:
    """The language a program outside Qt (the command line) speaks, first found of:
    ``explicit`` (``--lang``), ``HELPDESK_LANG``, ``saved`` (the language chosen in the
    desktop), the system locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), Simplified
    Chinese.

    Raises:
        ValidationError: ``lang.unknown`` when ``--lang`` or ``HELPDESK_LANG`` names no
            language the desk speaks (a saved value that is no language is skipped).
    """
    env = os.environ if environ is None else environ
    for asked in (explicit, env.get(LANGUAGE_ENV)):
        if asked and asked.strip():
            return normalize_language(asked)
    if saved in LANGUAGES:
        return saved
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):  # the first one set decides, as for gettext
            return language_of_locale(env[name]) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def _index(lang: str) -> int:
    try:
        return LANGUAGES.index(lang)
    except ValueError:
        return LANGUAGES.index(normalize_language(lang))


def label(value: StrEnum, lang: str = DEFAULT_LANGUAGE) -> str:
    """The name of an enumeration member in ``lang`` (its value if it is no term)."""
    names = TERMS.get(type(value), {}).get(value.value)
    return names[_index(lang)] if names else str(value.value)


def choices(enum_cls: type[_E], lang: str = DEFAULT_LANGUAGE) -> list[tuple[_E, str]]:
    """(member, label) in declaration order."""
    return [(member, label(member, lang)) for member in enum_cls]


def action_label(action: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A workflow step stored as text (the history's ``action``), named in ``lang``."""
    try:
        return label(Action(action), lang)
    except ValueError:
        return action


def method_label(method: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """How a return visit was made (``phone``…), named in ``lang``."""
    names = VISIT_METHODS.get(method)
    return names[_index(lang)] if names else method


def terms() -> Iterator[StrEnum]:
    """Every member that has a label (tests compare every reader of the catalog)."""
    for enum_cls in TERMS:
        yield from enum_cls


def fold(value: str) -> str:
    """Case-, width- and space-insensitive form of a word (``ＶＩＰ 客户`` → ``vip客户``)."""
    return "".join(text.fold_width(value).lower().split())


def words(member: StrEnum) -> tuple[str, ...]:
    """Every spelling read back as ``member``: code, the three labels, synonyms."""
    labels = TERMS.get(type(member), {}).get(member.value, ())
    extra = SYNONYMS.get(type(member), {}).get(member.value, ())
    return (member.value, *labels, *extra)


@functools.cache  # the words are constants; an import reads them for every row (issue 10)
def _word_table(enum_cls: type[_E]) -> dict[str, _E]:
    table: dict[str, _E] = {}
    for member in enum_cls:
        for word in words(member):
            table.setdefault(fold(word), member)
    return table


def parse_term(value: str, enum_cls: type[_E], field: str) -> _E:
    """A member of ``enum_cls`` from its code, a label in any language or a synonym
    (``接待`` → ``Channel.RECEPTION``).

    Raises:
        ValidationError: ``<field>.invalid``, listing the accepted labels.
    """
    member = _word_table(enum_cls).get(fold(value))
    if member is None:
        shown = " / ".join(f"{label(m)} ({m.value})" for m in enum_cls)
        raise ValidationError(field, f"{field}.invalid", f"'{value}' is not one of: {shown}",
                              value=value)
    return member


def category_name(categories: Mapping[str, Sequence[str]], code: str,
                  lang: str = DEFAULT_LANGUAGE) -> str:
    """A category's name in ``lang``. Categories are data the administrator edits: the
    settings keep each one's names as [简体, 繁體, English] in :data:`LANGUAGES` order; a
    missing name falls back to the Simplified Chinese one, an unknown code to itself."""
    names = categories.get(code)
    if not names:
        return code
    index = _index(lang)
    return names[index] if index < len(names) and names[index] else names[0]


PRESET_NOTES: dict[str, Labels] = {
    "Hand the sheet to the service director at once; respond within 30 minutes.": (
        "立即转交服务总监；30分钟内响应。",
        "立即轉交服務總監；30分鐘內回應。",
        "Hand the sheet to the service director at once; respond within 30 minutes.",
    ),
    "Hand the sheet to the service director before the end of the working day.": (
        "当天下班前转交服务总监。",
        "當天下班前轉交服務總監。",
        "Hand the sheet to the service director before the end of the working day.",
    ),
    "The service director contacts the person responsible within 3 hours; close the "
    "manufacturer's work order within 3 days.": (
        "服务总监3小时内联系责任人；3天内关闭厂家工单。",
        "服務總監3小時內聯繫責任人；3天內關閉廠家工單。",
        "The service director contacts the person responsible within 3 hours; close the "
        "manufacturer's work order within 3 days.",
    ),
    "The marketing manager hands the sheet to the service director within 30 minutes "
    "and works with the media to have the report withdrawn.": (
        "市场经理30分钟内转交服务总监，并与媒体沟通撤稿。",
        "市場經理30分鐘內轉交服務總監，並與媒體溝通撤稿。",
        "The marketing manager hands the sheet to the service director within 30 minutes "
        "and works with the media to have the report withdrawn.",
    ),
    "The marketing manager hands the sheet to the service director within 30 minutes; "
    "escalate to the manufacturer's PR department.": (
        "市场经理30分钟内转交服务总监；上报厂家公关部门。",
        "市場經理30分鐘內轉交服務總監；上報廠家公關部門。",
        "The marketing manager hands the sheet to the service director within 30 minutes; "
        "escalate to the manufacturer's PR department.",
    ),
    "Major complaint: hand to the service director at once; respond within 30 minutes.": (
        "重大投诉：立即转交服务总监；30分钟内响应。",
        "重大投訴：立即轉交服務總監；30分鐘內回應。",
        "Major complaint: hand to the service director at once; respond within 30 minutes.",
    ),
    "Respond within 24 hours and resolve within 48 hours.": (
        "24小时内响应，48小时内解决。",
        "24小時內回應，48小時內解決。",
        "Respond within 24 hours and resolve within 48 hours.",
    ),
    "Urgent and important: respond within 1 hour and present a plan within 2 hours "
    "(green channel).": (
        "紧急且重要：1小时内响应，2小时内拿出处理方案（绿色通道）。",
        "緊急且重要：1小時內回應，2小時內提出處理方案（綠色通道）。",
        "Urgent and important: respond within 1 hour and present a plan within 2 hours "
        "(green channel).",
    ),
    "Respond within 1 hour; tell the customer how it is going every 24 hours.": (
        "1小时内响应；每24小时向客户通报一次进展。",
        "1小時內回應；每24小時向客戶通報一次進展。",
        "Respond within 1 hour; tell the customer how it is going every 24 hours.",
    ),
}
"""The staff notes of the deadline presets (``sla.PRESETS``), which are stored as data
in English: shown in the reader's language. A note typed by the store is shown as typed."""


def preset_note(note: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A preset's staff note in ``lang``; any other note unchanged."""
    texts = PRESET_NOTES.get(note)
    return texts[LANGUAGES.index(normalize_language(lang))] if texts else note


# -- deadlines -----------------------------------------------------------------------
# What a deadline's status says, on the screen and on the command line alike (the
# symbols go with the words: ✖ overdue, ⚠ due soon). ``{amount}`` is a duration.
_DURATIONS: Mapping[str, Labels] = {
    "d h": ("{d}天{h}小时", "{d}天{h}小時", "{d} d {h} h"),
    "d": ("{d}天", "{d}天", "{d} d"),
    "h m": ("{h}小时{m}分钟", "{h}小時{m}分鐘", "{h} h {m} min"),
    "h": ("{h}小时", "{h}小時", "{h} h"),
    "m": ("{m}分钟", "{m}分鐘", "{m} min"),
    "<1": ("不到1分钟", "不到1分鐘", "< 1 min"),
}

DEADLINE_WORDS: Mapping[str, Labels] = {
    "response.overdue": ("✖ 响应超时 {amount}", "✖ 響應超時 {amount}",
                         "✖ Response overdue {amount}"),
    "overdue": ("✖ 超时 {amount}", "✖ 超時 {amount}", "✖ Overdue {amount}"),
    "response.near": ("⚠ 即将超时：响应剩余 {amount}", "⚠ 即將超時：響應剩餘 {amount}",
                      "⚠ Respond soon: {amount} left"),
    "near": ("⚠ 即将超时：剩余 {amount}", "⚠ 即將超時：剩餘 {amount}",
             "⚠ Due soon: {amount} left"),
    "paused": ("已暂停（等待客户）", "已暫停（等待客戶）", "Paused (waiting for customer)"),
    "met": ("按时完成", "按時完成", "Done on time"),
    "missed": ("超时 {amount} 完成", "超時 {amount} 完成", "Done {amount} late"),
    "response.running": ("响应剩余 {amount}", "響應剩餘 {amount}", "Respond within {amount}"),
    "running": ("剩余 {amount}", "剩餘 {amount}", "{amount} left"),
}


def duration_words(td: timedelta, lang: str = DEFAULT_LANGUAGE) -> str:
    """The two largest units of ``abs(td)``, rounded towards zero (the time left is never
    overstated): ``2天3小时`` / ``2 d 3 h``, ``45分钟`` / ``45 min``."""
    total_minutes = abs(td) // timedelta(minutes=1)
    days, rest = divmod(total_minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        key = "d h" if hours else "d"
    elif hours:
        key = "h m" if minutes else "h"
    else:
        key = "m" if minutes else "<1"
    return _DURATIONS[key][_index(lang)].format(d=days, h=hours, m=minutes)


def deadline_words(state: SlaState, remaining: timedelta, *, response: bool,
                   lang: str = DEFAULT_LANGUAGE) -> str:
    """What a deadline in ``state`` says with ``remaining`` left (negative when late);
    ``response`` names the response deadline."""
    key = "running" if state is SlaState.PENDING else state.value
    if response and f"response.{key}" in DEADLINE_WORDS:
        key = f"response.{key}"
    return DEADLINE_WORDS[key][_index(lang)].format(amount=duration_words(remaining, lang))


# -- issue 15: the audit trail in words ------------------------------------------------
# What an audit entry's action and changed fields are called in the audit-trail viewer
# and its export; an action or field not listed is shown as stored.
AUDIT_ACTIONS: Mapping[str, Labels] = {
    "customer.create": ("新建客户", "新建客戶", "Customer created"),
    "customer.update": ("修改客户资料", "修改客戶資料", "Customer edited"),
    "customer.merge": ("合并客户", "合併客戶", "Customers merged"),
    "customer.merged_into": ("被合并到另一客户", "被合併到另一客戶",
                             "Merged into another customer"),
    "customer.export": ("导出客户", "匯出客戶", "Customers exported"),
    "vehicle.add": ("添加车辆", "新增車輛", "Vehicle added"),
    "vehicle.update": ("修改车辆", "修改車輛", "Vehicle edited"),
    "vehicle.retire": ("车辆停用", "車輛停用", "Vehicle retired"),
    "vehicle.vin_override": ("接受校验位不符的车架号", "接受校驗位不符的車架號",
                             "VIN check digit mismatch accepted"),
    "order.add": ("添加订单", "新增訂單", "Order added"),
    "order.update": ("修改订单", "修改訂單", "Order edited"),
    "contact.add": ("添加联系人", "新增聯絡人", "Contact added"),
    "contact.update": ("修改联系人", "修改聯絡人", "Contact edited"),
    "contact.remove": ("删除联系人", "刪除聯絡人", "Contact removed"),
    "sheet.register": ("登记抱怨单", "登記抱怨單", "Complaint registered"),
    "sheet.import": ("导入抱怨单", "匯入抱怨單", "Complaint imported"),
    "sheet.update": ("修改抱怨单", "修改抱怨單", "Complaint edited"),
    "sheet.acknowledge": ("响应抱怨单", "響應抱怨單", "Complaint acknowledged"),
    "sheet.assign": ("指定责任", "指定責任", "Responsibility assigned"),
    "sheet.progress": ("处理记录", "處理記錄", "Progress noted"),
    "sheet.analysis": ("原因分析", "原因分析", "Cause analysed"),
    "sheet.wait": ("等待客户", "等待客戶", "Waiting for the customer"),
    "sheet.resume": ("继续处理", "繼續處理", "Resumed"),
    "sheet.resolve": ("已解决", "已解決", "Resolved"),
    "sheet.return_visit": ("回访", "回訪", "Return visit"),
    "sheet.close": ("关闭抱怨单", "關閉抱怨單", "Complaint closed"),
    "sheet.reopen": ("重新打开", "重新打開", "Reopened"),
    "sheet.print": ("打印抱怨单", "列印抱怨單", "Complaint printed"),
    "report.monthly": ("月度报告", "月度報告", "Monthly report"),
    "login": ("登录", "登入", "Logged in"),
    "login.failed": ("登录失败", "登入失敗", "Login failed"),
    "login.locked": ("账户锁定", "帳戶鎖定", "Account locked"),
    # settings, stores and users (their changes in words: domain.setting_changes)
    "settings.banned_phrases": ("修改空话词表", "修改空話詞表", "Empty-words list changed"),
    "settings.categories": ("修改抱怨类别", "修改抱怨類別", "Complaint categories changed"),
    "settings.retention": ("修改保存年限", "修改保存年限", "Retention changed"),
    "settings.time_zone": ("修改时区", "修改時區", "Time zone changed"),
    "settings.warning_window": ("修改临近期限提醒", "修改臨近期限提醒",
                                "Due-soon warning changed"),
    "settings.attachment_limits": ("修改附件上限", "修改附件上限", "Attachment limits changed"),
    "store.create": ("新建门店", "新建門店", "Store created"),
    "store.update": ("修改门店资料", "修改門店資料", "Store details changed"),
    "store.calendar": ("修改营业日历", "修改營業日曆", "Store calendar changed"),
    "store.policy": ("修改时限规则", "修改時限規則", "Deadline rules changed"),
    "user.create": ("新建用户", "新建用戶", "User created"),
    "user.update": ("修改用户", "修改用戶", "User changed"),
    "user.password": ("修改密码", "修改密碼", "Password changed"),
    "demo.staff": ("建立演示员工", "建立示範員工", "Demo staff created"),
    "demo.load": ("载入演示数据", "載入示範資料", "Demo data loaded"),
}
# issue 16: what a long write that holds the database is doing (the busy marker).
BUSY_WORK: Mapping[str, Labels] = {
    "import.customers": ("导入客户", "匯入客戶", "customer import"),
    "import.sheets": ("导入抱怨单", "匯入抱怨單", "complaint import"),
}
AUDIT_ENTITIES: Mapping[str, Labels] = {
    "customer": ("客户", "客戶", "Customer"),
    "sheet": ("抱怨单", "抱怨單", "Complaint"),
    "user": ("用户", "用戶", "User"),
    "store": ("门店", "門店", "Store"),
    "settings": ("设置", "設定", "Settings"),
    "report": ("报告", "報告", "Report"),
}
AUDIT_FIELDS: Mapping[str, Labels] = {
    "name": ("姓名", "姓名", "Name"), "kind": ("类型", "類型", "Kind"),
    "gender": ("性别", "性別", "Gender"), "phones": ("电话", "電話", "Phones"),
    "phone": ("电话", "電話", "Phone"), "email": ("邮箱", "郵箱", "E-mail"),
    "wechat": ("微信", "微信", "WeChat"), "address": ("地址", "地址", "Address"),
    "birthday": ("生日", "生日", "Birthday"), "tier": ("客户等级", "客戶等級", "Tier"),
    "company_industry": ("行业", "行業", "Industry"),
    "company_size": ("公司规模", "公司規模", "Company size"),
    "source": ("来源", "來源", "Source"), "note": ("备注", "備註", "Note"),
    "consent_marketing": ("营销授权", "行銷授權", "Marketing consent"),
    "store_id": ("门店", "門店", "Store"), "owner_user_id": ("顾问", "顧問", "Advisor"),
    "vin": ("车架号", "車架號", "VIN"), "plate": ("车牌", "車牌", "Plate"),
    "brand": ("品牌", "品牌", "Brand"), "model": ("车型", "車型", "Model"),
    "mileage_km": ("里程（公里）", "里程（公里）", "Mileage (km)"),
    "purchase_date": ("购车日期", "購車日期", "Purchased"),
    "retired_on": ("停用日期", "停用日期", "Retired on"),
    "vin_check_overridden": ("校验位不符已接受", "校驗位不符已接受",
                             "Check digit mismatch accepted"),
    "number": ("单号", "單號", "Number"), "ordered_at": ("日期", "日期", "Date"),
    "amount_cents": ("金额（分）", "金額（分）", "Amount (fen)"),
    "items": ("项目", "項目", "Items"), "vehicle_id": ("车辆", "車輛", "Vehicle"),
    "role": ("职务", "職務", "Role"), "contact": ("联系人", "聯絡人", "Contact"),
    "merged_from": ("合并自客户", "合併自客戶", "Merged from customer"),
    "merged_into": ("合并到客户", "合併到客戶", "Merged into customer"),
    "moved": ("转移的记录", "轉移的記錄", "Records moved"),
    "sheets": ("转移的抱怨单", "轉移的抱怨單", "Complaints moved"),
    "conflicts": ("不一致的字段", "不一致的欄位", "Fields that differed"),
    "choices": ("人工选择", "人工選擇", "Choices made"),
    "consent_widened_by_choice": ("营销授权经人工选择放宽", "行銷授權經人工選擇放寬",
                                  "Consent widened by a person's choice"),
    "count": ("数量", "數量", "Count"),
    "description": ("抱怨内容", "抱怨內容", "Complaint"),
    "customer_request": ("客户诉求", "客戶訴求", "Customer's request"),
    "category": ("类别", "類別", "Category"), "channel": ("接收渠道", "接收渠道", "Channel"),
    "severity": ("严重程度", "嚴重程度", "Severity"), "state": ("状态", "狀態", "Status"),
    "root_cause": ("根本原因", "根本原因", "Root cause"),
    "correction": ("缺点纠正", "缺點糾正", "Correction"),
    "long_term_measure": ("长期措施", "長期措施", "Long-term measure"),
    "responsible_area": ("责任部门", "責任部門", "Responsible area"),
    "responsible_user_id": ("责任人", "責任人", "Responsible person"),
    "compensation_cents": ("补偿（分）", "補償（分）", "Compensation (fen)"),
    "closing_remark": ("关闭说明", "關閉說明", "Closing remark"),
    "received_at": ("接收时间", "接收時間", "Received"),
    "acknowledged_at": ("响应时间", "響應時間", "Acknowledged"),
    "resolved_at": ("解决时间", "解決時間", "Resolved"),
    "closed_at": ("关闭时间", "關閉時間", "Closed"),
    "response_due_at": ("响应期限", "響應期限", "Response due"),
    "resolution_due_at": ("解决期限", "解決期限", "Resolution due"),
    "customer_id": ("客户编号", "客戶編號", "Customer no."),
    "customer_name": ("客户姓名", "客戶姓名", "Customer name"),
    "customer_phone": ("客户电话", "客戶電話", "Customer phone"),
    "order_id": ("订单", "訂單", "Order"),
    "rework_needed": ("需要返修", "需要返修", "Rework needed"),
    "rework_completed_at": ("返修完成时间", "返修完成時間", "Rework completed"),
    "escalated_to_oem": ("已上报厂家", "已上報廠家", "Escalated to the manufacturer"),
    "national_id": ("身份证号", "身分證號", "ID number"),  # issue 15
}
# Fields whose stored value is one of the enumerations above (shown by its label).
AUDIT_FIELD_TERMS: Mapping[str, type[StrEnum]] = {
    "state": SheetState, "channel": Channel, "severity": Severity,
    "responsible_area": ResponsibleArea, "tier": Tier, "gender": Gender,
    "kind": OrderKind,
}


def audit_word(table: Mapping[str, Labels], key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``key`` of an audit catalogue in ``lang``; the key itself when not listed."""
    found = table.get(key)
    return found[_index(lang)] if found else key


# -- issue 15: settings changes in words (domain.setting_changes, the audit viewer) ----
SETTING_WORDS: Mapping[str, Labels] = {
    # what a changed setting is called
    "name": ("门店名称", "門店名稱", "Store name"),
    "address": ("门店地址", "門店地址", "Store address"),
    "phone": ("门店电话", "門店電話", "Store phone"),
    "code": ("门店代码", "門店代碼", "Store code"),
    "preset": ("门店类型预设", "門店類型預設", "Store preset"),
    "demo": ("演示数据", "示範資料", "Demo data"),
    "rules": ("时限规则", "時限規則", "Deadline rule"),
    "weekday_hours": ("{day}营业时间", "{day}營業時間", "{day} opening hours"),
    "holidays": ("公休假日", "公休假日", "Public holidays"),
    "makeup_workdays": ("调休上班日", "調休上班日", "Make-up working days"),
    "makeup_hours": ("调休日营业时间", "調休日營業時間", "Make-up day hours"),
    "phrases": ("空话词表", "空話詞表", "Empty-words list"),
    "categories": ("抱怨类别", "抱怨類別", "Complaint categories"),
    "retention_years": ("抱怨单保存年限", "抱怨單保存年限", "Complaints kept for"),
    "time_zone": ("时区", "時區", "Time zone"),
    "warning_window": ("临近期限提醒", "臨近期限提醒", "Due-soon warning"),
    "per_file": ("单个附件上限", "單個附件上限", "Largest attachment"),
    "per_sheet": ("每张抱怨单附件上限", "每張抱怨單附件上限", "Attachments per complaint"),
    # words inside the values
    "weekday.0": ("周一", "週一", "Monday"),
    "weekday.1": ("周二", "週二", "Tuesday"),
    "weekday.2": ("周三", "週三", "Wednesday"),
    "weekday.3": ("周四", "週四", "Thursday"),
    "weekday.4": ("周五", "週五", "Friday"),
    "weekday.5": ("周六", "週六", "Saturday"),
    "weekday.6": ("周日", "週日", "Sunday"),
    "closed": ("休息", "休息", "closed"),
    "any": ("任何", "任何", "any"),
    "response": ("响应", "響應", "respond within"),
    "resolution": ("解决", "解決", "resolve within"),
    "escalate_to_oem": ("上报厂家", "上報廠家", "escalate to the manufacturer"),
    "note": ("说明", "說明", "note"),
    "added": ("新增", "新增", "added"),
    "removed": ("删除", "刪除", "removed"),
    "yes": ("是", "是", "yes"),
    "no": ("否", "否", "no"),
    "warning_window.value": ("最后 1/{share} 的时间，至少 {minimum}",
                             "最後 1/{share} 的時間，至少 {minimum}",
                             "the last 1/{share} of the time, at least {minimum}"),
    "years.value": ("{n} 年", "{n} 年", "{n} years"),
    # the demo data's counts (demo.load, demo.staff)
    "customers": ("客户", "客戶", "Customers"),
    "vehicles": ("车辆", "車輛", "Vehicles"),
    "orders": ("订单", "訂單", "Orders"),
    "sheets": ("抱怨单", "抱怨單", "Complaints"),
    "seed": ("随机种子", "隨機種子", "Random seed"),
    "today": ("历史截至", "歷史截至", "History up to"),
    "users": ("用户", "用戶", "Users"),
    "created": ("新建用户", "新建用戶", "Users created"),
}


# issue 12: the customer classes of the analytics (seed 001 pyramid, seed 002 RFM), keyed
# by the values of ``services.analytics.Segment`` and ``RfmClass`` (the domain does not
# import services; a test checks both lists). The screen and the KPI report read these.
CUSTOMER_CLASSES: Mapping[str, Mapping[str, Labels]] = {
    "segment": {
        "top": ("顶端客户（前1%）", "頂端客戶（前1%）", "Top (1 %)"),
        "high": ("高端客户（前5%）", "高端客戶（前5%）", "High (to 5 %)"),
        "middle": ("中端客户（前20%）", "中端客戶（前20%）", "Middle (to 20 %)"),
        "low": ("低端客户（其余80%）", "低端客戶（其餘80%）", "Low (other 80 %)"),
        "inactive": ("不活跃客户", "不活躍客戶", "Inactive"),
        "prospect": ("潜在客户", "潛在客戶", "Prospect"),
    },
    "rfm": {
        "high_value": ("高价值客户", "高價值客戶", "High value"),
        "potential": ("潜力客户", "潛力客戶", "Potential"),
        "ordinary": ("普通客户", "普通客戶", "Ordinary"),
        "at_risk": ("流失风险客户", "流失風險客戶", "At risk"),
        "silent": ("沉默客户", "沉默客戶", "Silent"),
    },
}


def customer_class_label(kind: str, key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The name of a pyramid segment (``kind`` "segment") or RFM class ("rfm") in
    ``lang``; the key itself when it is not one."""
    found = CUSTOMER_CLASSES[kind].get(key)
    return found[_index(lang)] if found else key


# issue 10: vehicles known by a partial VIN (a tail on paper) or by brand/model only
VIN_INCOMPLETE: Labels = ("不完整", "不完整", "incomplete")
NO_VIN: Labels = ("无车架号", "無車架號", "no VIN")


def vin_shown(vin: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A vehicle's VIN as people read it: a whole one as is, a partial one marked
    incomplete (``K8765432（不完整）``), none said so (the screens, exports and prints)."""
    if not vin:
        return f"（{NO_VIN[_index(lang)]}）" if _index(lang) < 2 else f"({NO_VIN[2]})"
    if validation.vin_is_complete(vin):
        return vin
    word = VIN_INCOMPLETE[_index(lang)]
    return f"{vin}（{word}）" if _index(lang) < 2 else f"{vin} ({word})"
