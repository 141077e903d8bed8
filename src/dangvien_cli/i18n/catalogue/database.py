"""The database: init, upgrade, backup, restore, copy, db check, the audit trail."""

# key: (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
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
    "db.missing": (
        "Không có cơ sở dữ liệu tại {where}; tạo mới bằng `dangvien db init`.",
        "No database at {where}; create one with `dangvien db init`.",
    ),
    "db.created": ("Đã tạo cơ sở dữ liệu {where}.", "Created the database {where}."),
    "db.exists": (
        "Cơ sở dữ liệu {where} đã có (lược đồ {rev}); không thay đổi gì.",
        "The database {where} exists already (schema {rev}); nothing changed.",
    ),
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
    "check.members_not_roster": (
        "Chi bộ xét ngày {on}: ghi {typed} đảng viên chính thức nhưng danh sách đảng viên của chi "
        "bộ có {roster} đảng viên chính thức ngày đó.",
        "Cell vote on {on}: {typed} official members typed, but the cell's roster shows "
        "{roster} official members that day.",
    ),
    "check.wrong_decider": (
        "Quyết định kết nạp ngày {on} do {body} ban hành; chỉ {allowed} có thẩm quyền quyết định "
        "(ban thường vụ cấp ủy cấp trên trực tiếp, hoặc đảng ủy cơ sở đã được ủy quyền).",
        "The admission decision of {on} was issued by {body}; only {allowed} may decide (the "
        "standing committee of the committee directly above, or an authorised grassroots "
        "committee).",
    ),
    "check.report_up": (
        "Đây là lần thứ {count} chi bộ không công nhận đảng viên chính thức: chi bộ báo cáo cấp "
        "ủy cấp trên để quyết định (xóa tên khỏi danh sách đảng viên dự bị).",
        "This is the cell's vote number {count} not to recognise: the cell reports to the upper "
        "committee for the decision (removal from the probationary list).",
    ),
}
