"""Minutes: draft → proposed → approved (locked), corrections beside the original, and the
plain-text minutes with what open-meetings laws ask for (MCL 15.269; NY POL §106)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.errors import InvalidInputError
from sciapp.domain.minutes import MinutesStatus, check_minutes_change
from sciapp.domain.minutes_words import correction_date, words
from sciapp.domain.text import MINUTES_NOTES, TextCheck
from sciapp.services.clock import utc_now
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.services.meetings.service import load_meeting, to_detail
from sciapp.services.safekeeping.seals import seal_due
from sciapp.storage.meeting_models import AgendaItem, MinutesCorrection

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from sciapp.domain.minutes_model import Minutes
    from sciapp.services.meetings.records import CorrectionRecord, MeetingDetail, MotionRecord
    from sciapp.services.safekeeping.snapshots import SnapshotRenderer
    from sciapp.storage.database import Database


class MinutesService:
    def __init__(self, db: Database, *, snapshots: SnapshotRenderer) -> None:
        self._db = db
        self._snapshots = snapshots  # what sealing approved minutes keeps of them

    def set_status(self, meeting_id: int, status: MinutesStatus, on: dt.date) -> MeetingDetail:
        """Propose (make public) or approve the minutes; approval locks them."""
        with self._db.session() as session, session.begin():
            meeting = load_meeting(session, meeting_id)
            current = MinutesStatus(meeting.minutes_status)
            try:
                check_minutes_change(current, status, meeting.date, on)
            except InvalidInputError as exc:
                raise ValidationError(exc.errors) from exc
            meeting.minutes_status = status.value
            if status is MinutesStatus.PROPOSED:
                meeting.minutes_proposed_on = on
            elif status is MinutesStatus.APPROVED:
                meeting.minutes_approved_on = on
                meeting.minutes_proposed_on = meeting.minutes_proposed_on or on
            else:
                meeting.minutes_proposed_on = None
            seal_due(session, self._db.audit.actor, self._snapshots)  # approval seals the minutes
            return to_detail(session, meeting)

    def model(self, meeting_id: int) -> Minutes:
        """The minutes as they stand now: the one model the text, the PDF and the exports
        are made from."""
        from sciapp.services.meetings.minutes_build import build_minutes

        with self._db.session() as session:
            return build_minutes(session, meeting_id)

    def all_models(self) -> list[Minutes]:
        """Every meeting's minutes as they stand, oldest meeting first (the Popolo export)."""
        from sciapp.services.meetings.minutes_build import all_minutes

        with self._db.session() as session:
            return all_minutes(session)

    def text(self, meeting_id: int) -> str:
        """The text minutes: as sealed once approved (corrections beside), else as they are."""
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
            approved = meeting.minutes_approved_on or meeting.date
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
                    approved_on=approved_on,
                    recorded_at=utc_now().replace(microsecond=0),
                )
            )
            session.flush()
            return to_detail(session, meeting)


def printed_minutes_text(session: Session, meeting_id: int) -> str:
    """The text minutes as sealed once approved (corrections beside), else as they stand."""
    from sciapp.services.safekeeping.snapshots import seal_row, sound_snapshot

    data = sound_snapshot(seal_row(session, "minutes", meeting_id))
    if data is None:
        from sciapp.services.meetings.minutes_build import meeting_motions

        detail = to_detail(session, load_meeting(session, meeting_id))
        return minutes_text(detail, meeting_motions(session, meeting_id))
    from sciapp.pdf.serial import from_data

    parts = from_data(MinutesText, data["text"])
    return join_minutes_text(
        parts, to_detail(session, load_meeting(session, meeting_id)).corrections
    )


def _corrections(session: Session, meeting_id: int) -> list[MinutesCorrection]:
    query = select(MinutesCorrection).where(MinutesCorrection.meeting_id == meeting_id)
    return list(session.scalars(query.order_by(MinutesCorrection.id)))


@dataclass(frozen=True)
class MinutesText:
    """The text minutes before any correction: what a seal keeps of them. Corrections are
    approved later and print beside the item they correct."""

    head: tuple[str, ...]
    items: tuple[tuple[int | None, tuple[str, ...]], ...]  # (agenda item id, its lines)
    tail: tuple[str, ...]


def minutes_text(detail: MeetingDetail, motions: Sequence[MotionRecord] = ()) -> str:
    """The minutes as plain text: what a clerk files and the CLI prints. Every motion shows
    its mover, seconder, the roll call by name and the outcome (MCL 15.269, NY POL §106)."""
    from sciapp.services.meetings.minutes_build import minutes_of

    return join_minutes_text(minutes_text_parts(minutes_of(detail, motions)), detail.corrections)


def minutes_text_parts(minutes: Minutes) -> MinutesText:
    """The text layout of what the minutes say (`domain.minutes_words`, as the PDF says it)."""
    said = words(minutes)
    head = [said.body_name.upper(), said.heading, ""]
    head += [f"{label}: {value}" for label, value in said.facts]
    if said.opening:
        head.append(said.opening)
    items = []
    for section in said.sections:
        block = [section.heading]
        block.extend("   " + line for line in section.notes.splitlines())
        block.extend("   " + line for line in section.comments)
        for motion in section.motions:
            block.append(f"   MOTION: {motion.text}")
            block.append(f"     {motion.moved_by}")
            block.extend(f"     {label}: {names}" for label, names in motion.rows)
            block.append(f"     {motion.outcome}")
        items.append((section.item_id, tuple(block)))
    return MinutesText(tuple(head), tuple(items), (said.closing,))


def join_minutes_text(parts: MinutesText, corrections: Sequence[CorrectionRecord] = ()) -> str:
    by_item: dict[int | None, list[CorrectionRecord]] = {}
    for correction in corrections:
        by_item.setdefault(correction.item_id, []).append(correction)
    lines = [*parts.head, ""]
    for item_id, block in parts.items:
        lines.extend(block)
        for c in by_item.get(item_id, []) if item_id is not None else []:
            lines.append(f"   CORRECTION approved {correction_date(c.approved_on)}:")
            lines.append(f"     Original: {c.original_text.strip() or '(empty)'}")
            lines.append(f"     Corrected: {c.corrected_text}")
        lines.append("")
    lines.extend(parts.tail)
    return "\n".join(lines) + "\n"
