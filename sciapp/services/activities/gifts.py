"""Gifts given and received: what, from or to whom, at which activity, its estimated value,
city property or personal, who keeps it and where, and what became of it. The register a
clerk discloses is `register_csv` (and the annual report's gifts)."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.activities import GiftDirection, amount_text
from sciapp.domain.labels import field_label
from sciapp.domain.text import LONG_TITLE, NAME, TITLE, TextCheck
from sciapp.services.activities import checks
from sciapp.services.activities.records import GiftDraft, GiftRecord
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.storage.activity_models import Activity, Gift
from sciapp.storage.models import Partnership

if TYPE_CHECKING:
    import builtins

    from sqlalchemy.orm import Session

    from sciapp.storage.database import Database

TABLE = "gift"
REGISTER_COLUMNS = (
    "id",
    "exchanged_on",
    "direction",
    "description",
    "counterpart_name",
    "counterpart_office",
    "counterpart_city",
    "partnership",
    "activity_id",
    "value_cents",
    "currency",
    "city_property",
    "custodian",
    "location",
    "disposition",
    "disposed_on",
)


class GiftService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, year: int | None = None, partnership_id: int | None = None) -> list[GiftRecord]:
        """Gifts, oldest first (undated last); of one year, of one tie."""
        with self._db.session() as session:
            query = select(Gift).order_by(Gift.exchanged_on.is_(None), Gift.exchanged_on, Gift.id)
            if year is not None:
                query = query.where(
                    Gift.exchanged_on >= dt.date(year, 1, 1),
                    Gift.exchanged_on <= dt.date(year, 12, 31),
                )
            if partnership_id is not None:
                query = query.where(Gift.partnership_id == partnership_id)
            return [_record(session, row) for row in session.scalars(query)]

    def get(self, gift_id: int) -> GiftRecord:
        with self._db.session() as session:
            return _record(session, _load(session, gift_id))

    def activity_choices(self, partnership_id: int | None = None) -> builtins.list[tuple[int, str]]:
        """Activities (of one tie), newest first: "Otsu · Official delegation … (2024)"."""
        with self._db.session() as session:
            query = (
                select(Activity.id, Activity.title, Activity.starts_on, Partnership.partner_city)
                .join(Partnership, Partnership.id == Activity.partnership_id)
                .order_by(Activity.starts_on.desc(), Activity.id.desc())
            )
            if partnership_id is not None:
                query = query.where(Activity.partnership_id == partnership_id)
            rows = session.execute(query)
            return [(i, f"{city} · {title} ({start.year})") for i, title, start, city in rows]

    def add(self, draft: GiftDraft) -> GiftRecord:
        with self._db.session() as session, session.begin():
            row = Gift()
            _apply(session, row, draft)
            session.add(row)
            session.flush()
            return _record(session, row)

    def update(self, gift_id: int, draft: GiftDraft) -> GiftRecord:
        with self._db.session() as session, session.begin():
            row = _load(session, gift_id)
            _apply(session, row, draft)
            session.flush()
            return _record(session, row)

    def delete(self, gift_id: int) -> None:
        with self._db.session() as session, session.begin():
            session.delete(_load(session, gift_id))

    def register_csv(self, year: int | None = None) -> str:
        """The gift register for the clerk's disclosure: one row per gift, headed by the
        form's labels; amounts as decimals, a partnership by its partner city."""
        from sciapp.services.exchange.csv_writer import CsvWriter

        out = io.StringIO()
        writer = CsvWriter(out)
        writer.writerow(_header(name) for name in REGISTER_COLUMNS)
        for gift in self.list(year):
            writer.writerow(
                [
                    gift.id,
                    gift.exchanged_on.isoformat() if gift.exchanged_on else "",
                    gift.direction.label,
                    gift.description,
                    gift.counterpart_name,
                    gift.counterpart_office,
                    gift.counterpart_city,
                    gift.partner_city,
                    gift.activity_title,
                    amount_text(gift.value_cents),
                    gift.currency,
                    "City property" if gift.city_property else "Personal",
                    gift.custodian,
                    gift.location,
                    gift.disposition,
                    gift.disposed_on.isoformat() if gift.disposed_on else "",
                ]
            )
        return out.getvalue()


def _header(name: str) -> str:
    if name == "id":
        return "Number"
    if name == "partnership":
        return "Partnership"
    return field_label(name, TABLE)


def _load(session: Session, gift_id: int) -> Gift:
    row = session.get(Gift, gift_id)
    if row is None:
        raise NotFoundError(f"Gift {gift_id} does not exist (deleted?).")
    return row


def _apply(session: Session, row: Gift, draft: GiftDraft) -> None:
    check = TextCheck()
    description = check.name("description", draft.description, LONG_TITLE, "what the gift is")
    names = {
        key: check.name(key, getattr(draft, key), NAME)
        for key in ("counterpart_name", "counterpart_office", "counterpart_city", "custodian")
    }
    location = check.name("location", draft.location, TITLE)
    disposition = check.name("disposition", draft.disposition, LONG_TITLE)
    notes = check.text("notes", draft.notes)
    errors = check.errors
    try:
        direction = GiftDirection(draft.direction)
    except ValueError:
        errors["direction"] = "given or received"
        direction = GiftDirection.RECEIVED
    value = checks.amount(errors, "value_cents", draft.value)
    currency = checks.currency(errors, draft.currency)
    partnership_id = draft.partnership_id
    if draft.activity_id is not None:
        activity = session.get(Activity, draft.activity_id)
        if activity is None:
            errors["activity_id"] = "the activity does not exist (deleted?)"
        elif partnership_id is None:
            partnership_id = activity.partnership_id
        elif activity.partnership_id != partnership_id:
            errors["activity_id"] = "the activity belongs to another partnership"
    if partnership_id is not None and session.get(Partnership, partnership_id) is None:
        errors["partnership_id"] = "choose a partnership of the register"
    if draft.disposed_on is not None and not disposition:
        errors["disposition"] = "say what became of the gift on that date"
    if (
        draft.disposed_on is not None
        and draft.exchanged_on is not None
        and draft.disposed_on < draft.exchanged_on
    ):
        errors["disposed_on"] = "a gift is disposed of after it was exchanged"
    if errors:
        raise ValidationError(errors, TABLE)
    row.direction = direction.value
    row.description = description
    row.exchanged_on = draft.exchanged_on
    for key, text in names.items():
        setattr(row, key, text)
    row.partnership_id = partnership_id
    row.activity_id = draft.activity_id
    row.value_cents = value
    row.currency = currency
    row.city_property = draft.city_property
    row.location = location
    row.disposition = disposition
    row.disposed_on = draft.disposed_on
    row.notes = notes


def _record(session: Session, row: Gift) -> GiftRecord:
    partnership = session.get(Partnership, row.partnership_id) if row.partnership_id else None
    activity = session.get(Activity, row.activity_id) if row.activity_id else None
    return GiftRecord(
        id=row.id,
        direction=GiftDirection(row.direction),
        description=row.description,
        exchanged_on=row.exchanged_on,
        counterpart_name=row.counterpart_name,
        counterpart_office=row.counterpart_office,
        counterpart_city=row.counterpart_city,
        partnership_id=row.partnership_id,
        partner_city=partnership.partner_city if partnership is not None else "",
        activity_id=row.activity_id,
        activity_title=activity.title if activity is not None else "",
        value_cents=row.value_cents,
        currency=row.currency,
        city_property=row.city_property,
        custodian=row.custodian,
        location=row.location,
        disposition=row.disposition,
        disposed_on=row.disposed_on,
        notes=row.notes,
    )
