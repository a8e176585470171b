//! Property test of the amendment generator: random restructurings of the
//! 2021 example by the clerk's draft edits (add, remove and move units and
//! points, reword points) → generate the ordinance → its self-check passes
//! (applying the printed § 1 to the old text gives the new one) and the
//! consolidated text reads, and prints, as the new version's own text, in
//! the Lublin and the recommended profile and with word operations (K6-K8)
//! written in one place too.
//! A change the amendment cannot express is reported, never printed wrong.
//!
//! The example is a reconstruction: the file knows only the wording the
//! reference ordinance quotes, every other piece is "[…]" (unknown), and an
//! unknown wording can never be quoted. So the restructurings run twice: on
//! the example with every unknown wording written out (`known`), where every
//! change must be expressed, and on the example as the file has it, where a
//! refusal must name a piece whose wording the file does not know.
//!
//! `PROPTEST_CASES=1000 cargo test --test legal_amend_prop -- --nocapture`
//! runs the full profile and prints how the cases fared; the default count
//! keeps `cargo test` fast.

mod draft_ops;

use std::collections::BTreeMap;

use draft_ops::{Op, draft_edit};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};
use schemat::examples::DOA_2021;
use schemat::legal::amend::{AmendError, amend, same_law};
use schemat::legal::ops::{NotExpressible, quotable};
use schemat::legal::{self, Style};
use schemat::model::{Document, PieceState, TaskPoint, apply};

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(unit, after)| Op::AddPoint { unit, after }),
        (any::<usize>(), any::<usize>()).prop_map(|(unit, point)| Op::RemovePoint { unit, point }),
        (any::<usize>(), any::<usize>(), 0..4u8).prop_map(|(unit, point, variant)| Op::Reword { unit, point, variant }),
        any::<usize>().prop_map(Op::RemoveUnit),
        (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(parent, index, kind)| Op::AddUnit {
            parent,
            index,
            kind
        }),
        (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(unit, parent, index)| Op::MoveUnit {
            unit,
            parent,
            index
        }),
    ]
}

/// The example with every wording the file does not know written out: the
/// Regulamin as the office has it, in structure the reconstruction's.
fn known(mut doc: Document) -> Document {
    fn points(list: &mut [TaskPoint], owner: &str) {
        for p in list {
            if p.state == PieceState::Unknown {
                p.state = PieceState::Text;
                p.text = format!("zadania {owner} pkt {}", p.label);
            }
            p.text = p.text.replace(legal::text::UNKNOWN, "treść");
            points(&mut p.sub, owner);
        }
    }
    for unit in &mut doc.units {
        let tasks = &mut unit.tasks;
        if tasks.intro_unknown {
            tasks.intro_unknown = false;
            let end = if tasks.points.is_empty() { "." } else { ":" };
            tasks.intro = format!("{} realizuje zadania{end}", unit.name);
        }
        tasks.intro = tasks.intro.replace(legal::text::UNKNOWN, "treść");
        points(&mut tasks.points, unit.id.as_str());
    }
    for provision in &mut doc.provisions {
        if provision.unknown {
            provision.unknown = false;
            provision.text = format!("brzmienie {}", provision.at);
        }
    }
    doc
}

/// Whether a piece holds ust. and pkt side by side, a text no reader can
/// parse (which ust. do the pkt belong to?). The generator refuses one
/// ([`NotExpressible::MixedLevels`]); the draft numbering must never make one
/// (a position moved directly under IT, whose § 3 has ust., is listed in an
/// ust. of its own; a deputy under a division whose § 9 has pkt, in a pkt).
fn mixes_levels(pieces: &[legal::Piece]) -> bool {
    pieces.windows(2).any(|w| w[0].level != w[1].level) || pieces.iter().any(|p| mixes_levels(&p.children))
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24)
}

/// How one case fared.
fn outcome(result: &Result<legal::Amendment, AmendError>) -> Vec<String> {
    match result {
        Ok(amendment) => {
            fn heads(items: &[legal::amend::Item], out: &mut Vec<String>) {
                for item in items {
                    out.push(item.head.clone());
                    heads(&item.children, out);
                }
            }
            let mut all = Vec::new();
            heads(&amendment.items, &mut all);
            let mut kinds = vec!["generated and round-tripped".to_owned()];
            for (name, formula) in [
                ("  with words replaced (K6)", " zastępuje się wyraz"),
                ("  with words deleted (K7)", "skreśla się wyraz"),
                ("  with words added (K8)", " dodaje się wyraz"),
            ] {
                if all.iter().any(|h| h.contains(formula)) {
                    kinds.push(name.to_owned());
                }
            }
            if amendment.is_single() {
                kinds.push("  as one change (K10)".to_owned());
            }
            kinds
        }
        Err(AmendError::NoChange) => vec!["unchanged".to_owned()],
        Err(AmendError::NotExpressible(problems)) => {
            let mut kinds: Vec<String> = problems
                .iter()
                .map(|p| {
                    match p {
                        NotExpressible::UnknownWording(_) => "not expressible: unknown wording",
                        NotExpressible::RepealedReused(_) => "not expressible: repealed designation reused",
                        NotExpressible::BeforeFirst(_) => "not expressible: before the first",
                        NotExpressible::FirstOfLevel(_) => "not expressible: first of a new level",
                        NotExpressible::MixedLevels(_) => "not expressible: ust. and pkt side by side",
                        NotExpressible::Chapters(_) => "not expressible: chapter headings changed",
                    }
                    .to_owned()
                })
                .collect();
            kinds.sort();
            kinds.dedup();
            kinds.push("not expressible (cases)".to_owned());
            kinds
        }
        Err(AmendError::SelfCheck(_)) => vec!["self-check failed".to_owned()],
    }
}

/// Runs the restructurings on `start`; `check` judges each case's result.
fn run(
    name: &str,
    start: &Document,
    check: impl Fn(&Document, &Document, &Result<legal::Amendment, AmendError>) -> Result<(), TestCaseError>,
) -> BTreeMap<String, usize> {
    let config = Config {
        cases: cases(),
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(FileFailurePersistence::SourceParallel("proptest-regressions"))),
        ..Config::default()
    };
    let histogram = std::cell::RefCell::new(BTreeMap::<String, usize>::new());
    let mut runner = TestRunner::new(config);
    let styles = [Style::lublin(), Style::recommended(), Style { word_places: 1, ..Style::lublin() }];
    let result = runner.run(&(proptest::collection::vec(op(), 1..8), 0..styles.len()), |(ops, style)| {
        let mut new = start.clone();
        for (serial, op) in ops.iter().enumerate() {
            if let Some(edit) = draft_edit(&new, op, serial) {
                let mut next = new.clone();
                if apply(&mut next, edit).is_ok() {
                    prop_assert!(
                        !mixes_levels(&legal::derive(&next).paragraphs),
                        "the draft numbering put ust. and pkt side by side: {op:?} after {ops:?}; listings now {:?}",
                        next.units
                            .iter()
                            .filter(|u| new.unit(&u.id).is_none_or(|o| o.listed_at != u.listed_at))
                            .map(|u| (
                                u.id.as_str(),
                                u.parent.as_ref().map(|p| p.as_str()),
                                u.listed_at.as_ref().map(|d| d.to_string())
                            ))
                            .collect::<Vec<_>>()
                    );
                    new = next;
                }
            }
        }
        let result = amend(start, &new, &styles[style]);
        for kind in outcome(&result) {
            *histogram.borrow_mut().entry(kind).or_default() += 1;
        }
        check(start, &new, &result).map_err(|e| TestCaseError::fail(format!("{e} after {ops:?}")))
    });
    let histogram = histogram.into_inner();
    eprintln!("{name}: {} cases", cases());
    for (kind, count) in &histogram {
        eprintln!("  {count:5}  {kind}");
    }
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    histogram
}

/// What holds for every generated ordinance: it applies back, and the
/// consolidated text reads and prints as the new version's own text.
fn round_trips(old: &Document, new: &Document, amendment: &legal::Amendment) -> Result<(), TestCaseError> {
    let new_text = legal::derive(new);
    prop_assert!(same_law(&amendment.consolidated, &new_text));
    prop_assert_eq!(
        legal::render(&amendment.consolidated, legal::Format::Text),
        legal::render(&new_text, legal::Format::Text)
    );
    // The printed whole ordinance, as text and as Markdown, reads back to the
    // same text, and its tekst ujednolicony prints as the new version does.
    let expected = legal::consolidated::print(&new_text, legal::Format::Text);
    for printed in [amendment.to_text(), amendment.to_markdown()] {
        let again = legal::consolidated::consolidate(&legal::derive(old), &printed);
        prop_assert!(again.as_ref().is_ok_and(|c| same_law(&c.text, &new_text)), "{}", printed);
        let again = again.map(|c| legal::consolidated::print(&c.text, legal::Format::Text));
        prop_assert_eq!(again.as_deref().ok(), Some(expected.as_str()));
    }
    Ok(())
}

#[test]
fn every_restructuring_of_the_example_with_its_wording_is_amended_and_applies_back() {
    let start = known(DOA_2021.load().unwrap());
    run("known wording", &start, |old, new, result| {
        match result {
            Ok(amendment) => round_trips(old, new, amendment)?,
            Err(AmendError::NoChange) => prop_assert!(same_law(&legal::derive(old), &legal::derive(new))),
            Err(e) => prop_assert!(false, "{}", e),
        }
        Ok(())
    });
}

#[test]
fn a_restructuring_of_the_example_as_the_file_knows_it_is_refused_only_for_unknown_wording() {
    let start = DOA_2021.load().unwrap();
    run("wording as the file knows it", &start, |old, new, result| {
        match result {
            Ok(amendment) => round_trips(old, new, amendment)?,
            Err(AmendError::NoChange) => prop_assert!(same_law(&legal::derive(old), &legal::derive(new))),
            Err(AmendError::NotExpressible(problems)) => {
                // Each refusal names a piece whose new wording the file does not
                // know: the piece itself, or the parent of a new first piece.
                prop_assert!(!problems.is_empty());
                let text = legal::derive(new);
                for problem in problems {
                    let unknown = match problem {
                        NotExpressible::UnknownWording(d) => Some(d.clone()),
                        NotExpressible::BeforeFirst(d) | NotExpressible::FirstOfLevel(d) => d.parent(),
                        NotExpressible::RepealedReused(_)
                        | NotExpressible::MixedLevels(_)
                        | NotExpressible::Chapters(_) => None,
                    };
                    let piece = unknown.as_ref().and_then(|d| text.find(d));
                    prop_assert!(piece.is_some_and(|p| !quotable(p)), "{}", problem);
                }
            }
            Err(e @ AmendError::SelfCheck(_)) => prop_assert!(false, "{}", e),
        }
        Ok(())
    });
}
