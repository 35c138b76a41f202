"""Meeting use cases: schedule, agenda, attendance, notes, guests, public comment, quorum.

Once the minutes are approved the meeting's record is locked: every write here refuses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from sciapp.domain.attendance import Presence
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.minutes import MinutesStatus, check_editable
from sciapp.domain.text import LINK, MINUTES_NOTES, ROLE, TITLE, TextCheck
from sciapp.services.clock import utc_now
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.services.meetings import lifecycle
from sciapp.services.meetings.bodies import load_body, to_body, to_member
from sciapp.services.meetings.detail import item_record, quorum_of, to_detail
from sciapp.services.meetings.records import (
    CommentRecord,
    GuestRecord,
    ItemRecord,
    MeetingDetail,
    MeetingDraft,
    MeetingRow,
    QuorumState,
)
from sciapp.storage.meeting_models import (
    AgendaItem,
    AttendanceRecord,
    Body,
    Guest,
    Meeting,
    Member,
    PublicComment,
)

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session

    from sciapp.storage.database import Database

MEETING_KINDS = ("regular", "special", "emergency", "work session")


class MeetingService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ---------------------------------------------------------------------------

    def list_meetings(self, body_id: int | None = None) -> list[MeetingRow]:
        m, b = Meeting.__table__.c, Body.__table__.c
        query = (
            select(
                m.id,
                m.body_id,
                b.name,
                m.kind,
                m.date,
                m.start_time,
                m.place,
                m.minutes_status,
                m.cancelled_on,
            )
            .join(Body.__table__, b.id == m.body_id)
            .order_by(m.date.desc(), m.start_time.desc())
        )
        if body_id is not None:
            query = query.where(m.body_id == body_id)
        with self._db.engine.connect() as conn:
            return [
                MeetingRow(
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    r[6],
                    MinutesStatus(r[7]),
                    cancelled=r[8] is not None,
                )
                for r in conn.execute(query)
            ]

    def get(self, meeting_id: int) -> MeetingDetail:
        with self._db.session() as session:
            return to_detail(session, load_meeting(session, meeting_id))

    def quorum(self, meeting_id: int, at: dt.time) -> QuorumState:
        return quorum_of(self.get(meeting_id), at)

    # -- scheduling ------------------------------------------------------------------------

    def create(self, draft: MeetingDraft, use_usual_agenda: bool = True) -> MeetingDetail:
        if draft.kind not in MEETING_KINDS:
            raise ValidationError({"kind": f"one of {', '.join(MEETING_KINDS)}"})
        _check_draft(draft)
        with self._db.session() as session, session.begin():
            body = load_body(session, draft.body_id)
            meeting = Meeting(body_id=body.id, minutes_status=MinutesStatus.DRAFT.value)
            _apply(meeting, draft)
            session.add(meeting)
            session.flush()
            if use_usual_agenda:
                for position, title in enumerate(to_body(body).usual_agenda, start=1):
                    session.add(AgendaItem(meeting_id=meeting.id, position=position, title=title))
            # Everyone in office that day is expected; the clerk marks who came.
            for member in session.scalars(select(Member).where(Member.body_id == body.id)):
                if to_member(member).in_office(draft.date):
                    session.add(
                        AttendanceRecord(
                            meeting_id=meeting.id,
                            member_id=member.id,
                            presence=Presence.ABSENT.value,
                        )
                    )
            session.flush()
            return to_detail(session, meeting)

    def update(self, meeting_id: int, draft: MeetingDraft) -> MeetingDetail:
        _check_draft(draft)
        with self._db.session() as session, session.begin():
            meeting = _editable(session, meeting_id)
            _apply(meeting, draft)
            return to_detail(session, meeting)

    def cancel(self, meeting_id: int, on: dt.date, note: str = "") -> None:
        """Called off: the meeting stays on the record (its notice was public), marked so."""
        with self._db.session() as session, session.begin():
            lifecycle.cancel(session, _editable(session, meeting_id), on, note)

    def reinstate(self, meeting_id: int) -> None:
        with self._db.session() as session, session.begin():
            lifecycle.reinstate(_editable(session, meeting_id))

    def held_reason(self, meeting_id: int) -> str:
        """Why the meeting was held and so can be neither deleted nor cancelled, or ""."""
        with self._db.session() as session:
            return lifecycle.held_reason(session, load_meeting(session, meeting_id))

    def delete(self, meeting_id: int) -> None:
        """For a meeting entered by mistake; one that was held cannot be deleted."""
        with self._db.session() as session, session.begin():
            lifecycle.delete(session, _editable(session, meeting_id))

    def mark_all_present(self, meeting_id: int) -> int:
        """Everyone on the roster present from the start; returns how many changed."""
        with self._db.session() as session, session.begin():
            return lifecycle.mark_all_present(session, _editable(session, meeting_id))

    def set_times(
        self, meeting_id: int, called_to_order: dt.time | None, adjourned: dt.time | None
    ) -> None:
        if called_to_order and adjourned and adjourned < called_to_order:
            raise ValidationError({"adjourned": "cannot be before the call to order"})
        with self._db.session() as session, session.begin():
            meeting = _editable(session, meeting_id)
            meeting.called_to_order = called_to_order
            meeting.adjourned = adjourned

    # -- agenda ----------------------------------------------------------------------------

    def add_item(self, meeting_id: int, title: str) -> ItemRecord:
        title = _title(title)
        with self._db.session() as session, session.begin():
            meeting = _editable(session, meeting_id)
            item = AgendaItem(meeting_id=meeting.id, position=len(meeting.items) + 1, title=title)
            meeting.items.append(item)
            session.flush()
            return item_record(item)

    def rename_item(self, item_id: int, title: str) -> None:
        title = _title(title)
        with self._db.session() as session, session.begin():
            item = _editable_item(session, item_id)
            item.title = title

    def remove_item(self, item_id: int) -> None:
        with self._db.session() as session, session.begin():
            item = _editable_item(session, item_id)
            meeting = session.get(Meeting, item.meeting_id)
            assert meeting is not None
            meeting.items.remove(item)
            _renumber(meeting.items)

    def move_item(self, item_id: int, new_index: int) -> None:
        """Move an item to 0-based `new_index` in the agenda order."""
        with self._db.session() as session, session.begin():
            item = _editable_item(session, item_id)
            meeting = session.get(Meeting, item.meeting_id)
            assert meeting is not None
            items = list(meeting.items)
            items.remove(item)
            items.insert(max(0, min(new_index, len(items))), item)
            _renumber(items)

    def set_item_notes(self, item_id: int, notes: str) -> str:
        """Save an item's notes (meeting mode autosaves through this); returns the stamp."""
        _check_text({"notes": (notes, MINUTES_NOTES)})
        with self._db.session() as session, session.begin():
            item = _editable_item(session, item_id)
            item.notes = notes
            item.notes_saved_at = utc_now()
            return item.notes_saved_at.isoformat(timespec="milliseconds")

    def set_current_item(self, meeting_id: int, item_id: int | None) -> None:
        with self._db.session() as session, session.begin():
            load_meeting(session, meeting_id).current_item = item_id

    # -- attendance ------------------------------------------------------------------------

    def set_attendance(
        self,
        meeting_id: int,
        member_id: int,
        presence: Presence,
        arrived: dt.time | None = None,
        departed: dt.time | None = None,
    ) -> None:
        if arrived and departed and departed < arrived:
            raise ValidationError({"departed": "cannot be before the arrival"})
        if presence is not Presence.PRESENT and (arrived or departed):
            raise ValidationError({"presence": "only a member who is present arrives or leaves"})
        with self._db.session() as session, session.begin():
            meeting = _editable(session, meeting_id)
            member = session.get(Member, member_id)
            if member is None or member.body_id != meeting.body_id:
                raise NotFoundError(f"Member {member_id} does not sit on this body.")
            query = select(AttendanceRecord).where(
                AttendanceRecord.meeting_id == meeting_id, AttendanceRecord.member_id == member_id
            )
            record = session.scalar(query)
            if record is None:
                record = AttendanceRecord(meeting_id=meeting_id, member_id=member_id)
                session.add(record)
            record.presence = presence.value
            record.arrived = arrived
            record.departed = departed

    def add_guest(self, meeting_id: int, name: str, role: str = "") -> GuestRecord:
        text = TextCheck()
        name = text.name("name", name, required="enter the guest's name")
        role = text.name("role", role, ROLE)
        if text.errors:
            raise ValidationError(text.errors)
        with self._db.session() as session, session.begin():
            _editable(session, meeting_id)
            guest = Guest(meeting_id=meeting_id, name=name, role=role)
            session.add(guest)
            session.flush()
            return GuestRecord(guest.id, guest.name, guest.role)

    def remove_guest(self, guest_id: int) -> None:
        with self._db.session() as session, session.begin():
            guest = session.get(Guest, guest_id)
            if guest is None:
                raise NotFoundError(f"Guest {guest_id} does not exist.")
            _editable(session, guest.meeting_id)
            session.delete(guest)

    def add_comment(self, meeting_id: int, speaker: str, topic: str, summary: str) -> CommentRecord:
        text = TextCheck()
        speaker = text.name(
            "speaker", speaker, required="enter the speaker's name (or 'Anonymous')"
        )
        topic = text.name("topic", topic, TITLE)
        text.text("summary", summary)
        if text.errors:
            raise ValidationError(text.errors)
        with self._db.session() as session, session.begin():
            _editable(session, meeting_id)
            count = session.scalar(
                select(func.count(PublicComment.id)).where(PublicComment.meeting_id == meeting_id)
            )
            comment = PublicComment(
                meeting_id=meeting_id,
                position=(count or 0) + 1,
                speaker=speaker,
                topic=topic,
                summary=summary.strip(),
            )
            session.add(comment)
            session.flush()
            return CommentRecord(comment.id, comment.speaker, comment.topic, comment.summary)

    def remove_comment(self, comment_id: int) -> None:
        with self._db.session() as session, session.begin():
            comment = session.get(PublicComment, comment_id)
            if comment is None:
                raise NotFoundError(f"Public comment {comment_id} does not exist.")
            _editable(session, comment.meeting_id)
            session.delete(comment)


# -- helpers shared with the minutes use cases ---------------------------------------------


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Meeting {meeting_id} does not exist.")
    return meeting


def _editable(session: Session, meeting_id: int) -> Meeting:
    meeting = load_meeting(session, meeting_id)
    try:
        check_editable(MinutesStatus(meeting.minutes_status))
    except InvalidInputError as exc:
        raise ValidationError(exc.errors) from exc
    return meeting


def _editable_item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError(f"Agenda item {item_id} does not exist.")
    _editable(session, item.meeting_id)
    return item


def _title(title: str) -> str:
    text = TextCheck()
    title = text.name("title", title, TITLE, required="enter the item's title")
    if text.errors:
        raise ValidationError(text.errors)
    return title


def _check_text(values: dict[str, tuple[str, int]]) -> None:
    text = TextCheck()
    for field, (value, limit) in values.items():
        text.text(field, value, limit)
    if text.errors:
        raise ValidationError(text.errors)


def _check_draft(draft: MeetingDraft) -> None:
    """Place and link are printed on the notice and the minutes: one line, a length cap."""
    _check_text({"place": (draft.place, TITLE), "remote_link": (draft.remote_link, LINK)})


def _renumber(items: list[AgendaItem]) -> None:
    for position, item in enumerate(items, start=1):
        item.position = position


def _apply(meeting: Meeting, draft: MeetingDraft) -> None:
    meeting.kind = draft.kind
    meeting.date = draft.date
    meeting.start_time = draft.start_time
    meeting.place = draft.place.strip()
    meeting.remote_link = draft.remote_link.strip()
    meeting.notice_posted = draft.notice_posted
