"""`sciapp closed-sessions`: each profile's rules with citations, a register's closed sessions
without their minutes, and one session's minutes headed NOT PUBLIC."""

import datetime as dt

from sciapp.cli import main
from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind, Office, Profile
from sciapp.domain.votes import VoteOption
from sciapp.services.meetings.closed_records import ClosedSessionDraft, ClosedSessionEdit
from sciapp.services.meetings.records import MeetingDraft, MemberDraft
from sciapp.services.opening import open_workspace

SECRET = "Counsel reviewed the claim."


def test_rules_cite_the_statutes(capsys):
    assert main(["closed-sessions", "rules", "michigan"]) == 0
    out = capsys.readouterr().out
    assert "two-thirds of the members serving, by roll call (MCL 15.267(1))" in out
    assert "a majority of votes cast for purposes a, b, c, g, i, j" in out
    assert "(MCL 15.267(2))" in out
    assert main(["closed-sessions", "rules", "new_york"]) == 0
    out = capsys.readouterr().out
    assert "majority of the total membership (POL §105(1))" in out
    assert "within one week (POL §106(2), (3))" in out
    assert main(["closed-sessions", "rules", "north_carolina"]) == 0
    assert "general account" in capsys.readouterr().out


def test_list_and_show(tmp_path, capsys):
    path = tmp_path / "r.sqlite3"
    ws = open_workspace(path)
    body = ws.bodies.create_body("Lansing Commission", BodyKind.COMMISSION, 5, Profile.MICHIGAN)
    for seat, name in enumerate(["Ada", "Ben", "Cal", "Dee", "Eve"], start=1):
        office = Office.CHAIR if seat == 1 else Office.MEMBER
        ws.bodies.add_member(
            body.id, MemberDraft(name, dt.date(2020, 1, 1), None, office, seat=seat)
        )
    meeting = ws.meetings.create(MeetingDraft(body.id, dt.date(2024, 3, 14), dt.time(19, 0)))
    votes = {}
    for row in meeting.attendance:
        ws.meetings.set_attendance(meeting.id, row.member_id, Presence.PRESENT)
        votes[row.member_id] = VoteOption.YES
    call = ws.closed_sessions.call(meeting.id, ClosedSessionDraft(("e",), dt.time(20, 15), votes))
    assert call.session is not None
    ws.closed_sessions.update(call.session.id, ClosedSessionEdit(dt.time(20, 50), (), "", SECRET))
    ws.close()
    assert main(["--db", str(path), "closed-sessions", "list"]) == 0
    out = capsys.readouterr().out
    assert "MCL 15.268(1)(e)" in out
    assert "8:15" in out
    assert SECRET not in out
    assert out.rstrip().endswith("1 closed session")
    assert main(["--db", str(path), "closed-sessions", "show", str(call.session.id)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("NOT PUBLIC — a separate set of minutes")
    assert SECRET in out
    assert main(["--db", str(path), "closed-sessions", "show", "99"]) == 1
    assert "Closed session 99 does not exist." in capsys.readouterr().err
