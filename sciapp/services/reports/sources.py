"""What the report builders read: the register's services. The Workspace meets it; a
report takes this, not the Workspace, so reports never reach up to the room that holds
them (tests/test_architecture.py keeps the services' arrows one way)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sciapp.services.documents.service import DocumentService
    from sciapp.services.meetings.bodies import BodyService
    from sciapp.services.meetings.minutes import MinutesService
    from sciapp.services.meetings.service import MeetingService
    from sciapp.services.partnerships.laws import PartnerLawService
    from sciapp.storage.database import Database


class ReportSources(Protocol):
    db: Database
    bodies: BodyService
    meetings: MeetingService
    minutes: MinutesService
    documents: DocumentService
    partner_laws: PartnerLawService

    @property
    def location(self) -> str: ...
