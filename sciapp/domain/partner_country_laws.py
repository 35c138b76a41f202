"""State laws on partner countries: which ties a state bars, with the citation a clerk reads.

The table is data the app ships (no migration, nothing stored): each rule names its state
(ISO 3166-2), its citation, when it took effect, the partner countries it names (ISO 3166-1
alpha-2), what it bars (establishing, maintaining, renewing a tie) and whether a tie that
exists must be ended. The app informs and records; the council decides.

Sources, as read for this table (check them again before relying on them):

- Texas Government Code chapter 795, "Sister-City Agreements", added by Acts 2025, 89th Leg.,
  R.S., ch. 540 (H.B. 128), sec. 1, eff. September 1, 2025 (statutes.capitol.texas.gov,
  GV.795). §795.001(1) defines "foreign adversary" as (A) China, Iran, North Korea or Russia,
  or (B) a country designated for purposes of chapter 2275 (those designations change and are
  not in this table). §795.003: "A governmental entity may not establish, maintain, or renew
  a sister-city agreement with" a foreign adversary or a community located in one. Summaries
  of the bill (Texas Policy Research, Legiplex) say an entity with such an agreement on
  September 1, 2025 must withdraw by October 1, 2025, a provision expiring January 1, 2027;
  the text of that provision was not found, so it is cited as the bill's and not by section.
- Arkansas Code §14-1-116, "Certain sister cities prohibited": (a) a "prohibited foreign
  party" is a citizen, resident, government or organisation of a country subject to ITAR,
  22 C.F.R. §126.1, "as existing on January 1, 2025"; (b) "A municipality shall not form a
  sister city with a prohibited foreign party"; (c) a sister city formed before August 5,
  2025 "shall be terminated" (August 5, 2025 taken as the effective date).
- 22 C.F.R. §126.1 on January 1, 2025: the countries of paragraph (d)(1) (Belarus, Burma,
  China, Cuba, Iran, North Korea, Syria, Venezuela) and of paragraph (d)(2) (Afghanistan,
  Cambodia, Central African Republic, Cyprus, Democratic Republic of the Congo, Eritrea,
  Ethiopia, Haiti, Iraq, Lebanon, Libya, Russia, Somalia, South Sudan, Sudan, Zimbabwe), as a
  compliance summary lists them (cmmccompliance.us, "What are ITAR countries"); to be checked
  against the eCFR's point-in-time text for that date (Cyprus and Ethiopia especially).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from sciapp.domain.formats import formal_date
from sciapp.domain.motions import PartnershipAction
from sciapp.domain.status import Status

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sciapp.domain.dates import PartialDate


class Act(StrEnum):
    """What a law can bar doing with a tie."""

    ESTABLISH = "establish"
    MAINTAIN = "maintain"
    RENEW = "renew"

    @property
    def gerund(self) -> str:
        return {"establish": "establishing", "maintain": "maintaining", "renew": "renewing"}[
            self.value
        ]


@dataclass(frozen=True)
class PartnerCountryLaw:
    state: str  # ISO 3166-2, "US-TX"
    name: str  # "Texas Government Code chapter 795 (H.B. 128, 2025)"
    citation: str  # the section that bars: "Tex. Gov't Code §795.003"
    effective: dt.date
    countries: frozenset[str]  # ISO 3166-1 alpha-2
    barred: tuple[Act, ...]
    termination_required: bool
    termination_citation: str  # where the duty to end an existing tie is
    list_as_of: str = ""  # "22 C.F.R. §126.1 as existing on January 1, 2025"
    note: str = ""  # what the table leaves out

    def applies_to(self, country: str) -> bool:
        return country in self.countries


ITAR_126_1_AS_OF = dt.date(2025, 1, 1)
# 22 C.F.R. §126.1 (d)(1) and (d)(2) on January 1, 2025 (see the module's sources).
ITAR_126_1_D1 = frozenset({"BY", "MM", "CN", "CU", "IR", "KP", "SY", "VE"})
ITAR_126_1_D2 = frozenset(
    {
        "AF",
        "KH",
        "CF",
        "CY",
        "CD",
        "ER",
        "ET",
        "HT",
        "IQ",
        "LB",
        "LY",
        "RU",
        "SO",
        "SS",
        "SD",
        "ZW",
    }
)

TEXAS_795 = PartnerCountryLaw(
    state="US-TX",
    name="Texas Government Code chapter 795 (H.B. 128, 89th Leg., R.S., 2025)",
    citation="Tex. Gov't Code §795.003",
    effective=dt.date(2025, 9, 1),
    countries=frozenset({"CN", "IR", "KP", "RU"}),  # §795.001(1)(A)
    barred=(Act.ESTABLISH, Act.MAINTAIN, Act.RENEW),
    termination_required=True,  # maintaining is barred; H.B. 128: withdraw by Oct. 1, 2025
    termination_citation="Tex. Gov't Code §795.003; H.B. 128 (withdrawal by October 1, 2025)",
    note=(
        "Countries designated for purposes of Tex. Gov't Code chapter 2275 are foreign "
        "adversaries too (§795.001(1)(B)); they are not in this table."
    ),
)

ARKANSAS_14_1_116 = PartnerCountryLaw(
    state="US-AR",
    name="Arkansas Code §14-1-116 (certain sister cities prohibited)",
    citation="Ark. Code Ann. §14-1-116(b)",
    effective=dt.date(2025, 8, 5),
    countries=ITAR_126_1_D1 | ITAR_126_1_D2,
    barred=(Act.ESTABLISH,),
    termination_required=True,
    termination_citation="Ark. Code Ann. §14-1-116(c)",
    list_as_of="22 C.F.R. §126.1 as existing on January 1, 2025",
)

LAWS: tuple[PartnerCountryLaw, ...] = (TEXAS_795, ARKANSAS_14_1_116)


def laws_for(
    state: str | None, laws: Iterable[PartnerCountryLaw] = LAWS
) -> tuple[PartnerCountryLaw, ...]:
    return tuple(law for law in laws if state and law.state == state)


@dataclass(frozen=True)
class Tie:
    """What a law looks at in a partnership."""

    country: str
    status: Status
    established: PartialDate | None = None
    expires: PartialDate | None = None


@dataclass(frozen=True)
class LawFlag:
    """How one law touches one tie."""

    law: PartnerCountryLaw
    barred: tuple[Act, ...]  # what the law bars doing with this tie
    must_terminate: bool
    in_force: bool  # on the day asked about; else it takes effect later

    @property
    def is_barred(self) -> bool:
        return bool(self.barred) or self.must_terminate

    @property
    def citation(self) -> str:
        if self.must_terminate and not self.barred:
            return self.law.termination_citation
        return self.law.citation

    def describe(self) -> str:
        """ "barred: maintaining, renewing; must be terminated (Tex. Gov't Code §795.003)"."""
        parts = []
        if self.barred:
            parts.append("barred: " + ", ".join(act.gerund for act in self.barred))
        if self.must_terminate:
            parts.append("must be terminated")
        text = "; ".join(parts) + f" ({self.citation})"
        if not self.in_force:
            text = f"from {formal_date(self.law.effective)}, {text}"
        return text


def check_tie(
    state: str | None,
    tie: Tie,
    on: dt.date,
    laws: Iterable[PartnerCountryLaw] = LAWS,
) -> tuple[LawFlag, ...]:
    """Which of the state's laws touch this tie, and how. A terminated tie is touched by
    none; a proposed one is barred from being established; a live one (active, suspended)
    from being maintained, and renewed if it has an end date, and ended where the law says."""
    if tie.status is Status.TERMINATED:
        return ()
    flags = []
    for law in laws_for(state, laws):
        if not law.applies_to(tie.country):
            continue
        if tie.status is Status.PROPOSED:
            acts: tuple[Act, ...] = (Act.ESTABLISH,)
            terminate = False
        else:
            acts = (Act.MAINTAIN,) + ((Act.RENEW,) if tie.expires is not None else ())
            terminate = law.termination_required
        barred = tuple(act for act in acts if act in law.barred)
        if barred or terminate:
            flags.append(LawFlag(law, barred, terminate, on >= law.effective))
    return tuple(flags)


# What a motion's partnership action does, in the laws' words: reinstating a suspended tie
# is keeping it (maintaining) and taking it up again (renewing).
ACTION_ACTS = {
    PartnershipAction.ESTABLISH: (Act.ESTABLISH,),
    PartnershipAction.REINSTATE: (Act.MAINTAIN, Act.RENEW),
}


def check_action(
    state: str | None,
    country: str,
    action: PartnershipAction,
    on: dt.date,
    laws: Iterable[PartnerCountryLaw] = LAWS,
) -> tuple[LawFlag, ...]:
    """What to tell the meeting before it votes on this action: the laws that bar it."""
    acts = ACTION_ACTS.get(action, ())
    flags = []
    for law in laws_for(state, laws):
        barred = tuple(act for act in acts if act in law.barred)
        if barred and law.applies_to(country):
            flags.append(LawFlag(law, barred, False, on >= law.effective))
    return tuple(flags)


def action_warning(flags: Iterable[LawFlag], partner: str) -> str:
    """ "Establishing a tie with Tver, Russia is barred by Tex. Gov't Code §795.003. …"."""
    lines = []
    for flag in flags:
        acts = " and ".join(act.gerund for act in flag.barred).capitalize()
        when = "" if flag.in_force else f" from {formal_date(flag.law.effective)}"
        lines.append(f"{acts} a tie with {partner} is barred{when} by {flag.law.citation}.")
    if lines:
        lines.append("The body decides; the motion is recorded as voted.")
    return " ".join(lines)


# -- where a commission is ---------------------------------------------------------------


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """US states, DC and territories by name and postal code, casefolded: "texas", "tx"."""
    import pycountry

    index: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code="US") or ():
        index[sub.name.casefold()] = sub.code
        index[sub.code.split("-", 1)[1].casefold()] = sub.code
    return index


_TAIL = re.compile(r"[\s\d-]+$")  # a ZIP code after the state


def state_named(text: str) -> str | None:
    """The state (ISO 3166-2) that ends a "City, State" line: "Lansing, Michigan 48933",
    "Austin, TX", "Texas". None when the text names none."""
    for part in reversed((text or "").split(",")):
        words = _TAIL.sub("", part.replace(".", "")).strip().casefold()
        words = words.removesuffix(" usa").removesuffix(" us").strip()
        if not words or words in ("usa", "us", "united states", "united states of america"):
            continue
        return _states().get(words) or _states().get(words.removeprefix("state of "))
    return None


def state_label(state: str | None) -> str:
    """ "Texas" for "US-TX"; "no state" for None."""
    if not state:
        return "no state"
    import pycountry

    sub = pycountry.subdivisions.get(code=state)
    return sub.name if sub else state
