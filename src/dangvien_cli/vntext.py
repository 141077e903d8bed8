"""Vietnamese text helpers: normalization, search folding, collation keys, tone placement.

Standard library only, and cheap to import: the CLI imports this on every run and bulk imports
call `fold` and `name_sort_key` once per row.
"""

import functools
import re
import unicodedata

__all__ = [
    "control_char",
    "fold",
    "invisible_char",
    "nfkc_code",
    "visible",
    "name_sort_key",
    "nfc",
    "normalize_tone_placement",
    "split_name",
    "text_sort_key",
]

_normalize = unicodedata.normalize
_category = unicodedata.category

# Combining marks as they appear after NFD. Tones, in CLDR `vi` secondary order.
_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_TONES = (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)  # huyền < hỏi < ngã < sắc < nặng
# Marks that make a separate letter (ă â ê ô ơ ư) rather than a tone.
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_LETTER_MARKS = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}


# C0 controls except tab, DEL and C1: NUL ends a C string, ESC drives the terminal the text
# is shown on, and XML (so .xlsx) can carry none of them. Line breaks are among them: no
# field the tool stores is more than one line. Lone surrogates are the bytes of an argument
# that was not UTF-8 (os.fsdecode keeps them that way); nothing can print them. The
# bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) turn the
# text after them around where it is shown: a decision number or a note could make a
# table's row read other than it is stored.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def control_char(text: str) -> str | None:
    """The first character of ``text`` that input refuses, as U+XXXX; None if there is none."""
    found = _CONTROL.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def invisible_char(text: str) -> str | None:
    """The first character of a code that cannot be seen (zero-width space, joiners, BOM,
    bidirectional marks: Unicode's format and control categories; any space but " "), as
    U+XXXX; None if there is none. Two codes that print alike must be one code."""
    for ch in text:
        if ch != " " and _category(ch) in ("Cf", "Cc", "Zs", "Zl", "Zp", "Co", "Cn"):
            return f"U+{ord(ch):04X}"
    return None


def visible(text: str) -> str:
    """``text`` with every refused or invisible character written as <U+XXXX>, to echo it."""
    return "".join(
        f"<U+{ord(ch):04X}>" if control_char(ch) or (ch != " " and invisible_char(ch)) else ch
        for ch in text
    )


def nfkc_code(code: str) -> str:
    """A code in its one form: NFKC, so fullwidth ＤＡＬＡＮ or a ligature is the plain code,
    and with the outer spaces stripped."""
    return _normalize("NFKC", code).strip()


def nfc(text: str) -> str:
    """Return `text` in NFC with surrounding whitespace stripped and inner runs collapsed."""
    return " ".join(_normalize("NFC", text).split())


# --- fold -------------------------------------------------------------------------------------


def _fold_slow(text: str) -> str:
    # The definition: NFC -> NFD -> drop Mn -> đ/Đ -> d/D -> casefold -> collapse whitespace.
    # NFD(NFC(x)) == NFD(x), so the NFC step is implied.
    decomposed = _normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if _category(ch) != "Mn")
    return " ".join(kept.replace("đ", "d").replace("Đ", "D").casefold().split())


# Precomputed: each character here folds to the ASCII letter(s) it is listed under. Covers every
# precomposed Vietnamese letter plus Latin-1 and Latin Extended-A; the tests check each entry
# against the definition. Literals, not a loop over unicodedata, keep the import cheap.
_FOLD_LETTERS = {
    "a": "ÀÁÂÃÄÅàáâãäåĀāĂăĄąẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ",
    "c": "ÇçĆćĈĉĊċČč",
    "d": "ĎďĐđ",
    "e": "ÈÉÊËèéêëĒēĔĕĖėĘęĚěẸẹẺẻẼẽẾếỀềỂểỄễỆệ",
    "g": "ĜĝĞğĠġĢģ",
    "h": "Ĥĥ",
    "i": "ÌÍÎÏìíîïĨĩĪīĬĭĮįİỈỉỊị",
    "j": "Ĵĵ",
    "k": "Ķķ",
    "l": "ĹĺĻļĽľ",
    "n": "ÑñŃńŅņŇň",
    "o": "ÒÓÔÕÖòóôõöŌōŎŏŐőƠơỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ",
    "r": "ŔŕŖŗŘř",
    "s": "ŚśŜŝŞşŠšſ",
    "ss": "ß",
    "t": "ŢţŤť",
    "u": "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưỤụỦủỨứỪừỬửỮữỰự",
    "w": "Ŵŵ",
    "y": "ÝýÿŶŷŸỲỳỴỵỶỷỸỹ",
    "z": "ŹźŻżŽž",
}
_FOLD_TABLE: dict[int, str | None] = {cp: chr(cp + 32) for cp in range(0x41, 0x5B)}
for _target, _chars in _FOLD_LETTERS.items():
    _FOLD_TABLE.update(dict.fromkeys(map(ord, _chars), _target))
_FOLD_TABLE.update(dict.fromkeys(range(0x300, 0x370)))  # combining marks (all Mn): deleted


# Names reuse a small vocabulary of words, so a bulk import mostly hits this cache (bounded).
# Folding word by word equals folding the whole text: no step of the definition joins or
# splits across whitespace.
_CACHE_MAX = 100_000


@functools.lru_cache(maxsize=_CACHE_MAX)
def _fold_word(word: str) -> str:
    # Fast path: one str.translate over the table. If anything non-ASCII is left, the table did
    # not cover the word, so run the definition on the original instead.
    folded = word.translate(_FOLD_TABLE)
    return folded if folded.isascii() else _fold_slow(word)


def fold(text: str) -> str:
    """Return the accent-, đ- and case-insensitive search key: "Nguyễn Thị" -> "nguyen thi"."""
    out = []
    for word in text.split():
        folded = _fold_word(word)
        if folded:
            out.append(folded)
    return " ".join(out)


# --- names ------------------------------------------------------------------------------------


def split_name(full_name: str) -> tuple[str, str, str]:
    """Split a Vietnamese full name into (family, middle, given); '' where absent."""
    words = nfc(full_name).split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


# --- collation keys ---------------------------------------------------------------------------
#
# Why hand-written: PyICU (the real CLDR `vi` collator) ships only an sdist that needs ICU
# headers and a C++ compiler, which a clerk's Windows PC does not have; pyuca implements the root
# UCA, which puts Ăn/Ân/Ấn before Anh and Đức before Dũng, wrong for `vi`. This reproduces the
# CLDR `vi` tailoring (&a<ă<â, &d<đ, &e<ê, &o<ô<ơ, &u<ư; tones &̀<<̉<<̃<<́<<̣) for the
# three levels that matter, as one str whose plain code-point order is the collation order, so
# it can be stored in a column and sorted by SQLite BINARY or PostgreSQL COLLATE "C".
#
# Key layout: PRIMARY \x01 SECONDARY \x01 TERTIARY
#   PRIMARY    one char per letter: \x03 space, \x04-\x23 ASCII punctuation in CLDR root order,
#              \x24 + c for other punctuation/symbols, \x25-\x2e digits, \x2f-\x4f the 33 letters
#              a ă â b c d đ e ê f ... y z; any other character (other scripts) is itself, so it
#              sorts after z. Lower-cased (casefold) first.
#   SECONDARY  one char per letter, in the same order: \x02 no tone, \x03-\x07 huyền, hỏi, ngã,
#              sắc, nặng; any other mark is itself (>= U+0300).
#   TERTIARY   one char per letter: \x02 lower, \x03 upper (CLDR default: lower first).
# \x01 is below every weight, so a level is only looked at when all the levels before it are
# equal. Trailing "no tone"/"lower" chars are dropped: they are the smallest of their level, so
# dropping them keeps the order (and keeps keys short). No key contains NUL (PostgreSQL text).
#
# A name key is three such keys, given name, middle name, family name, joined by \x01: each
# part is compared on all three levels before the next part is looked at, as a clerk sorting
# an Excel list by "Tên" then "Họ đệm" gets; "An" < "Lê An" < "Lê Văn An" < "Anh" (a shorter
# word or part sorts first).

_LEVEL_SEP = "\x01"
_PART_SEP = "\x01"
_SPACE = "\x03"
_ASCII_PUNCT = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"
_OTHER_PUNCT = "\x24"
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_NO_TONE = "\x02"
_TONE_WEIGHT = {mark: chr(0x03 + i) for i, mark in enumerate(_TONES)}
_LOWER, _UPPER = "\x02", "\x03"

_PRIMARY: dict[str, str] = {" ": _SPACE}
_PRIMARY.update((ch, chr(0x04 + i)) for i, ch in enumerate(_ASCII_PUNCT))
_PRIMARY.update((ch, chr(0x25 + i)) for i, ch in enumerate("0123456789" + _ALPHABET))


def _primary(ch: str) -> str:
    weight = _PRIMARY.get(ch)
    if weight is not None:
        return weight
    cat = _category(ch)
    if cat in ("Cc", "Cf"):  # controls, soft hyphen, ZWJ...: ignorable, as in CLDR
        return ""
    if cat[0] in "PSZ":
        return _OTHER_PUNCT + ch
    return ch


def _word_weights_uncached(word: str) -> tuple[str, str, str]:
    # Walk NFD clusters: a base character followed by its combining marks.
    clusters: list[tuple[str, list[str]]] = []
    for ch in _normalize("NFD", word):
        if unicodedata.combining(ch) or _category(ch) == "Mn":
            if not clusters:
                clusters.append(("", []))
            clusters[-1][1].append(ch)
        else:
            clusters.append((ch, []))
    primary: list[str] = []
    secondary: list[str] = []
    tertiary: list[str] = []
    for base, marks in clusters:
        lower = base.casefold()
        for k, mark in enumerate(marks):
            letter = _LETTER_MARKS.get((lower, mark))
            if letter is not None:
                lower = letter
                marks = marks[:k] + marks[k + 1 :]
                break
        weight = "".join(_primary(c) for c in lower)
        if not weight and not marks:
            continue
        primary.append(weight)
        secondary.append("".join(_TONE_WEIGHT.get(m, m) for m in marks) or _NO_TONE)
        tertiary.append(_UPPER if base != base.lower() else _LOWER)
    return "".join(primary), "".join(secondary), "".join(tertiary)


# Cached per word, like fold.
_word_weights = functools.lru_cache(maxsize=_CACHE_MAX)(_word_weights_uncached)


def _key(primary: str, secondaries: tuple[str, ...], tertiaries: tuple[str, ...]) -> str:
    secondary = "".join(secondaries).rstrip(_NO_TONE)
    tertiary = "".join(tertiaries).rstrip(_LOWER)
    return f"{primary}{_LEVEL_SEP}{secondary}{_LEVEL_SEP}{tertiary}"


def name_sort_key(full_name: str) -> str:
    """Return a str key ordering people as a Vietnamese list does: by the whole given name
    (letters, then tones, then case, CLDR `vi`), then the middle name, then the family name,
    each part compared completely before the next ("Hoa" before every "Hòa")."""
    words = _normalize("NFC", full_name).split()
    given, middle, family = words[-1:], words[1:-1], words[:1] if len(words) > 1 else []
    return _PART_SEP.join(_part_key(part) for part in (given, middle, family))


def _part_key(words: list[str]) -> str:
    weights = [_word_weights(w) for w in words] or [("", "", "")]
    primaries, secondaries, tertiaries = zip(*weights, strict=True)
    return _key(_SPACE.join(primaries), secondaries, tertiaries)


def text_sort_key(text: str) -> str:
    """Return a str key ordering `text` by CLDR `vi` collation, in reading order."""
    weights = [_word_weights(w) for w in _normalize("NFC", text).split()] or [("", "", "")]
    primaries, secondaries, tertiaries = zip(*weights, strict=True)
    return _key(_SPACE.join(primaries), secondaries, tertiaries)


# --- tone placement ---------------------------------------------------------------------------

_OLD_STYLE = {"o": "àáảãạèéẻẽẹ", "u": "ỳýỷỹỵ"}  # first vowel -> toned second vowels
_OLD_STYLE_SECOND = {
    ch: first for first, seconds in _OLD_STYLE.items() for ch in seconds + seconds.upper()
}
_CONSONANTS = frozenset("bcdđghklmnpqrstvxfjwzBCDĐGHKLMNPQRSTVXFJWZ")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or _category(ch)[0] == "M"


def normalize_tone_placement(text: str) -> str:
    """Return NFC `text` with old-style tones moved to the modern place ("hoà" -> "hòa").

    Only oa/oe/uy ending a word move the tone to their first vowel ("thuý" -> "thúy",
    "khoẻ" -> "khỏe"); "hoàn", "thuyền", "quý" and "khuỷu" are the same in both styles.
    """
    chars = list(_normalize("NFC", text))
    n = len(chars)
    for i in range(1, n):
        first = _OLD_STYLE_SECOND.get(chars[i])
        if first is None or chars[i - 1].lower() != first:
            continue
        if i + 1 < n and _is_word_char(chars[i + 1]):
            continue  # a final consonant or vowel follows: "hoàn", "hoài", "khuỷu"
        j = i - 2
        if first == "u" and j >= 0 and chars[j] in "qQ":
            continue  # "qu" is a consonant: "quý" keeps its tone on y
        while j >= 0 and chars[j] in _CONSONANTS:
            j -= 1
        if j >= 0 and _is_word_char(chars[j]):
            continue  # not a plain initial consonant cluster before the diphthong
        decomposed = _normalize("NFD", chars[i])  # base vowel + tone mark
        chars[i - 1] = _normalize("NFC", chars[i - 1] + decomposed[1])
        chars[i] = decomposed[0]
    return "".join(chars)
