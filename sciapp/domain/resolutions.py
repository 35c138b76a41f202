"""A resolution's status, and "sealed means locked": one place for the words and the rule that
services, the GUI, the CLI and the printed documents share."""

from __future__ import annotations

from enum import StrEnum

from sciapp.domain.votes import Result


class ResolutionStatus(StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return self.value.capitalize()


RESOLUTION_STATUSES = tuple(s.value for s in ResolutionStatus)


def status_from_vote(result: Result | None) -> ResolutionStatus:
    """A linked motion's vote decides: adopted or failed; not yet voted on, a draft."""
    if result is Result.ADOPTED:
        return ResolutionStatus.ADOPTED
    if result is Result.FAILED:
        return ResolutionStatus.FAILED
    return ResolutionStatus.DRAFT


def is_locked(status: str, sealed: bool) -> bool:
    """Adopted or sealed: its text, status, date and adopting vote can no longer change;
    changing the decision is a new motion (rescind, amend) or a new resolution."""
    return status == ResolutionStatus.ADOPTED or sealed
