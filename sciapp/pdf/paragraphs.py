"""ReportLab's Paragraph, remembering its work: the same text in the same style is parsed once,
and broken into lines once per width.

Parsing the markup and breaking it into lines are most of the time a document takes to lay
out. A clerk's live preview renders the document again after every pause in typing, with all
but one clause unchanged, and Save as PDF or Print renders what the preview just showed; so
the parsed fragments and the line breaks are kept, keyed by the markup, the style object and
the width. What is kept is only ever read afterwards (drawing and splitting make new
fragments), so two renders may share it, even from two threads; the PDF is byte for byte the
one ReportLab makes without it (tests/pdf/test_paragraph_cache.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import paragraph as _rl

from sciapp.pdf.tagging import marked

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

    from sciapp.pdf.tagging import Element

LIMIT = 4096  # entries kept in each table; both are emptied when one is full
# What wrap() and breakLines() leave on a paragraph, for drawing and splitting it.
_WRAP_STATE = (
    "blPara",
    "frags",
    "width",
    "height",
    "_wrapWidths",
    "_width_max",
    "_splitLongWordCount",
    "_hyphenations",
)
_parsed: dict[tuple[Any, ...], tuple[Any, ...]] = {}
_wrapped: dict[tuple[Any, ...], dict[str, Any]] = {}


def forget() -> None:
    """Drop everything kept (tests; fonts registered anew)."""
    _parsed.clear()
    _wrapped.clear()


class TaggedParagraph(_rl.Paragraph):
    """ReportLab's Paragraph, drawn as its structure element in a tagged PDF (pdf/tagging.py)."""

    tag: Element | None = None  # the structure element this paragraph is drawn as

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts = super().split(avail_width, avail_height)
        for part in parts:
            if isinstance(part, TaggedParagraph):
                part.tag = self.tag  # a paragraph across two pages is one element
        return parts

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803  # ReportLab passes _sW by name
        with marked(canvas, self.tag):
            super().drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]  # the stub lacks _sW


class Paragraph(TaggedParagraph):
    """A drop-in Paragraph whose parse and line breaks are kept for the next one alike."""

    _key: tuple[Any, ...] | None = None

    def _setup(
        self,
        text: object,
        style: ParagraphStyle,
        bullet_text: object,
        frags: object,
        cleaner: object,
    ) -> None:
        if frags is not None or not isinstance(text, str) or not _plain(bullet_text):
            self._key = None  # made by a split, or with a bullet of fragments: as ReportLab
            # ReportLab's own parse:
            return super()._setup(text, style, bullet_text, frags, cleaner)  # type: ignore[misc]  # private, not in the stub
        key = (text, id(style), bullet_text, self.caseSensitive)
        kept = _parsed.get(key)
        if kept is None or kept[0] is not style:
            super()._setup(text, style, bullet_text, frags, cleaner)  # type: ignore[misc]  # private, not in the stub
            if len(_parsed) >= LIMIT:
                forget()
            # The style is kept too: its id stays its own while the entry lives.
            _parsed[key] = (style, self.text, self.frags, self.style, self.bulletText)
        else:
            _style, self.text, self.frags, self.style, self.bulletText = kept
            self.debug = 0
        self._key = key
        return None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        key = self._key
        # ReportLab's width tolerance:
        if key is None or avail_width < _rl._FUZZ:  # type: ignore[attr-defined]  # noqa: SLF001  # private, no stub
            return super().wrap(avail_width, avail_height)
        wrap_key = (key, avail_width)
        kept = _wrapped.get(wrap_key)
        if kept is not None and kept["style"] is self.style:
            self.__dict__.update(kept["state"])
            return self.width, self.height
        result = super().wrap(avail_width, avail_height)
        state = {name: getattr(self, name) for name in _WRAP_STATE if hasattr(self, name)}
        if len(_wrapped) >= LIMIT:
            forget()
        _wrapped[wrap_key] = {"style": self.style, "state": state}
        return result


def _plain(bullet: object) -> bool:
    return bullet is None or isinstance(bullet, str)
