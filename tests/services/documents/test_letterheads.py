"""Each body has its own letterhead and signers, and a document uses its body's: a City
Council resolution prints on the council's letterhead, a commission letter on the
commission's, signed by its chair."""

import datetime as dt
import io
import json
from dataclasses import replace

import pytest

from sciapp.domain.bodies import BodyKind
from sciapp.services.documents.records import LetterDraft, LetterheadSettings, Person
from sciapp.services.errors import ImportRejectedError, ValidationError
from sciapp.services.reports import rendering
from tests.pdf.conftest import pdf_text

MARCH = dt.date(2022, 3, 10)


def flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_a_council_resolution_prints_on_the_councils_letterhead_with_its_signers(
    demo_workspace,
):
    text = flat(rendering.render_resolution(demo_workspace, "2022-01").pdf)
    assert text.startswith("City of Lansing — City Council")
    assert "Lansing Regional Sister Cities Commission 124" not in text
    assert "Carol Whitaker, Council President" in text
    assert "Andrea Lopez, City Clerk" in text
    assert (
        "certify that the foregoing resolution was adopted by the Lansing City Council at a "
        "regular meeting held on the 14th day of March, 2022, by the following vote:"
    ) in text


def test_minutes_and_agendas_print_on_their_bodys_letterhead(demo_workspace):
    meetings = demo_workspace.meetings.list_meetings()
    council = next(m for m in meetings if m.body_name == "Lansing City Council")
    commission = next(m for m in meetings if m.body_name != "Lansing City Council")
    minutes = flat(rendering.render_minutes(demo_workspace, council.id).pdf)
    assert minutes.removeprefix("DRAFT ").startswith("City of Lansing — City Council")
    assert flat(rendering.render_agenda(demo_workspace, commission.id).pdf).startswith(
        "Lansing Regional Sister Cities Commission"
    )


def test_each_letter_is_on_the_letterhead_of_the_side_that_writes_it(demo_workspace):
    keep, notice = demo_workspace.documents.list_letters()
    bodies = {b.id: b.name for b in demo_workspace.bodies.list_bodies()}
    assert bodies[keep.draft.body_id] == "Lansing Regional Sister Cities Commission"
    assert bodies[notice.draft.body_id] == "Lansing City Council"
    first = flat(rendering.render_letter(demo_workspace, keep.id).pdf)
    assert first.startswith("Lansing Regional Sister Cities Commission")
    assert "Margaret Okafor Chair, Lansing Regional Sister Cities Commission" in first
    second = flat(rendering.render_letter(demo_workspace, notice.id).pdf)
    assert second.startswith("City of Lansing — City Council")
    assert "Carol Whitaker Council President" in second


def test_the_default_writer_of_a_commission_letter_is_its_chair(demo_workspace):
    documents = demo_workspace.documents
    commission = demo_workspace.bodies.find_body("Lansing Regional Sister Cities Commission")
    writer = documents.letter_writer("commission", MARCH)
    assert writer.body_id == commission.id
    assert writer.signer == Person(
        "Margaret Okafor", "Chair, Lansing Regional Sister Cities Commission"
    )
    council = documents.letter_writer("council", MARCH)
    assert council.signer == Person("Carol Whitaker", "Council President")
    nobody = documents.letter_writer("committee", MARCH)  # no committee: the general one
    assert nobody.body_id is None
    assert nobody.signer == documents.settings().presiding


def test_a_body_without_its_own_letterhead_prints_on_the_general_one(workspace):
    body = workspace.bodies.create_body("Otsu Committee", BodyKind.COMMITTEE, 3)
    assert body.letterhead is None
    assert workspace.documents.letterhead(body.id) == workspace.documents.settings().letterhead
    own = LetterheadSettings("Otsu Committee", ("City Hall",), presiding=Person("Ann", "Chair"))
    assert workspace.bodies.set_letterhead(body.id, own).letterhead == own
    assert workspace.documents.letterhead(body.id) == own
    # Body settings saved without a letterhead keep it; None gives the general one back.
    kept = workspace.bodies.update_body(
        body.id, "Otsu Committee", BodyKind.COMMITTEE, 4, body.profile, body.quorum, ()
    )
    assert kept.letterhead == own
    cleared = workspace.bodies.update_body(
        body.id,
        "Otsu Committee",
        BodyKind.COMMITTEE,
        4,
        body.profile,
        body.quorum,
        (),
        letterhead=None,
    )
    assert cleared.letterhead is None
    made = workspace.bodies.create_body("Pskov Committee", BodyKind.COMMITTEE, 3, letterhead=own)
    assert workspace.bodies.get_body(made.id).letterhead == own


def test_a_letterhead_needs_a_name_and_a_known_paper(workspace):
    body = workspace.bodies.create_body("Otsu Committee", BodyKind.COMMITTEE, 3)
    with pytest.raises(ValidationError) as caught:
        workspace.bodies.set_letterhead(body.id, LetterheadSettings(name=" ", paper="legal"))
    assert set(caught.value.errors) == {"letterhead", "paper"}
    with pytest.raises(ValidationError) as caught:
        workspace.bodies.create_body(
            "Pskov Committee", BodyKind.COMMITTEE, 3, letterhead=LetterheadSettings(name="")
        )
    assert "letterhead" in caught.value.errors
    assert [b.name for b in workspace.bodies.list_bodies()] == ["Otsu Committee"]


def letter(**changes) -> LetterDraft:
    base = LetterDraft(MARCH, ("The Honorable Mayor",), "Dear Mayor:", ("Text.",))
    return replace(base, **changes)


def test_a_letter_names_a_body_that_exists(workspace):
    with pytest.raises(ValidationError) as caught:
        workspace.documents.save_letter(letter(body_id=999))
    assert "body" in caught.value.errors
    body = workspace.bodies.create_body("Otsu Committee", BodyKind.COMMITTEE, 3)
    saved = workspace.documents.save_letter(letter(body_id=body.id))
    assert workspace.documents.letter(saved.id).draft.body_id == body.id


def test_the_documents_file_carries_who_writes_each_letter(demo_workspace, tmp_path):
    from sciapp.services.opening import open_workspace

    exported = demo_workspace.documents.export_json()
    assert [(item.get("from"), item.get("from_kind")) for item in exported["letters"]] == [
        ("Lansing Regional Sister Cities Commission", "commission"),
        ("Lansing City Council", "council"),
    ]
    fresh = open_workspace(tmp_path / "fresh.sqlite3")
    try:
        bad = {"resolutions": [], "letters": [{**exported["letters"][0], "from_kind": "club"}]}
        with pytest.raises(ImportRejectedError) as caught:
            fresh.documents.import_json(json.dumps(bad).encode())
        assert caught.value.problems == [
            "letters[0].from_kind: one of commission, council, committee"
        ]
        fresh.bodies.create_body("Lansing City Council", BodyKind.COUNCIL, 8)
        letters_only = {"resolutions": [], "letters": exported["letters"]}
        assert fresh.documents.import_json(json.dumps(letters_only).encode()) == (0, 2)
        council = fresh.bodies.find_body("Lansing City Council")
        commission = fresh.bodies.find_body("Lansing Regional Sister Cities Commission")
        assert commission.kind is BodyKind.COMMISSION  # made, as an adopting body would be
        assert [item.draft.body_id for item in fresh.documents.list_letters()] == [
            commission.id,
            council.id,
        ]
        assert fresh.documents.export_json()["letters"] == exported["letters"]
    finally:
        fresh.close()


def test_an_archive_brings_a_bodys_letterhead_seal_along(demo_workspace, tmp_path):
    from sciapp.services.opening import open_workspace
    from sciapp.services.safekeeping.archive import export_archive, import_archive

    image = tmp_path / "council-seal.png"
    image.write_bytes(b"\x89PNG the council's seal")
    council = demo_workspace.bodies.find_body("Lansing City Council")
    assert council.letterhead is not None
    demo_workspace.bodies.set_letterhead(council.id, replace(council.letterhead, seal=str(image)))
    buffer = io.BytesIO()
    export_archive(demo_workspace.db, buffer)
    fresh = open_workspace(tmp_path / "new" / "register.sqlite3")
    try:
        report = import_archive(fresh.db, io.BytesIO(buffer.getvalue()))
        assert report.attachments == 1
        moved = fresh.bodies.find_body("Lansing City Council").letterhead
        assert moved is not None
        assert moved.seal.startswith("register.sqlite3-attachments/")
        assert (fresh.path.parent / moved.seal).read_bytes() == image.read_bytes()
    finally:
        fresh.close()


@pytest.mark.sqlite_only("a register file of schema 0007")
def test_a_register_of_schema_0007_upgrades_to_the_general_letterhead(tmp_path):
    import shutil
    from pathlib import Path

    from sciapp.services.opening import open_workspace

    fixture = Path(__file__).parents[2] / "storage" / "fixtures" / "schema-0007.sqlite3"
    path = tmp_path / "register.sqlite3"
    shutil.copy(fixture, path)
    ws = open_workspace(path)
    try:
        assert all(b.letterhead is None for b in ws.bodies.list_bodies())
        assert all(item.draft.body_id is None for item in ws.documents.list_letters())
        general = ws.documents.settings().name
        for item in ws.documents.list_letters():
            assert flat(rendering.render_letter(ws, item.id).pdf).startswith(general)
        council = ws.bodies.find_body("Lansing City Council")
        own = LetterheadSettings("City of Lansing", presiding=Person("Carol Whitaker", "Mayor"))
        assert ws.bodies.set_letterhead(council.id, own).letterhead == own
    finally:
        ws.close()
