"""The one atomic file writer: the old file survives every failure, byte for byte."""

import errno
import os
import stat

import pytest

from sciapp import files
from sciapp.files import open_atomic, write_atomic, write_problem, write_text_atomic

GOOD = b'{"resolutions": [], "letters": []}\n' * 100


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_writes_a_new_file_and_replaces_an_old_one(tmp_path):
    target = tmp_path / "out.json"
    write_atomic(target, b"first")
    assert target.read_bytes() == b"first"
    write_text_atomic(target, "zweite Fassung – ü")
    assert target.read_text(encoding="utf-8") == "zweite Fassung – ü"
    assert leftovers(tmp_path) == []


def test_a_full_disk_while_writing_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "documents.json"
    target.write_bytes(GOOD)
    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(OSError, match="No space left") as info:
        write_atomic(target, b"x" * 8192)
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_a_full_disk_at_fsync_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "votes.csv"
    target.write_bytes(GOOD)
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"), open_atomic(target, "w") as out:
        out.write("motion_id,motion\r\n" * 10_000)
    assert target.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_an_error_inside_the_block_replaces_nothing(tmp_path):
    target = tmp_path / "partnerships.csv"
    target.write_bytes(GOOD)

    def export(out):
        out.write("half a file")
        raise RuntimeError("the export failed half way")

    with pytest.raises(RuntimeError, match="half way"), open_atomic(target, "w") as out:
        export(out)
    assert target.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_a_failed_rename_leaves_no_temporary(tmp_path):
    target = tmp_path / "a-folder"
    target.mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomic(target, b"data")
    assert target.is_dir()
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_an_oserror_before_anything_is_written(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "no-such-folder" / "out.pdf", b"%PDF")


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_private_files_are_owner_only_and_others_keep_their_mode(tmp_path):
    archive = tmp_path / "commission.zip"
    old = os.umask(0)
    try:
        write_atomic(archive, b"PK", private=True)
        shared = tmp_path / "letter.pdf"
        write_atomic(shared, b"%PDF")
        assert stat.S_IMODE(shared.stat().st_mode) == 0o666  # umask 0: the user asked for it
        shared.chmod(0o640)
        write_atomic(shared, b"%PDF again")
        assert stat.S_IMODE(shared.stat().st_mode) == 0o640
    finally:
        os.umask(old)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600 == files.PRIVATE


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_symlink_is_written_through(tmp_path):
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_the_rename_and_the_folder_are_flushed(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    write_atomic(tmp_path / "out.pdf", b"%PDF")
    assert len(synced) == (1 if os.name == "nt" else 2)  # the file, then its folder


def test_only_writing_modes_are_accepted(tmp_path):
    with pytest.raises(ValueError, match="writes"), open_atomic(tmp_path / "x", "a"):
        pass


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EACCES, "the folder is not writable"),
        (errno.EPERM, "the folder is not writable"),
        (errno.EROFS, "the disk is read-only"),
        (errno.ENOENT, "the folder does not exist"),
        (errno.EISDIR, "it is a folder"),
        (errno.EIO, "input/output error"),
    ],
)
def test_write_problems_are_one_plain_sentence(code, words):
    message = write_problem(OSError(code, os.strerror(code)), "out.json")
    assert message.startswith(f"cannot write out.json: {words}")
    assert "\n" not in message
