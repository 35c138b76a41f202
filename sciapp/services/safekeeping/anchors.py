"""The heads of the seal chain and the audit trail last seen for each database, kept in the
user's config folder, outside the database. A chain whose tail was cut off (the last seal
deleted and its record turned back into a draft, the last audit entries deleted) still looks
whole from inside the file; compared with the anchor, it does not."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sciapp.services.safekeeping.seal_verify import Problem

if TYPE_CHECKING:
    from sciapp.services.safekeeping.seal_verify import Found
    from sciapp.storage.database import Database

FILE = "anchors.json"


@dataclass(frozen=True)
class Anchor:
    seals: int
    seal_head: str
    audit: int
    audit_head: str
    seen_at: str


def anchors_file() -> Path:
    from sciapp.config import AppPaths

    return AppPaths.from_environment().config_dir / FILE


def key(db: Database) -> str:
    """The file by its real path, or the server address without its password."""
    return str(db.path.resolve()) if db.is_file else db.location


def load(db: Database) -> Anchor | None:
    entry = _all().get(key(db))
    try:
        return Anchor(**entry) if isinstance(entry, dict) else None
    except TypeError:
        return None


def check(db: Database, found: Found) -> list[Problem]:
    """What the chains lost since the anchor was set."""
    anchor = load(db)
    if anchor is None:
        return []
    return _seal_problems(anchor, found.seal_digests) + _audit_problems(
        anchor, found.audit_count, found.audit_position
    )


def remember(db: Database, found: Found) -> None:
    head = found.report()
    try:
        _store(db, Anchor(head.seals, head.seal_head, head.audit_entries, head.audit_head, _now()))
    except OSError:  # an unwritable config folder must not turn a clean verify into a failure
        return


def advance(db: Database) -> None:
    """At closing: the anchor moves only along the chains it anchors, so a tail cut off
    while sciapp was closed is still named by the next `verify`. Never fails the close."""
    from sqlalchemy import func, select
    from sqlalchemy.exc import SQLAlchemyError

    from sciapp.storage.audit_chain import count_through, head
    from sciapp.storage.audit_models import Seal
    from sciapp.storage.chain import GENESIS

    try:
        with db.engine.connect() as conn:
            digests = [d for (d,) in conn.execute(select(Seal.digest).order_by(Seal.id))]
            anchor = load(db)
            if anchor is not None:
                if _seal_problems(anchor, digests):
                    return
                through = count_through(conn, anchor.audit_head)
                if through is None or through != anchor.audit:
                    return
            audit = int(conn.execute(select(func.count()).select_from(_audit())).scalar_one())
            audit_head = head(conn)
        seal_head = digests[-1] if digests else GENESIS
        _store(db, Anchor(len(digests), seal_head, audit, audit_head, _now()))
    except (SQLAlchemyError, OSError, ValueError):
        return


def forget(db_path: Path) -> None:
    """A restore puts an older register in place on purpose: what was anchored for the file
    no longer applies, and the next verify or close anchors the restored chains."""
    from sciapp.files import write_atomic

    data = _all()
    if data.pop(str(Path(db_path).resolve()), None) is None:
        return
    try:
        write_atomic(
            anchors_file(), json.dumps(data, indent=1, sort_keys=True).encode(), private=True
        )
    except OSError:  # never fails the restore; the next verify would name the difference
        return


def _seal_problems(anchor: Anchor, digests: list[str]) -> list[Problem]:
    if anchor.seals == 0:
        return []
    then = f"when last verified on {anchor.seen_at[:10]}"
    if len(digests) < anchor.seals:
        return [
            Problem(
                "seal chain",
                None,
                "",
                f"{anchor.seals} seals {then} (head {anchor.seal_head[:12]}…), {len(digests)} "
                "now: the last seals were removed",
            )
        ]
    now = digests[anchor.seals - 1]
    if now != anchor.seal_head:
        return [
            Problem(
                "seal chain",
                None,
                "",
                f"seal {anchor.seals} is not the one seen {then} ({anchor.seal_head[:12]}… "
                f"then, {now[:12]}… now): it was removed and made again",
            )
        ]
    return []


def _audit_problems(anchor: Anchor, count: int, position: dict[str, int]) -> list[Problem]:
    if anchor.audit == 0 or position.get(anchor.audit_head) == anchor.audit:
        return []
    then = f"{anchor.audit} entries when last verified on {anchor.seen_at[:10]}"
    if count < anchor.audit:
        what = f"{then}, {count} now: entries were removed from its end"
    else:
        what = f"entry {anchor.audit} is not the one seen then ({then}): the trail was rewritten"
    return [Problem("audit trail", None, "", what)]


def _audit() -> Any:
    from sciapp.storage.audit_models import AuditEntry

    return AuditEntry.__table__


def _all() -> dict[str, Any]:
    try:
        data = json.loads(anchors_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _store(db: Database, anchor: Anchor) -> None:
    from sciapp.files import write_atomic

    data = _all()
    data[key(db)] = asdict(anchor)
    target = anchors_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, json.dumps(data, indent=1, sort_keys=True).encode(), private=True)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
