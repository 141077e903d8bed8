from dangvien_cli.cli import main

main()
