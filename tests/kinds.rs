//! Behaviour of each check kind through the library, one rule at a time,
//! in Arabic, French and English: the exact flagged text and its byte span
//! in the original, and texts that must not be flagged.
//!
//! Kinds: `doubled-word`, `glued-words`, `pattern`, `quotes`, `spacing`,
//! `untranslated`.

use factlint::Lang;
use factlint::lint::{FileReport, Linter};
use factlint::rules::{RuleSet, Selector};
use factlint::source::{Format, Span};

/// The findings of one rule on `text`: (flagged text, span).
fn findings(rule: &str, lang: Lang, format: Format, text: &str) -> Vec<(String, Span)> {
    let mut rules = RuleSet::embedded().expect("embedded rules load");
    rules.retain(&Selector::new(vec![rule.to_owned()], vec![]));
    assert_eq!(
        rules.rules().iter().map(|r| &*r.id).collect::<Vec<_>>(),
        [rule],
        "the selector picks exactly the rule"
    );
    let linter = Linter::new(rules, Some(lang));
    let path = match format {
        Format::Markdown => "article.md",
        Format::Text => "article.txt",
    };
    let FileReport::Checked {
        source, findings, ..
    } = linter.check_text(path, text, format)
    else {
        panic!("text is checked");
    };
    assert_eq!(source.text, text);
    findings
        .iter()
        .map(|f| {
            assert!(f.span.is_on_char_boundaries(text), "{f:?}");
            (f.text(&source.text).to_owned(), f.span)
        })
        .collect()
}

/// Asserts that `rule` flags exactly `expected`, in order; each expected
/// string is looked for in `text` after the start of the previous one, and
/// the finding's span must be exactly there.
fn expect_in(rule: &str, lang: Lang, format: Format, text: &str, expected: &[&str]) {
    let got = findings(rule, lang, format, text);
    let mut want = Vec::new();
    let mut from = 0;
    for e in expected {
        let at = from
            + text[from..]
                .find(e)
                .unwrap_or_else(|| panic!("{e:?} is not in the text after byte {from}"));
        want.push(((*e).to_owned(), Span::new(at, at + e.len())));
        from = at + e.chars().next().map_or(1, char::len_utf8);
    }
    assert_eq!(got, want, "rule {rule} ({lang}) on {text:?}");
}

fn expect(rule: &str, lang: Lang, text: &str, expected: &[&str]) {
    expect_in(rule, lang, Format::Text, text, expected);
}

fn expect_md(rule: &str, lang: Lang, text: &str, expected: &[&str]) {
    expect_in(rule, lang, Format::Markdown, text, expected);
}

/// The rules of the six kinds that every language-specific clean text is
/// run against.
const RULES: &[&str] = &[
    "language/doubled-word",
    "language/untranslated-english-in-arabic",
    "language/untranslated-english-in-french",
    "language/untranslated-french-in-arabic",
    "language/untranslated-french-in-english",
    "typography/doubled-space",
    "typography/glued-words",
    "typography/latin-comma-in-arabic",
    "typography/mismatched-quotes",
    "typography/missing-space-after-comma",
    "typography/missing-space-after-period",
    "typography/missing-space-after-punctuation",
    "typography/missing-space-before-punctuation",
    "typography/missing-space-inside-guillemets",
    "typography/space-before-comma",
    "typography/space-before-punctuation",
    "typography/space-inside-brackets",
    "typography/unbalanced-quotes",
];

fn expect_clean(lang: Lang, format: Format, text: &str) {
    for rule in RULES {
        let got = findings(rule, lang, format, text);
        assert!(got.is_empty(), "{rule} ({lang}) flags {got:?} in {text:?}");
    }
}

// ------------------------------------------------------------ doubled-word

#[test]
fn doubled_word_arabic() {
    let r = "language/doubled-word";
    expect(
        r,
        Lang::Ar,
        "وقال إن الشركة من من أكبر الشركات.",
        &["من من"],
    );
    expect(r, Lang::Ar, "قال مِن مِن هنا.", &["مِن مِن"]);
    // Repeated on purpose; a proclitic makes another word (وفي في).
    expect(r, Lang::Ar, "سار رويدا رويدا وفي في البيت كتاب.", &[]);
}

#[test]
fn doubled_word_arabic_with_and_without_diacritics() {
    expect(
        "language/doubled-word",
        Lang::Ar,
        "قال من مِن هنا.",
        &["من مِن"],
    );
}

#[test]
fn doubled_word_french() {
    let r = "language/doubled-word";
    expect(r, Lang::Fr, "Le le conseil a voté hier.", &["Le le"]);
    expect(
        r,
        Lang::Fr,
        "Nous nous sommes réunis ; vous vous trompez.",
        &[],
    );
}

#[test]
fn doubled_word_english() {
    let r = "language/doubled-word";
    expect(
        r,
        Lang::En,
        "The the board rejected the offer.",
        &["The the"],
    );
    // Across a line break of a hard-wrapped paragraph.
    expect(r, Lang::En, "It was the\nthe end.\n\nNext.", &["the\nthe"]);
    // A bidi control after a word is not part of it.
    expect(r, Lang::En, "It was the the\u{200F} end.", &["the the"]);
    expect(
        r,
        Lang::En,
        "She had had enough; they flew to Bora Bora. No. No one came.",
        &[],
    );
}

#[test]
fn doubled_word_markdown() {
    let r = "language/doubled-word";
    // Code, a comment and inline code between the words are not prose.
    expect_md(
        r,
        Lang::En,
        "```\nthe the\n```\n\n    the the\n\nThe `x` the and the <!-- c --> the.\n",
        &[],
    );
    // Emphasis between the words: the span covers the markup in between.
    expect_md(r, Lang::En, "It was **the** the end.\n", &["the** the"]);
}

// ------------------------------------------------------------ glued-words

#[test]
fn glued_words_arabic() {
    let r = "typography/glued-words";
    expect(
        r,
        Lang::Ar,
        "اقترح من100 مليار لاستعادة السيطرةمنظمة وراءهاchatgpt قشرةها ومشروع ستارغيتتتطلب علىالطاولة.",
        &[
            "من100",
            "السيطرةمنظمة",
            "وراءهاchatgpt",
            "قشرةها",
            "ستارغيتتتطلب",
            "علىالطاولة",
        ],
    );
}

#[test]
fn glued_words_correct_arabic_is_not_flagged() {
    // ة at word ends (with and without tanwin), ى in إلى/على/حتى, proclitics
    // before Latin names and digits, era letters after years.
    expect(
        "typography/glued-words",
        Lang::Ar,
        "ذهبت المدرسةُ إلى المدينة على الطاولة حتى المستشفى، وأعلنت الشركة وChatGPT بـ5 ملايين وب5 لغات لـ2025 عام 2025م و1446هـ مدرسةٌ جميلةٌ.",
        &[],
    );
}

#[test]
fn glued_words_french_and_english() {
    let r = "typography/glued-words";
    expect(
        r,
        Lang::Fr,
        "Le conseil de laSociété a voté ; aujourd’hui McDonald's et l’iPhone.",
        &["laSociété"],
    );
    expect(
        r,
        Lang::En,
        "The offer surprised theCompany board. OpenAI, SoftBank, McDonald's, eBay, iPhone and YouTube.",
        &["theCompany"],
    );
}

#[test]
fn glued_words_markdown() {
    let r = "typography/glued-words";
    expect_md(
        r,
        Lang::En,
        "```\ntheCompany\n```\n\nUse `theCompany` and a`b`c here.\n",
        &[],
    );
    expect_md(
        r,
        Lang::Ar,
        "قال **السيطرةمنظمة** هنا.\n",
        &["السيطرةمنظمة"],
    );
    // After a byte order mark, a heading and CRLF line ends.
    expect_md(
        r,
        Lang::Ar,
        "\u{FEFF}# عنوان\r\n\r\nقال السيطرةمنظمة.\r\n",
        &["السيطرةمنظمة"],
    );
    // URLs, handles and hashtags are not prose.
    expect(
        r,
        Lang::En,
        "Visit example.com/theCompany, @theCompany or #theCompany now.",
        &[],
    );
}

// ------------------------------------------------------------ pattern

#[test]
fn pattern_latin_comma_in_arabic() {
    let r = "typography/latin-comma-in-arabic";
    expect(
        r,
        Lang::Ar,
        "وصل الرئيس , وبدأ الاجتماع, ثم غادر.",
        &["الرئيس ,", "الاجتماع,"],
    );
    expect(
        r,
        Lang::Ar,
        "استثمرت Microsoft, SoftBank في الشركة، وبلغ المبلغ 1,000 دولار و١,٥.",
        &[],
    );
}

#[test]
fn pattern_latin_comma_after_arabic_word_with_tanwin_or_tatweel() {
    let r = "typography/latin-comma-in-arabic";
    expect(r, Lang::Ar, "قال شكرًا, وذهب.", &["شكرًا,"]);
    expect(r, Lang::Ar, "قال شكـرا, وذهب.", &["شكـرا,"]);
}

#[test]
fn pattern_space_inside_brackets() {
    let r = "typography/space-inside-brackets";
    expect(
        r,
        Lang::En,
        "The price Musk paid for Twitter ( now X ) was [ high ] (really).",
        &["( ", " )", "[ ", " ]"],
    );
    expect(
        r,
        Lang::Fr,
        "Le prix ( maintenant X ) était élevé (vraiment).",
        &["( ", " )"],
    );
    expect(
        r,
        Lang::Ar,
        "السعر ( الآن X ) كان أعلى (فعلا).",
        &["( ", " )"],
    );
    expect_md(
        r,
        Lang::En,
        "```\nf( x )\n```\n\nCall `f( x )` (now).\n",
        &[],
    );
}

// ------------------------------------------------------------ quotes

#[test]
fn quotes_mismatched() {
    let r = "typography/mismatched-quotes";
    expect(r, Lang::Ar, "قال موسك: \"لقد حان الوقت». ثم غادر.", &["»"]);
    expect(
        r,
        Lang::Fr,
        "Il a déclaré : « nous allons racheter la société\" avant la fin.",
        &["\""],
    );
    expect(r, Lang::En, "He called it ”a joke“ and left.", &["“"]);
    // Reversed “” are accepted in Arabic.
    expect(
        r,
        Lang::Ar,
        "ووصف العرض بأنه ”مزحة“ أمس. قال: «لا شكرًا».",
        &[],
    );
}

#[test]
fn quotes_unbalanced() {
    let r = "typography/unbalanced-quotes";
    expect(
        r,
        Lang::En,
        "The minister said “we will not resign. Nobody asked why.",
        &["“"],
    );
    expect(r, Lang::Ar, "وقال المحامي إن الشركة «ستواصل العمل.", &["«"]);
    expect(
        r,
        Lang::Fr,
        "Le ministre a promis des réformes » sans préciser.",
        &["»"],
    );
    // A quotation over a hard-wrapped line break is one paragraph.
    expect(r, Lang::En, "“We are\nnot selling,” he said.\n\nNext.", &[]);
}

#[test]
fn quotes_french_guillemets_with_narrow_no_break_spaces() {
    for r in [
        "typography/mismatched-quotes",
        "typography/unbalanced-quotes",
    ] {
        expect(
            r,
            Lang::Fr,
            "«\u{202F}Nous avons dit “non” à cette offre\u{202F}», a précisé le porte-parole. «\u{202F}L’offre est trop basse\u{202F}», a estimé l’avocat.",
            &[],
        );
    }
}

#[test]
fn quotes_english_nested_and_apostrophes() {
    for r in [
        "typography/mismatched-quotes",
        "typography/unbalanced-quotes",
    ] {
        expect(
            r,
            Lang::En,
            "“She told me ‘don’t sell’ yesterday,” he said, “and I didn’t.” It’s the company’s view that the ’90s are over. \"I don't know,\" he said.",
            &[],
        );
    }
}

#[test]
fn quotes_in_markdown_code_are_not_read() {
    for r in [
        "typography/mismatched-quotes",
        "typography/unbalanced-quotes",
    ] {
        expect_md(
            r,
            Lang::En,
            "```\n\"abc» “open\n```\n\nUse `\"x»` here.\n",
            &[],
        );
    }
}

// ------------------------------------------------------------ spacing

#[test]
fn spacing_space_before_punctuation_arabic_and_english() {
    let r = "typography/space-before-punctuation";
    expect(
        r,
        Lang::Ar,
        "إذا كان ماسك في القائمة ، فقد عرفنا منذ أمس . قال: «لا شكرًا»، وأضاف؟",
        &[" ،", " ."],
    );
    expect(
        r,
        Lang::En,
        "The offer , reported on Monday , was rejected . He paused ... then .NET :)",
        &[" ,", " ,", " ."],
    );
    expect(r, Lang::Ar, "هل ستنجح ؟ قال : نعم ؛ لا", &[" ؟", " :", " ؛"]);
    expect(
        r,
        Lang::En,
        "He said : yes ; no ? Really !",
        &[" :", " ;", " ?", " !"],
    );
}

#[test]
fn spacing_space_before_comma_french() {
    let r = "typography/space-before-comma";
    expect(
        r,
        Lang::Fr,
        "Elon Musk , cofondateur d'OpenAI , a fait une offre .",
        &[" ,", " ,", " ."],
    );
    // Narrow no-break spaces before ; ! and inside guillemets are French
    // typography.
    expect(
        r,
        Lang::Fr,
        "«\u{202F}Non merci\u{202F}», a répondu Sam Altman\u{202F}; l’offre est rejetée\u{202F}! Et\u{00A0}: oui\u{202F}?",
        &[],
    );
}

#[test]
fn spacing_missing_space_after_comma() {
    let r = "typography/missing-space-after-comma";
    expect(
        r,
        Lang::En,
        "Microsoft,SoftBank and Oracle paid 97,4 or 1,000.",
        &[",SoftBank"],
    );
    expect(
        r,
        Lang::Fr,
        "Microsoft,SoftBank et Oracle ont payé 97,4 milliards.",
        &[",SoftBank"],
    );
}

#[test]
fn spacing_missing_space_after_period() {
    let r = "typography/missing-space-after-period";
    expect(
        r,
        Lang::En,
        "Musk made an offer.The board refused. The U.S. and e.g. openai.com. It is 2.5 times.",
        &[".The"],
    );
    // `Sa` and `Le` after a full stop are words, not domain names.
    expect(
        r,
        Lang::Fr,
        "Il a refusé.Sa décision est prise.Le conseil a voté. Voir openai.com.",
        &[".Sa", ".Le"],
    );
    // Markdown link text is prose: the span covers the bracket.
    expect_md(r, Lang::En, "An offer.[The](http://x) board.\n", &[".[The"]);
}

#[test]
fn spacing_missing_space_after_arabic_punctuation() {
    let r = "typography/missing-space-after-punctuation";
    expect(
        r,
        Lang::Ar,
        "مارك توبروف، محامي ماسك،اطرح سؤالًا.ثم غادر ،ثم عاد؟لماذا",
        &["،اطرح", ".ثم", "،ثم", "؟لماذا"],
    );
    expect(
        r,
        Lang::Ar,
        "بلغ العدد ١،٢٣٤ شخصًا، وفق موقع example.com والنسبة 97.4%.",
        &[],
    );
}

#[test]
fn spacing_missing_space_before_french_punctuation() {
    let r = "typography/missing-space-before-punctuation";
    // House style: a glued mark is flagged when the article also writes it
    // with a space.
    expect(
        r,
        Lang::Fr,
        "Le porte-parole a précisé : « rien n’est décidé » ! Sam Altman a répondu: non merci!",
        &["répondu:", "merci!"],
    );
    // Narrow no-break spaces, times and a no-break space before the colon.
    expect(
        r,
        Lang::Fr,
        "Sam Altman a répondu\u{00A0}: non merci\u{202F}! Rendez-vous à 10:30\u{202F}; «\u{202F}Non\u{202F}», dit-il\u{202F}?",
        &[],
    );
}

#[test]
fn spacing_missing_space_inside_guillemets() {
    let r = "typography/missing-space-inside-guillemets";
    expect(
        r,
        Lang::Fr,
        "Il a dit « oui » puis «non » à l’offre.",
        &["«non"],
    );
    expect(
        r,
        Lang::Fr,
        "Il a dit «\u{202F}non\u{202F}» et « oui ».",
        &[],
    );
}

#[test]
fn spacing_doubled_space() {
    let r = "typography/doubled-space";
    expect(r, Lang::En, "The offer was  rejected.", &["  "]);
    expect(r, Lang::Ar, "رفض  سام ألتمان العرض.", &["  "]);
    expect(r, Lang::Fr, "Le conseil a  voté.", &["  "]);
    // With a byte order mark and CRLF the spans are still exact.
    expect(
        r,
        Lang::En,
        "\u{FEFF}One  two\r\nthree  four",
        &["  ", "  "],
    );
    // Line ends of a hard-wrapped paragraph are not doubled spaces.
    expect(
        r,
        Lang::En,
        "A line with trailing   \n   indented continuation.\n\nNext.",
        &[],
    );
    // Markdown: inline code, a comment, a hard break and an indented code
    // block leave no doubled space.
    expect_md(
        r,
        Lang::En,
        "Text `x` and <!-- c --> more.  \nhard break\n\n    code  here\n",
        &[],
    );
}

// ------------------------------------------------------------ untranslated

#[test]
fn untranslated_english_in_arabic() {
    let r = "language/untranslated-english-in-arabic";
    expect(
        r,
        Lang::Ar,
        "استثمرت Microsoft and SoftBank في المشروع. يدفعه Musk for Twitter.",
        &["and", "for"],
    );
    expect(
        r,
        Lang::Ar,
        "وقال تقرير Bank of America إن شركة Johnson and Johnson ومسلسل «Game of Thrones» لم تتأثر.",
        &[],
    );
    expect_md(
        r,
        Lang::Ar,
        "```\nالعرض and السعر\n```\n\nنص `and` عادي.\n",
        &[],
    );
}

#[test]
fn untranslated_french_in_arabic() {
    let r = "language/untranslated-french-in-arabic";
    expect(
        r,
        Lang::Ar,
        "المستثمرين: Vy Capital ، 8vc et Ari Emanuel. وقالت الشركة إن العرض de ماسك مرفوض.",
        &["et", "de"],
    );
    expect(
        r,
        Lang::Ar,
        "ونشرت صحيفة Le Monde تقريرًا عن Banque de France.",
        &[],
    );
}

#[test]
fn untranslated_english_in_french() {
    let r = "language/untranslated-english-in-french";
    expect(
        r,
        Lang::Fr,
        "Le conseil and les actionnaires ont rejeté l'offre with un communiqué.",
        &["and", "with"],
    );
    expect(
        r,
        Lang::Fr,
        "Le groupe the Rolling Stones a joué devant un public made in France.",
        &[],
    );
}

#[test]
fn untranslated_french_in_english() {
    let r = "language/untranslated-french-in-english";
    expect(
        r,
        Lang::En,
        "The board et the shareholders rejected the offer avec a short statement.",
        &["et", "avec"],
    );
    expect(
        r,
        Lang::En,
        "Smith et al. found the soup du jour with joie de vivre.",
        &[],
    );
}

// ------------------------------------------------------------ clean texts

#[test]
fn correct_arabic_is_not_flagged_by_any_rule() {
    expect_clean(
        Lang::Ar,
        Format::Text,
        "قال الرئيس التنفيذي للشركة إن المدرسة الجديدة ستُفتح في المدينة، وإن الحكومة وافقت على الخطة. \
وأضاف: «لن نبيع الشركة إلى أي مستثمر»، مشيرًا إلى أن القيمة بلغت ٩٧٫٤ مليار دولار في عام 2025م. \
هل ستنجح الخطة؟ يرى المحللون أن الإجابة نعم؛ لكن المنافسة مع OpenAI وGoogle ستكون صعبة حتى النهاية.",
    );
}

#[test]
fn correct_french_is_not_flagged_by_any_rule() {
    expect_clean(
        Lang::Fr,
        Format::Text,
        "Le porte-parole a déclaré\u{00A0}: «\u{202F}Nous avons dit “non” à cette offre\u{202F}». \
L’entreprise, fondée en 2015, vaut 97,4\u{202F}milliards d’euros\u{202F}; est-ce trop\u{202F}? \
Non\u{202F}! Rendez-vous à 10:30 avec M. Dupont, selon l’AFP.",
    );
}

#[test]
fn correct_english_is_not_flagged_by_any_rule() {
    expect_clean(
        Lang::En,
        Format::Text,
        "“She told me ‘don’t sell’ yesterday,” he said, “and I didn’t.” The company’s board, \
which met in the U.S. on Monday, rejected the $97.4 billion offer (made by Elon Musk). \
It’s the ’90s all over again: e.g. OpenAI, SoftBank and McDonald's.",
    );
}

#[test]
fn a_markdown_code_block_holding_violations_is_not_flagged() {
    let text = "Intro text.\n\n```\nThe the offer , was  rejected.The “end» ( x ) theCompany\nمن100 الرئيس , and\n```\n\n    indented the the  ,\n";
    for lang in [Lang::Ar, Lang::Fr, Lang::En] {
        expect_clean(lang, Format::Markdown, text);
    }
}

/// Bidi controls are invisible: they must not hide a space before
/// punctuation or a doubled word.
#[test]
fn bidi_controls_do_not_hide_findings() {
    expect(
        "typography/space-before-punctuation",
        Lang::En,
        "The offer \u{202E}, was",
        &[" \u{202E},"],
    );
    expect(
        "typography/space-before-punctuation",
        Lang::Ar,
        "قال \u{200F}، نعم",
        &[" \u{200F}،"],
    );
    expect(
        "language/doubled-word",
        Lang::Ar,
        "إنها من \u{200F}من أكبر الشركات",
        &["من \u{200F}من"],
    );
}
