"""The archival copy of a tagged PDF: PDF/A-2b (ISO 19005-2, level B), or PDF/A-3b when a
file goes with it (the minutes' Popolo JSON, an associated file: a self-describing record).

pikepdf's PDF/A support does the work and checks it: `pikepdf.pdfa.save` sets the sRGB output
intent (the ICC profile pikepdf ships), writes the XMP declaration (pdfaid part and
conformance) with the Info dictionary agreeing, then reads back the bytes it wrote and
validates them, so what comes out has passed. The structure tree, /Lang and DisplayDocTitle
stay, so a screen reader reads the archival copy as it reads the posted one; the XMP loses
the PDF/UA identifier, which PDF/A-2 admits only with an extension schema that pikepdf's
validator does not approve (the file "for posting" is the PDF/UA one). The documents embed
every font (TrueType subsets) and draw nothing transparent except a seal's soft mask, which
PDF/A-2 allows."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True)
class Attachment:
    """A file carried inside the PDF/A-3 and named by it as its data (AFRelationship)."""

    name: str  # "minutes-2022-03-16.popolo.json"
    data: bytes
    mime_type: str = "application/json"
    description: str = ""


class ArchivalError(Exception):
    """The file did not pass pikepdf's PDF/A validation; the message says what failed."""


def archival(
    pdf: bytes, attachments: Sequence[Attachment] = (), flavour: str | None = None
) -> bytes:
    """`pdf` as PDF/A-2b, or PDF/A-3b with `attachments` embedded; `flavour` "1b" for the
    PDF/A-1b an older archive's tools (Apache PDFBox Preflight) check."""
    import pikepdf
    from pikepdf import pdfa

    flavour = flavour or ("3b" if attachments else "2b")
    if attachments and flavour != "3b":
        raise ValueError("only PDF/A-3 carries attached files")
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:  # ReportLab's empty page transition: nothing to keep
            if "/Trans" in page.obj and not page.obj.Trans.keys():
                del page.obj["/Trans"]
        associated = pikepdf.Array()
        for attachment in attachments:
            spec = pikepdf.AttachedFileSpec(
                doc,
                attachment.data,
                description=attachment.description,
                filename=attachment.name,
                mime_type=attachment.mime_type,
                relationship=pikepdf.Name.Data,
            )
            doc.attachments[attachment.name] = spec
            associated.append(spec.obj)
        if attachments:
            doc.Root.AF = associated
        out = io.BytesIO()
        try:
            pdfa.save(doc, out, flavour, output_intent="sRGB", deterministic_id=True)
        except pdfa.PdfaError as exc:
            problems = "; ".join(str(finding) for finding in exc.report.findings[:5])
            raise ArchivalError(f"not a valid PDF/A-{flavour}: {problems}") from exc
    return out.getvalue()
