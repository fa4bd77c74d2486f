"""Refresh the Qt Linguist files of the desktop UI, per area, and compile them.

Each UI area has its own ``resources/translations/<area>_<lang>.ts`` for ``zh_CN``,
``zh_TW`` and ``en``; the compiled ``.qm`` files are committed next to them (the
application loads every ``*_<lang>.qm``). Areas:

* ``helpdesk``  — ``helpdesk/ui`` without ``customers/`` and ``reports/``
* ``customers`` — ``helpdesk/ui/customers``
* ``reports``   — ``helpdesk/ui/reports``

Usage::

    python scripts/update_translations.py                 # every area: lupdate + lrelease
    python scripts/update_translations.py --area customers
    python scripts/update_translations.py --release-only  # only compile the .ts files

After ``lupdate``, translate the new entries (Qt Linguist: ``pyside6-linguist <file>``,
or edit the XML) and run the script again so the ``.qm`` files follow;
``tests/ui/test_translations.py`` fails while a ``.qm`` is out of date or a Chinese
entry is unfinished.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "helpdesk" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "zh_TW", "en")
OWN_AREAS = ("customers", "reports")  # sub-packages of helpdesk/ui with their own files
AREAS = ("helpdesk", *OWN_AREAS)


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` next to this Python, else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install PySide6)")
    return found


def sources(area: str) -> list[Path]:
    """The Python files of an area, sorted (stable .ts output)."""
    if area in OWN_AREAS:
        return sorted((UI / area).rglob("*.py"))
    if area != "helpdesk":
        raise SystemExit(f"unknown area {area!r}; choose one of {', '.join(AREAS)}")
    excluded = [UI / name for name in OWN_AREAS]
    return sorted(p for p in UI.rglob("*.py")
                  if not any(p.is_relative_to(folder) for folder in excluded))


def ts_file(area: str, lang: str) -> Path:
    return TRANSLATIONS / f"{area}_{lang}.ts"


def update(area: str) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources(area)]
    if not files:
        print(f"{area}: no sources, skipped")
        return
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        target = ts_file(area, lang)
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete",
                        "-source-language", "en", "-target-language", lang, *files,
                        "-ts", str(target.relative_to(ROOT))],
                       cwd=ROOT, check=True)


def release(paths: list[Path]) -> None:
    for ts in paths:
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                       check=True)
        print(f"compiled {qm.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--area", action="append", choices=AREAS,
                        help="only this area (repeatable); default: all")
    parser.add_argument("--release-only", action="store_true",
                        help="do not run lupdate, only compile the .ts files")
    args = parser.parse_args(argv)
    areas = args.area or list(AREAS)
    if not args.release_only:
        for area in areas:
            update(area)
    release([ts_file(area, lang) for area in areas for lang in LANGUAGES
             if ts_file(area, lang).exists()])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
