"""A seal covers everything its document prints: names, offices, the body, the roll call and
the letterhead as they were when it was sealed. Printing a sealed record prints that snapshot."""

import dataclasses
import datetime as dt
import io

import pypdf
import pytest

from sciapp.services.documents.records import ResolutionDraft
from sciapp.services.errors import ServiceError
from sciapp.services.meetings.records import MemberDraft
from sciapp.services.reports.rendering import render_minutes, render_resolution
from sciapp.services.reports.sealed_copies import printed_resolution
from tests.services.safekeeping.test_seals_and_check import tamper


def pdf_text(rendered) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages)


def council_minutes(ws):
    return next(s for s in ws.seals.all() if s.label == "2022-03-14 meeting")


def rename(ws, body_name: str, old: str, new: str) -> None:
    body = ws.bodies.find_body(body_name)
    member = next(m for m in ws.bodies.members(body.id) if m.name == old)
    fields = {f.name: getattr(member, f.name) for f in dataclasses.fields(MemberDraft)}
    ws.bodies.update_member(member.id, MemberDraft(**{**fields, "name": new}))


def printed(ws):
    sealed = council_minutes(ws)
    return (
        pdf_text(render_minutes(ws, sealed.record_id)),
        ws.minutes.text(sealed.record_id),
        pdf_text(render_resolution(ws, "2022-01")),
    )


def test_renaming_a_member_later_changes_nothing_already_approved(demo_workspace):
    ws = demo_workspace
    before = printed(ws)
    assert all("James Lindqvist" in text for text in before)  # the one NAY
    rename(ws, "Lansing City Council", "James Lindqvist", "Jim Renamed")
    settings = ws.documents.settings()
    ws.documents.save_settings(dataclasses.replace(settings, name="Another Commission"))
    assert printed(ws) == before
    assert ws.seals.verify().ok
    # What is not sealed shows today's names: the draft minutes of last week.
    draft = next(m for m in ws.meetings.list_meetings() if m.minutes_status.value == "draft")
    assert "Another Commission" in pdf_text(render_minutes(ws, draft.id))


def test_corrections_approved_later_print_beside_the_sealed_original(demo_workspace):
    ws = demo_workspace
    sealed = council_minutes(ws)
    detail = ws.meetings.get(sealed.record_id)
    item = next(i for i in detail.items if i.notes)
    ws.minutes.record_correction(detail.id, item.id, "Corrected later.", dt.date(2022, 5, 2))
    text = ws.minutes.text(detail.id)
    assert "CORRECTION approved May 2, 2022" in text
    assert text.index(item.title) < text.index("Corrected later.")
    assert "Corrected later." in pdf_text(render_minutes(ws, detail.id))
    assert ws.seals.verify().ok  # a correction is beside the record, not in it


def test_an_edited_snapshot_is_named_and_never_printed(demo_workspace):
    ws = demo_workspace
    sealed = council_minutes(ws)
    tamper(
        ws,
        "UPDATE seal SET snapshot = replace(snapshot, 'Lindqvist', 'Someone') "
        "WHERE kind = 'minutes' AND record_id = ?",
        sealed.record_id,
    )
    (problem,) = ws.seals.verify().problems
    assert problem.what == "its snapshot (what it prints) was altered"
    assert problem.record_id == sealed.record_id
    with pytest.raises(ServiceError, match="no longer matches its seal"):
        render_minutes(ws, sealed.record_id)
    with pytest.raises(ServiceError, match="no longer matches its seal"):
        ws.minutes.text(sealed.record_id)


def test_the_snapshot_keeps_the_letterhead_image_it_was_sealed_with(demo_workspace, tmp_path):
    ws = demo_workspace
    image = tmp_path / "seal.png"
    image.write_bytes(b"\x89PNG first")
    number = "2022-01"
    body = ws.bodies.find_body("Lansing City Council")  # prints on its own letterhead
    ws.bodies.set_letterhead(body.id, dataclasses.replace(body.letterhead, seal=str(image)))
    newer = ws.documents.create_resolution(ResolutionDraft("N", body.id, (), ("x",)), year=2024)
    ws.documents.set_status(newer.number, "adopted", dt.date(2024, 1, 2))

    with ws.db.session() as session:
        assert printed_resolution(session, newer.number).letterhead.seal == image
        assert printed_resolution(session, number).letterhead.seal is None  # sealed without
    image.write_bytes(b"\x89PNG replaced")  # another image under the same name
    with ws.db.session() as session:
        assert printed_resolution(session, newer.number).letterhead.seal is None
