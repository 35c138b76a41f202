"""Every table the app defines, registered on one metadata (for schema checks)."""

from sciapp.storage import (
    activity_models,
    audit_models,
    closed_session_models,
    document_models,
    meeting_models,
    models,
    vote_models,
)

metadata = models.Base.metadata
__all__ = [
    "activity_models",
    "audit_models",
    "closed_session_models",
    "document_models",
    "meeting_models",
    "metadata",
    "vote_models",
]
