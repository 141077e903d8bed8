"""Reports: set-based queries over the whole database, rows out as plain dicts."""
