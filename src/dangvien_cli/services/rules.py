"""The Party's admission rules, as data versioned by date, and the checks that apply them.

Every value comes from ``RULES`` (DOMAIN.md section 1 gives the research behind each row). A rule
has one row per period in which a document set it; an act (the cell meeting, the decision, the
ceremony) is judged by the rows in force on the date of that act, so an admission of 2021 is
checked against 24-QĐ/TW and one of September 2025 against 294-QĐ/TW, and each refusal cites the
document that applied.

A check returns a list of ``Violation``. A breach of an H rule is an "error" (the CLI refuses it
unless a recorded exception names the rule code); a breach of an M, L or U rule is a "warning".
Messages carry dates and counts, never a name or an ID number.

The checks are pure: no database, no clock, no output. They raise ``ValueError`` only for codes
that are not in the closed lists below (education, area exception, route, pipeline step).
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from fractions import Fraction
from typing import Literal, ParamSpec, TypedDict

from dangvien_cli.services.workdays import (
    MONTHS_PER_YEAR,
    add_months,
    add_working_days,
    months_between,
    working_days_between,
)

Confidence = Literal["H", "M", "L", "U"]
Severity = Literal["error", "warning"]
Route = Literal["two-members", "youth-union", "trade-union"]
Gender = Literal["nam", "nu"]
RuleValue = int | bool | str | Fraction | tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """One value of one rule as one document set it, in force from/to the given days (inclusive)."""

    code: str
    key: str
    value: RuleValue
    unit: str
    title_vi: str
    title_en: str
    source: str
    effective_from: date
    effective_to: date | None
    confidence: Confidence

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


@dataclass(frozen=True)
class Violation:
    """A rule an act breaks, in both languages, with the citation to show the clerk."""

    rule: str
    severity: Severity
    message_vi: str
    message_en: str
    source: str


@dataclass(frozen=True)
class IntroducerInfo:
    """What R9–R12 need to know about one introducer (no identity)."""

    is_official: bool
    months_together: int
    replacement: bool = False  # assigned by the cell after the first introducer left (R12)


# Closed code lists, in order.
EDUCATION_LEVELS = ("biet-doc-viet", "tieu-hoc", "thcs", "thpt")
AREA_EXCEPTIONS = ("vung-kho-khan", "nguoi-co-uy-tin")
PIPELINE_STEPS = (
    "sourced",
    "class_passed",
    "application",
    "cell_vote",
    "committee_resolution",
    "decision",
    "ceremony",
    "official",
)

_STEP_NAMES = frozenset(PIPELINE_STEPS)
_STEP_RANK = {name: i for i, name in enumerate(PIPELINE_STEPS)}

_EDUCATION_LABELS = {
    "biet-doc-viet": ("biết đọc, biết viết chữ quốc ngữ", "literate in Vietnamese script"),
    "tieu-hoc": ("tốt nghiệp tiểu học", "primary school"),
    "thcs": ("tốt nghiệp THCS", "lower secondary school"),
    "thpt": ("tốt nghiệp THPT", "upper secondary school"),
}
_STEP_LABELS = {
    "sourced": ("tạo nguồn", "sourced"),
    "class_passed": ("học lớp bồi dưỡng nhận thức về Đảng", "awareness class"),
    "application": ("đơn xin vào Đảng", "application"),
    "cell_vote": ("chi bộ biểu quyết", "cell vote"),
    "committee_resolution": ("nghị quyết đảng ủy cơ sở", "committee resolution"),
    "decision": ("quyết định kết nạp", "admission decision"),
    "ceremony": ("lễ kết nạp", "admission ceremony"),
    "official": ("công nhận đảng viên chính thức", "official membership"),
}
_ROUTE_KEYS = {
    "two-members": "introducers_members",
    "youth-union": "youth_union_members",
    "trade-union": "trade_union_members",
}
_SEVERITY: dict[Confidence, Severity] = {
    "H": "error",
    "M": "warning",
    "L": "warning",
    "U": "warning",
}

# Periods (first day, last day) of the documents that implement the charter (Điều lệ Đảng 2011).
_Period = tuple[date, date | None]
_QD29: _Period = (date(2016, 7, 25), date(2021, 7, 29))  # 29-QĐ/TW, 25/7/2016
_QD24: _Period = (date(2021, 7, 30), date(2025, 1, 19))  # 24-QĐ/TW, 30/7/2021
_QD232: _Period = (date(2025, 1, 20), date(2025, 6, 30))  # 232-QĐ/TW, 20/1/2025
_QD294: _Period = (date(2025, 7, 1), None)  # 294-QĐ/TW, 26/5/2025, in force 1/7/2025
_HD16: _Period = (date(2016, 9, 20), date(2021, 9, 27))  # 01-HD/TW, 20/9/2016
_HD21: _Period = (date(2021, 9, 28), date(2025, 6, 8))  # 01-HD/TW, 28/9/2021
_HD25: _Period = (date(2025, 6, 9), None)  # 06-HD/TW, 9/6/2025
_SINCE_16: _Period = (date(2016, 1, 1), None)  # Luật Căn cước công dân 2014 in force
_Version = tuple[RuleValue, str, _Period, Confidence]


def _rule(
    code: str, key: str, unit: str, title_vi: str, title_en: str, *versions: _Version
) -> tuple[Rule, ...]:
    return tuple(
        Rule(code, key, value, unit, title_vi, title_en, source, start, end, confidence)
        for value, source, (start, end), confidence in versions
    )


# fmt: off
RULES: tuple[Rule, ...] = (
    *_rule("R1", "min_age_months", "months",
        "Tuổi tối thiểu khi chi bộ xét kết nạp: đủ 18 tuổi (tính theo tháng)",
        "Minimum age at the cell meeting: 18 years, counted in months",
        (216, "Điều lệ Đảng Điều 1.2; 29-QĐ/TW (2016)", _QD29, "H"),
        (216, "Điều lệ Đảng Điều 1.2; 24-QĐ/TW (2021) điểm 1.1.1", _QD24, "H"),
        (216, "Điều lệ Đảng Điều 1.2; 232-QĐ/TW (2025)", _QD232, "H"),
        (216, "Điều lệ Đảng Điều 1.2; 294-QĐ/TW (2025) Điều 1", _QD294, "H")),
    *_rule("R2", "max_age_months", "months",
        "Tuổi tối đa khi chi bộ xét kết nạp: đủ 60 tuổi (tính theo tháng)",
        "Maximum age at the cell meeting: 60 years, counted in months",
        (720, "29-QĐ/TW (2016)", _QD29, "H"),
        (720, "24-QĐ/TW (2021) điểm 1.1.1", _QD24, "H"),
        (720, "232-QĐ/TW (2025)", _QD232, "H"),
        (720, "294-QĐ/TW (2025) Điều 1", _QD294, "H")),
    *_rule("R3", "over_age_consent", "consent",
        "Trên 60 tuổi: cần văn bản đồng ý của Ban Thường vụ cấp ủy trực thuộc Trung ương",
        "Over 60: written consent of the provincial standing committee required",
        ("ban-thuong-vu-tinh-uy", "29-QĐ/TW (2016); 01-HD/TW (2016) điểm 1.1", _QD29, "M"),
        ("ban-thuong-vu-tinh-uy", "24-QĐ/TW (2021) điểm 1.1.2; 01-HD/TW (2021) điểm 1.1",
         _QD24, "H"),
        ("ban-thuong-vu-tinh-uy", "232-QĐ/TW (2025); 01-HD/TW (2021) điểm 1.1", _QD232, "H"),
        ("ban-thuong-vu-tinh-uy", "294-QĐ/TW (2025); 06-HD/TW (2025)", _QD294, "H")),
    *_rule("R4", "min_education", "education",
        "Trình độ học vấn tối thiểu: bằng tốt nghiệp THCS",
        "Minimum education: lower secondary school diploma",
        ("thcs", "29-QĐ/TW (2016)", _QD29, "H"),
        ("thcs", "24-QĐ/TW (2021) điểm 1.2.1", _QD24, "H"),
        ("thcs", "232-QĐ/TW (2025)", _QD232, "H"),
        ("thcs", "294-QĐ/TW (2025)", _QD294, "H")),
    *_rule("R4", "education_equivalent_allowed", "flag",
        "Chấp nhận trình độ \"tương đương\" THCS",
        "A qualification \"equivalent\" to lower secondary is accepted",
        (True, "29-QĐ/TW (2016)", _QD29, "H"),
        (False, "24-QĐ/TW (2021) điểm 1.2.1", _QD24, "H"),
        (False, "232-QĐ/TW (2025)", _QD232, "H"),
        (False, "294-QĐ/TW (2025)", _QD294, "H")),
    *_rule("R5", "area_min_education", "education",
        "Miền núi, biên giới, hải đảo, vùng dân tộc thiểu số, vùng ĐBKK, ngư dân: "
        "tối thiểu hoàn thành tiểu học",
        "Mountain, border, island, ethnic-minority, hardship areas, fishermen: primary school",
        ("tieu-hoc", "01-HD/TW (2016) điểm 1.2", _HD16, "M"),
        ("tieu-hoc", "01-HD/TW (2021) điểm 1.2", _HD21, "H"),
        ("tieu-hoc", "06-HD/TW (2025) điểm 1", _HD25, "H")),
    *_rule("R6", "prestige_min_education", "education",
        "Già làng, trưởng bản, người có uy tín ở các vùng đó: biết đọc, biết viết chữ quốc ngữ, "
        "có văn bản đồng ý của Ban Thường vụ Tỉnh ủy",
        "Village elders and respected people there: literate, with provincial standing "
        "committee consent",
        ("biet-doc-viet", "01-HD/TW (2016) điểm 1.2", _HD16, "M"),
        ("biet-doc-viet", "01-HD/TW (2021) điểm 1.2", _HD21, "H"),
        ("biet-doc-viet", "06-HD/TW (2025) điểm 1", _HD25, "H")),
    *_rule("R7", "certificate_required", "flag",
        "Phải có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng (Mẫu CN-NTVĐ)",
        "An awareness-class certificate (form CN-NTVĐ) is required",
        (True, "01-HD/TW (2016) điểm 3", _HD16, "L"),
        (True, "01-HD/TW (2021) điểm 3; 154-HD/BTGTW (2020)", _HD21, "M"),
        (True, "06-HD/TW (2025); 154-HD/BTGTW (2020)", _HD25, "M")),
    *_rule("R8", "certificate_validity_months", "months",
        "Giấy chứng nhận bồi dưỡng nhận thức về Đảng có giá trị 60 tháng đến ngày chi bộ xét",
        "The awareness-class certificate is valid for 60 months up to the cell meeting",
        (60, "Hướng dẫn của các đảng bộ 2017–2019 (5 năm); chưa thấy văn bản Trung ương",
         (_HD16[0], _HD21[1]), "L"),
        (60, "06-HD/TW (2025) điểm 5.4", _HD25, "M")),
    *_rule("R9", "introducers_members", "official members",
        "Người giới thiệu: hai đảng viên chính thức",
        "Introducers: two official party members",
        (2, "Điều lệ Đảng Điều 4.1; 29-QĐ/TW (2016)", _QD29, "H"),
        (2, "Điều lệ Đảng Điều 4.1; 24-QĐ/TW (2021) điểm 3.1", _QD24, "H"),
        (2, "Điều lệ Đảng Điều 4.1; 232-QĐ/TW (2025)", _QD232, "H"),
        (2, "Điều lệ Đảng Điều 4.1; 294-QĐ/TW (2025)", _QD294, "H")),
    *_rule("R10", "youth_union_members", "official members",
        "Đoàn viên trong độ tuổi thanh niên: BCH đoàn cơ sở và một đảng viên chính thức giới thiệu",
        "Youth Union members of youth age: the union committee and one official member introduce",
        (1, "Điều lệ Đảng Điều 4.1; 29-QĐ/TW (2016)", _QD29, "H"),
        (1, "Điều lệ Đảng Điều 4.1; 24-QĐ/TW (2021) điểm 3.1", _QD24, "H"),
        (1, "Điều lệ Đảng Điều 4.1; 232-QĐ/TW (2025)", _QD232, "H"),
        (1, "Điều lệ Đảng Điều 4.1; 294-QĐ/TW (2025)", _QD294, "H")),
    *_rule("R10", "youth_max_age_years", "years",
        "Độ tuổi thanh niên: đến 30 tuổi khi chi bộ xét (văn bản của Đảng không định nghĩa)",
        "Youth age: up to 30 at the cell meeting (not defined in Party texts)",
        (30, "Luật Thanh niên (2005, 2020) Điều 1; Điều lệ Đoàn TNCS Hồ Chí Minh",
         (_QD29[0], None), "U")),
    *_rule("R11", "trade_union_members", "official members",
        "Nơi không có tổ chức Đoàn: BCH công đoàn cơ sở và một đảng viên chính thức giới thiệu",
        "Where there is no Youth Union: the trade-union committee and one official member "
        "introduce",
        (1, "Điều lệ Đảng Điều 4.1; 29-QĐ/TW (2016)", _QD29, "H"),
        (1, "Điều lệ Đảng Điều 4.1; 24-QĐ/TW (2021) điểm 3.1", _QD24, "H"),
        (1, "Điều lệ Đảng Điều 4.1; 232-QĐ/TW (2025)", _QD232, "H"),
        (1, "Điều lệ Đảng Điều 4.1; 294-QĐ/TW (2025)", _QD294, "H")),
    *_rule("R12", "introducer_months_together", "months",
        "Người giới thiệu là đảng viên chính thức, cùng công tác, học tập (từ 2021: hoặc cư trú) "
        "với người vào Đảng ít nhất 12 tháng",
        "An introducer is an official member who worked, studied (since 2021: or lived) with the "
        "applicant for at least 12 months",
        (12, "Điều lệ Đảng Điều 4.1; 29-QĐ/TW (2016)", _QD29, "H"),
        (12, "Điều lệ Đảng Điều 4.1; 24-QĐ/TW (2021) điểm 3.2.1–3.2.2", _QD24, "H"),
        (12, "Điều lệ Đảng Điều 4.1; 232-QĐ/TW (2025)", _QD232, "H"),
        (12, "Điều lệ Đảng Điều 4.1; 294-QĐ/TW (2025)", _QD294, "H")),
    *_rule("R14", "cell_vote_fraction", "of official members",
        "Chi bộ đề nghị kết nạp khi ít nhất 2/3 số đảng viên chính thức tán thành",
        "The cell proposes admission when at least 2/3 of its official members agree",
        (Fraction(2, 3), "Điều lệ Đảng Điều 4.3; 29-QĐ/TW (2016)", _QD29, "H"),
        (Fraction(2, 3), "Điều lệ Đảng Điều 4.3; 24-QĐ/TW (2021); 01-HD/TW (2021) điểm 3.6",
         _QD24, "H"),
        (Fraction(2, 3), "Điều lệ Đảng Điều 4.3; 232-QĐ/TW (2025)", _QD232, "H"),
        (Fraction(2, 3), "Điều lệ Đảng Điều 4.3; 294-QĐ/TW (2025); 06-HD/TW (2025) điểm 3.6b",
         _QD294, "H")),
    *_rule("R15", "committee_vote_fraction", "of committee members",
        "Đảng ủy cơ sở đề nghị kết nạp khi ít nhất 2/3 số cấp ủy viên tán thành",
        "The grassroots committee proposes admission when at least 2/3 of its members agree",
        (Fraction(2, 3), "Điều lệ Đảng Điều 4.3; 29-QĐ/TW (2016)", _QD29, "H"),
        (Fraction(2, 3), "Điều lệ Đảng Điều 4.3; 24-QĐ/TW (2021); 01-HD/TW (2021) điểm 3.6c",
         _QD24, "H"),
        (Fraction(2, 3), "Điều lệ Đảng Điều 4.3; 232-QĐ/TW (2025)", _QD232, "H"),
        (Fraction(2, 3), "Điều lệ Đảng Điều 4.3; 294-QĐ/TW (2025); 06-HD/TW (2025) điểm 3.7a",
         _QD294, "H")),
    *_rule("R16", "decision_body", "body",
        "Ban Thường vụ cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng quyết định kết nạp; "
        "đảng ủy cơ sở được ủy quyền thì tập thể đảng ủy cơ sở quyết định",
        "The standing committee of the committee directly above the grassroots organisation "
        "decides; an authorised grassroots committee decides as a body",
        ("ban-thuong-vu-cap-tren", "29-QĐ/TW (2016) điểm 4.3.2 a–b", _QD29, "H"),
        ("ban-thuong-vu-cap-tren", "24-QĐ/TW (2021) điểm 4.3.2 (như 29-QĐ/TW)", _QD24, "M"),
        ("ban-thuong-vu-cap-tren", "232-QĐ/TW (2025) điểm 4.3.2 (như 29-QĐ/TW)", _QD232, "M"),
        ("ban-thuong-vu-cap-tren", "294-QĐ/TW (2025) điểm 4.3.2 (như 29-QĐ/TW)", _QD294, "M")),
    *_rule("R17", "decision_deadline_wd", "working days",
        "Cấp ủy có thẩm quyền quyết định kết nạp trong 60 ngày làm việc từ nghị quyết của chi bộ",
        "The competent committee decides within 60 working days of the cell resolution",
        (60, "29-QĐ/TW (2016) điểm 4.3.1", _QD29, "H"),
        (60, "24-QĐ/TW (2021) điểm 4.3.1", _QD24, "H"),
        (60, "232-QĐ/TW (2025) điểm 4.3.1", _QD232, "H"),
        (60, "294-QĐ/TW (2025) điểm 4.3.1", _QD294, "H")),
    *_rule("R17", "decision_special_extra_wd", "working days",
        "Trường hợp đặc biệt: gia hạn quyết định kết nạp tối đa 30 ngày làm việc",
        "Special cases: the decision may be extended by at most 30 working days",
        (30, "29-QĐ/TW (2016) điểm 4.3.1", _QD29, "H"),
        (30, "24-QĐ/TW (2021) điểm 4.3.1", _QD24, "H"),
        (30, "232-QĐ/TW (2025) điểm 4.3.1", _QD232, "H"),
        (30, "294-QĐ/TW (2025) điểm 4.3.1", _QD294, "H")),
    *_rule("R18", "ceremony_deadline_wd", "working days",
        "Chi bộ tổ chức lễ kết nạp trong 30 ngày làm việc từ khi nhận quyết định",
        "The cell holds the ceremony within 30 working days of receiving the decision",
        (30, "Điều lệ Đảng Điều 4.3; 29-QĐ/TW (2016) điểm 4.1", _QD29, "H"),
        (30, "Điều lệ Đảng Điều 4.3; 24-QĐ/TW (2021) điểm 4.1", _QD24, "H"),
        (30, "Điều lệ Đảng Điều 4.3; 232-QĐ/TW (2025) điểm 4.1", _QD232, "H"),
        (30, "Điều lệ Đảng Điều 4.3; 294-QĐ/TW (2025) điểm 4.1", _QD294, "H")),
    *_rule("R19", "probation_months", "months",
        "Thời kỳ dự bị 12 tháng, tính từ ngày lễ kết nạp",
        "Probation lasts 12 months from the ceremony",
        (12, "Điều lệ Đảng Điều 5.1; 29-QĐ/TW (2016)", _QD29, "H"),
        (12, "Điều lệ Đảng Điều 5.1; 24-QĐ/TW (2021)", _QD24, "H"),
        (12, "Điều lệ Đảng Điều 5.1; 232-QĐ/TW (2025)", _QD232, "H"),
        (12, "Điều lệ Đảng Điều 5.1; 294-QĐ/TW (2025)", _QD294, "H")),
    *_rule("R20", "official_review_deadline_wd", "working days",
        "Chi bộ xét công nhận chính thức trong 30 ngày làm việc sau khi hết 12 tháng dự bị",
        "The cell reviews official membership within 30 working days after probation ends",
        (30, "Điều lệ Đảng Điều 5.2; 29-QĐ/TW (2016)", _QD29, "H"),
        (30, "Điều lệ Đảng Điều 5.2; 24-QĐ/TW (2021) điểm 4.2.1", _QD24, "H"),
        (30, "Điều lệ Đảng Điều 5.2; 232-QĐ/TW (2025)", _QD232, "H"),
        (30, "Điều lệ Đảng Điều 5.2; 294-QĐ/TW (2025) điểm 4.2", _QD294, "H")),
    *_rule("R21", "official_decision_deadline_wd", "working days",
        "Cấp ủy có thẩm quyền quyết định công nhận chính thức trong 30 ngày làm việc",
        "The competent committee decides official membership within 30 working days",
        (30, "29-QĐ/TW (2016) điểm 4.3.1", _QD29, "H"),
        (30, "24-QĐ/TW (2021) điểm 4.3.1", _QD24, "H"),
        (30, "232-QĐ/TW (2025) điểm 4.3.1", _QD232, "H"),
        (30, "294-QĐ/TW (2025) điểm 4.3.1", _QD294, "H")),
    *_rule("R21", "official_special_extra_wd", "working days",
        "Trường hợp đặc biệt: gia hạn quyết định công nhận chính thức tối đa 30 ngày làm việc",
        "Special cases: the official-membership decision may be extended by 30 working days",
        (30, "29-QĐ/TW (2016) điểm 4.3.1", _QD29, "H"),
        (30, "24-QĐ/TW (2021) điểm 4.3.1", _QD24, "H"),
        (30, "232-QĐ/TW (2025) điểm 4.3.1", _QD232, "H"),
        (30, "294-QĐ/TW (2025) điểm 4.3.1", _QD294, "H")),
    *_rule("R22", "official_from_probation_end", "flag",
        "Đảng viên chính thức kể từ ngày hết 12 tháng dự bị, kể cả khi chi bộ họp "
        "hoặc cấp trên duyệt muộn",
        "Official membership runs from the day the 12 months end, even if approved late",
        (True, "Điều lệ Đảng Điều 5.3; 29-QĐ/TW (2016)", _QD29, "H"),
        (True, "Điều lệ Đảng Điều 5.3; 24-QĐ/TW (2021) điểm 4.2.2", _QD24, "H"),
        (True, "Điều lệ Đảng Điều 5.3; 232-QĐ/TW (2025)", _QD232, "H"),
        (True, "Điều lệ Đảng Điều 5.3; 294-QĐ/TW (2025)", _QD294, "H")),
    *_rule("R23", "failed_recognition_votes", "votes",
        "Chi bộ không công nhận đảng viên chính thức: đề nghị xóa tên; sau 3 lần biểu quyết không "
        "thành ở cấp dưới thì báo cáo cấp trên quyết định",
        "A probationary member not recognised is proposed for removal; after 3 failed votes "
        "below, the cell reports up for the decision",
        (3, "Điều lệ Đảng Điều 5.2; 29-QĐ/TW (2016)", _QD29, "H"),
        (3, "Điều lệ Đảng Điều 5.2; 24-QĐ/TW (2021) điểm 4.2.1, 4.2.3", _QD24, "H"),
        (3, "Điều lệ Đảng Điều 5.2; 232-QĐ/TW (2025)", _QD232, "H"),
        (3, "Điều lệ Đảng Điều 5.2; 294-QĐ/TW (2025)", _QD294, "H")),
    *_rule("R24", "party_age_from", "event",
        "Tuổi đảng tính từ ngày cấp có thẩm quyền ký quyết định kết nạp",
        "Party age counts from the date the admission decision was signed",
        ("decision", "Điều lệ Đảng Điều 5.4; 29-QĐ/TW (2016)", _QD29, "H"),
        ("decision", "Điều lệ Đảng Điều 5.4; 24-QĐ/TW (2021) điểm 4.5.1", _QD24, "H"),
        ("decision", "Điều lệ Đảng Điều 5.4; 232-QĐ/TW (2025)", _QD232, "H"),
        ("decision", "Điều lệ Đảng Điều 5.4; 294-QĐ/TW (2025)", _QD294, "H")),
    *_rule("R25", "member_record_deadline_wd", "working days",
        "Đảng viên mới khai lý lịch đảng viên trong 30 ngày làm việc từ lễ kết nạp",
        "The new member fills in the member record within 30 working days of the ceremony",
        (30, "12-HD/BTCTW (2022) điểm 2.2", (date(2022, 1, 18), None), "M")),
    *_rule("R29", "cccd_digits", "digits",
        "Số CCCD gồm 12 chữ số: mã tỉnh nơi đăng ký khai sinh (3), thế kỷ và giới tính (1), "
        "năm sinh (2), ngẫu nhiên (6)",
        "A citizen ID has 12 digits: birth-registration province (3), century and sex (1), "
        "birth year (2), random (6)",
        (12, "Luật Căn cước 2023 Điều 12; NĐ 137/2015 Điều 13; TT 07/2016/TT-BCA Điều 7",
         _SINCE_16, "H")),
    *_rule("R29", "legacy_id_digits", "digits",
        "Số CMND mẫu cũ gồm 9 chữ số; cần cập nhật số CCCD",
        "The old identity card number has 9 digits; the citizen ID should be recorded",
        (9, "CMND mẫu cũ (9 chữ số), thay bằng CCCD theo Luật Căn cước công dân 2014", _SINCE_16,
         "M")),
    *_rule("ORDER", "step_order", "steps",
        "Các bước kết nạp theo đúng trình tự thời gian",
        "Admission steps happen in order",
        (PIPELINE_STEPS, "Điều lệ Đảng Điều 4.3, Điều 5; 01-HD/TW (2016, 2021) và 06-HD/TW (2025) "
         "điểm 3", (_QD29[0], None), "H")),
)
# fmt: on


@dataclass(frozen=True)
class RuleNote:
    """What the tool does with one rule of DOMAIN.md: at which step it is judged and whether a
    higher body may approve a departure from it (DOMAIN 2.13), through which text.

    ``route`` is the document that gives the approval route and who approves, or None when
    the rule is a minimum that no body below the Central Committee can set aside; ``why``
    then says so in a line (both languages). ``covers`` lists the rules the exception also
    waives (R3's consent is what lets an applicant be over R2's age)."""

    code: str
    step_vi: str
    step_en: str
    route: str | None
    approver_vi: str | None
    approver_en: str | None
    why_vi: str
    why_en: str
    covers: tuple[str, ...] = ()


_CHARTER_VI, _CHARTER_EN = "điều kiện tối thiểu của Điều lệ", "a minimum set by the Charter"


def _minimum(code: str, step_vi: str, step_en: str, why_vi: str, why_en: str) -> RuleNote:
    return RuleNote(code, step_vi, step_en, None, None, None, why_vi, why_en)


# fmt: off
RULE_NOTES: dict[str, RuleNote] = {n.code: n for n in (
    _minimum("R1", "chi bộ xét kết nạp", "cell vote",
        f"đủ 18 tuổi là {_CHARTER_VI} (Điều 1.2), không cấp nào dưới Trung ương được miễn",
        f"18 years is {_CHARTER_EN} (Article 1.2); no body below the Centre may waive it"),
    _minimum("R2", "chi bộ xét kết nạp", "cell vote",
        "quá 60 tuổi chỉ được qua văn bản đồng ý theo R3; ghi ngoại lệ R3",
        "over 60 is allowed only through the R3 consent; record an R3 exception"),
    RuleNote("R3", "quyết định kết nạp (chi bộ xét: cảnh báo)", "admission decision "
        "(cell vote: warning)", "24-QĐ/TW (2021) điểm 1.1.2; 01-HD/TW (2021) điểm 1.1; "
        "06-HD/TW (2025)", "Ban Thường vụ Tỉnh ủy (cấp ủy trực thuộc Trung ương), bằng văn bản, "
        "trước khi quyết định", "the provincial standing committee, in writing, before the "
        "decision", "văn bản đồng ý cho người trên 60 tuổi",
        "written consent for an applicant over 60", covers=("R2",)),
    _minimum("R4", "chi bộ xét kết nạp", "cell vote",
        "trình độ THCS chỉ hạ theo R5 (--area vung-kho-khan) hoặc R6 (văn bản đồng ý)",
        "the THCS minimum is lowered only by R5 (--area vung-kho-khan) or R6 (written consent)"),
    _minimum("R5", "chi bộ xét kết nạp (--area)", "cell vote (--area)",
        "ngoại lệ vùng khó khăn áp dụng theo địa bàn, không cần chấp thuận: ghi --area",
        "the hardship-area exception follows the area, no approval: use --area"),
    RuleNote("R6", "chi bộ xét kết nạp (--area nguoi-co-uy-tin)", "cell vote "
        "(--area nguoi-co-uy-tin)", "01-HD/TW (2021) điểm 1.2; 06-HD/TW (2025) điểm 1",
        "Ban Thường vụ Tỉnh ủy, bằng văn bản", "the provincial standing committee, in writing",
        "văn bản đồng ý cho người có uy tín chỉ biết đọc, biết viết",
        "written consent for a respected person who is only literate", covers=("R4",)),
    _minimum("R7", "chi bộ xét kết nạp", "cell vote",
        "phải có giấy chứng nhận bồi dưỡng nhận thức về Đảng; không có đường miễn",
        "the awareness-class certificate is required; no route waives it"),
    _minimum("R8", "chi bộ xét kết nạp", "cell vote",
        "giấy chứng nhận hết hạn thì học lại lớp, không có đường miễn",
        "an expired certificate means re-taking the class; no route waives it"),
    _minimum("R9", "người giới thiệu; chi bộ xét kết nạp", "introducers; cell vote",
        f"hai đảng viên chính thức giới thiệu là {_CHARTER_VI} (Điều 4.1)",
        f"two official introducers is {_CHARTER_EN} (Article 4.1)"),
    _minimum("R10", "người giới thiệu; chi bộ xét kết nạp", "introducers; cell vote",
        f"người giới thiệu là {_CHARTER_VI} (Điều 4.1)",
        f"who introduces is {_CHARTER_EN} (Article 4.1)"),
    _minimum("R11", "người giới thiệu; chi bộ xét kết nạp", "introducers; cell vote",
        f"người giới thiệu là {_CHARTER_VI} (Điều 4.1)",
        f"who introduces is {_CHARTER_EN} (Article 4.1)"),
    RuleNote("R12", "người giới thiệu", "introducers", "24-QĐ/TW (2021) điểm 3.2.2",
        "chi bộ phân công đảng viên chính thức khác khi người giới thiệu chuyển đi hoặc bị kỷ luật",
        "the cell, assigning another official member when an introducer moved or was "
        "disciplined", "người giới thiệu thay thế không cần đủ 12 tháng",
        "a replacement introducer needs no 12 months together"),
    _minimum("R13", "thẩm tra lý lịch (chỉ ghi ngày)", "background check (date only)",
        "phạm vi thẩm tra do Hướng dẫn quy định, không có đường miễn; công cụ chưa mô hình hóa",
        "the scope of the check is set by the guidance, no waiver; not modelled"),
    _minimum("R14", "chi bộ xét kết nạp", "cell vote",
        f"2/3 số đảng viên chính thức là {_CHARTER_VI} (Điều 4.3)",
        f"two thirds of the official members is {_CHARTER_EN} (Article 4.3)"),
    _minimum("R15", "nghị quyết đảng ủy cơ sở", "committee resolution",
        f"2/3 số cấp ủy viên là {_CHARTER_VI} (Điều 4.3)",
        f"two thirds of the committee is {_CHARTER_EN} (Article 4.3)"),
    _minimum("R16", "quyết định kết nạp", "admission decision",
        "thẩm quyền quyết định do Quy định thi hành Điều lệ giao, không ngoại lệ",
        "who decides is fixed by the Charter's implementing rules; no exception"),
    RuleNote("R17", "quyết định kết nạp", "admission decision", "24-QĐ/TW (2021) điểm 4.3.1; "
        "294-QĐ/TW (2025) điểm 4.3.1", "cấp ủy có thẩm quyền, nêu lý do (tối đa thêm 30 ngày "
        "làm việc; --special)", "the deciding committee, with reason (at most 30 more working "
        "days; --special)", "trường hợp đặc biệt được kéo dài thời hạn quyết định",
        "special cases may extend the decision deadline"),
    RuleNote("R18", "lễ kết nạp", "ceremony", "Điều lệ Đảng Điều 4.3; 24-QĐ/TW (2021) điểm 4.1; "
        "294-QĐ/TW (2025) điểm 4.1", "cấp ủy cấp trên trực tiếp đồng ý sau khi chi bộ báo cáo",
        "the directly superior committee agrees after the cell reports",
        "lễ kết nạp muộn quá 30 ngày làm việc", "a ceremony later than 30 working days"),
    _minimum("R19", "công nhận chính thức", "official membership",
        f"12 tháng dự bị là {_CHARTER_VI} (Điều 5.1)",
        f"12 months' probation is {_CHARTER_EN} (Article 5.1)"),
    _minimum("R20", "công nhận chính thức (--cell-date)", "official membership (--cell-date)",
        f"chỉ xét sau khi hết dự bị là {_CHARTER_VI} (Điều 5.2); xét muộn chỉ bị cảnh báo",
        f"review only after probation is {_CHARTER_EN} (Article 5.2); a late review only warns"),
    RuleNote("R21", "công nhận chính thức (--decided)", "official membership (--decided)",
        "24-QĐ/TW (2021) điểm 4.3.1; 294-QĐ/TW (2025) điểm 4.3.1",
        "cấp ủy có thẩm quyền, nêu lý do (tối đa thêm 30 ngày làm việc; --special)",
        "the deciding committee, with reason (at most 30 more working days; --special)",
        "trường hợp đặc biệt được kéo dài thời hạn quyết định công nhận",
        "special cases may extend the recognition deadline"),
    _minimum("R22", "công nhận chính thức", "official membership",
        f"ngày chính thức là ngày hết 12 tháng dự bị, {_CHARTER_VI} (Điều 5.3)",
        f"the official date is the end of probation, {_CHARTER_EN} (Article 5.3)"),
    _minimum("R23", "công nhận chính thức (không được công nhận)", "official membership (not "
        "recognised)", f"xóa tên đảng viên dự bị không đủ tư cách là {_CHARTER_VI} (Điều 5.2)",
        f"striking off an unqualified probationary member is {_CHARTER_EN} (Article 5.2)"),
    _minimum("R24", "quyết định kết nạp", "admission decision",
        f"tuổi đảng tính từ ngày quyết định là {_CHARTER_VI} (Điều 5.4)",
        f"party age from the decision is {_CHARTER_EN} (Article 5.4)"),
    _minimum("R25", "sau lễ kết nạp (report deadlines)", "after the ceremony (report deadlines)",
        "thời hạn khai lý lịch đảng viên, không có đường miễn (chỉ cảnh báo)",
        "the member-record deadline has no waiver (a warning only)"),
    RuleNote("R26", "không mô hình hóa (kết nạp lại)", "not modelled (readmission)",
        "24-QĐ/TW (2021) điểm 3.5; 294-QĐ/TW (2025) điểm 3.5",
        "Ban Thường vụ Tỉnh ủy, bằng văn bản, một lần", "the provincial standing committee, "
        "in writing, once", "kết nạp lại chưa có trong công cụ",
        "readmission is not in the tool"),
    _minimum("R27", "không mô hình hóa (kết nạp sai)", "not modelled (wrong admission)",
        "kết nạp sai thì hủy quyết định, không được miễn",
        "a wrong admission is annulled, never excused"),
    RuleNote("R28", "không mô hình hóa (quy mô tổ chức)", "not modelled (organisation size)",
        "Điều lệ Đảng Điều 21, 24", "cấp ủy cấp trên", "the superior committee",
        "áp dụng cho tổ chức, không cho người vào Đảng",
        "applies to the organisation, not to an applicant"),
    _minimum("R29", "đăng ký; nhập danh sách", "registration; imports",
        "số CCCD theo luật, không có ngoại lệ", "the ID number is set by law; no exception"),
    _minimum("R30", "không mô hình hóa (số lý lịch, số thẻ)", "not modelled (record numbers)",
        "định dạng số hồ sơ, không có ngoại lệ", "a number format; no exception"),
    _minimum("ORDER", "mọi bước", "every step",
        "các bước phải theo trình tự thời gian; đính chính ngày bằng 'candidate correct'",
        "steps happen in order; fix a date with 'candidate correct'"),
)}
# fmt: on


def rule_note(code: str) -> RuleNote | None:
    return RULE_NOTES.get(code)


def waivable(code: str) -> bool:
    """Whether the rules give a higher body a route to approve a departure from ``code``
    that the tool records as an exception (R5 needs none, R26 and R28 are not modelled)."""
    note = RULE_NOTES.get(code)
    return note is not None and note.route is not None and code not in ("R26", "R28")


_BY_KEY: dict[str, tuple[Rule, ...]] = {}
for _r in RULES:
    _BY_KEY[_r.key] = (*_BY_KEY.get(_r.key, ()), _r)

# fmt: off
# Codes 1–3 of a CCCD: the province where the birth was registered (TT 07/2016/TT-BCA, Phụ lục 1).
CCCD_PROVINCES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
    "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
    "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
    "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
    "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
    "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
    "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
    "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
    "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa – Vũng Tàu", "079": "TP Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang",
    "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp",
    "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
    "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}
# Digit 4: century of birth and sex; digits 5–6: the last two digits of the birth year.
CCCD_CENTURY_SEX: dict[str, tuple[int, Gender]] = {
    "0": (1900, "nam"), "1": (1900, "nu"), "2": (2000, "nam"), "3": (2000, "nu"),
    "4": (2100, "nam"), "5": (2100, "nu"), "6": (2200, "nam"), "7": (2200, "nu"),
    "8": (2300, "nam"), "9": (2300, "nu"),
}
# fmt: on
_CCCD_PROVINCE = slice(0, 3)
_CCCD_CENTURY_SEX = 3
_CCCD_YEAR = slice(4, 6)


def rules_in_force(on: date) -> dict[str, Rule]:
    """The rule rows in force on `on`, keyed by `Rule.key` (a code such as R17 has several keys)."""
    return dict(_in_force(on))


# The rows in force change only on the days a row starts or stops applying, so the dates
# between two such days share one set. Checks run per row of a million-row import: they
# look the set up by bisection instead of testing every row of RULES each time.
_CHANGES: list[date] = sorted(
    {r.effective_from for r in RULES}
    | {r.effective_to + timedelta(days=1) for r in RULES if r.effective_to not in (None, date.max)}
)
_SETS: dict[int, dict[str, Rule]] = {}


def _in_force(on: date) -> Mapping[str, Rule]:
    """rules_in_force without the copy; callers must not change what it returns."""
    span = bisect_right(_CHANGES, on)
    found = _SETS.get(span)
    if found is None:
        found = _SETS[span] = {r.key: r for r in RULES if r.in_force(on)}
    return found


def with_overrides(rules: Mapping[str, Rule], values: Mapping[str, RuleValue]) -> dict[str, Rule]:
    """A copy of `rules` with some values replaced from configuration; the citation says so."""
    unknown = sorted(set(values) - set(rules))
    if unknown:
        raise KeyError(f"no rule in force with key {', '.join(unknown)}")
    return {
        key: replace(r, value=values[key], source=f"{r.source}; giá trị theo cấu hình")
        if key in values
        else r
        for key, r in rules.items()
    }


# fmt: off
# Violation texts (Vietnamese, English); dates format as dd/mm/yyyy and ISO respectively.
_MESSAGES: dict[str, tuple[str, str]] = {
    "not_on_file": (
        "Chưa có dữ liệu quy định \u201c{title_vi}\u201d cho ngày {on:%d/%m/%Y}; "
        "chưa kiểm tra được.",
        "No rule data for \"{title_en}\" on {on:%Y-%m-%d}; not checked."),
    "age_low": (
        "Tuổi đời khi chi bộ xét ngày {on:%d/%m/%Y} là {found} tháng, chưa đủ {years} tuổi "
        "({limit} tháng).",
        "Age at the cell meeting on {on:%Y-%m-%d} is {found} months, below {years} years "
        "({limit} months)."),
    "age_low_rounding": (
        "Tuổi đời khi chi bộ xét ngày {on:%d/%m/%Y} là {found} tháng, thiếu dưới một tháng để đủ "
        "{years} tuổi ({limit} tháng); chưa rõ có được tính tròn tháng không.",
        "Age at the cell meeting on {on:%Y-%m-%d} is {found} months, less than a month short of "
        "{years} years ({limit} months); whether the month counts is unconfirmed."),
    "age_high": (
        "Tuổi đời khi chi bộ xét ngày {on:%d/%m/%Y} là {found} tháng, quá {years} tuổi ({limit} "
        "tháng); cần văn bản đồng ý của Ban Thường vụ Tỉnh ủy trước khi quyết định kết nạp.",
        "Age at the cell meeting on {on:%Y-%m-%d} is {found} months, over {years} years ({limit} "
        "months); the provincial standing committee must consent in writing before the decision."),
    "age_high_rounding": (
        "Tuổi đời khi chi bộ xét ngày {on:%d/%m/%Y} vừa đủ {limit} tháng nhưng đã sang tháng sau "
        "theo lịch; chưa rõ cách tính theo ngày.",
        "Age at the cell meeting on {on:%Y-%m-%d} is exactly {limit} months but in the following "
        "calendar month; day-level counting is unconfirmed."),
    "education_unknown": (
        "Chưa ghi trình độ học vấn; mức tối thiểu là {need_vi}.",
        "Education is not recorded; the minimum is {need_en}."),
    "education_low": (
        "Trình độ học vấn ({has_vi}) thấp hơn mức tối thiểu ({need_vi}).",
        "Education ({has_en}) is below the minimum ({need_en})."),
    "education_area_unconfirmed": (
        "Trình độ học vấn ({has_vi}) chỉ đạt nhờ ngoại lệ vùng khó khăn, chưa xác nhận cho giai "
        "đoạn này.",
        "Education ({has_en}) passes only by the hardship-area exception, unconfirmed for this "
        "period."),
    "education_consent": (
        "Trình độ học vấn ({has_vi}) chỉ được chấp nhận khi có văn bản đồng ý của Ban Thường vụ "
        "Tỉnh ủy.",
        "Education ({has_en}) is accepted only with the provincial standing committee's written "
        "consent."),
    "education_below_area": (
        "Trình độ học vấn ({has_vi}) thấp hơn cả mức tối thiểu của ngoại lệ vùng khó khăn "
        "({need_vi}).",
        "Education ({has_en}) is below even the hardship-area minimum ({need_en})."),
    "certificate_missing": (
        "Chưa có giấy chứng nhận bồi dưỡng nhận thức về Đảng khi chi bộ xét ngày {on:%d/%m/%Y}.",
        "No awareness-class certificate at the cell meeting on {on:%Y-%m-%d}."),
    "certificate_after_meeting": (
        "Giấy chứng nhận bồi dưỡng nhận thức về Đảng cấp ngày {start:%d/%m/%Y}, sau ngày chi bộ "
        "xét {on:%d/%m/%Y}.",
        "The awareness-class certificate of {start:%Y-%m-%d} postdates the cell meeting of "
        "{on:%Y-%m-%d}."),
    "certificate_expired": (
        "Giấy chứng nhận bồi dưỡng nhận thức về Đảng cấp ngày {start:%d/%m/%Y} hết giá trị "
        "{limit} tháng vào ngày {expected:%d/%m/%Y}, không còn dùng được khi chi bộ xét ngày "
        "{on:%d/%m/%Y}.",
        "The awareness-class certificate of {start:%Y-%m-%d} expired after {limit} months on "
        "{expected:%Y-%m-%d}, too late for the cell meeting of {on:%Y-%m-%d}."),
    "introducer_count": (
        "Có {found} đảng viên giới thiệu, quy định là {limit} đảng viên chính thức.",
        "{found} party members introduce; the rule requires {limit} official members."),
    "introducer_not_official": (
        "Người giới thiệu thứ {number} chưa là đảng viên chính thức.",
        "Introducer {number} is not an official party member."),
    "introducer_short": (
        "Người giới thiệu thứ {number} mới cùng công tác, học tập hoặc cư trú với người vào Đảng "
        "{found} tháng, cần ít nhất {limit} tháng.",
        "Introducer {number} has worked, studied or lived with the applicant for {found} months; "
        "at least {limit} are required."),
    "youth_too_old": (
        "Người vào Đảng {found} tuổi khi chi bộ xét, quá độ tuổi thanh niên ({limit}) để BCH đoàn "
        "giới thiệu.",
        "The applicant is {found} at the cell meeting, above youth age ({limit}) for a Youth "
        "Union introduction."),
    "youth_two_members": (
        "Người vào Đảng {found} tuổi, trong độ tuổi thanh niên ({limit}): nơi có tổ chức Đoàn thì "
        "BCH đoàn cơ sở phải giới thiệu.",
        "The applicant is {found}, within youth age ({limit}): where a Youth Union exists, its "
        "committee must introduce."),
    "vote_invalid": (
        "{body_vi} ngày {on:%d/%m/%Y}: số liệu không hợp lệ ({found} tán thành trên {members} "
        "{who_vi}).",
        "{body_en} on {on:%Y-%m-%d}: invalid counts ({found} in favour of {members} {who_en})."),
    "vote_short": (
        "{body_vi} ngày {on:%d/%m/%Y}: {found}/{members} {who_vi} tán thành, chưa đạt {limit} "
        "(cần ít nhất {needed}).",
        "{body_en} on {on:%Y-%m-%d}: {found} of {members} {who_en} in favour, below {limit} "
        "(at least {needed} needed)."),
    "decision_not_after": (
        "Quyết định kết nạp ngày {on:%d/%m/%Y} không sau nghị quyết chi bộ ngày {start:%d/%m/%Y}.",
        "The admission decision of {on:%Y-%m-%d} is not after the cell resolution of "
        "{start:%Y-%m-%d}."),
    "decision_late": (
        "Quyết định kết nạp ngày {on:%d/%m/%Y} ban hành sau {found} ngày làm việc kể từ nghị quyết "
        "chi bộ ngày {start:%d/%m/%Y}, quá thời hạn {limit} ngày làm việc.",
        "The admission decision of {on:%Y-%m-%d} came {found} working days after the cell "
        "resolution of {start:%Y-%m-%d}, beyond the {limit}-working-day limit."),
    "ceremony_before_decision": (
        "Lễ kết nạp ngày {on:%d/%m/%Y} diễn ra trước ngày {start:%d/%m/%Y} của quyết định kết nạp.",
        "The ceremony of {on:%Y-%m-%d} precedes the admission decision of {start:%Y-%m-%d}."),
    "ceremony_late": (
        "Lễ kết nạp ngày {on:%d/%m/%Y} tổ chức sau {found} ngày làm việc kể từ quyết định ngày "
        "{start:%d/%m/%Y}, quá thời hạn {limit} ngày làm việc; cần cấp ủy cấp trên đồng ý.",
        "The ceremony of {on:%Y-%m-%d} came {found} working days after the decision of "
        "{start:%Y-%m-%d}, beyond the {limit}-working-day limit; the superior committee must "
        "agree."),
    "official_date": (
        "Ngày công nhận đảng viên chính thức {on:%d/%m/%Y} khác ngày hết {limit} tháng dự bị "
        "{expected:%d/%m/%Y} (lễ kết nạp ngày {start:%d/%m/%Y}).",
        "The official-membership date {on:%Y-%m-%d} differs from the end of the {limit}-month "
        "probation, {expected:%Y-%m-%d} (ceremony {start:%Y-%m-%d})."),
    "step_order": (
        "Bước \u201c{step_vi}\u201d ngày {on:%d/%m/%Y} sớm hơn bước trước đó \u201c{prev_vi}\u201d "
        "ngày {start:%d/%m/%Y}.",
        "Step \"{step_en}\" of {on:%Y-%m-%d} is dated before the earlier step \"{prev_en}\" of "
        "{start:%Y-%m-%d}."),
    "cccd_not_digits": (
        "Số CCCD chỉ được gồm chữ số.",
        "A citizen ID number must contain digits only."),
    "cccd_legacy": (
        "Số định danh có {found} chữ số là CMND mẫu cũ; cần cập nhật số CCCD {limit} chữ số.",
        "A {found}-digit number is an old identity card; record the {limit}-digit citizen ID."),
    "cccd_length": (
        "Số CCCD có {found} chữ số, quy định là {limit} chữ số.",
        "The citizen ID has {found} digits; {limit} are required."),
    "cccd_province": (
        "Mã tỉnh (3 chữ số đầu) của số CCCD không có trong danh mục của TT 07/2016/TT-BCA.",
        "The province code (first 3 digits) of the citizen ID is not in the TT 07/2016/TT-BCA "
        "list."),
    "cccd_year": (
        "Thế kỷ và năm sinh mã hóa trong số CCCD (chữ số thứ 4 đến 6) không khớp với ngày sinh.",
        "The century and birth year encoded in the citizen ID (digits 4 to 6) do not match the "
        "birth date."),
    "cccd_sex": (
        "Giới tính mã hóa trong số CCCD (chữ số thứ 4) không khớp với giới tính đã ghi.",
        "The sex encoded in the citizen ID (digit 4) does not match the recorded gender."),
}
# fmt: on


def _fail(
    message: str, *rules: Rule, severity: Severity | None = None, **params: object
) -> Violation:
    """A violation of the first of `rules`, citing all of them."""
    vi, en = _MESSAGES[message]
    return Violation(
        rules[0].code,
        severity or _severity(*rules),
        vi.format(**params),
        en.format(**params),
        _cite(*rules),
    )


def _severity(*rules: Rule) -> Severity:
    """An error only when every rule involved is well sourced (H); otherwise a warning."""
    return "error" if all(_SEVERITY[r.confidence] == "error" for r in rules) else "warning"


def _cite(*rules: Rule) -> str:
    """The sources of several rows, each document named once."""
    parts: list[str] = []
    for rule in rules:
        parts += [p for p in rule.source.split("; ") if p not in parts]
    return "; ".join(parts)


class RuleNotOnFile(LookupError):
    """No row of a rule covers the date asked about (before 2016, or a gap between documents)."""

    def __init__(self, key: str, on: date) -> None:
        super().__init__(f"no rule {key!r} on file for {on.isoformat()}")
        self.key = key
        self.on = on

    def as_violation(self) -> Violation:
        known = _BY_KEY[self.key][0]
        titles = {"title_vi": known.title_vi, "title_en": known.title_en}
        empty = replace(known, source="")
        return _fail("not_on_file", empty, severity="warning", on=self.on, **titles)


_P = ParamSpec("_P")
Rules = Mapping[str, Rule] | None


def _checked(check: Callable[_P, list[Violation]]) -> Callable[_P, list[Violation]]:
    """Turn a rule missing for the act's date into a warning instead of an exception."""

    @functools.wraps(check)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> list[Violation]:
        try:
            return check(*args, **kwargs)
        except RuleNotOnFile as missing:
            return [missing.as_violation()]

    return wrapper


def _find(key: str, on: date, rules: Rules) -> Rule | None:
    return (rules if rules is not None else _in_force(on)).get(key)


def _get(key: str, on: date, rules: Rules) -> Rule:
    rule = (rules if rules is not None else _in_force(on)).get(key)  # _find, one call less
    if rule is None:
        raise RuleNotOnFile(key, on)
    return rule


def _int(rule: Rule) -> int:
    if isinstance(rule.value, bool) or not isinstance(rule.value, int):
        raise TypeError(f"rule {rule.key} holds {rule.value!r}, not a whole number")
    return rule.value


def _code(rule: Rule) -> str:
    if not isinstance(rule.value, str):
        raise TypeError(f"rule {rule.key} holds {rule.value!r}, not a code")
    return rule.value


def _fraction(rule: Rule) -> Fraction:
    if isinstance(rule.value, bool) or not isinstance(rule.value, int | Fraction):
        raise TypeError(f"rule {rule.key} holds {rule.value!r}, not a fraction")
    return Fraction(rule.value)


def _month_index(d: date) -> int:
    return d.year * MONTHS_PER_YEAR + d.month


# Checks -----------------------------------------------------------------------------------------


@_checked
def check_age(birth: date, meeting: date, *, rules: Rules = None) -> list[Violation]:
    """R1/R2 at the cell meeting, in completed months; past R2 the R3 consent is needed."""
    low, high = _get("min_age_months", meeting, rules), _get("max_age_months", meeting, rules)
    months = months_between(birth, meeting)
    by_calendar = _month_index(meeting) - _month_index(birth)  # the day of the month ignored
    if months < _int(low):
        # DOMAIN 2.1: whether a birthday later in the same month counts is unconfirmed.
        rounding = by_calendar >= _int(low)
        return [
            _fail(
                "age_low_rounding" if rounding else "age_low",
                low,
                severity="warning" if rounding else None,
                on=meeting,
                found=months,
                limit=_int(low),
                years=_int(low) // MONTHS_PER_YEAR,
            )
        ]
    if months > _int(high):
        consent = _find("over_age_consent", meeting, rules)
        return [
            _fail(
                "age_high",
                high,
                *([consent] if consent else []),
                on=meeting,
                found=months,
                limit=_int(high),
                years=_int(high) // MONTHS_PER_YEAR,
            )
        ]
    if months == _int(high) and by_calendar > _int(high):
        return [_fail("age_high_rounding", high, severity="warning", on=meeting, limit=months)]
    return []


def _education_rank(code: str) -> int:
    if code not in EDUCATION_LEVELS:
        raise ValueError(f"unknown education code {code!r}; use one of {EDUCATION_LEVELS}")
    return EDUCATION_LEVELS.index(code)


@_checked
def check_education(
    education: str | None, on: date, area_exception: str | None = None, *, rules: Rules = None
) -> list[Violation]:
    """R4–R6: THCS or more; primary school in hardship areas; literacy plus consent (R6)."""
    if area_exception is not None and area_exception not in AREA_EXCEPTIONS:
        raise ValueError(f"unknown area exception {area_exception!r}; use one of {AREA_EXCEPTIONS}")
    general = _get("min_education", on, rules)
    need_vi, need_en = _EDUCATION_LABELS[_code(general)]
    if _get("education_equivalent_allowed", on, rules).value:
        need_vi, need_en = f"{need_vi} hoặc tương đương", f"{need_en} or equivalent"
    if education is None:
        return [
            _fail(
                "education_unknown", general, severity="warning", need_vi=need_vi, need_en=need_en
            )
        ]
    rank = _education_rank(education)
    if rank >= _education_rank(_code(general)):
        return []
    has_vi, has_en = _EDUCATION_LABELS[education]
    if area_exception is None:
        return [
            _fail(
                "education_low",
                general,
                has_vi=has_vi,
                has_en=has_en,
                need_vi=need_vi,
                need_en=need_en,
            )
        ]
    area = _get("area_min_education", on, rules)
    if rank >= _education_rank(_code(area)):
        if _severity(area) == "error":
            return []
        return [_fail("education_area_unconfirmed", area, has_vi=has_vi, has_en=has_en)]
    if area_exception == "nguoi-co-uy-tin":
        prestige = _get("prestige_min_education", on, rules)
        if rank >= _education_rank(_code(prestige)):
            return [_fail("education_consent", prestige, has_vi=has_vi, has_en=has_en)]
    area_vi, area_en = _EDUCATION_LABELS[_code(area)]
    return [
        _fail(
            "education_below_area",
            general,
            area,
            has_vi=has_vi,
            has_en=has_en,
            need_vi=area_vi,
            need_en=area_en,
        )
    ]


@_checked
def check_certificate(
    certificate_date: date | None, meeting: date, *, rules: Rules = None
) -> list[Violation]:
    """R7/R8: an awareness-class certificate less than 60 months old at the cell meeting."""
    required = _get("certificate_required", meeting, rules)
    if certificate_date is None:
        return [_fail("certificate_missing", required, on=meeting)] if required.value else []
    if certificate_date > meeting:
        return [_fail("certificate_after_meeting", required, on=meeting, start=certificate_date)]
    validity = _get("certificate_validity_months", meeting, rules)
    if months_between(certificate_date, meeting) < _int(validity):
        return []
    expiry = add_months(certificate_date, _int(validity))
    return [
        _fail(
            "certificate_expired",
            validity,
            on=meeting,
            start=certificate_date,
            expected=expiry,
            limit=_int(validity),
        )
    ]


@_checked
def check_introducers(
    route: Route,
    introducers: Sequence[IntroducerInfo],
    applicant_birth: date,
    meeting: date,
    *,
    rules: Rules = None,
) -> list[Violation]:
    """R9–R12, and the youth-age bound of R10 (unconfirmed, so only warnings)."""
    if route not in _ROUTE_KEYS:
        raise ValueError(f"unknown introduction route {route!r}; use one of {tuple(_ROUTE_KEYS)}")
    count = _get(_ROUTE_KEYS[route], meeting, rules)
    together = _get("introducer_months_together", meeting, rules)
    youth = _get("youth_max_age_years", meeting, rules)
    found: list[Violation] = []
    if len(introducers) != _int(count):
        found.append(_fail("introducer_count", count, found=len(introducers), limit=_int(count)))
    for number, person in enumerate(introducers, start=1):
        if not person.is_official:
            found.append(_fail("introducer_not_official", together, number=number))
        elif not person.replacement and person.months_together < _int(together):
            found.append(
                _fail(
                    "introducer_short",
                    together,
                    number=number,
                    found=person.months_together,
                    limit=_int(together),
                )
            )
    age = months_between(applicant_birth, meeting) // MONTHS_PER_YEAR
    if route == "youth-union" and age > _int(youth):
        found.append(_fail("youth_too_old", youth, found=age, limit=_int(youth)))
    if route == "two-members" and age <= _int(youth):
        found.append(_fail("youth_two_members", youth, found=age, limit=_int(youth)))
    return found


class _Voters(TypedDict):
    body_vi: str
    body_en: str
    who_vi: str
    who_en: str


_CELL = _Voters(
    body_vi="Chi bộ biểu quyết",
    body_en="Cell vote",
    who_vi="đảng viên chính thức",
    who_en="official members",
)
_COMMITTEE = _Voters(
    body_vi="Đảng ủy cơ sở biểu quyết",
    body_en="Committee vote",
    who_vi="cấp ủy viên",
    who_en="committee members",
)


def _check_vote(
    key: str, votes_for: int, members: int, on: date, rules: Rules, body: _Voters
) -> list[Violation]:
    rule = _get(key, on, rules)
    if members < 1 or not 0 <= votes_for <= members:
        return [
            _fail(
                "vote_invalid",
                rule,
                severity="error",
                on=on,
                found=votes_for,
                members=members,
                **body,
            )
        ]
    share = _fraction(rule)
    if votes_for * share.denominator >= share.numerator * members:  # whole numbers: fast
        return []
    return [
        _fail(
            "vote_short",
            rule,
            on=on,
            found=votes_for,
            members=members,
            limit=share,
            needed=math.ceil(share * members),
            **body,
        )
    ]


@_checked
def check_cell_vote(
    votes_for: int, official_members: int, on: date, *, rules: Rules = None
) -> list[Violation]:
    """R14: at least 2/3 of the cell's official members (not of those present) agree."""
    return _check_vote("cell_vote_fraction", votes_for, official_members, on, rules, _CELL)


@_checked
def check_committee_vote(
    votes_for: int, committee_members: int, on: date, *, rules: Rules = None
) -> list[Violation]:
    """R15: at least 2/3 of the grassroots committee's members agree."""
    return _check_vote(
        "committee_vote_fraction", votes_for, committee_members, on, rules, _COMMITTEE
    )


@_checked
def check_decision_deadline(
    cell_resolution: date, decision: date, special: bool = False, *, rules: Rules = None
) -> list[Violation]:
    """R17: the decision follows the cell resolution within 60 working days (+30 if special)."""
    limit = _get("decision_deadline_wd", decision, rules)
    if decision <= cell_resolution:
        return [
            _fail("decision_not_after", limit, severity="error", on=decision, start=cell_resolution)
        ]
    applied = (limit, _get("decision_special_extra_wd", decision, rules)) if special else (limit,)
    allowed = sum(_int(r) for r in applied)
    days = working_days_between(cell_resolution, decision)
    if days <= allowed:
        return []
    return [
        _fail(
            "decision_late", *applied, on=decision, start=cell_resolution, found=days, limit=allowed
        )
    ]


@_checked
def check_ceremony_deadline(
    decision: date, ceremony: date, received: date | None = None, *, rules: Rules = None
) -> list[Violation]:
    """R18: the ceremony within 30 working days of the decision (of its receipt when known)."""
    limit = _get("ceremony_deadline_wd", ceremony, rules)
    start = received or decision
    if ceremony < start:
        return [
            _fail("ceremony_before_decision", limit, severity="error", on=ceremony, start=start)
        ]
    days = working_days_between(start, ceremony)
    if days <= _int(limit):
        return []
    return [_fail("ceremony_late", limit, on=ceremony, start=start, found=days, limit=_int(limit))]


def probation_end(ceremony: date, *, rules: Rules = None) -> date:
    """R19/R22: the day the probation months end, which is also the official-member date."""
    return add_months(ceremony, _int(_get("probation_months", ceremony, rules)))


def official_review_deadline(ceremony: date, *, rules: Rules = None) -> date:
    """R20: the last day for the cell to consider official membership."""
    end = probation_end(ceremony, rules=rules)
    return add_working_days(end, _int(_get("official_review_deadline_wd", end, rules)))


@_checked
def check_official(ceremony: date, official: date, *, rules: Rules = None) -> list[Violation]:
    """R19/R22: official membership dates exactly from the end of the probation months."""
    months = _get("probation_months", ceremony, rules)
    expected = add_months(ceremony, _int(months))
    as_of = _get("official_from_probation_end", expected, rules)
    if not as_of.value or official == expected:
        return []
    return [
        _fail(
            "official_date",
            as_of,
            months,
            on=official,
            expected=expected,
            start=ceremony,
            limit=_int(months),
        )
    ]


def party_age_start(decision: date) -> date:
    """R24: party age counts from the date the admission decision was signed."""
    return decision


@_checked
def check_order(steps: Mapping[str, date | None], *, rules: Rules = None) -> list[Violation]:
    """No pipeline step may be dated before an earlier step; each breach names both steps."""
    if not _STEP_NAMES.issuperset(steps):
        unknown = sorted(set(steps) - _STEP_NAMES)
        raise ValueError(f"unknown pipeline steps {unknown}; use {PIPELINE_STEPS}")
    present = [(name, d) for name, d in steps.items() if d is not None]
    if not present:
        return []
    rule = _get("step_order", max(d for _, d in present), rules)
    order = rule.value if isinstance(rule.value, tuple) else PIPELINE_STEPS
    rank = _STEP_RANK if order == PIPELINE_STEPS else {n: i for i, n in enumerate(order)}
    present.sort(key=lambda item: rank[item[0]])
    found: list[Violation] = []
    latest: tuple[str, date] | None = None  # the latest-dated step so far
    for name, d in present:
        if latest is not None and d < latest[1]:
            (step_vi, step_en), (prev_vi, prev_en) = _STEP_LABELS[name], _STEP_LABELS[latest[0]]
            found.append(
                _fail(
                    "step_order",
                    rule,
                    on=d,
                    start=latest[1],
                    step_vi=step_vi,
                    step_en=step_en,
                    prev_vi=prev_vi,
                    prev_en=prev_en,
                )
            )
        elif latest is None or d > latest[1]:
            latest = (name, d)
    return found


@_checked
def check_cccd(
    national_id: str, birth: date | None, gender: Gender | None, *, rules: Rules = None
) -> list[Violation]:
    """R29: 12 digits whose century/sex and year digits agree with the person's record."""
    digits = _get("cccd_digits", date.max, rules)  # the number's format has no act date
    legacy = _get("legacy_id_digits", date.max, rules)
    number = national_id.strip()
    if not (number.isascii() and number.isdigit()):
        return [_fail("cccd_not_digits", digits)]
    if len(number) == _int(legacy):
        return [_fail("cccd_legacy", legacy, digits, found=len(number), limit=_int(digits))]
    if len(number) != _int(digits):
        return [_fail("cccd_length", digits, found=len(number), limit=_int(digits))]
    found: list[Violation] = []
    if number[_CCCD_PROVINCE] not in CCCD_PROVINCES:  # codes follow birth registration, warn only
        found.append(_fail("cccd_province", digits, severity="warning"))
    century, sex = CCCD_CENTURY_SEX[number[_CCCD_CENTURY_SEX]]
    if birth is not None and century + int(number[_CCCD_YEAR]) != birth.year:
        found.append(_fail("cccd_year", digits))
    if gender is not None and sex != gender:
        found.append(_fail("cccd_sex", digits))
    return found
