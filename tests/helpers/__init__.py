"""What the tests share: the in-process CLI (cli), the PostgreSQL server (pg_server), the
pipeline's small organisation (world), the reliability and fuzz helpers (reliability), hostile
files (hostile_files), and answers worked out independently of the code under test (truth).

Importable as ``helpers`` because pyproject's pytest ``pythonpath`` puts tests/ on sys.path.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
