//! Money, numbers and dates as each language writes them.

use super::{text, Key};
use domain::{Date, Lang};

/// Integer đồng as `1.250.000 ₫` (vi, with a no-break space, so the sign
/// never wraps away from the number) or `₫1,250,000` (en).
pub fn vnd(amount: i64, lang: Lang) -> String {
    let grouped = number(amount.unsigned_abs(), lang);
    let sign = if amount < 0 { "-" } else { "" };
    match lang {
        Lang::Vi => format!("{sign}{grouped}\u{a0}₫"),
        Lang::En => format!("{sign}₫{grouped}"),
    }
}

/// A count with its digits grouped: `1.000.000` (vi), `1,000,000` (en).
pub fn number(value: u64, lang: Lang) -> String {
    let separator = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// An amount of đồng (`domain::store::Vnd`) as [`vnd`] writes it.
pub fn money(amount: u64, lang: Lang) -> String {
    vnd(amount as i64, lang)
}

/// `22/11/2026` in vi, `22 Nov 2026` in en.
pub fn date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{:02}/{:02}/{}", date.day(), date.month(), date.year()),
        Lang::En => {
            let months = text(Key::FormatMonthsShort, Lang::En);
            let month = months.split(' ').nth(usize::from(date.month()) - 1).unwrap_or_default();
            format!("{} {month} {}", date.day(), date.year())
        }
    }
}

/// Length of service: "3 năm 2 tháng" / "3 years 2 months".
pub fn tenure(months: u32, lang: Lang) -> String {
    let (years, rest) = (months / 12, months % 12);
    let part = |n: u32, one: Key, many: Key| super::fill(if n == 1 { one } else { many }, lang, &[("n", &n.to_string())]);
    match (years, rest) {
        (0, m) => part(m, Key::FormatMonthOne, Key::FormatMonthMany),
        (y, 0) => part(y, Key::FormatYearOne, Key::FormatYearMany),
        (y, m) => format!("{} {}", part(y, Key::FormatYearOne, Key::FormatYearMany), part(m, Key::FormatMonthOne, Key::FormatMonthMany)),
    }
}

/// A rating in tenths as each language writes a decimal: `4,5` (vi), `4.5` (en).
pub fn tenths(value: u32, lang: Lang) -> String {
    let point = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    format!("{}{point}{}", value / 10, value % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_written_the_vietnamese_way_by_default() {
        assert_eq!(vnd(1_250_000, Lang::Vi), "1.250.000\u{a0}₫");
        assert_eq!(vnd(0, Lang::Vi), "0\u{a0}₫");
        assert_eq!(vnd(999, Lang::Vi), "999\u{a0}₫");
        assert_eq!(vnd(-45_000, Lang::Vi), "-45.000\u{a0}₫");
    }

    #[test]
    fn money_in_english_puts_the_symbol_first() {
        assert_eq!(vnd(1_250_000, Lang::En), "₫1,250,000");
        assert_eq!(vnd(1_000, Lang::En), "₫1,000");
        assert_eq!(vnd(-8_000_000, Lang::En), "-₫8,000,000");
        assert_eq!(vnd(i64::MIN, Lang::En), "-₫9,223,372,036,854,775,808");
    }

    #[test]
    fn dates_are_day_first() {
        let d: Date = "2026-03-05".parse().unwrap();
        assert_eq!(date(d, Lang::Vi), "05/03/2026");
        assert_eq!(date(d, Lang::En), "5 Mar 2026");
        assert_eq!(date("2026-12-31".parse().unwrap(), Lang::En), "31 Dec 2026");
    }

    #[test]
    fn tenure_reads_naturally() {
        assert_eq!(tenure(0, Lang::En), "0 months");
        assert_eq!(tenure(1, Lang::En), "1 month");
        assert_eq!(tenure(12, Lang::En), "1 year");
        assert_eq!(tenure(51, Lang::En), "4 years 3 months");
        assert_eq!(tenure(51, Lang::Vi), "4 năm 3 tháng");
    }

    #[test]
    fn a_rating_is_written_with_each_language_s_decimal_mark() {
        assert_eq!(tenths(45, Lang::Vi), "4,5");
        assert_eq!(tenths(45, Lang::En), "4.5");
        assert_eq!(tenths(50, Lang::Vi), "5,0");
    }
}
