"""The domain's text caps are the column lengths: a value the rules accept always fits,
on PostgreSQL (which enforces VARCHAR lengths) as on SQLite (which does not)."""

from sqlalchemy import String

from sciapp.domain import text
from sciapp.services.documents.exchange import LETTER_LIMITS, RESOLUTION_LIMITS
from sciapp.storage.tables import metadata

# Every column that holds text someone typed or imported, and the cap the rules hold it to.
USER_TEXT = {
    **{
        f"partnership.{name}": text.NAME
        for name in (
            "local_jurisdiction",
            "partner_city",
            "partner_city_native",
            "partner_region",
            "local_signatory_name",
            "local_signatory_title",
            "partner_signatory_name",
            "partner_signatory_title",
        )
    },
    "status_event.instrument": text.NAME,
    "body.name": text.NAME,
    "member.name": text.NAME,
    "member.appointed_by": text.NAME,
    "meeting.place": text.TITLE,
    "body.usual_place": text.TITLE,
    "meeting.remote_link": text.LINK,
    "meeting.cancellation_note": text.LONG_TITLE,
    "closed_session.others_present": text.LONG_TITLE,
    "agenda_item.title": text.TITLE,
    "guest.name": text.NAME,
    "guest.role": text.ROLE,
    "public_comment.speaker": text.NAME,
    "public_comment.topic": text.TITLE,
    # Activities, gifts, contacts (storage/activity_models.py)
    "activity.title": text.TITLE,
    "activity.place": text.TITLE,
    "activity_participant.name": text.NAME,
    "activity_file.name": text.NAME,
    "gift.description": text.LONG_TITLE,
    "gift.counterpart_name": text.NAME,
    "gift.counterpart_office": text.NAME,
    "gift.counterpart_city": text.NAME,
    "gift.custodian": text.NAME,
    "gift.location": text.TITLE,
    "gift.disposition": text.LONG_TITLE,
    "contact.name": text.NAME,
    "contact.name_latin": text.NAME,
    "contact.organisation": text.NAME,
    "contact.email": text.EMAIL,
    "contact.phone": text.PHONE,
    "contact.language": text.ROLE,
    "audit_entry.actor": text.NAME,  # the user name from the settings
    "seal.sealed_by": text.NAME,
    **{f"resolution.{k}": v for k, v in RESOLUTION_LIMITS.items() if k in ("number", "title")},
    # Resolution numbers, refused unless they name an existing resolution.
    "resolution.supersedes": text.NUMBER,
    "motion.refers_to_resolution": text.NUMBER,
    **{
        f"letter.{k}": v
        for k, v in LETTER_LIMITS.items()
        if k in ("attention", "subject", "salutation", "closing", "initials")
    },
}
# Written by sciapp itself: codes, dates, times, stamps, digests, labels it cuts to length.
INTERNAL = {
    "kind",
    "status",
    "profile",
    "default_rule",
    "chair_voting",
    "office",
    "presence",
    "option",
    "rule",
    "method",
    "result",
    "action",
    "decided_by",
    "minutes_status",
    "partner_country",
    "at",
    "table_name",
    "record_id",
    "label",
    "key",
    "content_digest",
    "previous",
    "digest",
    "snapshot_digest",
    # dates, times and stamps, in ISO form
    "date",
    "start_time",
    "usual_time",
    "time_zone",  # an IANA name chosen from the zone database
    "established",
    "expires",
    "status_since",
    "effective",
    "term_start",
    "term_end",
    "notice_posted",
    "called_to_order",
    "adjourned",
    "arrived",
    "departed",
    "moved_at",
    # activities, gifts, contacts: codes chosen from the domain's lists, a file's type and digest
    "role",
    "direction",
    "currency",
    "media_type",
    "sha256",
}
DATED = ("_at", "_on")  # created_at, recorded_at, adopted_on, approved_on …


def text_columns():
    for table in metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, String) and column.type.length:
                yield f"{table.name}.{column.name}", column


def test_every_cap_is_its_columns_length():
    columns = dict(text_columns())
    for name, cap in USER_TEXT.items():
        if name in columns:  # a column another change has not added yet is skipped
            assert columns[name].type.length == cap, name


def test_every_text_column_is_either_capped_or_written_by_sciapp():
    unknown = [
        name
        for name, column in text_columns()
        if name not in USER_TEXT and column.name not in INTERNAL and not column.name.endswith(DATED)
    ]
    assert unknown == [], "a new text column: give it a cap in sciapp/domain/text.py"
