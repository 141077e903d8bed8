"""dangvien candidate …: the largest group, one package. ``commands`` holds add, edit, list,
show and import and builds the group; ``steps`` the pipeline's steps (and ``corrections``
the undo and fix of a recorded step), which it adds to the group; ``sheet`` prints one
candidate's sheet. Nothing is imported here: ``admission`` reads ``steps`` alone.
"""
