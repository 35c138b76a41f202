from sciapp.domain.typography import NBSP, curly_quotes, tie_abbreviations, typeset


def test_quotes_and_apostrophes_become_typographic():
    assert curly_quotes("Ukraine's \"sovereignty\" and O'Brien's 'word'") == (
        "Ukraine\u2019s \u201csovereignty\u201d and O\u2019Brien\u2019s \u2018word\u2019"
    )
    assert curly_quotes('since \'94, ("quoted")') == "since \u201994, (\u201cquoted\u201d)"
    assert curly_quotes('"') == "\u201d"
    assert curly_quotes("no quotes") == "no quotes"


def test_an_abbreviation_keeps_the_next_word_on_its_line():
    assert tie_abbreviations("ST. PETERSBURG and St. Petersburg") == (
        f"ST.{NBSP}PETERSBURG and St.{NBSP}Petersburg"
    )
    assert tie_abbreviations("Resolution No. 2022-01, Dr. Okafor, Mt.  Hood") == (
        f"Resolution No.{NBSP}2022-01, Dr.{NBSP}Okafor, Mt.{NBSP}Hood"
    )
    assert tie_abbreviations("the first. Then") == "the first. Then"
    assert tie_abbreviations("Main St.") == "Main St."


def test_typeset_does_both():
    assert typeset("St. Petersburg's") == f"St.{NBSP}Petersburg\u2019s"
