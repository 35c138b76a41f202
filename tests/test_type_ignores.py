"""Every `# type: ignore` in the checked code names its error code and says why, on its line:
`# type: ignore[attr-defined]  # PySide6's stub lacks it`. A bare ignore, or one with only a
`# noqa` after it, fails here (mypy itself flags the unused ones: warn_unused_ignores)."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ROOT / "sciapp"  # what `mypy sciapp` reads

IGNORE = re.compile(r"#\s*type:\s*ignore\b(?P<codes>\[[^\]]*\])?(?P<rest>.*)$")
CODES = re.compile(r"\[\s*[a-z][a-z0-9-]*(\s*,\s*[a-z][a-z0-9-]*)*\s*\]")


def problem(comment: str) -> str | None:
    """What is wrong with one comment's ignore, or None (also when it has none)."""
    found = IGNORE.search(comment)
    if found is None:
        return None
    codes = found["codes"]
    if codes is None or not CODES.fullmatch(codes):
        return "no error code: write type: ignore[code]"
    reasons = [part.strip() for part in found["rest"].split("#")]
    reasons = [part for part in reasons if part and not part.lower().startswith("noqa")]
    if not reasons:
        return "no reason: add '  # why' after it on the same line"
    return None


def problems(source: str) -> list[tuple[int, str]]:
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            wrong = problem(token.string)
            if wrong is not None:
                found.append((token.start[0], wrong))
    return found


def test_every_type_ignore_has_a_code_and_a_reason() -> None:
    bad = [
        f"{path.relative_to(ROOT)}:{line}: {wrong}"
        for path in sorted(CHECKED.rglob("*.py"))
        for line, wrong in problems(path.read_text(encoding="utf-8"))
    ]
    assert not bad, "\n".join(bad)


def test_the_check_tells_a_reasoned_ignore_from_a_bare_one() -> None:
    assert problem("# type: ignore[attr-defined]  # PySide6's stub lacks it") is None
    assert problem("# type: ignore[attr-defined]  # noqa: SLF001  # private, no stub") is None
    assert problem("# type: ignore[method-assign,assignment]  # the patch") is None
    assert problem("# type: ignore") is not None
    assert problem("# type: ignore  # a reason but no code") is not None
    assert problem("# type: ignore[arg-type]") is not None
    assert problem("# type: ignore[arg-type]  # noqa: SLF001") is not None
    assert problem("# type: ignore[]  # empty codes") is not None
    assert problem("# an ordinary comment") is None
    source = 'x = "# type: ignore"  # the text is a string, not a comment\n'
    assert problems(source) == []
