"""People: one record per human being, from candidate to member.

``stream_candidates`` reads through a ``Reader`` (reader.py), so ``candidate list`` starts
without SQLAlchemy or the models: they are imported inside the functions that use a Session.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from dangvien_cli.errors import Conflict, InvalidValue, NotFound
from dangvien_cli.services.units import (
    SUBTREE_OF_CODE,
    code_key,
    get_unit,
    require_unit,
    subtree_ids,
)
from dangvien_cli.vntext import fold, name_sort_key, nfc, split_name
from dangvien_cli.vocab import Gender, Stage

if TYPE_CHECKING:
    from sqlalchemy import Select, TextClause
    from sqlalchemy.orm import Session

    from dangvien_cli.models import Person
    from dangvien_cli.reader import Reader


@dataclass
class PersonInput:
    full_name: str
    birth_date: date | None = None
    gender: Gender | None = None
    ethnicity: str | None = None
    religion: str | None = None
    education: str | None = None
    professional_education: str | None = None
    occupation: str | None = None
    national_id: str | None = None
    phone: str | None = None
    youth_union: bool = False
    trade_union: bool = False


# Education as clerks write it, beyond the codes themselves (rules.EDUCATION_LEVELS).
EDUCATION_ALIASES = {
    "biet-doc-biet-viet": "biet-doc-viet",
    "trung-hoc-co-so": "thcs",
    "trung-hoc-pho-thong": "thpt",
    "5-12": "tieu-hoc",
    "9-12": "thcs",
    "12-12": "thpt",
    "7-10": "thcs",  # the old ten-year school system
    "10-10": "thpt",
}


def education_code(text: str, field: str = "--education") -> str:
    """'THCS', 'Trung học cơ sở', '9/12' → 'thcs'; anything else is refused with the choices."""
    from dangvien_cli.services.rules import EDUCATION_LEVELS

    key = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    key = EDUCATION_ALIASES.get(key, key)
    if key not in EDUCATION_LEVELS:
        choices = ", ".join(EDUCATION_LEVELS)
        raise InvalidValue("error.invalid_choice", value=text, field=field, choices=choices)
    return key


# A person's full name, the same in `candidate add`, `member add` and every import, so that
# what is exported imports back.
NAME_LIMIT = 200


def clean_name(full_name: str) -> str:
    name = nfc(full_name)
    if not name:
        raise InvalidValue("error.required", field="full_name")
    if len(name) > NAME_LIMIT:
        raise InvalidValue("error.too_long", field="full_name", limit=NAME_LIMIT)
    return name


def clean_national_id(value: str | None) -> str | None:
    if value is None:
        return None
    digits = value.strip().replace(" ", "").replace(".", "").replace("-", "")
    return digits or None


def given_first_key(name: str) -> str:
    family, middle, given = split_name(name)
    return fold(" ".join(p for p in (given, family, middle) if p))


def name_matches_sql(person: str) -> str:
    """Names starting with a search text read family-first or given-first, any case or
    diacritics: "nguyen thi hong lien", "Nguyễn Thị", "lien" and "Liên Nguyễn" all find
    Nguyễn Thị Hồng Liên; "d" finds Đỗ and Dũng alike. SQL on the table or alias ``person``,
    with name_match_params. A range instead of LIKE, so that both engines answer it from the
    plain indexes ix_person_name_key and ix_person_given_key."""
    return (
        f"(({person}.name_key >= :name_from AND {person}.name_key < :name_to) "
        f"OR ({person}.given_key >= :name_from AND {person}.given_key < :name_to))"
    )


def name_match_params(search: str) -> dict[str, str]:
    key = fold(search)
    return {"name_from": key, "name_to": key + "\uffff"}


def name_matches(search: str) -> TextClause:
    """name_matches_sql as a condition for a Core query on the person table."""
    from sqlalchemy import text

    return text(name_matches_sql("person")).bindparams(**name_match_params(search))


def person_values(data: PersonInput) -> dict[str, Any]:
    name = clean_name(data.full_name)
    return {
        "full_name": name,
        "name_key": fold(name),
        "given_key": given_first_key(name),
        "sort_key": name_sort_key(name),
        "birth_date": data.birth_date,
        "gender": data.gender.value if data.gender else None,
        "ethnicity": nfc(data.ethnicity) if data.ethnicity else None,
        "religion": nfc(data.religion) if data.religion else None,
        "education": data.education,
        "professional_education": data.professional_education,
        "occupation": data.occupation,
        "national_id": clean_national_id(data.national_id),
        "phone": data.phone.strip() if data.phone else None,
        "youth_union": data.youth_union,
        "trade_union": data.trade_union,
    }


def check_national_id_free(
    session: Session, national_id: str | None, person_id: int | None = None, *, name: str = ""
) -> None:
    from sqlalchemy import select
    from sqlmodel import col

    from dangvien_cli.models import Person

    if not national_id:
        return
    other = session.execute(
        select(Person).where(col(Person.national_id) == national_id)
    ).scalar_one_or_none()
    if other is not None and other.id != person_id:
        raise Conflict("person.national_id_taken", name=name or "?", **who(other))


def who(person: Any) -> dict[str, Any]:
    """A stored person as a message names them: id, name and birth date."""
    from dangvien_cli.i18n import fmt_date

    born = fmt_date(person.birth_date) if person.birth_date else "?"
    return {"other": person.id, "other_name": person.full_name, "other_birth": born}


def identity_conflict(
    stored_name: str, stored_birth: date | None, name: str, birth: date | None
) -> bool:
    """Whether a row matched to a stored person by CCCD or id describes someone else: another
    name or another birth date where both are known. Case and spacing aside, names are
    compared with their diacritics, since Tâm and Tám are two names; only a name written
    with none at all (a legacy file's "Le Van Tam") is read as the same name folded."""
    if not same_name(stored_name, name):
        return True
    return stored_birth is not None and birth is not None and stored_birth != birth


def same_name(one: str, other: str) -> bool:
    if fold(one) != fold(other):
        return False
    return _spelled(one) == _spelled(other) or _plain(one) or _plain(other)


def kept_spelling(stored: str, given: str) -> str:
    """Of two spellings of the same name, the one an import keeps: the stored one, unless
    it was written without diacritics and the file now gives them."""
    return given if _plain(stored) and not _plain(given) else stored


def _spelled(name: str) -> str:
    return " ".join(nfc(name).casefold().split())


def _plain(name: str) -> bool:
    """Written without diacritics: folding changes nothing but case and spacing."""
    return fold(name) == _spelled(name)


def identity_reason(stored: Any, name: str, birth: date | None) -> str:
    """The one-line reason naming both people."""
    from dangvien_cli.i18n import fmt_date, t

    born = fmt_date(birth) if birth else "?"
    return t("person.identity_conflict", name=name, birth=born, **who(stored))


def add_person(
    session: Session, data: PersonInput, *, unit_code: str, stage: Stage | None
) -> Person:
    from dangvien_cli.models import Person
    from dangvien_cli.services import audit

    unit = get_unit(session, unit_code)
    values = person_values(data)
    check_national_id_free(session, values["national_id"], name=values["full_name"])
    person = Person(**values, unit_id=unit.id, stage=stage.value if stage else None)
    session.add(person)
    session.flush()
    audit.record(session, entity="person", entity_id=person.id, action="add", after=values)
    return person


def similar_people(session: Session, person: Person) -> list[int]:
    """Other people with the same name (any diacritics) and birth date: likely the same human."""
    from sqlalchemy import select
    from sqlmodel import col

    from dangvien_cli.models import Person, pk

    if person.birth_date is None:
        return []
    return list(
        session.execute(
            select(pk(Person.id))
            .where(
                col(Person.name_key) == person.name_key,
                col(Person.birth_date) == person.birth_date,
                col(Person.id) != person.id,
            )
            .order_by(col(Person.id))
        ).scalars()
    )


def get_person(session: Session, person_id: int) -> Person:
    from dangvien_cli.models import Person

    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("person.not_found", id=person_id)
    return person


def mask(value: str | None, keep: int = 3) -> str | None:
    """Hide all but the last digits of an ID or phone number in tables and exports."""
    if not value:
        return value
    return "•" * max(0, len(value) - keep) + value[-keep:]


# Candidates (people with a pipeline stage) in name order.
CANDIDATE_LIST = (
    "SELECT p.id, p.full_name, p.birth_date, p.gender, p.national_id, u.code AS unit_code, "
    "p.stage, p.stage_on, a.decision_date "
    "FROM person p JOIN unit u ON u.id = p.unit_id "
    "LEFT OUTER JOIN admission a ON a.person_id = p.id "
    "WHERE {where} ORDER BY p.sort_key, p.id"
)
CANDIDATE_DATES = ("birth_date", "stage_on", "decision_date")


def candidate_sql(
    *, unit_code: str | None = None, stage: Stage | None = None, search: str | None = None
) -> tuple[str, dict[str, Any]]:
    """The candidate list as SQL text and its parameters: under ``unit_code`` (its whole
    subtree, in the same statement), at ``stage``, with a name starting with ``search``."""
    conditions, params = ["p.stage IS NOT NULL"], {}
    if unit_code:
        conditions.append("p.unit_id IN (SELECT id FROM subtree)")
        params["unit_key"] = code_key(unit_code)
    if stage:
        conditions.append("p.stage = :stage")
        params["stage"] = stage.value
    if search and fold(search):
        conditions.append(name_matches_sql("p"))
        params.update(name_match_params(search))
    sql = CANDIDATE_LIST.format(where=" AND ".join(conditions))
    return (SUBTREE_OF_CODE + sql if unit_code else sql), params


def stream_candidates(
    reader: Reader, *, show_private: bool = False, **filters: Any
) -> Iterator[dict[str, Any]]:
    """Candidates as plain rows, read from the cursor as they are printed; ID numbers masked
    unless ``show_private``."""
    sql, params = candidate_sql(**filters)
    found = False
    for row in reader.iter_mappings(sql, params, dates=CANDIDATE_DATES):
        found = True
        if not show_private:
            row["national_id"] = mask(row["national_id"])
        yield row
    if not found and filters.get("unit_code"):
        require_unit(reader, filters["unit_code"])  # no rows because there is no such unit?


def candidate_query(session: Session, **filters: Any) -> TextClause:
    """candidate_sql as a statement for a Session (an unknown unit is refused first)."""
    from sqlalchemy import text

    if filters.get("unit_code"):
        get_unit(session, filters["unit_code"])
    sql, params = candidate_sql(**filters)
    return text(sql).bindparams(**params)


def count_people(session: Session) -> int:
    from sqlalchemy import func, select

    from dangvien_cli.models import Person

    return session.execute(select(func.count()).select_from(Person)).scalar_one()


def member_query(
    session: Session,
    *,
    unit_code: str | None = None,
    status: str | None = None,
    search: str | None = None,
    key_position: bool | None = None,
    as_of: date | None = None,
) -> Select[*tuple[Any, ...]]:
    """The roster now, or with ``as_of`` the roster of that day (services.dated.ROSTER):
    who was on it, in which unit, official or probationary then."""
    from sqlalchemy import Boolean, Date, Integer, bindparam, case, select, text
    from sqlalchemy.orm import aliased
    from sqlmodel import col

    from dangvien_cli.models import Member, MemberHistory, Person, Unit
    from dangvien_cli.services.dated import ROSTER, with_recursive
    from dangvien_cli.services.units import require_alive
    from dangvien_cli.vocab import MemberStatus

    if as_of is None:
        unit_id: Any = col(Member.unit_id)  # or the roster's column on a day
        member_status: Any = col(Member.status)
        on_roster: Any = col(Member.left_on).is_(None)
        # "Mã số" is the person id everywhere, exports included
        query: Select[*tuple[Any, ...]] = select(col(Member.person_id).label("id"))
    else:
        roster = (
            text(with_recursive(ROSTER) + "SELECT member_id, unit_id, official FROM roster")
            .bindparams(bindparam("on", as_of, type_=Date))
            .columns(member_id=Integer, unit_id=Integer, official=Boolean)
            .subquery("roster_on")
        )
        unit_id = roster.c.unit_id
        member_status = case(
            (roster.c.official, MemberStatus.official.value),
            else_=MemberStatus.probationary.value,
        )
        on_roster = True
        query = select(col(Member.person_id).label("id")).join(
            roster, roster.c.member_id == col(Member.id)
        )
    # A temporary transfer running that day (chuyển sinh hoạt tạm thời): where the member
    # attends, while counted at home.
    day = as_of or date.today()
    away = aliased(MemberHistory)
    away_unit = aliased(Unit)
    query = (
        query.add_columns(
            col(Person.full_name),
            col(Unit.code).label("unit_code"),
            member_status.label("status"),
            col(Member.key_position),
            col(Member.position),
            col(Member.admitted_on),
            col(Member.official_on),
            col(Person.id).label("person_id"),
            col(away_unit.code).label("temporary_unit_code"),
        )
        .join(Person, col(Person.id) == col(Member.person_id))
        .join(Unit, col(Unit.id) == unit_id)
        .outerjoin(
            away,
            (col(away.member_id) == Member.id)
            & col(away.temporary).is_(True)
            & (col(away.valid_from) <= day)
            & (col(away.valid_to).is_(None) | (col(away.valid_to) >= day)),
        )
        .outerjoin(away_unit, col(away_unit.id) == away.unit_id)
        .where(on_roster)
        .order_by(col(Person.sort_key), col(Member.id))
    )
    if unit_code:
        unit = get_unit(session, unit_code)
        if as_of is not None:
            require_alive(unit, as_of)
        root = unit.id
        query = query.where(unit_id.in_(subtree_ids(session, root, as_of)))
    if status:
        query = query.where(member_status == status)
    if search and fold(search):
        query = query.where(name_matches(search))
    if key_position is not None:
        query = query.where(col(Member.key_position) == key_position)
    return query


def stream_members(session: Session, **filters: Any) -> Iterator[dict[str, Any]]:
    """Members as plain rows, read in batches as they are printed (a province has
    100,000s)."""
    return stream(session, member_query(session, **filters))


def stream(session: Session, query: Select[*tuple[Any, ...]]) -> Iterator[dict[str, Any]]:
    """The rows of ``query`` as dicts, fetched a thousand at a time."""
    result = session.execute(query.execution_options(yield_per=1000))
    return (dict(r) for r in result.mappings())


def stream_admissions(
    session: Session, *, period_code: str | None = None, unit_code: str | None = None
) -> Iterator[dict[str, Any]]:
    from sqlalchemy import select
    from sqlmodel import col

    from dangvien_cli.models import Admission, Person, Unit
    from dangvien_cli.services.quotas import get_period

    query: Select[*tuple[Any, ...]] = (
        select(
            col(Admission.person_id),
            col(Person.full_name),
            col(Unit.code).label("unit_code"),
            col(Admission.decision_no),
            col(Admission.decision_date),
            col(Admission.decision_body),
            col(Admission.ceremony_date),
            col(Admission.official_date),
            col(Admission.struck_off_date),
        )
        .join(Person, col(Person.id) == col(Admission.person_id))
        .join(Unit, col(Unit.id) == col(Admission.unit_id))
        .order_by(col(Admission.decision_date), col(Person.sort_key))
    )
    if period_code:
        period = get_period(session, period_code)
        query = query.where(col(Admission.decision_date).between(period.start_on, period.end_on))
    if unit_code:
        query = query.where(
            col(Admission.unit_id).in_(subtree_ids(session, get_unit(session, unit_code).id))
        )
    return stream(session, query)
