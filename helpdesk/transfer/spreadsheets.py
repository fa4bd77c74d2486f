"""Import customers and complaint sheets from spreadsheets; export customers.

Stores keep their customers and complaints in Excel today. This module reads CSV
(UTF-8 with or without BOM, GB18030, UTF-16 as Excel's "Unicode text") and XLSX files
laid out as the documented template (headers in Chinese or English), validates every
row with the same validators the desk uses, and imports in ONE transaction: nothing
unless every row is good, or only the good rows when the caller asks to skip bad ones.

Line numbers in reports are spreadsheet line numbers: the header is line 1, the first
data row line 2 (a cell with a line break still counts as one line, as in Excel).

Historical sheets (already closed in the old spreadsheet) can be imported with their
dates: the state column says how far the sheet got, and each state needs what the
workflow needs to reach it (a resolved sheet needs a concrete root cause and measure,
a closed one a return visit with satisfaction). Imported workflow steps are recorded
with no staff member and the note "imported", and every imported sheet has its own
``sheet.import`` audit entry, so history is never passed off as work done in the
program.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from helpdesk.domain import audit, error_texts, events, parsing, text, validation, vocabulary
from helpdesk.domain.complaints import (
    Action,
    ResponsibleArea,
    ReturnVisit,
    Sheet,
    SheetState,
    Transition,
    VisitKind,
    format_sheet_number,
)
from helpdesk.domain.customers import (
    Customer,
    CustomerKind,
    Gender,
    OrderKind,
    Store,
    StoreKind,
    Tier,
    Vehicle,
)
from helpdesk.domain.enums import Channel, Severity
from helpdesk.domain.errors import ValidationError, ValidationErrors
from helpdesk.domain.users import Permission, User
from helpdesk.services import common, customer_list
from helpdesk.services import customers as customer_services
from helpdesk.services.common import UnitOfWork
from helpdesk.storage import locks
from helpdesk.transfer import CUSTOMERS, SHEETS, reading, writing

log = logging.getLogger(__name__)

_E = TypeVar("_E", bound=StrEnum)


# ====================================================================== the template
@dataclass(frozen=True)
class TemplateColumn:
    """One column of an import template.

    Attributes:
        key: stable identifier (also accepted as a header).
        header_zh / header_en: the headers written in templates and exports.
        required: the column must be present and the cell filled.
        help_en / help_zh: what goes in the cell.
        aliases: other headers people use for it in their own spreadsheets.
    """

    key: str
    header_zh: str
    header_en: str
    required: bool
    help_en: str
    help_zh: str = ""
    aliases: tuple[str, ...] = ()

    def header(self, lang: str = "zh") -> str:
        return self.header_en if lang == "en" else self.header_zh


_C = TemplateColumn
_DATE_HELP = "date: 2026-11-20, 2026/11/20 or 2026年11月20日"
_DATE_HELP_ZH = "日期, 如 2026-11-20、2026/11/20 或 2026年11月20日"
_TIME_HELP = "date and time: 2026-11-20 14:30 (a date alone means 00:00)"
_TIME_HELP_ZH = "日期时间, 如 2026-11-20 14:30 (只写日期按 00:00)"

CUSTOMER_COLUMNS: tuple[TemplateColumn, ...] = (
    _C("name", "姓名", "Name", True,
       "Person's name, or the company name for a company customer.",
       "个人姓名; 单位客户填单位名称", ("客户姓名", "客户名称", "名称", "客户")),
    _C("kind", "客户类型", "Customer type", False,
       "个人 / 单位 (individual / company); empty means individual.",
       "个人 或 单位, 空为个人", ("类型", "type")),
    _C("phone", "电话", "Phone", True,
       "Mobile or landline with area code (13812345678, 010-62345678, +44 20 7946 0958); "
       "must not belong to another customer.",
       "手机或带区号的座机; 不能与已有客户重复", ("手机", "手机号", "联系电话", "mobile")),
    _C("phone2", "备用电话", "Phone 2", False, "A second number.", "第二个号码",
       ("电话2", "phone 2")),
    _C("gender", "性别", "Gender", False, "男 / 女 (male / female).", "男 或 女"),
    _C("birthday", "生日", "Birthday", False, _DATE_HELP, _DATE_HELP_ZH, ("出生日期",)),
    # issue 15
    _C("national_id", "身份证号", "ID number", False,
       "Resident ID number: 18 characters, the last may be X (old cards: 15 digits); "
       "checked by its check character. Format the column as text in Excel.",
       "居民身份证号码, 18位 (末位可为X; 旧证15位), 校验末位; Excel 中请设为文本格式",
       ("身份证", "身份证号码", "证件号码", "证件号", "身分證號", "id card", "national id")),
    _C("email", "邮箱", "E-mail", False, "E-mail address.", "电子邮箱",
       ("电子邮件", "email", "e-mail")),
    _C("wechat", "微信", "WeChat", False, "WeChat ID.", "微信号", ("微信号",)),
    _C("address", "地址", "Address", False, "Postal address.", "联系地址", ("联系地址",)),
    _C("tier", "客户等级", "Tier", False, "普通 / VIP / 高级VIP (regular / vip / senior_vip).",
       "普通、VIP 或 高级VIP", ("等级", "会员等级")),
    _C("source", "来源", "Source", False, "Where the customer came from.", "客户来源",
       ("客户来源",)),
    _C("consent_marketing", "同意营销联系", "Marketing consent", False,
       "是 / 否 (yes / no): may we contact them for marketing; empty means no.",
       "是 或 否, 空为否", ("营销许可", "consent")),
    _C("company_industry", "行业", "Industry", False, "Company customers: industry.",
       "单位客户: 所属行业"),
    _C("company_size", "企业规模", "Company size", False, "Company customers: size.",
       "单位客户: 规模", ("规模",)),
    _C("note", "备注", "Note", False, "Free text.", "备注", ("remark",)),
    _C("vin", "车架号", "VIN", False,
       "17 characters, check digit verified; or its last 6 to 16 characters, kept as an "
       "incomplete VIN; without a VIN give the plate or brand/model.",
       "17位, 校验第9位; 或后6至16位 (记为不完整车架号); 无车架号时填车牌或品牌车型",
       ("VIN码", "车辆识别代号", "车架号(VIN)", "车架号后8位", "车架号后六位", "车架号后6位",
        "VIN后8位")),
    _C("vin_override", "接受VIN校验位不符", "Accept VIN check digit mismatch", False,
       "是 (yes) accepts a VIN whose 9th character does not match (imported vehicles); "
       "needs a service manager or director; audited.",
       "填 是 则接受第9位校验不符的VIN (进口车); 需服务经理或总监, 留审计记录"),
    _C("plate", "车牌号", "Plate", False, "Plate number, e.g. 京A·12345.",
       "车牌号, 如 京A·12345", ("车牌", "plate number")),
    _C("brand", "品牌", "Brand", False, "Vehicle brand.", "车辆品牌"),
    _C("model", "车型", "Model", False, "Vehicle model.", "车型"),
    _C("mileage_km", "里程(公里)", "Mileage (km)", False, "Whole kilometres.", "整数公里",
       ("里程", "mileage")),
    _C("purchase_date", "购车日期", "Purchase date", False, _DATE_HELP, _DATE_HELP_ZH),
    _C("order_number", "订单号", "Order number", False,
       "Order/invoice number (letters, digits, - _ /); needed for any order column; "
       "unique.", "订单号或结算单号; 填写订单信息时必填, 不可重复", ("单据号", "order no")),
    _C("order_kind", "订单类型", "Order type", False,
       "整车销售 / 维修保养 / 配件 / 零售 (vehicle_sale / service / parts / retail); "
       "empty: 维修保养 at a dealership, 零售 at a store.",
       "整车销售、维修保养、配件 或 零售; 空则4S店按维修保养, 门店按零售"),
    _C("order_date", "订单日期", "Order date", False, _DATE_HELP + "; empty means today.",
       _DATE_HELP_ZH + "; 空为今天"),
    _C("order_amount", "订单金额(元)", "Order amount (yuan)", False,
       "Amount in yuan, e.g. 1,234.50.", "金额(元), 如 1,234.50", ("订单金额", "金额")),
    _C("order_items", "订单内容", "Order items", False, "What was bought or done.",
       "购买的商品或维修项目", ("项目", "items")),
)

SHEET_COLUMNS: tuple[TemplateColumn, ...] = (
    _C("number", "单号", "Sheet number", False,
       "Kept when given and unique (e.g. the old paper number); empty: a new number "
       "TS-2026-000123 from the store code and the year received.",
       "填写且不重复则保留原单号; 空则按店代码和接收年份编号", ("抱怨单号", "编号")),
    _C("received_at", "接收时间", "Received at", True, _TIME_HELP, _TIME_HELP_ZH,
       ("接收日期", "日期", "登记时间", "登记日期", "投诉日期", "投诉时间", "来电时间")),
    _C("received_time", "接收时刻", "Received time", False,
       "Time of day when the date column holds the date only: 14:30, 上午 9:05, 下午3点.",
       "接收日期只写日期时的时刻, 如 14:30、上午 9:05、下午3点", ("时间", "时刻", "登记时刻")),
    _C("channel", "接收渠道", "Channel", True,
       "客户关爱回访 / 服务顾问接待 / 厂家400热线 / 媒体/消协/行业管理 / 电话 / "
       "网络/微信/邮件 / 门店现场 (or the codes care_visit, reception, oem_hotline, media, "
       "phone, online, in_store).",
       "客户关爱回访、服务顾问接待、厂家400热线、媒体/消协/行业管理、电话、网络/微信/邮件、门店现场",
       ("渠道",)),
    _C("severity", "严重程度", "Severity", True, "重大 / 一般 (major / general).",
       "重大 或 一般", ("级别", "性质")),
    _C("category", "类别", "Category", True,
       "One of the store's categories, by name (维修质量, 服务态度…) or code.",
       "本店的抱怨类别名称(维修质量、服务态度…)或代码", ("抱怨类别", "分类")),
    _C("customer_name", "客户姓名", "Customer name", True,
       "Used when the phone matches no customer: a new customer is created.",
       "电话找不到客户时, 按此姓名新建客户", ("客户", "姓名")),
    _C("phone", "客户电话", "Customer phone", True,
       "Finds the customer (or creates one with the name above).",
       "用于匹配客户(匹配不到则新建)", ("电话", "手机", "联系电话")),
    _C("vin", "车架号", "VIN", False,
       "Links the sheet to this vehicle (17 characters, or its last 6 to 16); a new VIN is "
       "added to the customer.",
       "关联车辆 (17位, 或后6至16位); 新的VIN会添加到该客户名下",
       ("VIN码", "车架号后8位", "VIN后8位")),
    _C("plate", "车牌号", "Plate", False,
       "Without a VIN: links the customer's vehicle with this plate (it must exist).",
       "未填VIN时按车牌关联该客户已有车辆", ("车牌",)),
    _C("order_number", "订单号", "Order number", False,
       "Links the customer's order with this number (it must exist).",
       "关联该客户已有的订单"),
    _C("mileage_km", "里程(公里)", "Mileage (km)", False, "Whole kilometres.", "整数公里",
       ("里程",)),
    _C("description", "抱怨内容", "Complaint", True, "What the customer says.",
       "客户的抱怨/投诉内容", ("投诉内容", "抱怨/投诉内容", "内容")),
    _C("customer_request", "客户诉求", "Customer request", False,
       "What the customer asks for.", "客户的诉求", ("诉求",)),
    _C("state", "状态", "State", False,
       "已登记 (default) / 已响应 / 处理中 / 已解决 / 已回访 / 已关闭 — how far the old "
       "sheet got; each needs the columns of its step (see the README).",
       "已登记(默认)、已响应、处理中、已解决、已回访、已关闭; 每个状态需要相应的列", ("处理状态",)),
    _C("acknowledged_at", "响应时间", "Acknowledged at", False,
       _TIME_HELP + "; needed from 已响应 on.", _TIME_HELP_ZH + "; 已响应及以后必填"),
    _C("responsible_area", "责任区域", "Responsible area", False,
       "技术 / 服务 / 配件 / 销售 / 物流 / 其他; needed from 已解决 on.",
       "技术、服务、配件、销售、物流、其他; 已解决及以后必填", ("责任部门",)),
    _C("responsible", "责任人", "Responsible person", False,
       "User name or display name of a staff member (staff who left can be added as users "
       "without login); needed from 已解决 on.",
       "员工的用户名或姓名(离职员工可添加为无登录用户); 已解决及以后必填"),
    _C("root_cause", "根本原因", "Root cause", False,
       "Concrete root cause; needed from 已解决 on.", "具体的根本原因; 已解决及以后必填",
       ("原因分析", "抱怨产生根本原因分析")),
    _C("correction", "缺点纠正", "Correction", False,
       "What was done for this customer; needed from 已解决 on.",
       "为该客户所做的纠正; 已解决及以后必填", ("纠正措施", "处理结果")),
    _C("compensation", "补偿金额(元)", "Compensation (yuan)", False, "Amount in yuan.",
       "补偿金额(元)", ("补偿", "补偿金额")),
    _C("long_term_measure", "长期措施", "Long-term measure", False,
       "Concrete measure (what changes, who, by when; not just 加强培训); needed from "
       "已解决 on.", "具体的长期措施(不能只写加强培训等空话); 已解决及以后必填",
       ("长期质量保证的措施", "预防措施")),
    _C("rework", "返修", "Rework", False, "是 / 否: rework needed.", "是否需要返修: 是 或 否"),
    _C("rework_completed_at", "返修完成时间", "Rework completed at", False,
       _TIME_HELP + "; needed when rework is 是 and the sheet is resolved.",
       _TIME_HELP_ZH + "; 返修为是且已解决时必填"),
    _C("resolved_at", "解决时间", "Resolved at", False,
       _TIME_HELP + "; needed from 已解决 on.", _TIME_HELP_ZH + "; 已解决及以后必填"),
    _C("visited_at", "回访时间", "Return visit at", False,
       _TIME_HELP + "; needed from 已回访 on.", _TIME_HELP_ZH + "; 已回访及以后必填"),
    _C("satisfaction", "满意度", "Satisfaction", False,
       "1-5 from the return visit; needed from 已回访 on.", "回访满意度 1-5; 已回访及以后必填"),
    _C("feedback", "回访意见", "Visit feedback", False, "What the customer said.",
       "客户的回访意见", ("客户意见",)),
    _C("closed_at", "关闭时间", "Closed at", False, _TIME_HELP + "; needed for 已关闭.",
       _TIME_HELP_ZH + "; 已关闭必填"),
    _C("closing_remark", "关闭说明", "Closing remark", False, "Free text.", "关闭备注",
       ("关闭备注",)),
)

COLUMNS: dict[str, tuple[TemplateColumn, ...]] = {CUSTOMERS: CUSTOMER_COLUMNS,
                                                  SHEETS: SHEET_COLUMNS}


def columns_for(kind: str) -> tuple[TemplateColumn, ...]:
    try:
        return COLUMNS[kind]
    except KeyError:
        raise ValidationError("kind", "import.kind",
                              f"unknown template {kind!r}; choose customers or sheets",
                              kind=kind) from None


# ====================================================================== words in cells
# Enum words come from the one vocabulary: an export writes the label in the chosen
# language, an import reads the code, the label in any language or a known synonym.
_YES = {"是", "y", "yes", "true", "1", "√", "✓", "同意", "有", "需要"}
_NO = {"否", "n", "no", "false", "0", "×", "不同意", "无", "不需要", "-"}


_fold = vocabulary.fold


def enum_label(value: StrEnum, lang: str = "zh") -> str:
    """The word an export writes for an enum member: its label in ``lang``."""
    return vocabulary.label(value, vocabulary.normalize_language(lang))


def _choice(value: str, enum_cls: type[_E], column: str,
            errors: list[ValidationError]) -> _E | None:
    try:
        return vocabulary.parse_term(value, enum_cls, column)
    except ValidationError as exc:
        errors.append(exc)
        return None


def match_category(categories: Mapping[str, Sequence[str]], value: str) -> str | None:
    """The category code for a code or any of its names (维修质量 → repair_quality)."""
    folded = _fold(value)
    for code, names in categories.items():
        if folded == _fold(code) or folded in {_fold(n) for n in names}:
            return code
    return None


def _yes_no(value: str, column: str, errors: list[ValidationError]) -> bool | None:
    folded = _fold(value)
    if not folded:
        return None
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    errors.append(ValidationError(column, "bool.invalid", f"'{value}' is not 是/否 (yes/no)",
                                  value=value))
    return None


# ====================================================================== dates
# Columns whose cells are read as the spreadsheet holds them (a date cell, an Excel
# serial number), not as text.
_DATE_KEYS = frozenset({"birthday", "purchase_date", "order_date", "received_at",
                        "received_time", "acknowledged_at", "rework_completed_at",
                        "resolved_at", "visited_at", "closed_at"})


def _opt_datetime(value: Any, column: str, errors: list[ValidationError]) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        return parsing.parse_datetime(value, field=column, excel=True)
    except ValidationError as exc:
        errors.append(exc)
        return None


def _opt_date(value: Any, column: str, errors: list[ValidationError]) -> date | None:
    when = _opt_datetime(value, column, errors)
    return None if when is None else when.date()


def _received(row: Mapping[str, Any], errors: list[ValidationError]) -> datetime | None:
    """The received date, with the time of day from its own column when a ledger keeps
    them apart (日期 2026-06-03, 时间 上午 9:05)."""
    when = _opt_datetime(row["received_at"], "received_at", errors)
    clock = row.get("received_time")
    if when is None or clock is None or clock == "":
        return when
    try:
        at = parsing.parse_time(clock, field="received_time")
    except ValidationError as exc:
        errors.append(exc)
        return when
    return datetime.combine(when.date(), at) if when.time() == time(0) else when


# ====================================================================== reading files
def _header_index(columns: Sequence[TemplateColumn]) -> dict[str, str]:
    index: dict[str, str] = {}
    for column in columns:
        for name in (column.key, column.header_zh, column.header_en, *column.aliases):
            index.setdefault(reading.header_key(name), column.key)
    return index


def detect_kind(header: Sequence[str]) -> str | None:
    """Which template a header row belongs to (None when neither fits)."""
    for kind in (CUSTOMERS, SHEETS):
        index = _header_index(COLUMNS[kind])
        keys = {index.get(reading.header_key(cell)) for cell in header}
        required = {c.key for c in COLUMNS[kind] if c.required}
        if required <= keys:
            return kind
    return None


def _guess_columns(sheets: Sequence[reading.Worksheet]) -> tuple[TemplateColumn, ...]:
    best, best_count = CUSTOMER_COLUMNS, -1
    for kind in (CUSTOMERS, SHEETS):
        index = _header_index(COLUMNS[kind])
        required = {c.key for c in COLUMNS[kind] if c.required}
        for sheet in sheets:
            at = reading.find_header(sheet.rows, index)
            if at is None:
                continue
            keys = {index.get(reading.header_key(reading.cell_text(c))) for c in sheet.rows[at]}
            count = len(required & keys)
            if count > best_count:
                best, best_count = COLUMNS[kind], count
    return best


def _decided_by_headers(path: Path, columns: Sequence[TemplateColumn] | None,
                        undecided: ValidationError) -> tuple[list[reading.Worksheet], str]:
    """When the characters do not tell GBK from Big5, the header row may: only one of
    the readings names the template's columns (姓名, 电话 rather than 俷靡, 萇趕)."""
    templates = [columns] if columns is not None else list(COLUMNS.values())
    fitting = []
    for encoding in ("gb18030", "big5"):
        try:
            sheets, used = reading.worksheets(path, encoding=encoding)
        except ValidationError:
            continue
        rows = sheets[0].rows
        if any(reading.find_header(rows, _header_index(t)) is not None for t in templates):
            fitting.append((sheets, used))
    if len(fitting) == 1:
        return fitting[0]
    raise undecided


def read(path: Path, columns: Sequence[TemplateColumn] | None = None, *,
         sheet: str | None = None, encoding: str | None = None) -> reading.Table:
    """The data rows of a CSV, XLSX or XLS file, keyed by template column.

    The header row may sit below title rows (a merged "客户投诉台账" banner); columns the
    template does not know (序号, 备注...) are ignored and listed in
    ``layout.ignored``; of several worksheets the one with the data is read, and when
    several hold data the caller must name one (``sheet``).

    Args:
        path: the file.
        columns: the template; None picks the one that fits.
        sheet: worksheet name (or its number from 1).
        encoding: a CSV's encoding when the file does not tell (see reading.ENCODINGS).

    Raises:
        ValidationError: ``field="file"``: ``import.empty``, ``import.no_header``,
            ``import.header_missing``, ``import.header_repeated``, ``import.too_many``,
            ``import.sheet_choice``, ``import.encoding_undecided`` and the file errors
            of :func:`reading.worksheets`.
    """
    try:
        sheets, used = reading.worksheets(Path(path), encoding=encoding)
    except ValidationError as exc:
        if exc.code != "import.encoding_undecided":
            raise
        sheets, used = _decided_by_headers(Path(path), columns, exc)
    if columns is None:
        columns = _guess_columns(sheets)
    index = _header_index(columns)
    chosen = reading.choose_sheet(sheets, index, sheet,
                                  frozenset(c.key for c in columns if c.required))
    raw = chosen.rows
    if not chosen.has_data():
        raise ValidationError("file", "import.empty",
                              "the file is empty: the first line must hold the column headers")
    at = reading.find_header(raw, index)
    if at is None:
        raise ValidationError("file", "import.no_header",
                              f"no header row in the first {reading.HEADER_SCAN_ROWS} lines; "
                              "use the template's headers (Chinese or English)",
                              rows=reading.HEADER_SCAN_ROWS)
    header_line = at + 1
    headers = reading.header_cells(raw, at, index)
    keys: list[str | None] = [index.get(reading.header_key(h)) if h else None
                              for h in headers]
    ignored = tuple(h for h, k in zip(headers, keys, strict=True) if h and k is None)
    present = [k for k in keys if k]
    repeated = sorted({k for k in present if present.count(k) > 1})
    if repeated:
        shown = [h for h, k in zip(headers, keys, strict=True) if k in repeated]
        raise ValidationError("file", "import.header_repeated",
                              f"line {header_line}: column(s) given twice: "
                              f"{', '.join(shown)}", columns=shown, line=header_line)
    missing = [c for c in columns if c.required and c.key not in present]
    if missing:
        names = [f"{c.header_zh}/{c.header_en}" for c in missing]
        raise ValidationError("file", "import.header_missing",
                              f"line {header_line}: required column(s) missing: "
                              f"{', '.join(names)}", columns=names, line=header_line)
    if len(raw) - header_line > reading.MAX_ROWS:
        raise ValidationError("file", "import.too_many",
                              f"the file has more than {reading.MAX_ROWS:,} rows; split it",
                              maximum=reading.MAX_ROWS)
    layout = reading.Layout(sheet=chosen.name, sheets=tuple(s.name for s in sheets)
                            if len(sheets) > 1 or chosen.name else (), encoding=used,
                            header_line=header_line, headers=tuple(headers), keys=tuple(keys),
                            ignored=ignored)
    wanted = [(i, k) for i, k in enumerate(keys) if k]
    empty = {c.key: "" for c in columns}
    rows: list[dict[str, Any]] = []
    lines: list[int] = []
    for number, values in enumerate(raw[at + 1:], start=header_line + 1):
        row = dict(empty)
        filled = False
        for i, key in wanted:
            if i >= len(values):
                continue
            value = values[i]
            if key in _DATE_KEYS and not isinstance(value, str) and value is not None:
                row[key] = value
                filled = True
            else:
                cell = reading.cell_text(value)
                row[key] = cell
                filled = filled or bool(cell)
        first = next((v for v in values if reading.cell_text(v)), "")
        if filled and not reading.cell_text(first).startswith(EXAMPLE_MARK):
            rows.append(row)
            lines.append(number)
    return reading.Table(layout, rows, lines)


def read_table(path: Path, columns: Sequence[TemplateColumn] | None = None, *,
               sheet: str | None = None, encoding: str | None = None) -> list[dict[str, str]]:
    """The data rows of a file as text (see :func:`read`), blank rows left out."""
    table = read(path, columns, sheet=sheet, encoding=encoding)
    return [{k: v if isinstance(v, str) else reading.cell_text(v) for k, v in row.items()}
            for row in table.rows]


# ====================================================================== reports
@dataclass(frozen=True)
class RowError:
    """One problem in one row.

    Attributes:
        line: the spreadsheet line.
        column: the template column key (or ``"row"``).
        code / message / params: the error (:meth:`text` translates it).
        header: the file's own header of the column ("" for ``"row"``).
    """

    line: int
    column: str
    code: str
    message: str
    header: str = ""
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def text(self, lang: str = "zh_CN") -> str:
        """The problem in ``lang`` (the English message when there is no translation)."""
        return error_texts.format_code(self.code, self.params, self.message, lang)

    def column_name(self, lang: str = "zh_CN") -> str:
        """How to name the column to the user: the file's own header first."""
        if self.header:
            return self.header
        for column in (*CUSTOMER_COLUMNS, *SHEET_COLUMNS):
            if column.key == self.column:
                return column.header("en" if lang.startswith("en") else "zh")
        return "—" if self.column == "row" else self.column


#: ``progress(done, total)`` while rows are checked and written; returning False
#: cancels (nothing is saved).
Progress = Callable[[int, int], bool | None]


@dataclass(frozen=True)
class ImportReport:
    """What an import (or a check) found and did.

    Attributes:
        total: data rows in the file (blank lines not counted).
        valid: rows that passed every check.
        imported: rows saved (0 for a check, and 0 when bad rows stopped the import).
        skipped: bad rows left out because the caller asked to skip them.
        errors: every problem, by line.
        created_ids: ids of the customers (or sheets) saved.
        layout: how the file's columns were read (worksheet, header line, mapping).
    """

    total: int
    valid: int
    imported: int
    skipped: int
    errors: tuple[RowError, ...]
    created_ids: tuple[int, ...]
    layout: reading.Layout | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def ignored_columns(self) -> tuple[str, ...]:
        return self.layout.ignored if self.layout else ()

    def lines_with_errors(self) -> list[int]:
        return sorted({e.line for e in self.errors})


class _Cancelled(Exception):
    """The caller's progress callback asked to stop."""


@dataclass(frozen=True)
class ReadOptions:
    """What the user chose when the file does not tell: the worksheet (name or number
    from 1) and a CSV's encoding (a key of ``reading.ENCODINGS``)."""

    sheet: str | None = None
    encoding: str | None = None


@contextlib.contextmanager
def _holding(uow: UnitOfWork, actor_id: int, work: str) -> Iterator[None]:
    """While an import runs, a save on another desk that meets its lock is told who
    imports what since when (``locks.busy_marker``), not just "busy"; the marker goes
    when the import ends, whether it saved, failed or was cancelled."""
    with uow.reading():
        user = uow.users.get(actor_id)
        who = user.username if user else "?"
    with locks.holding(getattr(uow, "engine", None), who, vocabulary.BUSY_WORK[work][0]):
        yield


def _guard(run: Callable[[], ImportReport]) -> ImportReport:
    """Run an import; a cancel from the progress callback rolls everything back and is
    reported as ``import.cancelled``."""
    try:
        return run()
    except _Cancelled:
        raise ValidationError("file", "import.cancelled",
                              "the import was cancelled; nothing was saved") from None


class _Ticker:
    """Calls the progress callback now and then (every 1% or so)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total = progress, total
        self.step = max(1, total // 100)

    def __call__(self, done: int, *, force: bool = False) -> None:
        if self.progress is None or not (force or done % self.step == 0):
            return
        if self.progress(done, self.total) is False:
            raise _Cancelled


# Domain validators name the field they checked; these are the template's columns.
_FIELD_TO_COLUMN = {
    "amount": "order_amount", "ordered_at": "order_date", "items": "order_items",
    "order_kind": "order_kind", "order_number": "order_number", "contact_name": "name",
    "acknowledged_at": "acknowledged_at", "visited_at": "visited_at",
    "compensation": "compensation", "progress": "description", "reason": "state",
    "responsible_user": "responsible", "customer": "phone",
}


def _row_errors(line: int, errors: Iterable[ValidationError],
                columns: Sequence[TemplateColumn],
                layout: reading.Layout | None = None) -> list[RowError]:
    keys = {c.key for c in columns}
    result = []
    for error in errors:
        column = _FIELD_TO_COLUMN.get(error.field, error.field)
        if column not in keys:
            column = "row"
        header = layout.header_of(column) if layout is not None and column != "row" else ""
        result.append(RowError(line, column, error.code, error.message, header,
                               dict(error.params)))
    return result


def _store_for(uow: UnitOfWork, user: User, store_id: int | None) -> Store:
    store = uow.stores.get(store_id) if store_id else None
    if store is None and user.store_id:
        store = uow.stores.get(user.store_id)
    if store is None:
        stores = uow.stores.list()
        store = stores[0] if len(stores) == 1 else None
    if store is None:
        raise ValidationError("store", "store.required",
                              "choose the store the rows belong to")
    return store


# ====================================================================== customers
def _vin_key(value: str) -> str:
    """A whole VIN, for "the same VIN on two lines"; partial ones may repeat (two
    customers' vehicles can end alike)."""
    vin = text.strip_separators(text.fold_width(value)).upper()
    return vin if validation.vin_is_complete(vin) else ""


def _phone_key(value: str) -> str:
    try:
        return validation.validate_phone(value)
    except ValidationError:
        return ""


def _order_key(value: str) -> str:
    try:
        return validation.validate_order_number(value)
    except ValidationError:
        return ""


_VEHICLE_COLUMNS = ("plate", "brand", "model", "mileage_km", "purchase_date", "vin_override")
#: Any of these makes a row's vehicle: a VIN (whole or partial), or without one the plate
#: or brand/model (an incomplete vehicle, issue 10).
_VEHICLE_NAMING = ("vin", "plate", "brand", "model")
_ORDER_COLUMNS = ("order_kind", "order_date", "order_amount", "order_items")


def _customer_input(row: Mapping[str, str], store: Store,
                    errors: list[ValidationError]) -> customer_services.CustomerInput:
    """A row as the same input the desk's customer form produces."""
    vehicles: tuple[customer_services.VehicleInput, ...] = ()
    if any(row[k] for k in _VEHICLE_NAMING):
        override = _yes_no(row["vin_override"], "vin_override", errors) or False
        vehicles = (customer_services.VehicleInput(
            vin=row["vin"], plate=row["plate"], brand=row["brand"], model=row["model"],
            mileage_km=row["mileage_km"] or None,
            purchase_date=_opt_date(row["purchase_date"], "purchase_date", errors),
            override_vin_check=override),)
    elif any(row[k] for k in _VEHICLE_COLUMNS):
        errors.append(ValidationError("vin", "vehicle.unidentified",
                                      "vehicle columns are filled but nothing names the "
                                      "vehicle (VIN, plate, brand or model)"))
    orders: tuple[customer_services.OrderInput, ...] = ()
    if row["order_number"]:
        default_kind = OrderKind.RETAIL if store.kind is StoreKind.RETAIL else OrderKind.SERVICE
        order_kind = _choice(row["order_kind"], OrderKind, "order_kind", errors) \
            if row["order_kind"] else default_kind
        orders = (customer_services.OrderInput(
            number=row["order_number"], kind=order_kind or default_kind,
            ordered_at=_opt_date(row["order_date"], "order_date", errors),
            amount=row["order_amount"] or 0, items=row["order_items"], store_id=store.id),)
    elif any(row[k] for k in _ORDER_COLUMNS):
        errors.append(ValidationError("order_number", "order_number.required",
                                      "order columns are filled but the order number is empty"))
    kind = _choice(row["kind"], CustomerKind, "kind", errors) if row["kind"] else \
        CustomerKind.INDIVIDUAL
    gender = _choice(row["gender"], Gender, "gender", errors) if row["gender"] else \
        Gender.UNKNOWN
    tier = _choice(row["tier"], Tier, "tier", errors) if row["tier"] else Tier.REGULAR
    return customer_services.CustomerInput(
        name=row["name"], phones=tuple(p for p in (row["phone"], row["phone2"]) if p),
        kind=kind or CustomerKind.INDIVIDUAL, gender=gender or Gender.UNKNOWN,
        email=row["email"], wechat=row["wechat"], address=row["address"],
        birthday=_opt_date(row["birthday"], "birthday", errors),
        national_id=row["national_id"],
        company_industry=row["company_industry"], company_size=row["company_size"],
        source=row["source"], tier=tier or Tier.REGULAR,
        consent_marketing=_yes_no(row["consent_marketing"], "consent_marketing", errors)
        or False,
        note=row["note"], store_id=store.id, vehicles=vehicles, orders=orders)


class _Seen:
    """Values already used by an earlier line of the same file."""

    def __init__(self) -> None:
        self.lines: dict[tuple[str, str], int] = {}

    def check(self, kind: str, value: str, column: str, label: str,
              errors: list[ValidationError]) -> None:
        if not value:
            return
        first = self.lines.setdefault((kind, value), -1)
        if first != -1:
            errors.append(ValidationError(column, f"{column}.repeated",
                                          f"the same {label} {value} is on line {first} "
                                          "already", line=first))

    def remember(self, kind: str, value: str, line: int) -> None:
        if value and self.lines.get((kind, value), -1) == -1:
            self.lines[(kind, value)] = line


def _run_customers(uow: UnitOfWork, actor_id: int, path: Path, *, save: bool,
                   skip_invalid: bool, store_id: int | None = None,
                   options: ReadOptions | None = None,
                   progress: Progress | None = None) -> ImportReport:
    """Check and build every customer in a read-only transaction (other desks keep
    saving), then write the good ones in one short write transaction."""
    options = options or ReadOptions()
    table = read(path, CUSTOMER_COLUMNS, sheet=options.sheet, encoding=options.encoding)
    at = common.now()
    tick = _Ticker(progress, len(table.rows))
    seen = _Seen()
    report_errors: list[RowError] = []
    prepared: list[Customer] = []
    with uow.reading():
        user = common.actor(uow, actor_id, Permission.IMPORT_DATA)
        user.require(Permission.MANAGE_CUSTOMERS)
        store = _store_for(uow, user, store_id)
        owners = uow.customers.owners_of_phones(
            [k for row in table.rows for k in (_phone_key(row["phone"]),
                                                _phone_key(row["phone2"])) if k])
        for done, (line, row) in enumerate(zip(table.lines, table.rows, strict=True)):
            tick(done)
            errors: list[ValidationError] = []
            data = _customer_input(row, store, errors)
            keys = [("phone", _phone_key(p), "phone" if n == 0 else "phone2", "phone number")
                    for n, p in enumerate((row["phone"], row["phone2"])) if p]
            keys.append(("vin", _vin_key(row["vin"]), "vin", "VIN"))
            keys.append(("order", _order_key(row["order_number"]), "order_number",
                         "order number"))
            for kind, value, column, label in keys:
                seen.check(kind, value, column, label, errors)
            for kind, value, _column, _label in keys:
                seen.remember(kind, value, line)
            if errors:
                # Name, phones and the other fields too, so the row is fixed in one go.
                known = {(e.field, e.code) for e in errors}
                errors.extend(e for e in customer_services.input_problems(data, at.date())
                              if (e.field, e.code) not in known)
            else:
                try:
                    prepared.append(customer_services.prepare_customer(
                        uow, user, data, at, phone_owners=owners))
                except ValidationErrors as exc:
                    errors.extend(exc.errors)
                except ValidationError as exc:
                    errors.append(exc)
            report_errors.extend(_row_errors(line, errors, CUSTOMER_COLUMNS, table.layout))
    total = len(table.rows)
    tick(total, force=True)
    with uow:
        user = common.actor(uow, actor_id, Permission.IMPORT_DATA)
        writing = save and prepared and (skip_invalid or not report_errors)
        if writing:
            customer_services.add_customers(uow, user, prepared, at)
        created = [c.id or 0 for c in prepared]
        return _finish(uow, user, "customers", path, total, created, report_errors,
                       save=bool(writing), skip_invalid=skip_invalid, at=at,
                       layout=table.layout)


def _finish(uow: UnitOfWork, user: User, kind: str, path: Path, total: int,
            created: list[int], errors: list[RowError], *, save: bool, skip_invalid: bool,
            at: datetime, layout: reading.Layout,
            extra: Mapping[str, Any] | None = None) -> ImportReport:
    """Commit (or not) and say what happened; the caller's ``with uow`` rolls back."""
    valid = len(created)
    bad_rows = total - valid
    if not save or (errors and not skip_invalid) or not created:
        if save:
            log.info("import of %s from %s saved nothing: %d rows, %d with errors", kind,
                     Path(path).name, total, len({e.line for e in errors}))
        return ImportReport(total, valid, 0, 0, tuple(errors), (), layout)
    uow.record(events.DataReset(
        at=at, **common.by(user), reason="import", kind=kind,
        details={"file": Path(path).name, "rows": total, "imported": valid,
                 "skipped": bad_rows, **(extra or {})},
        note=f"{valid} of {total} rows imported from {Path(path).name}"))
    uow.commit()
    log.info("import of %s from %s: %d of %d rows saved, %d skipped", kind, Path(path).name,
             valid, total, bad_rows)
    return ImportReport(total, valid, valid, bad_rows, tuple(errors), tuple(created), layout)


def check_customers(uow: UnitOfWork, actor_id: int, path: Path, *,
                    store_id: int | None = None, options: ReadOptions | None = None,
                    progress: Progress | None = None) -> ImportReport:
    """Validate a customer file exactly as an import would; nothing is saved."""
    return _guard(lambda: _run_customers(uow, actor_id, path, save=False, skip_invalid=False,
                                         store_id=store_id, options=options,
                                         progress=progress))


def import_customers(uow: UnitOfWork, actor_id: int, path: Path, *, skip_invalid: bool = False,
                     store_id: int | None = None, options: ReadOptions | None = None,
                     progress: Progress | None = None) -> ImportReport:
    """Import customers (one per row, with at most one vehicle and one order).

    All or nothing, unless ``skip_invalid``: then the good rows are saved and the bad
    ones reported. Needs ``IMPORT_DATA`` (and ``MANAGE_CUSTOMERS``); audited as
    ``import.customers`` with the counts, and each customer as ``customer.create``."""
    with _holding(uow, actor_id, "import.customers"):
        return _guard(lambda: _run_customers(uow, actor_id, path, save=True,
                                             skip_invalid=skip_invalid, store_id=store_id,
                                             options=options, progress=progress))


# ====================================================================== sheets
# How far each importable state got, in workflow order.
_STEPS = (SheetState.REGISTERED, SheetState.ACKNOWLEDGED, SheetState.IN_PROGRESS,
          SheetState.RESOLVED, SheetState.VISITED, SheetState.CLOSED)
_STEP_ACTION = {SheetState.ACKNOWLEDGED: Action.ACKNOWLEDGE, SheetState.IN_PROGRESS:
                Action.ASSIGN, SheetState.RESOLVED: Action.RESOLVE,
                SheetState.VISITED: Action.RETURN_VISIT, SheetState.CLOSED: Action.CLOSE}
_SHEET_NUMBER = re.compile(r"[A-Z0-9_/-]{1,32}")
_AUDITED_FIELDS = ("number", "received_at", "channel", "severity", "category", "customer_id",
                   "vehicle_id", "order_id", "description", "customer_request", "state",
                   "acknowledged_at", "resolved_at", "closed_at", "responsible_area",
                   "responsible_user_id", "root_cause", "correction", "compensation_cents",
                   "long_term_measure")


def _reached(state: SheetState, step: SheetState) -> bool:
    return _STEPS.index(state) >= _STEPS.index(step)


@dataclass
class _SheetPlan:
    """A validated sheet row, before anything is written."""

    values: dict[str, Any] = field(default_factory=dict)
    state: SheetState = SheetState.REGISTERED
    number: str = ""
    customer: Customer | None = None
    new_customer: customer_services.CustomerInput | None = None
    new_vehicle: customer_services.VehicleInput | None = None
    vehicle_id: int | None = None
    order_id: int | None = None
    satisfaction: int | None = None
    feedback: str = ""
    prepared: Customer | None = None  # a new customer, built and checked, not yet saved
    shares: _SheetPlan | None = None  # an earlier row of this file creates the customer
    vehicle: Vehicle | None = None  # a new vehicle of the prepared (or shared) customer
    line: int = 0
    customer_id: int | None = None  # of ``customer`` (read while it was loaded)


class _SheetContext:
    """What the rows of one sheet import share."""

    def __init__(self, uow: UnitOfWork, user: User, store: Store, at: datetime) -> None:
        self.uow, self.user, self.store, self.at = uow, user, store, at
        self.categories = common.categories(uow)
        self.banned = common.banned_phrases(uow)
        self.policy = common.store_policy(store)
        self.calendar = common.store_calendar(store)
        self.staff = uow.users.list(include_inactive=True)
        self.seen = _Seen()
        self.owners: dict[str, int] = {}  # phone → existing customer id
        self.customers: dict[int, Customer] = {}
        self.pending: dict[str, _SheetPlan] = {}  # phone → the row creating its customer

    def preload(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Find the existing customers of every phone in the file in a few queries."""
        phones = [_phone_key(row["phone"]) for row in rows]
        self.owners = self.uow.customers.owners_of_phones([p for p in phones if p])
        self.customers = self.uow.customers.get_many(sorted(set(self.owners.values())))

    def category(self, value: str, errors: list[ValidationError]) -> str:
        code = match_category(self.categories, value)
        if code is not None:
            return code
        shown = ", ".join(names[0] for names in self.categories.values())
        errors.append(ValidationError("category", "category.invalid",
                                      f"unknown category '{value}'; use one of: {shown}",
                                      value=value))
        return ""

    def person(self, value: str, errors: list[ValidationError]) -> int | None:
        folded = _fold(value)
        by_login = [u for u in self.staff if _fold(u.username) == folded]
        matches = by_login or [u for u in self.staff if _fold(u.display_name) == folded]
        if len(matches) == 1:
            return matches[0].id
        if matches:
            errors.append(ValidationError("responsible", "responsible.ambiguous",
                                          f"several staff members are called '{value}'; "
                                          "use the user name", value=value))
        else:
            errors.append(ValidationError(
                "responsible", "responsible.unknown",
                f"no staff member '{value}'; add them first (a user without login will do)",
                value=value))
        return None


def _text(value: str, column: str, errors: list[ValidationError], *, required: bool = False,
          max_length: int = 4000) -> str:
    try:
        return validation.validate_text(value, field=column, required=required,
                                        max_length=max_length)
    except ValidationError as exc:
        errors.append(exc)
        return ""


def _plan_sheet(ctx: _SheetContext, row: Mapping[str, str], line: int,
                errors: list[ValidationError]) -> _SheetPlan:
    """Check a row completely without writing anything."""
    plan = _SheetPlan()
    v = plan.values
    v["channel"] = _choice(row["channel"], Channel, "channel", errors) if row["channel"] else None
    v["severity"] = _choice(row["severity"], Severity, "severity", errors) \
        if row["severity"] else None
    for key in ("channel", "severity", "category"):
        if not row[key]:
            errors.append(ValidationError(key, "text.required", "This field is required."))
    v["category"] = ctx.category(row["category"], errors) if row["category"] else ""
    v["description"] = _text(row["description"], "description", errors, required=True)
    v["customer_request"] = _text(row["customer_request"], "customer_request", errors,
                                  max_length=2000)
    if row["mileage_km"]:
        try:
            v["mileage_km"] = parsing.parse_mileage_km(row["mileage_km"])
        except ValidationError as exc:
            errors.append(exc)
    state = _choice(row["state"], SheetState, "state", errors) if row["state"] else \
        SheetState.REGISTERED
    if state is SheetState.WAITING:
        errors.append(ValidationError("state", "state.invalid",
                                      "a waiting sheet cannot be imported; import it as "
                                      "处理中 (in progress)"))
        state = None
    plan.state = state or SheetState.REGISTERED
    _plan_dates(ctx, row, plan, errors)
    _plan_analysis(ctx, row, plan, errors)
    _plan_number(ctx, row, plan, line, errors)
    _plan_customer(ctx, row, plan, errors)
    return plan


def _plan_dates(ctx: _SheetContext, row: Mapping[str, str], plan: _SheetPlan,
                errors: list[ValidationError]) -> None:
    """Dates of every step reached: present, in order, none in the future."""
    v, state = plan.values, plan.state
    dated = (("received_at", SheetState.REGISTERED), ("acknowledged_at", SheetState.ACKNOWLEDGED),
             ("resolved_at", SheetState.RESOLVED), ("visited_at", SheetState.VISITED),
             ("closed_at", SheetState.CLOSED))
    previous: tuple[str, datetime] | None = None
    for column, step in dated:
        before = len(errors)
        when = _received(row, errors) if column == "received_at" else \
            _opt_datetime(row[column], column, errors)
        if when is None and len(errors) == before:
            if _reached(state, step):
                errors.append(ValidationError(column, f"{column}.required",
                                              f"a {state.value} sheet needs this date"))
        elif when is not None and not _reached(state, step):
            errors.append(ValidationError(column, "state.mismatch",
                                          f"a {state.value} sheet has no {column} (fill the "
                                          "state column, or clear this date)"))
            when = None
        if when is None:
            continue
        try:
            validation.validate_not_future(when, now=ctx.at, field=column)
        except ValidationError as exc:
            errors.append(exc)
        if previous is not None and when < previous[1]:
            errors.append(ValidationError(column, "date.order",
                                          f"{when:%Y-%m-%d %H:%M} is earlier than "
                                          f"{previous[0]} {previous[1]:%Y-%m-%d %H:%M}"))
        previous = (column, when)
        v[column] = when
    rework = _yes_no(row["rework"], "rework", errors)
    completed = _opt_datetime(row["rework_completed_at"], "rework_completed_at", errors)
    v["rework_needed"] = bool(rework) or completed is not None
    v["rework_completed_at"] = completed
    if completed is not None:
        try:
            validation.validate_not_future(completed, now=ctx.at, field="rework_completed_at")
        except ValidationError as exc:
            errors.append(exc)
        if "received_at" in v and completed < v["received_at"]:
            errors.append(ValidationError("rework_completed_at", "date.before_received",
                                          "rework cannot be completed before the complaint "
                                          "was received"))
    if v["rework_needed"] and completed is None and _reached(state, SheetState.RESOLVED):
        errors.append(ValidationError("rework_completed_at", "resolve.rework_open",
                                      "a resolved sheet with rework needs its completion time"))


def _plan_analysis(ctx: _SheetContext, row: Mapping[str, str], plan: _SheetPlan,
                   errors: list[ValidationError]) -> None:
    """Responsibility, analysis and return visit — the guards of each step reached."""
    v, state = plan.values, plan.state
    resolved = _reached(state, SheetState.RESOLVED)
    v["responsible_area"] = _choice(row["responsible_area"], ResponsibleArea,
                                    "responsible_area", errors) if row["responsible_area"] \
        else None
    v["responsible_user_id"] = ctx.person(row["responsible"], errors) \
        if row["responsible"] else None
    if resolved:
        for key in ("responsible_area", "responsible"):
            if not row[key]:
                errors.append(ValidationError(key, f"{key}.required",
                                              f"a {state.value} sheet needs this column"))
    for key in ("root_cause", "long_term_measure"):
        value = row[key]
        if value or resolved:
            try:
                v[key] = validation.validate_measure(value, banned_phrases=ctx.banned,
                                                     field=key)
            except ValidationError as exc:
                errors.append(exc)
    v["correction"] = _text(row["correction"], "correction", errors, required=resolved)
    if row["compensation"]:
        try:
            v["compensation_cents"] = common.amount_cents(row["compensation"],
                                                          field="compensation")
        except ValidationError as exc:
            errors.append(exc)
    visited = _reached(state, SheetState.VISITED)
    if row["satisfaction"] or visited:
        if not row["satisfaction"]:
            errors.append(ValidationError("satisfaction", "satisfaction.required",
                                          f"a {state.value} sheet needs the satisfaction "
                                          "(1-5) of its return visit"))
        elif not visited:
            errors.append(ValidationError("satisfaction", "state.mismatch",
                                          f"a {state.value} sheet has had no return visit "
                                          "(fill the state column, or clear this cell)"))
        else:
            try:
                plan.satisfaction = validation.validate_satisfaction(row["satisfaction"])
            except ValidationError as exc:
                errors.append(exc)
    plan.feedback = _text(row["feedback"], "feedback", errors)
    v["closing_remark"] = _text(row["closing_remark"], "closing_remark", errors,
                                max_length=2000)


def _own_sequence(store: Store, number: str) -> tuple[int, int] | None:
    """(year, sequence) when ``number`` is in this store's own format."""
    match = re.fullmatch(rf"{re.escape(store.code)}-(\d{{4}})-(\d{{1,9}})", number)
    return (int(match[1]), int(match[2])) if match else None


def _plan_number(ctx: _SheetContext, row: Mapping[str, str], plan: _SheetPlan, line: int,
                 errors: list[ValidationError]) -> None:
    if not row["number"]:
        return
    number = text.strip_separators(text.fold_width(row["number"]), frozenset()).upper()
    if not _SHEET_NUMBER.fullmatch(number):
        errors.append(ValidationError("number", "number.invalid",
                                      f"'{number}' is not a sheet number (up to 32 letters, "
                                      "digits, - _ /)", value=number))
        return
    before = len(errors)
    ctx.seen.check("number", number, "number", "sheet number", errors)
    ctx.seen.remember("number", number, line)
    if len(errors) == before and ctx.uow.sheets.get_by_number(number) is not None:
        errors.append(ValidationError("number", "number.taken",
                                      f"sheet {number} exists already", value=number))
    plan.number = number


def _plan_customer(ctx: _SheetContext, row: Mapping[str, str], plan: _SheetPlan,
                   errors: list[ValidationError]) -> None:
    """Find the customer by phone (or prepare a new one), the vehicle, the order."""
    uow = ctx.uow
    try:
        phone = validation.validate_phone(row["phone"])
    except ValidationError as exc:
        errors.append(exc)
        phone = ""
    owner = ctx.owners.get(phone)
    customer = ctx.customers.get(owner) if owner is not None else None
    plan.customer, plan.customer_id = customer, owner if customer is not None else None
    shared = ctx.pending.get(phone) if customer is None and phone else None
    vin = ""
    if row["vin"]:
        try:
            vin = validation.validate_vehicle_vin(row["vin"])
        except ValidationError as exc:
            errors.append(exc)
    if vin:
        # One of this customer's vehicles, also when one of the two VINs is the other's
        # tail (the ledger had 车架号后8位); a partial VIN not found is a new vehicle.
        owned = customer.vehicles if customer else \
            shared.prepared.vehicles if shared and shared.prepared else []
        found = [x for x in owned if validation.same_vehicle_vin(x.vin, vin)]
        if found and customer is not None:
            plan.vehicle_id, vin = found[0].id, ""
        elif found:
            plan.vehicle, vin = found[0], ""
        elif not validation.vin_is_complete(vin):
            plan.new_vehicle = customer_services.VehicleInput(
                vin=vin, plate=row["plate"], mileage_km=row["mileage_km"] or None)
            vin = ""
    vehicle = uow.customers.vehicle_by_vin(vin) if vin else None
    if vehicle is not None:
        if customer is None or vehicle.customer_id != customer.id:
            errors.append(ValidationError("vin", "vin.taken",
                                          f"VIN {vin} belongs to customer "
                                          f"#{vehicle.customer_id}, not to this phone's",
                                          customer_id=vehicle.customer_id))
        else:
            plan.vehicle_id = vehicle.id
    elif vin:
        plan.new_vehicle = customer_services.VehicleInput(vin=vin, plate=row["plate"],
                                                          mileage_km=row["mileage_km"] or None)
    elif row["plate"] and not row["vin"]:
        try:
            plate = validation.validate_plate(row["plate"])
        except ValidationError as exc:
            errors.append(exc)
        else:
            # The customer's vehicles, or those of the customer an earlier row creates.
            owned = customer.vehicles if customer else \
                shared.prepared.vehicles if shared and shared.prepared else []
            found = [x for x in owned if x.plate == plate]
            if not found:
                errors.append(ValidationError(
                    "plate", "plate.unknown", f"this customer has no vehicle {plate}; add "
                    "the VIN column (or import the customers first)", value=plate))
            elif customer is not None:
                plan.vehicle_id = found[0].id
            else:
                plan.vehicle = found[0]
    if row["order_number"]:
        _plan_order(ctx, row, plan, customer, errors)
    if customer is not None or not phone:
        return
    if shared is not None:
        plan.shares = shared
        if plan.new_vehicle is not None:
            _share_vehicle(ctx, plan, shared, errors)
        return
    data = customer_services.CustomerInput(
        name=row["customer_name"], phones=(phone,), store_id=ctx.store.id,
        vehicles=(plan.new_vehicle,) if plan.new_vehicle else ())
    plan.new_vehicle = None
    try:
        plan.prepared = customer_services.prepare_customer(uow, ctx.user, data, ctx.at,
                                                           phone_owners=ctx.owners)
    except ValidationErrors as exc:
        errors.extend(ValidationError("customer_name", e.code, e.message, **e.params)
                      if e.field == "name" else e for e in exc.errors)
        return
    plan.vehicle = plan.prepared.vehicles[0] if plan.prepared.vehicles else None
    if not errors:
        ctx.pending[phone] = plan


def _plan_order(ctx: _SheetContext, row: Mapping[str, str], plan: _SheetPlan,
                customer: Customer | None, errors: list[ValidationError]) -> None:
    if plan.vehicle_id is not None or plan.new_vehicle is not None:
        errors.append(ValidationError("order_number", "sheet.vehicle_and_order",
                                      "a sheet refers to a vehicle or an order, not both"))
        return
    try:
        number = validation.validate_order_number(row["order_number"])
    except ValidationError as exc:
        errors.append(exc)
        return
    order = ctx.uow.customers.order_by_number(number)
    if order is None or customer is None or order.customer_id != customer.id:
        errors.append(ValidationError("order_number", "order.not_customers",
                                      f"this customer has no order {number} (import the "
                                      "customers with their orders first)", value=number))
        return
    plan.order_id = order.id


def _share_vehicle(ctx: _SheetContext, plan: _SheetPlan, shared: _SheetPlan,
                   errors: list[ValidationError]) -> None:
    """A later row of a customer this file creates names a vehicle: the same one, or
    one more for that customer."""
    assert plan.new_vehicle is not None and shared.prepared is not None
    vin = plan.new_vehicle.vin
    same = [v for v in shared.prepared.vehicles if validation.same_vehicle_vin(v.vin, vin)]
    if same:
        plan.vehicle = same[0]
    else:
        plan.vehicle = customer_services.prepare_vehicle(ctx.uow, ctx.user, plan.new_vehicle,
                                                         ctx.at, errors)
        if plan.vehicle is not None and not errors:
            shared.prepared.vehicles.append(plan.vehicle)
    plan.new_vehicle = None


def _sheet_of(ctx: _SheetContext, plan: _SheetPlan, customer: Customer,
              vehicle_id: int | None, number: str, note: str) -> Sheet:
    """The sheet of a checked plan, with the steps it had reached (nothing is written)."""
    user, at, v = ctx.user, ctx.at, plan.values
    received: datetime = v["received_at"]
    assert ctx.store.id is not None and customer.id is not None
    sheet = Sheet(
        number=number, store_id=ctx.store.id, received_at=received, received_by_id=None,
        channel=v["channel"], severity=v["severity"], category=v["category"],
        customer_id=customer.id, customer_name=customer.name,
        customer_phone=customer.primary_phone, vehicle_id=vehicle_id, order_id=plan.order_id,
        mileage_km=v.get("mileage_km"), description=v["description"],
        customer_request=v["customer_request"], responsible_area=v["responsible_area"],
        responsible_user_id=v["responsible_user_id"], root_cause=v.get("root_cause", ""),
        correction=v["correction"], compensation_cents=v.get("compensation_cents", 0),
        long_term_measure=v.get("long_term_measure", ""), rework_needed=v["rework_needed"],
        rework_completed_at=v["rework_completed_at"], closing_remark=v["closing_remark"],
        created_at=at, updated_at=at, updated_by_id=user.id)
    # Deadlines by the store's current policy, so imported open sheets are watched
    # like any other (an old one shows as overdue at once, which it is).
    sheet.apply_sla(ctx.policy, ctx.calendar)
    state = SheetState.REGISTERED
    for step in _STEPS[1:]:
        if not _reached(plan.state, step):
            break
        when = {SheetState.ACKNOWLEDGED: v.get("acknowledged_at"),
                SheetState.IN_PROGRESS: v.get("acknowledged_at"),
                SheetState.RESOLVED: v.get("resolved_at"),
                SheetState.VISITED: v.get("visited_at"),
                SheetState.CLOSED: v.get("closed_at")}[step]
        assert when is not None
        _apply_step(sheet, step, when, plan)
        # Nobody in the program did these steps: no staff member, and the note says so.
        sheet.transitions.append(Transition(at=when, by_id=None, action=_STEP_ACTION[step].value,
                                            from_state=state, to_state=step, note=note))
        state = step
    sheet.state = plan.state
    return sheet


def _write_sheets(ctx: _SheetContext, plans: Sequence[_SheetPlan], path: Path) -> list[Sheet]:
    """Write every checked plan: new customers in one flush, new vehicles of existing
    customers, then the sheets in one flush, numbered in blocks; one audit event each."""
    uow, user, at = ctx.uow, ctx.user, ctx.at
    existing = uow.customers.get_many(sorted({p.customer_id for p in plans
                                              if p.customer_id is not None}))
    for plan in plans:
        if plan.customer_id is not None:
            plan.customer = existing[plan.customer_id]
    customer_services.add_customers(uow, user, [p.prepared for p in plans if p.prepared], at)
    added: dict[tuple[int, str], Vehicle] = {}  # partial VINs repeat across customers
    for plan in plans:
        if plan.new_vehicle is None:
            continue
        assert plan.customer is not None and plan.customer.id is not None
        added_key = (plan.customer.id, plan.new_vehicle.vin)
        known = added.get(added_key)
        if known is None:
            customer = uow.customers.get(plan.customer.id)
            assert customer is not None
            problems: list[ValidationError] = []
            found = customer_services.build_vehicle(uow, user, customer, plan.new_vehicle, at,
                                                    problems)
            if found is None:
                raise ValidationErrors(problems)
            known = added[added_key] = found
        plan.vehicle_id = known.id
    assert ctx.store.id is not None
    unnumbered: dict[int, int] = {}
    for plan in plans:
        if not plan.number:
            year = plan.values["received_at"].year
            unnumbered[year] = unnumbered.get(year, 0) + 1
    first = {year: uow.sheets.next_sequences(ctx.store.id, year, count)
             for year, count in sorted(unnumbered.items())}
    sheets = []
    for plan in plans:
        owner = plan.shares or plan
        customer = owner.prepared or plan.customer
        assert customer is not None
        vehicle_id = plan.vehicle.id if plan.vehicle is not None else plan.vehicle_id
        number = plan.number
        if not number:
            year = plan.values["received_at"].year
            number = format_sheet_number(ctx.store.code, year, first[year])
            first[year] += 1
        sheets.append(_sheet_of(ctx, plan, customer, vehicle_id, number,
                                f"imported from {path.name} line {plan.line}"))
    uow.sheets.add_many(sheets)
    for sheet, plan in zip(sheets, plans, strict=True):
        snapshot = {name: getattr(sheet, name) for name in _AUDITED_FIELDS}
        assert sheet.id is not None
        uow.record(events.SheetImported(
            at=at, **common.by(user), sheet_id=sheet.id, sheet_number=sheet.number,
            customer_id=sheet.customer_id, details=audit.diff({}, snapshot),
            note=f"imported from {path.name} line {plan.line}"))
    return sheets


def _apply_step(sheet: Sheet, step: SheetState, when: datetime, plan: _SheetPlan) -> None:
    if step is SheetState.ACKNOWLEDGED:
        sheet.acknowledged_at = when
        sheet.judge_steps()
    elif step is SheetState.RESOLVED:
        sheet.resolved_at = when
        sheet.judge_steps()
    elif step is SheetState.VISITED:
        assert plan.satisfaction is not None
        sheet.visits.append(ReturnVisit(visited_at=when, by_id=None,
                                        satisfaction=plan.satisfaction, feedback=plan.feedback,
                                        kind=VisitKind.SATISFACTION, method="imported"))
    elif step is SheetState.CLOSED:
        sheet.closed_at = when
        sheet.closed_by_id = None


def _reserve_numbers(ctx: _SheetContext, rows: Sequence[Mapping[str, str]]) -> None:
    """Numbers given in the store's own format move its counter past them, so sheets
    registered later never collide with an imported number."""
    highest: dict[int, int] = {}
    for row in rows:
        number = text.strip_separators(text.fold_width(row.get("number", "")),
                                       frozenset()).upper()
        own = _own_sequence(ctx.store, number) if number else None
        if own:
            highest[own[0]] = max(highest.get(own[0], 0), own[1])
    assert ctx.store.id is not None
    for year, sequence in highest.items():
        ctx.uow.sheets.reserve_sequence(ctx.store.id, year, sequence)


def _run_sheets(uow: UnitOfWork, actor_id: int, path: Path, *, save: bool,
                skip_invalid: bool, store_id: int | None = None,
                options: ReadOptions | None = None,
                progress: Progress | None = None) -> ImportReport:
    """Check every row in a read-only transaction (other desks keep saving), then write
    the good ones in one short write transaction."""
    options = options or ReadOptions()
    table = read(path, SHEET_COLUMNS, sheet=options.sheet, encoding=options.encoding)
    at = common.now()
    tick = _Ticker(progress, len(table.rows))
    report_errors: list[RowError] = []
    plans: list[_SheetPlan] = []
    with uow.reading():
        user = common.actor(uow, actor_id, Permission.IMPORT_DATA)
        user.require(Permission.MANAGE_CUSTOMERS)
        ctx = _SheetContext(uow, user, _store_for(uow, user, store_id), at)
        ctx.preload(table.rows)
        for done, (line, row) in enumerate(zip(table.lines, table.rows, strict=True)):
            tick(done)
            errors: list[ValidationError] = []
            plan = _plan_sheet(ctx, row, line, errors)
            plan.line = line
            if errors:
                report_errors.extend(_row_errors(line, errors, SHEET_COLUMNS, table.layout))
            else:
                plans.append(plan)
        chosen_store = ctx.store.id
    # A row sharing the new customer of a bad row cannot be written without it.
    kept = {id(p) for p in plans}
    good = [p for p in plans if p.shares is None or id(p.shares) in kept]
    total = len(table.rows)
    tick(total, force=True)
    with uow:
        user = common.actor(uow, actor_id, Permission.IMPORT_DATA)
        # What the read-only transaction loaded is expired now: load it again here.
        store = uow.stores.get(chosen_store) if chosen_store is not None else None
        assert store is not None
        ctx.uow, ctx.user, ctx.store = uow, user, store
        if not save or (report_errors and not skip_invalid) or not good:
            return _finish(uow, user, "sheets", path, total, [p.line for p in good],
                           report_errors, save=False, skip_invalid=skip_invalid, at=at,
                           layout=table.layout)
        _reserve_numbers(ctx, table.rows)
        sheets = _write_sheets(ctx, good, Path(path))
        created = [s.id for s in sheets if s.id is not None]
        closed = sum(s.state is SheetState.CLOSED for s in sheets)
        return _finish(uow, user, "sheets", path, total, created, report_errors,
                       save=save, skip_invalid=skip_invalid, at=at, layout=table.layout,
                       extra={"closed": closed, "store": ctx.store.code})


def check_sheets(uow: UnitOfWork, actor_id: int, path: Path, *,
                 store_id: int | None = None, options: ReadOptions | None = None,
                 progress: Progress | None = None) -> ImportReport:
    """Validate a sheet file exactly as an import would; nothing is saved."""
    return _guard(lambda: _run_sheets(uow, actor_id, path, save=False, skip_invalid=False,
                                      store_id=store_id, options=options, progress=progress))


def import_sheets(uow: UnitOfWork, actor_id: int, path: Path, *, skip_invalid: bool = False,
                  store_id: int | None = None, options: ReadOptions | None = None,
                  progress: Progress | None = None) -> ImportReport:
    """Import complaint sheets (open ones and closed history) into one store.

    The customer is found by phone, or created from the name and phone (and VIN);
    a VIN new to the customer adds the vehicle. All or nothing unless ``skip_invalid``.
    Audited as ``import.sheets`` with the counts and each sheet as ``sheet.import``."""
    with _holding(uow, actor_id, "import.sheets"):
        return _guard(lambda: _run_sheets(uow, actor_id, path, save=True,
                                          skip_invalid=skip_invalid, store_id=store_id,
                                          options=options, progress=progress))


# ====================================================================== writing files
# A row of a template that shows what goes in each column; the import skips it.
EXAMPLE_MARK = "示例/e.g."

_EXAMPLES: dict[str, dict[str, str]] = {
    CUSTOMERS: {"name": "张伟", "kind": "个人", "phone": "13812345678", "gender": "男",
                "birthday": "1985-03-12", "tier": "VIP", "consent_marketing": "是",
                "vin": "LFV2A21K2M3000001", "plate": "京A·12345", "brand": "大众",
                "model": "迈腾", "mileage_km": "35000", "purchase_date": "2021-06-01",
                "order_number": "SO-2026-0001", "order_kind": "维修保养",
                "order_date": "2026-10-01", "order_amount": "1,280.00",
                "order_items": "更换刹车片"},
    SHEETS: {"received_at": "2026-06-03 09:05", "channel": "电话", "severity": "一般",
             "category": "维修质量", "customer_name": "张伟", "phone": "13812345678",
             "description": "保养后发动机异响", "customer_request": "免费检修",
             "state": "已登记"},
}


def _allowed_words(column: TemplateColumn) -> str:
    """The words a column accepts, from the one vocabulary (empty for free text)."""
    enums: dict[str, type[StrEnum]] = {
        "kind": CustomerKind, "gender": Gender, "tier": Tier, "order_kind": OrderKind,
        "channel": Channel, "severity": Severity, "state": SheetState,
        "responsible_area": ResponsibleArea}
    enum_cls = enums.get(column.key)
    if enum_cls is None:
        return "是 / 否 (yes / no)" if column.key in ("consent_marketing", "vin_override",
                                                     "rework") else ""
    return " / ".join(f"{enum_label(m, 'zh')} ({m.value})" for m in enum_cls
                      if m is not SheetState.WAITING)


def write_template(path: Path, kind: str, *, lang: str = "zh") -> None:
    """An import template: the headers, an example row (marked, skipped by the import)
    and, in an XLSX, a "说明 Help" worksheet with both headers, what is required, what
    goes in each column and the allowed words."""
    columns = columns_for(kind)
    examples = _EXAMPLES.get(kind, {})
    example = [examples.get(c.key, "") for c in columns]
    example[0] = f"{EXAMPLE_MARK} {example[0]}".strip()
    help_rows = [(c.header_zh, c.header_en, "是 yes" if c.required else "", c.help_zh,
                  c.help_en, _allowed_words(c)) for c in columns]
    text_kinds = [writing.Kind.TEXT] * len(columns)
    sheets = [writing.Sheet("数据 Data", [c.header(lang) for c in columns], text_kinds,
                            [example]),
              writing.Sheet("说明 Help", ["列 (中文)", "Column (English)", "必填 Required",
                                         "说明", "Meaning", "可填 Allowed words"],
                            [writing.Kind.TEXT] * 6, help_rows)]
    writing.write(Path(path), sheets)


_CUSTOMER_KINDS = {"birthday": writing.Kind.DATE, "purchase_date": writing.Kind.DATE,
                   "order_date": writing.Kind.DATE, "mileage_km": writing.Kind.INT,
                   "order_amount": writing.Kind.MONEY}


def _customer_row(c: Customer, lang: str) -> list[Any]:
    """One export row in the template's layout: the customer, their first vehicle and
    their latest order (every vehicle and order is on its own worksheet as well)."""
    phones = c.phone_numbers()
    vehicle = c.vehicles[0] if c.vehicles else None
    order = max(c.orders, key=lambda o: (o.ordered_at, o.id or 0)) if c.orders else None
    yes, no = ("yes", "no") if lang == "en" else ("是", "否")
    values: dict[str, Any] = {
        "name": c.name, "kind": enum_label(c.kind, lang),
        "phone": validation.display_phone(phones[0]) if phones else "",
        "phone2": validation.display_phone(phones[1]) if len(phones) > 1 else "",
        "gender": enum_label(c.gender, lang) if c.gender is not Gender.UNKNOWN else "",
        "birthday": c.birthday, "national_id": c.national_id, "email": c.email,
        "wechat": c.wechat, "address": c.address, "tier": enum_label(c.tier, lang),
        "source": c.source, "consent_marketing": yes if c.consent_marketing else no,
        "company_industry": c.company_industry, "company_size": c.company_size,
        "note": c.note,
    }
    if vehicle is not None:
        values.update({
            "vin": vehicle.vin, "vin_override": yes if vehicle.vin_check_overridden else "",
            "plate": vehicle.plate, "brand": vehicle.brand, "model": vehicle.model,
            "mileage_km": vehicle.mileage_km, "purchase_date": vehicle.purchase_date,
        })
    if order is not None:
        values.update({
            "order_number": order.number, "order_kind": enum_label(order.kind, lang),
            "order_date": order.ordered_at, "order_amount": order.amount_cents,
            "order_items": order.items,
        })
    return [values.get(column.key, "") for column in CUSTOMER_COLUMNS]


_VEHICLE_HEADERS = {"zh": ("车主", "车主电话", "车架号", "车牌号", "品牌", "车型", "里程(公里)",
                           "购车日期", "车架号不完整"),
                    "en": ("Owner", "Owner's phone", "VIN", "Plate", "Brand", "Model",
                           "Mileage (km)", "Purchase date", "VIN incomplete")}
_VEHICLE_KINDS = (*[writing.Kind.TEXT] * 6, writing.Kind.INT, writing.Kind.DATE,
                  writing.Kind.TEXT)
_ORDER_HEADERS = {"zh": ("下单客户", "下单客户电话", "订单号", "订单类型", "订单日期",
                         "订单金额(元)", "订单内容"),
                  "en": ("Ordered by", "Orderer's phone", "Order number", "Order type",
                         "Order date", "Order amount (yuan)", "Order items")}
_ORDER_KINDS = (*[writing.Kind.TEXT] * 4, writing.Kind.DATE, writing.Kind.MONEY,
                writing.Kind.TEXT)
_EXPORT_CHUNK = 500


class _Belongings:
    """The vehicles and orders worksheets that end both customer exports, one row per
    vehicle or order, each naming its customer and phone."""

    def __init__(self, lang: str) -> None:
        self._lang = lang
        self._yes = "yes" if lang == "en" else "是"
        self._vehicles: list[list[Any]] = []
        self._orders: list[list[Any]] = []

    def vehicle(self, owner: str, phone: str, vin: str, plate: str, brand: str, model: str,
                mileage_km: int | None, bought: date | None) -> None:
        # A partial VIN (or none) is exported as written, and flagged.
        self._vehicles.append([owner, phone, vin, plate, brand, model, mileage_km, bought,
                               "" if validation.vin_is_complete(vin) else self._yes])

    def order(self, owner: str, phone: str, number: str, kind: OrderKind, at: date,
              amount_cents: int | None, items: str) -> None:
        self._orders.append([owner, phone, number, enum_label(kind, self._lang), at,
                             amount_cents, items])

    def sheets(self) -> list[writing.Sheet]:
        return [
            writing.Sheet("车辆 Vehicles", _VEHICLE_HEADERS[self._lang], _VEHICLE_KINDS,
                          self._vehicles),
            writing.Sheet("订单 Orders", _ORDER_HEADERS[self._lang], _ORDER_KINDS,
                          self._orders),
        ]

_ListCell = Callable[[customer_list.CustomerRow, str], Any]
#: issue 10: the customer list's columns (keys of the list on screen): how each is
#: written (a date as a date, money as a number) and read from the list's own row.
LIST_COLUMNS: Mapping[str, tuple[writing.Kind, _ListCell]] = {
    "name": (writing.Kind.TEXT, lambda r, _lang: r.name),
    "phone": (writing.Kind.TEXT, lambda r, _lang: validation.display_phone(r.phone)),
    "plate": (writing.Kind.TEXT, lambda r, _lang: r.plate),
    "tier": (writing.Kind.TEXT, lambda r, lang: enum_label(r.tier, lang)),
    "lifecycle": (writing.Kind.TEXT, lambda r, lang: enum_label(r.lifecycle, lang)),
    "last_purchase": (writing.Kind.DATE, lambda r, _lang: r.last_purchase),
    "revenue": (writing.Kind.MONEY, lambda r, _lang: r.revenue_12m_cents),
    "open_complaints": (writing.Kind.INT, lambda r, _lang: r.open_complaints),
    "last_complaint": (writing.Kind.DATETIME, lambda r, _lang: r.last_complaint_at),
    "store": (writing.Kind.TEXT, lambda r, _lang: r.store_name),
    "owner": (writing.Kind.TEXT, lambda r, _lang: r.owner_name),
}


def _list_export(uow: UnitOfWork, actor_id: int, wanted: Sequence[int],
                 columns: Sequence[tuple[str, str]], words: str, lang: str,
                 ) -> tuple[list[int], list[writing.Sheet]]:
    """The customer list as the screen shows it (these columns: key, header as on
    screen; the rows in the order given, each value typed), with the customers' vehicles
    and orders: plain rows from three queries a chunk, no objects loaded."""
    unknown = [key for key, _header in columns if key not in LIST_COLUMNS]
    if unknown:
        raise ValueError(f"not columns of the customer list: {unknown}")
    cells = [LIST_COLUMNS[key] for key, _header in columns]
    kept: list[int] = []
    rows: list[list[Any]] = []
    belongings = _Belongings(lang)
    with uow.reading():
        common.actor(uow, actor_id, Permission.EXPORT_PERSONAL_DATA)
        for start in range(0, len(wanted), _EXPORT_CHUNK):
            chunk = wanted[start:start + _EXPORT_CHUNK]
            records = uow.analytics.export_records(chunk)
            vehicles_of: dict[int, list[tuple[Any, ...]]] = {}
            for v in records.vehicles:
                vehicles_of.setdefault(v[0], []).append(v)
            orders_of: dict[int, list[tuple[Any, ...]]] = {}
            for o in records.orders:
                orders_of.setdefault(o[0], []).append(o)
            live = [i for i in chunk if i not in records.merged]
            for row in customer_list.customer_rows(uow, actor_id, live):
                kept.append(row.id)
                rows.append([cell(row, words) for _kind, cell in cells])
                phone = validation.display_phone(row.phone)
                for _id, vin, plate, brand, model, km, bought in vehicles_of.get(row.id, ()):
                    belongings.vehicle(row.name, phone, vin, plate, brand, model, km, bought)
                for _id, number, kind, at, cents, items in orders_of.get(row.id, ()):
                    belongings.order(row.name, phone, number, kind, at, cents, items)
    return kept, [
        writing.Sheet("客户 Customers", [header for _key, header in columns],
                      [kind for kind, _cell in cells], rows),
        *belongings.sheets(),
    ]


def _template_export(uow: UnitOfWork, actor_id: int, wanted: Sequence[int], lang: str,
                     ) -> tuple[list[int], list[writing.Sheet]]:
    """The customers in the import template's layout, with their vehicles and orders."""
    kept: list[int] = []  # the customers written (not merged away meanwhile), in order
    rows: list[list[Any]] = []
    belongings = _Belongings(lang)
    with uow.reading():
        common.actor(uow, actor_id, Permission.EXPORT_PERSONAL_DATA)
        for start in range(0, len(wanted), _EXPORT_CHUNK):
            chunk = wanted[start:start + _EXPORT_CHUNK]
            loaded = uow.customers.get_many(chunk, with_orders=True)
            for customer_id in chunk:
                customer = loaded.get(customer_id)
                if customer is None or customer.merged_into_id is not None:
                    continue
                kept.append(customer_id)
                rows.append(_customer_row(customer, lang))
                phones = customer.phone_numbers()
                phone = validation.display_phone(phones[0]) if phones else ""
                for v in customer.vehicles:
                    belongings.vehicle(customer.name, phone, v.vin, v.plate, v.brand, v.model,
                                       v.mileage_km, v.purchase_date)
                for o in sorted(customer.orders, key=lambda o: (o.ordered_at, o.id or 0)):
                    belongings.order(customer.name, phone, o.number, o.kind, o.ordered_at,
                                     o.amount_cents, o.items)
    kinds = [_CUSTOMER_KINDS.get(c.key, writing.Kind.TEXT) for c in CUSTOMER_COLUMNS]
    return kept, [
        writing.Sheet("客户 Customers", [c.header(lang) for c in CUSTOMER_COLUMNS], kinds, rows),
        *belongings.sheets(),
    ]


def export_customers(uow: UnitOfWork, actor_id: int, customer_ids: Iterable[int], path: Path,
                     *, lang: str = "zh",
                     columns: Sequence[tuple[str, str]] | None = None) -> int:
    """Write these customers (in this order: the caller decides which rows, e.g. the
    list on screen) to a CSV or XLSX file, by suffix. The first worksheet is in the
    import template's layout (Chinese headers; ``lang="en"``: English) or, given
    ``columns`` (``LIST_COLUMNS`` keys with the headers shown), the customer list as
    the screen shows it; an XLSX adds every vehicle and every order on worksheets of
    their own. Personal data leaves the building here, so it needs
    ``EXPORT_PERSONAL_DATA`` and is audited as ``customer.export`` with the count.
    Returns the number of customers written.

    The file appears under its name only once the audit entry is committed."""
    path = Path(path)
    at = common.now()
    words = vocabulary.normalize_language(lang)
    lang = "en" if lang == "en" else "zh"
    wanted = list(dict.fromkeys(customer_ids))
    kept, sheets = _template_export(uow, actor_id, wanted, lang) if columns is None else \
        _list_export(uow, actor_id, wanted, columns, words, lang)

    def audit_export() -> None:
        with uow:
            user = common.actor(uow, actor_id, Permission.EXPORT_PERSONAL_DATA)
            uow.record(events.CustomersExported(
                at=at, **common.by(user), details={"count": len(kept), "file": path.name},
                note=f"{len(kept)} customers exported to {path.name}"))
            uow.commit()

    writing.write(path, sheets, before_replace=audit_export)
    return len(kept)


__all__ = [
    "CUSTOMERS", "CUSTOMER_COLUMNS", "SHEETS", "SHEET_COLUMNS", "ImportReport", "RowError",
    "TemplateColumn", "check_customers", "check_sheets", "columns_for", "detect_kind",
    "enum_label", "export_customers", "import_customers", "import_sheets", "match_category",
    "read_table", "write_template",
]
