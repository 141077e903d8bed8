"""A bare Typer app with 10 no-op commands: the start-up floor of any Typer CLI's --help,
before project code or a database (the yardstick of ../shared/bench/typer_hello.py)."""

import typer

app = typer.Typer(help="Startup-floor probe: 10 no-op subcommands.")


@app.command()
def init(db: str = typer.Option("party.db", help="SQLite file")) -> None:
    """Create the database."""


@app.command("import-units")
def import_units(path: str) -> None:
    """Import units from CSV."""


@app.command("import-candidates")
def import_candidates(path: str) -> None:
    """Import candidates from CSV."""


@app.command()
def add(full_name: str, unit: str) -> None:
    """Add one candidate."""


@app.command()
def admit(candidate_id: int, decision_no: str) -> None:
    """Record an admission decision."""


@app.command("list")
def list_(unit: str = typer.Option(None)) -> None:
    """List candidates."""


@app.command()
def show(candidate_id: int) -> None:
    """Show one candidate."""


@app.command()
def quota(unit: str, year: int, target: int) -> None:
    """Set a quota."""


@app.command()
def report(year: int = typer.Option(None)) -> None:
    """Admissions per top-level unit per year."""


@app.command()
def export(path: str) -> None:
    """Export to CSV."""


if __name__ == "__main__":
    app()
