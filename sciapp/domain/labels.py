"""What the app calls things on screen: each stored field by the label its form shows, and
counts in proper English (values as shown, and records as named: `sciapp.domain.display`).

One owner for the words, so a refusal ("Seconded by: the mover cannot second their own
motion"), the history ("Partner country: Russia → Ukraine") and the form all agree. Field
names are the storage columns and the keys of `InvalidInputError`/`ValidationError`; a
table (the audit trail's name for it) picks the label where one name means two things
("text" is a motion's text, a letter's "body" its text, a meeting's its body).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

# Labels the forms show, per table; COMMON holds the ones that read the same everywhere.
COMMON = {
    "name": "Name",
    "notes": "Notes",
    "kind": "Kind",
    "status": "Status",
    "date": "Date",
    "title": "Title",
    "body": "Body",
    "body_id": "Body",
    "meeting": "Meeting",
    "meeting_id": "Meeting",
    "partnership": "Partnership",
    "partnership_id": "Partnership",
    "motion": "Motion",
    "motion_id": "Motion",
    "member": "Member",
    "member_id": "Member",
    "agenda_item": "Agenda item",
    "agenda_item_id": "Agenda item",
    "item_id": "Agenda item",
    "position": "Position",
    "reason": "Reason",
    "condition": "Condition",
    "place": "Place",
    "history": "History",
    "setting": "Setting",
    "key": "Setting",
    "value": "Value",
    "template": "Template",
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "partnership": {  # the partnership form (partnerships/form_dialog.py)
        "kind": "Kind",
        "partner_city": "Partner city",
        "partner_city_native": "Name in its own script",
        "partner_region": "Region",
        "partner_country": "Country",
        "local_jurisdiction": "Local jurisdiction",
        "established": "Established",
        "status": "Status",
        "status_since": "Since",
        "local_signatory_name": "Our signatory",
        "local_signatory_title": "Our signatory's title",
        "partner_signatory_name": "Partner's signatory",
        "partner_signatory_title": "Partner signatory's title",
        "no_expiry": "No expiry",
        "expires": "Expires",
        "notes": "Notes",
        "effective": "Effective",
    },
    "status_event": {  # Change status (partnerships/status_dialog.py)
        "status": "Change",
        "effective": "Effective",
        "decided_by": "Decided by",
        "instrument": "Instrument",
        "reason": "Reason",
        "condition": "Condition",
        "sequence": "Number in the history",
    },
    "body": {  # the body settings (bodies/body_dialog.py)
        "name": "Name",
        "kind": "Kind",
        "seats": "Seats",
        "quorum": "Quorum",
        "quorum_fixed": "Fixed quorum",
        "quorum_counts_seats": "Quorum counts seats",
        "profile": "Open-meetings profile",
        "default_rule": "Motions need by default",
        "chair_voting": "The chair",
        "usual_time": "Usually meets at",
        "usual_place": "Usually meets in",
        "time_zone": "Time zone",
        "usual_agenda": "Usual agenda",
    },
    "member": {  # Add member (bodies/page.py)
        "name": "Name",
        "office": "Office",
        "seat": "Seat",
        "voting": "Voting member",
        "appointed_by": "Appointed by",
        "term_start": "Term starts",
        "term_end": "Term ends",
    },
    "meeting": {  # New meeting (meetings/dialogs.py) and the meeting's heading
        "body_id": "Body",
        "kind": "Kind",
        "date": "Date",
        "start_time": "Start time",
        "place": "Place",
        "remote_link": "Remote link",
        "notice_posted": "Public notice posted at",
        "called_to_order": "Called to order",
        "adjourned": "Adjourned",
        "minutes_status": "Minutes",
        "minutes_proposed_on": "Minutes proposed on",
        "minutes_approved_on": "Minutes approved on",
        "current_item": "Current item",
        "cancelled_on": "Cancelled on",
        "cancellation_note": "Why cancelled",
    },
    "agenda_item": {"title": "Agenda item", "notes": "Notes for the minutes"},
    "attendance": {  # the Attendance tab's columns
        "member_id": "Member",
        "presence": "Attendance",
        "arrived": "Arrived",
        "departed": "Left",
    },
    "guest": {"name": "Name", "role": "Role"},
    "public_comment": {"speaker": "Speaker", "topic": "Topic", "summary": "Summary"},
    "minutes_correction": {  # Record correction (meetings/dialogs.py)
        "agenda_item_id": "Item",
        "item_id": "Item",
        "original_text": "Original",
        "corrected_text": "Corrected text",
        "approved_on": "Correction approved on",
    },
    "motion": {  # the motion dialog (votes/motion_dialog.py) and the vote count
        "text": "Motion",
        "kind": "Kind",
        "refers_to": "Changes",
        "refers_to_motion_id": "Changes",
        "refers_to_resolution": "Changes",
        "agenda_item": "Agenda item",
        "agenda_item_id": "Agenda item",
        "moved_at": "Moved at",
        "mover": "Mover",
        "mover_id": "Mover",
        "seconder": "Seconder",
        "seconder_id": "Seconder",
        "rule": "Needs",
        "method": "Vote",
        "counts": "Vote counts",
        "yes": "Yes",
        "no": "No",
        "abstain": "Abstain",
        "present": "Present",
        "votes": "Roll call",
        "quorum": "Quorum",
        "result": "Result",
        "explanation": "Outcome",
        "partnership": "Partnership",
        "partnership_id": "Partnership",
        "action": "Action",
        "action_status": "Action",
        "action_effective": "Effective",
        "action_reason": "Reason",
        "action_condition": "Condition",
        "status_event_id": "Status change",
    },
    "roll_call_vote": {"member_id": "Member", "option": "Vote", "counted": "Counted"},
    "closed_session": {  # Closed session… and the Closed · Not public tab (meetings/closed_*)
        "purposes": "Purpose",
        "motion_id": "Motion to close",
        "entered_at": "Went in at",
        "left_at": "Back in open session at",
        "stayed": "Stayed",
        "others_present": "Others present",
        "minutes": "Minutes (not public)",
    },
    "resolution": {  # the resolution editor (documents/editors.py)
        "number": "Number",
        "year": "Year",
        "seq": "Number in the year",
        "title": "Title",
        "body_id": "Body",
        "preamble": "Preamble",
        "operative": "Resolved",
        "distribution": "Copies to",
        "sections": "Number the resolved clauses",
        "motion": "Adopted by motion",
        "motion_id": "Adopted by motion",
        "status": "Status",
        "adopted_on": "Adopted on",
        "votes": "Votes",
        "supersedes": "Supersedes",
    },
    "letter": {  # the letter editor (documents/letter_editor.py)
        "date": "Date",
        "to": "To",
        "recipient": "To",
        "attention": "Attention",
        "subject": "Subject",
        "salutation": "Salutation",
        "body": "Body",
        "closing": "Closing",
        "signers": "Signers",
        "initials": "Reference initials",
        "enclosures": "Enclosures",
        "cc": "Copies to",
    },
    "commission": {"name": "Commission name", "city": "City and state"},  # the welcome
    "activity": {  # the activity dialog (partnerships/activity_dialog.py)
        "kind": "Kind",
        "title": "Title",
        "starts_on": "Starts",
        "ends_on": "Ends",
        "place": "Place",
        "budget_cents": "Budget",
        "spent_cents": "Spent",
        "currency": "Currency",
        "motion_id": "Approved by motion",
        "file": "File",
    },
    "activity_participant": {
        "name": "Name",
        "role": "Taking part as",
        "member_id": "Commission member",
        "chaperone_id": "Chaperone",
    },
    "activity_file": {"name": "File name", "media_type": "Type", "size": "Size"},
    "gift": {  # the gift dialog (activities/gift_dialog.py)
        "direction": "Given or received",
        "description": "Gift",
        "exchanged_on": "Date",
        "counterpart_name": "From or to (person)",
        "counterpart_office": "Office",
        "counterpart_city": "City",
        "activity_id": "At activity",
        "value_cents": "Estimated value",
        "currency": "Currency",
        "city_property": "City property",
        "custodian": "Custodian",
        "location": "Kept at",
        "disposition": "Disposition",
        "disposed_on": "Disposed of on",
    },
    "contact": {  # the contact dialog (partnerships/contact_dialog.py)
        "role": "Role",
        "name": "Name (own script)",
        "name_latin": "Name (Latin letters)",
        "organisation": "Organisation",
        "address": "Address",
        "email": "Email",
        "phone": "Phone",
        "language": "Language",
    },
    "sci_membership": {  # Sister Cities International membership (settings)
        "year": "Year",
        "dues_paid_on": "Dues paid on",
        "dues_cents": "Dues",
        "currency": "Currency",
        "agreement_on_file": "Agreement on file with SCI",
    },
}


def field_label(field: str, table: str = "") -> str:
    """The label a form shows for `field` ("seconder" → "Seconded by"); a field no form shows
    reads as words ("remote_link" → "Remote link")."""
    label = FIELD_LABELS.get(table, {}).get(field)
    if label is None:
        label = COMMON.get(field)
    if label is None:
        for labels in FIELD_LABELS.values():  # a field only one table has
            if field in labels:
                label = labels[field]
                break
    if label is None:
        words = field.replace("_", " ").strip()
        label = words[:1].upper() + words[1:]
    return label


def describe_errors(errors: Mapping[str, str], table: str = "") -> str:
    """A refusal as one sentence per field: "Seconded by: the mover cannot second …"."""
    return "; ".join(f"{field_label(k, table)}: {v}" if k else v for k, v in errors.items())


def yes_no(value: object) -> str:
    return "Yes" if value else "No"


def counted(count: int, noun: str, plural: str = "") -> str:
    """ "1 term", "3 terms", "0 terms"; `plural` where adding "s" is wrong."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def field_order(table: str, field: str) -> tuple[int, str]:
    """Sorts a record's fields as its form lists them; fields no form shows come last."""
    order = list(FIELD_LABELS.get(table, {}))
    return (order.index(field) if field in order else len(order), field)
