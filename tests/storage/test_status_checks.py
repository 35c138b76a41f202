"""The status checks as comparisons (0013) hold the same rule as the list they replaced, on a
new register and on one upgraded from schema 0012, without rebuilding either table."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from sciapp.services.opening import open_workspace

FIXTURE = Path(__file__).with_name("fixtures") / "schema-0012.sqlite3"
CHECK = (
    "CHECK (status = 'proposed' OR status = 'active' OR status = 'suspended' "
    "OR status = 'terminated')"
)


@pytest.fixture(params=["new", "upgraded"])
def register(request, tmp_path) -> Path:
    path = tmp_path / "register.sqlite3"
    if request.param == "upgraded":
        shutil.copy(FIXTURE, path)
    open_workspace(path).close()
    return path


def test_the_checks_are_comparisons_and_the_tables_were_not_rebuilt(register):
    with closing(sqlite3.connect(register)) as conn:
        for table in ("partnership", "status_event"):
            (sql,) = conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", (table,)
            ).fetchone()
            assert CHECK in sql
            assert "status IN" not in sql
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_every_status_is_taken_and_no_other(register):
    with closing(sqlite3.connect(register)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        stamp = "2024-06-15T00:00:00"
        for status in ("proposed", "active", "suspended", "terminated"):
            conn.execute(
                "INSERT INTO partnership (kind, local_jurisdiction, partner_city, "
                "partner_city_native, partner_region, partner_country, "
                "local_signatory_name, local_signatory_title, partner_signatory_name, "
                "partner_signatory_title, no_expiry, notes, status, created_at, updated_at) "
                "VALUES ('sister_city', 'Lansing', ?, '', '', 'JP', '', '', '', '', 1, '', ?, "
                "?, ?)",
                (f"City {status}", status, stamp, stamp),
            )
        last = conn.execute("SELECT max(id) FROM partnership").fetchone()[0]
        conn.execute(
            "INSERT INTO status_event (partnership_id, sequence, status, instrument, reason, "
            "condition, recorded_at) VALUES (?, 1, 'terminated', '', '', '', ?)",
            (last, stamp),
        )
        with pytest.raises(sqlite3.IntegrityError, match="ck_partnership_status_valid"):
            conn.execute("UPDATE partnership SET status = 'Active' WHERE id = ?", (last,))
        with pytest.raises(sqlite3.IntegrityError, match="ck_status_event_status_valid"):
            conn.execute(
                "INSERT INTO status_event (partnership_id, sequence, status, instrument, "
                "reason, condition, recorded_at) VALUES (?, 2, 'dormant', '', '', '', ?)",
                (last, stamp),
            )
