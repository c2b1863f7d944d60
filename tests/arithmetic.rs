//! `amount/arithmetic`: percentages against their part and whole, and
//! parts against their total, in Arabic, French and English; the computed
//! value in the message, the related places, and texts that must stay
//! silent.

use factlint::lint::{FileReport, Linter};
use factlint::rules::{RuleSet, Selector};
use factlint::source::Format;
use factlint::{Finding, Lang};

const RULE: &str = "amount/arithmetic";

fn check(lang: Lang, text: &str) -> Vec<Finding> {
    let mut rules = RuleSet::embedded().expect("embedded rules load");
    rules.retain(&Selector::new(vec![RULE.to_owned()], vec![]));
    assert_eq!(rules.rules().len(), 1, "the selector picks the rule");
    let linter = Linter::new(rules, Some(lang));
    let FileReport::Checked { findings, .. } = linter.check_text("article.txt", text, Format::Text)
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

/// One finding on `flagged`, whose message contains `detail`, with the
/// related places `related`.
fn expect_one(lang: Lang, text: &str, flagged: &str, detail: &str, related: &[&str]) {
    let found = check(lang, text);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    let f = &found[0];
    assert_eq!(f.text(text), flagged);
    assert!(f.message.contains(detail), "{}", f.message);
    let rel: Vec<&str> = f.related().iter().map(|r| &text[r.span.range()]).collect();
    assert_eq!(rel, related);
}

fn expect_none(lang: Lang, text: &str) {
    let found = check(lang, text);
    assert!(found.is_empty(), "{text}: {found:#?}");
}

#[test]
fn percentage_mismatch_in_three_languages() {
    expect_one(
        Lang::En,
        "The company laid off 30 of 120 employees, or 40%, last year.",
        "40%",
        "30 of 120 is 25%, not 40%",
        &["30", "120"],
    );
    expect_one(
        Lang::Fr,
        "L'entreprise a licencié 30 des 120 salariés, soit 40 %, l'an dernier.",
        "40 %",
        "30 of 120 is 25%, not 40%",
        &["30", "120"],
    );
    expect_one(
        Lang::Ar,
        "سرّحت الشركة 30 من أصل 120 موظفًا، أي 40%، العام الماضي.",
        "40%",
        "30 of 120 is 25%, not 40%",
        &["30", "120"],
    );
    // Eastern Arabic digits and `في المئة`.
    expect_one(
        Lang::Ar,
        "سرّحت الشركة ٣٠ من أصل ١٢٠ موظفًا، أي ٤٠ في المئة.",
        "٤٠ في المئة",
        "is 25%, not 40%",
        &["٣٠", "١٢٠"],
    );
    expect_one(
        Lang::En,
        "Only 45 of the 300 delegates (25%) voted against.",
        "25%",
        "45 of 300 is 15%, not 25%",
        &["45", "300"],
    );
}

#[test]
fn percentage_rounding_is_accepted() {
    for text in [
        "1 of 3 voters, or 33%, stayed home.",
        "1 of 3 voters, or 33.3%, stayed home.",
        "2 of 3 voters, or 67%, stayed home.",
        "2 of 3 voters, or 66%, stayed home.",
        "2 of 3 voters, or 66.7%, stayed home.",
        "Some 1.2 million of the 3.1 million voters, or 39%, turned out.",
        "Some 1.2 million of the 3.1 million voters, or 40%, turned out.",
        "30 of 120 employees, or nearly 26%, left.",
        "30 of 120 employees, or more than 20%, left.",
    ] {
        expect_none(Lang::En, text);
    }
    expect_one(
        Lang::En,
        "1 of 3 voters, or 35.5%, stayed home.",
        "35.5%",
        "is 33.33%, not 35.5%",
        &["1", "3"],
    );
}

#[test]
fn percentage_hedges_and_bounds() {
    expect_one(
        Lang::En,
        "30 of 120 employees, or more than 30%, left.",
        "30%",
        "is 25%, not 30%",
        &["30", "120"],
    );
    expect_none(Lang::En, "About 30 of 120 employees, or 40%, left.");
}

#[test]
fn unrelated_percentages_are_left_alone() {
    expect_none(
        Lang::En,
        "About 15% of the 2.3 million residents voted, and 30 of the 120 seats went to the party that won 40% of the vote.",
    );
    expect_none(
        Lang::En,
        "The chain closed 30 of its 120 stores, or 40% of its sales.",
    );
    expect_none(
        Lang::Fr,
        "Quelque 15 % des 2,3 millions d'habitants ont voté, soit 40 % de plus qu'en 2019.",
    );
    expect_none(
        Lang::Ar,
        "شارك 15% من أصل 2.3 مليون ناخب، وحصل الحزب على 30 من أصل 120 مقعدًا بعد أن نال 40% من الأصوات.",
    );
    expect_none(
        Lang::En,
        "Of the 120 employees, 30 left in 2024; inflation was 40%.",
    );
}

#[test]
fn sum_mismatch_in_three_languages() {
    expect_one(
        Lang::En,
        "The state will spend a total of $500 million: $200 million for schools, $250 million for roads and $100 million for hospitals.",
        "$500 million",
        "= 550 million USD, not 500 million USD",
        &["$200 million", "$250 million", "$100 million"],
    );
    expect_one(
        Lang::Fr,
        "L'État dépensera au total 500 millions d'euros : 200 millions pour les écoles, 250 millions pour les routes et 100 millions pour les hôpitaux.",
        "500 millions d'euros",
        "= 550 million EUR, not 500 million EUR",
        &["200 millions", "250 millions", "100 millions"],
    );
    expect_one(
        Lang::Ar,
        "خصصت الحكومة بإجمالي 500 مليون دولار: 200 مليون دولار للتعليم، و250 مليون دولار للصحة، و100 مليون دولار للطرق.",
        "500 مليون دولار",
        "550 million USD, not 500 million USD",
        &["200 مليون دولار", "250 مليون دولار", "100 مليون دولار"],
    );
    // The list first.
    expect_one(
        Lang::En,
        "The fund received $200 million in 2023, $250 million in 2024 and $100 million this year, for a total of $500 million.",
        "$500 million",
        "550 million USD",
        &["$200 million", "$250 million", "$100 million"],
    );
    // Counts.
    expect_one(
        Lang::En,
        "In all, 90 people were hurt: 40 in Paris, 30 in Lyon and 25 in Nice.",
        "90",
        "40 + 30 + 25 = 95, not 90",
        &["40", "30", "25"],
    );
}

#[test]
fn sums_that_add_up_or_need_not() {
    for (lang, text) in [
        (
            Lang::En,
            "The state will spend a total of $550 million: $200 million for schools, $250 million for roads and $100 million for hospitals.",
        ),
        (
            Lang::En,
            "The plan totals $2.4 billion: $1.2 billion, $0.7 billion and $0.6 billion.",
        ),
        (
            Lang::En,
            "The company raised $500 million, including $200 million from banks and $100 million from the state.",
        ),
        (
            Lang::En,
            "It employs 1,200 people, including 800 women and 600 engineers.",
        ),
        (
            Lang::En,
            "A total of $500 million was approved: $200 million for schools and $300 million for roads, up from $400 million last year.",
        ),
        (
            Lang::En,
            "A total of $500 million was approved: $200 million for schools and $250 million for roads, the rest for hospitals.",
        ),
        (
            Lang::En,
            "A total of about $500 million: $200 million for schools, $250 million for roads and $100 million for hospitals.",
        ),
        (
            Lang::En,
            "The fund received $200 million in 2023 and $250 million this year, bringing the total to $700 million.",
        ),
        (
            Lang::Fr,
            "Le groupe a levé 500 millions d'euros, dont 200 millions en France et 100 millions en Allemagne.",
        ),
        (
            Lang::Ar,
            "جمعت الشركة 500 مليون دولار، بينها 200 مليون دولار من البنوك و100 مليون دولار من الدولة.",
        ),
        (
            Lang::En,
            "A total of $500 million: $200 million for schools, €250 million for roads and $100 million for hospitals.",
        ),
    ] {
        expect_none(lang, text);
    }
}

#[test]
fn partial_list_exceeding_its_total() {
    expect_one(
        Lang::Fr,
        "Le groupe a levé 500 millions d'euros, dont 300 millions en France et 250 millions en Allemagne.",
        "500 millions d'euros",
        "add up to 550 million EUR, more than the total 500 million EUR",
        &["300 millions", "250 millions"],
    );
}

/// A proptest case from CI (2026-11-29): figures that overlap or run past
/// their sentence made the total check slice the text backwards.
#[test]
fn overlapping_figures_do_not_panic() {
    let text = " \u{670}52025\u{645}\u{6f6}%\u{6f8}\u{699}\u{66c}-x\u{1f44d}\u{1f3fd}\u{6b2}.et# fLe\u{640}%\u{2018}sandr\u{63d}\u{69f}\u{64b}\u{662}x\u{202f}\u{67c}\u{202c}<https://a.b> \u{60c} 6```s";
    for lang in [Lang::Ar, Lang::Fr, Lang::En] {
        let rules = RuleSet::embedded().expect("rules");
        let linter = factlint::lint::Linter::new(rules, Some(lang));
        let _ = linter.check_text("t.txt", text, factlint::source::Format::Text);
    }
}
