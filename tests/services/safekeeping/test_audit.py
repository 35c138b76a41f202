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
        assert "status: active → suspended" in trail[1].describe_changes()
        assert trail[2].changes["partner_city"] == ["Voronezh", None]
        assert "established: was 1991\n" in trail[2].describe_changes()
        suspension = [e for e in ws.audit.entries(table="status_event") if e.action == "create"]
        assert suspension[-1].changes["reason"] == [None, "Russia's invasion of Ukraine"]
        assert trail[0].what == "create partnership 1 Voronezh"
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
