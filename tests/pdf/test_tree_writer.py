"""The structure tree, catalog entries and XMP written in ReportLab's own pass: no second
pass through pikepdf; a title with markup characters, another script and a control character
comes out in the XMP as in the Info dictionary; the Info dictionary says only what XMP says."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

from sciapp.pdf.archival import archival
from sciapp.pdf.letter import render_letter
from sciapp.pdf.resolution import render_resolution
from sciapp.pdf.xmp import packet
from tests.pdf.structure import coverage_problems, open_pdf
from tests.pdf.test_resolution import HEAD, resolution
from tests.pdf.test_tagged import letter


def test_a_tagged_pdf_is_made_without_pikepdf():
    script = (
        "import sys\n"
        "from sciapp.pdf.resolution import render_resolution\n"
        "from tests.pdf.test_resolution import resolution\n"
        "assert b'/StructTreeRoot' in render_resolution(resolution()).pdf\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pikepdf', 'lxml')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_markup_and_other_scripts_reach_the_xmp_as_the_info_says_them():
    title = 'Friends & "neighbours" <Калининград> — 大津市'
    head = replace(HEAD, name="Norfolk & Kaliningrad <Commission>")
    pdf = render_resolution(resolution(title=title, letterhead=head)).pdf
    with open_pdf(pdf) as doc:
        meta = doc.open_metadata()
        assert meta["dc:title"] == str(doc.docinfo.Title)
        assert meta["dc:title"].endswith(title)
        assert meta["dc:creator"] == [str(doc.docinfo.Author)] == [head.name]
        assert meta["dc:description"] == str(doc.docinfo.Subject)
        assert meta["xmp:CreatorTool"] == str(doc.docinfo.Creator)
        assert meta["pdf:Producer"] == str(doc.docinfo.Producer)
        assert set(meta["dc:language"]) == {"en-US"}
        assert meta["pdfuaid:part"] == "1"
        assert "/Trapped" not in doc.docinfo  # no XMP equivalent
        assert "/Keywords" not in doc.docinfo  # empty: XMP leaves it out
    assert coverage_problems(pdf) == []
    with open_pdf(archival(pdf)) as copy:
        assert copy.open_metadata().pdfa_status == "2B"


def test_a_control_character_is_left_out_of_both():
    pdf = render_resolution(resolution(title="Bell\x07 and tab\tstop")).pdf
    with open_pdf(pdf) as doc:
        meta = doc.open_metadata()
        assert meta["dc:title"] == str(doc.docinfo.Title)
        assert meta["dc:title"].endswith("Bell and tab\tstop")


def test_the_dates_agree_with_the_info_dictionary():
    pdf = render_letter(letter()).pdf
    with open_pdf(pdf) as doc:
        meta = doc.open_metadata()
        created = str(doc.docinfo.CreationDate)  # D:YYYYMMDDHHmmSS+hh'mm'
        xmp_date = meta["xmp:CreateDate"]  # YYYY-MM-DDTHH:mm:SS+hh:mm
        digits = "".join(c for c in xmp_date[:19] if c.isdigit())
        assert created.startswith("D:" + digits)
        assert meta["xmp:ModifyDate"] == xmp_date


def test_the_packet_is_well_formed_xml_whatever_the_text():
    from xml.etree import ElementTree

    class Stamp:
        YMDhms = (2022, 3, 8, 19, 5, 0)
        dhh, dmm = -5, 0

    data = packet(
        title="a & b < c > d \x00\x1f",
        author="",
        subject="]]> &amp;",
        keywords="one, two",
        producer="p",
        creator="c",
        stamp=Stamp(),
        lang="en-US",
    )
    ElementTree.fromstring(data.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
    text = data.decode()
    assert "2022-03-08T19:05:00-05:00" in text
    assert "dc:creator" not in text  # no author: left out, as the Info dictionary leaves it
    assert "a &amp; b &lt; c &gt; d " in text
