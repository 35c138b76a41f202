"""`verify`: every approved minutes and adopted resolution has a seal; the chain of seals is
whole from the first to the last (each seal's position is covered by its digest); each seal
still matches its record and its snapshot; the audit trail's hash chain is whole; and the
trail's record of the seals made agrees with the seals there are (a removed or reissued seal
shows). Works on a session, so archive import checks an archive the same way."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sciapp.services.safekeeping.sealed_content import CONTENT, content_digest, due_records
from sciapp.storage.audit_chain import verify_chain
from sciapp.storage.audit_models import AuditEntry, Seal
from sciapp.storage.chain import GENESIS, seal_digest, text_digest
from sciapp.storage.types import stored_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Problem:
    kind: str  # minutes, resolution, seal chain, audit entry, audit trail
    record_id: int | None
    label: str
    what: str

    def __str__(self) -> str:
        if self.label and self.record_id is not None:
            return f"{self.kind} {self.label} (id {self.record_id}): {self.what}"
        if self.record_id is not None:
            return f"{self.kind} {self.record_id}: {self.what}"
        return f"{self.kind}: {self.what}"


@dataclass(frozen=True)
class VerifyReport:
    problems: tuple[Problem, ...]
    seals: int
    seal_head: str
    audit_entries: int
    audit_head: str

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        """Worth writing down: a later head that does not follow from it shows a rewrite."""
        return (
            f"{self.seals} seals; chain head {self.seal_head}\n"
            f"{self.audit_entries} audit entries; trail head {self.audit_head}"
        )


@dataclass
class Found:
    """What a verification saw, for the anchor check (safekeeping/anchors.py)."""

    problems: list[Problem] = field(default_factory=list)
    seal_digests: list[str] = field(default_factory=list)  # in chain order
    audit_count: int = 0
    audit_head: str = GENESIS
    audit_position: dict[str, int] = field(default_factory=dict)

    def report(self) -> VerifyReport:
        head = self.seal_digests[-1] if self.seal_digests else GENESIS
        return VerifyReport(
            tuple(self.problems), len(self.seal_digests), head, self.audit_count, self.audit_head
        )


def verify_session(session: Session) -> Found:
    found = Found()
    found.problems += chain_problems(session, found.seal_digests)
    found.problems += missing_seals(session)
    trail = verify_chain(session.connection())
    found.problems += [Problem("audit entry", i, "", what) for i, what in trail.problems]
    found.audit_count, found.audit_head = trail.count, trail.head
    found.audit_position = trail.position
    found.problems += _against_the_trail(session)
    return found


def chain_problems(session: Session, digests: list[str] | None = None) -> list[Problem]:
    """The seals in chain order: links, positions, digests, content and snapshots."""
    problems = []
    previous, last_position = GENESIS, 0
    for index, seal in enumerate(session.scalars(select(Seal).order_by(Seal.id)), start=1):

        def problem(what: str, seal: Seal = seal) -> None:
            problems.append(Problem(seal.kind, seal.record_id, seal.label, what))

        if seal.previous != previous:
            problem("the chain of seals is broken here: a seal before it was removed or altered")
        expected = (last_position or index - 1) + 1
        if seal.position is not None and seal.position != expected:
            problem(f"it is seal {seal.position} where seal {expected} belongs: seals were removed")
        stored = seal_digest(
            seal.previous,
            seal.kind,
            seal.record_id,
            seal.content_digest,
            seal.position,
            seal.snapshot_digest,
        )
        if stored != seal.digest:
            problem("the seal itself was altered")
        if seal.position is not None and (
            seal.snapshot is None or text_digest(seal.snapshot) != seal.snapshot_digest
        ):
            problem("its snapshot (what it prints) was altered")
        content = CONTENT[seal.kind](session, seal.record_id) if seal.kind in CONTENT else None
        if content is None:
            problem("the sealed record was deleted")
        elif content_digest(content) != seal.content_digest:
            problem("its content no longer matches its seal")
        previous, last_position = seal.digest, seal.position or index
        if digests is not None:
            digests.append(seal.digest)
    return problems


def missing_seals(session: Session) -> list[Problem]:
    """Sealed means every approved or adopted record: one without its seal is named."""
    sealed = {(s.kind, s.record_id) for s in session.scalars(select(Seal))}
    return [
        Problem(kind, record_id, label, f"{state} but not sealed")
        for kind, record_id, label in due_records(session)
        if (kind, record_id) not in sealed
        for state in ("approved" if kind == "minutes" else "adopted",)
    ]


def _against_the_trail(session: Session) -> list[Problem]:
    """Each seal made is an entry in the trail: a seal made twice at one position (removed,
    then reissued), or one the trail has but the table lost, is named."""
    made: dict[int, list[tuple[str, str, str]]] = defaultdict(list)  # (at, digest, label)
    trail = stored_table(AuditEntry.__table__)  # as written
    query = select(trail).where(trail.c.table_name == Seal.__tablename__)
    for entry in session.execute(query.order_by(trail.c.id)).mappings():
        changes = _changes(entry["changes"])
        position = _new(changes, "position")
        digest = _new(changes, "digest")
        # A seal is made by a create, or (an older seal given its place) by an update.
        if isinstance(position, int) and isinstance(digest, str):
            made[position].append((entry["at"], digest, entry["label"]))
    seals = {s.position: s for s in session.scalars(select(Seal)) if s.position is not None}
    problems = []
    for position, history in sorted(made.items()):
        at, digest, label = history[-1]
        seal = seals.get(position)
        if len(history) > 1:
            first = history[0]
            problems.append(
                Problem(
                    "seal chain",
                    None,
                    "",
                    f"seal {position}"
                    + (f" ({label})" if label else "")
                    + f" was made {len(history)} times: first on "
                    f"{first[0]} ({first[1][:12]}…), last on {at} ({digest[:12]}…); a seal was "
                    "removed and made again",
                )
            )
        if seal is None:
            problems.append(
                Problem(
                    "seal chain",
                    None,
                    "",
                    f"seal {position}" + (f" ({label})" if label else "") + f", made {at}, is gone",
                )
            )
        elif seal.digest != digest:
            problems.append(
                Problem(
                    seal.kind, seal.record_id, seal.label, "the audit trail recorded another seal"
                )
            )
    for position, seal in sorted(seals.items()):
        if position not in made:
            problems.append(
                Problem(seal.kind, seal.record_id, seal.label, "its seal is not in the audit trail")
            )
    return problems


def _changes(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _new(changes: dict[str, Any], key: str) -> Any:
    pair = changes.get(key)
    return pair[1] if isinstance(pair, list) and len(pair) == 2 else None
