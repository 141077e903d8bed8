"""dangvien candidate …: the largest group, one package. ``_group`` is the group; ``commands``
declares add, list, show and import on it and imports ``step_commands`` (the pipeline's
steps) and ``corrections`` (amending a recorded step), which declare theirs; ``steps`` holds
what every step command shares; ``sheet`` prints one candidate's sheet. Nothing is imported
here: ``admission`` and ``class`` read ``steps`` alone.
"""
