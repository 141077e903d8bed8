"""The funnel's median read from how many spells took each number of days, against the
median of the spells themselves."""

from __future__ import annotations

import statistics
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from dangvien_cli.services.reports.pipeline import _median

lengths = st.lists(st.integers(min_value=0, max_value=2000), max_size=60)


@given(voted=lengths, other=lengths)
def test_the_median_of_a_stage_is_the_median_of_its_spells(voted, other):
    taken = Counter(("voted", d) for d in voted) + Counter(("applied", d) for d in other)
    found = _median(dict(taken), "voted")
    assert found == (statistics.median(voted) if voted else None)
