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
        "Định dạng đầu ra: table, json, csv, tsv.",
        "Output format: table, json, csv, tsv.",
    ),
    "opt.lang": ("Ngôn ngữ: vi hoặc en (DANGVIEN_LANG).", "Language: vi or en (DANGVIEN_LANG)."),
    "opt.version": ("In phiên bản rồi thoát.", "Print the version and exit."),
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
    "unit.added": ("Đã thêm đơn vị {code}.", "Added unit {code}."),
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
    "opt.gender": ("Giới tính: nam, nu.", "Gender: nam (male), nu (female)."),
    "opt.ethnicity": ("Dân tộc.", "Ethnicity."),
    "opt.religion": ("Tôn giáo.", "Religion."),
    "opt.education": (
        "Trình độ phổ thông: biet-doc-viet, tieu-hoc, thcs, thpt.",
        "General education: biet-doc-viet, tieu-hoc, thcs, thpt.",
    ),
    "opt.national_id": ("Số CCCD (12 chữ số).", "National ID (CCCD, 12 digits)."),
    "opt.unit": ("Mã đơn vị.", "Unit code."),
    "opt.stage": ("Giai đoạn.", "Stage."),
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
        "{count} đơn vị dưới {pct}% chỉ tiêu.",
        "{count} units are below {pct}% of their quota.",
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
        "{where} đã có dữ liệu; dùng --db với một tệp mới.",
        "{where} already holds data; use --db with a new file.",
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
    "arg.file": ("Tệp CSV hoặc .xlsx.", "CSV or .xlsx file."),
    "opt.document": ("Số văn bản.", "Document number."),
    "opt.certificate": ("Số giấy chứng nhận.", "Certificate number."),
    "opt.result": ("Kết quả: passed, failed.", "Result: passed, failed."),
    "opt.issuer": ("Nơi cấp.", "Issued by."),
    "opt.introducer": (
        "Người giới thiệu: 'Họ tên' hoặc 'Họ tên:số tháng cùng công tác' (lặp lại).",
        "Introducer: 'Name' or 'Name:months together' (repeat).",
    ),
    "opt.route": ("Cách giới thiệu: two-members, youth-union, trade-union.", "Route."),
    "opt.votes_for": ("Số tán thành.", "Votes for."),
    "opt.official_members": (
        "Số đảng viên chính thức của chi bộ.",
        "Official members of the cell.",
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
    "opt.member_status": ("official hoặc probationary.", "official or probationary."),
    "opt.start": ("Ngày bắt đầu.", "Start date."),
    "opt.end": ("Ngày kết thúc.", "End date."),
    "opt.period_name": ("Tên kỳ.", "Period name."),
    "step.recorded": (
        "Đã ghi {step} ngày {date} cho mã số {id} (bước {event}).",
        "Recorded {step} on {date} for id {id} (step {event}).",
    ),
    "candidate.next": (
        "Bước tiếp theo: {step}; hạn: {deadline}.",
        "Next: {step}; deadline: {deadline}.",
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
}
