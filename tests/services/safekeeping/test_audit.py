import datetime as dt

import pytest

from sciapp.services.errors import ValidationError
from sciapp.services.opening import open_workspace
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


def test_a_csv_import_is_one_entry_naming_the_file_its_digest_and_numbers(workspace):
    import hashlib

    from sciapp.services.partnerships.csv_io import import_csv

    content = b"kind,partner_city,partner_country\nsister,Graz,AT\nsister,Otsu,JP\n"
    import_csv(workspace.db, content, source="register.csv")
    (entry,) = workspace.audit.entries()  # one for the file, not one per row
    graz, otsu = sorted(workspace.partnerships.list_rows(), key=lambda r: r.id)
    assert (entry.action, entry.table, entry.label) == ("create", "partnership", "register.csv")
    assert entry.record_id == f"{graz.id}-{otsu.id}"
    assert entry.changes["file_sha256"] == [None, hashlib.sha256(content).hexdigest()]
    assert entry.changes["rows"] == [None, 2]
    assert entry.what == "Imported 2 partnerships from register.csv"
    assert entry.fields() == []
    lines = entry.describe_changes().splitlines()
    assert lines[0] == "File: register.csv"
    assert f"Rows: 2, numbered {graz.id}–{otsu.id}" in lines
    # Each imported row's history says where it came from; later changes follow it.
    (brought,) = workspace.audit.history("partnership", otsu.id)
    assert brought.imported_from() == "Imported from register.csv"
    workspace.partnerships.record_change(otsu.id, SUSPEND)
    history = workspace.audit.history("partnership", otsu.id)
    assert [e.action for e in history] == ["create", "update"]
    assert history[1].changes["status"] == ["active", "suspended"]
    # The status change names the imported partnership although no entry labels it.
    (event,) = workspace.audit.entries(table="status_event")
    assert event.what == "Created status change of Otsu"
    assert workspace.audit.history("partnership", otsu.id + 1) == []


def test_import_ranges_skip_numbers_a_server_handed_elsewhere():
    from sciapp.services.safekeeping.audit import AuditRecord, import_changes, number_ranges

    assert number_ranges([3, 4, 5, 7, 9, 10]) == "3-5,7,9-10"
    changes = import_changes("r.csv", "ab" * 32, [3, 4, 5, 7, 9, 10])
    record = AuditRecord(
        1, dt.datetime.now(dt.UTC), "me", "create", "partnership", "3-10", "r.csv", changes
    )
    assert [n for n in range(1, 12) if record.covers(n)] == [3, 4, 5, 7, 9, 10]
    assert "numbered 3–5, 7, 9–10" in record.describe_changes()


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
