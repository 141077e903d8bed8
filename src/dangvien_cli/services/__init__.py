"""The domain layer: business rules over a session. No Typer, no Rich, no print."""
