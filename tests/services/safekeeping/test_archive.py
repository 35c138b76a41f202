import io
import json
import zipfile

import pytest

from sciapp.services.errors import ImportRejectedError
from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.archive import MANIFEST, export_archive, import_archive


def rejected(*args) -> str:
    with pytest.raises(ImportRejectedError) as caught:
        import_archive(*args)
    return "\n".join(caught.value.problems)


def archive_of(workspace) -> bytes:
    buffer = io.BytesIO()
    export_archive(workspace.db, buffer)
    return buffer.getvalue()


# The files an activity keeps in the register travel as zip entries of their own, which its
# row names: `manifest_of` keeps them beside the manifest, so `rezip` carries them again.
FILES = "_files"


def manifest_of(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        manifest = json.loads(z.read(MANIFEST))
        rows = manifest["tables"].get("activity_file", [])
        manifest[FILES] = {row["content"]: z.read(row["content"]) for row in rows}
        return manifest


def rezip(manifest: dict, extra: dict[str, bytes] | None = None) -> io.BytesIO:
    manifest = dict(manifest)
    files = manifest.pop(FILES, {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(MANIFEST, json.dumps(manifest))
        for name, content in {**files, **(extra or {})}.items():
            z.writestr(name, content)
    buffer.seek(0)
    return buffer


@pytest.fixture
def fresh(tmp_path):
    ws = open_workspace(tmp_path / "new" / "register.sqlite3")
    yield ws
    ws.close()


def test_round_trip_keeps_every_record_history_and_seal(demo_workspace, fresh, tmp_path):
    seal_image = tmp_path / "seal.png"
    seal_image.write_bytes(b"\x89PNG fake image")
    from dataclasses import replace

    settings = demo_workspace.documents.settings()
    demo_workspace.documents.save_settings(replace(settings, seal=str(seal_image)))
    data = archive_of(demo_workspace)
    report = import_archive(fresh.db, io.BytesIO(data))
    assert report.attachments == 1
    assert report.files == 1  # the demo's Otsu itinerary, kept in the register
    assert report.rows["partnership"] == 11
    assert fresh.seals.verify().problems == ()
    assert len(fresh.seals.all()) == len(demo_workspace.seals.all())
    assert len(fresh.audit.entries()) == len(demo_workspace.audit.entries())
    moved = fresh.documents.settings().seal
    # In the register's own folder, stored relative to the database's folder.
    assert moved.startswith("register.sqlite3-attachments/seal-")
    assert (fresh.path.parent / moved).read_bytes() == seal_image.read_bytes()
    again = manifest_of(archive_of(fresh))["tables"]
    first = manifest_of(data)["tables"]
    assert again == first  # export → import → export: the same records


def test_import_only_into_an_empty_register(demo_workspace):
    with pytest.raises(ImportRejectedError) as caught:
        import_archive(
            demo_workspace.db, io.BytesIO(archive_of(demo_workspace)), demo_workspace.path.parent
        )
    assert "already holds records" in caught.value.problems[0]


def test_paths_cannot_escape_the_archive_folder(demo_workspace, fresh, tmp_path):
    manifest = manifest_of(archive_of(demo_workspace))
    for name in ("../evil.txt", "/etc/evil", "attachments/../../evil", "C:\\evil"):
        assert "outside the archive" in rejected(
            fresh.db, rezip(manifest, {name: b"x"}), tmp_path / "att"
        )
    assert not (tmp_path / "evil.txt").exists()
    with pytest.warns(UserWarning, match="Duplicate"):
        twice = rezip(manifest, {MANIFEST: b"{}"})
    assert "appears twice" in rejected(fresh.db, twice, tmp_path / "att")
    assert fresh.partnerships.count() == 0


def test_each_bad_row_is_named_and_nothing_is_written(demo_workspace, fresh, tmp_path):
    manifest = manifest_of(archive_of(demo_workspace))
    tables = manifest["tables"]
    tables["partnership"][0]["partner_city"] = 42
    tables["partnership"][1]["partner_country"] = None
    tables["body"][0]["seats"] = "seven"
    tables["nonsense"] = []
    tables["member"][0]["shoe_size"] = 9
    with pytest.raises(ImportRejectedError) as caught:
        import_archive(fresh.db, rezip(manifest), tmp_path / "att")
    problems = caught.value.problems
    assert "tables.nonsense: no such table" in problems
    assert "tables.partnership[0].partner_city: expected text, found int" in problems
    assert "tables.partnership[1].partner_country: required" in problems
    assert "tables.body[0].seats: expected a whole number, found str" in problems
    assert "tables.member[0].shoe_size: no such column" in problems
    assert fresh.partnerships.count() == 0


def test_records_that_do_not_fit_together_roll_back(demo_workspace, fresh, tmp_path):
    manifest = manifest_of(archive_of(demo_workspace))
    manifest["tables"]["member"][0]["body_id"] = 999  # a member of no body
    assert "do not fit together" in rejected(fresh.db, rezip(manifest), tmp_path / "att")
    assert fresh.partnerships.count() == 0
    assert fresh.audit.entries() == []


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"not a zip", "not a zip file"),
        (None, "is missing"),
    ],
)
def test_what_is_not_an_archive_is_explained(fresh, tmp_path, content, words):
    if content is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("readme.txt", "hello")
        buffer.seek(0)
    else:
        buffer = io.BytesIO(content)
    assert words in rejected(fresh.db, buffer, tmp_path)


def test_another_schema_or_format_is_refused(demo_workspace, fresh, tmp_path):
    manifest = manifest_of(archive_of(demo_workspace))
    assert "schema" in rejected(fresh.db, rezip({**manifest, "schema": "0003"}), tmp_path)
    assert "format" in rejected(fresh.db, rezip({**manifest, "format": "zip"}), tmp_path)


def test_escapes_that_are_not_text_are_refused(demo_workspace, fresh, tmp_path):
    manifest = manifest_of(archive_of(demo_workspace))
    manifest["tables"]["partnership"][0]["notes"] = "\ud800"
    assert "not text" in rejected(fresh.db, rezip(manifest), tmp_path)
    with pytest.raises(ImportRejectedError) as caught:
        fresh.documents.import_json(b'{"resolutions": [], "letters": [], "x": "\\ud800"}')
    assert "not text" in caught.value.problems[0]
