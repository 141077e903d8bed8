"""The help line of every command group and command (help.*)."""

# key: (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "help.db.init": (
        "Tạo cơ sở dữ liệu mới (tệp SQLite hoặc lược đồ trên PostgreSQL).",
        "Create a new database (a SQLite file, or the schema on PostgreSQL).",
    ),
    "help.db": ("Quản lý tệp cơ sở dữ liệu.", "Manage the database file."),
    "help.db.path": ("In đường dẫn cơ sở dữ liệu đang dùng.", "Print the database in use."),
    "help.db.upgrade": (
        "Nâng cấp lược đồ lên phiên bản mới nhất (sao lưu trước).",
        "Upgrade the schema to the latest version (backs up first).",
    ),
    "help.unit": ("Tổ chức đảng: thêm, xem, nhập.", "Party units: add, list, show, import."),
    "help.unit.add": ("Thêm một tổ chức đảng.", "Add a Party unit."),
    "help.unit.list": ("Liệt kê các tổ chức đảng.", "List Party units."),
    "help.unit.show": ("Xem một tổ chức đảng.", "Show one Party unit."),
    "help.unit.import": (
        "Nhập danh sách tổ chức đảng từ tệp CSV/Excel.",
        "Import Party units from a CSV/Excel file.",
    ),
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
    "help.quota": ("Chỉ tiêu kết nạp đảng viên.", "Admission quotas."),
    "help.quota.set": (
        "Đặt chỉ tiêu cho đơn vị trong một kỳ.",
        "Set a unit's quota for a period.",
    ),
    "help.quota.list": ("Liệt kê chỉ tiêu.", "List quotas."),
    "help.quota.import": ("Nhập chỉ tiêu từ tệp.", "Import quotas from a file."),
    "help.quota.unset": (
        "Xóa chỉ tiêu đặt nhầm của đơn vị trong một kỳ (nhật ký vẫn giữ lại).",
        "Remove a unit's quota set by mistake for a period (the audit trail keeps it).",
    ),
    "help.unit.remove": (
        "Xóa đơn vị thêm nhầm, chưa có lịch sử (đơn vị đã có dữ liệu thì giải thể: "
        "unit edit --dissolved).",
        "Remove a unit added by mistake that has no history (a unit with data is dissolved "
        "instead: unit edit --dissolved).",
    ),
    "help.step.void": (
        "Hủy một hồ sơ quần chúng ghi nhầm, hoặc một bước ghi nhầm (--event); "
        "nhật ký và lịch sử vẫn giữ lại.",
        "Void a candidate registered by mistake, or one wrongly recorded step (--event); "
        "the history and the audit trail keep it.",
    ),
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
    "help.admission": ("Quyết định kết nạp, lễ kết nạp, chính thức.", "Admissions."),
    "help.admission.record": (
        "Ghi quyết định kết nạp của một quần chúng.",
        "Record a candidate's admission decision.",
    ),
    "help.member": ("Danh sách đảng viên của đơn vị.", "Unit rosters."),
    "help.member.list": ("Liệt kê đảng viên.", "List members."),
    "help.member.import": (
        "Nhập danh sách đảng viên của một đơn vị.",
        "Import a unit's member roster.",
    ),
    "help.report": ("Báo cáo cho cấp ủy và cho script.", "Reports for the committee and scripts."),
    "help.report.quota": (
        "Tiến độ thực hiện chỉ tiêu theo đơn vị.",
        "Progress against quotas, per unit.",
    ),
    "help.demo": (
        "Tạo cơ sở dữ liệu mẫu từ examples/ và in bảng chỉ tiêu 2021.",
        "Build the example database from examples/ and print the 2021 quota table.",
    ),
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
    "help.period": ("Kỳ báo cáo: năm, nhiệm kỳ, khoảng ngày.", "Periods: years, terms, ranges."),
    "help.period.add": ("Khai báo một kỳ có tên.", "Declare a named period."),
    "help.period.list": ("Liệt kê các kỳ.", "List periods."),
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
    "help.report.document": (
        "Viết báo cáo công tác phát triển đảng viên của Ban Tổ chức từ dữ liệu (.docx, .md).",
        "Write the organization department's report on admissions from the data (.docx, .md).",
    ),
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
    "help.member.show": ("Xem một đảng viên.", "Show one member."),
    "help.member.edit": (
        "Đặt cờ giữ vị trí chủ chốt hoặc chức vụ của một đảng viên.",
        "Set a member's key-position flag or position.",
    ),
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
    "help.audit": ("Nhật ký thay đổi.", "The audit trail."),
    "help.audit.list": (
        "Liệt kê các thay đổi: ai, khi nào, lệnh nào, trước và sau.",
        "List changes: who, when, which command, before and after.",
    ),
    "help.period.close": (
        "Khóa sổ một kỳ đã báo cáo: số liệu của kỳ không được sửa nữa.",
        "Close a reported period: its figures can no longer change.",
    ),
    "help.period.reopen": ("Mở lại một kỳ đã khóa sổ.", "Reopen a closed period."),
    "help.db.copy": (
        "Chép toàn bộ cơ sở dữ liệu sang một cơ sở dữ liệu trống (SQLite ⇄ PostgreSQL), "
        "đối chiếu số dòng và mã kiểm tra từng bảng.",
        "Copy the whole database into an empty one (SQLite ⇄ PostgreSQL), checking row "
        "counts and a checksum per table.",
    ),
    "help.unit.edit": (
        "Sửa một tổ chức đảng (tên, loại, cấp trên, khối, ngày thành lập, giải thể).",
        "Edit a Party unit (name, kind, parent, block, founded, dissolved).",
    ),
    "help.admission.not_recognised": (
        "Ghi một lần chi bộ biểu quyết không công nhận đảng viên chính thức (R23).",
        "Record a cell vote that did not recognise official membership (R23).",
    ),
}
