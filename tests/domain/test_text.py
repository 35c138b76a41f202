import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciapp.domain import text
from sciapp.domain.text import TextCheck, check_names, clean_name, clean_text, printable


@pytest.mark.parametrize("bad", ["\x00", "\x1b", "\x07", "\x08", "\x7f", "\x9b", "\x1f", "\ud800"])
def test_names_refuse_control_characters_and_half_characters(bad):
    with pytest.raises(ValueError, match=f"U\\+{ord(bad):04X}"):
        clean_name(f"Ot{bad}su")


def test_names_lose_zero_width_characters_and_are_nfc():
    for zw in text.ZERO_WIDTH:
        assert clean_name(f"Ot{zw}su") == "Otsu"
    assert clean_name("\ufeffOtsu") == "Otsu"
    decomposed = "Zu\u0308rich"  # u + combining diaeresis
    assert clean_name(decomposed) == "Z\u00fcrich"
    assert clean_name(decomposed) == clean_name("Z\u00fcrich")


def test_names_collapse_whitespace_including_pasted_line_breaks():
    assert clean_name("  St.\tPetersburg \r\n") == "St. Petersburg"
    assert clean_name("Санкт-Петербург") == "Санкт-Петербург"
    assert clean_name("大津市") == "大津市"


def test_names_have_a_cap():
    assert clean_name("x" * text.NAME) == "x" * text.NAME
    with pytest.raises(ValueError, match="at most 200 characters"):
        clean_name("x" * (text.NAME + 1))
    with pytest.raises(ValueError, match="at most 40 characters"):
        clean_name("y" * 41, text.NUMBER)
    with pytest.raises(ValueError, match="at most 200 characters \\(this has 100,000,000\\)"):
        clean_name(" " * 100_000_000)  # refused before it is cleaned: no 100 MB of work
    assert clean_name("Ot" + " " * 1000 + "su") == "Ot su"


def test_free_text_keeps_lines_and_tabs_but_not_other_controls():
    notes = "First line\r\n\tindented\nlast"
    assert clean_text(notes) == notes
    with pytest.raises(ValueError, match="U\\+0000"):
        clean_text("before\x00after")
    with pytest.raises(ValueError, match="U\\+001B"):
        clean_text("\x1b[2J")
    with pytest.raises(ValueError, match="at most 20,000 characters"):
        clean_text("n" * (text.NOTES + 1))


def test_text_check_collects_one_message_per_field():
    check = TextCheck()
    assert check.name("name", "  Ada  Lovelace ") == "Ada Lovelace"
    assert check.name("city", "Ot\x00su") == ""
    assert check.name("region", "", required="enter the region") == ""
    assert check.text("notes", "ok\n") == "ok\n"
    assert check.text("reason", "\x07") == "\x07"
    assert check.lines("operative", ("fine", "bell\x07")) == ("fine", "bell\x07")
    assert check.lines("cc", ("x",) * (text.LIST_ITEMS + 1))
    assert check.errors == {
        "city": "must not contain control characters (found U+0000)",
        "region": "enter the region",
        "reason": "must not contain control characters (found U+0007)",
        "operative": "entry 2: must not contain control characters (found U+0007)",
        "cc": f"at most {text.LIST_ITEMS} entries (this has {text.LIST_ITEMS + 1})",
    }


def test_check_names_names_the_fields():
    assert check_names({"name": "Ada", "appointed_by": "Mayor\x1b]0;pwned\x07"}) == {
        "appointed_by": "must not contain control characters (found U+001B)"
    }


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Otsu", "Otsu"),
        ("\x1b[2J\x1b[31mred", "\\x1b[2J\\x1b[31mred"),
        ("bell\x07", "bell\\x07"),
        ("nul\x00", "nul\\x00"),
        ("csi\x9b2J", "csi\\x9b2J"),
        ("del\x7f", "del\\x7f"),
        ("two\nlines", "two\\nlines"),
        ("tab\there", "tab\\there"),
        ("cr\r", "cr\\r"),
        ("abc\u202egnp.exe", "abc\\u202egnp.exe"),
        ("half\ud800", "half\\ud800"),
        ("大津市 Zürich\u00a0Санкт", "大津市 Zürich\u00a0Санкт"),
    ],
)
def test_printable_escapes_what_a_terminal_would_obey(raw, shown):
    assert printable(raw) == shown


def test_printable_can_keep_line_breaks():
    assert printable("a\nb\x1bc", keep_newlines=True) == "a\nb\\x1bc"


@given(st.text())
def test_printable_never_lets_a_control_character_through(value):
    shown = printable(value)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in shown)
    assert not text.BIDI_CONTROLS.intersection(shown)
    shown.encode("utf-8")  # no lone surrogate left to break the terminal's encoder


@given(st.text())
def test_a_clean_name_is_stable(value):
    try:
        once = clean_name(value, limit=10_000)
    except ValueError:
        return
    assert clean_name(once, limit=10_000) == once
    assert not set(text.ZERO_WIDTH).intersection(once)


def test_printable_json_is_the_same_data_with_escapes():
    import json

    data = {"city": "Otsu\x1b[2J\x9b\x7f\u202e大津", "n": 1}
    shown = text.printable_json(json.dumps(data, ensure_ascii=False))
    assert json.loads(shown) == data
    assert not any(0x7F <= ord(ch) < 0xA0 or ch < " " for ch in shown)
    assert "\\u009b" in shown
    assert "大津" in shown
