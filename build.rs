//! Turns the locale files into a `Key` enum and string tables, so a missing
//! or misspelt key is a compile error. The build fails when the languages
//! disagree on keys or placeholders.
//!
//! `locales/vi.json` and `locales/en.json` hold the shell's texts (in the
//! first load). `locales/<portal>.vi.json` and `.en.json` hold texts only
//! that portal's module shows: their tables are reached only from the
//! module (`split_module!` registers them when it loads), so they download
//! with it and the first load does not grow with the portal. The build
//! fails when first-load code names one of those keys.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

const LANGS: [&str; 2] = ["vi", "en"];

type Table = BTreeMap<String, String>;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let shell = read_pair("");
    let portals: Vec<(String, [Table; 2])> = portal_names().into_iter().map(|name| (name.clone(), read_pair(&format!("{name}.")))).collect();
    for (name, tables) in &portals {
        let shared: Vec<_> = tables[0].keys().filter(|k| shell[0].contains_key(*k)).collect();
        assert!(shared.is_empty(), "{name}'s locale repeats shell keys: {shared:?}");
    }

    let mut out =
        String::from("/// A user-visible string; its text lives in `locales/`.\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for key in shell[0].keys().chain(portals.iter().flat_map(|(_, t)| t[0].keys())) {
        writeln!(out, "    {},", variant(key)).unwrap();
    }
    out.push_str("}\n");
    for (lang, table) in LANGS.iter().zip(&shell) {
        writeln!(out, "const {}: [&str; {}] = [", lang.to_uppercase(), table.len()).unwrap();
        for text in table.values() {
            writeln!(out, "    {text:?},").unwrap();
        }
        out.push_str("];\n");
    }
    // Each portal's texts: where its keys start, and its tables.
    out.push_str("/// The texts of each portal's module, as generated from `locales/<portal>.*.json`.\npub mod portal_texts {\n    use super::PortalTexts;\n");
    let mut first = shell[0].len();
    for (index, (name, tables)) in portals.iter().enumerate() {
        writeln!(out, "    pub const {}: PortalTexts = PortalTexts {{ index: {index}, first: {first},", name.to_uppercase()).unwrap();
        for (lang, table) in LANGS.iter().zip(tables) {
            writeln!(out, "        {lang}: &[").unwrap();
            for text in table.values() {
                writeln!(out, "            {text:?},").unwrap();
            }
            out.push_str("        ],\n");
        }
        out.push_str("    };\n");
        first += tables[0].len();
    }
    out.push_str("}\n");
    let ranges: Vec<String> = {
        let mut first = shell[0].len();
        portals
            .iter()
            .map(|(_, tables)| {
                let range = format!("({first}, {})", first + tables[0].len());
                first += tables[0].len();
                range
            })
            .collect()
    };
    writeln!(
        out,
        "/// Each portal's keys: first and past-the-end index in [`Key`].\nconst PORTAL_RANGES: [(usize, usize); {}] = [{}];",
        ranges.len(),
        ranges.join(", ")
    )
    .unwrap();
    let path = Path::new(&env::var("OUT_DIR").unwrap()).join("locales.rs");
    fs::write(path, out).unwrap();

    for (name, tables) in &portals {
        check_only_the_module_names(name, &tables[0]);
    }
}

/// Portals with a locale of their own: `locales/<name>.vi.json`.
fn portal_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir("locales")
        .expect("locales/")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|file| file.strip_suffix(".vi.json").map(str::to_owned))
        .collect();
    names.sort();
    names
}

/// Both languages of one locale (`prefix` is "" for the shell's, "store." for a portal's).
fn read_pair(prefix: &str) -> [Table; 2] {
    let [vi, en] = LANGS.map(|lang| read_table(&format!("locales/{prefix}{lang}.json")));
    let missing: Vec<_> = vi.keys().filter(|k| !en.contains_key(*k)).chain(en.keys().filter(|k| !vi.contains_key(*k))).collect();
    assert!(missing.is_empty(), "locales/{prefix}*.json disagree on these keys: {missing:?}");
    for (key, text) in &vi {
        assert!(key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_'), "bad key {key:?}");
        assert_eq!(placeholders(text), placeholders(&en[key]), "placeholders differ for {key:?}");
    }
    [vi, en]
}

fn read_table(path: &str) -> Table {
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} must be a flat object of strings: {e}"))
}

/// A portal's own keys may be named only by its module's files: anything
/// under `src/portals/<name>/` but its `mod.rs` (whose `PORTAL` is in the
/// first load, where the texts are not).
fn check_only_the_module_names(portal: &str, keys: &Table) {
    let variants: Vec<String> = keys.keys().map(|k| format!("Key::{}", variant(k))).collect();
    let module = format!("src/portals/{portal}/");
    let first_load = [format!("{module}mod.rs")];
    for file in rust_files(Path::new("src")) {
        let path = file.to_string_lossy().replace('\\', "/");
        if path.starts_with(&module) && !first_load.contains(&path) {
            continue;
        }
        println!("cargo:rerun-if-changed={path}");
        let source = fs::read_to_string(&file).unwrap_or_default();
        for name in &variants {
            let used = source.match_indices(name.as_str()).any(|(at, _)| !source[at + name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()));
            assert!(
                !used,
                "{path} names {name}, a text of {portal}'s module (locales/{portal}.*.json): first-load code must use a shell text (locales/vi.json)"
            );
        }
    }
}

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found
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
