"""Word lists for the benchmark data: Vietnamese names, places and unit names (NFC).

Shares are rough national figures; they shape the data (how many people share "nguyen"
when searching, how many words the fold cache sees), they are not statistics.
"""

from __future__ import annotations

import unicodedata


def nfc_list(words: list[str]) -> list[str]:
    return [unicodedata.normalize("NFC", w) for w in words]


FAMILY_NAMES = [
    ("Nguyễn", 38.4),
    ("Trần", 11.0),
    ("Lê", 9.5),
    ("Phạm", 7.0),
    ("Hoàng", 3.1),
    ("Huỳnh", 2.0),
    ("Phan", 4.5),
    ("Vũ", 2.4),
    ("Võ", 1.5),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    ("Đinh", 0.8),
    ("Đào", 0.6),
    ("Trương", 0.7),
    ("Lương", 0.5),
    ("Mai", 0.4),
    ("Trịnh", 0.5),
    ("Lâm", 0.4),
    ("Cao", 0.4),
    ("Tạ", 0.3),
    ("Hà", 0.4),
    ("Chu", 0.2),
    ("Quách", 0.2),
    ("Kiều", 0.1),
    ("Lò", 0.2),
]
MIDDLE_MALE = nfc_list(
    "Văn Hữu Đức Minh Quang Công Thành Ngọc Xuân Đình Trọng Anh Quốc Mạnh Tiến Duy Hoàng "
    "Thanh Bá Gia".split()
)
MIDDLE_FEMALE = nfc_list(
    "Thị Ngọc Thu Thanh Minh Phương Hồng Kim Bảo Khánh Thùy Mỹ Diệu Hoài Bích Quỳnh Tuyết Hải "
    "Lan Cẩm".split()
)
GIVEN_MALE = nfc_list(
    "Anh Bình Cường Dũng Đạt Hải Hùng Huy Khang Khoa Long Minh Nam Phong Phúc Quân Sơn Tài "
    "Thắng Thành Trung Tuấn Việt Vinh Hiếu Hoàng Kiên Lâm Lộc Nghĩa Toàn Tùng Hưng Đông Khải "
    "Thịnh Trí Quyết Hậu Phát".split()
)
GIVEN_FEMALE = nfc_list(
    "An Anh Chi Dung Giang Hà Hạnh Hằng Hoa Hương Huyền Lan Linh Loan Mai My Ngân Ngọc Nhung "
    "Oanh Phương Quỳnh Thảo Trang Trinh Tuyết Uyên Vân Vy Yến Thủy Hiền Liên Nga Nhi Thư Tâm "
    "Diệp Ánh Hồng".split()
)
ETHNICITIES = [
    ("Kinh", 85.3),
    ("Tày", 1.9),
    ("Thái", 1.9),
    ("Mường", 1.5),
    ("Khmer", 1.4),
    ("Hoa", 0.8),
    ("Nùng", 1.1),
    ("H'Mông", 1.2),
    ("Dao", 0.9),
    ("Gia Rai", 0.5),
    ("Ê Đê", 0.4),
    ("Ba Na", 0.3),
    ("Sán Chay", 0.2),
    ("Chăm", 0.2),
    ("Cơ Ho", 0.2),
    ("Xơ Đăng", 0.2),
    ("Sán Dìu", 0.2),
    ("Hrê", 0.1),
    ("Ra Glai", 0.1),
    ("Mnông", 0.1),
]
RELIGIONS = [
    ("", 86.0),
    ("Phật giáo", 7.5),
    ("Công giáo", 4.0),
    ("Tin Lành", 0.8),
    ("Cao Đài", 0.8),
    ("Phật giáo Hòa Hảo", 0.7),
    ("Hồi giáo", 0.1),
    ("Khác", 0.1),
]
OCCUPATIONS = nfc_list(
    [
        "Công chức",
        "Viên chức",
        "Giáo viên",
        "Bác sĩ",
        "Công nhân",
        "Nông dân",
        "Sinh viên",
        "Quân nhân",
        "Công an",
        "Kinh doanh",
        "Nhân viên văn phòng",
        "Kỹ sư",
    ]
)
EXITS = [
    ("Rút", "Xin rút khỏi danh sách"),
    ("withdrawn", "Chuyển công tác"),
    ("Không kết nạp", "Chưa đủ tiêu chuẩn"),
]

# The 63 provinces and cities before the 2025 merger, with their CCCD province codes
# (TT 07/2016/TT-BCA): a candidate's CCCD usually carries the province of their unit.
PROVINCES = [
    ("thành phố", "Hà Nội", "001"),
    ("thành phố", "Hồ Chí Minh", "079"),
    ("thành phố", "Hải Phòng", "031"),
    ("thành phố", "Đà Nẵng", "048"),
    ("thành phố", "Cần Thơ", "092"),
    ("tỉnh", "An Giang", "089"),
    ("tỉnh", "Bà Rịa - Vũng Tàu", "077"),
    ("tỉnh", "Bắc Giang", "024"),
    ("tỉnh", "Bắc Kạn", "006"),
    ("tỉnh", "Bạc Liêu", "095"),
    ("tỉnh", "Bắc Ninh", "027"),
    ("tỉnh", "Bến Tre", "083"),
    ("tỉnh", "Bình Định", "052"),
    ("tỉnh", "Bình Dương", "074"),
    ("tỉnh", "Bình Phước", "070"),
    ("tỉnh", "Bình Thuận", "060"),
    ("tỉnh", "Cà Mau", "096"),
    ("tỉnh", "Cao Bằng", "004"),
    ("tỉnh", "Đắk Lắk", "066"),
    ("tỉnh", "Đắk Nông", "067"),
    ("tỉnh", "Điện Biên", "011"),
    ("tỉnh", "Đồng Nai", "075"),
    ("tỉnh", "Đồng Tháp", "087"),
    ("tỉnh", "Gia Lai", "064"),
    ("tỉnh", "Hà Giang", "002"),
    ("tỉnh", "Hà Nam", "035"),
    ("tỉnh", "Hà Tĩnh", "042"),
    ("tỉnh", "Hải Dương", "030"),
    ("tỉnh", "Hậu Giang", "093"),
    ("tỉnh", "Hòa Bình", "017"),
    ("tỉnh", "Hưng Yên", "033"),
    ("tỉnh", "Khánh Hòa", "056"),
    ("tỉnh", "Kiên Giang", "091"),
    ("tỉnh", "Kon Tum", "062"),
    ("tỉnh", "Lai Châu", "012"),
    ("tỉnh", "Lâm Đồng", "068"),
    ("tỉnh", "Lạng Sơn", "020"),
    ("tỉnh", "Lào Cai", "010"),
    ("tỉnh", "Long An", "080"),
    ("tỉnh", "Nam Định", "036"),
    ("tỉnh", "Nghệ An", "040"),
    ("tỉnh", "Ninh Bình", "037"),
    ("tỉnh", "Ninh Thuận", "058"),
    ("tỉnh", "Phú Thọ", "025"),
    ("tỉnh", "Phú Yên", "054"),
    ("tỉnh", "Quảng Bình", "044"),
    ("tỉnh", "Quảng Nam", "049"),
    ("tỉnh", "Quảng Ngãi", "051"),
    ("tỉnh", "Quảng Ninh", "022"),
    ("tỉnh", "Quảng Trị", "045"),
    ("tỉnh", "Sóc Trăng", "094"),
    ("tỉnh", "Sơn La", "014"),
    ("tỉnh", "Tây Ninh", "072"),
    ("tỉnh", "Thái Bình", "034"),
    ("tỉnh", "Thái Nguyên", "019"),
    ("tỉnh", "Thanh Hóa", "038"),
    ("tỉnh", "Thừa Thiên Huế", "046"),
    ("tỉnh", "Tiền Giang", "082"),
    ("tỉnh", "Trà Vinh", "084"),
    ("tỉnh", "Tuyên Quang", "008"),
    ("tỉnh", "Vĩnh Long", "086"),
    ("tỉnh", "Vĩnh Phúc", "026"),
    ("tỉnh", "Yên Bái", "015"),
]
# Party committees directly under the Central Committee that are not provinces.
CENTRAL = [
    ("Đảng bộ Khối các cơ quan Trung ương", "hanh-chinh-su-nghiep"),
    ("Đảng bộ Khối Doanh nghiệp Trung ương", "doanh-nghiep"),
    ("Đảng bộ Quân đội nhân dân Việt Nam", "luc-luong-vu-trang"),
    ("Đảng bộ Công an Trung ương", "luc-luong-vu-trang"),
]
PLACE_SYLLABLES = nfc_list(
    "An Bình Cẩm Diên Đông Gia Hải Hòa Hưng Kim Lạc Long Mỹ Nghĩa Phú Phước Quế Sơn Tân Thạch "
    "Thanh Thuận Tiên Trà Triệu Vĩnh Xuân Yên Đức Hoài Khánh Lộc Minh Ninh Quang Tam Thái "
    "Thống Trung Văn Lương Hồng Cát Đại Hậu Lâm".split()
)
# Grassroots units (tổ chức cơ sở đảng) outside communes: (name template, block).
AGENCIES = [
    ("Văn phòng HĐND và UBND {p}", "hanh-chinh-su-nghiep"),
    ("Phòng Tài chính - Kế hoạch {p}", "hanh-chinh-su-nghiep"),
    ("Kho bạc Nhà nước {p}", "hanh-chinh-su-nghiep"),
    ("Chi cục Thuế {p}", "hanh-chinh-su-nghiep"),
    ("Tòa án nhân dân {p}", "hanh-chinh-su-nghiep"),
    ("Trường THPT {p}", "hanh-chinh-su-nghiep"),
    ("Trường THCS {p}", "hanh-chinh-su-nghiep"),
    ("Trường Tiểu học {p}", "hanh-chinh-su-nghiep"),
    ("Bệnh viện Đa khoa {p}", "hanh-chinh-su-nghiep"),
    ("Trung tâm Y tế {p}", "hanh-chinh-su-nghiep"),
    ("Công ty TNHH {p}", "doanh-nghiep"),
    ("Công ty Cổ phần {p}", "doanh-nghiep"),
    ("Hợp tác xã {p}", "doanh-nghiep"),
    ("Ngân hàng TMCP {p}", "doanh-nghiep"),
    ("Ban Chỉ huy Quân sự {p}", "luc-luong-vu-trang"),
    ("Công an {p}", "luc-luong-vu-trang"),
]
# Cells under a grassroots committee (chi bộ trực thuộc).
CELL_TEMPLATES = {
    "xa-phuong": [
        "Chi bộ thôn {p}",
        "Chi bộ khu phố {n}",
        "Chi bộ tổ dân phố {n}",
        "Chi bộ bản {p}",
        "Chi bộ ấp {p}",
    ],
    "hanh-chinh-su-nghiep": ["Chi bộ Phòng {p}", "Chi bộ Khoa {p}", "Chi bộ Tổ {p}"],
    "doanh-nghiep": [
        "Chi bộ Phân xưởng {n}",
        "Chi bộ Phòng Kinh doanh {n}",
        "Chi bộ Chi nhánh {p}",
    ],
    "luc-luong-vu-trang": ["Chi bộ Đại đội {n}", "Chi bộ Đội {p}", "Chi bộ Ban {p}"],
    "khac": ["Chi bộ {p}"],
}
