"""Which partnerships a state law on partner countries touches, read from the register."""

from __future__ import annotations

import datetime as dt

import pytest

from sciapp.demo.texas import load_texas_demo
from sciapp.domain.bodies import BodyKind, Profile
from sciapp.domain.motions import PartnershipAction
from sciapp.domain.partnership import PartnershipDraft
from sciapp.domain.status import Status
from sciapp.services.errors import NotFoundError
from sciapp.services.meetings.setup import CommissionSetup, set_up_commission

ON = dt.date(2026, 3, 1)


def _tie(workspace, city: str, country: str, local: str = "", **kw):
    draft = PartnershipDraft(partner_city=city, partner_country=country, local_jurisdiction=local)
    return workspace.partnerships.create(draft, **kw)


def test_no_state_no_flags(workspace) -> None:
    _tie(workspace, "Tver", "RU")
    place = workspace.partner_laws.jurisdiction()
    assert place.state is None
    assert "names a state" in place.source
    assert workspace.partner_laws.touched(ON) == []


def test_the_commission_profile_names_its_state(workspace) -> None:
    workspace.bodies.create_body("Commission", BodyKind.COMMISSION, 7, Profile.MICHIGAN)
    place = workspace.partner_laws.jurisdiction()
    assert place.state == "US-MI"
    assert place.label == "Michigan"
    _tie(workspace, "St. Petersburg", "RU")
    assert workspace.partner_laws.touched(ON) == []  # Michigan has no such law


def test_the_letterhead_names_a_texas_commission(workspace) -> None:
    set_up_commission(workspace, CommissionSetup("Waco Sister Cities", "Waco, Texas", Profile.NONE))
    place = workspace.partner_laws.jurisdiction()
    assert place.state == "US-TX"
    assert "Waco, Texas" in place.source
    tver = _tie(workspace, "Tver", "RU")
    _tie(workspace, "Monterrey", "MX")
    ended = _tie(workspace, "Harbin", "CN", initial=Status.ACTIVE)
    from sciapp.domain.dates import PartialDate
    from sciapp.domain.status import Decider, StatusChange

    workspace.partnerships.record_change(
        ended.id,
        StatusChange(
            Status.TERMINATED,
            PartialDate(2025, 9),
            Decider.CITY_COUNCIL,
            reason="Tex. Gov't Code ch. 795",
        ),
    )
    (touched,) = workspace.partner_laws.touched(ON)
    assert touched.id == tver.id
    assert touched.state == "US-TX"
    assert touched.is_barred
    assert touched.describe() == (
        "barred: maintaining; must be terminated (Tex. Gov't Code §795.003)"
    )
    # Before the law takes effect it is listed, not counted as barred.
    (early,) = workspace.partner_laws.touched(dt.date(2025, 8, 1))
    assert not early.is_barred


def test_partnerships_local_jurisdiction_is_the_fallback_and_the_override(workspace) -> None:
    _tie(workspace, "Havana", "CU", "Little Rock, Arkansas")
    _tie(workspace, "Tver", "RU", "Little Rock, Arkansas")
    assert workspace.partner_laws.jurisdiction().state == "US-AR"
    flagged = {t.partner_city: t for t in workspace.partner_laws.touched(ON)}
    assert set(flagged) == {"Havana", "Tver"}  # Russia is in §126.1(d)(2)
    assert flagged["Havana"].describe() == "must be terminated (Ark. Code Ann. §14-1-116(c))"
    # A Michigan commission's tie made for a Texas city is judged by Texas's law.
    workspace.bodies.create_body("Commission", BodyKind.COMMISSION, 7, Profile.MICHIGAN)
    moscow = _tie(workspace, "Moscow", "RU", "Austin, Texas")
    states = {t.partner_city: t.state for t in workspace.partner_laws.touched(ON)}
    assert states == {"Havana": "US-AR", "Tver": "US-AR", "Moscow": "US-TX"}
    assert workspace.partner_laws.jurisdiction().state == "US-MI"
    assert moscow.id in {t.id for t in workspace.partner_laws.touched(ON)}


def test_a_motion_action_is_checked(workspace) -> None:
    load_texas_demo(workspace, dt.date(2026, 2, 1))
    rows = {r.partner_city: r for r in workspace.partnerships.list_rows()}
    harbin, tver, tainan = rows["Harbin"], rows["Tver"], rows["Tainan"]
    (flag,) = workspace.partner_laws.for_action(harbin.id, PartnershipAction.ESTABLISH, ON)
    assert flag.law.citation == "Tex. Gov't Code §795.003"
    assert workspace.partner_laws.for_action(tver.id, PartnershipAction.TERMINATE, ON) == ()
    assert workspace.partner_laws.for_action(tainan.id, PartnershipAction.ESTABLISH, ON) == ()
    with pytest.raises(NotFoundError):
        workspace.partner_laws.for_action(9999, PartnershipAction.ESTABLISH, ON)


def test_the_texas_demo(workspace) -> None:
    assert load_texas_demo(workspace, dt.date(2026, 2, 1)) == 4
    touched = workspace.partner_laws.touched(ON)
    assert [(t.partner_city, t.partner_country, t.status) for t in touched] == [
        ("Harbin", "CN", Status.PROPOSED),
        ("Tver", "RU", Status.ACTIVE),
    ]
    assert all(t.is_barred for t in touched)
    (meeting,) = workspace.meetings.list_meetings()
    assert meeting.date == dt.date(2026, 2, 1)  # tonight's, for a motion about a tie
