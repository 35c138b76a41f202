import datetime as dt

import pytest

from sciapp.services.errors import ValidationError
from sciapp.services.workspace import open_workspace
from tests.services.partnerships.test_service import SUSPEND, draft


def test_create_change_and_delete_are_recorded_with_who_and_each_field(tmp_path):
    ws = open_workspace(tmp_path / "r.sqlite3", actor="Andrea Lopez")
    try:
        created = ws.partnerships.create(draft())
        ws.partnerships.record_change(created.id, SUSPEND)
        ws.partnerships.delete(created.id)
        trail = ws.audit.history("partnership", created.id)
        assert [(e.action, e.actor) for e in trail] == [
            ("create", "Andrea Lopez"),
            ("update", "Andrea Lopez"),
            ("delete", "Andrea Lopez"),
        ]
        assert trail[0].changes["partner_city_native"] == [None, "Воронеж"]
        assert trail[1].changes["status"] == ["active", "suspended"]
        assert "Status: Active → Suspended" in trail[1].describe_changes()
        assert trail[2].changes["partner_city"] == ["Voronezh", None]
        assert "Established: was 1991\n" in trail[2].describe_changes()
        suspension = [e for e in ws.audit.entries(table="status_event") if e.action == "create"]
        assert suspension[-1].changes["reason"] == [None, "Russia's invasion of Ukraine"]
        assert trail[0].what == "Created partnership Voronezh"
    finally:
        ws.close()


def test_a_refused_change_leaves_no_entry(workspace):
    created = workspace.partnerships.create(draft())
    before = len(workspace.audit.entries())
    with pytest.raises(ValidationError):
        workspace.partnerships.record_change(
            created.id, SUSPEND.__class__(**{**SUSPEND.__dict__, "reason": ""})
        )
    assert len(workspace.audit.entries()) == before


def test_entries_since_a_day_and_the_actor_can_change(workspace):
    workspace.partnerships.create(draft())
    assert workspace.audit.entries(since=dt.date.today() + dt.timedelta(days=1)) == []
    workspace.audit.set_actor("Clerk Two")
    workspace.partnerships.create(draft(partner_city="Graz", partner_country="AT"))
    assert workspace.audit.entries()[-1].actor == "Clerk Two"


def test_csv_imports_are_audited_in_bulk(workspace):
    from sciapp.services.partnerships.csv_io import import_csv

    import_csv(workspace.db, b"kind,partner_city,partner_country\nsister,Graz,AT\n")
    (entry,) = workspace.audit.entries(table="partnership")
    assert (entry.action, entry.label) == ("create", "Graz")
    assert entry.changes["partner_country"] == [None, "AT"]


def test_history_lines_use_the_forms_labels_and_values_as_shown(tmp_path):
    """No internal field names or raw values: labels as the form shows them, countries by
    name, kinds by their label, Yes/No, and references by the name of what they refer to."""
    ws = open_workspace(tmp_path / "r.sqlite3", actor="Andrea Lopez")
    try:
        created = ws.partnerships.create(draft())
        (entry,) = ws.audit.history("partnership", created.id)
        lines = entry.describe_changes().splitlines()
        assert "Country: Russia" in lines
        assert "Kind: Sister city" in lines
        assert not any("_" in line.split(":")[0] for line in lines)
        assert not any(line.startswith(("partner", "kind", "no expiry")) for line in lines)
        ws.partnerships.record_change(created.id, SUSPEND)
        (event,) = [e for e in ws.audit.entries(table="status_event") if e.action == "create"][-1:]
        assert event.what == "Created status change of Voronezh"
        assert "Partnership: Voronezh" in event.describe_changes().splitlines()
    finally:
        ws.close()


def test_an_entry_of_a_record_with_no_name_is_named_by_its_owner(demo_workspace):
    updates = [e for e in demo_workspace.audit.entries(table="attendance") if e.action == "update"]
    assert updates
    assert all(e.what.startswith("Changed attendance of ") for e in updates)
    assert not any(e.what.split(" of ")[-1].isdigit() for e in updates)
    assert all(
        line.split(":")[0] in ("Attendance", "Arrived", "Left")
        for e in updates
        for line in e.describe_changes().splitlines()
    )
