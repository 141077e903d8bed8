"""Rebuild the sample rosters in this folder, one per encoding `dangvien` reads.

Run from the repository root:  python examples/encodings/make_samples.py

Each file holds TEXT below written the way that encoding stores it (CRLF line ends, as Excel
on Windows saves CSV). TCVN3 has no capital toned letters, so its file holds "Lê Thị ánh Tuyết"
and "Trương Ngọc ẩn": that is what a .VnTime document really contains.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

TEXT = (
    "full_name,birth_date,gender,unit_code,note\r\n"
    "Nguyễn Thị Hồng Liên,12/03/1990,Nữ,DALAN-CB1,Đã học lớp bồi dưỡng nhận thức về Đảng\r\n"
    "Đỗ Văn Đức,05/11/1985,Nam,DALAN-CB2,Quần chúng ưu tú\r\n"
    'Lê Thị Ánh Tuyết,21/07/1993,Nữ,DALAN-CB1,"Kỹ sư, tổ trưởng sản xuất"\r\n'
    "Trương Ngọc Ẩn,30/01/1988,Nam,DALAN-CB3,Người hướng dẫn: Đỗ Văn Đức\r\n"
)


def sample_path(encoding: str) -> Path:
    """Where the sample for `encoding` lives."""
    return HERE / f"candidates.{encoding}.csv"


def main() -> None:
    """Write one sample per encoding."""
    sys.path.insert(0, str(HERE.parents[1] / "src"))  # run from a checkout, installed or not
    from dangvien_cli.textcodecs import ENCODINGS, encode_text

    for encoding in ENCODINGS:
        sample_path(encoding).write_bytes(encode_text(TEXT, encoding))
        print(sample_path(encoding).relative_to(HERE.parents[1]))


if __name__ == "__main__":
    main()
