//! Lessons' Markdown, drawn safely: the text is parsed into blocks and
//! inlines and drawn as Leptos elements and text nodes, never as HTML, so
//! `<script>` or `onerror=` in a lesson shows as the letters it is. A link
//! is drawn only when the domain's link rule accepts it (https, nothing
//! that could leave the attribute); any other is kept as text.
//!
//! What it knows: `#` headings, paragraphs, `-`/`*` and `1.` lists, `>`
//! quotes, `|` tables, `---` rules; `**strong**`, `*emphasis*`, `` `code` ``,
//! `[text](https://…)` and `\` escapes. Anything else is text.

use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Code(String),
    Link { text: Vec<Inline>, url: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Level 1–6 as written.
    Heading(u8, Vec<Inline>),
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Quote(Vec<Inline>),
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Rule,
}

/// What a line starts, when it starts a block of its own.
enum Line<'a> {
    Blank,
    Heading(u8, &'a str),
    Item { ordered: bool, text: &'a str },
    Quote(&'a str),
    TableRow(&'a str),
    Rule,
    Text(&'a str),
}

fn classify(line: &str) -> Line<'_> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Line::Blank;
    }
    let hashes = trimmed.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
        return Line::Heading(hashes as u8, trimmed[hashes..].trim());
    }
    if trimmed.len() >= 3 && trimmed.chars().all(|c| c == '-') {
        return Line::Rule;
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(text) = trimmed.strip_prefix(bullet) {
            return Line::Item { ordered: false, text: text.trim() };
        }
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && trimmed[digits..].starts_with(". ") {
        return Line::Item { ordered: true, text: trimmed[digits + 2..].trim() };
    }
    if let Some(text) = trimmed.strip_prefix('>') {
        return Line::Quote(text.trim());
    }
    if trimmed.starts_with('|') {
        return Line::TableRow(trimmed);
    }
    Line::Text(trimmed)
}

/// A table row's cells: `| a | b |` → `["a", "b"]`.
fn cells(row: &str) -> Vec<&str> {
    let inner = row.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(str::trim).collect()
}

/// Whether a row is a table's `|---|:---:|` line under its head.
fn is_separator(row: &str) -> bool {
    cells(row).iter().all(|cell| !cell.is_empty() && cell.chars().all(|c| matches!(c, '-' | ':')))
}

/// The blocks of a Markdown text.
pub fn parse(source: &str) -> Vec<Block> {
    let lines: Vec<&str> = source.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match classify(lines[i]) {
            Line::Blank => i += 1,
            Line::Heading(level, text) => {
                blocks.push(Block::Heading(level, inlines(text)));
                i += 1;
            }
            Line::Rule => {
                blocks.push(Block::Rule);
                i += 1;
            }
            Line::Item { ordered, .. } => {
                let mut items = Vec::new();
                while let Some(Line::Item { ordered: same, text }) = lines.get(i).map(|l| classify(l)) {
                    if same != ordered {
                        break;
                    }
                    items.push(inlines(text));
                    i += 1;
                }
                blocks.push(Block::List { ordered, items });
            }
            Line::Quote(_) => {
                let mut text = Vec::new();
                while let Some(Line::Quote(line)) = lines.get(i).map(|l| classify(l)) {
                    text.push(line);
                    i += 1;
                }
                blocks.push(Block::Quote(inlines(&text.join(" "))));
            }
            Line::TableRow(head) if lines.get(i + 1).is_some_and(|l| matches!(classify(l), Line::TableRow(sep) if is_separator(sep))) => {
                let head = cells(head).into_iter().map(inlines).collect();
                i += 2;
                let mut rows = Vec::new();
                while let Some(Line::TableRow(row)) = lines.get(i).map(|l| classify(l)) {
                    rows.push(cells(row).into_iter().map(inlines).collect());
                    i += 1;
                }
                blocks.push(Block::Table { head, rows });
            }
            Line::TableRow(_) | Line::Text(_) => {
                let mut text = Vec::new();
                while let Some(Line::Text(line) | Line::TableRow(line)) = lines.get(i).map(|l| classify(l)) {
                    text.push(line);
                    i += 1;
                }
                blocks.push(Block::Paragraph(inlines(&text.join(" "))));
            }
        }
    }
    blocks
}

/// Whether the domain's rule for lesson links accepts `url`.
fn safe_link(url: &str) -> bool {
    let mut found = Vec::new();
    domain::training::fields::check_link(&mut found, "url", url);
    found.is_empty()
}

/// The inlines of a line of text.
pub fn inlines(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    // The index where `marker` next occurs at or after `from`.
    let find = |marker: &[char], from: usize| (from..chars.len()).find(|&at| chars[at..].starts_with(marker));
    let flush = |plain: &mut String, out: &mut Vec<Inline>| {
        if !plain.is_empty() {
            out.push(Inline::Text(std::mem::take(plain)));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let rest = &chars[i..];
        if c == '\\' && i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() {
            plain.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '`' {
            if let Some(end) = find(&['`'], i + 1) {
                flush(&mut plain, &mut out);
                out.push(Inline::Code(chars[i + 1..end].iter().collect()));
                i = end + 1;
                continue;
            }
        }
        if rest.starts_with(&['*', '*']) {
            if let Some(end) = find(&['*', '*'], i + 2).filter(|end| *end > i + 2) {
                flush(&mut plain, &mut out);
                out.push(Inline::Strong(inlines(&chars[i + 2..end].iter().collect::<String>())));
                i = end + 2;
                continue;
            }
        }
        if (c == '*' || c == '_') && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
            if let Some(end) = find(&[c], i + 1).filter(|end| *end > i + 1) {
                flush(&mut plain, &mut out);
                out.push(Inline::Emphasis(inlines(&chars[i + 1..end].iter().collect::<String>())));
                i = end + 1;
                continue;
            }
        }
        if c == '[' {
            let link = find(&[']', '('], i + 1).and_then(|close| find(&[')'], close + 2).map(|end| (close, end)));
            if let Some((close, end)) = link {
                let url: String = chars[close + 2..end].iter().collect();
                if safe_link(&url) {
                    flush(&mut plain, &mut out);
                    out.push(Inline::Link { text: inlines(&chars[i + 1..close].iter().collect::<String>()), url });
                    i = end + 1;
                    continue;
                }
            }
        }
        plain.push(c);
        i += 1;
    }
    flush(&mut plain, &mut out);
    out
}

fn inline_views(inlines: Vec<Inline>) -> AnyView {
    inlines
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) => text.into_any(),
            Inline::Strong(inner) => view! { <strong>{inline_views(inner)}</strong> }.into_any(),
            Inline::Emphasis(inner) => view! { <em>{inline_views(inner)}</em> }.into_any(),
            Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
            Inline::Link { text, url } => view! { <a href=url rel="noopener noreferrer" target="_blank">{inline_views(text)}</a> }.into_any(),
        })
        .collect_view()
        .into_any()
}

fn block_view(block: Block) -> AnyView {
    match block {
        // The page's title is its `<h1>`: a lesson's `#` and `##` are the
        // sections under it, deeper ones their parts.
        Block::Heading(level, text) if level <= 2 => view! { <h2>{inline_views(text)}</h2> }.into_any(),
        Block::Heading(_, text) => view! { <h3>{inline_views(text)}</h3> }.into_any(),
        Block::Paragraph(text) => view! { <p>{inline_views(text)}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items.into_iter().map(|item| view! { <li>{inline_views(item)}</li> }).collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Quote(text) => view! { <blockquote><p>{inline_views(text)}</p></blockquote> }.into_any(),
        Block::Table { head, rows } => view! {
            <div class="table-scroll">
                <table>
                    <thead><tr>{head.into_iter().map(|cell| view! { <th scope="col">{inline_views(cell)}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| view! {
                            <tr>{row.into_iter().map(|cell| view! { <td>{inline_views(cell)}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
        Block::Rule => view! { <hr/> }.into_any(),
    }
}

/// A Markdown text drawn as elements and text, never as HTML.
#[component]
pub fn Markdown(
    /// The Markdown source.
    #[prop(into)]
    source: Signal<String>,
) -> impl IntoView {
    view! { <div class="markdown">{move || parse(&source.get()).into_iter().map(block_view).collect_view()}</div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn the_seed_lessons_blocks_are_recognised() {
        let blocks = parse("## Welcome!\n\nWe make **food**.\n\n- Hanoi\n- Binh Duong\n\n1. One\n2. Two\n\n> Ask early");
        assert_eq!(
            blocks,
            vec![
                Block::Heading(2, vec![text("Welcome!")]),
                Block::Paragraph(vec![text("We make "), Inline::Strong(vec![text("food")]), text(".")]),
                Block::List { ordered: false, items: vec![vec![text("Hanoi")], vec![text("Binh Duong")]] },
                Block::List { ordered: true, items: vec![vec![text("One")], vec![text("Two")]] },
                Block::Quote(vec![text("Ask early")]),
            ]
        );
    }

    #[test]
    fn a_table_has_a_head_and_rows() {
        let blocks = parse("| Kind | Temperature |\n|---|---|\n| Chilled | 0–5 °C |");
        assert_eq!(
            blocks,
            vec![Block::Table { head: vec![vec![text("Kind")], vec![text("Temperature")]], rows: vec![vec![vec![text("Chilled")], vec![text("0–5 °C")]]] }]
        );
    }

    #[test]
    fn html_stays_text() {
        let payload = "<script>alert(1)</script><img src=x onerror=alert(1)>";
        assert_eq!(parse(payload), vec![Block::Paragraph(vec![text(payload)])]);
    }

    #[test]
    fn only_https_links_become_links() {
        assert_eq!(
            inlines("[video](https://video.noibo.example/a)"),
            vec![Inline::Link { text: vec![text("video")], url: "https://video.noibo.example/a".to_owned() }]
        );
        for unsafe_link in ["[x](javascript:alert(1))", "[x](http://a.example)", "[x](https://a.example/\"onmouseover=alert(1))", "[x](data:text/html,hi)"] {
            assert!(!inlines(unsafe_link).iter().any(|i| matches!(i, Inline::Link { .. })), "{unsafe_link}");
        }
    }

    #[test]
    fn code_and_emphasis_and_escapes() {
        assert_eq!(inlines("`Ctrl+T` *Dear*"), vec![Inline::Code("Ctrl+T".to_owned()), text(" "), Inline::Emphasis(vec![text("Dear")])]);
        assert_eq!(inlines(r"\*not emphasis\*"), vec![text("*not emphasis*")]);
        assert_eq!(inlines("2 * 3 = 6"), vec![text("2 * 3 = 6")]);
    }
}
