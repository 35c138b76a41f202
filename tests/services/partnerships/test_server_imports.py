"""On a shared server: two clerks importing at once both succeed (ids from the server's
sequences), a server that goes away mid-import is a sentence, and archive import leaves the
sequences past the ids it brought."""

import io
import threading

import pytest
from sqlalchemy import create_engine

from sciapp.cli import main
from sciapp.demo import load_demo
from sciapp.services.opening import open_workspace, open_workspace_url
from sciapp.services.partnerships import bulk, csv_io
from sciapp.services.safekeeping.archive import export_archive, import_archive
from sciapp.services.safekeeping.failures import StoreFailedError
from tests.services.partnerships.test_service import draft


@pytest.fixture
def server(workspace, backend):
    if backend != "postgresql":
        pytest.skip("a shared server (make test-pg); SQLite has one writer at a time")
    return workspace


def rows(prefix: str, count: int = 40) -> bytes:
    body = "".join(f"sister,{prefix} {n},JP,1990\n" for n in range(count))
    return f"kind,partner_city,partner_country,established\n{body}".encode()


def test_two_clerks_importing_at_once_both_succeed(server, monkeypatch):
    second = open_workspace_url(server.db.url, actor="Tom")
    both_have_ids = threading.Barrier(2, timeout=30)
    real_ids = bulk._new_ids

    def together(conn, count):
        ids = real_ids(conn, count)
        both_have_ids.wait()  # neither has committed: max(id) + 1 would clash here
        return ids

    monkeypatch.setattr(bulk, "_new_ids", together)
    outcome: dict[str, object] = {}

    def clerk(name, ws):
        try:
            outcome[name] = csv_io.import_csv(ws.db, rows(name)).imported
        except Exception as exc:
            outcome[name] = exc

    clerks = [
        threading.Thread(target=clerk, args=("Ann", server)),
        threading.Thread(target=clerk, args=("Tom", second)),
    ]
    try:
        for thread in clerks:
            thread.start()
        for thread in clerks:
            thread.join(60)
    finally:
        second.close()
    assert outcome == {"Ann": 40, "Tom": 40}
    listed = server.partnerships.list_rows()
    assert len(listed) == 80
    assert len({r.id for r in listed}) == 80
    for row in listed[:3] + listed[-3:]:
        assert [e.action for e in server.partnerships.get(row.id).events] == ["Established"]
    # The sequence is past them all: the next one made by hand finds its own id.
    assert server.partnerships.create(draft()).id > max(r.id for r in listed)


def cut_off_mid_import(monkeypatch, url):
    """The server ends the import's connection after its partnerships went in, before the
    rest: as a restarted server or a dropped network would."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    real_insert = bulk._insert_many

    def insert(conn, ids, rows, stamp):
        real_insert(conn, ids, rows, stamp)
        pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with admin.connect() as other:
            other.exec_driver_sql(f"SELECT pg_terminate_backend({pid})")

    monkeypatch.setattr(bulk, "_insert_many", insert)
    return admin


def test_a_server_gone_mid_import_is_a_sentence_and_nothing_is_written(server, monkeypatch):
    admin = cut_off_mid_import(monkeypatch, server.db.url)
    try:
        with pytest.raises(StoreFailedError, match=r"connection to the database server .* lost"):
            csv_io.import_csv(server.db, rows("Lost"))
    finally:
        admin.dispose()
    monkeypatch.undo()
    assert server.partnerships.count() == 0  # all or nothing
    assert csv_io.import_csv(server.db, rows("Back")).imported == 40


def test_the_cli_says_so_and_exits_1(server, monkeypatch, tmp_path, capsys):
    (tmp_path / "register.csv").write_bytes(rows("Lost"))
    admin = cut_off_mid_import(monkeypatch, server.db.url)
    try:
        code = main(
            ["--db-url", server.db.url, "partnerships", "import", str(tmp_path / "register.csv")]
        )
    finally:
        admin.dispose()
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("sciapp: The connection to the database server")
    assert "Traceback" not in err
    assert "password" not in err.lower()


def test_archive_import_leaves_the_sequences_past_its_ids(server, tmp_path):
    source = open_workspace(tmp_path / "source.sqlite3")
    load_demo(source)
    buffer = io.BytesIO()
    export_archive(source.db, buffer)
    source.close()
    import_archive(server.db, io.BytesIO(buffer.getvalue()))
    highest = max(r.id for r in server.partnerships.list_rows())
    assert server.partnerships.create(draft(partner_city="Graz", partner_country="AT")).id > highest
    assert csv_io.import_csv(server.db, rows("After")).imported == 40
