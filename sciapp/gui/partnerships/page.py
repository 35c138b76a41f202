"""The partnerships area: search and filters, the table, the selected record's detail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.countries import country_name
from sciapp.domain.partnership import Kind, PartnershipDraft
from sciapp.domain.status import Status, StatusChange
from sciapp.gui.bus import ChangeBus, areas
from sciapp.gui.partnerships.detail import DetailPanel
from sciapp.gui.partnerships.form_dialog import PartnershipDialog, PartnershipForm
from sciapp.gui.partnerships.status_dialog import StatusChangeDialog
from sciapp.gui.partnerships.table_model import PartnershipTableModel, law_flags
from sciapp.gui.partnerships.table_view import PartnershipTable
from sciapp.gui.partnerships.tie_tabs import TieTabs
from sciapp.gui.records.history import HistoryView
from sciapp.gui.widgets.dialogs import confirm_delete
from sciapp.gui.widgets.script_fonts import note_unshown_script
from sciapp.gui.widgets.side_or_above import SideOrAbove
from sciapp.services.changes import Area
from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciapp.gui.drafts import DraftStore
    from sciapp.services.partnerships.records import PartnershipDetail
    from sciapp.services.workspace import Workspace

NEW_DRAFT = "partnership-new"


class PartnershipsPage(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        locale: str,
        bus: ChangeBus,
        drafts: DraftStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.service = workspace.partnerships
        self.locale_name = locale
        self.bus = bus
        self.model = PartnershipTableModel(locale, self)
        self.drafts = drafts
        self._shown_id: int | None = -1
        self._build()
        self._build_actions()
        self._loaded = False  # the table fills on first show: start-up shows the Start page
        # A vote elsewhere may suspend a tie, or add a motion to the one shown.
        bus.watch(self, areas(Area.PARTNERSHIPS, Area.VOTES), self._changed_elsewhere, True)

    def _changed_elsewhere(self) -> None:
        if self._loaded:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search city, native name or country  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search partnerships")
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter by status")
        self.status_filter.addItem("All statuses", None)
        for status in Status:
            self.status_filter.addItem(status.label, status.value)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Filter by kind")
        self.kind_filter.addItem("All kinds", None)
        for kind in Kind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.count_label)

        self.table = PartnershipTable(self.model)

        self.detail = DetailPanel(self.locale_name)
        self.history = HistoryView()
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(self.detail, "&Details")
        self.detail_tabs.addTab(self.history, "&History")
        self.tie_tabs = TieTabs(self.detail_tabs, self.workspace, self.bus, self.locale_name)
        self.detail_tabs.currentChanged.connect(lambda _i: self._show_history())
        # Beside the details where every column fits, above them on a narrower screen.
        splitter = SideOrAbove(self.table, self.detail_tabs, self.table.needed_width, 0.5)
        self.splitter = splitter

        self.toolbar = QToolBar("Partnership actions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(lambda text: self._filter(text=text))
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self._filter(status=self.status_filter.currentData())
        )
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self._filter(kind=self.kind_filter.currentData())
        )
        # A click moves the current row before it selects: follow both, or a click on a
        # table with no selection (after a search) would show nothing.
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.openRequested.connect(self.edit_selected)
        self.table.deleteRequested.connect(self.delete_selected)

    def _build_actions(self) -> None:
        def action(
            text: str,
            tip: str,
            slot: Callable[[], object],
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        ) -> QAction:
            act = QAction(text, self)
            act.setToolTip(tip)
            act.setStatusTip(tip)
            if shortcut is not None:
                act.setShortcut(shortcut)
                act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(lambda: slot())  # never the `checked` flag
            self.toolbar.addAction(act)
            return act

        self.new_action = action(
            "&New…",
            "Add a partnership (Ctrl+N)",
            self.new_partnership,
            QKeySequence.StandardKey.New,
        )
        self.edit_action = action(
            "&Edit…", "Edit the selected partnership (Enter)", self.edit_selected
        )
        self.status_action = action(
            "Change &status…",
            "Suspend, reinstate or terminate (Ctrl+T)",
            self.change_status,
            QKeySequence("Ctrl+T"),
        )
        self.delete_action = action(
            "&Delete…", "Delete the selected partnership (Delete)", self.delete_selected
        )
        self.find_action = QAction("&Find", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)
        self._update_actions()

    # -- reading ---------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        """Reload from the service, keeping (or moving to) a selection."""
        select_id = select_id if select_id is not None else self.selected_id()
        self._loaded = True
        rows = self.service.list_rows()
        self.model.set_rows(rows)
        self.model.set_law_flags(law_flags(self.workspace))  # a state law's badge, citing it
        # The own-name column shows them all at once: a script no font here shows is said.
        note_unshown_script(self.bus, " ".join(r.partner_city_native or "" for r in rows))
        self._shown_id = -1  # the selected record may have changed: show it afresh
        self.select(select_id)
        self._update_count()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if not rows or not index.isValid():
            return None
        return self.model.partnership_id(index.row())

    def select(self, partnership_id: int | None) -> None:
        row = self.model.row_of(partnership_id) if partnership_id is not None else None
        if row is None:
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(-1, -1))
        else:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        self._show_selected()

    def _filter(self, **change: str | None) -> None:
        selected = self.selected_id()
        self.model.set_filter(**change)
        self.select(selected)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        noun = "partnership" if total == 1 else "partnerships"
        self.count_label.setText(
            f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}"
        )

    def _show_selected(self, force: bool = False) -> None:
        pid = self.selected_id()
        if pid == self._shown_id and not force:
            return  # e.g. a keystroke in the search box that kept the selection
        self._shown_id = pid
        detail = None
        if pid is not None:
            try:
                detail = self.service.get(pid)
            except ServiceError:
                detail = None
        motions = (
            self.workspace.motions.for_partnership(pid)
            if detail is not None and pid is not None
            else []
        )
        self.detail.show_partnership(detail, motions, self.model.law_flag(pid or 0))
        note_unshown_script(self.bus, detail.data.partner_city_native if detail else "")
        self.tie_tabs.show_partnership(
            pid if detail else None, detail.data.partner_city if detail else ""
        )
        self._show_history()
        self._update_actions()

    def _show_history(self) -> None:
        """Read only while the History tab is showing: browsing stays one query per row."""
        if self.detail_tabs.currentWidget() is not self.history:
            return
        pid = self._shown_id
        entries = self.workspace.audit.history("partnership", pid) if pid is not None else []
        self.history.show_entries(entries)

    def _update_actions(self) -> None:
        has = self.selected_id() is not None
        for act in (self.edit_action, self.status_action, self.delete_action):
            act.setEnabled(has)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- writing ---------------------------------------------------------------------------

    def _kept_draft(self, key: str, fallback: PartnershipDraft) -> PartnershipDraft:
        """A form left unsaved when sciapp stopped: offered back, or let go."""
        drafts = self.drafts
        kept = drafts.load(key) if drafts is not None else None
        if drafts is None or kept is None:
            return fallback
        saved_at, label, values = kept
        from sciapp.gui.drafts import continue_draft

        if not continue_draft(self, f"A partnership form ({label})", saved_at, self.locale_name):
            drafts.discard(key)
            return fallback
        try:
            return PartnershipDraft(**values)
        except TypeError:  # a draft from another version of the form
            return fallback

    def new_partnership(self) -> None:
        fresh = PartnershipDraft(local_jurisdiction=self.service.default_jurisdiction())
        draft = self._kept_draft(NEW_DRAFT, fresh)

        def save(form: PartnershipForm) -> int:
            with self.bus.acting_for(self):
                return self.service.create(form.draft, initial=form.initial).id

        saved = PartnershipDialog.run(
            self,
            self.locale_name,
            draft,
            save,
            creating=True,
            drafts=self.drafts,
            draft_key=NEW_DRAFT,
        )
        if saved is not None:
            self._after_write(saved)

    def edit_selected(self) -> None:
        pid = self.selected_id()
        if pid is None:
            return
        detail = self._get(pid)
        if detail is None:
            return

        def save(form: PartnershipForm) -> int:
            with self.bus.acting_for(self):
                return self.service.update(pid, form.draft).id

        key = f"partnership-{pid}"
        draft = self._kept_draft(key, detail.draft())
        if PartnershipDialog.run(
            self, self.locale_name, draft, save, creating=False, drafts=self.drafts, draft_key=key
        ):
            self._after_write(pid)

    def change_status(self) -> None:
        pid = self.selected_id()
        detail = self._get(pid) if pid is not None else None
        if pid is None or detail is None:
            return
        title = detail.title(country_name(detail.data.partner_country, self.locale_name))
        if StatusChangeDialog.run(
            self,
            self.locale_name,
            title,
            detail.history,
            lambda change: self._record_change(pid, change),
        ):
            self._after_write(pid)
            status = self.service.get(pid).status.label.lower()
            self.bus.say(f"Recorded: {title} is now {status}.")

    def _record_change(self, pid: int, change: StatusChange) -> object:
        with self.bus.acting_for(self):
            return self.service.record_change(pid, change)

    def delete_selected(self) -> None:
        pid = self.selected_id()
        detail = self._get(pid) if pid is not None else None
        if pid is None or detail is None:
            return
        title = detail.title(country_name(detail.data.partner_country, self.locale_name))
        if not confirm_delete(
            self,
            "Delete partnership",
            f"Delete the partnership with {title}?\n\nIts status history is deleted with it. "
            "To keep the record of a tie that ended, change its status to Terminated instead.",
        ):
            return
        try:
            with self.bus.acting_for(self):
                self.service.delete(pid)
        except ServiceError as exc:
            QMessageBox.warning(self, "Delete partnership", str(exc))
        row = self.table.currentIndex().row()
        self.refresh(select_id=-1)
        if self.model.rowCount():
            self.select(self.model.partnership_id(min(row, self.model.rowCount() - 1)))

    def _get(self, pid: int) -> PartnershipDetail | None:
        try:
            return self.service.get(pid)
        except ServiceError as exc:
            QMessageBox.warning(self, "Partnership", str(exc))
            self.refresh()
            return None

    def _after_write(self, select_id: int) -> None:
        self.refresh(select_id)
        self.show_partnership(select_id)

    def show_partnership(self, partnership_id: int) -> None:
        """Select it, clearing the search and filters if they hide it."""
        if not self._loaded:
            self.refresh()
        if self.model.row_of(partnership_id) is None:
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            self.kind_filter.setCurrentIndex(0)
        self.select(partnership_id)
