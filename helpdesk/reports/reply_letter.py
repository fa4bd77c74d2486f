"""The reply letter to the customer (seed 003 篇6), drafted from the sheet.

The draft follows the six steps of the seed's writing tips, one paragraph each:

1. tell the customer their complaint was received (date, reference, what they said);
2. admit the mistake if the complaint is justified — here, when the director has put
   the responsibility on one of our own areas (technical, service, parts, sales,
   logistics); otherwise the letter says the matter was looked into, without admitting;
3. explain the problem (the root cause, or that it is still being established);
4. say how and when it is put right (the correction and the date it was resolved, or
   the resolution deadline; compensation; completed rework);
5. promise it will not recur (the long-term measure);
6. apologise for the inconvenience.

The draft is plain text the user edits before printing; :func:`render_letter` prints
whatever text it is given, on the store's letterhead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Spacer

from helpdesk.domain import validation
from helpdesk.domain.complaints import ResponsibleArea
from helpdesk.domain.customers import Gender
from helpdesk.reports import i18n, layout
from helpdesk.reports.documents import SheetDocument
from helpdesk.reports.fonts import PdfFont, pdf_font
from helpdesk.reports.layout import para, shorten

_OUR_AREAS = frozenset({ResponsibleArea.TECHNICAL, ResponsibleArea.SERVICE,
                        ResponsibleArea.PARTS, ResponsibleArea.SALES,
                        ResponsibleArea.LOGISTICS})
_INDENT = "\u3000\u3000"  # two ideographic spaces
_TRAILING = "。．.；;，,！!？? \n\t"
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


@dataclass(frozen=True)
class Letterhead:
    """Who writes: the store's name, address and phone (printed at the top)."""

    store_name: str
    address: str = ""
    phone: str = ""


def letter_date(lang: str, value: date | datetime) -> str:
    """``2026年10月5日`` / ``5 October 2026``."""
    if lang == "en":
        return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"
    return f"{value.year}年{value.month}月{value.day}日"


def _clause(value: str, limit: int = 400) -> str:
    """Free text as a clause inside a sentence: one line, no closing punctuation."""
    return shorten(value, limit).rstrip(_TRAILING)


def draft_letter(
    sheet: SheetDocument,
    lang: str,
    *,
    letterhead: Letterhead,
    today: date,
    gender: Gender = Gender.UNKNOWN,
    is_company: bool = False,
) -> str:
    """The letter's text, ready to edit: paragraphs separated by blank lines."""
    lang = i18n.normalize_language(lang)

    def t(key: str, **values: object) -> str:
        return i18n.text(lang, key, **values)

    honorific_key = "company" if is_company else gender.value
    paragraphs = [t("letter.salutation", name=sheet.customer_name,
                    honorific=t(f"letter.honorific.{honorific_key}"))]
    paragraphs.append(t("letter.ack", date=letter_date(lang, sheet.received_at),
                        number=sheet.number, summary=_clause(sheet.description, 120)))
    explain = []
    if sheet.responsible_area in _OUR_AREAS:
        area = i18n.label(lang, sheet.responsible_area)
        explain.append(t("letter.admit", area=area.lower() if lang == "en" else area))
    else:
        explain.append(t("letter.no_admit"))
    if sheet.root_cause.strip():
        explain.append(t("letter.explain", root_cause=_clause(sheet.root_cause)))
    else:
        explain.append(t("letter.explain_pending"))
    paragraphs.append(_join(lang, explain))
    fix = []
    due = sheet.resolution_due_at or sheet.received_at
    if sheet.correction.strip() and sheet.resolved_at is not None:
        fix.append(t("letter.fix_done", date=letter_date(lang, sheet.resolved_at),
                     correction=_clause(sheet.correction)))
    elif sheet.correction.strip():
        fix.append(t("letter.fix_planned", date=letter_date(lang, due),
                     correction=_clause(sheet.correction)))
    else:
        fix.append(t("letter.fix_pending", date=letter_date(lang, due)))
    if sheet.compensation_cents > 0:
        fix.append(t("letter.compensation", amount=i18n.fmt_amount(sheet.compensation_cents)))
    if sheet.rework_completed_at is not None:
        fix.append(t("letter.rework", date=letter_date(lang, sheet.rework_completed_at)))
    paragraphs.append(_join(lang, fix))
    if sheet.long_term_measure.strip():
        paragraphs.append(t("letter.promise", measure=_clause(sheet.long_term_measure)))
    else:
        paragraphs.append(t("letter.promise_generic"))
    phone = validation.display_phone(letterhead.phone)
    paragraphs.append(t("letter.apology", phone=t("letter.phone", phone=phone) if phone else ""))
    if lang != "en":
        # Chinese letters indent each body paragraph and 此致 by two characters
        # (首行缩进); the salutation and 敬礼 stay at the margin.
        paragraphs[1:] = [_INDENT + p for p in paragraphs[1:]]
    paragraphs.append((_INDENT if lang != "en" else "") + t("letter.closing"))
    paragraphs.append(t("letter.signature", store=letterhead.store_name,
                        date=letter_date(lang, today)))
    return "\n\n".join(paragraphs) + "\n"


def _join(lang: str, sentences: list[str]) -> str:
    return ("" if lang != "en" else " ").join(sentences)


def render_letter(text: str, lang: str, *, letterhead: Letterhead, reference: str,
                  font: PdfFont | None = None) -> bytes:
    """Print the (edited) letter text on the store's letterhead.

    Paragraphs are separated by blank lines; single line breaks are kept.
    """
    lang = i18n.normalize_language(lang)
    font = font or pdf_font()
    st = layout.styles(font, lang)
    out: list[Flowable] = [para(letterhead.store_name, st.title)]
    phone = validation.display_phone(letterhead.phone)
    contact = "  ".join(x for x in (letterhead.address, phone) if x)
    if contact:
        out.append(para(contact, st.subtitle))
    out.append(HRFlowable(width="100%", thickness=0.6, color=layout.ACCENT, spaceAfter=6 * mm))
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    # The signature block (the last one) sits on the right in a Chinese letter.
    signature = st.letter.clone("signature", alignment=TA_RIGHT)
    for index, block in enumerate(blocks):
        last = index == len(blocks) - 1 and len(blocks) > 1
        style = signature if last and lang != "en" else st.letter
        # Leading ideographic spaces are the typed paragraph indent; the layout engine
        # would drop them, so they become the first-line indent.
        indent = len(block) - len(block.lstrip("\u3000"))
        if indent:
            style = style.clone(f"indent{indent}", firstLineIndent=indent * style.fontSize)
        out.append(para(block.lstrip("\u3000"), style))
    out.append(Spacer(1, 4 * mm))
    title = i18n.text(lang, "letter.title")
    return layout.build(
        out,
        font=font,
        title=f"{title} {reference}",
        subject=letterhead.store_name,
        footer=f"{letterhead.store_name} · {reference}",
        page_text=lambda page, pages: i18n.text(lang, "report.page", page=page, pages=pages),
        lang=lang,
    )
