"""Decode roster files in the encodings Vietnamese offices produce, always returning NFC text.

Supported: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1258 (base letters plus
combining tone marks), TCVN3 (ABC, the ".Vn" fonts) and VNI-Windows. TCVN3 and VNI have no
stdlib codec, so both are registered here as `codecs` codecs named "tcvn3" and "vni"
(`codecs.getincrementaldecoder("tcvn3")` works once this module is imported).

Auto-detection: BOM, then strict UTF-8, then a Vietnamese heuristic that decodes the lines
holding non-ASCII bytes as cp1258, tcvn3 and vni and keeps the decoding with the most valid
Vietnamese syllables and the fewest impossible characters. `open_text` streams files over
1 MiB and detects their encoding on their first MiB (see `_sniff`): such a file that turns
out not to be UTF-8 after that fails with the line of the bad bytes, never as mojibake.

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
import io
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from typing_extensions import Buffer

__all__ = [
    "ENCODINGS",
    "VIETNAMESE_LETTERS",
    "EncodingError",
    "decode_bytes",
    "detect_encoding",
    "encode_text",
    "open_text",
    "resolve_encoding",
]

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni")

_ALIASES = {
    **dict.fromkeys(("utf-8", "utf8"), "utf-8"),
    **dict.fromkeys(("utf-8-sig", "utf8-sig", "utf-8-bom", "utf8-bom"), "utf-8-sig"),
    **dict.fromkeys(("utf-16", "utf16"), "utf-16"),
    **dict.fromkeys(("cp1258", "cp-1258", "windows-1258", "win-1258", "1258"), "cp1258"),
    **dict.fromkeys(("tcvn3", "tcvn-3", "tcvn", "abc", "vn3", "tcvn5712-3"), "tcvn3"),
    **dict.fromkeys(("vni", "vni-windows", "vni-win"), "vni"),
}
# open_text decodes files up to this size in one go (bytes, str and a StringIO copy: about
# 9 MiB at the limit); larger ones are streamed, so peak memory is the same at every size.
_WHOLE_FILE_LIMIT = 1024 * 1024
_HEAD_SIZE = 1024 * 1024  # streamed files: the encoding is detected on this much
_CHUNK_SIZE = 64 * 1024  # streamed files: bytes decoded at a time
_SAMPLE_SIZE = 64 * 1024  # bytes of non-ASCII lines the heuristic scores
# A streamed line longer than this is refused rather than held: a CSV row of 60 full
# Excel cells is shorter, and a 48 MB "line" would otherwise be read whole.
LINE_MAX_CHARS = 1 << 20


class LineTooLong(ValueError):
    """A line of a streamed file longer than LINE_MAX_CHARS characters."""


class EncodingError(UnicodeDecodeError):
    """Bytes that are not valid in the chosen encoding, text it cannot hold, or an unknown name."""

    def __init__(
        self,
        encoding: str,
        message: str,
        data: bytes = b"",
        start: int = 0,
        end: int = 0,
        line: int | None = None,
    ) -> None:
        super().__init__(encoding, data, start, end, message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[EncodingError], tuple[object, ...]]:
        args = (self.encoding, self.message, self.object, self.start, self.end, self.line)
        return (type(self), args)


def resolve_encoding(name: str) -> str:
    """Return the canonical name (one of ENCODINGS) for `name` or an alias of it."""
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key not in _ALIASES:
        known = ", ".join(ENCODINGS)
        raise EncodingError(name, f"unknown encoding {name!r}; use auto or one of {known}")
    return _ALIASES[key]


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


_CP1258_SPLIT = _cp1258_split()


# --- public API -----------------------------------------------------------------------------


def encode_text(text: str, encoding: str) -> bytes:
    """Encode `text` as a file in `encoding` would hold it (BOM included for utf-8-sig/utf-16)."""
    enc = resolve_encoding(encoding)
    try:
        if enc == "utf-16":
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
        if enc == "cp1258":
            return unicodedata.normalize("NFC", text).translate(_CP1258_SPLIT).encode("cp1258")
        return text.encode(enc)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start]
        message = f"character {bad!r} (U+{ord(bad):04X}) cannot be written in {enc}"
        raise EncodingError(enc, message) from None


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode `data` to NFC text; return it with the encoding used (`None`/"auto" detects)."""
    if encoding is None or encoding.strip().lower() == "auto":
        enc = _bom_encoding(data)
        if enc is None:
            try:
                return unicodedata.normalize("NFC", data.decode("utf-8")), "utf-8"
            except UnicodeDecodeError:
                enc = _guess_legacy(data)
    else:
        enc = resolve_encoding(encoding)
        if enc == "utf-8" and data.startswith(codecs.BOM_UTF8):
            enc = "utf-8-sig"
    try:
        text = codecs.decode(data, enc)
    except UnicodeDecodeError as exc:
        raise _decode_error(enc, exc, _line_at(io.BytesIO(data), exc.start)) from None
    return unicodedata.normalize("NFC", text), enc


def detect_encoding(data: bytes) -> str:
    """Name the encoding of `data`: BOM, then strict UTF-8, then the Vietnamese heuristic."""
    enc = _bom_encoding(data)
    if enc is not None:
        return enc
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _guess_legacy(data)
    return "utf-8"


def open_text(
    path: str | os.PathLike[str], encoding: str | None = None
) -> tuple[io.TextIOBase, str]:
    """Open `path` as NFC text for csv (newline="" semantics); return the stream and encoding.

    Files up to 1 MiB are decoded in one go. Larger ones are detected on a bounded sample (see
    `_sniff`) and then decoded incrementally, so memory stays flat whatever the size. The one
    difference: UTF-8 is decided on the sample, so a file that turns invalid after it (a file
    mixing encodings) fails when the stream reaches the bad bytes, with an EncodingError that
    names their line, instead of being read whole as a legacy encoding.
    """
    if os.path.getsize(path) <= _WHOLE_FILE_LIMIT:
        with open(path, "rb") as fh:
            text, enc = decode_bytes(fh.read(), encoding)
        return io.StringIO(text, newline=""), enc
    raw = open(path, "rb")  # the stream closes it
    try:
        start = raw.read(len(codecs.BOM_UTF8))
        raw.seek(0)
        if encoding is None or encoding.strip().lower() == "auto":
            enc = _sniff(raw)
        else:
            enc = resolve_encoding(encoding)
            if enc == "utf-8" and start == codecs.BOM_UTF8:
                enc = "utf-8-sig"
        raw.seek(0)
        codec = enc
        if enc == "utf-16" and not start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # codecs.decode reads BOM-less UTF-16 in the machine's byte order, as the whole
            # file is read; the incremental decoder would refuse it instead.
            codec = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"
        return _DecodedStream(raw, enc, codec), enc
    except BaseException:
        raw.close()
        raise


# --- helpers --------------------------------------------------------------------------------


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _high_lines(data: bytes, limit: int, stop: int | None = None) -> bytearray:
    """The lines of `data[:stop]` holding non-ASCII bytes, each ending in b"\\n", until `limit`."""
    stop = len(data) if stop is None else stop
    sample = bytearray()
    pos = 0
    while len(sample) < limit and (hit := _HIGH.search(data, pos, stop)):
        start = data.rfind(b"\n", 0, hit.start()) + 1
        end = data.find(b"\n", hit.start(), stop)
        end = stop if end < 0 else end
        sample += data[start:end] + b"\n"
        pos = end + 1
    return sample


def _guess_legacy(data: bytes) -> str:
    """Pick cp1258, tcvn3 or vni for non-UTF-8 `data` by scoring its non-ASCII lines."""
    sample = _high_lines(data, _SAMPLE_SIZE)
    scores = {}
    for enc in ("cp1258", "tcvn3", "vni"):  # ties go to the earlier, more common one
        try:
            scores[enc] = _score(unicodedata.normalize("NFC", codecs.decode(bytes(sample), enc)))
        except UnicodeDecodeError:
            continue
    if not scores:
        message = "the file is not UTF-8, Windows-1258, TCVN3 or VNI; name its encoding"
        raise EncodingError("auto", message)
    return max(scores, key=scores.__getitem__)


_HIGH = re.compile(rb"[\x80-\xff]")


def _sniff(raw: BinaryIO) -> str:
    """Detect the encoding of `raw` on bounded memory, as `detect_encoding` does on the sample:
    its first _HEAD_SIZE bytes cut at a line end or, when those are all ASCII, the first
    _HEAD_SIZE bytes after them that are not. The BOM; else UTF-8 if the sample is valid UTF-8;
    else `_guess_legacy` on the sample's non-ASCII lines.

    A file that stops being UTF-8 after the sample fails when the stream reaches the bad
    bytes, naming their line.
    """
    chunk = raw.read(_HEAD_SIZE)
    if bom := _bom_encoding(chunk):
        return bom
    carry = b""
    while True:
        data = carry + chunk
        final = len(chunk) < _HEAD_SIZE  # a file's read is short only at its end
        end = len(data) if final else _line_cut(data)
        sample = bytearray() if data.isascii() else _high_lines(data, _SAMPLE_SIZE, end)
        if sample:
            return "utf-8" if _is_utf8(data, end) else _guess_legacy(bytes(sample))
        if final:
            return "utf-8"
        carry, chunk = data[end:], raw.read(_HEAD_SIZE)


def _is_utf8(data: bytes, end: int) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:  # in pieces: decoding the whole head at once would hold two or four times its size
        for pos in range(0, end, _CHUNK_SIZE):
            decoder.decode(data[pos : min(pos + _CHUNK_SIZE, end)])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _line_cut(data: bytes) -> int:
    """Where `data` can be cut without splitting a line (or, past _HEAD_SIZE, a letter)."""
    end = data.rfind(b"\n") + 1
    if not end and len(data) > _HEAD_SIZE:  # CR-only line ends, or one very long line
        end = max(data.rfind(b"\r") + 1, len(data.rstrip(_HIGH_BYTES))) or len(data)
    return end


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _decode_error(enc: str, exc: UnicodeDecodeError, line: int | None) -> EncodingError:
    bad = bytes(exc.object[exc.start : exc.end]).hex(" ")
    line = None if enc == "utf-16" else line  # counted in bytes b"\n", wrong for UTF-16
    where = f"line {line}: " if line else ""
    message = f"{where}bytes {bad} are not valid {enc}; try another encoding"
    return EncodingError(enc, message, bytes(exc.object), exc.start, exc.end, line)


def _line_at(raw: BinaryIO, offset: int) -> int:
    """The line holding byte `offset` of `raw`, line ends counted as csv reads them."""
    raw.seek(0)
    line, left, after_cr = 1, offset, False
    while left > 0 and (chunk := raw.read(min(left, _HEAD_SIZE))):
        left -= len(chunk)
        line += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
        line -= after_cr and chunk.startswith(b"\n")  # a CRLF cut in two: counted twice
        after_cr = chunk.endswith(b"\r")
    return line


class _DecodedStream(io.TextIOBase):
    """Read-only NFC text over a binary file, decoded incrementally.

    io.TextIOWrapper decodes and splits lines (newline="": line ends kept, a CRLF across two
    reads stays one); each line is then normalized alone, which equals normalizing the whole
    text because nothing composes or reorders across a line end.
    """

    def __init__(self, raw: BinaryIO, encoding: str, codec: str, chunk_size: int = 0) -> None:
        self._text = io.TextIOWrapper(raw, encoding=codec, errors="strict", newline="")
        self._text._CHUNK_SIZE = chunk_size or _CHUNK_SIZE  # type: ignore[attr-defined]
        self._raw = raw
        self._encoding = encoding
        self._rest = ""  # what read(size) or readline(size) left of the current line

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if not self.closed:
            self._text.close()
        super().close()

    def _line(self) -> str:
        try:
            line = self._text.readline(LINE_MAX_CHARS + 1)
        except UnicodeDecodeError as exc:
            raise _decode_error(self._encoding, exc, self._line_of(exc)) from None
        if len(line) > LINE_MAX_CHARS:
            raise LineTooLong(LINE_MAX_CHARS)
        return unicodedata.normalize("NFC", line)

    def _line_of(self, exc: UnicodeDecodeError) -> int | None:
        if self._encoding == "utf-16":
            return None
        # The decoders report the bytes they held plus the chunk just read, which ends where
        # the file now stands. Counting from the start again is the one exact way (a pending
        # CR or the lines still buffered are out of sight); the stream is dead after this.
        return _line_at(self._raw, self._raw.tell() - len(exc.object) + exc.start)

    # typeshed gives TextIOBase both IOBase's bytes and _TextIOBase's str here
    def __next__(self) -> str:  # type: ignore[override]  # what csv.reader calls, once per line
        line, self._rest = self._rest or self._line(), ""
        if not line:
            raise StopIteration
        return line

    def readline(self, size: int | None = -1, /) -> str:  # type: ignore[override]
        self._checkClosed()
        line = self._rest or self._line()
        if size is None or size < 0 or size >= len(line):
            self._rest = ""
            return line
        self._rest = line[size:]
        return line[:size]

    def read(self, size: int | None = -1, /) -> str:
        self._checkClosed()
        limit = -1 if size is None else size
        parts, have = [self._rest], len(self._rest)
        while (limit < 0 or have < limit) and (line := self._line()):
            parts.append(line)
            have += len(line)
        text = "".join(parts)
        cut = len(text) if limit < 0 else limit
        self._rest = text[cut:]
        return text[:cut]


# --- the heuristic ----------------------------------------------------------------------------

_INITIALS = "ngh ng gh gi kh nh ph th tr ch qu b c d đ g h k l m n p r s t v x".split() + [""]
_FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "")
_OPEN = frozenset(  # nuclei ending in a glide: no final consonant after them
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu oai oao oay oeo uây uôi ươi ươu "
    "uya uyu iêu yêu".split()
)
_CLOSED = frozenset("iê yê uô ươ uyê oo".split())  # need a final consonant
_NUCLEI = _OPEN | _CLOSED | frozenset("a ă â e ê i o ô ơ u ư y oa oă oe uâ uê uy uơ".split())
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzăâđêôơư")
_STOPS = frozenset(("c", "ch", "p", "t"))
_COMMON = frozenset(
    """nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trịnh
    trương mai lương đào cao hà lâm văn thị hữu đức công quang minh ngọc thanh hồng liên ánh
    tuyết ẩn anh tuấn hùng dũng hải hương lan linh nga phương thảo thủy thúy trang trung tú
    tâm thắng thành long nam bình hòa hoà khánh kiên lực mạnh nhung oanh quân quý sơn tài thu
    tiến toàn tùng việt xuân yến huyền hằng hạnh hiền hiếu hoa hoài hưng hường khoa đạt
    định đông giang chiến cường diệp duy thương hiệp phúc lộc thọ vân uyên vy nhi
    của và các có là được không người trong một những cho với đã này đến khi để theo từ về
    năm ngày tháng đảng bộ chi cơ sở đoàn viên kết nạp phố tỉnh huyện xã phường ty cổ phần
    quần chúng ưu lớp bồi dưỡng nhận thức chính dự bị nữ số ghi chú họ tên sinh đơn vị
    ban tổ chức ủy đồng chí giới thiệu nghị quyết định học trình độ nghề nghiệp dân tộc
    tôn giáo kinh""".split()
)
_LETTERS = frozenset(VIETNAMESE_LETTERS) | frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)
_SYMBOLS = frozenset("\u00a0“”‘’–—…•€°«»₫©®")
_WORD = re.compile(r"[^\W\d_]+")


def _syllable(word: str) -> bool:
    """Whether lowercase `word` is a well-formed Vietnamese syllable."""
    nfd = unicodedata.normalize("NFD", word)
    tones = [c for c in nfd if c in _TONES]
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    if len(tones) > 1 or not _PLAIN.issuperset(bare):
        return False
    for initial in _INITIALS:
        if not bare.startswith(initial):
            continue
        rest = bare[len(initial) :]
        for final in _FINALS:
            nucleus = rest[: len(rest) - len(final)]
            if not rest.endswith(final) or nucleus not in _NUCLEI:
                continue
            if (nucleus in _OPEN and final) or (nucleus in _CLOSED and not final):
                continue
            if final in _STOPS and tones and tones[0] not in (_ACUTE, _DOT):
                continue
            if initial in ("k", "gh", "ngh") and nucleus[0] not in "eêiy":
                continue
            if initial == "c" and nucleus[0] in "eêiy":
                continue
            return True
    return False


def _score(text: str) -> int:
    """Higher when `text` reads as Vietnamese: valid syllables up, impossible characters down."""
    score = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        lower = word.lower()
        if lower in _COMMON:
            score += 3
        elif _syllable(lower):
            score += 1
        else:
            score -= 2
        if any(a.islower() and b.isupper() and not b.isascii() for a, b in pairwise(word)):
            score -= 1
    for ch in text:
        if ch >= "\x80" and ch not in _LETTERS and ch not in _SYMBOLS:
            score -= 3
    return score
