//! `amount/changed-figure`: one quantity given two different values in an
//! article, in Arabic, French and English; and the texts that must not be
//! flagged (hedges that cover the difference, stated changes, different
//! subjects, the seed article).

use factlint::lint::{FileReport, Linter};
use factlint::rules::{RuleSet, Selector};
use factlint::source::Format;
use factlint::{Finding, Lang, Severity};

const RULE: &str = "amount/changed-figure";

fn linter(lang: Lang) -> Linter {
    let mut rules = RuleSet::embedded().expect("embedded rules load");
    rules.retain(&Selector::new(vec![RULE.to_owned()], vec![]));
    assert_eq!(
        rules.rules().iter().map(|r| &*r.id).collect::<Vec<_>>(),
        [RULE]
    );
    Linter::new(rules, Some(lang))
}

fn findings(lang: Lang, text: &str) -> Vec<Finding> {
    let FileReport::Checked { findings, .. } =
        linter(lang).check_text("article.txt", text, Format::Text)
    else {
        panic!("text is checked");
    };
    for f in &findings {
        assert!(f.span.is_on_char_boundaries(text), "{f:?}");
        for r in f.related() {
            assert!(r.span.is_on_char_boundaries(text), "{f:?}");
        }
    }
    findings
}

/// The flagged text and the related text of each finding.
fn flagged(lang: Lang, text: &str) -> Vec<(String, String)> {
    findings(lang, text)
        .iter()
        .map(|f| {
            assert_eq!(f.related().len(), 1, "{f:?}");
            (
                text[f.span.range()].to_owned(),
                text[f.related()[0].span.range()].to_owned(),
            )
        })
        .collect()
}

fn none(lang: Lang, text: &str) {
    let got = findings(lang, text);
    assert!(got.is_empty(), "{text}\n{got:#?}");
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_owned(), b.to_owned())
}

#[test]
fn the_same_offer_with_two_values_in_three_languages() {
    let en = "Musk made an offer of $44bn for Twitter in April. The board accepted the $46bn offer after two weeks.";
    assert_eq!(flagged(Lang::En, en), [pair("$46bn", "$44bn")]);
    let f = &findings(Lang::En, en)[0];
    assert_eq!(f.severity(), Severity::Warning);
    assert!(f.message.contains("46 × 10⁹ USD"), "{}", f.message);
    assert!(f.message.contains("44 × 10⁹ USD"), "{}", f.message);
    assert!(f.message.contains("offer"), "{}", f.message);
    assert!(f.span.range().start > f.related()[0].span.range().start);

    let fr = "Elon Musk a fait une offre de 44 milliards de dollars pour Twitter. Le conseil a accepté l'offre de 46 milliards de dollars.";
    assert_eq!(
        flagged(Lang::Fr, fr),
        [pair("46 milliards de dollars", "44 milliards de dollars")]
    );
    assert_eq!(findings(Lang::Fr, fr)[0].severity(), Severity::Warning);

    let ar = "قدم ماسك عرضا بقيمة 44 مليار دولار لشراء تويتر. ووافق مجلس الإدارة على العرض البالغ 46 مليار دولار.";
    assert_eq!(
        flagged(Lang::Ar, ar),
        [pair("46 مليار دولار", "44 مليار دولار")]
    );
    assert_eq!(findings(Lang::Ar, ar)[0].severity(), Severity::Warning);
    // Eastern Arabic digits and the decimal separator `٫`.
    let ar = "قدم ماسك عرضا بقيمة ٤٤ مليار دولار. ووافق المجلس على العرض البالغ ٤٦٫٥ مليار دولار.";
    assert_eq!(
        flagged(Lang::Ar, ar),
        [pair("٤٦٫٥ مليار دولار", "٤٤ مليار دولار")]
    );
}

#[test]
fn weak_evidence_is_info() {
    // Only a generic cue (`deal`) in common.
    let text = "The deal was worth $44bn. Later the deal paid $46bn to shareholders.";
    let got = findings(Lang::En, text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].severity(), Severity::Info);
    // A hedge stretched past its tolerance.
    let text = "Musk made an offer of about $60bn. The board rejected the $46bn offer.";
    let got = findings(Lang::En, text);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].severity(), Severity::Info);
}

#[test]
fn the_message_names_the_strong_cue_the_figures_share() {
    // Both figures have the weak cue `deal` nearer than the strong `offer`:
    // the finding is a warning about the offer, not the deal.
    let text = "Musk's offer for the deal was $44bn in April. In May the board accepted his offer for the deal, $46bn.";
    let got = findings(Lang::En, text);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].severity(), Severity::Warning);
    assert!(
        got[0].message.contains("gives the offer as"),
        "{}",
        got[0].message
    );
    assert_eq!(
        &*got[0].related()[0].message,
        "the offer given as 44 × 10⁹ USD"
    );
}

#[test]
fn hedges_that_cover_the_difference() {
    // About 100 billion is 90 to 110 billion.
    none(
        Lang::En,
        "Musk offered about $100bn for the company. The board rejected the $97.4bn offer.",
    );
    none(
        Lang::Ar,
        "اقترح ماسك بالقرب من 100 مليار دولار. ورفض المجلس العرض البالغ 97.4 مليار دولار.",
    );
    none(
        Lang::Fr,
        "Musk a proposé environ 100 milliards de dollars. Le conseil a rejeté l'offre de 97,4 milliards de dollars.",
    );
    // More than 40: 46 agrees; less than 40 does not.
    none(
        Lang::En,
        "Musk made an offer of more than $40bn. The board accepted the $46bn offer.",
    );
    assert_eq!(
        flagged(
            Lang::En,
            "Musk made an offer of less than $40bn. The board accepted the $46bn offer."
        )
        .len(),
        1
    );
    // Up to 50: 46 agrees.
    none(
        Lang::En,
        "Musk made an offer of up to $50bn. The board accepted the $46bn offer.",
    );
    // A rounded figure.
    none(
        Lang::En,
        "Musk made an offer of $97.4bn. The board rejected the $97bn offer.",
    );
}

#[test]
fn stated_changes_are_not_changed_figures() {
    none(
        Lang::En,
        "The company's revenue rose from $3.2bn to $4.1bn. Revenue of $4.1bn beat forecasts.",
    );
    none(
        Lang::En,
        "Revenue reached $4.1bn. That compared with revenue of $3.2bn a year ago.",
    );
    none(
        Lang::Fr,
        "Le chiffre d'affaires est passé de 3,2 milliards d'euros à 4,1 milliards d'euros. Le chiffre d'affaires de 4,1 milliards d'euros est en hausse.",
    );
    none(
        Lang::Fr,
        "Le chiffre d'affaires atteint 4,1 milliards d'euros. Les revenus étaient de 3,2 milliards d'euros l'an dernier.",
    );
    none(
        Lang::Ar,
        "ارتفعت الإيرادات من 3.2 مليار دولار إلى 4.1 مليار دولار. وبلغت الإيرادات 4.1 مليار دولار.",
    );
    none(
        Lang::Ar,
        "بلغت الإيرادات 4.1 مليار دولار. وتراجعت الإيرادات إلى 3.2 مليار دولار.",
    );
    // Two periods.
    none(
        Lang::En,
        "In 2023 the company's revenue was $3.2bn. In 2024 its revenue reached $4.1bn.",
    );
    // A list in one sentence.
    none(
        Lang::En,
        "The new phones will be priced at $999, $1,099 and $1,199.",
    );
}

#[test]
fn different_quantities_are_not_compared() {
    none(
        Lang::Ar,
        "يمكن أن تصل قيمة الشركة إلى 300 مليار دولار. ومشروع ستارغيت يتطلب 500 مليار دولار في الاستثمار.",
    );
    none(
        Lang::En,
        "The city approved a $1.5 billion budget for 2025 as the service reached 15 million users; growth was 2.5% and the firm hired 25 employees. 8VC invested in 2019.",
    );
    none(
        Lang::En,
        "The city approved a $1.5 billion budget. The service reached 15 million users. Growth was 2.5%. The firm hired 25 employees.",
    );
    // Different currencies, orders of magnitude, kinds.
    none(
        Lang::En,
        "Musk made an offer of $44bn. The board accepted the €46bn offer.",
    );
    none(
        Lang::En,
        "Musk made an offer of $44bn. The board accepted the $460bn offer.",
    );
    // Same digits with the decimal point moved: decimal-shift's.
    none(
        Lang::En,
        "Musk made an offer of $97.4bn. The board rejected the $9.74bn offer.",
    );
    // Counts without a scale word are not compared.
    none(
        Lang::En,
        "The airline has 2,500 employees. About 16,000 employees of its rival lost their jobs.",
    );
    // Years and names with digits.
    none(
        Lang::En,
        "The offer was made in 2019. 8VC repeated the offer in 2021.",
    );
}

#[test]
fn the_seed_article_has_no_changed_figure() {
    let text = std::fs::read_to_string("seeds/000_1da055f338dfc321.txt").unwrap();
    none(Lang::Ar, &text);
}

#[test]
fn each_pair_of_values_is_reported_once() {
    let text = "Musk made an offer of $44bn. The board accepted the $46bn offer. The $44bn offer was final.";
    assert_eq!(flagged(Lang::En, text), [pair("$46bn", "$44bn")]);
}
