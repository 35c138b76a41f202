import hashlib
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import text

from sciapp.storage import migrate
from sciapp.storage import schema as schema_module
from sciapp.storage.errors import NotADatabaseError, SchemaTooNewError
from sciapp.storage.opening import open_database
from sciapp.storage.revision import read_revision
from sciapp.storage.schema import HEAD, KNOWN_REVISIONS, schema_number
from sciapp.storage.tables import metadata

pytestmark = pytest.mark.sqlite_only("the SQLite file: opening, copying, migrating it")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_empty_file_is_migrated_to_head(tmp_path):
    db = open_database(tmp_path / "new.sqlite3")
    assert db.created
    assert db.revision == HEAD
    assert db.schema_version == len(KNOWN_REVISIONS)
    assert db.backup_made is None
    db.close()
    assert read_revision(tmp_path / "new.sqlite3") == HEAD


def test_pragmas_wal_foreign_keys_and_full_sync(tmp_path):
    db = open_database(tmp_path / "x.sqlite3")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    db.close()


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    db = open_database(tmp_path / "x.sqlite3")
    partnership = (
        "INSERT INTO partnership (id, kind, local_jurisdiction, partner_city, partner_city_native,"
        " partner_region, partner_country, local_signatory_name, local_signatory_title,"
        " partner_signatory_name, partner_signatory_title, no_expiry, notes, status, created_at,"
        " updated_at) VALUES (1, 'sister_city', '', 'Otsu', '', '', 'JP', '', '', '', '', 1, '',"
        " 'active', 'now', 'now')"
    )
    orphan_event = (
        "INSERT INTO status_event (partnership_id, sequence, status, instrument, reason,"
        " condition, recorded_at) VALUES (999, 1, 'active', '', '', '', 'now')"
    )

    def write_both():
        with db.engine.begin() as conn:
            conn.execute(text(partnership))
            conn.execute(text(orphan_event))  # breaks the foreign key: all of it rolls back

    with pytest.raises(Exception, match="FOREIGN KEY"):
        write_both()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM partnership")).scalar() == 0
    db.close()


def test_models_and_migrations_agree(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = open_database(tmp_path / "x.sqlite3")
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    db.close()
    assert diffs == []


def test_known_revisions_match_the_scripts():
    assert migrate.script_revisions() == list(KNOWN_REVISIONS)
    assert schema_number(None) == 0
    assert schema_number("0002") == 2


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.close()
    before = digest(path)
    with pytest.raises(SchemaTooNewError, match="newer version of sciapp"):
        open_database(path)
    assert digest(path) == before
    assert list(tmp_path.iterdir()) == [path]


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database" * 100)
    with pytest.raises(NotADatabaseError, match="not a database"):
        open_database(path)
    assert path.read_text().startswith("these are my notes")


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.close()
    with pytest.raises(NotADatabaseError, match="not one of sciapp's"):
        open_database(path)


SECOND_MIGRATION = '''
"""Add a website to partnerships (test-only migration).

Revision ID: 0099
Revises: PREVIOUS
"""
import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "PREVIOUS"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("partnership") as batch:
        batch.add_column(sa.Column("website", sa.String(200), nullable=True))


def downgrade():
    with op.batch_alter_table("partnership") as batch:
        batch.drop_column("website")
'''


@pytest.fixture
def with_second_migration(tmp_path, monkeypatch):
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts)
    (scripts / "versions" / "0099_website.py").write_text(
        textwrap.dedent(SECOND_MIGRATION).replace("PREVIOUS", HEAD)
    )
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)
    monkeypatch.setattr(schema_module, "KNOWN_REVISIONS", (*KNOWN_REVISIONS, "0099"))
    monkeypatch.setattr(schema_module, "HEAD", "0099")


def test_an_older_database_is_copied_then_migrated(tmp_path, workspace, monkeypatch, request):
    from sciapp.demo import load_demo

    load_demo(workspace)
    path = workspace.path
    workspace.close()
    request.getfixturevalue("with_second_migration")

    db = open_database(path)
    assert db.revision == "0099"
    assert db.backup_made is not None
    assert db.backup_made.parent == path.parent
    assert f"before-migration-from-{HEAD}" in db.backup_made.name
    assert read_revision(db.backup_made) == HEAD
    with sqlite3.connect(db.backup_made) as old:
        assert old.execute("SELECT count(*) FROM partnership").fetchone() == (11,)
    old.close()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM partnership")).scalar() == 11
        ddl = conn.execute(text("SELECT sql FROM sqlite_master WHERE name='partnership'")).scalar()
    # The batch migration rebuilt the table; the named check constraint survived it.
    assert "website" in ddl
    assert "ck_partnership_status_valid" in ddl
    db.close()


def test_alembic_is_imported_only_when_a_migration_is_due(tmp_path):
    path = tmp_path / "x.sqlite3"
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from sciapp.storage.opening import open_database
        db = open_database(Path({str(path)!r}))
        print("alembic" in sys.modules)
        """
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    second = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert first.stdout.strip() == "True"
    assert second.stdout.strip() == "False"
