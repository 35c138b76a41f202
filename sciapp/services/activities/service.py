"""Activities on a partnership: adding, changing and removing them, who took part, and the
files attached (kept in the database: a backup or an archive carries them). One transaction
per use case; refusals name the field."""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from sciapp.domain.activities import (
    MAX_FILE_BYTES,
    ActivityKind,
    ParticipantRole,
    chaperone_problem,
)
from sciapp.domain.text import NAME, TITLE, TextCheck
from sciapp.services.activities import checks
from sciapp.services.activities.records import (
    ActivityDraft,
    ActivityRecord,
    FileRecord,
    ParticipantDraft,
    ParticipantRecord,
)
from sciapp.services.clock import Clock, utc_now
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.storage.activity_models import Activity, ActivityFile, ActivityParticipant
from sciapp.storage.meeting_models import Member
from sciapp.storage.models import Partnership
from sciapp.storage.vote_models import Motion

if TYPE_CHECKING:
    import builtins

    from sqlalchemy.orm import Session

    from sciapp.storage.database import Database

TABLE = "activity"


class ActivityService:
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self._db = db
        self._clock = clock

    # -- reading ---------------------------------------------------------------------------

    def list(
        self, partnership_id: int | None = None, year: int | None = None
    ) -> list[ActivityRecord]:
        """Activities, oldest first; of one tie, and/or those under way in `year`."""
        with self._db.session() as session:
            query = select(Activity).order_by(Activity.starts_on, Activity.id)
            if partnership_id is not None:
                checks.partnership(session, partnership_id)
                query = query.where(Activity.partnership_id == partnership_id)
            if year is not None:
                first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
                query = query.where(
                    Activity.starts_on <= last,
                    or_(Activity.ends_on >= first, Activity.starts_on >= first),
                )
            return [_record(session, row) for row in session.scalars(query)]

    def get(self, activity_id: int) -> ActivityRecord:
        with self._db.session() as session:
            return _record(session, _load(session, activity_id))

    def motion_choices(self) -> builtins.list[tuple[int, str]]:
        """The motions that carried, newest first: what may approve an activity."""
        with self._db.session() as session:
            return checks.motion_choices(session)

    def member_choices(self) -> builtins.list[tuple[int, str]]:
        """The commission's members by name (a participant may be one)."""
        with self._db.session() as session:
            rows = session.execute(select(Member.id, Member.name).order_by(Member.name))
            return [(member_id, name) for member_id, name in rows]

    def file_content(self, file_id: int) -> tuple[FileRecord, bytes]:
        """An attached file and its bytes, checked against the digest stored with it."""
        with self._db.session() as session:
            row = session.get(ActivityFile, file_id)
            if row is None:
                raise NotFoundError(f"File {file_id} does not exist (removed?).")
            content = bytes(row.content)
            if hashlib.sha256(content).hexdigest() != row.sha256:
                raise ValidationError(
                    {"file": f"{row.name} does not match its SHA-256 digest (damaged?)"}, TABLE
                )
            return _file(row), content

    # -- activities ------------------------------------------------------------------------

    def add(self, draft: ActivityDraft) -> ActivityRecord:
        with self._db.session() as session, session.begin():
            row = Activity()
            _apply(session, row, draft)
            session.add(row)
            session.flush()
            return _record(session, row)

    def update(self, activity_id: int, draft: ActivityDraft) -> ActivityRecord:
        with self._db.session() as session, session.begin():
            row = _load(session, activity_id)
            _apply(session, row, draft)
            session.flush()
            return _record(session, row)

    def delete(self, activity_id: int) -> None:
        """The activity, its participants and files; gifts made at it stay, with the tie."""
        from sciapp.storage.activity_models import Gift

        with self._db.session() as session, session.begin():
            row = _load(session, activity_id)
            for gift in session.scalars(select(Gift).where(Gift.activity_id == row.id)):
                gift.partnership_id = gift.partnership_id or row.partnership_id
                gift.activity_id = None
            for child in (ActivityParticipant, ActivityFile):
                for item in session.scalars(select(child).where(child.activity_id == row.id)):
                    session.delete(item)
            session.flush()  # children first: each is in the trail, none left to the cascade
            session.delete(row)

    # -- participants ----------------------------------------------------------------------

    def add_participant(self, activity_id: int, draft: ParticipantDraft) -> ParticipantRecord:
        with self._db.session() as session, session.begin():
            _load(session, activity_id)
            row = ActivityParticipant(activity_id=activity_id)
            _apply_participant(session, row, draft)
            session.add(row)
            session.flush()
            return _participant(session, row)

    def update_participant(self, participant_id: int, draft: ParticipantDraft) -> ParticipantRecord:
        with self._db.session() as session, session.begin():
            row = _load_participant(session, participant_id)
            _apply_participant(session, row, draft)
            session.flush()
            return _participant(session, row)

    def remove_participant(self, participant_id: int) -> None:
        """The participant; the students they chaperoned keep their place, without one."""
        with self._db.session() as session, session.begin():
            row = _load_participant(session, participant_id)
            wards = select(ActivityParticipant).where(ActivityParticipant.chaperone_id == row.id)
            for ward in session.scalars(wards):
                ward.chaperone_id = None
            session.flush()
            session.delete(row)

    # -- files -----------------------------------------------------------------------------

    def attach_file(
        self, activity_id: int, name: str, content: bytes, media_type: str = ""
    ) -> FileRecord:
        """Keep `content` in the database under `name` (its media type from the name when
        not given), with its size and SHA-256."""
        check = TextCheck()
        name = check.name("name", name.replace("\\", "/").rsplit("/", 1)[-1], NAME, "a file name")
        if len(content) > MAX_FILE_BYTES:
            check.errors["file"] = (
                f"{len(content):,} bytes is more than the {MAX_FILE_BYTES:,} a file may have"
            )
        if check.errors:
            raise ValidationError(check.errors, "activity_file")
        kind = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        with self._db.session() as session, session.begin():
            _load(session, activity_id)
            row = ActivityFile(
                activity_id=activity_id,
                name=name,
                media_type=kind[:100],
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                content=content,
                added_at=self._clock().replace(microsecond=0),
            )
            session.add(row)
            session.flush()
            return _file(row)

    def remove_file(self, file_id: int) -> None:
        with self._db.session() as session, session.begin():
            row = session.get(ActivityFile, file_id)
            if row is None:
                raise NotFoundError(f"File {file_id} does not exist (removed?).")
            session.delete(row)


# -- helpers ---------------------------------------------------------------------------------


def _load(session: Session, activity_id: int) -> Activity:
    row = session.get(Activity, activity_id)
    if row is None:
        raise NotFoundError(f"Activity {activity_id} does not exist (deleted?).")
    return row


def _load_participant(session: Session, participant_id: int) -> ActivityParticipant:
    row = session.get(ActivityParticipant, participant_id)
    if row is None:
        raise NotFoundError(f"Participant {participant_id} does not exist (removed?).")
    return row


def _apply(session: Session, row: Activity, draft: ActivityDraft) -> None:
    check = TextCheck()
    title = check.name("title", draft.title, TITLE, "give the activity a title")
    place = check.name("place", draft.place, TITLE)
    notes = check.text("notes", draft.notes)
    errors = check.errors
    try:
        kind = ActivityKind(draft.kind)
    except ValueError:
        errors["kind"] = "choose one of the kinds listed"
    budget = checks.amount(errors, "budget_cents", draft.budget)
    spent = checks.amount(errors, "spent_cents", draft.spent)
    currency = checks.currency(errors, draft.currency)
    if draft.starts_on is None:
        errors["starts_on"] = "when the activity starts (or took place)"
    elif draft.ends_on is not None and draft.ends_on < draft.starts_on:
        errors["ends_on"] = "the end comes on or after the start"
    if session.get(Partnership, draft.partnership_id) is None:
        errors["partnership_id"] = "choose a partnership of the register"
    if draft.motion_id is not None and session.get(Motion, draft.motion_id) is None:
        errors["motion_id"] = "the motion does not exist (deleted?)"
    if errors:
        raise ValidationError(errors, TABLE)
    assert draft.starts_on is not None
    row.partnership_id = draft.partnership_id
    row.kind = kind.value
    row.title = title
    row.starts_on = draft.starts_on
    row.ends_on = draft.ends_on
    row.place = place
    row.budget_cents = budget
    row.spent_cents = spent
    row.currency = currency
    row.motion_id = draft.motion_id
    row.notes = notes


def _apply_participant(session: Session, row: ActivityParticipant, draft: ParticipantDraft) -> None:
    check = TextCheck()
    name = check.name("name", draft.name, NAME, "the participant's name")
    errors = check.errors
    try:
        role = ParticipantRole(draft.role)
    except ValueError:
        errors["role"] = "choose member, resident, student, chaperone or host family"
        role = ParticipantRole.RESIDENT
    if draft.member_id is not None and session.get(Member, draft.member_id) is None:
        errors["member_id"] = "the member does not exist (removed?)"
    if draft.chaperone_id is not None:
        chaperone = session.get(ActivityParticipant, draft.chaperone_id)
        if chaperone is None or chaperone.activity_id != row.activity_id:
            errors["chaperone_id"] = "choose a participant of the same activity"
        elif chaperone.id == row.id:
            errors["chaperone_id"] = "a student cannot be their own chaperone"
        else:
            problem = chaperone_problem(role, ParticipantRole(chaperone.role))
            if problem:
                errors["chaperone_id"] = problem
    if errors:
        raise ValidationError(errors, "activity_participant")
    row.name = name
    row.role = role.value
    row.member_id = draft.member_id
    row.chaperone_id = draft.chaperone_id


def _participant(session: Session, row: ActivityParticipant) -> ParticipantRecord:
    chaperone = session.get(ActivityParticipant, row.chaperone_id) if row.chaperone_id else None
    return ParticipantRecord(
        id=row.id,
        activity_id=row.activity_id,
        name=row.name,
        role=ParticipantRole(row.role),
        member_id=row.member_id,
        chaperone_id=row.chaperone_id,
        chaperone_name=chaperone.name if chaperone is not None else "",
    )


def _file(row: ActivityFile) -> FileRecord:
    return FileRecord(
        id=row.id,
        activity_id=row.activity_id,
        name=row.name,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        added_at=row.added_at,
    )


def _record(session: Session, row: Activity) -> ActivityRecord:
    partnership = session.get(Partnership, row.partnership_id)
    assert partnership is not None
    people = session.scalars(
        select(ActivityParticipant)
        .where(ActivityParticipant.activity_id == row.id)
        .order_by(ActivityParticipant.id)
    )
    files = session.scalars(
        select(ActivityFile).where(ActivityFile.activity_id == row.id).order_by(ActivityFile.id)
    )
    return ActivityRecord(
        id=row.id,
        partnership_id=row.partnership_id,
        partner_city=partnership.partner_city,
        partner_country=partnership.partner_country,
        kind=ActivityKind(row.kind),
        title=row.title,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        place=row.place,
        budget_cents=row.budget_cents,
        spent_cents=row.spent_cents,
        currency=row.currency,
        motion_id=row.motion_id,
        motion_label=checks.motion_label(session, row.motion_id),
        notes=row.notes,
        participants=tuple(_participant(session, p) for p in people),
        files=tuple(_file(f) for f in files),
    )
