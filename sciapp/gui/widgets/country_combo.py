"""A country picker: type any part of a name ("kor", "Russia") or a code ("JP", "JPN")."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from sciapp.domain.countries import all_countries, country_name, resolve_country


class CountryCombo(QComboBox):
    """An editable combo of ISO 3166 countries; `code()` is the alpha-2 code or None."""

    codeChanged = Signal()

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.addItem("", None)
        for code, name in all_countries(locale):
            self.addItem(name, code)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.editTextChanged.connect(lambda _text: self.codeChanged.emit())

    def text(self) -> str:
        return self.currentText()

    def code(self) -> str | None:
        """The country the text names: a localized name, an English name or a code."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index > 0:
            return self.itemData(index)
        return resolve_country(text)

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        self.setCurrentIndex(index if index >= 0 else 0)
        if index < 0 and code:
            self.setEditText(country_name(code, self._locale))
