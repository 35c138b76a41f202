"""Contacts at partner cities and beyond; the Sister Cities International membership."""

import datetime as dt

import pytest

from sciapp.domain.activities import ContactRole
from sciapp.domain.partnership import PartnershipDraft
from sciapp.services.changes import Area, Changes
from sciapp.services.errors import ValidationError
from sciapp.services.partnerships.contacts import ContactDraft
from sciapp.services.partnerships.membership import MembershipDraft


@pytest.fixture
def otsu(workspace):
    draft = PartnershipDraft(partner_city="Otsu", partner_country="JP", established="1969")
    return workspace.partnerships.create(draft).id


def test_a_contact_keeps_its_own_script_and_its_latin_name(workspace, otsu):
    mayor = workspace.contacts.add(
        ContactDraft(
            ContactRole.MAYOR,
            "佐藤 直美",
            partnership_id=otsu,
            name_latin="Naomi Sato",
            organisation="大津市役所",
            address=("〒520-8575", "滋賀県大津市御陵町3-1", ""),
            email="mayor@city.otsu.example",
        )
    )
    assert mayor.shown_name == "佐藤 直美 (Naomi Sato)"
    assert mayor.address == ("〒520-8575", "滋賀県大津市御陵町3-1")
    assert mayor.address_block[:2] == ("佐藤 直美", "大津市役所")
    sci = workspace.contacts.add(ContactDraft(ContactRole.SCI, "Member services"))
    assert [c.id for c in workspace.contacts.list(otsu)] == [mayor.id, sci.id]
    assert [c.id for c in workspace.contacts.list(otsu, everyone=False)] == [mayor.id]


def test_a_contact_refusal_names_the_field(workspace, otsu):
    bad = ContactDraft(ContactRole.MAYOR, "", partnership_id=otsu, email="not an address")
    with pytest.raises(ValidationError) as caught:
        workspace.contacts.add(bad)
    assert set(caught.value.errors) == {"name", "email"}
    assert "Email: an address such as" in str(caught.value)


def test_membership_by_year_is_set_and_heard(workspace):
    heard: list[Changes] = []
    stop = workspace.subscribe(heard.append)
    paid = workspace.membership.record(
        MembershipDraft(2024, dt.date(2024, 1, 20), "1,080.00", agreement_on_file=True)
    )
    again = workspace.membership.record(MembershipDraft(2024, dt.date(2024, 1, 22), "1,080"))
    stop()
    assert again.id == paid.id
    assert again.dues_paid_on == dt.date(2024, 1, 22)
    assert again.in_good_standing
    assert again.dues_text == "$1,080.00"
    assert workspace.membership.year(2023) is None
    assert {Area.CONTACTS} == heard[0].areas
    with pytest.raises(ValidationError, match="Dues paid on"):
        workspace.membership.record(MembershipDraft(2024, dt.date(2020, 1, 1)))
