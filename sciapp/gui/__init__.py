"""The PySide6 desktop app. Changes data only through sciapp.services."""

from sciapp.gui.pyside_import import lighten_import_hook

# Before any area's module: every import after PySide6's would otherwise be read for its hook.
lighten_import_hook()
