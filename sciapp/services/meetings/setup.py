"""A first start: the commission's own body and letterhead, from a few answers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from sciapp.domain.bodies import BodyKind, Profile
from sciapp.services.errors import ValidationError

if TYPE_CHECKING:
    from sciapp.services.documents.service import DocumentService
    from sciapp.services.meetings.bodies import BodyRecord, BodyService


class SetupServices(Protocol):
    """What a first start needs of the open register (the Workspace has both)."""

    @property
    def bodies(self) -> BodyService: ...

    @property
    def documents(self) -> DocumentService: ...


@dataclass(frozen=True)
class CommissionSetup:
    name: str  # "Lansing Regional Sister Cities Commission"
    city: str  # "Lansing, Michigan"
    profile: Profile | None  # None: not chosen yet, refused (no state's rules are assumed)
    seats: int = 7


def set_up_commission(workspace: SetupServices, setup: CommissionSetup) -> BodyRecord:
    """Create the commission and put its name and city on the letterhead."""
    errors = {}
    if not setup.name.strip():
        errors["name"] = "enter the commission's name"
    if not setup.city.strip():
        errors["city"] = "enter the city and state"
    if setup.profile is None:
        errors["profile"] = "choose the open-meetings rules your state sets"
    if errors:
        raise ValidationError(errors)
    assert setup.profile is not None
    body = workspace.bodies.create_body(
        setup.name.strip(), BodyKind.COMMISSION, setup.seats, setup.profile
    )
    settings = workspace.documents.settings()
    workspace.documents.save_settings(
        replace(settings, name=setup.name.strip(), address=(setup.city.strip(),))
    )
    return body
