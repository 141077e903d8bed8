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
    "opt.help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
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
    "bieu2.religious": ("Người theo tôn giáo", "religious believers"),
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
    "import.dissolved_before_founded": (
        "Ngày giải thể sớm hơn ngày thành lập.",
        "The dissolution date is before the founding date.",
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
        "Tệp ghi ra: .csv (UTF-8 có BOM, Excel mở được), .tsv hoặc .xlsx.",
        "File to write: .csv (UTF-8 with BOM, opens in Excel), .tsv or .xlsx.",
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
    "arg.member_id": ("Mã số đảng viên (cột Mã số của 'member list').", "Member id."),
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
        "Ngoại lệ trình độ học vấn: vung-kho-khan (R5) hoặc nguoi-co-uy-tin (R6).",
        "Education exception: vung-kho-khan (R5) or nguoi-co-uy-tin (R6).",
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
        "Tệp kết quả (cột: person_id, result, certificate_no, certificate_date).",
        "Results file (columns: person_id, result, certificate_no, certificate_date).",
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
}
