import datetime as dt
import json

import pytest

from sciapp.services.documents.records import DocumentSettings, LetterDraft, Person, ResolutionDraft
from sciapp.services.documents.templates import template_draft
from sciapp.services.errors import ImportRejectedError, NotFoundError, ValidationError

D = dt.date


@pytest.fixture
def council(demo_workspace):
    return demo_workspace.bodies.find_body("Lansing City Council")


def test_numbering_restarts_each_year(demo_workspace, council):
    docs = demo_workspace.documents
    draft = ResolutionDraft("Thanks to Otsu", council.id, (), ("thanks are given",))
    assert docs.create_resolution(draft, year=2022).number == "2022-02"  # the demo holds -01
    assert docs.create_resolution(draft, year=2023).number == "2023-01"
    docs.save_settings(DocumentSettings(numbering="R{year}/{seq:03}"))
    assert docs.create_resolution(draft, year=2023).number == "R2023/002"
    with pytest.raises(ValidationError, match=r"use \{year\} and \{seq\}"):
        docs.save_settings(DocumentSettings(numbering="{nope}"))
    with pytest.raises(ValidationError) as info:
        docs.create_resolution(ResolutionDraft(" ", council.id))
    assert set(info.value.errors) == {"title", "operative"}


def test_the_linked_vote_fills_the_adoption_block_and_locks_the_text(demo_workspace, council):
    docs = demo_workspace.documents
    adopted = docs.resolution("2022-01")
    assert adopted.status == "adopted"
    assert adopted.adopted_on == D(2022, 3, 14)
    assert adopted.votes.nays == ("James Lindqvist",)
    assert len(adopted.votes.ayes) == 7
    with pytest.raises(ValidationError, match="locked"):
        docs.update_resolution("2022-01", ResolutionDraft("New", council.id, (), ("x",)))
    with pytest.raises(ValidationError, match="linked motion"):
        docs.set_status("2022-01", "withdrawn")
    with pytest.raises(NotFoundError):
        docs.resolution("1999-99")


def test_status_by_hand_without_a_motion(demo_workspace, council):
    docs = demo_workspace.documents
    number = docs.create_resolution(ResolutionDraft("T", council.id, (), ("x",))).number
    with pytest.raises(ValidationError, match="needs its date"):
        docs.set_status(number, "adopted")
    docs.set_status(number, "withdrawn")
    assert docs.resolution(number).status == "withdrawn"
    with pytest.raises(ValidationError, match="one of"):
        docs.set_status(number, "vetoed")


def test_templates_merge_the_partnership(demo_workspace):
    spb = next(
        r for r in demo_workspace.partnerships.list_rows() if r.partner_city == "St. Petersburg"
    )
    detail = demo_workspace.partnerships.get(spb.id)
    notice = template_draft("suspension-notice", detail, "LRSCC", D(2022, 3, 18))
    assert notice.to == ("The Honorable Mayor", "St. Petersburg", "Russia")
    assert "**until peace and Ukraine's sovereignty are restored**" in notice.body[1]
    keep = template_draft("keep-partnership", detail, "LRSCC", D(2022, 3, 10))
    assert "for 28 years, since 1994" in keep.body[0]
    with pytest.raises(ValidationError):
        template_draft("nope", detail, "x", D(2022, 1, 1))


def test_letters_validate(demo_workspace):
    with pytest.raises(ValidationError) as info:
        demo_workspace.documents.save_letter(LetterDraft(D(2022, 1, 1), (), " ", ()))
    assert set(info.value.errors) == {"salutation", "to", "body"}
    assert ":;" not in str(info.value)  # the example's colon is not run into the separator
    assert "Salutation: enter the salutation, such as \u201cDear Mayor:\u201d;" in str(info.value)


GOOD = {
    "resolutions": [
        {
            "number": "13-7401",
            "title": "Establishing a sister city with Guadalajara",
            "body": "City Council of Downey",
            "preamble": ["Downey & Guadalajara share <history>"],
            "operative": ["the relationship is established"],
            "status": "adopted",
            "adopted_on": "2013-02-26",
            "votes": {
                "ayes": ["Fernando Vasquez", "Mario Guerra"],
                "nays": [],
                "abstain": [],
                "absent": ["Luis Marquez"],
            },
        }
    ],
    "letters": [
        {
            "id": 42,
            "date": "2022-02-28",
            "to": ["Governor Glenn Youngkin"],
            "salutation": "Dear Governor Youngkin:",
            "body": ["Keep the tie."],
            "closing": "Sincerely,",
            "signers": [{"name": "Sherman Lea", "title": "Mayor"}],
            "cc": ["Council"],
        }
    ],
}


def test_json_import_creates_the_body_and_round_trips(workspace, tmp_path):
    docs = workspace.documents
    assert docs.import_json(json.dumps(GOOD).encode()) == (1, 1)
    assert workspace.bodies.find_body("City Council of Downey").seats == 3
    record = docs.resolution("13-7401")
    assert record.status == "adopted"
    assert record.votes.absent == ("Luis Marquez",)
    assert docs.letter(42).draft.signers == (Person("Sherman Lea", "Mayor"),)
    exported = docs.export_json()
    assert exported == GOOD
    second = tmp_path / "second.sqlite3"
    from sciapp.services.opening import open_workspace

    other = open_workspace(second)
    other.documents.import_json(json.dumps(exported).encode())
    assert other.documents.export_json() == exported
    other.close()


def test_json_import_is_all_or_nothing_with_every_problem(workspace):
    bad = json.loads(json.dumps(GOOD))
    bad["resolutions"].append(
        {"number": "13-7401", "title": "", "body": "X", "operative": "no", "status": "adopted"}
    )
    bad["letters"][0]["date"] = "28/02/2022"
    bad["extra"] = 1
    with pytest.raises(ImportRejectedError) as info:
        workspace.documents.import_json(json.dumps(bad).encode())
    assert info.value.problems == [
        "extra: unknown section",
        "resolutions[1].title: required",
        "resolutions[1].adopted_on: required",
        "resolutions[1].operative: must be a list of strings",
        "letters[0].date: use YYYY-MM-DD",
        "resolutions[0].number: 13-7401 appears twice in the file",
        "resolutions[1].number: 13-7401 appears twice in the file",
    ]
    assert workspace.documents.list_resolutions() == []
    assert workspace.bodies.list_bodies() == []
    with pytest.raises(ImportRejectedError, match="1 problem"):
        workspace.documents.import_json(b"{not json")
    workspace.documents.import_json(json.dumps(GOOD).encode())
    with pytest.raises(ImportRejectedError) as info:
        workspace.documents.import_json(json.dumps(GOOD).encode())
    assert info.value.problems == [
        "resolutions[0].number: 13-7401 already exists",
        "letters[0].id: letter 42 already exists",
    ]
