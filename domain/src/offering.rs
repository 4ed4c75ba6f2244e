//! Things a member may be able to use, each behind an audience.

use crate::audience::Audience;
use crate::member::{Lang, LocalizedText};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OfferingId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferingKind {
    Benefit,
    Training,
}

/// A benefit programme or a learning path, open to an audience.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offering {
    pub id: OfferingId,
    pub kind: OfferingKind,
    pub title: LocalizedText,
    /// May hold `{amount}`: where [`Offering::amount`] goes, written as the
    /// reader's language writes money.
    pub summary: LocalizedText,
    pub audience: Audience,
    /// The portal a member uses it in (`store`, `benefits`, `training`),
    /// which may not be built yet.
    pub portal: String,
    /// A sum of money the summary speaks of, in đồng.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
}

impl Offering {
    /// The summary in `lang`, its `{amount}` written by `money`.
    pub fn summary_in(&self, lang: Lang, money: impl Fn(u64) -> String) -> String {
        let text = self.summary.get(lang);
        match self.amount {
            Some(amount) => text.replace("{amount}", &money(amount)),
            None => text.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_is_written_into_the_summary_by_the_readers_money_format() {
        let offering = Offering {
            id: OfferingId(1),
            kind: OfferingKind::Benefit,
            title: LocalizedText::new("Ngân sách", "Budget"),
            summary: LocalizedText::new("Tối đa {amount} mỗi năm.", "Up to {amount} a year."),
            audience: Audience::everyone(),
            portal: "benefits".to_owned(),
            amount: Some(8_000_000),
        };
        assert_eq!(offering.summary_in(Lang::En, |n| format!("₫{n}")), "Up to ₫8000000 a year.");
        let plain = Offering { amount: None, summary: LocalizedText::new("Sáu buổi.", "Six sessions."), ..offering };
        assert_eq!(plain.summary_in(Lang::Vi, |_| unreachable!()), "Sáu buổi.");
    }
}
