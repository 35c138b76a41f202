"""Fonts: the shipped Liberation Serif family, and a fallback, character by character, to
fonts found on the system for scripts it lacks (CJK, Arabic …). ReportLab does not fall back
by itself: a character missing from the font would print as an empty box.
"""

from __future__ import annotations

import hashlib
import os
import sys
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from sciapp.pdf.subsets import keep_subsets
from sciapp.resources import resource

if TYPE_CHECKING:
    from collections.abc import Iterator

FONT_DIR = resource("fonts")
FAMILY = "SciSerif"
STYLES = {
    FAMILY: "LiberationSerif-Regular.ttf",
    f"{FAMILY}-Bold": "LiberationSerif-Bold.ttf",
    f"{FAMILY}-Italic": "LiberationSerif-Italic.ttf",
    f"{FAMILY}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
FONT_DIRS_ENV = "SCIAPP_FONT_DIRS"  # os.pathsep-separated; replaces the system folders
# Likelier to cover what Liberation lacks, so tried first.
PREFERRED = (
    "droid",
    "noto",
    "wqy",
    "wenquanyi",
    "ipa",
    "arial unicode",
    "msgothic",
    "simsun",
    "malgun",
    "arabic",
    "dejavu",
    "freeserif",
    "unifont",
)
# Characters that need no glyph of their own.
INVISIBLE = frozenset("\n\r\t\u200b\u200c\u200d\ufeff")


# The font whose subsets ReportLab is naming, while it writes them into a PDF.
_NAMING: ContextVar[str | None] = ContextVar("sciapp_subset_font", default=None)


class TaggedTTFont(TTFont):
    """A TrueType font whose embedded subsets each carry a tag of their own.

    ReportLab tags subset n of every font alike (the first subset of each font is
    "AAAAAA+…"); ISO 32000-1 §9.6.4 wants different subsets in one file to have different
    tags. The tag here comes from the font's name and the subset's number, so the same
    document is the same bytes every time it is rendered."""

    def addObjects(self, doc: object) -> None:
        token = _NAMING.set(self.fontName)
        try:
            super().addObjects(doc)
        finally:
            _NAMING.reset(token)


_REPORTLAB_SUBSETN = ttfonts.SUBSETN


def subset_tag(font: str, subset: int) -> bytes:
    """Six capital letters for subset `subset` of `font`."""
    digest = hashlib.sha256(f"{font}\0{subset}".encode()).digest()
    return bytes(ord("A") + byte % 26 for byte in digest[:6])


def _tag_subset(subset: int) -> bytes:
    font = _NAMING.get()
    return _REPORTLAB_SUBSETN(subset) if font is None else subset_tag(font, subset)


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the shipped family once; returns its name."""
    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping

    # Binary streams as they are, not ASCII85-encoded: smaller files, faster writing.
    rl_config.useA85 = 0
    keep_subsets()  # each document's font subsets made and deflated once, not per PDF
    # ReportLab names subsets through this one function: our fonts get distinct tags.
    ttfonts.SUBSETN = _tag_subset  # type: ignore[assignment]  # replacing it is the point

    for name, filename in STYLES.items():
        pdfmetrics.registerFont(TaggedTTFont(name, str(FONT_DIR / filename)))
    faces: tuple[tuple[Literal[0, 1], Literal[0, 1], str], ...] = (
        (0, 0, ""),
        (1, 0, "-Bold"),
        (0, 1, "-Italic"),
        (1, 1, "-BoldItalic"),
    )
    for bold, italic, suffix in faces:
        addMapping(FAMILY, bold, italic, f"{FAMILY}{suffix}")
    return FAMILY


def system_font_dirs() -> list[Path]:
    configured = os.environ.get(FONT_DIRS_ENV)
    if configured is not None:
        return [Path(p) for p in configured.split(os.pathsep) if p]
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
    ]


def _candidates() -> Iterator[Path]:
    files: list[Path] = []
    for folder in system_font_dirs():
        if folder.is_dir():
            files += [p for p in folder.rglob("*") if p.suffix.lower() in (".ttf", ".ttc")]

    def rank(path: Path) -> tuple[int, str]:
        name = path.name.lower()
        hits = [i for i, word in enumerate(PREFERRED) if word in name]
        return (hits[0] if hits else len(PREFERRED), name)

    yield from sorted(set(files), key=rank)


@dataclass
class FallbackFonts:
    """Finds, loads and remembers which system font covers which character."""

    _loaded: list[tuple[str, frozenset[int]]] = field(default_factory=list)
    _pending: Iterator[Path] | None = None
    _by_char: dict[int, str | None] = field(default_factory=dict)

    def font_for(self, char: str) -> str | None:
        code = ord(char)
        if code in self._by_char:
            return self._by_char[code]
        found = next((name for name, cmap in self._loaded if code in cmap), None)
        if found is None:
            found = self._load_until(code)
        self._by_char[code] = found
        return found

    def _load_until(self, code: int) -> str | None:
        if self._pending is None:
            self._pending = _candidates()
        for path in self._pending:
            for index in range(_faces(path)):
                try:
                    font = TaggedTTFont(
                        f"fallback-{len(self._loaded)}", str(path), subfontIndex=index
                    )
                except (TTFError, OSError, ValueError, KeyError):
                    continue  # CFF outlines, broken or unsupported: ReportLab cannot embed it
                pdfmetrics.registerFont(font)
                cmap = frozenset(font.face.charToGlyph)
                self._loaded.append((font.fontName, cmap))
                if code in cmap:
                    return font.fontName
        return None


def _faces(path: Path) -> int:
    if path.suffix.lower() != ".ttc":
        return 1
    try:
        with open(path, "rb") as handle:
            header = handle.read(12)
        return max(1, int.from_bytes(header[8:12], "big")) if header[:4] == b"ttcf" else 1
    except OSError:
        return 0


@lru_cache(maxsize=1)
def _primary_cmap() -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(FAMILY)
    assert isinstance(font, TTFont)  # register_fonts registered a TrueType font by that name
    return frozenset(font.face.charToGlyph)


@lru_cache(maxsize=1)
def fallback_fonts() -> FallbackFonts:
    return FallbackFonts()


@dataclass
class Shaper:
    """Turns typed text into Paragraph markup: escaped, with fallback fonts where needed.

    `missing` collects the characters no font on this machine has, to tell the user.
    """

    missing: set[str] = field(default_factory=set)

    def markup(self, text: str) -> str:
        primary = _primary_cmap()
        # The shipped fonts cover ASCII, and most text besides: skip the per-character walk.
        if text.isascii() or primary.issuperset(map(ord, text)):
            return escape(text).replace("\n", "<br/>")
        runs: list[tuple[str | None, str]] = []
        for char in text:
            font = None
            if ord(char) not in primary and char not in INVISIBLE:
                font = fallback_fonts().font_for(char)
                if font is None:
                    self.missing.add(char)
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + char)
            else:
                runs.append((font, char))
        parts = []
        for font, chunk in runs:
            safe = escape(chunk).replace("\n", "<br/>")
            parts.append(safe if font is None else f'<font name="{font}">{safe}</font>')
        return "".join(parts)
