"""The audit trail is a hash chain, extended in the writing transaction by the ORM hook and by
the bulk CSV import alike; on PostgreSQL two writers at once cannot fork it."""

import threading

import pytest

from sciapp.services.partnerships.csv_io import import_csv
from sciapp.storage.audit_chain import verify_chain
from sciapp.storage.chain import GENESIS, audit_digest
from tests.services.partnerships.test_service import draft


def chain(ws):
    with ws.db.engine.connect() as conn:
        return verify_chain(conn)


def test_every_entry_is_linked_to_the_one_before(workspace):
    created = workspace.partnerships.create(draft())
    workspace.partnerships.update(created.id, draft(notes="twinned schools"))
    import_csv(workspace.db, b"kind,partner_city,partner_country\nsister,Otsu,JP\nsister,Lodz,PL\n")
    report = chain(workspace)
    assert report.problems == []
    assert report.count == len(workspace.audit.entries())
    with workspace.db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT at, actor, action, table_name, record_id, label, changes, previous, digest "
            "FROM audit_entry ORDER BY id"
        ).mappings()
        previous = GENESIS
        for row in rows:
            assert row["previous"] == previous
            assert row["digest"] == audit_digest(previous, row)
            previous = row["digest"]
    assert report.head == previous


def test_a_seal_made_is_an_entry_of_the_trail(demo_workspace):
    seals = [e for e in demo_workspace.audit.entries(table="seal") if e.action == "create"]
    assert len(seals) == len(demo_workspace.seals.all()) == 4
    assert all(len(e.changes["digest"][1]) == 64 for e in seals)
    assert "snapshot" not in seals[0].changes  # covered by its digest, not copied


def test_two_writers_at_once_extend_one_chain(workspace, backend):
    if backend != "postgresql":
        pytest.skip("one writer at a time on SQLite: the lock refuses a second")
    from sciapp.services.opening import open_workspace_url

    others = [open_workspace_url(workspace.db.url) for _ in range(3)]
    failures: list[BaseException] = []

    def write(ws, n: int) -> None:
        try:
            for i in range(15):
                ws.partnerships.create(draft(partner_city=f"City {n}-{i}"))
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(ws, n)) for n, ws in enumerate(others)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for ws in others:
        ws.close()
    assert failures == []
    report = chain(workspace)
    assert report.problems == []
    assert report.count == 45 * 2  # a partnership and its first status event each
