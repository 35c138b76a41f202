"""Bodies and their members: the roster, terms, vacancies."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.bodies import (
    BodyKind,
    Office,
    Profile,
    QuorumRule,
    Roster,
    Term,
    check_term,
    roster,
)
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.text import TITLE, TextCheck, check_names, clean_name
from sciapp.services.documents.letterheads import check_letterhead, letterhead_data, own
from sciapp.services.documents.records import LetterheadSettings
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.services.meetings.records import BodyRecord, MemberDraft, MemberRecord, Usual
from sciapp.storage.meeting_models import Body, Member

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session

    from sciapp.storage.database import Database


class Keep(Enum):
    """An argument left out: the stored value stays as it is."""

    KEEP = "keep"


KEEP = Keep.KEEP

DEFAULT_AGENDA = (
    "Call to order",
    "Roll call",
    "Approval of minutes",
    "Public comment",
    "Reports",
    "Old business",
    "New business",
    "Adjournment",
)


class BodyService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list_bodies(self) -> list[BodyRecord]:
        with self._db.session() as session:
            return [to_body(b) for b in session.scalars(select(Body).order_by(Body.id))]

    def get_body(self, body_id: int) -> BodyRecord:
        with self._db.session() as session:
            return to_body(load_body(session, body_id))

    def default_rule(self, body_id: int) -> str:
        """The vote rule a motion of this body needs unless it says otherwise."""
        return self.get_body(body_id).default_rule

    def find_body(self, name: str) -> BodyRecord:
        key = name.strip().casefold()
        for body in self.list_bodies():
            if body.name.casefold() == key:
                return body
        raise NotFoundError(f"No body called {name!r}.")

    def create_body(
        self,
        name: str,
        kind: BodyKind,
        seats: int,
        profile: Profile = Profile.NONE,
        quorum: QuorumRule | None = None,
        usual_agenda: tuple[str, ...] = DEFAULT_AGENDA,
        default_rule: str = "majority-cast",
        chair_voting: str = "always",
        letterhead: LetterheadSettings | None = None,
        usual_time: dt.time | None = None,
        usual_place: str = "",
        time_zone: str | None = None,
    ) -> BodyRecord:
        """`letterhead`: the body's own letterhead and signers (None: the general one);
        `usual_time`, `usual_place`: when and where it usually meets (a new meeting's
        defaults; None: 19:00); `time_zone`: the IANA zone it meets in (None: the default,
        `domain/time_zones.body_zone`)."""
        return self._save_body(
            None,
            name,
            kind,
            seats,
            profile,
            quorum or QuorumRule(),
            usual_agenda,
            default_rule,
            chair_voting,
            letterhead,
            Usual(usual_time, usual_place),
            time_zone,
        )

    def update_body(
        self,
        body_id: int,
        name: str,
        kind: BodyKind,
        seats: int,
        profile: Profile,
        quorum: QuorumRule,
        usual_agenda: tuple[str, ...],
        default_rule: str = "majority-cast",
        chair_voting: str = "always",
        letterhead: LetterheadSettings | Keep | None = KEEP,
        usual: Usual | Keep = KEEP,
        time_zone: str | Keep | None = KEEP,
    ) -> BodyRecord:
        """`letterhead`: its own (None: the general one); `usual`: when and where it usually
        meets; `time_zone`: the IANA zone it meets in (None: the default); each left as it is
        unless given."""
        return self._save_body(
            body_id,
            name,
            kind,
            seats,
            profile,
            quorum,
            usual_agenda,
            default_rule,
            chair_voting,
            letterhead,
            usual,
            time_zone,
        )

    def set_letterhead(self, body_id: int, letterhead: LetterheadSettings | None) -> BodyRecord:
        """The body's own letterhead and signers; None: it prints on the general one."""
        errors = check_letterhead(letterhead) if letterhead is not None else {}
        if errors:
            raise ValidationError(errors)
        with self._db.session() as session, session.begin():
            body = load_body(session, body_id)
            body.letterhead = letterhead_data(letterhead) if letterhead is not None else None
            session.flush()
            return to_body(body)

    def set_time_zone(self, body_id: int, time_zone: str | None) -> BodyRecord:
        """The IANA zone the body meets in ("America/Detroit"); None or blank: the default
        (`domain/time_zones.body_zone`: its profile's state's, else this computer's)."""
        from sciapp.domain.time_zones import check_zone

        try:
            name = check_zone(time_zone)
        except ValueError as exc:
            raise ValidationError({"time_zone": str(exc)}) from exc
        with self._db.session() as session, session.begin():
            body = load_body(session, body_id)
            body.time_zone = name
            session.flush()
            return to_body(body)

    def _save_body(
        self,
        body_id: int | None,
        name: str,
        kind: BodyKind,
        seats: int,
        profile: Profile,
        quorum: QuorumRule,
        usual_agenda: tuple[str, ...],
        default_rule: str,
        chair_voting: str,
        letterhead: LetterheadSettings | Keep | None = KEEP,
        usual: Usual | Keep = KEEP,
        time_zone: str | Keep | None = KEEP,
    ) -> BodyRecord:
        from sciapp.domain.time_zones import check_zone
        from sciapp.domain.votes import ChairVoting, VoteRule

        text = TextCheck()
        name = text.name("name", name, required="enter the body's name")
        for index, title in enumerate(usual_agenda, start=1):
            text.name("usual_agenda", title, TITLE)  # each line becomes an agenda item
            if "usual_agenda" in text.errors:
                text.errors["usual_agenda"] = f"line {index}: {text.errors['usual_agenda']}"
                break
        if isinstance(usual, Usual):
            place = text.name("usual_place", usual.place or "", TITLE)
            usual = Usual(usual.time, place)
        errors = text.errors
        if default_rule not in {r.value for r in VoteRule}:
            errors["default_rule"] = f"unknown vote rule {default_rule!r}"
        if chair_voting not in {c.value for c in ChairVoting}:
            errors["chair_voting"] = f"unknown chair rule {chair_voting!r}"
        if seats < 1:
            errors["seats"] = "a body has at least one seat"
        if quorum.fixed is not None and not 1 <= quorum.fixed <= max(seats, 1):
            errors["quorum"] = f"a fixed quorum lies between 1 and {seats}"
        if isinstance(letterhead, LetterheadSettings):
            errors.update(check_letterhead(letterhead))
        if not isinstance(time_zone, Keep):
            try:
                time_zone = check_zone(time_zone)
            except ValueError as exc:
                errors["time_zone"] = str(exc)
        if errors:
            raise ValidationError(errors)
        with self._db.session() as session, session.begin():
            clash = session.scalar(select(Body.id).where(Body.name == name))
            if clash is not None and clash != body_id:
                raise ValidationError({"name": f"there is already a body called {name}"})
            body = Body() if body_id is None else load_body(session, body_id)
            if body_id is not None:
                filled = max((m.seat or 0 for m in _members(session, body_id)), default=0)
                if filled > seats:
                    raise ValidationError({"seats": f"seat {filled} is still held"})
            body.name = name
            body.kind = kind.value
            body.seats = seats
            body.quorum_fixed = quorum.fixed
            body.quorum_counts_seats = quorum.count_seats
            body.profile = profile.value
            body.usual_agenda = "\n".join(
                filter(None, (clean_name(t, TITLE) for t in usual_agenda))
            )
            body.default_rule = default_rule
            body.chair_voting = chair_voting
            if letterhead is not KEEP:
                body.letterhead = (
                    letterhead_data(letterhead)
                    if isinstance(letterhead, LetterheadSettings)
                    else None
                )
            if isinstance(usual, Usual):
                body.usual_time = usual.time
                body.usual_place = usual.place or None
            if not isinstance(time_zone, Keep):
                body.time_zone = time_zone
            session.add(body)
            session.flush()
            return to_body(body)

    def members(self, body_id: int) -> list[MemberRecord]:
        with self._db.session() as session:
            query = select(Member).where(Member.body_id == body_id)
            rows = session.scalars(query.order_by(Member.term_start, Member.name))
            return [to_member(m) for m in rows]

    def roster(self, body_id: int, on: dt.date) -> Roster:
        body = self.get_body(body_id)
        return roster([to_term(m) for m in self.members(body_id)], body.seats, on)

    def add_member(self, body_id: int, draft: MemberDraft) -> MemberRecord:
        with self._db.session() as session, session.begin():
            body = load_body(session, body_id)
            others = [to_term(to_member(m)) for m in _members(session, body_id)]
            _check(draft, others, body.seats)
            member = Member(body_id=body_id)
            _apply(member, draft)
            session.add(member)
            session.flush()
            return to_member(member)

    def update_member(self, member_id: int, draft: MemberDraft) -> MemberRecord:
        with self._db.session() as session, session.begin():
            member = session.get(Member, member_id)
            if member is None:
                raise NotFoundError(f"Member {member_id} does not exist.")
            body = load_body(session, member.body_id)
            others = [
                to_term(to_member(m)) for m in _members(session, body.id) if m.id != member_id
            ]
            _check(draft, others, body.seats)
            _apply(member, draft)
            session.flush()
            return to_member(member)


def _members(session: Session, body_id: int) -> list[Member]:
    return list(session.scalars(select(Member).where(Member.body_id == body_id)))


def _check(draft: MemberDraft, others: list[Term], seats: int) -> None:
    names = check_names({"name": draft.name, "appointed_by": draft.appointed_by})
    if names:  # a name the roll call, the minutes and the CSV will print
        raise ValidationError(names)
    term = Term(clean_name(draft.name), draft.term_start, draft.term_end, draft.seat, draft.voting)
    try:
        check_term(term, others, seats)
    except InvalidInputError as exc:
        raise ValidationError(exc.errors) from exc


def _apply(member: Member, draft: MemberDraft) -> None:
    member.name = clean_name(draft.name)
    member.office = draft.office.value
    member.voting = draft.voting
    member.appointed_by = clean_name(draft.appointed_by)
    member.seat = draft.seat
    member.term_start = draft.term_start
    member.term_end = draft.term_end


def load_body(session: Session, body_id: int) -> Body:
    body = session.get(Body, body_id)
    if body is None:
        raise NotFoundError(f"Body {body_id} does not exist.")
    return body


def to_body(body: Body) -> BodyRecord:
    return BodyRecord(
        id=body.id,
        name=body.name,
        kind=BodyKind(body.kind),
        seats=body.seats,
        quorum=QuorumRule(body.quorum_fixed, body.quorum_counts_seats),
        profile=Profile(body.profile),
        usual_agenda=tuple(line for line in body.usual_agenda.splitlines() if line.strip()),
        default_rule=body.default_rule or "majority-cast",
        chair_voting=body.chair_voting or "always",
        letterhead=own(body),
        time_zone=body.time_zone,
        usual_time=body.usual_time,
        usual_place=body.usual_place or "",
    )


def to_member(member: Member) -> MemberRecord:
    return MemberRecord(
        id=member.id,
        body_id=member.body_id,
        name=member.name,
        office=Office(member.office),
        voting=member.voting,
        appointed_by=member.appointed_by,
        seat=member.seat,
        term_start=member.term_start,
        term_end=member.term_end,
    )


def to_term(member: MemberRecord) -> Term:
    return Term(member.name, member.term_start, member.term_end, member.seat, member.voting)
