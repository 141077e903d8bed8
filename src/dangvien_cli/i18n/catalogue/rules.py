"""The sentences of the Party's rules: what a breach says (services.rules' checks), and the
labels those sentences use for education levels, pipeline steps and voting bodies.

A breach (services.rule_engine.Violation) keeps the key and its parameters and is worded here
when shown; dates are filled in as dd/mm/yyyy in Vietnamese and ISO in English.
"""

# fmt: off
# rules-toml (issue 15, point 2): moved from services/rules.py's own catalogue.
MESSAGES: dict[str, tuple[str, str]] = {
    "rules.not_on_file": (
        "Chưa có dữ liệu quy định \u201c{title}\u201d cho ngày {on}; "
        "chưa kiểm tra được.",
        "No rule data for \"{title}\" on {on}; not checked."),
    "rules.age_low": (
        "Tuổi đời khi chi bộ xét ngày {on} là {found} tháng, chưa đủ {years} tuổi "
        "({limit} tháng).",
        "Age at the cell meeting on {on} is {found} months, below {years} years "
        "({limit} months)."),
    "rules.age_low_rounding": (
        "Tuổi đời khi chi bộ xét ngày {on} là {found} tháng, thiếu dưới một tháng để đủ "
        "{years} tuổi ({limit} tháng); chưa rõ có được tính tròn tháng không.",
        "Age at the cell meeting on {on} is {found} months, less than a month short of "
        "{years} years ({limit} months); whether the month counts is unconfirmed."),
    "rules.age_high": (
        "Tuổi đời khi chi bộ xét ngày {on} là {found} tháng, quá {years} tuổi ({limit} "
        "tháng); cần văn bản đồng ý của Ban Thường vụ Tỉnh ủy trước khi quyết định kết nạp.",
        "Age at the cell meeting on {on} is {found} months, over {years} years ({limit} "
        "months); the provincial standing committee must consent in writing before the decision."),
    "rules.age_high_rounding": (
        "Tuổi đời khi chi bộ xét ngày {on} vừa đủ {limit} tháng nhưng đã sang tháng sau "
        "theo lịch; chưa rõ cách tính theo ngày.",
        "Age at the cell meeting on {on} is exactly {limit} months but in the following "
        "calendar month; day-level counting is unconfirmed."),
    "rules.education_unknown": (
        "Chưa ghi trình độ học vấn; mức tối thiểu là {need}.",
        "Education is not recorded; the minimum is {need}."),
    "rules.education_low": (
        "Trình độ học vấn ({has}) thấp hơn mức tối thiểu ({need}).",
        "Education ({has}) is below the minimum ({need})."),
    "rules.education_area_unconfirmed": (
        "Trình độ học vấn ({has}) chỉ đạt nhờ ngoại lệ vùng khó khăn, chưa xác nhận cho giai "
        "đoạn này.",
        "Education ({has}) passes only by the hardship-area exception, unconfirmed for this "
        "period."),
    "rules.education_consent": (
        "Trình độ học vấn ({has}) chỉ được chấp nhận khi có văn bản đồng ý của Ban Thường vụ "
        "Tỉnh ủy.",
        "Education ({has}) is accepted only with the provincial standing committee's written "
        "consent."),
    "rules.education_below_area": (
        "Trình độ học vấn ({has}) thấp hơn cả mức tối thiểu của ngoại lệ vùng khó khăn "
        "({need}).",
        "Education ({has}) is below even the hardship-area minimum ({need})."),
    "rules.certificate_missing": (
        "Chưa có giấy chứng nhận bồi dưỡng nhận thức về Đảng khi chi bộ xét ngày {on}.",
        "No awareness-class certificate at the cell meeting on {on}."),
    "rules.certificate_after_meeting": (
        "Giấy chứng nhận bồi dưỡng nhận thức về Đảng cấp ngày {start}, sau ngày chi bộ "
        "xét {on}.",
        "The awareness-class certificate of {start} postdates the cell meeting of "
        "{on}."),
    "rules.certificate_expired": (
        "Giấy chứng nhận bồi dưỡng nhận thức về Đảng cấp ngày {start} hết giá trị "
        "{limit} tháng vào ngày {expected}, không còn dùng được khi chi bộ xét ngày "
        "{on}.",
        "The awareness-class certificate of {start} expired after {limit} months on "
        "{expected}, too late for the cell meeting of {on}."),
    "rules.introducer_count": (
        "Có {found} đảng viên giới thiệu, quy định là {limit} đảng viên chính thức.",
        "{found} party members introduce; the rule requires {limit} official members."),
    "rules.introducer_not_official": (
        "Người giới thiệu thứ {number} chưa là đảng viên chính thức.",
        "Introducer {number} is not an official party member."),
    "rules.introducer_short": (
        "Người giới thiệu thứ {number} mới cùng công tác, học tập hoặc cư trú với người vào Đảng "
        "{found} tháng, cần ít nhất {limit} tháng.",
        "Introducer {number} has worked, studied or lived with the applicant for {found} months; "
        "at least {limit} are required."),
    "rules.youth_too_old": (
        "Người vào Đảng {found} tuổi khi chi bộ xét, quá độ tuổi thanh niên ({limit}) để BCH đoàn "
        "giới thiệu.",
        "The applicant is {found} at the cell meeting, above youth age ({limit}) for a Youth "
        "Union introduction."),
    "rules.youth_two_members": (
        "Người vào Đảng {found} tuổi, trong độ tuổi thanh niên ({limit}): nơi có tổ chức Đoàn thì "
        "BCH đoàn cơ sở phải giới thiệu.",
        "The applicant is {found}, within youth age ({limit}): where a Youth Union exists, its "
        "committee must introduce."),
    "rules.vote_invalid": (
        "{body} ngày {on}: số liệu không hợp lệ ({found} tán thành trên {members} "
        "{who}).",
        "{body} on {on}: invalid counts ({found} in favour of {members} {who})."),
    "rules.vote_short": (
        "{body} ngày {on}: {found}/{members} {who} tán thành, chưa đạt {limit} "
        "(cần ít nhất {needed}).",
        "{body} on {on}: {found} of {members} {who} in favour, below {limit} "
        "(at least {needed} needed)."),
    "rules.decision_not_after": (
        "Quyết định kết nạp ngày {on} không sau nghị quyết chi bộ ngày {start}.",
        "The admission decision of {on} is not after the cell resolution of "
        "{start}."),
    "rules.decision_late": (
        "Quyết định kết nạp ngày {on} ban hành sau {found} ngày làm việc kể từ nghị quyết "
        "chi bộ ngày {start}, quá thời hạn {limit} ngày làm việc.",
        "The admission decision of {on} came {found} working days after the cell "
        "resolution of {start}, beyond the {limit}-working-day limit."),
    "rules.ceremony_before_decision": (
        "Lễ kết nạp ngày {on} diễn ra trước ngày {start} của quyết định kết nạp.",
        "The ceremony of {on} precedes the admission decision of {start}."),
    "rules.ceremony_late": (
        "Lễ kết nạp ngày {on} tổ chức sau {found} ngày làm việc kể từ quyết định ngày "
        "{start}, quá thời hạn {limit} ngày làm việc; cần cấp ủy cấp trên đồng ý.",
        "The ceremony of {on} came {found} working days after the decision of "
        "{start}, beyond the {limit}-working-day limit; the superior committee must "
        "agree."),
    "rules.official_date": (
        "Ngày công nhận đảng viên chính thức {on} khác ngày hết {limit} tháng dự bị "
        "{expected} (lễ kết nạp ngày {start}).",
        "The official-membership date {on} differs from the end of the {limit}-month "
        "probation, {expected} (ceremony {start})."),
    "rules.step_order": (
        "Bước \u201c{step}\u201d ngày {on} sớm hơn bước trước đó \u201c{prev}\u201d "
        "ngày {start}.",
        "Step \"{step}\" of {on} is dated before the earlier step \"{prev}\" of "
        "{start}."),
    "rules.cccd_not_digits": (
        "Số CCCD chỉ được gồm chữ số.",
        "A citizen ID number must contain digits only."),
    "rules.cccd_legacy": (
        "Số định danh có {found} chữ số là CMND mẫu cũ; cần cập nhật số CCCD {limit} chữ số.",
        "A {found}-digit number is an old identity card; record the {limit}-digit citizen ID."),
    "rules.cccd_length": (
        "Số CCCD có {found} chữ số, quy định là {limit} chữ số.",
        "The citizen ID has {found} digits; {limit} are required."),
    "rules.cccd_province": (
        "Mã tỉnh (3 chữ số đầu) của số CCCD không có trong danh mục của TT 07/2016/TT-BCA.",
        "The province code (first 3 digits) of the citizen ID is not in the TT 07/2016/TT-BCA "
        "list."),
    "rules.cccd_year": (
        "Thế kỷ và năm sinh mã hóa trong số CCCD (chữ số thứ 4 đến 6) không khớp với ngày sinh.",
        "The century and birth year encoded in the citizen ID (digits 4 to 6) do not match the "
        "birth date."),
    "rules.cccd_sex": (
        "Giới tính mã hóa trong số CCCD (chữ số thứ 4) không khớp với giới tính đã ghi.",
        "The sex encoded in the citizen ID (digit 4) does not match the recorded gender."),
    "rules.education.biet-doc-viet": (
        "biết đọc, biết viết chữ quốc ngữ", "literate in Vietnamese script"),
    "rules.education.tieu-hoc": ("tốt nghiệp tiểu học", "primary school"),
    "rules.education.thcs": ("tốt nghiệp THCS", "lower secondary school"),
    "rules.education.thpt": ("tốt nghiệp THPT", "upper secondary school"),
    "rules.step.sourced": ("tạo nguồn", "sourced"),
    "rules.step.class": ("học lớp bồi dưỡng nhận thức về Đảng", "awareness class"),
    "rules.step.application": ("đơn xin vào Đảng", "application"),
    "rules.step.cell-vote": ("chi bộ biểu quyết", "cell vote"),
    "rules.step.committee-resolution": ("nghị quyết đảng ủy cơ sở", "committee resolution"),
    "rules.step.decision": ("quyết định kết nạp", "admission decision"),
    "rules.step.ceremony": ("lễ kết nạp", "admission ceremony"),
    "rules.step.official": ("công nhận đảng viên chính thức", "official membership"),
    "rules.education.or_equivalent": ("{level} hoặc tương đương", "{level} or equivalent"),
    "rules.voters.cell": ("Chi bộ biểu quyết", "Cell vote"),
    "rules.voters.cell.who": ("đảng viên chính thức", "official members"),
    "rules.voters.committee": ("Đảng ủy cơ sở biểu quyết", "Committee vote"),
    "rules.voters.committee.who": ("cấp ủy viên", "committee members"),
}
# fmt: on
