"""The catalogue\x27s areas; see dangvien_cli.i18n."""
