"""A tamper test per attack on the seals and the audit trail: each is named by `verify`."""

import dataclasses
import re
import sqlite3

import pytest

from sciapp.services.meetings.records import MemberDraft
from sciapp.services.reports.rendering import render_minutes
from tests.services.safekeeping.test_seals_and_check import tamper
from tests.services.safekeeping.test_snapshots import pdf_text


def what(ws) -> str:
    return "\n".join(str(p) for p in ws.seals.verify().problems)


def last_seal(ws):
    rows = query(ws, "SELECT id, kind, record_id FROM seal ORDER BY id")
    return rows[-1]


def query(ws, sql, *params):
    if ws.is_file:
        with sqlite3.connect(ws.path) as conn:
            return conn.execute(sql, params).fetchall()
    with ws.db.engine.connect() as conn:
        return conn.exec_driver_sql(sql.replace("?", "%s"), params).fetchall()


def unapprove(ws, kind, record_id):
    """Another tool turning a sealed record back into a draft."""
    if kind == "minutes":
        tamper(
            ws,
            "UPDATE meeting SET minutes_status = 'draft', minutes_approved_on = NULL, "
            "minutes_proposed_on = NULL WHERE id = ?",
            record_id,
        )
    else:
        tamper(
            ws, "UPDATE resolution SET motion_id = NULL, status = 'draft' WHERE id = ?", record_id
        )


def test_a_sound_register_verifies_and_prints_its_heads(demo_workspace):
    report = demo_workspace.seals.verify()
    assert report.ok
    assert report.seals == len(demo_workspace.seals.all()) == 4
    assert re.fullmatch(
        r"4 seals; chain head [0-9a-f]{64}\n\d+ audit entries; trail head [0-9a-f]{64}",
        report.summary,
    )


def test_stripping_the_last_seal_is_named(demo_workspace):
    ws = demo_workspace
    seal_id, kind, record_id = last_seal(ws)
    tamper(ws, "DELETE FROM seal WHERE id = ?", seal_id)
    text = what(ws)
    assert (
        f"(id {record_id}): {'approved' if kind == 'minutes' else 'adopted'} but not sealed" in text
    )
    assert "is gone" in text  # the trail recorded the seal that was made


def test_stripping_every_seal_is_named(demo_workspace):
    ws = demo_workspace
    tamper(ws, "DELETE FROM seal")
    problems = ws.seals.verify().problems
    assert sum("but not sealed" in p.what for p in problems) == 4
    assert sum("is gone" in p.what for p in problems) == 4


def test_a_tail_cut_off_with_the_record_turned_back_into_a_draft_is_named(demo_workspace):
    ws = demo_workspace
    assert ws.seals.verify().ok  # the heads are anchored in the config folder
    seal_id, kind, record_id = last_seal(ws)
    (created,) = query(
        ws,
        "SELECT id FROM audit_entry WHERE table_name = 'seal' AND record_id = ?",
        str(seal_id),
    )
    tamper(ws, "DELETE FROM seal WHERE id = ?", seal_id)
    unapprove(ws, kind, record_id)
    tamper(ws, "DELETE FROM audit_entry WHERE id >= ?", created[0])  # and the trail's tail
    text = what(ws)
    assert "seal chain: 4 seals when last verified on" in text
    assert "the last seals were removed" in text
    assert "entries were removed from its end" in text


def test_a_seal_removed_and_made_again_is_named(demo_workspace):
    ws = demo_workspace
    assert ws.seals.verify().ok
    seal_id, kind, record_id = last_seal(ws)
    tamper(ws, "DELETE FROM seal WHERE id = ?", seal_id)
    if kind == "minutes":
        tamper(ws, "UPDATE agenda_item SET notes = 'forged' WHERE meeting_id = ?", record_id)
    else:
        tamper(ws, "UPDATE resolution SET title = 'Forged' WHERE id = ?", record_id)
    ws.seals.seal_all_due()  # the next approval seals the forged text under the clerk's name
    text = what(ws)
    assert re.search(r"seal 4 \(.*\) was made 2 times", text)
    assert "it was removed and made again" in text  # against the anchor as well


def test_a_member_renamed_behind_the_apps_back_changes_no_sealed_print(demo_workspace):
    ws = demo_workspace
    minutes = next(s for s in ws.seals.all() if s.label == "2022-03-14 meeting")
    before = pdf_text(render_minutes(ws, minutes.record_id))
    tamper(ws, "UPDATE member SET name = 'Someone Else' WHERE name = 'James Lindqvist'")
    assert pdf_text(render_minutes(ws, minutes.record_id)) == before
    assert ws.seals.verify().ok
    council = ws.bodies.find_body("Lansing City Council")
    member = next(m for m in ws.bodies.members(council.id) if m.name == "Someone Else")
    fields = {f.name: getattr(member, f.name) for f in dataclasses.fields(MemberDraft)}
    ws.bodies.update_member(member.id, MemberDraft(**{**fields, "name": "Through the app"}))
    assert pdf_text(render_minutes(ws, minutes.record_id)) == before


def test_an_edited_audit_entry_is_named(demo_workspace):
    ws = demo_workspace
    tamper(ws, "UPDATE audit_entry SET actor = 'someone else' WHERE id = 5")
    assert what(ws) == "audit entry 5: was changed after it was written"


def test_a_deleted_audit_entry_is_named(demo_workspace):
    ws = demo_workspace
    tamper(ws, "DELETE FROM audit_entry WHERE id = 7")
    assert what(ws) == "audit entry 8: does not follow entry 6: an entry between them was deleted"


def test_inserted_audit_entries_are_named(demo_workspace):
    from sciapp.storage.chain import audit_digest

    ws = demo_workspace
    ((digest,),) = query(ws, "SELECT digest FROM audit_entry WHERE id = 10")
    tamper(ws, "UPDATE audit_entry SET id = id + 100000 WHERE id > 10")
    forged = {
        "at": "2022-03-15T10:00:00+00:00",
        "actor": "forger",
        "action": "update",
        "table_name": "partnership",
        "record_id": "1",
        "label": "St. Petersburg",
        "changes": '{"notes": ["", "x"]}',
    }
    tamper(  # chained as the app would chain it: the entry after it still shows the seam
        ws,
        "INSERT INTO audit_entry (id, at, actor, action, table_name, record_id, label, changes, "
        "previous, digest) VALUES (11, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        *forged.values(),
        digest,
        audit_digest(digest, forged),
    )
    tamper(
        ws,
        "INSERT INTO audit_entry (id, at, actor, action, table_name, record_id, label, changes) "
        "VALUES (200000, 'x', 'x', 'create', 'partnership', '1', '', '{}')",
    )
    text = what(ws)
    assert (
        "audit entry 100011: was written after entry 10: the entries between were inserted" in text
    )
    assert "audit entry 200000: is not part of the chain" in text


@pytest.mark.sqlite_only("reads the anchors file beside the SQLite database")
def test_the_anchor_lives_in_the_config_folder(demo_workspace, isolated_home):
    import json

    assert demo_workspace.seals.verify().ok
    anchors = json.loads((isolated_home / "config" / "anchors.json").read_text())
    (entry,) = anchors.values()
    assert entry["seals"] == 4
    assert entry["seal_head"] == demo_workspace.seals.verify().seal_head
