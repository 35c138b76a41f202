import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sciapp.domain.status import Status
from sciapp.gui.partnerships.form_dialog import PartnershipDialog
from sciapp.gui.partnerships.status_dialog import StatusChangeDialog
from tests.gui.conftest import select_city, visible_cities


@pytest.fixture(autouse=True)
def discard_when_asked(monkeypatch):
    """Cancelling a changed form asks first; these tests mean to let the changes go."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def open_dialog(qtbot, monkeypatch, cls, trigger, fill):
    """Run a modal dialog from `trigger`, with `fill(dialog)` driving it like a user."""
    seen = {}

    def exec_(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        seen["dialog"] = dialog
        fill(dialog)
        return dialog.result()

    monkeypatch.setattr(cls, "exec", exec_)
    trigger()
    return seen["dialog"]


def test_the_demo_register_is_listed(page):
    assert len(visible_cities(page)) == 11
    assert page.count_label.text() == "11 partnerships"
    assert page.table.isSortingEnabled()


def test_search_filters_as_you_type(qtbot, page):
    page.focus_search()
    qtbot.keyClicks(page.search, "jap")
    assert visible_cities(page) == ["Otsu", "Sakaide"]
    assert page.count_label.text() == "2 of 11 partnerships"
    page.search.clear()
    page.status_filter.setCurrentIndex(page.status_filter.findData("proposed"))
    assert visible_cities(page) == []
    page.status_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("friendship_city"))
    assert visible_cities(page) == ["Cosenza", "Dar es Salaam", "Lanzhou", "Sakaide"]


def test_ctrl_f_focuses_the_search_box(qtbot, window):
    page = window.partnerships
    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()


def test_creating_a_partnership_through_the_form(qtbot, monkeypatch, page):
    def fill(dialog):
        assert not dialog.save_button.isEnabled()  # nothing typed yet, and it says why
        assert dialog.form.error_text("partner_city") == "Enter the partner city"
        assert not dialog.form.is_alarming("partner_city")
        assert dialog.inputs["local_jurisdiction"].text() == "Lansing, Michigan"
        qtbot.keyClicks(dialog.inputs["partner_city"], "Malm")
        dialog.inputs["partner_city"].insert("ö")  # QTest types ASCII only
        qtbot.keyClicks(dialog.country.lineEdit(), "Sweden")
        qtbot.keyClicks(dialog.established.line, "2024-06")
        assert dialog.established.reading.text() == "= Jun 2024"
        assert dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialog = open_dialog(qtbot, monkeypatch, PartnershipDialog, page.new_action.trigger, fill)
    assert dialog.saved_id is not None
    assert "Malmö" in visible_cities(page)
    assert page.selected_id() == dialog.saved_id
    assert page.detail.title.text() == "Malmö, Sweden"
    assert page.count_label.text() == "12 partnerships"


def test_invalid_input_blocks_save_with_a_message(qtbot, monkeypatch, page):
    def fill(dialog):
        qtbot.keyClicks(dialog.inputs["partner_city"], "Graz")
        qtbot.keyClicks(dialog.country.lineEdit(), "Atlantis")
        qtbot.keyClicks(dialog.established.line, "1968-13")
        assert not dialog.save_button.isEnabled()
        assert dialog.form.error_text("partner_country") == "No country called 'Atlantis'"
        assert dialog.form.error_text("established") == (
            "Month 13 does not exist (use YYYY, YYYY-MM or YYYY-MM-DD)"
        )
        assert dialog.form.error_text("partner_city") == ""
        dialog.inputs["partner_city"].clear()
        assert dialog.form.error_text("partner_city") == "Enter the partner city"
        assert dialog.form.is_alarming("partner_city")
        dialog.reject()

    open_dialog(qtbot, monkeypatch, PartnershipDialog, page.new_action.trigger, fill)
    assert page.count_label.text() == "11 partnerships"


def test_a_duplicate_is_refused_inside_the_form(qtbot, monkeypatch, page):
    def fill(dialog):
        qtbot.keyClicks(dialog.inputs["partner_city"], "otsu")
        dialog.country.set_code("JP")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert "already in the register" in dialog.form.error_text("partner_city")
        assert dialog.result() == 0
        dialog.reject()

    open_dialog(qtbot, monkeypatch, PartnershipDialog, page.new_action.trigger, fill)
    assert page.count_label.text() == "11 partnerships"


def test_editing_keeps_the_status(qtbot, monkeypatch, page):
    select_city(page, "Asan")

    def fill(dialog):
        assert dialog.country.code() == "KR"
        qtbot.keyClicks(dialog.established.line, "1990")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    open_dialog(qtbot, monkeypatch, PartnershipDialog, page.edit_action.trigger, fill)
    asan = page.model.row_of(page.selected_id())
    assert page.model.index(asan, 6).data() == "1990"


def test_a_status_change_shows_in_the_table_and_the_timeline(qtbot, monkeypatch, page):
    select_city(page, "Otsu")

    def fill(dialog):
        assert [dialog.status.itemText(i) for i in range(dialog.status.count())] == [
            "Suspended",
            "Terminated",
        ]
        dialog.effective.setText("2022-03-08")
        dialog.decided_by.setCurrentIndex(dialog.decided_by.findData("city_council"))
        qtbot.keyClicks(dialog.instrument, "Resolution 2022-14")
        assert not dialog.ok_button.isEnabled()
        assert dialog.form.error_text("reason") == "Say why the partnership is suspended"
        dialog.reason.setPlainText("Russia's invasion of Ukraine")
        qtbot.keyClicks(dialog.condition, "until peace is restored")
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    open_dialog(qtbot, monkeypatch, StatusChangeDialog, page.status_action.trigger, fill)
    row = page.model.row_of(page.selected_id())
    assert page.model.index(row, 4).data() == "Suspended"
    assert page.model.index(row, 5).data() == "Mar 8, 2022"
    texts = page.detail.timeline.texts()
    assert len(texts) == 2
    assert "Suspended by the City Council (Resolution 2022-14)" in texts[-1]
    assert "until peace is restored" in texts[-1]
    assert page.service.get(page.selected_id()).status is Status.SUSPENDED


def test_status_dialog_refuses_out_of_order_dates(qtbot, monkeypatch, page):
    select_city(page, "Otsu")

    def fill(dialog):
        dialog.effective.setText("1960")
        dialog.decided_by.setCurrentIndex(1)
        dialog.reason.setPlainText("x")
        assert dialog.form.error_text("effective") == (
            "Must not be before the previous change (1968)"
        )
        assert not dialog.ok_button.isEnabled()
        dialog.reject()

    open_dialog(qtbot, monkeypatch, StatusChangeDialog, page.status_action.trigger, fill)


def test_delete_asks_first(qtbot, monkeypatch, page):
    select_city(page, "Cosenza")
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Cosenza" in visible_cities(page)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Cosenza" not in visible_cities(page)
    assert "Delete the partnership with Cosenza, Italy?" in asked[0]
    assert page.count_label.text() == "10 partnerships"
    assert page.selected_id() is not None  # the next row is selected


def test_enter_opens_the_selected_record(qtbot, monkeypatch, page):
    select_city(page, "Otsu")
    opened = []

    def fill(dialog):
        opened.append(dialog.windowTitle())
        dialog.reject()

    open_dialog(
        qtbot, monkeypatch, PartnershipDialog,
        lambda: qtbot.keyClick(page.table, Qt.Key.Key_Return), fill,
    )  # fmt: skip
    assert opened == ["Edit partnership"]


def test_actions_need_a_selection(page):
    page._select(None)
    assert not page.edit_action.isEnabled()
    assert not page.delete_action.isEnabled()
    assert page.detail.placeholder.isVisibleTo(page.detail)


def test_every_input_is_named_for_screen_readers(qtbot, monkeypatch, page):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

    def fill(dialog):
        widgets = [
            w for cls in (QLineEdit, QComboBox, QPlainTextEdit) for w in dialog.findChildren(cls)
        ]
        for widget in widgets:
            if widget.isVisibleTo(dialog) and widget.parent() is not dialog.country:
                named = widget.accessibleName() or widget.parent().accessibleName()
                assert named, widget
        dialog.reject()

    open_dialog(qtbot, monkeypatch, PartnershipDialog, page.new_action.trigger, fill)
    for widget in (page.search, page.status_filter, page.kind_filter, page.table):
        assert widget.accessibleName()


def test_cancelling_a_changed_form_asks_and_can_keep_editing(qtbot, monkeypatch, page):
    asked = []

    def keep_editing(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    def fill(dialog):
        qtbot.keyClicks(dialog.inputs["partner_city"], "Graz")
        monkeypatch.setattr(QMessageBox, "question", keep_editing)
        dialog.reject()
        assert asked == ["Discard the changes you typed in this form?"]
        assert dialog.isVisible()  # still open, the text still there
        assert dialog.inputs["partner_city"].text() == "Graz"
        dialog.inputs["partner_city"].clear()  # back as it was: closes without a question
        dialog.reject()
        assert len(asked) == 1
        assert not dialog.isVisible()

    open_dialog(qtbot, monkeypatch, PartnershipDialog, page.new_action.trigger, fill)


def test_an_unsaved_form_survives_a_crash_as_a_draft(qtbot, monkeypatch, window, demo_workspace):
    from sciapp.gui.main_window import MainWindow

    page = window.partnerships
    page.refresh()

    def type_then_crash(dialog):
        qtbot.keyClicks(dialog.inputs["partner_city"], "Graz")
        qtbot.keyClicks(dialog.notes, "Twinned since the 1990s")
        qtbot.wait(700)  # the draft is kept half a second after typing stops
        # A crash: the dialog never closes, nothing is saved.

    open_dialog(qtbot, monkeypatch, PartnershipDialog, page.new_action.trigger, type_then_crash)
    assert page.drafts.keys() == ["partnership-new"]

    restarted = MainWindow(demo_workspace, "en_US")  # the next start, same database
    qtbot.addWidget(restarted)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    seen = {}

    def check(dialog):
        seen["city"] = dialog.inputs["partner_city"].text()
        seen["notes"] = dialog.notes.toPlainText()

    open_dialog(qtbot, monkeypatch, PartnershipDialog, restarted.offer_kept_drafts, check)
    assert seen == {"city": "Graz", "notes": "Twinned since the 1990s"}
