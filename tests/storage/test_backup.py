import sqlite3

from sciapp.storage.backup import backup_copy
from sciapp.storage.opening import open_database


def test_backup_copy_is_a_consistent_database(tmp_path):
    source = tmp_path / "live.sqlite3"
    db = open_database(source)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO partnership (kind, local_jurisdiction, partner_city, partner_city_native,"
            " partner_region, partner_country, local_signatory_name, local_signatory_title,"
            " partner_signatory_name, partner_signatory_title, no_expiry, notes, status,"
            " created_at, updated_at) VALUES ('sister_city', '', 'Otsu', '', '', 'JP', '', '',"
            " '', '', 1, '', 'active', 'now', 'now')"
        )
    # The row sits in the WAL file, not yet in the main file; the backup API still copies it.
    copy = backup_copy(source, tmp_path / "backups" / "copy.sqlite3")
    db.close()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT partner_city FROM partnership").fetchall() == [("Otsu",)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    assert not (tmp_path / "backups" / "copy.sqlite3.part").exists()
