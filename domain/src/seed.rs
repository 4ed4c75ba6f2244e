//! The demo company: Sen Vàng, a Vietnamese maker of food, drinks, household
//! goods and cosmetics. The embedded demo backend and the reference server's
//! `--seed demo` both load it from here.

use crate::audience::{Audience, Condition, Segment};
use crate::benefits::{Allocation, LeaveBook};
use crate::company::Company;
use crate::date::Timestamp;
use crate::member::{Department, DepartmentId, EmploymentType, LocalizedText, Member, MemberId, Role, Site, SiteId};
use crate::offering::{Offering, OfferingId, OfferingKind};
use crate::store::{Actor, AllowancePolicy, Category, LineRequest, OrderRequest, OrderStatus, Product, ProductId, ReviewDraft, SegmentAllowance, Shop, Vnd};

/// Every seeded account signs in with this password (HTTP backend).
pub const DEMO_PASSWORD: &str = "demo";

/// The accounts the persona picker offers, in the order it shows them.
pub const PERSONA_EMAILS: [&str; 5] =
    ["lan.tran@noibo.example", "minh.le@noibo.example", "hoa.nguyen@noibo.example", "tuan.pham@noibo.example", "an.vo@noibo.example"];

const SALES: DepartmentId = DepartmentId(1);
const PRODUCTION: DepartmentId = DepartmentId(2);
const MARKETING: DepartmentId = DepartmentId(3);
const OPERATIONS: DepartmentId = DepartmentId(4);
const CUSTOMER_CARE: DepartmentId = DepartmentId(5);
const PEOPLE: DepartmentId = DepartmentId(6);
const PROCUREMENT: DepartmentId = DepartmentId(7);
const BOARD: DepartmentId = DepartmentId(8);

const HANOI: SiteId = SiteId(1);
const BINH_DUONG: SiteId = SiteId(2);
const SAIGON: SiteId = SiteId(3);

use EmploymentType::{Collaborator, FullTime, PartTime, PartnerSupplier, Seasonal};
use Role::{Hr, Manager, Member as Staff};

type Row = (&'static str, &'static str, DepartmentId, SiteId, EmploymentType, Role, &'static str, &'static [&'static str]);

/// email local part, full name, department, site, employment, role, hired on, hand-assigned tags
const PEOPLE_ROWS: &[Row] = &[
    ("lan.tran", "Trần Thị Lan", SALES, HANOI, FullTime, Staff, "2022-08-15", &["parents"]),
    ("minh.le", "Lê Văn Minh", SALES, HANOI, FullTime, Manager, "2018-04-02", &[]),
    ("hoa.nguyen", "Nguyễn Thị Hoa", PEOPLE, HANOI, FullTime, Hr, "2019-09-09", &["parents"]),
    ("tuan.pham", "Phạm Văn Tuấn", PRODUCTION, BINH_DUONG, Seasonal, Staff, "2026-09-01", &[]),
    ("an.vo", "Võ Thành An", PROCUREMENT, SAIGON, PartnerSupplier, Staff, "2024-02-19", &[]),
    ("quang.do", "Đỗ Nhật Quang", SALES, SAIGON, FullTime, Staff, "2021-06-07", &[]),
    ("thao.bui", "Bùi Phương Thảo", SALES, SAIGON, FullTime, Staff, "2026-03-16", &[]),
    ("khoa.dang", "Đặng Minh Khoa", SALES, HANOI, Collaborator, Staff, "2025-11-03", &[]),
    ("ngoc.huynh", "Huỳnh Bảo Ngọc", SALES, HANOI, PartTime, Staff, "2024-07-22", &[]),
    ("hung.nguyen", "Nguyễn Mạnh Hùng", PRODUCTION, BINH_DUONG, FullTime, Manager, "2015-03-02", &["parents"]),
    ("thu.tran", "Trần Thị Thu", PRODUCTION, BINH_DUONG, FullTime, Staff, "2017-10-16", &[]),
    ("dung.le", "Lê Tiến Dũng", PRODUCTION, BINH_DUONG, FullTime, Staff, "2020-01-06", &[]),
    ("hanh.vu", "Vũ Thị Hạnh", PRODUCTION, BINH_DUONG, Seasonal, Staff, "2026-10-05", &[]),
    ("phuc.ngo", "Ngô Hoàng Phúc", PRODUCTION, BINH_DUONG, Seasonal, Staff, "2026-10-12", &[]),
    ("my.duong", "Dương Thảo My", PRODUCTION, BINH_DUONG, PartTime, Staff, "2023-05-08", &["parents"]),
    ("son.ly", "Lý Thanh Sơn", PRODUCTION, BINH_DUONG, FullTime, Staff, "2012-08-20", &[]),
    ("trang.phan", "Phan Huyền Trang", MARKETING, HANOI, FullTime, Manager, "2019-02-25", &[]),
    ("duc.hoang", "Hoàng Anh Đức", MARKETING, HANOI, FullTime, Staff, "2023-09-11", &[]),
    ("vy.truong", "Trương Tường Vy", MARKETING, SAIGON, Collaborator, Staff, "2026-06-01", &[]),
    ("nam.dinh", "Đinh Hoài Nam", MARKETING, HANOI, PartTime, Staff, "2025-01-13", &[]),
    ("linh.ha", "Hà Diệu Linh", MARKETING, SAIGON, FullTime, Staff, "2021-12-06", &["parents"]),
    ("binh.mai", "Mai Xuân Bình", OPERATIONS, BINH_DUONG, FullTime, Manager, "2016-07-18", &[]),
    ("tam.cao", "Cao Minh Tâm", OPERATIONS, BINH_DUONG, FullTime, Staff, "2022-04-04", &[]),
    ("hieu.lam", "Lâm Trung Hiếu", OPERATIONS, SAIGON, FullTime, Staff, "2024-10-21", &[]),
    ("nhung.to", "Tô Hồng Nhung", OPERATIONS, HANOI, PartTime, Staff, "2025-08-25", &[]),
    ("long.trinh", "Trịnh Bảo Long", OPERATIONS, BINH_DUONG, Seasonal, Staff, "2026-09-15", &[]),
    ("yen.kieu", "Kiều Hải Yến", CUSTOMER_CARE, SAIGON, FullTime, Manager, "2018-11-12", &["parents"]),
    ("kiet.luu", "Lưu Tuấn Kiệt", CUSTOMER_CARE, SAIGON, FullTime, Staff, "2025-04-14", &[]),
    ("mai.quach", "Quách Tuyết Mai", CUSTOMER_CARE, SAIGON, PartTime, Staff, "2026-02-09", &[]),
    ("thinh.la", "La Quốc Thịnh", CUSTOMER_CARE, HANOI, FullTime, Staff, "2020-06-29", &[]),
    ("chau.ton", "Tôn Nữ Minh Châu", CUSTOMER_CARE, HANOI, Collaborator, Staff, "2026-07-20", &[]),
    ("giang.luong", "Lương Thu Giang", PEOPLE, HANOI, FullTime, Hr, "2021-03-22", &[]),
    ("phong.vuong", "Vương Đình Phong", PEOPLE, BINH_DUONG, FullTime, Staff, "2023-01-09", &[]),
    ("huong.thai", "Thái Thanh Hương", PEOPLE, SAIGON, Collaborator, Staff, "2025-09-29", &[]),
    ("viet.chu", "Chu Quốc Việt", PROCUREMENT, SAIGON, FullTime, Manager, "2017-05-15", &[]),
    ("nga.lieu", "Liễu Thị Nga", PROCUREMENT, BINH_DUONG, PartnerSupplier, Staff, "2022-11-28", &[]),
    ("thang.ung", "Ứng Văn Thắng", PROCUREMENT, HANOI, PartnerSupplier, Staff, "2025-03-03", &[]),
    ("oanh.diep", "Diệp Kim Oanh", PROCUREMENT, SAIGON, PartnerSupplier, Staff, "2026-05-11", &[]),
    ("hai.tang", "Tăng Thế Hải", PROCUREMENT, HANOI, FullTime, Staff, "2019-08-05", &[]),
    ("xuan.khuc", "Khúc Thị Xuân", SALES, BINH_DUONG, Seasonal, Staff, "2026-10-26", &[]),
    ("loc.la", "Lã Đức Lộc", OPERATIONS, SAIGON, Collaborator, Staff, "2024-12-16", &[]),
    ("thuy.doan", "Đoàn Bích Thủy", MARKETING, HANOI, FullTime, Staff, "2014-10-01", &["parents"]),
    ("thanh.nguyen", "Nguyễn Hữu Thành", BOARD, HANOI, FullTime, Manager, "2010-03-01", &[]),
];

fn text(vi: &str, en: &str) -> LocalizedText {
    LocalizedText::new(vi, en)
}

fn departments() -> Vec<Department> {
    [
        (SALES, "Kinh doanh", "Sales"),
        (PRODUCTION, "Sản xuất", "Production"),
        (MARKETING, "Marketing", "Marketing"),
        (OPERATIONS, "Vận hành & kho vận", "Operations & logistics"),
        (CUSTOMER_CARE, "Chăm sóc khách hàng", "Customer care"),
        (PEOPLE, "Nhân sự", "People (HR)"),
        (PROCUREMENT, "Cung ứng & đối tác", "Procurement & partners"),
        (BOARD, "Ban Giám đốc", "Board of directors"),
    ]
    .into_iter()
    .map(|(id, vi, en)| Department { id, name: text(vi, en), parent: (id != BOARD).then_some(BOARD) })
    .collect()
}

fn sites() -> Vec<Site> {
    [
        (HANOI, "Trụ sở Hà Nội", "Hanoi head office", "Hà Nội"),
        (BINH_DUONG, "Nhà máy Bình Dương", "Binh Duong factory", "Bình Dương"),
        (SAIGON, "Chi nhánh TP.HCM", "Ho Chi Minh City branch", "TP. Hồ Chí Minh"),
    ]
    .into_iter()
    .map(|(id, vi, en, city)| Site { id, name: text(vi, en), city: city.to_owned() })
    .collect()
}

fn segments() -> Vec<Segment> {
    let segment = |tag: &str, vi, en, rule: Option<Audience>| Segment { tag: tag.to_owned(), name: text(vi, en), rule };
    vec![
        segment("new_hire", "Nhân sự mới (dưới 12 tháng)", "New hires (under 12 months)", Some(Audience::everyone().and(Condition::MaxTenureMonths(12)))),
        segment("long_service", "Gắn bó từ 5 năm", "Five years or more", Some(Audience::everyone().and(Condition::MinTenureMonths(60)))),
        segment(
            "factory_floor",
            "Khối nhà máy",
            "Factory floor",
            Some(Audience::everyone().and(Condition::SiteIn(vec![BINH_DUONG])).and(Condition::DepartmentIn(vec![PRODUCTION, OPERATIONS]))),
        ),
        segment("parents", "Cha mẹ có con nhỏ", "Parents of young children", None),
    ]
}

/// Where each is used: `portal` names the portal (`benefits` for leave);
/// benefit programmes and their claims come to Benefits later, so they
/// name `benefit_claims`, which no portal is yet, and their cards say so.
fn offerings() -> Vec<Offering> {
    let employees = || Condition::EmploymentTypeIn(vec![FullTime, PartTime]);
    let offering = |kind, title, summary, audience, portal: &str, amount| Offering {
        id: OfferingId(0),
        kind,
        title,
        summary,
        audience,
        portal: portal.to_owned(),
        amount,
    };
    let rows = vec![
        offering(
            OfferingKind::Benefit,
            text("Ngày nghỉ linh hoạt", "Flexible leave days"),
            text("Thêm 4 ngày nghỉ mỗi năm, tự chọn thời điểm.", "Four extra days off a year, taken when you choose."),
            Audience::everyone().and(employees()).and(Condition::MinTenureMonths(3)),
            "benefits",
            None,
        ),
        offering(
            OfferingKind::Benefit,
            text("Hỗ trợ sức khỏe tinh thần", "Mental-health support"),
            text("Tư vấn tâm lý bảo mật, 6 buổi mỗi năm.", "Confidential counselling, six sessions a year."),
            Audience::everyone().and(Condition::EmploymentTypeIn(vec![FullTime, PartTime, Seasonal, Collaborator])),
            "benefit_claims",
            None,
        ),
        offering(
            OfferingKind::Benefit,
            text("Ngân sách đào tạo", "Training budget"),
            text("Tối đa {amount} mỗi năm cho khóa học, chứng chỉ.", "Up to {amount} a year for courses and certificates."),
            Audience::everyone().and(Condition::EmploymentTypeIn(vec![FullTime])).and(Condition::MinTenureMonths(12)),
            "benefit_claims",
            Some(8_000_000),
        ),
        offering(
            OfferingKind::Benefit,
            text("Hạn mức mua hàng nội bộ", "Internal product allowance"),
            text("Mua sản phẩm của công ty với giá nội bộ.", "Buy the company's own products at internal prices."),
            Audience::everyone(),
            "store",
            None,
        ),
        offering(
            OfferingKind::Benefit,
            text("Thưởng giới thiệu khách hàng", "Customer referral bonus"),
            text("Thưởng 2% giá trị đơn đầu tiên của khách bạn giới thiệu.", "2% of the first order of each customer you bring in."),
            Audience::everyone().and(Condition::EmploymentTypeIn(vec![FullTime, PartTime, Collaborator])),
            "benefit_claims",
            None,
        ),
        offering(
            OfferingKind::Benefit,
            text("Chương trình sống khỏe", "Wellness programme"),
            text("Khám sức khỏe định kỳ và thẻ tập thể thao.", "Yearly health check and a gym pass."),
            Audience::everyone().and(Condition::EmploymentTypeIn(vec![FullTime, PartTime, Seasonal])),
            "benefit_claims",
            None,
        ),
        offering(
            OfferingKind::Benefit,
            text("Hỗ trợ cha mẹ", "Parents' support"),
            text("Hỗ trợ {amount} mỗi tháng cho chi phí trông trẻ.", "{amount} a month towards childcare."),
            Audience::everyone().and(Condition::InSegment(vec!["parents".to_owned()])),
            "benefit_claims",
            Some(500_000),
        ),
        offering(
            OfferingKind::Training,
            text("Lộ trình hội nhập", "Onboarding path"),
            text("Văn hóa, sản phẩm và quy trình cho người mới.", "Culture, products and ways of working for newcomers."),
            Audience::everyone().and(Condition::InSegment(vec!["new_hire".to_owned()])),
            "training",
            None,
        ),
        offering(
            OfferingKind::Training,
            text("Chứng chỉ an toàn nhà máy", "Factory safety certificate"),
            text("Bắt buộc trước ca làm việc đầu tiên tại xưởng.", "Required before a first shift on the shop floor."),
            Audience::everyone().and(Condition::InSegment(vec!["factory_floor".to_owned()])),
            "training",
            None,
        ),
    ];
    rows.into_iter().zip(1..).map(|(offering, id)| Offering { id: OfferingId(id), ..offering }).collect()
}

/// The whole demo company, the same on every backend.
pub fn demo_company() -> Company {
    let members = PEOPLE_ROWS
        .iter()
        .enumerate()
        .map(|(i, &(local, name, department_id, site_id, employment_type, role, hired_on, tags))| Member {
            id: MemberId(i as u32 + 1),
            email: format!("{local}@noibo.example"),
            full_name: name.to_owned(),
            department_id,
            site_id,
            employment_type,
            role,
            hired_on: hired_on.parse().expect("seed dates are valid"),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        })
        .collect();
    Company {
        name: text("Công ty Cổ phần Sen Vàng", "Sen Vang Joint Stock Company"),
        departments: departments(),
        sites: sites(),
        segments: segments(),
        members,
        offerings: offerings(),
    }
}

/// The demo store: Sen Vàng's own goods at internal prices, a yearly
/// allowance policy, and some history (collected orders and reviews).
pub fn demo_shop() -> Shop {
    let company = demo_company();
    let not_partners = || Audience::everyone().and(Condition::EmploymentTypeIn(vec![FullTime, PartTime, Seasonal, Collaborator]));
    let factory = || Audience::everyone().and(Condition::InSegment(vec!["factory_floor".to_owned()]));
    type ProductRow = (&'static str, &'static str, &'static str, &'static str, Category, Vnd, Vnd, u32, u32);
    use Category::{Beverage, Cosmetics, Food, Household};
    // vi name, en name, vi description, en description, category, market ₫, internal ₫, stock, monthly quota
    let rows: [ProductRow; 24] = [
        (
            "Cà phê rang xay Sen Vàng 500g",
            "Sen Vang ground coffee 500g",
            "Robusta Buôn Ma Thuột rang mộc, xay vừa cho phin.",
            "Buon Ma Thuot robusta, plain roast, medium grind for a phin filter.",
            Beverage,
            185_000,
            129_000,
            120,
            4,
        ),
        (
            "Trà sen Tây Hồ hộp 200g",
            "West Lake lotus tea, 200g box",
            "Trà xanh Thái Nguyên ướp sen, đóng hộp quà.",
            "Thai Nguyen green tea scented with lotus, in a gift box.",
            Beverage,
            320_000,
            224_000,
            40,
            2,
        ),
        (
            "Nước mắm cá cơm 40 độ đạm 500ml",
            "Anchovy fish sauce 40°N, 500ml",
            "Ủ chượp 12 tháng trong thùng gỗ.",
            "Barrel-aged for twelve months.",
            Food,
            98_000,
            69_000,
            200,
            6,
        ),
        (
            "Bánh pía sầu riêng hộp 4 cái",
            "Durian mung-bean cakes, box of 4",
            "Nhân sầu riêng và đậu xanh, trứng muối.",
            "Durian and mung bean with salted egg yolk.",
            Food,
            85_000,
            59_000,
            60,
            4,
        ),
        (
            "Mì gạo lứt 500g",
            "Brown rice noodles 500g",
            "Không chất bảo quản, nấu trong 4 phút.",
            "No preservatives; cooks in four minutes.",
            Food,
            45_000,
            32_000,
            300,
            10,
        ),
        ("Hạt điều rang muối 450g", "Salted roasted cashews 450g", "Điều Bình Phước loại W240.", "Binh Phuoc W240 cashews.", Food, 210_000, 152_000, 80, 3),
        (
            "Kẹo dừa Bến Tre 400g",
            "Ben Tre coconut candy 400g",
            "Kẹo dừa sữa nguyên chất, gói giấy gạo.",
            "Pure coconut-milk candy in rice paper.",
            Food,
            60_000,
            42_000,
            150,
            6,
        ),
        ("Nước ép ổi hộp 1 lít", "Guava juice, 1 litre", "Ổi ruột đỏ, không thêm đường.", "Red guava, no added sugar.", Beverage, 42_000, 29_000, 240, 12),
        (
            "Sữa đậu nành lốc 6 hộp",
            "Soy milk, pack of 6",
            "Đậu nành không biến đổi gen, ít ngọt.",
            "Non-GMO soybeans, lightly sweetened.",
            Beverage,
            54_000,
            39_000,
            180,
            8,
        ),
        (
            "Trà gừng mật ong 20 gói",
            "Honey ginger tea, 20 sachets",
            "Gừng Quảng Ngãi và mật ong rừng.",
            "Quang Ngai ginger with wild honey.",
            Beverage,
            75_000,
            52_000,
            90,
            4,
        ),
        (
            "Nước rửa chén hương chanh 1,5 lít",
            "Lemon dishwashing liquid 1.5 l",
            "Dịu nhẹ với da tay, phân hủy sinh học.",
            "Gentle on hands, biodegradable.",
            Household,
            52_000,
            35_000,
            260,
            6,
        ),
        (
            "Nước giặt sinh học 3,6 kg",
            "Bio laundry liquid 3.6 kg",
            "Enzyme tự nhiên, giặt sạch ở nhiệt độ thấp.",
            "Natural enzymes that clean at low temperatures.",
            Household,
            189_000,
            132_000,
            110,
            3,
        ),
        (
            "Nước lau sàn tinh dầu sả 1 lít",
            "Lemongrass floor cleaner 1 l",
            "Khử mùi, đuổi côn trùng.",
            "Deodorises and keeps insects away.",
            Household,
            48_000,
            33_000,
            140,
            4,
        ),
        ("Túi đựng rác tự hủy 3 cuộn", "Compostable bin bags, 3 rolls", "Làm từ tinh bột bắp.", "Made from corn starch.", Household, 39_000, 27_000, 320, 10),
        (
            "Khăn bếp sợi tre 2 chiếc",
            "Bamboo kitchen towels, pair",
            "Thấm nhanh, kháng khuẩn tự nhiên.",
            "Quick to absorb, naturally antibacterial.",
            Household,
            65_000,
            45_000,
            70,
            4,
        ),
        ("Nến thơm gỗ quế", "Cinnamon wood scented candle", "Sáp đậu nành, cháy 40 giờ.", "Soy wax, burns for 40 hours.", Household, 150_000, 99_000, 1, 2),
        (
            "Sữa rửa mặt nghệ 120ml",
            "Turmeric face wash 120ml",
            "Nghệ Hưng Yên, cho da dầu.",
            "Hung Yen turmeric, for oily skin.",
            Cosmetics,
            135_000,
            89_000,
            90,
            3,
        ),
        (
            "Dầu gội bồ kết 500ml",
            "Honey locust shampoo 500ml",
            "Bồ kết, vỏ bưởi và hương nhu.",
            "Honey locust, pomelo peel and basil.",
            Cosmetics,
            165_000,
            109_000,
            100,
            3,
        ),
        (
            "Son dưỡng dầu dừa",
            "Coconut oil lip balm",
            "Dầu dừa ép lạnh và sáp ong.",
            "Cold-pressed coconut oil and beeswax.",
            Cosmetics,
            69_000,
            45_000,
            200,
            5,
        ),
        (
            "Kem chống nắng SPF 50 50ml",
            "Sunscreen SPF 50, 50ml",
            "Kết cấu mỏng nhẹ, không để lại vệt trắng.",
            "Light texture that leaves no white cast.",
            Cosmetics,
            295_000,
            199_000,
            60,
            2,
        ),
        ("Mặt nạ bùn khoáng 100g", "Mineral mud mask 100g", "Bùn khoáng Nha Trang.", "Nha Trang mineral mud.", Cosmetics, 180_000, 119_000, 45, 2),
        (
            "Bộ quà Tết Sen Vàng",
            "Sen Vang Tết gift set",
            "Trà sen, hạt điều, kẹo dừa trong hộp sơn mài.",
            "Lotus tea, cashews and coconut candy in a lacquer box.",
            Food,
            890_000,
            590_000,
            25,
            1,
        ),
        (
            "Nước điện giải ca làm 24 chai",
            "Shift electrolyte drink, 24 bottles",
            "Dành cho khối nhà máy, giao tại xưởng.",
            "For the factory floor, delivered at the plant.",
            Beverage,
            240_000,
            120_000,
            50,
            2,
        ),
        ("Găng tay cao su gia dụng 3 đôi", "Household rubber gloves, 3 pairs", "Cỡ vừa, lót cotton.", "Medium, cotton-lined.", Household, 55_000, 38_000, 0, 4),
    ];
    let products = rows
        .into_iter()
        .enumerate()
        .map(|(i, (vi, en, desc_vi, desc_en, category, market_price, internal_price, stock, monthly_quota))| Product {
            id: ProductId(i as u32 + 1),
            name: text(vi, en),
            description: text(desc_vi, desc_en),
            category,
            market_price,
            internal_price,
            stock,
            monthly_quota,
            audience: match (category, en) {
                (Cosmetics, _) => not_partners(),
                (_, "Shift electrolyte drink, 24 bottles") => factory(),
                _ => Audience::everyone(),
            },
            hidden: false,
        })
        .collect();
    let policy = AllowancePolicy {
        default_limit: 3_000_000,
        segments: vec![
            SegmentAllowance { segment: "long_service".to_owned(), yearly_limit: 6_000_000 },
            SegmentAllowance { segment: "parents".to_owned(), yearly_limit: 5_000_000 },
            SegmentAllowance { segment: "new_hire".to_owned(), yearly_limit: 1_500_000 },
        ],
    };
    let mut shop = Shop::new(products, policy);
    // History: a few members bought and collected in October, then reviewed.
    let history: [(&str, u32, u32, u8, &str); 4] = [
        ("lan.tran@noibo.example", 1, 2, 5, "Thơm, đậm vị, pha phin rất hợp."),
        ("quang.do@noibo.example", 1, 1, 4, "Ngon nhưng hơi đắng với mình."),
        ("thu.tran@noibo.example", 3, 2, 5, "Mắm thơm, không bị gắt."),
        ("lan.tran@noibo.example", 11, 1, 4, "Sạch, mùi dễ chịu; giá nội bộ rất tốt."),
    ];
    for (n, (email, product, quantity, rating, comment)) in history.into_iter().enumerate() {
        let member = company.member_by_email(email).expect("seeded member").clone();
        let placed: Timestamp = format!("2026-10-{:02}T09:30:00+07:00", 5 + n).parse().expect("valid seed time");
        let collected: Timestamp = format!("2026-10-{:02}T16:00:00+07:00", 8 + n).parse().expect("valid seed time");
        let request =
            OrderRequest { lines: vec![LineRequest { product_id: ProductId(product), quantity: i64::from(quantity) }], pickup_site_id: member.site_id };
        let order = shop.place_order(&company, &member, &format!("seed-{n}"), &request, placed).expect("seed orders obey the rules");
        shop.change_status(order.id, OrderStatus::ReadyForPickup, Actor::Hr, placed).expect("legal");
        shop.change_status(order.id, OrderStatus::Collected, Actor::Hr, collected).expect("legal");
        let draft = ReviewDraft { rating: i64::from(rating), comment: comment.to_owned() };
        shop.save_review(&company, &member, ProductId(product), &draft, collected).expect("collected, so reviewable");
    }
    shop.keys.clear();
    shop
}

/// The demo company's leave: the Labour Code's types, a factory that works
/// Saturdays, confirmed holidays for 2026 and 2027, days carried into
/// 2026, and some history (taken leave, requests waiting, a delegation
/// while a manager is away), so the portal looks lived-in.
pub fn demo_leave() -> LeaveBook {
    use crate::benefits::{
        Approval, Approver, Chain, Decision, Delegation, Grant, HalfDays, HolidayCalendar, LeaveRequest, LeaveRequestId, LeaveSettings, LeaveSpan, LeaveType,
        LeaveTypeId, SiteWorkWeek, WorkCategory, WorkWeek,
    };
    let company = demo_company();
    let employees = || Audience::everyone().and(Condition::EmploymentTypeIn(vec![FullTime, PartTime, Seasonal]));
    let kind = |id, vi, en, grant, paid, chain| LeaveType {
        id: LeaveTypeId(id),
        name: text(vi, en),
        grant,
        paid,
        chain,
        audience: employees(),
        carry_over: None,
        back_dating_days: 7,
    };
    let types = vec![
        LeaveType {
            carry_over: Some(crate::benefits::CarryOver { max_days: 5, until_month: 3, until_day: 31 }),
            ..kind(1, "Phép năm", "Annual leave", Grant::Annual { category: WorkCategory::Normal }, true, Chain::Manager)
        },
        kind(2, "Kết hôn", "Own marriage", Grant::PerOccasion { days: 3 }, true, Chain::Manager),
        kind(3, "Con kết hôn", "Child's marriage", Grant::PerOccasion { days: 1 }, true, Chain::Manager),
        kind(4, "Tang cha mẹ, vợ chồng, con", "Death of a parent, spouse or child", Grant::PerOccasion { days: 3 }, true, Chain::Manager),
        kind(
            5,
            "Việc riêng không lương (ông bà, anh chị em)",
            "Unpaid family leave (grandparents, siblings)",
            Grant::PerOccasion { days: 1 },
            false,
            Chain::Manager,
        ),
        kind(6, "Nghỉ không lương theo thỏa thuận", "Unpaid leave by agreement", Grant::ByAgreement, false, Chain::ManagerThenHr),
    ];
    let calendars = [2026, 2027].into_iter().map(|year| HolidayCalendar::proposed(year).confirm().expect("the proposal is valid")).collect();
    let settings = LeaveSettings { work_weeks: vec![SiteWorkWeek { site: BINH_DUONG, work_week: WorkWeek::MondayToSaturday }], calendars };
    let who = |local: &str| company.member_by_email(&format!("{local}@noibo.example")).expect("seeded member").clone();
    let at = |s: &str| -> Timestamp { format!("{s}T09:00:00+07:00").parse().expect("seed times are valid") };
    let decided = |by: &Member, day: &str, comment: &str| Decision {
        by: by.id,
        by_name: by.full_name.clone(),
        on_behalf_of: None,
        at: at(day),
        approved: true,
        comment: comment.to_owned(),
    };
    // member, type, first day, last day, asked on, decided (by, on, comment) or waiting
    type Row<'a> = (&'a str, u32, &'a str, &'a str, &'a str, Option<(&'a str, &'a str, &'a str)>);
    let rows: [Row; 9] = [
        ("lan.tran", 1, "2026-02-23", "2026-02-24", "2026-02-10", Some(("minh.le", "2026-02-11", ""))),
        ("lan.tran", 1, "2026-07-13", "2026-07-17", "2026-06-20", Some(("minh.le", "2026-06-22", "Chúc em đi chơi vui!"))),
        ("quang.do", 1, "2026-12-24", "2026-12-25", "2026-11-18", None),
        ("minh.le", 1, "2026-12-28", "2026-12-31", "2026-11-17", None),
        ("hung.nguyen", 1, "2026-11-16", "2026-11-27", "2026-10-30", Some(("thanh.nguyen", "2026-11-02", ""))),
        ("thu.tran", 1, "2026-12-07", "2026-12-08", "2026-11-19", None),
        ("son.ly", 1, "2026-08-03", "2026-08-07", "2026-07-15", Some(("hung.nguyen", "2026-07-16", ""))),
        ("hoa.nguyen", 1, "2026-10-05", "2026-10-06", "2026-09-20", Some(("thanh.nguyen", "2026-09-21", ""))),
        ("thuy.doan", 4, "2026-09-14", "2026-09-16", "2026-09-13", Some(("trang.phan", "2026-09-13", "Chia buồn cùng chị."))),
    ];
    let requests = rows
        .iter()
        .zip(1..)
        .map(|(&(local, type_id, from, to, asked, decision), id)| {
            let member = who(local);
            let span = LeaveSpan::full_days(from.parse().expect("valid"), to.parse().expect("valid"));
            let leave_type = types.iter().find(|t| t.id == LeaveTypeId(type_id)).expect("seeded type");
            let mut approval = Approval::new(at(asked), crate::benefits::approval::route(&company, &member, leave_type.chain));
            if let Some((by, on, comment)) = decision {
                approval.steps[0].decision = Some(decided(&who(by), on, comment));
            }
            LeaveRequest {
                id: LeaveRequestId(id),
                member: member.id,
                leave_type: leave_type.id,
                leave_type_name: leave_type.name.clone(),
                span,
                working: settings.cost(member.site_id, span).working,
                reason: String::new(),
                approval,
                withdrawn_at: None,
                cancellation: None,
            }
        })
        .collect::<Vec<_>>();
    debug_assert!(requests.iter().all(|r| r.approval.steps.iter().all(|s| s.approver != Approver::Nobody)));
    let carried = |local: &str, days: i64| Allocation {
        member: who(local).id,
        leave_type: LeaveTypeId(1),
        year: 2026,
        carried: HalfDays::days(days),
        adjustments: vec![],
        leaves_on: None,
    };
    let hoa = who("hoa.nguyen");
    let mut dung = carried("dung.le", 0);
    dung.adjustments.push(crate::benefits::Adjustment {
        days: HalfDays::days(1),
        reason: "Bù ngày Chủ nhật kiểm kê kho 2026-06-28".to_owned(),
        by: hoa.id,
        by_name: hoa.full_name.clone(),
        at: at("2026-06-30"),
    });
    let allocations = vec![carried("lan.tran", 3), carried("quang.do", 5), carried("thu.tran", 2), dung];
    let delegations = vec![Delegation {
        id: 1,
        approver: who("hung.nguyen").id,
        delegate: who("son.ly").id,
        period: crate::date::Period { from: "2026-11-16".parse().expect("valid"), to: "2026-11-27".parse().expect("valid") },
        created_at: at("2026-11-02"),
    }];
    LeaveBook { settings, types, allocations, requests, delegations, keys: vec![] }
}

/// The demo's anonymous feedback: conversations with replies, ideas with
/// votes and statuses, two closed pulses of a series (their trend), a
/// closed survey too small to show, and November's pulse, open. Random
/// ids and the master secret come from `rng`; nobody's browser holds the
/// seeded conversations' keys.
pub fn demo_feedback(rng: &mut impl crate::common::Random) -> crate::feedback::book::FeedbackBook {
    use crate::date::Date;
    use crate::feedback::anonymous::{AnonymousId, ThreadKey};
    use crate::feedback::book::FeedbackBook;
    use crate::feedback::idea::{Comment, Idea, IdeaStatus, Signature};
    use crate::feedback::profile::reported_profile;
    use crate::feedback::survey::{Answer, Question, QuestionKind, Response, Survey, SurveyDraft, SurveyId};
    use crate::feedback::thread::{Author, Message, Recipient, Thread, Topic};

    let company = demo_company();
    let who = |local: &str| company.member_by_email(&format!("{local}@noibo.example")).expect("a demo member");
    let day = |text: &str| -> Date { text.parse().expect("a date") };
    let mut book = FeedbackBook::new(rng);
    let mut random = || {
        let mut bytes = [0u8; 16];
        rng.fill_bytes(&mut bytes);
        bytes
    };

    let pulse_questions = || {
        vec![
            Question { text: text("Tôi được lắng nghe khi góp ý", "I am listened to when I speak up"), kind: QuestionKind::Agreement },
            Question { text: text("Khối lượng công việc của tôi hợp lý", "My workload is reasonable"), kind: QuestionKind::Agreement },
            Question {
                text: text("Bạn có giới thiệu công ty là nơi đáng làm việc?", "Would you recommend us as a place to work?"), kind: QuestionKind::Enps
            },
            Question { text: text("Điều gì nên thay đổi?", "What should change?"), kind: QuestionKind::Text },
        ]
    };
    let survey = |id: u32, vi: &str, en: &str, opens: &str, closes: &str, series: Option<&str>, questions: Vec<Question>| Survey {
        id: SurveyId(id),
        draft: SurveyDraft {
            title: text(vi, en),
            questions,
            audience: Audience::everyone(),
            opens: day(opens),
            closes: day(closes),
            min_responses: 5,
            min_comment_responses: 5,
            series: series.map(str::to_owned),
        },
    };
    book.surveys = vec![
        survey(1, "Nhịp đập tháng 9", "September pulse", "2026-09-07", "2026-09-13", Some("pulse"), pulse_questions()),
        survey(2, "Nhịp đập tháng 10", "October pulse", "2026-10-05", "2026-10-11", Some("pulse"), pulse_questions()),
        survey(
            3,
            "Căng tin mới",
            "The new canteen",
            "2026-11-02",
            "2026-11-08",
            None,
            vec![
                Question { text: text("Bữa trưa ngon miệng", "Lunch tastes good"), kind: QuestionKind::Agreement },
                Question {
                    text: text("Bạn muốn giờ ăn trưa nào?", "Which lunch time would you like?"),
                    kind: QuestionKind::Choice { options: vec![text("11:30", "11:30"), text("12:00", "12:00")] },
                },
            ],
        ),
        survey(4, "Nhịp đập tháng 11", "November pulse", "2026-11-16", "2026-11-29", Some("pulse"), pulse_questions()),
    ];

    let everyone: Vec<&Member> = company.members.iter().collect();
    // Who answered each closed survey, with a score from 1 to 5 that sets
    // the tone of their answers.
    // (survey, day, [(member, tone)])
    type Answered<'a> = (u32, &'a str, &'a [(&'a str, u8)]);
    let answered: [Answered; 3] = [
        (
            1,
            "2026-09-09",
            &[
                ("lan.tran", 3),
                ("minh.le", 4),
                ("quang.do", 2),
                ("thao.bui", 3),
                ("khoa.dang", 3),
                ("ngoc.huynh", 2),
                ("thu.tran", 2),
                ("dung.le", 3),
                ("son.ly", 2),
                ("my.duong", 3),
                ("hung.nguyen", 4),
                ("duc.hoang", 3),
                ("linh.ha", 4),
                ("tam.cao", 2),
            ],
        ),
        (
            2,
            "2026-10-07",
            &[
                ("lan.tran", 4),
                ("minh.le", 5),
                ("quang.do", 3),
                ("thao.bui", 4),
                ("khoa.dang", 4),
                ("ngoc.huynh", 3),
                ("thu.tran", 3),
                ("dung.le", 4),
                ("son.ly", 3),
                ("my.duong", 4),
                ("hung.nguyen", 5),
                ("tuan.pham", 3),
                ("duc.hoang", 4),
                ("linh.ha", 5),
                ("tam.cao", 3),
                ("hieu.lam", 4),
            ],
        ),
        (3, "2026-11-04", &[("phuc.ngo", 4), ("hanh.vu", 5), ("thu.tran", 3), ("nam.dinh", 4)]),
    ];
    let remarks = ["Cần thêm chỗ để xe máy có mái che.", "Họp giao ban nên ngắn hơn.", "Muốn có thêm khóa học Excel.", ""];
    for (survey, on, people) in answered {
        let on = day(on);
        for (n, &(local, tone)) in people.iter().enumerate() {
            let answers = match survey {
                3 => vec![Answer::Score(tone), Answer::Choice((n % 2) as u8)],
                _ => vec![
                    Answer::Score(tone),
                    Answer::Score((tone + (n % 2) as u8).min(5)),
                    Answer::Score((tone * 2 + (n % 3) as u8).min(10)),
                    match remarks[n % remarks.len()] {
                        "" => Answer::Skipped,
                        remark => Answer::Text(remark.to_owned()),
                    },
                ],
            };
            let profile = reported_profile(who(local), &everyone, 5, on);
            book.responses.push(Response { id: AnonymousId::from_random(random()), survey: SurveyId(survey), day: on, profile, answers });
        }
    }

    let message = |id: AnonymousId, author: Author, body: &str, on: &str| Message { id, author, body: body.to_owned(), day: day(on), hidden: None };
    let responder = |local: &str| {
        let member = who(local);
        Author::Responder { name: member.full_name.clone(), role: member.role }
    };
    book.threads = vec![
        Thread {
            id: AnonymousId::from_random(random()),
            access: ThreadKey::from_random(random()).access(),
            recipient: Recipient::Hr,
            topic: Topic::Safety,
            began: day("2026-11-10"),
            messages: vec![
                message(AnonymousId::from_random(random()), Author::Member, "Lối đi xe nâng ở kho B không còn vạch sơn, rất dễ va chạm.", "2026-11-10"),
                message(
                    AnonymousId::from_random(random()),
                    responder("hoa.nguyen"),
                    "Cảm ơn bạn. Phòng Nhân sự đã báo bộ phận Vận hành, sẽ sơn lại trong tuần này.",
                    "2026-11-11",
                ),
                message(AnonymousId::from_random(random()), Author::Member, "Cảm ơn chị, em sẽ báo nếu vẫn chưa xong.", "2026-11-12"),
            ],
        },
        Thread {
            id: AnonymousId::from_random(random()),
            access: ThreadKey::from_random(random()).access(),
            recipient: Recipient::Department(PRODUCTION),
            topic: Topic::Workplace,
            began: day("2026-11-13"),
            messages: vec![
                message(AnonymousId::from_random(random()), Author::Member, "Ca đêm thiếu nước uống ở xưởng 2.", "2026-11-13"),
                message(AnonymousId::from_random(random()), responder("hung.nguyen"), "Tôi đã yêu cầu lắp thêm bình nước, dự kiến xong thứ Hai.", "2026-11-14"),
            ],
        },
        Thread {
            id: AnonymousId::from_random(random()),
            access: ThreadKey::from_random(random()).access(),
            recipient: Recipient::Hr,
            topic: Topic::PayAndBenefits,
            began: day("2026-11-18"),
            messages: vec![message(
                AnonymousId::from_random(random()),
                Author::Member,
                "Phụ cấp xăng xe có được điều chỉnh theo giá xăng mới không?",
                "2026-11-18",
            )],
        },
    ];

    let signed = |local: &str| {
        let member = who(local);
        Some(Signature { member: member.id, name: member.full_name.clone() })
    };
    let idea = |id: AnonymousId, signed, title: &str, body: &str, on: &str, status, votes, comments| Idea {
        id,
        signed,
        title: title.to_owned(),
        body: body.to_owned(),
        day: day(on),
        status,
        votes,
        comments,
        hidden: None,
    };
    let comment = |id: AnonymousId, signed, body: &str, on: &str| Comment { id, signed, body: body.to_owned(), day: day(on), hidden: None };
    book.ideas = vec![
        idea(
            AnonymousId::from_random(random()),
            None,
            "Xe đưa đón từ Thủ Dầu Một",
            "Một tuyến xe buổi sáng và buổi chiều cho ca hành chính ở nhà máy Bình Dương.",
            "2026-10-20",
            IdeaStatus::Planned,
            12,
            vec![comment(AnonymousId::from_random(random()), signed("thu.tran"), "Rất cần cho ca sáng.", "2026-10-21")],
        ),
        idea(
            AnonymousId::from_random(random()),
            signed("lan.tran"),
            "Góc đọc sách ở văn phòng Hà Nội",
            "Một kệ sách chung, ai cũng có thể mang sách đến.",
            "2026-11-03",
            IdeaStatus::UnderReview,
            5,
            vec![],
        ),
        idea(AnonymousId::from_random(random()), None, "Máy lọc nước ở tầng 3", "Tầng 3 chưa có máy lọc nước.", "2026-09-15", IdeaStatus::Done, 3, vec![]),
        idea(
            AnonymousId::from_random(random()),
            signed("quang.do"),
            "Làm việc từ xa vào thứ Sáu",
            "Cho phép làm việc từ xa mỗi thứ Sáu với các vị trí không cần có mặt.",
            "2026-10-02",
            IdeaStatus::Declined("Công ty đang thử nghiệm lịch linh hoạt theo phòng ban; sẽ xem xét lại vào quý 2.".to_owned()),
            8,
            vec![comment(AnonymousId::from_random(random()), None, "Có thể thử một tháng trước không?", "2026-10-05")],
        ),
    ];
    book
}

/// The demo's training, around `now` (sessions, events and completions are
/// placed relative to it, so the demo looks the same on any day): Sen
/// Vàng's catalogue (onboarding, food safety renewed every 12 months,
/// sales skills, Excel, leadership, workplace English), paths for new
/// hires, the factory floor and sales, classroom sessions past and coming
/// (one full with nobody waiting, one full with a waitlist), a workshop
/// and a sports day, and history made through the use cases: finished
/// lessons, passed quizzes, attendance and the certificates they earned,
/// one of them expiring within 30 days and one expired. Certificate codes
/// come from `rng`.
pub fn demo_training(now: Timestamp, rng: &mut impl crate::common::Random) -> crate::training::TrainingBook {
    use crate::training::wire::EnrolRequest;
    use crate::training::{
        CourseDraft, CourseId, EventDraft, EventKind, Format, LessonDraft, LessonId, Link, LinkKind, PathDraft, QuizDraft, QuizQuestion, RsvpAnswer, Session,
        SessionDraft, SessionId, Topic, TrainingBook,
    };

    let company = demo_company();
    let who = |local: &str| company.member_by_email(&format!("{local}@noibo.example")).expect("a demo member").clone();
    let hoa = who("hoa.nguyen");
    // `days` from now's date, at hh:mm in Vietnam.
    let at = |days: i64, hour: u8, minute: u8| -> Timestamp {
        format!("{}T{hour:02}:{minute:02}:00+07:00", now.date().plus_days(days)).parse().expect("a valid seed time")
    };
    let segment = |tag: &str| Condition::InSegment(vec![tag.to_owned()]);
    let mut book = TrainingBook::default();

    // ---------------------------------------------------------- courses
    type CourseRow = (&'static str, &'static str, &'static str, &'static str, Topic, Format, Audience, Option<u32>);
    let courses: [CourseRow; 6] = [
        (
            "Hội nhập Sen Vàng",
            "Welcome to Sen Vang",
            "Văn hóa, sản phẩm và cách làm việc của công ty trong tuần đầu tiên.",
            "The company's culture, products and ways of working, for your first week.",
            Topic::Onboarding,
            Format::SelfPaced,
            Audience::everyone().and(segment("new_hire")),
            None,
        ),
        (
            "An toàn thực phẩm",
            "Food safety",
            "Vệ sinh cá nhân, bảo quản và truy xuất nguồn gốc theo quy định; bắt buộc với khối nhà máy, cấp lại mỗi 12 tháng.",
            "Personal hygiene, storage and traceability as the law requires; compulsory on the factory floor, renewed every 12 months.",
            Topic::Safety,
            Format::SelfPaced,
            Audience::everyone().and(segment("factory_floor")),
            Some(12),
        ),
        (
            "Kỹ năng bán hàng",
            "Sales skills",
            "Lắng nghe nhu cầu, giới thiệu sản phẩm và chốt đơn: một ngày thực hành trên lớp.",
            "Hearing needs, presenting products and closing: a day of classroom practice.",
            Topic::Sales,
            Format::Classroom,
            Audience::everyone().and(Condition::DepartmentIn(vec![SALES, CUSTOMER_CARE])),
            None,
        ),
        (
            "Excel trong công việc",
            "Excel at work",
            "Bảng tính gọn gàng, hàm tra cứu và PivotTable cho báo cáo hằng tuần.",
            "Tidy sheets, lookup functions and PivotTables for the weekly report.",
            Topic::DigitalSkills,
            Format::SelfPaced,
            Audience::everyone(),
            None,
        ),
        (
            "Lãnh đạo cho quản lý mới",
            "Leadership for new managers",
            "Giao việc, phản hồi và họp 1-1: hai buổi trên lớp cho người sắp dẫn dắt nhóm.",
            "Delegating, feedback and one-to-ones: classroom sessions for people about to lead a team.",
            Topic::Leadership,
            Format::Classroom,
            Audience::everyone().and(Condition::EmploymentTypeIn(vec![FullTime])).and(Condition::MinTenureMonths(24)),
            None,
        ),
        (
            "Tiếng Anh giao tiếp công sở",
            "English for the workplace",
            "Email, cuộc gọi và họp với đối tác nước ngoài.",
            "Emails, calls and meetings with partners abroad.",
            Topic::Languages,
            Format::SelfPaced,
            Audience::everyone(),
            None,
        ),
    ];
    for (vi, en, summary_vi, summary_en, topic, format, audience, renewal_months) in courses {
        let draft = CourseDraft { title: text(vi, en), summary: text(summary_vi, summary_en), topic, format, audience, renewal_months };
        book.save_course(&hoa, None, &draft).expect("seed courses obey the rules");
    }
    let [onboarding, food_safety, sales, excel, leadership, english] = [1, 2, 3, 4, 5, 6].map(CourseId);

    // ---------------------------------------------------------- lessons
    let doc = |vi: &str, en: &str, path: &str| Link { kind: LinkKind::Document, title: text(vi, en), url: format!("https://noibo.example/tai-lieu/{path}") };
    let video = |vi: &str, en: &str, path: &str| Link { kind: LinkKind::Video, title: text(vi, en), url: format!("https://video.noibo.example/{path}") };
    type LessonRow = (CourseId, &'static str, &'static str, &'static str, &'static str, u32, Vec<Link>);
    let lessons: Vec<LessonRow> = vec![
        (
            onboarding,
            "Sen Vàng là ai",
            "Who Sen Vang are",
            "## Chào mừng bạn!\n\nSen Vàng làm **thực phẩm, đồ uống, hóa mỹ phẩm** từ nguyên liệu Việt.\n\n- Trụ sở: Hà Nội\n- Nhà máy: Bình Dương\n- Chi nhánh: TP.HCM\n\nMỗi đồng nghiệp là *khách hàng nội bộ* của bạn.",
            "## Welcome!\n\nSen Vang makes **food, drinks and household goods** from Vietnamese ingredients.\n\n- Head office: Hanoi\n- Factory: Binh Duong\n- Branch: Ho Chi Minh City\n\nEvery colleague is your *internal customer*.",
            10,
            vec![video("Lời chào của Ban Giám đốc", "A welcome from the board", "chao-mung")],
        ),
        (
            onboarding,
            "Cách chúng ta làm việc",
            "How we work",
            "1. Giờ làm việc và chấm công\n2. Xin nghỉ phép trên cổng **Nội bộ**\n3. Góp ý ẩn danh khi có điều chưa ổn\n\n> Hỏi sớm, hỏi nhiều: không ai bị đánh giá vì câu hỏi.",
            "1. Working hours and timekeeping\n2. Asking for leave on the **Noi bo** portal\n3. Anonymous feedback when something is wrong\n\n> Ask early, ask often: nobody is judged for a question.",
            15,
            vec![doc("Sổ tay nhân viên", "Employee handbook", "so-tay-nhan-vien.pdf")],
        ),
        (
            onboarding,
            "Sản phẩm của chúng ta",
            "Our products",
            "Bốn nhóm hàng: thực phẩm, đồ uống, gia dụng, mỹ phẩm.\n\nBạn được mua với **giá nội bộ** ở mục Ưu đãi nội bộ.",
            "Four ranges: food, drinks, household goods and cosmetics.\n\nYou can buy them at **internal prices** in the internal store.",
            10,
            vec![],
        ),
        (
            food_safety,
            "Vệ sinh cá nhân",
            "Personal hygiene",
            "## Trước khi vào xưởng\n\n- Rửa tay bằng xà phòng **ít nhất 20 giây**\n- Mặc đồ bảo hộ, đội mũ trùm tóc\n- Không đeo trang sức, không mang điện thoại vào khu sản xuất\n\nBáo ngay tổ trưởng khi bị sốt, tiêu chảy hoặc có vết thương hở.",
            "## Before entering the floor\n\n- Wash hands with soap for **at least 20 seconds**\n- Wear protective clothing and a hair net\n- No jewellery, no phones in production areas\n\nTell your team leader at once if you have a fever, diarrhoea or an open wound.",
            12,
            vec![video("Rửa tay đúng cách", "Washing hands properly", "rua-tay")],
        ),
        (
            food_safety,
            "Bảo quản nguyên liệu",
            "Storing ingredients",
            "| Loại | Nhiệt độ |\n|---|---|\n| Hàng mát | 0–5 °C |\n| Hàng đông | ≤ −18 °C |\n\nNguyên tắc **nhập trước – xuất trước** (FIFO). Không để thực phẩm chín cạnh thực phẩm sống.",
            "| Kind | Temperature |\n|---|---|\n| Chilled | 0–5 °C |\n| Frozen | ≤ −18 °C |\n\n**First in, first out** (FIFO). Never keep cooked food next to raw food.",
            15,
            vec![doc("Quy trình kho lạnh", "Cold store procedure", "kho-lanh.pdf")],
        ),
        (
            food_safety,
            "Truy xuất nguồn gốc",
            "Traceability",
            "Mỗi lô hàng có **mã lô**. Ghi đúng mã lô vào phiếu sản xuất để khi có sự cố, công ty thu hồi được đúng lô trong vài giờ.",
            "Every batch has a **batch code**. Write it on the production sheet, so that if something goes wrong the company can recall exactly that batch within hours.",
            10,
            vec![],
        ),
        (
            sales,
            "Chuẩn bị trước buổi học",
            "Before the session",
            "Hãy ghi lại **ba câu hỏi** khách hàng hay hỏi bạn nhất. Chúng ta sẽ luyện trả lời trên lớp.",
            "Write down the **three questions** customers ask you most. We will practise answering them in class.",
            10,
            vec![doc("Danh mục sản phẩm 2026", "2026 product catalogue", "danh-muc-2026.pdf")],
        ),
        (
            sales,
            "Lắng nghe nhu cầu",
            "Hearing needs",
            "Hỏi mở, nghe nhiều hơn nói, nhắc lại điều khách vừa nói bằng lời của bạn.",
            "Ask open questions, listen more than you talk, and say back what the customer said in your own words.",
            15,
            vec![],
        ),
        (
            excel,
            "Bảng tính gọn gàng",
            "Tidy sheets",
            "- Một bảng một chủ đề\n- Tiêu đề ở **hàng đầu**, không gộp ô\n- Định dạng bảng bằng `Ctrl+T`",
            "- One table per subject\n- Headings in the **first row**, no merged cells\n- Format as a table with `Ctrl+T`",
            15,
            vec![video("Định dạng bảng", "Formatting as a table", "excel-bang")],
        ),
        (
            excel,
            "XLOOKUP và PivotTable",
            "XLOOKUP and PivotTables",
            "`=XLOOKUP(mã; cột_mã; cột_giá)` tìm giá theo mã sản phẩm.\n\nPivotTable tổng hợp doanh số theo tháng chỉ với vài cú kéo thả.",
            "`=XLOOKUP(code, code_column, price_column)` finds a price by product code.\n\nA PivotTable sums sales by month in a few drags.",
            20,
            vec![doc("Tệp thực hành", "Practice workbook", "thuc-hanh-excel.xlsx")],
        ),
        (
            english,
            "Viết email ngắn gọn",
            "Short, clear emails",
            "Mở đầu: *Dear Ms Lee,* — Nội dung: một ý một đoạn — Kết: *Best regards,*",
            "Opening: *Dear Ms Lee,* — Body: one point per paragraph — Close: *Best regards,*",
            15,
            vec![],
        ),
        (
            english,
            "Họp trực tuyến",
            "Online meetings",
            "Câu hữu ích: *Could you repeat that, please?* · *Let me share my screen.* · *To sum up…*",
            "Useful phrases: *Could you repeat that, please?* · *Let me share my screen.* · *To sum up…*",
            15,
            vec![video("Hội thoại mẫu", "A sample meeting", "hop-truc-tuyen")],
        ),
    ];
    for (n, (course, title_vi, title_en, body_vi, body_en, minutes, links)) in lessons.into_iter().enumerate() {
        let draft = LessonDraft { course, position: n as u32 + 1, title: text(title_vi, title_en), body: text(body_vi, body_en), links, minutes };
        book.save_lesson(&company, &hoa, None, &draft).expect("seed lessons obey the rules");
    }

    // ---------------------------------------------------------- quizzes
    let question = |vi: &str, en: &str, options: &[(&str, &str)], correct: u8| QuizQuestion {
        prompt: text(vi, en),
        options: options.iter().map(|(vi, en)| text(vi, en)).collect(),
        correct,
    };
    let quizzes = [
        (
            onboarding,
            70,
            3,
            vec![
                question(
                    "Nhà máy của Sen Vàng ở đâu?",
                    "Where is Sen Vang's factory?",
                    &[("Hà Nội", "Hanoi"), ("Bình Dương", "Binh Duong"), ("Đà Nẵng", "Da Nang")],
                    1,
                ),
                question(
                    "Xin nghỉ phép ở đâu?",
                    "Where do you ask for leave?",
                    &[("Gửi email cho HR", "By email to HR"), ("Trên cổng Nội bộ", "On the Noi bo portal")],
                    1,
                ),
                question(
                    "Khách hàng nội bộ là ai?",
                    "Who are internal customers?",
                    &[("Đồng nghiệp", "Colleagues"), ("Nhà cung cấp bên ngoài", "Outside suppliers")],
                    0,
                ),
            ],
        ),
        (
            food_safety,
            80,
            3,
            vec![
                question(
                    "Rửa tay ít nhất bao lâu?",
                    "How long should you wash your hands?",
                    &[("5 giây", "5 seconds"), ("20 giây", "20 seconds"), ("1 phút mới đủ", "Only a full minute")],
                    1,
                ),
                question(
                    "Hàng mát bảo quản ở nhiệt độ nào?",
                    "At what temperature is chilled stock kept?",
                    &[("0–5 °C", "0–5 °C"), ("10–15 °C", "10–15 °C"), ("Nhiệt độ phòng", "Room temperature")],
                    0,
                ),
                question(
                    "FIFO nghĩa là gì?",
                    "What does FIFO mean?",
                    &[("Nhập trước – xuất trước", "First in, first out"), ("Nhập sau – xuất trước", "Last in, first out")],
                    0,
                ),
                question(
                    "Bị sốt trước ca làm, bạn làm gì?",
                    "You have a fever before your shift. What do you do?",
                    &[("Vẫn vào làm", "Work anyway"), ("Báo tổ trưởng", "Tell your team leader")],
                    1,
                ),
                question(
                    "Mã lô dùng để làm gì?",
                    "What is the batch code for?",
                    &[("Tính lương", "Payroll"), ("Truy xuất và thu hồi", "Tracing and recalls"), ("Trang trí bao bì", "Decorating packs")],
                    1,
                ),
            ],
        ),
        (
            excel,
            67,
            5,
            vec![
                question("Phím tắt tạo bảng?", "The shortcut to format as a table?", &[("Ctrl+T", "Ctrl+T"), ("Ctrl+B", "Ctrl+B")], 0),
                question(
                    "Tiêu đề cột nên ở đâu?",
                    "Where do column headings go?",
                    &[("Hàng đầu tiên", "The first row"), ("Ô gộp ở giữa", "Merged cells in the middle")],
                    0,
                ),
                question("Hàm nào tìm giá theo mã?", "Which function finds a price by code?", &[("SUM", "SUM"), ("XLOOKUP", "XLOOKUP"), ("LEN", "LEN")], 1),
            ],
        ),
        (
            english,
            67,
            5,
            vec![
                question("Cách mở đầu email trang trọng?", "A formal email opening?", &[("Hey!", "Hey!"), ("Dear Ms Lee,", "Dear Ms Lee,")], 1),
                question(
                    "Nhờ nhắc lại trong cuộc họp?",
                    "Asking someone to repeat?",
                    &[("Could you repeat that, please?", "Could you repeat that, please?"), ("What?", "What?")],
                    0,
                ),
                question("Tóm tắt cuối cuộc họp?", "Summing up a meeting?", &[("To sum up…", "To sum up…"), ("Anyway…", "Anyway…")], 0),
            ],
        ),
    ];
    for (course, pass_percent, max_attempts, questions) in quizzes {
        book.save_quiz(&company, &hoa, course, &QuizDraft { questions, pass_percent, max_attempts }).expect("seed quizzes obey the rules");
    }

    // ------------------------------------------------------------ paths
    type PathRow = (&'static str, &'static str, &'static str, &'static str, Audience, Vec<CourseId>, bool);
    let paths: [PathRow; 3] = [
        (
            "Hành trang nhân sự mới",
            "New starter's path",
            "Những gì cần biết trong ba tháng đầu.",
            "What to know in your first three months.",
            Audience::everyone().and(segment("new_hire")),
            vec![onboarding, english],
            true,
        ),
        (
            "Khối nhà máy",
            "Factory floor",
            "An toàn trước tiên, rồi đến kỹ năng văn phòng cho tổ trưởng tương lai.",
            "Safety first, then office skills for future team leaders.",
            Audience::everyone().and(segment("factory_floor")),
            vec![food_safety, excel],
            true,
        ),
        (
            "Kinh doanh",
            "Sales",
            "Kỹ năng bán hàng, tiếng Anh và Excel cho báo cáo.",
            "Sales skills, English and Excel for reports.",
            Audience::everyone().and(Condition::DepartmentIn(vec![SALES])),
            vec![sales, english, excel],
            false,
        ),
    ];
    for (vi, en, summary_vi, summary_en, audience, courses, enforce_order) in paths {
        let draft = PathDraft { title: text(vi, en), summary: text(summary_vi, summary_en), audience, courses, enforce_order };
        book.save_path(&company, &hoa, None, &draft).expect("seed paths obey the rules");
    }

    // --------------------------------------------------------- sessions
    // Past sessions cannot be created through the use case (it refuses a
    // start in the past), so they are made as HR made them back then.
    // (course, site, room, days from now, capacity)
    let sessions = [
        (sales, HANOI, "Phòng họp Sen, tầng 5", -20, 12),
        (sales, HANOI, "Phòng họp Sen, tầng 5", 10, 4),
        (sales, SAIGON, "Phòng đào tạo, tầng 2", 17, 3),
        (leadership, HANOI, "Phòng họp Lotus, tầng 6", 24, 12),
    ];
    for (n, (course, site, room, days, capacity)) in sessions.into_iter().enumerate() {
        let draft = SessionDraft {
            course,
            site,
            room: room.to_owned(),
            starts: at(days, 8, 30),
            ends: at(days, 16, 30),
            capacity,
            cancel_until: at(days - 2, 17, 0),
            audience: Audience::everyone(),
        };
        book.sessions.push(Session { id: SessionId(n as u32 + 1), draft });
    }
    let enrol = |book: &mut TrainingBook, local: &str, session: u32, asked: Timestamp| {
        let member = who(local);
        let key = format!("seed-{local}-{session}");
        book.enrol(&company, &member, &key, &EnrolRequest { session: SessionId(session) }, asked).expect("seed enrolments obey the rules").enrolment.id
    };
    let past: Vec<_> = ["ngoc.huynh", "chau.ton", "kiet.luu"].iter().map(|local| enrol(&mut book, local, 1, at(-30, 10, 0))).collect();
    for (n, local) in ["minh.le", "khoa.dang", "thinh.la", "yen.kieu"].iter().enumerate() {
        enrol(&mut book, local, 2, at(-6, 9, n as u8));
    }
    // Full, and two waiting in the order they asked.
    for (n, local) in ["quang.do", "thao.bui", "kiet.luu", "mai.quach", "xuan.khuc"].iter().enumerate() {
        enrol(&mut book, local, 3, at(-5, 14, n as u8));
    }
    for (n, local) in ["linh.ha", "tam.cao", "hai.tang"].iter().enumerate() {
        enrol(&mut book, local, 4, at(-3, 11, n as u8));
    }
    // Ngọc and Châu came to the past session; Kiệt did not.
    for (enrolment, came) in past.into_iter().zip([true, true, false]) {
        book.mark_attendance(&company, &hoa, enrolment, came, at(-20, 17, 0), rng).expect("the session has begun");
    }

    // ------------------------------------------- lessons, quizzes, certificates
    // (member, course, days from now it was done, lessons done (all when None))
    let studies: [(&str, CourseId, i64, Option<usize>); 8] = [
        ("thu.tran", food_safety, -340, None),
        ("dung.le", food_safety, -60, None),
        ("son.ly", food_safety, -400, None),
        ("thao.bui", onboarding, -200, None),
        ("lan.tran", excel, -90, None),
        ("lan.tran", english, -4, Some(1)),
        ("tuan.pham", onboarding, -3, Some(2)),
        ("my.duong", food_safety, -2, Some(1)),
    ];
    for (local, course, days, lessons_done) in studies {
        let member = who(local);
        let lessons: Vec<LessonId> = crate::training::lesson::lessons_of(&book.lessons, course).iter().map(|l| l.id).collect();
        let count = lessons_done.unwrap_or(lessons.len());
        let right: Vec<u8> = book.quizzes.iter().find(|q| q.course == course).expect("a quiz").draft.questions.iter().map(|q| q.correct).collect();
        let mut study = || -> Result<(), crate::training::TrainingError> {
            for (n, lesson) in lessons.iter().take(count).enumerate() {
                book.complete_lesson(&company, &member, *lesson, at(days, 9, 10 * n as u8), rng)?;
            }
            if lessons_done.is_none() {
                let start = book.start_attempt(&company, &member, course, at(days, 11, 0))?;
                book.submit_attempt(&company, &member, start.attempt.id, &right, at(days, 11, 20), rng)?;
            }
            Ok(())
        };
        // A demo started long after November 2026 finds Tuấn and Thảo no
        // longer new hires: the rules refuse their onboarding then, and
        // they simply have no such history (tests pin `now`, where they do).
        study().ok();
    }

    // ----------------------------------------------------------- events
    let events = [
        (
            EventKind::Workshop,
            "Hội thảo: Phục vụ khách hàng nội bộ",
            "Workshop: serving our internal customers",
            "Chia sẻ từ phòng Chăm sóc khách hàng; mang theo một tình huống, vướng mắc của bạn.",
            "Customer care shares what works; bring a situation you are stuck on.",
            "Hội trường tầng 3, Trụ sở Hà Nội",
            6,
            (14, 0),
            (16, 30),
            40,
            Audience::everyone(),
        ),
        (
            EventKind::TeamActivity,
            "Ngày hội thể thao nhà máy",
            "Factory sports day",
            "Kéo co, bóng đá mini và tiệc nướng cho cả ca sáng và ca chiều.",
            "Tug of war, five-a-side football and a barbecue for both shifts.",
            "Sân thể thao, Nhà máy Bình Dương",
            13,
            (7, 30),
            (12, 0),
            120,
            Audience::everyone().and(Condition::SiteIn(vec![BINH_DUONG])),
        ),
    ];
    for (kind, vi, en, desc_vi, desc_en, place, days, (h1, m1), (h2, m2), capacity, audience) in events {
        let draft = EventDraft {
            kind,
            title: text(vi, en),
            description: text(desc_vi, desc_en),
            place: place.to_owned(),
            starts: at(days, h1, m1),
            ends: at(days, h2, m2),
            capacity,
            audience,
        };
        book.save_event(&hoa, None, &draft, at(-10, 9, 0)).expect("seed events obey the rules");
    }
    let answers = [
        ("lan.tran", 1, RsvpAnswer::Going),
        ("minh.le", 1, RsvpAnswer::Maybe),
        ("hoa.nguyen", 1, RsvpAnswer::Going),
        ("thinh.la", 1, RsvpAnswer::NotGoing),
        ("hung.nguyen", 2, RsvpAnswer::Going),
        ("thu.tran", 2, RsvpAnswer::Going),
        ("dung.le", 2, RsvpAnswer::Maybe),
    ];
    for (n, (local, event, answer)) in answers.into_iter().enumerate() {
        book.rsvp(&company, &who(local), crate::training::EventId(event), answer, at(-8, 10, n as u8)).expect("seed answers obey the rules");
    }
    book.keys.clear();
    book
}
