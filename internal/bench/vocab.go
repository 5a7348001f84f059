package bench

// The words of the corpus: the vocabulary of the plan's guidance pages, so
// that slugs, collation and Unicode handling see realistic Vietnamese.

var sectionTitles = []string{
	"Hướng dẫn", "Dịch vụ công", "Căn cước công dân", "Định danh điện tử", "An sinh xã hội",
	"Y tế và bảo hiểm", "Giáo dục", "Thanh toán không tiền mặt", "Dữ liệu dân cư", "Tin tức",
}

var topics = []string{
	"Tài khoản định danh điện tử", "Hồ sơ trực tuyến", "Thủ tục hành chính", "Căn cước gắn chip",
	"Đăng ký khai sinh", "Đăng ký khai tử", "Thông báo lưu trú", "Khám bệnh bằng căn cước",
	"Chi trả an sinh xã hội", "Tài khoản ngân hàng", "Ứng dụng VNeID", "Cổng dịch vụ công",
	"Số hóa hồ sơ", "Bộ phận một cửa", "Xác thực sinh trắc học", "Giấy tờ tùy thân",
	"Đăng ký thường trú", "Đăng ký tạm trú", "Cấp đổi giấy phép lái xe", "Lý lịch tư pháp",
	"Nộp thuế điện tử", "Hóa đơn tiền điện", "Học bạ số", "Sổ sức khỏe điện tử",
}

var verbs = []string{
	"hướng dẫn", "đăng ký", "kích hoạt", "tra cứu", "nộp", "kiểm tra", "cập nhật", "xác thực",
	"tiếp nhận", "giải quyết", "thanh toán", "chuẩn bị", "khai báo", "cấp", "đối chiếu", "lưu trữ",
	"hỗ trợ", "thông báo", "rà soát", "số hóa",
}

var nouns = []string{
	"người dân", "tài khoản", "định danh điện tử", "dịch vụ công", "hồ sơ", "thủ tục hành chính",
	"Công an xã", "UBND xã", "căn cước công dân", "mã OTP", "số điện thoại", "bảo hiểm y tế",
	"phiếu khám bệnh", "ảnh chân dung", "vân tay", "dữ liệu dân cư", "cơ sở dữ liệu quốc gia",
	"kế hoạch", "nhiệm vụ", "chỉ tiêu", "tiến độ", "báo cáo tuần", "cán bộ một cửa", "công chức",
	"mẫu đơn", "tờ khai", "giấy khai sinh", "giấy chứng tử", "hộ nghèo", "hộ cận nghèo",
	"người cao tuổi", "học sinh", "trạm y tế", "ngân hàng", "trợ cấp", "lương hưu", "hóa đơn",
	"điện thoại thông minh", "ứng dụng VNeID", "cổng dịch vụ công tỉnh", "kết quả giải quyết",
}

var glue = []string{
	"và", "của", "cho", "được", "để", "theo", "trên", "tại", "khi", "cần", "phải", "có thể",
	"đã", "sẽ", "không", "với", "các", "những", "mỗi", "trong", "sau khi", "trước khi", "đến",
}

var places = []string{
	"tại xã", "ở thị trấn", "cho người cao tuổi", "trên điện thoại", "tại bộ phận một cửa",
	"cho hộ gia đình", "trong năm 2023", "qua cổng dịch vụ công", "tại trạm y tế", "cho học sinh",
}

var steps = []string{
	"Chuẩn bị giấy tờ", "Đăng nhập ứng dụng", "Nhập mã OTP", "Chụp ảnh chân dung", "Nộp hồ sơ",
	"Thanh toán lệ phí", "Nhận kết quả", "Tra cứu tình trạng", "Xác thực tài khoản", "Khai báo thông tin",
	"Chọn dịch vụ", "Ký số hồ sơ", "Bổ sung giấy tờ", "Đánh giá mức độ hài lòng",
}

var indicatorNames = []string{
	"tai-khoan-dinh-danh", "can-bo-nop-truc-tuyen", "dich-vu-cong-thiet-yeu", "thu-tuc-toan-trinh",
}

var indicatorTitles = []string{
	"Tài khoản định danh điện tử được cấp", "Hồ sơ của cán bộ, công chức nộp trực tuyến",
	"Dịch vụ công thiết yếu được triển khai", "Thủ tục đủ điều kiện cung cấp trực tuyến toàn trình",
}

type unitName struct{ id, name, short string }

var offices = []unitName{
	{"ubnd-huyen", "Ủy ban nhân dân huyện Lộc Hà", "UBND huyện"},
	{"cong-an-huyen", "Công an huyện Lộc Hà", "Công an huyện"},
	{"van-phong-hdnd-ubnd-huyen", "Văn phòng HĐND và UBND huyện Lộc Hà", "Văn phòng HĐND-UBND huyện"},
	{"phong-tu-phap", "Phòng Tư pháp huyện Lộc Hà", "Phòng Tư pháp"},
	{"phong-noi-vu", "Phòng Nội vụ huyện Lộc Hà", "Phòng Nội vụ"},
	{"phong-lao-dong-tbxh", "Phòng Lao động - Thương binh và Xã hội huyện Lộc Hà", "Phòng LĐ-TB&XH"},
	{"bhxh-huyen", "Bảo hiểm xã hội huyện Lộc Hà", "BHXH huyện"},
	{"trung-tam-y-te-huyen", "Trung tâm Y tế huyện Lộc Hà", "TTYT huyện"},
}

var communes = []unitName{
	{"thi-tran-loc-ha", "Thị trấn Lộc Hà", "TT Lộc Hà"},
	{"xa-binh-an", "Xã Bình An", "Bình An"},
	{"xa-ho-do", "Xã Hộ Độ", "Hộ Độ"},
	{"xa-hong-loc", "Xã Hồng Lộc", "Hồng Lộc"},
	{"xa-ich-hau", "Xã Ích Hậu", "Ích Hậu"},
	{"xa-mai-phu", "Xã Mai Phụ", "Mai Phụ"},
	{"xa-phu-luu", "Xã Phù Lưu", "Phù Lưu"},
	{"xa-tan-loc", "Xã Tân Lộc", "Tân Lộc"},
	{"xa-thach-chau", "Xã Thạch Châu", "Thạch Châu"},
	{"xa-thach-kim", "Xã Thạch Kim", "Thạch Kim"},
	{"xa-thach-my", "Xã Thạch Mỹ", "Thạch Mỹ"},
	{"xa-thinh-loc", "Xã Thịnh Lộc", "Thịnh Lộc"},
}
