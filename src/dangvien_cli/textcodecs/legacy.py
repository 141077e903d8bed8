"""The Vietnamese legacy encodings as Python codecs: TCVN3 (ABC, the ".Vn" fonts) and
VNI-Windows have no stdlib codec, so their byte tables are built here and registered with
`codecs` under the names "tcvn3" and "vni" when this module is imported; Windows-1258 is the
stdlib's, but Windows writes most toned letters as a base letter plus a combining mark, which
`CP1258_SPLIT` reproduces. Apart from detection and streaming (textcodecs) because these
tables are data about the encodings, checked letter by letter by their own tests.

Choices, documented because the encodings leave room:
- TCVN3 decoding accepts all of TCVN 5712:1993 VN2 (0xA0-0xFF), a superset of VN3; bytes
  0x80-0x9F are the Windows-1252 symbols the .Vn fonts keep there (as Unikey reads them),
  not the VN1 capitals glibc's TCVN5712-1 puts there.
- VN3 has no capital toned letters (all-caps text was typed in the ".VnTimeH" fonts with the
  lowercase codes), so encoding "Ẩ" to tcvn3 writes the code of "ẩ", as Unikey and the ABC
  keyboard do; decoding then gives "ẩ". It never raises for them.
- TCVN3 decoding also reads the two-byte capitals (capital base + lowercase toned code, "A" + 0xB8
  for "Á") that the npm vietnamese-conversion and PHP u-convert converters write.
- VNI and TCVN3 bytes with no Vietnamese meaning decode as Windows-1252 (0x80-0x9F) or
  Latin-1 (0xA0-0xFF, VNI only); the five bytes Windows-1252 leaves undefined are errors.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing_extensions import Buffer

# --- Vietnamese letters --------------------------------------------------------------------

_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_TONES = frozenset((_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT))
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_LOWER_LETTERS = tuple(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưy"
    for tone in ("", _GRAVE, _ACUTE, _TILDE, _HOOK, _DOT)
    if base + tone not in tuple("aeiouy")
) + ("đ",)
# The 134 precomposed letters of Vietnamese: 67 lowercase, 67 uppercase.
VIETNAMESE_LETTERS = _LOWER_LETTERS + tuple(ch.upper() for ch in _LOWER_LETTERS)

# Windows-1252 symbols, which the .Vn and VNI fonts (Windows ANSI fonts) keep in 0x80-0x9F.
_C1_SYMBOLS = {
    b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in b"\x81\x8d\x8f\x90\x9d"
}

# --- TCVN3 ----------------------------------------------------------------------------------
# Sources (facts only): TCVN 5712:1993 as glibc ships it, localedata/charmaps/TCVN5712-1 (VN1;
# `iconv -f TCVN5712-1`, also libiconv/X11 tcvn.h); Wikipedia "VSCII" for the parts: VN3 =
# ASCII + NBSP + the 67 lowercase letters + Ă Â Ê Ô Ơ Ư Đ (75), VN2 = VN3 + 21 positions
# (16 capital toned letters, 5 combining tones) = all of 0xA0-0xFF, VN1 = VN2 + 44 capital
# toned letters in 0x80-0x9F and 12 C0 positions (0x01 0x02 0x04-0x06 0x11-0x17); D. Winter,
# "Character codes: standards" (VSCII-3 drops capital toned vowels and the tone marks);
# Unikey vnconv data.cpp TCVN3 table (vn-input/ibus-unikey ukengine/data.cpp), which agrees on
# all 74 VN3 letters, maps capital toned letters to the lowercase codes and reads 0x80-0x9F as
# Windows-1252.
_TCVN3_G1 = (  # 0xA0 ... 0xFF
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"  # A0
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # B0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # C0
    "éẹềểễếệìỉỄẾỒĩíịò"  # D0
    "Ổỏõóọồổỗốộờởỡớợù"  # E0
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # F0
)
# Positions VN2 adds to VN3: decoded, never written.
_VN2_ONLY = frozenset(
    b"\xaf\xb0\xb1\xb2\xb3\xb4\xba\xbf\xc0\xc1\xc2\xc3\xc4\xc5\xcd\xd9\xda\xdb\xe0\xf0\xff"
)

# --- VNI-Windows ----------------------------------------------------------------------------
# A letter is a base byte followed by one mark byte; capitals take the 0xC0-0xDC mark, lowercase
# the same mark + 0x20. Sources: Unikey vnconv data.cpp "VNI-WIN" table (word = mark << 8 |
# base), duydev/vietnamese-conversion src/charsets.ts and anhskohbo/u-convert src/UConvert.php
# (VNI lists). All three agree on the 134 letters (tests/test_textcodecs.py spells out samples).
_VNI_MARKS = {  # capital form; lowercase form is byte + 0x20
    0xD9: _ACUTE,
    0xD8: _GRAVE,
    0xDB: _HOOK,
    0xD5: _TILDE,
    0xCF: _DOT,
    0xC2: _CIRCUMFLEX,
    0xC1: _CIRCUMFLEX + _ACUTE,
    0xC0: _CIRCUMFLEX + _GRAVE,
    0xC5: _CIRCUMFLEX + _HOOK,
    0xC3: _CIRCUMFLEX + _TILDE,
    0xC4: _CIRCUMFLEX + _DOT,
    0xCA: _BREVE,
    0xC9: _BREVE + _ACUTE,
    0xC8: _BREVE + _GRAVE,
    0xDA: _BREVE + _HOOK,
    0xDC: _BREVE + _TILDE,
    0xCB: _BREVE + _DOT,
}
_VNI_LETTERS = {  # capital; lowercase is byte + 0x20
    0xC6: "Ỉ",
    0xCC: "Ì",
    0xCD: "Í",
    0xCE: "Ỵ",
    0xD1: "Đ",
    0xD2: "Ị",
    0xD3: "Ĩ",
    0xD4: "Ơ",
    0xD6: "Ư",
}


def _vni_tables() -> tuple[dict[int, str], dict[int, bytes], frozenset[int]]:
    marks = {b: m for cap, m in _VNI_MARKS.items() for b in (cap, cap + 0x20)}
    letters = {b: ch for cap, ch in _VNI_LETTERS.items() for b in (cap, cap + 0x20)}
    letters = {b: ch.lower() if b >= 0xE0 else ch for b, ch in letters.items()}
    decode = {b: chr(b) for b in range(0x80)} | _C1_SYMBOLS
    decode |= {b: marks.get(b) or letters.get(b) or chr(b) for b in range(0xA0, 0x100)}
    encode = {ord(ch): bytes([b]) for b, ch in decode.items() if b not in marks}
    by_marks = {unicodedata.normalize("NFD", "a" + m)[1:]: b for b, m in _VNI_MARKS.items()}
    single = {ch: b for b, ch in letters.items()}
    for ch in VIETNAMESE_LETTERS:
        if ch in single:
            encode[ord(ch)] = bytes([single[ch]])
            continue
        nfd = unicodedata.normalize("NFD", ch)
        base, rest = nfd[0], nfd[1:]
        if rest[:1] == "\u031b":  # horn: ơ/ư are letters of their own in VNI
            base, rest = unicodedata.normalize("NFC", nfd[:2]), rest[1:]
        lead = bytes([single[base]]) if base in single else base.encode("ascii")
        offset = 0 if base.isupper() else 0x20
        encode[ord(ch)] = lead + (bytes([by_marks[rest] + offset]) if rest else b"")
    return decode, encode, frozenset(marks)


def _tcvn3_capitals() -> Callable[[str], str]:
    # duydev/vietnamese-conversion and anhskohbo/u-convert write a capital toned letter as the
    # capital base plus the lowercase code ("Á" -> b"A\xb8"); read those pairs back as capitals.
    # No Vietnamese syllable has a vowel doubled with its toned self, so nothing else matches.
    pairs = {}
    for ch in _LOWER_LETTERS:
        nfd = unicodedata.normalize("NFD", ch)
        bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
        if bare != ch:
            pairs[bare.upper() + ch] = ch.upper()
    pattern = re.compile("|".join(pairs))
    return lambda text: pattern.sub(lambda m: pairs[m.group()], text)


def _tcvn3_tables() -> tuple[dict[int, str], dict[int, bytes], frozenset[int]]:
    decode = {b: chr(b) for b in range(0x80)} | _C1_SYMBOLS
    decode |= {0xA0 + i: ch for i, ch in enumerate(_TCVN3_G1)}
    encode = {ord(ch): bytes([b]) for b, ch in decode.items() if b not in _VN2_ONLY}
    for ch in _LOWER_LETTERS:  # capitals VN3 lacks: the lowercase code, as .VnTimeH text has
        encode.setdefault(ord(ch.upper()), encode[ord(ch)])
    return decode, encode, frozenset(range(0xB0, 0xB5))


class _TableCodec:
    """A byte-table codec whose mark bytes combine with the letter before them."""

    def __init__(
        self,
        name: str,
        tables: tuple[dict[int, str], dict[int, bytes], frozenset[int]],
        fix: Callable[[str], str] = str,
        pair_starts: bytes = b"",
    ) -> None:
        self.name = name
        self.decoding, self.encoding, self.marks = tables
        self.fix = fix  # applied to the decoded NFC text
        self.pair_starts = frozenset(pair_starts)  # first bytes of letters `fix` joins

    def encode(self, text: str, errors: str = "strict") -> tuple[bytes, int]:
        try:
            data, _ = codecs.charmap_encode(
                unicodedata.normalize("NFC", text), errors, self.encoding
            )
        except UnicodeEncodeError as exc:
            raise UnicodeEncodeError(
                self.name, exc.object, exc.start, exc.end, exc.reason
            ) from None
        return data, len(text)

    def decode(self, data: Buffer, errors: str = "strict") -> tuple[str, int]:
        try:
            text, consumed = codecs.charmap_decode(bytes(data), errors, self.decoding)
        except UnicodeDecodeError as exc:
            raise UnicodeDecodeError(
                self.name, exc.object, exc.start, exc.end, exc.reason
            ) from None
        return self.fix(unicodedata.normalize("NFC", text)), consumed

    def codec_info(self) -> codecs.CodecInfo:
        codec = self

        class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
            def _buffer_decode(self, input: Buffer, errors: str, final: bool) -> tuple[str, int]:
                data = bytes(input)
                end = len(data)
                if not final:  # keep the last letter back until its marks have arrived
                    while end and data[end - 1] in codec.marks:
                        end -= 1
                    end = max(end - 1, 0)
                    if end and data[end - 1] in codec.pair_starts:  # and "A" of b"A\xb8"
                        end -= 1
                try:
                    return codec.decode(data[:end], errors)[0], end
                except UnicodeDecodeError as exc:  # on all of `data`, as utf-8's decoder does
                    raise UnicodeDecodeError(
                        codec.name, data, exc.start, exc.end, exc.reason
                    ) from None

        class IncrementalEncoder(codecs.BufferedIncrementalEncoder):
            def _buffer_encode(self, text: str, errors: str, final: bool) -> tuple[bytes, int]:
                end = len(text)
                if not final:  # a combining mark may still follow the last character
                    while end and unicodedata.combining(text[end - 1]):
                        end -= 1
                    end = max(end - 1, 0)
                return codec.encode(text[:end], errors)[0], end

        class StreamWriter(codecs.StreamWriter):
            encode = staticmethod(codec.encode)  # type: ignore[assignment]

        class StreamReader(codecs.StreamReader):
            decode = staticmethod(codec.decode)  # type: ignore[assignment]

        return codecs.CodecInfo(
            name=self.name,
            encode=self.encode,
            decode=self.decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=IncrementalDecoder,
            streamwriter=StreamWriter,
            streamreader=StreamReader,
        )


_CODECS = {
    "tcvn3": _TableCodec(
        "tcvn3", _tcvn3_tables(), _tcvn3_capitals(), b"AEIOUY\xa1\xa2\xa3\xa4\xa5\xa6"
    ).codec_info(),
    "vni": _TableCodec("vni", _vni_tables()).codec_info(),
}


def _search(name: str) -> codecs.CodecInfo | None:
    return _CODECS.get({"vni_windows": "vni"}.get(name, name))


codecs.register(_search)


def _cp1258_split() -> dict[int, str]:
    """Windows-1258 as Windows writes it: letters cp1258 has whole (á, â, ơ, Đ, ...) stay whole;
    the others become the cp1258 base letter (a, â, ă, ơ, ...) plus a combining tone mark."""
    table = {}
    for ch in VIETNAMESE_LETTERS:
        try:
            ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
            table[ord(ch)] = base + "".join(c for c in nfd if c in _TONES)
    return table


CP1258_SPLIT = _cp1258_split()
