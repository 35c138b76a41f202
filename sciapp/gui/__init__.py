"""The PySide6 desktop app. Changes data only through sciapp.services."""
