"""The UI language: Qt's own translations first, then every ``*_<lang>.qm`` of ours.

Simplified Chinese is the default. The choice is kept in the per-user settings of this
machine (``ui/language``), so the login screen already speaks it. Switching at run time
replaces the translators; Qt then sends every widget a ``LanguageChange`` event and our
widgets re-read their texts (``changeEvent`` → ``_retranslate``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from helpdesk.domain.errors import HelpdeskError
from helpdesk.services import session
from helpdesk.ui import resources

_log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}
"""Languages offered, each named in itself (so anyone can find their own)."""

DEFAULT_LANGUAGE = "zh_CN"
SETTINGS_KEY = "ui/language"

# Translators currently installed, kept referenced (Qt does not own them).
_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def saved_language(settings: QSettings) -> str:
    value = str(settings.value(SETTINGS_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _current


def qm_files(lang: str, folder: Path | None = None) -> list[Path]:
    """Our compiled translations for ``lang`` (``<area>_<lang>.qm``), sorted."""
    folder = folder or resources.translations_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*_{lang}.qm"))


def install(lang: str) -> list[str]:
    """Replace the installed translators by those of ``lang``; returns what was loaded."""
    global _current  # noqa: PLW0603 - Qt's translators are process-wide, so is this
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded: list[str] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for base in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(f"{base}_{lang}", qt_dir):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(f"{base}_{lang}")
    for path in qm_files(lang):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path.name)
    QLocale.setDefault(QLocale(lang))
    _current = lang
    return loaded


def switch(lang: str, settings: QSettings) -> list[str]:
    """Install ``lang`` and remember it for the next start (and for the command line,
    which reads the config file, not QSettings)."""
    loaded = install(lang)
    settings.setValue(SETTINGS_KEY, _current)
    try:
        session.remember_language(_current)
    except (HelpdeskError, OSError) as exc:
        # A read-only config only costs the command line the choice; the UI keeps it.
        _log.warning("could not keep the language %s for the command line: %s",
                     _current, exc)
    return loaded


def reset() -> None:
    """Remove our translators: the UI shows the English source texts (tests use this)."""
    global _current  # noqa: PLW0603 - Qt's translators are process-wide, so is this
    app = QCoreApplication.instance()
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale("en"))
    _current = "en"
