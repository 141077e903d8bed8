"""Import of candidates with their past steps, checked by the rules in force at each act.

Built for a province's file of a million rows: rows stream in batches, each batch is
checked and then written with one executemany per table, and the person ids are handed
out here so that events, admissions and roster rows need no read-back. A row that
matches a person already stored (explicit id, national ID, or name + birth date + unit)
updates that person through the append-only history instead of adding a second one.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Unpack

from sqlalchemy import func, select, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dangvien_cli.db import defer_indexes, rebuild_indexes
from dangvien_cli.errors import DangvienError, RowErrors
from dangvien_cli.i18n import get_lang, t
from dangvien_cli.models import Person, PipelineEvent, Unit
from dangvien_cli.services import audit, rules
from dangvien_cli.services.imports import (
    FieldSpec,
    ImportResult,
    Row,
    Source,
    national_id_cell,
    parse_date_cell,
    phone_cell,
    raise_if_errors,
    start_import,
)
from dangvien_cli.services.imports import (
    candidate_checks as checks,
)
from dangvien_cli.services.imports import (
    candidate_load as load,
)
from dangvien_cli.services.people import given_first_key
from dangvien_cli.services.pipeline import STAGE_AFTER, Step, refresh_projection
from dangvien_cli.services.units import code_key
from dangvien_cli.values import parse_bool, parse_choice, parse_int
from dangvien_cli.vntext import fold, name_sort_key
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
]

PERSON_FIELDS = load.PERSON_VALUES
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
ORDER_KEYS = {
    Step.sourced: "sourced",
    Step.class_passed: "class_passed",
    Step.application: "application",
    Step.cell_vote: "cell_vote",
    Step.committee_resolution: "committee_resolution",
    Step.decision: "decision",
    Step.ceremony: "ceremony",
    Step.official: "official",
}
EXIT_STEPS = {
    "rejected": Step.rejected,
    "withdrawn": Step.withdrawn,
    "struck-off": Step.struck_off,
    "tu-choi": Step.rejected,
    "khong-ket-nap": Step.rejected,
    "rut": Step.withdrawn,
    "xoa-ten": Step.struck_off,
}
EDUCATION = {
    "biet-doc-viet": "biet-doc-viet",
    "tieu-hoc": "tieu-hoc",
    "thcs": "thcs",
    "thpt": "thpt",
    "trung-hoc-co-so": "thcs",
    "trung-hoc-pho-thong": "thpt",
    "5-12": "tieu-hoc",
    "9-12": "thcs",
    "12-12": "thpt",
    "10-10": "thpt",
    "7-10": "thcs",
}
BATCH = 5000
BULK_TABLES = ("person", "pipeline_event", "admission", "member")
# Per-event constants of the hot loop (an enum's .value is a property call).
_STEP_TEXT = {step: step.value for step in Step}
_EXITS = frozenset({Step.rejected, Step.withdrawn, Step.struck_off})
_to_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False)
_DETAILS: dict[tuple[tuple[str, int], ...], str] = {}


def _detail_text(detail: dict[str, Any]) -> str:
    """The JSON of a step's detail. Vote counts repeat, so each set is encoded once; texts
    (a mentor's name) are nearly all different and are not remembered."""
    if not all(type(v) is int for v in detail.values()):
        return _to_json(detail)
    key = tuple(detail.items())
    text = _DETAILS.get(key)
    if text is None:
        if len(_DETAILS) >= 10_000:
            _DETAILS.clear()
        text = _DETAILS[key] = _to_json(detail)
    return text


@dataclass
class Candidate:
    line: int
    person: dict[str, Any]
    steps: list[tuple[Step, date, str | None, str | None, dict[str, Any] | None]]
    explicit_id: int | None = None
    exit_note: str | None = None
    stage: str | None = None
    stage_on: date | None = None


@dataclass
class _State:
    errors: RowErrors = field(default_factory=RowErrors)
    warnings: Counter[str] = field(default_factory=Counter)
    next_id: int = 1
    next_event_id: int = 1
    had_people: bool = False
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    absent: tuple[str, ...] = ()  # person fields the file has no column for: left as stored
    touched: dict[int, int] = field(default_factory=dict)  # person id -> line that updated it
    excepted: dict[Any, set[str]] = field(default_factory=dict)  # id or CCCD -> waived rules
    staging: bool = False  # candidate_load's table exists in this transaction
    writer: ThreadPoolExecutor | None = None
    pending: tuple[Future[None], list[Candidate]] | None = None  # the batch being written


def import_candidates(
    session: Session,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Any = None,
    **source: Unpack[Source],
) -> ImportResult:
    mapping, result = start_import(
        "candidates",
        path,
        FIELDS,
        dry_run=dry_run,
        **source,
    )
    state = _State()
    state.next_id = (session.execute(select(func.max(Person.id))).scalar() or 0) + 1
    state.next_event_id = (session.execute(select(func.max(PipelineEvent.id))).scalar() or 0) + 1
    state.had_people = state.next_id > 1
    state.absent = tuple(
        k for k in PERSON_FIELDS if not mapping.has("unit_code" if k == "unit_id" else k)
    )
    state.excepted = checks.waived_rules(session) if state.had_people else {}
    units = dict(session.execute(select(Unit.code_key, Unit.id)).all())
    lang_en = get_lang() == "en"
    batch: list[Candidate] = []
    deferred = None
    try:
        for row in mapping.rows(state.errors):
            result.rows += 1
            cand = _parse(row, units, state, lang_en)
            if cand is not None:
                batch.append(cand)
            if len(batch) >= BATCH:
                if deferred is None and not state.had_people:
                    # a first load of a large file: build the indexes once, at the end
                    deferred = defer_indexes(session, BULK_TABLES)
                _write(session, batch, state, result)
                batch = []
                if progress is not None:
                    progress(result.rows)
        _write(session, batch, state, result)
        _settle(session, state)
    finally:
        _stop_writer(state)
    if progress is not None:
        progress(result.rows)
    if state.staging:
        load.drop_stage(session.connection())
    if deferred is not None and not state.errors:
        rebuild_indexes(session, deferred)
    raise_if_errors(path, state.errors)
    result.warnings += [
        t("import.rule_warnings", rule=rule, count=n) for rule, n in sorted(state.warnings.items())
    ]
    audit.record(
        session, entity="import", entity_id=str(path), action="candidates", after=result.as_dict()
    )
    return result


def _field(values: dict[str, Any], row: Row, key: str, state: _State, parse: Any) -> Any:
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


def _education(value: Any) -> str:
    key = _NON_WORD.sub("-", fold(str(value))).strip("-")
    if key in EDUCATION:
        return EDUCATION[key]
    raise DangvienError(
        "error.invalid_choice",
        value=value,
        field="education",
        choices="biet-doc-viet, tieu-hoc, thcs, thpt",
    )


_NON_WORD = re.compile(r"[^a-z0-9]+")
_date_cell = _Memo(parse_date_cell).__getitem__
_gender_cell = _Memo(lambda value: parse_choice(value, Gender, "gender")).__getitem__
_education_cell = _Memo(_education).__getitem__
_youth_cell = _Memo(lambda value: parse_bool(value, "youth_union")).__getitem__
_votes_for_cell = _Memo(lambda value: parse_int(value, "votes_for")).__getitem__
_members_cell = _Memo(lambda value: parse_int(value, "official_members")).__getitem__
_STEP_DATES = tuple(col for col, _step, _doc in STEP_COLUMNS)


def _text(value: Any) -> str | None:
    return value if value is None or type(value) is str else str(value)


def _parse(row: Row, units: dict[str, int], state: _State, lang_en: bool) -> Candidate | None:
    """A row as a candidate, or None after noting every reason it is refused."""
    v = row.values()
    errors_before = len(state.errors.items)
    cells = _read_cells(v, row, units, state)
    if cells is None or len(state.errors.items) > errors_before:
        return None
    name, unit_id, birth, gender, education, national_id, explicit_id, dates, exit_step = cells[:9]
    votes_for, official_members = cells[9:]
    _judge(row, state, lang_en, cells)
    if len(state.errors.items) > errors_before:
        return None
    steps = _steps_of(v, dates, exit_step, votes_for, official_members)
    staged = [s for s in steps if s[0] in STAGE_AFTER]
    person = {
        "full_name": name,
        "birth_date": birth,
        "gender": gender.value if gender else None,
        "ethnicity": _text(v.get("ethnicity")),
        "religion": _text(v.get("religion")),
        "education": education,
        "professional_education": _text(v.get("professional_education")),
        "occupation": _text(v.get("occupation")),
        "national_id": national_id,
        "phone": _field(v, row, "phone", state, phone_cell),
        "unit_id": unit_id,
        "youth_union": _field(v, row, "youth_union", state, _youth_cell) or False,
    }
    return Candidate(
        line=row.line,
        person=person,
        steps=steps,
        explicit_id=explicit_id,
        exit_note=_text(v.get("exit_reason")),
        stage=STAGE_AFTER[staged[-1][0]].value if staged else Stage.sourced.value,
        stage_on=staged[-1][1] if staged else None,
    )


def _read_cells(
    v: dict[str, Any], row: Row, units: dict[str, int], state: _State
) -> tuple[Any, ...] | None:
    """The row's cells as values, each bad one noted with its column."""
    name = _text(v.get("full_name"))
    if not name:
        state.errors.add(
            row.line, row.column("full_name"), "", t("error.required", field="full_name")
        )
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
    dates = {col: _field(v, row, col, state, _date_cell) for col in _STEP_DATES}
    dates["exit_date"] = _field(v, row, "exit_date", state, _date_cell)
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
    return (
        *(name, unit_id, birth, gender, education, national_id, explicit_id, dates, exit_step),
        *(votes_for, official_members),
    )


def _id_cell(value: Any) -> int | None:
    return parse_int(value, "id")


def _remembered(check: Callable[..., list[rules.Violation]]) -> _Memo:
    """A rule check of a few dates and counts, answered once per distinct argument set: the
    checks are pure, and a file's acts fall on a few thousand days."""
    return _Memo(lambda args: tuple(check(*args)))


_education_check = _remembered(rules.check_education)
_certificate_check = _remembered(rules.check_certificate)
_vote_check = _remembered(rules.check_cell_vote)
_decision_check = _remembered(rules.check_decision_deadline)
_ceremony_check = _remembered(rules.check_ceremony_deadline)
_official_check = _remembered(rules.check_official)


def _judge(row: Row, state: _State, lang_en: bool, cells: tuple[Any, ...]) -> None:
    """The Party's rules in force at each act: errors refuse the row, warnings are counted."""
    _name, _unit, birth, gender, education, national_id, explicit_id, dates, exit_step = cells[:9]
    votes_for, official_members = cells[9:]
    violations: list[rules.Violation] = []
    if national_id:
        violations += rules.check_cccd(national_id, birth, gender.value if gender else None)
    order = {ORDER_KEYS[step]: dates[col] for col, step, _doc in STEP_COLUMNS}
    violations += rules.check_order(order)
    vote = dates["vote_date"]
    if vote:
        if birth:
            violations += rules.check_age(birth, vote)
        violations += _education_check[education, vote]
        violations += _certificate_check[dates["class_date"], vote]
        if votes_for is not None and official_members is not None:
            violations += _vote_check[votes_for, official_members, vote]
    checks.vote_counts(row, state.errors, vote, votes_for, official_members)
    checks.exit_step(row, state.errors, exit_step, dates["exit_date"], dates)
    decision = dates["decision_date"]
    if decision and not row.text("decision_no"):
        _required(row, state, "decision_no")
    if decision and vote:
        violations += _decision_check[vote, decision]
    ceremony = dates["ceremony_date"]
    if ceremony:
        if not decision:
            _required(row, state, "decision_date")
        else:
            violations += _ceremony_check[decision, ceremony]
    if dates["official_date"]:
        if not ceremony:
            _required(row, state, "ceremony_date")
        else:
            violations += _official_check[ceremony, dates["official_date"]]
    if not violations:
        return
    waived = state.excepted.get(explicit_id) or state.excepted.get(national_id) or ()
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


def _required(row: Row, state: _State, key: str) -> None:
    state.errors.add(row.line, row.column(key), "", t("error.required", field=key))


def _steps_of(
    v: dict[str, Any],
    dates: dict[str, date | None],
    exit_step: Step | None,
    votes_for: int | None,
    official_members: int | None,
) -> list[tuple[Step, date, str | None, str | None, dict[str, Any] | None]]:
    """The row's pipeline steps in date order, each with its document, issuer and detail."""
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
            detail = {"votes_for": votes_for, "official_members": official_members}
        elif step is Step.decision:
            issuer = _text(v.get("decision_body"))
        steps.append((step, when, _text(v.get(doc_col)) if doc_col else None, issuer, detail))
    if exit_step is not None:
        when = dates["exit_date"] or max(d for _s, d, *_ in steps)
        steps.append((exit_step, when, None, None, None))
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


def _existing(session: Session, batch: list[Candidate], state: _State) -> dict[int, int]:
    """Map batch positions to the ids of people already stored, in three set lookups."""
    found: dict[int, int] = {}
    ids = [c.explicit_id for c in batch if c.explicit_id]
    if ids:
        known = set(session.execute(select(Person.id).where(Person.id.in_(ids))).scalars())
        for i, c in enumerate(batch):
            if c.explicit_id in known:
                found[i] = c.explicit_id
    nids = [
        c.person["national_id"]
        for i, c in enumerate(batch)
        if i not in found and c.person["national_id"]
    ]
    if nids:
        by_nid = dict(
            session.execute(
                select(Person.national_id, Person.id).where(Person.national_id.in_(nids))
            ).all()
        )
        for i, c in enumerate(batch):
            if i not in found and c.person["national_id"] in by_nid:
                found[i] = by_nid[c.person["national_id"]]
    rest = [(i, c) for i, c in enumerate(batch) if i not in found and not c.person["national_id"]]
    if rest:
        keys = [(fold(c.person["full_name"]), c.person["unit_id"]) for _i, c in rest]
        stored = session.execute(
            select(Person.id, Person.name_key, Person.unit_id, Person.birth_date).where(
                tuple_(Person.name_key, Person.unit_id).in_(keys)
            )
        ).all()
        by_key: dict[tuple[Any, ...], list[int]] = {}
        for pid, n, u, b in sorted(stored):
            by_key.setdefault((n, u, b), []).append(pid)
        taken = set(found.values())
        for i, c in rest:
            # Namesakes born the same day in one unit: each stored person answers one row.
            key = (fold(c.person["full_name"]), c.person["unit_id"], c.person["birth_date"])
            pid = next(
                (p for p in by_key.get(key, ()) if p not in taken and p not in state.touched),
                None,
            )
            if pid is not None:
                found[i] = pid
                taken.add(pid)
    return found


def _write(session: Session, batch: list[Candidate], state: _State, result: ImportResult) -> None:
    _settle(session, state)
    if not batch:
        return
    matches = _existing(session, batch, state) if state.had_people else {}
    fresh = [c for i, c in enumerate(batch) if i not in matches]
    for i, pid in matches.items():
        if pid in state.touched:  # two rows of the file are one person
            reason = t("import.duplicate_person", id=pid, first=state.touched[pid])
            state.errors.add(batch[i].line, "id", pid, reason)
            continue
        state.touched[pid] = batch[i].line
        outcome = _update(session, pid, batch[i], state)
        setattr(result, outcome, getattr(result, outcome) + 1)
    if result.updated and not state.errors:  # corrections took ids: hand out the next ones
        last = session.execute(select(func.max(PipelineEvent.id))).scalar() or 0
        state.next_event_id = max(state.next_event_id, last + 1)
    result.new += len(fresh)
    if state.errors:
        return  # nothing will be committed: checking goes on, writing stops
    _insert(session, fresh, state)


def _insert(session: Session, fresh: list[Candidate], state: _State) -> None:
    """Write the batch's new people with their history, set-based (candidate_load)."""
    if not fresh:
        return
    staged = []
    for cand in fresh:
        pid = cand.explicit_id or state.next_id
        state.next_id = max(state.next_id, pid) + 1
        cand.person["id"] = pid
        staged.append(_staged_row(pid, cand))
    conn = session.connection()
    if not state.staging:
        load.create_stage(conn)
        state.staging = True
    load.stage(conn, staged)
    first_event = state.next_event_id
    state.next_event_id += sum(len(c.steps) for c in fresh)
    if state.writer is None:
        state.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dangvien-writer")
    job = state.writer.submit(_fan_out, conn, state.now, first_event, state.next_event_id)
    state.pending = (job, fresh)


# The engine writes a batch's people and history (candidate_load) in a thread while this one
# checks the next batch: SQLite and psycopg release the GIL while they work, so on two cores
# the writing mostly hides behind the checking. The connection is only ever used by one
# thread at a time: every other use of the session first waits for the batch (_settle).


def _fan_out(conn: Connection, now: datetime, first_event: int, next_event: int) -> None:
    with conn.begin_nested():  # a clash leaves the transaction usable, on both engines
        load.insert_people(conn, now)
    written = load.insert_history(conn, now, first_event)
    if written != next_event - first_event:
        raise RuntimeError(f"{written} events written for {next_event - first_event} steps")


def _settle(session: Session, state: _State) -> None:
    """Wait for the batch being written; a national ID or id already taken is reported."""
    if state.pending is None:
        return
    job, fresh = state.pending
    state.pending = None
    try:
        job.result()
    except IntegrityError:
        _report_duplicates(session, fresh, state)


def _stop_writer(state: _State) -> None:
    """On the way out, even after an error: nothing may still use the connection when the
    transaction is committed or rolled back."""
    if state.writer is not None:
        state.writer.shutdown(wait=True)
        state.writer = None


def _staged_row(pid: int, cand: Candidate) -> tuple[Any, ...]:
    """The candidate as one row of candidate_load.STAGE_COLUMNS."""
    p = cand.person
    by_step = {step: (when, doc, issuer, detail) for step, when, doc, issuer, detail in cand.steps}
    none = (None, None, None, None)
    sourced, trained = by_step.get(Step.sourced, none), by_step.get(Step.class_passed, none)
    vote, decision = by_step.get(Step.cell_vote, none), by_step.get(Step.decision, none)
    exit_step = next((s for s in _EXITS if s in by_step), None)
    exit_on = by_step[exit_step][0] if exit_step is not None else None
    return (
        pid,
        p["full_name"],
        fold(p["full_name"]),
        given_first_key(p["full_name"]),
        name_sort_key(p["full_name"]),
        *(p[k] for k in _PERSON_STAGED),
        cand.stage,
        cand.stage_on,
        sourced[0],
        _detail_text(sourced[3]) if sourced[3] else None,
        trained[0],
        trained[1],
        by_step.get(Step.application, none)[0],
        vote[0],
        _detail_text(vote[3]) if vote[3] else None,
        by_step.get(Step.committee_resolution, none)[0],
        decision[1],
        decision[0],
        decision[2],
        by_step.get(Step.ceremony, none)[0],
        by_step.get(Step.official, none)[0],
        _STEP_TEXT[exit_step] if exit_step is not None else None,
        exit_on,
        cand.exit_note if exit_step is not None else None,
    )


_PERSON_STAGED = load.PERSON_VALUES[1:]  # after the name and its three keys


def _report_duplicates(session: Session, fresh: list[Candidate], state: _State) -> None:
    """A unique key clashed: name each row whose national ID or id is already taken."""
    nids = [c.person["national_id"] for c in fresh if c.person["national_id"]]
    taken = dict(
        session.execute(
            select(Person.national_id, Person.id).where(Person.national_id.in_(nids))
        ).all()
    )
    seen: dict[str, int] = {}
    for c in fresh:
        nid = c.person["national_id"]
        if not nid:
            continue
        if nid in seen:
            state.errors.add(
                c.line,
                "national_id",
                nid,
                t("import.duplicate_in_file", value="CCCD", first=seen[nid]),
            )
        elif nid in taken and taken[nid] != c.person.get("id"):
            state.errors.add(
                c.line, "national_id", nid, t("person.duplicate_national_id", other=taken[nid])
            )
        seen.setdefault(nid, c.line)
    if not state.errors:
        state.errors.add(
            fresh[0].line, "id", "", t("import.duplicate_in_file", value="id", first=fresh[0].line)
        )


def _update(session: Session, pid: int, cand: Candidate, state: _State) -> str:
    """Bring a stored person in line with the file; history grows, it is never rewritten."""
    person = session.get(Person, pid)
    assert person is not None
    changed = False
    for key in PERSON_FIELDS:
        if key in state.absent:
            continue
        if getattr(person, key) != cand.person[key]:
            changed = True
            if not state.errors:
                setattr(person, key, cand.person[key])
    if changed and not state.errors:
        person.name_key = fold(person.full_name)
        person.given_key = given_first_key(person.full_name)
        person.sort_key = name_sort_key(person.full_name)
    from dangvien_cli.services.pipeline import effective_events

    current = {e.step: e for e in effective_events(session, pid)}
    for step, when, doc, issuer, detail in cand.steps:
        old = current.get(step.value)
        note = cand.exit_note if step in (Step.rejected, Step.withdrawn, Step.struck_off) else None
        if old is not None and checks.same_step(old, when, doc, issuer, detail, note, current):
            continue
        changed = True
        if state.errors:
            continue
        session.add(
            PipelineEvent(
                person_id=pid,
                step=step.value,
                occurred_on=when,
                document_no=doc,
                issuer=issuer,
                detail=json.dumps(detail, ensure_ascii=False) if detail else None,
                note=note,
                supersedes_id=old.id if old is not None else None,
                recorded_by=session.info.get("audit_actor"),
            )
        )
    if not changed:
        return "unchanged"
    if not state.errors:
        session.flush()
        refresh_projection(session, person)
        audit.record(
            session,
            entity="person",
            entity_id=pid,
            action="import-update",
            after={k: cand.person[k] for k in PERSON_FIELDS},
        )
    return "updated"
