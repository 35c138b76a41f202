"""What the screen says about where the user is and what comes next: the commission's name in
the title, no state's rules assumed at set-up, the meeting-mode keys in the shortcut list."""

from sciapp.gui.app import run_app
from sciapp.gui.widgets import script_fonts, status_note
from tests.gui.helpers import (
    choose,
    click,
    click_row,
    go_to,
    in_loop,
    modal,
    opened_window,
    press,
    save_as,
    show_tab,
    type_into,
)


def test_set_up_assumes_no_state_rules_and_the_title_names_the_commission(
    qtbot, tmp_path, isolated_home
):
    def set_up(dialog):
        click(qtbot, dialog.setup_button)
        assert dialog.profile.currentText() == "Choose…"
        type_into(qtbot, dialog.name, "Ann Arbor Sister Cities Commission")
        type_into(qtbot, dialog.city, "Ann Arbor, Michigan")
        click(qtbot, dialog.create_button)  # the rules not chosen: refused, naming the field
        assert "profile: " in dialog.problem.text().lower()  # the field, by its label
        assert "choose the open-meetings rules" in dialog.problem.text()
        assert dialog.isVisible()
        choose(qtbot, dialog.profile, "Michigan")
        click(qtbot, dialog.create_button)

    seen = {}

    def shown(window):
        seen["title"] = window.windowTitle()
        steps = window.dashboard.first_steps  # the Start page says what comes next
        seen["next step"] = steps.isVisible()

        def partnership_form(dialog):
            seen["form"] = "partner_city" in dialog.inputs
            dialog.done(0)

        with modal(qtbot, partnership_form):
            click(qtbot, steps.add_button)
        go_to(qtbot, window, "Start")
        with modal(qtbot, lambda dialog: seen.update(file=dialog.windowTitle()) or dialog.reject()):
            click(qtbot, steps.import_button)
        in_loop(window.close)

    with modal(qtbot, set_up):
        assert run_app(db=tmp_path / "aa.sqlite3", on_shown=shown) == 0
    assert seen["title"] == "Ann Arbor Sister Cities Commission — sciapp"
    assert seen["next step"]
    assert seen["form"]
    assert seen["file"]


def test_the_next_step_is_not_offered_once_there_are_partnerships(window):
    assert not window.dashboard.first_steps.isVisible()


def test_the_demo_window_is_titled_by_its_commission(window):
    name = window.workspace.documents.settings().name
    assert name
    demo = " (demo)" if window.workspace.is_demo else ""
    assert window.windowTitle() == f"{name}{demo} — sciapp"


def test_meeting_mode_keys_are_in_the_shortcut_list(qtbot, window):
    shortcuts = opened_window(qtbot, window.shortcuts_action.trigger, "Keyboard shortcuts")
    keys = shortcuts.browser.toPlainText()
    assert "Ctrl+PgUp previous agenda item" in keys
    assert "Ctrl+PgDn next item" in keys
    assert "Mark arrived" in keys
    shortcuts.close()


def test_a_saved_pdf_is_named_in_the_status_bar_with_its_folder_a_click_away(
    qtbot, window, tmp_path, monkeypatch
):
    opened = []

    class Desktop:
        @staticmethod
        def openUrl(url):
            opened.append(url.toLocalFile())
            return True

    monkeypatch.setattr(status_note, "QDesktopServices", Desktop)
    assert not window.open_folder_button.isVisible()
    documents = go_to(qtbot, window, "Documents")
    show_tab(qtbot, documents.tabs, "Letters")

    def pick(dialog):
        choose(qtbot, dialog.partnership, "St. Petersburg, Russia")
        press(qtbot, dialog, "Write the letter")

    with modal(qtbot, pick):
        click(qtbot, documents.template_button)
    target = tmp_path / "out" / "letter.pdf"
    target.parent.mkdir()
    with modal(qtbot, save_as(qtbot, target)):
        click(qtbot, documents.letter_editor.pdf_button)
    assert window.statusBar().currentMessage() == f"Saved to {target}"
    click(qtbot, window.open_folder_button)
    assert opened == [str(target.parent)]


def test_a_korean_name_without_a_hangul_font_is_explained_once(qtbot, window, monkeypatch):
    class NoHangul:
        WritingSystem = script_fonts.QFontDatabase.WritingSystem

        @staticmethod
        def families(writing):
            return [] if writing == NoHangul.WritingSystem.Korean else ["Liberation Serif"]

    monkeypatch.setattr(script_fonts, "QFontDatabase", NoHangul)
    said = []
    window.bus.said.connect(lambda text, _file: said.append(text))
    page = go_to(qtbot, window, "Partnerships")
    note = "No font on this computer shows Korean; names in it show as boxes."
    assert window.statusBar().currentMessage() == note  # the own-name column shows 아산시
    click_row(qtbot, page.table, "Asan")
    assert window.statusBar().currentMessage() == note
    click_row(qtbot, page.table, "Otsu")
    click_row(qtbot, page.table, "Asan")
    assert said.count(note) == 1  # once, not at every click
