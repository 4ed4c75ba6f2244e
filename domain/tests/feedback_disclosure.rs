//! Disclosure control for pulse-survey results: no group under the
//! threshold can be computed from what is shown, whatever views HR opens.

use domain::common::{Rule, Violation};
use domain::feedback::disclosure::{Cell, Dimension, Disclosure, GroupKey, Slice, Threshold};
use domain::feedback::profile::{ReportedProfile as Profile, TenureBand};
use domain::{DepartmentId, EmploymentType, SiteId};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::iter::once;

fn profile(department: u32, site: u32) -> Profile {
    Profile {
        department: Some(DepartmentId(department)),
        site: Some(SiteId(site)),
        employment: Some(EmploymentType::FullTime),
        tenure: Some(TenureBand::OneToThreeYears),
    }
}

/// `n` respondents of each `(department, site, n)`.
fn population(groups: &[(u32, u32, usize)]) -> Vec<Profile> {
    groups.iter().flat_map(|&(department, site, n)| vec![profile(department, site); n]).collect()
}

fn k(k: u32) -> Threshold {
    Threshold::new("k", k).unwrap()
}

fn department(id: u32) -> GroupKey {
    GroupKey::department(DepartmentId(id))
}

fn site(id: u32) -> GroupKey {
    GroupKey::site(SiteId(id))
}

fn figures(slices: &[(GroupKey, Slice)]) -> Vec<(GroupKey, Option<u32>)> {
    slices.iter().map(|(key, slice)| (*key, slice.respondents)).collect()
}

#[test]
fn of_two_departments_of_6_and_4_both_are_hidden_when_the_total_is_shown() {
    let profiles = population(&[(1, 1, 6), (2, 1, 4)]);
    let disclosure = Disclosure::decide(&profiles, k(5));
    let view = disclosure.view(None, Some(Dimension::Department), &profiles);
    assert_eq!(view.total.respondents, Some(10));
    // Showing the 6 would give away the 4 as 10 − 6.
    assert_eq!(figures(&view.groups), [(department(1), None), (department(2), None)]);
}

#[test]
fn of_departments_of_10_8_and_3_the_next_smallest_is_hidden_with_the_small_one() {
    let profiles = population(&[(1, 1, 10), (2, 1, 8), (3, 1, 3)]);
    let disclosure = Disclosure::decide(&profiles, k(5));
    let view = disclosure.view(None, Some(Dimension::Department), &profiles);
    assert_eq!(view.total.respondents, Some(21));
    assert_eq!(figures(&view.groups), [(department(1), Some(10)), (department(2), None), (department(3), None)]);
}

#[test]
fn a_filtered_view_hides_a_small_cell_and_its_complement() {
    let profiles = population(&[(1, 1, 7), (1, 2, 2), (2, 1, 6), (2, 2, 6)]);
    let disclosure = Disclosure::decide(&profiles, k(5));
    // Department 1 by site (a manager's team view is this filter): 7 + 2,
    // and 9 − 7 would give away the 2.
    let team = disclosure.view(Some(department(1)), Some(Dimension::Site), &profiles);
    assert_eq!(team.total.respondents, Some(9));
    assert_eq!(figures(&team.groups), [(site(1), None), (site(2), None)]);
    let sites = disclosure.view(None, Some(Dimension::Site), &profiles);
    assert_eq!(figures(&sites.groups), [(site(1), Some(13)), (site(2), Some(8))]);
}

#[test]
fn a_group_shown_in_one_view_is_shown_identically_in_every_view() {
    // A fixed but irregular population: some cells large, some small.
    let mut seed = 7u32;
    let profiles: Vec<Profile> = (0..60)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let r = seed >> 8;
            Profile {
                department: Some(DepartmentId(1 + r % 3)),
                site: Some(SiteId(1 + r / 3 % 2)),
                employment: Some(EmploymentType::ALL[(r / 6 % 4 / 3) as usize]),
                tenure: Some(TenureBand::ALL[(r / 24 % 4) as usize]),
            }
        })
        .collect();
    let disclosure = Disclosure::decide(&profiles, k(4));
    let keys: BTreeSet<GroupKey> = profiles.iter().flat_map(|p| Dimension::ALL.map(|d| p.key(d))).collect();
    let mut seen: BTreeMap<Cell, Vec<Option<u32>>> = BTreeMap::new();
    for filter in once(None).chain(keys.iter().copied().map(Some)) {
        for breakdown in once(None).chain(Dimension::ALL.map(Some)) {
            let view = disclosure.view(filter, breakdown, &profiles);
            for slice in once(view.total).chain(view.groups.iter().map(|(_, slice)| *slice)) {
                let size = profiles.iter().filter(|p| slice.cell.contains(p)).count() as u32;
                assert_eq!(slice.respondents, disclosure.shows(&slice.cell).then_some(size), "{slice:?}");
                seen.entry(slice.cell).or_default().push(slice.respondents);
            }
        }
    }
    for (cell, figures) in &seen {
        assert!(figures.iter().all(|f| *f == figures[0]), "{cell:?}: {figures:?}");
    }
    // Not vacuous: two-key cells appear in two views each, and some of
    // them are shown while others are hidden.
    let pairs: Vec<_> = seen.iter().filter(|(cell, _)| cell.keys().len() == 2).collect();
    assert!(pairs.iter().all(|(_, figures)| figures.len() >= 2));
    assert!(pairs.iter().any(|(_, figures)| figures[0].is_some()) && pairs.iter().any(|(_, figures)| figures[0].is_none()));
}

#[test]
fn a_threshold_below_3_is_refused_as_out_of_range() {
    let refused = |field: &str| Violation { min: Some(3), ..Violation::new(field, Rule::OutOfRange, None) };
    assert_eq!(Threshold::new("k", 2), Err(refused("k")));
    assert_eq!(Threshold::new("k_c", 0), Err(refused("k_c")));
    assert_eq!(Threshold::new("k", 3).map(Threshold::get), Ok(3));
    assert_eq!(Threshold::default().get(), 5);
}

#[test]
fn a_shown_cell_gives_its_answers_to_aggregate_and_a_hidden_one_none() {
    let profiles = population(&[(1, 1, 10), (2, 1, 8), (3, 1, 3)]);
    let disclosure = Disclosure::decide(&profiles, k(5));
    // (score 1–5, likelihood to recommend 0–10)
    let answers: Vec<(Profile, (u8, u8))> = profiles.iter().enumerate().map(|(i, p)| (*p, (1 + i as u8 % 5, 10 - i as u8 % 11))).collect();
    let department_1 = disclosure.respondents(&Cell::group(department(1)), &answers).unwrap();
    let mut distribution = [0u32; 5];
    department_1.iter().for_each(|(score, _)| distribution[usize::from(*score) - 1] += 1);
    assert_eq!(distribution, [2, 2, 2, 2, 2]);
    let mean = department_1.iter().map(|(score, _)| f64::from(*score)).sum::<f64>() / department_1.len() as f64;
    assert_eq!(mean, 3.0);
    let promoters = department_1.iter().filter(|(_, nps)| *nps >= 9).count() as i32;
    let detractors = department_1.iter().filter(|(_, nps)| *nps <= 6).count() as i32;
    assert_eq!(100 * (promoters - detractors) / department_1.len() as i32, -40);
    assert_eq!(disclosure.respondents(&Cell::group(department(3)), &answers), None);
    assert_eq!(disclosure.respondents(&Cell::group(department(2)), &answers), None);
}

#[test]
fn a_cell_has_at_most_two_keys_of_different_dimensions() {
    let cell = Cell::group(department(1)).and(site(2)).unwrap();
    assert_eq!(cell.keys(), [department(1), site(2)]);
    assert_eq!(Cell::group(department(1)).and(department(2)), None);
    assert_eq!(cell.and(GroupKey::tenure(TenureBand::UnderOneYear)), None);
    assert_eq!(serde_json::from_value::<Cell>(serde_json::to_value(cell).unwrap()).unwrap(), cell);
    assert!(serde_json::from_str::<Cell>(r#"[{"dimension":"site","value":1},{"dimension":"site","value":2}]"#).is_err());
}

#[test]
fn tenure_bands_start_at_one_three_and_five_years() {
    let bands: Vec<TenureBand> = [0, 11, 12, 35, 36, 59, 60, 400].map(TenureBand::of).into();
    use TenureBand::*;
    assert_eq!(bands, [UnderOneYear, UnderOneYear, OneToThreeYears, OneToThreeYears, ThreeToFiveYears, ThreeToFiveYears, FiveYearsOrMore, FiveYearsOrMore]);
}

/// Up to 60 respondents in 2–4 departments, 1–3 sites, 1–3 employment
/// types and every tenure band; some leave their department or tenure
/// unstated (their group would have been too small), a group of its own.
fn any_population() -> impl Strategy<Value = Vec<Profile>> {
    (2u32..=4, 1u32..=3, 1usize..=3).prop_flat_map(|(departments, sites, kinds)| {
        let profile = (0..=departments, 1..=sites, 0..kinds, 0..5usize).prop_map(|(d, s, e, t)| Profile {
            department: (d > 0).then_some(DepartmentId(d)),
            site: Some(SiteId(s)),
            employment: Some(EmploymentType::ALL[e]),
            tenure: TenureBand::ALL.get(t).copied(),
        });
        prop::collection::vec(profile, 0..=60)
    })
}

/// The respondents in every key of `keys`, as a 0/1 vector over respondents
/// (not over distinct profiles, as the decision works).
fn indicator(profiles: &[Profile], keys: &[GroupKey]) -> Vec<u8> {
    profiles.iter().map(|p| u8::from(keys.iter().all(|key| p.key(key.dimension) == *key))).collect()
}

/// Every non-empty conjunction of one key or none per dimension, with its
/// indicator.
fn conjunctions(profiles: &[Profile]) -> Vec<(Vec<GroupKey>, Vec<u8>)> {
    let mut all = vec![vec![]];
    for dimension in Dimension::ALL {
        let values: BTreeSet<GroupKey> = profiles.iter().map(|p| p.key(dimension)).collect();
        all = all.into_iter().flat_map(|keys: Vec<GroupKey>| once(keys.clone()).chain(values.iter().map(move |v| [keys.clone(), vec![*v]].concat()))).collect();
    }
    all.into_iter().map(|keys| (indicator(profiles, &keys), keys)).filter(|(v, _)| v.contains(&1)).map(|(v, keys)| (keys, v)).collect()
}

/// An exact rational, for an elimination independent of the decision's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Q(i128, i128);

impl Q {
    const ZERO: Q = Q(0, 1);

    fn new(n: i128, d: i128) -> Q {
        let (mut a, mut b) = (n.abs(), d.abs());
        while b != 0 {
            (a, b) = (b, a % b);
        }
        Q(n / a * d.signum(), d.abs() / a)
    }

    fn add(self, o: Q) -> Q {
        let n = self.0.checked_mul(o.1).and_then(|x| x.checked_add(o.0.checked_mul(self.1)?)).expect("overflow");
        Q::new(n, self.1.checked_mul(o.1).expect("overflow"))
    }

    fn sub(self, o: Q) -> Q {
        let n = self.0.checked_mul(o.1).and_then(|x| x.checked_sub(o.0.checked_mul(self.1)?)).expect("overflow");
        Q::new(n, self.1.checked_mul(o.1).expect("overflow"))
    }

    fn mul(self, o: Q) -> Q {
        Q::new(self.0.checked_mul(o.0).expect("overflow"), self.1.checked_mul(o.1).expect("overflow"))
    }

    fn div(self, o: Q) -> Q {
        self.mul(Q::new(o.1, o.0))
    }
}

/// The reduced row echelon form of `rows`: each row with its pivot column,
/// where it is 1 and every other row 0.
fn echelon(rows: &[Vec<u8>]) -> Vec<(usize, Vec<Q>)> {
    let mut m: Vec<Vec<Q>> = rows.iter().map(|r| r.iter().map(|&x| Q(i128::from(x), 1)).collect()).collect();
    let mut pivots = vec![];
    for col in 0..m.first().map_or(0, Vec::len) {
        let rank = pivots.len();
        let Some(r) = (rank..m.len()).find(|&r| m[r][col] != Q::ZERO) else { continue };
        m.swap(rank, r);
        let lead = m[rank][col];
        m[rank] = m[rank].iter().map(|x| x.div(lead)).collect();
        for r in (0..m.len()).filter(|&r| r != rank) {
            let factor = m[r][col];
            if factor != Q::ZERO {
                for c in 0..m[r].len() {
                    if m[rank][c] != Q::ZERO {
                        m[r][c] = m[r][c].sub(factor.mul(m[rank][c]));
                    }
                }
            }
        }
        pivots.push(col);
    }
    pivots.into_iter().zip(m).collect()
}

/// Whether `v` (0/1) is a rational combination of the rows of `echelon`:
/// its coefficients can only be its entries at the pivots.
fn derivable(echelon: &[(usize, Vec<Q>)], v: &[u8]) -> bool {
    let mut sum = vec![Q::ZERO; v.len()];
    for (pivot, row) in echelon.iter().filter(|(pivot, _)| v[*pivot] == 1) {
        assert_eq!(row[*pivot], Q(1, 1));
        for (s, x) in sum.iter_mut().zip(row) {
            *s = s.add(*x);
        }
    }
    sum.iter().zip(v).all(|(s, &x)| *s == Q(i128::from(x), 1))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_shown_cell_has_at_least_k_respondents(profiles in any_population(), threshold in 3u32..=6) {
        let disclosure = Disclosure::decide(&profiles, k(threshold));
        for cell in disclosure.shown() {
            let size = indicator(&profiles, &cell.keys()).iter().filter(|&&x| x == 1).count();
            prop_assert!(size >= threshold as usize, "{cell:?} has {size}");
        }
    }

    #[test]
    fn no_set_under_k_is_a_linear_combination_of_shown_cells(profiles in any_population(), threshold in 3u32..=6) {
        let disclosure = Disclosure::decide(&profiles, k(threshold));
        let shown: Vec<Vec<u8>> = disclosure.shown().map(|cell| indicator(&profiles, &cell.keys())).collect();
        let echelon = echelon(&shown);
        let mut protected = conjunctions(&profiles);
        protected.retain(|(_, v)| v.iter().filter(|&&x| x == 1).count() < threshold as usize);
        for (keys, v) in &protected {
            prop_assert!(!derivable(&echelon, v), "{keys:?} can be computed from {:?}", disclosure.shown().collect::<Vec<_>>());
        }
    }

    #[test]
    fn the_decision_does_not_depend_on_the_order_of_responses(
        (profiles, shuffled) in any_population().prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle())),
        threshold in 3u32..=6,
    ) {
        prop_assert_eq!(Disclosure::decide(&shuffled, k(threshold)), Disclosure::decide(&profiles, k(threshold)));
    }
}
