"""Tests for dangvien_cli.vntext: NFC, search folding, CLDR `vi` sort keys, tone placement."""

import ast
import random
import sqlite3
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dangvien_cli import vntext
from dangvien_cli.vntext import (
    fold,
    name_sort_key,
    nfc,
    normalize_tone_placement,
    split_name,
    text_sort_key,
)

pytestmark = pytest.mark.no_database

NFD = "NFD"

ROSTER = [
    "Trần Văn An",
    "Phạm Đức Anh",
    "Lê Thị Ánh",
    "Lê Văn Ăn",
    "Đỗ Thị Ân",
    "Nguyễn Văn Bình",
    "Nguyễn Thị Hồng Liên",
]
SINGLE_WORDS = ["Anh", "Ánh", "Ăn", "Ân", "Ấn", "Bình", "Dũng", "Đức"]

# An independent model of CLDR `vi` for the property tests: a name is a list of words, a word a
# list of (letter index, tone 0-5, uppercase) triples.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
VOWELS = frozenset("aăâeêioôơuưy")
TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # ngang huyền hỏi ngã sắc nặng
VIET_LETTERS = sorted(
    {
        unicodedata.normalize("NFC", base + tone)
        for base in ALPHABET
        for tone in (TONE_MARKS if base in VOWELS else [""])
    }
)
VIET_LETTERS += [ch.upper() for ch in VIET_LETTERS]
VIET_MARKS = [*TONE_MARKS[1:], "\u0302", "\u0306", "\u031b"]  # + circumflex, breve, horn


def fold_reference(text: str) -> str:
    """The definition of fold, step by step, with no shortcut."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D").casefold()
    return " ".join(text.split())


def render_letter(letter: tuple[int, int, bool]) -> str:
    index, tone, upper = letter
    ch = unicodedata.normalize("NFC", ALPHABET[index] + TONE_MARKS[tone])
    return ch.upper() if upper else ch


def render(name: list[list[tuple[int, int, bool]]]) -> str:
    return " ".join("".join(render_letter(letter) for letter in word) for word in name)


def oracle(name: list[list[tuple[int, int, bool]]]) -> tuple:
    """Given name, then middle words, then family name; each part compared on all levels
    (letters word by word, then tones, then case) before the next part."""
    given_, middle, family = name[-1], name[1:-1], name[:-1][:1]
    return tuple(text_oracle(part) for part in ([given_], middle, family))


def text_oracle(words: list[list[tuple[int, int, bool]]]) -> tuple:
    flat = [letter for word in words for letter in word]
    primary = tuple(tuple(letter[0] for letter in word) for word in words)
    return primary, tuple(letter[1] for letter in flat), tuple(letter[2] for letter in flat)


@st.composite
def letters(draw: st.DrawFn) -> tuple[int, int, bool]:
    index = draw(st.integers(0, len(ALPHABET) - 1))
    tone = draw(st.integers(0, 5)) if ALPHABET[index] in VOWELS else 0
    return index, tone, draw(st.booleans())


words_st = st.lists(letters(), min_size=1, max_size=6)
names_st = st.lists(words_st, min_size=1, max_size=4)
viet_text_st = st.text(alphabet=st.sampled_from(VIET_LETTERS + VIET_MARKS + list(" \t\u00a0-.,0")))


@st.composite
def name_pairs(draw: st.DrawFn) -> tuple[list, list]:
    """Two names; often the same letters with other tones or case, to reach levels 2 and 3."""
    first = draw(names_st)
    if draw(st.booleans()):
        return first, draw(names_st)
    second = [
        [
            (i, draw(st.integers(0, 5)) if ALPHABET[i] in VOWELS else 0, draw(st.booleans()))
            if draw(st.booleans())
            else (i, tone, upper)
            for i, tone, upper in word
        ]
        for word in first
    ]
    return first, second


def sign(a: object, b: object) -> int:
    return (a > b) - (a < b)  # type: ignore[operator]


# --- nfc ----------------------------------------------------------------------------------------


def test_nfc_makes_nfd_input_equal_to_nfc_input():
    name = "Nguyễn Thị Hồng Liên"
    decomposed = unicodedata.normalize(NFD, name)
    assert decomposed != name
    assert (len(decomposed), len(name)) == (26, 20)
    assert nfc(decomposed) == name
    assert nfc(decomposed) == nfc(name)


def test_nfc_recomposes_dot_below_before_circumflex():
    # canonical NFD puts dot below (ccc 220) before the circumflex (ccc 230)
    assert nfc("Nghi\u0065\u0323\u0302m") == nfc("Nghi\u0065\u0302\u0323m") == "Nghiệm"


def test_nfc_strips_and_collapses_whitespace():
    assert nfc("  Lê \t Văn\u00a0\u00a0An \n") == "Lê Văn An"
    assert nfc("") == ""
    assert nfc(" \t ") == ""


@given(st.text())
def test_nfc_is_idempotent_and_normalizes(text):
    once = nfc(text)
    assert nfc(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert once == once.strip()
    assert "  " not in once
    assert nfc(unicodedata.normalize(NFD, text)) == once


# --- fold ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Thị Hồng Liên", "nguyen thi hong lien"),
        ("Đỗ", "do"),
        ("ĐỖ THỊ LẬP", "do thi lap"),
        ("  Trương\u00a0 Văn\tƯớc ", "truong van uoc"),
        ("Chi bộ Ấp 3", "chi bo ap 3"),
        ("Müller-Straße", "muller-strasse"),
        ("Ωμέγα Đức", "ωμεγα duc"),  # outside the table: the slow path
        ("", ""),
    ],
)
def test_fold_examples(text, expected):
    assert fold(text) == expected


def test_fold_nfd_input():
    assert fold(unicodedata.normalize(NFD, "Nguyễn Thị Hồng Liên")) == "nguyen thi hong lien"


def test_search_for_d_finds_names_with_đ():
    names = ["Đỗ Thị Ân", "Dương Văn Dũng", "Đặng Đức", "Nguyễn Văn Bình", "Lê Thị Đào"]
    query = fold("d")
    assert [n for n in names if fold(n).startswith(query)] == names[:3]
    assert [n for n in names if fold("dao") in fold(n)] == ["Lê Thị Đào"]
    assert [n for n in names if fold("ĐỖ") in fold(n).split()] == ["Đỗ Thị Ân"]


def test_fold_table_entries_match_the_definition():
    assert len(vntext._FOLD_TABLE) > 300
    for cp, folded in vntext._FOLD_TABLE.items():
        assert fold_reference(chr(cp)) == (folded or ""), hex(cp)


def test_fold_table_covers_every_vietnamese_letter():
    # so that Vietnamese names never leave the fast path
    for ch in [*VIET_LETTERS, "đ", "Đ"]:
        if not ch.isascii():
            assert ord(ch) in vntext._FOLD_TABLE, ch
    assert fold("".join(VIET_LETTERS)).isascii()


@given(st.text())
def test_fold_matches_definition(text):
    assert fold(text) == fold_reference(text)


@given(viet_text_st)
def test_fold_matches_definition_on_vietnamese(text):
    assert fold(text) == fold_reference(text)
    assert fold(text).isascii()


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_fold_ignores_normalization_form(text):
    assert fold(nfc(text)) == fold(text)
    assert fold(unicodedata.normalize(NFD, text)) == fold(text)


@given(viet_text_st)
def test_fold_ignores_case_and_tones(text):
    assert fold(text.upper()) == fold(text.lower()) == fold(text)
    stripped = "".join(ch for ch in unicodedata.normalize(NFD, text) if ch not in VIET_MARKS)
    assert fold(stripped) == fold(text)


# --- split_name ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("Nguyễn Thị Hồng Liên", ("Nguyễn", "Thị Hồng", "Liên")),
        ("Trần Văn An", ("Trần", "Văn", "An")),
        ("Lê Na", ("Lê", "", "Na")),
        ("An", ("", "", "An")),
        ("", ("", "", "")),
        ("  Tôn  Nữ\tThị  Ngọc Hà ", ("Tôn", "Nữ Thị Ngọc", "Hà")),
    ],
)
def test_split_name(full_name, expected):
    assert split_name(full_name) == expected


def test_split_name_normalizes_to_nfc():
    assert split_name(unicodedata.normalize(NFD, "Đỗ Thị Ân")) == ("Đỗ", "Thị", "Ân")


# --- sort keys: examples ------------------------------------------------------------------------


def backwards(items: list[str]) -> list[str]:
    return items[::-1]


def shuffled(items: list[str], seed: int) -> list[str]:
    copy = list(items)
    random.Random(seed).shuffle(copy)
    return copy


@pytest.mark.parametrize("seed", range(5))
def test_roster_order(seed):
    assert sorted(shuffled(ROSTER, seed), key=name_sort_key) == ROSTER
    assert sorted(backwards(ROSTER), key=name_sort_key) == ROSTER


@pytest.mark.parametrize("key", [name_sort_key, text_sort_key])
def test_single_word_order(key):
    assert sorted(backwards(SINGLE_WORDS), key=key) == SINGLE_WORDS
    assert sorted(shuffled(SINGLE_WORDS, 1), key=key) == SINGLE_WORDS


def test_alphabet_order():
    letters_ = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
    assert sorted(backwards(letters_), key=text_sort_key) == letters_
    assert sorted([x.upper() for x in reversed(letters_)], key=text_sort_key) == [
        x.upper() for x in letters_
    ]


def test_tone_order_then_case():
    expected = ["ma", "Ma", "mà", "Mà", "mả", "mã", "má", "mạ", "MẠ"]
    assert sorted(backwards(expected), key=text_sort_key) == expected
    assert sorted(shuffled(expected, 3), key=name_sort_key) == expected


def test_the_whole_given_name_decides_before_the_middle_name():
    # the given name on all levels first: Anh < Ánh whatever the middle names
    assert sorted(["Lê Thị Ánh", "Lê Văn Anh"], key=name_sort_key) == ["Lê Văn Anh", "Lê Thị Ánh"]
    # tones are compared left to right in given, middle, family order
    assert sorted(["Lê Văn Ánh", "Lễ Văn Anh"], key=name_sort_key) == ["Lễ Văn Anh", "Lê Văn Ánh"]
    # Hoa and Hòa are different given names: they never interleave by middle name
    names = ["Trần Thị Hòa", "Nguyễn Văn Hoa", "Phạm Văn Hòa", "Lê Thị Hoa", "Đỗ Xuân Hoa"]
    assert sorted(names, key=name_sort_key) == [
        "Lê Thị Hoa",
        "Nguyễn Văn Hoa",
        "Đỗ Xuân Hoa",
        "Trần Thị Hòa",
        "Phạm Văn Hòa",
    ]


def test_shorter_prefix_first():
    assert sorted(["Anh", "An"], key=name_sort_key) == ["An", "Anh"]
    names = ["Trần Văn An", "Nguyễn An", "An", "Lê Anh", "Lê Văn An Anh"]
    assert sorted(names, key=name_sort_key) == [
        "An",
        "Nguyễn An",
        "Trần Văn An",
        "Lê Anh",
        "Lê Văn An Anh",
    ]


def test_middle_names_compare_word_by_word():
    names = ["Nguyễn Thị Hồng Liên", "Trần Thị Liên", "Lê Thị Hà Liên", "Lê Liên"]
    assert sorted(names, key=name_sort_key) == [
        "Lê Liên",
        "Trần Thị Liên",
        "Lê Thị Hà Liên",
        "Nguyễn Thị Hồng Liên",
    ]


def test_text_sort_key_reading_order_digits_and_punctuation():
    units = ["Đảng bộ Xã An", "Chi bộ Ấp 3", "Chi bộ Ấp 10", "Chi bộ Ánh Dương", "Chi bộ (cũ)"]
    assert sorted(units, key=text_sort_key) == [
        "Chi bộ (cũ)",
        "Chi bộ Ánh Dương",
        "Chi bộ Ấp 10",
        "Chi bộ Ấp 3",
        "Đảng bộ Xã An",
    ]
    assert text_sort_key("Tổ 9") < text_sort_key("Tổ A") < text_sort_key("Tổ Ă")


def test_keys_sort_the_same_in_sqlite_binary_collation():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE person (name TEXT, sort_key TEXT)")
    con.executemany(
        "INSERT INTO person VALUES (?, ?)", [(n, name_sort_key(n)) for n in reversed(ROSTER)]
    )
    rows = con.execute("SELECT name FROM person ORDER BY sort_key COLLATE BINARY").fetchall()
    assert [r[0] for r in rows] == ROSTER


def test_keys_ignore_normalization_form_and_spacing():
    for name in ROSTER:
        assert name_sort_key(unicodedata.normalize(NFD, name)) == name_sort_key(name)
        assert name_sort_key(f"  {name.replace(' ', '  ')} ") == name_sort_key(name)
        assert text_sort_key(unicodedata.normalize(NFD, name)) == text_sort_key(name)


def test_empty_names_sort_first():
    assert name_sort_key("") < name_sort_key("A") < name_sort_key("Lê A")
    assert text_sort_key("") < text_sort_key("-") < text_sort_key("0") < text_sort_key("a")


# --- sort keys: properties ----------------------------------------------------------------------


@given(name_pairs())
def test_name_sort_key_agrees_with_given_middle_family_model(pair):
    a, b = pair
    assert sign(name_sort_key(render(a)), name_sort_key(render(b))) == sign(oracle(a), oracle(b))


@given(st.lists(names_st, max_size=12))
def test_sorting_by_name_sort_key_matches_model(names):
    assert sorted(map(render, names), key=name_sort_key) == [
        render(n) for n in sorted(names, key=oracle)
    ]


@given(name_pairs())
def test_text_sort_key_agrees_with_reading_order_model(pair):
    a, b = pair
    assert sign(text_sort_key(render(a)), text_sort_key(render(b))) == sign(
        text_oracle(a), text_oracle(b)
    )


@given(names_st)
def test_primary_level_is_case_insensitive(name):
    text = render(name)
    keys = [name_sort_key(t) for t in (text.lower(), text, text.upper())]
    assert len({k.split("\x01")[0] for k in keys}) == 1
    assert keys[0] <= keys[1] <= keys[2]  # lower case first, at the last level only


@given(st.text())
def test_keys_are_storable_strings(text):
    for key in (name_sort_key(text), text_sort_key(text)):
        assert isinstance(key, str)
        assert "\x00" not in key  # PostgreSQL text cannot hold NUL
        key.encode("utf-8")  # no lone surrogates from valid input


@given(st.text())
def test_keys_ignore_normalization_form(text):
    nfd = unicodedata.normalize(NFD, text)
    assert name_sort_key(nfd) == name_sort_key(text)
    assert text_sort_key(nfd) == text_sort_key(text)


# --- tone placement -----------------------------------------------------------------------------

OLD_TO_NEW = [
    ("hoà", "hòa"),
    ("Hoà", "Hòa"),
    ("HOÀ", "HÒA"),
    ("thuý", "thúy"),
    ("khoẻ", "khỏe"),
    ("tuỳ", "tùy"),
    ("Thuỵ", "Thụy"),
    ("hoè", "hòe"),
    ("toạ đàm", "tọa đàm"),
    ("uỷ ban", "ủy ban"),
    ("Nguyễn Thị Thanh Thuỷ", "Nguyễn Thị Thanh Thủy"),
    ("Lê Văn Hoà, Trần Thị Loan.", "Lê Văn Hòa, Trần Thị Loan."),
]
UNCHANGED = [
    "hoàn",
    "Hoàng",
    "thuyền",
    "quý",
    "Quý",
    "QUỲNH",
    "khuỷu",
    "hoài",
    "ngoáy",
    "khoét",
    "hoa",
    "thuy",
    "Nguyễn Văn Toàn",
]


@pytest.mark.parametrize(("old", "new"), OLD_TO_NEW)
def test_tone_placement_old_to_new(old, new):
    assert normalize_tone_placement(old) == new
    assert normalize_tone_placement(new) == new  # the modern spelling is left alone
    assert normalize_tone_placement(unicodedata.normalize(NFD, old)) == new


@pytest.mark.parametrize("text", UNCHANGED + [new for _, new in OLD_TO_NEW])
def test_tone_placement_leaves_other_words(text):
    assert normalize_tone_placement(text) == text


def test_tone_placement_makes_duplicates_compare_equal():
    a, b = "Nguyễn Thị Hoà", "Nguyễn Thị Hòa"
    assert a != b
    assert normalize_tone_placement(a) == normalize_tone_placement(b)


@given(viet_text_st)
@example("OÀ\u0300")  # a stray mark after the vowel: not the end of the word
def test_tone_placement_properties(text):
    normalized = normalize_tone_placement(text)
    assert normalize_tone_placement(normalized) == normalized
    assert fold(normalized) == fold(text)
    assert len(normalized) == len(unicodedata.normalize("NFC", text))
    assert [c.isupper() for c in normalized] == [
        c.isupper() for c in unicodedata.normalize("NFC", text)
    ]


# --- module hygiene -----------------------------------------------------------------------------


def test_module_imports_only_the_standard_library():
    tree = ast.parse(Path(vntext.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert imported
    assert imported <= sys.stdlib_module_names
