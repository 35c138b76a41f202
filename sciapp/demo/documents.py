"""The demo's letterheads and signers (the commission's is the general one, the City
Council has its own), a resolution of the council, and a letter from each side."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sciapp.services.documents.records import (
    DocumentSettings,
    LetterheadSettings,
    Person,
    ResolutionDraft,
)
from sciapp.services.documents.templates import TEMPLATES, template_draft

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace

PREAMBLE = (
    "on February 24, 2022, the armed forces of the Russian Federation invaded Ukraine",
    "the City of Lansing and the City of St. Petersburg, Russia (Санкт-Петербург), have been "
    "sister cities since 1994, through a youth exchange funded by the Kellogg Foundation",
    "Sister Cities International urges its members to keep relationships active, because "
    "suspending one closes a channel of communication",
    "CONDEMNING the invasion & the suffering it causes, the City Council nonetheless values "
    "the friendships between the people of both cities",
)
OPERATIVE = (
    "the sister-city relationship with St. Petersburg, Russia, is suspended until peace and "
    "Ukraine's sovereignty are restored",
    "the Lansing Regional Sister Cities Commission is asked to keep people-to-people contacts "
    "open where they are safe for the participants",
)


def seed_letterheads(workspace: Workspace, council_id: int) -> None:
    """The commission's letterhead is the general one; the City Council has its own."""
    workspace.documents.save_settings(
        DocumentSettings(
            name="Lansing Regional Sister Cities Commission",
            address=("124 W. Michigan Avenue", "Lansing, Michigan 48933"),
            phone="(517) 483-4141",
            web="lansingmi.gov",
            presiding=Person("Margaret Okafor", "Chair"),
            clerk=Person("Yuki Tanaka-Brown", "Secretary"),
        )
    )
    workspace.bodies.set_letterhead(
        council_id,
        LetterheadSettings(
            name="City of Lansing — City Council",
            address=("124 W. Michigan Avenue, 10th Floor", "Lansing, Michigan 48933"),
            phone="(517) 483-4177",
            web="lansingmi.gov/council",
            presiding=Person("Carol Whitaker", "Council President"),
            clerk=Person("Andrea Lopez", "City Clerk"),
        ),
    )


def seed_documents(workspace: Workspace, today: dt.date) -> None:
    documents = workspace.documents
    council = workspace.bodies.find_body("Lansing City Council")
    resolution = documents.create_resolution(
        ResolutionDraft(
            "A resolution of the City Council of the City of Lansing suspending the sister-city "
            "relationship with St. Petersburg, Russia",
            council.id,
            PREAMBLE,
            OPERATIVE,
            (
                "the Mayor of St. Petersburg",
                "the Embassy of the Russian Federation",
                "Sister Cities International",
                "the Lansing Regional Sister Cities Commission",
            ),
        ),
        year=2022,
    )
    motion = next(m for m in workspace.motions.all_motions() if m.body_id == council.id)
    documents.link_motion(resolution.number, motion.id)
    spb = next(r for r in workspace.partnerships.list_rows() if r.partner_city == "St. Petersburg")
    detail = workspace.partnerships.get(spb.id)
    commission = "Lansing Regional Sister Cities Commission"
    day_18 = dt.date(2022, 3, 18)
    for key, day in (("keep-partnership", dt.date(2022, 3, 10)), ("suspension-notice", day_18)):
        writer = documents.letter_writer(TEMPLATES[key]["from"], day)  # the side that writes
        documents.save_letter(
            template_draft(key, detail, commission, day, (writer.signer,), writer.body_id)
        )
