"""A travel request drafted from an activity: a letter to the council (asking approval) or
to the partner city (proposing the visit), or an agenda item on the next meeting, from the
activity's dates, place, participants and budget. The clerk edits the draft before it goes
out; nothing is sent."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from sciapp.domain.activities import ContactRole
from sciapp.domain.text import TITLE
from sciapp.services.documents.addressing import inside_address, salutation
from sciapp.services.documents.records import LetterDraft
from sciapp.services.errors import NotFoundError

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.services.activities.records import ActivityRecord
    from sciapp.services.activities.service import ActivityService
    from sciapp.services.documents.records import LetterRecord
    from sciapp.services.documents.service import DocumentService
    from sciapp.services.meetings.records import ItemRecord, MeetingRow
    from sciapp.services.meetings.service import MeetingService
    from sciapp.services.partnerships.contacts import ContactService


class Addressee(StrEnum):
    COUNCIL = "council"
    PARTNER = "partner"


def when(activity: ActivityRecord, locale: str = "en_US") -> str:
    """ "May 10, 2024" or "May 10, 2024 to May 17, 2024"."""
    from sciapp.domain.formats import short_date

    start = short_date(activity.starts_on, locale)
    if activity.ends_on is None or activity.ends_on == activity.starts_on:
        return start
    return f"{start} to {short_date(activity.ends_on, locale)}"


def _people(activity: ActivityRecord) -> str:
    count = len(activity.participants)
    if not count:
        return "participants not yet named"
    parts = [
        f"{n} {role.label.lower()}{'s' if n != 1 else ''}"
        for role, n in activity.counts().items()
        if n
    ]
    return f"{count} participant{'s' if count != 1 else ''} ({', '.join(parts)})"


def _facts(activity: ActivityRecord, locale: str) -> str:
    place = f" in {activity.place}" if activity.place else ""
    return f"{activity.title} ({activity.kind.label.lower()}), {when(activity, locale)}{place}"


def _budget(activity: ActivityRecord) -> str:
    if activity.budget_cents is None:
        return "The program's budget is to be set."
    return f"The program's budget is {activity.budget_text}."


def item_title(activity: ActivityRecord, locale: str = "en_US") -> str:
    """ "Travel request: Youth exchange to Otsu (youth exchange), … — 12 participants …" """
    budget = f"; budget {activity.budget_text}" if activity.budget_cents is not None else ""
    title = f"Travel request: {_facts(activity, locale)} — {_people(activity)}{budget}"
    return title if len(title) <= TITLE else title[: TITLE - 1] + "…"


class TravelRequestService:
    def __init__(
        self,
        activities: ActivityService,
        contacts: ContactService,
        documents: DocumentService,
        meetings: MeetingService,
    ) -> None:
        self._activities = activities
        self._contacts = contacts
        self._documents = documents
        self._meetings = meetings

    def upcoming_meetings(self, today: dt.date) -> list[MeetingRow]:
        """Meetings from today on, not cancelled, soonest first: where an item can go."""
        rows = [r for r in self._meetings.list_meetings() if r.date >= today and not r.cancelled]
        return sorted(rows, key=lambda r: (r.date, r.start_time))

    def letter_draft(
        self, activity_id: int, to: Addressee, today: dt.date, locale: str = "en_US"
    ) -> LetterDraft:
        """The letter, not saved: to the council, or to the partner city's mayor (from the tie's
        contacts when one is recorded)."""
        activity = self._activities.get(activity_id)
        writer = self._documents.letter_writer("commission", today)
        facts, people = _facts(activity, locale), _people(activity)
        subject = f"Travel request: {activity.title}"
        if to is Addressee.COUNCIL:
            address: tuple[str, ...] = ("Members of the City Council",)
            greeting = "Dear Council Members:"
            body = [
                f"The commission requests the council's approval of travel for {facts}, "
                f"with the partner city of {activity.partner_city}.",
                f"The delegation is planned with {people}. {_budget(activity)}",
            ]
            if activity.motion_label:
                body.append(f"The commission approved the program: {activity.motion_label}.")
            body.append("We would be glad to answer the council's questions.")
        else:
            mayors = [
                c
                for c in self._contacts.list(activity.partnership_id, everyone=False)
                if c.role is ContactRole.MAYOR
            ]
            address = (
                inside_address(mayors[0])
                if mayors
                else ("Office of the Mayor", activity.partner_city)
            )
            greeting = salutation(mayors[0]) if mayors else "Dear Mayor:"
            body = [
                f"On behalf of our sister city commission, we are pleased to propose {facts}.",
                f"We plan to travel with {people}.",
                "We would be grateful to hear whether these dates suit you, and look forward to "
                "continuing the friendship between our cities.",
            ]
        return LetterDraft(
            date=today,
            to=address,
            salutation=greeting,
            body=tuple(body),
            signers=(writer.signer,),
            subject=subject,
            body_id=writer.body_id,
        )

    def draft_letter(
        self, activity_id: int, to: Addressee, today: dt.date, locale: str = "en_US"
    ) -> LetterRecord:
        """The travel request saved as a letter draft (Documents ▸ Letters), to be edited."""
        return self._documents.save_letter(self.letter_draft(activity_id, to, today, locale))

    def add_agenda_item(
        self, activity_id: int, meeting_id: int, locale: str = "en_US"
    ) -> ItemRecord:
        """The travel request as an item on the meeting's agenda."""
        activity = self._activities.get(activity_id)
        if not any(r.id == meeting_id for r in self._meetings.list_meetings()):
            raise NotFoundError(f"Meeting {meeting_id} does not exist (deleted?).")
        return self._meetings.add_item(meeting_id, item_title(activity, locale))
