"""Every table the app defines, registered on one metadata (for schema checks)."""

from sciapp.storage import (
    audit_models,
    closed_session_models,
    document_models,
    meeting_models,
    models,
    vote_models,
)

metadata = models.Base.metadata
__all__ = [
    "audit_models",
    "closed_session_models",
    "document_models",
    "meeting_models",
    "metadata",
    "vote_models",
]
