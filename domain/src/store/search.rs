//! Searching the catalogue as a member types: accent-insensitive, in both
//! languages, every word required. A [`Catalogue`] keeps its products with
//! their names folded once, so a keystroke costs one scan of compact
//! entries, not folding thousands of names.

use crate::common::page::Page;
pub use crate::common::text::fold;
use crate::member::Lang;
use crate::store::product::{Category, Product, ProductQuery, Sort};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

/// The products, and a search index built on the first search. Reading goes
/// through `Deref`; any change through `DerefMut` drops the index, so it
/// always describes the products it is searched with. Stored and compared
/// as the plain product list.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Catalogue {
    products: Vec<Product>,
    #[serde(skip)]
    index: OnceLock<Vec<Entry>>,
}

/// What a search reads of a product, folded and side by side in memory.
#[derive(Clone)]
struct Entry {
    names: FoldedNames,
    category: Category,
    hidden: bool,
}

impl Catalogue {
    pub fn new(products: Vec<Product>) -> Catalogue {
        Catalogue { products, index: OnceLock::new() }
    }

    fn index(&self) -> &[Entry] {
        self.index.get_or_init(|| self.products.iter().map(|p| Entry { names: FoldedNames::of(p), category: p.category, hidden: p.hidden }).collect())
    }

    /// The catalogue a member sees: visible products matching `query`,
    /// sorted and cut to the requested page.
    pub fn search(&self, query: &ProductQuery) -> Page<&Product> {
        let folded_query = fold(&query.q);
        let words: Vec<&str> = folded_query.split_whitespace().collect();
        let index = self.index();
        let mut found: Vec<usize> = (0..index.len())
            .filter(|&at| {
                let entry = &index[at];
                !entry.hidden && query.category.is_none_or(|c| c == entry.category) && entry.names.contain_all(&words)
            })
            .collect();
        let total = found.len() as u32;
        let order = |&a: &usize, &b: &usize| {
            let (pa, pb) = (&self.products[a], &self.products[b]);
            match query.sort {
                Sort::Name => index[a].names.sort_key(query.lang).cmp(index[b].names.sort_key(query.lang)),
                Sort::Price => pa.internal_price.cmp(&pb.internal_price),
                Sort::Saving => pb.saving_percent().cmp(&pa.saving_percent()),
            }
            .then(pa.id.cmp(&pb.id))
        };
        // Only the pages up to the one asked for need sorting: a partial
        // selection first keeps a keystroke linear in the catalogue's size.
        let skip = (query.page().saturating_sub(1) as usize).saturating_mul(query.per_page() as usize);
        let end = skip.saturating_add(query.per_page() as usize);
        if end < found.len() {
            found.select_nth_unstable_by(end, order);
            found.truncate(end);
        }
        found.sort_unstable_by(order);
        Page { total, ..Page::of(found.into_iter().map(|at| &self.products[at]), query.page(), query.per_page()) }
    }
}

impl From<Vec<Product>> for Catalogue {
    fn from(products: Vec<Product>) -> Catalogue {
        Catalogue::new(products)
    }
}

impl Deref for Catalogue {
    type Target = Vec<Product>;
    fn deref(&self) -> &Vec<Product> {
        &self.products
    }
}

impl DerefMut for Catalogue {
    fn deref_mut(&mut self) -> &mut Vec<Product> {
        self.index = OnceLock::new();
        &mut self.products
    }
}

impl<'a> IntoIterator for &'a Catalogue {
    type Item = &'a Product;
    type IntoIter = std::slice::Iter<'a, Product>;
    fn into_iter(self) -> Self::IntoIter {
        self.products.iter()
    }
}

impl PartialEq for Catalogue {
    fn eq(&self, other: &Catalogue) -> bool {
        self.products == other.products
    }
}

impl Eq for Catalogue {}

impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.products.fmt(f)
    }
}

/// A product's Vietnamese and English names, folded, as one text
/// ("vi\nen"): one scan a word finds it in either language, and no word
/// (typed without line breaks) spans the two.
#[derive(Clone)]
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
        if lang == Some(Lang::En) {
            en
        } else {
            vi
        }
    }
}

impl ProductQuery {
    /// Whether `product` matches the search words and the category (hidden
    /// or not).
    pub fn matches(&self, product: &Product) -> bool {
        let words = fold(&self.q);
        self.category.is_none_or(|c| c == product.category) && FoldedNames::of(product).contain_all(&words.split_whitespace().collect::<Vec<_>>())
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
