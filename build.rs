//! Turns `locales/vi.json` and `locales/en.json` into a `Key` enum and two
//! string tables, so a missing or misspelt key is a compile error.
//! The build fails when the languages disagree on keys or placeholders.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

const LANGS: [&str; 2] = ["vi", "en"];

fn main() {
    let tables: Vec<BTreeMap<String, String>> = LANGS.iter().map(|lang| read_table(lang)).collect();
    let (vi, en) = (&tables[0], &tables[1]);
    let missing: Vec<_> = vi.keys().filter(|k| !en.contains_key(*k)).chain(en.keys().filter(|k| !vi.contains_key(*k))).collect();
    assert!(missing.is_empty(), "locales disagree on these keys: {missing:?}");
    for (key, text) in vi {
        assert!(key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_'), "bad key {key:?}");
        assert_eq!(placeholders(text), placeholders(&en[key]), "placeholders differ for {key:?}");
    }

    let mut out =
        String::from("/// A user-visible string; its text lives in `locales/`.\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for key in vi.keys() {
        writeln!(out, "    {},", variant(key)).unwrap();
    }
    out.push_str("}\n");
    for (lang, table) in LANGS.iter().zip(&tables) {
        writeln!(out, "const {}: [&str; {}] = [", lang.to_uppercase(), table.len()).unwrap();
        for text in table.values() {
            writeln!(out, "    {text:?},").unwrap();
        }
        out.push_str("];\n");
    }
    let path = Path::new(&env::var("OUT_DIR").unwrap()).join("locales.rs");
    fs::write(path, out).unwrap();
}

fn read_table(lang: &str) -> BTreeMap<String, String> {
    let path = format!("locales/{lang}.json");
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} must be a flat object of strings: {e}"))
}

/// `{name}` placeholders, sorted, so both languages must use the same ones.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect();
    found.sort_unstable();
    found
}

/// `home.greeting_morning` → `HomeGreetingMorning`
fn variant(key: &str) -> String {
    key.split(['.', '_'])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}
