"""The one-writer lock belongs to the file, whichever name or address opens it."""

import os
import stat
import subprocess
import sys

import pytest

from sciapp.storage.errors import DatabaseInUseError
from sciapp.storage.lock import holder_of, identity_lock_path, lock_path
from sciapp.storage.opening import open_database
from sciapp.storage.server import open_database_url, sqlite_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks and hard links: POSIX")


@pytest.fixture
def held(tmp_path):
    path = tmp_path / "office" / "register.sqlite3"
    db = open_database(path, "Andrea Lopez")
    yield path, db
    db.close()


def test_a_symlink_to_a_held_file_is_a_second_writer(held, tmp_path):
    path, _db = held
    (tmp_path / "shortcut.sqlite3").symlink_to(path)
    with pytest.raises(DatabaseInUseError, match="open in sciapp by Andrea Lopez"):
        open_database(tmp_path / "shortcut.sqlite3", "Tom")
    assert holder_of(tmp_path / "shortcut.sqlite3")["user"] == "Andrea Lopez"


def test_a_hard_link_to_a_held_file_is_refused_and_named(held, tmp_path):
    path, db = held
    os.link(path, tmp_path / "twin.sqlite3")
    with pytest.raises(DatabaseInUseError, match="the same file under another name") as caught:
        open_database(tmp_path / "twin.sqlite3", "Tom")
    assert str(path) in str(caught.value)
    assert holder_of(tmp_path / "twin.sqlite3")["user"] == "Andrea Lopez"
    # Read-only through the twin reads the holder's write-ahead log: it sees the last write.
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('x', '1')")
    reader = open_database(tmp_path / "twin.sqlite3", "Tom", read_only=True)
    with reader.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT value FROM setting WHERE key='x'").scalar() == "1"
    reader.close()


@pytest.mark.parametrize(
    "spelling", ["sqlite:///{path}", "sqlite:///{rel}", "sqlite+pysqlite:///{path}"]
)
def test_an_sqlite_address_takes_the_same_lock(held, spelling, monkeypatch):
    path, _db = held
    monkeypatch.chdir(path.parent.parent)
    url = spelling.format(path=path, rel=f"office/../office/{path.name}")
    assert sqlite_file(url) is not None
    with pytest.raises(DatabaseInUseError):
        open_database_url(url, "Tom")


def test_a_relative_or_roundabout_name_is_the_same_file(held, monkeypatch):
    path, _db = held
    monkeypatch.chdir(path.parent)
    with pytest.raises(DatabaseInUseError):
        open_database(path.parent / ".." / "office" / path.name, "Tom")
    with pytest.raises(DatabaseInUseError):
        open_database(type(path)(path.name), "Tom")


def test_a_hard_link_in_another_process_is_refused(held, tmp_path):
    path, _db = held
    twin = tmp_path / "elsewhere" / "twin.sqlite3"
    twin.parent.mkdir()
    os.link(path, twin)
    code = (
        "import sys; from pathlib import Path; from sciapp.storage.opening import open_database;"
        "from sciapp.storage.errors import DatabaseInUseError\n"
        "try:\n    open_database(Path(sys.argv[1]), 'Tom')\n"
        "except DatabaseInUseError as exc:\n    print('refused:', exc); sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(twin)], capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "open in sciapp by Andrea Lopez" in result.stdout


def test_locks_are_owner_only_and_go_when_closed(tmp_path):
    path = tmp_path / "register.sqlite3"
    db = open_database(path, "Andrea Lopez")
    identity = identity_lock_path(path)
    for lock in (lock_path(path), identity):
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    assert stat.S_IMODE(identity.parent.stat().st_mode) == 0o700
    db.close()
    assert not lock_path(path).exists()
    assert not identity.exists()
    assert holder_of(path) is None


def test_a_crash_under_another_name_loses_no_committed_write(tmp_path):
    """A session killed while using a hard link left its writes in that name's -wal; the
    next writer, under the other name, folds them in first."""
    path = tmp_path / "register.sqlite3"
    open_database(path, "setup").close()
    twin = tmp_path / "twin.sqlite3"
    os.link(path, twin)
    code = (
        "import os, sys; from pathlib import Path; from sciapp.storage.opening import "
        "open_database\ndb = open_database(Path(sys.argv[1]), 'Crashed Clerk')\n"
        "with db.engine.begin() as c:\n"
        '    c.exec_driver_sql("PRAGMA wal_autocheckpoint=0")\n'
        "    c.exec_driver_sql(\"INSERT INTO setting (key, value) VALUES ('kept', 'yes')\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(twin)], check=True)
    assert os.path.getsize(f"{twin}-wal") > 0
    db = open_database(path, "Next Clerk")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT value FROM setting WHERE key='kept'").scalar() == "yes"
    db.close()


def test_a_lock_named_by_a_reused_inode_number_does_not_keep_a_new_file_out(tmp_path):
    # A session whose file was replaced (restored) still holds the lock named by the old
    # inode; when the system gives that number to a new file, the new file must open.
    import fcntl
    import json

    mine = tmp_path / "mine.sqlite3"
    theirs = tmp_path / "theirs.sqlite3"
    mine.touch()
    theirs.touch()
    identity = identity_lock_path(mine)
    identity.parent.mkdir(mode=0o700, exist_ok=True)
    with open(identity, "w", encoding="utf-8") as planted:
        fcntl.flock(planted.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        planted.write(json.dumps({"user": "restore", "path": str(theirs)}))
        planted.flush()
        db = open_database(mine, "Tom")
        db.close()
        # ... while one naming this very file (a hard link's holder) still keeps it out.
        planted.seek(0)
        planted.truncate()
        planted.write(json.dumps({"user": "Andrea Lopez", "path": str(mine)}))
        planted.flush()
        with pytest.raises(DatabaseInUseError, match="Andrea Lopez"):
            open_database(mine, "Tom")


def test_a_crash_s_fresh_lock_is_left_for_its_reopening_and_an_old_one_pruned(tmp_path):
    # Another session's pruner holding a just-crashed session's lock for an instant would
    # look like a holder to the register's own reopening: only old ones are pruned.
    import json
    import os

    from sciapp.storage import lock

    folder = tmp_path / "locks"
    folder.mkdir()
    fresh, old = folder / "1-1.lock", folder / "1-2.lock"
    for path in (fresh, old):
        path.write_text(json.dumps({"user": "crashed", "path": "/gone"}), encoding="utf-8")
    long_ago = old.stat().st_mtime - lock.PRUNE_AFTER - 60
    os.utime(old, (long_ago, long_ago))
    lock._prune_stale(folder)
    assert fresh.exists()
    assert not old.exists()
