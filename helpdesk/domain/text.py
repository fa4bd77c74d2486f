"""Text normalisation shared by validation and search.

Front-desk input arrives typed every possible way: with a Chinese input method left in
full-width mode (``京Ａ１２３４５``), with a middle dot copied from a form (``京A·12345``),
with stray spaces pasted from a spreadsheet. These helpers fold such variants to one form
so that validators store one spelling and searches find it.
"""

from __future__ import annotations

import re
import unicodedata

#: Characters people put between the parts of a plate, VIN, phone number or order
#: number. Full-width variants need not be listed: NFKC folds them onto these first.
SEPARATORS: frozenset[str] = frozenset(
    {
        "\u00b7",  # · MIDDLE DOT, the dot printed on plates (京A·12345)
        "\u2022",  # • BULLET
        "\u2027",  # ‧ HYPHENATION POINT (Traditional Chinese IMEs)
        "\u2219",  # ∙ BULLET OPERATOR
        "\u30fb",  # ・ KATAKANA MIDDLE DOT (Japanese/Chinese IMEs)
        ".",
        "-",
        "\u2010",  # ‐ HYPHEN
        "\u2011",  # ‑ NON-BREAKING HYPHEN
        "\u2012",  # ‒ FIGURE DASH
        "\u2013",  # – EN DASH
        "\u2014",  # — EM DASH
        "\u2212",  # − MINUS SIGN
    }
)

_NEWLINES = re.compile(r"\r\n|\r|\u0085|\u2028|\u2029")

# CJK Unified Ideographs (basic block, extension A, compatibility, extensions B-H) and
# 〇, which people write in dates and names but Unicode files under "symbols".
_CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x3007, 0x3007),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x323AF),
)


EXCERPT_LENGTH = 20
"""How many characters of a user's input a message quotes."""


def excerpt(s: str, length: int = EXCERPT_LENGTH) -> str:
    """``s`` cut to ``length`` characters plus "…", so that a message quoting a
    5,000-character paste stays one line."""
    return s if len(s) <= length else s[:length] + "\u2026"


def fold_width(s: str) -> str:
    """Apply NFKC, turning full-width letters, digits and punctuation into half-width.

    Args:
        s: any text.

    Returns:
        The NFKC form of ``s`` (ideographic space becomes an ASCII space, ``１`` → ``1``).
    """
    return unicodedata.normalize("NFKC", s)


def normalize(s: str) -> str:
    """Fold width, strip, and collapse every internal whitespace run to one space.

    Use it for one-line values (names, numbers, codes). Newlines count as whitespace,
    so multi-line text should go through :func:`normalize_newlines` instead.

    Args:
        s: any text.

    Returns:
        The normalised text; ``normalize(normalize(s)) == normalize(s)``.
    """
    return " ".join(fold_width(s).split())


def strip_separators(s: str, separators: frozenset[str] = SEPARATORS) -> str:
    """Remove whitespace and separator characters from ``s``.

    The caller is expected to have folded width first (``fold_width``/``normalize``), so
    that a full-width hyphen or space has already become its ASCII counterpart.

    Args:
        s: text such as ``"京A·12345"`` or ``"LSV AU218-XN2183294"``.
        separators: the characters to drop besides whitespace.

    Returns:
        ``s`` without whitespace or separators, e.g. ``"京A12345"``.
    """
    return "".join(ch for ch in s if not ch.isspace() and ch not in separators)


def normalize_newlines(s: str) -> str:
    """Turn CRLF, CR and Unicode line/paragraph separators into ``\\n``.

    Args:
        s: multi-line text, perhaps pasted from Windows or a web page.

    Returns:
        The same text with ``\\n`` as the only line break.
    """
    return _NEWLINES.sub("\n", s)


def is_cjk(ch: str) -> bool:
    """Tell whether ``ch`` is a CJK ideograph (a Chinese character).

    Args:
        ch: a single character.

    Returns:
        True for Han characters (including extension blocks and 〇).
    """
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


def is_control(ch: str) -> bool:
    """Tell whether ``ch`` is a control character other than newline and tab.

    Lone surrogates count as control characters too: they cannot be encoded in UTF-8,
    so a database driver would fail on them long after the form accepted the value.

    Args:
        ch: a single character.

    Returns:
        True if the character must not be stored.
    """
    if ch in "\n\t":
        return False
    return unicodedata.category(ch) in ("Cc", "Cs")


# Text files people hand us: UTF-8 (with or without the BOM Windows programs write),
# else GB18030 — a superset of GBK, what Chinese Windows calls "ANSI".
INPUT_ENCODINGS = ("utf-8-sig", "gb18030")


def decode_text(data: bytes) -> str | None:
    """Decode the bytes of a text file given to the program.

    Args:
        data: the file's content.

    Returns:
        The text, or None when it is neither UTF-8 nor GB18030.
    """
    for encoding in INPUT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


FIRST_LINE_LENGTH = 60


def first_line(text: str, length: int = FIRST_LINE_LENGTH) -> str:
    """The first non-empty line of ``text``, cut to ``length`` characters with "…"
    (issue 9: the list's tooltip, the repeat-complaint panel)."""
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if line:
            return excerpt(line, length)
    return ""
