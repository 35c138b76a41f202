"""The commission's Sister Cities International membership, year by year: the dues paid
(good standing is what SCI lists) and whether the agreements are on file with SCI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.activities import DEFAULT_CURRENCY, money_text
from sciapp.domain.text import TextCheck
from sciapp.services.activities import checks
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.storage.activity_models import SciMembership

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.storage.database import Database

TABLE = "sci_membership"
FIRST_YEAR = 1956  # Sister Cities International (the People-to-People program) began


@dataclass(frozen=True)
class MembershipDraft:
    year: int
    dues_paid_on: dt.date | None = None
    dues: str = ""  # as typed
    currency: str = DEFAULT_CURRENCY
    agreement_on_file: bool = False
    notes: str = ""


@dataclass(frozen=True)
class MembershipRecord:
    id: int
    year: int
    dues_paid_on: dt.date | None
    dues_cents: int | None
    currency: str
    agreement_on_file: bool
    notes: str

    @property
    def in_good_standing(self) -> bool:
        return self.dues_paid_on is not None

    @property
    def dues_text(self) -> str:
        return money_text(self.dues_cents, self.currency)


class MembershipService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self) -> list[MembershipRecord]:
        """Every year recorded, newest first."""
        with self._db.session() as session:
            rows = session.scalars(select(SciMembership).order_by(SciMembership.year.desc()))
            return [_record(row) for row in rows]

    def year(self, year: int) -> MembershipRecord | None:
        with self._db.session() as session:
            row = session.scalar(select(SciMembership).where(SciMembership.year == year))
            return _record(row) if row is not None else None

    def record(self, draft: MembershipDraft) -> MembershipRecord:
        """Set the year's membership (made when the year has none yet)."""
        check = TextCheck()
        notes = check.text("notes", draft.notes)
        errors = check.errors
        if not FIRST_YEAR <= draft.year <= 9999:
            errors["year"] = f"a year from {FIRST_YEAR}"
        dues = checks.amount(errors, "dues_cents", draft.dues)
        currency = checks.currency(errors, draft.currency)
        if draft.dues_paid_on is not None and draft.dues_paid_on.year < draft.year - 1:
            errors["dues_paid_on"] = (
                f"dues for {draft.year} are paid late in {draft.year - 1} at the earliest"
            )
        if errors:
            raise ValidationError(errors, TABLE)
        with self._db.session() as session, session.begin():
            row = session.scalar(select(SciMembership).where(SciMembership.year == draft.year))
            if row is None:
                row = SciMembership(year=draft.year)
                session.add(row)
            row.dues_paid_on = draft.dues_paid_on
            row.dues_cents = dues
            row.currency = currency
            row.agreement_on_file = draft.agreement_on_file
            row.notes = notes
            session.flush()
            return _record(row)

    def delete(self, year: int) -> None:
        with self._db.session() as session, session.begin():
            row = session.scalar(select(SciMembership).where(SciMembership.year == year))
            if row is None:
                raise NotFoundError(
                    f"No Sister Cities International membership is recorded for {year}."
                )
            session.delete(row)


def _record(row: SciMembership) -> MembershipRecord:
    return MembershipRecord(
        id=row.id,
        year=row.year,
        dues_paid_on=row.dues_paid_on,
        dues_cents=row.dues_cents,
        currency=row.currency,
        agreement_on_file=row.agreement_on_file,
        notes=row.notes,
    )
