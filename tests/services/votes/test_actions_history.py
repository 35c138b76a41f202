"""A motion's adopted action and its correction write the partnership's history through the
one helper the partnership service and the CSV import use: stamped by the injected clock,
the status cache and `updated_at` moving with it."""

import datetime as dt

from sciapp.domain.status import Status
from sciapp.services.partnerships.csv_io import import_csv
from sciapp.services.workspace import Workspace
from tests.services.votes.test_service import (  # noqa: F401 (fixtures)
    A,
    N,
    Y,
    council,
    kaliningrad,
    meeting,
    roll,
    suspend_motion,
)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def stamped(value: object) -> str:
    return str(value).replace(" ", "T")


def test_an_adopted_action_and_its_correction_use_the_services_clock(
    workspace,
    meeting,  # noqa: F811 (the fixture)
    kaliningrad,  # noqa: F811
):
    clock = Clock(dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
    motions = Workspace(workspace.db, clock=clock).motions  # the clock the workspace hands on
    motion = suspend_motion(workspace, meeting, kaliningrad)
    motions.record_roll_call(
        motion.id, roll(meeting, Ada=Y, Ben=Y, Cal=Y, Dee=Y, Eve=Y, Fay=Y, Gus=A)
    )
    detail = workspace.partnerships.get(kaliningrad.id)
    assert detail.status is Status.SUSPENDED
    assert detail.status_since == detail.events[-1].change.effective
    assert stamped(detail.events[-1].recorded_at).startswith("2030-01-02T03:04:05")
    assert stamped(detail.updated_at).startswith("2030-01-02T03:04:05")
    assert detail.events[-1].change.instrument == (
        "Norfolk City Council motion of March 8, 2022, adopted 6–0, 1 abstaining"
    )
    clock.now = dt.datetime(2030, 2, 3, 4, 5, 6, tzinfo=dt.UTC)
    motions.record_roll_call(
        motion.id, roll(meeting, Ada=N, Ben=N, Cal=N, Dee=N, Eve=Y, Fay=Y, Gus=A)
    )
    detail = workspace.partnerships.get(kaliningrad.id)
    assert (detail.status, len(detail.events)) == (Status.ACTIVE, 1)
    assert detail.status_since == detail.events[0].change.effective
    assert stamped(detail.updated_at).startswith("2030-02-03T04:05:06")


def test_the_csv_import_stamps_with_the_clock_it_is_given(workspace):
    clock = Clock(dt.datetime(2031, 5, 6, 7, 8, 9, tzinfo=dt.UTC))
    header = b"kind,partner_city,partner_country,status,status_since\n"
    assert import_csv(workspace.db, header + b"sister,Otsu,JP,suspended,2022\n", clock=clock)
    through_the_workspace = Workspace(workspace.db, clock=clock).partnerships
    assert through_the_workspace.import_csv(header + b"sister,Sakaide,JP,suspended,2022\n")
    rows = workspace.partnerships.list_rows()
    assert sorted(r.partner_city for r in rows) == ["Otsu", "Sakaide"]
    for row in rows:
        detail = workspace.partnerships.get(row.id)
        assert detail.status is Status.SUSPENDED
        assert str(row.status_since) == "2022"
        for value in (detail.created_at, detail.updated_at, detail.events[-1].recorded_at):
            assert stamped(value).startswith("2031-05-06T07:08:09")
