"""The closed vocabularies: unit kinds, blocks, stages, steps. Kept apart from the tables so
that the command line can offer them as choices without importing SQLAlchemy."""

from enum import StrEnum


class UnitKind(StrEnum):
    dang_bo_cap_tren = "dang-bo-cap-tren"
    dang_bo_co_so = "dang-bo-co-so"
    chi_bo_co_so = "chi-bo-co-so"
    dang_bo_bo_phan = "dang-bo-bo-phan"
    chi_bo_truc_thuoc = "chi-bo-truc-thuoc"


class Block(StrEnum):
    xa_phuong = "xa-phuong"
    doanh_nghiep = "doanh-nghiep"
    hanh_chinh_su_nghiep = "hanh-chinh-su-nghiep"
    luc_luong_vu_trang = "luc-luong-vu-trang"
    khac = "khac"


class Gender(StrEnum):
    nam = "nam"
    nu = "nu"


class Stage(StrEnum):
    """Where a person stands; ordered as the pipeline runs."""

    sourced = "sourced"
    trained = "trained"
    applied = "applied"
    voted = "voted"
    recommended = "recommended"
    admitted = "admitted"
    probationary = "probationary"
    official = "official"
    recognition_failed = "recognition-failed"  # a cell vote that did not recognise (R23)
    rejected = "rejected"
    withdrawn = "withdrawn"
    struck_off = "struck-off"


class MemberStatus(StrEnum):
    official = "official"
    probationary = "probationary"


class ExitReason(StrEnum):
    """Why a member leaves the roster (member exit)."""

    death = "death"
    removed = "removed"  # xóa tên
    expelled = "expelled"  # khai trừ
    resigned = "resigned"  # xin ra khỏi Đảng
    transferred_out = "transferred-out"  # chuyển sinh hoạt ra ngoài đảng bộ


class Step(StrEnum):
    sourced = "sourced"
    mentor = "mentor"
    class_passed = "class"
    introducers = "introducers"
    application = "application"
    dossier = "dossier"
    background_check = "background-check"
    cell_vote = "cell-vote"
    committee_resolution = "committee-resolution"
    decision = "decision"
    ceremony = "ceremony"
    official = "official"
    recognition_failed = "recognition-failed"  # a cell vote that did not recognise (R23)
    rejected = "rejected"
    withdrawn = "withdrawn"
    struck_off = "struck-off"
