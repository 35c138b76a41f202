"""A register sealed before the columns were typed (fixtures/sealed-0007.sqlite3, made at
c3e21a0 with the demo commission, a correction beside the sealed March minutes and a meeting
called off): its digests, printed on paper then, still verify, from the text as stored."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.sealed_content import (
    content_digest,
    minutes_content,
    resolution_content,
)

FIXTURE = Path(__file__).with_name("fixtures") / "sealed-0007.sqlite3"
pytestmark = pytest.mark.sqlite_only("a database made by an earlier version, as a file")

# As printed when sealed: (kind, record id, content digest, seal digest), in chain order.
SEALS = [
    (
        "minutes",
        2,
        "67df1579fcf122264b823915bfeb349b73386b7f7237dc78b1a58fd0f1a6fa0f",
        "9797819a7cb0ff884c414437d029e62b0bc5144ebd42995a1e502cab791d4b6e",
    ),
    (
        "minutes",
        1,
        "3a6f8914d78076ee62f67342d854b61588d11b9958b776046cff855a58a75d5d",
        "b1b41aee50dcc2c173cd9f45a4c923302258fe0282eeb0d228b8be6744c047f5",
    ),
    (
        "minutes",
        3,
        "33b02cf41fe50bbefcfcd21eb5f1571b76895faf6d11b1c2e40b3fffdaf0feba",
        "9ec73f1cfaa9acd28ae00d1a0a02bed3666ea7c35b2b80cf8152e76d8868cc95",
    ),
    (
        "resolution",
        1,
        "cca2bc76ce5c3d5af4b10d04477fd1cd2470556d329456f880ff5d39a4582f44",
        "005dc8407ef4bf40bcb48bc2540ccbfb8d361c06b92fa3e61c61c8114897a7a3",
    ),
]
AUDIT_HEAD = "8cd2f4101cc9fadd83d0283efbde4207e4bdc3f5d23640f48ccda4ff4eee7fa3"
AUDIT_ENTRIES = 241


@pytest.fixture
def register(tmp_path) -> Path:
    path = tmp_path / "register.sqlite3"
    shutil.copy(FIXTURE, path)
    return path


def test_its_seals_and_audit_trail_verify_with_the_digests_printed_then(register):
    ws = open_workspace(register)
    try:
        report = ws.seals.verify()
        assert report.problems == ()
        assert [(s.kind, s.record_id, s.digest) for s in ws.seals.all()] == [
            (kind, record_id, digest) for kind, record_id, _content, digest in SEALS
        ]
        assert report.seal_head == SEALS[-1][3]
        assert (report.audit_entries, report.audit_head) == (AUDIT_ENTRIES, AUDIT_HEAD)
        with ws.db.session() as session:
            for kind, record_id, content, _digest in SEALS:
                read = minutes_content if kind == "minutes" else resolution_content
                assert content_digest(read(session, record_id)) == content
    finally:
        ws.close()


def test_its_sealed_records_print_from_their_snapshots(register):
    ws = open_workspace(register)
    try:
        text = ws.minutes.text(1)  # a damaged snapshot would refuse to print
        assert "(corrected: Room 10)" in text
        assert ws.documents.resolution("2022-01").title
    finally:
        ws.close()


def test_a_sealed_date_rewritten_to_another_spelling_of_the_same_day_is_named(register):
    """The digest covers the stored text: "20220316" is the same day, but not what was sealed."""
    with closing(sqlite3.connect(register)) as conn, conn:
        conn.execute("UPDATE meeting SET date = '20220316' WHERE id = 1")
    ws = open_workspace(register)
    try:
        problems = ws.seals.verify().problems
        assert [(p.kind, p.record_id, p.what) for p in problems] == [
            ("minutes", 1, "its content no longer matches its seal")
        ]
    finally:
        ws.close()


def test_its_audit_trail_names_an_entry_whose_time_was_respelled(register):
    with closing(sqlite3.connect(register)) as conn, conn:
        at = conn.execute("SELECT at FROM audit_entry WHERE id = 5").fetchone()[0]
        conn.execute("UPDATE audit_entry SET at = ? WHERE id = 5", (at.replace("+00:00", "Z"),))
    ws = open_workspace(register)
    try:
        problems = ws.seals.verify().problems
        assert [(p.kind, p.record_id, p.what) for p in problems] == [
            ("audit entry", 5, "was changed after it was written")
        ]
    finally:
        ws.close()
