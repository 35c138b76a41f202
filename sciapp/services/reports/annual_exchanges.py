"""The annual report's activities, gifts and Sister Cities International membership (read
inside `annual.py`'s transaction; the model is `domain/annual_exchanges.py`).

An activity is the year's when it is under way in it (as `ActivityService.list(year=…)`
says); a gift when it was exchanged in the year, or, undated, at one of the year's
activities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from sciapp.domain.activities import ActivityKind, ParticipantRole
from sciapp.domain.annual_exchanges import ActivityLine, GiftLine, MembershipLine
from sciapp.services.activities.checks import motion_label
from sciapp.storage.activity_models import Activity, ActivityParticipant, Gift, SciMembership
from sciapp.storage.meeting_models import Member
from sciapp.storage.models import Partnership

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from sqlalchemy.orm import Session

ROLE_ORDER = tuple(ParticipantRole)
KIND_ORDER = {kind: n for n, kind in enumerate(ActivityKind)}


def activities_year(
    session: Session, first: dt.date, last: dt.date, names: Callable[[str], str]
) -> list[ActivityLine]:
    """The activities under way in the span, by partner city, then kind, then start."""
    rows = session.execute(
        select(Activity, Partnership.partner_city, Partnership.partner_country)
        .join(Partnership, Activity.partnership_id == Partnership.id)
        .where(
            Activity.starts_on <= last,
            or_(Activity.ends_on >= first, Activity.starts_on >= first),
        )
    ).all()
    ids = [row.Activity.id for row in rows]
    people: dict[int, list[tuple[str, str, int | None]]] = {}
    if ids:
        for activity_id, name, role, member_id in session.execute(
            select(
                ActivityParticipant.activity_id,
                ActivityParticipant.name,
                ActivityParticipant.role,
                ActivityParticipant.member_id,
            )
            .where(ActivityParticipant.activity_id.in_(ids))
            .order_by(ActivityParticipant.id)
        ):
            people.setdefault(activity_id, []).append((name, role, member_id))
    member_names = dict(session.execute(select(Member.id, Member.name)).all())
    lines = []
    for row in rows:
        activity: Activity = row.Activity
        taking_part = people.get(activity.id, [])
        counts = dict.fromkeys(ROLE_ORDER, 0)
        for _name, role, _member in taking_part:
            counts[ParticipantRole(role)] += 1
        members = tuple(
            member_names.get(member, name) if member is not None else name
            for name, role, member in taking_part
            if role == ParticipantRole.MEMBER.value
        )
        lines.append(
            ActivityLine(
                id=activity.id,
                partnership_id=activity.partnership_id,
                partner=f"{row.partner_city}, {names(row.partner_country)}",
                kind=ActivityKind(activity.kind),
                title=activity.title,
                starts_on=activity.starts_on,
                ends_on=activity.ends_on,
                place=activity.place,
                participants=tuple((role, n) for role, n in counts.items() if n),
                members=members,
                budget_cents=activity.budget_cents,
                spent_cents=activity.spent_cents,
                currency=activity.currency,
                motion=motion_label(session, activity.motion_id),
            )
        )
    lines.sort(key=lambda a: (a.partner.casefold(), KIND_ORDER[a.kind], a.starts_on, a.id))
    return lines


def gifts_year(
    session: Session,
    first: dt.date,
    last: dt.date,
    names: Callable[[str], str],
    activities: list[ActivityLine],
) -> list[GiftLine]:
    """The gifts exchanged in the span (undated ones at the span's activities), by date."""
    titles = {a.id: a.title for a in activities}
    dated = Gift.exchanged_on.is_not(None) & (Gift.exchanged_on >= first)
    dated &= Gift.exchanged_on <= last
    undated = Gift.exchanged_on.is_(None) & Gift.activity_id.in_(list(titles) or [-1])
    rows = session.execute(
        select(Gift, Partnership.partner_city, Partnership.partner_country)
        .outerjoin(Partnership, Gift.partnership_id == Partnership.id)
        .where(or_(dated, undated))
    ).all()
    other_titles = dict(
        session.execute(
            select(Activity.id, Activity.title).where(
                Activity.id.in_([r.Gift.activity_id for r in rows if r.Gift.activity_id])
            )
        ).all()
    )
    lines = []
    for row in rows:
        gift: Gift = row.Gift
        who = (gift.counterpart_name, gift.counterpart_office, gift.counterpart_city)
        lines.append(
            GiftLine(
                id=gift.id,
                direction=gift.direction,
                description=gift.description,
                exchanged_on=gift.exchanged_on,
                counterpart=", ".join(part for part in who if part),
                partner=(
                    f"{row.partner_city}, {names(row.partner_country)}" if row.partner_city else ""
                ),
                activity=other_titles.get(gift.activity_id, "") if gift.activity_id else "",
                value_cents=gift.value_cents,
                currency=gift.currency,
                city_property=gift.city_property,
                custodian=gift.custodian,
                location=gift.location,
                disposition=gift.disposition,
            )
        )
    lines.sort(key=lambda g: (g.exchanged_on is None, g.exchanged_on or first, g.id))
    return lines


def membership_year(session: Session, year: int) -> MembershipLine | None:
    row = session.scalar(select(SciMembership).where(SciMembership.year == year))
    if row is None:
        return None
    return MembershipLine(
        row.year, row.dues_paid_on, row.dues_cents, row.currency, row.agreement_on_file
    )
