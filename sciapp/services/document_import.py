"""Parse and check a documents JSON file before anything is written; every problem is
reported with its path, e.g. `resolutions[2].operative: must be a list of strings`."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sciapp.services.document_records import (
    RESOLUTION_STATUSES,
    LetterDraft,
    Person,
    RollCallNames,
)
from sciapp.services.errors import ImportRejectedError


@dataclass(frozen=True)
class ParsedResolution:
    index: int
    number: str
    year: int
    title: str
    body: str
    preamble: tuple[str, ...]
    operative: tuple[str, ...]
    distribution: tuple[str, ...]
    sections: bool
    status: str
    adopted_on: dt.date | None
    votes: RollCallNames | None

    @property
    def member_count(self) -> int:
        return sum(len(v) for v in (self.votes.__dict__.values() if self.votes else ()))


@dataclass(frozen=True)
class ParsedLetter:
    index: int
    id: int | None
    draft: LetterDraft


@dataclass(frozen=True)
class ParsedDocuments:
    resolutions: list[ParsedResolution]
    letters: list[ParsedLetter]


INVALID_TEXT = (
    "the file holds escaped characters that are not text (lone \\uD800–\\uDFFF surrogates)"
)


def valid_text(data: object) -> bool:
    """JSON's \\u escapes can spell half a character, which no database can store."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def text(self, data: dict[str, Any], key: str, where: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problems.append(f"{where}.{key}: required")
            return ""
        if not isinstance(value, str):
            self.problems.append(f"{where}.{key}: must be text")
            return ""
        return value

    def texts(
        self, data: dict[str, Any], key: str, where: str, required: bool = False
    ) -> tuple[str, ...]:
        value = data.get(key, [] if not required else None)
        if value is None:
            self.problems.append(f"{where}.{key}: required")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.append(f"{where}.{key}: must be a list of strings")
            return ()
        return tuple(value)

    def date(self, data: dict[str, Any], key: str, where: str, required: bool) -> dt.date | None:
        value = data.get(key)
        if value is None:
            if required:
                self.problems.append(f"{where}.{key}: required")
            return None
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.problems.append(f"{where}.{key}: use YYYY-MM-DD")
            return None


def parse_documents(content: bytes) -> ParsedDocuments:
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRejectedError([f"the file is not valid UTF-8 JSON: {exc}"]) from exc
    if not valid_text(data):
        raise ImportRejectedError([INVALID_TEXT])
    if not isinstance(data, dict):
        raise ImportRejectedError(["the file must hold an object with resolutions and letters"])
    check = _Checker()
    unknown = set(data) - {"resolutions", "letters"}
    check.problems += [f"{key}: unknown section" for key in sorted(unknown)]
    resolutions = [
        _resolution(i, r, check) for i, r in enumerate(_list(data, "resolutions", check))
    ]
    letters = [_letter(i, item, check) for i, item in enumerate(_list(data, "letters", check))]
    numbers = [r.number for r in resolutions if r.number]
    check.problems += [
        f"resolutions[{r.index}].number: {r.number} appears twice in the file"
        for r in resolutions
        if r.number and numbers.count(r.number) > 1
    ]
    ids = [item.id for item in letters if item.id is not None]
    check.problems += [
        f"letters[{item.index}].id: {item.id} appears twice in the file"
        for item in letters
        if item.id is not None and ids.count(item.id) > 1
    ]
    if check.problems:
        raise ImportRejectedError(check.problems)
    return ParsedDocuments(resolutions, letters)


def _list(data: dict[str, Any], key: str, check: _Checker) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        check.problems.append(f"{key}: must be a list of objects")
        return []
    return value


def _resolution(index: int, data: dict[str, Any], check: _Checker) -> ParsedResolution:
    where = f"resolutions[{index}]"
    number = check.text(data, "number", where)
    title = check.text(data, "title", where)
    body = check.text(data, "body", where)
    status = data.get("status", "draft")
    if status not in RESOLUTION_STATUSES:
        check.problems.append(f"{where}.status: one of {', '.join(RESOLUTION_STATUSES)}")
    adopted_on = check.date(data, "adopted_on", where, required=status == "adopted")
    votes = None
    if "votes" in data:
        raw = data["votes"]
        if not isinstance(raw, dict):
            check.problems.append(f"{where}.votes: must be an object of name lists")
        else:
            votes = RollCallNames(
                *(
                    check.texts(raw, k, f"{where}.votes")
                    for k in ("ayes", "nays", "abstain", "absent")
                )
            )
    operative = check.texts(data, "operative", where, required=True)
    if "operative" in data and not operative and isinstance(data["operative"], list):
        check.problems.append(f"{where}.operative: needs at least one clause")
    year = adopted_on.year if adopted_on else dt.date.today().year
    if number[:4].isdigit():
        year = int(number[:4])
    elif number[:2].isdigit() and number[2:3] == "-":  # "13-252": a two-digit year
        year = 2000 + int(number[:2])
    return ParsedResolution(
        index=index,
        number=number,
        year=year,
        title=title,
        body=body,
        preamble=check.texts(data, "preamble", where),
        operative=operative,
        distribution=check.texts(data, "distribution", where),
        sections=bool(data.get("sections", False)),
        status=status,
        adopted_on=adopted_on,
        votes=votes,
    )


def _letter(index: int, data: dict[str, Any], check: _Checker) -> ParsedLetter:
    where = f"letters[{index}]"
    letter_id = data.get("id")
    if letter_id is not None and (not isinstance(letter_id, int) or letter_id < 1):
        check.problems.append(f"{where}.id: must be a positive whole number")
        letter_id = None
    signers = []
    raw_signers = data.get("signers", [])
    if not isinstance(raw_signers, list):
        check.problems.append(f"{where}.signers: must be a list of {{name, title}}")
        raw_signers = []
    for n, signer in enumerate(raw_signers):
        if isinstance(signer, dict):
            signers.append(
                Person(
                    check.text(signer, "name", f"{where}.signers[{n}]"),
                    check.text(signer, "title", f"{where}.signers[{n}]", False),
                )
            )
        else:
            check.problems.append(f"{where}.signers[{n}]: must be {{name, title}}")
    draft = LetterDraft(
        date=check.date(data, "date", where, required=True) or dt.date.today(),
        to=check.texts(data, "to", where, required=True),
        salutation=check.text(data, "salutation", where),
        body=check.texts(data, "body", where, required=True),
        closing=check.text(data, "closing", where, required=False) or "Sincerely,",
        signers=tuple(signers),
        subject=check.text(data, "subject", where, False),
        attention=check.text(data, "attention", where, False),
        initials=check.text(data, "initials", where, False),
        enclosures=check.texts(data, "enclosures", where),
        cc=check.texts(data, "cc", where),
    )
    return ParsedLetter(index, letter_id, draft)
