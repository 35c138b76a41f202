"""The Popolo JSON schemas vendored beside the tests (popolo_schemas/, CC BY 4.0), as
jsonschema validators that resolve the schemas' references to those files and check formats
(a date-time is RFC 3339, with its offset: rfc3339-validator)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

FOLDER = Path(__file__).parent / "popolo_schemas"
BASE = "http://www.popoloproject.com/schemas/"
# Each collection of a Popolo export and the schema its objects follow.
COLLECTIONS = {
    "organizations": "organization",
    "people": "person",
    "events": "event",
    "motions": "motion",
    "vote_events": "vote_event",
}


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(FOLDER.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((f"{BASE}{path.name}", Resource.from_contents(schema, DRAFT3)))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft3Validator:
    schema = json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))
    return Draft3Validator(
        schema, registry=_registry(), format_checker=Draft3Validator.FORMAT_CHECKER
    )


def schema_problems(document: dict[str, Any]) -> list[str]:
    """Every object of every collection against its schema: "motions[3] (motion-4): …"."""
    found = []
    for collection, name in COLLECTIONS.items():
        for index, thing in enumerate(document.get(collection, [])):
            for error in validator(name).iter_errors(thing):
                where = "/".join(str(p) for p in error.absolute_path)
                found.append(f"{collection}[{index}] ({thing.get('id')}) {where}: {error.message}")
    return found


def objects(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(c, thing) for c in COLLECTIONS for thing in document.get(c, [])]
