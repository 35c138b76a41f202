"""The two PDFs a document is saved as: "for posting" (the tagged, accessible PDF every
render makes: PDF/UA-1's structure, /Lang, XMP) and "archival" (the same as PDF/A-2b, for
records kept five years or more). Save as PDF, Print to a file and `sciapp render
--archival` all come here."""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from typing import TYPE_CHECKING

from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    from sciapp.pdf.model import Rendered


class PdfKind(Enum):
    POSTING = "posting"
    ARCHIVAL = "archival"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS = {
    PdfKind.POSTING: "For posting (accessible PDF)",
    PdfKind.ARCHIVAL: "Archival (PDF/A)",
}


def as_kind(rendered: Rendered, kind: PdfKind) -> Rendered:
    """The rendered document as `kind`: for posting as it is, archival as PDF/A-2b."""
    if kind is PdfKind.POSTING:
        return rendered
    from sciapp.pdf.archival import ArchivalError, archival

    try:
        return replace(rendered, pdf=archival(rendered.pdf))
    except ArchivalError as exc:
        raise ServiceError(f"The archival (PDF/A) copy could not be made: {exc}") from exc
