//! Property test of the amendment generator: random restructurings of the
//! 2021 example by the clerk's draft edits (add, remove and move units and
//! points, reword points) → generate the ordinance → its self-check passes
//! (applying the printed § 1 to the old text gives the new one) and the
//! consolidated text reads, and prints, as the new version's own text.
//! A change the amendment cannot express is reported, never printed wrong.
//!
//! `PROPTEST_CASES=1000 cargo test --test legal_amend_prop` runs the full
//! profile; the default count keeps `cargo test` fast.

use proptest::prelude::*;
use schemat::examples::DOA_2021;
use schemat::legal::amend::{AmendError, amend, same_law};
use schemat::legal::{self, Style};
use schemat::model::draft;
use schemat::model::{Document, Unit, UnitId, UnitKind, apply};

#[derive(Debug, Clone)]
enum Op {
    AddPoint { unit: usize, after: usize },
    RemovePoint { unit: usize, point: usize },
    Reword { unit: usize, point: usize, variant: u8 },
    RemoveUnit(usize),
    AddUnit { parent: usize, index: usize, kind: usize },
    MoveUnit { unit: usize, parent: usize, index: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(unit, after)| Op::AddPoint { unit, after }),
        (any::<usize>(), any::<usize>()).prop_map(|(unit, point)| Op::RemovePoint { unit, point }),
        (any::<usize>(), any::<usize>(), 0..3u8).prop_map(|(unit, point, variant)| Op::Reword { unit, point, variant }),
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

fn draft_edit(doc: &Document, op: &Op, serial: usize) -> Option<schemat::model::Edit> {
    let n = doc.units.len();
    let pick = |i: usize| &doc.units[i % n];
    match op {
        Op::AddPoint { unit, after } => {
            let u = pick(*unit);
            let points = &u.tasks.points;
            let after = (!points.is_empty()).then(|| points[after % points.len()].label.clone());
            draft::add_point(doc, &u.id, &[], after.as_deref(), &format!("zadania nowego nr {serial}"))
                .ok()
                .map(|(e, _)| e)
        }
        Op::RemovePoint { unit, point } => {
            let u = pick(*unit);
            let p = u.tasks.points.get(point % u.tasks.points.len().max(1))?;
            draft::remove_point(doc, &u.id, std::slice::from_ref(&p.label)).ok().map(|(e, _)| e)
        }
        Op::Reword { unit, point, variant } => {
            let u = pick(*unit);
            let p = u.tasks.points.get(point % u.tasks.points.len().max(1))?;
            let text = match variant {
                0 => format!("zadania zmienionego nr {serial}"),
                // A one-word substitution inside the old wording (a K6/K2 candidate).
                1 if !p.text.is_empty() => p.text.replacen("systemów", "sieci", 1),
                _ => format!("{} oraz innych nr {serial}", p.text),
            };
            draft::set_point_text(doc, &u.id, std::slice::from_ref(&p.label), &text).ok()
        }
        Op::RemoveUnit(i) => draft::remove_unit(doc, &pick(*i).id).ok().map(|(e, _)| e),
        Op::AddUnit { parent, index, kind } => {
            let parent = pick(*parent);
            let count = doc.children(Some(&parent.id)).count();
            let kind = UnitKind::ALL[kind % UnitKind::ALL.len()];
            let new = Unit::new(UnitId::new(format!("p{serial}")), Some(parent.id.clone()), kind, "nowa komórka", "");
            draft::add_unit(doc, new, index % (count + 1)).ok()
        }
        Op::MoveUnit { unit, parent, index } => {
            let parent = pick(*parent);
            let count = doc.children(Some(&parent.id)).count();
            draft::move_unit(doc, &pick(*unit).id, &parent.id, index % (count + 1)).ok()
        }
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn the_generated_ordinance_applies_back_to_the_new_version(ops in proptest::collection::vec(op(), 1..8)) {
        let old = DOA_2021.load().unwrap();
        let mut new = old.clone();
        for (serial, op) in ops.iter().enumerate() {
            if let Some(edit) = draft_edit(&new, op, serial) {
                let _ = apply(&mut new, edit);
            }
        }
        let new_text = legal::derive(&new);
        let result = amend(&old, &new, &Style::lublin());
        if std::env::var_os("AMEND_PROP_TRACE").is_some() {
            match &result {
                Ok(a) => eprintln!("ok: {} points", a.items.len()),
                Err(e) => eprintln!("err: {e}"),
            }
        }
        match result {
            Ok(amendment) => {
                prop_assert!(same_law(&amendment.consolidated, &new_text));
                prop_assert_eq!(
                    legal::render(&amendment.consolidated, legal::Format::Text),
                    legal::render(&new_text, legal::Format::Text)
                );
                // The printed whole ordinance reads back to the same text.
                let again = legal::consolidated::consolidate(&legal::derive(&old), &amendment.to_text()).unwrap();
                prop_assert!(same_law(&again.text, &new_text));
            }
            Err(AmendError::NoChange) => prop_assert!(same_law(&legal::derive(&old), &new_text)),
            Err(AmendError::NotExpressible(problems)) => prop_assert!(!problems.is_empty()),
            Err(e @ AmendError::SelfCheck(_)) => prop_assert!(false, "{} after {:?}", e, ops),
        }
    }
}
