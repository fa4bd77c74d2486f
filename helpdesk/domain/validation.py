"""Validators for everything a person types into Helpdesk.

Each validator takes the raw input, returns the normalised value to store, or raises
:class:`~helpdesk.domain.errors.ValidationError` with the input's ``field``, a stable
dotted ``code`` (the UI translates by code) and an English message that names the
offending value. They are pure functions: no Qt, no database.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import datetime, timedelta

import phonenumbers

from helpdesk.domain import empty_words, text
from helpdesk.domain.errors import ValidationError

# ---------------------------------------------------------------------------------------
# VIN (车辆识别代号), ISO 3779 / GB 16735
# ---------------------------------------------------------------------------------------

#: Letters I, O and Q are never used in a VIN: they look like 1 and 0.
VIN_CHARACTERS: frozenset[str] = frozenset("0123456789ABCDEFGHJKLMNPRSTUVWXYZ")

_VIN_WEIGHTS: tuple[int, ...] = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)

_VIN_VALUES: dict[str, int] = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}

_VIN_LENGTH = 17
_VIN_CHECK_POSITION = 8  # zero-based: the 9th character
_VIN_REMAINDER_X = 10  # a remainder of 10 does not fit one digit, so it is written X


def vin_check_digit(vin: str) -> str:
    """Compute the check digit (9th character) of a 17-character VIN.

    Each character is transliterated to a number (digits as themselves, letters by the
    ISO 3779 table), multiplied by its position's weight and summed; the remainder of
    the sum divided by 11 is the check digit, written ``X`` when it is 10. The 9th
    character itself has weight 0, so its current value does not matter.

    Args:
        vin: 17 VIN characters, upper or lower case.

    Returns:
        ``"0"``–``"9"`` or ``"X"``.

    Raises:
        ValueError: ``vin`` is not 17 valid VIN characters (validate it first).
    """
    vin = vin.upper()
    if len(vin) != _VIN_LENGTH or any(ch not in VIN_CHARACTERS for ch in vin):
        raise ValueError(f"not a 17-character VIN: {vin!r}")
    total = sum(_VIN_VALUES[ch] * w for ch, w in zip(vin, _VIN_WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == _VIN_REMAINDER_X else str(remainder)


def validate_vin(
    value: str, *, allow_check_digit_mismatch: bool = False, field: str = "vin"
) -> str:
    """Validate and normalise a VIN.

    Full-width characters, lower case, spaces, ``-`` and ``·`` are accepted and removed.

    Args:
        value: the VIN as typed.
        allow_check_digit_mismatch: skip the check-digit test; vehicles built for markets
            that do not use it (many European imports) have another character there.
        field: the input's key for the error.

    Returns:
        The 17-character upper-case VIN.

    Raises:
        ValidationError: ``vin.empty``, ``vin.length``, ``vin.characters`` or
            ``vin.check_digit``.
    """
    vin = text.strip_separators(text.fold_width(value)).upper()
    if not vin:
        raise ValidationError(field, "vin.empty", "The VIN is empty.")
    if len(vin) != _VIN_LENGTH:
        raise ValidationError(
            field,
            "vin.length",
            f"'{vin}' has {len(vin)} characters; a VIN has exactly 17.",
            value=vin,
            length=len(vin),
        )
    _check_vin_characters(vin, field)
    expected = vin_check_digit(vin)
    found = vin[_VIN_CHECK_POSITION]
    if found != expected and not allow_check_digit_mismatch:
        raise ValidationError(
            field,
            "vin.check_digit",
            f"'{vin}' fails the check digit: the 9th character should be '{expected}' "
            f"but is '{found}'. Check for a mistyped character.",
            value=vin,
            expected=expected,
            found=found,
        )
    return vin


def _check_vin_characters(vin: str, field: str) -> None:
    for position, ch in enumerate(vin, start=1):
        if ch not in VIN_CHARACTERS:
            hint = " (I, O and Q are never used in a VIN)" if ch in "IOQ" else ""
            raise ValidationError(
                field,
                "vin.characters",
                f"'{vin}' contains '{ch}' at position {position}; a VIN uses only "
                f"digits and the letters A-Z{hint}.",
                value=vin,
                character=ch,
                position=position,
            )


# issue 10: a vehicle record's VIN may be known only in part.
#: The length of a whole VIN (the database's unique index on whole VINs uses it).
VIN_LENGTH = _VIN_LENGTH
#: A VIN written down in part (车架号后8位 on paper, 11 characters in an old ledger)
#: keeps at least this many characters; fewer identify no vehicle.
VIN_PARTIAL_MIN = 6


def vin_is_complete(vin: str) -> bool:
    """Whether a stored VIN is whole (17 characters, checked, one record per VIN).

    A vehicle record's VIN is whole, partial (a tail or fragment kept exactly as it was
    written: never padded, never run through the check digit, not unique), or empty
    (only the brand/model or plate is known). The database's unique index on whole VINs
    says the same in SQL: ``length(vin) = 17`` (``storage/tables.py``).
    """
    return len(vin) == _VIN_LENGTH


def validate_vehicle_vin(
    value: str, *, allow_check_digit_mismatch: bool = False, field: str = "vin"
) -> str:
    """Validate the VIN of a vehicle record: whole (:func:`validate_vin`), partial
    (``VIN_PARTIAL_MIN``–16 VIN characters, kept as given), or ``""`` when none is known.

    Raises:
        ValidationError: ``vin.length`` (over 17), ``vin.too_short``, ``vin.characters``
            or ``vin.check_digit`` (whole VINs only).
    """
    vin = text.strip_separators(text.fold_width(value)).upper()
    if not vin:
        return ""
    if len(vin) >= _VIN_LENGTH:
        return validate_vin(vin, allow_check_digit_mismatch=allow_check_digit_mismatch,
                            field=field)
    if len(vin) < VIN_PARTIAL_MIN:
        raise ValidationError(
            field, "vin.too_short",
            f"'{vin}' has {len(vin)} characters; keep at least {VIN_PARTIAL_MIN} of the "
            "VIN (its last ones) or leave it empty.",
            value=vin, length=len(vin), minimum=VIN_PARTIAL_MIN)
    _check_vin_characters(vin, field)
    return vin


def same_vehicle_vin(stored: str, given: str) -> bool:
    """Whether two VINs of one customer's vehicles name the same vehicle: equal, or one
    is the tail of the other (``LFV2A21K2M3000001`` and its last 8, ``M3000001``)."""
    if not stored or not given:
        return False
    return stored.endswith(given) or given.endswith(stored)


# ---------------------------------------------------------------------------------------
# Plate numbers (车牌号), GA 36
# ---------------------------------------------------------------------------------------

#: Abbreviations of the 31 mainland provinces, autonomous regions and municipalities.
PROVINCE_ABBREVIATIONS = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

#: Suffixes of special plates: learner, police, trailer, Hong Kong, Macao, consulate,
#: test drive, oversize.
PLATE_SUFFIXES = "学警挂港澳领试超"

_P = f"[{PROVINCE_ABBREVIATIONS}]"
_ISSUER = "[A-HJ-NP-Z]"  # the issuing authority's letter (发牌机关代号): never I or O
_SERIAL = "[0-9A-HJ-NP-Z]"  # plate serials never use I or O
_NEW_ENERGY_SMALL = "[A-HJK]"  # GA 36-2018 (amended): D/F first, now A-K without I

# GA 36-2018: a small new-energy plate is the energy letter, one letter or digit, then
# four digits (粤BD12345, 粤BDA1234 — never 粤BDAB123); a large one is five digits and
# the energy letter D or F (粤B12345D).
_PLATE_PATTERN = re.compile(
    "|".join(
        (
            f"{_P}{_ISSUER}{_SERIAL}{{5}}",  # ordinary: 京A12345
            f"{_P}{_ISSUER}{_NEW_ENERGY_SMALL}{_SERIAL}[0-9]{{4}}",  # small NEV: 粤BD12345
            f"{_P}{_ISSUER}[0-9]{{5}}[DF]",  # new energy, large: 粤B12345D
            f"{_P}{_ISSUER}{_SERIAL}{{4}}[{PLATE_SUFFIXES}]",  # special: 京A1234学, 粤Z1234港
            "使[0-9]{6}",  # embassy: 使014578
            f"WJ[{PROVINCE_ABBREVIATIONS}警]?{_SERIAL}{{5}}",  # armed police: WJ京1234X
        )
    )
)

_PLATE_SEPARATORS = frozenset({"\u00b7", "\u2022", "\u2027", "\u2219", "\u30fb", ".", "-"})


def validate_plate(value: str, *, field: str = "plate") -> str:
    """Validate and normalise a Chinese plate number.

    Accepts ordinary plates, new-energy plates (small and large), plates ending in
    学/警/挂/港/澳/领/试/超, embassy plates (使) and armed-police (WJ) plates, typed in
    either case, full- or half-width, with or without ``·``, ``.``, ``-`` or spaces.

    Args:
        value: the plate as typed, e.g. ``"京a·12345"``.
        field: the input's key for the error.

    Returns:
        The plate in its stored form, e.g. ``"京A12345"`` or ``"粤BD12345"``.

    Raises:
        ValidationError: ``plate.empty`` or ``plate.format``.
    """
    plate = text.strip_separators(text.fold_width(value), _PLATE_SEPARATORS).upper()
    if not plate:
        raise ValidationError(field, "plate.empty", "The plate number is empty.")
    if _PLATE_PATTERN.fullmatch(plate) is None:
        raise ValidationError(
            field,
            "plate.format",
            f"'{plate}' is not a Chinese plate number (for example 京A12345, or "
            f"粤BD12345 for a new-energy vehicle).",
            value=plate,
            example="京A12345",
        )
    return plate


# ---------------------------------------------------------------------------------------
# Phone numbers
# ---------------------------------------------------------------------------------------


PHONE_MAX_LENGTH = 30
"""The longest phone number a field takes as typed (E.164 has at most 15 digits; the
rest is room for spaces, dashes and a +86 prefix)."""


def validate_phone(value: str, *, default_region: str = "CN", field: str = "phone") -> str:
    """Validate a phone number and return it in E.164 form.

    Chinese mobiles and landlines (with area code) are read without a country code;
    ``+86``/``0086`` prefixes and foreign numbers with ``+`` are understood too.

    Args:
        value: the number as typed, e.g. ``"010-62345678"`` or ``"+44 20 7946 0958"``.
        default_region: the region assumed when no country code is given.
        field: the input's key for the error.

    Returns:
        The E.164 form, e.g. ``"+8613812345678"``.

    Raises:
        ValidationError: ``phone.empty`` or ``phone.invalid``.
    """
    raw = text.normalize(value)
    if not raw:
        raise ValidationError(field, "phone.empty", "The phone number is empty.")
    # phonenumbers reads letters as a keypad spelling (1-800-FLOWERS) and silently
    # drops extensions ("ext 12", E.164 has no room for them); neither belongs on a
    # customer record here, so letters (also 转 for an extension) are refused.
    letters = [ch for ch in raw if ch.isalpha()]
    if letters:
        raise ValidationError(
            field,
            "phone.invalid",
            f"'{raw}' is not a phone number: it contains '{letters[0]}' (type digits "
            f"only; put an extension in the remark).",
            value=raw,
        )
    e164 = _e164(raw, default_region)
    if e164 is None:
        raise ValidationError(
            field,
            "phone.invalid",
            f"'{raw}' is not a valid phone number (for example 13812345678, "
            f"010-62345678 or +44 20 7946 0958).",
            value=raw,
        )
    return e164


@functools.lru_cache(maxsize=65_536)
def _e164(raw: str, region: str) -> str | None:
    """The E.164 form of a valid number, else None. Cached: an import checks each row's
    phone several times (find the customer, prepare it, write it), and parsing is the
    slow part (issue 10)."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_national_digits(e164: str) -> str:
    """Return the national significant number of a stored E.164 number.

    Args:
        e164: a number as returned by :func:`validate_phone`, e.g. ``"+861062345678"``.

    Returns:
        The digits without country code or trunk prefix, e.g. ``"1062345678"``.

    Raises:
        ValueError: ``e164`` cannot be parsed.
    """
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"not an E.164 phone number: {e164!r}") from exc
    return phonenumbers.national_significant_number(number)


def phone_tail(e164: str, n: int = 4) -> str:
    """Return the last ``n`` digits of a stored number (the desk asks for "last four").

    Args:
        e164: a number as returned by :func:`validate_phone`.
        n: how many digits, at least 1.

    Returns:
        The tail digits, e.g. ``"5678"``.

    Raises:
        ValueError: ``n`` is not positive or ``e164`` cannot be parsed.
    """
    if n < 1:
        raise ValueError(f"tail length must be positive, got {n}")
    return phone_national_digits(e164)[-n:]


_MASK_KEEP_HEAD_FROM = 11  # numbers this long keep their first 3 digits (138****5678)
_MASK_HEAD = 3
_MASK_TAIL = 4
_CHINA_COUNTRY_CODE = 86


def display_phone(number: str) -> str:
    """A stored phone as people read it: mainland numbers in national form without +86
    (``138 1234 5678``, ``010 6234 5678``), others in international form; masked or
    unparsable text is returned as it is."""
    if not number or "*" in number:
        return number
    try:
        parsed = phonenumbers.parse(number, "CN")
    except phonenumbers.NumberParseException:
        return number
    if parsed.country_code == 86:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def mask_phone(e164_or_digits: str) -> str:
    """Mask a phone number for lists and printouts.

    Numbers of 11 digits or more keep their first 3 and last 4 digits (``138****5678``);
    shorter ones keep only the last 4. A mainland landline keeps its trunk 0 and area
    code (``0755****6789``, ``010****5678``). A foreign E.164 number is shown with its
    country code (``+44 ******0958``).

    Args:
        e164_or_digits: an E.164 number or a string of digits.

    Returns:
        The masked number; an empty string for empty input.
    """
    prefix = ""
    digits = "".join(ch for ch in text.fold_width(e164_or_digits) if ch.isdigit())
    if e164_or_digits.strip().startswith("+"):
        try:
            number = phonenumbers.parse(e164_or_digits, None)
        except phonenumbers.NumberParseException:
            number = None
        if number is not None:
            digits = phonenumbers.national_significant_number(number)
            if number.country_code != _CHINA_COUNTRY_CODE:
                prefix = f"+{number.country_code} "
            elif not (len(digits) == _MASK_KEEP_HEAD_FROM and digits.startswith("1")):
                # A mainland landline is read with its trunk 0 and area code
                # (0755****6789); without the 0 it looks like a mobile (issue 15).
                area = phonenumbers.length_of_geographical_area_code(number) or 2
                masked = "0" + digits[:area] + "*" * (len(digits) - area - _MASK_TAIL) + \
                    digits[-_MASK_TAIL:]
                return masked
    head, tail = _MASK_HEAD, _MASK_TAIL
    if len(digits) >= _MASK_KEEP_HEAD_FROM:
        masked = digits[:head] + "*" * (len(digits) - head - tail) + digits[-tail:]
    elif len(digits) > tail:
        masked = "*" * (len(digits) - tail) + digits[-tail:]
    else:
        masked = "*" * len(digits)
    return prefix + masked if masked else ""


# ---------------------------------------------------------------------------------------
# Root cause and long-term measure: the ban on empty words (seed 003)
# ---------------------------------------------------------------------------------------

#: Seed 003: "严禁用一些形容词来替具体的措施,如加强检查,加强培训等空洞的词语".
#: The administrator can extend this list; it is passed to :func:`validate_measure`.
DEFAULT_BANNED_PHRASES: tuple[str, ...] = (
    "加强检查",
    "加强培训",
    "加强管理",
    "加强学习",
    "加强沟通",
    "加强监督",
    "加强责任心",
    "加强服务意识",
    "加大考核力度",
    "提高意识",
    "提高认识",
    "提高服务意识",
    "提高责任心",
    "提高服务质量",
    "引起重视",
    "高度重视",
    "注意",
    "以后注意",
    "下次注意",
    "杜绝",
    "避免再次发生",
    "防止再次发生",
    "确保不再发生",
    "举一反三",
    "吸取教训",
    "下不为例",
    "严格要求",
    "认真对待",
    "进一步完善",
    "strengthen training",
    "strengthen inspection",
    "strengthen management",
    "pay attention",
    "be more careful",
    "improve awareness",
    "raise awareness",
    "take it seriously",
    # issue 11: boilerplate that names nothing checkable
    "批评教育",
    "引以为戒",
    "提高质量",
    "完善制度",
    "落实责任",
    "安排专人",
    "责任心不强",
    "意识不强",
    "沟通不到位",
)

#: Words that carry no content on their own; removed before counting what is left.
#: Longer entries first is not required: they are sorted by length when used.
FILLER_WORDS: tuple[str, ...] = (
    "的",
    "了",
    "要",
    "将",
    "并",
    "和",
    "与",
    "及",
    "对",
    "把",
    "再",
    "等",
    "进行",
    "今后",
    "以后",
    "下次",
    "进一步",
    "员工",
    "人员",
    "全体",
    "大家",
    "我们",
    "我店",
    "本店",
    "我司",
    "公司",
    "一定",
    "必须",
    "务必",
    "认真",
    "切实",
    "努力",
    "积极",
    "不断",
    "更加",
    "坚决",
    "彻底",
    "全面",
    "深入",
    "相关",
    "有关",
    "工作",
    "方面",
    "问题",
    "情况",
    "类似",
    "此类",
    "同类",
    "再次",
    "发生",
    "出现",
    "做好",
    "更好",
    "尽量",
    "尽力",
    "一些",
    # English, matched as whole words
    "the",
    "a",
    "an",
    "and",
    "or",
    "to",
    "of",
    "in",
    "on",
    "for",
    "with",
    "we",
    "our",
    "us",
    "all",
    "staff",
    "employees",
    "will",
    "shall",
    "should",
    "must",
    "be",
    "is",
    "are",
    "more",
    "further",
    "future",
    "again",
    "next",
    "time",
    "from",
    "now",
    "always",
    "do",
    "make",
    "sure",
    "try",
    "better",
    "best",
    "good",
    "well",
    "hard",
    "harder",
    "careful",
    "carefully",
    "seriously",
)

_CONCRETE_HINTS: dict[str, str] = {
    "root_cause": "say what actually went wrong, where and why",
}
_DEFAULT_CONCRETE_HINT = "say what changes, who owns it and by when"
_WHAT: dict[str, str] = {"root_cause": "root cause"}
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_MEASURE_MAX_LENGTH = 5000


def _fold_for_matching(s: str) -> str:
    """Fold width, lower-case and collapse whitespace, so phrases match however typed."""
    return text.normalize(s).lower()


def validate_measure(
    text_value: str,
    *,
    banned_phrases: Iterable[str] = DEFAULT_BANNED_PHRASES,
    field: str = "long_term_measure",
    min_concrete_chars: int = 8,
    max_length: int = _MEASURE_MAX_LENGTH,
) -> str:
    """Refuse a measure (or root cause) made only of empty words.

    The banned phrases, filler words, punctuation and whitespace are removed; if fewer
    than ``min_concrete_chars`` letters, digits or Chinese characters remain, the text
    says nothing concrete. A text that contains a banned phrase *and* concrete content
    passes.

    Args:
        text_value: the measure as typed.
        banned_phrases: the phrases that are not measures (the administrator's list).
        field: ``"long_term_measure"`` or ``"root_cause"``.
        min_concrete_chars: how many meaningful characters must remain.
        max_length: the longest text accepted.

    Returns:
        The text with line endings normalised and surrounding whitespace stripped.

    Raises:
        ValidationError: ``measure.empty``, ``measure.empty_words`` (naming the phrases
            found), ``measure.too_vague``, ``text.control`` or ``text.too_long``.
    """
    cleaned = _clean_text(text_value, field=field, max_length=max_length)
    what = _WHAT.get(field, "measure")
    hint = _CONCRETE_HINTS.get(field, _DEFAULT_CONCRETE_HINT)
    if not cleaned:
        raise ValidationError(field, "measure.empty", f"The {what} is empty: {hint}.")

    folded = _fold_for_matching(cleaned)
    hits = empty_words.find_phrases(
        folded, {p for p in (_fold_for_matching(b) for b in banned_phrases) if p})
    left = empty_words.blank_out(folded, hits)
    concrete = sum(1 for ch in _remove_fillers(left) if ch.isalnum())
    enough = concrete >= min_concrete_chars
    found = empty_words.signals(left)
    # A root cause says what went wrong; only a measure must name who, when or what changes.
    if enough and (field == "root_cause" or found):
        return cleaned

    missing = (("cause",) if field == "root_cause"
               else empty_words.missing_parts(found, enough_content=enough))
    named = list(dict.fromkeys(h.phrase for h in hits))
    if named:
        quoted = ", ".join(f"'{p}'" for p in named)
        verb = "is" if len(named) == 1 else "are"
        raise ValidationError(
            field,
            "measure.empty_words",
            f"{quoted} {verb} not a concrete {what}: {hint}.",
            phrases=tuple(named),
            missing=missing,
            min_chars=min_concrete_chars,
        )
    shown = text.excerpt(cleaned)
    if enough:
        raise ValidationError(
            field,
            "measure.no_signal",
            f"'{shown}' names nothing checkable: {hint}.",
            value=shown,
            missing=missing,
        )
    raise ValidationError(
        field,
        "measure.too_vague",
        f"'{shown}' is too vague to be a {what}: {hint}.",
        value=shown,
        missing=missing,
        min_chars=min_concrete_chars,
    )


_FILLERS_BY_LENGTH = sorted((w for w in FILLER_WORDS if not w.isascii()), key=len, reverse=True)
_ENGLISH_FILLERS = frozenset(w for w in FILLER_WORDS if w.isascii())


def _remove_fillers(folded: str) -> str:
    """Drop filler words: Chinese ones anywhere, English ones only as whole words."""
    for word in _FILLERS_BY_LENGTH:
        folded = folded.replace(word, " ")
    return _LATIN_WORD.sub(lambda m: " " if m.group(0) in _ENGLISH_FILLERS else m.group(0), folded)


# ---------------------------------------------------------------------------------------
# Free text, names, e-mail
# ---------------------------------------------------------------------------------------


def _clean_text(value: str, *, field: str, max_length: int) -> str:
    """Normalise line endings, strip, refuse control characters and over-long text."""
    cleaned = text.normalize_newlines(value).strip()
    for position, ch in enumerate(cleaned, start=1):
        if text.is_control(ch):
            raise ValidationError(
                field,
                "text.control",
                f"The text contains the control character U+{ord(ch):04X} at position "
                f"{position}; remove it (it often comes with pasted text).",
                codepoint=f"U+{ord(ch):04X}",
                position=position,
            )
    if len(cleaned) > max_length:
        raise ValidationError(
            field,
            "text.too_long",
            f"The text has {len(cleaned)} characters; at most {max_length} are allowed.",
            length=len(cleaned),
            max_length=max_length,
        )
    return cleaned


def validate_text(
    value: str | None, *, field: str, required: bool = False, max_length: int = 2000
) -> str:
    """Validate free text such as the customer's complaint in their own words.

    The wording is kept as typed (no width folding: Chinese punctuation stays
    full-width); only line endings are normalised and surrounding whitespace stripped.

    Args:
        value: the text, or None for an untouched optional field.
        field: the input's key for the error.
        required: refuse empty text.
        max_length: the most characters allowed.

    Returns:
        The cleaned text (``""`` when empty and not required).

    Raises:
        ValidationError: ``text.required``, ``text.control`` or ``text.too_long``.
    """
    cleaned = _clean_text(value or "", field=field, max_length=max_length)
    if required and not cleaned:
        raise ValidationError(field, "text.required", "This field is required.")
    return cleaned


_NAME_MAX_LENGTH = 60


def validate_person_name(value: str, *, field: str = "name") -> str:
    """Validate a person's (or company contact's) name.

    Any text with at least one letter (Chinese, Latin or another script) is a name;
    quotes or SQL keywords are just characters, as storage binds parameters.

    Args:
        value: the name as typed.
        field: the input's key for the error.

    Returns:
        The name with width folded and whitespace collapsed.

    Raises:
        ValidationError: ``name.required``, ``name.too_long`` or ``name.invalid``.
    """
    name = text.normalize(value)
    if not name:
        raise ValidationError(field, "name.required", "The name is required.")
    if len(name) > _NAME_MAX_LENGTH:
        raise ValidationError(
            field,
            "name.too_long",
            f"The name has {len(name)} characters; at most {_NAME_MAX_LENGTH} are allowed.",
            length=len(name),
            max_length=_NAME_MAX_LENGTH,
        )
    if any(text.is_control(ch) for ch in name) or not any(ch.isalpha() for ch in name):
        raise ValidationError(
            field,
            "name.invalid",
            f"'{name}' is not a name: it must contain letters or Chinese characters.",
            value=name,
        )
    return name


_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
# RFC 5321 limits: whole address, local part, one label of the domain.
_EMAIL_MAX_LENGTH = 254
_EMAIL_LOCAL_MAX_LENGTH = 64
_DOMAIN_LABEL_MAX_LENGTH = 63


def validate_email(value: str, *, field: str = "email") -> str:
    """Validate an e-mail address (a plain syntax check, no DNS).

    Args:
        value: the address as typed; full-width ``＠`` is accepted.
        field: the input's key for the error.

    Returns:
        The address with its domain lower-cased, e.g. ``"Wang.Lei@example.com"``.

    Raises:
        ValidationError: ``email.empty`` or ``email.invalid``.
    """
    address = text.normalize(value)
    if not address:
        raise ValidationError(field, "email.empty", "The e-mail address is empty.")
    local, at, domain = address.rpartition("@")
    domain = domain.lower()
    labels = domain.split(".")
    valid = (
        bool(at)
        and len(address) <= _EMAIL_MAX_LENGTH
        and len(local) <= _EMAIL_LOCAL_MAX_LENGTH
        and _EMAIL_LOCAL.fullmatch(local) is not None
        and len(labels) > 1
        and all(_valid_domain_label(label) for label in labels)
        and not labels[-1].isdigit()
    )
    if not valid:
        raise ValidationError(
            field,
            "email.invalid",
            f"'{address}' is not an e-mail address (for example wang.lei@example.com).",
            value=address,
        )
    return f"{local}@{domain}"


def _valid_domain_label(label: str) -> bool:
    """Tell whether one dot-separated part of a domain is well formed (IDN allowed)."""
    return (
        0 < len(label) <= _DOMAIN_LABEL_MAX_LENGTH
        and all(ch.isalnum() or ch == "-" for ch in label)
        and not label.startswith("-")
        and not label.endswith("-")
    )


# ---------------------------------------------------------------------------------------
# Scores, dates, codes (parsers of numbers, money and dates: helpdesk.domain.parsing)
# ---------------------------------------------------------------------------------------

_SATISFACTION_MIN, _SATISFACTION_MAX = 1, 5


def validate_satisfaction(value: int | str, *, field: str = "satisfaction") -> int:
    """Validate a satisfaction score from a return visit (1 = very dissatisfied, 5 = very).

    Args:
        value: the score, as a number or as typed.
        field: the input's key for the error.

    Returns:
        The score, 1–5.

    Raises:
        ValidationError: ``satisfaction.invalid`` or ``satisfaction.range``.
    """
    score: int | None = None
    if isinstance(value, bool):
        score = None
    elif isinstance(value, int):
        score = value
    else:
        raw = text.normalize(value)
        if raw.isascii() and raw.isdigit():
            score = int(raw)
    if score is None:
        raise ValidationError(
            field,
            "satisfaction.invalid",
            f"'{value!s}' is not a satisfaction score; enter a whole number from 1 to 5.",
            value=str(value),
        )
    if not _SATISFACTION_MIN <= score <= _SATISFACTION_MAX:
        raise ValidationError(
            field,
            "satisfaction.range",
            f"The satisfaction score {score} is out of range; enter 1 to 5.",
            value=score,
        )
    return score


def validate_not_future(
    value: datetime,
    *,
    now: datetime,
    field: str,
    tolerance: timedelta = timedelta(minutes=5),
) -> datetime:
    """Refuse a date and time later than now (e.g. "received at", "completed at").

    A few minutes' tolerance absorbs clocks of different desks that disagree.

    Args:
        value: the naive local date and time entered.
        now: the current naive local time (passed in, so tests control the clock).
        field: the input's key for the error.
        tolerance: how far ahead of ``now`` is still accepted.

    Returns:
        ``value`` unchanged.

    Raises:
        ValidationError: ``date.future``.
        TypeError: an aware datetime was passed; the project uses naive local time.
    """
    if value.tzinfo is not None or now.tzinfo is not None:
        raise TypeError("validate_not_future expects naive local datetimes")
    if value > now + tolerance:
        raise ValidationError(
            field,
            "date.future",
            f"{value:%Y-%m-%d %H:%M} is in the future (it is now {now:%Y-%m-%d %H:%M}).",
            value=value,
            now=now,
        )
    return value


_ORDER_NUMBER = re.compile(r"[A-Z0-9_/-]{1,40}")
_ORDER_SEPARATORS: frozenset[str] = frozenset()  # '-' and '/' are part of the number


def validate_order_number(value: str, *, field: str = "order_number") -> str:
    """Validate a store order number (订单号).

    Args:
        value: the number as typed; spaces are dropped, letters upper-cased.
        field: the input's key for the error.

    Returns:
        The order number, e.g. ``"SO-2026/000123"``.

    Raises:
        ValidationError: ``order_number.empty`` or ``order_number.invalid``.
    """
    number = text.strip_separators(text.fold_width(value), _ORDER_SEPARATORS).upper()
    if not number:
        raise ValidationError(field, "order_number.empty", "The order number is empty.")
    if _ORDER_NUMBER.fullmatch(number) is None:
        raise ValidationError(
            field,
            "order_number.invalid",
            f"'{number}' is not an order number: use up to 40 letters, digits, '-', '_' or '/'.",
            value=number,
        )
    return number
