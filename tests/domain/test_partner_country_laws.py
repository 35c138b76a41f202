"""The law table against its citations, and how a law touches a tie or a motion."""

from __future__ import annotations

import datetime as dt

import pycountry
import pytest

from sciapp.domain.dates import PartialDate
from sciapp.domain.motions import PartnershipAction
from sciapp.domain.partner_country_laws import (
    ARKANSAS_14_1_116,
    ITAR_126_1_AS_OF,
    ITAR_126_1_D1,
    ITAR_126_1_D2,
    LAWS,
    TEXAS_795,
    Act,
    Tie,
    action_warning,
    check_action,
    check_tie,
    laws_for,
    state_label,
    state_named,
)
from sciapp.domain.status import Status

AFTER = dt.date(2026, 1, 15)


def _names(codes: frozenset[str]) -> set[str]:
    return {pycountry.countries.get(alpha_2=code).name for code in codes}


# -- the table against its citations ------------------------------------------------------


def test_texas_chapter_795_as_enacted() -> None:
    # §795.001(1)(A): "China, Iran, North Korea, or Russia"; eff. September 1, 2025.
    assert _names(TEXAS_795.countries) == {
        "China",
        "Iran, Islamic Republic of",
        "Korea, Democratic People's Republic of",
        "Russian Federation",
    }
    assert TEXAS_795.state == "US-TX"
    assert TEXAS_795.effective == dt.date(2025, 9, 1)
    # §795.003: "may not establish, maintain, or renew".
    assert TEXAS_795.barred == (Act.ESTABLISH, Act.MAINTAIN, Act.RENEW)
    assert TEXAS_795.termination_required
    assert "§795.003" in TEXAS_795.citation
    assert "H.B. 128" in TEXAS_795.name
    assert "chapter 795" in TEXAS_795.name
    assert "2275" in TEXAS_795.note  # the governor's designations are named, not listed


def test_arkansas_14_1_116_as_enacted() -> None:
    assert ARKANSAS_14_1_116.state == "US-AR"
    # (c): a sister city formed "before August 5, 2025, shall be terminated".
    assert ARKANSAS_14_1_116.effective == dt.date(2025, 8, 5)
    assert ARKANSAS_14_1_116.barred == (Act.ESTABLISH,)  # (b) "shall not form"
    assert ARKANSAS_14_1_116.termination_required
    assert ARKANSAS_14_1_116.termination_citation.endswith("§14-1-116(c)")
    # (a): the 22 C.F.R. §126.1 list "as existing on January 1, 2025".
    assert dt.date(2025, 1, 1) == ITAR_126_1_AS_OF
    assert "January 1, 2025" in ARKANSAS_14_1_116.list_as_of
    assert ARKANSAS_14_1_116.countries == ITAR_126_1_D1 | ITAR_126_1_D2


def test_the_126_1_list_of_january_2025() -> None:
    assert _names(ITAR_126_1_D1) == {
        "Belarus",
        "Myanmar",
        "China",
        "Cuba",
        "Iran, Islamic Republic of",
        "Korea, Democratic People's Republic of",
        "Syrian Arab Republic",
        "Venezuela, Bolivarian Republic of",
    }
    assert _names(ITAR_126_1_D2) == {
        "Afghanistan",
        "Cambodia",
        "Central African Republic",
        "Cyprus",
        "Congo, The Democratic Republic of the",
        "Eritrea",
        "Ethiopia",
        "Haiti",
        "Iraq",
        "Lebanon",
        "Libya",
        "Russian Federation",
        "Somalia",
        "South Sudan",
        "Sudan",
        "Zimbabwe",
    }
    assert not ITAR_126_1_D1 & ITAR_126_1_D2


def test_every_rule_names_real_codes() -> None:
    for law in LAWS:
        assert pycountry.subdivisions.get(code=law.state) is not None
        for code in law.countries:
            assert pycountry.countries.get(alpha_2=code) is not None, code
        assert law.citation
        assert law.termination_citation
        assert law.barred


def test_laws_for_a_state() -> None:
    assert laws_for("US-TX") == (TEXAS_795,)
    assert laws_for("US-AR") == (ARKANSAS_14_1_116,)
    assert laws_for("US-MI") == ()
    assert laws_for(None) == ()


# -- a tie ---------------------------------------------------------------------------------


def test_a_live_russian_tie_in_texas_must_end() -> None:
    (flag,) = check_tie("US-TX", Tie("RU", Status.ACTIVE), AFTER)
    assert flag.law is TEXAS_795
    assert flag.barred == (Act.MAINTAIN,)
    assert flag.must_terminate
    assert flag.in_force
    assert flag.is_barred
    assert flag.describe() == "barred: maintaining; must be terminated (Tex. Gov't Code §795.003)"


def test_an_agreement_with_an_end_date_cannot_be_renewed() -> None:
    tie = Tie("CN", Status.SUSPENDED, PartialDate.parse("1990"), PartialDate.parse("2027-06"))
    (flag,) = check_tie("US-TX", tie, AFTER)
    assert flag.barred == (Act.MAINTAIN, Act.RENEW)
    assert flag.describe().startswith("barred: maintaining, renewing; must be terminated")


def test_a_proposed_tie_cannot_be_established() -> None:
    (flag,) = check_tie("US-TX", Tie("IR", Status.PROPOSED), AFTER)
    assert flag.barred == (Act.ESTABLISH,)
    assert not flag.must_terminate
    (flag,) = check_tie("US-AR", Tie("CU", Status.PROPOSED), AFTER)
    assert flag.describe() == "barred: establishing (Ark. Code Ann. §14-1-116(b))"


def test_arkansas_orders_an_existing_tie_terminated() -> None:
    (flag,) = check_tie("US-AR", Tie("VE", Status.ACTIVE), AFTER)
    assert flag.barred == ()
    assert flag.must_terminate
    assert flag.describe() == "must be terminated (Ark. Code Ann. §14-1-116(c))"


def test_before_the_law_takes_effect_the_flag_says_from_when() -> None:
    (flag,) = check_tie("US-TX", Tie("RU", Status.ACTIVE), dt.date(2025, 8, 31))
    assert not flag.in_force
    assert flag.describe().startswith("from September 1, 2025, barred: maintaining")
    (flag,) = check_tie("US-TX", Tie("RU", Status.ACTIVE), dt.date(2025, 9, 1))
    assert flag.in_force


@pytest.mark.parametrize(
    ("state", "tie"),
    [
        ("US-TX", Tie("RU", Status.TERMINATED)),  # ended: nothing to do
        ("US-TX", Tie("JP", Status.ACTIVE)),  # not a named country
        ("US-TX", Tie("TW", Status.ACTIVE)),  # encouraged by §795.002
        ("US-TX", Tie("CU", Status.ACTIVE)),  # Arkansas's list, not Texas's
        ("US-MI", Tie("RU", Status.ACTIVE)),  # no such law in Michigan
        (None, Tie("RU", Status.ACTIVE)),  # no state known
    ],
)
def test_untouched(state: str | None, tie: Tie) -> None:
    assert check_tie(state, tie, AFTER) == ()


# -- a motion ------------------------------------------------------------------------------


def test_a_motion_to_establish_or_reinstate_is_warned_about() -> None:
    (flag,) = check_action("US-TX", "RU", PartnershipAction.ESTABLISH, AFTER)
    assert flag.barred == (Act.ESTABLISH,)
    text = action_warning([flag], "Tver, Russia")
    assert text.startswith("Establishing a tie with Tver, Russia is barred by")
    assert "§795.003" in text
    assert "decides" in text
    (flag,) = check_action("US-TX", "RU", PartnershipAction.REINSTATE, AFTER)
    assert flag.barred == (Act.MAINTAIN, Act.RENEW)
    assert action_warning([flag], "Tver, Russia").startswith("Maintaining and renewing")
    # Arkansas bars forming; reinstating an existing tie is its (c), not a new bar.
    assert check_action("US-AR", "CU", PartnershipAction.REINSTATE, AFTER) == ()
    assert check_action("US-AR", "CU", PartnershipAction.ESTABLISH, AFTER)


def test_ending_a_tie_is_never_warned_about() -> None:
    for action in (PartnershipAction.SUSPEND, PartnershipAction.TERMINATE):
        assert check_action("US-TX", "RU", action, AFTER) == ()
    assert check_action("US-TX", "MX", PartnershipAction.ESTABLISH, AFTER) == ()
    assert action_warning([], "Monterrey, Mexico") == ""


def test_a_warning_before_the_law_says_from_when() -> None:
    flags = check_action("US-TX", "RU", PartnershipAction.ESTABLISH, dt.date(2025, 6, 1))
    assert "barred from September 1, 2025 by" in action_warning(flags, "Tver, Russia")


# -- where the commission is --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Lansing, Michigan", "US-MI"),
        ("Lansing, Michigan 48933", "US-MI"),
        ("Austin, TX 78701-1234", "US-TX"),
        ("Austin, Tex", None),
        ("Little Rock, Arkansas, USA", "US-AR"),
        ("Texas", "US-TX"),
        ("State of Texas", "US-TX"),
        ("Washington, D.C.", "US-DC"),
        ("Paris, France", None),
        ("", None),
        ("124 W. Michigan Avenue", None),
    ],
)
def test_state_named(text: str, state: str | None) -> None:
    assert state_named(text) == state


def test_state_label() -> None:
    assert state_label("US-TX") == "Texas"
    assert state_label(None) == "no state"
