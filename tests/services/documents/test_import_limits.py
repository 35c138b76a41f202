"""Files at the extremes (nesting 100,000 deep, a 5,000-digit number, an id of 10^20, a
100 MB title) end in one clear problem naming where, never a traceback or a hang; the
editors' saves hold to the same caps."""

import io
import json
import time
import zipfile

import pytest

from sciapp.services.documents.records import LetterDraft, ResolutionDraft
from sciapp.services.errors import ImportRejectedError, ValidationError
from sciapp.services.exchange.json_input import MAX_DEPTH, load_json
from sciapp.services.safekeeping.archive import MANIFEST, import_archive
from sciapp.storage.schema import HEAD


def resolution(**changes):
    return {
        "number": "2030-01",
        "title": "On friendship",
        "body": "City Council",
        "operative": ["That the council is friendly."],
        **changes,
    }


def letter(**changes):
    return {
        "date": "2030-01-05",
        "to": ["Mayor"],
        "salutation": "Dear Mayor:",
        "body": ["Hello."],
        **changes,
    }


def problems_of(workspace, content):
    with pytest.raises(ImportRejectedError) as info:
        workspace.documents.import_json(content)
    assert workspace.documents.list_resolutions() == []
    assert workspace.documents.list_letters() == []
    return info.value.problems


def test_nesting_100000_deep_is_one_sentence(workspace):
    deep = b'{"resolutions": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert problems_of(workspace, deep) == [f"the file is nested more than {MAX_DEPTH} levels deep"]
    objects = b'{"a":' * 100_000 + b"1" + b"}" * 100_000
    assert problems_of(workspace, objects) == [
        f"the file is nested more than {MAX_DEPTH} levels deep"
    ]
    # Deeper than the limit but shallow enough for the parser: the same answer.
    assert problems_of(workspace, b"[" * 40 + b"]" * 40) == [
        f"the file is nested more than {MAX_DEPTH} levels deep"
    ]


def test_a_5000_digit_number_and_an_id_of_10_to_the_20(workspace):
    huge = '{"letters": [' + json.dumps(letter())[:-1] + ', "id": ' + "7" * 5000 + "}]}"
    assert problems_of(workspace, huge.encode()) == [
        "letters[0].id: must be a whole number from 1 to 2,147,483,647"
    ]
    big = json.dumps({"letters": [letter(id=10**20)]}).encode()
    assert problems_of(workspace, big) == [
        "letters[0].id: must be a whole number from 1 to 2,147,483,647"
    ]
    anywhere = b'{"resolutions": ' + b"9" * 5000 + b"}"
    assert problems_of(workspace, anywhere) == ["resolutions: must be a list of objects"]
    title = json.dumps({"resolutions": [resolution()]}).replace('"On friendship"', "1" * 5000)
    assert problems_of(workspace, title.encode()) == ["resolutions[0].title: must be text"]


def test_a_100_mb_title_is_refused_quickly_by_its_path(workspace):
    content = json.dumps({"resolutions": [resolution(title="T" * 100_000_000)]}).encode()
    started = time.monotonic()
    problems = problems_of(workspace, content)
    assert problems == ["resolutions[0].title: at most 500 characters (this has 100,000,000)"]
    assert time.monotonic() - started < 10


def test_every_field_has_its_cap_and_no_control_characters(workspace):
    document = {
        "resolutions": [
            resolution(
                number="2030-" + "1" * 40,
                body="B" * 201,
                operative=["ok", "x" * 20_001],
                preamble=["WHEREAS\x00"],
                votes={"ayes": ["Ada", "Ben\x1b[8m"]},
            )
        ],
        "letters": [letter(salutation="Dear\x07", closing="C" * 101, cc=["x"] * 501)],
    }
    assert problems_of(workspace, json.dumps(document).encode()) == [
        "resolutions[0].number: at most 40 characters (this has 45)",
        "resolutions[0].body: at most 200 characters (this has 201)",
        "resolutions[0].votes.ayes[1]: must not contain control characters (found U+001B)",
        "resolutions[0].operative[1]: at most 20,000 characters (this has 20,001)",
        "resolutions[0].preamble[0]: must not contain control characters (found U+0000)",
        "letters[0].salutation: must not contain control characters (found U+0007)",
        "letters[0].closing: at most 100 characters (this has 101)",
        "letters[0].cc: at most 500 entries (501)",
    ]


def test_names_in_a_documents_file_are_cleaned(workspace):
    document = {
        "resolutions": [
            resolution(body="City\u200b Council", votes={"ayes": ["A\u200bda"]}),
            resolution(number="2030-02", body="City Council"),
        ]
    }
    workspace.documents.import_json(json.dumps(document).encode())
    assert [b.name for b in workspace.bodies.list_bodies()] == ["City Council"]
    assert workspace.documents.resolution("2030-01").votes.ayes == ("Ada",)


def test_the_editors_save_under_the_same_caps(workspace):
    from sciapp.domain.bodies import BodyKind

    body = workspace.bodies.create_body("City Council", BodyKind.COUNCIL, 7)
    with pytest.raises(ValidationError) as info:
        workspace.documents.create_resolution(ResolutionDraft("T" * 501, body.id, (), ("x",)))
    assert info.value.errors == {"title": "at most 500 characters (this has 501)"}
    with pytest.raises(ValidationError) as info:
        workspace.documents.create_resolution(ResolutionDraft("T", body.id, (), ("x\x00",)))
    assert info.value.errors == {
        "operative": "entry 1: must not contain control characters (found U+0000)"
    }
    import datetime as dt

    draft = LetterDraft(dt.date(2030, 1, 5), ("Mayor",), "Dear Mayor:\x1b", ("Hello.",))
    with pytest.raises(ValidationError) as info:
        workspace.documents.save_letter(draft)
    assert info.value.errors == {"salutation": "must not contain control characters (found U+001B)"}
    assert workspace.documents.list_resolutions() == []
    assert workspace.documents.list_letters() == []


def archive_with(tables_json: str) -> io.BytesIO:
    manifest = (
        f'{{"format": "sciapp-archive", "version": 1, "schema": "{HEAD}", "tables": {tables_json}}}'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(MANIFEST, manifest)
    buffer.seek(0)
    return buffer


@pytest.mark.parametrize(
    ("tables", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, f"{MANIFEST} is nested more than {MAX_DEPTH} levels deep"),
        ('{"body": [{"id": ' + "9" * 5000 + "}]}", "a number of 5,000 digits is too long"),
        ('{"body": [{"id": 100000000000000000000}]}', "a number of 21 digits is too long"),
        ('{"body": [{"id": 10000000000000000000}]}', "is too large for a whole-number column"),
        ('{"body": [{"id": -2147483649}]}', "is too large for a whole-number column"),
        ('{"body": [{"id": 1, "name": "Coun\\u0000cil"}]}', "holds a NUL character (U+0000)"),
    ],
)
def test_archives_at_the_extremes(workspace, tmp_path, tables, problem):
    with pytest.raises(ImportRejectedError) as info:
        import_archive(workspace.db, archive_with(tables), tmp_path / "attachments")
    assert any(problem in p for p in info.value.problems), info.value.problems
    assert workspace.bodies.list_bodies() == []


@pytest.mark.parametrize(
    ("content", "start"),
    [
        (b"\xff{}", "manifest is not UTF-8 text"),
        (b"{", "manifest is not valid JSON"),
        (b'"\\ud800"', "manifest: the file holds escaped characters that are not text"),
    ],
)
def test_load_json_names_what_it_reads(content, start):
    with pytest.raises(ImportRejectedError) as info:
        load_json(content, "manifest")
    assert len(info.value.problems) == 1
    assert info.value.problems[0].startswith(start)


def test_load_json_reads_what_sciapp_writes():
    assert load_json(b'\xef\xbb\xbf{"a": [1, -2, 3.5]}') == {"a": [1, -2, 3.5]}
