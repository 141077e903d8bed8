"""Refusals and warnings shared by every command: files in, hostile text, undo, confirmation."""

# key: (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
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
    "import.successor_without_dissolved": (
        "Đơn vị '{code}' có đơn vị kế thừa nhưng không có ngày giải thể.",
        "Unit '{code}' has a successor but no dissolution date.",
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
    "confirm.needs_yes": (
        "Thao tác này xóa hoặc hủy dữ liệu và cần xác nhận; chạy lại với --yes.",
        "This removes or voids data and needs confirming; run it again with --yes.",
    ),
    "confirm.declined": ("Đã thôi; không thay đổi gì.", "Cancelled; nothing changed."),
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
    "exception.line": (
        "Ngoại lệ {rule}: {body}, văn bản {document} {date} — {reason}",
        "Exception {rule}: {body}, document {document} {date} — {reason}",
    ),
    "exception.recorded": (
        "Đã ghi ngoại lệ {rule} cho mã số {id}.",
        "Recorded exception {rule} for id {id}.",
    ),
    "import.duplicate_in_file": (
        "'{value}' trùng với dòng {first} của tệp.",
        "'{value}' repeats line {first} of the file.",
    ),
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
    "import.rows": ("{rows} dòng", "{rows} rows"),
    "import.rate": ("{rate} dòng/giây", "{rate} rows/s"),
    "exception.applied": (
        "{waived}: áp dụng ngoại lệ {rule} đã được chấp thuận ({body}, văn bản {document}).",
        "{waived}: applied the approved exception {rule} ({body}, document {document}).",
    ),
    "exception.not_waivable": (
        "Không ghi được ngoại lệ {rule}: {why_vi}.",
        "Cannot record an exception to {rule}: {why_en}.",
    ),
}
