"""The Open Civic Data vote events validate against pupa's vote event schema (ocd_schemas/),
with offsets on every moment, `excused` for an excused absence, `not voting` for a chair's vote
set aside, and counts that agree with the votes and with the Popolo export."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from jsonschema import Draft4Validator

from sciapp.services.reports.ocd import ocd_document
from sciapp.services.reports.popolo import popolo_document
from tests.services.reports.test_popolo import tie_only_council  # noqa: F401 (fixture)

SCHEMA = json.loads((Path(__file__).parent / "ocd_schemas/vote_event.json").read_text("utf-8"))
VALIDATOR = Draft4Validator(SCHEMA, format_checker=Draft4Validator.FORMAT_CHECKER)


def problems(document):
    return [
        f"{e['identifier']}: {error.message}"
        for e in document["vote_events"]
        for error in VALIDATOR.iter_errors(e)
    ]


def check_counts(document):
    for event in document["vote_events"]:
        if event["votes"]:
            cast = Counter(v["option"] for v in event["votes"])
            assert {c["option"]: c["value"] for c in event["counts"] if c["value"]} == dict(cast)


def test_the_demos_vote_events_validate(demo_workspace):
    document = ocd_document(demo_workspace)
    assert len(document["vote_events"]) == 2
    assert problems(document) == []
    check_counts(document)
    for event in document["vote_events"]:
        assert event["start_date"].endswith(("-04:00", "-05:00"))
        assert event["organization"].startswith('~{"name": "Lansing')
    popolo = {e["motion_id"]: e for e in popolo_document(demo_workspace)["vote_events"]}
    for event in document["vote_events"]:
        same = popolo[event["identifier"]]
        assert event["start_date"] == same["start_date"]
        assert len(event["votes"]) == len(same["votes"])


def test_the_schema_refuses_a_time_without_offset_and_an_unknown_option():
    event = {
        "motion_text": "Buy a gift",
        "start_date": "2022-03-14T20:15",
        "result": "adopted",
        "legislative_session": "2022",
        "votes": [{"option": "recused", "voter_name": "Ada"}],
    }
    assert len(list(VALIDATOR.iter_errors(event))) == 3


def test_excused_and_a_chairs_vote_set_aside(tie_only_council):  # noqa: F811
    workspace, _, _ = tie_only_council
    document = ocd_document(workspace)
    assert problems(document) == []
    check_counts(document)
    (event,) = document["vote_events"]
    votes = {v["voter_name"]: v for v in event["votes"]}
    assert votes["Eve"]["option"] == "excused"
    assert votes["Ada"]["option"] == "not voting"
    assert votes["Ada"]["note"].startswith("voted yes; not counted: the chair votes only")
    counts = {c["option"]: c["value"] for c in event["counts"]}
    assert counts == {"yes": 2, "no": 1, "abstain": 0, "absent": 0, "excused": 1, "not voting": 1}
    assert event["start_date"] == "2022-01-10T19:45:00+01:00"
    assert event["legislative_session"] == "2022"
    assert event["result"] == "pass"
