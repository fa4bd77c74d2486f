"""The command line's own words (headers, the error prefix, summaries) per language.

Domain terms and error messages are not here: they come from
:mod:`helpdesk.domain.vocabulary` and :mod:`helpdesk.domain.error_texts`, the same
catalog the desktop and the PDFs read. Help texts stay English.
"""

from __future__ import annotations

from collections.abc import Mapping

from helpdesk.domain import vocabulary
from helpdesk.domain.vocabulary import Labels

TEXTS: Mapping[str, Labels] = {
    "error": ("错误", "錯誤", "error"),
    "col.number": ("单号", "單號", "number"),
    "col.received": ("接收时间", "接收時間", "received"),
    "col.customer": ("客户", "客戶", "customer"),
    "col.plate_or_order": ("车牌/订单", "車牌/訂單", "plate/order"),
    "col.channel": ("接收渠道", "接收渠道", "channel"),
    "col.severity": ("严重程度", "嚴重程度", "severity"),
    "col.state": ("状态", "狀態", "state"),
    "col.responsible": ("责任人", "責任人", "responsible"),
    "col.time_left": ("剩余时间", "剩餘時間", "time left"),
    "col.id": ("编号", "編號", "id"),
    "col.name": ("姓名", "姓名", "name"),
    "col.phone": ("电话", "電話", "phone"),
    "col.plates": ("车牌", "車牌", "plates"),
    "col.tier": ("客户级别", "客戶級別", "tier"),
    "col.matched": ("匹配", "匹配", "matched"),
    "sheets.count": ("共 {total} 张抱怨单{more}，截至 {now}。",
                     "共 {total} 張抱怨單{more}，截至 {now}。",
                     "{total} sheet(s){more}, at {now}."),
    "sheets.more": ("（显示 {shown} 张；--limit 0 显示全部）",
                    "（顯示 {shown} 張；--limit 0 顯示全部）",
                    " (showing {shown}; --limit 0 shows all)"),
    "customers.none": ("没有与 {query!r} 匹配的客户", "沒有與 {query!r} 相符的客戶",
                       "no customer matches {query!r}"),
    # issue 11: the sheet list's text match column
    "col.text_match": ("匹配内容", "符合內容", "text match"),
    # issue 16: bytes from a terminal in another encoding
    "argument.encoding": (
        "第 {position} 个参数不是 UTF-8 文本{guess}：终端使用了其他编码（如 GBK）。请把终端"
        "设为 UTF-8（Windows: chcp 65001），或把内容写进 UTF-8 文件再传入。",
        "第 {position} 個參數不是 UTF-8 文字{guess}：終端機使用了其他編碼（如 Big5、GBK）。"
        "請把終端機設為 UTF-8（Windows: chcp 65001），或把內容寫進 UTF-8 檔案再傳入。",
        "argument {position} is not UTF-8 text{guess}: the terminal sent another encoding "
        "(e.g. GBK). Set the terminal to UTF-8 (Windows: chcp 65001), or put the value in "
        "a UTF-8 file.",
    ),
    # issue 15: a search that found more than it shows says so
    "customers.more": ("（只显示最匹配的 {shown} 位；--limit N 显示更多）",
                       "（只顯示最相符的 {shown} 位；--limit N 顯示更多）",
                       "(showing the best {shown}; --limit N shows more)"),
    # issue 11: the archive's results (the row counts keep their table names)
    "archive.exported": ("{file}：已归档 {count} 张 {cut} 之前关闭的抱怨单；{rows}",
                         "{file}：已歸檔 {count} 張 {cut} 之前關閉的抱怨單；{rows}",
                         "{file}: {count} sheet(s) closed before {cut}; {rows}"),
    "archive.verified": ("{file}：完整；{rows}", "{file}：完整；{rows}",
                         "{file}: complete; {rows}"),
    "archive.removed": ("已从在用数据库中删除 {count} 张已归档的抱怨单",
                        "已從使用中的資料庫刪除 {count} 張已歸檔的抱怨單",
                        "{count} archived sheet(s) removed from the live database"),
    # issue 15: customer find --limit 0 (nothing to show)
    "customers.limit": ("--limit 至少为 1", "--limit 至少為 1", "--limit must be 1 or more"),
}


def text(lang: str, key: str, **values: object) -> str:
    """``key`` in ``lang`` with ``{placeholders}`` filled."""
    template = TEXTS[key][vocabulary.LANGUAGES.index(vocabulary.normalize_language(lang))]
    return template.format(**values) if values else template
