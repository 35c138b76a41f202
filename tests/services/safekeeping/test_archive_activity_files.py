"""An activity's files, kept in the database, travel in an archive as zip entries of their
own and come back byte for byte; a missing or altered one is named and nothing is written.
A backup copies the database file, so it carries them as they are."""

import datetime as dt
import io
import json
import zipfile

import pytest

from sciapp.domain.activities import ActivityKind
from sciapp.domain.partnership import PartnershipDraft
from sciapp.services.activities.records import ActivityDraft
from sciapp.services.errors import ImportRejectedError
from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.archive import MANIFEST, export_archive, import_archive

PHOTO = bytes(range(256)) * 40  # not text: no NUL or encoding survives JSON


@pytest.fixture
def with_file(workspace):
    tie = workspace.partnerships.create(
        PartnershipDraft(partner_city="Guadalajara", partner_country="MX", established="1979")
    ).id
    activity = workspace.activities.add(
        ActivityDraft(tie, ActivityKind.SISTER_SCHOOLS, "Pen pals", dt.date(2024, 3, 1))
    ).id
    workspace.activities.attach_file(activity, "class photo.jpg", PHOTO)
    return workspace


@pytest.fixture
def fresh(tmp_path):
    ws = open_workspace(tmp_path / "fresh" / "register.sqlite3")
    yield ws
    ws.close()


def exported(workspace) -> bytes:
    buffer = io.BytesIO()
    export_archive(workspace.db, buffer)
    return buffer.getvalue()


def test_a_file_goes_out_as_an_entry_and_comes_back_whole(with_file, fresh):
    data = exported(with_file)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        (row,) = json.loads(z.read(MANIFEST))["tables"]["activity_file"]
        assert z.read(row["content"]) == PHOTO
    report = import_archive(fresh.db, io.BytesIO(data))
    assert (report.attachments, report.files) == (0, 1)
    (activity,) = fresh.activities.list()
    (file,) = activity.files
    assert fresh.activities.file_content(file.id)[1] == PHOTO


def rezipped(data: bytes, change) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        manifest = json.loads(src.read(MANIFEST))
        entries = {n: src.read(n) for n in src.namelist() if n != MANIFEST}
        change(manifest, entries)
        dst.writestr(MANIFEST, json.dumps(manifest))
        for name, content in entries.items():
            dst.writestr(name, content)
    out.seek(0)
    return out


def test_an_altered_or_missing_file_is_named_and_nothing_written(with_file, fresh):
    data = exported(with_file)

    def alter(manifest, entries):
        name = manifest["tables"]["activity_file"][0]["content"]
        entries[name] = entries[name][:-1] + b"!"

    def drop(manifest, entries):
        entries.pop(manifest["tables"]["activity_file"][0]["content"])

    for change, words in ((alter, "does not match its SHA-256"), (drop, "names no file")):
        with pytest.raises(ImportRejectedError) as caught:
            import_archive(fresh.db, rezipped(data, change))
        assert any(
            p.startswith("tables.activity_file[0].content") and words in p
            for p in caught.value.problems
        ), caught.value.problems
    assert fresh.activities.list() == []


def test_check_names_an_activity_row_that_breaks_a_rule(with_file):
    from sqlalchemy import text

    with with_file.db.engine.begin() as conn:
        conn.execute(text("UPDATE activity SET kind = 'picnic', starts_on = '2024-02-30'"))
    problems = with_file.safekeeping.check().problems
    assert any("activity 1" in p and "starts_on" in p for p in problems), problems
    assert any("activity 1" in p and "'picnic' is not one of" in p for p in problems), problems


@pytest.mark.sqlite_only("a backup is a copy of the SQLite file")
def test_a_backup_carries_the_files_as_they_are(with_file, tmp_path):
    copy = with_file.safekeeping.back_up_to(tmp_path / "backup.sqlite3")
    restored = open_workspace(copy, read_only=True)
    try:
        (activity,) = restored.activities.list()
        (file,) = activity.files
        assert restored.activities.file_content(file.id)[1] == PHOTO
    finally:
        restored.close()


def test_check_names_a_file_that_no_longer_matches_its_digest(with_file):
    from sqlalchemy import text

    assert with_file.safekeeping.check().problems == []
    with with_file.db.engine.begin() as conn:
        conn.execute(text("UPDATE activity_file SET sha256 = :d"), {"d": "0" * 64})
    (problem,) = with_file.safekeeping.check().problems
    assert problem == (
        "activity_file 1 (class photo.jpg): does not match its SHA-256 digest (damaged?)"
    )
