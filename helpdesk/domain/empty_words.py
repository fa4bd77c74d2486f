"""The ban on empty words, by shape (seed 003: "严禁用一些形容词来替具体的措施").

A banned phrase is not only found where its characters stand side by side. People write
"加强对员工的培训", "加强 培训", "加强技术培训", "避免类似问题再次发生": the words of the
phrase, in order, inside one clause, with a few words between them. This module finds
phrases by that shape and tells which concrete signals a measure carries — who owns it
(a person, a role, a department), by when (a date, a day, a frequency), a number, and
what changes (a checkable action or artefact: a checklist, a template, a replaced part).

Plain functions over folded text (see :func:`helpdesk.domain.validation.validate_measure`,
the one place the rule is applied); no Qt, no SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: The most words allowed between two words of a banned phrase ("加强[对员工的]培训").
MAX_GAP_TOKENS = 8

#: What a measure must name; the order of the message "由谁、在何时前、做什么".
SIGNAL_PARTS: tuple[str, ...] = ("who", "when", "what")

# A token is one CJK character or one run of Latin letters/digits.
_TOKEN = re.compile(r"[a-z0-9]+|[^\W\d_a-z]", re.UNICODE)
# Punctuation that ends a clause: a gapped phrase never reaches across it.
_CLAUSE_END = re.compile(r"[,.;:!?，。；：！？、\n()（）\[\]【】]")

_ROLE_WORDS = (
    "经理|主管|主任|总监|店长|组长|班长|技师|顾问|专员|质检员|检验员|采购员|库管|仓管|收银员|"
    "前台|车间|配件部|售后部|客服部|财务部|市场部|工程师|维修工|洗车工|接待员|调度员|总经理|"
    "店员|导购|值班|索赔员|钣喷|机修"
)
_WHO = re.compile(
    rf"(?:{_ROLE_WORDS})"
    r"|由[^\s,.;:!?，。；：！？、]{1,10}?(?:负责|执行|完成|签字|检查|审核|确认|跟进|培训|组织|核对|抽查)"
    r"|\b(?:manager|foreman|supervisor|advis[eo]rs?|technicians?|inspectors?|director|clerk|"
    r"receptionists?|mechanics?|buyer|cashiers?|team leader|workshop|front desk|"
    r"parts department|owner|mr|ms|mrs)\b"
)
_CN_NUMBER = "[一二两三四五六七八九十百千万半]"
_UNITS = "个|台|次|件|天|日|周|月|年|小时|分钟|名|人|项|条|张|遍|辆|公里|元|页|栏|步|套|份|处"
_NUMBER = re.compile(rf"\d|{_CN_NUMBER}+(?:{_UNITS})")
_MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|"
           "june|july|august|september|october|november|december")
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow"
_WHEN = re.compile(
    r"今天|今日|明天|即日|本周|下周|本月|下月|月底|月初|年底|年内|季度|每日|每天|每周|每月|每季|"
    r"每年|每次|每台|每辆|每单|每班|周[一二三四五六日末]|星期|上午|下午|当天|当日|交车前|交车时|"
    r"起执行|起实施|前完成|之前完成|以内|之内"
    rf"|\b(?:by|before|from|until|starting|within)\s+(?:the\s+)?(?:\d|next|end|{_MONTHS}|{_DAYS})"
    rf"|\b(?:daily|weekly|monthly|every|each|{_MONTHS}|{_DAYS})\b"
)
_WHAT = re.compile(
    r"增加|增设|新增|修订|更换|改为|改用|改成|加装|安装|取消|张贴|配备|上线|启用|停用|设立|印制|"
    r"录入|签字|签名|核对|抽查|复查|拍照|短信|提醒|检查单|检查表|清单|模板|作业指导书|登记表|"
    r"台账|看板|标识|考核合格|扭矩|系统中|报价单"
    r"|\b(?:adds?|added|install|installs|replaced?|replaces|revised?|revises|checklists?|"
    r"templates?|forms?|signs?|signed|logs?|logged|records?|reminds?|reminder|sms|torque|"
    r"checks?)\b"
)


@dataclass(frozen=True)
class PhraseHit:
    """A banned phrase found in a text.

    Attributes:
        phrase: the phrase as listed (folded).
        start: the position of its first word in the folded text.
        spans: (start, end) of each of its words; the words between them are not part of it.
    """

    phrase: str
    start: int
    spans: tuple[tuple[int, int], ...]


def _tokens(folded: str) -> list[tuple[str, int, int, int]]:
    """(token, start, end, clause number) for every word of ``folded``."""
    clause = 0
    out: list[tuple[str, int, int, int]] = []
    last = 0
    for m in _TOKEN.finditer(folded):
        if _CLAUSE_END.search(folded, last, m.start()):
            clause += 1
        out.append((m.group(0), m.start(), m.end(), clause))
        last = m.end()
    return out


def _chunks(phrase: str) -> list[list[str]]:
    """The words of a phrase: Latin words, and Chinese in pairs (a last odd character
    joins the pair before it: 加强/责任心)."""
    chunks: list[list[str]] = []
    cjk: list[str] = []

    def flush() -> None:
        pairs = [cjk[i:i + 2] for i in range(0, len(cjk), 2)]
        if len(pairs) > 1 and len(pairs[-1]) == 1:
            pairs[-2].extend(pairs.pop())
        chunks.extend(pairs)
        cjk.clear()

    for token in _TOKEN.findall(phrase):
        if token.isascii():
            flush()
            chunks.append([token])
        else:
            cjk.append(token)
    flush()
    return chunks


def _match_at(tokens: list[tuple[str, int, int, int]], i: int,
              chunk: list[str]) -> bool:
    return (i + len(chunk) <= len(tokens)
            and all(tokens[i + k][0] == chunk[k] for k in range(len(chunk))))


def find_phrases(folded: str, phrases: Iterable[str]) -> list[PhraseHit]:
    """Every occurrence of the (folded) ``phrases`` in ``folded``, by shape.

    A phrase is found when its words stand in order with at most :data:`MAX_GAP_TOKENS`
    words between two of them inside one clause, or side by side with only spaces or
    punctuation between them anywhere. Longer phrases claim their words first, so
    "以后注意" is reported as itself and not as "注意".
    """
    tokens = _tokens(folded)
    taken = [False] * len(tokens)
    hits: list[PhraseHit] = []
    # Longer phrases first; among equally long ones side-by-side occurrences first, so
    # "引起高度重视" names 高度重视, not 引起…重视.
    passes = sorted(((gap, p) for p in {p for p in phrases if p} for gap in (0, MAX_GAP_TOKENS)),
                    key=lambda gp: (-len(gp[1]), gp[0], gp[1]))
    for max_gap, phrase in passes:
        chunks = _chunks(phrase)
        if not chunks:
            continue
        for i in range(len(tokens)):
            used = _find_from(tokens, taken, i, chunks, max_gap)
            if used is None:
                continue
            for index in used:
                taken[index] = True
            spans = tuple((tokens[k][1], tokens[k][2]) for k in used)
            hits.append(PhraseHit(phrase, spans[0][0], spans))
    return sorted(hits, key=lambda h: h.start)


def _find_from(tokens: list[tuple[str, int, int, int]], taken: list[bool], i: int,
               chunks: list[list[str]], max_gap: int) -> list[int] | None:
    """Token indexes of ``chunks`` matched starting exactly at token ``i``, or None."""
    if not _match_at(tokens, i, chunks[0]) or any(taken[i:i + len(chunks[0])]):
        return None
    used = list(range(i, i + len(chunks[0])))
    at = i + len(chunks[0])
    for chunk in chunks[1:]:
        found = None
        for gap in range(max_gap + 1):
            j = at + gap
            if j >= len(tokens):
                break
            # Across a clause only when nothing but punctuation stands between.
            if gap and tokens[j][3] != tokens[used[-1]][3]:
                break
            if _match_at(tokens, j, chunk) and not any(taken[j:j + len(chunk)]):
                found = j
                break
        if found is None:
            return None
        used.extend(range(found, found + len(chunk)))
        at = found + len(chunk)
    return used


def blank_out(folded: str, hits: Iterable[PhraseHit]) -> str:
    """``folded`` with ``hits`` replaced by spaces (what is left to judge). The words
    inside a phrase go with it: in "加强对维修技师的技术培训" the technicians are only
    the object of 加强…培训, not an owner."""
    chars = list(folded)
    for hit in hits:
        start, end = hit.spans[0][0], hit.spans[-1][1]
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def signals(folded: str) -> frozenset[str]:
    """Which concrete signals ``folded`` carries: ``who``, ``when``, ``number``, ``what``."""
    found = set()
    if _WHO.search(folded):
        found.add("who")
    if _WHEN.search(folded):
        found.add("when")
    if _NUMBER.search(folded):
        found.add("number")
    if _WHAT.search(folded):
        found.add("what")
    return frozenset(found)


def missing_parts(found: frozenset[str], *, enough_content: bool) -> tuple[str, ...]:
    """The parts of "由谁、在何时前、做什么" a refused measure still lacks (a number counts
    as a "when": 每日抽查5台)."""
    have = set(found)
    if "number" in have:
        have.add("when")
    if not enough_content:
        have.discard("what")
    return tuple(p for p in SIGNAL_PARTS if p not in have)
