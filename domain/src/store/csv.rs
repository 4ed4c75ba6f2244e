//! HR's order export: one row per order line, for a spreadsheet.

use crate::company::Company;
use crate::member::Lang;
use crate::store::order::{Order, OrderStatus};

const HEADER: &str = "order,placed_at,buyer,pickup_site,status,product_id,product,quantity,unit_price_vnd,line_total_vnd,order_total_vnd";

/// Excel reads a CSV file as the machine's legacy code page unless it
/// starts with this byte order mark, and Vietnamese turns to mojibake.
pub const BOM: char = '\u{FEFF}';

/// The orders as RFC 4180 CSV (CRLF line ends, fields quoted when needed),
/// with names in `lang`, after a UTF-8 byte order mark.
pub fn orders_csv(orders: &[Order], company: &Company, lang: Lang) -> String {
    let mut out = format!("{BOM}{HEADER}\r\n");
    for order in orders {
        let site = company.site(order.pickup_site_id).map(|s| s.name.get(lang).to_owned()).unwrap_or_default();
        for line in &order.lines {
            let fields = [
                order.id.number(),
                order.placed_at.to_string(),
                order.buyer_name.clone(),
                site.clone(),
                status_name(order.status).to_owned(),
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

fn status_name(status: OrderStatus) -> &'static str {
    match status {
        OrderStatus::Placed => "placed",
        OrderStatus::ReadyForPickup => "ready_for_pickup",
        OrderStatus::Collected => "collected",
        OrderStatus::Cancelled => "cancelled",
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
