"""open_text on its streamed path (files over textcodecs._WHOLE_FILE_LIMIT): the same text as
decoding the whole file, in every encoding and wherever the reads cut; bounded memory at the
real limits; and the one documented difference, a file that stops being UTF-8 after the sample
its encoding was detected on."""

from __future__ import annotations

import codecs
import csv
import tracemalloc
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangvien_cli import textcodecs
from dangvien_cli.tabular import open_table
from dangvien_cli.textcodecs import (
    ENCODINGS,
    VIETNAMESE_LETTERS,
    EncodingError,
    decode_bytes,
    encode_text,
    open_text,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "encodings"
NAMES = ["Nguyễn Thị Hồng Liên", "Đỗ Văn Đức", "Lê Thị Ánh Tuyết", "Trương Ngọc Ẩn", "Phạm Ước"]


@contextmanager
def streaming(chunk: int = 7, head: int | None = None) -> Iterator[None]:
    """Make open_text stream every file, decoding `chunk` bytes at a time."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(textcodecs, "_WHOLE_FILE_LIMIT", -1)
        mp.setattr(textcodecs, "_CHUNK_SIZE", chunk)
        if head is not None:
            mp.setattr(textcodecs, "_HEAD_SIZE", head)
        yield


def read_streamed(
    path: Path, encoding: str | None = None, chunk: int = 7, head: int | None = None
) -> tuple[str, str]:
    with streaming(chunk, head):
        stream, used = open_text(path, encoding)
        with stream:
            assert isinstance(stream, textcodecs._DecodedStream)
            return stream.read(), used


def roster(rows: int, eol: str = "\r\n") -> str:
    lines = ["full_name,birth_date,note"]
    for i in range(rows):
        note = f'"Ghi chú {i}: dòng 1{eol}dòng 2, có dấu phẩy"'
        lines.append(f"{NAMES[i % len(NAMES)]},{i % 28 + 1:02d}/03/1990,{note}")
    return eol.join(lines) + eol


# --- the property ---------------------------------------------------------------------------

# Letters whole and in pieces (NFD input, stray marks), the ASCII that csv and the codecs treat
# specially, and every kind of line end.
ALPHABET = list(VIETNAMESE_LETTERS) + list("aAeEoOuUyYdDnNgG019 ,;\"'\t") + ["\r", "\n", "\r\n"]
MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"]
TEXT = st.lists(st.sampled_from(ALPHABET + MARKS), max_size=200).map("".join)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stream") / "file.csv"


def encoded(text: str, encoding: str) -> bytes:
    if encoding not in ("utf-8", "utf-8-sig", "utf-16"):  # a stray mark has no legacy code
        text = "".join(ch for ch in text if ch not in MARKS)
    return encode_text(text, encoding)


@settings(max_examples=400, deadline=None)
@given(text=TEXT, encoding=st.sampled_from(ENCODINGS), chunk=st.integers(1, 40), nfd=st.booleans())
def test_streamed_decode_equals_whole_file_decode(
    scratch: Path, text: str, encoding: str, chunk: int, nfd: bool
) -> None:
    data = encoded(unicodedata.normalize("NFD", text) if nfd else text, encoding)
    scratch.write_bytes(data)
    assert read_streamed(scratch, encoding, chunk) == decode_bytes(data, encoding)
    try:  # detection: the file is within one head, so the sample is what decode_bytes scores
        whole = decode_bytes(data)
    except EncodingError:
        with pytest.raises(EncodingError):
            read_streamed(scratch, None, chunk)
    else:
        assert read_streamed(scratch, None, chunk) == whole


@settings(max_examples=150, deadline=None)
@given(
    text=TEXT,
    encoding=st.sampled_from(("utf-8", "tcvn3", "vni", "cp1258")),
    sizes=st.lists(st.integers(-1, 12), max_size=30),
)
def test_read_and_readline_with_sizes_give_the_whole_text(
    scratch: Path, text: str, encoding: str, sizes: list[int]
) -> None:
    data = encoded(text, encoding)
    scratch.write_bytes(data)
    with streaming(chunk=5):
        stream, _ = open_text(scratch, encoding)
    with stream:
        parts = [
            stream.readline(n) if i % 2 else stream.read(n) if n >= 0 else stream.readline()
            for i, n in enumerate(sizes)
        ]
        parts.append(stream.read())
    assert "".join(parts) == decode_bytes(data, encoding)[0]


# --- read boundaries ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "data", "text"),
    [
        ("utf-8", "Nguyễn Ước".encode(), "Nguyễn Ước"),
        ("utf-8", unicodedata.normalize("NFD", "Nguyễn Ước").encode(), "Nguyễn Ước"),
        ("vni", b"Nguye\xe3n \xd6\xf4\xf9c", "Nguyễn Ước"),  # base letter + mark bytes
        ("tcvn3", b"Nguy\xd4n A\xb8nh", "Nguyễn Ánh"),  # "A" + toned code: one capital
        ("cp1258", b"Nguy\xea\xden \xdd\xf5\xecc", "Nguyễn Ước"),  # base + combining tone
        ("utf-16", codecs.BOM_UTF16_BE + "Nguyễn Ước".encode("utf-16-be"), "Nguyễn Ước"),
    ],
)
def test_a_letter_cut_by_every_read_boundary_stays_whole(
    tmp_path: Path, encoding: str, data: bytes, text: str
) -> None:
    path = tmp_path / "name.csv"
    path.write_bytes(data + b"\r\n" if encoding != "utf-16" else data)
    expected = text + "\r\n" if encoding != "utf-16" else text
    for chunk in range(1, len(data) + 2):
        assert read_streamed(path, encoding, chunk)[0] == expected, chunk


@pytest.mark.parametrize("eol", ["\r\n", "\n", "\r"])
def test_csv_rows_and_line_numbers_match_the_whole_file(tmp_path: Path, eol: str) -> None:
    """Quoted notes hold line ends; CRLF cut in two by a read must still be one line end."""
    path = tmp_path / "roster.csv"
    path.write_bytes(encode_text(roster(9, eol), "vni"))
    whole = open_table(path)
    expected = (whole.encoding, whole.headers, list(whole.rows))
    assert expected[2][1][0] == 4  # row 2 starts on line 4: row 1's note took two lines
    for chunk in range(1, 30):
        with streaming(chunk):
            table = open_table(path)
            assert (table.encoding, table.headers, list(table.rows)) == expected, chunk


def test_delimiter_is_sniffed_on_the_streamed_header(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_bytes(encode_text("Mã đơn vị;Tên\r\nCB1;Chi bộ 1, Phường 2\r\n", "tcvn3"))
    with streaming(chunk=3):
        table = open_table(path)
        assert table.headers == ["Mã đơn vị", "Tên"]
        assert list(table.rows) == [(2, ["CB1", "Chi bộ 1, Phường 2"])]


# --- UTF-16 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf16_with_either_bom_is_detected_and_streamed(tmp_path: Path, bom: bytes) -> None:
    text = roster(6)
    order = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    path = tmp_path / "u16.csv"
    path.write_bytes(bom + text.encode(order))
    for chunk in (1, 2, 3, 64):
        assert read_streamed(path, None, chunk) == (text, "utf-16")


def test_utf16_without_bom_reads_as_the_whole_file_does(tmp_path: Path) -> None:
    """Named, it is little-endian as codecs reads it; unnamed, detection is no worse streamed."""
    data = roster(6).encode("utf-16-le")
    path = tmp_path / "u16.csv"
    path.write_bytes(data)
    assert read_streamed(path, "utf-16", 3) == decode_bytes(data, "utf-16") == (roster(6), "utf-16")
    try:
        whole = decode_bytes(data)
    except EncodingError:
        with pytest.raises(EncodingError):
            read_streamed(path, None, 3)
    else:
        assert read_streamed(path, None, 3) == whole


# --- detection on a sample ------------------------------------------------------------------


def test_detection_reads_past_an_ascii_head_to_the_first_non_ascii_lines(tmp_path: Path) -> None:
    ascii_rows = "".join(f"Nguyen Van {i},01/01/1990\r\n" for i in range(200))
    text = (
        "full_name,birth_date\r\n"
        + ascii_rows
        + "Lê Văn Nam,02/02/1991\r\nĐỗ Thị Hà,03/03/1992\r\n"
    )
    path = tmp_path / "late.csv"
    path.write_bytes(encode_text(text, "cp1258"))
    assert path.stat().st_size > 4 * 512  # the legacy bytes come several heads in
    assert read_streamed(path, None, 7, head=512) == (text, "cp1258")


def test_utf8_decided_on_the_sample_fails_later_naming_the_line(tmp_path: Path) -> None:
    text = roster(40, "\n")
    data = encode_text(text, "utf-8") + "Lê Văn Nam,01/01/1990,\n".encode("cp1258")
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    bad_line = text.count("\n") + 1
    with streaming(chunk=64, head=512):
        stream, used = open_text(path)
    assert used == "utf-8"  # decided on the first 512 bytes
    with stream, pytest.raises(EncodingError) as info:
        stream.read()
    assert info.value.line == bad_line
    assert str(info.value) == f"line {bad_line}: bytes ea are not valid utf-8; try another encoding"


@pytest.mark.parametrize(("encoding", "bad"), [("utf-8", b"\xff"), ("cp1258", b"\x81")])
@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_a_bad_byte_is_reported_on_its_line_wherever_the_reads_cut(
    tmp_path: Path, encoding: str, bad: bytes, eol: str
) -> None:
    before = eol.join(NAMES * 2) + eol  # 10 lines
    data = encode_text(before, encoding) + b"x" + bad + encode_text(eol + eol.join(NAMES), encoding)
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    for chunk in range(1, 40):
        with pytest.raises(EncodingError) as info:
            read_streamed(path, encoding, chunk, head=chunk)  # head: the recount's reads
        assert info.value.line == 11, chunk
    with pytest.raises(EncodingError) as info:  # decoded whole, the same line
        decode_bytes(data, encoding)
    assert info.value.line == 11


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_a_bad_byte_in_tcvn3_or_vni_is_reported_on_its_line(tmp_path: Path, encoding: str) -> None:
    """The decoder holds back a letter's bytes at a read's end ("e" + mark in VNI, "A" + a toned
    code in TCVN3); the line end right after the bad byte must not be counted before it."""
    held = {"vni": b"Nguye\xe3n\n", "tcvn3": b"A\xb8nh\n"}[encoding]
    data = encode_text("\n".join(NAMES) + "\n", encoding) + b"A\x81\n" + held * 20
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    for chunk in range(1, 40):
        with pytest.raises(EncodingError) as info:
            read_streamed(path, encoding, chunk, head=chunk)  # head: the recount's reads
        assert info.value.line == len(NAMES) + 1, chunk


def test_a_late_bad_byte_fails_the_import_with_one_line_and_writes_nothing(
    cli, sql, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for cell in ("DALAN-CB1", "DALAN-CB2"):
        assert cli("unit", "add", cell, f"Chi bộ {cell}", "--kind", "chi-bo-co-so").exit_code == 0
    rows = [f"{NAMES[i % 5]},{i % 28 + 1:02d}/03/1990,Nữ,DALAN-CB{i % 2 + 1}" for i in range(60)]
    good = encode_text("full_name,birth_date,gender,unit_code\n" + "\n".join(rows) + "\n", "utf-8")
    path = tmp_path / "mixed.csv"
    path.write_bytes(good + "Lê Văn Nam,01/01/1990,Nam,DALAN-CB1\n".encode("cp1258"))
    monkeypatch.setattr(textcodecs, "_WHOLE_FILE_LIMIT", 1024)
    monkeypatch.setattr(textcodecs, "_HEAD_SIZE", 1024)
    monkeypatch.setattr(textcodecs, "_CHUNK_SIZE", 64)  # so that rows come before the bad byte
    result = cli("candidate", "import", path, "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: Cannot read {path} as utf-8: line 62: bytes ea are not valid utf-8; "
        "try another encoding"
    ]
    assert sql("SELECT count(*) FROM person") == [(0,)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni"])
def test_example_files_import_the_same_streamed(
    cli, sql, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    for cell in ("DALAN-CB1", "DALAN-CB2", "DALAN-CB3"):
        assert cli("unit", "add", cell, f"Chi bộ {cell}", "--kind", "chi-bo-co-so").exit_code == 0
    path = EXAMPLES / f"candidates.{encoding}.csv"
    expected = decode_bytes(path.read_bytes())[0].splitlines()[1:]
    monkeypatch.setattr(textcodecs, "_WHOLE_FILE_LIMIT", -1)
    monkeypatch.setattr(textcodecs, "_CHUNK_SIZE", 5)
    summary = cli.json("candidate", "import", path)
    assert (summary["encoding"], summary["new"]) == (encoding, 4)
    names = [n for (n,) in sql("SELECT full_name FROM person ORDER BY id")]
    assert names == [row.split(",")[0] for row in expected]


# --- memory ---------------------------------------------------------------------------------


def test_a_file_over_the_real_limit_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """At the shipped limits, a 3 MB file never sits in memory whole: the 1 MiB detection head
    and a few chunks do (decoded whole, its bytes, text and StringIO copy take about 20 MB)."""
    path = tmp_path / "big.csv"
    path.write_bytes(encode_text(roster(500), "utf-8") * 80)
    assert path.stat().st_size > 3_000_000
    tracemalloc.start()
    try:
        stream, used = open_text(path)
        with stream:
            count = sum(1 for _ in csv.reader(stream))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert used == "utf-8" and count == 80 * 501
    assert peak < 2_000_000
