//! Searching the catalogue as a member types: accent-insensitive, in both
//! languages, every word required. Names are folded once into a
//! [`SearchIndex`], so a keystroke costs comparisons, not folding.

use crate::member::Lang;
use crate::store::product::{Page, Product, ProductId, ProductQuery, Sort};
use std::borrow::Cow;

/// A catalogue's names, folded once. It is built from a product list and
/// searched with that list; an entry that no longer fits its product (one
/// renamed, added or removed since) is folded afresh for the query, so a
/// stale index is slower, never wrong.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

#[derive(Clone, Debug)]
struct Entry {
    id: ProductId,
    vi: String,
    en: String,
    folded: FoldedNames,
}

/// A product's Vietnamese and English names, folded, as one text
/// ("vi\nen"): one scan a word finds it in either language, and no word
/// (typed without line breaks) spans the two.
#[derive(Clone, Debug)]
struct FoldedNames {
    both: String,
    vi_len: usize,
}

impl FoldedNames {
    fn of(product: &Product) -> FoldedNames {
        let vi = fold(&product.name.vi);
        let vi_len = vi.len();
        FoldedNames { both: vi + "\n" + &fold(&product.name.en), vi_len }
    }

    fn contain_all(&self, words: &[&str]) -> bool {
        words.iter().all(|w| contains(&self.both, w))
    }

    fn sort_key(&self, lang: Option<Lang>) -> &str {
        let (vi, en) = (&self.both[..self.vi_len], &self.both[self.vi_len + 1..]);
        if lang == Some(Lang::En) { en } else { vi }
    }
}

/// Substring search for a short word in a short name. `str::contains`
/// prepares a two-way searcher on every call, which cost more than the
/// scan itself across thousands of names a keystroke.
fn contains(text: &str, word: &str) -> bool {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let Some((&first, rest)) = word.split_first() else { return true };
    let Some(last_start) = text.len().checked_sub(word.len()) else { return false };
    (0..=last_start).any(|at| text[at] == first && &text[at + 1..at + word.len()] == rest)
}

impl SearchIndex {
    pub fn new(products: &[Product]) -> SearchIndex {
        let entries = products
            .iter()
            .map(|p| Entry { id: p.id, vi: p.name.vi.clone(), en: p.name.en.clone(), folded: FoldedNames::of(p) })
            .collect();
        SearchIndex { entries }
    }

    fn names(&self, at: usize, product: &Product) -> Cow<'_, FoldedNames> {
        match self.entries.get(at) {
            Some(e) if e.id == product.id && e.vi == product.name.vi && e.en == product.name.en => Cow::Borrowed(&e.folded),
            _ => Cow::Owned(FoldedNames::of(product)),
        }
    }

    /// The catalogue a member sees: visible products matching `query`,
    /// sorted and cut to the requested page.
    pub fn search<'a>(&self, products: &'a [Product], query: &ProductQuery) -> Page<&'a Product> {
        let folded_query = fold(&query.q);
        let words: Vec<&str> = folded_query.split_whitespace().collect();
        let mut found: Vec<(&Product, Cow<'_, FoldedNames>)> = products
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.hidden && query.category.is_none_or(|c| c == p.category))
            .filter_map(|(at, p)| {
                let names = self.names(at, p);
                names.contain_all(&words).then_some((p, names))
            })
            .collect();
        let total = found.len() as u32;
        let order = |a: &(&Product, Cow<'_, FoldedNames>), b: &(&Product, Cow<'_, FoldedNames>)| match query.sort {
            Sort::Name => a.1.sort_key(query.lang).cmp(b.1.sort_key(query.lang)),
            Sort::Price => a.0.internal_price.cmp(&b.0.internal_price),
            Sort::Saving => b.0.saving_percent().cmp(&a.0.saving_percent()),
        }
        .then(a.0.id.cmp(&b.0.id));
        // Only the pages up to the one asked for need sorting: a partial
        // selection first keeps a keystroke linear in the catalogue's size.
        let skip = (query.page().saturating_sub(1) as usize).saturating_mul(query.per_page() as usize);
        let end = skip.saturating_add(query.per_page() as usize);
        if end < found.len() {
            found.select_nth_unstable_by(end, order);
            found.truncate(end);
        }
        found.sort_unstable_by(order);
        Page { items: found.into_iter().skip(skip).map(|(p, _)| p).collect(), total }
    }
}

/// [`SearchIndex::search`] for a single query, folding every name for it.
pub fn search<'a>(products: &'a [Product], query: &ProductQuery) -> Page<&'a Product> {
    SearchIndex::default().search(products, query)
}

impl ProductQuery {
    /// Whether `product` matches the search words and the category (hidden
    /// or not).
    pub fn matches(&self, product: &Product) -> bool {
        let words = fold(&self.q);
        self.category.is_none_or(|c| c == product.category) && FoldedNames::of(product).contain_all(&words.split_whitespace().collect::<Vec<_>>())
    }
}

/// Lower case without Vietnamese accents, so "sua" finds "Sữa" and "đậu"
/// finds "Dau". Accents typed as combining marks (decomposed Unicode, as
/// some Vietnamese keyboards send) are dropped too.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        // Most of a name is ASCII: no case tables, no accent lookup.
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else if !is_combining_mark(c) {
            folded.extend(c.to_lowercase().map(unaccented));
        }
    }
    folded
}

/// Combining diacritical marks (U+0300–U+036F): every Vietnamese tone mark,
/// circumflex, breve and horn in decomposed form.
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn unaccented(c: char) -> char {
    match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ' | 'ẫ' | 'ậ' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' => 'e',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' => 'i',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở' | 'ỡ' | 'ợ' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' => 'u',
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' => 'y',
        'đ' => 'd',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::contains;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_fast_substring_search_agrees_with_the_standard_one(text in "[a-e đ\\n]{0,12}", word in "[a-e đ]{0,4}") {
            prop_assert_eq!(contains(&text, &word), text.contains(&word));
        }
    }
}
