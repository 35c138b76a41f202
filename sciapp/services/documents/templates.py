"""Letter templates with merge fields: {partner_city}, {partner_country}, {kind},
{year_established}, {years_since}, {condition}, {commission}.

1. To the council, urging it to keep a partnership: the argument of Sister Cities
   International's political suspension policy (seed 000): suspending a relationship closes a
   channel of communication; ties are between people, not governments.
2. To a partner city, giving notice that the partnership is suspended, with the condition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciapp.domain.countries import country_name
from sciapp.domain.dates import years_between
from sciapp.services.documents.records import LetterDraft, Person
from sciapp.services.errors import ValidationError

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.services.partnerships.records import PartnershipDetail

TEMPLATES: dict[str, dict] = {
    "keep-partnership": {
        "title": "Urge the council to keep a partnership",
        "from": "commission",  # signed by the commission's chair, not the council's
        "requires": ("active", "suspended"),
        "to": ["The Honorable Mayor and Members of the City Council", "City Hall"],
        "subject": "Our {kind} relationship with {partner_city}, {partner_country}",
        "salutation": "Dear Mayor and Members of the Council:",
        "body": [
            "The {commission} writes about our {kind} relationship with {partner_city}, "
            "{partner_country}, which our community has kept for {years_since} years, "
            "since {year_established}.",
            "We share the Council's concern about the actions of the government of "
            "{partner_country}. We ask the Council, however, **not to suspend or end** this "
            "relationship. As Sister Cities International's policy on political suspensions "
            "puts it, suspending a relationship *closes a channel of communication* through "
            "which meaningful dialogue may be held.",
            "- The relationship is between people, not governments.\n"
            "- Exchanges reach the residents most isolated from other voices.\n"
            "- A channel closed now is hard to reopen later.",
            "We would welcome the chance to discuss this with the Council before it acts.",
        ],
        "closing": "Respectfully,",
    },
    "suspension-notice": {
        "title": "Notify a partner city of a suspension",
        "from": "council",
        "requires": ("suspended",),
        "to": ["The Honorable Mayor", "{partner_city}", "{partner_country}"],
        "subject": "Suspension of our {kind} relationship",
        "salutation": "Dear Mayor:",
        "body": [
            "We write with regret to inform you that our City Council has suspended the {kind} "
            "relationship between our communities, in place since {year_established}.",
            "The suspension will last **{condition}**. It is a decision about official ties "
            "between our governments; it is not a judgment of the people of {partner_city}, "
            "whose friendship over {years_since} years we value.",
            "We hope to restore the relationship in full as soon as the condition is met.",
        ],
        "closing": "Sincerely,",
    },
}


@dataclass(frozen=True)
class MergeFields:
    partner_city: str
    partner_country: str
    kind: str
    year_established: str
    years_since: str
    condition: str
    commission: str


def fits(key: str, status: str) -> bool:
    """Whether template `key` applies to a partnership with this status."""
    return status in TEMPLATES[key]["requires"]


def merge(text: str, fields: MergeFields) -> str:
    values = fields.__dict__
    out = text
    for key, value in values.items():
        out = out.replace("{" + key + "}", value)
    return out


def template_draft(
    key: str,
    partnership: PartnershipDetail,
    commission: str,
    today: dt.date,
    signers: tuple[Person, ...] = (),
    body_id: int | None = None,
) -> LetterDraft:
    """A letter from template `key`, merged with a partnership's facts, written by body
    `body_id` (its letterhead heads it; None: the general letterhead)."""
    if key not in TEMPLATES:
        raise ValidationError({"template": f"one of {', '.join(TEMPLATES)}"})
    template = TEMPLATES[key]
    data = partnership.data
    if partnership.status.value not in template["requires"]:
        raise ValidationError(
            {
                "partnership": f"{data.partner_city} is {partnership.status.label.lower()}; "
                f"“{template['title']}” is for a partnership that is "
                + " or ".join(template["requires"])
            }
        )
    established = data.established
    suspension = next(
        (e for e in reversed(partnership.events) if e.change.status.value == "suspended"), None
    )
    fields = MergeFields(
        partner_city=data.partner_city,
        partner_country=country_name(data.partner_country),
        kind=data.kind.label.lower(),
        year_established=str(established.year) if established else "its founding",
        years_since=str(years_between(established, today)) if established else "many",
        condition=(
            suspension.change.condition
            if suspension and suspension.change.condition
            else "until the Council decides otherwise"
        ),
        commission=commission,
    )
    return LetterDraft(
        date=today,
        to=tuple(merge(line, fields) for line in template["to"]),
        salutation=merge(template["salutation"], fields),
        body=tuple(merge(p, fields) for p in template["body"]),
        closing=template["closing"],
        signers=signers,
        subject=merge(template["subject"], fields),
        body_id=body_id,
    )
