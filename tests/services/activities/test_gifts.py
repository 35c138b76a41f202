"""Gifts given and received, and the gift register a clerk discloses."""

import csv
import datetime as dt
import io

import pytest

from sciapp.domain.activities import GiftDirection
from sciapp.domain.partnership import PartnershipDraft
from sciapp.services.activities.records import GiftDraft
from sciapp.services.errors import ValidationError


@pytest.fixture
def otsu(workspace):
    draft = PartnershipDraft(partner_city="Otsu", partner_country="JP", established="1969")
    return workspace.partnerships.create(draft).id


def vase(otsu, **extra):
    fields = {
        "direction": GiftDirection.RECEIVED,
        "description": "Shigaraki-ware vase",
        "exchanged_on": dt.date(2024, 5, 10),
        "counterpart_name": "佐藤 直美",
        "counterpart_office": "Office of the Mayor",
        "counterpart_city": "Otsu",
        "partnership_id": otsu,
        "value": "250",
        "custodian": "City Clerk",
        "location": "City Hall, lobby case",
    }
    return GiftDraft(**{**fields, **extra})


def test_a_gift_is_recorded_with_its_value_in_cents(workspace, otsu):
    gift = workspace.gifts.add(vase(otsu))
    assert gift.value_cents == 25_000
    assert gift.value_text == "$250.00"
    assert gift.counterpart == "佐藤 直美, Office of the Mayor, Otsu"
    assert gift.partner_city == "Otsu"
    assert [g.id for g in workspace.gifts.list(year=2024)] == [gift.id]
    assert workspace.gifts.list(year=2023) == []


def test_refusals_name_the_field(workspace, otsu):
    bad = vase(otsu, description="", value="-5", disposed_on=dt.date(2024, 1, 1))
    with pytest.raises(ValidationError) as caught:
        workspace.gifts.add(bad)
    assert set(caught.value.errors) == {"description", "value_cents", "disposition", "disposed_on"}
    assert "Estimated value:" in str(caught.value)


def test_the_register_csv_lists_every_gift_with_the_forms_labels(workspace, otsu):
    workspace.gifts.add(vase(otsu))
    workspace.gifts.add(
        vase(
            otsu,
            direction=GiftDirection.GIVEN,
            description="=HYPERLINK(1) key to the city",
            city_property=False,
            value="",
        )
    )
    rows = list(csv.reader(io.StringIO(workspace.gifts.register_csv())))
    assert rows[0][:4] == ["Number", "Date", "Given or received", "Gift"]
    assert rows[1][2:4] == ["Received", "Shigaraki-ware vase"]
    assert rows[1][9:12] == ["250.00", "USD", "City property"]
    assert rows[2][3] == "'=HYPERLINK(1) key to the city"  # never run as a formula
    assert rows[2][11] == "Personal"
