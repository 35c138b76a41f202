"""Printed text as a typesetter would set it: typographic quotes and apostrophes instead of
the typewriter's straight ones, and a no-break space after an abbreviation that belongs to
the next word, so a line never ends in "ST." with "PETERSBURG" on the next."""

from __future__ import annotations

import re

NBSP = "\u00a0"
# "St. Petersburg", "Mt. Hood", "No. 2022-01", "Dr. Okafor" — in any case, titles are capitals.
_TIED = re.compile(
    r"\b(St|ST|Ste|STE|Mt|MT|No|NO|Nos|NOS|Dr|DR|Mr|MR|Mrs|MRS|Ms|MS|Ft|FT|Pt|PT)\.[ \t]+(?=\S)"
)
# Where a quotation opens: at the start, after a space, an opening bracket or a dash.
_OPENING_AFTER = " \t\n\r\u00a0([{\u2014\u2013-/\u201c\u2018"


def tie_abbreviations(text: str) -> str:
    return _TIED.sub(lambda m: m.group(1) + "." + NBSP, text)


def curly_quotes(text: str) -> str:
    """' and " become ‘ ’ “ ”: an apostrophe (O'Brien, Ukraine's, '94) is always ’."""
    if "'" not in text and '"' not in text:
        return text
    out = []
    for index, char in enumerate(text):
        if char not in "'\"":
            out.append(char)
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        opening = before in _OPENING_AFTER and not after.isspace()
        if char == '"':
            out.append("\u201c" if opening else "\u201d")
        elif opening and not after.isdigit():  # '94 is an elision: ’94
            out.append("\u2018")
        else:
            out.append("\u2019")
    return "".join(out)


def typeset(text: str) -> str:
    """Both, for anything printed from typed text."""
    return curly_quotes(tie_abbreviations(text))
