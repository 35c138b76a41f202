"""Export bodies, members, meetings, motions and votes in the Popolo data specification's shape
(popoloproject.com): organizations, people and their memberships, meetings as events (each
motion's and vote event's `legislative_session_id`), motions (`creator_id`: the mover), vote
events with counts and one vote per person, with Popolo's option codes. It reads the minutes
model (`domain/minutes_model.py`), as the printed minutes do. Every moment carries its UTC
offset, from the body's time zone (`meeting_times.py`).

Popolo has no seconder, so it travels in `extras`, as does a recusal (Popolo: abstain), an
excused absence (Popolo: absent) and a chair's vote the tie-only rule set aside (Popolo: not
voting, with what was cast and why), so that the counts agree with the votes. The tests check
every object against Popolo's JSON schemas (tests/services/reports/popolo_schemas/)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from sciapp.domain.attendance import Presence
from sciapp.domain.rollcall import CHAIR_SET_ASIDE
from sciapp.domain.votes import Result, VoteOption
from sciapp.services.reports.meeting_times import end, moment, start, zones

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.domain.minutes_model import CastVote, Minutes, MotionEntry
    from sciapp.services.meetings.records import BodyRecord, MemberRecord
    from sciapp.services.reports.sources import ReportSources
    from sciapp.services.votes.records import MotionRecord

POPOLO_OPTION = {
    VoteOption.YES: "yes",
    VoteOption.NO: "no",
    VoteOption.ABSTAIN: "abstain",
    VoteOption.RECUSED: "abstain",
    VoteOption.ABSENT: "absent",
}
NOT_VOTING = "not voting"  # a vote cast that did not count (the chair under the tie-only rule)
POPOLO_RESULT = {Result.ADOPTED: "pass", Result.FAILED: "fail"}
COUNTED_OPTIONS = ("yes", "no", "abstain", "absent", NOT_VOTING)


def popolo_document(workspace: ReportSources) -> dict[str, Any]:
    """Every body, member, meeting, motion and vote, from the minutes model the minutes print
    from."""
    bodies = workspace.bodies.list_bodies()
    members = [m for b in bodies for m in workspace.bodies.members(b.id)]
    every = workspace.minutes.all_models()
    cancelled = {row.id for row in workspace.meetings.list_meetings() if row.cancelled}
    tz = zones(workspace, bodies)
    held = [(minutes, motion) for minutes in every for motion in minutes.motions]
    held.sort(key=lambda pair: pair[1].id)
    return {
        "organizations": [_organization(b, tz[b.id]) for b in bodies],
        "people": [{"id": f"person-{m.id}", "name": m.name} for m in members],
        "memberships": [_membership(m) for m in members],
        "events": [
            _event(minutes, tz[minutes.body_id], minutes.meeting_id in cancelled)
            for minutes in every
        ],
        "motions": [_motion(minutes, m, tz[minutes.body_id]) for minutes, m in held],
        "vote_events": [
            _vote_event(minutes, m, tz[minutes.body_id])
            for minutes, m in held
            if m.result is not None
        ],
    }


def _organization(body: BodyRecord, zone: dt.tzinfo) -> dict[str, Any]:
    from sciapp.domain.time_zones import zone_name

    return {
        "id": f"body-{body.id}",
        "name": body.name,
        "classification": body.kind.value,
        "extras": {"time_zone": zone_name(zone)},
    }


def _membership(member: MemberRecord) -> dict[str, Any]:
    membership: dict[str, Any] = {
        "id": f"membership-{member.id}",
        "person_id": f"person-{member.id}",
        "organization_id": f"body-{member.body_id}",
        "role": member.office.label,
        "start_date": member.term_start.isoformat(),
        "extras": {"voting": member.voting},
    }
    if member.term_end is not None:
        membership["end_date"] = member.term_end.isoformat()
    return membership


def _event(minutes: Minutes, zone: dt.tzinfo, cancelled: bool) -> dict[str, Any]:
    event: dict[str, Any] = {
        "id": f"meeting-{minutes.meeting_id}",
        "name": f"{minutes.body_name}, {minutes.kind} meeting",
        "classification": minutes.kind,
        "organization_id": f"body-{minutes.body_id}",
        "start_date": start(minutes, zone),
        "status": "cancelled" if cancelled else "confirmed",
    }
    finished = end(minutes, zone)
    if finished:
        event["end_date"] = finished
    if minutes.place:
        event["location"] = minutes.place
    return event


def _motion(minutes: Minutes, m: MotionEntry, zone: dt.tzinfo) -> dict[str, Any]:
    extras: dict[str, Any] = {"kind": m.kind.value, "rule": m.rule.value}
    if m.seconder:
        extras["seconder"] = m.seconder
    if m.action:
        extras["partnership_action"] = {
            "action": m.action.action.value,
            "partnership": m.action.partnership,
            "reason": m.action.reason,
            "condition": m.action.condition,
        }
    motion: dict[str, Any] = {
        "id": f"motion-{m.id}",
        "organization_id": f"body-{minutes.body_id}",
        "legislative_session_id": f"meeting-{minutes.meeting_id}",
        "text": m.text,
        "classification": m.kind.label,
        "date": moment(minutes, m.moved_at, zone),
        "requirement": m.rule.label,
        "extras": extras,
    }
    if m.mover_id is not None:
        motion["creator_id"] = f"person-{m.mover_id}"
    if m.result in POPOLO_RESULT:
        motion["result"] = POPOLO_RESULT[m.result]
    return motion


def _vote_event(minutes: Minutes, m: MotionEntry, zone: dt.tzinfo) -> dict[str, Any]:
    event: dict[str, Any] = {
        "id": f"vote-event-{m.id}",
        "motion_id": f"motion-{m.id}",
        "organization_id": f"body-{minutes.body_id}",
        "legislative_session_id": f"meeting-{minutes.meeting_id}",
        "start_date": moment(minutes, m.moved_at, zone),
        "result": POPOLO_RESULT.get(m.result, "fail") if m.result else None,
        "extras": {"explanation": m.explanation, "method": m.method},
    }
    if not m.votes:  # a voice vote: the counts only
        event["counts"] = [
            {"option": "yes", "value": m.yes},
            {"option": "no", "value": m.no},
            {"option": "abstain", "value": m.abstain},
        ]
        return event
    excused = {a.member_id for a in minutes.attendance if a.presence is Presence.EXCUSED}
    votes = [_vote(f"vote-event-{m.id}", v, v.member_id in excused) for v in m.votes]
    event["votes"] = votes
    event["counts"] = [
        {"option": option, "value": sum(1 for v in votes if v["option"] == option)}
        for option in COUNTED_OPTIONS
    ]
    return event


def _vote(event_id: str, v: CastVote, excused: bool) -> dict[str, Any]:
    vote: dict[str, Any] = {
        "vote_event_id": event_id,
        "voter_id": f"person-{v.member_id}",
        "option": POPOLO_OPTION[v.option],
    }
    extras: dict[str, Any] = {}
    if v.option is VoteOption.RECUSED:
        extras["recused"] = True
    if v.option is VoteOption.ABSENT and excused:
        extras["excused"] = True
    if not v.counted and v.option is not VoteOption.ABSENT:
        vote["option"] = NOT_VOTING
        extras.update(cast=POPOLO_OPTION[v.option], reason=CHAIR_SET_ASIDE)
    if extras:
        vote["extras"] = extras
    return vote


def write_meeting_votes_csv(motions: list[MotionRecord], out: TextIO) -> None:
    """One row per member per roll-call vote (voice votes: one row with the counts)."""
    from sciapp.services.exchange.csv_writer import CsvWriter

    writer = CsvWriter(out)  # the formula rule: a motion or a name is text, never run
    writer.writerow(
        ["motion_id", "motion", "mover", "seconder", "member", "vote", "result", "explanation"]
    )
    for m in motions:
        common = [m.id, m.text, m.mover, m.seconder]
        if m.votes:
            for v in m.votes:
                writer.writerow([*common, v.name, v.option.value, m.result or "", m.explanation])
        else:
            writer.writerow(
                [
                    *common,
                    "",
                    f"voice: {m.yes} yes, {m.no} no, {m.abstain} abstain",
                    m.result or "",
                    m.explanation,
                ]
            )
