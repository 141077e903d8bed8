"""The one message catalogue: every user-facing text, in Vietnamese and English.

The language is chosen once per process (``--lang`` or ``DANGVIEN_LANG``) before the
command tree is built, because Typer reads help texts when commands are declared.
Numbers and dates are formatted here too, so tables and messages agree.
"""

from __future__ import annotations

import os
from datetime import date

LANGS = ("vi", "en")
_lang = "vi"


def set_lang(lang: str | None) -> str:
    global _lang
    _lang = lang if lang in LANGS else "vi"
    return _lang


def get_lang() -> str:
    return _lang


def lang_from_argv(argv: list[str]) -> str:
    """The language asked for on the command line, else by DANGVIEN_LANG, else Vietnamese."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("DANGVIEN_LANG", "vi")


def t(key: str, /, **params: object) -> str:
    """The text for ``key`` in the current language, with ``params`` filled in."""
    vi, en = MESSAGES[key]
    text = en if _lang == "en" else vi
    if "field" in params and f"field.{params['field']}" in MESSAGES:
        params["field"] = t(f"field.{params['field']}")
    return text.format(**params) if params else text


def fmt_int(n: int | None) -> str:
    if n is None:
        return "—"
    s = f"{n:,}"
    return s.replace(",", ".") if _lang == "vi" else s


def fmt_percent(p: float | None) -> str:
    if p is None:
        return "—"
    s = f"{p:,.1f}".rstrip("0").rstrip(".")
    if _lang == "vi":
        s = s.replace(",", "X").replace(".", ",").replace("X", ".")
    return s + "%"


def fmt_date(d: date | None) -> str:
    if d is None:
        return ""
    return d.strftime("%d/%m/%Y")


# key: (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # --- generic -------------------------------------------------------------------------
    "app.help": (
        "dangvien — công cụ của Ban Tổ chức: chỉ tiêu, quần chúng ưu tú, kết nạp đảng viên.",
        "dangvien — the organization department's tool: quotas, candidates, admissions.",
    ),
    "opt.db": (
        "Tệp SQLite hoặc URL SQLAlchemy (biến môi trường DANGVIEN_DB).",
        "SQLite file or SQLAlchemy URL (environment variable DANGVIEN_DB).",
    ),
    "opt.format": (
        "Định dạng đầu ra: table, json, ndjson (một đối tượng mỗi dòng), csv, tsv.",
        "Output format: table, json, ndjson (one object a line), csv, tsv.",
    ),
    "opt.lang": ("Ngôn ngữ: vi hoặc en (DANGVIEN_LANG).", "Language: vi or en (DANGVIEN_LANG)."),
    "opt.version": ("In phiên bản rồi thoát.", "Print the version and exit."),
    "opt.help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    # --- one example per command, under its --help (example.GROUP.COMMAND; issue 14) ---
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
    # --- the clerk's words in Typer's own lines (cli/_words.py; issue 14) ---
    # An argument's name in usage lines and errors ("Thiếu tham số 'CHỈ_TIÊU'"): metavar.NAME,
    # or metavar.COMMAND.NAME where one name means two things.
    "metavar.person_id": ("MÃ_SỐ", "PERSON_ID"),
    "metavar.sources": ("MÃ_ĐƠN_VỊ", "UNIT_CODE"),
    "metavar.person_ids": ("MÃ_SỐ", "PERSON_ID"),
    "metavar.member_id": ("MÃ_SỐ_ĐẢNG_VIÊN", "MEMBER_ID"),
    "metavar.code": ("MÃ", "CODE"),
    "metavar.name": ("TÊN", "NAME"),
    "metavar.full_name": ("HỌ_TÊN", "FULL_NAME"),
    "metavar.path": ("TỆP", "FILE"),
    "metavar.unit": ("MÃ_ĐƠN_VỊ", "UNIT"),
    "metavar.period": ("KỲ", "PERIOD"),
    "metavar.target": ("CHỈ_TIÊU", "TARGET"),
    "metavar.item": ("GIẤY_TỜ", "ITEM"),
    "metavar.source": ("TỆP_SAO_LƯU", "BACKUP_FILE"),
    "metavar.backup.target": ("TỆP_SAO_LƯU", "BACKUP_FILE"),
    # The words the tables show for closed values that had none, so that options accept them
    # (values.parse_choice; `--kind "chi bộ cơ sở"`).
    "kind.dang-bo-cap-tren": ("Đảng bộ cấp trên cơ sở", "Higher-level Party committee"),
    "kind.dang-bo-co-so": ("Đảng bộ cơ sở", "Grassroots Party committee"),
    "kind.chi-bo-co-so": ("Chi bộ cơ sở", "Grassroots Party cell"),
    "kind.dang-bo-bo-phan": ("Đảng bộ bộ phận", "Section Party committee"),
    "kind.chi-bo-truc-thuoc": ("Chi bộ trực thuộc", "Affiliated Party cell"),
    "gender.nam": ("Nam", "Male"),
    "gender.nu": ("Nữ", "Female"),
    "route.two-members": ("hai đảng viên chính thức giới thiệu", "introduced by two members"),
    "choice.words": ("{label} ({code})", "{code}"),
    "choice.metavar": ("<mã hoặc tên>", "<code or name>"),
    "choice.not_one_of": (
        "'{value}' không có trong danh sách; chọn một trong: {choices}.",
        "'{value}' is not in the list; choose one of: {choices}.",
    ),
    "choice.unknown": (
        "'{value}' không có trong danh sách; chọn một trong: {choices} (gõ mã hoặc tên, có dấu"
        " hay không dấu).",
        "'{value}' is not in the list; choose one of: {choices} (a code or the Vietnamese words).",
    ),
    # A field named inside a message ({field}): the clerk's word for it; English keeps the key
    # scripts and import files use.
    "field.target": ("chỉ tiêu", "target"),
    "field.full_name": ("họ và tên", "full_name"),
    "field.name": ("tên", "name"),
    "field.code": ("mã", "code"),
    "field.source": ("nguồn chỉ tiêu", "source"),
    "field.period": ("kỳ", "period"),
    "field.unit_code": ("mã đơn vị", "unit_code"),
    "field.status": ("trạng thái", "status"),
    "field.result": ("kết quả", "result"),
    "field.exit": ("lý do ra khỏi danh sách", "exit"),
    "field.exit_date": ("ngày ra khỏi danh sách", "exit_date"),
    "field.id": ("mã số", "id"),
    "field.national_id": ("số CCCD", "national_id"),
    "field.phone": ("số điện thoại", "phone"),
    "field.depth": ("số cấp", "depth"),
    "opt.actor": (
        "Người thực hiện ghi vào nhật ký (mặc định: người dùng hệ điều hành).",
        "Who to record in the audit trail (default: the operating-system user).",
    ),
    "opt.show_private": (
        "Hiện đầy đủ số CCCD và số điện thoại.",
        "Show national ID and phone numbers unmasked.",
    ),
    "error.prefix": ("Lỗi", "Error"),
    "warning.prefix": ("Cảnh báo", "Warning"),
    "error.unexpected": (
        "Lỗi ngoài dự kiến ({kind}); đặt DANGVIEN_DEBUG=1 để xem chi tiết.",
        "Unexpected error ({kind}); set DANGVIEN_DEBUG=1 for details.",
    ),
    "error.invalid_date": (
        "Ngày không hợp lệ: '{value}' (dùng dd/mm/yyyy hoặc yyyy-mm-dd).",
        "Invalid date: '{value}' (use dd/mm/yyyy or yyyy-mm-dd).",
    ),
    "error.invalid_choice": (
        "Giá trị '{value}' không hợp lệ cho {field}; chọn một trong: {choices}.",
        "'{value}' is not valid for {field}; choose one of: {choices}.",
    ),
    "error.invalid_int": (
        "'{value}' không phải số nguyên hợp lệ cho {field}.",
        "'{value}' is not a valid whole number for {field}.",
    ),
    "error.negative": (
        "{field} phải là số không âm (nhận được {value}).",
        "{field} must not be negative (got {value}).",
    ),
    "error.required": ("Thiếu giá trị bắt buộc: {field}.", "Missing required value: {field}."),
    "error.too_long": (
        "{field} dài quá {limit} ký tự.",
        "{field} is longer than {limit} characters.",
    ),
    "error.interrupted": ("Đã dừng; không có gì được ghi.", "Interrupted; nothing was written."),
    # --- database ------------------------------------------------------------------------
    "db.schema_old": (
        "Cơ sở dữ liệu {where} ở phiên bản lược đồ cũ ({current}); chạy 'dangvien db upgrade'.",
        "The database {where} has an older schema ({current}); run 'dangvien db upgrade'.",
    ),
    "db.schema_new": (
        "Cơ sở dữ liệu {where} thuộc phiên bản mới hơn của dangvien ({current}); "
        "hãy cập nhật dangvien, dữ liệu không bị thay đổi.",
        "The database {where} comes from a newer dangvien ({current}); "
        "upgrade dangvien — the database was not touched.",
    ),
    "db.not_dangvien": (
        "{where} không phải cơ sở dữ liệu của dangvien.",
        "{where} is not a dangvien database.",
    ),
    "db.cannot_open": (
        "Không mở được cơ sở dữ liệu {where}: {reason}.",
        "Cannot open the database {where}: {reason}.",
    ),
    "db.locked": (
        "Cơ sở dữ liệu đang bận (người khác đang ghi); thử lại sau.",
        "The database is busy (someone else is writing); try again later.",
    ),
    "db.upgraded": (
        "Đã nâng cấp lược đồ {where}: {before} → {after}.",
        "Upgraded the schema of {where}: {before} → {after}.",
    ),
    "db.up_to_date": (
        "Lược đồ đã ở phiên bản mới nhất ({rev}).",
        "Schema already at head ({rev}).",
    ),
    "db.backup_made": ("Đã sao lưu vào {path}.", "Backed up to {path}."),
    # --- database: creating is explicit (issue 14) ----------------------------------------
    "db.missing": (
        "Không có cơ sở dữ liệu tại {where}; tạo mới bằng `dangvien db init`.",
        "No database at {where}; create one with `dangvien db init`.",
    ),
    "help.db.init": (
        "Tạo cơ sở dữ liệu mới (tệp SQLite hoặc lược đồ trên PostgreSQL).",
        "Create a new database (a SQLite file, or the schema on PostgreSQL).",
    ),
    "db.created": ("Đã tạo cơ sở dữ liệu {where}.", "Created the database {where}."),
    "db.exists": (
        "Cơ sở dữ liệu {where} đã có (lược đồ {rev}); không thay đổi gì.",
        "The database {where} exists already (schema {rev}); nothing changed.",
    ),
    "help.db": ("Quản lý tệp cơ sở dữ liệu.", "Manage the database file."),
    "help.db.path": ("In đường dẫn cơ sở dữ liệu đang dùng.", "Print the database in use."),
    "help.db.upgrade": (
        "Nâng cấp lược đồ lên phiên bản mới nhất (sao lưu trước).",
        "Upgrade the schema to the latest version (backs up first).",
    ),
    # --- units ---------------------------------------------------------------------------
    "help.unit": ("Tổ chức đảng: thêm, xem, nhập.", "Party units: add, list, show, import."),
    "help.unit.add": ("Thêm một tổ chức đảng.", "Add a Party unit."),
    "help.unit.list": ("Liệt kê các tổ chức đảng.", "List Party units."),
    "help.unit.show": ("Xem một tổ chức đảng.", "Show one Party unit."),
    "help.unit.import": (
        "Nhập danh sách tổ chức đảng từ tệp CSV/Excel.",
        "Import Party units from a CSV/Excel file.",
    ),
    "arg.unit_code": ("Mã đơn vị.", "Unit code."),
    "arg.unit_name": ("Tên đơn vị.", "Unit name."),
    "opt.kind": ("Loại tổ chức: {choices}.", "Kind of unit: {choices}."),
    "opt.parent": ("Mã đơn vị cấp trên.", "Code of the parent unit."),
    "opt.block": ("Khối: {choices}.", "Block: {choices}."),
    "opt.founded": ("Ngày thành lập.", "Date founded."),
    "opt.unit_filter": ("Chỉ đơn vị này (và cấp dưới).", "Only this unit (and its subtree)."),
    "unit.not_found": ("Không có đơn vị mã '{code}'.", "No unit with code '{code}'."),
    "unit.parent_not_found": (
        "Không có đơn vị cấp trên mã '{code}'.",
        "No parent unit with code '{code}'.",
    ),
    "unit.duplicate": ("Đã có đơn vị mã '{code}'.", "A unit with code '{code}' already exists."),
    "unit.cycle": (
        "Đơn vị '{code}' không thể là cấp trên của chính nó.",
        "Unit '{code}' cannot be its own ancestor.",
    ),
    # --- unit dates that contradict each other (issue 13) -------------------------------
    "unit.dissolved_before_founded": (
        "Đơn vị {code}: ngày giải thể {dissolved} sớm hơn ngày thành lập {founded}.",
        "Unit {code}: dissolved on {dissolved}, before it was founded on {founded}.",
    ),
    "unit.founded_after_admission": (
        "Đơn vị {code}: ngày thành lập {founded} muộn hơn lần kết nạp đầu tiên của đơn vị "
        "({admitted}).",
        "Unit {code}: founded on {founded}, after its first admission ({admitted}).",
    ),
    "unit.dissolved_before_admission": (
        "Đơn vị {code}: ngày giải thể {dissolved} sớm hơn lần kết nạp cuối của đơn vị "
        "({admitted}).",
        "Unit {code}: dissolved on {dissolved}, before its last admission ({admitted}).",
    ),
    "unit.added": ("Đã thêm đơn vị {code}.", "Added unit {code}."),
    # --- the map changes: merge, move, rename, transfer, exit, --as-of (issue 17) ---------
    "help.unit.merge": (
        "Hợp nhất các đơn vị vào một đơn vị (có ngày hiệu lực; giữ lịch sử).",
        "Merge units into one unit on a date (history kept).",
    ),
    "help.unit.move": (
        "Chuyển đơn vị sang cấp trên mới từ một ngày (giữ lịch sử).",
        "Move a unit under a new parent from a date (history kept).",
    ),
    "help.unit.rename": (
        "Đổi tên đơn vị từ một ngày (giữ lịch sử).",
        "Rename a unit from a date (history kept).",
    ),
    "help.member.transfer": (
        "Chuyển sinh hoạt đảng của đảng viên sang đơn vị khác từ một ngày.",
        "Transfer a member to another unit from a date.",
    ),
    "help.member.exit": (
        "Đảng viên ra khỏi danh sách từ một ngày (từ trần, xóa tên, khai trừ, …).",
        "A member leaves the roster on a date (death, removal, expulsion, …).",
    ),
    "arg.source_units": ("Mã các đơn vị được hợp nhất.", "Codes of the units merged."),
    "opt.into": (
        "Mã đơn vị kế thừa (tạo mới nếu chưa có).",
        "Code of the successor unit (created if new).",
    ),
    "opt.on": ("Ngày hiệu lực.", "Effective date."),
    "opt.new_parent": ("Mã đơn vị cấp trên mới.", "Code of the new parent unit."),
    "opt.new_name": ("Tên mới.", "New name."),
    "opt.to_unit": ("Mã đơn vị đến.", "Code of the unit moved to."),
    "opt.temporary": ("Chuyển sinh hoạt tạm thời.", "Temporary transfer."),
    "opt.exit_reason": ("Lý do: {choices}.", "Reason: {choices}."),
    "opt.tree_as_of": (
        "Cây tổ chức và danh sách như tại ngày này.",
        "The tree and rosters as they stood on this day.",
    ),
    "col.dissolved_on": ("Ngày giải thể", "Dissolved on"),
    "col.successor": ("Đơn vị kế thừa", "Successor"),
    "col.temporary_unit": ("Sinh hoạt tạm thời", "Temporarily at"),
    "unit.merged": (
        "Đã hợp nhất {sources} vào {into} từ {on}: {members} đảng viên, {candidates} quần chúng,"
        " {sub_units} đơn vị trực thuộc, {quotas} chỉ tiêu chuyển sang.",
        "Merged {sources} into {into} from {on}: {members} members, {candidates} candidates,"
        " {sub_units} sub-units, {quotas} quotas carried.",
    ),
    "unit.moved": (
        "Đã chuyển {code} sang {parent} từ {on}.",
        "Moved {code} under {parent} from {on}.",
    ),
    "unit.renamed": ("Đã đổi tên {code} từ {on}.", "Renamed {code} from {on}."),
    "member.transferred": (
        "Đã chuyển sinh hoạt đảng viên {id} sang {unit} từ {on}.",
        "Transferred member {id} to {unit} from {on}.",
    ),
    "member.exited": (
        "Đảng viên {id} ra khỏi danh sách từ {on}.",
        "Member {id} left the roster on {on}.",
    ),
    "restructure.future": (
        "Ngày {day} chưa tới: chỉ ghi việc đã xảy ra.",
        "{day} is in the future: only acts that happened are recorded.",
    ),
    "restructure.closed_period": (
        "Ngày {day} thuộc kỳ {period} đã khóa sổ.",
        "{day} lies in period {period}, which is closed.",
    ),
    "unit.merge_self": (
        "Không thể hợp nhất đơn vị '{code}' vào chính nó.",
        "Unit '{code}' cannot be merged into itself.",
    ),
    "unit.merge_descendant": (
        "Không thể hợp nhất '{code}' vào '{into}' là đơn vị cấp dưới của nó.",
        "'{code}' cannot be merged into '{into}', one of its own sub-units.",
    ),
    "unit.merge_dissolved": (
        "Đơn vị '{code}' đã giải thể ngày {day}.",
        "Unit '{code}' was dissolved on {day}.",
    ),
    "unit.merge_twice": ("Một đơn vị được kể hai lần.", "A unit is listed twice."),
    "unit.merge_existing_options": (
        "Đơn vị '{code}' đã có: --name, --kind, --parent, --block chỉ dùng khi tạo mới.",
        "Unit '{code}' exists: --name, --kind, --parent, --block only apply to a new unit.",
    ),
    "unit.dissolved_on_day": (
        "Đơn vị '{code}' đã giải thể ngày {day}.",
        "Unit '{code}' was dissolved on {day}.",
    ),
    "unit.not_founded_yet": (
        "Đơn vị '{code}' thành lập ngày {day}, sau ngày đã cho.",
        "Unit '{code}' was founded on {day}, after the date given.",
    ),
    "unit.date_before_founding": (
        "Ngày đã cho không sau ngày thành lập của '{code}' ({day}).",
        "The date given is not after the founding of '{code}' ({day}).",
    ),
    "unit.date_before_state": (
        "'{code}' đã thay đổi từ {day}: ngày đã cho phải sau ngày đó.",
        "'{code}' last changed on {day}: the date given must be later.",
    ),
    "unit.not_on_day": (
        "Đơn vị '{code}' không tồn tại ngày {day}.",
        "Unit '{code}' did not exist on {day}.",
    ),
    "member.left_on_day": (
        "Đảng viên {id} đã ra khỏi danh sách ngày {day}.",
        "Member {id} left the roster on {day}.",
    ),
    "member.before_admission": (
        "Ngày đã cho trước ngày kết nạp đảng viên {id} ({day}).",
        "The date given is before member {id}'s admission ({day}).",
    ),
    "member.same_unit": (
        "Đảng viên {id} đang sinh hoạt ở '{code}'.",
        "Member {id} already belongs to '{code}'.",
    ),
    "import.successor_without_dissolved": (
        "Đơn vị '{code}' có đơn vị kế thừa nhưng không có ngày giải thể.",
        "Unit '{code}' has a successor but no dissolution date.",
    ),
    "demo.restructured": (
        "Từ 01/07/2025 (Nghị quyết 1686/NQ-UBTVQH15): 34 phường, xã của thành phố hợp nhất thành"
        " 7 phường trực thuộc tỉnh; Đảng bộ thành phố kết thúc. Kỳ 2021 vẫn như cũ (--as-of);"
        " nhiệm kỳ 2020-2025 tính đến cuối kỳ theo các phường mới:",
        "From 01/07/2025 (Resolution 1686/NQ-UBTVQH15): the city's 34 wards and communes merged"
        " into 7 wards under the province; the city committee ended. 2021 stays as it was"
        " (--as-of); the 2020-2025 term at its end counts for the new wards:",
    ),
    "member.date_before_state": (
        "Đảng viên {id} chuyển đến đơn vị hiện tại ngày {day}: ngày đã cho phải sau đó.",
        "Member {id} joined the current unit on {day}: the date given must be later.",
    ),
    # --- periods & quotas ----------------------------------------------------------------
    "help.quota": ("Chỉ tiêu kết nạp đảng viên.", "Admission quotas."),
    "help.quota.set": (
        "Đặt chỉ tiêu cho đơn vị trong một kỳ.",
        "Set a unit's quota for a period.",
    ),
    "help.quota.list": ("Liệt kê chỉ tiêu.", "List quotas."),
    "help.quota.import": ("Nhập chỉ tiêu từ tệp.", "Import quotas from a file."),
    "arg.period": (
        "Kỳ: năm (2022), nhiệm kỳ (2020-2025) hoặc tên kỳ đã khai báo.",
        "Period: a year (2022), a term (2020-2025) or a named period.",
    ),
    "arg.target": ("Số đảng viên cần kết nạp.", "Number of admissions to reach."),
    "opt.source": (
        "Nơi giao chỉ tiêu (vd. tinh, thanh-uy).",
        "Who set the quota (e.g. tinh, thanh-uy).",
    ),
    "period.not_found": (
        "Không có kỳ '{code}' (dùng năm 2022, nhiệm kỳ 2020-2025 hoặc 'period add').",
        "No period '{code}' (use a year 2022, a term 2020-2025, or 'period add').",
    ),
    "period.bad_range": (
        "Kỳ '{code}': ngày bắt đầu phải trước ngày kết thúc.",
        "Period '{code}': the start must come before the end.",
    ),
    "quota.saved": (
        "Đã đặt chỉ tiêu {unit} kỳ {period} ({source}): {target}.",
        "Set the quota of {unit} for {period} ({source}): {target}.",
    ),
    # --- undo: quota unset, unit remove, candidate void, confirmation (issue 14) -----------
    "opt.source_set": (
        "Nơi giao chỉ tiêu (vd. tinh, thanh-uy). Bỏ trống: sửa chỉ tiêu đã có của đơn vị "
        "trong kỳ (mới thì là cap-tren); ghi rõ để thêm chỉ tiêu thứ hai từ nơi khác.",
        "Who set the quota (e.g. tinh, thanh-uy). Left out: the unit's existing quota for "
        "the period is changed (a new one is cap-tren); name one to add a second quota.",
    ),
    "opt.source_unset": (
        "Nơi giao của chỉ tiêu cần xóa (khi đơn vị có nhiều chỉ tiêu trong kỳ).",
        "Which source's quota to remove (when the unit has several for the period).",
    ),
    "help.quota.unset": (
        "Xóa chỉ tiêu đặt nhầm của đơn vị trong một kỳ (nhật ký vẫn giữ lại).",
        "Remove a unit's quota set by mistake for a period (the audit trail keeps it).",
    ),
    "quota.which_source": (
        "{unit} có nhiều chỉ tiêu trong kỳ {period} ({sources}); chọn một bằng --source.",
        "{unit} has several quotas for {period} ({sources}); choose one with --source.",
    ),
    "quota.not_found": (
        "{unit} không có chỉ tiêu kỳ {period} (nơi giao: {source}).",
        "{unit} has no quota for {period} (source: {source}).",
    ),
    "quota.unset_confirm": (
        "Xóa chỉ tiêu {unit} kỳ {period} ({source}): {target}?",
        "Remove the quota of {unit} for {period} ({source}): {target}?",
    ),
    "quota.unset_done": (
        "Đã xóa chỉ tiêu {unit} kỳ {period} ({source}): {target}.",
        "Removed the quota of {unit} for {period} ({source}): {target}.",
    ),
    "help.unit.remove": (
        "Xóa đơn vị thêm nhầm, chưa có lịch sử (đơn vị đã có dữ liệu thì giải thể: "
        "unit edit --dissolved).",
        "Remove a unit added by mistake that has no history (a unit with data is dissolved "
        "instead: unit edit --dissolved).",
    ),
    "unit.has_history": (
        "Không xóa được đơn vị {code}: đã có {what}; hãy giải thể bằng "
        "`unit edit {code} --dissolved NGÀY`.",
        "Unit {code} cannot be removed: it has {what}; dissolve it with "
        "`unit edit {code} --dissolved DATE`.",
    ),
    "unit.history.sub_units": ("đơn vị trực thuộc", "sub-units"),
    "unit.history.people": ("người", "people"),
    "unit.history.quotas": ("chỉ tiêu", "quotas"),
    "unit.history.admissions": ("quyết định kết nạp", "admissions"),
    "unit.history.members": ("đảng viên", "members"),
    "unit.history.classes": ("lớp bồi dưỡng", "classes"),
    "unit.remove_confirm": (
        "Xóa đơn vị {code} ({unit_name})?",
        "Remove unit {code} ({unit_name})?",
    ),
    "unit.removed": ("Đã xóa đơn vị {code} ({unit_name}).", "Removed unit {code} ({unit_name})."),
    "help.step.void": (
        "Hủy một hồ sơ quần chúng ghi nhầm, hoặc một bước ghi nhầm (--event); "
        "nhật ký và lịch sử vẫn giữ lại.",
        "Void a candidate registered by mistake, or one wrongly recorded step (--event); "
        "the history and the audit trail keep it.",
    ),
    "opt.void_reason": ("Lý do hủy.", "Why it is voided."),
    "opt.void_event": (
        "Chỉ hủy bước (sự kiện) mang mã này, không hủy cả hồ sơ.",
        "Void only the step (event) with this id, not the whole registration.",
    ),
    "void.person_confirm": (
        "Hủy hồ sơ quần chúng {id} ({name})?",
        "Void the registration of candidate {id} ({name})?",
    ),
    "void.person_done": (
        "Đã hủy hồ sơ quần chúng {id}; nhật ký vẫn giữ lại.",
        "Voided the registration of candidate {id}; the audit trail keeps it.",
    ),
    "void.event_confirm": (
        "Hủy bước {event} của người {id}?",
        "Void step {event} of person {id}?",
    ),
    "void.event_done": (
        "Đã hủy bước {event} của người {id}.",
        "Voided step {event} of person {id}.",
    ),
    "pipeline.void_sourced": (
        "Bước {event} là bước tạo nguồn; để hủy cả hồ sơ dùng `candidate void {id}`.",
        "Step {event} is the registration itself; to void it use `candidate void {id}`.",
    ),
    "pipeline.void_needed": (
        "Không hủy được bước {event} ({step}): bước {later_event} ({later}) dựa trên nó; "
        "hãy hủy bước đó trước.",
        "Step {event} ({step}) cannot be voided: step {later_event} ({later}) rests on it; "
        "void that one first.",
    ),
    "pipeline.void_admitted": (
        "Người {id} đã có quyết định kết nạp; hãy hủy từng bước từ bước mới nhất "
        "(--event) trước khi hủy hồ sơ.",
        "Person {id} has an admission decision; void the steps one by one from the latest "
        "(--event) before voiding the registration.",
    ),
    "step.void": ("hủy", "void"),
    "timeline.voids": ("[hủy bước {event}]", "[voids step {event}]"),
    "confirm.needs_yes": (
        "Thao tác này xóa hoặc hủy dữ liệu và cần xác nhận; chạy lại với --yes.",
        "This removes or voids data and needs confirming; run it again with --yes.",
    ),
    "confirm.declined": ("Đã thôi; không thay đổi gì.", "Cancelled; nothing changed."),
    # --- candidates ----------------------------------------------------------------------
    "help.candidate": (
        "Quần chúng ưu tú và các bước kết nạp.",
        "Candidates and the steps to admission.",
    ),
    "help.candidate.add": (
        "Đăng ký một quần chúng ưu tú (in ra mã số mới).",
        "Register a candidate (prints the new id).",
    ),
    "help.candidate.list": ("Liệt kê quần chúng.", "List candidates."),
    "help.candidate.show": ("Xem hồ sơ và tiến trình.", "Show a candidate and their progress."),
    "help.candidate.import": ("Nhập quần chúng từ tệp.", "Import candidates from a file."),
    "arg.full_name": ("Họ và tên.", "Full name."),
    "arg.person_id": ("Mã số người.", "Person id."),
    "opt.birth": ("Ngày sinh.", "Birth date."),
    "opt.gender": ("Giới tính: {choices}.", "Gender: {choices} (male, female)."),
    "opt.ethnicity": ("Dân tộc.", "Ethnicity."),
    "opt.religion": ("Tôn giáo.", "Religion."),
    "opt.education": (
        "Trình độ phổ thông: biet-doc-viet, tieu-hoc, thcs, thpt.",
        "General education: biet-doc-viet, tieu-hoc, thcs, thpt.",
    ),
    "opt.national_id": ("Số CCCD (12 chữ số).", "National ID (CCCD, 12 digits)."),
    "opt.unit": ("Mã đơn vị.", "Unit code."),
    "opt.stage": ("Giai đoạn: {choices}.", "Stage: {choices}."),
    "opt.search": (
        "Tìm theo tên, có dấu hay không dấu.",
        "Search by name, with or without diacritics.",
    ),
    "person.not_found": ("Không có người mã số {id}.", "No person with id {id}."),
    "person.duplicate_national_id": (
        "Số CCCD này đã thuộc về người mã số {other}.",
        "This national ID already belongs to person {other}.",
    ),
    "candidate.added": ("Đã đăng ký, mã số {id}.", "Registered, id {id}."),
    # --- admissions ----------------------------------------------------------------------
    "help.admission": ("Quyết định kết nạp, lễ kết nạp, chính thức.", "Admissions."),
    "help.admission.record": (
        "Ghi quyết định kết nạp của một quần chúng.",
        "Record a candidate's admission decision.",
    ),
    "opt.decision": ("Số quyết định.", "Decision number."),
    "opt.date": ("Ngày.", "Date."),
    "opt.ceremony": ("Ngày lễ kết nạp.", "Ceremony date."),
    "opt.body": ("Cơ quan ra quyết định.", "Issuing body."),
    "admission.recorded": (
        "Đã ghi quyết định {decision} ngày {date} cho mã số {id}.",
        "Recorded decision {decision} of {date} for id {id}.",
    ),
    "admission.already": (
        "Người mã số {id} đã có quyết định kết nạp {decision}.",
        "Person {id} already has admission decision {decision}.",
    ),
    # --- members -------------------------------------------------------------------------
    "help.member": ("Danh sách đảng viên của đơn vị.", "Unit rosters."),
    "help.member.list": ("Liệt kê đảng viên.", "List members."),
    "help.member.import": (
        "Nhập danh sách đảng viên của một đơn vị.",
        "Import a unit's member roster.",
    ),
    # --- reports -------------------------------------------------------------------------
    "help.report": ("Báo cáo cho cấp ủy và cho script.", "Reports for the committee and scripts."),
    "help.report.quota": (
        "Tiến độ thực hiện chỉ tiêu theo đơn vị.",
        "Progress against quotas, per unit.",
    ),
    "opt.as_of": ("Tính tiến độ đến ngày (mặc định: hôm nay).", "Pace as of this date (today)."),
    "opt.by": ("Nhóm theo: unit hoặc block.", "Group by: unit or block."),
    "opt.depth": ("Số cấp hiển thị.", "How many levels to show."),
    "opt.fail_under": (
        "Thoát với mã 3 nếu có đơn vị dưới tỷ lệ này (%).",
        "Exit 3 when a listed unit is below this percent.",
    ),
    "report.fail_under": (
        "{count} đơn vị dưới {pct} chỉ tiêu.",
        "{count} units are below {pct} of their quota.",
    ),
    "report.no_rows": ("Không có dữ liệu.", "No data."),
    # --- demo ----------------------------------------------------------------------------
    "help.demo": (
        "Tạo cơ sở dữ liệu mẫu từ examples/ và in bảng chỉ tiêu 2021.",
        "Build the example database from examples/ and print the 2021 quota table.",
    ),
    "demo.loaded": (
        "Đã nạp dữ liệu mẫu vào {where}: {units} đơn vị, {candidates} quần chúng.",
        "Loaded the example data into {where}: {units} units, {candidates} candidates.",
    ),
    "demo.not_empty": (
        "{where} đã có dữ liệu; không nạp lại dữ liệu mẫu (dùng --db với một tệp mới).",
        "{where} already holds data; the example data was not loaded again "
        "(use --db with a new file).",
    ),
    # --- imports -------------------------------------------------------------------------
    "opt.encoding": (
        "Bảng mã của tệp (mặc định: tự nhận biết).",
        "File encoding (default: detected).",
    ),
    "opt.delimiter": ("Dấu phân cách cột.", "Column delimiter."),
    "opt.sheet": ("Trang tính (tệp .xlsx).", "Worksheet (.xlsx files)."),
    "opt.dry_run": ("Chỉ kiểm tra, không ghi.", "Check only, write nothing."),
    "opt.errors": ("Ghi các dòng lỗi ra tệp CSV.", "Write the bad rows to a CSV file."),
    "opt.quiet": ("Không hiện tiến trình.", "No progress display."),
    "import.file_not_found": ("Không tìm thấy tệp {path}.", "File not found: {path}."),
    "import.bad_rows": (
        "Tệp {path} có {count} dòng lỗi; không ghi gì. Dòng đầu: {first}",
        "{path} has {count} bad rows; nothing was written. First: {first}",
    ),
    "import.row_error": (
        "dòng {line}, cột {column} = '{value}': {reason}",
        "line {line}, column {column} = '{value}': {reason}",
    ),
    "import.missing_columns": (
        "Tệp {path} thiếu cột bắt buộc: {columns}.",
        "{path} lacks required columns: {columns}.",
    ),
    "import.unknown_columns": (
        "Tệp {path} có cột không nhận ra: {columns}.",
        "{path} has columns that are not recognised: {columns}.",
    ),
    "import.empty": ("Tệp {path} không có dữ liệu.", "{path} holds no data."),
    "import.summary": (
        "{path} ({encoding}): {new} mới, {updated} cập nhật, {unchanged} không đổi.",
        "{path} ({encoding}): {new} new, {updated} updated, {unchanged} unchanged.",
    ),
    "import.dry_run": ("Chạy thử: không ghi gì.", "Dry run: nothing was written."),
    "import.bad_encoding": (
        "Không đọc được tệp {path} với bảng mã {encoding}: {reason}",
        "Cannot read {path} as {encoding}: {reason}",
    ),
    "import.bad_file": ("Không đọc được tệp {path}: {reason}", "Cannot read {path}: {reason}"),
    # --- hostile files and text (issue 13: bounded, refused at the door) -----------------
    "import.header_too_long": (
        "Dòng tiêu đề của tệp {path} dài hơn {limit} ký tự: đây không phải bảng dữ liệu.",
        "The header line of {path} is longer than {limit} characters: not a data table.",
    ),
    "import.too_many_columns": (
        "Tệp {path} có {count} cột, quá giới hạn {limit} cột.",
        "{path} has {count} columns, more than the limit of {limit}.",
    ),
    "import.line_too_long": (
        "Tệp {path}, dòng {line}: dòng dài hơn {limit} ký tự; không đọc tiếp.",
        "{path}, line {line}: the line is longer than {limit} characters; reading stopped.",
    ),
    "import.cell_too_long": (
        "Tệp {path}, dòng {line}: một ô dài hơn {limit} ký tự (giới hạn của Excel).",
        "{path}, line {line}: a cell is longer than {limit} characters (Excel's limit).",
    ),
    "import.xlsx_cell_too_long": (
        "Tệp {path} có một ô dài hơn {limit} ký tự (giới hạn của Excel).",
        "{path} holds a cell longer than {limit} characters (Excel's limit).",
    ),
    "import.xlsx_too_big": (
        "Tệp {path} không được nhận: phần {part} nén {packed} KB mà giải nén ra {size} MB, "
        "quá giới hạn; đây không phải bảng tính thường.",
        "{path} refused: its part {part} of {packed} KB unpacks to {size} MB, over the "
        "limit; this is no ordinary spreadsheet.",
    ),
    "import.too_many_errors": (
        "Tệp {path} có quá {count} dòng lỗi; ngừng đọc ở dòng {line}, không ghi gì. "
        "Dòng đầu: {first}",
        "{path} has over {count} bad rows; reading stopped at line {line}, nothing was "
        "written. First: {first}",
    ),
    "import.errors_is_input": (
        "--errors {path} là chính tệp đang nhập: chọn tệp khác để ghi các dòng lỗi.",
        "--errors {path} is the file being imported: choose another file for the bad rows.",
    ),
    "text.control_char": (
        "Có ký tự điều khiển {char} (không in được) trong {field}.",
        "{field} holds the control character {char}, which cannot be printed.",
    ),
    "text.invisible_char": (
        "Có ký tự ẩn {char} trong mã '{value}'.",
        "The code '{value}' holds the invisible character {char}.",
    ),
    "text.not_utf8": (
        "{field} có byte không phải UTF-8: gõ lại giá trị này.",
        "{field} holds bytes that are not UTF-8: type the value again.",
    ),
    "text.not_utf8_path": (
        "Tên tệp của {field} có byte không phải UTF-8: đổi tên tệp rồi chạy lại.",
        "The file name given to {field} holds bytes that are not UTF-8: rename the file.",
    ),
    "error.number_out_of_range": (
        "Số '{value}' của {field} ngoài khoảng cho phép (tối đa {limit}).",
        "The number '{value}' for {field} is out of range (at most {limit}).",
    ),
    "error.date_out_of_range": (
        "Ngày '{value}' ngoài khoảng {low}–{high}.",
        "The date '{value}' is outside {low}–{high}.",
    ),
    "error.out_of_range": (
        "Một số hoặc ngày đã cho quá lớn hoặc quá nhỏ để tính được.",
        "A number or date given is too large or too small to compute with.",
    ),
    "error.os": ("Không thực hiện được: {reason}.", "Cannot do it: {reason}."),
    "db.disk_full": (
        "Không ghi được vào cơ sở dữ liệu (đĩa đầy hoặc lỗi đọc ghi: {reason}); không ghi gì.",
        "Cannot write to the database (disk full or I/O error: {reason}); nothing was written.",
    ),
    "db.damaged": (
        "Tệp cơ sở dữ liệu bị hỏng ({reason}): chạy `dangvien db check`, rồi khôi phục bản sao "
        "lưu bằng `dangvien db restore TỆP --yes`.",
        "The database file is damaged ({reason}): run `dangvien db check`, then restore a "
        "backup with `dangvien db restore FILE --yes`.",
    ),
    "db.bad_url": (
        "Địa chỉ cơ sở dữ liệu không hợp lệ: {reason}.",
        "The database address is not valid: {reason}.",
    ),
    # --- column headers ------------------------------------------------------------------
    "col.id": ("Mã số", "ID"),
    "col.code": ("Mã", "Code"),
    "col.name": ("Tên", "Name"),
    "col.kind": ("Loại", "Kind"),
    "col.parent": ("Cấp trên", "Parent"),
    "col.block": ("Khối", "Block"),
    "col.founded_on": ("Ngày thành lập", "Founded"),
    "col.members": ("Đảng viên", "Members"),
    "col.official_members": ("Chính thức", "Official"),
    "col.probationary_members": ("Dự bị", "Probationary"),
    "col.key_position_members": ("Giữ vị trí chủ chốt", "In key positions"),
    "col.key_position_percent": ("Tỷ lệ chủ chốt", "Key-position share"),
    "col.sub_units": ("Tổ chức trực thuộc", "Sub-units"),
    "col.candidates_in_progress": ("Quần chúng đang bồi dưỡng", "Candidates in progress"),
    "col.admissions": ("Đã kết nạp", "Admitted"),
    "col.admitted": ("Kết nạp", "Admitted"),
    "col.admitted_on": ("Ngày vào Đảng", "Admitted on"),
    "col.birth_date": ("Ngày sinh", "Born"),
    "col.ceremony_date": ("Ngày lễ kết nạp", "Ceremony"),
    "col.closed": ("Đã khóa", "Closed"),
    "col.column": ("Cột", "Column"),
    "col.date": ("Ngày", "Date"),
    "col.decision_date": ("Ngày quyết định", "Decision date"),
    "col.decision_no": ("Số quyết định", "Decision no."),
    "col.official_date": ("Ngày chính thức", "Official on"),
    "col.detail": ("Chi tiết", "Detail"),
    "col.document_no": ("Số văn bản", "Document"),
    "col.education": ("Trình độ phổ thông", "Education"),
    "col.encoding": ("Bảng mã", "Encoding"),
    "col.start_on": ("Từ ngày", "From"),
    "col.end_on": ("Đến ngày", "To"),
    "col.ethnicity": ("Dân tộc", "Ethnicity"),
    "col.religion": ("Tôn giáo", "Religion"),
    "col.full_name": ("Họ và tên", "Full name"),
    "col.gender": ("Giới tính", "Gender"),
    "col.issuer": ("Nơi ban hành", "Issued by"),
    "col.key_position": ("Chủ chốt", "Key position"),
    "col.line": ("Dòng", "Line"),
    "col.member_status": ("Loại đảng viên", "Status"),
    "col.national_id": ("Số CCCD", "National ID"),
    "col.new": ("Mới", "New"),
    "col.updated": ("Cập nhật", "Updated"),
    "col.unchanged": ("Không đổi", "Unchanged"),
    "col.rows": ("Số dòng", "Rows"),
    "col.next_step": ("Bước tiếp theo", "Next step"),
    "col.next_deadline": ("Hạn", "Deadline"),
    "col.percent": ("Tỷ lệ", "Percent"),
    "col.period": ("Kỳ", "Period"),
    "col.position": ("Chức vụ", "Position"),
    "col.progress": ("Tiến độ", "Progress"),
    "col.reason": ("Lý do", "Reason"),
    "col.remaining": ("Còn", "Left"),
    "col.source": ("Nguồn", "Source"),
    "col.stage": ("Giai đoạn", "Stage"),
    "col.stage_on": ("Từ ngày", "Since"),
    "col.status": ("Đánh giá", "Status"),
    "col.step": ("Bước", "Step"),
    "col.target": ("Chỉ tiêu", "Target"),
    "col.unit": ("Đơn vị", "Unit"),
    "col.unit_code": ("Mã đơn vị", "Unit code"),
    "col.value": ("Giá trị", "Value"),
    "value.yes": ("có", "yes"),
    # --- titles --------------------------------------------------------------------------
    "title.units": ("Tổ chức đảng", "Party units"),
    "title.sub_units": ("Tổ chức trực thuộc", "Sub-units"),
    "title.quotas": ("Chỉ tiêu kết nạp đảng viên", "Admission quotas"),
    "title.quota": (
        "Thực hiện chỉ tiêu kết nạp đảng viên kỳ {period} (đến {as_of})",
        "Admissions against quota, period {period} (as of {as_of})",
    ),
    "title.candidates": ("Quần chúng ưu tú", "Candidates"),
    "title.members": ("Danh sách đảng viên", "Members"),
    "title.timeline": ("Quá trình", "Timeline"),
    "title.documents": ("Hồ sơ", "Dossier"),
    "timeline.superseded": ("[đã đính chính]", "[superseded]"),
    # --- closed vocabularies -------------------------------------------------------------
    "status.vuot": ("vượt", "exceeded"),
    "status.dat": ("đạt", "met"),
    "status.dung-tien-do": ("đúng tiến độ", "on pace"),
    "status.cham": ("chậm", "behind"),
    "status.chua-giao": ("chưa giao", "no quota"),
    "block.xa-phuong": ("Xã, phường", "Wards and communes"),
    "block.doanh-nghiep": ("Doanh nghiệp", "Enterprises"),
    "block.hanh-chinh-su-nghiep": ("Hành chính, sự nghiệp", "Administration, public service"),
    "block.luc-luong-vu-trang": ("Lực lượng vũ trang", "Armed forces"),
    "block.khac": ("Khác", "Other"),
    "member.official": ("chính thức", "official"),
    "member.probationary": ("dự bị", "probationary"),
    # --- codes shown in tables (tables branch; JSON/CSV keep the codes) ---------------
    "unit_kind.dang-bo-cap-tren": ("Đảng bộ cấp trên cơ sở", "Higher-level committee"),
    "unit_kind.dang-bo-co-so": ("Đảng bộ cơ sở", "Grassroots committee"),
    "unit_kind.chi-bo-co-so": ("Chi bộ cơ sở", "Grassroots cell"),
    "unit_kind.dang-bo-bo-phan": ("Đảng bộ bộ phận", "Sub-committee"),
    "unit_kind.chi-bo-truc-thuoc": ("Chi bộ trực thuộc", "Affiliated cell"),
    "education.biet-doc-viet": ("biết đọc, biết viết", "literate"),
    "education.tieu-hoc": ("tiểu học", "primary school"),
    "education.thcs": ("trung học cơ sở", "lower secondary"),
    "education.thpt": ("trung học phổ thông", "upper secondary"),
    "period_kind.year": ("năm", "year"),
    "period_kind.term": ("nhiệm kỳ", "term"),
    "period_kind.range": ("khoảng ngày", "date range"),
    "quota_source.cap-tren": ("cấp trên", "higher committee"),
    "quota_source.thanh-uy": ("Thành ủy", "city committee"),
    "quota_source.tinh-uy": ("Tỉnh ủy", "provincial committee"),
    "quota_source.tinh": ("tỉnh", "province"),
    "quota_source.huyen-uy": ("Huyện ủy", "district committee"),
    "quota_source.dang-uy": ("Đảng ủy", "Party committee"),
    "audit_action.add": ("thêm", "add"),
    "audit_action.edit": ("sửa", "edit"),
    "audit_action.update": ("cập nhật", "update"),
    "audit_action.correct": ("đính chính", "correct"),
    "audit_action.close": ("khóa sổ", "close"),
    "audit_action.reopen": ("mở lại", "reopen"),
    "audit_action.override": ("sửa kỳ đã khóa", "change a closed period"),
    "audit_action.enroll": ("ghi danh", "enrol"),
    "audit_action.results": ("ghi kết quả", "record results"),
    "audit_action.import-update": ("cập nhật khi nhập tệp", "update by import"),
    "audit_action.units": ("nhập đơn vị", "import units"),
    "audit_action.candidates": ("nhập quần chúng", "import candidates"),
    "audit_action.quotas": ("nhập chỉ tiêu", "import quotas"),
    "audit_action.members": ("nhập đảng viên", "import members"),
    "audit_entity.unit": ("đơn vị", "unit"),
    "audit_entity.person": ("người", "person"),
    "audit_entity.member": ("đảng viên", "member"),
    "audit_entity.period": ("kỳ", "period"),
    "audit_entity.quota": ("chỉ tiêu", "quota"),
    "audit_entity.import": ("tệp nhập", "import"),
    "audit_entity.database": ("cơ sở dữ liệu", "database"),
    "audit_entity.training_class": ("lớp bồi dưỡng", "training class"),
    "audit_entity.pipeline_event": ("bước kết nạp", "pipeline step"),
    "audit_entity.rule_exception": ("ngoại lệ quy định", "rule exception"),
    "stage.sourced": ("tạo nguồn", "sourced"),
    "stage.trained": ("đã học lớp", "trained"),
    "stage.applied": ("đã nộp đơn", "applied"),
    "stage.voted": ("chi bộ đã xét", "cell voted"),
    "stage.recommended": ("đảng ủy đề nghị", "recommended"),
    "stage.admitted": ("có quyết định", "decided"),
    "stage.probationary": ("dự bị", "probationary"),
    "stage.official": ("chính thức", "official"),
    "stage.rejected": ("không kết nạp", "rejected"),
    "stage.withdrawn": ("rút", "withdrawn"),
    "stage.struck-off": ("xóa tên", "struck off"),
    "step.sourced": ("tạo nguồn", "sourced"),
    "step.mentor": ("phân công giúp đỡ", "mentor assigned"),
    "step.class": ("học lớp nhận thức về Đảng", "awareness class"),
    "step.introducers": ("người giới thiệu", "introducers"),
    "step.application": ("đơn xin vào Đảng", "application"),
    "step.dossier": ("hồ sơ", "dossier item"),
    "step.background-check": ("thẩm tra lý lịch", "background check"),
    "step.cell-vote": ("chi bộ xét kết nạp", "cell vote"),
    "step.committee-resolution": ("nghị quyết đảng ủy", "committee resolution"),
    "step.decision": ("quyết định kết nạp", "admission decision"),
    "step.ceremony": ("lễ kết nạp", "ceremony"),
    "step.official": ("công nhận chính thức", "official membership"),
    "step.rejected": ("không kết nạp", "rejected"),
    "step.withdrawn": ("rút khỏi danh sách", "withdrawn"),
    "step.struck-off": ("xóa tên đảng viên dự bị", "struck off"),
    "step.recognition-failed": ("chi bộ không công nhận chính thức", "not recognised"),
    # --- pipeline ------------------------------------------------------------------------
    "help.step.mentor": ("Phân công đảng viên giúp đỡ (một kèm một).", "Assign a mentor."),
    "help.step.class": (
        "Ghi kết quả lớp bồi dưỡng nhận thức về Đảng và giấy chứng nhận.",
        "Record the awareness class result and certificate.",
    ),
    "help.step.introducers": ("Ghi người giới thiệu.", "Record the introducers."),
    "help.step.application": ("Ghi đơn xin vào Đảng (1-KNĐ).", "Record the application."),
    "help.step.dossier": (
        "Ghi một tài liệu của hồ sơ (vd. 2-KNĐ, 5-KNĐ).",
        "Record a dossier item (e.g. 2-KNĐ, 5-KNĐ).",
    ),
    "help.step.background": ("Ghi kết quả thẩm tra lý lịch.", "Record the background check."),
    "help.step.vote": (
        "Ghi nghị quyết chi bộ đề nghị kết nạp (số tán thành / số đảng viên chính thức).",
        "Record the cell's vote (votes for / official members).",
    ),
    "help.step.recommend": (
        "Ghi nghị quyết đảng ủy cơ sở đề nghị kết nạp.",
        "Record the grassroots committee's resolution.",
    ),
    "help.step.reject": ("Ghi không kết nạp.", "Record a rejection."),
    "help.step.withdraw": ("Ghi rút khỏi danh sách.", "Record a withdrawal."),
    "help.step.correct": (
        "Đính chính một bước đã ghi (bước cũ được giữ lại trong lịch sử).",
        "Correct a recorded step (the old one stays in the history).",
    ),
    "help.step.exception": (
        "Ghi ngoại lệ đã được cấp trên chấp thuận cho một quy định.",
        "Record an exception a higher body approved for one rule.",
    ),
    "arg.dossier_item": ("Tài liệu (vd. 2-KNĐ).", "Dossier item (e.g. 2-KNĐ)."),
    "arg.file": (
        "Tệp CSV hoặc .xlsx; - để đọc từ đầu vào chuẩn.",
        "CSV or .xlsx file; - reads standard input.",
    ),
    "opt.document": ("Số văn bản.", "Document number."),
    "opt.certificate": ("Số giấy chứng nhận.", "Certificate number."),
    "opt.result": ("Kết quả: {choices}.", "Result: {choices}."),
    "opt.issuer": ("Nơi cấp.", "Issued by."),
    "opt.introducer": (
        "Người giới thiệu: 'Họ tên' hoặc 'Họ tên:số tháng cùng công tác' (lặp lại).",
        "Introducer: 'Name' or 'Name:months together' (repeat).",
    ),
    "opt.route": ("Cách giới thiệu: {choices}.", "Route: {choices}."),
    "opt.votes_for": ("Số tán thành.", "Votes for."),
    "opt.official_members": (
        "Số đảng viên chính thức của chi bộ (lấy từ danh sách đảng viên nếu chi bộ đã có).",
        "Official members of the cell (taken from its roster when it has one).",
    ),
    "opt.committee_members": ("Số cấp ủy viên.", "Committee members."),
    "opt.event": ("Mã bước cần đính chính.", "Id of the step to correct."),
    "opt.reason": ("Lý do.", "Reason."),
    "opt.rule": ("Mã quy định (vd. R2).", "Rule code (e.g. R2)."),
    "opt.approved_by": ("Cấp chấp thuận.", "Approving body."),
    "opt.mentor": ("Đảng viên giúp đỡ.", "Mentor."),
    "opt.sourced": ("Ngày tạo nguồn (mặc định hôm nay).", "Date sourced (default today)."),
    "opt.occupation": ("Nghề nghiệp.", "Occupation."),
    "opt.phone": ("Số điện thoại.", "Phone."),
    "opt.youth_union": ("Là đoàn viên.", "Youth Union member."),
    "opt.special": (
        "Trường hợp đặc biệt (gia hạn thời hạn quyết định).",
        "Special case (extended decision deadline).",
    ),
    "opt.member_status": ("Chính thức hay dự bị: {choices}.", "Status: {choices}."),
    "opt.start": ("Ngày bắt đầu.", "Start date."),
    "opt.end": ("Ngày kết thúc.", "End date."),
    "opt.period_name": ("Tên kỳ.", "Period name."),
    "step.recorded": (
        "Đã ghi {step} ngày {date} cho mã số {id} (bước {event}).",
        "Recorded {step} on {date} for id {id} (step {event}).",
    ),
    "candidate.next": (
        "Bước tiếp theo: {step}; hạn ({of}): {deadline}.",
        "Next: {step}; deadline ({of}): {deadline}.",
    ),
    "candidate.next_no_deadline": (
        "Bước tiếp theo: {step}.",
        "Next: {step}.",
    ),
    "exception.line": (
        "Ngoại lệ {rule}: {body}, văn bản {document} {date} — {reason}",
        "Exception {rule}: {body}, document {document} {date} — {reason}",
    ),
    "exception.recorded": (
        "Đã ghi ngoại lệ {rule} cho mã số {id}.",
        "Recorded exception {rule} for id {id}.",
    ),
    "pipeline.closed": (
        "Người mã số {id} đã kết thúc quá trình ({stage}); không thể ghi thêm bước.",
        "Person {id} has left the pipeline ({stage}); no further step can be recorded.",
    ),
    "pipeline.needs": (
        "Bước {step} cần có bước {before} trước.",
        "Step {step} needs {before} first.",
    ),
    "pipeline.already": (
        "Người mã số {id} đã có bước {step}; dùng 'candidate correct' để đính chính.",
        "Person {id} already has {step}; use 'candidate correct' to correct it.",
    ),
    "pipeline.already_admitted": (
        "Người mã số {id} đã có quyết định kết nạp.",
        "Person {id} already has an admission decision.",
    ),
    "pipeline.not_probationary": (
        "Người mã số {id} không phải đảng viên dự bị.",
        "Person {id} is not a probationary member.",
    ),
    "pipeline.bad_supersedes": (
        "Bước {event} không thuộc người mã số {id}.",
        "Step {event} does not belong to person {id}.",
    ),
    # --- periods, members, imports -------------------------------------------------------
    "help.period": ("Kỳ báo cáo: năm, nhiệm kỳ, khoảng ngày.", "Periods: years, terms, ranges."),
    "help.period.add": ("Khai báo một kỳ có tên.", "Declare a named period."),
    "help.period.list": ("Liệt kê các kỳ.", "List periods."),
    "period.saved": ("Đã lưu kỳ {code}.", "Saved period {code}."),
    "help.admission.ceremony": ("Ghi lễ kết nạp.", "Record the ceremony."),
    "help.admission.confirm": (
        "Ghi công nhận đảng viên chính thức.",
        "Record official membership.",
    ),
    "help.admission.strike": (
        "Xóa tên khỏi danh sách đảng viên dự bị.",
        "Strike off a probationary member.",
    ),
    "help.admission.list": ("Liệt kê các quyết định kết nạp.", "List admissions."),
    "member.outside_unit": (
        "Đơn vị '{code}' không thuộc {unit}.",
        "Unit '{code}' is not under {unit}.",
    ),
    "import.duplicate_in_file": (
        "'{value}' trùng với dòng {first} của tệp.",
        "'{value}' repeats line {first} of the file.",
    ),
    # --- reports (issue #4) --------------------------------------------------------------
    "help.report.pipeline": (
        "Quần chúng ở từng bước; vào, chuyển bước, dừng trong kỳ; số ngày trung vị.",
        "Candidates at each stage; entered, advanced, dropped in a period; median days.",
    ),
    "help.report.composition": (
        "Cơ cấu đảng viên mới kết nạp theo Biểu 2-BTCTW, so với cùng kỳ năm trước.",
        "New members by the rows of form 2-BTCTW, against the same period last year.",
    ),
    "help.report.deadlines": (
        "Việc đến hạn, quá hạn theo quy định (R8, R17, R18, R19, R20) và quần chúng dừng lâu.",
        "Acts due or overdue by the rules (R8, R17, R18, R19, R20) and stalled candidates.",
    ),
    "help.report.behind": (
        "Đơn vị chậm tiến độ và số cần kết nạp mỗi tháng còn lại.",
        "Units behind pace and what they need per remaining month.",
    ),
    "opt.output": (
        "Ghi ra tệp: .xlsx (có định dạng và biểu đồ), .json, .csv, .tsv.",
        "Write to a file: .xlsx (formatted, with a chart), .json, .csv, .tsv.",
    ),
    "opt.within": ("Xem trước số ngày này (mặc định 30).", "Days ahead to include (default 30)."),
    "opt.stalled": (
        "Coi là dừng lâu sau số ngày này ở một bước (mặc định 180).",
        "Stalled after this many days at one stage (default 180).",
    ),
    "opt.period_this_year": (
        "Kỳ: năm, nhiệm kỳ hoặc tên kỳ (mặc định: năm nay).",
        "Period: a year, a term or a named period (default: this year).",
    ),
    "opt.as_of_day": ("Tính đến ngày (mặc định: hôm nay).", "As of this date (default: today)."),
    "report.total": ("Tổng cộng ({units} đơn vị)", "Total ({units} unit(s))"),
    "title.quota_pace": (
        "Thực hiện chỉ tiêu kết nạp đảng viên kỳ {period} "
        "(đến {as_of}: đã qua {elapsed} thời gian)",
        "Admissions against quota, period {period} (as of {as_of}: {elapsed} of the time gone)",
    ),
    "report.total_row": ("Tổng cộng", "Total"),
    "report.no_block": ("Chưa xếp khối", "No block"),
    "report.written": ("Đã ghi {path}.", "Wrote {path}."),
    "report.bad_output": (
        "--output: cần tệp .xlsx, .json, .csv hoặc .tsv, không phải '{path}'.",
        "--output: expected a .xlsx, .json, .csv or .tsv file, not '{path}'.",
    ),
    "report.cannot_write": ("Không ghi được {path}: {reason}", "Cannot write {path}: {reason}"),
    "title.pipeline": (
        "Quần chúng theo từng bước, kỳ {period} ({start}–{end})",
        "Candidates by stage, period {period} ({start}–{end})",
    ),
    "title.composition": (
        "Đảng viên mới kết nạp (Biểu 2-BTCTW), kỳ {period} ({start}–{end})",
        "New members (form 2-BTCTW), period {period} ({start}–{end})",
    ),
    "title.deadlines": (
        "Việc đến hạn và quá hạn, đến {as_of} và {within} ngày tới",
        "Due and overdue as of {as_of} and the next {within} days",
    ),
    "title.behind": (
        "Đơn vị chậm tiến độ kỳ {period} (đến {as_of})",
        "Units behind pace, period {period} (as of {as_of})",
    ),
    "xlsx.sheet": ("Báo cáo", "Report"),
    "xlsx.chart_sheet": ("Biểu đồ", "Chart"),
    "col.expected": ("Cần đạt", "Due now"),
    "col.units": ("Số đơn vị", "Units"),
    "col.units_without_quota": ("Chưa giao", "No quota"),
    "col.now": ("Hiện có", "Now"),
    "col.entered": ("Vào", "Entered"),
    "col.advanced": ("Qua bước", "Advanced"),
    "col.dropped": ("Dừng", "Dropped"),
    "col.conversion": ("Tỷ lệ qua", "Conversion"),
    "col.median_days": ("Trung vị ngày", "Median days"),
    "col.unit_stage": ("Đơn vị, giai đoạn", "Unit, stage"),
    "col.item": ("Nội dung", "Item"),
    "col.current": ("Kỳ này", "This period"),
    "col.previous": ("Cùng kỳ năm trước", "Same period last year"),
    "col.ratio": ("So sánh", "Ratio"),
    "col.deadline": ("Hạn", "Deadline"),
    "col.when": ("Còn lại", "Time left"),
    "col.rule": ("Quy định", "Rule"),
    "col.rule_source": ("Căn cứ", "Source"),
    "col.since": ("Bắt đầu", "Since"),
    "col.shortfall": ("Thiếu", "Short"),
    "col.months_left": ("Số tháng", "Months"),
    "col.needed_per_month": ("Cần/tháng", "Per month"),
    "deadline.decision": ("quyết định kết nạp", "admission decision"),
    "deadline.ceremony": ("lễ kết nạp", "ceremony"),
    "deadline.probation-end": ("hết dự bị", "probation ends"),
    "deadline.official-review": ("xét chính thức", "official review"),
    "deadline.certificate": ("hết hạn chứng nhận", "certificate expires"),
    "deadline.stalled": ("dừng lâu", "stalled"),
    "deadline.overdue": ("quá {days} ngày", "{days} days late"),
    "deadline.left": ("còn {days} ngày", "{days} days left"),
    "deadline.today": ("hôm nay", "today"),
    "bieu2.section.general": ("I. Đảng viên mới kết nạp", "I. New members"),
    "bieu2.section.occupation": ("II.1. Nghề nghiệp", "II.1. Occupation"),
    "bieu2.section.age": ("II.2. Tuổi đời", "II.2. Age"),
    "bieu2.section.education": ("II.3. Giáo dục phổ thông", "II.3. General education"),
    "bieu2.section.professional": ("II.4. Chuyên môn nghiệp vụ", "II.4. Professional education"),
    "bieu2.total": ("Tổng số đảng viên mới kết nạp", "New members, total"),
    "bieu2.women": ("Trong đó: nữ", "of whom: women"),
    "bieu2.ethnic-minority": ("Dân tộc thiểu số", "ethnic minorities"),
    "bieu2.ethnicity-not-stated": ("Chưa ghi dân tộc", "ethnicity not recorded"),
    "bieu2.religious": ("Người theo tôn giáo", "religious believers"),
    "bieu2.religion-not-stated": ("Chưa ghi tôn giáo", "religion not recorded"),
    "bieu2.youth-union": ("Đoàn viên Đoàn TNCS Hồ Chí Minh", "Youth Union members"),
    "bieu2.private-owner": ("Chủ doanh nghiệp tư nhân", "private business owners"),
    "bieu2.occ-state-body": (
        "Cán bộ, công chức cơ quan nhà nước (cấp huyện trở lên)",
        "State civil servants (district level and up)",
    ),
    "bieu2.occ-party-mass-org": (
        "Cán bộ, công chức cơ quan Đảng, MTTQ, đoàn thể (cấp huyện trở lên)",
        "Staff of Party, Fatherland Front and mass organisations (district and up)",
    ),
    "bieu2.occ-commune": (
        "Cán bộ, công chức, người hoạt động không chuyên trách ở xã, phường",
        "Commune and ward officials and part-time staff",
    ),
    "bieu2.occ-village": (
        "Người hoạt động không chuyên trách ở thôn, tổ dân phố",
        "Part-time staff of villages and residential groups",
    ),
    "bieu2.occ-public-servant": (
        "Viên chức đơn vị sự nghiệp công lập",
        "Public service employees",
    ),
    "bieu2.occ-non-public-unit": (
        "Người làm việc ở đơn vị sự nghiệp ngoài công lập",
        "Staff of non-public service units",
    ),
    "bieu2.occ-enterprise-manager": ("Doanh nghiệp: người quản lý", "Enterprises: managers"),
    "bieu2.occ-enterprise-staff": ("Doanh nghiệp: nhân viên", "Enterprises: office staff"),
    "bieu2.occ-enterprise-worker": (
        "Doanh nghiệp: công nhân, lao động trực tiếp",
        "Enterprises: workers",
    ),
    "bieu2.occ-agriculture": ("Nông, lâm, ngư nghiệp", "Farming, forestry, fishing"),
    "bieu2.occ-armed-forces": (
        "Sỹ quan, chiến sỹ quân đội, công an",
        "Army and police officers and soldiers",
    ),
    "bieu2.occ-university-student": ("Sinh viên", "University students"),
    "bieu2.occ-school-pupil": ("Học sinh", "School pupils"),
    "bieu2.occ-other": ("Khác", "Other"),
    "bieu2.occ-not-stated": ("Chưa ghi nghề nghiệp", "Occupation not recorded"),
    "bieu2.age-18-30": ("Từ 18 đến 30 tuổi", "18 to 30"),
    "bieu2.age-31-35": ("Từ 31 đến 35 tuổi", "31 to 35"),
    "bieu2.age-36-40": ("Từ 36 đến 40 tuổi", "36 to 40"),
    "bieu2.age-41-45": ("Từ 41 đến 45 tuổi", "41 to 45"),
    "bieu2.age-46-50": ("Từ 46 đến 50 tuổi", "46 to 50"),
    "bieu2.age-51-55": ("Từ 51 đến 55 tuổi", "51 to 55"),
    "bieu2.age-56-60": ("Từ 56 đến 60 tuổi", "56 to 60"),
    "bieu2.age-over-60": ("Trên 60 tuổi", "Over 60"),
    "bieu2.age-not-stated": ("Chưa ghi ngày sinh", "Birth date not recorded"),
    "bieu2.age-average": ("Tuổi bình quân", "Average age"),
    "bieu2.edu-biet-doc-viet": ("Biết đọc, biết viết", "Literate"),
    "bieu2.edu-tieu-hoc": ("Tiểu học", "Primary school"),
    "bieu2.edu-thcs": ("Trung học cơ sở", "Lower secondary"),
    "bieu2.edu-thpt": ("Trung học phổ thông", "Upper secondary"),
    "bieu2.edu-not-stated": ("Chưa ghi trình độ", "Not recorded"),
    "bieu2.pro-so-cap": ("Sơ cấp, công nhân kỹ thuật", "Elementary vocational"),
    "bieu2.pro-trung-cap": ("Trung cấp", "Intermediate vocational"),
    "bieu2.pro-cao-dang": ("Cao đẳng", "College"),
    "bieu2.pro-dai-hoc": ("Đại học", "University"),
    "bieu2.pro-thac-si": ("Thạc sĩ", "Master's degree"),
    "bieu2.pro-tien-si": ("Tiến sĩ", "Doctorate"),
    # --- the committee's report as a document (issue 18) --------------------------------
    "help.report.document": (
        "Viết báo cáo công tác phát triển đảng viên của Ban Tổ chức từ dữ liệu (.docx, .md).",
        "Write the organization department's report on admissions from the data (.docx, .md).",
    ),
    "opt.document_output": (
        "Tệp kết quả: .docx (Word), .md hoặc .txt; bỏ trống: in ra màn hình.",
        "Output file: .docx (Word), .md or .txt; none: print it.",
    ),
    "opt.annex": (
        "Ghi kèm phụ lục Excel (.xlsx): bảng chỉ tiêu theo đơn vị của cùng kỳ.",
        "Also write an Excel annex (.xlsx): the quota table by unit for the same period.",
    ),
    "opt.template": (
        "Tệp .docx mẫu của văn phòng: báo cáo dùng kiểu chữ, lề, khổ giấy của tệp này.",
        "The office's .docx template: the report takes its fonts, margins and page size.",
    ),
    "doc.need_extra": (
        "Ghi tệp .docx cần thư viện bổ sung; cài bằng: pip install 'dangvien[document]'.",
        "Writing a .docx needs the document extra; install it with: "
        "pip install 'dangvien[document]'.",
    ),
    "doc.bad_output": (
        "--output phải là tệp .docx, .md hoặc .txt: {path}",
        "--output must be a .docx, .md or .txt file: {path}",
    ),
    "doc.bad_annex": ("--annex phải là tệp .xlsx: {path}", "--annex must be an .xlsx file: {path}"),
    "doc.bad_template": (
        "Không đọc được tệp mẫu {path}: {reason}",
        "Cannot read the template {path}: {reason}",
    ),
    "doc.party": ("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM"),
    "doc.issuer": ("BAN TỔ CHỨC", "ORGANIZATION DEPARTMENT"),
    "doc.blank_committee": ("ĐẢNG BỘ ……", "PARTY COMMITTEE OF ……"),
    "doc.all_units": ("các đơn vị", "the units"),
    "doc.number": ("Số ……-BC/BTC", "No. ……-BC/BTC"),
    "doc.place_date": ("……, ngày …… tháng …… năm ……", "……, (day) …… (month) …… (year) ……"),
    "doc.title": ("BÁO CÁO", "REPORT"),
    "doc.subtitle": (
        "kết quả công tác phát triển đảng viên {period} của {unit}",
        "on admitting new members, {period}, {unit}",
    ),
    "doc.period.year": ("năm {code}", "{code}"),
    "doc.period.term": ("nhiệm kỳ {code}", "the term {code}"),
    "doc.period.other": ("kỳ {code}", "the period {code}"),
    "doc.window": ("từ {start} đến {end}", "{start} to {end}"),
    "doc.not_started": (
        "Kỳ {period} bắt đầu ngày {start}, sau ngày báo cáo {as_of}: chưa có gì để báo cáo.",
        "Period {period} starts on {start}, after the report's day {as_of}: nothing to report.",
    ),
    "doc.source.tinh": ("tỉnh", "the province"),
    "doc.source.thanh-uy": ("Thành ủy", "the city committee"),
    "doc.source.cap-tren": ("cấp trên", "the upper level"),
    "doc.h.results": ("I. KẾT QUẢ KẾT NẠP ĐẢNG VIÊN", "I. ADMISSIONS"),
    "doc.h.units": ("II. CÁC ĐƠN VỊ THỰC HIỆN CHỈ TIÊU", "II. UNITS AGAINST THEIR QUOTAS"),
    "doc.h.composition": ("III. CƠ CẤU ĐẢNG VIÊN MỚI", "III. WHO THE NEW MEMBERS ARE"),
    "doc.h.classes": ("IV. BỒI DƯỠNG NHẬN THỨC VỀ ĐẢNG", "IV. AWARENESS CLASSES"),
    "doc.h.pipeline": (
        "V. NGUỒN KẾT NẠP VÀ CÁC VIỆC QUÁ HẠN",
        "V. THE CANDIDATES AND WHAT IS OVERDUE",
    ),
    "doc.h.next": ("VI. PHƯƠNG HƯỚNG, NHIỆM VỤ", "VI. NEXT STEPS"),
    "doc.admitted": (
        "Trong {period} ({span}), {unit} đã kết nạp được {n} đảng viên mới.",
        "In {period} ({span}), {unit} admitted {n} new members.",
    ),
    "doc.no_quota": (
        "Chưa có chỉ tiêu nào được giao cho {period}, nên chưa tính được tỷ lệ hoàn thành.",
        "No quota is set for {period}, so no attainment can be computed.",
    ),
    "doc.quota_met": (
        "Kết quả đạt {pct} chỉ tiêu {source} giao ({target} đảng viên).",
        "That is {pct} of the quota set by {source} ({target} members).",
    ),
    "doc.quota_short": (
        "Kết quả đạt {pct} chỉ tiêu {source} giao ({target} đảng viên), còn thiếu {remaining} "
        "đảng viên.",
        "That is {pct} of the quota set by {source} ({target} members), {remaining} short.",
    ),
    "doc.pace_behind": (
        "Thời gian của kỳ đã qua {elapsed}; theo tiến độ cần khoảng {expected} đảng viên, nên "
        "đang chậm so với tiến độ.",
        "{elapsed} of the period has gone by; keeping pace needs about {expected}, so it is "
        "behind pace.",
    ),
    "doc.pace_on": (
        "Thời gian của kỳ đã qua {elapsed}; theo tiến độ cần khoảng {expected} đảng viên, kết "
        "quả bảo đảm tiến độ.",
        "{elapsed} of the period has gone by; keeping pace needs about {expected}, and it keeps "
        "pace.",
    ),
    "doc.previous_none": (
        "Cơ sở dữ liệu không có quyết định kết nạp nào trong cùng kỳ năm trước ({span}), nên "
        "chưa có số liệu để so sánh.",
        "The database holds no admission decision for the same period last year ({span}), so "
        "there is no figure to compare with.",
    ),
    "doc.previous_more": (
        "So với cùng kỳ năm trước ({span}: {previous} đảng viên), tăng {diff} đảng viên, "
        "bằng {pct}.",
        "Against the same period last year ({span}: {previous} members), {diff} more, {pct}.",
    ),
    "doc.previous_less": (
        "So với cùng kỳ năm trước ({span}: {previous} đảng viên), giảm {diff} đảng viên, "
        "bằng {pct}.",
        "Against the same period last year ({span}: {previous} members), {diff} fewer, {pct}.",
    ),
    "doc.previous_same": (
        "Bằng cùng kỳ năm trước ({span}: {previous} đảng viên).",
        "The same as in the same period last year ({span}: {previous} members).",
    ),
    "doc.no_term": (
        "Không có nhiệm kỳ nào trong danh sách kỳ chứa kỳ báo cáo, nên chưa đánh giá được tiến "
        "độ nhiệm kỳ.",
        "No term on file holds this period, so progress over the term cannot be assessed.",
    ),
    "doc.term_no_quota": (
        "Nhiệm kỳ {term} chưa có chỉ tiêu, nên chưa đánh giá được tiến độ nhiệm kỳ.",
        "The term {term} has no target, so progress over the term cannot be assessed.",
    ),
    "doc.term": (
        "Lũy kế nhiệm kỳ {term} đến ngày {end}: kết nạp {n} đảng viên, đạt {pct} chỉ tiêu "
        "nhiệm kỳ {source} đề ra ({target} đảng viên), còn {remaining} đảng viên.",
        "Over the term {term} up to {end}: {n} admitted, {pct} of the term target set by "
        "{source} ({target} members), {remaining} to go.",
    ),
    "doc.term_behind": (
        "Thời gian nhiệm kỳ đã qua {elapsed}; theo tiến độ cần khoảng {expected} đảng viên, "
        "nên kết quả đang chậm so với tiến độ.",
        "{elapsed} of the term has gone by; keeping pace needs about {expected}, so the term "
        "is behind pace.",
    ),
    "doc.term_on_pace": (
        "Thời gian nhiệm kỳ đã qua {elapsed}; theo tiến độ cần khoảng {expected} đảng viên, "
        "kết quả bảo đảm tiến độ.",
        "{elapsed} of the term has gone by; keeping pace needs about {expected}, and the term "
        "keeps pace.",
    ),
    "doc.next_year": (
        "Năm {year}, chỉ tiêu {source} đề ra là kết nạp {target} đảng viên.",
        "For {year}, the quota set by {source} is {target} new members.",
    ),
    "doc.by_block": ("Theo khối: {list}.", "By block: {list}."),
    "doc.ratio": ("{n}/{target}, đạt {pct}", "{n} of {target}, {pct}"),
    "doc.block_no_quota": ("kết nạp {n}, chưa giao chỉ tiêu", "{n} admitted, no quota"),
    "doc.no_units": (
        "Không có tổ chức đảng trực thuộc trong phạm vi báo cáo.",
        "There is no subordinate Party organization in the report's scope.",
    ),
    "doc.units_count": (
        "Phạm vi báo cáo gồm {n} tổ chức đảng trực thuộc.",
        "The report covers {n} directly subordinate Party organizations.",
    ),
    "doc.ahead": ("{n} đơn vị vượt chỉ tiêu: {list}.", "{n} exceeded their quota: {list}."),
    "doc.met": ("{n} đơn vị đạt chỉ tiêu: {list}.", "{n} met their quota exactly: {list}."),
    "doc.on_pace": (
        "{n} đơn vị chưa đạt chỉ tiêu nhưng bảo đảm tiến độ: {list}.",
        "{n} are short of their quota but on pace: {list}.",
    ),
    "doc.behind": ("{n} đơn vị chậm tiến độ: {list}.", "{n} are behind pace: {list}."),
    "doc.shortfall": ("thiếu {n} so với tiến độ", "{n} short of pace"),
    "doc.none_behind": ("Không có đơn vị nào chậm tiến độ.", "No unit is behind pace."),
    "doc.without_quota": (
        "{n} đơn vị chưa được giao chỉ tiêu: {list}.",
        "{n} have no quota: {list}.",
    ),
    "doc.no_new_members": (
        "Trong kỳ không có đảng viên mới được kết nạp, nên chưa có số liệu cơ cấu.",
        "No new member was admitted in the period, so there is no composition to show.",
    ),
    "doc.of_whom": ("Trong đó: ", "of whom: "),
    "doc.share": ("{n} ({pct})", "{n} ({pct})"),
    "doc.composition": (
        "Trong {n} đảng viên mới kết nạp (theo các chỉ tiêu của Biểu 2-BTCTW): {list}.",
        "Of the {n} new members (as form 2-BTCTW counts them): {list}.",
    ),
    "doc.enterprise": (
        "Đảng viên mới làm việc trong doanh nghiệp (người quản lý, nhân viên, công nhân): {share}.",
        "New members working in enterprises (managers, staff, workers): {share}.",
    ),
    "doc.age": (
        "Từ 18 đến 30 tuổi: {share}; tuổi bình quân {average}.",
        "Aged 18 to 30: {share}; average age {average}.",
    ),
    "doc.age_unknown": (
        "Từ 18 đến 30 tuổi: {share}; chưa tính được tuổi bình quân vì thiếu ngày sinh.",
        "Aged 18 to 30: {share}; no average age, for want of birth dates.",
    ),
    "doc.education": (
        "Tốt nghiệp trung học phổ thông: {share}.",
        "Upper secondary school graduates: {share}.",
    ),
    "doc.professional": ("Trình độ chuyên môn: {list}.", "Professional education: {list}."),
    "doc.professional_none": (
        "Dữ liệu không ghi đảng viên mới nào có trình độ chuyên môn từ sơ cấp trở lên.",
        "No new member has a professional qualification (elementary or above) on record.",
    ),
    "doc.no_classes": (
        "Không có lớp bồi dưỡng nhận thức về Đảng nào của kỳ này được ghi vào cơ sở dữ liệu, "
        "nên chưa có số người dự lớp và số người không đạt.",
        "No awareness class of this period is on file, so who attended and who failed is not "
        "known.",
    ),
    "doc.class": (
        "Trong tháng {month}, {unit} có {n} quần chúng ưu tú tham gia lớp bồi dưỡng nhận thức "
        "về Đảng, {result}.",
        "In {month}, {n} candidates of {unit} attended the awareness class; {result}.",
    ),
    "doc.class_all_passed": ("cả {n} người đều đạt", "all {n} passed"),
    "doc.class_result": (
        "{passed} người đạt, {failed} người không đạt, {pending} người chưa có kết quả",
        "{passed} passed, {failed} failed, {pending} have no result yet",
    ),
    "doc.certified": (
        "Tổng số quần chúng được công nhận hoàn thành lớp bồi dưỡng nhận thức về Đảng (có giấy "
        "chứng nhận) trong kỳ là {n}.",
        "In all, {n} candidates completed the awareness class in the period (certificate on file).",
    ),
    "doc.sourced": (
        "Trong kỳ, các đơn vị đã đưa {n} quần chúng vào diện tạo nguồn.",
        "In the period, the units sourced {n} new candidates.",
    ),
    "doc.pipeline_now": (
        "Tại thời điểm lập báo cáo, {n} người đang ở các bước trước lễ kết nạp: {list}.",
        "At the time of writing, {n} people are at the steps before their ceremony: {list}.",
    ),
    "doc.pipeline_empty": (
        "Tại thời điểm lập báo cáo, không có ai ở các bước trước lễ kết nạp.",
        "At the time of writing, nobody is at the steps before a ceremony.",
    ),
    "doc.overdue": (
        "Tính đến ngày {day}, có {n} việc quá hạn theo quy định: {list}.",
        "As of {day}, {n} acts are overdue by the rules: {list}.",
    ),
    "doc.overdue_none": (
        "Tính đến ngày {day}, không có việc nào quá hạn theo quy định.",
        "As of {day}, no act is overdue by the rules.",
    ),
    "doc.due_soon": (
        "{n} việc đến hạn trong {days} ngày tới: {list}.",
        "{n} acts fall due in the next {days} days: {list}.",
    ),
    "doc.stalled": (
        "{n} quần chúng không có bước mới quá {days} ngày.",
        "{n} candidates have had no new step for over {days} days.",
    ),
    "doc.next_behind": (
        "Chỉ đạo, giúp đỡ {n} đơn vị chậm tiến độ nêu trên xây dựng kế hoạch tạo nguồn, kết "
        "nạp cụ thể để hoàn thành chỉ tiêu.",
        "Guide the {n} units behind pace named above to a concrete plan for sourcing and "
        "admitting, so that they meet their quota.",
    ),
    "doc.next_no_quota": (
        "Giao chỉ tiêu cho {n} đơn vị chưa được giao.",
        "Set a quota for the {n} units that have none.",
    ),
    "doc.next_overdue": (
        "Giải quyết dứt điểm {n} việc quá hạn theo quy định.",
        "Clear the {n} acts overdue by the rules.",
    ),
    "doc.next_stalled": (
        "Rà soát {n} quần chúng dừng lâu ở một bước, làm rõ nguyên nhân.",
        "Review the {n} stalled candidates and find out why.",
    ),
    "doc.next_term": (
        "Còn {n} đảng viên để hoàn thành chỉ tiêu nhiệm kỳ {term} do {source} đề ra.",
        "{n} more admissions are needed to meet the target {source} set for the term {term}.",
    ),
    "doc.next_year_task": (
        "Phấn đấu kết nạp {target} đảng viên trở lên trong năm {year}.",
        "Aim to admit at least {target} new members in {year}.",
    ),
    "doc.next_sourcing": (
        "Tiếp tục phát hiện, tạo nguồn, bồi dưỡng quần chúng ưu tú; phân công đảng viên kèm "
        "cặp, giúp đỡ theo phương châm “một kèm một”.",
        "Keep finding and preparing candidates, each with a member assigned to guide them "
        "(“one-on-one”).",
    ),
    "doc.chart.block": (
        "Biểu đồ: tỷ lệ thực hiện chỉ tiêu {period} theo khối",
        "Chart: attainment by block, {period}",
    ),
    "doc.chart.unit": (
        "Biểu đồ: tỷ lệ thực hiện chỉ tiêu {period} theo đơn vị",
        "Chart: attainment by unit, {period}",
    ),
    "doc.chart_none": (
        "Không có chỉ tiêu nào để vẽ biểu đồ.",
        "There is no quota to chart.",
    ),
    "doc.recipients": ("Nơi nhận:", "To:"),
    "doc.recipient.1": ("- Ban Thường vụ (để báo cáo),", "- The standing committee (to report),"),
    "doc.recipient.2": (
        "- Các tổ chức cơ sở đảng trực thuộc,",
        "- The subordinate grassroots Party organizations,",
    ),
    "doc.recipient.3": ("- Lưu Ban Tổ chức.", "- Organization department files."),
    "doc.signer": ("TRƯỞNG BAN", "HEAD OF DEPARTMENT"),
    "doc.signer_note": ("(Ký, ghi rõ họ tên)", "(signature, full name)"),
    "doc.signer_name": ("……………………", "……………………"),
    # --- files in and out (issue 5) ------------------------------------------------------
    "import.old_spreadsheet": (
        "Tệp {path} là bảng tính kiểu cũ (.xls/.ods); hãy lưu lại thành .xlsx hoặc CSV.",
        "{path} is an old-style spreadsheet (.xls/.ods); save it as .xlsx or CSV.",
    ),
    "import.bad_delimiter": (
        "Dấu phân cách '{value}' không dùng được; dùng một ký tự: , ; | hoặc tab.",
        "Delimiter '{value}' cannot be used; give one character: , ; | or tab.",
    ),
    "import.no_sheet": (
        "Tệp {path} không có trang tính '{sheet}'; các trang có: {sheets}.",
        "{path} has no sheet '{sheet}'; its sheets are: {sheets}.",
    ),
    "import.no_header": (
        "Trang tính '{sheet}' của {path} không có dòng tiêu đề; chọn trang bằng --sheet: {sheets}.",
        "Sheet '{sheet}' of {path} has no header row; choose a sheet with --sheet: {sheets}.",
    ),
    "import.row_width": (
        "Dòng có {found} ô nhưng tiêu đề có {expected} cột; có thể thiếu hoặc thừa dấu phân cách.",
        "The row has {found} cells but the header has {expected} columns; a delimiter may be "
        "missing or extra.",
    ),
    "import.column_ignored": (
        "Bỏ qua cột không nhận ra: {column}.",
        "Column not recognised, ignored: {column}.",
    ),
    "import.number_not_date": (
        "'{value}' là số, không phải ngày; định dạng ô là ngày hoặc ghi dd/mm/yyyy.",
        "'{value}' is a number, not a date; format the cell as a date or write dd/mm/yyyy.",
    ),
    "import.masked": (
        "{field} đã bị che (•); xuất lại với --show-private để nhập được.",
        "{field} is masked (•); export again with --show-private to import it.",
    ),
    "import.rule_warnings": (
        "{count} dòng có cảnh báo theo quy định {rule}.",
        "{count} rows carry a warning under rule {rule}.",
    ),
    "import.errors_written": (
        "Đã ghi {count} dòng lỗi ra {path}; sửa rồi gửi lại tệp này.",
        "Wrote {count} bad rows to {path}; correct them and send that file back.",
    ),
    "import.more_errors": (
        "… và {count} lỗi nữa; xem hết bằng --errors TỆP hoặc --format json.",
        "… and {count} more; see them all with --errors FILE or --format json.",
    ),
    "import.probationary_with_official": (
        "Đảng viên dự bị không có ngày chính thức.",
        "A probationary member has no official date.",
    ),
    "import.without_step": (
        "{field} chỉ ghi khi có {step}.",
        "{field} is given only together with {step}.",
    ),
    "import.struck_off_needs_probation": (
        "Chỉ xóa tên đảng viên dự bị: cần ngày lễ kết nạp và chưa có ngày chính thức.",
        "Only a probationary member can be struck off: a ceremony date and no official date.",
    ),
    "import.exit_after_decision": (
        "Đã có quyết định kết nạp: không thể ghi từ chối hay rút khỏi danh sách.",
        "There is an admission decision: the person can no longer be rejected or withdraw.",
    ),
    "import.exit_before_step": (
        "Ngày dừng sớm hơn {step} ({date}).",
        "The exit date is before {step} ({date}).",
    ),
    "import.duplicate_person": (
        "Người mã số {id} đã có ở dòng {first} của tệp.",
        "Person {id} is already on line {first} of the file.",
    ),
    "col.errors": ("Lỗi", "Errors"),
    "import.rows": ("{rows} dòng", "{rows} rows"),
    "import.rate": ("{rate} dòng/giây", "{rate} rows/s"),
    "col.file": ("Tệp", "File"),
    "help.export": (
        "Xuất ra CSV hoặc Excel (.xlsx) để gửi đi hoặc nhập lại.",
        "Export to CSV or Excel (.xlsx), to send or to import back.",
    ),
    "help.export.units": ("Xuất danh sách tổ chức đảng.", "Export the units."),
    "help.export.members": (
        "Xuất danh sách đảng viên (đang sinh hoạt).",
        "Export the member rosters (current members).",
    ),
    "help.export.candidates": (
        "Xuất quần chúng cùng mọi bước đã qua (nhập lại được bằng 'candidate import').",
        "Export candidates with every step they took (imports back with 'candidate import').",
    ),
    "help.export.admissions": (
        "Xuất các quyết định kết nạp (nhập lại được bằng 'candidate import').",
        "Export the admissions (imports back with 'candidate import').",
    ),
    "help.export.quotas": ("Xuất chỉ tiêu.", "Export the quotas."),
    "arg.export_file": (
        "Tệp ghi ra: .csv (UTF-8 có BOM, Excel mở được), .tsv hoặc .xlsx; - để ghi CSV "
        "ra đầu ra chuẩn.",
        "File to write: .csv (UTF-8 with BOM, opens in Excel), .tsv or .xlsx; - writes CSV "
        "to stdout.",
    ),
    # --- exports and imports through pipes (issue 14) ---------------------------------------
    "opt.export_delimiter": (
        "Dấu phân cách cột của CSV (vd. ';' cho Excel cài tiếng Việt; 'tab').",
        "CSV column delimiter (e.g. ';' for a Vietnamese-locale Excel; 'tab').",
    ),
    "opt.export_private": (
        "Ghi đầy đủ số CCCD và điện thoại (mặc định che). Cần khi xuất để nhập lại.",
        "Write national ID and phone numbers in full (masked by default). Needed for a file "
        "that is to be imported back.",
    ),
    "opt.period_filter": ("Chỉ kỳ này.", "Only this period."),
    "export.bad_suffix": (
        "Không biết ghi {path}: dùng đuôi .csv, .tsv hoặc .xlsx.",
        "Cannot tell how to write {path}: use .csv, .tsv or .xlsx.",
    ),
    "export.is_dir": ("{path} là một thư mục.", "{path} is a directory."),
    "export.cannot_write": ("Không ghi được {path}: {reason}", "Cannot write {path}: {reason}"),
    "export.too_many_rows": (
        "Quá {limit} dòng, vượt giới hạn của Excel; hãy xuất ra .csv.",
        "More than {limit} rows, Excel's limit; export to .csv instead.",
    ),
    "export.done": ("Đã xuất {rows} dòng ra {path}.", "Exported {rows} rows to {path}."),
    "export.masked": (
        "Số CCCD và điện thoại đã được che; thêm --show-private nếu cần nhập lại tệp này.",
        "National ID and phone numbers are masked; add --show-private to import this file back.",
    ),
    # --- pipeline, classes, rosters (issue #3) -------------------------------------------
    "check.after_vote": (
        "Bước \u201c{this_step}\u201d ngày {on} sau ngày chi bộ xét kết nạp {start}; "
        "phải làm trước khi chi bộ xét.",
        'Step "{this_step}" of {on} comes after the cell vote of {start}; it must come '
        "before the vote.",
    ),
    "check.before_step": (
        "Bước \u201c{this_step}\u201d ngày {on} sớm hơn bước \u201c{prev_step}\u201d ngày {start}.",
        'Step "{this_step}" of {on} is dated before the step "{prev_step}" of {start}.',
    ),
    "check.introducer_twice": (
        "Một đảng viên được ghi hai lần làm người giới thiệu.",
        "The same member is named twice as introducer.",
    ),
    "check.introducer_unchecked": (
        "Người giới thiệu thứ {number} ({name}) được ghi theo tên, không đối chiếu được với danh "
        "sách đảng viên; dùng --introducer-member để kiểm tra là đảng viên chính thức.",
        "Introducer {number} ({name}) is named off the roster and cannot be checked; use "
        "--introducer-member to check they are an official member.",
    ),
    "check.introducer_months_unknown": (
        "Chưa ghi số tháng người giới thiệu thứ {number} cùng công tác, học tập hoặc cư trú với "
        "người vào Đảng (ghi dạng MÃ:số-tháng); chưa kiểm tra được mức 12 tháng.",
        "The months introducer {number} worked, studied or lived with the applicant are not "
        "given (write ID:months); the 12-month minimum is not checked.",
    ),
    "check.not_youth_union": (
        "Người vào Đảng chưa được ghi là đoàn viên, nhưng được giới thiệu theo đường Đoàn.",
        "The applicant is not recorded as a Youth Union member, yet the Youth Union introduces.",
    ),
    "check.not_trade_union": (
        "Người vào Đảng chưa được ghi là đoàn viên công đoàn, nhưng được giới thiệu theo đường "
        "công đoàn.",
        "The applicant is not recorded as a trade-union member, yet the trade union introduces.",
    ),
    "check.union_resolution_missing": (
        "Chưa ghi số nghị quyết giới thiệu của BCH đoàn cơ sở / công đoàn cơ sở (Mẫu 4-KNĐ); "
        "dùng --union-document.",
        "The union committee's introduction (form 4-KNĐ) is not recorded; use --union-document.",
    ),
    "check.no_introducers": (
        "Chi bộ xét ngày {on} nhưng chưa có người giới thiệu (Mẫu 3-KNĐ); ghi bằng 'candidate "
        "introducers' trước.",
        "The cell meets on {on} but no introducers are recorded (form 3-KNĐ); record them with "
        "'candidate introducers' first.",
    ),
    "check.missing_application": (
        "Chi bộ xét ngày {on} nhưng chưa có đơn xin vào Đảng (Mẫu 1-KNĐ).",
        "The cell meets on {on} but there is no application (form 1-KNĐ).",
    ),
    "check.dossier_incomplete": (
        "Hồ sơ khi chi bộ xét ngày {on} còn thiếu: {missing_items}.",
        "At the cell meeting of {on} the dossier still lacks: {missing_items}.",
    ),
    "check.missing_committee": (
        "Quyết định kết nạp ngày {on} nhưng chưa có nghị quyết đề nghị của đảng ủy cơ sở "
        "(Mẫu 8-KNĐ).",
        "Admission decided on {on} without the grassroots committee's resolution (form 8-KNĐ).",
    ),
    "check.review_early": (
        "Chi bộ xét công nhận chính thức ngày {on}, trước khi hết thời kỳ dự bị ngày {start}.",
        "The cell reviewed official membership on {on}, before probation ended on {start}.",
    ),
    "check.review_late": (
        "Chi bộ xét công nhận chính thức ngày {on}, quá {limit} ngày làm việc sau khi hết dự bị "
        "ngày {start} (hạn {last}); vẫn công nhận kể từ ngày hết dự bị.",
        "The cell reviewed official membership on {on}, beyond {limit} working days after "
        "probation ended on {start} (deadline {last}); membership still dates from the end of "
        "probation.",
    ),
    "check.recognition_before_review": (
        "Quyết định công nhận chính thức ngày {on} trước nghị quyết chi bộ ngày {start}.",
        "The official-membership decision of {on} precedes the cell resolution of {start}.",
    ),
    "check.recognition_late": (
        "Quyết định công nhận chính thức ngày {on} sau {found} ngày làm việc kể từ nghị quyết "
        "chi bộ ngày {start}, quá thời hạn {limit} ngày làm việc.",
        "The official-membership decision of {on} came {found} working days after the cell "
        "resolution of {start}, beyond the {limit}-working-day limit.",
    ),
    "pipeline.too_late": (
        "Đã có bước {after}; không ghi thêm được bước {step} (dùng 'candidate correct' để đính "
        "chính bước đã ghi).",
        "The {after} is recorded; {step} cannot be added now (use 'candidate correct' to "
        "correct a recorded step).",
    ),
    "pipeline.already_superseded": (
        "Bước {event} đã được đính chính; hãy đính chính bước mới nhất.",
        "Step {event} was already corrected; correct the latest version.",
    ),
    "pipeline.correction_step": (
        "Bước {event} là bước {step}; đính chính phải giữ nguyên loại bước.",
        "Step {event} is a {step}; a correction keeps the kind of step.",
    ),
    "pipeline.self_introducer": (
        "Đảng viên mã số {id} chính là người vào Đảng, không tự giới thiệu được.",
        "Member {id} is the applicant and cannot introduce themself.",
    ),
    "pipeline.not_candidate": (
        "Mã số {id} chỉ có trong danh sách đảng viên, không phải quần chúng ưu tú.",
        "Person {id} is on a roster only, not a candidate.",
    ),
    "person.possible_duplicate": (
        "Đã có người cùng họ tên và ngày sinh (mã số {ids}); kiểm tra có trùng không.",
        "People with the same name and birth date exist (ids {ids}); check for a duplicate.",
    ),
    "dossier.filed_by_step": (
        "Mẫu {form} được ghi bằng bước \u201c{step}\u201d, không phải 'candidate dossier'.",
        "Form {form} is filed by the step \"{step}\", not by 'candidate dossier'.",
    ),
    "exception.applied": (
        "{waived}: áp dụng ngoại lệ {rule} đã được chấp thuận ({body}, văn bản {document}).",
        "{waived}: applied the approved exception {rule} ({body}, document {document}).",
    ),
    "step.no_introducers": (
        "Cần ít nhất một người giới thiệu: --introducer-member MÃ[:tháng] hoặc "
        "--introducer 'Họ tên[:tháng]'.",
        "Name at least one introducer: --introducer-member ID[:months] or "
        "--introducer 'Name[:months]'.",
    ),
    "step.votes_pair": (
        "Ghi cả --for và --members, hoặc không ghi cả hai.",
        "Give both --for and --members, or neither.",
    ),
    "candidate.overdue": ("— QUÁ HẠN", "— OVERDUE"),
    "candidate.missing": ("Còn thiếu trước bước tiếp theo: {items}.", "Still missing: {items}."),
    "member.not_found": ("Không có đảng viên mã số {id}.", "No member with id {id}."),
    "member.left": (
        "Đảng viên mã số {id} không còn trong danh sách.",
        "Member {id} is no longer on the roster.",
    ),
    "member.nothing_to_edit": (
        "Không có gì để sửa: dùng --key-position/--no-key-position hoặc --position.",
        "Nothing to change: use --key-position/--no-key-position or --position.",
    ),
    "member.edited": ("Đã cập nhật đảng viên mã số {id}.", "Updated member {id}."),
    "help.member.show": ("Xem một đảng viên.", "Show one member."),
    "help.member.edit": (
        "Đặt cờ giữ vị trí chủ chốt hoặc chức vụ của một đảng viên.",
        "Set a member's key-position flag or position.",
    ),
    "arg.member_id": (
        "Mã số đảng viên (cột Mã số của 'member list', như mọi nơi).",
        "The member's id (the ID column of 'member list', as everywhere).",
    ),
    "opt.key_position": ("Giữ vị trí chủ chốt hay không.", "Holds a key position or not."),
    "opt.key_position_filter": (
        "Chỉ đảng viên giữ (hoặc không giữ) vị trí chủ chốt.",
        "Only members in (or not in) key positions.",
    ),
    "opt.position": ("Chức vụ.", "Position held."),
    "opt.trade_union": ("Là đoàn viên công đoàn.", "Trade-union member."),
    "opt.mentor_member": (
        "Đảng viên giúp đỡ, theo mã số trong danh sách đảng viên.",
        "Mentor, by roster member id.",
    ),
    "opt.introducer_member": (
        "Người giới thiệu theo mã số đảng viên, dạng MÃ hoặc MÃ:số tháng cùng công tác (lặp lại); "
        "được kiểm tra là đảng viên chính thức.",
        "Introducer by roster member id, as ID or ID:months together (repeat); checked as an "
        "official member.",
    ),
    "opt.union_document": (
        "Số nghị quyết giới thiệu của BCH đoàn / công đoàn cơ sở (Mẫu 4-KNĐ).",
        "The union committee's introduction resolution (form 4-KNĐ).",
    ),
    "opt.checked_by": ("Nơi thẩm tra.", "Checked by."),
    "opt.area": (
        "Ngoại lệ trình độ học vấn: {choices}.",
        "Education exception: {choices} (R5, R6).",
    ),
    "opt.correct_reason": ("Lý do đính chính.", "Why the step is corrected."),
    "opt.correct_date": (
        "Ngày đúng của bước (mặc định: giữ ngày cũ).",
        "The step's right date (default: unchanged).",
    ),
    "opt.set": (
        "Sửa một chi tiết của bước, dạng KHÓA=GIÁ-TRỊ (vd. votes_for=10), lặp lại.",
        "Change one detail of the step, as KEY=VALUE (e.g. votes_for=10); repeat.",
    ),
    "opt.exception_document": ("Số văn bản chấp thuận.", "Number of the approving document."),
    "opt.approved_on": ("Ngày văn bản chấp thuận.", "Date of the approving document."),
    "opt.received": (
        "Ngày chi bộ nhận quyết định (R18 tính từ ngày này).",
        "Day the cell received the decision (R18 counts from it).",
    ),
    "opt.official_decision": (
        "Số quyết định công nhận đảng viên chính thức.",
        "Number of the official-membership decision.",
    ),
    "opt.official_date": (
        "Ngày là đảng viên chính thức (mặc định: ngày hết 12 tháng dự bị, R22).",
        "Official as of (default: the day the 12 months of probation end, R22).",
    ),
    "opt.decided": (
        "Ngày ký quyết định công nhận chính thức (R21).",
        "Date the official-membership decision was signed (R21).",
    ),
    "opt.cell_date": (
        "Ngày chi bộ xét công nhận chính thức (R20).",
        "Date the cell reviewed official membership (R20).",
    ),
    "col.certificate_valid_until": ("Giấy chứng nhận còn giá trị đến", "Certificate valid until"),
    "col.party_age_from": ("Tuổi đảng tính từ", "Party age from"),
    "col.probation_end": ("Hết dự bị", "Probation ends"),
    "col.event": ("Bước số", "Step no."),
    "col.result": ("Kết quả", "Result"),
    "col.certificate_no": ("Số giấy chứng nhận", "Certificate"),
    "col.certificate_date": ("Ngày cấp", "Issued"),
    "col.approved_by": ("Cấp chấp thuận", "Approved by"),
    "col.left_on": ("Ngày ra khỏi danh sách", "Left on"),
    "col.person_id": ("Mã số người", "Person id"),
    "col.organizer": ("Đơn vị mở lớp", "Organizer"),
    "col.attendees": ("Học viên", "Attendees"),
    "col.passed": ("Đạt", "Passed"),
    "col.failed": ("Không đạt", "Failed"),
    "col.count": ("Số người", "People"),
    "detail.months": ("{n} tháng", "{n} months"),
    "detail.mentor": ("giúp đỡ: {name}", "mentor: {name}"),
    "detail.cell_votes": (
        "{found}/{of} đảng viên chính thức tán thành",
        "{found} of {of} official members in favour",
    ),
    "detail.committee_votes": (
        "{found}/{of} cấp ủy viên tán thành",
        "{found} of {of} committee members in favour",
    ),
    "detail.union_document": ("nghị quyết giới thiệu {document}", "union resolution {document}"),
    "detail.class_failed": ("không đạt lớp bồi dưỡng", "failed the awareness class"),
    "detail.class": ("lớp {code}", "class {code}"),
    "detail.received": ("nhận quyết định {date}", "decision received {date}"),
    "detail.cell_date": ("chi bộ xét {date}", "cell review {date}"),
    "detail.decided": ("ký quyết định {date}", "decision signed {date}"),
    "detail.special": ("trường hợp đặc biệt", "special case"),
    "detail.exceptions": ("theo ngoại lệ {rules}", "by exception {rules}"),
    "route.youth-union": ("BCH đoàn cơ sở giới thiệu", "introduced by the Youth Union"),
    "route.trade-union": ("BCH công đoàn cơ sở giới thiệu", "introduced by the trade union"),
    "area.vung-kho-khan": ("vùng khó khăn (R5)", "hardship area (R5)"),
    "area.nguoi-co-uy-tin": ("người có uy tín (R6)", "respected person (R6)"),
    "timeline.corrects": ("[đính chính bước {event}]", "[corrects step {event}]"),
    "result.passed": ("đạt", "passed"),
    "result.failed": ("không đạt", "failed"),
    "title.classes": ("Lớp bồi dưỡng nhận thức về Đảng", "Awareness classes"),
    "title.exceptions": ("Ngoại lệ đã được chấp thuận", "Approved exceptions"),
    "title.attendees": ("Học viên", "Attendees"),
    "title.candidates_in_progress": ("Quần chúng đang bồi dưỡng", "Candidates in progress"),
    "help.class": (
        "Lớp bồi dưỡng nhận thức về Đảng: học viên, kết quả, giấy chứng nhận.",
        "Awareness classes: attendees, results, certificates.",
    ),
    "help.class.add": ("Mở một lớp bồi dưỡng.", "Add a class."),
    "help.class.list": ("Liệt kê các lớp.", "List classes."),
    "help.class.show": ("Xem một lớp và học viên.", "Show a class and its attendees."),
    "help.class.enroll": ("Ghi danh quần chúng vào lớp.", "Enroll candidates in a class."),
    "help.class.results": (
        "Ghi kết quả cả lớp: người đạt được ghi bước học lớp với số giấy chứng nhận.",
        "Record a whole class's results; each pass records the class step with its certificate.",
    ),
    "arg.class_code": ("Mã lớp.", "Class code."),
    "arg.class_name": ("Tên lớp.", "Class name."),
    "arg.person_ids": ("Mã số người (một hoặc nhiều).", "Person ids (one or more)."),
    "opt.organizer": ("Đơn vị mở lớp (vd. Trung tâm Chính trị).", "Organizer."),
    "opt.class_unit": ("Mã đơn vị của lớp.", "Unit the class belongs to."),
    "opt.certificate_date": ("Ngày cấp giấy chứng nhận.", "Certificate date."),
    "opt.passed": ("Mã số người đạt (lặp lại).", "Id of an attendee who passed (repeat)."),
    "opt.failed": ("Mã số người không đạt (lặp lại).", "Id of an attendee who failed (repeat)."),
    "opt.certificate_prefix": (
        "Số giấy chứng nhận: tiền tố, hoặc mẫu có {n} (vd. '{n}/CN-TTCT').",
        "Certificate numbers: a prefix, or a pattern with {n} (e.g. '{n}/CN-TTCT').",
    ),
    "opt.first_number": ("Số thứ tự giấy chứng nhận đầu tiên.", "First certificate number."),
    "opt.results_file": (
        "Tệp kết quả (cột: person_id, result, certificate_no, certificate_date); "
        "- là đầu vào chuẩn.",
        "Results file (columns: person_id, result, certificate_no, certificate_date); - is stdin.",
    ),
    "class.added": ("Đã mở lớp {code}.", "Added class {code}."),
    "class.enrolled": ("Đã ghi danh {count} người vào lớp {code}.", "Enrolled {count} in {code}."),
    "class.results": (
        "Đã ghi kết quả lớp {code}: {passed} đạt, {failed} không đạt.",
        "Recorded the results of {code}: {passed} passed, {failed} failed.",
    ),
    "class.file_or_lists": (
        "Dùng --file hoặc --passed/--failed, không dùng cả hai.",
        "Use --file or --passed/--failed, not both.",
    ),
    "class.no_results": (
        "Cần --passed, --failed hoặc --file.",
        "Give --passed, --failed or --file.",
    ),
    "class.not_found": ("Không có lớp mã '{code}'.", "No class with code '{code}'."),
    "class.duplicate": ("Đã có lớp mã '{code}'.", "A class with code '{code}' already exists."),
    "class.bad_dates": (
        "Lớp '{code}': ngày kết thúc trước ngày bắt đầu.",
        "Class '{code}': the end comes before the start.",
    ),
    "class.repeated_id": ("Mã số {id} được ghi hai lần.", "Id {id} is given twice."),
    "class.not_candidate": (
        "Mã số {id} không phải quần chúng đang được bồi dưỡng.",
        "Person {id} is not a candidate in preparation.",
    ),
    "class.already_enrolled": (
        "Mã số {id} đã ghi danh lớp {code}.",
        "Person {id} is already enrolled in {code}.",
    ),
    "class.not_enrolled": (
        "Mã số {id} chưa ghi danh lớp {code} ('class enroll' trước).",
        "Person {id} is not enrolled in {code} (run 'class enroll' first).",
    ),
    "class.already_result": (
        "Mã số {id} đã có kết quả lớp {code}; dùng 'candidate correct' để đính chính.",
        "Person {id} already has a result in {code}; use 'candidate correct'.",
    ),
    "class.result_before_start": (
        "Mã số {id}: ngày cấp giấy chứng nhận trước ngày khai giảng lớp {code}.",
        "Person {id}: the certificate date is before class {code} started.",
    ),
    "class.person_refused": ("Mã số {id}: {reason}", "Person {id}: {reason}"),
    # --- reliability: backups, checks, audit, closed periods (issue 7) -------------------
    "help.db.backup": (
        "Sao lưu cơ sở dữ liệu vào một tệp (trong khi vẫn dùng được).",
        "Back the database up into a file (online).",
    ),
    "help.db.restore": (
        "Khôi phục cơ sở dữ liệu từ một bản sao lưu (sao lưu bản hiện tại trước).",
        "Restore the database from a backup (the current one is saved first).",
    ),
    "help.db.check": (
        "Kiểm tra tệp và các quy định trên dữ liệu đã có; mã thoát 1 nếu có vấn đề.",
        "Check the file and the rules over existing records; exit 1 on any finding.",
    ),
    "arg.backup_file": ("Tệp sao lưu.", "Backup file."),
    "opt.yes": ("Xác nhận, không hỏi lại.", "Confirm without asking."),
    "opt.reopen": (
        "Cho phép sửa số liệu của kỳ đã khóa sổ, ghi lý do vào nhật ký.",
        "Allow changing a closed period's figures; the reason goes to the audit trail.",
    ),
    "opt.reopen_reason": ("Lý do mở lại kỳ.", "Why the period is reopened."),
    "db.file_missing": ("Không có tệp {path}.", "There is no file {path}."),
    "db.file_damaged": (
        "Tệp {path} bị hỏng (kiểm tra toàn vẹn không đạt).",
        "The file {path} is damaged (integrity check failed).",
    ),
    "db.backup_exists": (
        "Tệp {path} đã có; chọn tên khác để không ghi đè.",
        "{path} already exists; choose another name so that nothing is overwritten.",
    ),
    "db.sqlite_only": (
        "Lệnh này chỉ dùng cho tệp SQLite; với {where} hãy dùng công cụ sao lưu của máy chủ.",
        "This command works on SQLite files only; back {where} up with the server's tools.",
    ),
    "db.restore_schema": (
        "Bản sao {path} ở lược đồ {found}, phiên bản này cần {expected}; không khôi phục.",
        "The backup {path} has schema {found}, this version needs {expected}; not restored.",
    ),
    "db.restore_confirm": (
        "Thay toàn bộ {target} bằng {source}?",
        "Replace all of {target} with {source}?",
    ),
    "db.restore_needs_yes": (
        "Khôi phục thay toàn bộ dữ liệu: thêm --yes để xác nhận.",
        "A restore replaces all the data: add --yes to confirm.",
    ),
    "db.restored": ("Đã khôi phục {target} từ {source}.", "Restored {target} from {source}."),
    # --- db check / restore: a record that proves itself (issue 13) -------------------
    "db.read_only": (
        "Ở đây cơ sở dữ liệu chỉ đọc được, không ghi được ({reason}).",
        "The database can only be read here, not written ({reason}).",
    ),
    "db.check_damaged": (
        "Tệp {where} bị hỏng: {problem}; khôi phục bằng 'dangvien db restore BẢN-SAO --yes'.",
        "The file {where} is damaged: {problem}; restore it with "
        "'dangvien db restore BACKUP --yes'.",
    ),
    "db.restore_fails_check": (
        "Bản sao {path} không qua kiểm tra ({count} vấn đề, đầu tiên: {first}); không khôi phục.",
        "The backup {path} fails the checks ({count} problems, first: {first}); not restored.",
    ),
    "db.check_chain": (
        "Nhật ký: {count} mục; mã băm của mục cuối {head} (ghi lại để đối chiếu lần sau).",
        "Audit trail: {count} entries; last entry's hash {head} (note it to compare next time).",
    ),
    "db.check_ok": ("Không phát hiện vấn đề nào.", "No problems found."),
    "db.check_found": ("Phát hiện {count} vấn đề.", "{count} problems found."),
    "title.check": ("Kiểm tra cơ sở dữ liệu", "Database check"),
    "col.check": ("Kiểm tra", "Check"),
    "severity.error": ("lỗi", "error"),
    "severity.overdue": ("quá hạn", "overdue"),
    "col.severity": ("Mức", "Severity"),
    "col.table": ("Bảng", "Table"),
    "col.ref": ("Mã số", "Ref"),
    "check.integrity": ("Tệp hỏng: {problem}", "Damaged file: {problem}"),
    "check.foreign_key": (
        "Dòng {ref} trỏ tới một dòng không còn trong bảng {parent}.",
        "Row {ref} points to a row missing from {parent}.",
    ),
    "check.step_order": (
        "Mã số {ref}: bước ngày {date} đứng trước một bước phải có trước nó.",
        "Person {ref}: a step dated {date} comes before a step that must precede it.",
    ),
    "check.decision_without_vote": (
        "Mã số {ref}: có quyết định kết nạp ({date}) mà không có nghị quyết chi bộ.",
        "Person {ref}: admission decision ({date}) without a cell vote.",
    ),
    "check.admission_without_decision": (
        "Mã số {ref}: có dòng kết nạp mà không có bước quyết định trong lịch sử.",
        "Person {ref}: an admission row with no decision step in the history.",
    ),
    "check.admission_dates": (
        "Mã số {ref}: các ngày quyết định, lễ kết nạp, chính thức không theo thứ tự.",
        "Person {ref}: decision, ceremony and official dates out of order.",
    ),
    "check.born_after_admission": (
        "Mã số {ref}: ngày sinh không trước ngày quyết định kết nạp ({date}).",
        "Person {ref}: born on or after the admission decision ({date}).",
    ),
    "check.member_without_person": (
        "Dòng danh sách đảng viên {ref} không gắn với người nào.",
        "Roster line {ref} belongs to no person.",
    ),
    "check.admission_without_person": (
        "Kết nạp của mã số {ref}: không có người này.",
        "Admission of person {ref}: the person does not exist.",
    ),
    "check.admission_unit_missing": (
        "Mã số {ref}: kết nạp ({date}) ở một đơn vị không còn tồn tại.",
        "Person {ref}: admitted ({date}) in a unit that no longer exists.",
    ),
    "check.admission_unit_dissolved": (
        "Mã số {ref}: kết nạp ngày {date} ở đơn vị {extra} đã giải thể trước đó.",
        "Person {ref}: admitted on {date} in unit {extra}, already dissolved.",
    ),
    # --- db check: tampering, the hash chain, figures against events (issue 13) ---------
    "check.guard_missing": (
        "Thiếu trigger bảo vệ {ref}: bảng có thể bị sửa, xóa mà không ai biết.",
        "Guard trigger {ref} is missing: the table can be edited or deleted silently.",
    ),
    "check.guard_changed": (
        "Trigger bảo vệ {ref} đã bị tắt hoặc thay khác với bản gốc.",
        "Guard trigger {ref} is disabled or differs from the original.",
    ),
    "check.guard_unexpected": (
        "Bảng chỉ-được-thêm có trigger hoặc rule lạ {ref}, có thể đổi hoặc nuốt dữ liệu ghi.",
        "An append-only table has an unknown trigger or rule {ref} that may alter or "
        "swallow writes.",
    ),
    "check.chain_edited": (
        "Nhật ký, mục {ref}: nội dung không khớp mã băm — mục đã bị sửa ngoài dangvien.",
        "Audit entry {ref} does not match its hash: it was edited outside dangvien.",
    ),
    "check.chain_gap": (
        "Nhật ký, mục {ref}: không nối tiếp mục trước — có mục đã bị xóa hoặc chèn.",
        "Audit entry {ref} does not follow the entry before it: an entry was removed or inserted.",
    ),
    "check.chain_unsealed": (
        "Nhật ký, mục {ref}: không có mã băm — được ghi ngoài dangvien.",
        "Audit entry {ref} has no hash: it was written outside dangvien.",
    ),
    "check.admission_missing": (
        "Mã số {ref}: lịch sử có quyết định kết nạp ({date}) mà không có dòng kết nạp — "
        "dòng đã bị xóa ngoài dangvien.",
        "Person {ref}: the history has an admission decision ({date}) but there is no "
        "admission row — it was deleted outside dangvien.",
    ),
    "check.admission_differs": (
        "Mã số {ref}: ngày trên dòng kết nạp ({date}) khác với các bước trong lịch sử.",
        "Person {ref}: the admission row's dates ({date}) differ from the steps in the history.",
    ),
    "check.roster_missing": (
        "Mã số {ref}: đã kết nạp ({date}) mà không có trong danh sách đảng viên.",
        "Person {ref}: admitted ({date}) but missing from the roster.",
    ),
    "check.roster_differs": (
        "Dòng danh sách {ref}: trạng thái hoặc ngày khác với lịch sử kết nạp.",
        "Roster line {ref}: status or dates differ from the admission history.",
    ),
    "check.stage_differs": (
        "Mã số {ref}: giai đoạn ghi là '{extra}', khác với bước cuối trong lịch sử ({date}).",
        "Person {ref}: stage recorded as '{extra}', not what the last step ({date}) gives.",
    ),
    "check.ceremony_overdue": (
        "Mã số {ref}: chưa tổ chức lễ kết nạp, hạn {date} đã qua (R18).",
        "Person {ref}: no ceremony yet, deadline {date} passed (R18).",
    ),
    "check.official_overdue": (
        "Mã số {ref}: chưa xét công nhận chính thức, hạn {date} đã qua (R20).",
        "Person {ref}: official membership not yet considered, deadline {date} passed (R20).",
    ),
    "check.probation_overdue": (
        "Đảng viên dự bị (dòng {ref}): hết thời hạn xét chính thức từ {date} (R20).",
        "Probationary member (line {ref}): official review overdue since {date} (R20).",
    ),
    "help.audit": ("Nhật ký thay đổi.", "The audit trail."),
    "help.audit.list": (
        "Liệt kê các thay đổi: ai, khi nào, lệnh nào, trước và sau.",
        "List changes: who, when, which command, before and after.",
    ),
    "opt.entity": (
        "Chỉ loại bản ghi này (unit, quota, person, pipeline_event, period, import…).",
        "Only this kind of record (unit, quota, person, pipeline_event, period, import…).",
    ),
    "opt.since": ("Từ ngày này.", "From this date on."),
    "opt.actor_filter": ("Chỉ thay đổi của người này.", "Only changes made by this user."),
    "col.entry": ("Số mục", "Entry"),  # one shape per thing (issue 14): not "Mã số"
    "opt.limit": ("Chỉ N thay đổi gần nhất.", "Only the last N changes."),
    "title.audit": ("Nhật ký thay đổi", "Audit trail"),
    "col.at": ("Thời điểm", "At"),
    "col.actor": ("Người thực hiện", "Actor"),
    "col.action": ("Thao tác", "Action"),
    "col.entity": ("Loại", "Entity"),
    "col.entity_id": ("Bản ghi", "Record"),
    "col.change": ("Thay đổi", "Change"),
    "help.period.close": (
        "Khóa sổ một kỳ đã báo cáo: số liệu của kỳ không được sửa nữa.",
        "Close a reported period: its figures can no longer change.",
    ),
    "help.period.reopen": ("Mở lại một kỳ đã khóa sổ.", "Reopen a closed period."),
    "period.closed": ("Đã khóa sổ kỳ {code}.", "Closed period {code}."),
    "period.already_closed": (
        "Kỳ {code} đã khóa sổ từ {date} ({by}).",
        "Period {code} has been closed since {date} ({by}).",
    ),
    "period.reopened": ("Đã mở lại kỳ {code}.", "Reopened period {code}."),
    "period.not_closed": ("Kỳ {code} chưa khóa sổ.", "Period {code} is not closed."),
    "period.closed_refused": (
        "Kỳ {code} đã khóa sổ ({by}); thay đổi này sửa {what} của kỳ. "
        'Nếu cần, chạy lại với --reopen "lý do".',
        "Period {code} is closed ({by}); this change alters its {what}. "
        'If it must, run it again with --reopen "reason".',
    ),
    "period.touch.admission": (
        "quyết định, lễ kết nạp hoặc công nhận chính thức",
        "admissions, ceremonies or official dates",
    ),
    "period.touch.quota": ("chỉ tiêu", "quotas"),
    "period.touch.unit": ("cây đơn vị", "unit tree"),
    "period.touch.period": ("ngày của kỳ", "dates"),
    # --- issue 8: PostgreSQL, db copy ---
    "help.db.copy": (
        "Chép toàn bộ cơ sở dữ liệu sang một cơ sở dữ liệu trống (SQLite ⇄ PostgreSQL), "
        "đối chiếu số dòng và mã kiểm tra từng bảng.",
        "Copy the whole database into an empty one (SQLite ⇄ PostgreSQL), checking row "
        "counts and a checksum per table.",
    ),
    "opt.copy_to": (
        "Cơ sở dữ liệu đích: tệp SQLite mới hoặc URL, vd. postgresql+psycopg://…",
        "Target database: a new SQLite file or a URL, e.g. postgresql+psycopg://…",
    ),
    "copy.same": (
        "Nguồn và đích là cùng một cơ sở dữ liệu ({where}).",
        "The source and the target are the same database ({where}).",
    ),
    "copy.target_not_empty": (
        "Cơ sở dữ liệu đích {where} không trống (bảng {table} có {rows} dòng); "
        "chỉ chép vào cơ sở dữ liệu trống.",
        "The target database {where} is not empty (table {table} has {rows} rows); "
        "copy only into an empty database.",
    ),
    "copy.mismatch": (
        "Bảng {table} chép không khớp (gửi {sent} dòng, đích có {received} dòng hoặc mã "
        "kiểm tra khác); không ghi gì.",
        "Table {table} did not copy faithfully (sent {sent} rows, the target has {received} "
        "or a different checksum); nothing was written.",
    ),
    "copy.done": (
        "Đã chép {rows} dòng của {tables} bảng từ {source} sang {target}; "
        "số dòng và mã kiểm tra từng bảng khớp.",
        "Copied {rows} rows of {tables} tables from {source} to {target}; "
        "every table's row count and checksum match.",
    ),
    "db.no_permission": (
        "Tài khoản cơ sở dữ liệu này không được phép làm việc đó ({reason}).",
        "This database account is not allowed to do that ({reason}).",
    ),
    "db.no_driver": (
        "Chưa cài trình điều khiển PostgreSQL; cài bằng: pip install 'dangvien[postgres]'.",
        "The PostgreSQL driver is not installed; install it with: "
        "pip install 'dangvien[postgres]'.",
    ),
    "col.checksum": ("Mã kiểm tra (SHA-256)", "Checksum (SHA-256)"),
    "title.copy": ("Chép cơ sở dữ liệu", "Database copy"),
    # --- unit edit (lead) ----------------------------------------------------------------
    "help.unit.edit": (
        "Sửa một tổ chức đảng (tên, loại, cấp trên, khối, ngày thành lập, giải thể).",
        "Edit a Party unit (name, kind, parent, block, founded, dissolved).",
    ),
    "opt.dissolved": ("Ngày giải thể.", "Date dissolved."),
    "unit.edited": ("Đã sửa đơn vị {code}.", "Edited unit {code}."),
    # --- the record stays true (issue 12) ------------------------------------------------
    "exception.not_waivable": (
        "Không ghi được ngoại lệ {rule}: {why_vi}.",
        "Cannot record an exception to {rule}: {why_en}.",
    ),
    "act.in_future": (
        "{field}: ngày {date} chưa đến; chỉ ghi việc đã xảy ra.",
        "{field}: {date} is after today; only acts that happened are recorded.",
    ),
    "act.probation_running": (
        "Chưa thể công nhận đảng viên chính thức: 12 tháng dự bị đến {end} mới hết (R19).",
        "Official membership cannot be recognised yet: the 12 months' probation end on {end} "
        "(R19).",
    ),
    "rule.refused_many": (
        "Không ghi được, vi phạm {count} quy định:",
        "Refused: {count} rules broken:",
    ),
    "check.members_not_roster": (
        "Chi bộ xét ngày {on}: ghi {typed} đảng viên chính thức nhưng danh sách đảng viên của chi "
        "bộ có {roster} đảng viên chính thức ngày đó.",
        "Cell vote on {on}: {typed} official members typed, but the cell's roster shows "
        "{roster} official members that day.",
    ),
    "vote.members_required": (
        "Chi bộ chưa có danh sách đảng viên: ghi --members (số đảng viên chính thức ngày xét).",
        "The cell has no roster on file: give --members (its official members on the day).",
    ),
    "person.national_id_taken": (
        "Không ghi được {name}: số CCCD này đã thuộc về người mã số {other}: {other_name}, sinh "
        "{other_birth}; một số CCCD chỉ là của một người.",
        "Cannot record {name}: this national ID already belongs to person {other}: "
        "{other_name}, born {other_birth}; one ID number is one person.",
    ),
    "person.identity_conflict": (
        "Xung đột danh tính: dòng này ghi {name}, sinh {birth}, nhưng số CCCD (mã số) là của "
        "người mã số {other}: {other_name}, sinh {other_birth}; không ghi đè người đã có.",
        "Identity conflict: this row names {name}, born {birth}, but the national ID (id) "
        "belongs to person {other}: {other_name}, born {other_birth}; a stored person is never "
        "overwritten.",
    ),
    "person.unit_move": (
        "Người mã số {id} ({name}) thuộc đơn vị {unit}; chuyển sang {new} chỉ bằng một quyết "
        "định chuyển sinh hoạt có ngày, không qua nhập tệp.",
        "Person {id} ({name}) belongs to unit {unit}; a move to {new} needs a dated transfer "
        "act, not an import.",
    ),
    "quota.source_defaulted": (
        "{count} chỉ tiêu không ghi nguồn, đã ghi nguồn \u201c{source}\u201d; ghi --source hoặc "
        "cột nguồn nếu khác.",
        '{count} quota(s) without a source were recorded as "{source}"; give --source or a '
        "source column if that is wrong.",
    ),
    "person.not_stated": (
        "Chưa ghi {field}: lưu là chưa rõ, Biểu 2-BTCTW đếm ở dòng \u201cchưa ghi\u201d.",
        '{field} not given: stored as unknown, counted in the "not recorded" row of Biểu 2-BTCTW.',
    ),
    "check.wrong_decider": (
        "Quyết định kết nạp ngày {on} do {body} ban hành; chỉ {allowed} có thẩm quyền quyết định "
        "(ban thường vụ cấp ủy cấp trên trực tiếp, hoặc đảng ủy cơ sở đã được ủy quyền).",
        "The admission decision of {on} was issued by {body}; only {allowed} may decide (the "
        "standing committee of the committee directly above, or an authorised grassroots "
        "committee).",
    ),
    "opt.decided_by": (
        "Mã đơn vị có cấp ủy ra quyết định (kiểm tra thẩm quyền, R16).",
        "Code of the unit whose committee decided (authority checked, R16).",
    ),
    "opt.admits_from": (
        "Ngày đảng ủy cơ sở được ủy quyền quyết định kết nạp (R16).",
        "Day from which this grassroots committee is authorised to decide admissions (R16).",
    ),
    "opt.admits_document": (
        "Văn bản ủy quyền quyết định kết nạp.",
        "The document authorising it to decide admissions.",
    ),
    "col.admits_from": ("Được ủy quyền kết nạp từ", "Decides admissions from"),
    "col.admits_document": ("Văn bản ủy quyền", "Authorisation"),
    "unit.admits_not_grassroots": (
        "Chỉ đảng ủy cơ sở được ủy quyền quyết định kết nạp; {code} không phải đảng bộ cơ sở.",
        "Only a grassroots committee can be authorised to decide admissions; {code} is not one.",
    ),
    "candidate.roster_only": (
        "Người mã số {id} là đảng viên có trong danh sách, không có hồ sơ kết nạp trong công "
        "cụ; đây là thông tin đảng viên.",
        "Person {id} is a member from a roster with no admission record here; this is the "
        "member sheet.",
    ),
    "help.admission.not_recognised": (
        "Ghi một lần chi bộ biểu quyết không công nhận đảng viên chính thức (R23).",
        "Record a cell vote that did not recognise official membership (R23).",
    ),
    "check.report_up": (
        "Đây là lần thứ {count} chi bộ không công nhận đảng viên chính thức: chi bộ báo cáo cấp "
        "ủy cấp trên để quyết định (xóa tên khỏi danh sách đảng viên dự bị).",
        "This is the cell's vote number {count} not to recognise: the cell reports to the upper "
        "committee for the decision (removal from the probationary list).",
    ),
    "candidate.report_up": (
        "R23: chi bộ đã {count} lần không công nhận chính thức; phải báo cáo cấp ủy cấp trên "
        "quyết định.",
        "R23: the cell voted {count} times not to recognise; it must report up for the decision.",
    ),
    "deadline.member-record": ("khai lý lịch đảng viên", "member record (lý lịch)"),
}
