"""Candidates for the benchmark data: names, identity and a pipeline that dangvien accepts.

Deadlines are drawn in working days on dangvien's own calendar (services.workdays), so a
decision may fall on the 60th working day after the vote, the last day the rules allow.
"""

from __future__ import annotations

import math
import random
import unicodedata
from datetime import date

from gen_units import Tree
from gen_vocab import (
    ETHNICITIES,
    EXITS,
    FAMILY_NAMES,
    GIVEN_FEMALE,
    GIVEN_MALE,
    MIDDLE_FEMALE,
    MIDDLE_MALE,
    OCCUPATIONS,
    PROVINCES,
    RELIGIONS,
)

from dangvien_cli.services.workdays import add_months, is_working_day

CANDIDATE_COLUMNS = [
    "full_name",
    "birth_date",
    "gender",
    "ethnicity",
    "religion",
    "education",
    "occupation",
    "national_id",
    "phone",
    "unit_code",
    "youth_union",
    "source_date",
    "mentor",
    "class_date",
    "certificate_no",
    "application_date",
    "vote_date",
    "votes_for",
    "official_members",
    "committee_date",
    "decision_no",
    "decision_date",
    "decision_body",
    "ceremony_date",
    "official_date",
    "exit",
    "exit_date",
    "exit_reason",
]
FIRST_DECISION, LAST_DECISION = date(2020, 1, 1), date(2025, 12, 31)
AS_OF = date(2025, 12, 31)  # the data set's "today": nothing is dated after it
ADMITTED_SHARE = 0.40
DAYS_PER_YEAR = 365.25


class Calendar:
    """Working days and dd/mm/yyyy texts as tables over ordinals, for speed."""

    def __init__(self, first: date, last: date) -> None:
        self.base = first.toordinal()
        days = range(self.base, last.toordinal() + 1)
        self.workdays = [o for o in days if is_working_day(date.fromordinal(o))]
        self.upto: list[int] = []  # working days on or before each day, counted from `first`
        count = 0
        for o in days:
            count += is_working_day(date.fromordinal(o))
            self.upto.append(count)
        self.text_base = date(1950, 1, 1).toordinal()
        self.texts = [
            date.fromordinal(o).strftime("%d/%m/%Y")
            for o in range(self.text_base, last.toordinal() + 1)
        ]

    def text(self, ordinal: int) -> str:
        return self.texts[ordinal - self.text_base]

    def index(self, ordinal: int) -> int:
        """Position in `workdays` of the last working day on or before `ordinal`."""
        return self.upto[ordinal - self.base] - 1

    def random_workday(self, rng: random.Random, first: date, last: date) -> int:
        return rng.randint(self.index(first.toordinal() - 1) + 1, self.index(last.toordinal()))


def _cum(pairs: list[tuple[str, float]]) -> tuple[list[str], list[float]]:
    words, total, cum = [], 0.0, []
    for word, weight in pairs:
        words.append(unicodedata.normalize("NFC", word))
        total += weight
        cum.append(total)
    return words, cum


class People:
    def __init__(self, rng: random.Random, tree: Tree, calendar: Calendar) -> None:
        self.rng, self.tree, self.cal = rng, tree, calendar
        self.families, self.family_cum = _cum(FAMILY_NAMES)
        self.ethnicities, self.ethnicity_cum = _cum(ETHNICITIES)
        self.religions, self.religion_cum = _cum(RELIGIONS)
        total = 0.0
        self.leaf_cum = [total := total + w for *_x, w in tree.leaves]
        self.province_codes = [code for *_x, code in PROVINCES]
        self.admitted: dict[str, list[int]] = {}  # unit code -> admissions per year 2020..
        self.decision_seq: dict[tuple[int, int], int] = {}
        self.cccd_seq: dict[str, int] = {}
        self.as_of = AS_OF.toordinal()

    def name(self, female: bool) -> str:
        r = self.rng
        family = r.choices(self.families, cum_weights=self.family_cum)[0]
        pool = MIDDLE_FEMALE if female else MIDDLE_MALE
        common = "Thị" if female else "Văn"
        middle = common if r.random() < (0.45 if female else 0.35) else r.choice(pool)
        if r.random() < 0.3:
            second = r.choice(pool)
            if second != middle:
                middle = f"{middle} {second}"
        return f"{family} {middle} {r.choice(GIVEN_FEMALE if female else GIVEN_MALE)}"

    def cccd(self, province: str, birth: date, female: bool) -> str:
        """12 digits: province, century and sex, year, and a serial unique per prefix."""
        century = 0 if birth.year < 2000 else 2
        prefix = f"{province}{century + female}{birth.year % 100:02d}"
        k = self.cccd_seq.get(prefix, 0)
        self.cccd_seq[prefix] = k + 1
        # k -> k * 387101 mod 10**6 is a bijection (387101 is coprime to 10**6)
        return f"{prefix}{(k * 387_101 + int(prefix) * 7) % 1_000_000:06d}"

    def one(self) -> list[str]:
        r, cal = self.rng, self.cal
        leaf = self.tree.leaves[
            r.choices(range(len(self.tree.leaves)), cum_weights=self.leaf_cum)[0]
        ]
        code, l1, l2, _w = leaf
        female = r.random() < 0.47
        row = dict.fromkeys(CANDIDATE_COLUMNS, "")
        row.update(full_name=self.name(female), unit_code=code, gender="Nữ" if female else "Nam")
        if r.random() < ADMITTED_SHARE:
            steps = self.admitted_steps(row, code, l2)
        else:
            steps = self.open_steps(row)
        anchor = steps.get("vote_date") or steps["source_date"]
        age = r.triangular(18.6, 50.0, 24.0) if "vote_date" in steps else r.triangular(17, 45, 22)
        birth = date.fromordinal(anchor - int(age * DAYS_PER_YEAR))
        for key, ordinal in steps.items():
            row[key] = cal.text(ordinal)
        self.identity(row, birth, female, l1, (anchor - birth.toordinal()) / DAYS_PER_YEAR)
        return list(row.values())

    def identity(self, row: dict, birth: date, female: bool, l1: int, age: float) -> None:  # type: ignore[type-arg]
        r = self.rng
        row["birth_date"] = birth.strftime("%d/%m/%Y")
        row["ethnicity"] = r.choices(self.ethnicities, cum_weights=self.ethnicity_cum)[0]
        row["religion"] = r.choices(self.religions, cum_weights=self.religion_cum)[0]
        row["education"] = "12/12" if r.random() < 0.88 else "9/12"
        row["occupation"] = r.choice(OCCUPATIONS)
        if r.random() < 0.97:
            home = self.tree.cccd_province[l1]
            province = home if home and r.random() < 0.85 else r.choice(self.province_codes)
            row["national_id"] = self.cccd(province, birth, female)
        if r.random() < 0.6:
            row["phone"] = f"09{r.randrange(10**8):08d}"
        row["youth_union"] = "x" if age < 30 and r.random() < 0.85 else ""
        row["mentor"] = self.name(r.random() < 0.4)

    def admitted_steps(self, row: dict, code: str, l2: int) -> dict[str, int]:  # type: ignore[type-arg]
        r, cal = self.rng, self.cal
        decision_i = cal.random_workday(r, FIRST_DECISION, LAST_DECISION)
        wait = int(r.triangular(5, 60, 18))  # working days from the vote to the decision
        vote_i = decision_i - wait
        steps = {"decision_date": cal.workdays[decision_i], "vote_date": cal.workdays[vote_i]}
        steps["committee_date"] = cal.workdays[vote_i + r.randint(1, wait - 1)]
        ceremony = cal.workdays[decision_i + r.randint(1, 30)]
        if ceremony <= self.as_of:
            steps["ceremony_date"] = ceremony
            official = add_months(date.fromordinal(ceremony), 12).toordinal()
            if official <= self.as_of:
                steps["official_date"] = official
        steps["application_date"] = steps["vote_date"] - r.randint(14, 150)
        steps["class_date"] = steps["application_date"] - r.randint(0, 300)
        steps["source_date"] = steps["class_date"] - r.randint(30, 400)
        year = date.fromordinal(steps["decision_date"]).year
        per_year = self.admitted.setdefault(code, [0] * 6)
        per_year[year - FIRST_DECISION.year] += 1
        seq = self.decision_seq.get((l2, year), 0) + 1
        self.decision_seq[(l2, year)] = seq
        _code, suffix, body = self.tree.level2[l2]
        row.update(decision_no=f"{seq}-QĐ/{suffix}", decision_body=body)
        self.vote_and_certificate(row)
        return steps

    def open_steps(self, row: dict) -> dict[str, int]:  # type: ignore[type-arg]
        """A candidate still on the way: sourced, trained, applied or voted; a few left."""
        r, cal = self.rng, self.cal
        last = self.as_of
        steps = {"source_date": r.randint(date(2019, 6, 1).toordinal(), last - 30)}
        for key, low, high in (("class_date", 30, 400), ("application_date", 10, 200)):
            if r.random() > 0.6:
                break
            day = max(steps.values()) + r.randint(low, high)
            if day > last:
                break
            steps[key] = day
        if "application_date" in steps and r.random() < 0.35:
            vote_i = cal.index(steps["application_date"]) + r.randint(10, 60)
            if cal.workdays[vote_i] <= last:
                steps["vote_date"] = cal.workdays[vote_i]
                self.vote_and_certificate(row)
        if r.random() < 0.06:
            word, reason = r.choice(EXITS)
            steps["exit_date"] = min(last, max(steps.values()) + r.randint(10, 200))
            row.update(exit=word, exit_reason=reason)
        if "class_date" in steps:
            row["certificate_no"] = f"{r.randint(1, 2999)}/CN-TTCT"
        return steps

    def vote_and_certificate(self, row: dict) -> None:  # type: ignore[type-arg]
        members = self.rng.randint(3, 45)
        row["official_members"] = str(members)
        row["votes_for"] = str(self.rng.randint(math.ceil(2 * members / 3), members))
        row["certificate_no"] = f"{self.rng.randint(1, 2999)}/CN-TTCT"
