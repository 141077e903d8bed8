"""Options, arguments and their names in usage lines (metavar.*), the app line."""

# key: (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
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
    "opt.actor": (
        "Người thực hiện ghi vào nhật ký (mặc định: người dùng hệ điều hành).",
        "Who to record in the audit trail (default: the operating-system user).",
    ),
    "opt.show_private": (
        "Hiện đầy đủ số CCCD và số điện thoại.",
        "Show national ID and phone numbers unmasked.",
    ),
    "arg.unit_code": ("Mã đơn vị.", "Unit code."),
    "arg.unit_name": ("Tên đơn vị.", "Unit name."),
    "opt.kind": ("Loại tổ chức: {choices}.", "Kind of unit: {choices}."),
    "opt.parent": ("Mã đơn vị cấp trên.", "Code of the parent unit."),
    "opt.block": ("Khối: {choices}.", "Block: {choices}."),
    "opt.founded": ("Ngày thành lập.", "Date founded."),
    "opt.unit_filter": ("Chỉ đơn vị này (và cấp dưới).", "Only this unit (and its subtree)."),
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
    "arg.period": (
        "Kỳ: năm (2022), nhiệm kỳ (2020-2025) hoặc tên kỳ đã khai báo.",
        "Period: a year (2022), a term (2020-2025) or a named period.",
    ),
    "arg.target": ("Số đảng viên cần kết nạp.", "Number of admissions to reach."),
    "opt.source": (
        "Nơi giao chỉ tiêu (vd. tinh, thanh-uy).",
        "Who set the quota (e.g. tinh, thanh-uy).",
    ),
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
    "opt.void_reason": ("Lý do hủy.", "Why it is voided."),
    "opt.void_event": (
        "Chỉ hủy bước (sự kiện) mang mã này, không hủy cả hồ sơ.",
        "Void only the step (event) with this id, not the whole registration.",
    ),
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
    "opt.decision": ("Số quyết định.", "Decision number."),
    "opt.date": ("Ngày.", "Date."),
    "opt.ceremony": ("Ngày lễ kết nạp.", "Ceremony date."),
    "opt.body": ("Cơ quan ra quyết định.", "Issuing body."),
    "opt.as_of": ("Tính tiến độ đến ngày (mặc định: hôm nay).", "Pace as of this date (today)."),
    "opt.by": ("Nhóm theo: unit hoặc block.", "Group by: unit or block."),
    "opt.depth": ("Số cấp hiển thị.", "How many levels to show."),
    "opt.fail_under": (
        "Thoát với mã 3 nếu có đơn vị dưới tỷ lệ này (%).",
        "Exit 3 when a listed unit is below this percent.",
    ),
    "opt.encoding": (
        "Bảng mã của tệp (mặc định: tự nhận biết).",
        "File encoding (default: detected).",
    ),
    "opt.delimiter": ("Dấu phân cách cột.", "Column delimiter."),
    "opt.sheet": ("Trang tính (tệp .xlsx).", "Worksheet (.xlsx files)."),
    "opt.dry_run": ("Chỉ kiểm tra, không ghi.", "Check only, write nothing."),
    "opt.errors": ("Ghi các dòng lỗi ra tệp CSV.", "Write the bad rows to a CSV file."),
    "opt.quiet": ("Không hiện tiến trình.", "No progress display."),
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
    "arg.export_file": (
        "Tệp ghi ra: .csv (UTF-8 có BOM, Excel mở được), .tsv hoặc .xlsx; - để ghi CSV "
        "ra đầu ra chuẩn.",
        "File to write: .csv (UTF-8 with BOM, opens in Excel), .tsv or .xlsx; - writes CSV "
        "to stdout.",
    ),
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
    "arg.backup_file": ("Tệp sao lưu.", "Backup file."),
    "opt.yes": ("Xác nhận, không hỏi lại.", "Confirm without asking."),
    "opt.reopen": (
        "Cho phép sửa số liệu của kỳ đã khóa sổ, ghi lý do vào nhật ký.",
        "Allow changing a closed period's figures; the reason goes to the audit trail.",
    ),
    "opt.reopen_reason": ("Lý do mở lại kỳ.", "Why the period is reopened."),
    "opt.entity": (
        "Chỉ loại bản ghi này (unit, quota, person, pipeline_event, period, import…).",
        "Only this kind of record (unit, quota, person, pipeline_event, period, import…).",
    ),
    "opt.since": ("Từ ngày này.", "From this date on."),
    "opt.actor_filter": ("Chỉ thay đổi của người này.", "Only changes made by this user."),
    "opt.limit": ("Chỉ N thay đổi gần nhất.", "Only the last N changes."),
    "opt.copy_to": (
        "Cơ sở dữ liệu đích: tệp SQLite mới hoặc URL, vd. postgresql+psycopg://…",
        "Target database: a new SQLite file or a URL, e.g. postgresql+psycopg://…",
    ),
    "opt.dissolved": ("Ngày giải thể.", "Date dissolved."),
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
}
