"""People: one record per human being, from candidate to member. Checking and writing one
person (names, ID numbers, identity conflicts, possible duplicates); the lists of people are
services.people_lists. SQLAlchemy and the models are imported inside the functions that use
a Session, so that the light read path (people_lists.stream_candidates) can import this
module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from dangvien_cli.errors import Conflict, InvalidValue, NotFound
from dangvien_cli.services.units import get_unit
from dangvien_cli.values import required_text
from dangvien_cli.vntext import fold, name_sort_key, nfc, split_name
from dangvien_cli.vocab import Gender, Stage

if TYPE_CHECKING:
    from sqlalchemy import TextClause
    from sqlalchemy.orm import Session

    from dangvien_cli.models import Person


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


# Education as clerks write it, beyond the codes themselves (vocab.EDUCATION_LEVELS).
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
    from dangvien_cli.vocab import EDUCATION_LEVELS

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
    return required_text(full_name, "full_name", NAME_LIMIT)


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
    session: Session, data: PersonInput, *, unit_code: str, stage: Stage | None, on: date
) -> Person:
    """Register a person in the unit they stood in on ``on`` (the day they were sourced).
    That unit must have stood then; if it was merged since, the person is moved to the
    successor as the merge moved its candidates (person_history keeps the unit of that day),
    so a candidate of 2021 entered late counts in their ward for 2021 and in the new ward now."""
    from dangvien_cli.i18n import fmt_date
    from dangvien_cli.models import Person, PersonHistory, Unit, stored_id
    from dangvien_cli.services import audit
    from dangvien_cli.services.unit_life import left_behind

    unit = get_unit(session, unit_code)
    if unit.founded_on is not None and unit.founded_on > on:
        raise InvalidValue(
            "candidate.unit_not_founded",
            code=unit.code,
            start=fmt_date(unit.founded_on),
            on=fmt_date(on),
        )
    stood_in: list[tuple[int, date]] = []  # (unit, its last day) of each merge followed
    while (
        unit.dissolved_on is not None
        and unit.merged_into_id is not None
        and on <= unit.dissolved_on
    ):
        stood_in.append((stored_id(unit), unit.dissolved_on))
        successor = session.get(Unit, unit.merged_into_id)
        assert successor is not None  # a foreign key
        unit = successor
        on = unit.founded_on or on
    why = left_behind(unit.code, unit.dissolved_on, None)  # later than its end, or no successor
    if why is not None:
        raise InvalidValue(why[0], **why[1])
    values = person_values(data)
    check_national_id_free(session, values["national_id"], name=values["full_name"])
    person = Person(**values, unit_id=unit.id, stage=stage.value if stage else None)
    session.add(person)
    session.flush()
    session.add_all(
        PersonHistory(person_id=stored_id(person), unit_id=held, valid_to=last)
        for held, last in stood_in
    )
    audit.record(session, "person", person.id, "add", after=values)
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
