"""Answers worked out independently of the code under test: what `candidate list` and
`unit list` showed before the light read path (reader.py), from the models in Python."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangvien_cli import db
from dangvien_cli.models import Admission, Person, Unit
from dangvien_cli.services.people import mask
from dangvien_cli.services.units import code_key
from dangvien_cli.vntext import fold


def expected_candidates(url, *, unit_code=None, stage=None, search=None, show_private=False):
    """What `candidate list` showed before the reader, worked out from the models in Python."""
    engine = db.open_engine(url, create=True)
    try:
        with Session(engine) as s:
            units = {u.id: u for u in s.scalars(select(Unit))}
            decided = {a.person_id: a.decision_date for a in s.scalars(select(Admission))}
            people = s.scalars(select(Person).where(Person.stage.is_not(None))).all()
    finally:
        engine.dispose()
    allowed = subtree(units, unit_code) if unit_code else None
    key = fold(search or "")
    rows = []
    for p in sorted(people, key=lambda p: (p.sort_key, p.id)):
        if allowed is not None and p.unit_id not in allowed:
            continue
        if stage and p.stage != stage.value:
            continue
        if key and not (p.name_key.startswith(key) or p.given_key.startswith(key)):
            continue
        rows.append(
            {
                "id": p.id,
                "full_name": p.full_name,
                "birth_date": p.birth_date,
                "gender": p.gender,
                "national_id": p.national_id if show_private else mask(p.national_id),
                "unit_code": units[p.unit_id].code,
                "stage": p.stage,
                "stage_on": p.stage_on,
                "decision_date": decided.get(p.id),
            }
        )
    return rows


def expected_units(url, *, under=None, block=None):
    engine = db.open_engine(url, create=True)
    try:
        with Session(engine) as s:
            units = {u.id: u for u in s.scalars(select(Unit))}
    finally:
        engine.dispose()
    allowed = subtree(units, under) if under else None
    return [
        {
            "code": u.code,
            "name": u.name,
            "kind": u.kind,
            "parent": units[u.parent_id].code if u.parent_id else None,
            "block": u.block,
            "founded_on": u.founded_on,
            "dissolved_on": u.dissolved_on,
            "successor": units[u.merged_into_id].code if u.merged_into_id else None,
        }
        for u in sorted(units.values(), key=lambda u: u.code_key)
        if (allowed is None or u.id in allowed) and (not block or u.block == block.value)
    ]


def subtree(units, code):
    [root] = [u.id for u in units.values() if u.code_key == code_key(code)]
    found, todo = set(), [root]
    while todo:
        found.add(todo[-1])
        parent = todo.pop()
        todo += [u.id for u in units.values() if u.parent_id == parent]
    return found
