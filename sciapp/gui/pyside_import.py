"""PySide6's import hook, made light.

Once PySide6 is imported, its `__feature__` support looks at every module imported after it
to learn whether that module uses PySide6: it asks `inspect.getsource`, which reads each file
into `linecache` and keeps it there. For the few hundred modules sciapp's start imports
(SQLAlchemy's among them) that cost a tenth of the start and some 20 MB held for the whole
session. The same question is answered here by reading the file's bytes once, keeping nothing.
sciapp uses no `__feature__` switching; the answer stays the same either way.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

_MARK = "_sciapp_light"


def lighten_import_hook() -> None:
    """Replace the hook's source scan; does nothing on a PySide6 without it."""
    import PySide6.QtCore  # noqa: F401  (installs the hook and its module)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, _MARK, False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))  # built-in, compiled or frozen: as PySide6 does
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return False  # as inspect's "could not get source code"

    setattr(uses_pyside, _MARK, True)
    # The hook is PySide6's private, unstubbed function: replacing it is this module's point.
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]  # noqa: SLF001  # unstubbed
