"""One example per command, printed under its --help (example.GROUP.COMMAND)."""

# key: (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "example.label": ("Ví dụ", "Example"),
    "example.demo": ("dangvien demo --db demo.db",) * 2,
    "example.db.path": ("dangvien db path",) * 2,
    "example.db.init": ("dangvien db init --db dangvien.db",) * 2,
    "example.unit.remove": ("dangvien unit remove P99 --yes",) * 2,
    "example.unit.merge": (
        'dangvien unit merge P01 P02 --into HACTHANH --on 01/07/2025 --name "Đảng bộ phường Hạc '
        'Thành" --kind dang-bo-co-so --block xa-phuong',
    )
    * 2,
    "example.unit.move": ("dangvien unit move DALAN --parent HACTHANH --on 01/07/2025",) * 2,
    "example.unit.rename": (
        'dangvien unit rename P03 --name "Đảng bộ phường Điện Biên" --on 01/07/2025',
    )
    * 2,
    "example.member.transfer": ("dangvien member transfer 416 --to DALAN.CB2 --on 15/09/2025",) * 2,
    "example.member.exit": ("dangvien member exit 416 --reason resigned --on 01/10/2025",) * 2,
    "example.quota.unset": ("dangvien quota unset DALAN 2025 --source thanh-uy --yes",) * 2,
    "example.candidate.void": (
        'dangvien candidate void 17 --reason "ghi nhầm người" --yes',
        'dangvien candidate void 17 --reason "wrong person" --yes',
    ),
    "example.report.document": (
        "dangvien report document --period 2021 --output bao-cao-2021.docx",
        "dangvien report document --period 2021 --lang en --output report-2021.docx",
    ),
    "example.db.upgrade": ("dangvien db upgrade --db dangvien.db",) * 2,
    "example.db.backup": (
        "dangvien db backup sao-luu-2025-06-30.db",
        "dangvien db backup backup-2025-06-30.db",
    ),
    "example.db.restore": (
        "dangvien db restore sao-luu-2025-06-30.db --yes",
        "dangvien db restore backup-2025-06-30.db --yes",
    ),
    "example.db.check": ("dangvien db check --as-of 30/06/2025",) * 2,
    "example.db.copy": ("dangvien db copy --to postgresql+psycopg://bantochuc@localhost/dangvien",)
    * 2,
    "example.unit.add": (
        'dangvien unit add DALAN.CB5 "Chi bộ Kho vận" --kind "chi bộ trực thuộc" '
        "--parent DALAN --founded 15/03/2024",
        'dangvien unit add DALAN.CB5 "Chi bộ Kho vận" --kind chi-bo-truc-thuoc '
        "--parent DALAN --founded 15/03/2024",
    ),
    "example.unit.edit": ('dangvien unit edit DALAN.CB5 --name "Chi bộ Kho vận và Giao nhận"',) * 2,
    "example.unit.list": (
        'dangvien unit list --unit TP --block "xã, phường"',
        "dangvien unit list --unit TP --block xa-phuong",
    ),
    "example.unit.show": ("dangvien unit show DALAN",) * 2,
    "example.unit.import": (
        "dangvien unit import don-vi.xlsx --dry-run",
        "dangvien unit import units.xlsx --dry-run",
    ),
    "example.period.add": (
        'dangvien period add 6T2025 --start 01/01/2025 --end 30/06/2025 --name "6 '
        'tháng đầu năm 2025"',
        "dangvien period add H1-2025 --start 01/01/2025 --end 30/06/2025 --name "
        '"First half of 2025"',
    ),
    "example.period.list": ("dangvien period list",) * 2,
    "example.period.close": ("dangvien period close 2024",) * 2,
    "example.period.reopen": (
        'dangvien period reopen 2024 --reason "Bổ sung quyết định kết nạp bị sót"',
        'dangvien period reopen 2024 --reason "A missed admission decision"',
    ),
    "example.quota.set": ("dangvien quota set DALAN 2025 12",) * 2,
    "example.quota.list": ("dangvien quota list --period 2025 --unit TP",) * 2,
    "example.quota.import": (
        "dangvien quota import chi-tieu-2025.csv --source cap-tren",
        "dangvien quota import quotas-2025.csv --source cap-tren",
    ),
    "example.candidate.add": (
        'dangvien candidate add "Hoàng Thị Hạnh" --unit DALAN.CB1 --birth 12/08/1990 --gender nữ',
        'dangvien candidate add "Hoàng Thị Hạnh" --unit DALAN.CB1 --birth 12/08/1990 --gender nu',
    ),
    "example.candidate.list": (
        'dangvien candidate list --unit DALAN --stage "tạo nguồn"',
        "dangvien candidate list --unit DALAN --stage sourced",
    ),
    "example.candidate.show": ("dangvien candidate show 364",) * 2,
    "example.candidate.import": (
        "dangvien candidate import quan-chung.xlsx --errors loi.csv",
        "dangvien candidate import candidates.xlsx --errors errors.csv",
    ),
    "example.candidate.mentor": (
        'dangvien candidate mentor 364 --date 01/03/2025 --name "Lê Văn Tâm"',
    )
    * 2,
    "example.candidate.class-result": (
        "dangvien candidate class-result 364 --date 20/04/2025 --certificate 15/CN-"
        "TTCT --result đạt",
        "dangvien candidate class-result 364 --date 20/04/2025 --certificate 15/CN-"
        "TTCT --result passed",
    ),
    "example.candidate.introducers": (
        'dangvien candidate introducers 364 --date 02/05/2025 --introducer "Lê Văn '
        'Tâm:14" --introducer "Phạm Thu Hà:20"',
    )
    * 2,
    "example.candidate.apply": ("dangvien candidate apply 364 --date 05/05/2025",) * 2,
    "example.candidate.dossier": ("dangvien candidate dossier 364 2-KNĐ --date 06/05/2025",) * 2,
    "example.candidate.check": (
        'dangvien candidate check 364 --date 20/05/2025 --issuer "Chi bộ Văn phòng"',
    )
    * 2,
    "example.candidate.vote": (
        "dangvien candidate vote 364 --date 01/06/2025 --for 9 --members 11",
    )
    * 2,
    "example.candidate.recommend": (
        "dangvien candidate recommend 364 --date 10/06/2025 --for 7 --members 9",
    )
    * 2,
    "example.candidate.reject": (
        'dangvien candidate reject 364 --date 01/06/2025 --reason "Chưa đủ số phiếu tán thành"',
        'dangvien candidate reject 364 --date 01/06/2025 --reason "Not enough votes"',
    ),
    "example.candidate.withdraw": (
        'dangvien candidate withdraw 364 --date 01/06/2025 --reason "Chuyển công tác"',
        'dangvien candidate withdraw 364 --date 01/06/2025 --reason "Moved to another job"',
    ),
    "example.candidate.correct": (
        'dangvien candidate correct 364 --event 2 --date 03/03/2025 --reason "Nhập nhầm ngày"',
        'dangvien candidate correct 364 --event 2 --date 03/03/2025 --reason "Wrong date typed"',
    ),
    "example.candidate.exception": (
        'dangvien candidate exception 364 --rule R18 --by "Ban Thường vụ Thành ủy" --document '
        '125-CV/TU --reason "Lễ kết nạp chậm do bão lũ"',
        'dangvien candidate exception 364 --rule R18 --by "Ban Thường vụ Thành ủy" --document '
        '125-CV/TU --reason "Ceremony delayed by floods"',
    ),
    "example.admission.record": (
        "dangvien admission record 364 --decision 45-QĐ/ĐU --date 20/06/2025 --body "
        '"Đảng ủy Công ty"',
    )
    * 2,
    "example.admission.ceremony": (
        "dangvien admission ceremony 364 --date 05/07/2025 --received 25/06/2025",
    )
    * 2,
    "example.admission.not-recognised": (
        'dangvien admission not-recognised 364 --date 06/07/2026 --reason "chưa đủ tư cách"',
        'dangvien admission not-recognised 364 --date 06/07/2026 --reason "not yet qualified"',
    ),
    "example.admission.confirm": (
        "dangvien admission confirm 364 --decision 12-QĐ/ĐU --cell-date 06/07/2026 "
        "--decided 15/07/2026",
    )
    * 2,
    "example.admission.strike": (
        'dangvien admission strike 364 --date 01/03/2026 --reason "Vi phạm tư cách đảng viên"',
        'dangvien admission strike 364 --date 01/03/2026 --reason "Breach of membership duties"',
    ),
    "example.admission.list": ("dangvien admission list --period 2025 --unit DALAN",) * 2,
    "example.member.list": (
        'dangvien member list --unit DALAN --status "dự bị"',
        "dangvien member list --unit DALAN --status probationary",
    ),
    "example.member.show": ("dangvien member show 12",) * 2,
    "example.member.edit": ('dangvien member edit 12 --key-position --position "Phó giám đốc"',)
    * 2,
    "example.member.import": (
        "dangvien member import dang-vien.xlsx --unit DALAN",
        "dangvien member import members.xlsx --unit DALAN",
    ),
    "example.class.add": (
        'dangvien class add LOP-2025-1 "Lớp nhận thức về Đảng khóa 1/2025" --start '
        '10/04/2025 --end 16/04/2025 --organizer "Trung tâm Chính trị thành phố"',
    )
    * 2,
    "example.class.list": ("dangvien class list",) * 2,
    "example.class.show": ("dangvien class show LOP-2025-1",) * 2,
    "example.class.enroll": ("dangvien class enroll LOP-2025-1 364 402 406",) * 2,
    "example.class.results": (
        "dangvien class results LOP-2025-1 --date 20/04/2025 --passed 364 --passed "
        "402 --failed 406",
    )
    * 2,
    "example.report.quota": ("dangvien report quota --period 2025 --unit TP --depth 2",) * 2,
    "example.report.behind": ("dangvien report behind --period 2025 --as-of 30/06/2025",) * 2,
    "example.report.pipeline": ("dangvien report pipeline --unit DALAN",) * 2,
    "example.report.composition": (
        "dangvien report composition --period 2025 -o co-cau-2025.xlsx",
        "dangvien report composition --period 2025 -o composition-2025.xlsx",
    ),
    "example.report.deadlines": ("dangvien report deadlines --within 14",) * 2,
    "example.audit.list": ("dangvien audit list --entity quota --since 01/06/2025",) * 2,
    "example.export.units": (
        "dangvien export units don-vi.xlsx --unit TP",
        "dangvien export units units.xlsx --unit TP",
    ),
    "example.export.quotas": (
        "dangvien export quotas chi-tieu-2025.csv --period 2025",
        "dangvien export quotas quotas-2025.csv --period 2025",
    ),
    "example.export.members": (
        "dangvien export members dang-vien.csv --unit DALAN",
        "dangvien export members members.csv --unit DALAN",
    ),
    "example.export.candidates": (
        "dangvien export candidates quan-chung.xlsx --unit DALAN",
        "dangvien export candidates candidates.xlsx --unit DALAN",
    ),
    "example.export.admissions": (
        "dangvien export admissions ket-nap-2025.csv --period 2025",
        "dangvien export admissions admissions-2025.csv --period 2025",
    ),
}
