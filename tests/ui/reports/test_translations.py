"""The reports area's translation files hold every source text of ``helpdesk/ui/reports``
with a finished translation, English included (``tests/ui/test_translations.py``
checks that each ``.qm`` is up to date)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "resources" / "translations"
SOURCES = sorted(str(p) for p in (ROOT / "helpdesk" / "ui" / "reports").glob("*.py"))
LANGS = ("zh_CN", "zh_TW", "en")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_is_translated(lang: str, tmp_path: Path) -> None:
    ts = FOLDER / f"reports_{lang}.ts"
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    out = subprocess.run([_tool("pyside6-lupdate"), *SOURCES, "-ts", str(copy)],
                         capture_output=True, text=True, check=True).stdout
    assert "(0 new and" in out, f"{ts.name} misses texts: run pyside6-lupdate ({out})"
    unfinished = [m.findtext("source") for m in ET.parse(ts).iter("message")
                  if m.find("translation").get("type") in ("unfinished", "vanished",
                                                            "obsolete")]
    assert not unfinished
