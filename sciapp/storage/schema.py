"""Which schema this build knows, readable without importing Alembic.

A test checks these against the migration scripts, so they cannot drift apart.
"""

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
)
HEAD = KNOWN_REVISIONS[-1]


def schema_number(revision: str | None) -> int:
    """Revision "0001" is schema version 1; no revision is version 0 (an empty file)."""
    return int(revision) if revision else 0
