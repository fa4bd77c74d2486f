"""Keys stored in the search index so the customer browser finds people however typed.

A clerk types ``zs`` or ``zhangsan`` to find 张三, the last six characters of a VIN, or
a plate with or without its dot. The storage layer saves the keys computed here next to
each customer and searches them by prefix.

Surnames: pypinyin (0.55) has no surname mode (mozillazg/python-pinyin issues #120 and
#297 are open), and reads many surnames by their common reading (单 → dan, 曾 → ceng).
For a person the first character (or the first two, for a compound surname) is
therefore read from :data:`SURNAME_READINGS` / :data:`COMPOUND_SURNAMES` when listed
there, and the rest of the name by pypinyin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from helpdesk.domain import text

#: Compound surnames (复姓) and their readings, one syllable per character.
#: Simplified and Traditional spellings are both listed.
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "欧阳": ("ou", "yang"),
    "歐陽": ("ou", "yang"),
    "司马": ("si", "ma"),
    "司馬": ("si", "ma"),
    "上官": ("shang", "guan"),
    "诸葛": ("zhu", "ge"),
    "諸葛": ("zhu", "ge"),
    "尉迟": ("yu", "chi"),
    "尉遲": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "萬俟": ("mo", "qi"),
    "皇甫": ("huang", "fu"),
    "东方": ("dong", "fang"),
    "東方": ("dong", "fang"),
    "令狐": ("ling", "hu"),
    "慕容": ("mu", "rong"),
    "长孙": ("zhang", "sun"),
    "長孫": ("zhang", "sun"),
    "宇文": ("yu", "wen"),
    "司徒": ("si", "tu"),
    "夏侯": ("xia", "hou"),
    "公孙": ("gong", "sun"),
    "公孫": ("gong", "sun"),
    "轩辕": ("xuan", "yuan"),
    "軒轅": ("xuan", "yuan"),
    "澹台": ("tan", "tai"),
    "澹臺": ("tan", "tai"),
    "单于": ("chan", "yu"),
    "單于": ("chan", "yu"),
    "司空": ("si", "kong"),
    "呼延": ("hu", "yan"),
    "闻人": ("wen", "ren"),
    "聞人": ("wen", "ren"),
    "南宫": ("nan", "gong"),
    "南宮": ("nan", "gong"),
    "钟离": ("zhong", "li"),
    "鍾離": ("zhong", "li"),
    "濮阳": ("pu", "yang"),
    "濮陽": ("pu", "yang"),
    "申屠": ("shen", "tu"),
    "赫连": ("he", "lian"),
    "赫連": ("he", "lian"),
    "拓跋": ("tuo", "ba"),
    "端木": ("duan", "mu"),
    "独孤": ("du", "gu"),
    "獨孤": ("du", "gu"),
    "西门": ("xi", "men"),
    "西門": ("xi", "men"),
    "亓官": ("qi", "guan"),
    "仉督": ("zhang", "du"),
    "乐正": ("yue", "zheng"),
    "樂正": ("yue", "zheng"),
    "公羊": ("gong", "yang"),
    "闾丘": ("lv", "qiu"),
    "閭丘": ("lv", "qiu"),
    "宗政": ("zong", "zheng"),
    "左丘": ("zuo", "qiu"),
    "谷梁": ("gu", "liang"),
    "穀梁": ("gu", "liang"),
}

#: Surnames whose reading differs from the character's common one. A tuple lists more
#: than one reading only where usage really is divided (黑: hēi in the dictionaries, hè
#: in some families), so that either spelling finds the person.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",),
    "單": ("shan",),
    "曾": ("zeng",),
    "解": ("xie",),
    "仇": ("qiu",),
    "区": ("ou",),
    "區": ("ou",),
    "朴": ("piao",),
    "樸": ("piao",),
    "查": ("zha",),
    "盖": ("ge",),
    "蓋": ("ge",),
    "乐": ("yue",),
    "樂": ("yue",),
    "缪": ("miao",),
    "繆": ("miao",),
    "覃": ("qin",),
    "翟": ("zhai",),
    "召": ("shao",),
    "繁": ("po",),
    "种": ("chong",),
    "種": ("chong",),
    "重": ("chong",),
    "秘": ("bi",),
    "员": ("yun",),
    "員": ("yun",),
    "贠": ("yun",),
    "貟": ("yun",),
    "黑": ("hei", "he"),
    "纪": ("ji",),
    "紀": ("ji",),
    "华": ("hua",),
    "華": ("hua",),
    "任": ("ren",),
    "朝": ("chao",),
    "折": ("she",),
    "佴": ("nai",),
    "粘": ("nian",),
    "藏": ("zang",),
    "都": ("du",),
    "薄": ("bo",),
    "乜": ("nie",),
    "阚": ("kan",),
    "卜": ("bu",),
    "句": ("gou",),
    "能": ("nai",),
    "隗": ("wei",),
    "洗": ("xian",),
    "蕃": ("pi",),
    "长": ("chang",),
    "長": ("chang",),
    "角": ("jue",),
    "颉": ("xie",),
    "祭": ("zhai",),
    "炅": ("gui",),
}

_HAN_RUN = re.compile("([\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]+)")
_LATIN_WORD = re.compile(r"[a-z0-9]+")

# A name is a list of slots; each slot is one syllable or Latin word and says whether
# it is pinyin (only pinyin may have its "v" spelled "u").
_Slot = tuple[str, bool]


def name_pinyin_keys(name: str, *, is_person: bool = True) -> list[str]:
    """Compute the pinyin search keys of a customer's or company's name.

    Args:
        name: the name as stored, e.g. ``"张三"``, ``"重庆长安汽车"`` or ``"John Smith"``.
        is_person: read the first character(s) as a surname; companies are read by
            pypinyin's phrase dictionary instead.

    Returns:
        Distinct lower-case keys: the full reading without tones or separators and its
        initials (``["zhangsan", "zs"]``); for ü also the ``u`` spelling (吕布 gives
        ``lvbu`` and ``lubu``). Empty when the name has no letters, digits or Han.
    """
    folded = text.fold_width(name).lower()
    keys: list[str] = []
    for slots in _readings(folded, is_person=is_person):
        if not slots:
            continue
        full = "".join(s for s, _ in slots)
        initials = "".join(s[0] for s, _ in slots)
        full_u = "".join(s.replace("v", "u") if is_pinyin else s for s, is_pinyin in slots)
        keys.extend((full, initials, full_u))
    return list(dict.fromkeys(keys))


def name_part_keys(name: str) -> list[str]:
    """Keys that find a name by any later part of it (金满楼 in 深圳市金满楼).

    Every suffix starting at a Han character after the first, and every Latin word
    after the first (``smith`` in "John Smith"): a prefix search over these keys is an
    infix search of the name, served by the same index as every other key.

    Args:
        name: the name as stored.

    Returns:
        Distinct keys in the stored form (see :func:`normalize_search_query`), without
        the whole name (that is the name key).
    """
    folded = text.fold_width(name).lower()
    starts: list[int] = []
    previous = ""
    for i, ch in enumerate(folded):
        if i and ch.isalnum() and (text.is_cjk(ch) or not previous.isalnum()
                                   or text.is_cjk(previous)):
            starts.append(i)
        previous = ch
    whole = normalize_search_query(folded)
    parts = (normalize_search_query(folded[i:]) for i in starts)
    return distinct(p for p in parts if p != whole)


def _readings(folded: str, *, is_person: bool) -> list[list[_Slot]]:
    """Split a name into slots; one list per reading of the surname."""
    surname_readings: tuple[tuple[str, ...], ...] = ((),)
    rest = folded.lstrip()
    if is_person:
        compound = COMPOUND_SURNAMES.get(rest[:2])
        if compound is not None:
            surname_readings, rest = (compound,), rest[2:]
        elif rest[:1] in SURNAME_READINGS:
            # The surname reading first; then the character's common reading, which a
            # clerk reading the name off an ID card types (曾 as "ceng"; issue 15).
            common = tuple(_pinyin(rest[:1]))
            readings: list[tuple[str, ...]] = [(r,) for r in SURNAME_READINGS[rest[:1]]]
            if common and common not in readings:
                readings.append(common)
            surname_readings = tuple(readings)
            rest = rest[1:]
    tail = _slots(rest)
    return [[(s, True) for s in reading] + tail for reading in surname_readings]


def _pinyin(han: str, errors: str = "ignore") -> list[str]:
    """pypinyin's reading of ``han`` (syllables without tones; ``errors="default"``
    keeps what is not Han as written). pypinyin is imported
    here, when a name is first keyed: its phrase dictionary takes a quarter of a second
    to load, which the program's start and ``helpdesk --help`` need not pay."""
    from pypinyin import Style, lazy_pinyin

    return list(lazy_pinyin(han, style=Style.NORMAL, errors=errors))


def _slots(folded: str) -> list[_Slot]:
    """Read Han runs with pypinyin and keep Latin letters and digits as words."""
    slots: list[_Slot] = []
    for i, part in enumerate(_HAN_RUN.split(folded)):
        if i % 2:  # re.split puts the captured Han runs at odd indexes
            syllables = _pinyin(part)
            slots.extend((s, True) for s in syllables if s)
        else:
            slots.extend((w, False) for w in _LATIN_WORD.findall(part))
    return slots


_QUERY_SEPARATORS = frozenset({"\u00b7", "\u2022", "\u2027", "\u2219", "\u30fb", "-", "."})
_ASCII_DROP = {code: None for code in range(128)
               if chr(code).isspace() or chr(code) in _QUERY_SEPARATORS}


def normalize_search_query(q: str) -> str:
    """Fold a search box entry to the form the keys are stored in.

    Args:
        q: what the clerk typed: a plate like ``"京a·12345"``, a phone like
            ``"138 1234 5678"``, a VIN fragment in full-width letters.

    Returns:
        NFKC, lower-case, without spaces, ``·``, ``-`` or ``.``.
    """
    if q.isascii():
        # Fast path (indexing a large customer base calls this millions of times): NFKC
        # leaves ASCII as it is, so only case and separators change — same result.
        return q.lower().translate(_ASCII_DROP)
    stripped = text.strip_separators(text.fold_width(q).lower(), _QUERY_SEPARATORS)
    # NFKC spells some marks as a space plus a combining mark ("¨" → " \u0308");
    # dropping the space leaves the mark next to a letter, which must compose again.
    return text.fold_width(stripped)


def reverse_key(s: str) -> str:
    """Reverse a key so that a suffix search becomes a prefix search.

    The index stores the reversed VIN and phone digits: "last six of the VIN" is then a
    ``LIKE 'x%'`` that uses the index instead of a full scan.

    Args:
        s: any string.

    Returns:
        ``s`` reversed; ``reverse_key(reverse_key(s)) == s``.
    """
    return s[::-1]


def distinct(keys: Iterable[str]) -> list[str]:
    """Drop empty and repeated keys, keeping the first occurrence's order.

    Args:
        keys: keys from several sources (name, contacts, plates).

    Returns:
        The distinct non-empty keys.
    """
    return list(dict.fromkeys(k for k in keys if k))


def _pinyin_words(name: str) -> list[tuple[str, bool]]:
    """The name's words in lower-case pinyin, each with whether it was written in Latin
    letters or digits already (kept whole)."""
    words: list[tuple[str, bool]] = []
    for chunk in re.findall(r"[^\W_]+", text.normalize(name)):
        if not any(text.is_cjk(ch) for ch in chunk):
            if chunk.isascii():
                words.append((chunk.lower(), True))
            continue
        for part in re.findall(r"[^\W_]+", " ".join(_pinyin(chunk, "default"))):
            if part.isascii():
                # pypinyin passes non-Han runs through as written ("4S" in 天顺4S店).
                words.append((part.lower(), part in chunk))
    return words


def code_from_name(name: str, *, initials: bool, max_length: int,
                   taken: Iterable[str] = ()) -> str:
    """A code derived from a (Chinese) name, unique among ``taken``.

    ``initials``: the pinyin initials, upper-case (天顺汽车 → ``TSQC``, a store code);
    otherwise the full pinyin joined by ``_`` (保养质量 → ``bao_yang_zhi_liang``, a
    category code). It starts with a letter and has at most ``max_length`` characters;
    a repeat gets a number (``TSQC2``). Empty when the name has no letters at all.
    """
    words = _pinyin_words(name)
    if initials:
        base = "".join(w if latin else w[0] for w, latin in words).upper()
    else:
        base = "_".join(w for w, _latin in words)
    if not base:
        return ""
    if not base[0].isalpha():
        base = ("S" if initials else "c_") + base
    base = base[:max_length].rstrip("_")
    used = {t.lower() for t in taken}
    code, n = base, 1
    while code.lower() in used:
        n += 1
        suffix = str(n) if initials else f"_{n}"
        code = base[:max_length - len(suffix)].rstrip("_") + suffix
    return code


def name_readings(name: str) -> list[str]:
    """The full toneless readings of a person's name (the surname's readings first),
    without the initials: 章丽华 and 张丽华 both read ``zhanglihua`` (issue 15: similar
    names)."""
    folded = text.fold_width(name).lower()
    return distinct("".join(s for s, _ in slots)
                    for slots in _readings(folded, is_person=True) if slots)
