"""Realistic Vietnamese wording for the sample documents: a provincial Party committee
(Tỉnh ủy Lạng Sơn) on its records and archive work. Names of people are invented.
"""
from __future__ import annotations

from thethuc.testing.party import Signer

CAP_TREN = ("ĐẢNG BỘ TỈNH LẠNG SƠN",)
TINH_UY = ("TỈNH ỦY",)
BI_THU = Signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Văn Minh")
PHO_BI_THU = Signer("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lương Thị Hoa")
TL_CHANH_VP = Signer("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Nông Đức Thắng")
CHANH_VP = Signer(None, "CHÁNH VĂN PHÒNG", "Nông Đức Thắng")
KT_CHANH_VP = Signer("K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Vi Thị Lan")
LUU = "- Lưu Văn phòng Tỉnh ủy."

NOI_NHAN_TINH = (
    "- Ban Bí thư Trung ương Đảng (để báo cáo),",
    "- Văn phòng Trung ương Đảng (để báo cáo),",
    "- Các đồng chí Tỉnh ủy viên,",
    "- Các huyện ủy, thành ủy, đảng ủy trực thuộc,",
    "- Các ban, ngành, đoàn thể tỉnh,",
    LUU,
)

TINH_HINH = (
    "Những năm qua, công tác văn thư, lưu trữ của Đảng bộ tỉnh đã có nhiều chuyển biến tích cực. "
    "Cấp ủy, tổ chức đảng các cấp quan tâm lãnh đạo, chỉ đạo; hệ thống văn bản hướng dẫn từng bước "
    "được hoàn thiện; đội ngũ cán bộ làm công tác văn thư, lưu trữ được bổ sung, bồi dưỡng nghiệp vụ; "
    "cơ sở vật chất, kho lưu trữ được đầu tư, nâng cấp.",
    "Việc soạn thảo, ban hành văn bản của các cấp ủy cơ bản bảo đảm đúng thể thức, kỹ thuật trình bày "
    "theo Hướng dẫn số 36-HD/VPTW ngày 03 tháng 4 năm 2018 của Văn phòng Trung ương Đảng. Công tác lập "
    "hồ sơ công việc và nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan được thực hiện nền nếp hơn; nhiều "
    "phông tài liệu có giá trị được chỉnh lý, xác định giá trị và bảo quản an toàn.",
    "Tuy nhiên, công tác văn thư, lưu trữ vẫn còn những hạn chế: một số cấp ủy chưa thật sự quan tâm; "
    "việc lập hồ sơ công việc ở một số cơ quan còn hình thức; tài liệu tồn đọng chưa được chỉnh lý còn "
    "nhiều; kho lưu trữ ở một số huyện chật hẹp, xuống cấp; việc ứng dụng công nghệ thông tin, số hóa "
    "tài liệu còn chậm, chưa đồng bộ.",
    "Nguyên nhân chủ yếu của hạn chế là nhận thức của một bộ phận cán bộ, đảng viên về vị trí, vai trò "
    "của công tác văn thư, lưu trữ chưa đầy đủ; đội ngũ cán bộ làm công tác lưu trữ ở cơ sở phần lớn "
    "kiêm nhiệm, thường xuyên thay đổi; kinh phí đầu tư cho công tác lưu trữ còn hạn hẹp.",
)

NHIEM_VU = (
    "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, tổ chức đảng đối với công tác văn thư, lưu trữ; "
    "xác định đây là nhiệm vụ thường xuyên, gắn với trách nhiệm của người đứng đầu cấp ủy, cơ quan, "
    "đơn vị. Đưa nội dung công tác văn thư, lưu trữ vào chương trình kiểm tra, giám sát hằng năm.",
    "Thực hiện nghiêm việc lập hồ sơ công việc và nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan đúng "
    "thời hạn theo quy định; không để tài liệu tích đống, tồn đọng; kiên quyết khắc phục tình trạng "
    "cán bộ nghỉ hưu, chuyển công tác mang theo hồ sơ, tài liệu của cơ quan.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý văn bản đến, văn bản đi; triển khai số hóa "
    "tài liệu lưu trữ có giá trị sử dụng thường xuyên, trước hết là tài liệu của Ban Chấp hành, Ban "
    "Thường vụ Tỉnh ủy các khóa; xây dựng cơ sở dữ liệu tài liệu lưu trữ của Đảng bộ tỉnh.",
    "Quan tâm đầu tư cơ sở vật chất, trang thiết bị bảo quản tài liệu; cải tạo, nâng cấp kho lưu trữ "
    "cấp huyện; bố trí đủ diện tích kho, giá, hộp, cặp đựng tài liệu theo tiêu chuẩn; bảo đảm phòng "
    "cháy, chữa cháy, chống ẩm, chống mối mọt cho kho lưu trữ.",
    "Chú trọng xây dựng đội ngũ cán bộ làm công tác văn thư, lưu trữ đủ về số lượng, bảo đảm về chất "
    "lượng; thường xuyên tập huấn, bồi dưỡng nghiệp vụ; thực hiện đầy đủ chế độ, chính sách đối với "
    "cán bộ làm công tác lưu trữ theo quy định.",
    "Phát huy giá trị tài liệu lưu trữ phục vụ công tác nghiên cứu lịch sử Đảng bộ, tổng kết thực "
    "tiễn, xây dựng chủ trương, nghị quyết của cấp ủy; tổ chức giới thiệu, trưng bày tài liệu lưu trữ "
    "nhân các ngày lễ lớn của đất nước và của tỉnh.",
)

SO_HOA = (
    "Khảo sát, thống kê toàn bộ tài liệu đang bảo quản tại Kho Lưu trữ Tỉnh ủy; lựa chọn tài liệu có "
    "giá trị sử dụng thường xuyên, tài liệu có nguy cơ hư hỏng để ưu tiên số hóa trước; lập danh mục "
    "hồ sơ, tài liệu cần số hóa theo từng phông, từng khóa.",
    "Chuẩn hóa dữ liệu đặc tả theo hướng dẫn của Cục Lưu trữ Văn phòng Trung ương Đảng; tài liệu sau "
    "khi số hóa được kiểm tra chất lượng, ký số và lưu trữ an toàn trên hệ thống máy chủ của Văn phòng "
    "Tỉnh ủy, có bản sao dự phòng ở địa điểm khác.",
    "Việc khai thác, sử dụng tài liệu số hóa phải bảo đảm đúng quy định về bảo vệ bí mật nhà nước; "
    "tài liệu thuộc danh mục bí mật không được đưa lên hệ thống kết nối mạng Internet; phân quyền truy "
    "cập rõ ràng theo chức năng, nhiệm vụ của từng cơ quan, đơn vị.",
)

TO_CHUC = (
    "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy tổ chức quán triệt và xây dựng kế hoạch cụ thể "
    "thực hiện văn bản này, báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước "
    "ngày 15 tháng 12 hằng năm.",
    "Văn phòng Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi, hướng dẫn, đôn đốc, kiểm "
    "tra việc thực hiện; định kỳ tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy.",
)
