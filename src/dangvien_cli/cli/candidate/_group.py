"""The ``candidate`` group: one object that ``commands``, ``step_commands`` and
``corrections`` declare their commands on."""

from dangvien_cli.cli._context import new_group

group = new_group()
