//! Things a member may be able to use, each behind an audience.

use crate::audience::Audience;
use crate::member::LocalizedText;
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
    pub summary: LocalizedText,
    pub audience: Audience,
}
