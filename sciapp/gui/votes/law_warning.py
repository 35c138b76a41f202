"""The warning a motion carries when a state law on partner countries bars what it would do
to a partnership (establishing or reinstating the tie), with the citation. Shown when the
motion is put and again at the roll call: the body decides, the app informs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from sciapp.domain.countries import country_name
from sciapp.domain.partner_country_laws import action_warning
from sciapp.gui.theme import themed
from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.domain.motions import PartnershipAction
    from sciapp.services.workspace import Workspace


def law_warning(
    workspace: Workspace,
    partnership_id: int | None,
    action: PartnershipAction | None,
    on: dt.date,
    locale: str = "en_US",
) -> str:
    """ "Establishing a tie with Harbin, China is barred by Tex. Gov't Code §795.003. …";
    "" when no law bars it."""
    if partnership_id is None or action is None:
        return ""
    try:
        flags = workspace.partner_laws.for_action(partnership_id, action, on)
        if not flags:
            return ""
        data = workspace.partnerships.get(partnership_id).data
    except ServiceError:
        return ""
    return action_warning(
        flags, f"{data.partner_city}, {country_name(data.partner_country, locale)}"
    )


def warning_label() -> QLabel:
    """Bold, in the theme's danger colour, wrapped; hidden while it has nothing to say."""
    label = QLabel()
    label.setObjectName("lawWarning")
    label.setWordWrap(True)
    themed(label, "color: {danger}; font-weight: bold;")
    label.hide()
    return label


def show_warning(label: QLabel, text: str) -> None:
    label.setText(f"⚠ {text}" if text else "")
    label.setAccessibleName(text)
    label.setVisible(bool(text))
