"""Rebuild the example files from a fixed seed (the files are committed; this is how they
were made). Run: python examples/make_examples.py

The data reproduce the figures of the source article (../seed, Thanh Hóa city, 2021) as a
snapshot on the article's date, 06/01/2022: 110 units directly under the city committee
(76 in the enterprise and administrative/public-service blocks, 34 wards and communes), a
province quota of 200 for 2021 met by 256 admissions (128%), the city's own targets of 250
for 2022 and 1,200 for the 2020-2025 term, and the Dạ Lan JSC committee with 5 cells and
52 members, 38 in key positions, whose 5 candidates passed the awareness class in 11/2021.
Every person is fictional; unit names other than the city, its wards and Dạ Lan are too.

restructuring_2025.csv then carries the map change of 1/7/2025 (issue 17), which ``dangvien
demo`` applies after the imports, act by act, as a clerk would with ``unit merge`` / ``unit
move`` / ``unit edit --dissolved``: the district level ended, the city's 34 wards and communes
merged into 7 new wards whose committees sit directly under the province (TINH, which this
database holds from that day: illustrative). Confirmed by a
source (Nghị quyết 1686/NQ-UBTVQH15 of 16/6/2025, effective 1/7/2025): the seven names, and
phường Hạc Thành from the whole of Phú Sơn, Lam Sơn, Ba Đình, Ngọc Trạo, Đông Sơn, Trường Thi,
Điện Biên, Đông Hương, Đông Hải and Đông Vệ plus parts of Đông Thọ and An Hưng. Illustrative
(column ``source`` says so row by row): Đông Thọ and An Hưng merged whole (a unit has one
successor here), the other six wards' make-up, and the city's enterprise and agency units
placed under Hạc Thành (in reality they went to the province's bloc committees or ended with
the city level).
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

from dangvien_cli.services.workdays import add_working_days, is_working_day

HERE = Path(__file__).parent
SNAPSHOT = date(2022, 1, 6)
rng = random.Random(2021)

WARDS = [
    "Điện Biên",
    "Lam Sơn",
    "Ba Đình",
    "Ngọc Trạo",
    "Đông Sơn",
    "Trường Thi",
    "Phú Sơn",
    "Tân Sơn",
    "Đông Thọ",
    "Đông Vệ",
    "Đông Hương",
    "Đông Hải",
    "Nam Ngạn",
    "Quảng Hưng",
    "Quảng Thắng",
    "Quảng Thành",
    "An Hưng",
    "Đông Cương",
    "Đông Lĩnh",
    "Đông Tân",
]
COMMUNES = [
    "Thiệu Dương",
    "Thiệu Khánh",
    "Thiệu Vân",
    "Quảng Phú",
    "Quảng Tâm",
    "Quảng Đông",
    "Quảng Cát",
    "Hoằng Quang",
    "Hoằng Đại",
    "Long Anh",
    "Đông Vinh",
    "Đông Hưng",
    "Đông Nam",
    "Tân Thọ",
]
ENTERPRISES = [
    "Công ty Cổ phần Dạ Lan",
    "Công ty Cổ phần Bia Hoàng Sơn",
    "Công ty TNHH Giày Sơn Lâm",
    "Công ty Cổ phần Xi măng Đông Sơn",
    "Công ty Cổ phần Vận tải Lam Kinh",
    "Công ty Cổ phần Cấp nước Hàm Rồng",
    "Công ty TNHH May Phú Thành",
    "Công ty Cổ phần Xây dựng Trường Lâm",
    "Công ty Cổ phần Dược vật tư Thanh An",
    "Công ty Cổ phần Môi trường đô thị Hạc Thành",
    "Công ty TNHH Thương mại Minh Khai",
    "Công ty Cổ phần In Lam Sơn",
    "Công ty Cổ phần Thủy sản Sông Mã",
    "Công ty Cổ phần Điện lực Nam Ngạn",
    "Công ty TNHH Cơ khí Đông Hương",
    "Công ty Cổ phần Du lịch Sầm Sơn Xanh",
    "Công ty Cổ phần Phân bón Hàm Rồng",
    "Công ty Cổ phần Gạch ngói Quảng Thành",
    "Công ty TNHH Nhựa Bình Minh Thanh",
    "Công ty Cổ phần Đầu tư Hạ tầng Lê Lợi",
    "Ngân hàng Thương mại chi nhánh Hàm Rồng",
    "Công ty Cổ phần Bao bì Tân Sơn",
    "Công ty Cổ phần Thực phẩm Ngọc Trạo",
    "Công ty Cổ phần Xuất nhập khẩu Đông Vệ",
    "Công ty TNHH Điện tử Phú Sơn",
    "Công ty Cổ phần Sách và Thiết bị Trường Thi",
    "Công ty Cổ phần Cảng Lễ Môn",
    "Công ty Cổ phần Vật liệu Quảng Hưng",
    "Công ty TNHH Dệt Đông Cương",
    "Công ty Cổ phần Kỹ thuật Hạc Thành",
    "Công ty Cổ phần Dịch vụ Lam Kinh",
    "Công ty Cổ phần Đá ốp lát Đông Tân",
    "Công ty TNHH Gỗ mỹ nghệ An Hưng",
    "Công ty Cổ phần Thương mại Ba Đình",
    "Công ty Cổ phần Xăng dầu Sông Chu",
    "Công ty Cổ phần Đường sắt Thanh Hóa",
]
AGENCIES = [
    "Cơ quan Thành ủy",
    "Cơ quan Ủy ban nhân dân thành phố",
    "Cơ quan Mặt trận và đoàn thể",
    "Trung tâm Văn hóa thông tin Thể thao và Du lịch",
    "Bệnh viện Đa khoa thành phố",
    "Trung tâm Y tế thành phố",
    "Phòng Giáo dục và Đào tạo",
    "Trường THPT Đào Duy Từ",
    "Trường THPT Hàm Rồng",
    "Trường THPT Nguyễn Trãi",
    "Trường THCS Trần Mai Ninh",
    "Trường THCS Điện Biên",
    "Trường Tiểu học Minh Khai",
    "Trường Mầm non Hoa Sen",
    "Phòng Nội vụ",
    "Phòng Lao động - Thương binh và Xã hội",
    "Chi cục Thuế thành phố",
    "Kho bạc Nhà nước thành phố",
    "Viện Kiểm sát nhân dân thành phố",
    "Tòa án nhân dân thành phố",
    "Chi cục Thi hành án dân sự",
    "Ban Quản lý dự án thành phố",
    "Trung tâm Chính trị thành phố",
    "Đài Truyền thanh thành phố",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Quản lý đô thị",
    "Bảo hiểm xã hội thành phố",
    "Trường Cao đẳng Nghề Thanh Hóa",
    "Trung tâm Phát triển quỹ đất",
    "Hạt Kiểm lâm",
    "Chi cục Thống kê",
    "Trường THCS Lê Hữu Lập",
    "Ngân hàng Chính sách xã hội thành phố",
    "Trường Tiểu học Ba Đình",
    "Trường THCS Nguyễn Văn Trỗi",
    "Nhà Văn hóa Thiếu nhi",
    "Ban Quản lý chợ",
    "Trung tâm Dịch vụ nông nghiệp",
    "Văn phòng Đăng ký đất đai",
]

FAMILY = (
    ["Nguyễn"] * 38
    + ["Lê"] * 12
    + ["Trần"] * 10
    + ["Phạm"] * 7
    + ["Hoàng"] * 4
    + [
        "Vũ",
        "Đỗ",
        "Bùi",
        "Đặng",
        "Ngô",
        "Dương",
        "Lường",
        "Cao",
        "Mai",
        "Trịnh",
        "Hà",
        "Lò",
        "Quách",
        "Đinh",
        "Tống",
        "Hồ",
        "Lại",
    ]
)
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Ngọc", "Thanh", "Đình", "Công", "Trọng"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Kim", "Phương", "Mai", "Thùy"]
GIVEN_M = [
    "An",
    "Anh",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Giang",
    "Hải",
    "Hiếu",
    "Hòa",
    "Hùng",
    "Huy",
    "Khánh",
    "Long",
    "Mạnh",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
    "Ân",
    "Lâm",
    "Thành",
    "Kiên",
    "Tùng",
]
GIVEN_F = [
    "Anh",
    "Ánh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hằng",
    "Hạnh",
    "Hiền",
    "Hoa",
    "Hương",
    "Huyền",
    "Lan",
    "Liên",
    "Linh",
    "Loan",
    "Mai",
    "Ngọc",
    "Nhung",
    "Oanh",
    "Phương",
    "Quyên",
    "Thảo",
    "Thủy",
    "Trang",
    "Tuyết",
    "Vân",
    "Yến",
    "Ân",
    "Ly",
]
ETHNICITIES = ["Kinh"] * 44 + ["Mường"] * 4 + ["Thái"] * 2
RELIGIONS = ["Không"] * 46 + ["Công giáo"] * 3 + ["Phật giáo"]
LINE_POSITIONS = ["Tổ trưởng sản xuất", "Trưởng ca", "Phó quản đốc", "Đội trưởng", "Phó phòng"]
OCCUPATIONS = {
    "xa-phuong": ["can-bo-xa", "khong-chuyen-trach-thon", "nong-nghiep", "khac"],
    "doanh-nghiep": ["cong-nhan", "nhan-vien-doanh-nghiep", "quan-ly-doanh-nghiep"],
    "hanh-chinh-su-nghiep": ["vien-chuc", "cong-chuc", "hoc-sinh", "sinh-vien"],
    "luc-luong-vu-trang": ["sy-quan-chien-sy"],
}


def name(gender: str) -> str:
    middle = rng.choice(MIDDLE_M if gender == "nam" else MIDDLE_F)
    given = rng.choice(GIVEN_M if gender == "nam" else GIVEN_F)
    return f"{rng.choice(FAMILY)} {middle} {given}"


def cccd(birth: date, gender: str) -> str:
    century = (birth.year // 100 - 19) * 2 + (1 if gender == "nu" else 0)
    return f"038{century}{birth.year % 100:02d}{rng.randrange(10**6):06d}"


def workday_on_or_after(d: date) -> date:
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def workday_on_or_before(d: date) -> date:
    while not is_working_day(d):
        d -= timedelta(days=1)
    return d


def iso(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def build_units() -> list[dict[str, str]]:
    units = [
        {
            "code": "TP",
            "name": "Đảng bộ thành phố Thanh Hóa",
            "kind": "dang-bo-cap-tren",
            "parent": "",
            "block": "",
            "founded_on": "",
        }
    ]
    for i, ward in enumerate(WARDS, 1):
        units.append(
            {
                "code": f"P{i:02d}",
                "name": f"Đảng bộ phường {ward}",
                "kind": "dang-bo-co-so",
                "parent": "TP",
                "block": "xa-phuong",
            }
        )
    for i, commune in enumerate(COMMUNES, 1):
        units.append(
            {
                "code": f"X{i:02d}",
                "name": f"Đảng bộ xã {commune}",
                "kind": "dang-bo-co-so",
                "parent": "TP",
                "block": "xa-phuong",
            }
        )
    for i, company in enumerate(ENTERPRISES, 1):
        code = "DALAN" if i == 1 else f"DN{i:02d}"
        kind = "dang-bo-co-so" if i <= 12 else "chi-bo-co-so"
        prefix = "Đảng bộ" if kind == "dang-bo-co-so" else "Chi bộ"
        units.append(
            {
                "code": code,
                "name": f"{prefix} {company}",
                "kind": kind,
                "parent": "TP",
                "block": "doanh-nghiep",
                "founded_on": "12/05/2000" if i == 1 else "",
            }
        )
    for i, agency in enumerate(AGENCIES, 1):
        kind = "dang-bo-co-so" if i <= 8 else "chi-bo-co-so"
        prefix = "Đảng bộ" if kind == "dang-bo-co-so" else "Chi bộ"
        # The article counts 76 units in the enterprise and administrative/public-service
        # blocks and 34 wards and communes: no other block.
        block = "hanh-chinh-su-nghiep"
        units.append(
            {
                "code": f"HC{i:02d}",
                "name": f"{prefix} {agency}",
                "kind": kind,
                "parent": "TP",
                "block": block,
            }
        )
    cells = [
        "Văn phòng",
        "Phân xưởng Sản xuất",
        "Phòng Kinh doanh",
        "Phân xưởng Cơ điện",
        "Kho vận",
    ]
    for i, cell in enumerate(cells, 1):
        units.append(
            {
                "code": f"DALAN.CB{i}",
                "name": f"Chi bộ {cell}",
                "kind": "chi-bo-truc-thuoc",
                "parent": "DALAN",
                "block": "",
            }
        )
    for u in units:
        u.setdefault("founded_on", "")
    return units


def spread(total: int, weights: list[float]) -> list[int]:
    raw = [total * w / sum(weights) for w in weights]
    counts = [int(x) for x in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)[
        : total - sum(counts)
    ]:
        counts[i] += 1
    return counts


def candidate_history(unit: dict[str, str], decision: date | None, stage: str) -> dict[str, str]:
    gender = "nu" if rng.random() < 0.52 else "nam"
    vote = None
    if decision is not None:
        vote = workday_on_or_before(decision - timedelta(days=rng.randint(18, 60)))
    else:
        vote = workday_on_or_before(SNAPSHOT - timedelta(days=rng.randint(3, 25)))
    age_years = rng.randint(19, 45)
    birth = vote - timedelta(days=int(age_years * 365.25) + rng.randint(0, 300))
    application = vote - timedelta(days=rng.randint(20, 70))
    class_date = application - timedelta(days=rng.randint(20, 400))
    source = class_date - timedelta(days=rng.randint(30, 240))
    block = unit["block"] or "doanh-nghiep"
    row = {
        "full_name": name(gender),
        "birth_date": iso(birth),
        "gender": gender,
        "ethnicity": rng.choice(ETHNICITIES),
        "religion": rng.choice(RELIGIONS),
        "education": "thpt" if rng.random() < 0.88 else "thcs",
        "occupation": rng.choice(OCCUPATIONS.get(block, ["khac"])),
        "national_id": cccd(birth, gender),
        "unit_code": unit["code"],
        "youth_union": "x" if age_years <= 30 else "",
        "source_date": iso(source),
        "mentor": name(rng.choice(["nam", "nu"])),
        "class_date": iso(class_date),
        "certificate_no": f"{rng.randint(100, 999)}/CN-TTCT",
        "application_date": iso(application),
        "vote_date": "",
        "votes_for": "",
        "official_members": "",
        "committee_date": "",
        "decision_no": "",
        "decision_date": "",
        "decision_body": "",
        "ceremony_date": "",
    }
    if stage in ("sourced",):
        row.update(class_date="", certificate_no="", application_date="")
    elif stage == "trained":
        row.update(application_date="")
    if stage in ("voted", "admitted"):
        members = rng.randint(6, 45)
        row.update(
            vote_date=iso(vote),
            official_members=str(members),
            votes_for=str(members - (1 if rng.random() < 0.15 and members >= 6 else 0)),
        )
    if stage == "admitted" and decision is not None:
        committee = workday_on_or_after(vote + timedelta(days=rng.randint(3, 12)))
        committee = min(committee, decision)
        ceremony = workday_on_or_after(decision + timedelta(days=rng.randint(5, 28)))
        ceremony = min(ceremony, add_working_days(decision, 30))
        row.update(
            committee_date=iso(committee),
            decision_no=f"{rng.randint(100, 2999)}-QĐ/TU",
            decision_date=iso(decision),
            decision_body="Ban Thường vụ Thành ủy Thanh Hóa",
            ceremony_date=iso(ceremony) if ceremony < SNAPSHOT else "",
        )
    return row


def build_candidates(units: list[dict[str, str]]) -> list[dict[str, str]]:
    grassroots = [u for u in units if u["parent"] == "TP"]
    # Units differ: some run ahead of the quota the city set them, some fall behind.
    weights = [
        (3.0 if u["block"] == "xa-phuong" else (2.2 if u["kind"] == "dang-bo-co-so" else 1.0))
        * rng.choice((0.0, 0.4, 0.7, 1.0, 1.0, 1.3, 1.6, 2.0))
        for u in grassroots
    ]
    weights[grassroots.index(next(u for u in grassroots if u["code"] == "DALAN"))] = 2.2
    per_unit = spread(256, weights)
    rows = []
    start = date(2021, 1, 4)
    for unit, n in zip(grassroots, per_unit, strict=True):
        home = unit
        for _ in range(n):
            if unit["code"] == "DALAN":
                home = rng.choice([u for u in units if u["parent"] == "DALAN"])
            decision = workday_on_or_after(start + timedelta(days=rng.randint(30, 350)))
            rows.append(candidate_history(home, decision, "admitted"))
    # The pipeline on the snapshot date: voted in December, trained, sourced.
    for _ in range(40):
        rows.append(candidate_history(rng.choice(grassroots), None, "voted"))
    for _ in range(60):
        rows.append(candidate_history(rng.choice(grassroots), None, "trained"))
    for _ in range(50):
        rows.append(candidate_history(rng.choice(grassroots), None, "sourced"))
    # Dạ Lan's five candidates, who passed the awareness class in November 2021.
    cells = [u for u in units if u["parent"] == "DALAN"]
    for i in range(5):
        row = candidate_history(cells[i], None, "trained")
        row.update(
            class_date="26/11/2021",
            certificate_no=f"{41 + i}/CN-TTCT",
            source_date="15/03/2021",
            application_date="",
        )
        rows.append(row)
    return rows


def build_roster(
    units: list[dict[str, str]], candidates: list[dict[str, str]]
) -> list[dict[str, str]]:
    """Dạ Lan's 52 members: its 2021 admittees (probationary) and the official members."""
    new = [c for c in candidates if c["unit_code"].startswith("DALAN.") and c["decision_date"]]
    rows = [
        {
            "full_name": c["full_name"],
            "birth_date": c["birth_date"],
            "gender": c["gender"],
            "national_id": c["national_id"],
            "unit_code": c["unit_code"],
            "status": "dự bị",
            "key_position": "",
            "position": "Công nhân",
            "admitted_on": c["decision_date"],
        }
        for c in new
    ]
    positions = [
        "Bí thư Đảng ủy, Chủ tịch HĐQT",
        "Tổng Giám đốc",
        "Phó Tổng Giám đốc",
        "Kế toán trưởng",
        "Trưởng phòng",
        "Phó phòng",
        "Quản đốc phân xưởng",
        "Tổ trưởng sản xuất",
        "Chủ tịch Công đoàn",
        "Bí thư Đoàn thanh niên",
    ]
    cells = [u["code"] for u in units if u["parent"] == "DALAN"]
    official = 52 - len(rows)
    key = 38
    for i in range(official):
        gender = "nu" if i == 0 or rng.random() < 0.5 else "nam"
        full = "Nguyễn Thị Hồng Liên" if i == 0 else name(gender)
        birth = date(rng.randint(1965, 1995), rng.randint(1, 12), rng.randint(1, 28))
        admitted = date(
            min(birth.year + rng.randint(22, 35), 2019), rng.randint(1, 12), rng.randint(1, 28)
        )
        is_key = i < key
        rows.append(
            {
                "full_name": full,
                "birth_date": iso(birth),
                "gender": gender,
                "national_id": cccd(birth, gender),
                "unit_code": cells[i % 5],
                "status": "chính thức",
                "key_position": "x" if is_key else "",
                "position": (positions[i] if i < len(positions) else rng.choice(LINE_POSITIONS))
                if is_key
                else "Nhân viên",
                "admitted_on": iso(admitted),
            }
        )
    return rows


def write(path: Path, rows: list[dict[str, str]], headers: list[str] | None = None) -> None:
    headers = headers or list(rows[0])
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=headers, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


CONFIRMED = "Nghị quyết 1686/NQ-UBTVQH15 (16/6/2025)"
ILLUSTRATIVE = "minh họa"
# New ward → (the wards and communes merged into it, whether a source confirms the make-up).
NEW_WARDS = {
    "HACTHANH": (
        "Hạc Thành",
        [
            "Phú Sơn",
            "Lam Sơn",
            "Ba Đình",
            "Ngọc Trạo",
            "Đông Sơn",
            "Trường Thi",
            "Điện Biên",
            "Đông Hương",
            "Đông Hải",
            "Đông Vệ",
        ],
        CONFIRMED,
    ),
    # Only parts of these two went to Hạc Thành; here they merge whole.
    "HACTHANH ": ("Hạc Thành", ["Đông Thọ", "An Hưng"], ILLUSTRATIVE),
    "QUANGPHU": (
        "Quảng Phú",
        [
            "Quảng Hưng",
            "Quảng Thắng",
            "Quảng Thành",
            "Quảng Phú",
            "Quảng Tâm",
            "Quảng Đông",
            "Quảng Cát",
        ],
        ILLUSTRATIVE,
    ),
    "HAMRONG": (
        "Hàm Rồng",
        ["Nam Ngạn", "Tân Sơn", "Long Anh", "Thiệu Dương", "Thiệu Khánh"],
        ILLUSTRATIVE,
    ),
    "NGUYETVIEN": ("Nguyệt Viên", ["Hoằng Quang", "Hoằng Đại", "Thiệu Vân"], ILLUSTRATIVE),
    "DONGSON": ("Đông Sơn", ["Đông Lĩnh", "Đông Tân"], ILLUSTRATIVE),
    "DONGTIEN": ("Đông Tiến", ["Đông Cương", "Đông Vinh"], ILLUSTRATIVE),
    "DONGQUANG": ("Đông Quang", ["Đông Hưng", "Đông Nam", "Tân Thọ"], ILLUSTRATIVE),
}
RESTRUCTURED_ON = "01/07/2025"


def build_restructuring(units: list[dict[str, str]]) -> list[dict[str, str]]:
    """The acts of 1/7/2025, in the order they are applied."""
    code_of = {u["name"].split(" ", 3)[-1]: u["code"] for u in units if u["block"] == "xa-phuong"}
    acts: list[dict[str, str]] = [
        {
            "act": "add",
            "on": RESTRUCTURED_ON,
            "into": "TINH",
            "name": "Đảng bộ tỉnh Thanh Hóa",
            "kind": "dang-bo-cap-tren",
            # The province's committee is far older; this database holds it from the day the
            # wards come directly under it.
            "source": ILLUSTRATIVE,
        }
    ]
    for into, (name, merged, source) in NEW_WARDS.items():
        act = {
            "act": "merge",
            "on": RESTRUCTURED_ON,
            "units": " ".join(code_of[w] for w in merged),
            "into": into.strip(),
            "source": source,
        }
        if not any(a["into"] == act["into"] for a in acts):  # name, kind, block: a new unit's
            act.update(
                name=f"Đảng bộ phường {name}",
                kind="dang-bo-co-so",
                parent="TINH",
                block="xa-phuong",
            )
        acts.append(act)
    others = [u["code"] for u in units if u["parent"] == "TP" and u["block"] != "xa-phuong"]
    acts.append(
        {
            "act": "move",
            "on": RESTRUCTURED_ON,
            "units": " ".join(others),
            "into": "HACTHANH",
            "source": ILLUSTRATIVE,
        }
    )
    acts.append({"act": "dissolve", "on": RESTRUCTURED_ON, "units": "TP", "source": CONFIRMED})
    return acts


def main() -> None:
    units = build_units()
    write(HERE / "units.csv", units, ["code", "name", "kind", "parent", "block", "founded_on"])
    grassroots = [u for u in units if u["parent"] == "TP"]
    quotas = [
        {"unit_code": "TP", "period": "2021", "source": "tinh", "target": "200"},
        {"unit_code": "TP", "period": "2022", "source": "thanh-uy", "target": "250"},
        {"unit_code": "TP", "period": "2020-2025", "source": "thanh-uy", "target": "1200"},
    ]
    weights = [
        3.0 if u["block"] == "xa-phuong" else (2.2 if u["kind"] == "dang-bo-co-so" else 1.0)
        for u in grassroots
    ]
    for period, total in (("2021", 230), ("2022", 250)):
        for unit, n in zip(grassroots, spread(total, weights), strict=True):
            quotas.append(
                {
                    "unit_code": unit["code"],
                    "period": period,
                    "source": "thanh-uy",
                    "target": str(max(1, n)),
                }
            )
    write(HERE / "quotas.csv", quotas)
    candidates = build_candidates(units)
    write(HERE / "candidates.csv", candidates)
    write(HERE / "members_dalan.csv", build_roster(units, candidates))
    columns = ["act", "on", "units", "into", "name", "kind", "parent", "block", "source"]
    write(HERE / "restructuring_2025.csv", build_restructuring(units), columns)


if __name__ == "__main__":
    main()
