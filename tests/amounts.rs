//! Amount extraction (src/amount): a table of figures in Arabic, French and
//! English, the seed article's amounts, and properties on arbitrary text.

use factlint::amount::{AmountKind, AmountMention, Hedge};
use factlint::document::{Document, Lang};
use factlint::rules::RuleSet;
use factlint::source::{Format, SourceFile};

fn rules() -> &'static RuleSet {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    RULES.get_or_init(|| RuleSet::embedded().expect("embedded rules load"))
}

fn amounts(lang: Lang, text: &str) -> Vec<(String, AmountMention)> {
    let src = SourceFile::from_text("t.txt", text.to_owned(), Format::Text);
    let doc = Document::parse(&src, Some(lang), rules().data());
    doc.amounts()
        .iter()
        .map(|m| (text[m.span.range()].to_owned(), m.clone()))
        .collect()
}

/// The seed article's figures (../shared/seeds/EXPECTED.md, `amount`).
#[test]
fn seed_article_amounts() {
    let text = std::fs::read_to_string("seeds/000_1da055f338dfc321.txt").unwrap();
    let got = amounts(Lang::Ar, &text);
    let rows: Vec<String> = got
        .iter()
        .map(|(t, m)| {
            assert!(m.span.is_on_char_boundaries(&text));
            format!(
                "{t} | {} | {} | {} | {} | {}",
                m.value,
                m.currency.as_deref().unwrap_or("-"),
                m.hedge.map_or("-", Hedge::as_str),
                m.digits,
                m.linked
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "100 مليار دولار | 100000000000 | USD | approx | 1 | false",
            "9.74 مليار | 9740000000 | - | - | 974 | false",
            // `يصبح 97.4 9.74`: bare numbers linked to `9.74 مليار`.
            "97.4 | 97400000000 | - | - | 974 | true",
            "9.74 | 9740000000 | - | - | 974 | true",
            "300 مليار دولار | 300000000000 | USD | max | 3 | false",
            "500 مليار دولار | 500000000000 | USD | - | 5 | false",
            "100 مليار دولار | 100000000000 | USD | approx | 1 | false",
        ]
    );
    // Subject cues: the offer (`عرض`) and the investment (`الاستثمار`).
    assert_eq!(*got[2].1.cues, ["offer"]);
    assert_eq!(*got[5].1.cues, ["investment"]);
    assert!(got.iter().all(|(_, m)| m.kind != AmountKind::Percent));
    // The cached list is the extraction.
    let src = SourceFile::from_text("t.txt", text.clone(), Format::Text);
    let doc = Document::parse(&src, Some(Lang::Ar), rules().data());
    assert_eq!(doc.amounts(), factlint::amount::extract(&doc).as_slice());
    assert!(std::ptr::eq(doc.amounts(), doc.amounts()));
}

#[test]
fn bare_numbers_link_only_within_their_sentence() {
    let got = amounts(
        Lang::En,
        "The offer was $97.4bn, or 97.4, in round terms. Then 12 came.",
    );
    let bare = &got[1].1;
    assert_eq!(
        (bare.value.to_string(), bare.linked),
        ("97400000000".into(), true)
    );
    assert_eq!(bare.currency.as_deref(), Some("USD"));
    assert_eq!(got[2].1.value.to_string(), "12");
    assert!(!got[2].1.linked);
    // A number that counts something stays a plain number.
    let got = amounts(Lang::En, "It paid $3bn to 15 people.");
    assert_eq!(got[1].1.value.to_string(), "15");
    assert_eq!(got[1].1.kind, AmountKind::Number);
}

#[test]
fn a_figure_restated_in_digits_keeps_its_value() {
    // The digits in brackets are the whole figure again: they take the
    // currency of the figure, not its scale word.
    for (lang, text, currency) in [
        (
            Lang::Ar,
            "ارتفع عدد العاطلين إلى مليون و 437 ألف (1437000) عاطل.",
            None,
        ),
        (
            Lang::En,
            "The fund paid $1.4 million (1,400,000) to the families.",
            Some("USD"),
        ),
        (
            Lang::Fr,
            "Le projet a coûté 2,5 millions d'euros (2 500 000) à la ville.",
            Some("EUR"),
        ),
    ] {
        let got = amounts(lang, text);
        let values: Vec<String> = got.iter().map(|(_, m)| m.value.to_string()).collect();
        assert_eq!(values[0], values[1], "{text}: {values:?}");
        assert!(got[1].1.linked, "{text}");
        assert_eq!(got[1].1.currency.as_deref(), currency, "{text}");
        assert_eq!(got[1].1.scale, None, "{text}");
    }
}

#[test]
fn cue_words_stop_at_the_figures_beside() {
    // The words before a figure with its own unit are said of it: the
    // revenue is not the profit, the funding is not the loan.
    let got = amounts(
        Lang::En,
        "Revenue was $5bn and profit reached $1bn, it said.",
    );
    assert_eq!(*got[0].1.cues, ["revenue"]);
    assert_eq!(*got[1].1.cues, ["profit"]);
    let got = amounts(
        Lang::Ar,
        "وتشمل قيمة التمويل ملياري دولار ضمن برنامج القرض البالغ 8 مليارات دولار.",
    );
    assert!(
        got[0].1.cues.contains(&"funding".into()),
        "{:?}",
        got[0].1.cues
    );
    assert!(
        !got[1].1.cues.contains(&"funding".into()),
        "{:?}",
        got[1].1.cues
    );
    // A bare number is no bound: in `(يصبح 97.4 9.74)` both keep the offer
    // before them.
    let got = amounts(
        Lang::Ar,
        "سيشتري تويتر مقابل 9.74 مليار، من خلال أخذ مبلغ عرض ماسك بالضبط (يصبح 97.4 9.74).",
    );
    assert!(
        got[1..].iter().all(|(_, m)| *m.cues == ["offer"]),
        "{got:?}"
    );
}

#[test]
fn document_language_resolves_ambiguous_separators() {
    let v = |lang, t: &str| amounts(lang, t)[0].1.value.to_string();
    assert_eq!(v(Lang::En, "1,250 dollars"), "1250");
    assert_eq!(v(Lang::Fr, "1,250 dollars"), "1.25");
    assert_eq!(v(Lang::Fr, "1.250 dollars"), "1250");
    assert_eq!(v(Lang::En, "3.350 dollars"), "3.35");
    // The document's own unambiguous numbers win over its language.
    let got = amounts(Lang::Ar, "بلغ 1,5 مليون ثم 2,75 مليون و1,250 مليون");
    assert_eq!(got[2].1.value.to_string(), "1250000");
    assert_eq!(v(Lang::Ar, "بلغ 1,250 دولار"), "1250");
}

#[test]
fn cues_are_concept_keys_in_every_language() {
    let c = |lang, t: &str| amounts(lang, t)[0].1.cues.to_vec();
    assert_eq!(
        c(Lang::Fr, "Une offre de 97,4 milliards de dollars"),
        ["offer"]
    );
    assert_eq!(
        c(Lang::Fr, "La valorisation atteint 300 milliards"),
        ["valuation"]
    );
    assert_eq!(c(Lang::En, "The budget is $1.5bn"), ["budget"]);
    assert_eq!(c(Lang::Ar, "بلغ التقييم 300 مليار دولار"), ["valuation"]);
    assert_eq!(
        c(Lang::Ar, "واستثمار بقيمة 5 مليارات"),
        ["valuation", "investment"]
    );
    assert!(c(Lang::En, "It had 5 cats.").is_empty());
}

/// `lang | text | expected` where expected is `none` (no figure at all) or
/// `span | value | kind | currency | scale | hedge` for the first figure
/// (`-` for none).
const TABLE: &str = r"
ar | بلغ العرض 97.4 مليار دولار | 97.4 مليار دولار | 97400000000 | money | USD | billion | -
ar | بلغ العرض ٩٧٫٤ مليار دولار | ٩٧٫٤ مليار دولار | 97400000000 | money | USD | billion | -
ar | بلغ ۹۷٫۴ مليار دولار | ۹۷٫۴ مليار دولار | 97400000000 | money | USD | billion | -
ar | ٩٧.٤ مليار | ٩٧.٤ مليار | 97400000000 | number | - | billion | -
ar | اقترح بالقرب من100 مليار دولار | 100 مليار دولار | 100000000000 | money | USD | billion | approx
ar | ويقدم ما يقرب من 100 مليار دولار | 100 مليار دولار | 100000000000 | money | USD | billion | approx
ar | سنشتري Twitter مقابل 9.74 مليار | 9.74 مليار | 9740000000 | number | - | billion | -
ar | قيمة الشركة تصل إلى 300 مليار دولار | 300 مليار دولار | 300000000000 | money | USD | billion | max
ar | تتطلب 500 مليار دولار في الاستثمار | 500 مليار دولار | 500000000000 | money | USD | billion | -
ar | خسرت بنحو 5 ملايين دولار | 5 ملايين دولار | 5000000 | money | USD | million | approx
ar | وحوالي 3 مليارات يورو | 3 مليارات يورو | 3000000000 | money | EUR | billion | approx
ar | بلغت قرابة 20 ألف دولار | 20 ألف دولار | 20000 | money | USD | thousand | approx
ar | أكثر من 15 مليون مستخدم | 15 مليون | 15000000 | number | - | million | min
ar | أقل من 2 مليار دولار | 2 مليار دولار | 2000000000 | money | USD | billion | max
ar | ما لا يقل عن 40 مليار ريال | 40 مليار ريال | 40000000000 | money | SAR | billion | min
ar | بيعت بمليار دولار | بمليار دولار | 1000000000 | money | USD | billion | -
ar | خصص ملياري دولار للمشروع | ملياري دولار | 2000000000 | money | USD | billion | -
ar | جمعت الشركة مليارين من الدولارات | مليارين من الدولارات | 2000000000 | money | USD | billion | -
ar | تراجع البرميل 12ر1 دولار | 12ر1 دولار | 1.12 | money | USD | - | -
ar | ارتفع المؤشر بنسبة 9ر0 بالمئة | 9ر0 بالمئة | 0.9 | percent | - | - | -
ar | بلغ الناتج 5ر2 مليار دينار كويتي | 5ر2 مليار دينار كويتي | 2500000000 | money | KWD | billion | -
ar | سجل المؤشر 62 ر 31 نقطة | 62 | 62 | number | - | - | -
ar | سجل المؤشر 1,5ر0 نقطة | 1,5 | 1.5 | number | - | - | -
ar | ملياران دولار | ملياران دولار | 2000000000 | money | USD | billion | -
ar | مليونين دولار | مليونين دولار | 2000000 | money | USD | million | -
ar | ألفين دولار | ألفين دولار | 2000 | money | USD | thousand | -
ar | بلغ الدين نصف مليار دولار | نصف مليار دولار | 500000000 | money | USD | billion | -
ar | ربع مليار دولار | ربع مليار دولار | 250000000 | money | USD | billion | -
ar | مئة مليون دولار | مئة مليون دولار | 100000000 | money | USD | million | -
ar | مائة دولار | مائة دولار | 100 | money | USD | - | -
ar | مليار ونصف دولار | مليار ونصف دولار | 1500000000 | money | USD | billion | -
ar | مليون ونصف المليون دولار | مليون ونصف المليون دولار | 1500000 | money | USD | million | -
ar | 2 مليار ونصف | 2 مليار ونصف | 2500000000 | number | - | billion | -
ar | مليار دولار | مليار دولار | 1000000000 | money | USD | billion | -
ar | 5 بليون دولار | 5 بليون دولار | 5000000000 | money | USD | billion | -
ar | 3 تريليون دولار | 3 تريليون دولار | 3000000000000 | money | USD | trillion | -
ar | 2 ترليون دولار | 2 ترليون دولار | 2000000000000 | money | USD | trillion | -
ar | 3 آلاف جنيه | 3 آلاف جنيه | 3000 | money | EGP | thousand | -
ar | 11 ألفا | 11 ألفا | 11000 | number | - | thousand | -
ar | 20 مليونا | 20 مليونا | 20000000 | number | - | million | -
ar | و5 ملايين دولار | 5 ملايين دولار | 5000000 | money | USD | million | -
ar | بـ5 ملايين دولار | 5 ملايين دولار | 5000000 | money | USD | million | -
ar | 7 ملايين درهم مغربي | 7 ملايين درهم مغربي | 7000000 | money | MAD | million | -
ar | 7 ملايين درهم | 7 ملايين درهم | 7000000 | money | AED | million | -
ar | 10 مليارات جنيه مصري | 10 مليارات جنيه مصري | 10000000000 | money | EGP | billion | -
ar | 10 ملايين جنيه إسترليني | 10 ملايين جنيه إسترليني | 10000000 | money | GBP | million | -
ar | دفع 50 جنيهًا إسترلينيًا | 50 جنيهًا إسترلينيًا | 50 | money | GBP | - | -
ar | بلغ 25 دولارًا أمريكيًا | 25 دولارًا أمريكيًا | 25 | money | USD | - | -
ar | 4 مليارات ريال قطري | 4 مليارات ريال قطري | 4000000000 | money | QAR | billion | -
ar | 900 مليون دينار أردني | 900 مليون دينار أردني | 900000000 | money | JOD | million | -
ar | 300 ألف ليرة لبنانية | 300 ألف ليرة لبنانية | 300000 | money | LBP | thousand | -
ar | 12 مليار يورو | 12 مليار يورو | 12000000000 | money | EUR | billion | -
ar | 50 دولارا | 50 دولارا | 50 | money | USD | - | -
ar | 1,5 مليون | 1,5 مليون | 1500000 | number | - | million | -
ar | 1,000 دولار | 1,000 دولار | 1000 | money | USD | - | -
ar | ١٬٢٣٤ دولار | ١٬٢٣٤ دولار | 1234 | money | USD | - | -
ar | ١٬٢٣٤٫٥ مليون | ١٬٢٣٤٫٥ مليون | 1234500000 | number | - | million | -
ar | نما الاقتصاد 12.5% | 12.5% | 12.5 | percent | - | - | -
ar | نما ١٢٫٥٪ | ١٢٫٥٪ | 12.5 | percent | - | - | -
ar | نما بنسبة 3 في المئة | 3 في المئة | 3 | percent | - | - | -
ar | ارتفع 4 في المائة | 4 في المائة | 4 | percent | - | - | -
ar | تراجع 2.5 بالمئة | 2.5 بالمئة | 2.5 | percent | - | - | -
ar | نحو 30 بالمائة | 30 بالمائة | 30 | percent | - | - | approx
ar | يعمل فيها 250 موظفا | 250 | 250 | number | - | - | -
ar | باع 97.4 مليون سهم | 97.4 مليون | 97400000 | number | - | million | -
ar | 100 مليار دولار تقريبا | 100 مليار دولار | 100000000000 | money | USD | billion | approx
ar | زهاء 800 شخص | 800 | 800 | number | - | - | approx
ar | 44 مليار دولار أمريكي | 44 مليار دولار أمريكي | 44000000000 | money | USD | billion | -
ar | 44 مليار دولار أميركي | 44 مليار دولار أميركي | 44000000000 | money | USD | billion | -
ar | 5 US$ | 5 US$ | 5 | money | USD | - | -
ar | دفع 8 مليارات الدولارات | 8 مليارات الدولارات | 8000000000 | money | USD | billion | -
ar | وبنحو 6 مليارات | 6 مليارات | 6000000000 | number | - | billion | approx
ar | بأكثر من 70 مليار دولار | 70 مليار دولار | 70000000000 | money | USD | billion | min
ar | ارتفع بنسبة ٪15 | ٪15 | 15 | percent | - | - | -
ar | بين 10 و20 مليار دولار | 10 | 10000000000 | money | USD | billion | -
ar | في عام 2019 | none
ar | بمهمة Openai الأصلية لعام 2015 | none
ar | تأسست سنة 1998 | none
ar | منذ 2010 | none
ar | في 2019 | none
ar | بحلول 2025م | none
ar | سنة 1446هـ | none
ar | وVy Capital و8vc et Ari | none
ar | في 11/02/2025 | none
ar | الساعة 10:30 صباحا | none
ar | اتصل على 0612345678 | none
ar | اتصل على +33 6 12 34 56 78 | none
ar | هاتف 06 12 34 56 78 | none
ar | يوم 10 فبراير | none
ar | في 5 أيار | none
ar | هاتف آيفون 16 الجديد | none
ar | المادة 5 من القانون | none
ar | طائرات F-16 | none
ar | تحديث iOS 17 | none
ar | الفلسطينيون | none
ar | الملياردير ماسك | none
ar | ألف كتابا | none
ar | مئات الآلاف | none
fr | une offre de 97,4 milliards de dollars | 97,4 milliards de dollars | 97400000000 | money | USD | billion | -
fr | 97,4 Md$ | 97,4 Md$ | 97400000000 | money | USD | billion | -
fr | 4,2 Mds€ | 4,2 Mds€ | 4200000000 | money | EUR | billion | -
fr | 3 Mrd € | 3 Mrd € | 3000000000 | money | EUR | billion | -
fr | 1,5 milliard d'euros | 1,5 milliard d'euros | 1500000000 | money | EUR | billion | -
fr | 1,5 milliard d’euros | 1,5 milliard d’euros | 1500000000 | money | EUR | billion | -
fr | 30 millions de dollars | 30 millions de dollars | 30000000 | money | USD | million | -
fr | 20 M€ | 20 M€ | 20000000 | money | EUR | million | -
fr | 20 k€ | 20 k€ | 20000 | money | EUR | thousand | -
fr | 2,3 M$ | 2,3 M$ | 2300000 | money | USD | million | -
fr | 10 000 € | 10 000 € | 10000 | money | EUR | - | -
fr | 1 250 000 euros | 1 250 000 euros | 1250000 | money | EUR | - | -
fr | 1 250 000 euros | 1 250 000 euros | 1250000 | money | EUR | - | -
fr | 1 250 000,50 € | 1 250 000,50 € | 1250000.5 | money | EUR | - | -
fr | 1.000 euros | 1.000 euros | 1000 | money | EUR | - | -
fr | 1.250.000 habitants | 1.250.000 | 1250000 | number | - | - | -
fr | 39,95 $ | 39,95 $ | 39.95 | money | USD | - | -
fr | 3 $ CA | 3 $ CA | 3 | money | CAD | - | -
fr | 30 $ US | 30 $ US | 30 | money | USD | - | -
fr | un milliard de dollars | un milliard de dollars | 1000000000 | money | USD | billion | -
fr | un demi-milliard d'euros | un demi-milliard d'euros | 500000000 | money | EUR | billion | -
fr | deux milliards d'euros | deux milliards d'euros | 2000000000 | money | EUR | billion | -
fr | 5 mille euros | 5 mille euros | 5000 | money | EUR | thousand | -
fr | 2 billions d'euros | 2 billions d'euros | 2000000000000 | money | EUR | trillion | -
fr | près de 100 milliards de dollars | 100 milliards de dollars | 100000000000 | money | USD | billion | approx
fr | environ 300 milliards | 300 milliards | 300000000000 | number | - | billion | approx
fr | quelque 300 salariés | 300 | 300 | number | - | - | approx
fr | plus de 500 milliards de dollars | 500 milliards de dollars | 500000000000 | money | USD | billion | min
fr | moins de 2 %  | 2 % | 2 | percent | - | - | max
fr | au moins 40 millions | 40 millions | 40000000 | number | - | million | min
fr | jusqu'à 10 milliards | 10 milliards | 10000000000 | number | - | billion | max
fr | une hausse de 12,5 % | 12,5 % | 12.5 | percent | - | - | -
fr | une hausse de 12,5 % | 12,5 % | 12.5 | percent | - | - | -
fr | 3 pour cent | 3 pour cent | 3 | percent | - | - | -
fr | 2,5% de croissance | 2,5% | 2.5 | percent | - | - | -
fr | 1,250 milliard | 1,250 milliard | 1250000000 | number | - | billion | -
fr | 44 milliards de dollars américains | 44 milliards de dollars américains | 44000000000 | money | USD | billion | -
fr | 200 millions de livres sterling | 200 millions de livres sterling | 200000000 | money | GBP | million | -
fr | 8 milliards de dirhams | 8 milliards de dirhams | 8000000000 | money | MAD | billion | -
fr | 15 millions d'utilisateurs | 15 millions | 15000000 | number | - | million | -
fr | 25 salariés | 25 | 25 | number | - | - | -
fr | 10 millions de francs CFA | 10 millions de francs CFA | 10000000 | money | XOF | million | -
fr | en 2019 | none
fr | depuis 2015 | none
fr | le 1er mars | none
fr | le 2e trimestre | none
fr | le 11/02/2025 | none
fr | à 10h30 | none
fr | à 10:30 | none
fr | le 10 février 2025 | none
fr | appelez le 06 12 34 56 78 | none
fr | la version 2.0 | none
fr | l'iPhone 16 | none
fr | le fonds 8VC | none
fr | des millions d'euros | none
fr | un homme | none
en | a $97.4bn offer | $97.4bn | 97400000000 | money | USD | billion | -
en | $97.4 billion | $97.4 billion | 97400000000 | money | USD | billion | -
en | US$5m | US$5m | 5000000 | money | USD | million | -
en | USD 34.6 million | USD 34.6 million | 34600000 | money | USD | million | -
en | USD34.6m | USD34.6m | 34600000 | money | USD | million | -
en | £8m | £8m | 8000000 | money | GBP | million | -
en | €3bn | €3bn | 3000000000 | money | EUR | billion | -
en | $20k | $20k | 20000 | money | USD | thousand | -
en | 44 billion dollars | 44 billion dollars | 44000000000 | money | USD | billion | -
en | 1,000 employees | 1,000 | 1000 | number | - | - | -
en | 1,234,567.89 dollars | 1,234,567.89 dollars | 1234567.89 | money | USD | - | -
en | 3.350 tonnes | 3.350 | 3.35 | number | - | - | -
en | 2 trillion dollars | 2 trillion dollars | 2000000000000 | money | USD | trillion | -
en | $1.5tn | $1.5tn | 1500000000000 | money | USD | trillion | -
en | 5mn users | 5mn | 5000000 | number | - | million | -
en | 40bn euros | 40bn euros | 40000000000 | money | EUR | billion | -
en | half a billion dollars | half a billion dollars | 500000000 | money | USD | billion | -
en | a million dollars | a million dollars | 1000000 | money | USD | million | -
en | two billion dollars | two billion dollars | 2000000000 | money | USD | billion | -
en | nearly $100bn | $100bn | 100000000000 | money | USD | billion | approx
en | about 300 billion dollars | 300 billion dollars | 300000000000 | money | USD | billion | approx
en | around 12% | 12% | 12 | percent | - | - | approx
en | almost 50 percent | 50 percent | 50 | percent | - | - | approx
en | more than 15 million users | 15 million | 15000000 | number | - | million | min
en | up to $500bn | $500bn | 500000000000 | money | USD | billion | max
en | some 300 people | 300 | 300 | number | - | - | approx
en | at least 40 million | 40 million | 40000000 | number | - | million | min
en | less than 2 per cent | 2 per cent | 2 | percent | - | - | max
en | 2.5% growth | 2.5% | 2.5 | percent | - | - | -
en | 25 employees | 25 | 25 | number | - | - | -
en | 200 million pounds | 200 million pounds | 200000000 | money | GBP | million | -
en | 3 pct | 3 pct | 3 | percent | - | - | -
en | 10 billion riyals | 10 billion riyals | 10000000000 | money | SAR | billion | -
en | between 10 and 20 billion dollars | 10 | 10000000000 | money | USD | billion | -
en | 10-20 billion dollars | 10 | 10000000000 | money | USD | billion | -
en | 10-20 staff left after a $3bn deal | 10 | 10 | number | - | - | -
en | in 15 minutes | 15 | 15 | number | - | - | -
fr | le chiffre d'affaires de 3,2 milliards d'euros | 3,2 milliards d'euros | 3200000000 | money | EUR | billion | -
ar | بإجمالي تريليونان و883 ملياراً و532 مليوناً و192 ألف ريال | تريليونان و883 ملياراً و532 مليوناً و192 ألف ريال | 2883532192000 | money | SAR | trillion | -
ar | وبلغ العجز 679 ملياراً و 264 مليوناً | 679 ملياراً و 264 مليوناً | 679264000000 | number | - | billion | -
ar | بنحو 3 مليارات و500 مليون دولار | 3 مليارات و500 مليون دولار | 3500000000 | money | USD | billion | approx
ar | خسر 5 ملايين و3 مليارات | 5 ملايين | 5000000 | number | - | million | -
ar | خسر 3 مليارات و1500 مليون | 3 مليارات | 3000000000 | number | - | billion | -
fr | un budget de 2 milliards 883 millions d'euros | 2 milliards 883 millions d'euros | 2883000000 | money | EUR | billion | -
fr | 1 milliard et 200 millions d'euros | 1 milliard et 200 millions d'euros | 1200000000 | money | EUR | billion | -
en | 1 billion 500 million dollars | 1 billion 500 million dollars | 1500000000 | money | USD | billion | -
en | 2 billion and 300 million users | 2 billion | 2000000000 | number | - | billion | -
en | in 2019 | none
en | since 1998 | none
en | the 3rd quarter | none
en | the 21st century | none
en | on 11/02/2025 | none
en | at 10:30 | none
en | February 11, 2025 | none
en | the iPhone 16 | none
en | iOS 17 | none
en | the F-16 jets | none
en | version 2.0 | none
en | 8VC invested | none
en | call +1-202-555-0143 | none
en | call 202-555-0143-22 | none
en | room 5 | none
en | 5m tall | none
en | millions of dollars | none
en | a man | none
";

#[test]
fn extraction_table() {
    let mut count = 0;
    let mut failures = Vec::new();
    for line in TABLE.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let lang: Lang = cols[0].parse().expect("a language");
        let text = cols[1];
        let got = amounts(lang, text);
        count += 1;
        if cols[2] == "none" {
            if !got.is_empty() {
                failures.push(format!(
                    "{line}\n   got {:?}",
                    got.iter().map(|(t, _)| t).collect::<Vec<_>>()
                ));
            }
            continue;
        }
        assert_eq!(cols.len(), 8, "{line}");
        let Some((span, m)) = got.first() else {
            failures.push(format!("{line}\n   got nothing"));
            continue;
        };
        let have = [
            span.as_str(),
            &m.value.to_string(),
            m.kind.as_str(),
            m.currency.as_deref().unwrap_or("-"),
            m.scale.as_deref().unwrap_or("-"),
            m.hedge.map_or("-", Hedge::as_str),
        ]
        .join(" | ");
        let want = cols[2..].join(" | ");
        if have != want {
            failures.push(format!("{line}\n   got {have}"));
        }
    }
    assert!(count >= 150, "{count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    #[test]
    fn extraction_never_panics_and_spans_are_on_char_boundaries(
        text in "[0-9٠-٩۰-۹.,٫٬ \u{00A0}\u{202F}%٪$€£a-zA-Zمليارونصفدلبـ\u{064E}\u{200F}/:+\n-]{0,60}",
        lang in proptest::sample::select(vec![Lang::Ar, Lang::Fr, Lang::En]),
    ) {
        let src = SourceFile::from_text("t.txt", text.clone(), Format::Text);
        let doc = Document::parse(&src, Some(lang), rules().data());
        for m in doc.amounts() {
            proptest::prop_assert!(m.span.is_on_char_boundaries(&text), "{m:?}");
            proptest::prop_assert!(!m.span.is_empty());
            proptest::prop_assert!(m.view.end <= doc.blocks[m.block].text.len());
            proptest::prop_assert!(!m.digits.is_empty());
        }
    }
}

#[test]
fn spans_go_through_the_markdown_view_and_normalization() {
    let text = "# Titre\n\nUne offre de **97,4 milliards** de dollars et \u{200F}٩٧٫٤ مليار.\n";
    let src = SourceFile::from_text("t.md", text.to_owned(), Format::Markdown);
    let doc = Document::parse(&src, Some(Lang::Fr), rules().data());
    let got: Vec<&str> = doc
        .amounts()
        .iter()
        .map(|m| &text[m.span.range()])
        .collect();
    assert_eq!(got, ["97,4 milliards** de dollars", "٩٧٫٤ مليار"]);
    let m = &doc.amounts()[0];
    assert_eq!(m.value.to_string(), "97400000000");
    assert_eq!(
        &doc.blocks[m.block].text[m.view.clone()],
        "97,4 milliards de dollars"
    );
}

/// A bare number far from an amount with a unit keeps no unit: the cast of
/// a $534 million film is not $2 billion. (Seen in a real ABC article.)
#[test]
fn a_bare_number_far_from_an_amount_is_not_linked_to_it() {
    let got = amounts(
        Lang::En,
        "The $534 million film, shot in Morocco over two years, hired over 2,000 extras.",
    );
    let extras = got
        .iter()
        .find(|(t, _)| t == "2,000")
        .map(|(_, m)| m)
        .expect("2,000 is a figure");
    assert_eq!(extras.value.to_string(), "2000");
    assert_eq!(extras.currency, None);
    assert!(!extras.linked);
    // Close by, the first number of a range still takes the unit.
    let got = amounts(
        Lang::Ar,
        "بلغت قيمة العرض 20 مليار دولار، أي بين 15 و20 مليار دولار.",
    );
    assert!(
        got.iter()
            .all(|(_, m)| m.currency.as_deref() == Some("USD")),
        "{got:?}"
    );
}
