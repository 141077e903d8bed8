"""The committee's report as a document (doc.*) and Biểu 2 (bieu2.*)."""

# key: (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
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
}
