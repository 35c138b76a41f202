"""Minutes: draft → proposed → approved (locked), corrections beside the original, and the
plain-text minutes with what open-meetings laws ask for (MCL 15.269; NY POL §106)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.attendance import Presence
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.minutes import MinutesStatus, check_minutes_change
from sciapp.domain.text import MINUTES_NOTES, TextCheck
from sciapp.domain.votes import VoteOption
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.services.meetings.records import AttendanceRow, CorrectionRecord, MeetingDetail
from sciapp.services.meetings.service import load_meeting, to_detail
from sciapp.services.partnerships.service import utc_now
from sciapp.services.safekeeping.seals import seal_due
from sciapp.services.votes.records import MotionRecord
from sciapp.storage.meeting_models import AgendaItem, MinutesCorrection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.storage.database import Database


class MinutesService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def set_status(self, meeting_id: int, status: MinutesStatus, on: dt.date) -> MeetingDetail:
        """Propose (make public) or approve the minutes; approval locks them."""
        with self._db.session() as session, session.begin():
            meeting = load_meeting(session, meeting_id)
            current = MinutesStatus(meeting.minutes_status)
            try:
                check_minutes_change(current, status, dt.date.fromisoformat(meeting.date), on)
            except InvalidInputError as exc:
                raise ValidationError(exc.errors) from exc
            meeting.minutes_status = status.value
            if status is MinutesStatus.PROPOSED:
                meeting.minutes_proposed_on = on.isoformat()
            elif status is MinutesStatus.APPROVED:
                meeting.minutes_approved_on = on.isoformat()
                meeting.minutes_proposed_on = meeting.minutes_proposed_on or on.isoformat()
            else:
                meeting.minutes_proposed_on = None
            seal_due(session, self._db.audit.actor)  # approval seals the minutes
            return to_detail(session, meeting)

    def text(self, meeting_id: int) -> str:
        """The text minutes: as sealed once approved (corrections beside), else as they are."""
        from sciapp.services.safekeeping.snapshots import printed_minutes_text

        with self._db.session() as session:
            return printed_minutes_text(session, meeting_id)

    def record_correction(
        self, meeting_id: int, item_id: int, corrected_text: str, approved_on: dt.date
    ) -> MeetingDetail:
        """Keep the approved text and add the correction beside it, with its approval date."""
        with self._db.session() as session, session.begin():
            meeting = load_meeting(session, meeting_id)
            if not MinutesStatus(meeting.minutes_status).locked:
                raise ValidationError(
                    {"minutes": "the minutes are not approved yet; edit them directly"}
                )
            item = session.get(AgendaItem, item_id)
            if item is None or item.meeting_id != meeting_id:
                raise NotFoundError(f"Agenda item {item_id} is not part of this meeting.")
            text = TextCheck()
            text.text("corrected_text", corrected_text, MINUTES_NOTES)
            errors = text.errors
            if not corrected_text.strip():
                errors["corrected_text"] = "enter the corrected text"
            approved = dt.date.fromisoformat(meeting.minutes_approved_on or meeting.date)
            if approved_on < approved:
                errors["approved_on"] = f"a correction is approved after the minutes ({approved})"
            if errors:
                raise ValidationError(errors)
            previous = [c for c in _corrections(session, meeting_id) if c.agenda_item_id == item_id]
            original = previous[-1].corrected_text if previous else item.notes
            session.add(
                MinutesCorrection(
                    meeting_id=meeting_id,
                    agenda_item_id=item_id,
                    original_text=original,
                    corrected_text=corrected_text.strip(),
                    approved_on=approved_on.isoformat(),
                    recorded_at=utc_now().isoformat(timespec="seconds"),
                )
            )
            session.flush()
            return to_detail(session, meeting)


def _corrections(session: Session, meeting_id: int) -> list[MinutesCorrection]:
    query = select(MinutesCorrection).where(MinutesCorrection.meeting_id == meeting_id)
    return list(session.scalars(query.order_by(MinutesCorrection.id)))


@dataclass(frozen=True)
class MinutesText:
    """The text minutes before any correction: what a seal keeps of them. Corrections are
    approved later and print beside the item they correct."""

    head: tuple[str, ...]
    items: tuple[tuple[int, tuple[str, ...]], ...]  # (agenda item id, its lines)
    tail: tuple[str, ...]


def minutes_text(detail: MeetingDetail, motions: Sequence[MotionRecord] = ()) -> str:
    """The minutes as plain text: what a clerk files and the CLI prints. Every motion shows
    its mover, seconder, the roll call by name and the outcome (MCL 15.269, NY POL §106)."""
    return join_minutes_text(minutes_text_parts(detail, motions), detail.corrections)


def minutes_text_parts(detail: MeetingDetail, motions: Sequence[MotionRecord] = ()) -> MinutesText:
    lines = [
        detail.body.name.upper(),
        f"Minutes of the {detail.kind} meeting, {detail.date:%A, %B} {detail.date.day}, "
        f"{detail.date.year}",
        f"Status: {detail.minutes_status.label}"
        + (f" (approved {detail.minutes_approved_on})" if detail.minutes_approved_on else ""),
        "",
        f"Time: {_time(detail.called_to_order) or detail.start_time.strftime('%H:%M')}",
        f"Place: {detail.place or '—'}"
        + (f"; online: {detail.remote_link}" if detail.remote_link else ""),
    ]
    present = [a for a in detail.attendance if a.presence is Presence.PRESENT]
    absent = [a for a in detail.attendance if a.presence is not Presence.PRESENT]
    lines.append("Members present: " + (", ".join(_who(a) for a in present) or "none"))
    lines.append("Members absent: " + (", ".join(_absent(a) for a in absent) or "none"))
    if detail.guests:
        lines.append(
            "Also present: "
            + ", ".join(f"{g.name} ({g.role})" if g.role else g.name for g in detail.guests)
        )
    if detail.called_to_order:
        lines.append(f"Called to order at {_time(detail.called_to_order)}.")
    items = []
    for item in detail.items:
        block = [f"{item.position}. {item.title}"]
        if item.notes.strip():
            block.extend("   " + line for line in item.notes.strip().splitlines())
        for motion in motions:
            if motion.agenda_item_id == item.id:
                block.extend(_motion_lines(motion))
        items.append((item.id, tuple(block)))
    tail = []
    if detail.comments:
        tail.append("Public comment")
        for comment in detail.comments:
            topic = f" on {comment.topic}" if comment.topic else ""
            tail.append(f"   {comment.speaker}{topic}: {comment.summary}".rstrip(": "))
        tail.append("")
    tail.append(
        f"Adjourned at {_time(detail.adjourned)}."
        if detail.adjourned
        else "Adjournment: not recorded."
    )
    return MinutesText(tuple(lines), tuple(items), tuple(tail))


def join_minutes_text(parts: MinutesText, corrections: Sequence[CorrectionRecord] = ()) -> str:
    by_item: dict[int | None, list[CorrectionRecord]] = {}
    for correction in corrections:
        by_item.setdefault(correction.item_id, []).append(correction)
    lines = [*parts.head, ""]
    for item_id, block in parts.items:
        lines.extend(block)
        for c in by_item.get(item_id, []):
            lines.append(f"   CORRECTION approved {c.approved_on}:")
            lines.append(f"     Original: {c.original_text.strip() or '(empty)'}")
            lines.append(f"     Corrected: {c.corrected_text}")
        lines.append("")
    lines.extend(parts.tail)
    return "\n".join(lines) + "\n"


def _motion_lines(motion: MotionRecord) -> list[str]:
    by = f"Moved by {motion.mover}" if motion.mover else "Moved"
    if motion.seconder:
        by += f", seconded by {motion.seconder}"
    lines = [f"   MOTION: {motion.text}", f"     {by}."]
    if motion.votes:
        for label, option in (
            ("Ayes", VoteOption.YES),
            ("Nays", VoteOption.NO),
            ("Abstain", VoteOption.ABSTAIN),
            ("Recused", VoteOption.RECUSED),
            ("Absent", VoteOption.ABSENT),
        ):
            names = motion.names(option)
            if names or option in (VoteOption.YES, VoteOption.NO):
                lines.append(f"     {label}: {', '.join(names) or 'none'}")
    elif motion.method == "voice":
        lines.append(f"     Voice vote: {motion.yes} yes, {motion.no} no, {motion.abstain} abstain")
    lines.append(f"     {motion.explanation or 'Not yet voted on.'}")
    return lines


def _time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _who(row: AttendanceRow) -> str:
    notes = []
    if row.arrived:
        notes.append(f"arrived {_time(row.arrived)}")
    if row.departed:
        notes.append(f"left {_time(row.departed)}")
    if row.office.value != "member":
        notes.insert(0, row.office.label)
    if not row.voting:
        notes.insert(0, "non-voting")
    return row.name + (f" ({'; '.join(notes)})" if notes else "")


def _absent(row: AttendanceRow) -> str:
    return f"{row.name} (excused)" if row.presence is Presence.EXCUSED else row.name
