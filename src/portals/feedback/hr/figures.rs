//! Pure helpers for the results and the surveys' list: shares and bar
//! widths, decimals as each language writes them, the eNPS's three groups,
//! a survey's phase, and the results' controls as `<select>` values.

use domain::feedback::disclosure::{Dimension, GroupKey};
use domain::feedback::survey::Survey;
use domain::{Date, Lang};

/// `part` of `whole` in whole percent, rounded half up; 0 of nothing is 0.
pub fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        return 0;
    }
    ((u64::from(part) * 200 + u64::from(whole)) / (u64::from(whole) * 2)).min(100) as u32
}

/// A bar's CSS width for `part` of `whole`, to a tenth of a percent
/// (`"42.9%"`; CSS always writes a point).
pub fn bar_width(part: u32, whole: u32) -> String {
    let tenths = if whole == 0 { 0 } else { ((u64::from(part) * 2000 + u64::from(whole)) / (u64::from(whole) * 2)).min(1000) };
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// A value in hundredths as each language writes a decimal: `4,25` (vi),
/// `4.25` (en).
pub fn hundredths(value: u32, lang: Lang) -> String {
    let point = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    format!("{}{point}{:02}", value / 100, value % 100)
}

/// The width of a mean agreement's bar: its share of the scale's 5.
pub fn mean_width(hundredths: u32) -> String {
    bar_width(hundredths, 500)
}

/// An eNPS as people write it: `+25`, `0`, `−10` (a true minus sign).
pub fn signed(score: i32) -> String {
    match score {
        s if s > 0 => format!("+{s}"),
        s if s < 0 => format!("\u{2212}{}", s.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

/// The width of an eNPS's bar: −100 is empty, 0 half, +100 full.
pub fn enps_width(score: i32) -> String {
    bar_width((score.clamp(-100, 100) + 100) as u32, 200)
}

/// Detractors (0–6), passives (7–8) and promoters (9–10).
pub fn enps_groups(counts: &[u32; 11]) -> [u32; 3] {
    [counts[..7].iter().sum(), counts[7..9].iter().sum(), counts[9..].iter().sum()]
}

/// Where a survey is on `today`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Scheduled,
    Open,
    /// Past its last day: its results are out.
    Closed,
}

pub fn phase(survey: &Survey, today: Date) -> Phase {
    if today > survey.draft.closes {
        Phase::Closed
    } else if today >= survey.draft.opens {
        Phase::Open
    } else {
        Phase::Scheduled
    }
}

/// A dimension as the `<select>` values write it.
pub fn dimension_value(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Department => "department",
        Dimension::Site => "site",
        Dimension::Employment => "employment",
        Dimension::Tenure => "tenure",
    }
}

/// Reads [`dimension_value`] back; anything else (the empty "no
/// breakdown") is `None`.
pub fn parse_dimension(value: &str) -> Option<Dimension> {
    Dimension::ALL.into_iter().find(|d| dimension_value(*d) == value)
}

/// A filter as its `<select>` value: `department:3`; everyone is `""`.
pub fn filter_value(filter: Option<GroupKey>) -> String {
    filter.map(|key| format!("{}:{}", dimension_value(key.dimension), key.value)).unwrap_or_default()
}

/// Reads [`filter_value`] back; anything else is everyone (`None`).
pub fn parse_filter(value: &str) -> Option<GroupKey> {
    let (dimension, number) = value.split_once(':')?;
    Some(GroupKey { dimension: parse_dimension(dimension)?, value: number.parse().ok()? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::feedback::disclosure::NOT_STATED;

    #[test]
    fn shares_round_half_up_and_never_divide_by_zero() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(0, 5), 0);
        assert_eq!(percent(5, 5), 100);
        assert_eq!(percent(3, 0), 0);
        assert_eq!(percent(u32::MAX, u32::MAX), 100);
    }

    #[test]
    fn bars_are_as_wide_as_their_share_in_css_notation() {
        assert_eq!(bar_width(3, 7), "42.9%");
        assert_eq!(bar_width(1, 3), "33.3%");
        assert_eq!(bar_width(7, 7), "100.0%");
        assert_eq!(bar_width(0, 7), "0.0%");
        assert_eq!(bar_width(2, 0), "0.0%");
        assert_eq!(bar_width(9, 4), "100.0%", "never wider than the cell");
    }

    #[test]
    fn a_mean_is_written_with_each_language_s_decimal_mark() {
        assert_eq!(hundredths(425, Lang::Vi), "4,25");
        assert_eq!(hundredths(425, Lang::En), "4.25");
        assert_eq!(hundredths(305, Lang::En), "3.05");
        assert_eq!(hundredths(500, Lang::Vi), "5,00");
        assert_eq!(mean_width(425), "85.0%");
    }

    #[test]
    fn an_enps_has_its_sign_and_a_bar_from_minus_to_plus_a_hundred() {
        assert_eq!(signed(25), "+25");
        assert_eq!(signed(0), "0");
        assert_eq!(signed(-10), "\u{2212}10");
        assert_eq!(enps_width(-100), "0.0%");
        assert_eq!(enps_width(0), "50.0%");
        assert_eq!(enps_width(25), "62.5%");
        assert_eq!(enps_width(100), "100.0%");
    }

    #[test]
    fn enps_scores_fall_into_detractors_passives_and_promoters() {
        let counts = [1, 0, 0, 0, 0, 0, 2, 3, 1, 4, 5];
        assert_eq!(enps_groups(&counts), [3, 4, 9]);
    }

    #[test]
    fn a_survey_is_scheduled_then_open_through_its_last_day_then_closed() {
        let day = |d: &str| d.parse::<Date>().unwrap();
        let survey: Survey = serde_json::from_value(serde_json::json!({
            "id": 1, "title": {"vi": "T", "en": "T"}, "questions": [],
            "opens": "2026-11-02", "closes": "2026-11-13", "min_responses": 5, "min_comment_responses": 5
        }))
        .unwrap();
        assert_eq!(phase(&survey, day("2026-11-01")), Phase::Scheduled);
        assert_eq!(phase(&survey, day("2026-11-02")), Phase::Open);
        assert_eq!(phase(&survey, day("2026-11-13")), Phase::Open);
        assert_eq!(phase(&survey, day("2026-11-14")), Phase::Closed);
    }

    #[test]
    fn the_controls_values_read_back() {
        for dimension in Dimension::ALL {
            assert_eq!(parse_dimension(dimension_value(dimension)), Some(dimension));
            for value in [0, 3, NOT_STATED] {
                let key = GroupKey { dimension, value };
                assert_eq!(parse_filter(&filter_value(Some(key))), Some(key));
            }
        }
        assert_eq!(filter_value(None), "");
        assert_eq!(parse_filter(""), None);
        assert_eq!(parse_dimension(""), None);
    }

    #[test]
    fn unknown_filter_values_mean_everyone() {
        for value in ["department", "department:", "department:x", "region:3", ":3", "department:-1"] {
            assert_eq!(parse_filter(value), None, "{value}");
        }
    }
}
