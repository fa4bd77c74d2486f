"""When two person names are "similar" (姓名相近) — issue 15, the one rule the duplicate
suggestions use with "same address".

Two names are similar when, after folding width and dropping spaces and middle dots,
they are

- the same;
- written with different characters of the same reading (章丽华 / 张丽华, 王丽 / 王莉):
  the pinyin input method's commonest slip;
- one character added or left out, both names having 2–4 characters (张华 / 张丽华);
- one character different in a name of 3–4 characters (张丽华 / 张力华 / 张丽娟).
  Not in a 2-character name: there the other character is the surname alone, and
  王芳 / 王静 at one address are far likelier two people of one family than a typo.

Names of other lengths, and names in Latin letters, are similar only when the same.
A pair is only ever a *suggestion*: a person merges, and different birthdays or ID
numbers rule a pair out before it is shown.
"""

from __future__ import annotations

from helpdesk.domain import search_keys, text

_DROPPED = " \u00a0\u3000\u00b7\u2022\u30fb.-"


def fold(name: str) -> str:
    """A name as the rule compares it."""
    return "".join(ch for ch in text.fold_width(name).lower() if ch not in _DROPPED)


def _is_han_name(name: str) -> bool:
    return 2 <= len(name) <= 4 and all(text.is_cjk(ch) for ch in name)


def _one_edit(a: str, b: str) -> str:
    """``"substitution"``, ``"indel"`` (one character added or left out) or ``""``."""
    if len(a) == len(b):
        return "substitution" if sum(x != y for x, y in zip(a, b, strict=True)) == 1 else ""
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return ""
    return "indel" if any(long_[:i] + long_[i + 1:] == short
                          for i in range(len(long_))) else ""


def similar_names(a: str, b: str) -> bool:
    """Whether two names are the same or similar (see the module's rule)."""
    a, b = fold(a), fold(b)
    if not a or not b:
        return False
    if a == b:
        return True
    if not (_is_han_name(a) and _is_han_name(b)):
        return False
    if len(a) == len(b) and set(search_keys.name_readings(a)) & set(search_keys.name_readings(b)):
        return True
    edit = _one_edit(a, b)
    return edit == "indel" or (edit == "substitution" and len(a) >= 3)


def candidate_keys(name: str) -> frozenset[str]:
    """Keys two similar names always share (so a list is paired by key, not every name
    against every other): the name, the name with any one character left out, and its
    readings. Sharing a key does not make names similar — :func:`similar_names` decides."""
    folded = fold(name)
    if not folded:
        return frozenset()
    keys = {"n:" + folded}
    if _is_han_name(folded):
        keys.update("n:" + folded[:i] + folded[i + 1:] for i in range(len(folded)))
        keys.update(f"r{len(folded)}:" + r for r in search_keys.name_readings(folded))
    return frozenset(keys)
