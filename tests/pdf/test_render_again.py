"""A document rendered again is made from what the first render kept: the letterhead, the
continuation header, an inside address and the copies list use the same style objects every
time, so their parses and line breaks are found, not made and kept anew (which would fill the
tables until they are emptied, and every render after that would start cold)."""

from __future__ import annotations

from sciapp.pdf import paragraphs
from sciapp.pdf.letter import render_letter
from sciapp.pdf.meeting_docs import render_minutes
from sciapp.pdf.resolution import render_resolution
from tests.pdf.test_resolution import resolution
from tests.pdf.test_tagged import letter, long_minutes


def render_all() -> list[bytes]:
    return [
        render_resolution(resolution(distribution=("the Mayor", "the partner city"))).pdf,
        render_resolution(resolution(preamble=tuple(f"clause {i} " * 40 for i in range(30)))).pdf,
        render_letter(letter()).pdf,
        render_minutes(long_minutes()).pdf,
    ]


def test_rendering_again_keeps_nothing_new():
    render_all()
    parsed, wrapped = len(paragraphs._parsed), len(paragraphs._wrapped)
    assert parsed > 0
    render_all()
    assert (len(paragraphs._parsed), len(paragraphs._wrapped)) == (parsed, wrapped)
