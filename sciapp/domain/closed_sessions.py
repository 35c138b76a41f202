"""Closed sessions (Michigan), executive sessions (New York), closed sessions (North Carolina):
each open-meetings profile's rules as data, with the statute beside each one.

- Michigan OMA. MCL 15.267(1): "A 2/3 roll call vote of members elected or appointed and
  serving is required to call a closed session, except for the closed sessions permitted
  under section 8(a), (b), (c), (g), (i), and (j). The roll call vote and the purpose or
  purposes for calling the closed session shall be entered into the minutes of the meeting at
  which the vote is taken." MCL 15.268(1) lists the only purposes. MCL 15.267(2): "A separate
  set of minutes shall be taken … at the closed session. These minutes shall be retained by
  the clerk of the public body, are not available to the public … These minutes may be
  destroyed 1 year and 1 day after approval of the minutes of the regular meeting at which
  the closed session was approved."
- New York POL §105(1): "Upon a majority vote of its total membership, taken in an open
  meeting pursuant to a motion identifying the general area or areas of the subject or
  subjects to be considered", for the purposes (a)–(h) only. POL §106(2): minutes "of any
  action that is taken by formal vote" in executive session; §106(3): "available to the
  public within one week from the date of the executive session" (a deadline GCL §25-a
  moves off a weekend or public holiday to the next business day).
- North Carolina G.S. 143-318.11(c): "only upon a motion duly made and adopted at an open
  meeting", which "shall cite one or more of the permissible purposes listed in subsection
  (a)". G.S. 143-318.10(e): "a general account of the closed session so that a person not in
  attendance would have a reasonable understanding of what transpired", which "may be
  withheld from public inspection so long as public inspection would frustrate the purpose
  of a closed session".

What a closed session's own minutes say is never public in sciapp: they stay out of the
public minutes, the Popolo export and the calendar feed (the services mark them closed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciapp.domain.bodies import Profile
from sciapp.domain.deadlines import holiday_law, next_business_day
from sciapp.domain.votes import VoteRule

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True)
class Purpose:
    """One purpose a statute permits, by its subdivision ("15.268(1)(e)")."""

    code: str  # "e"
    citation: str  # "MCL 15.268(1)(e)"
    text: str  # the statute's words, shortened
    # Michigan: called by a majority, not two-thirds (MCL 15.267(1)'s exceptions).
    simple_majority: bool = False


def _mi(code: str, text: str, simple: bool = False) -> Purpose:
    return Purpose(code, f"MCL 15.268(1)({code})", text, simple)


def _ny(code: str, text: str) -> Purpose:
    return Purpose(code, f"POL §105(1)({code})", text)


def _nc(code: str, text: str) -> Purpose:
    return Purpose(code, f"G.S. 143-318.11(a)({code})", text)


MICHIGAN_PURPOSES = (
    _mi(
        "a",
        "to consider the dismissal, suspension, or disciplining of, or to hear complaints or "
        "charges brought against, or to consider a periodic personnel evaluation of, a public "
        "officer, employee, staff member, or individual agent, if the named person requests a "
        "closed hearing",
        simple=True,
    ),
    _mi(
        "b",
        "to consider the dismissal, suspension, or disciplining of a student, if the student "
        "or the student's parent or guardian requests a closed hearing",
        simple=True,
    ),
    _mi(
        "c",
        "for strategy and negotiation sessions connected with the negotiation of a collective "
        "bargaining agreement, if either negotiating party requests a closed hearing",
        simple=True,
    ),
    _mi(
        "d",
        "to consider the purchase or lease of real property up to the time an option to "
        "purchase or lease that real property is obtained",
    ),
    _mi(
        "e",
        "to consult with its attorney regarding trial or settlement strategy in connection "
        "with specific pending litigation",
    ),
    _mi(
        "f",
        "to review and consider the contents of an application for employment or appointment "
        "to a public office, if the candidate requests that the application remain "
        "confidential",
    ),
    _mi("g", "partisan caucuses of members of the state legislature", simple=True),
    _mi(
        "h", "to consider material exempt from discussion or disclosure by state or federal statute"
    ),
    _mi("i", "for a compliance conference conducted by the department", simple=True),
    _mi(
        "j",
        "in the process of searching for and selecting a president of an institution of "
        "higher education",
        simple=True,
    ),
)

NEW_YORK_PURPOSES = (
    _ny("a", "matters which will imperil the public safety if disclosed"),
    _ny("b", "any matter which may disclose the identity of a law enforcement agent or informer"),
    _ny(
        "c",
        "information relating to current or future investigation or prosecution of a criminal "
        "offense which would imperil effective law enforcement if disclosed",
    ),
    _ny("d", "discussions regarding proposed, pending or current litigation"),
    _ny("e", "collective negotiations pursuant to article fourteen of the civil service law"),
    _ny(
        "f",
        "the medical, financial, credit or employment history of a particular person or "
        "corporation, or matters leading to the appointment, employment, promotion, demotion, "
        "discipline, suspension, dismissal or removal of a particular person or corporation",
    ),
    _ny("g", "the preparation, grading or administration of examinations"),
    _ny(
        "h",
        "the proposed acquisition, sale or lease of real property or the proposed acquisition "
        "of securities, or sale or exchange of securities held by such public body, but only "
        "when publicity would substantially affect the value thereof",
    ),
)

NORTH_CAROLINA_PURPOSES = (
    _nc(
        "1",
        "to prevent the disclosure of information that is privileged or confidential, or not "
        "considered a public record",
    ),
    _nc(
        "2",
        "to prevent the premature disclosure of an honorary degree, scholarship, prize, or "
        "similar award",
    ),
    _nc("3", "to consult with an attorney in order to preserve the attorney-client privilege"),
    _nc(
        "4",
        "to discuss matters relating to the location or expansion of industries or other "
        "businesses in the area served by the public body",
    ),
    _nc(
        "5",
        "to instruct staff or negotiating agents on the position to be taken in negotiating "
        "the acquisition of real property or an employment contract",
    ),
    _nc(
        "6",
        "to consider the qualifications, competence, performance, character, fitness, "
        "conditions of appointment, or conditions of initial employment of an individual "
        "public officer or employee",
    ),
    _nc(
        "7",
        "to plan, conduct, or hear reports concerning investigations of alleged criminal "
        "misconduct",
    ),
    _nc("8", "to formulate plans relating to emergency response to incidents of school violence"),
    _nc(
        "9",
        "to discuss and take action regarding plans to protect public safety as it relates "
        "to existing or potential terrorist activity",
    ),
)


@dataclass(frozen=True)
class ClosedSessionLaw:
    """How a profile's law calls a closed session and keeps its minutes."""

    profile: Profile
    name: str  # "closed session", "executive session"
    rule: VoteRule  # the vote to close
    rule_citation: str
    roll_call: bool  # the vote must be a roll call
    purposes: tuple[Purpose, ...]
    purposes_citation: str
    minutes: str  # what its own minutes are
    minutes_citation: str
    minutes_due_days: int | None = None  # calendar days after the session
    destroy_after_approval: bool = False  # MCL 15.267(2): 1 year and 1 day after approval

    def rule_for(self, codes: Sequence[str]) -> VoteRule:
        """The vote needed for these purposes: Michigan's exceptions need only a majority."""
        chosen = [p for p in self.purposes if p.code in codes]
        if chosen and all(p.simple_majority for p in chosen):
            return VoteRule.MAJORITY_CAST
        return self.rule

    def purpose(self, code: str) -> Purpose:
        for purpose in self.purposes:
            if purpose.code == code:
                return purpose
        raise KeyError(code)

    def check_purposes(self, codes: Sequence[str]) -> str | None:
        """Why these purposes cannot call a closed session, if they cannot."""
        if not codes:
            return f"choose the purpose of the {self.name} (the law permits only its own)"
        known = {p.code for p in self.purposes}
        unknown = [c for c in codes if c not in known]
        if unknown:
            return f"{', '.join(unknown)}: not a purpose {self.purposes_citation} permits"
        return None


MICHIGAN = ClosedSessionLaw(
    Profile.MICHIGAN,
    "closed session",
    VoteRule.TWO_THIRDS_SERVING,
    "MCL 15.267(1)",
    roll_call=True,
    purposes=MICHIGAN_PURPOSES,
    purposes_citation="MCL 15.268(1)",
    minutes="a separate set of minutes, not available to the public",
    minutes_citation="MCL 15.267(2)",
    destroy_after_approval=True,
)
NEW_YORK = ClosedSessionLaw(
    Profile.NEW_YORK,
    "executive session",
    VoteRule.MAJORITY_TOTAL,
    "POL §105(1)",
    roll_call=False,
    purposes=NEW_YORK_PURPOSES,
    purposes_citation="POL §105(1)",
    minutes="minutes of any action taken by formal vote, within one week",
    minutes_citation="POL §106(2), (3)",
    minutes_due_days=7,
)
NORTH_CAROLINA = ClosedSessionLaw(
    Profile.NORTH_CAROLINA,
    "closed session",
    VoteRule.MAJORITY_CAST,
    "G.S. 143-318.11(c)",
    roll_call=False,
    purposes=NORTH_CAROLINA_PURPOSES,
    purposes_citation="G.S. 143-318.11(a)",
    minutes="a general account, which may be withheld while inspection would frustrate its purpose",
    minutes_citation="G.S. 143-318.10(e)",
)
LAWS = {law.profile: law for law in (MICHIGAN, NEW_YORK, NORTH_CAROLINA)}


def closed_session_law(profile: Profile) -> ClosedSessionLaw | None:
    """The profile's rules; None: the body follows no open-meetings law (its bylaws decide)."""
    return LAWS.get(profile)


def one_year_and_one_day(approved_on: dt.date) -> dt.date:
    """The first day Michigan's closed minutes may be destroyed (MCL 15.267(2)): a year after
    the approval (February 29's year ends on February 28), then one day more."""
    try:
        year_later = approved_on.replace(year=approved_on.year + 1)
    except ValueError:  # February 29
        year_later = dt.date(approved_on.year + 1, 2, 28)
    return year_later + dt.timedelta(days=1)


def minutes_due(law: ClosedSessionLaw, session_day: dt.date) -> dt.date | None:
    """When the session's own minutes are due (New York: one week, rolled by GCL §25-a)."""
    if law.minutes_due_days is None:
        return None
    due = session_day + dt.timedelta(days=law.minutes_due_days)
    return next_business_day(due, holiday_law(law.profile))


def may_destroy_from(
    law: ClosedSessionLaw, open_minutes_approved: dt.date | None
) -> dt.date | None:
    """The first day the closed minutes may be destroyed; None while they must be kept (the
    open minutes are not approved yet) or where the law sets no date."""
    if not law.destroy_after_approval or open_minutes_approved is None:
        return None
    return one_year_and_one_day(open_minutes_approved)


def motion_text(law: ClosedSessionLaw, codes: Sequence[str]) -> str:
    """The motion as the open minutes record it, each purpose with its citation."""
    purposes = "; and ".join(f"{law.purpose(c).text} ({law.purpose(c).citation})" for c in codes)
    return f"To meet in {law.name} {purposes}."
