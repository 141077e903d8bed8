"""Tests for dangvien_cli.textcodecs: tables, codecs, detection and streaming."""

import codecs
import csv
import importlib.util
import pickle
import shutil
import subprocess
import tracemalloc
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dangvien_cli import textcodecs
from dangvien_cli.textcodecs import (
    ENCODINGS,
    VIETNAMESE_LETTERS,
    EncodingError,
    decode_bytes,
    detect_encoding,
    encode_text,
    open_text,
)

pytestmark = pytest.mark.no_database

SAMPLES = Path(__file__).resolve().parents[1] / "examples" / "encodings"
LOWER = VIETNAMESE_LETTERS[:67]
UPPER = VIETNAMESE_LETTERS[67:]
VN3_CAPITALS = "ĂÂÊÔƠƯĐ"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def tcvn3_expected(text: str) -> str:
    """What survives a trip through TCVN3: capital toned letters come back lowercase."""
    return "".join(ch if ch in VN3_CAPITALS else ch.lower() if ch in UPPER else ch for ch in text)


# --- tables: known bytes from the sources ----------------------------------------------------

# Byte strings spelled out from the sources named in textcodecs (glibc TCVN5712-1 charmap,
# Unikey vnconv data.cpp, duydev/vietnamese-conversion charsets.ts, Windows-1258).
KNOWN = [
    ("tcvn3", "Việt Nam", b"Vi\xd6t Nam"),
    ("vni", "Việt Nam", b"Vie\xe4t Nam"),
    ("cp1258", "Việt Nam", b"Vi\xea\xf2t Nam"),
    ("tcvn3", "Nguyễn Thị Hồng Liên", b"Nguy\xd4n Th\xde H\xe5ng Li\xaan"),
    ("vni", "Nguyễn Thị Hồng Liên", b"Nguye\xe3n Th\xf2 Ho\xe0ng Lie\xe2n"),
    ("cp1258", "Nguyễn Thị Hồng Liên", b"Nguy\xea\xden Thi\xf2 H\xf4\xccng Li\xean"),
    ("tcvn3", "Đỗ Văn Đức", b"\xa7\xe7 V\xa8n \xa7\xf8c"),
    ("vni", "Đỗ Văn Đức", b"\xd1o\xe3 Va\xean \xd1\xf6\xf9c"),
    ("cp1258", "Đỗ Văn Đức", b"\xd0\xf4\xde V\xe3n \xd0\xfd\xecc"),
    ("vni", "Lê Thị Ánh Tuyết", b"Le\xe2 Th\xf2 A\xd9nh Tuye\xe1t"),
    ("vni", "Trương Ngọc Ẩn", b"Tr\xf6\xf4ng Ngo\xefc A\xc5n"),
    ("cp1258", "Trương Ngọc Ẩn", b"Tr\xfd\xf5ng Ngo\xf2c \xc2\xd2n"),
    # VNI letters that are one byte, and the ơ/ư letters taking a mark byte
    ("vni", "ỉìíỵđịĩơư", b"\xe6\xec\xed\xee\xf1\xf2\xf3\xf4\xf6"),
    ("vni", "ỈÌÍỴĐỊĨƠƯ", b"\xc6\xcc\xcd\xce\xd1\xd2\xd3\xd4\xd6"),
    ("vni", "ợỮậẶẳỹ", b"\xf4\xef\xd6\xd5a\xe4A\xcba\xfay\xf5"),
    # TCVN3: the seven capitals VN3 has, the ơ/ư pair, a row of toned lowercase letters
    ("tcvn3", "ĂÂÊÔƠƯĐ", bytes(range(0xA1, 0xA8))),
    ("tcvn3", "ăâêôơưđ", bytes(range(0xA8, 0xAF))),
    ("tcvn3", "àảãáạ", bytes(range(0xB5, 0xBA))),
    ("tcvn3", "ươ ỵ", b"\xad\xac \xfe"),
]


@pytest.mark.parametrize(("encoding", "text", "data"), KNOWN)
def test_known_samples(encoding: str, text: str, data: bytes) -> None:
    assert encode_text(text, encoding) == data
    assert decode_bytes(data, encoding) == (text, encoding)


def test_vietnamese_letters_are_the_134() -> None:
    assert len(set(VIETNAMESE_LETTERS)) == 134
    assert all(len(ch) == 1 and nfc(ch) == ch for ch in VIETNAMESE_LETTERS)
    assert [ch.upper() for ch in LOWER] == list(UPPER)


@pytest.mark.parametrize("encoding", ["cp1258", "vni", "utf-8", "utf-8-sig", "utf-16"])
@pytest.mark.parametrize("letter", VIETNAMESE_LETTERS)
def test_every_letter_round_trips(encoding: str, letter: str) -> None:
    assert decode_bytes(encode_text(letter, encoding), encoding)[0] == letter


@pytest.mark.parametrize("letter", LOWER + tuple(VN3_CAPITALS))
def test_tcvn3_holds_lowercase_and_seven_capitals_in_one_byte(letter: str) -> None:
    data = encode_text(letter, "tcvn3")
    assert len(data) == 1 and data[0] >= 0xA1
    assert decode_bytes(data, "tcvn3")[0] == letter


@pytest.mark.parametrize("letter", [ch for ch in UPPER if ch not in VN3_CAPITALS])
def test_tcvn3_capital_toned_letters_take_the_lowercase_code(letter: str) -> None:
    data = encode_text(letter, "tcvn3")
    assert data == encode_text(letter.lower(), "tcvn3")
    assert decode_bytes(data, "tcvn3")[0] == letter.lower()


def test_tcvn3_reads_capitals_written_as_two_bytes() -> None:
    # duydev/vietnamese-conversion and anhskohbo/u-convert: "Á" -> "A" + code of "á"
    assert decode_bytes(b"A\xb8nh \xa2\xcan L\xaa", "tcvn3")[0] == "Ánh Ấn Lê"


def test_tcvn3_vn3_repertoire_is_75_characters() -> None:
    written = {encode_text(ch, "tcvn3") for ch in VIETNAMESE_LETTERS} | {
        encode_text("\xa0", "tcvn3")
    }
    assert len(written) == 75
    for byte in textcodecs._VN2_ONLY:  # decoded (VN2) but never written
        assert bytes([byte]) not in written
        assert decode_bytes(bytes([byte]), "tcvn3")[0]


def test_tcvn3_matches_glibc_tcvn5712_1_in_the_upper_half() -> None:
    if shutil.which("iconv") is None:
        pytest.skip("no iconv")
    data = b" ".join(bytes([b]) for b in range(0xA0, 0x100))
    run = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True
    )
    if run.returncode:
        pytest.skip("this iconv has no TCVN5712-1")
    theirs = nfc(run.stdout.decode()).split(" ")
    ours = [decode_bytes(bytes([b]), "tcvn3")[0] for b in range(0xA0, 0x100)]
    assert ours == theirs


def test_tcvn3_c1_bytes_are_windows_1252_symbols_not_vn1_capitals() -> None:
    assert decode_bytes(b"\x93ABC\x94 \x96", "tcvn3")[0] == "“ABC” –"
    assert decode_bytes(b"\x93x\x94", "vni")[0] == "“x”"
    with pytest.raises(EncodingError):
        decode_bytes(b"ab\x81", "tcvn3")


def test_cp1258_writes_base_letter_plus_tone_mark_like_windows() -> None:
    assert encode_text("á", "cp1258") == b"\xe1"  # cp1258 has it whole
    assert encode_text("ấ", "cp1258") == b"\xe2\xec"  # â + combining acute
    assert encode_text("Ỵ", "cp1258") == b"Y\xf2"
    assert encode_text("ợ", "cp1258") == b"\xf5\xf2"
    # Windows also writes fully decomposed text; both read back as NFC
    assert decode_bytes(b"a\xec \xe1", "cp1258")[0] == "á á"


# --- decode_bytes: names, BOMs, errors ---------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("abc", "tcvn3"),
        ("TCVN", "tcvn3"),
        ("tcvn3", "tcvn3"),
        ("vn3", "tcvn3"),
        ("vni", "vni"),
        ("VNI-Windows", "vni"),
        ("windows-1258", "cp1258"),
        ("cp1258", "cp1258"),
        ("utf8", "utf-8"),
        ("UTF_8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
    ],
)
def test_aliases(alias: str, name: str) -> None:
    assert decode_bytes(encode_text("Đức", name), alias) == ("Đức", name)


def test_unknown_encoding_raises_encoding_error() -> None:
    with pytest.raises(EncodingError, match="unknown encoding 'gbk'"):
        decode_bytes(b"abc", "gbk")
    with pytest.raises(EncodingError):
        encode_text("abc", "latin-9")


def test_bad_bytes_raise_encoding_error_with_line() -> None:
    data = b"ho_ten\nNguy\xc3\xaan\nL\xea V\xe3n\n"
    with pytest.raises(EncodingError) as info:
        decode_bytes(data, "utf-8")
    err = info.value
    assert isinstance(err, ValueError) and isinstance(err, UnicodeDecodeError)
    assert err.line == 3 and err.encoding == "utf-8"
    assert str(err).startswith("line 3: bytes ea are not valid utf-8")
    assert pickle.loads(pickle.dumps(err)).line == 3


def test_encode_text_refuses_characters_the_encoding_lacks() -> None:
    with pytest.raises(EncodingError, match=r"U\+00FC"):
        encode_text("Müller", "tcvn3")
    with pytest.raises(EncodingError, match=r"U\+4E2D"):
        encode_text("中", "cp1258")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + "Họ và tên".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Họ và tên".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Họ và tên".encode("utf-16-be"), "utf-16"),
        ("Họ và tên".encode(), "utf-8"),
    ],
)
def test_boms_are_detected_and_stripped(data: bytes, encoding: str) -> None:
    assert decode_bytes(data) == ("Họ và tên", encoding)


def test_explicit_utf8_strips_a_bom_too() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"ten", "utf-8") == ("ten", "utf-8-sig")


def test_output_is_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Liên")
    assert decode_bytes(nfd.encode()) == ("Nguyễn Thị Hồng Liên", "utf-8")


def test_ascii_only_is_utf8() -> None:
    assert decode_bytes(b"code,name\nA1,Nguyen Van A\n") == (
        "code,name\nA1,Nguyen Van A\n",
        "utf-8",
    )
    assert detect_encoding(b"") == "utf-8"


# --- codecs registry --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["tcvn3", "vni", "VNI-Windows"])
def test_codecs_are_registered(name: str) -> None:
    info = codecs.lookup(name)
    assert info.name in ("tcvn3", "vni")
    assert codecs.getincrementaldecoder(name) is info.incrementaldecoder


TEXT = "Nguyễn Thị Hồng Liên, Đỗ Văn Đức\r\nLê Thị ánh Tuyết; Trương Ngọc ẩn. Ánh ấn “VĂN”\n"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("step", [1, 2, 3, 7])
def test_incremental_codecs_match_one_shot(encoding: str, step: int) -> None:
    data = encode_text(TEXT, encoding)
    decoder = codecs.getincrementaldecoder(encoding)()
    pieces = [decoder.decode(data[i : i + step]) for i in range(0, len(data), step)]
    assert "".join(pieces) + decoder.decode(b"", final=True) == codecs.decode(data, encoding)
    encoder = codecs.getincrementalencoder(encoding)()
    nfd = unicodedata.normalize("NFD", TEXT)  # marks may arrive in the next piece
    out = [encoder.encode(nfd[i : i + step]) for i in range(0, len(nfd), step)]
    assert b"".join(out) + encoder.encode("", final=True) == data


# --- detection ----------------------------------------------------------------------------------


def load_samples_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_sample_files_are_current_and_detected(encoding: str) -> None:
    samples = load_samples_module()
    data = samples.sample_path(encoding).read_bytes()
    assert data == encode_text(samples.TEXT, encoding), "run examples/encodings/make_samples.py"
    expected = tcvn3_expected(samples.TEXT) if encoding == "tcvn3" else samples.TEXT
    assert decode_bytes(data) == (expected, encoding)
    stream, used = open_text(samples.sample_path(encoding))
    with stream:
        rows = list(csv.reader(stream))
    assert used == encoding
    assert rows[0] == ["full_name", "birth_date", "gender", "unit_code", "note"]
    assert len(rows) == 5 and rows[3][4] == "Kỹ sư, tổ trưởng sản xuất"


# cp1258 text with few tone marks is the easiest to mistake for TCVN3 ("Lê Văn" reads "Lơ Vón")
CP1258_HARD = [
    "Lê Văn An\r\nTrần Văn Nam\r\nPhan Văn Minh\r\nLê Văn Long\r\n",
    "ma_don_vi,ten\r\nCB1,Chi bộ Phường Đông Sơn\r\nCB2,Chi bộ Công ty Dạ Lan\r\n",
    "Hồ Thanh Oanh,Nam\r\nĐào Thị Thu,Nữ\r\nLâm Văn Tâm,Nam\r\n",
]


@pytest.mark.parametrize("text", CP1258_HARD)
@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3", "vni"])
def test_detection_does_not_confuse_legacy_encodings(text: str, encoding: str) -> None:
    data = encode_text(text, encoding)
    assert detect_encoding(data) == encoding
    assert decode_bytes(data)[0] == (tcvn3_expected(text) if encoding == "tcvn3" else text)


def test_undecodable_everywhere_raises() -> None:
    with pytest.raises(EncodingError, match="name its encoding"):
        decode_bytes(b"abc \x81\x8d\x90 def")


# --- open_text: small and streamed ---------------------------------------------------------------


def roster(lines: int) -> str:
    rows = ["full_name,birth_date,note"]
    names = ["Nguyễn Thị Hồng Liên", "Đỗ Văn Đức", "Lê Thị Ánh Tuyết", "Trương Ngọc Ẩn"]
    for i in range(lines):
        rows.append(f'{names[i % 4]},{i % 28 + 1:02d}/03/1990,"Ghi chú {i}: dòng 1\r\ndòng 2"')
    return "\r\n".join(rows) + "\r\n"


@pytest.fixture
def tiny_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make open_text stream anything over 2 KiB, in 7-byte chunks, detecting on 1 KiB."""
    monkeypatch.setattr(textcodecs, "_WHOLE_FILE_LIMIT", 2048)
    monkeypatch.setattr(textcodecs, "_HEAD_SIZE", 1024)
    monkeypatch.setattr(textcodecs, "_CHUNK_SIZE", 7)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_open_text_streams_large_files(tiny_limits: None, tmp_path: Path, encoding: str) -> None:
    text = roster(60)
    expected = tcvn3_expected(text) if encoding == "tcvn3" else text
    path = tmp_path / "roster.csv"
    path.write_bytes(encode_text(unicodedata.normalize("NFD", text), encoding))
    stream, used = open_text(path)
    with stream:
        assert isinstance(stream, textcodecs._DecodedStream)
        assert used == encoding and stream.encoding == encoding
        rows = list(csv.reader(stream))
    assert rows == list(csv.reader(expected.splitlines(keepends=True)))
    stream, _ = open_text(path, encoding)
    with stream:
        assert stream.read(5) + stream.readline() + stream.read() == expected


def test_open_text_small_file_keeps_crlf_for_csv(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(encode_text(roster(3), "vni"))
    stream, used = open_text(path)
    assert used == "vni"
    rows = list(csv.reader(stream))
    assert rows[1][2] == "Ghi chú 0: dòng 1\r\ndòng 2"


def test_stream_error_names_the_line(tiny_limits: None, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(encode_text(roster(60), "utf-8") + b"\n\xff\n")
    stream, used = open_text(path)
    assert used == "utf-8"
    with stream, pytest.raises(EncodingError) as info:
        stream.read()
    assert info.value.line == roster(60).count("\n") + 2


def test_open_text_does_not_hold_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(textcodecs, "_WHOLE_FILE_LIMIT", 256 * 1024)
    monkeypatch.setattr(textcodecs, "_HEAD_SIZE", 64 * 1024)  # real: 1 MiB, whatever the size
    path = tmp_path / "big.csv"
    path.write_bytes(encode_text(roster(30_000), "tcvn3"))  # about 1.8 MB
    assert path.stat().st_size > 1_500_000
    tracemalloc.start()
    try:
        stream, used = open_text(path)
        detecting = tracemalloc.get_traced_memory()[1]  # bounded by _HEAD_SIZE
        tracemalloc.reset_peak()
        with stream:
            count = sum(1 for _ in csv.reader(stream))
        streaming = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert used == "tcvn3" and count == 30_001
    assert detecting < 32 * 64 * 1024
    assert streaming < 16 * textcodecs._CHUNK_SIZE  # a few copies of one chunk, not the file


# --- properties -------------------------------------------------------------------------------

ALPHABET = "".join(VIETNAMESE_LETTERS) + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALPHABET += "0123456789 ,.;:-/\"'()\r\n\t"
viet_text = st.text(alphabet=ALPHABET, max_size=120)

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương"
MIDDLE = "Văn Thị Hữu Đức Công Quang Minh Ngọc Thanh Hồng Xuân Bảo Gia Kim Thu Mỹ Quốc Đình"
GIVEN = (
    "Liên Tuyết Ẩn Ánh Anh Tuấn Hùng Dũng Hải Hà Hương Lan Linh Nga Phương Thảo Thủy Trang "
    "Trung Tú Tâm Thắng Thành Long Nam Bình Hòa Khánh Kiên Lực Mạnh Nhung Oanh Quân Quý Sơn "
    "Tiến Toàn Tùng Việt Yến Huyền Hằng Hạnh Hiền Hiếu Hoa Hưng Đạt Định Đông Giang Chiến"
)
WORDS = (
    "Chi bộ Đảng bộ Công ty Cổ phần Dạ Lan phường xã thành phố Thanh Hóa giáo viên công "
    "nhân kỹ sư nông dân Kinh Mường Tày Không Phật giáo đại học trung cấp lớp bồi dưỡng "
    "nhận thức về Đảng quần chúng ưu tú ghi chú đã kết nạp dự bị chính thức"
)
a_name = st.builds(
    lambda s, m, g, caps: f"{s} {m} {g}".upper() if caps else f"{s} {m} {g}",
    st.sampled_from(SURNAMES.split()),
    st.sampled_from(MIDDLE.split()),
    st.sampled_from(GIVEN.split()),
    st.booleans(),
)
a_line = st.builds(
    lambda n, nm, d, g, w: f"{n},{nm},{d:02d}/03/1990,{g},{' '.join(w)}",
    st.integers(1, 999),
    a_name,
    st.integers(1, 28),
    st.sampled_from(["Nam", "Nữ"]),
    st.lists(st.sampled_from(WORDS.split()), max_size=5),
)
roster_text = (
    st.lists(a_line, min_size=1, max_size=8)
    .map("\r\n".join)
    .filter(lambda t: len(t) >= 40 and not t.isascii())
)


@settings(deadline=None)
@given(viet_text, st.sampled_from(["cp1258", "vni", "utf-8", "utf-8-sig", "utf-16"]))
def test_property_round_trip(text: str, encoding: str) -> None:
    assert decode_bytes(encode_text(text, encoding), encoding) == (text, encoding)


@settings(deadline=None)
@given(viet_text)
def test_property_round_trip_tcvn3(text: str) -> None:
    expected = tcvn3_expected(text)
    pairs = textcodecs._tcvn3_capitals()
    assume(pairs(expected) == expected)  # "Aá" would read back as "Á"
    assert decode_bytes(encode_text(text, "tcvn3"), "tcvn3") == (expected, "tcvn3")


@settings(deadline=None)
@given(roster_text, st.sampled_from(["cp1258", "tcvn3", "vni"]))
def test_property_detects_realistic_text(text: str, encoding: str) -> None:
    data = encode_text(text, encoding)
    expected = tcvn3_expected(text) if encoding == "tcvn3" else text
    assert decode_bytes(data) == (expected, encoding)


@settings(deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",))))
def test_property_utf8_is_never_misdetected(text: str) -> None:
    assume(not text.startswith("\ufeff"))
    assert decode_bytes(text.encode("utf-8")) == (nfc(text), "utf-8")
