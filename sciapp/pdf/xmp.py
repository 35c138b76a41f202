"""The XMP metadata packet of a tagged PDF (ISO 16684-1): what the document information
dictionary says (title, author, subject, keywords, producer, creator tool, dates), the
document's language and the PDF/UA identifier (pdfuaid:part 1, ISO 14289-1 §5), as the same
Dublin Core, PDF and XMP properties pikepdf writes from an Info dictionary. Written as text
with the values escaped: no XML library is loaded to make a PDF."""

from __future__ import annotations

import re
from typing import Any

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


def clean(value: str) -> str:
    """`value` less the control characters XML cannot carry (the Info dictionary's text is
    cleaned alike, so the two agree)."""
    return _NOT_XML.sub("", value)


def _text(value: str) -> str:
    value = clean(value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xmp_date(stamp: Any) -> str:
    """ReportLab's TimeStamp (the Info dictionary's dates) as an XMP date."""
    year, month, day, hour, minute, second = stamp.YMDhms
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{stamp.dhh:+03d}:{stamp.dmm:02d}"
    )


def packet(
    *,
    title: str,
    author: str,
    subject: str,
    keywords: str,
    producer: str,
    creator: str,
    stamp: Any,
    lang: str,
) -> bytes:
    """The packet, UTF-8, for the catalog's /Metadata stream."""
    date = xmp_date(stamp)
    properties = [
        f"<dc:creator><rdf:Seq><rdf:li>{_text(author)}</rdf:li></rdf:Seq></dc:creator>"
        if author
        else "",
        _alt("dc:description", subject),
        _alt("dc:title", title),
        f"<pdf:Keywords>{_text(keywords)}</pdf:Keywords>" if keywords else "",
        f"<pdf:Producer>{_text(producer)}</pdf:Producer>" if producer else "",
        f"<xmp:CreateDate>{date}</xmp:CreateDate>",
        f"<xmp:CreatorTool>{_text(creator)}</xmp:CreatorTool>" if creator else "",
        f"<xmp:ModifyDate>{date}</xmp:ModifyDate>",
        f"<dc:language><rdf:Bag><rdf:li>{_text(lang)}</rdf:li></rdf:Bag></dc:language>",
        "<pdfuaid:part>1</pdfuaid:part>",
    ]
    body = "\n  ".join(p for p in properties if p)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        f"  {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>\n'
    ).encode()


def _alt(name: str, value: str) -> str:
    if not value:
        return ""
    item = f'<rdf:li xml:lang="x-default">{_text(value)}</rdf:li>'
    return f"<{name}><rdf:Alt>{item}</rdf:Alt></{name}>"
