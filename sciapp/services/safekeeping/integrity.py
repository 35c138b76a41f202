"""`sciapp check`: SQLite's own checks plus the app's invariants, as a readable list. Every
rule reads plain rows, so a row that breaks one (a date that does not exist, a code nobody
knows) is named, never a traceback; archive import applies the same rules to an archive."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sciapp.domain.bodies import Profile
from sciapp.domain.dates import PartialDate
from sciapp.domain.deadlines import minutes_deadlines
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.formats import short_date
from sciapp.domain.status import check_history, stored_change
from sciapp.services.safekeeping.row_rules import Finding, row_findings, shown_day
from sciapp.services.safekeeping.seals import SealService
from sciapp.storage.tables import metadata
from sciapp.storage.types import stored_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.domain.status import StatusChange
    from sciapp.storage.database import Database

RULED = (
    "partnership",
    "status_event",
    "body",
    "member",
    "meeting",
    "attendance",
    "motion",
    "roll_call_vote",
    "resolution",
    "letter",
    "minutes_correction",
    "activity",
    "activity_participant",
    "gift",
    "contact",
    "sci_membership",
)
Tables = Mapping[str, list[dict[str, Any]]]


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(db: Database, today: dt.date | None = None) -> CheckReport:
    report = CheckReport()
    if db.is_file:
        _check_sqlite(db, report)
    if report.problems:  # the invariants below assume a sound file
        return report
    with db.session() as session:
        report.problems.extend(str(f) for f in rule_findings(session, today, report.warnings))
    report.problems.extend(_prefixed(p) for p in SealService(db).verify().problems)
    return report


def rule_findings(
    session: Session, today: dt.date | None = None, warnings: list[str] | None = None
) -> list[Finding]:
    """Every rule but the seals', on the rows as stored (dates as their text: one that is not
    a real date is named, not raised)."""
    tables = {
        name: [
            dict(row)
            for row in session.execute(select(stored_table(metadata.tables[name]))).mappings()
        ]
        for name in RULED
    }
    found = list(row_findings(tables))
    unreadable = {(f.table, f.row_id) for f in found}  # not read again below
    found += _partnerships(tables, unreadable)
    found += _votes(tables)
    found += _minutes(tables, unreadable, today or dt.date.today(), warnings)
    found += _files(session)
    return found


def _files(session: Session) -> list[Finding]:
    """Each file kept in the database against the size and SHA-256 stored with it (one at a
    time: a register's photos are not all read into memory at once)."""
    import hashlib

    files = metadata.tables["activity_file"]
    found = []
    ids = session.scalars(select(files.c.id).order_by(files.c.id)).all()
    for file_id in ids:
        name, size, digest, content = session.execute(
            select(files.c.name, files.c.size, files.c.sha256, files.c.content).where(
                files.c.id == file_id
            )
        ).one()
        content = bytes(content or b"")
        if len(content) != size:
            what = f"holds {len(content):,} bytes, not the {size:,} recorded"
        elif hashlib.sha256(content).hexdigest() != digest:
            what = "does not match its SHA-256 digest (damaged?)"
        else:
            continue
        found.append(Finding("activity_file", file_id, name, what))
    return found


def _check_sqlite(db: Database, report: CheckReport) -> None:
    """SQLite's own checks (a server database checks itself)."""
    with db.engine.connect() as conn:
        for (line,) in conn.exec_driver_sql("PRAGMA integrity_check"):
            if line != "ok":
                report.problems.append(f"SQLite integrity: {line}")
        for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            report.problems.append(
                f"{table} row {rowid} points at a missing {parent} record (foreign key)"
            )


def _partnerships(tables: Tables, unreadable: set[tuple[str, Any]]) -> list[Finding]:
    events: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    broken: set[Any] = set()
    for event in tables["status_event"]:
        events[event["partnership_id"]].append(event)
        if ("status_event", event["id"]) in unreadable:
            broken.add(event["partnership_id"])
    found = []
    for row in tables["partnership"]:
        history = sorted(events.get(row["id"], []), key=lambda e: _order(e["sequence"]))

        def finding(what: str, row: dict[str, Any] = row) -> None:
            found.append(Finding("partnership", row["id"], str(row["partner_city"])[:60], what))

        if not history:
            finding("has no status history")
            continue
        if row["id"] in broken:
            finding("status history cannot be checked: one of its events is unreadable")
            continue
        try:
            check_history([_change(e) for e in history])
        except (InvalidInputError, ValueError) as exc:
            detail = "; ".join(f"{k}: {v}" for k, v in getattr(exc, "errors", {}).items())
            finding(f"status history is invalid ({detail or exc})")
        if history[-1]["status"] != row["status"]:
            finding(f"listed as {row['status']}, but its history ends {history[-1]['status']}")
    return found


def _change(stored: dict[str, Any]) -> StatusChange:
    """A stored event row (its date as text, readable: unreadable ones are named above) as
    the change it records, read as the partnerships service reads it."""
    return stored_change(
        stored["status"],
        PartialDate.parse_optional(stored["effective"]),
        stored["decided_by"],
        stored["instrument"],
        stored["reason"],
        stored["condition"],
    )


def _votes(tables: Tables) -> list[Finding]:
    counts: dict[Any, Counter[str]] = defaultdict(Counter)
    for vote in tables["roll_call_vote"]:
        if vote["counted"]:
            counts[vote["motion_id"]][vote["option"]] += 1
    found = []
    for motion in tables["motion"]:
        if motion["method"] != "roll_call":
            continue
        tally = counts.get(motion["id"], Counter())
        recorded = (motion["yes"], motion["no"], motion["abstain"])
        from_roll = (tally["yes"], tally["no"], tally["abstain"] + tally["recused"])
        if recorded != from_roll:
            found.append(
                Finding(
                    "motion",
                    motion["id"],
                    str(motion["text"])[:60],
                    f"tally {recorded[0]}–{recorded[1]}–{recorded[2]} does not match its roll "
                    f"call {from_roll[0]}–{from_roll[1]}–{from_roll[2]} (yes–no–abstain)",
                )
            )
    return found


def _minutes(
    tables: Tables, unreadable: set[tuple[str, Any]], today: dt.date, warnings: list[str] | None
) -> list[Finding]:
    profiles = {b["id"]: b["profile"] for b in tables["body"]}
    found = []
    for meeting in sorted(tables["meeting"], key=lambda m: str(m["date"])):
        if ("meeting", meeting["id"]) in unreadable:
            continue  # its dates are named above
        day = dt.date.fromisoformat(meeting["date"])

        def finding(what: str, meeting: dict[str, Any] = meeting) -> None:
            found.append(Finding("meeting", meeting["id"], shown_day(meeting["date"]), what))

        for name in ("minutes_proposed_on", "minutes_approved_on"):
            value = meeting[name]
            if value and dt.date.fromisoformat(value) < day:
                finding(f"{name.replace('_', ' ')} before the meeting")
        if meeting["minutes_status"] == "approved" and not meeting["minutes_approved_on"]:
            finding("minutes approved without an approval date")
        profile = profiles.get(meeting["body_id"])
        profile = Profile(profile) if profile in tuple(Profile) else Profile.NONE
        due = minutes_deadlines(profile, day).proposed_due
        if warnings is not None and meeting["minutes_status"] == "draft" and due and due < today:
            warnings.append(
                f"meeting {meeting['id']} ({shown_day(meeting['date'])}): proposed minutes "
                f"were due {short_date(due)}"
            )
    return found


def _order(value: object) -> tuple[int, str]:
    return (value, "") if isinstance(value, int) else (0, str(value))


def _prefixed(problem: object) -> str:
    text = str(problem)
    return text if text.startswith("audit") else f"seal: {text}"
