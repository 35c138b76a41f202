"""A resolution's clauses as councils print them (e.g. Downey Res. 13-7401): each WHEREAS
clause ends "; and", the last one ";", each resolved clause "."; the list of copies is a
list. One rule, whatever the clerk typed or pasted: a clause that already ends with its
punctuation ("…people;", "…peace;.", "…Committee..", "…; and") prints it once; a clause
pasted with its own opener ("Whereas, …", "BE IT FURTHER RESOLVED that …") is not opened
twice. The PDF and any text output of a resolution use these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

PREAMBLE_MARK = ";"
OPERATIVE_MARK = "."

# What may end a clause as typed: punctuation, spaces, and a dangling conjunction ("; and").
_TAIL = re.compile(r"(?:[\s;,.:]+|(?<=[;,])\s*\b(?:and|or)\b)+$", re.IGNORECASE)
_CLOSERS = re.compile(r"[\"'”’)\]»]+$")
# Abbreviations whose period stays when the clause ends with one ("Main St.;", "U.S.").
_ABBREVIATION = re.compile(
    r"(?:(?<![\w.])(?:[A-Za-z]\.)+[A-Za-z]|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Ave|Blvd|etc))$"
)
_WHEREAS = re.compile(r"^whereas\b[\s,:]*", re.IGNORECASE)
# A participle opener instead of WHEREAS: CONDEMNING, REAFFIRMING, DEEPLY CONCERNED …
_PARTICIPLE = re.compile(r"^((?:[A-Z]+ )*[A-Z]{2,}(?:ING|ED)|AWARE|MINDFUL|CONSCIOUS)(?=[\s,]|$)")
_RESOLVED = re.compile(
    r"^(now,?\s+therefore,?\s+be\s+it\s+(?:further\s+)?resolved|be\s+it\s+(?:further\s+)?"
    r"resolved|(?:further\s+)?resolved)\b,?",
    re.IGNORECASE,
)
_SECTION = re.compile(r"^section\s+\d+\s*[.:]?\s*", re.IGNORECASE)
_THAT = re.compile(r"^that\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    """`opener` prints in bold, `text` right after it (its leading space or comma included)."""

    opener: str
    text: str

    @property
    def plain(self) -> str:
        return self.opener + self.text


def bare(clause: str) -> str:
    """The clause without the punctuation (or "; and") it ends with; whitespace runs,
    pasted line breaks included, become one space."""
    text = " ".join(clause.split())
    closers = ""
    while True:
        stripped = _strip_tail(text)
        found = _CLOSERS.search(stripped)
        if found is None:
            return stripped + closers
        # '… the "Peace Day."' — the mark goes after the quote: '… the "Peace Day";'
        closers = found.group() + closers
        text = stripped[: found.start()]
        if not text:
            return closers


def _strip_tail(text: str) -> str:
    found = _TAIL.search(text)
    if found is None:
        return text
    kept = text[: found.start()]
    if found.group().lstrip().startswith(".") and _ABBREVIATION.search(kept):
        return kept + "."  # the abbreviation's own period
    return kept


def punctuate(clause: str, mark: str) -> str:
    """The clause ending with `mark` exactly once ("U.S." ends a sentence as it is)."""
    text = bare(clause)
    if mark == "." and text.endswith("."):
        return text
    return text + mark


def preamble(clauses: tuple[str, ...] | list[str]) -> list[Clause]:
    """WHEREAS clauses (or participle openers as typed), "; and" but the last ";"."""
    out = []
    for index, raw in enumerate(clauses):
        mark = PREAMBLE_MARK if index == len(clauses) - 1 else "; and"
        text = " ".join(raw.split())
        opener = _PARTICIPLE.match(text)
        if opener:  # the clerk chose the opener: print it as typed
            word = opener.group(1)
            rest = text[len(word) :]
            lead = ", " if rest.lstrip().startswith(",") else " "
            out.append(Clause(word, lead + punctuate(rest.lstrip(" ,"), mark)))
        else:
            out.append(Clause("WHEREAS", ", " + punctuate(_WHEREAS.sub("", text), mark)))
    return out


def operative(
    clauses: tuple[str, ...] | list[str], body_name: str, sections: bool = False
) -> list[Clause]:
    """NOW, THEREFORE, BE IT RESOLVED by the body that …; BE IT FURTHER RESOLVED that …
    (or SECTION 1, 2 …), each ending with one period."""
    out = []
    for index, raw in enumerate(clauses):
        text = " ".join(raw.split())
        if sections:
            body = _SECTION.sub("", text)
            out.append(Clause(f"SECTION {index + 1}.", " " + punctuate(_capital(body), ".")))
            continue
        typed = _RESOLVED.match(text)
        if typed:  # pasted with its opener: print that opener once, as councils write it
            opener = " ".join(typed.group(1).upper().split())
            if opener.startswith("NOW"):
                opener = opener.replace("NOW THEREFORE", "NOW, THEREFORE")
                opener = opener.replace("THEREFORE BE", "THEREFORE, BE")
            out.append(Clause(opener, " " + punctuate(text[typed.end() :].lstrip(" ,"), ".")))
            continue
        text = _THAT.sub("", text)
        if index == 0:
            opener, lead = "NOW, THEREFORE, BE IT RESOLVED", f" by the {body_name} that "
        else:
            opener, lead = "BE IT FURTHER RESOLVED", " that "
        out.append(Clause(opener, lead + punctuate(text, ".")))
    return out


def copies(
    recipients: tuple[str, ...] | list[str], clerk_title: str, section: int | None = None
) -> tuple[Clause, tuple[str, ...]]:
    """The clause sending copies, and its recipients as a list: "…;", "…; and", "…."."""
    clerk = clerk_title or "City Clerk"
    if section is not None:
        clause = Clause(
            f"SECTION {section}.", f" The {clerk} shall send copies of this resolution to:"
        )
    else:
        clause = Clause(
            "BE IT FURTHER RESOLVED", f" that the {clerk} send copies of this resolution to:"
        )
    items = [r for r in recipients if r.strip()]
    last = len(items) - 1
    listed = tuple(
        punctuate(item, "." if i == last else "; and" if i == last - 1 else ";")
        for i, item in enumerate(items)
    )
    return clause, listed


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def day_of(day: dt.date) -> str:
    """ "14th day of March, 2022" """
    return f"{ordinal(day.day)} day of {day:%B}, {day.year}"


def day_phrase(day: dt.date) -> str:
    """ "the 14th day of March, 2022" """
    return f"the {day_of(day)}"


def meeting_phrase(kind: str, day: dt.date | None) -> str:
    """Where the vote was taken, for the clerk's certificate: "at a regular meeting held on
    the 14th day of March, 2022" ("" when the day is not known)."""
    if day is None:
        return ""
    kind = " ".join(kind.split()).lower()
    if not kind:
        what = "a meeting"
    elif kind.endswith(("meeting", "session")):
        what = f"{_article(kind)} {kind}"
    else:
        what = f"{_article(kind)} {kind} meeting"
    return f"at {what} held on {day_phrase(day)}"


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
