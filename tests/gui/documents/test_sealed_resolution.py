"""A sealed resolution on screen: locked, and what happened since it was sealed beside it."""

import datetime as dt

import pytest

from sciapp.services.documents.records import ResolutionDraft
from tests.gui.helpers import go_to
from tests.pdf.conftest import pdf_text


@pytest.fixture
def documents(qtbot, window):
    return go_to(qtbot, window, "Documents")


def test_a_superseded_resolution_says_so_and_keeps_its_sealed_text(documents, window):
    ws = window.workspace
    body = ws.bodies.find_body("Lansing City Council")
    newer = ws.documents.create_resolution(
        ResolutionDraft("Reconsidering St. Petersburg", body.id, (), ("x",), supersedes="2022-01"),
        year=2023,
    )
    ws.documents.set_status(newer.number, "adopted", dt.date(2023, 2, 1))
    editor = documents.resolution_editor  # the change bus shows what happened at once
    assert editor.number == "2022-01"
    assert f"superseded by {newer.number}" in editor.status.text()
    assert not editor.save_button.isEnabled()
    assert not editor.motion.isEnabled()  # "(none)" cannot un-adopt it
    assert f"Superseded by Resolution {newer.number}" in pdf_text(editor.stored().pdf)
    assert ws.seals.verify().ok
