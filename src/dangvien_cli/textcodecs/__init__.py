"""Decode roster files in the encodings Vietnamese offices produce, always returning NFC text.

Supported: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1258 (base letters plus
combining tone marks), TCVN3 (ABC, the ".Vn" fonts) and VNI-Windows. TCVN3 and VNI have no
stdlib codec, so `legacy` registers both as `codecs` codecs named "tcvn3" and "vni"
(`codecs.getincrementaldecoder("tcvn3")` works once this module is imported).

Auto-detection: BOM, then strict UTF-8, then a Vietnamese heuristic that decodes the lines
holding non-ASCII bytes as cp1258, tcvn3 and vni and keeps the decoding with the most valid
Vietnamese syllables and the fewest impossible characters. `open_text` streams files over
1 MiB and detects their encoding on their first MiB (see `_sniff`): such a file that turns
out not to be UTF-8 after that fails with the line of the bad bytes, never as mojibake.

This module detects, decodes and streams; `legacy` holds the TCVN3/VNI/cp1258 tables and
registers their codecs, `syllables` the heuristic's scoring of Vietnamese text.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
import unicodedata
from typing import BinaryIO

# legacy registers the tcvn3 and vni codecs on import. The tests read _VN2_ONLY and
# _tcvn3_capitals through this module.
from dangvien_cli.textcodecs.legacy import _VN2_ONLY as _VN2_ONLY
from dangvien_cli.textcodecs.legacy import CP1258_SPLIT, VIETNAMESE_LETTERS
from dangvien_cli.textcodecs.legacy import _tcvn3_capitals as _tcvn3_capitals
from dangvien_cli.textcodecs.syllables import score

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

    @property
    def bad_bytes(self) -> str:
        """The bytes refused, in hex ("ea", "c3 28"); empty when none were (detection)."""
        return bytes(self.object[self.start : self.end]).hex(" ")

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


# --- public API -----------------------------------------------------------------------------


def encode_text(text: str, encoding: str) -> bytes:
    """Encode `text` as a file in `encoding` would hold it (BOM included for utf-8-sig/utf-16)."""
    enc = resolve_encoding(encoding)
    try:
        if enc == "utf-16":
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
        if enc == "cp1258":
            return unicodedata.normalize("NFC", text).translate(CP1258_SPLIT).encode("cp1258")
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
        return _DecodedStream(raw, enc, codec, _CHUNK_SIZE), enc
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
            scores[enc] = score(unicodedata.normalize("NFC", codecs.decode(bytes(sample), enc)))
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
