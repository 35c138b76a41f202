"""Each bad file or place gets its own sentence: read-only file, folder not writable, disk
full, damaged; and a read-only look leaves nothing behind that blocks a later writer."""

import os
import shutil
import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from sciapp.services.opening import StoreDamagedError, open_workspace
from sciapp.services.safekeeping.backups import automatic_backup
from sciapp.settings import Settings
from sciapp.storage.opening import open_database
from sciapp.storage.trouble import damage_location, quick_check
from tests.services.partnerships.test_service import draft
from tests.storage.damage import damage_page, damage_table
from tests.storage.unprivileged import run_python

pytestmark = pytest.mark.sqlite_only("the SQLite file and its folder")

LOOK = """
import sys
from pathlib import Path
from sciapp.storage.opening import open_database
from sciapp.storage.errors import StorageError
path = Path(sys.argv[1])
try:
    open_database(path, "Tom")
    print("opened for writing")
except StorageError as exc:
    print(f"refused ({type(exc).__name__}): {exc}")
try:
    db = open_database(path, "Tom", read_only=True)
except StorageError as exc:
    print(f"not readable ({type(exc).__name__}): {exc}")
else:
    with db.engine.connect() as conn:
        print("rows:", conn.exec_driver_sql("SELECT count(*) FROM partnership").scalar())
    db.close()
"""

WRITE = """
import sys
from pathlib import Path
from sciapp.services.opening import open_workspace
from sciapp.domain.partnership import PartnershipDraft
ws = open_workspace(Path(sys.argv[1]), actor="Tom")
ws.partnerships.create(PartnershipDraft(kind="sister", partner_city="Graz", partner_country="AT"))
print("saved:", ws.partnerships.count())
ws.close()
"""


@pytest.fixture
def register(tmp_path):
    folder = tmp_path / "office"
    folder.mkdir()
    path = folder / "register.sqlite3"
    ws = open_workspace(path, actor="Andrea Lopez")
    ws.partnerships.create(draft())
    ws.close()
    yield path
    os.chmod(folder, 0o700)  # let pytest clean up
    os.chmod(path, 0o600)


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_a_read_only_file_is_said_so_and_is_read_without_leaving_a_shm(register):
    os.chmod(register, 0o400)
    result = run_python(LOOK, str(register))
    assert "refused (ReadOnlyFileError)" in result.stdout, result.stdout + result.stderr
    assert f"{register} is read-only" in result.stdout
    assert "rows: 1" in result.stdout
    assert names(register.parent) == ["register.sqlite3"]  # no -shm, -wal or lock left
    os.chmod(register, 0o600)
    assert "saved: 2" in run_python(WRITE, str(register)).stdout


def test_a_read_only_shm_left_by_another_program_no_longer_blocks_writes(register):
    os.chmod(register, 0o400)
    # What a plain read-only SQLite connection leaves: a -shm and -wal as read-only as the file.
    leave = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], uri=True); "
        "c.execute('SELECT count(*) FROM partnership').fetchone(); c.close()"
    )
    result = run_python(leave, register.resolve().as_uri() + "?mode=ro")
    assert result.returncode == 0, result.stderr
    assert "register.sqlite3-shm" in names(register.parent)
    os.chmod(register, 0o600)
    result = run_python(WRITE, str(register))
    assert "saved: 2" in result.stdout, result.stderr


def test_a_folder_that_is_not_writable_is_said_so_and_can_be_read(register):
    os.chmod(register.parent, 0o500)
    result = run_python(LOOK, str(register))
    assert "refused (FolderNotWritableError)" in result.stdout, result.stdout + result.stderr
    assert f"The folder {register.parent} is not writable" in result.stdout
    assert "rows: 1" in result.stdout
    result = run_python(LOOK, str(register.parent / "new.sqlite3"))
    assert "Choose a folder of your own" in result.stdout
    assert names(register.parent) == ["register.sqlite3"]


@pytest.fixture
def full_disk(register):
    """SQLite's own 'database or disk is full', as a full disk gives it: the file may grow
    by a few pages, no more."""
    with closing(sqlite3.connect(register)) as conn:
        (pages,) = conn.execute("PRAGMA page_count").fetchone()

    def cap(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    event.listen(Engine, "connect", cap)
    yield register
    event.remove(Engine, "connect", cap)


def test_a_full_disk_is_said_so_and_nothing_is_half_written(full_disk, tmp_path, capsys):
    from sciapp.cli import main

    rows = "".join(f"sister,City {n},JP,,{'x' * 500}\n" for n in range(400))
    (tmp_path / "many.csv").write_text(
        f"kind,partner_city,partner_country,partner_region,notes\n{rows}"
    )
    assert main(["--db", str(full_disk), "partnerships", "import", str(tmp_path / "many.csv")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sciapp: The disk holding {full_disk} is full")
    assert "Traceback" not in err
    ws = open_workspace(full_disk, read_only=True)
    assert ws.partnerships.count() == 1  # all or nothing
    ws.close()


def test_a_damaged_page_is_found_and_named(register):
    page = damage_table(register, "partnership")
    assert quick_check(register)
    where = damage_location(register)
    assert f"page {page}" in where
    assert "the partnership table" in where


def test_a_damaged_table_of_contents_names_the_newest_good_backup(register, tmp_path):
    settings = Settings()
    import datetime as dt

    good = automatic_backup(register, settings, "start", dt.datetime(2026, 11, 30, 9, 0))
    newer = automatic_backup(register, settings, "quit", dt.datetime(2026, 11, 30, 17, 0))
    os.utime(good, (1_000, 1_000))
    damage_page(newer, 1, at=100)  # a backup damaged too is passed over
    damage_page(register, 1, at=100)
    with pytest.raises(StoreDamagedError) as caught:
        open_workspace(register)
    message = str(caught.value)
    assert f"{register} is damaged" in message
    assert "page 1" in message
    assert f"Restore it from the newest good backup, {good}" in message
    with pytest.raises(StoreDamagedError, match="is damaged"):
        open_workspace(register, read_only=True)
    shutil.rmtree(good.parent)
    with pytest.raises(StoreDamagedError, match="No good backup was found"):
        open_workspace(register)


def test_a_file_that_is_not_sqlite_is_not_called_damaged(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"%PDF-1.7 not a database" * 100)
    with pytest.raises(Exception, match="not an SQLite file"):
        open_database(path, "Tom")
