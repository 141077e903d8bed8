"""Candidates' steps: classes, votes, dossiers, admissions, people."""

# key: (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
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
    "person.not_found": ("Không có người mã số {id}.", "No person with id {id}."),
    "person.duplicate_national_id": (
        "Số CCCD này đã thuộc về người mã số {other}.",
        "This national ID already belongs to person {other}.",
    ),
    "candidate.added": ("Đã đăng ký, mã số {id}.", "Registered, id {id}."),
    "admission.recorded": (
        "Đã ghi quyết định {decision} ngày {date} cho mã số {id}.",
        "Recorded decision {decision} of {date} for id {id}.",
    ),
    "admission.already": (
        "Người mã số {id} đã có quyết định kết nạp {decision}.",
        "Person {id} already has admission decision {decision}.",
    ),
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
    "person.not_stated": (
        "Chưa ghi {field}: lưu là chưa rõ, Biểu 2-BTCTW đếm ở dòng \u201cchưa ghi\u201d.",
        '{field} not given: stored as unknown, counted in the "not recorded" row of Biểu 2-BTCTW.',
    ),
    "candidate.roster_only": (
        "Người mã số {id} là đảng viên có trong danh sách, không có hồ sơ kết nạp trong công "
        "cụ; đây là thông tin đảng viên.",
        "Person {id} is a member from a roster with no admission record here; this is the "
        "member sheet.",
    ),
    "candidate.report_up": (
        "R23: chi bộ đã {count} lần không công nhận chính thức; phải báo cáo cấp ủy cấp trên "
        "quyết định.",
        "R23: the cell voted {count} times not to recognise; it must report up for the decision.",
    ),
}
