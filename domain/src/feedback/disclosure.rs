//! Which groups' pulse-survey results may be shown, so that no group under
//! the threshold can be computed from what is shown.
//!
//! HR sees results broken down by department, site, employment type or
//! tenure band, possibly filtered by one group; a manager's team view is
//! nothing more than the filter on their own department. Every figure shown
//! for a [`Cell`] is a sum over its respondents (a count, the answers of a
//! 1–5 distribution, the sum behind a mean, promoters and detractors behind
//! an eNPS), so what anyone can compute from shown figures is their linear
//! combinations. Hiding each small cell is therefore not enough: a
//! department of 6 shown next to the company's 10 gives away the other 4.
//!
//! [`Disclosure::decide`] fixes, once and for every view, the family of
//! shown cells such that no *protected set* (a conjunction of one to four
//! group keys with fewer than k respondents; the whole population too when
//! it is that small) has an indicator in the span, over the rationals, of the
//! shown cells' indicators. Views only read that family, so the guarantee
//! holds whichever views are opened, in whatever order. Candidates are taken
//! greedily in a canonical order (the whole population, then single groups,
//! then two-key cells; larger first, ties by key), so the broadest figures
//! survive and the decision does not depend on the order of the responses.
//!
//! What this does not cover, by design:
//! - only *linear* derivations are ruled out: a shown cell whose respondents
//!   all gave the same answer also tells what each of its subgroups answered;
//! - decide on a closed survey: deciding again as responses arrive lets
//!   someone subtract yesterday's figures from today's;
//! - free-text comments have their own threshold `k_c` (also a [`Threshold`])
//!   and are not decided here.

use crate::common::{Rule, Violation};
use crate::feedback::profile::{ReportedProfile, TenureBand};
use crate::member::{DepartmentId, EmploymentType, SiteId};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

/// The fewest respondents a shown figure may stand for (HR sets it; comments
/// use a separate one, `k_c`, of the same type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Threshold(u32);

impl Threshold {
    /// Below 3, two respondents could each subtract their own answer.
    pub const MIN: u32 = 3;
    pub const DEFAULT: Threshold = Threshold(5);

    /// `k` set at `field`; below [`Threshold::MIN`] it is `out_of_range`.
    pub fn new(field: &str, k: u32) -> Result<Threshold, Violation> {
        if k < Self::MIN {
            return Err(Violation { min: Some(Self::MIN.into()), ..Violation::new(field, Rule::OutOfRange, None) });
        }
        Ok(Threshold(k))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for Threshold {
    fn default() -> Threshold {
        Threshold::DEFAULT
    }
}

/// What results may be broken down (or filtered) by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Department,
    Site,
    Employment,
    Tenure,
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [Dimension::Department, Dimension::Site, Dimension::Employment, Dimension::Tenure];
}

/// One group: a department, a site, an employment type (its position in
/// [`EmploymentType::ALL`]) or a tenure band (its position in [`TenureBand::ALL`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct GroupKey {
    pub dimension: Dimension,
    pub value: u32,
}

impl GroupKey {
    pub fn department(id: DepartmentId) -> GroupKey {
        GroupKey { dimension: Dimension::Department, value: id.0 }
    }

    pub fn site(id: SiteId) -> GroupKey {
        GroupKey { dimension: Dimension::Site, value: id.0 }
    }

    pub fn employment(employment: EmploymentType) -> GroupKey {
        GroupKey { dimension: Dimension::Employment, value: employment as u32 }
    }

    pub fn tenure(band: TenureBand) -> GroupKey {
        GroupKey { dimension: Dimension::Tenure, value: band as u32 }
    }
}

/// A group key's value for a part a response leaves out (keeping it would
/// have made its group too small): "not stated", a group like any other.
pub const NOT_STATED: u32 = u32::MAX;

impl ReportedProfile {
    /// The group of `dimension` this response is in.
    pub fn key(&self, dimension: Dimension) -> GroupKey {
        let value = match dimension {
            Dimension::Department => self.department.map(|d| d.0),
            Dimension::Site => self.site.map(|s| s.0),
            Dimension::Employment => self.employment.map(|e| e as u32),
            Dimension::Tenure => self.tenure.map(|t| t as u32),
        };
        GroupKey { dimension, value: value.unwrap_or(NOT_STATED) }
    }

    fn values(&self) -> [u32; 4] {
        Dimension::ALL.map(|d| self.key(d).value)
    }
}

/// A conjunction of group keys, at most one per dimension (indexed by
/// `Dimension as usize`).
type Conjunction = [Option<u32>; 4];

fn matches(conjunction: &Conjunction, profile: &ReportedProfile) -> bool {
    conjunction.iter().zip(profile.values()).all(|(key, value)| key.is_none_or(|key| key == value))
}

/// What one figure is about: the whole population, one group, or the
/// respondents in two groups of different dimensions (a filter and a
/// breakdown).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "Vec<GroupKey>", try_from = "Vec<GroupKey>")]
pub struct Cell {
    keys: Conjunction,
}

impl Cell {
    pub const ALL: Cell = Cell { keys: [None; 4] };

    pub fn group(key: GroupKey) -> Cell {
        let mut keys = [None; 4];
        keys[key.dimension as usize] = Some(key.value);
        Cell { keys }
    }

    /// This cell narrowed to `key`'s group; `None` when it already has a key
    /// of that dimension or already two keys.
    pub fn and(self, key: GroupKey) -> Option<Cell> {
        let mut keys = self.keys;
        let slot = &mut keys[key.dimension as usize];
        if slot.is_some() || self.keys().len() >= 2 {
            return None;
        }
        *slot = Some(key.value);
        Some(Cell { keys })
    }

    pub fn keys(&self) -> Vec<GroupKey> {
        Dimension::ALL.into_iter().zip(self.keys).filter_map(|(dimension, value)| Some(GroupKey { dimension, value: value? })).collect()
    }

    pub fn contains(&self, profile: &ReportedProfile) -> bool {
        matches(&self.keys, profile)
    }
}

impl From<Cell> for Vec<GroupKey> {
    fn from(cell: Cell) -> Vec<GroupKey> {
        cell.keys()
    }
}

impl TryFrom<Vec<GroupKey>> for Cell {
    type Error = &'static str;

    fn try_from(keys: Vec<GroupKey>) -> Result<Cell, &'static str> {
        keys.into_iter().try_fold(Cell::ALL, |cell, key| cell.and(key)).ok_or("a cell has at most two keys, of different dimensions")
    }
}

/// One figure of a view: `respondents` is `None` when the cell is hidden, so
/// a hidden group's size never leaves the domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slice {
    pub cell: Cell,
    pub respondents: Option<u32>,
}

impl Slice {
    pub fn shown(&self) -> bool {
        self.respondents.is_some()
    }
}

/// A filtered population and its breakdown: one slice per group of the
/// breakdown dimension among all respondents (not only the filtered ones, so
/// the list does not tell which small cells are empty).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    pub total: Slice,
    pub groups: Vec<(GroupKey, Slice)>,
}

/// The cells whose results are shown, decided once for every view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disclosure {
    k: Threshold,
    shown: BTreeSet<Cell>,
}

impl Disclosure {
    /// The shown family for these responses (see the module documentation).
    ///
    /// Vectors live over *atoms*, the distinct profiles: no cell can tell
    /// apart two respondents with the same profile, so how many share one
    /// does not change which sets are derivable.
    ///
    /// The arithmetic is exact, and this is why not modulo a prime: modulo p
    /// the rank of an integer matrix can only drop (a minor divisible by p
    /// vanishes), and it errs both ways. A drop in the shown cells' rank
    /// hides a dependency: a protected set derivable over the rationals only
    /// with a denominator divisible by p looks independent, and its last
    /// missing piece gets shown (unsafe); a drop once the protected set is
    /// added makes it look derivable when it is not (merely hides more).
    /// Unlikely as the unsafe error is, exactness costs little here.
    ///
    /// Each vector is kept as the primitive integer multiple of its residual
    /// against the accepted cells (fraction-free elimination, then divided
    /// by the gcd, leading entry positive). A protected set's residual is
    /// never zero (it is not derivable), and it becomes zero by accepting a
    /// candidate exactly when it is a multiple of the candidate's residual:
    /// for primitive vectors, when they are equal. Should an entry outgrow
    /// `i64` (survey cells keep them tiny: at most 57 over thousands of
    /// random populations) the candidate is refused: hiding more is safe.
    pub fn decide(profiles: &[ReportedProfile], k: Threshold) -> Disclosure {
        let atoms: BTreeSet<ReportedProfile> = profiles.iter().copied().collect();
        let mut sizes: BTreeMap<Conjunction, u32> = BTreeMap::new();
        for profile in profiles {
            let values = profile.values();
            for mask in 0..16 {
                let conjunction = std::array::from_fn(|d| (mask & (1 << d) != 0).then_some(values[d]));
                *sizes.entry(conjunction).or_default() += 1;
            }
        }
        let level = |c: &Conjunction| c.iter().flatten().count();
        let mut candidates: Vec<(&Conjunction, &u32)> = sizes.iter().filter(|&(c, &n)| level(c) <= 2 && n >= k.get()).collect();
        candidates.sort_by_key(|&(c, &n)| (level(c), Reverse(n), *c));
        let protected = sizes.iter().filter(|&(_, &n)| n < k.get()).map(|(c, _)| c);
        let indicator = |c: &Conjunction| atoms.iter().map(|atom| i128::from(matches(c, atom))).collect::<Vec<_>>();
        // Candidates' residuals in order, then the protected sets'.
        let mut rows: Vec<Vec<i128>> = candidates.iter().map(|&(c, _)| c).chain(protected).map(indicator).collect();
        let protected = candidates.len();
        let mut shown = BTreeSet::new();
        for (i, (conjunction, _)) in candidates.iter().enumerate() {
            let Some(pivot) = rows[i].iter().position(|&x| x != 0) else {
                // Already derivable from shown cells: showing it adds nothing.
                shown.insert(Cell { keys: **conjunction });
                continue;
            };
            if rows[protected..].contains(&rows[i]) {
                continue;
            }
            // Only rows non-zero at the pivot change; all or none of them do.
            let reduced: Option<Vec<_>> =
                (i + 1..rows.len()).filter(|&r| rows[r][pivot] != 0).map(|r| Some((r, eliminate(&rows[r], &rows[i], pivot)?))).collect();
            if let Some(reduced) = reduced {
                reduced.into_iter().for_each(|(r, row)| rows[r] = row);
                shown.insert(Cell { keys: **conjunction });
            }
        }
        Disclosure { k, shown }
    }

    pub fn threshold(&self) -> Threshold {
        self.k
    }

    pub fn shows(&self, cell: &Cell) -> bool {
        self.shown.contains(cell)
    }

    /// Every shown cell, in a fixed order.
    pub fn shown(&self) -> impl Iterator<Item = Cell> + '_ {
        self.shown.iter().copied()
    }

    /// The population in `filter` (everyone when `None`), broken down by
    /// `breakdown`; `profiles` are the responses this was decided on. A
    /// breakdown by the filter's own dimension has no groups. A manager's team
    /// view is the filter on their department.
    pub fn view(&self, filter: Option<GroupKey>, breakdown: Option<Dimension>, profiles: &[ReportedProfile]) -> View {
        let slice = |cell: Cell| Slice { cell, respondents: self.shows(&cell).then(|| profiles.iter().filter(|p| cell.contains(p)).count() as u32) };
        let base = filter.map_or(Cell::ALL, Cell::group);
        let keys: BTreeSet<GroupKey> = breakdown.map(|d| profiles.iter().map(|p| p.key(d)).collect()).unwrap_or_default();
        let groups = keys.into_iter().filter_map(|key| Some((key, slice(base.and(key)?)))).collect();
        View { total: slice(base), groups }
    }

    /// The answers of `cell`'s respondents, to aggregate (a distribution, a
    /// mean, an eNPS); `None` when the cell is hidden.
    pub fn respondents<'a, T>(&self, cell: &Cell, answers: &'a [(ReportedProfile, T)]) -> Option<Vec<&'a T>> {
        self.shows(cell).then(|| answers.iter().filter(|(p, _)| cell.contains(p)).map(|(_, answer)| answer).collect())
    }
}

/// `v` with column `j` eliminated by `pivot` (both non-zero there), as a
/// primitive vector; `None` if an entry would outgrow `i64`.
fn eliminate(v: &[i128], pivot: &[i128], j: usize) -> Option<Vec<i128>> {
    // Entries stay within i64, so the products below fit in i128.
    let g = gcd(v[j].unsigned_abs(), pivot[j].unsigned_abs()) as i128;
    let (a, b) = (pivot[j] / g, v[j] / g);
    let w: Vec<i128> = v.iter().zip(pivot).map(|(&x, &y)| (a * x).checked_sub(b * y)).collect::<Option<_>>()?;
    let g = w.iter().fold(0, |g, x| gcd(g, x.unsigned_abs()));
    if g == 0 {
        return Some(w);
    }
    let g = i128::try_from(g).ok()? * w.iter().find(|&&x| x != 0).map_or(1, |x| x.signum());
    w.into_iter().map(|x| Some(x / g).filter(|x| i64::try_from(*x).is_ok())).collect()
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}
