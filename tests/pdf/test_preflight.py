"""The archival copy checked by a validator nobody on the project wrote: Apache PDFBox
Preflight (Debian's libpdfbox2-java), which checks PDF/A-1b, on the PDF/A-1b variant."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from sciapp.pdf.archival import archival
from tests.pdf.test_tagged import DOCUMENTS

JARS = Path("/usr/share/java")
CLASSPATH = [
    JARS / name
    for name in (
        "preflight.jar",
        "pdfbox2.jar",
        "fontbox2.jar",
        "xmpbox.jar",
        "commons-logging.jar",
        "javax.activation.jar",  # Debian's libactivation-java
        "jaxb-api.jar",  # Debian's libjaxb-api-java
    )
]


@pytest.fixture(scope="module")
def preflight():
    missing = [str(jar) for jar in CLASSPATH if not jar.exists()]
    if shutil.which("java") is None or missing:
        pytest.skip(
            "PDFBox Preflight needs java and libpdfbox2-java, libactivation-java, "
            f"libjaxb-api-java (missing: {', '.join(missing) or 'java'})"
        )

    def check(path: Path) -> str:
        validator = "org.apache.pdfbox.preflight.Validator_A1b"
        done = subprocess.run(
            ["java", "-cp", ":".join(map(str, CLASSPATH)), validator, str(path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        return done.stdout + done.stderr

    return check


@pytest.mark.parametrize(
    "kind", ["resolution", "draft resolution with copies", "letter", "agenda", "minutes over pages"]
)
def test_preflight_finds_the_pdfa_1b_variant_valid(preflight, kind, tmp_path):
    path = tmp_path / "doc.pdf"
    path.write_bytes(archival(DOCUMENTS[kind]().pdf, flavour="1b"))
    said = preflight(path)
    assert "is a valid PDF/A-1b file" in said, said


def test_preflight_refuses_the_file_for_posting(preflight, tmp_path):
    path = tmp_path / "doc.pdf"
    path.write_bytes(DOCUMENTS["letter"]().pdf)  # no PDF/A declaration, no output intent
    assert "is not a valid PDF/A-1b file" in preflight(path)
