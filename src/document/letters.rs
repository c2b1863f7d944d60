//! The two scripts a name or a word is written in, by character: plain
//! functions with no dependency, which `build.rs` shares (it computes the
//! gazetteer's matching keys at build time with the crate's own code).

/// The ranges of Arabic letters in the Arabic block (U+0600–U+06FF), as
/// bits of four words: most characters of Arabic text are looked up there
/// with one shift, not a chain of range tests.
const ARABIC_BLOCK: [u64; 4] = {
    let ranges: [(u32, u32); 8] = [
        (0x0620, 0x063F),
        (0x0641, 0x064A),
        (0x066E, 0x066F),
        (0x0671, 0x06D3),
        (0x06D5, 0x06D5),
        (0x06EE, 0x06EF),
        (0x06FA, 0x06FC),
        (0x06FF, 0x06FF),
    ];
    let mut bits = [0u64; 4];
    let mut i = 0;
    while i < ranges.len() {
        let mut c = ranges[i].0;
        while c <= ranges[i].1 {
            let k = (c - 0x0600) as usize;
            bits[k / 64] |= 1 << (k % 64);
            c += 1;
        }
        i += 1;
    }
    bits
};

/// True for letters of the Arabic script (base and presentation blocks):
/// U+0620–U+063F, U+0641–U+064A, U+066E–U+066F, U+0671–U+06D3, U+06D5,
/// U+06EE–U+06EF, U+06FA–U+06FC, U+06FF, U+0750–U+077F, U+08A0–U+08C9,
/// U+FB50–U+FDFB, U+FE70–U+FEFC.
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    let u = u32::from(c);
    if u < 0x0620 {
        return false;
    }
    if u < 0x0700 {
        let k = (u - 0x0600) as usize;
        return ARABIC_BLOCK[k / 64] >> (k % 64) & 1 != 0;
    }
    matches!(u, 0x0750..=0x077F | 0x08A0..=0x08C9 | 0xFB50..=0xFDFB | 0xFE70..=0xFEFC)
}

/// True for letters of the Latin script.
pub fn is_latin_letter(c: char) -> bool {
    // The ranges first: `is_alphabetic` is a table search for non-ASCII
    // characters, and most of them (Arabic letters) are outside the ranges.
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}')
            && c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table and range tests answer as the list of ranges does, for
    /// every character.
    #[test]
    fn arabic_letters_are_the_listed_ranges() {
        let listed = |c: char| {
            matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
                | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}'
                | '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}'
                | '\u{FB50}'..='\u{FDFB}' | '\u{FE70}'..='\u{FEFC}')
        };
        let mut letters = 0;
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_arabic_letter(c), listed(c), "{c:?}");
            letters += usize::from(listed(c));
        }
        assert_eq!(letters, 1_065);
    }
}
