"""One imported row judged on its own, every problem worded ("line 4: kind: 'twin' is not a
kind; …"), and the status history a row's status implies.

csv_io judges a file's rows a column at a time (`domain.partnership_columns`) and hands the
rows it cannot vouch for to `parse_row` here, so each message is worded in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sciapp.domain.dates import FORMAT_HINT, PartialDate
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.partnership import PartnershipData, PartnershipDraft, parse_partnership
from sciapp.domain.status import Standing, Status, StatusChange, check_transition, standing
from sciapp.services.exchange.csv_writer import unescape_formula
from sciapp.services.partnerships.cells import DATE_COLUMNS, iso_date, told
from sciapp.storage.models import Partnership
from sciapp.storage.types import stored_value

REQUIRED = ("kind", "partner_city", "partner_country")
IMPORTED_REASON = "Not recorded (imported from a CSV file)"


class Checked(NamedTuple):
    """A row's implied history, checked, and where it leaves the partnership (its `status`
    and `status_since` as stored too): the same for every row with the same status,
    status_since and established, so each combination is checked once a file."""

    history: tuple[StatusChange, ...]
    where: Standing
    stored: tuple[str, str | None]


# (status, status_since as written, established as read: ISO) → its history, checked
Standings = dict[tuple[str, str, str], Checked]


@dataclass
class Row:
    line: int
    data: PartnershipData
    checked: Checked


def parse_row(
    line: int, columns: list[str], cells: list[str], problems: list[str], standings: Standings
) -> Row | None:
    """The row as `parse_partnership` and the status rules read it, or None with each of its
    problems added to `problems`."""
    if len(cells) > len(columns):
        problems.append(f"line {line}: has {len(cells)} cells but the header has {len(columns)}")
        return None
    values = {}
    for name, cell in zip(columns, cells, strict=False):
        text = cell.strip()
        values[name] = unescape_formula(text) if text.startswith("'") else text
    given = dict(values)  # as written, for the messages
    for name in DATE_COLUMNS:
        if name in values:
            values[name] = iso_date(values[name])  # a US spreadsheet's 3/14/2022 too
    before = len(problems)
    for name in REQUIRED:
        if not values.get(name):
            problems.append(f"line {line}: {name}: required")
    draft = PartnershipDraft(
        **{k: v for k, v in values.items() if k not in ("status", "status_since")},
        no_expiry=True,
    )
    data = None
    try:
        data = parse_partnership(draft)
    except InvalidInputError as exc:
        problems.extend(
            f"line {line}: {field}: {told(field, given.get(field, ''), message)}"
            for field, message in exc.errors.items()
            if not (field in REQUIRED and not values.get(field))
        )
    key = (values.get("status", ""), given.get("status_since", ""), values.get("established", ""))
    status_text, since_text = key[0], key[1]
    if data is not None and len(problems) == before:
        known = standings.get(key)
        if known is not None:
            return Row(line, data, known)
    status = _parse_status(line, status_text, problems)
    since = _parse_since(line, since_text, problems)
    if data is None or status is None or len(problems) > before:
        return None
    checked = _checked(line, data.established, status, since, since_text, problems)
    if checked is None:
        return None
    standings[key] = checked
    return Row(line, data, checked)


def standing_for(
    key: tuple[str, str, str], established: PartialDate | None, standings: Standings
) -> Checked | None:
    """The checked history of a row with these cells (status, status_since as written,
    `established` as read from the third), None if it has a problem (which `parse_row` then
    words); remembered in `standings`."""
    status_text, since_text, _read = key
    known = standings.get(key)
    if known is not None:
        return known
    problems: list[str] = []
    status = _parse_status(0, status_text, problems)
    since = _parse_since(0, since_text, problems)
    if status is None or problems:
        return None
    checked = _checked(0, established, status, since, since_text, problems)
    if checked is not None:
        standings[key] = checked
    return checked


def implied_history(
    established: PartialDate | None, status: Status, since: PartialDate | None
) -> list[StatusChange]:
    """A file gives only the current status; the tie was active (from its establishment)
    before it was suspended or terminated. (bulk.py writes these events in SQL.)"""
    if status is Status.PROPOSED:
        return [StatusChange(Status.PROPOSED, since)]
    if status is Status.ACTIVE:
        return [StatusChange(Status.ACTIVE, since or established)]
    return [
        StatusChange(Status.ACTIVE, established),
        StatusChange(status, since, reason=IMPORTED_REASON),
    ]


def _checked(
    line: int,
    established: PartialDate | None,
    status: Status,
    since: PartialDate | None,
    since_text: str,
    problems: list[str],
) -> Checked | None:
    history = implied_history(established, status, since)
    errors = {}
    for index, change in enumerate(history):
        errors.update(check_transition(history[:index], change))
    if established and since and since.surely_before(established):
        errors["effective"] = f"is before established ({established.iso()})"
    if errors:
        problems.extend(
            f"line {line}: status_since: {told('status_since', since_text, msg)}"
            for msg in errors.values()
        )
        return None
    where = standing(history)
    stored = (where.status.value, stored_value(Partnership.__table__.c.status_since, where.since))
    return Checked(tuple(history), where, stored)


def _parse_status(line: int, text: str, problems: list[str]) -> Status | None:
    try:
        return Status(text.lower()) if text else Status.ACTIVE
    except ValueError:
        allowed = ", ".join(s.value for s in Status)
        problems.append(f"line {line}: status: {text!r} is not one of {allowed}")
        return None


def _parse_since(line: int, text: str, problems: list[str]) -> PartialDate | None:
    try:
        return PartialDate.parse_optional(iso_date(text))
    except ValueError as exc:
        message = str(exc) if "use" in str(exc) else f"{exc} (use {FORMAT_HINT})"
        problems.append(f"line {line}: status_since: {told('status_since', text, message)}")
        return None
