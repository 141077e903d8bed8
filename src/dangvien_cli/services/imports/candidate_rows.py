"""Reading one row of a candidate file: its cells as values, judged by the Party's rules in
force at each act, as a Candidate ready to be written (imports.candidates).

This is the import's hot loop, a million times for a province's file: cells are read once
(Row.values), texts that repeat (dates, genders, levels) are parsed once (_Memo), and the
rule checks of a few dates are answered once per distinct set of them. Every refusal is
noted with its line and column; warnings are counted by rule.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

from dangvien_cli.errors import DangvienError, RowErrors
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.services import people, rules
from dangvien_cli.services.imports import (
    FieldSpec,
    Row,
    national_id_cell,
    parse_date_cell,
    phone_cell,
)
from dangvien_cli.services.imports import (
    candidate_checks as checks,
)
from dangvien_cli.services.pipeline import STAGE_AFTER, Step
from dangvien_cli.services.step_checks import ORDERED
from dangvien_cli.services.units import code_key
from dangvien_cli.values import parse_bool, parse_choice, parse_int
from dangvien_cli.vntext import fold
from dangvien_cli.vocab import Gender, Stage

FIELDS = [
    FieldSpec("id", ("Mã số", "ID", "person_id")),
    FieldSpec("full_name", ("Họ và tên", "Họ tên", "Tên", "name"), required=True),
    FieldSpec("birth_date", ("Ngày sinh", "Ngày tháng năm sinh", "birth")),
    FieldSpec("gender", ("Giới tính", "Nam/Nữ", "sex")),
    FieldSpec("ethnicity", ("Dân tộc",)),
    FieldSpec("religion", ("Tôn giáo",)),
    FieldSpec("education", ("Trình độ phổ thông", "Học vấn", "Văn hóa", "GDPT")),
    FieldSpec("professional_education", ("Trình độ chuyên môn", "Chuyên môn")),
    FieldSpec("occupation", ("Nghề nghiệp",)),
    FieldSpec("national_id", ("Số CCCD", "CCCD", "Căn cước", "Số căn cước", "Số định danh")),
    FieldSpec("phone", ("Điện thoại", "Số điện thoại", "SĐT")),
    FieldSpec("unit_code", ("Mã đơn vị", "Đơn vị", "Chi bộ", "unit"), required=True),
    FieldSpec("youth_union", ("Đoàn viên",)),
    FieldSpec("source_date", ("Ngày tạo nguồn", "Ngày vào danh sách")),
    FieldSpec("mentor", ("Người giúp đỡ", "Đảng viên giúp đỡ", "Người kèm cặp")),
    FieldSpec("class_date", ("Ngày học lớp", "Ngày chứng nhận", "Ngày cấp giấy chứng nhận")),
    FieldSpec("certificate_no", ("Số giấy chứng nhận", "Số chứng nhận")),
    FieldSpec("application_date", ("Ngày nộp đơn", "Ngày làm đơn")),
    FieldSpec("vote_date", ("Ngày chi bộ xét", "Ngày chi bộ họp", "Ngày nghị quyết chi bộ")),
    FieldSpec("votes_for", ("Số tán thành", "Phiếu tán thành")),
    FieldSpec("official_members", ("Số đảng viên chính thức", "Đảng viên chính thức")),
    FieldSpec("committee_date", ("Ngày nghị quyết đảng ủy",)),
    FieldSpec("decision_no", ("Số quyết định", "Quyết định số")),
    FieldSpec("decision_date", ("Ngày quyết định", "Ngày kết nạp")),
    FieldSpec("decision_body", ("Cơ quan quyết định", "Nơi ra quyết định")),
    FieldSpec("ceremony_date", ("Ngày lễ kết nạp", "Ngày tổ chức lễ")),
    FieldSpec("official_date", ("Ngày chính thức", "Ngày công nhận chính thức")),
    FieldSpec("exit", ("Dừng", "Kết thúc")),
    FieldSpec("exit_date", ("Ngày dừng",)),
    FieldSpec("exit_reason", ("Lý do dừng", "Lý do")),
    # The unit the admission was decided in, when the person has moved since (a merge, a
    # transfer): the admission keeps counting there for its period. Empty: ``unit_code``.
    FieldSpec("decision_unit_code", ("Đơn vị khi kết nạp", "Mã đơn vị khi kết nạp")),
]

# file column → (pipeline step, the column holding its document number)
STEP_COLUMNS: list[tuple[str, Step, str | None]] = [
    ("source_date", Step.sourced, None),
    ("class_date", Step.class_passed, "certificate_no"),
    ("application_date", Step.application, None),
    ("vote_date", Step.cell_vote, None),
    ("committee_date", Step.committee_resolution, None),
    ("decision_date", Step.decision, "decision_no"),
    ("ceremony_date", Step.ceremony, None),
    ("official_date", Step.official, None),
]
EXIT_STEPS = {
    "rejected": Step.rejected,
    "withdrawn": Step.withdrawn,
    "struck-off": Step.struck_off,
    "tu-choi": Step.rejected,
    "khong-ket-nap": Step.rejected,
    "rut": Step.withdrawn,
    "xoa-ten": Step.struck_off,
}


@dataclass
class Candidate:
    line: int
    person: dict[str, Any]
    steps: list[tuple[Step, date, str | None, str | None, dict[str, Any] | None]]
    explicit_id: int | None = None
    exit_note: str | None = None
    stage: str | None = None
    stage_on: date | None = None
    decision_unit_id: int | None = None


@dataclass
class Checking:
    """What checking rows gathers: every refusal, warnings by rule, and the rules a higher
    body waived for people already stored (by id or CCCD)."""

    errors: RowErrors = field(default_factory=RowErrors)
    warnings: Counter[str] = field(default_factory=Counter)
    today: date = field(default_factory=date.today)
    # R14: the roster lines of each unit that has a roster, and the counts asked so far
    rosters: dict[int, list[Any]] = field(default_factory=dict)
    roster_counts: dict[tuple[int, date], int] = field(default_factory=dict)

    def roster_officials(self, unit_id: int, on: date) -> int | None:
        """The unit's official members on ``on`` by its roster; None without a roster."""
        lines = self.rosters.get(unit_id)
        if lines is None:
            return None
        key = (unit_id, on)
        found = self.roster_counts.get(key)
        if found is None:
            from dangvien_cli.services.members import official_on

            found = self.roster_counts[key] = sum(1 for m in lines if official_on(m, on))
        return found

    excepted: dict[Any, set[str]] = field(default_factory=dict)


def _field(values: dict[str, Any], row: Row, key: str, state: Checking, parse: Any) -> Any:
    raw = values.get(key)
    if raw is None:
        return None
    try:
        return parse(raw)
    except DangvienError as exc:
        state.errors.add(row.line, row.column(key), raw, exc.message())
        return None


class _Memo(dict[Any, Any]):
    """A parser of cell texts that remembers its answers: a province's file repeats a few
    thousand dates, genders and education levels a million times, and a hit is one dict
    lookup. A refused value raises and is not remembered; the memory is bounded."""

    def __init__(self, parse: Callable[[Any], Any], limit: int = 20_000) -> None:
        super().__init__()
        self.parse = parse
        self.limit = limit

    def __missing__(self, value: Any) -> Any:
        found = self.parse(value)
        if len(self) >= self.limit:
            self.clear()
        self[value] = found
        return found


def education_code(value: Any) -> str:
    """A file's education level ('12/12', 'THPT', 'Trung học phổ thông') as its code."""
    return people.education_code(str(value), "education")


_NON_WORD = re.compile(r"[^a-z0-9]+")
_date_cell = _Memo(parse_date_cell).__getitem__
_gender_cell = _Memo(lambda value: parse_choice(value, Gender, "gender")).__getitem__
_education_cell = _Memo(education_code).__getitem__
_youth_cell = _Memo(lambda value: parse_bool(value, "youth_union")).__getitem__
_votes_for_cell = _Memo(lambda value: parse_int(value, "votes_for")).__getitem__
_members_cell = _Memo(lambda value: parse_int(value, "official_members")).__getitem__
_DATE_COLUMNS = (*(col for col, _step, _doc in STEP_COLUMNS), "exit_date")


def _text(value: Any) -> str | None:
    return value if value is None or type(value) is str else str(value)


def parse_candidate(
    row: Row, units: dict[str, int], state: Checking, lang_en: bool
) -> Candidate | None:
    """A row as a candidate, or None after noting every reason it is refused."""
    v = row.values()
    errors_before = len(state.errors.items)
    cells = _read_cells(v, row, units, state)
    if cells is None or len(state.errors.items) > errors_before:
        return None
    cells = _roster_denominator(row, state, cells)
    _judge(row, state, lang_en, cells)
    if len(state.errors.items) > errors_before:
        return None
    decision_unit = _text(v.get("decision_unit_code"))
    decision_unit_id = units.get(code_key(decision_unit)) if decision_unit else None
    if decision_unit and decision_unit_id is None:
        state.errors.add(
            row.line,
            row.column("decision_unit_code"),
            decision_unit,
            t("unit.not_found", code=decision_unit),
        )
        return None
    steps = _steps_of(v, cells)
    staged = [s for s in steps if s[0] in STAGE_AFTER]
    person = {
        "full_name": cells.name,
        "birth_date": cells.birth,
        "gender": cells.gender.value if cells.gender else None,
        "ethnicity": _text(v.get("ethnicity")),
        "religion": _text(v.get("religion")),
        "education": cells.education,
        "professional_education": _text(v.get("professional_education")),
        "occupation": _text(v.get("occupation")),
        "national_id": cells.national_id,
        "phone": _field(v, row, "phone", state, phone_cell),
        "unit_id": cells.unit_id,
        "youth_union": _field(v, row, "youth_union", state, _youth_cell) or False,
    }
    return Candidate(
        line=row.line,
        person=person,
        steps=steps,
        explicit_id=cells.explicit_id,
        exit_note=_text(v.get("exit_reason")),
        stage=STAGE_AFTER[staged[-1][0]].value if staged else Stage.sourced.value,
        stage_on=staged[-1][1] if staged else None,
        decision_unit_id=decision_unit_id,
    )


class Cells(NamedTuple):
    """A row's cells as values, before the rules judge them."""

    name: str
    unit_id: int
    birth: date | None
    gender: Gender | None
    education: str | None
    national_id: str | None
    explicit_id: int | None
    dates: dict[str, date | None]  # the step columns and exit_date
    exit_step: Step | None
    votes_for: int | None
    official_members: int | None


def _read_cells(
    v: dict[str, Any], row: Row, units: dict[str, int], state: Checking
) -> Cells | None:
    """The row's cells as values, each bad one noted with its column."""
    name = _text(v.get("full_name"))
    if not name:
        state.errors.add(
            row.line, row.column("full_name"), "", t("error.required", field="full_name")
        )
    elif len(name) > people.NAME_LIMIT:  # the limit of `candidate add`
        reason = t("error.too_long", field="full_name", limit=people.NAME_LIMIT)
        state.errors.add(row.line, row.column("full_name"), name, reason)
    unit_code = _text(v.get("unit_code")) or ""
    unit_id = units.get(code_key(unit_code))
    if unit_id is None:
        state.errors.add(
            row.line, row.column("unit_code"), unit_code, t("unit.not_found", code=unit_code)
        )
    birth = _field(v, row, "birth_date", state, _date_cell)
    gender = _field(v, row, "gender", state, _gender_cell)
    education = _field(v, row, "education", state, _education_cell)
    national_id = _field(v, row, "national_id", state, national_id_cell)
    explicit_id = _field(v, row, "id", state, _id_cell)
    dates = _dates(v, row, state)
    exit_step = None
    exit_raw = _text(v.get("exit"))
    if exit_raw:
        exit_step = EXIT_STEPS.get(_NON_WORD.sub("-", fold(exit_raw)).strip("-"))
        if exit_step is None:
            state.errors.add(
                row.line,
                row.column("exit"),
                exit_raw,
                t(
                    "error.invalid_choice",
                    value=exit_raw,
                    field="exit",
                    choices="rejected, withdrawn, struck-off",
                ),
            )
    votes_for = _field(v, row, "votes_for", state, _votes_for_cell)
    official_members = _field(v, row, "official_members", state, _members_cell)
    if not name or unit_id is None:
        return None
    return Cells(
        name,
        unit_id,
        birth,
        gender,
        education,
        national_id,
        explicit_id,
        dates,
        exit_step,
        votes_for,
        official_members,
    )


def _roster_denominator(row: Row, state: Checking, cells: Cells) -> Cells:
    """R14's denominator where the unit's roster is on file: a vote without a count takes
    the roster's official members on the vote's day. A file's count that disagrees is a
    warning here, not a refusal as in `candidate vote`: an import carries votes of past
    years, which a roster of today (people who left before it was kept are not on it) may
    not describe."""
    vote = cells.dates["vote_date"]
    roster = state.roster_officials(cells.unit_id, vote) if vote else None
    if roster is None:
        return cells
    if cells.official_members is None:
        return cells._replace(official_members=roster)
    if cells.official_members != roster:
        state.warnings["R14"] += 1
    return cells


def _dates(v: dict[str, Any], row: Row, state: Checking) -> dict[str, date | None]:
    """The step columns and exit_date as dates (_field for each, without a call per cell:
    this runs for every row of a million-row file)."""
    dates: dict[str, date | None] = dict.fromkeys(_DATE_COLUMNS)
    for col in _DATE_COLUMNS:
        raw = v.get(col)
        if raw is not None:
            try:
                dates[col] = _date_cell(raw)
            except DangvienError as exc:
                state.errors.add(row.line, row.column(col), raw, exc.message())
    return dates


def _id_cell(value: Any) -> int | None:
    return parse_int(value, "id")


def _remembered(check: Callable[..., list[rules.Violation]]) -> _Memo:
    """A rule check answered once per distinct set of arguments: the checks are pure, and
    the ones kept here see few sets (an education level and a vote day; a ceremony day and
    its official day). Checks of two free dates see nearly all-new pairs: not remembered."""
    return _Memo(lambda args: tuple(check(*args)))


_education_check = _remembered(rules.check_education)
_official_check = _remembered(rules.check_official)


def _judge(row: Row, state: Checking, lang_en: bool, cells: Cells) -> None:
    """The Party's rules in force at each act: errors refuse the row, warnings are counted."""
    birth, national_id, dates = cells.birth, cells.national_id, cells.dates
    votes_for, official_members = cells.votes_for, cells.official_members
    for col, when in dates.items():  # an act is a fact: nothing dated after today
        if when is not None and when > state.today:
            reason = t("act.in_future", field=row.column(col), date=fmt_date(when))
            state.errors.add(row.line, row.column(col), row.raw(col), reason)
    violations: list[rules.Violation] = []
    if national_id:
        gender: rules.Gender | None = cells.gender.value if cells.gender else None
        violations += rules.check_cccd(national_id, birth, gender)
    order = {ORDERED[step]: dates[col] for col, step, _doc in STEP_COLUMNS}
    violations += rules.check_order(order)
    vote = dates["vote_date"]
    if vote:
        if birth:
            # R3: over 60 needs the provincial consent before the decision; a row that
            # stops at the vote only warns, as `candidate vote` does.
            age = rules.check_age(birth, vote)
            if not dates["decision_date"]:
                age = [replace(v, severity="warning") if v.rule == "R2" else v for v in age]
            violations += age
        violations += _education_check[cells.education, vote]
        violations += rules.check_certificate(dates["class_date"], vote)
        if votes_for is not None and official_members is not None:
            violations += rules.check_cell_vote(votes_for, official_members, vote)
    checks.vote_counts(row, state.errors, vote, votes_for, official_members)
    checks.exit_step(row, state.errors, cells.exit_step, dates["exit_date"], dates)
    decision = dates["decision_date"]
    if decision and not row.text("decision_no"):
        _required(row, state, "decision_no")
    if decision and vote:
        violations += rules.check_decision_deadline(vote, decision)
    ceremony = dates["ceremony_date"]
    if ceremony:
        if not decision:
            _required(row, state, "decision_date")
        else:
            violations += rules.check_ceremony_deadline(decision, ceremony)
    if dates["official_date"]:
        if not ceremony:
            _required(row, state, "ceremony_date")
        else:
            violations += _official_check[ceremony, dates["official_date"]]
    if not violations:
        return
    waived = state.excepted.get(cells.explicit_id) or state.excepted.get(national_id) or ()
    for found in violations:
        if found.rule in waived:
            continue
        if found.severity == "error":
            state.errors.add(
                row.line,
                _rule_column(found.rule, row),
                row.raw(_RULE_COLUMNS.get(found.rule, "vote_date")),
                f"{found.rule} ({found.source}): "
                + (found.message_en if lang_en else found.message_vi),
            )
        else:
            state.warnings[found.rule] += 1


def _required(row: Row, state: Checking, key: str) -> None:
    state.errors.add(row.line, row.column(key), "", t("error.required", field=key))


def _steps_of(
    v: dict[str, Any], cells: Cells
) -> list[tuple[Step, date, str | None, str | None, dict[str, Any] | None]]:
    """The row's pipeline steps in date order, each with its document, issuer and detail."""
    dates, votes_for = cells.dates, cells.votes_for
    steps: list[tuple[Step, date, str | None, str | None, dict[str, Any] | None]] = []
    for col, step, doc_col in STEP_COLUMNS:
        when = dates[col]
        if when is None:
            continue
        detail: dict[str, Any] | None = None
        issuer = None
        if step is Step.sourced:
            mentor = _text(v.get("mentor"))
            detail = {"mentor": mentor} if mentor else None
        elif step is Step.cell_vote and votes_for is not None:
            detail = {"votes_for": votes_for, "official_members": cells.official_members}
        elif step is Step.decision:
            issuer = _text(v.get("decision_body"))
        steps.append((step, when, _text(v.get(doc_col)) if doc_col else None, issuer, detail))
    if cells.exit_step is not None:
        when = dates["exit_date"] or max(d for _s, d, *_ in steps)
        steps.append((cells.exit_step, when, None, None, None))
    steps.sort(key=_step_date)
    return steps


def _step_date(step: tuple[Any, ...]) -> date:
    return step[1]  # type: ignore[no-any-return]


def _rule_column(rule: str, row: Row) -> str:
    return row.column(_RULE_COLUMNS.get(rule, "vote_date"))


_RULE_COLUMNS = {
    "R1": "birth_date",
    "R2": "birth_date",
    "R4": "education",
    "R7": "class_date",
    "R8": "class_date",
    "R14": "votes_for",
    "R17": "decision_date",
    "R18": "ceremony_date",
    "R19": "official_date",
    "R22": "official_date",
    "R29": "national_id",
}
