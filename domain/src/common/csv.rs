//! CSV for spreadsheets: RFC 4180 (CRLF line ends, fields quoted when
//! needed), safe from formula injection, readable by Excel in Vietnamese.

/// Excel reads a CSV file as the machine's legacy code page unless it
/// starts with this byte order mark, and Vietnamese turns to mojibake.
pub const BOM: char = '\u{FEFF}';

/// One record: the fields quoted as needed, joined by commas, ending CRLF.
pub fn row<S: AsRef<str>>(fields: &[S]) -> String {
    let quoted: Vec<String> = fields.iter().map(|f| quoted(f.as_ref())).collect();
    format!("{}\r\n", quoted.join(","))
}

/// Quotes a field holding a comma, quote or line break. A field a
/// spreadsheet could run as a formula is prefixed with `'`: one starting
/// with a tab or carriage return, or whose first visible character is `=`,
/// `+`, `-` or `@` (spreadsheets skip leading spaces, no-break spaces, line
/// feeds and zero-width characters before reading a formula).
pub fn quoted(field: &str) -> String {
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
