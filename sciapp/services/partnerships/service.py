"""Partnership use cases: list, read, create, edit, delete, record a status change."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from sqlalchemy import func, select

from sciapp.domain.errors import InvalidInputError
from sciapp.domain.partnership import (
    Kind,
    PartnershipData,
    PartnershipDraft,
    identity_key,
    parse_partnership,
)
from sciapp.domain.status import Decider, Status, StatusChange, check_change
from sciapp.services.clock import Clock, utc_now
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.services.partnerships.history import append_event, stamp, to_change
from sciapp.services.partnerships.records import EventRecord, PartnershipDetail, PartnershipRow
from sciapp.storage.models import Partnership
from sciapp.storage.types import stored_table

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session

    from sciapp.domain.dates import PartialDate
    from sciapp.services.partnerships.records import ImportReport
    from sciapp.storage.database import Database

# Listed as stored: 20,000 rows of text, the dates shown by the cached `partial_date`.
LISTED = stored_table(Partnership.__table__)
LIST_COLUMNS = tuple(LISTED.c[name] for name in PartnershipRow._fields)


class PartnershipService:
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self._db = db
        self._clock = clock

    # -- reading ---------------------------------------------------------------------------

    def list_rows(self, status: Status | None = None) -> list[PartnershipRow]:
        query = select(*LIST_COLUMNS).order_by(LISTED.c.partner_city, LISTED.c.id)
        if status is not None:
            query = query.where(LISTED.c.status == status.value)
        with self._db.engine.connect() as conn:
            return [PartnershipRow._make(row) for row in conn.execute(query)]

    def oldest_ties(self, before_year: int, limit: int) -> tuple[list[PartnershipRow], int]:
        """Live ties established before `before_year`, oldest first (at most `limit`), and
        how many there are in all: the start page's anniversaries."""
        listed = LISTED.c
        live = (
            listed.established.is_not(None),
            listed.status != Status.TERMINATED.value,
            listed.established < f"{before_year:04}",  # partial ISO dates sort as text
        )
        query = select(*LIST_COLUMNS).where(*live).order_by(listed.established).limit(limit)
        with self._db.engine.connect() as conn:
            rows = [PartnershipRow._make(row) for row in conn.execute(query)]
            total = conn.execute(select(func.count(listed.id)).where(*live)).scalar_one()
        return rows, total

    def count(self) -> int:
        with self._db.session() as session:
            return session.scalar(select(func.count(Partnership.id))) or 0

    def get(self, partnership_id: int) -> PartnershipDetail:
        with self._db.session() as session:
            return to_detail(self._load(session, partnership_id))

    def default_jurisdiction(self) -> str:
        """The local jurisdiction most partnerships name: the form's starting value."""
        query = (
            select(Partnership.local_jurisdiction)
            .where(Partnership.local_jurisdiction != "")
            .group_by(Partnership.local_jurisdiction)
            .order_by(func.count().desc())
            .limit(1)
        )
        with self._db.session() as session:
            return session.scalar(query) or ""

    # -- writing (each method is one transaction) ------------------------------------------

    def create(
        self,
        draft: PartnershipDraft,
        initial: Status = Status.ACTIVE,
        decided_by: Decider | None = None,
        instrument: str = "",
        since: PartialDate | None = None,
    ) -> PartnershipDetail:
        """Add a partnership that starts proposed or active.

        Its first event takes effect `since`, or for an active tie on its established date.
        """
        data = _parse(draft)
        if initial not in (Status.PROPOSED, Status.ACTIVE):
            raise ValidationError({"status": "a new partnership starts as proposed or active"})
        first = StatusChange(
            status=initial,
            effective=since or (data.established if initial is Status.ACTIVE else None),
            decided_by=decided_by,
            instrument=instrument.strip(),
        )
        now = self._stamp()
        with self._db.session() as session, session.begin():
            self._refuse_duplicate(session, data, None)
            row = Partnership(created_at=now, updated_at=now, status=initial.value)
            _apply(row, data)
            append_event(row, first, now)
            session.add(row)
            session.flush()
            return to_detail(row)

    def update(self, partnership_id: int, draft: PartnershipDraft) -> PartnershipDetail:
        data = _parse(draft)
        with self._db.session() as session, session.begin():
            row = self._load(session, partnership_id)
            if row.status != Status.TERMINATED:
                self._refuse_duplicate(session, data, partnership_id)
            _apply(row, data)
            row.updated_at = self._stamp()
            session.flush()
            return to_detail(row)

    def delete(self, partnership_id: int) -> None:
        """For one entered by mistake; a tie that approved minutes speak of stays on record
        (deleting it would change those sealed motions): it is terminated instead."""
        from sciapp.storage.meeting_models import Meeting
        from sciapp.storage.vote_models import Motion

        with self._db.session() as session, session.begin():
            row = self._load(session, partnership_id)
            on_record = select(Meeting.date).join(Motion, Motion.meeting_id == Meeting.id)
            dates = sorted(
                set(
                    session.scalars(
                        on_record.where(
                            Motion.partnership_id == partnership_id,
                            Meeting.minutes_status == "approved",
                        )
                    )
                )
            )
            if dates:
                raise ValidationError(
                    {
                        "partnership": f"the approved minutes of {', '.join(map(str, dates))} "
                        "record a motion on it; record its termination instead of deleting it"
                    }
                )
            from sciapp.services.activities.checks import tie_problem
            from sciapp.services.partnerships.contacts import delete_for_tie

            problem = tie_problem(session, partnership_id)
            if problem:
                raise ValidationError({"partnership": problem})
            delete_for_tie(session, partnership_id)
            session.delete(row)

    def record_change(self, partnership_id: int, change: StatusChange) -> PartnershipDetail:
        """Append a status event after checking it may follow the history."""
        change = StatusChange(
            status=change.status,
            effective=change.effective,
            decided_by=change.decided_by,
            instrument=change.instrument.strip(),
            reason=change.reason.strip(),
            condition=change.condition.strip(),
        )
        with self._db.session() as session, session.begin():
            row = self._load(session, partnership_id)
            history = [to_change(e) for e in row.events]
            try:
                check_change(history, change)
            except InvalidInputError as exc:
                raise ValidationError(exc.errors) from exc
            append_event(row, change, self._stamp())
            session.flush()
            return to_detail(row)

    # -- the register as CSV (csv_io) ------------------------------------------------------

    def import_csv(
        self, content: bytes, sheet: str | None = None, source: str = ""
    ) -> ImportReport:
        """Every row checked, then all written in one transaction, or none
        (ImportRejectedError names each line). `content` is a CSV file or a workbook
        (.xlsx, .xls, .ods): its sheet `sheet`, else the first (readers.py). `source` names
        the file in the audit trail ("register.csv")."""
        from sciapp.services.partnerships import csv_io

        return csv_io.import_csv(self._db, content, sheet, self._clock, source)

    def sheets(self, content: bytes) -> list[str]:
        """The sheets a workbook offers to import from; [] for a CSV file."""
        from sciapp.services.partnerships.readers import sheet_names

        return sheet_names(content)

    def export_file(self, path: str, status: Status | None = None) -> int:
        """Write partnerships to `path`: a workbook for .xlsx, else CSV; whole or not at all
        (OSError when it cannot be written). Returns how many."""
        from sciapp.services.partnerships.spreadsheet import export_file

        return export_file(self._db, path, status)

    def export_csv(self, out: TextIO, status: Status | None = None) -> int:
        """Write partnerships (all, or those with `status`); returns how many."""
        from sciapp.services.partnerships import csv_io

        return csv_io.export_csv(self._db, out, status)

    # -- helpers ---------------------------------------------------------------------------

    def _stamp(self) -> dt.datetime:
        return stamp(self._clock)

    @staticmethod
    def _load(session: Session, partnership_id: int) -> Partnership:
        row = session.get(Partnership, partnership_id)
        if row is None:
            raise NotFoundError(f"Partnership {partnership_id} does not exist (deleted?).")
        return row

    @staticmethod
    def _refuse_duplicate(session: Session, data: PartnershipData, own_id: int | None) -> None:
        """One live tie per kind, partner city, country and local jurisdiction."""
        query = select(Partnership).where(
            Partnership.kind == data.kind.value,
            Partnership.partner_country == data.partner_country,
            Partnership.status != Status.TERMINATED.value,
        )
        for other in session.scalars(query):
            if other.id != own_id and identity_of(other) == data.identity():
                kind = data.kind.label.lower()
                message = f"this {kind} tie is already in the register (number {other.id})"
                raise ValidationError({"partner_city": message})


def _parse(draft: PartnershipDraft) -> PartnershipData:
    try:
        return parse_partnership(draft)
    except InvalidInputError as exc:
        raise ValidationError(exc.errors) from exc


def identity_of(row: Partnership) -> tuple[str, str, str, str]:
    return identity_key(row.kind, row.partner_city, row.partner_country, row.local_jurisdiction)


def _apply(row: Partnership, data: PartnershipData) -> None:
    row.kind = data.kind.value
    for name in (
        "partner_city",
        "partner_country",
        "local_jurisdiction",
        "partner_city_native",
        "partner_region",
        "local_signatory_name",
        "local_signatory_title",
        "partner_signatory_name",
        "partner_signatory_title",
        "notes",
    ):
        setattr(row, name, getattr(data, name))
    row.established = data.established
    row.no_expiry = data.expires is None
    row.expires = data.expires


def to_detail(row: Partnership) -> PartnershipDetail:
    events: list[EventRecord] = []
    previous: Status | None = None
    for event in row.events:
        change = to_change(event)
        events.append(EventRecord(event.sequence, previous, change, event.recorded_at))
        previous = change.status
    data = PartnershipData(
        kind=Kind(row.kind),
        partner_city=row.partner_city,
        partner_country=row.partner_country,
        local_jurisdiction=row.local_jurisdiction,
        partner_city_native=row.partner_city_native,
        partner_region=row.partner_region,
        established=row.established,
        local_signatory_name=row.local_signatory_name,
        local_signatory_title=row.local_signatory_title,
        partner_signatory_name=row.partner_signatory_name,
        partner_signatory_title=row.partner_signatory_title,
        expires=row.expires,
        notes=row.notes,
    )
    return PartnershipDetail(
        id=row.id,
        data=data,
        status=Status(row.status),
        status_since=row.status_since,
        events=tuple(events),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
