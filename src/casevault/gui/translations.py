"""Load the app's translations and Qt's own, for the user's language, before any window is made.

The language is the first of: the `lang` argument, the CASEVAULT_LANG environment variable, then
the system's (QLocale.system(), which Qt reads from LANGUAGE, LC_ALL, LC_MESSAGES and LANG on
Linux). The app's texts come from casevault_<lang>.qm next to this module (built from
resources/i18n by scripts/translations.py); Qt's standard texts (dialog buttons such as Cancel)
come from Qt's own qtbase_<lang>.qm. A language with no casevault translation shows the English.
Dates and numbers follow the same locale: it becomes QLocale's default.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

QM_DIR = Path(__file__).with_name("i18n")
ENV = "CASEVAULT_LANG"


def available() -> list[str]:
    """The languages casevault has translations for, e.g. ["en_GB", "fr"]."""
    return sorted(p.stem.removeprefix("casevault_") for p in QM_DIR.glob("casevault_*.qm"))


def choose_locale(lang: str | None = None) -> QLocale:
    """The locale asked for (`lang`, then CASEVAULT_LANG), or the system's."""
    asked = lang or os.environ.get(ENV, "")
    return QLocale(asked) if asked.strip() else QLocale.system()


def _casevault_file(locale: QLocale) -> Path | None:
    """casevault_fr_CA, then casevault_fr, then another country's (English: en_GB) for the locale's
    preferred languages in order."""
    have = available()
    for preferred in [*locale.uiLanguages(), locale.name()]:
        name = preferred.replace("-", "_")
        language = name.split("_")[0]
        for candidate in (name, language, *(h for h in have if h.split("_")[0] == language)):
            if candidate in have:
                return QM_DIR / f"casevault_{candidate}.qm"
    return None


def install(lang: str | None = None) -> str:
    """Install the translators for `lang` (see `choose_locale`) on the running QCoreApplication and
    make its locale the default. Returns the casevault language loaded, "" for none (English).
    Calling it again replaces the translators installed before."""
    app = QCoreApplication.instance()
    assert app is not None, "make the QApplication first"
    uninstall()
    locale = choose_locale(lang)
    _previous_locale.append(QLocale())
    QLocale.setDefault(locale)
    loaded = ""
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    found = _casevault_file(locale)
    ours = QTranslator(app)
    if found is not None and ours.load(str(found)):
        app.installTranslator(ours)
        _installed.append(ours)
        loaded = found.stem.removeprefix("casevault_")
    return loaded


def uninstall() -> None:
    """Remove the translators `install` added and restore the default locale from before."""
    if _previous_locale:
        QLocale.setDefault(_previous_locale.pop())
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()


_installed: list[QTranslator] = []
_previous_locale: list[QLocale] = []
