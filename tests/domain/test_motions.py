"""The vocabulary of motions and resolutions, and the rules that go with the words."""

import datetime as dt

from sciapp.domain.bodies import BodyKind
from sciapp.domain.dates import PartialDate
from sciapp.domain.motions import (
    RESCINDING,
    MotionKind,
    PartnershipAction,
    action_change,
    actions_for,
    decider_for,
    instrument,
)
from sciapp.domain.resolutions import (
    RESOLUTION_STATUSES,
    ResolutionStatus,
    is_locked,
    status_from_vote,
)
from sciapp.domain.status import Decider, Status
from sciapp.domain.votes import Result

P = PartnershipAction


def test_the_actions_a_motion_can_take_follow_the_partnerships_status():
    assert actions_for(Status.ACTIVE) == (P.SUSPEND, P.TERMINATE)
    assert actions_for(Status.SUSPENDED) == (P.REINSTATE, P.TERMINATE)
    assert actions_for(Status.PROPOSED) == (P.ESTABLISH, P.TERMINATE)
    assert actions_for(Status.TERMINATED) == ()
    assert {a: a.status for a in P} == {
        P.ESTABLISH: Status.ACTIVE,
        P.SUSPEND: Status.SUSPENDED,
        P.REINSTATE: Status.ACTIVE,
        P.TERMINATE: Status.TERMINATED,
    }


def test_who_decides_and_the_instrument_come_from_the_vote_not_its_sentence():
    assert decider_for(BodyKind.COUNCIL) is Decider.CITY_COUNCIL
    assert decider_for(BodyKind.COMMISSION) is Decider.COMMISSION
    assert decider_for(BodyKind.COMMITTEE) is Decider.COMMITTEE
    day = dt.date(2022, 3, 8)
    assert instrument("Norfolk City Council", day, Result.ADOPTED, 7, 0) == (
        "Norfolk City Council motion of March 8, 2022, adopted 7–0"
    )
    assert instrument("Commission", day, Result.ADOPTED, 4, 1, 2).endswith(
        "adopted 4–1, 2 abstaining"
    )
    assert len(instrument("C" * 300, day, Result.ADOPTED, 1, 0)) == 200


def test_an_actions_status_event_takes_effect_on_the_meeting_day():
    day = dt.date(2022, 3, 8)
    change = action_change(P.TERMINATE, day, Decider.COMMISSION, "x", "why", "until")
    assert change.status is Status.TERMINATED
    assert change.effective == PartialDate.from_date(day)
    assert change.condition == ""  # only a suspension carries a condition
    assert action_change(P.SUSPEND, day, Decider.COMMISSION, "x", "why", "until").condition


def test_motion_kinds():
    assert [k for k in MotionKind if k.changes_adopted] == [
        MotionKind.RESCIND,
        MotionKind.AMEND_ADOPTED,
    ]
    assert RESCINDING == (MotionKind.RESCIND,)
    assert MotionKind.PARTNERSHIP.label == "Partnership action"


def test_resolution_statuses_and_sealed_means_locked():
    assert RESOLUTION_STATUSES == ("draft", "adopted", "failed", "withdrawn")
    assert status_from_vote(Result.ADOPTED) is ResolutionStatus.ADOPTED
    assert status_from_vote(Result.FAILED) is ResolutionStatus.FAILED
    assert status_from_vote(None) is ResolutionStatus.DRAFT
    assert is_locked("adopted", sealed=False)
    assert is_locked("draft", sealed=True)
    assert not is_locked("failed", sealed=False)
    assert ResolutionStatus.WITHDRAWN.label == "Withdrawn"
