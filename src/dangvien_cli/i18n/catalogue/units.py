"""Units and the map changes, periods, quotas, members, exports, reports, the demo."""

# key: (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
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
    "report.fail_under": (
        "{count} đơn vị dưới {pct} chỉ tiêu.",
        "{count} units are below {pct} of their quota.",
    ),
    "report.no_rows": ("Không có dữ liệu.", "No data."),
    "demo.loaded": (
        "Đã nạp dữ liệu mẫu vào {where}: {units} đơn vị, {candidates} quần chúng.",
        "Loaded the example data into {where}: {units} units, {candidates} candidates.",
    ),
    "demo.not_empty": (
        "{where} đã có dữ liệu; không nạp lại dữ liệu mẫu (dùng --db với một tệp mới).",
        "{where} already holds data; the example data was not loaded again "
        "(use --db with a new file).",
    ),
    "member.official": ("chính thức", "official"),
    "member.probationary": ("dự bị", "probationary"),
    "period.saved": ("Đã lưu kỳ {code}.", "Saved period {code}."),
    "member.outside_unit": (
        "Đơn vị '{code}' không thuộc {unit}.",
        "Unit '{code}' is not under {unit}.",
    ),
    "report.total": ("Tổng cộng ({units} đơn vị)", "Total ({units} unit(s))"),
    "report.total_row": ("Tổng cộng", "Total"),
    "report.no_block": ("Chưa xếp khối", "No block"),
    "report.written": ("Đã ghi {path}.", "Wrote {path}."),
    "report.bad_output": (
        "--output: cần tệp .xlsx, .json, .csv hoặc .tsv, không phải '{path}'.",
        "--output: expected a .xlsx, .json, .csv or .tsv file, not '{path}'.",
    ),
    "report.cannot_write": ("Không ghi được {path}: {reason}", "Cannot write {path}: {reason}"),
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
    "unit.edited": ("Đã sửa đơn vị {code}.", "Edited unit {code}."),
    "quota.source_defaulted": (
        "{count} chỉ tiêu không ghi nguồn, đã ghi nguồn \u201c{source}\u201d; ghi --source hoặc "
        "cột nguồn nếu khác.",
        '{count} quota(s) without a source were recorded as "{source}"; give --source or a '
        "source column if that is wrong.",
    ),
    "unit.admits_not_grassroots": (
        "Chỉ đảng ủy cơ sở được ủy quyền quyết định kết nạp; {code} không phải đảng bộ cơ sở.",
        "Only a grassroots committee can be authorised to decide admissions; {code} is not one.",
    ),
}
