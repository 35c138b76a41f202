"""What the minutes say, worded once from the minutes model: the text minutes and the minutes
PDF print these words (each in its own layout), so they cannot drift apart. What open-meetings
laws ask for is here: date, time and place, members present and absent with their roles, who
moved and seconded, every roll call by name, the outcome (MCL 15.269, NY POL §106).

The roll-call formatter is the one every printed roll call uses: the minutes and the
resolution's certificate of the vote alike, recusals included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciapp.domain import formats
from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import Office
from sciapp.domain.minutes import MinutesStatus
from sciapp.domain.votes import VoteOption

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    from sciapp.domain.minutes_model import Attendee, Comment, Item, Minutes, MotionEntry

ROLL_CALL_LABELS = (
    (VoteOption.YES, "Ayes"),
    (VoteOption.NO, "Nays"),
    (VoteOption.ABSTAIN, "Abstain"),
    (VoteOption.RECUSED, "Recused"),
    (VoteOption.ABSENT, "Absent"),
)
# The rows printed even when nobody is in them; the others only when someone is.
MINUTES_ROWS = (VoteOption.YES, VoteOption.NO)
CERTIFICATE_ROWS = (VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN, VoteOption.ABSENT)

NOT_VOTED = "Not voted on."
PUBLIC_COMMENT = "Public comment"


def document_time(at: dt.time) -> str:
    """A time in the commission's documents (en_US, AP style): "7:02 p.m.", "12:00 p.m."."""
    return formats.document_time(at)


def weekday_date(day: dt.date) -> str:
    """ "Wednesday, March 16, 2022" """
    return formats.long_date(day, formats.DOCUMENT_LOCALE)


def plain_date(day: dt.date) -> str:
    """ "April 20, 2022" """
    return formats.formal_date(day, formats.DOCUMENT_LOCALE)


def correction_date(day: dt.date) -> str:
    """When a correction was approved, as the text minutes and the PDF both print it."""
    return plain_date(day)


def roll_call(
    names: Mapping[VoteOption, Sequence[str]],
    always: Sequence[VoteOption] = MINUTES_ROWS,
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A roll call's rows, in order: ("Ayes", names), ("Nays", names), then abstentions,
    recusals and absences. Rows in `always` print even when empty."""
    return tuple(
        (label, tuple(names.get(option, ())))
        for option, label in ROLL_CALL_LABELS
        if names.get(option) or option in always
    )


def roll_call_lines(
    names: Mapping[VoteOption, Sequence[str]],
    always: Sequence[VoteOption] = MINUTES_ROWS,
    nobody: str = "none",
) -> tuple[tuple[str, str], ...]:
    """The rows as ("Ayes", "Ada, Ben"), an empty row saying `nobody`."""
    return tuple((label, ", ".join(who) or nobody) for label, who in roll_call(names, always))


@dataclass(frozen=True)
class MotionWords:
    text: str
    moved_by: str  # "Moved by Ada, seconded by Ben."
    rows: tuple[tuple[str, str], ...]  # ("Ayes", "Ada, Ben") … or ("Voice vote", "3 yes, …")
    outcome: str


@dataclass(frozen=True)
class Section:
    """One agenda item as printed, or the public comment where the agenda has no item for it
    (then `item_id` and `number` are None)."""

    item_id: int | None
    number: int | None
    title: str
    notes: str = ""
    comments: tuple[str, ...] = ()
    motions: tuple[MotionWords, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number is not None else self.title


@dataclass(frozen=True)
class MinutesWords:
    body_name: str
    heading: str  # "Minutes of the regular meeting, Wednesday, March 16, 2022"
    facts: tuple[tuple[str, str], ...]  # ("Status", …), ("Time", …), ("Place", …) …
    opening: str  # "Called to order at 7:02 p.m." or "" (the time's "p.m." ends the sentence)
    sections: tuple[Section, ...]
    closing: str  # "Adjourned at 8:41 p.m." or "Adjournment: not recorded."


def words(minutes: Minutes) -> MinutesWords:
    m = minutes
    facts = [
        ("Status", status_phrase(m.status, m.approved_on)),
        ("Time", document_time(m.called_to_order or m.start_time)),
        ("Place", (m.place or "—") + (f"; online: {m.remote_link}" if m.remote_link else "")),
    ]
    present = [a for a in m.attendance if a.presence is Presence.PRESENT]
    absent = [a for a in m.attendance if a.presence is not Presence.PRESENT]
    facts.append(("Members present", ", ".join(attendee(a) for a in present) or "none"))
    facts.append(("Members absent", ", ".join(attendee(a) for a in absent) or "none"))
    if m.guests:
        guests = (f"{g.name} ({g.role})" if g.role else g.name for g in m.guests)
        facts.append(("Also present", ", ".join(guests)))
    return MinutesWords(
        body_name=m.body_name,
        heading=f"Minutes of the {m.kind} meeting, {weekday_date(m.date)}",
        facts=tuple(facts),
        opening=f"Called to order at {document_time(m.called_to_order)}"
        if m.called_to_order
        else "",
        sections=sections(m),
        closing=f"Adjourned at {document_time(m.adjourned)}"
        if m.adjourned
        else "Adjournment: not recorded.",
    )


def status_phrase(status: MinutesStatus, approved_on: dt.date | None) -> str:
    if status is MinutesStatus.APPROVED and approved_on is not None:
        return f"{status.label} on {plain_date(approved_on)}"
    return status.label


def attendee(a: Attendee) -> str:
    """ "Margaret Okafor (Chair)", "Andrea Lopez (non-voting)", "Luis Carrillo (arrived 7:26
    p.m.)", "Hannah Becker (excused)"."""
    notes = []
    if a.office is not Office.MEMBER:
        notes.append(a.office.label)
    if not a.voting:
        notes.append("non-voting")
    if a.presence is Presence.PRESENT:
        if a.arrived:
            notes.append(f"arrived {document_time(a.arrived)}")
        if a.departed:
            notes.append(f"left {document_time(a.departed)}")
    elif a.presence is Presence.EXCUSED:
        notes.append("excused")
    return a.name + (f" ({', '.join(notes)})" if notes else "")


def motion_words(motion: MotionEntry) -> MotionWords:
    by = f"Moved by {motion.mover}" if motion.mover else "Moved"
    if motion.seconder:
        by += f", seconded by {motion.seconder}"
    if motion.votes:
        rows = roll_call_lines(motion.names_by_option())
    elif motion.method == "voice":
        counts = f"{motion.yes} yes, {motion.no} no, {motion.abstain} abstain"
        rows = (("Voice vote", counts),)
    else:
        rows = ()
    return MotionWords(motion.text, by + ".", rows, motion.explanation or NOT_VOTED)


def comment_line(comment: Comment) -> str:
    topic = f" on {comment.topic}" if comment.topic else ""
    return f"{comment.speaker}{topic}: {comment.summary}".rstrip(": ")


def is_public_comment(item: Item) -> bool:
    return item.title.strip().casefold().startswith(PUBLIC_COMMENT.casefold())


def sections(minutes: Minutes) -> tuple[Section, ...]:
    """The agenda items in order, each with its notes and motions; public comment under the
    agenda's own "Public comment" item, or, where it has none, as a section of its own before
    the adjournment."""
    comments = tuple(comment_line(c) for c in minutes.comments)
    home = next((i for i in minutes.items if is_public_comment(i)), None)
    out = [
        Section(
            item.id,
            item.position,
            item.title,
            item.notes.strip(),
            comments if item is home else (),
            tuple(motion_words(m) for m in minutes.motions_of(item.id)),
        )
        for item in minutes.items
    ]
    if comments and home is None:
        own = Section(None, None, PUBLIC_COMMENT, comments=comments)
        last = minutes.items[-1] if minutes.items else None
        adjourning = last is not None and last.title.strip().casefold().startswith("adjourn")
        out.insert(len(out) - 1 if adjourning else len(out), own)
    return tuple(out)
