"""Which partnerships a state law on partner countries touches (`domain/partner_country_laws`).

The commission's jurisdiction is read from what the register already holds, in this order:
the commission's open-meetings profile when it is a state's (Michigan), else the state its
letterhead's address ends with ("Austin, Texas"), else the state most partnerships' local
jurisdiction names. A partnership whose own local jurisdiction names a state is judged by
that state's laws: the law binds the governmental entity that is party to the tie.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import func, select

from sciapp.domain.partner_country_laws import (
    LAWS,
    LawFlag,
    Tie,
    check_action,
    check_tie,
    state_label,
    state_named,
)
from sciapp.domain.status import Status
from sciapp.services.errors import NotFoundError
from sciapp.storage.meeting_models import Body
from sciapp.storage.models import Partnership

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session

    from sciapp.domain.motions import PartnershipAction
    from sciapp.storage.database import Database

# The open-meetings profiles that are a state's (domain/bodies.Profile values).
PROFILE_STATES = {"michigan": "US-MI", "new_york": "US-NY", "north_carolina": "US-NC"}


@dataclass(frozen=True)
class Jurisdiction:
    state: str | None  # ISO 3166-2 ("US-TX"); None: the register names no state
    source: str  # where it was read: "the commission's letterhead (Austin, Texas)"

    @property
    def label(self) -> str:
        return state_label(self.state)


@dataclass(frozen=True)
class TouchedTie:
    """A partnership a law touches, and how."""

    id: int
    partner_city: str
    partner_country: str  # ISO alpha-2
    status: Status
    state: str
    flags: tuple[LawFlag, ...]

    @property
    def is_barred(self) -> bool:
        """Barred now (a law not yet in force is listed, not counted)."""
        return any(flag.is_barred and flag.in_force for flag in self.flags)

    def describe(self) -> str:
        return "; ".join(flag.describe() for flag in self.flags)


class LetterheadAddress(Protocol):
    """The address lines a body's letterhead prints (None: the general letterhead's); the
    letterheads are the documents' (documents/letterheads.py address_of, handed in by the
    workspace)."""

    def __call__(self, session: Session, body_id: int | None, /) -> tuple[str, ...]: ...


class PartnerLawService:
    def __init__(self, db: Database, *, address_of: LetterheadAddress) -> None:
        self._db = db
        self._address_of = address_of

    def jurisdiction(self) -> Jurisdiction:
        with self._db.session() as session:
            return _jurisdiction(session, self._address_of)

    def touched(self, on: dt.date) -> list[TouchedTie]:
        """Every live partnership a law of its state touches on `on`, by partner city."""
        with self._db.session() as session:
            return touched_in(session, on, self._address_of)

    def for_action(
        self, partnership_id: int, action: PartnershipAction, on: dt.date
    ) -> tuple[LawFlag, ...]:
        """The laws that bar what a motion would do to this partnership (none: no warning)."""
        with self._db.session() as session:
            row = session.get(Partnership, partnership_id)
            if row is None:
                raise NotFoundError(f"no partnership with id {partnership_id}")
            state = (
                state_named(row.local_jurisdiction)
                or _jurisdiction(session, self._address_of).state
            )
            return check_action(state, row.partner_country, action, on)


def _jurisdiction(session: Session, address_of: LetterheadAddress) -> Jurisdiction:
    commission = session.scalars(
        select(Body).where(Body.kind == "commission").order_by(Body.id)
    ).first()
    if commission is not None and commission.profile in PROFILE_STATES:
        return Jurisdiction(
            PROFILE_STATES[commission.profile], "the commission's open-meetings profile"
        )
    for line in reversed(address_of(session, commission.id if commission else None)):
        state = state_named(line)
        if state:
            return Jurisdiction(state, f"the letterhead's address ({line})")
    local = session.scalar(
        select(Partnership.local_jurisdiction)
        .where(Partnership.local_jurisdiction != "")
        .group_by(Partnership.local_jurisdiction)
        .order_by(func.count().desc())
        .limit(1)
    )
    state = state_named(local or "")
    if state:
        return Jurisdiction(state, f"the partnerships' local jurisdiction ({local})")
    return Jurisdiction(None, "nothing in the register names a state")


def touched_in(session: Session, on: dt.date, address_of: LetterheadAddress) -> list[TouchedTie]:
    """`PartnerLawService.touched` inside a transaction a report already holds."""
    countries = set().union(*(law.countries for law in LAWS))
    query = (
        select(
            Partnership.id,
            Partnership.partner_city,
            Partnership.partner_country,
            Partnership.local_jurisdiction,
            Partnership.status,
            Partnership.established,
            Partnership.expires,
        )
        .where(
            Partnership.partner_country.in_(sorted(countries)),
            Partnership.status != Status.TERMINATED.value,
        )
        .order_by(Partnership.partner_city, Partnership.id)
    )
    home = _jurisdiction(session, address_of).state
    touched = []
    for pid, city, country, local, status, established, expires in session.execute(query):
        state = state_named(local) or home
        tie = Tie(country, Status(status), established, expires)
        flags = check_tie(state, tie, on)
        if flags and state:
            touched.append(TouchedTie(pid, city, country, Status(status), state, flags))
    return touched
