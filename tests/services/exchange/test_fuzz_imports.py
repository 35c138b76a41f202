"""Hypothesis throws malformed files at every import: each one ends in a clear refusal that
names what is wrong, or a clean import; never a crash, never half a write."""

import io
import json
import warnings
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciapp.services.errors import ImportRejectedError
from sciapp.services.exchange.json_input import MAX_DEPTH, MAX_DIGITS
from sciapp.services.partnerships.csv_io import import_csv
from sciapp.services.safekeeping.archive import MANIFEST, import_archive
from sciapp.storage.schema import HEAD

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HEADER = ["kind", "partner_city", "partner_country", "established", "status", "notes"]
cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["sister", "friendship", "Russia", "JP", "1968", "1991-13", "=1+1", ""]),
    st.text(min_size=5000, max_size=20000),  # huge fields
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


def refusal(function, *args) -> list[str] | None:
    """The problems an import refused with, or None when it went through."""
    try:
        function(*args)
    except ImportRejectedError as exc:
        return exc.problems
    return None


def counts(workspace) -> tuple[int, int, int]:
    return (
        workspace.partnerships.count(),
        len(workspace.documents.list_resolutions()),
        len(workspace.audit.entries()),
    )


@FUZZ
@given(
    header=st.permutations(HEADER) | st.lists(st.text(max_size=12), max_size=6),
    rows=st.lists(st.lists(cells, max_size=7), max_size=6),
    garbage=st.binary(max_size=40),
)
def test_csv_import_never_crashes_or_half_writes(workspace, header, rows, garbage):
    text = "\n".join(",".join(json.dumps(c) for c in row) for row in [header, *rows])
    data = text.encode("utf-8") + garbage  # garbage: broken UTF-8, NULs, stray quotes
    before = counts(workspace)
    problems = refusal(import_csv, workspace.db, data)
    if problems is not None:
        assert problems
        assert all(isinstance(p, str) and p for p in problems)
        assert counts(workspace) == before


resolution = st.fixed_dictionaries(
    {"number": json_values | st.just("2030-01"), "title": json_values | st.text(max_size=9)},
    optional={
        "body": json_values | st.just("City Council"),
        "preamble": json_values,
        "operative": json_values,
        "status": json_values | st.sampled_from(["draft", "adopted"]),
        "adopted_on": json_values | st.just("2030-02-30"),
        "votes": json_values,
    },
)
letter = st.fixed_dictionaries(
    {"date": json_values | st.just("2030-01-05"), "salutation": json_values},
    optional={"to": json_values, "body": json_values, "signers": json_values, "id": json_values},
)


@FUZZ
@given(
    document=st.one_of(
        json_values,
        st.fixed_dictionaries(
            {},
            optional={
                "resolutions": st.lists(resolution, max_size=3) | json_values,
                "letters": st.lists(letter, max_size=3) | json_values,
            },
        ),
    ),
    tail=st.binary(max_size=8),
)
def test_documents_import_never_crashes_or_half_writes(workspace, document, tail):
    data = json.dumps(document).encode("utf-8") + tail
    before = counts(workspace)
    problems = refusal(workspace.documents.import_json, data)
    if problems is not None:
        assert problems
        assert counts(workspace) == before


entry_names = st.one_of(
    st.sampled_from(
        ["../evil", "attachments/../../x", "/abs", "C:\\x", "attachments/seal.png", MANIFEST, "a/b"]
    ),
    # names the zipfile module itself can write (a lone NUL breaks its writer)
    st.text(
        st.characters(exclude_characters="\x00", exclude_categories=("Cs",)),
        min_size=1,
        max_size=20,
    ),
)


@FUZZ
@given(
    manifest=st.one_of(
        json_values,
        st.fixed_dictionaries(
            {"format": st.just("sciapp-archive"), "version": st.just(1), "schema": st.just("0005")},
            optional={
                "tables": st.dictionaries(
                    st.sampled_from(["partnership", "body", "member", "setting", "x"]),
                    st.lists(
                        st.dictionaries(
                            st.sampled_from(["id", "name", "kind", "key", "value"]),
                            json_values,
                            max_size=4,
                        ),
                        max_size=3,
                    )
                    | json_values,
                    max_size=3,
                )
            },
        ),
    ),
    entries=st.lists(st.tuples(entry_names, st.binary(max_size=20)), max_size=3),
    broken=st.booleans(),
)
def test_archive_import_never_crashes_or_half_writes(
    workspace, tmp_path, manifest, entries, broken
):
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as z:
        warnings.simplefilter("ignore")  # duplicate names are part of the attack
        z.writestr(MANIFEST, json.dumps(manifest) if not broken else b"\xff\xfe{")
        for name, content in entries:
            if name != MANIFEST:
                z.writestr(name, content)
    buffer.seek(0)
    before = counts(workspace)
    problems = refusal(import_archive, workspace.db, buffer, tmp_path / "attachments")
    if problems is not None:
        assert problems
        assert counts(workspace) == before
    assert not (tmp_path.parent / "evil").exists()


# -- extremes: depth, size and number --------------------------------------------------------

NUMBERS_AND_ODDITIES = (
    "100000000000000000000",
    "2147483648",
    "-2147483649",
    "-1",
    "1e999999",
    "-1e999999",
    "NaN",
    "Infinity",
    "1e-999999",
    "true",
    "null",
    '""',
    "[]",
    "{}",
)
EXTREMES = settings(FUZZ, max_examples=80)
extreme_values = st.one_of(
    st.integers(min_value=MAX_DIGITS - 1, max_value=6000).map(lambda n: "9" * n),
    st.sampled_from(NUMBERS_AND_ODDITIES),
    st.integers(min_value=MAX_DEPTH - 3, max_value=100_000).map(lambda d: "[" * d + "]" * d),
    st.integers(min_value=MAX_DEPTH - 3, max_value=30_000).map(
        lambda d: '{"a": ' * d + "0" + "}" * d
    ),
    st.integers(min_value=0, max_value=300_000).map(lambda n: json.dumps("x" * n)),
    st.text(max_size=40).map(json.dumps),  # control and zero-width characters among them
)
DOCUMENT_SLOTS = [
    '{"resolutions": [{"number": @, "title": "T", "body": "B", "operative": ["x"]}]}',
    '{"resolutions": [{"number": "2030-01", "title": @, "body": "B", "operative": ["x"]}]}',
    '{"resolutions": [{"number": "2030-02", "title": "T", "body": @, "operative": [@]}]}',
    '{"resolutions": [{"number": "2030-03", "title": "T", "body": "B", "operative": ["x"], '
    '"votes": {"ayes": [@], "nays": @}, "sections": @, "adopted_on": @}]}',
    '{"letters": [{"id": @, "date": "2030-01-05", "to": ["M"], "salutation": "D", "body": ["b"]}]}',
    '{"letters": [{"date": @, "to": [@], "salutation": @, "body": ["b"], '
    '"signers": [{"name": @}]}]}',
    '{"resolutions": @, "letters": @}',
    "@",
]
ARCHIVE_SLOTS = [
    '{"format": "sciapp-archive", "version": 1, "schema": "HEAD", "tables": {"body": '
    '[{"id": @, "name": "B", "kind": "council", "seats": @, "profile": "none"}]}}',
    '{"format": "sciapp-archive", "version": 1, "schema": "HEAD", "tables": {"body": '
    '[{"id": 1, "name": @, "kind": "council", "seats": 3, "profile": "none"}]}}',
    '{"format": "sciapp-archive", "version": 1, "schema": "HEAD", "tables": @}',
    '{"format": "sciapp-archive", "version": @, "schema": @, "tables": {"body": @}}',
    "@",
]


@EXTREMES
@given(template=st.sampled_from(DOCUMENT_SLOTS), value=extreme_values)
def test_documents_at_the_extremes_end_in_a_sentence(workspace, template, value):
    data = template.replace("@", value).encode("utf-8", "surrogatepass")
    before = counts(workspace)
    problems = refusal(workspace.documents.import_json, data)
    if problems is not None:
        assert problems
        assert all(isinstance(p, str) and p and len(p) < 1000 for p in problems)
        assert counts(workspace) == before


@EXTREMES
@given(template=st.sampled_from(ARCHIVE_SLOTS), value=extreme_values)
def test_archives_at_the_extremes_end_in_a_sentence(workspace, tmp_path, template, value):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        manifest = template.replace("HEAD", HEAD).replace("@", value)
        z.writestr(MANIFEST, manifest.encode("utf-8", "surrogatepass"))
    buffer.seek(0)
    before = counts(workspace)
    problems = refusal(import_archive, workspace.db, buffer, tmp_path / "attachments")
    if problems is not None:
        assert problems
        assert all(isinstance(p, str) and p and len(p) < 1000 for p in problems)
        assert counts(workspace) == before
