"""A form layout where each field shows its own error under it, and Save waits for none.

Whenever Save is disabled, the field at fault says why: in muted grey while the user has not
yet touched it (a new, empty form should not shout), in red once they have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from sciapp.gui.theme import themed
from sciapp.services.errors import ServiceError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

T = TypeVar("T")

TOUCHED_STYLE = "color: {error};"  # templates: `theme.themed` fills in the theme's colours
UNTOUCHED_STYLE = "color: {muted};"


def error_label() -> QLabel:
    """The line under a dialog's form that says why it was refused."""
    label = QLabel()
    themed(label, TOUCHED_STYLE)
    label.setWordWrap(True)
    return label


class ValidatedForm(QFormLayout):
    """Rows keyed by field name; `show_errors` puts each message under its field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

    def add_field(self, name: str, label: str, widget: QWidget, accessible: str = "") -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel(holder)
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self._errors[name] = error
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(accessible or label.replace("&", "").rstrip(":"))
        self.addRow(caption, holder)

    def touch(self, name: str) -> None:
        self._touched.add(name)

    def touch_all(self) -> None:
        self._touched.update(self._errors)

    def submit(self, problem: QLabel, save: Callable[[], T]) -> T | None:
        """What `save()` returns; None when the service refuses, with each field it names
        marked and its sentence in `problem` (the dialog stays open, nothing is lost)."""
        self.touch_all()
        try:
            return save()
        except ValidationError as exc:
            self.show_errors(exc.errors)
            problem.setText(str(exc))
        except ServiceError as exc:
            problem.setText(str(exc))
        return None

    def show_errors(self, errors: Mapping[str, str]) -> None:
        for name, label in self._errors.items():
            message = errors.get(name, "")
            label.setText(message[:1].upper() + message[1:])
            themed(label, TOUCHED_STYLE if name in self._touched else UNTOUCHED_STYLE)
            label.setVisible(bool(message))
            label.setAccessibleDescription(message)

    def is_alarming(self, name: str) -> bool:
        """True when the field's error shows in red (the user has touched the field)."""
        return name in self._touched and bool(self.error_text(name))

    def error_text(self, name: str) -> str:
        label = self._errors[name]
        form = label.parentWidget()
        return label.text() if form is not None and label.isVisibleTo(form) else ""
