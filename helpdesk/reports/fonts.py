"""Finding a Chinese font for the PDFs, and registering it with reportlab.

The documents must open anywhere and print Chinese, so they embed a TrueType CJK font
(reportlab writes only the glyphs used: a subset, with a ToUnicode map so the text can
be copied). The font is looked for in this order:

1. the path given by the caller (the command line's ``--font``);
2. the environment variable ``HELPDESK_PDF_FONT``;
3. ``pdf_font`` in the configuration file (``config.json`` in the data folder);
4. the usual system fonts: Microsoft YaHei, SimHei, SimSun on Windows; WenQuanYi,
   Noto Sans CJK (TrueType builds), Droid Sans Fallback, AR PL on Linux; PingFang,
   STHeiti, Arial Unicode on macOS;
5. whatever ``fc-list :lang=zh`` reports, when fontconfig is there.

A candidate that reportlab cannot read (OpenType/CFF fonts such as the usual ``.otf`` /
``.otc`` Noto builds) is skipped. When nothing works the documents are still produced
with Adobe's ``STSong-Light`` CID font, which is *not* embedded — readers substitute a
font of their own — and a warning says so in the log.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

ENV_FONT = "HELPDESK_PDF_FONT"
CONFIG_KEY = "pdf_font"
FONT_NAME = "HelpdeskCJK"
FALLBACK_FONT = "STSong-Light"

_WINDOWS_FONTS = ("msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc", "simkai.ttf")
_LINUX_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansCJKsc-Regular.ttf",
    "/usr/share/fonts/noto-cjk/NotoSansSC-Regular.ttf",
    "/usr/share/fonts/google-noto-cjk/NotoSansSC-Regular.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
)
_MAC_FONTS = (
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)
_TRUETYPE_SUFFIXES = (".ttf", ".ttc")


@dataclass(frozen=True)
class PdfFont:
    """The font the documents are set in.

    Attributes:
        name: the reportlab font name to use in styles.
        path: the TrueType file, or ``None`` for the non-embedded fallback.
        embedded: whether the PDF carries the font (a subset of it).
    """

    name: str
    path: str | None
    embedded: bool

    @property
    def description(self) -> str:
        if self.path:
            return f"{self.path} (embedded subset)"
        return f"{FALLBACK_FONT} (Adobe CID font, not embedded)"


_lock = threading.Lock()
_chosen: dict[str | None, PdfFont] = {}


def _config_font() -> str | None:
    # The configuration file is shared with the database settings; a broken one must
    # not stop a report, so any error just means "not configured".
    try:
        from helpdesk.storage.engine import read_config

        value = read_config().get(CONFIG_KEY)
    except Exception:  # noqa: BLE001 - see above
        return None
    return str(value) if value else None


def _system_candidates() -> list[str]:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        folder = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
        return [str(folder / name) for name in _WINDOWS_FONTS]
    if sys.platform == "darwin":  # pragma: no cover - exercised on macOS only
        return list(_MAC_FONTS)
    return list(_LINUX_FONTS)


def _fontconfig_candidates() -> list[str]:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    try:
        out = subprocess.run([fc_list, ":lang=zh", "file"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    paths = []
    for line in out.splitlines():
        path = line.split(":", 1)[0].strip()
        if path.lower().endswith(_TRUETYPE_SUFFIXES):
            paths.append(path)
    # Regular weights first, so a bold or light face is a last resort.
    return sorted(set(paths), key=lambda p: (any(w in p.lower() for w in
                                                 ("bold", "light", "thin", "black")), p))


def candidates(configured: str | None = None) -> list[tuple[str, str]]:
    """(source, path) pairs in the order they are tried."""
    found: list[tuple[str, str]] = []
    for source, path in (("argument", configured), ("environment", os.environ.get(ENV_FONT)),
                         ("config", _config_font())):
        if path:
            found.append((source, path))
    found += [("system", p) for p in _system_candidates()]
    found += [("fontconfig", p) for p in _fontconfig_candidates()]
    return found


def _try_register(path: str) -> bool:
    try:
        font = TTFont(FONT_NAME, path, subfontIndex=0)
    except Exception as exc:  # noqa: BLE001 - reportlab raises several kinds (TTFError, OSError…)
        log.debug("cannot use %s as the PDF font: %s", path, exc)
        return False
    pdfmetrics.registerFont(font)
    # The same face serves as bold and italic: CJK fonts rarely ship those, and
    # <b> in a paragraph must never fail for want of a bold face.
    pdfmetrics.registerFontFamily(FONT_NAME, normal=FONT_NAME, bold=FONT_NAME,
                                  italic=FONT_NAME, boldItalic=FONT_NAME)
    return True


def pdf_font(configured: str | None = None) -> PdfFont:
    """The font to set the documents in, registered with reportlab (cached).

    Args:
        configured: a font file chosen by the caller; tried first.
    """
    with _lock:
        key = configured or os.environ.get(ENV_FONT) or None
        if key in _chosen:
            return _chosen[key]
        chosen: PdfFont | None = None
        for source, path in candidates(configured):
            if not Path(path).is_file():
                if source != "system":
                    log.warning("the PDF font %s (from the %s) does not exist", path, source)
                continue
            if _try_register(path):
                chosen = PdfFont(FONT_NAME, path, embedded=True)
                log.info("PDF font: %s", path)
                break
            if source != "system":
                log.warning("the PDF font %s (from the %s) is not a TrueType font reportlab "
                            "can embed; trying the next one", path, source)
        if chosen is None:
            pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
            chosen = PdfFont(FALLBACK_FONT, None, embedded=False)
            log.warning(
                "No TrueType Chinese font was found (set %s or 'pdf_font' in config.json to "
                "a .ttf/.ttc file, e.g. C:/Windows/Fonts/msyh.ttc). The PDF uses the Adobe "
                "CID font %s, which is NOT embedded: readers substitute their own font and "
                "some may show Chinese text incorrectly.", ENV_FONT, FALLBACK_FONT)
        _chosen[key] = chosen
        return chosen


def reset_cache() -> None:
    """Forget the chosen font (tests switch between the real font and the fallback)."""
    with _lock:
        _chosen.clear()
