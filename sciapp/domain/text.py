"""Text from people and files, and text shown on a terminal: one owner for the rules.

- Names (a partner city, a member, a body …) hold no control characters; zero-width
  characters are removed and the text is NFC-normalised, so two names that look the same
  are the same (no invisible duplicates); runs of whitespace become one space.
- Free text (notes, clauses, paragraphs) keeps newlines and tabs but no other control
  characters.
- Every text has a cap. The caps are the column lengths in `sciapp/storage/*models.py`
  (PostgreSQL enforces them, SQLite does not: the rule here makes both behave the same);
  `tests/storage/test_text_limits.py` keeps the two in step. Text columns get a cap too,
  so a 100 MB title or note is refused instead of stored and printed for ever.
- `printable` makes what the CLI prints from user data safe for a terminal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

# Caps, in characters.
NAME = 200  # a person, a city, a body, a jurisdiction, an instrument
ROLE = 100  # a guest's role, a letter's closing
TITLE = 300  # an agenda item, a place, a topic, a letter's attention and salutation
LONG_TITLE = 500  # a resolution's title, a letter's subject
LINK = 500  # a meeting's remote link
NUMBER = 40  # a resolution's number
INITIALS = 50  # a letter's reference initials
NOTES = 20_000  # one note, reason, clause, paragraph or motion
MINUTES_NOTES = 200_000  # one agenda item's minutes
LIST_ITEMS = 500  # clauses, paragraphs, address lines, names in a roll call
EMAIL = 200  # a contact's email address
PHONE = 50  # a contact's telephone number, as written

# Removed from names: they show as nothing, so "Otsu" and "Ot\u200bsu" would be two ties.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_NO_ZERO_WIDTH = str.maketrans("", "", ZERO_WIDTH)
# Shown escaped on a terminal: they reorder what follows ("Trojan source").
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


# Unicode's control characters (category Cc: C0, DEL, C1) and lone surrogates (Cs), less
# tab, line feed and carriage return; a regular expression scans 100 MB at C speed.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _bad_character(text: str) -> str | None:
    """The first control character (or lone surrogate) other than tab and line breaks."""
    found = _CONTROL.search(text)
    return found.group() if found else None


def _refusal(ch: str) -> str:
    if unicodedata.category(ch) == "Cs":
        return f"holds U+{ord(ch):04X}, half of a character; retype it"
    return f"must not contain control characters (found U+{ord(ch):04X})"


@lru_cache(maxsize=8192)  # a register repeats its jurisdictions, regions and native names
def clean_name(text: str, limit: int = NAME) -> str:
    """The name as stored; ValueError (the message for the field) when it cannot be one.

    Tab and line breaks are whitespace here (a pasted cell, a trailing newline) and
    become one space like any other run of whitespace.
    """
    if len(text) > 10 * limit + 1000:  # far too long whatever spaces go: no need to clean it
        raise ValueError(f"at most {limit:,} characters (this has {len(text):,})")
    if text.isascii() and text.isprintable():  # the common case: nothing to remove or compose
        name = " ".join(text.split())
        if len(name) > limit:
            raise ValueError(f"at most {limit:,} characters (this has {len(name):,})")
        return name
    bad = _bad_character(text)
    if bad is not None:
        raise ValueError(_refusal(bad))
    name = " ".join(unicodedata.normalize("NFC", text.translate(_NO_ZERO_WIDTH)).split())
    if len(name) > limit:
        raise ValueError(f"at most {limit:,} characters (this has {len(name):,})")
    return name


def already_clean_names(texts: Sequence[str], limit: int = NAME) -> bool:
    """True when `clean_name` would give back each of `texts` unchanged: plain printable
    ASCII, single spaces, none at either end, within `limit`. Judged over all of them at
    once at C speed (a file's column of 20,000 cities); False says only "look at each"."""
    if not texts:
        return True
    joined = "\n".join(texts)
    return (
        joined.isascii()
        and joined.count("\n") == len(texts) - 1  # no line break inside a value
        and joined.replace("\n", "").isprintable()  # so the only whitespace is " "
        and "  " not in joined
        and " \n" not in joined
        and "\n " not in joined
        and not joined.startswith(" ")
        and not joined.endswith(" ")
        and max(map(len, texts)) <= limit
    )


def already_clean_texts(texts: Sequence[str], limit: int = NOTES) -> bool:
    """True when `clean_text` would accept each of `texts` (all judged at once)."""
    return not texts or (max(map(len, texts)) <= limit and _bad_character("\n".join(texts)) is None)


def clean_text(text: str, limit: int = NOTES) -> str:
    """Free text as given (newlines and tabs kept); ValueError when it cannot be stored."""
    if len(text) > limit:
        raise ValueError(f"at most {limit:,} characters (this has {len(text):,})")
    bad = _bad_character(text)
    if bad is not None:
        raise ValueError(_refusal(bad))
    return text


class TextCheck:
    """Collects a message per field, for an InvalidInputError or ValidationError."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def name(self, field: str, text: str, limit: int = NAME, required: str = "") -> str:
        """A cleaned name; `required` is the message when it is empty."""
        try:
            value = clean_name(text, limit)
        except ValueError as exc:
            self.errors.setdefault(field, str(exc))
            return ""
        if required and not value:
            self.errors.setdefault(field, required)
        return value

    def text(self, field: str, text: str, limit: int = NOTES) -> str:
        try:
            return clean_text(text, limit)
        except ValueError as exc:
            self.errors.setdefault(field, str(exc))
            return text

    def lines(self, field: str, items: tuple[str, ...], limit: int = NOTES) -> tuple[str, ...]:
        """A list of texts (clauses, address lines): each one checked, and how many."""
        if len(items) > LIST_ITEMS:
            self.errors.setdefault(field, f"at most {LIST_ITEMS} entries (this has {len(items)})")
            return items
        for index, item in enumerate(items, start=1):
            try:
                clean_text(item, limit)
            except ValueError as exc:
                self.errors.setdefault(field, f"entry {index}: {exc}")
                break
        return items


def check_names(values: Mapping[str, str], limit: int = NAME) -> dict[str, str]:
    """The messages for any of `values` (field: text) that cannot be a name."""
    check = TextCheck()
    for field, text in values.items():
        check.name(field, text, limit)
    return check.errors


def printable(text: str, keep_newlines: bool = False) -> str:
    """`text` with control characters shown as escapes (ESC as \\x1b), never sent raw.

    A terminal obeys ESC, BEL, CSI and the rest: a partner's name must not be able to
    clear the screen, retitle the window or hide a line of the audit trail.
    """
    if text.isprintable() and not BIDI_CONTROLS.intersection(text):
        return text  # the common case, at C speed
    out = []
    for ch in text:
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif ch in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[ch])
        elif ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


# json.dumps escapes C0 controls itself; DEL, C1 (CSI is U+009B) and bidi controls it leaves.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable_json(json_text: str) -> str:
    """JSON text (from json.dumps) with every control character as a \\u escape: the same
    data, safe to show on a terminal. Such characters only occur inside JSON strings."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
