import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.integrity import check_database
from sciapp.storage.schema import HEAD, KNOWN_REVISIONS

FIXTURES = Path(__file__).with_name("fixtures")
OLDER = KNOWN_REVISIONS[:-1]


def seals_to_remake(path: Path) -> int:
    """Seals made before snapshots (0007): the upgrade re-makes them, each in the trail."""
    with closing(sqlite3.connect(path)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "seal" not in tables:
            return 0
        columns = {r[1] for r in conn.execute("PRAGMA table_info(seal)")}
        if "snapshot" not in columns:
            return conn.execute("SELECT count(*) FROM seal").fetchone()[0]
        return conn.execute("SELECT count(*) FROM seal WHERE snapshot IS NULL").fetchone()[0]


def row_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if r[0] not in ("alembic_version", "sqlite_sequence")
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def test_there_is_a_fixture_for_every_earlier_schema():
    assert sorted(p.stem for p in FIXTURES.glob("schema-*.sqlite3")) == [
        f"schema-{r}" for r in OLDER
    ]


@pytest.mark.parametrize("revision", OLDER)
def test_a_database_of_every_earlier_schema_upgrades_with_its_data(tmp_path, revision):
    path = tmp_path / "register.sqlite3"
    shutil.copy(FIXTURES / f"schema-{revision}.sqlite3", path)
    before = row_counts(path)
    remake = seals_to_remake(path)
    ws = open_workspace(path)
    try:
        assert ws.revision == HEAD
        assert ws.backup_made is not None
        assert ws.backup_made.exists()
        after = row_counts(path)
        for table, count in before.items():
            if table in ("seal", "audit_entry"):  # sealing on upgrade adds, never removes
                assert after[table] >= count, table
            else:
                assert after[table] == count, table
        if "seal" in after:  # every seal made or re-made on the upgrade is in the trail
            made = after["seal"] - before.get("seal", 0)
            remade = remake
            assert after["audit_entry"] == before.get("audit_entry", 0) + made + remade
        assert check_database(ws.db).ok
        petersburg = next(
            r for r in ws.partnerships.list_rows() if r.partner_city == "St. Petersburg"
        )
        detail = ws.partnerships.get(petersburg.id)
        assert [e.action for e in detail.events][:2] == ["Proposed", "Established"]
        if revision >= "0002":
            assert ws.meetings.list_meetings()
        if revision >= "0004":
            assert ws.documents.resolution("2022-01").title
        # Approved records from before seals existed are sealed on the upgrade.
        if revision >= "0002":
            assert ws.seals.all()
        assert ws.seals.verify().problems == ()
    finally:
        ws.close()
    assert row_counts(ws.backup_made) == before  # the pre-migration copy is the old data
