"""Font subsets, made and compressed once.

Every PDF embeds the subset of each font that its text uses. ReportLab builds that subset
from the font file and deflates it anew for every document, though a clerk's documents use
the same few letters again and again: after the first render the subset (keyed by the face
and its characters) and its compressed stream are kept, and so are each subset's /Widths
array as written (a few hundred numbers, formatted one by one otherwise) and its ToUnicode
map with its compressed stream. The bytes are the
ones ReportLab would make: the subset depends only on the face and the characters, its tag
is written outside it, and a number is written the same in every document.
"""

from __future__ import annotations

import threading
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, ttfonts

LIMIT = 256  # subsets kept; all are dropped when full
_MARK = "_sciapp_kept"
_lock = threading.Lock()
_subsets: dict[tuple[int, tuple[int, ...]], tuple[Any, bytes]] = {}
_compressed: dict[int, tuple[Any, bytes]] = {}  # id(subset or map) → (it, deflated)
_cmaps: dict[tuple[str, tuple[int, ...]], str] = {}  # (subset's name, characters) → map
_arrays: dict[tuple[Any, ...], bytes] = {}  # (numbers, layout) → the array as written
NUMBERS = 32  # arrays of at least this many plain numbers are kept: a font's widths
ORIGINAL: dict[str, Any] = {}  # ReportLab's own, once replaced (the tests compare)


def keep_subsets() -> None:
    """Install the keeping, once per process (called when the fonts are registered)."""
    with _lock:
        if getattr(ttfonts.TTFontFace.makeSubset, _MARK, False):
            return
        make = ORIGINAL["makeSubset"] = ttfonts.TTFontFace.makeSubset
        encode = ORIGINAL["encode"] = pdfdoc.PDFZCompress.encode

        def make_subset(face: Any, subset: Any) -> bytes:
            key = (id(face), tuple(subset))
            kept = _subsets.get(key)
            if kept is not None and kept[0] is face:
                return kept[1]
            data = make(face, subset)
            if len(_subsets) >= LIMIT:
                forget()
            _subsets[key] = (face, data)  # the face is kept too: its id stays its own
            _compressed[id(data)] = (data, b"")
            return data

        make_map = ORIGINAL["makeToUnicodeCMap"] = ttfonts.makeToUnicodeCMap

        def make_cmap(fontname: str, subset: Any) -> str:
            key = (fontname, tuple(subset))
            text = _cmaps.get(key)
            if text is None:
                text = make_map(fontname, subset)
                if len(_cmaps) >= LIMIT:
                    forget()
                _cmaps[key] = text
            _compressed.setdefault(id(text), (text, b""))  # the map is kept: its id too
            return text

        def deflate(text: Any) -> bytes:
            kept = _compressed.get(id(text))
            if kept is None or kept[0] is not text:
                return encode(text)  # a page's content: new every time
            if not kept[1]:
                _compressed[id(text)] = (text, encode(text))
            return _compressed[id(text)][1]

        array_format = ORIGINAL["array_format"] = pdfdoc.PDFArray.format

        def format_array(array: Any, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803
            numbers = array.sequence
            if len(numbers) < NUMBERS or not all(type(n) in (int, float) for n in numbers):
                return array_format(array, document, IND)
            key = (tuple(numbers), array.multiline, rl_config.pdfMultiLine, IND)
            kept = _arrays.get(key)
            if kept is None:
                if len(_arrays) >= LIMIT:
                    _arrays.clear()
                kept = _arrays[key] = array_format(array, document, IND)
            return kept

        setattr(make_subset, _MARK, True)
        # Replacing ReportLab's methods is this function's point:
        ttfonts.TTFontFace.makeSubset = make_subset  # type: ignore[method-assign,assignment]  # patch
        pdfdoc.PDFZCompress.encode = deflate  # type: ignore[method-assign]  # patch
        ttfonts.makeToUnicodeCMap = make_cmap
        pdfdoc.PDFArray.format = format_array  # type: ignore[method-assign,assignment]  # patch


def forget() -> None:
    _subsets.clear()
    _compressed.clear()
    _cmaps.clear()
    _arrays.clear()
