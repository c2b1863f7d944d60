//! The two scripts a name or a word is written in, by character: plain
//! functions with no dependency, which `build.rs` shares (it computes the
//! gazetteer's matching keys at build time with the crate's own code).

/// True for letters of the Arabic script (base and presentation blocks).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFB}' | '\u{FE70}'..='\u{FEFC}')
}

/// True for letters of the Latin script.
pub fn is_latin_letter(c: char) -> bool {
    // The ranges first: `is_alphabetic` is a table search for non-ASCII
    // characters, and most of them (Arabic letters) are outside the ranges.
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}')
            && c.is_alphabetic())
}
