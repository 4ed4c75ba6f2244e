//! HR's order export: one row per order line, for a spreadsheet.

use crate::common::csv;
use crate::company::Company;
use crate::member::Lang;
use crate::store::order::{Order, OrderStatus};

/// The column names. The export is written by the backend, which has no
/// locale files, so its few words live here in both languages; the status
/// names are the ones the interface shows (`store.status.*` in `locales/`).
fn header(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Mã đơn,Thời điểm đặt,Người mua,Nơi nhận,Trạng thái,Mã sản phẩm,Sản phẩm,Số lượng,Đơn giá (₫),Thành tiền (₫),Tổng đơn (₫)",
        Lang::En => "Order,Placed at,Buyer,Pickup site,Status,Product ID,Product,Quantity,Unit price (₫),Line total (₫),Order total (₫)",
    }
}

pub use crate::common::csv::BOM;

/// The orders as RFC 4180 CSV (CRLF line ends, fields quoted when needed),
/// with column names, statuses and names in `lang`, after a UTF-8 byte
/// order mark. Amounts stay plain integers so a spreadsheet can sum them.
pub fn orders_csv(orders: &[Order], company: &Company, lang: Lang) -> String {
    let mut out = format!("{BOM}{}\r\n", header(lang));
    for order in orders {
        let site = company.site(order.pickup_site_id).map(|s| s.name.get(lang).to_owned()).unwrap_or_default();
        for line in &order.lines {
            let fields = [
                order.id.number(),
                order.placed_at.to_string(),
                order.buyer_name.clone(),
                site.clone(),
                status_name(order.status, lang).to_owned(),
                line.product_id.0.to_string(),
                line.name.get(lang).to_owned(),
                line.quantity.to_string(),
                line.unit_price.to_string(),
                line.total().to_string(),
                order.total.to_string(),
            ];
            out.push_str(&csv::row(&fields));
        }
    }
    out
}

fn status_name(status: OrderStatus, lang: Lang) -> &'static str {
    match (status, lang) {
        (OrderStatus::Placed, Lang::Vi) => "Đã đặt",
        (OrderStatus::ReadyForPickup, Lang::Vi) => "Sẵn sàng nhận",
        (OrderStatus::Collected, Lang::Vi) => "Đã nhận",
        (OrderStatus::Cancelled, Lang::Vi) => "Đã hủy",
        (OrderStatus::Placed, Lang::En) => "Placed",
        (OrderStatus::ReadyForPickup, Lang::En) => "Ready for pickup",
        (OrderStatus::Collected, Lang::En) => "Collected",
        (OrderStatus::Cancelled, Lang::En) => "Cancelled",
    }
}
