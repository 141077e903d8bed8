"""The lists of people: ``candidate list`` (``stream_candidates``, through a ``Reader``, so
that it starts without SQLAlchemy or the models; ``candidate_sql`` is its one statement),
``member list`` (the roster now or of a day) and ``admission list``, each read from the
cursor as it is printed. Apart from services.people, which checks and writes one person.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from dangvien_cli.services.people import mask, name_match_params, name_matches, name_matches_sql
from dangvien_cli.services.unit_reads import require_unit
from dangvien_cli.services.unit_tree import SUBTREE_OF_CODE, subtree_ids
from dangvien_cli.services.units import code_key, get_unit
from dangvien_cli.vntext import fold
from dangvien_cli.vocab import Stage

if TYPE_CHECKING:
    from sqlalchemy import Select, TextClause
    from sqlalchemy.orm import Session

    from dangvien_cli.reader import Reader


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
            (roster.c.official, MemberStatus.official.value), else_=MemberStatus.probationary.value
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


def stream(session: Session, query: Select[Any]) -> Iterator[dict[str, Any]]:
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
