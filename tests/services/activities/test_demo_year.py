"""The demo commission's year of activities, gifts, contacts and membership."""

import datetime as dt

from sciapp.demo import load_demo
from sciapp.domain.activities import ActivityKind, ContactRole, ParticipantRole

TODAY = dt.date(2024, 6, 15)


def test_the_demo_year(workspace):
    load_demo(workspace, TODAY)
    by_city = {a.partner_city: a for a in workspace.activities.list()}
    exchange = by_city["St. Petersburg"]
    assert (exchange.kind, exchange.starts_on.year) == (ActivityKind.YOUTH_EXCHANGE, 1994)
    students = [p for p in exchange.participants if p.role is ParticipantRole.STUDENT]
    assert students
    assert all(p.chaperone_name == "Eleanor Marsh" for p in students)
    otsu = by_city["Otsu"]
    assert otsu.kind is ActivityKind.OFFICIAL_DELEGATION_OUT
    assert otsu.spent_cents > otsu.budget_cents  # the overrun the notes explain
    (itinerary,) = otsu.files
    assert b"Otsu City Hall" in workspace.activities.file_content(itinerary.id)[1]
    assert by_city["Guadalajara"].kind is ActivityKind.SISTER_SCHOOLS
    gifts = workspace.gifts.list(year=2024)
    assert {g.activity_id for g in gifts} == {otsu.id}
    assert {g.direction.value for g in gifts} == {"given", "received"}
    paid = workspace.membership.year(2024)
    assert paid is not None
    assert paid.in_good_standing
    roles = {c.role for c in workspace.contacts.list()}
    assert {ContactRole.MAYOR, ContactRole.SCI, ContactRole.EMBASSY} <= roles
    assert workspace.safekeeping.check().problems == []
