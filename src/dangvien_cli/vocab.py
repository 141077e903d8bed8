"""The closed vocabularies: unit kinds, blocks, stages, steps, routes, areas. Kept apart from
the tables so that the command line can offer them as choices without importing SQLAlchemy.

Each word is spelled once, here: a value is what is stored and typed ("cell-vote"); a
member's name is how code names it (``Step.cell_vote``), and the rules name the pipeline
steps by those member names. Which file column holds which step: services/imports/step_fields.
"""

from enum import StrEnum

# General education levels (R4–R6), lowest first: the rules compare their places.
EDUCATION_LEVELS = ("biet-doc-viet", "tieu-hoc", "thcs", "thpt")


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


class Route(StrEnum):
    """Who introduces a candidate (R9–R11): two members, or the youth or trade union."""

    two_members = "two-members"
    youth_union = "youth-union"
    trade_union = "trade-union"


class Area(StrEnum):
    """The exceptions to the education rule (R5, R6) a candidate's area allows."""

    vung_kho_khan = "vung-kho-khan"
    nguoi_co_uy_tin = "nguoi-co-uy-tin"


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
    # (a cell vote that did not recognise, R23, leaves the person probationary: no stage)
    rejected = "rejected"
    withdrawn = "withdrawn"
    struck_off = "struck-off"


# A candidate on the way to a decision (a merge moves them, a unit list counts them).
IN_PROGRESS = (Stage.sourced, Stage.trained, Stage.applied, Stage.voted, Stage.recommended)
# ... and where the road ended without a decision: such a person is on no roster (a roster
# file cannot put them there; db check looks).
NOT_ADMITTED = frozenset(s.value for s in (*IN_PROGRESS, Stage.rejected, Stage.withdrawn))


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
