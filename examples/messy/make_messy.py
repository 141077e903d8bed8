"""Rebuild the messy example files in this folder: small files shaped the way units really
send them (see README.md here). The files are committed; this is how they were made.

Run from the repository root:  python examples/messy/make_messy.py

Everyone in them is fictional. The tree they fill is self-contained (a ward committee PHR
with three cells, and a company cell CTHR), so they import into an empty database as well
as into the demo one.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

UNITS = (  # UTF-8 with BOM, semicolons, headers in any case and spacing, children first
    "STT;Mã đơn vị;TÊN ĐƠN VỊ;  loại  ;Cấp trên;Khối;Ngày thành lập\r\n"
    "1;PHR.CB1;Chi bộ Khu phố 1;Chi bộ trực thuộc;PHR;;5/9/1990\r\n"
    "2;PHR.CB2;Chi bộ Khu phố 2;chi-bo-truc-thuoc;phr;;15-03-1992\r\n"
    "3;PHR.CB3;Chi bộ Trường THCS Hàm Rồng;Chi bộ trực thuộc;PHR;;1998-09-05\r\n"
    "4;PHR;Đảng bộ phường Hàm Rồng;Đảng bộ cơ sở;;Xã, phường;01/06/1975\r\n"
    "5;CTHR;Chi bộ Công ty TNHH Hàm Rồng;Chi bộ cơ sở;;Doanh nghiệp;\r\n"
    ";;;;;;\r\n"
)
QUOTAS = (  # Windows-1258, comma, Vietnamese headers, a remarks column
    "Mã đơn vị,Năm,Nguồn,Chỉ tiêu,Ghi chú\r\n"
    "PHR,2024,Tỉnh,3,Chỉ tiêu tỉnh giao\r\n"
    "PHR,2020 – 2025,Thành ủy,12,Nghị quyết đại hội\r\n"
    'CTHR,2024,Thành ủy,1,"Kết nạp ít nhất 1 đảng viên, ưu tiên công nhân"\r\n'
)
MEMBERS = (  # TCVN3 (ABC), tab-delimited; its capitals hold no tone marks, as in .VnTime
    "Họ và tên\tNgày sinh\tGiới tính\tSố CCCD\tChi bộ\tLoại đảng viên\tChủ chốt\tChức vụ\t"
    "Ngày vào Đảng\r\n"
    "Nguyễn Văn Hùng\t12/05/1970\tnam\t038070001111\tPHR.CB1\tchính thức\tx\tBí thư chi bộ\t"
    "03/02/1995\r\n"
    "Lê Thị Hồng\t08/03/1982\tnữ\t038182002222\tPHR.CB1\tchính thức\t\tĐảng viên\t19/05/2005\r\n"
    "Đỗ Minh Tuấn\t1/1/1990\tnam\t038090003333\tPHR.CB2\tchính thức\tx\tPhó bí thư\t2/9/2015\r\n"
    "Trần Thị Mai\t20/10/1996\tnữ\t038196004444\tPHR.CB2\tdự bị\t\t\t15/03/2024\r\n"
)
CANDIDATES = (  # UTF-8, headers without diacritics, three date spellings, past steps
    "HO VA TEN,ngay sinh,Gioi  tinh,Dan toc,So CCCD,Ma don vi,Doan vien,Trinh do pho thong,"
    "Ngay tao nguon,Nguoi giup do,Ngay hoc lop,So giay chung nhan,Ngay nop don,"
    "Ngay chi bo xet,So tan thanh,So dang vien chinh thuc,Ngay nghi quyet dang uy,"
    "So quyet dinh,Ngay quyet dinh,Co quan quyet dinh,Ngay le ket nap,Ngay chinh thuc,"
    "Dung,Ngay dung,Ly do dung\r\n"
    "Lê Văn Hải,14/2/1995,Nam,Kinh,038095004512,PHR.CB1,,12/12,03/03/2019,Nguyễn Văn Hùng,"
    "12-06-2019,112/CN-TTCT,2019-09-02,10/10/2019,12,13,21/10/2019,45-QĐ/TU,05/11/2019,"
    '"Ban Thường vụ Thành ủy Thanh Hóa",19/11/2019,19/11/2020,,,\r\n'
    "Trịnh Thị Ngọc Ánh,7/8/2000,Nữ,Kinh,038300007891,PHR.CB2,x,THPT,2021-01-15,Lê Thị Hồng,"
    "20/04/2021,87/CN-TTCT,01/06/2021,15/07/2021,9,10,26/07/2021,102-QĐ/TU,16/08/2021,"
    "Ban Thường vụ Thành ủy Thanh Hóa,01/09/2021,,,,\r\n"
    "Phạm Đức Long,21-12-1999,nam,Mường,038099012345,PHR.CB3,x,THCS,10/10/2023,Ngô Quang Huy,"
    "15/03/2024,31/CN-TTCT,,,,,,,,,,,,,\r\n"
    "Hoàng Thị Yến,3/3/1998,Nữ,Kinh,038198023456,PHR.CB1,,12/12,2022-02-01,,2022-05-10,"
    "58/CN-TTCT,,,,,,,,,,,Rút,2023-01-05,Chuyển công tác\r\n"
)
CANDIDATES_VNI = (  # VNI-Windows: toned capitals survive here, unlike TCVN3
    "Họ và tên;Ngày sinh;Giới tính;Mã đơn vị;Ngày tạo nguồn;Người giúp đỡ\r\n"
    "Ánh Nguyệt Đinh;09/09/2001;Nữ;CTHR;02/01/2024;Ông Văn Ẩn\r\n"
    "Ứng Quốc Ân;30/04/1997;Nam;CTHR;02/01/2024;Ông Văn Ẩn\r\n"
)
BAD_ROWS = (  # every kind of bad row once, between two good ones
    "full_name,birth_date,gender,national_id,unit_code,source_date,class_date,vote_date,"
    "votes_for,official_members,decision_no,decision_date,ceremony_date\r\n"
    "Lưu Thị Thảo,11/11/1999,nu,038199031313,PHR.CB1,01/02/2024,,,,,,,\r\n"
    "Mai Văn Tiến,31/02/1990,nam,,PHR.CB1,01/02/2024,,,,,,,\r\n"
    "Tô Thị Hạnh,05/05/1995,nu,,XYZ,01/02/2024,,,,,,,\r\n"
    "Lò Văn Sáng,01/06/2006,nam,,PHR.CB2,01/09/2023,15/10/2023,15/03/2024,10,10,,,\r\n"
    "Vi Thị Nhung,12/12/1992,nu,03819203,PHR.CB2,01/02/2024,,,,,,,\r\n"
    "Nguyễn Văn An, Jr,02/02/1991,nam,,PHR.CB3,01/02/2024,,,,,,,\r\n"
    "Đào Văn Bình,04/04/1990,nam,,PHR.CB3,01/02/2023,01/04/2023,01/06/2023,9,10,"
    "77-QĐ/TU,03/07/2023,20/06/2023\r\n"
    "Kiều Văn Chung,2021/13/01,nam,,PHR.CB3,01/02/2024,,,,,,,\r\n"
    ",01/01/1990,nam,,PHR.CB1,01/02/2024,,,,,,,\r\n"
    "Hà Thị Dung,09/09/1994,nu,038194090909,PHR.CB1,01/03/2024,,,,,,,\r\n"
)
# The lines of BAD_ROWS that are wrong, and why (the tests check exactly these).
BAD_LINES = {
    3: "31/02/1990 does not exist",
    4: "no unit XYZ",
    5: "17 years old at the cell vote (R1)",
    6: "a national ID of 8 digits",
    7: "an unquoted comma in the name: one cell too many",
    8: "ceremony before the decision",
    9: "2021/13/01 is no date",
    10: "no name",
}

SHEET_TITLE = "DANH SÁCH ĐẢNG VIÊN CHI BỘ TRƯỜNG THCS HÀM RỒNG"
ROSTER_HEADERS = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Số CCCD",
    "Điện thoại",
    "Chi bộ",
    "Trạng thái",
    "Chủ chốt",
    "Chức vụ",
    "Ngày vào Đảng",
    "Ngày chính thức",
]
# A CCCD and a phone typed as numbers lost their leading zero, as Excel does it.
ROSTER = [
    [1, "Vũ Thị Lan", date(1975, 4, 30), "Nữ", 38175005555, 912345678, "PHR.CB3",
     "Chính thức", "x", "Hiệu trưởng", date(2000, 5, 19), date(2001, 5, 19)],
    [2, "Ngô Quang Huy", date(1988, 11, 2), "Nam", "038088006666", "0987654321", "PHR.CB3",
     "Chính thức", None, "Giáo viên", date(2012, 3, 26), None],
    [3, "Đặng Thu Trang", date(1995, 7, 7), "Nữ", 38195007777, None, "PHR.CB3",
     "Dự bị", None, "Giáo viên", date(2024, 1, 9), None],
]  # fmt: skip

TEXT_FILES = {
    "units_bom_semicolon.csv": (UNITS, "utf-8-sig"),
    "quotas_cp1258.csv": (QUOTAS, "cp1258"),
    "members_tcvn3.tsv": (MEMBERS, "tcvn3"),
    "candidates_khong_dau.csv": (CANDIDATES, "utf-8"),
    "candidates_vni.csv": (CANDIDATES_VNI, "vni"),
    "candidates_bad_rows.csv": (BAD_ROWS, "utf-8"),
}


def write_roster(path: Path) -> None:
    """An .xlsx whose first sheet is a note and whose roster, on sheet "Danh sách", opens
    with a title row and a blank row before the header."""
    from openpyxl import Workbook

    book = Workbook()
    note = book.active
    note.title = "Hướng dẫn"
    note["A1"] = "Danh sách ở trang 'Danh sách'. Ngày ghi theo dd/mm/yyyy."
    sheet = book.create_sheet("Danh sách")
    sheet.append([SHEET_TITLE])
    sheet.append([])
    sheet.append(ROSTER_HEADERS)
    for row in ROSTER:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
    book.properties.created = book.properties.modified = datetime(2024, 6, 1)
    book.save(path)


def main() -> None:
    sys.path.insert(0, str(HERE.parents[1] / "src"))  # run from a checkout, installed or not
    from dangvien_cli.textcodecs import encode_text

    for name, (text, encoding) in TEXT_FILES.items():
        (HERE / name).write_bytes(encode_text(text, encoding))
        print(f"examples/messy/{name}")
    write_roster(HERE / "members_roster.xlsx")
    print("examples/messy/members_roster.xlsx")


if __name__ == "__main__":
    main()
