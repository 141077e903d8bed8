"""R29: the citizen ID number (CCCD) agrees with the person's birth year and sex.

Codes 1–3 are the province where the birth was registered (TT 07/2016/TT-BCA, Phụ lục 1): a
code outside the list only warns, as the list follows birth registration, not residence.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from dangvien_cli.services.rule_engine import Rules, Violation, breach, check
from dangvien_cli.services.rule_engine import get as _get
from dangvien_cli.services.rule_engine import whole as _int

Gender = Literal["nam", "nu"]

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


@check(None, codes=("R29",))
def check_cccd(
    national_id: str, birth: date | None, gender: Gender | None, *, rules: Rules = None
) -> list[Violation]:
    """R29: 12 digits whose century/sex and year digits agree with the person's record."""
    digits = _get("cccd_digits", date.max, rules)  # the number's format has no act date
    legacy = _get("legacy_id_digits", date.max, rules)
    number = national_id.strip()
    if not (number.isascii() and number.isdigit()):
        return [breach("rules.cccd_not_digits", digits)]
    if len(number) == _int(legacy):
        return [breach("rules.cccd_legacy", legacy, digits, found=len(number), limit=_int(digits))]
    if len(number) != _int(digits):
        return [breach("rules.cccd_length", digits, found=len(number), limit=_int(digits))]
    found: list[Violation] = []
    if number[_CCCD_PROVINCE] not in CCCD_PROVINCES:  # codes follow birth registration, warn only
        found.append(breach("rules.cccd_province", digits, severity="warning"))
    century, sex = CCCD_CENTURY_SEX[number[_CCCD_CENTURY_SEX]]
    if birth is not None and century + int(number[_CCCD_YEAR]) != birth.year:
        found.append(breach("rules.cccd_year", digits))
    if gender is not None and sex != gender:
        found.append(breach("rules.cccd_sex", digits))
    return found
