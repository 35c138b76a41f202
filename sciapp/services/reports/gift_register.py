"""The gift register for the clerk's disclosure as a tagged PDF (`pdf/gift_register.py`)
on the commission's letterhead: the gifts of a year (or of every year) as GiftService lists
them, read in one transaction with the letterhead. The CSV is GiftService.register_csv."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.domain.gift_register import GiftLine, GiftRegister
from sciapp.services.clock import utc_now

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from sciapp.pdf.model import Rendered
    from sciapp.services.activities.records import GiftRecord
    from sciapp.storage.database import Database


def _line(g: GiftRecord) -> GiftLine:
    return GiftLine(
        exchanged_on=g.exchanged_on,
        direction=g.direction.value,
        description=g.description,
        counterpart=g.counterpart,
        partnership=g.partner_city,
        activity=g.activity_title,
        value_cents=g.value_cents,
        currency=g.currency,
        city_property=g.city_property,
        custodian=g.custodian,
        location=g.location,
        disposition=g.disposition,
        disposed_on=g.disposed_on,
    )


class GiftRegisterService:
    def __init__(self, db: Database, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self._db = db
        self._clock = clock

    def build(self, year: int | None = None, today: dt.date | None = None) -> GiftRegister:
        from sciapp.services.activities.gifts import GiftService
        from sciapp.services.documents.letterheads import letterhead_for
        from sciapp.services.reports.annual import _commission_id

        with self._db.session() as session:
            commission = letterhead_for(session, _commission_id(session)).name
        lines = tuple(_line(g) for g in GiftService(self._db).list(year))
        return GiftRegister(year, commission, today or self._clock().date(), lines)

    def pdf(self, year: int | None = None, today: dt.date | None = None) -> Rendered:
        """The register as a tagged, landscape PDF on the commission's letterhead."""
        from dataclasses import replace

        from sciapp.pdf.gift_register import render_gift_register
        from sciapp.services.documents.letterheads import letterhead_for
        from sciapp.services.reports.annual import _commission_id
        from sciapp.services.reports.passages import native_names
        from sciapp.services.reports.rendering import letterhead
        from sciapp.services.safekeeping.attachments import resolve

        register = self.build(year, today)
        with self._db.session() as session:
            head = letterhead(letterhead_for(session, _commission_id(session)))
            names = native_names(session)
        seal = resolve(self._db, str(head.seal)) if head.seal else None
        return render_gift_register(register, replace(head, seal=seal), names)
