"""Decode roster files in the encodings Vietnamese offices produce, always returning NFC text.

Supported: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1258 (base letters plus
combining tone marks), TCVN3 (ABC, the ".Vn" fonts) and VNI-Windows. TCVN3 and VNI have no
stdlib codec, so both are registered here as `codecs` codecs named "tcvn3" and "vni"
(`codecs.getincrementaldecoder("tcvn3")` works once this module is imported).

Auto-detection: BOM, then strict UTF-8, then a Vietnamese heuristic that decodes the lines
holding non-ASCII bytes as cp1258, tcvn3 and vni and keeps the decoding with the most valid
Vietnamese syllables and the fewest impossible characters.

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
_WHOLE_FILE_LIMIT = 64 * 1024 * 1024  # open_text decodes files up to this size in one go
_HEAD_SIZE = 1024 * 1024  # larger files: detect on this much, then stream
_CHUNK_SIZE = 64 * 1024
_SAMPLE_SIZE = 64 * 1024  # bytes of non-ASCII lines the heuristic scores


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
                return codec.decode(data[:end], errors)[0], end

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
        raise _decode_error(enc, exc, data.count(b"\n", 0, exc.start) + 1) from None
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

    Files up to 64 MiB are decoded in one go; larger ones are detected on their first MiB (cut
    at a line end) and then decoded incrementally, so memory stays flat.
    """
    if os.path.getsize(path) <= _WHOLE_FILE_LIMIT:
        with open(path, "rb") as fh:
            text, enc = decode_bytes(fh.read(), encoding)
        return io.StringIO(text, newline=""), enc
    raw = open(path, "rb")  # the stream closes it
    try:
        head = raw.read(_HEAD_SIZE)
        if encoding is None or encoding.strip().lower() == "auto":
            enc = detect_encoding(_whole_lines(head))
        else:
            enc = resolve_encoding(encoding)
        if enc == "utf-8" and head.startswith(codecs.BOM_UTF8):
            enc = "utf-8-sig"
        raw.seek(0)
        return _DecodedStream(raw, enc), enc
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


def _guess_legacy(data: bytes) -> str:
    """Pick cp1258, tcvn3 or vni for non-UTF-8 `data` by scoring its non-ASCII lines."""
    sample = bytearray()
    pos = 0
    while len(sample) < _SAMPLE_SIZE and (hit := _HIGH.search(data, pos)):
        start = data.rfind(b"\n", 0, hit.start()) + 1
        end = data.find(b"\n", hit.start())
        end = len(data) if end < 0 else end
        sample += data[start:end] + b"\n"
        pos = end + 1
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


def _whole_lines(head: bytes) -> bytes:
    """Cut `head` after its last line end (else before its trailing non-ASCII bytes)."""
    end = head.rfind(b"\n") + 1
    if not end:
        end = len(head.rstrip(bytes(range(0x80, 0x100))))
    return head[:end] if end else head


def _decode_error(enc: str, exc: UnicodeDecodeError, line: int | None) -> EncodingError:
    bad = bytes(exc.object[exc.start : exc.end]).hex(" ")
    line = None if enc == "utf-16" else line  # counted in bytes b"\n", wrong for UTF-16
    where = f"line {line}: " if line else ""
    message = f"{where}bytes {bad} are not valid {enc}; try another encoding"
    return EncodingError(enc, message, bytes(exc.object), exc.start, exc.end, line)


class _DecodedStream(io.TextIOBase):
    """Read-only text over a binary file, decoded incrementally and normalized to NFC."""

    def __init__(self, raw: BinaryIO, encoding: str, chunk_size: int | None = None) -> None:
        codec = "utf-8-sig" if encoding == "utf-8" else encoding
        self._raw = raw
        self._encoding = encoding
        self._decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        self._chunk_size = chunk_size or _CHUNK_SIZE
        self._buffer = ""  # NFC text not yet handed out, from self._pos on
        self._pos = 0
        self._pending = ""  # decoded text that a following combining mark could still change
        self._eof = False
        self._newlines = 0

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._raw.close()
        super().close()

    def _fill(self) -> None:
        chunk = self._raw.read(self._chunk_size)
        try:
            text = self._decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            line = self._newlines + bytes(exc.object).count(b"\n", 0, exc.start) + 1
            raise _decode_error(self._encoding, exc, line) from None
        self._newlines += text.count("\n")
        pending = self._pending + text
        cut = len(pending)
        if chunk:  # normalize up to the last ASCII character: nothing composes across it
            while cut and pending[cut - 1] >= "\x80":
                cut -= 1
            cut = max(cut - 1, 0)
        else:
            self._eof = True
        self._buffer = self._buffer[self._pos :] + unicodedata.normalize("NFC", pending[:cut])
        self._pos = 0
        self._pending = pending[cut:]

    def read(self, size: int | None = -1, /) -> str:
        self._checkClosed()
        while not self._eof and (size is None or size < 0 or len(self._buffer) - self._pos < size):
            self._fill()
        end = len(self._buffer) if size is None or size < 0 else self._pos + size
        out = self._buffer[self._pos : end]
        self._pos += len(out)
        return out

    def readline(self, size: int | None = -1, /) -> str:  # type: ignore[override]
        self._checkClosed()
        while True:
            match = _EOL.search(self._buffer, self._pos)
            if match and (match.group() != "\r" or match.end() < len(self._buffer) or self._eof):
                end = match.end()
                break
            if self._eof:
                end = len(self._buffer)
                break
            self._fill()
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = self._buffer[self._pos : end]
        self._pos = end
        return out


_EOL = re.compile(r"\r\n|\r|\n")

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
