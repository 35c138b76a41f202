"""Every create, change and delete through the ORM lands in the audit trail, in the same
transaction as the change itself: a change without its entry cannot be committed. Each entry
extends the trail's hash chain (storage/audit_chain.py). Seals are audited too: a seal made,
or made again, is visible in the trail."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect

from sciapp.storage.audit_chain import append
from sciapp.storage.audit_models import AuditEntry, Seal
from sciapp.storage.database import AuditContext
from sciapp.storage.types import stored_value

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session, sessionmaker

UNAUDITED = {AuditEntry.__tablename__}
# Covered by a digest that is audited; the text itself would double the trail's size (an
# activity's file: its name, size and SHA-256 are logged, never its bytes).
UNLOGGED = {(Seal.__tablename__, "snapshot"), ("activity_file", "content")}
LABEL_FIELDS = (
    "partner_city",
    "name",
    "number",
    "title",
    "speaker",
    "date",
    "key",
    "text",
    "label",
    "description",
)
LABEL_LENGTH = 120


def install(factory: sessionmaker[Session], context: AuditContext) -> None:
    factory.kw.setdefault("info", {})["audit"] = context
    event.listen(factory, "after_flush", _after_flush)


def session_on(connection: Connection, actor: str) -> Session:
    """An audited session inside `connection`'s open transaction (a migration's): it never
    commits that transaction itself."""
    from sqlalchemy.orm import Session

    session = Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    session.info["audit"] = AuditContext(actor)
    event.listen(session, "after_flush", _after_flush)
    return session


def _after_flush(session: Session, _flush_context: object) -> None:
    context: AuditContext | None = session.info.get("audit")
    if context is None:
        return
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows: list[dict[str, Any]] = []
    for action, objects in (
        ("create", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objects:
            row = _entry(action, obj)
            if row is not None:
                rows.append({"at": now, "actor": context.actor, **row})
    if rows:
        append(session.connection(), rows)


def _entry(action: str, obj: object) -> dict[str, Any] | None:
    state = inspect(obj)
    mapper = state.mapper
    table = mapper.local_table.name
    if table in UNAUDITED:
        return None
    changes: dict[str, list[Any]] = {}
    for attribute in mapper.column_attrs:
        key = attribute.key
        if (table, key) in UNLOGGED:
            continue
        column = attribute.columns[0]  # values as the column stores them ("19:00", not 19:00:00)
        if action == "update":
            history = state.attrs[key].load_history()
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old == new:
                continue
            changes[key] = [stored_value(column, old), stored_value(column, new)]
        else:
            value = state.attrs[key].loaded_value
            if value is not None and not _is_unset(value):
                value = stored_value(column, value)
                changes[key] = [None, value] if action == "create" else [value, None]
    if action == "update" and not changes:
        return None
    identity = mapper.primary_key_from_instance(obj)
    return {
        "action": action,
        "table_name": table,
        "record_id": "/".join(str(part) for part in identity),
        "label": _label(obj),
        "changes": json.dumps(changes, ensure_ascii=False, default=str, sort_keys=True),
    }


def _is_unset(value: object) -> bool:
    from sqlalchemy.orm.base import NO_VALUE

    return value is NO_VALUE


def _label(obj: object) -> str:
    columns = inspect(obj).mapper.columns
    for name in LABEL_FIELDS:
        value = getattr(obj, name, None)
        if name in columns and value is not None:
            value = stored_value(columns[name], value)  # a date as its ISO text
        if isinstance(value, str) and value:
            return value if len(value) <= LABEL_LENGTH else value[: LABEL_LENGTH - 1] + "…"
    return ""
