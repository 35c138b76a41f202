"""An open register: the database and the use cases over it, for the GUI and the CLI alike."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from sciapp.services.activities.gifts import GiftService
from sciapp.services.activities.service import ActivityService
from sciapp.services.changes import Changes
from sciapp.services.clock import utc_now
from sciapp.services.documents.letterheads import address_of
from sciapp.services.documents.service import DocumentService
from sciapp.services.meetings.bodies import BodyService
from sciapp.services.meetings.closed_sessions import ClosedSessionService
from sciapp.services.meetings.minutes import MinutesService
from sciapp.services.meetings.service import MeetingService
from sciapp.services.partnerships.contacts import ContactService
from sciapp.services.partnerships.laws import PartnerLawService
from sciapp.services.partnerships.membership import MembershipService
from sciapp.services.partnerships.service import PartnershipService
from sciapp.services.reports.annual import AnnualReportService
from sciapp.services.reports.dashboard import Dashboard, build_dashboard
from sciapp.services.reports.gift_register import GiftRegisterService
from sciapp.services.reports.sealed_copies import SEALED_COPIES
from sciapp.services.reports.travel import TravelRequestService
from sciapp.services.safekeeping.audit import AuditService
from sciapp.services.safekeeping.seals import SealService
from sciapp.services.safekeeping.service import SafekeepingService
from sciapp.services.votes.service import MotionService

__all__ = ["Workspace"]

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable
    from pathlib import Path

    from sciapp.storage.database import Database


@dataclass
class Workspace:
    db: Database
    partnerships: PartnershipService = field(init=False)
    partner_laws: PartnerLawService = field(init=False)
    bodies: BodyService = field(init=False)
    meetings: MeetingService = field(init=False)
    minutes: MinutesService = field(init=False)
    motions: MotionService = field(init=False)
    closed_sessions: ClosedSessionService = field(init=False)
    activities: ActivityService = field(init=False)
    gifts: GiftService = field(init=False)
    contacts: ContactService = field(init=False)
    membership: MembershipService = field(init=False)
    annual_report: AnnualReportService = field(init=False)
    gift_register: GiftRegisterService = field(init=False)
    travel: TravelRequestService = field(init=False)
    documents: DocumentService = field(init=False)
    audit: AuditService = field(init=False)
    seals: SealService = field(init=False)
    safekeeping: SafekeepingService = field(init=False)
    is_demo: bool = False
    _closed: bool = field(default=False, repr=False)
    # What stamps the writes that record when they were made (status events, updated_at).
    clock: Callable[[], dt.datetime] = field(default=utc_now, repr=False)

    def __post_init__(self) -> None:
        self.partnerships = PartnershipService(self.db, self.clock)
        self.partner_laws = PartnerLawService(self.db, address_of=address_of)
        self.bodies = BodyService(self.db)
        self.meetings = MeetingService(self.db)
        self.minutes = MinutesService(self.db, snapshots=SEALED_COPIES)
        self.motions = MotionService(self.db, self.clock, snapshots=SEALED_COPIES)
        self.closed_sessions = ClosedSessionService(self.db)
        self.activities = ActivityService(self.db, self.clock)
        self.gifts = GiftService(self.db)
        self.contacts = ContactService(self.db)
        self.membership = MembershipService(self.db)
        self.annual_report = AnnualReportService(self.db, self.clock)
        self.gift_register = GiftRegisterService(self.db, self.clock)
        self.documents = DocumentService(self.db, snapshots=SEALED_COPIES)
        self.travel = TravelRequestService(
            self.activities, self.contacts, self.documents, self.meetings
        )
        self.audit = AuditService(self.db)
        self.seals = SealService(self.db, SEALED_COPIES)
        self.safekeeping = SafekeepingService(self.db)

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Hear what every committed write touched, from now on; returns how to stop."""
        return self.db.changes.subscribe(lambda touched: listener(Changes.of(touched)))

    def dashboard(
        self,
        today: dt.date,
        country_name: Callable[[str], str] = str,
        locale: str = "en_US",
        dormant_years: int | None = None,
        awards_due: dt.date | Literal["setting"] | None = "setting",
    ) -> Dashboard:
        """What needs attention today; `dormant_years` None and `awards_due` "setting": the
        commission's settings (awards_due None: not set)."""
        from sciapp.services.reports.dormant import dormant_ties
        from sciapp.services.reports.sci_lines import sci_lines

        years = dormant_years if dormant_years is not None else setting_dormant_years()
        due = setting_awards_due() if isinstance(awards_due, str) else awards_due
        return build_dashboard(
            self.bodies,
            self.meetings,
            self.partnerships,
            today,
            country_name,
            locale,
            closed=self.closed_sessions,
            laws=self.partner_laws,
            dormant=dormant_ties(self.db, today, years),
            dormant_years=years,
            sci=sci_lines(self.membership.year(today.year), due, today, locale),
        )

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def schema_version(self) -> int:
        return self.db.schema_version

    @property
    def revision(self) -> str:
        return self.db.revision

    @property
    def created(self) -> bool:
        """True when this open created the file (a first start)."""
        return self.db.created

    @property
    def location(self) -> str:
        """The file, or the server address without its password."""
        return self.db.location

    @property
    def is_file(self) -> bool:
        return self.db.is_file

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @property
    def backup_made(self) -> Path | None:
        return self.db.backup_made

    def close(self) -> None:
        if not self.is_demo and not self._closed:
            self.seals.remember_heads()  # the anchor that shows a chain's tail cut off later
        self._closed = True
        self.db.close()
        if self.is_demo:  # the demo lives only as long as the session that made it
            shutil.rmtree(self.path.parent, ignore_errors=True)


def setting_dormant_years() -> int:
    """The years after which a quiet tie is due for review (the settings' `dormant_years`)."""
    from sciapp.config import AppPaths
    from sciapp.settings import load_settings

    return load_settings(AppPaths.from_environment().config_dir).dormant_years


def setting_awards_due() -> dt.date | None:
    """When SCI's Annual Awards entries are due (the settings' `sci_awards_due`), if set."""
    from sciapp.config import AppPaths
    from sciapp.settings import load_settings

    return load_settings(AppPaths.from_environment().config_dir).awards_due
