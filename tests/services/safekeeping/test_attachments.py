"""Each register keeps its attachments in a folder of its own; paths are relative to the
database's folder and resolved there, whatever the working folder."""

import io
from dataclasses import replace

import pytest

from sciapp.demo import load_demo
from sciapp.services.opening import open_workspace
from sciapp.services.reports import rendering
from sciapp.services.safekeeping import archive
from sciapp.services.safekeeping.archive import export_archive, import_archive

pytestmark = pytest.mark.sqlite_only("attachments beside the database file")


def archive_with_seal(tmp_path, name: str, image: bytes) -> bytes:
    ws = open_workspace(tmp_path / f"source-{name}.sqlite3")
    load_demo(ws)
    seal = tmp_path / f"{name}.png"
    seal.write_bytes(image)
    ws.documents.save_settings(replace(ws.documents.settings(), seal=str(seal)))
    buffer = io.BytesIO()
    export_archive(ws.db, buffer)
    ws.close()
    return buffer.getvalue()


@pytest.fixture
def office(tmp_path):
    folder = tmp_path / "office"
    folder.mkdir()
    return folder


def test_two_registers_side_by_side_keep_their_own_seal(tmp_path, office, monkeypatch):
    ours = archive_with_seal(tmp_path, "lansing", b"\x89PNG Lansing seal")
    theirs = archive_with_seal(tmp_path, "okayama", b"\x89PNG Okayama seal")
    a = open_workspace(office / "a.sqlite3")
    import_archive(a.db, io.BytesIO(ours))
    a_seal = office / a.documents.settings().seal
    assert a.documents.settings().seal.startswith("a.sqlite3-attachments/")

    b = open_workspace(office / "b.sqlite3")

    def fail(*args):  # the import breaks off after its attachment was written
        raise RuntimeError("the disk was removed")

    monkeypatch.setattr(archive, "sync_sequences", fail)
    with pytest.raises(RuntimeError):
        import_archive(b.db, io.BytesIO(theirs))
    monkeypatch.undo()
    assert a_seal.read_bytes() == b"\x89PNG Lansing seal"  # untouched by b's failure
    assert list((office / "b.sqlite3-attachments").iterdir()) == []  # b's own, removed

    import_archive(b.db, io.BytesIO(theirs))
    b_seal = office / b.documents.settings().seal
    assert b_seal.read_bytes() == b"\x89PNG Okayama seal"
    assert a_seal.read_bytes() == b"\x89PNG Lansing seal"
    a.close()
    b.close()


def test_the_seal_is_found_from_any_working_folder(tmp_path, office, monkeypatch):
    ws = open_workspace(office / "register.sqlite3")
    import_archive(ws.db, io.BytesIO(archive_with_seal(tmp_path, "lansing", b"\x89PNG seal")))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    head = rendering.letterhead(ws.documents.settings(), ws)
    assert head.seal is not None
    assert head.seal.read_bytes() == b"\x89PNG seal"
    buffer = io.BytesIO()
    assert export_archive(ws.db, buffer).attachments == 1  # and it travels on
    ws.close()
