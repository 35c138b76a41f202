"""Export motions and votes in the Popolo data specification's shape (popoloproject.com):
motions, vote events with counts, and one vote per person, with Popolo's option codes. It reads
the minutes model (`domain/minutes_model.py`), as the printed minutes do.
Popolo has no seconder, so it travels in `extras`, as does a recusal (Popolo: abstain)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from sciapp.domain.votes import Result, VoteOption

if TYPE_CHECKING:
    from sciapp.domain.minutes_model import Minutes, MotionEntry
    from sciapp.services.votes.records import MotionRecord
    from sciapp.services.workspace import Workspace

POPOLO_OPTION = {
    VoteOption.YES: "yes",
    VoteOption.NO: "no",
    VoteOption.ABSTAIN: "abstain",
    VoteOption.RECUSED: "abstain",
    VoteOption.ABSENT: "absent",
}
POPOLO_RESULT = {Result.ADOPTED: "pass", Result.FAILED: "fail"}


def popolo_document(workspace: Workspace) -> dict[str, Any]:
    """Every meeting's motions and votes, from the minutes model the minutes print from."""
    every = workspace.minutes.all_models()
    held = [(minutes, motion) for minutes in every for motion in minutes.motions]
    held.sort(key=lambda pair: pair[1].id)
    bodies = workspace.bodies.list_bodies()
    people = {m.id: m.name for b in bodies for m in workspace.bodies.members(b.id)}
    return {
        "organizations": [
            {"id": f"body-{b.id}", "name": b.name, "classification": b.kind.value} for b in bodies
        ],
        "people": [{"id": f"person-{pid}", "name": name} for pid, name in sorted(people.items())],
        "motions": [_motion(minutes, m) for minutes, m in held],
        "vote_events": [_vote_event(minutes, m) for minutes, m in held if m.result is not None],
    }


def _motion(minutes: Minutes, m: MotionEntry) -> dict[str, Any]:
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
        "date": f"{minutes.date.isoformat()}T{m.moved_at:%H:%M}",
        "requirement": m.rule.label,
        "extras": extras,
    }
    if m.mover:
        motion["creator"] = m.mover
    if m.result in POPOLO_RESULT:
        motion["result"] = POPOLO_RESULT[m.result]
    return motion


def _vote_event(minutes: Minutes, m: MotionEntry) -> dict[str, Any]:
    counts = [
        {"option": "yes", "value": m.yes},
        {"option": "no", "value": m.no},
        {"option": "abstain", "value": m.abstain},
    ]
    event: dict[str, Any] = {
        "id": f"vote-event-{m.id}",
        "motion_id": f"motion-{m.id}",
        "organization_id": f"body-{minutes.body_id}",
        "legislative_session_id": f"meeting-{minutes.meeting_id}",
        "start_date": f"{minutes.date.isoformat()}T{m.moved_at:%H:%M}",
        "result": POPOLO_RESULT.get(m.result, "fail") if m.result else None,
        "counts": counts,
        "extras": {"explanation": m.explanation, "method": m.method},
    }
    if m.votes:
        counts.append({"option": "absent", "value": len(m.names(VoteOption.ABSENT))})
        event["votes"] = [
            {
                "vote_event_id": f"vote-event-{m.id}",
                "voter_id": f"person-{v.member_id}",
                "option": POPOLO_OPTION[v.option],
                **({"extras": {"recused": True}} if v.option is VoteOption.RECUSED else {}),
            }
            for v in m.votes
        ]
    return event


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
