"""Export votes… on the meetings area: the votes as Popolo JSON or as Open Civic Data vote
events, the file type chosen in the save dialog; each file valid against its standard's
schemas (tests/services/reports/popolo_schemas, ocd_schemas), as the command line's."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft4Validator
from PySide6.QtWidgets import QComboBox, QFileDialog

from tests.gui.helpers import choose, click, go_to, modal, save_as
from tests.services.reports.schemas import objects, schema_problems

OCD_SCHEMA = Path(__file__).parents[2] / "services/reports/ocd_schemas/vote_event.json"


def save_as_type(qtbot, path, file_type):
    def answer(dialog):
        assert isinstance(dialog, QFileDialog)
        choose(qtbot, dialog.findChild(QComboBox, "fileTypeCombo"), file_type)
        save_as(qtbot, path)(dialog)

    return answer


def test_export_votes_as_popolo_then_as_open_civic_data(qtbot, window, tmp_path):
    page = go_to(qtbot, window, "Meetings")
    said = []
    window.bus.said.connect(lambda text, file: said.append((text, file)))
    popolo = tmp_path / "votes"
    with modal(qtbot, save_as_type(qtbot, popolo, "Popolo JSON (*.json)")):
        click(qtbot, page.votes_button)
    document = json.loads(popolo.with_suffix(".json").read_text(encoding="utf-8"))
    assert len(objects(document)) > 20
    assert schema_problems(document) == []
    assert said[-1] == ("Saved the votes as Popolo: 2 vote events.", str(popolo) + ".json")

    ocd = tmp_path / "votes.ocd.json"
    with modal(qtbot, save_as_type(qtbot, ocd, "Open Civic Data vote events (*.json)")):
        click(qtbot, page.votes_button)
    events = json.loads(ocd.read_text(encoding="utf-8"))["vote_events"]
    schema = json.loads(OCD_SCHEMA.read_text(encoding="utf-8"))
    validator = Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
    assert [e.message for event in events for e in validator.iter_errors(event)] == []
    assert len(events) == 2
    assert said[-1] == ("Saved the votes as Open Civic Data: 2 vote events.", str(ocd))


def test_a_folder_that_is_gone_is_said_in_a_box(qtbot, window, tmp_path):
    from tests.gui.helpers import read_box

    page = go_to(qtbot, window, "Meetings")
    target = tmp_path / "gone" / "votes.json"
    seen: list[str] = []
    with modal(qtbot, read_box(seen)):
        assert page.export_votes(target) is None
    assert len(seen) == 1
    assert "votes.json" in seen[0]
