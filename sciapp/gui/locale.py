"""The user's locale, as the name babel and our domain functions take."""

from PySide6.QtCore import QLocale

from sciapp.domain.dates import babel_locale


def ui_locale() -> str:
    return babel_locale(QLocale().name())
