"""Seals made before snapshots existed: they verify exactly as before, the upgrade re-makes
them with snapshots in its own transaction, and never when the chain does not verify."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.sealed_content import content_digest, minutes_content
from sciapp.services.safekeeping.seals import SealService
from sciapp.storage.chain import seal_digest
from sciapp.storage.opening import open_database

FIXTURES = Path(__file__).with_name("fixtures")
pytestmark = pytest.mark.sqlite_only("databases made by earlier versions, as files")


def old_seals(path: Path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        query = "SELECT id, kind, record_id, content_digest, previous, digest FROM seal ORDER BY id"
        return conn.execute(query).fetchall()


@pytest.fixture(params=["0005", "0006"])
def old(request, tmp_path) -> Path:
    path = tmp_path / "register.sqlite3"
    shutil.copy(FIXTURES / f"schema-{request.param}.sqlite3", path)
    return path


def test_an_old_seals_digest_still_verifies_as_it_was_printed(old):
    printed = old_seals(old)
    assert printed
    for _id, kind, record_id, content, previous, digest in printed:
        assert seal_digest(previous, kind, record_id, content) == digest  # the first formula
    db = open_database(old)  # the schema upgraded, the services' step not run: seals as made
    try:
        assert old_seals(old) == printed
        report = SealService(db).verify()
        assert report.problems == ()
        assert report.seal_head == printed[-1][5]
        with db.session() as session:
            minutes = [s for s in printed if s[1] == "minutes"]
            for _id, _kind, record_id, content, _previous, _digest in minutes:
                assert content_digest(minutes_content(session, record_id)) == content
    finally:
        db.close()


def test_the_upgrade_remakes_old_seals_with_snapshots_and_keeps_the_old_digests(old):
    printed = {row[0]: row[5] for row in old_seals(old)}
    ws = open_workspace(old)
    try:
        assert ws.seals.verify().ok
        with closing(sqlite3.connect(old)) as conn:
            rows = conn.execute(
                "SELECT id, position, snapshot IS NOT NULL, digest FROM seal ORDER BY id"
            ).fetchall()
        assert [(r[1], r[2]) for r in rows] == [(i, 1) for i in range(1, len(rows) + 1)]
        remade = {e.record_id: e for e in ws.audit.entries(table="seal") if e.action == "update"}
        for seal_id, digest in printed.items():  # the digest on paper stays traceable
            assert remade[str(seal_id)].changes["digest"][0] == digest
    finally:
        ws.close()


def test_a_tampered_chain_is_never_sealed_anew(old):
    with closing(sqlite3.connect(old)) as conn, conn:
        conn.execute("UPDATE resolution SET title = 'Forged before the upgrade'")
    ws = open_workspace(old)
    try:
        problems = ws.seals.verify().problems
        assert [p.what for p in problems] == ["its content no longer matches its seal"]
        with closing(sqlite3.connect(old)) as conn:
            positions = conn.execute("SELECT position FROM seal").fetchall()
        assert set(positions) == {(None,)}  # left as they were: the forgery stays visible
    finally:
        ws.close()
