"""File ▸ Gift register… ▸ Gift register (PDF)…: the year shown saved as the tagged PDF
through the app's save dialog, answered through its own controls; "Saved to …" said."""

from __future__ import annotations

from tests.gui.helpers import choose, click, modal, opened_window, save_as
from tests.pdf.conftest import pdf_text


def test_the_years_register_is_saved_as_a_tagged_pdf(qtbot, window, tmp_path) -> None:
    import pikepdf

    register = opened_window(qtbot, window.gifts_action.trigger, "Gift register")
    year = max(g.exchanged_on.year for g in window.workspace.gifts.list() if g.exchanged_on)
    choose(qtbot, register.year, str(year))
    target = tmp_path / "gifts.pdf"
    with modal(qtbot, save_as(qtbot, target)):
        click(qtbot, register.pdf_button)
    qtbot.waitUntil(target.exists)
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert f"Gift register {year}" in text
    for gift in register.model.records:
        assert " ".join(gift.description.split()[:2]) in text, gift.description
    with pikepdf.open(target) as pdf:
        assert "/StructTreeRoot" in pdf.Root
    assert register.saved.text() == f"Saved to {target}"
