"""What the minutes say, worded once for the text minutes and the PDF."""

import datetime as dt

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import Office
from sciapp.domain.minutes import MinutesStatus
from sciapp.domain.minutes_model import (
    Attendee,
    CastVote,
    Comment,
    Item,
    Minutes,
    MotionEntry,
)
from sciapp.domain.minutes_words import (
    CERTIFICATE_ROWS,
    NOT_VOTED,
    attendee,
    document_time,
    roll_call,
    roll_call_lines,
    sections,
    words,
)
from sciapp.domain.motions import MotionKind
from sciapp.domain.votes import Result, VoteOption, VoteRule

T = dt.time
Y, N, A, R, X = (
    VoteOption.YES,
    VoteOption.NO,
    VoteOption.ABSTAIN,
    VoteOption.RECUSED,
    VoteOption.ABSENT,
)


def minutes(**changes) -> Minutes:
    base = {
        "meeting_id": 1,
        "body_id": 1,
        "body_name": "Commission",
        "kind": "regular",
        "date": dt.date(2022, 3, 16),
        "start_time": T(19),
        "status": MinutesStatus.DRAFT,
        "items": (
            Item(1, 1, "Call to order"),
            Item(2, 2, "New business"),
            Item(3, 3, "Adjournment"),
        ),
    }
    return Minutes(**(base | changes))


def motion(**changes) -> MotionEntry:
    base = {
        "id": 1,
        "text": "Buy a gift",
        "kind": MotionKind.MAIN,
        "rule": VoteRule.MAJORITY_CAST,
        "moved_at": T(19, 30),
        "agenda_item_id": 2,
    }
    return MotionEntry(**(base | changes))


def test_times_read_as_the_commission_writes_them():
    assert document_time(T(19, 2)) == "7:02 p.m."
    assert document_time(T(12, 0)) == "12:00 p.m."
    assert document_time(T(0, 5)) == "12:05 a.m."
    assert document_time(T(9, 30)) == "9:30 a.m."


def test_each_member_with_their_role():
    chair = Attendee(1, "Ada", Office.CHAIR, False, Presence.PRESENT, T(19, 20), T(20, 5))
    assert attendee(chair) == "Ada (Chair, non-voting, arrived 7:20 p.m., left 8:05 p.m.)"
    away = Attendee(2, "Ben", Office.VICE_CHAIR, True, Presence.EXCUSED)
    assert attendee(away) == "Ben (Vice chair, excused)"
    assert attendee(Attendee(3, "Cal", Office.MEMBER, True, Presence.ABSENT)) == "Cal"


def test_the_one_roll_call_formatter_names_recusals():
    names = {Y: ["Ada", "Ben"], R: ["Cal"], X: ["Dee"]}
    assert roll_call_lines(names) == (
        ("Ayes", "Ada, Ben"),
        ("Nays", "none"),
        ("Recused", "Cal"),
        ("Absent", "Dee"),
    )
    # The resolution's certificate always prints its four rows, and recusals when there are.
    assert [label for label, _ in roll_call(names, CERTIFICATE_ROWS)] == [
        "Ayes",
        "Nays",
        "Abstain",
        "Recused",
        "Absent",
    ]
    assert [label for label, _ in roll_call({}, CERTIFICATE_ROWS)] == [
        "Ayes",
        "Nays",
        "Abstain",
        "Absent",
    ]


def test_the_facts_the_law_asks_for_and_the_approval_date():
    said = words(
        minutes(
            status=MinutesStatus.APPROVED,
            approved_on=dt.date(2022, 4, 20),
            called_to_order=T(19, 2),
            adjourned=T(20, 41),
            place="Hall",
            remote_link="https://meet",
        )
    )
    assert said.heading == "Minutes of the regular meeting, Wednesday, March 16, 2022"
    assert dict(said.facts) == {
        "Status": "Approved on April 20, 2022",
        "Time": "7:02 p.m.",
        "Place": "Hall; online: https://meet",
        "Members present": "none",
        "Members absent": "none",
    }
    assert said.opening == "Called to order at 7:02 p.m."
    assert said.closing == "Adjourned at 8:41 p.m."
    unfinished = words(minutes())
    assert unfinished.opening == ""
    assert unfinished.closing == "Adjournment: not recorded."
    assert dict(unfinished.facts)["Time"] == "7:00 p.m."


def test_motions_say_who_moved_how_it_was_voted_and_what_came_of_it():
    roll = motion(
        mover="Ada",
        seconder="Ben",
        method="roll_call",
        result=Result.ADOPTED,
        explanation="Adopted 1–0 (majority of votes cast required)",
        votes=(CastVote(1, "Ada", Y), CastVote(2, "Ben", R)),
    )
    voice = motion(id=2, method="voice", yes=3, no=1, result=Result.ADOPTED, explanation="x")
    waiting = motion(id=3)
    (_call, new_business, _adjourn) = sections(minutes(motions=(roll, voice, waiting)))
    first, second, third = new_business.motions
    assert first.moved_by == "Moved by Ada, seconded by Ben."
    assert first.rows == (("Ayes", "Ada"), ("Nays", "none"), ("Recused", "Ben"))
    assert second.moved_by == "Moved."
    assert second.rows == (("Voice vote", "3 yes, 1 no, 0 abstain"),)
    assert (third.rows, third.outcome) == ((), NOT_VOTED)


def test_public_comment_goes_under_its_own_agenda_item():
    comments = (Comment("Ann", "Sister cities", "Supports the ties."), Comment("Bo", "", ""))
    items = (Item(1, 1, "Call to order"), Item(2, 2, "Public Comment"), Item(3, 3, "Adjournment"))
    placed = sections(minutes(items=items, comments=comments))
    assert placed[1].comments == ("Ann on Sister cities: Supports the ties.", "Bo")
    assert [s.comments for s in (placed[0], placed[2])] == [(), ()]
    # No such item: a section of its own, before the adjournment, never after it.
    own = sections(minutes(comments=comments))
    assert [s.heading for s in own] == [
        "1. Call to order",
        "2. New business",
        "Public comment",
        "3. Adjournment",
    ]
    assert own[2].item_id is None
    no_adjournment = sections(minutes(items=(Item(1, 1, "Business"),), comments=comments))
    assert [s.heading for s in no_adjournment] == ["1. Business", "Public comment"]
