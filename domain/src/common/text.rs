//! Comparing people's and products' names as Vietnamese speakers do.

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

/// The order of a list of people: by given name (the last word of a
/// Vietnamese name), then by the whole name, ignoring accents and case.
pub fn person_order(full_name: &str) -> (String, String) {
    let given = full_name.split_whitespace().last().unwrap_or_default();
    (fold(given), fold(full_name))
}
