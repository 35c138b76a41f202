"""Stored values as the forms show them, and records as the history names them: countries by
name, choices by their label, Yes/No, dates and times as `formats` writes them, a reference
by the name of what it refers to ("Adopted by motion: Suspend the tie", not "motion id: 1").
The field labels themselves are `sciapp.domain.labels`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.domain.labels import field_label, yes_no

if TYPE_CHECKING:
    from collections.abc import Mapping

# -- values as the forms show them --------------------------------------------------------

# Fields that hold another record's id, and the table that record is in.
REFERENCES = {
    "body_id": "body",
    "meeting_id": "meeting",
    "member_id": "member",
    "mover_id": "member",
    "seconder_id": "member",
    "partnership_id": "partnership",
    "motion_id": "motion",
    "refers_to_motion_id": "motion",
    "status_event_id": "status_event",
    "agenda_item_id": "agenda_item",
    "item_id": "agenda_item",
    "current_item": "agenda_item",
}
BOOLEANS = frozenset({"no_expiry", "voting", "sections", "counted", "quorum_counts_seats"})
COUNTRIES = frozenset({"partner_country"})
DATES = frozenset(
    {
        "established",
        "expires",
        "status_since",
        "effective",
        "date",
        "term_start",
        "term_end",
        "approved_on",
        "adopted_on",
        "minutes_proposed_on",
        "minutes_approved_on",
        "cancelled_on",
    }
)
TIMES = frozenset({"start_time", "called_to_order", "adjourned", "arrived", "departed", "moved_at"})
MOMENTS = frozenset({"notice_posted", "sealed_at"})
# Choices kept as plain words rather than a domain enum.
WORDS = {
    ("meeting", "kind"): {
        "regular": "Regular",
        "special": "Special",
        "emergency": "Emergency",
        "work session": "Work session",
    },
    ("motion", "method"): {"roll_call": "Roll call", "voice": "Voice vote"},
}
EMPTY = "—"


def _choices() -> dict[str, dict[str, type]]:
    """Fields whose stored value is one of a set, per table ("" for any table)."""
    from sciapp.domain.attendance import Presence
    from sciapp.domain.bodies import BodyKind, Office, Profile
    from sciapp.domain.minutes import MinutesStatus
    from sciapp.domain.motions import MotionKind, PartnershipAction
    from sciapp.domain.partnership import Kind
    from sciapp.domain.resolutions import ResolutionStatus
    from sciapp.domain.status import Decider, Status
    from sciapp.domain.votes import ChairVoting, Result, VoteOption, VoteRule

    return {
        "": {
            "presence": Presence,
            "office": Office,
            "profile": Profile,
            "minutes_status": MinutesStatus,
            "decided_by": Decider,
            "rule": VoteRule,
            "default_rule": VoteRule,
            "option": VoteOption,
            "chair_voting": ChairVoting,
            "result": Result,
            "action": PartnershipAction,
        },
        "partnership": {"kind": Kind, "status": Status},
        "status_event": {"status": Status},
        "body": {"kind": BodyKind},
        "motion": {"kind": MotionKind},
        "resolution": {"status": ResolutionStatus},
    }


def choice_label(table: str, field: str, value: str) -> str | None:
    """The label of a stored choice ("sister_city" → "Sister city"); None when `field`
    holds no choice or `value` is none of them."""
    choices = _choices()
    kind = choices.get(table, {}).get(field) or choices[""].get(field)
    if kind is None:
        return None
    try:
        member = kind(value)
    except ValueError:
        return None
    label = getattr(member, "label", None)
    if isinstance(label, str):
        return label
    words = str(member.value).replace("_", " ").replace("-", " ")
    return words[:1].upper() + words[1:]


def display_value(
    table: str,
    field: str,
    value: object,
    locale: str = "en_US",
    names: Mapping[tuple[str, str], str] | None = None,
) -> str:
    """A stored value as the form shows it: countries by name, choices by their label,
    Yes/No, dates and times as `formats` writes them, a reference by its record's name."""
    if value is None or value == "":
        return EMPTY
    if field in BOOLEANS or isinstance(value, bool):
        return yes_no(value)
    if field in REFERENCES:
        name = (names or {}).get((REFERENCES[field], str(value)))
        return name or f"{field_label(field, table).lower()} no. {value}"
    if isinstance(value, list | dict):
        return _listed(value)
    text = str(value)
    if text[:1] in "[{":
        import json

        try:
            return _listed(json.loads(text))
        except ValueError:
            pass
    words = WORDS.get((table, field))
    if words is not None:
        return words.get(text, text)
    if field in COUNTRIES:
        from sciapp.domain.countries import country_name

        return country_name(text, locale)
    label = choice_label(table, field, text)
    if label is not None:
        return label
    return _when(field, text, locale) or text


def _listed(value: object) -> str:
    """A stored list (clauses, address lines, signers) one after another."""
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v not in (None, ""))
    if isinstance(value, list):
        return "; ".join(_listed(v) for v in value) or EMPTY
    return str(value)


def _when(field: str, text: str, locale: str) -> str:
    import datetime as dt

    from sciapp.domain import formats

    try:
        if field in DATES:
            return formats.partial_date(text, locale)
        if field in TIMES:
            return formats.time_of_day(dt.time.fromisoformat(text), locale)
        if field in MOMENTS:
            return formats.date_time(dt.datetime.fromisoformat(text), locale)
    except ValueError:
        pass
    return ""


# -- records as the history names them ----------------------------------------------------

# How the history calls each table's records.
TABLE_NAMES = {
    "partnership": "partnership",
    "status_event": "status change",
    "body": "body",
    "member": "member",
    "meeting": "meeting",
    "agenda_item": "agenda item",
    "attendance": "attendance",
    "guest": "guest",
    "public_comment": "public comment",
    "minutes_correction": "minutes correction",
    "motion": "motion",
    "roll_call_vote": "roll-call vote",
    "resolution": "resolution",
    "letter": "letter",
    "setting": "setting",
    "seal": "seal",
}
# A record with no name of its own is named by the record it belongs to: "attendance of
# Grace Mensah", "status change of Otsu".
OWNERS = {
    "attendance": "member_id",
    "roll_call_vote": "member_id",
    "status_event": "partnership_id",
    "minutes_correction": "meeting_id",
    "agenda_item": "meeting_id",
    "guest": "meeting_id",
    "public_comment": "meeting_id",
}
_DATED = frozenset({"meeting", "letter"})  # named by their date


def record_name(table: str, label: str, locale: str = "en_US") -> str:
    """A record's name as the history says it: a meeting or a letter by its date."""
    if table in _DATED:
        from sciapp.domain import formats

        try:
            return formats.partial_date(label[:10], locale)
        except ValueError:
            return label
    return label


def record_phrase(table: str, label: str, owner: str = "", locale: str = "en_US") -> str:
    """ "partnership Otsu", "meeting of Mar 14, 2022", "motion “Approve the agenda”",
    "seal of Resolution 2022-01", "attendance of Grace Mensah" (`owner` names the record a
    record with no name of its own belongs to)."""
    noun = TABLE_NAMES.get(table, table.replace("_", " "))
    if not label:
        return f"{noun} of {owner}" if owner else noun
    if table == "seal":
        return f"{noun} of {label}"
    if table in _DATED:
        return f"{noun} of {record_name(table, label, locale)}"
    if table == "motion":
        return f"{noun} “{label if len(label) <= 60 else label[:59] + '…'}”"
    return f"{noun} {label}"
