//! Entity checks end to end: the seed article's entity items (see
//! ../shared/seeds/EXPECTED.md), texts that must not be flagged in three
//! languages, and a newsroom's own gazetteer in a rule pack.

use factlint::Lang;
use factlint::lint::{FileReport, Linter};
use factlint::rules::{RuleSet, Selector};
use factlint::source::Format;

fn entity_findings(rules: RuleSet, lang: Lang, text: &str) -> Vec<(String, String, Vec<String>)> {
    let mut rules = rules;
    rules.retain(&Selector::new(vec!["entity".into()], vec![]));
    let linter = Linter::new(rules, Some(lang));
    let FileReport::Checked {
        source, findings, ..
    } = linter.check_text("t.txt", text, Format::Text)
    else {
        panic!("checked");
    };
    findings
        .iter()
        .map(|f| {
            (
                f.rule().to_string(),
                f.text(&source.text).to_owned(),
                f.suggestions().iter().map(ToString::to_string).collect(),
            )
        })
        .collect()
}

fn defaults() -> RuleSet {
    RuleSet::embedded().expect("default rules load")
}

#[test]
fn seed_article_entity_items() {
    let text = std::fs::read_to_string("seeds/000_1da055f338dfc321.txt").unwrap();
    let got = entity_findings(defaults(), Lang::Ar, &text);
    let count = |rule: &str, t: &str| got.iter().filter(|(r, x, _)| r == rule && x == t).count();
    assert_eq!(count("entity/variant", "Openai"), 9, "{got:#?}");
    for (rule, t, fix) in [
        ("entity/variant", "Tiktok", "TikTok"),
        ("entity/variant", "chatgpt", "ChatGPT"),
        ("entity/variant", "8vc", "8VC"),
        ("entity/misspelling", "Optai", "OpenAI"),
        ("entity/inconsistent", "موسك", "ماسك"),
        ("entity/inconsistent", "المسك", "ماسك"),
        ("entity/inconsistent", "ألمان", "ألتمان"),
        ("entity/variant", "التمان", "ألتمان"),
    ] {
        assert!(
            got.iter()
                .any(|(r, x, s)| r == rule && x == t && s.first().map(String::as_str) == Some(fix)),
            "missing {rule} «{t}» → «{fix}» in {got:#?}"
        );
    }
    // `chatgpt` glued to Arabic is flagged alone.
    assert!(got.iter().all(|(_, x, _)| x != "وراءهاchatgpt"));
}

/// A rendering one consonant off (`ألمان` for `ألتمان`) is read as the
/// name only right after its first name: not when a word of another script
/// or a figure stands between them.
#[test]
fn a_rendering_one_consonant_off_needs_the_first_name_just_before_it() {
    let inconsistent = |text: &str| -> Vec<String> {
        entity_findings(defaults(), Lang::Ar, text)
            .into_iter()
            .filter(|(rule, _, _)| rule == "entity/inconsistent")
            .map(|(_, t, _)| t)
            .collect()
    };
    let named = "ورد سام ألتمان ساخرًا على العرض.";
    assert_eq!(
        inconsistent(&format!("{named} ثم كرر سام ألمان الرفض.")),
        ["ألمان"]
    );
    for between in ["AI", "2024", "OpenAI"] {
        let text = format!("{named} ثم كرر سام {between} ألمان الرفض.");
        assert_eq!(inconsistent(&text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn ordinary_words_near_names_are_not_flagged() {
    let en = "OpenAI opened the doors of its Open Lab on Monday. An Opal mine and a Mask maker were \
              there; she bought an apple. OpenAI said Microsoft would attend.";
    assert_eq!(entity_findings(defaults(), Lang::En, en), vec![]);
    let ar = "يستخدم المسك في صناعة العطور منذ قرون، ويمسك التاجر قارورة المسك بحذر، \
              ويقول إن رائحة المسك تدوم طويلًا.";
    assert_eq!(entity_findings(defaults(), Lang::Ar, ar), vec![]);
    let fr =
        "Emmanuel Macron a réuni la macronie à l'Élysée. Pour la Macronie, Macron reste le chef.";
    assert_eq!(entity_findings(defaults(), Lang::Fr, fr), vec![]);
}

#[test]
fn a_slip_for_an_ordinary_word_is_not_a_misspelt_name() {
    // Two letters from a name and one from an ordinary word: `Australain`
    // is `Australian` (no name), `Hamed` is no slip for `Hamas`.
    let en = "Australia won the final. Any tennis player dreams of a partisan Australain crowd. \
              Hamas said on Monday that Hamed Karimi, a driver, had been released.";
    assert_eq!(entity_findings(defaults(), Lang::En, en), vec![]);
    // The end of a transliterated compound name is a part of it, not a
    // slip for another name.
    let en =
        "The Taliban denied it. India has accused Pakistan-based Lashkar-e-Taiba of the attack.";
    assert_eq!(entity_findings(defaults(), Lang::En, en), vec![]);
    // A slip two letters from the name and from no word still is one.
    let seed = "OpenAI made an offer. Optai said no.";
    let found = entity_findings(defaults(), Lang::En, seed);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("entity/misspelling", "Optai")
    );
}

#[test]
fn accepted_transliterations_are_not_misspellings() {
    // The Maghreb press writes `Ghaza`; a quoted text may say `Gaza`.
    let fr = "Le Conseil de sécurité a exigé un cessez-le-feu immédiat à Ghaza. La résolution \
              sur la bande de Gaza a été adoptée, et l'aide doit entrer dans la bande de Ghaza.";
    assert_eq!(entity_findings(defaults(), Lang::Fr, fr), vec![]);
    // A form one letter off still is one.
    let typo = "Le Conseil de sécurité a exigé un cessez-le-feu à Gazza. La bande de Gaza attend.";
    let found = entity_findings(defaults(), Lang::Fr, typo);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Gazza", "{found:?}");
}

#[test]
fn organization_is_read_as_organisation() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("gazetteer")).unwrap();
    for (file, kind) in [("us.toml", "organization"), ("uk.toml", "organisation")] {
        std::fs::write(
            dir.path().join("gazetteer").join(file),
            format!("[[entity]]\nname = \"Quarkonia {file}\"\ntype = \"{kind}\"\n"),
        )
        .unwrap();
    }
    let rules = RuleSet::load(&[dir.path().to_path_buf()], true).expect("pack loads");
    let gaz = &rules.data().gazetteer;
    for file in ["us.toml", "uk.toml"] {
        let e = gaz
            .entity_named(&format!("Quarkonia {file}"))
            .expect("loaded");
        assert_eq!(
            gaz.entities[e].kind,
            factlint::entity::EntityType::Organisation
        );
    }
}

#[test]
fn a_newsroom_gazetteer_adds_entities() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("gazetteer")).unwrap();
    std::fs::write(
        dir.path().join("gazetteer/local.toml"),
        "[[entity]]\nname = \"Quarkonia Labs\"\ntype = \"organisation\"\nar = \"كواركونيا لابز\"\nvariants = [\"Quarconia Labs\"]\n",
    )
    .unwrap();
    let rules = RuleSet::load(&[dir.path().to_path_buf()], true).expect("pack loads");
    let got = entity_findings(
        rules,
        Lang::En,
        "Quarkonia Labs hired staff. Quarconia Labs denied it.",
    );
    assert_eq!(
        got,
        vec![(
            "entity/variant".to_owned(),
            "Quarconia Labs".to_owned(),
            vec!["Quarkonia Labs".to_owned()]
        )]
    );
}

#[test]
fn a_broken_gazetteer_file_names_its_path_and_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("gazetteer")).unwrap();
    std::fs::write(
        dir.path().join("gazetteer/bad.toml"),
        "[[entity]]\nname = \"A\"\ntype = \"organisation\"\nnickname = \"x\"\n",
    )
    .unwrap();
    let errors = RuleSet::load(&[dir.path().to_path_buf()], true).unwrap_err();
    let text = errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        text.contains("gazetteer/bad.toml:4:1") && text.contains("nickname"),
        "{text}"
    );
}

#[test]
fn a_list_of_more_names_than_the_lookups_kept_gives_the_same_slips() {
    // Ten thousand distinct capitalized words, more than the fuzzy pass
    // keeps the lookup of: the slips before and after them are found the
    // same (`Optai` twice beside `OpenAI` three times), and a word written on
    // purpose (`Melawa` three times beside `Malawi` twice) is counted over
    // the whole article.
    let word = |mut i: usize| {
        let mut w = String::from("Xq");
        for _ in 0..4 {
            w.push(char::from(b'a' + (i % 26) as u8));
            i /= 26;
        }
        w
    };
    let list: Vec<String> = (0..10_000).map(word).collect();
    let text = format!(
        "OpenAI said so. OpenAI and Optai said so. Rebels hold Melawa; Malawi sent aid. Melawa is calm.\n\n\
         {}\n\nOptai said so again, and OpenAI too. Malawi spoke of Melawa.\n",
        list.join(", ")
    );
    let got = entity_findings(defaults(), Lang::En, &text);
    let slips: Vec<&str> = got
        .iter()
        .filter(|(r, _, _)| r == "entity/misspelling")
        .map(|(_, t, _)| t.as_str())
        .collect();
    assert_eq!(slips, ["Optai", "Optai"], "{got:#?}");
}
