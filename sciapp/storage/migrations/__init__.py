"""Alembic migration scripts, numbered 0001, 0002, … and applied at start."""
