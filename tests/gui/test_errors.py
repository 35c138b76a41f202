import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from sciapp.gui import errors
from sciapp.services.errors import ValidationError


def raised(error: BaseException):
    try:
        raise error
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_an_unexpected_error_is_explained_with_details_and_logged(qtbot, tmp_path):
    log_file = errors.setup_logging(tmp_path / "logs")
    box = errors.report_error(*raised(RuntimeError("the printer spooler vanished")))
    qtbot.addWidget(box)
    assert box.windowTitle() == "Something went wrong"
    assert "Your saved work is safe" in box.text()
    assert "the printer spooler vanished" in box.text()
    assert "Traceback (most recent call last)" in box.detailedText()
    box.close()
    for handler in errors.log.handlers:
        handler.flush()
    logged = log_file.read_text()
    assert "RuntimeError: the printer spooler vanished" in logged
    assert "Traceback" in logged


def test_a_refusal_is_shown_as_its_message_only(qtbot, tmp_path):
    errors.setup_logging(tmp_path / "logs")
    box = errors.report_error(*raised(ValidationError({"title": "required"})))
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == "Title: required"  # the field by its label
    assert box.detailedText() == ""
    box.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_reaches_the_dialog_and_the_app_goes_on(qtbot, tmp_path, monkeypatch):
    errors.setup_logging(tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", errors.report_error)

    def failing() -> None:
        raise ZeroDivisionError("quorum of zero")

    QTimer.singleShot(0, failing)
    qtbot.waitUntil(lambda: bool(errors._open_boxes), timeout=2000)
    box = errors._open_boxes[-1]
    assert "quorum of zero" in box.text()
    box.close()
    done = []
    QTimer.singleShot(0, lambda: done.append(True))  # the event loop still runs
    qtbot.waitUntil(lambda: done == [True], timeout=2000)


def test_the_log_and_drafts_folders_are_the_users_alone(tmp_path):
    import os

    from sciapp.gui.drafts import DraftStore

    old = os.umask(0)
    try:
        errors.setup_logging(tmp_path / "logs")
        DraftStore(tmp_path / "drafts" / "abc").save("partnership-new", "Graz", {"x": 1})
    finally:
        os.umask(old)
    for folder in (tmp_path / "logs", tmp_path / "drafts", tmp_path / "drafts" / "abc"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    draft = tmp_path / "drafts" / "abc" / "partnership-new.json"
    assert draft.stat().st_mode & 0o777 == 0o600
