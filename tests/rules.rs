//! Runs every `[[examples]]` entry of every default rule file, one test per
//! rule (libtest-mimic), so `cargo test` fails with the rule's name and the
//! example that broke.

use libtest_mimic::{Arguments, Failed, Trial};

use factlint::rules::{RuleSet, test_rule};

fn main() {
    let args = Arguments::from_args();
    let set = match RuleSet::embedded() {
        Ok(set) => std::sync::Arc::new(set),
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            std::process::exit(101);
        }
    };
    let mut trials = Vec::new();
    for rule in set.rules() {
        let id = rule.id.to_string();
        let set = std::sync::Arc::clone(&set);
        trials.push(Trial::test(format!("rule_examples::{id}"), move || {
            let rule = set.get(&id).expect("rule exists");
            let failures = test_rule(rule, set.data());
            if failures.is_empty() {
                Ok(())
            } else {
                let lines: Vec<String> = failures
                    .iter()
                    .map(|f| format!("example {}: {}\n  text: {:?}", f.example, f.message, f.text))
                    .collect();
                Err(Failed::from(lines.join("\n")))
            }
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}
