"""The roster as the pipeline and the clerk see it: one member's sheet, the key-position flag,
and the roster lookups that introducers and mentors are checked against."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.errors import InvalidValue, NotFound
from dangvien_cli.i18n import fmt_date
from dangvien_cli.models import Admission, Member, Person, Unit, utcnow
from dangvien_cli.services import audit
from dangvien_cli.services.people import mask
from dangvien_cli.vntext import nfc
from dangvien_cli.vocab import MemberStatus


@dataclass(frozen=True)
class Introducer:
    """An introducer as the clerk names them: a roster member's id (``member_id``, the person
    id the roster shows as "Mã số"), or a name off the roster."""

    member_id: int | None = None
    name: str | None = None
    months_together: int | None = None


def get_member(session: Session, member_id: int) -> Member:
    """A roster line by the id users see: the member's person id ("Mã số" everywhere, in
    ``member list``, ``candidate list`` and every export)."""
    member = session.execute(
        select(Member).where(col(Member.person_id) == member_id)
    ).scalar_one_or_none()
    if member is None:
        raise NotFound("member.not_found", id=member_id)
    return member


def official_on(member: Member, on: date) -> bool:
    """Whether the roster shows `member` as an official member on day `on`."""
    return (
        member.status == MemberStatus.official.value
        and (member.official_on is None or member.official_on <= on)
        and (member.left_on is None or member.left_on > on)
        and (member.admitted_on is None or member.admitted_on <= on)
    )


def official_count(session: Session, unit_id: int | None, on: date) -> int | None:
    """R14's denominator: the unit's official members on day ``on`` by the roster of that
    day (services.dated.ROSTER: transfers and merges since are followed back), or None when
    nobody was on it then. Only the members who ever stood in the unit are read."""
    from sqlalchemy import Date, bindparam, text

    from dangvien_cli.services.dated import ROSTER, with_recursive

    if unit_id is None:
        return None
    lines, official = session.execute(
        text(
            with_recursive(ROSTER)
            + "SELECT count(*), coalesce(sum(CASE WHEN official THEN 1 ELSE 0 END), 0) "
            "FROM roster WHERE unit_id = :unit AND member_id IN ("
            "SELECT id FROM member WHERE unit_id = :unit "
            "UNION SELECT member_id FROM member_history WHERE unit_id = :unit)"
        ).bindparams(bindparam("on", on, type_=Date), bindparam("unit", unit_id))
    ).one()
    return int(official) if lines else None


def introducer_entries(
    session: Session, person_id: int, on: date, introducers: list[Introducer]
) -> list[dict[str, Any]]:
    """What the introducers step stores: roster members are looked up (R12: official on the
    day), names off the roster are kept as given and flagged unchecked."""
    ids = [i.member_id for i in introducers if i.member_id is not None]
    rows = {
        m.person_id: (m, name)
        for m, name in session.execute(
            select(Member, col(Person.full_name))
            .join(Person, col(Person.id) == Member.person_id)
            .where(col(Member.person_id).in_(ids))
        ).all()
    }
    entries = []
    for intro in introducers:
        if intro.member_id is None:
            name = nfc(intro.name or "")
            if not name:
                raise InvalidValue("error.required", field="--introducer")
            entry: dict[str, Any] = {"name": name, "is_official": True}
        else:
            if intro.member_id not in rows:
                raise NotFound("member.not_found", id=intro.member_id)
            member, name = rows[intro.member_id]
            if member.person_id == person_id:
                raise InvalidValue("pipeline.self_introducer", id=intro.member_id)
            entry = {
                "member_id": member.id,  # the roster line, as stored since the start
                "person_id": member.person_id,  # the id the clerk typed and sees
                "name": name,
                "is_official": official_on(member, on),
            }
        entry["months_together"] = intro.months_together
        entries.append(entry)
    return entries


def mentor_entry(
    session: Session, member_id: int | None, name: str | None, on: date
) -> dict[str, Any]:
    """The member assigned on ``on`` to guide a candidate ("một kèm một"), from the roster
    (who must be on it that day: a member who left since was assigned rightly then) or by
    name."""
    if member_id is None:
        name = nfc(name or "")
        if not name:
            raise InvalidValue("error.required", field="--name")
        return {"mentor": name}
    member = get_member(session, member_id)
    person = session.get(Person, member.person_id)
    assert person is not None
    if member.left_on is not None and member.left_on <= on:
        raise InvalidValue(
            "member.left_by", id=member_id, left=fmt_date(member.left_on), on=fmt_date(on)
        )
    if member.admitted_on is not None and member.admitted_on > on:
        raise InvalidValue(
            "member.not_yet", id=member_id, admitted=fmt_date(member.admitted_on), on=fmt_date(on)
        )
    return {
        "mentor": person.full_name,
        "mentor_member_id": member.id,
        "mentor_person_id": person.id,
    }


def member_detail(
    session: Session, member_id: int, *, show_private: bool = False
) -> dict[str, Any]:
    member = get_member(session, member_id)
    person = session.get(Person, member.person_id)
    unit = session.get(Unit, member.unit_id)
    assert person is not None and unit is not None
    return {
        "id": person.id,
        "person_id": person.id,
        "full_name": person.full_name,
        "birth_date": person.birth_date,
        "gender": person.gender,
        "ethnicity": person.ethnicity,
        "education": person.education,
        "national_id": person.national_id if show_private else mask(person.national_id),
        "unit_code": unit.code,
        "unit_name": unit.name,
        "status": member.status,
        "key_position": member.key_position,
        "position": member.position,
        "admitted_on": member.admitted_on,
        # R24: party age counts from the signing of the admission decision.
        "party_age_from": member.admitted_on,
        "official_on": member.official_on,
        "left_on": member.left_on,
        "exit_reason": member.exit_reason,
        "stage": person.stage,
    }


def edit_member(
    session: Session,
    member_id: int,
    *,
    key_position: bool | None = None,
    position: str | None = None,
) -> Member:
    """Set the key-position flag or the position held; both stay in the audit trail."""
    member = get_member(session, member_id)
    before = {"key_position": member.key_position, "position": member.position}
    if key_position is not None:
        member.key_position = key_position
    if position is not None:
        member.position = nfc(position) or None
    after = {"key_position": member.key_position, "position": member.position}
    if after != before:
        member.updated_at = utcnow()
        audit.record(session, "member", member.id, "edit", before=before, after=after)
    return member


def on_probation(session: Session, person_id: int) -> bool:
    """Admitted through dangvien, neither official nor struck off yet."""
    open_admission = select(col(Admission.person_id)).where(
        col(Admission.person_id) == person_id,
        col(Admission.official_date).is_(None),
        col(Admission.struck_off_date).is_(None),
    )
    return session.execute(open_admission).first() is not None
