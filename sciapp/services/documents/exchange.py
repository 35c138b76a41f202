"""Parse and check a documents JSON file before anything is written; every problem is
reported with its path, e.g. `resolutions[2].operative: must be a list of strings`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sciapp.domain.bodies import BodyKind
from sciapp.domain.resolutions import RESOLUTION_STATUSES, ResolutionStatus
from sciapp.domain.text import (
    INITIALS,
    LIST_ITEMS,
    LONG_TITLE,
    NAME,
    NOTES,
    NUMBER,
    ROLE,
    TITLE,
    TextCheck,
    clean_name,
    clean_text,
)
from sciapp.services.documents.records import (
    LetterDraft,
    Person,
    ResolutionDraft,
    RollCallNames,
)
from sciapp.services.errors import ImportRejectedError
from sciapp.services.exchange.json_input import INVALID_TEXT, MAX_INT, load_json, valid_text

__all__ = ["INVALID_TEXT", "parse_documents", "valid_text"]

# The cap on each field (domain.text), the same here and when an editor saves.
RESOLUTION_LIMITS = {
    "number": NUMBER,
    "title": LONG_TITLE,
    "body": NAME,
    "preamble": NOTES,
    "operative": NOTES,
    "distribution": TITLE,
}
LETTER_LIMITS = {
    "to": TITLE,
    "salutation": TITLE,
    "body": NOTES,
    "closing": ROLE,
    "subject": LONG_TITLE,
    "attention": TITLE,
    "initials": INITIALS,
    "enclosures": TITLE,
    "cc": TITLE,
}
MAX_FILE_BYTES = 200_000_000


def resolution_text_errors(draft: ResolutionDraft) -> dict[str, str]:
    """The caps and character rules, for an editor's save (the import checks by path)."""
    text = TextCheck()
    text.text("title", draft.title, RESOLUTION_LIMITS["title"])
    for field in ("preamble", "operative", "distribution"):
        text.lines(field, getattr(draft, field), RESOLUTION_LIMITS[field])
    return text.errors


def letter_text_errors(draft: LetterDraft) -> dict[str, str]:
    text = TextCheck()
    for field, cap in LETTER_LIMITS.items():
        value = getattr(draft, field)
        if isinstance(value, tuple):
            text.lines(field, value, cap)
        else:
            text.text(field, value, cap)
    for index, signer in enumerate(draft.signers, start=1):
        for part in ("name", "title"):
            try:
                clean_name(getattr(signer, part))
            except ValueError as exc:
                text.errors.setdefault("signers", f"signer {index}: {part}: {exc}")
    return text.errors


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
    writer: str = ""  # "from": the name of the body that writes it
    writer_kind: str = ""  # "from_kind": commission, council or committee


@dataclass(frozen=True)
class ParsedDocuments:
    resolutions: list[ParsedResolution]
    letters: list[ParsedLetter]


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def text(
        self,
        data: dict[str, Any],
        key: str,
        where: str,
        required: bool = True,
        limit: int = NOTES,
        name: bool = False,
    ) -> str:
        """Text under its cap with no control characters; a name is also cleaned (NFC,
        no zero-width characters, one space between words)."""
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problems.append(f"{where}.{key}: required")
            return ""
        if not isinstance(value, str):
            self.problems.append(f"{where}.{key}: must be text")
            return ""
        return self._clean(value, f"{where}.{key}", limit, name)

    def texts(
        self,
        data: dict[str, Any],
        key: str,
        where: str,
        required: bool = False,
        limit: int = NOTES,
        name: bool = False,
    ) -> tuple[str, ...]:
        value = data.get(key, [] if not required else None)
        if value is None:
            self.problems.append(f"{where}.{key}: required")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.append(f"{where}.{key}: must be a list of strings")
            return ()
        if len(value) > LIST_ITEMS:
            self.problems.append(f"{where}.{key}: at most {LIST_ITEMS} entries ({len(value):,})")
            return ()
        return tuple(
            self._clean(v, f"{where}.{key}[{i}]", limit, name) for i, v in enumerate(value)
        )

    def _clean(self, value: str, path: str, limit: int, name: bool) -> str:
        try:
            return clean_name(value, limit) if name else clean_text(value, limit)
        except ValueError as exc:
            self.problems.append(f"{path}: {exc}")
            return ""

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
    if len(content) > MAX_FILE_BYTES:
        raise ImportRejectedError(
            [f"the file is {len(content):,} bytes; a documents file is at most {MAX_FILE_BYTES:,}"]
        )
    data = load_json(content)  # depth, number and text limits: a sentence, not a traceback
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
    limits = RESOLUTION_LIMITS
    number = check.text(data, "number", where, limit=limits["number"], name=True)
    title = check.text(data, "title", where, limit=limits["title"])
    body = check.text(data, "body", where, limit=limits["body"], name=True)
    status = data.get("status", "draft")
    if not isinstance(status, str) or status not in RESOLUTION_STATUSES:
        check.problems.append(f"{where}.status: one of {', '.join(RESOLUTION_STATUSES)}")
    adopted_on = check.date(data, "adopted_on", where, required=status == ResolutionStatus.ADOPTED)
    votes = None
    if "votes" in data:
        raw = data["votes"]
        if not isinstance(raw, dict):
            check.problems.append(f"{where}.votes: must be an object of name lists")
        else:
            votes = RollCallNames(
                *(
                    check.texts(raw, k, f"{where}.votes", limit=NAME, name=True)
                    for k in ("ayes", "nays", "abstain", "absent", "recused")
                )
            )
    operative = check.texts(data, "operative", where, required=True, limit=limits["operative"])
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
        preamble=check.texts(data, "preamble", where, limit=limits["preamble"]),
        operative=operative,
        distribution=check.texts(data, "distribution", where, limit=limits["distribution"]),
        sections=bool(data.get("sections", False)),
        status=status,
        adopted_on=adopted_on,
        votes=votes,
    )


def _letter(index: int, data: dict[str, Any], check: _Checker) -> ParsedLetter:
    where = f"letters[{index}]"
    letter_id = data.get("id")
    if letter_id is not None and (
        not isinstance(letter_id, int)
        or isinstance(letter_id, bool)
        or not 1 <= letter_id <= MAX_INT
    ):
        check.problems.append(f"{where}.id: must be a whole number from 1 to {MAX_INT:,}")
        letter_id = None
    signers = []
    raw_signers = data.get("signers", [])
    if not isinstance(raw_signers, list):
        check.problems.append(f"{where}.signers: must be a list of {{name, title}}")
        raw_signers = []
    elif len(raw_signers) > LIST_ITEMS:
        check.problems.append(f"{where}.signers: at most {LIST_ITEMS} entries")
        raw_signers = []
    for n, signer in enumerate(raw_signers):
        if isinstance(signer, dict):
            signers.append(
                Person(
                    check.text(signer, "name", f"{where}.signers[{n}]", limit=NAME, name=True),
                    check.text(signer, "title", f"{where}.signers[{n}]", False, NAME, name=True),
                )
            )
        else:
            check.problems.append(f"{where}.signers[{n}]: must be {{name, title}}")
    limits = LETTER_LIMITS
    draft = LetterDraft(
        date=check.date(data, "date", where, required=True) or dt.date.today(),
        to=check.texts(data, "to", where, required=True, limit=limits["to"]),
        salutation=check.text(data, "salutation", where, limit=limits["salutation"]),
        body=check.texts(data, "body", where, required=True, limit=limits["body"]),
        closing=check.text(data, "closing", where, False, limits["closing"]) or "Sincerely,",
        signers=tuple(signers),
        subject=check.text(data, "subject", where, False, limits["subject"]),
        attention=check.text(data, "attention", where, False, limits["attention"]),
        initials=check.text(data, "initials", where, False, limits["initials"]),
        enclosures=check.texts(data, "enclosures", where, limit=limits["enclosures"]),
        cc=check.texts(data, "cc", where, limit=limits["cc"]),
    )
    writer = check.text(data, "from", where, False, NAME, name=True)
    kind = data.get("from_kind", "")
    if kind not in ("", *(k.value for k in BodyKind)):
        check.problems.append(f"{where}.from_kind: one of {', '.join(k.value for k in BodyKind)}")
        kind = ""
    return ParsedLetter(index, letter_id, draft, writer, kind)
