"""Typed columns (storage/types.py): the services hand dates, times, lists; the file keeps the
ISO and JSON text it always kept, byte for byte."""

import datetime as dt
import json

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text

from sciapp.domain.bodies import BodyKind, Profile
from sciapp.domain.dates import PartialDate
from sciapp.services.documents.records import ResolutionDraft
from sciapp.services.meetings.records import MeetingDraft
from sciapp.storage.types import (
    HourMinute,
    IsoDate,
    IsoDateTime,
    JsonText,
    PartialDateText,
    StoredValueError,
    empty_list,
    stored_rows,
    stored_table,
    stored_value,
)

UTC = dt.UTC


@pytest.mark.parametrize(
    ("kind", "value", "stored"),
    [
        (IsoDate(10), dt.date(2022, 3, 16), "2022-03-16"),
        (HourMinute(5), dt.time(19, 2), "19:02"),
        (
            IsoDateTime(32),
            dt.datetime(2022, 3, 16, 19, 2, 5, tzinfo=UTC),
            "2022-03-16T19:02:05+00:00",
        ),
        (IsoDateTime(19, "minutes"), dt.datetime(2022, 3, 11, 9, 0), "2022-03-11T09:00"),
        (
            IsoDateTime(32, "milliseconds"),
            dt.datetime(2022, 3, 16, 19, 2, 5, 123000, tzinfo=UTC),
            "2022-03-16T19:02:05.123+00:00",
        ),
        (PartialDateText(10), PartialDate(1968, 5), "1968-05"),
        (PartialDateText(10), PartialDate(1968), "1968"),
        (JsonText(), ["Санкт-Петербург", "a"], json.dumps(["Санкт-Петербург", "a"])),
        (JsonText(), {"yes": ["Ada"]}, '{"yes": ["Ada"]}'),
    ],
)
def test_a_value_is_stored_as_the_text_it_always_was_and_read_back(kind, value, stored):
    assert kind.process_bind_param(value, None) == stored
    assert kind.process_result_value(stored, None) == value
    assert kind.process_bind_param(None, None) is None
    assert kind.process_result_value(None, None) is None


@pytest.mark.parametrize(
    ("kind", "wrong"),
    [
        (IsoDate(10), "2022-03-16"),
        (IsoDate(10), dt.datetime(2022, 3, 16, 9, 0)),
        (HourMinute(5), "19:00"),
        (IsoDateTime(32), dt.date(2022, 3, 16)),
        (PartialDateText(10), "1968"),
    ],
)
def test_text_handed_to_a_typed_column_is_refused(kind, wrong):
    """Text belongs to the stored twin (stored_table); the services hand typed values."""
    with pytest.raises(TypeError, match="expected"):
        kind.process_bind_param(wrong, None)


@pytest.mark.parametrize(
    ("kind", "bad", "says"),
    [
        (IsoDate(10), "2022-02-30", "is not a date"),
        (HourMinute(5), "25:00", "is not a time"),
        (IsoDateTime(32), "yesterday", "is not a date and time"),
        (PartialDateText(10), "1968-13", "is not a date"),
        (JsonText(), "[unclosed", "is not JSON"),
    ],
)
def test_text_another_tool_wrote_is_named_when_read(kind, bad, says):
    with pytest.raises(StoredValueError, match=says):
        kind.process_result_value(bad, None)


def test_the_stored_twin_reads_and_writes_the_text_unchanged():
    metadata = MetaData()
    table = Table(
        "t",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("day", IsoDate(10)),
        Column("lines", JsonText, default=empty_list),
    )
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    stored = stored_table(table)
    assert stored_table(table) is stored
    with engine.begin() as conn:
        conn.execute(insert(table), [{"day": dt.date(2022, 3, 16)}])
        conn.execute(insert(stored), [{"day": "20220316"}])  # as another tool might spell it
        typed = conn.execute(select(table).order_by(table.c.id)).all()
        raw = conn.execute(select(stored).order_by(stored.c.id)).all()
    assert typed == [(1, dt.date(2022, 3, 16), []), (2, dt.date(2022, 3, 16), [])]
    assert raw == [(1, "2022-03-16", "[]"), (2, "20220316", "[]")]  # the defaults as stored too
    assert stored_value(table.c.day, dt.date(2022, 3, 16)) == "2022-03-16"
    assert stored_value(table.c.id, 7) == 7


def test_the_register_keeps_iso_text_on_disk(workspace):
    body = workspace.bodies.create_body("Norfolk Commission", BodyKind.COMMISSION, 7, Profile.NONE)
    meeting = workspace.meetings.create(
        MeetingDraft(
            body.id,
            dt.date(2022, 3, 16),
            dt.time(19, 0),
            notice_posted=dt.datetime(2022, 3, 11, 9, 0),
        )
    )
    workspace.meetings.set_times(meeting.id, dt.time(19, 2), dt.time(20, 41))
    stamp = workspace.meetings.set_item_notes(meeting.items[0].id, "Called to order.")
    workspace.documents.create_resolution(
        ResolutionDraft("Friendship with Kitakyushu", body.id, ("Whereas Каунас",), ("Resolved",)),
        year=2022,
    )
    with workspace.db.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT date, start_time, notice_posted, called_to_order, adjourned "
                "FROM meeting WHERE id = :id"
            ),
            {"id": meeting.id},
        ).one()
        notes_saved_at = conn.execute(text("SELECT notes_saved_at FROM agenda_item")).scalars()
        resolution = conn.execute(
            text("SELECT preamble, operative, distribution, created_at FROM resolution")
        ).one()
        at = conn.execute(text("SELECT at FROM audit_entry ORDER BY id DESC")).scalars().first()
    assert tuple(row) == ("2022-03-16", "19:00", "2022-03-11T09:00", "19:02", "20:41")
    assert stamp in set(notes_saved_at)
    assert len(stamp) == len("2022-03-16T19:02:05.123+00:00")
    assert resolution[:3] == (
        '["Whereas \\u041a\\u0430\\u0443\\u043d\\u0430\\u0441"]',
        '["Resolved"]',
        "[]",
    )
    assert dt.datetime.fromisoformat(resolution[3]).isoformat(timespec="seconds") == resolution[3]
    assert resolution[3].endswith("+00:00")
    assert at.endswith("+00:00")
    entry = workspace.audit.entries(table="meeting")[0]
    assert entry.changes["date"] == [None, "2022-03-16"]  # the trail records the stored text
    assert entry.changes["start_time"] == [None, "19:00"]
    assert entry.label == "2022-03-16"


def test_bulk_rows_are_stored_as_the_typed_columns_store_them():
    from sciapp.storage.models import Partnership

    noon = dt.datetime(2022, 3, 16, 12, 0, tzinfo=UTC)
    one = dt.datetime(2022, 3, 16, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))  # same instant
    rows = [
        {"established": PartialDate(1968, 5), "created_at": noon, "status_since": None},
        {"established": PartialDate(1968, 5), "created_at": one, "kind": "sister_city"},
    ]
    assert stored_rows(Partnership.__table__, rows) == [
        {"established": "1968-05", "created_at": "2022-03-16T12:00:00+00:00", "status_since": None},
        {
            "established": "1968-05",
            "created_at": "2022-03-16T13:00:00+01:00",
            "kind": "sister_city",
        },
    ]


def test_a_partnership_keeps_its_partial_dates_as_text_whichever_way_it_came(workspace):
    from sciapp.domain.partnership import PartnershipDraft

    header = b"kind,partner_city,partner_country,established,status,status_since\n"
    workspace.partnerships.import_csv(header + b"sister,Otsu,JP,1968-05,suspended,2022\n")
    made = workspace.partnerships.create(
        PartnershipDraft(
            kind="sister_city", partner_city="Lodz", partner_country="PL", established="1977"
        )
    )
    assert made.data.established == PartialDate(1977)
    with workspace.db.engine.connect() as conn:
        stored = conn.execute(
            text(
                "SELECT partner_city, established, status_since, created_at FROM partnership "
                "ORDER BY id"
            )
        ).all()
        effective = conn.execute(text("SELECT effective FROM status_event ORDER BY id")).scalars()
        assert list(effective) == ["1968-05", "2022", "1977"]
    assert [row[:3] for row in stored] == [("Otsu", "1968-05", "2022"), ("Lodz", "1977", "1977")]
    assert all(
        dt.datetime.fromisoformat(r[3]).isoformat(timespec="seconds") == r[3] for r in stored
    )
    listed = {r.partner_city: r for r in workspace.partnerships.list_rows()}
    assert (listed["Otsu"].established, listed["Otsu"].status_since) == ("1968-05", "2022")
    otsu = workspace.partnerships.get(listed["Otsu"].id)
    assert (otsu.data.established, otsu.status_since) == (PartialDate(1968, 5), PartialDate(2022))
    entry = next(e for e in workspace.audit.entries(table="partnership") if e.label == "Lodz")
    assert entry.changes["established"] == [None, "1977"]  # the trail keeps the stored text
