"""The motions and votes as Open Civic Data vote events (the shape pupa, the OCD scrapers'
framework, writes and validates: `pupa/scrape/schemas/vote_event.py`), for the civic-tech tools
that read OCD. Read from the same minutes model as the Popolo export (`popolo.py`), with the
same moments (each with its UTC offset, from the body's zone) and the same votes.

OCD's options are richer than Popolo's: an excused absence is `excused`, a chair's vote the
tie-only rule set aside is `not voting` (with the reason as its note), a recusal `abstain` (its
note says so). The organization is named by a pupa pseudo-id (`~{"name": …}`), the session is
the meeting's year, and the meeting itself travels in `extras`."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from sciapp.domain.attendance import Presence
from sciapp.domain.rollcall import CHAIR_SET_ASIDE
from sciapp.domain.votes import Result, VoteOption
from sciapp.services.reports.meeting_times import moment, zones

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.domain.minutes_model import CastVote, Minutes, MotionEntry
    from sciapp.services.reports.sources import ReportSources

OCD_OPTION = {
    VoteOption.YES: "yes",
    VoteOption.NO: "no",
    VoteOption.ABSTAIN: "abstain",
    VoteOption.RECUSED: "abstain",
    VoteOption.ABSENT: "absent",
}
# The options of opencivicdata.common.VOTE_OPTIONS sciapp can record, in the counts' order.
COUNTED_OPTIONS = ("yes", "no", "abstain", "absent", "excused", "not voting")


def ocd_document(workspace: ReportSources) -> dict[str, Any]:
    """Every motion voted on, as OCD vote events, oldest first."""
    tz = zones(workspace, workspace.bodies.list_bodies())
    held = [
        (minutes, motion)
        for minutes in workspace.minutes.all_models()
        for motion in minutes.motions
        if motion.result is not None
    ]
    held.sort(key=lambda pair: pair[1].id)
    return {"vote_events": [vote_event(minutes, m, tz[minutes.body_id]) for minutes, m in held]}


def vote_event(minutes: Minutes, m: MotionEntry, zone: dt.tzinfo) -> dict[str, Any]:
    event: dict[str, Any] = {
        "identifier": f"motion-{m.id}",
        "motion_text": m.text,
        "motion_classification": [m.kind.value],
        "start_date": moment(minutes, m.moved_at, zone),
        "result": "pass" if m.result is Result.ADOPTED else "fail",
        "organization": "~" + json.dumps({"name": minutes.body_name}, ensure_ascii=False),
        "legislative_session": str(minutes.date.year),
        "extras": {
            "meeting": f"meeting-{minutes.meeting_id}",
            "explanation": m.explanation,
            "method": m.method,
            "requirement": m.rule.label,
        },
    }
    if m.result not in (Result.ADOPTED, Result.FAILED):
        event["extras"]["outcome"] = m.result.value if m.result else None
    if not m.votes:  # a voice vote: the counts only
        event["votes"] = []
        event["counts"] = [
            {"option": "yes", "value": m.yes},
            {"option": "no", "value": m.no},
            {"option": "abstain", "value": m.abstain},
        ]
        return event
    excused = {a.member_id for a in minutes.attendance if a.presence is Presence.EXCUSED}
    votes = [_vote(v, v.member_id in excused) for v in m.votes]
    cast = Counter(v["option"] for v in votes)
    event["votes"] = votes
    event["counts"] = [{"option": option, "value": cast[option]} for option in COUNTED_OPTIONS]
    return event


def _vote(v: CastVote, excused: bool) -> dict[str, Any]:
    vote = {"option": OCD_OPTION[v.option], "voter_name": v.name, "note": ""}
    if v.option is VoteOption.ABSENT and excused:
        vote["option"] = "excused"
    elif v.option is VoteOption.RECUSED:
        vote["note"] = "recused"
    if not v.counted and v.option is not VoteOption.ABSENT:
        vote["note"] = f"voted {OCD_OPTION[v.option]}; not counted: {CHAIR_SET_ASIDE}"
        vote["option"] = "not voting"
    return vote
