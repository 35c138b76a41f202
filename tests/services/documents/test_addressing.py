"""A contact as a document addresses it: inside address, salutation, a copies line."""

from sciapp.domain.activities import ContactRole
from sciapp.services.documents.addressing import copy_line, inside_address, salutation
from sciapp.services.partnerships.contacts import ContactRecord


def contact(role, name, **fields):
    values = {
        "id": 1,
        "partnership_id": None,
        "partner_city": "",
        "role": role,
        "name": name,
        "name_latin": "",
        "organisation": "",
        "address": (),
        "email": "",
        "phone": "",
        "language": "",
        "notes": "",
    }
    values.update(fields)
    return ContactRecord(**values)


MAYOR = contact(
    ContactRole.MAYOR,
    "佐藤 直美",
    partnership_id=3,
    partner_city="Otsu",
    partner_country="JP",
    name_latin="Naomi Sato",
    organisation="大津市役所",
    address=("〒520-8575", "滋賀県大津市御陵町3番1号"),
)
SCI = contact(
    ContactRole.SCI,
    "Member Services",
    organisation="Sister Cities International",
    address=("1301 Pennsylvania Ave. NW, Suite 350", "Washington, DC 20004"),
)


def test_the_inside_address_has_both_scripts_the_title_and_the_address_lines():
    assert inside_address(MAYOR) == (
        "佐藤 直美",
        "Naomi Sato",
        "Mayor of Otsu",
        "大津市役所",
        "〒520-8575",
        "滋賀県大津市御陵町3番1号",
        "JAPAN",  # mail abroad ends with the country, in capitals
    )
    assert inside_address(SCI) == (
        "Member Services",
        "Sister Cities International",
        "1301 Pennsylvania Ave. NW, Suite 350",
        "Washington, DC 20004",
    )


def test_the_country_is_written_once_and_never_for_home():
    typed = contact(
        ContactRole.MAYOR, "Ana Ruiz", partner_country="MX", address=("Saltillo", "Mexico")
    )
    assert inside_address(typed)[-1] == "Mexico"  # the clerk wrote it: not twice
    home = contact(ContactRole.OTHER, "Ana Ruiz", partner_country="US", address=("Lansing, MI",))
    assert inside_address(home) == ("Ana Ruiz", "Lansing, MI")


def test_a_name_given_once_is_written_once():
    same = contact(ContactRole.OTHER, "Ana Ruiz", name_latin="Ana Ruiz", organisation="Ana Ruiz")
    assert inside_address(same) == ("Ana Ruiz",)


def test_salutations():
    assert salutation(MAYOR) == "Dear Mayor Sato:"
    assert salutation(contact(ContactRole.MAYOR, "Иван Петров")) == "Dear Mayor Петров:"
    assert salutation(SCI) == "Dear Member Services:"


def test_copies_lines_name_the_contact_in_latin_letters_with_title_or_organisation():
    assert copy_line(MAYOR) == "Naomi Sato, Mayor of Otsu"
    assert copy_line(SCI) == "Member Services, Sister Cities International"
    consulate = contact(
        ContactRole.EMBASSY,
        "Consulate General of Japan in Detroit",
        organisation="Consulate General of Japan",
    )
    assert copy_line(consulate) == "Consulate General of Japan in Detroit"
