//! HR's order export: one row per order line, for a spreadsheet.

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

/// Excel reads a CSV file as the machine's legacy code page unless it
/// starts with this byte order mark, and Vietnamese turns to mojibake.
pub const BOM: char = '\u{FEFF}';

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
            let row: Vec<String> = fields.iter().map(|f| quoted(f)).collect();
            out.push_str(&row.join(","));
            out.push_str("\r\n");
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

/// Quotes a field holding a comma, quote or line break. A field a
/// spreadsheet could run as a formula is prefixed with `'`: one starting
/// with a tab or carriage return, or whose first visible character is `=`,
/// `+`, `-` or `@` (spreadsheets skip leading spaces, no-break spaces, line
/// feeds and zero-width characters before reading a formula).
fn quoted(field: &str) -> String {
    let visible = field.trim_start_matches(|c: char| c.is_whitespace() || is_zero_width(c));
    let formula = field.starts_with(['\t', '\r']) || visible.starts_with(['=', '+', '-', '@']);
    let field = if formula { format!("'{field}") } else { field.to_owned() };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// Characters that take no space: zero-width space, non-joiner and
/// joiner, word joiner, and the byte order mark.
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}
