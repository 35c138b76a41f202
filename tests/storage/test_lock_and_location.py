import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sciapp.storage.errors import DatabaseInUseError, ReadOnlyError, StorageError
from sciapp.storage.location import location_risk
from sciapp.storage.lock import holder_of, lock_path
from sciapp.storage.opening import open_database


def test_a_second_writer_is_told_who_has_the_file_and_can_read_it(tmp_path):
    path = tmp_path / "register.sqlite3"
    first = open_database(path, "Andrea Lopez")
    with pytest.raises(DatabaseInUseError, match="open in sciapp by Andrea Lopez on ") as caught:
        open_database(path, "Tom")
    assert caught.value.holder["pid"] == os.getpid()
    assert holder_of(path)["user"] == "Andrea Lopez"
    reader = open_database(path, "Tom", read_only=True)
    with reader.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM partnership").scalar() == 0
    from sciapp.storage.document_models import Setting

    session = reader.session()
    with pytest.raises(ReadOnlyError, match="open read-only"), session.begin():
        session.add(Setting(key="x", value="1"))
    reader.close()
    first.close()
    assert not lock_path(path).exists()
    assert holder_of(path) is None
    open_database(path, "Tom").close()  # free again


def test_a_lock_left_by_a_crashed_session_is_cleared(tmp_path):
    path = tmp_path / "register.sqlite3"
    open_database(path, "setup").close()
    # A session that dies without closing: its lock file stays, its OS lock dies with it.
    code = (
        "import os, sys; from pathlib import Path; from sciapp.storage.opening import "
        "open_database; open_database(Path(sys.argv[1]), 'Crashed Clerk'); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert json.loads(lock_path(path).read_text())["user"] == "Crashed Clerk"
    db = open_database(path, "Next Clerk")
    assert db.lock.stale["user"] == "Crashed Clerk"
    db.close()


def test_read_only_needs_an_up_to_date_register(tmp_path):
    with pytest.raises(StorageError, match="no register yet"):
        open_database(tmp_path / "new.sqlite3", read_only=True)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/home/ann/OneDrive - City of Lansing/sciapp.sqlite3", "OneDrive folder"),
        ("/Users/ann/Dropbox/commission/sciapp.sqlite3", "Dropbox folder"),
        ("/Users/ann/Library/CloudStorage/GoogleDrive-ann@x.org/My Drive/s.sqlite3", "cloud"),
        ("/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/s.sqlite3", "iCloud Drive"),
        ("//cityhall/clerk/sciapp.sqlite3", "network share (a Windows share)"),
    ],
)
def test_cloud_and_share_locations_are_explained(path, words):
    assert words in location_risk(Path(path), mounts="")


def test_network_mounts_are_found_from_the_mount_table():
    mounts = (
        "/dev/sda1 / ext4 rw 0 0\n"
        "server:/export /mnt/clerk nfs4 rw 0 0\n"
        "//hall/share /mnt/city\\040hall cifs rw 0 0\n"
    )
    assert "network share (nfs4)" in location_risk(Path("/mnt/clerk/s.sqlite3"), mounts)
    assert "(cifs)" in location_risk(Path("/mnt/city hall/s.sqlite3"), mounts)
    assert location_risk(Path("/home/ann/.local/share/sciapp/s.sqlite3"), mounts) is None
    assert location_risk(Path("/mnt/clerkship/s.sqlite3"), mounts) is None
