//! Determinism and atomic saves: the same document always saves to the same
//! bytes, load → save of a schemat-written file is byte-identical, `fmt` is
//! idempotent, and a save keeps the previous file as `NAME.ron.bak`.

mod io_sample;

use std::path::Path;

use io_sample::{file_with, listing, sample, sample_text, schemat};
use proptest::prelude::*;
use schemat::io;
use schemat::model::{
    Chapter, Date, Designation, Document, Metadata, Provision, Relation, RelationKind, TaskList, TaskPoint, Unit,
    UnitId, UnitKind,
};

#[test]
fn load_then_save_is_byte_identical() {
    let text = sample_text();
    let (dir, path) = file_with(text.as_bytes(), "doa.ron");
    let doc = io::load(&path).unwrap();
    assert_eq!(doc, sample());
    io::save(&doc, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(std::fs::read_to_string(dir.path().join("doa.ron.bak")).unwrap(), text);
}

#[test]
fn save_keeps_the_previous_file_as_bak() {
    let (dir, path) = file_with(sample_text().as_bytes(), "doa.ron");
    let mut changed = sample();
    changed.meta.version = "projekt".into();
    io::save(&changed, &path).unwrap();
    assert_eq!(std::fs::read_to_string(dir.path().join("doa.ron.bak")).unwrap(), sample_text());
    assert_eq!(io::load(&path).unwrap(), changed);
    assert_eq!(listing(dir.path()), ["doa.ron", "doa.ron.bak"], "no temporary file is left");
}

#[test]
fn saving_a_new_file_makes_no_bak() {
    let dir = tempfile::tempdir().unwrap();
    io::save(&sample(), &dir.path().join("nowy.ron")).unwrap();
    assert_eq!(listing(dir.path()), ["nowy.ron"]);
}

#[test]
fn fmt_makes_a_hand_written_file_canonical_and_then_changes_no_byte() {
    // Hand-written: no struct names, `Some(…)` spelled out, fields missing, units out of order.
    let hand = r#"Regulamin(format_version: 1, meta: (department: "Departament Organizacji i Administracji"),
        units: [
            (id: "it-ss", parent: Some("it"), kind: Referat, name: "referat ds. serwisu sprzętu i oprogramowania", symbol: "IT-SS"),
            (id: "doa", kind: Departament, name: "Departament Organizacji i Administracji"),
            (id: "it", parent: "doa", kind: Wydzial, name: "Wydział Informatyki", symbol: "IT", staffing: Some(12.5)),
        ],
        retired: ["§ 22", "§ 3 ust. 2 pkt 3", "§ 22"])"#;
    let (dir, path) = file_with(hand.as_bytes(), "doa.ron");
    let out = schemat(&["fmt", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", io_sample::stderr(&out));
    let first = std::fs::read_to_string(&path).unwrap();
    assert_ne!(first, hand);
    assert_eq!(std::fs::read_to_string(dir.path().join("doa.ron.bak")).unwrap(), hand);
    let doc = io::load(&path).unwrap();
    assert_eq!(first, io::to_ron_string(&doc));
    let ids: Vec<&str> = doc.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["doa", "it", "it-ss"], "pre-order, root first");
    assert!(first.contains("staffing: 12.5,") && first.contains("parent: \"it\","), "{first}");
    assert!(first.find("§ 3 ust. 2 pkt 3").unwrap() < first.find("\"§ 22\"").unwrap(), "retired sorted: {first}");
    assert_eq!(first.matches("\"§ 22\"").count(), 1);

    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let out = schemat(&["fmt", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first, "fmt twice changes no byte");
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), modified, "a canonical file is not rewritten");
    assert_eq!(std::fs::read_to_string(dir.path().join("doa.ron.bak")).unwrap(), hand);
}

#[test]
fn canonical_text_is_stable_and_readable() {
    let text = sample_text();
    assert_eq!(text, io::to_ron_string(&sample()));
    assert!(text.starts_with("Regulamin(\n    format_version: 2,\n"), "{text}");
    assert!(text.ends_with(")\n"));
    assert!(text.contains("name: \"Wydział Informatyki\""), "Polish letters are kept as they are");
    assert!(text.contains("listed_at: \"§ 3 ust. 4\""));
}

/// The loader accepts what the serializer writes for any strings and numbers.
fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-ząćęłńóśźżA-ZĄĆĘŁŃÓŚŹŻ „”\"\\\\#\n\t()\\[\\],:;§.0-9-]{0,24}",
        any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ]
}

fn arb_designation() -> impl Strategy<Value = Designation> {
    (1u32..80, "[a-h]{0,2}", proptest::option::of(1u32..9), proptest::option::of(1u32..20)).prop_map(
        |(par, suffix, ust, pkt)| {
            let mut text = format!("§ {par}{suffix}");
            if let Some(u) = ust {
                text.push_str(&format!(" ust. {u}"));
            }
            if let Some(p) = pkt {
                text.push_str(&format!(" pkt {p}"));
            }
            text.parse().unwrap()
        },
    )
}

fn arb_tasks() -> impl Strategy<Value = TaskList> {
    let point =
        (arb_text(), proptest::collection::vec(arb_text(), 0..3), 0..3u8).prop_map(|(text, sub, state)| match state {
            0 => TaskPoint::new("", text).with_sub(TaskPoint::lettered(sub)),
            1 => TaskPoint::unknown(""),
            _ => TaskPoint::repealed(""),
        });
    (arb_text(), proptest::option::of(arb_text()), proptest::collection::vec(point, 0..4), proptest::bool::ANY)
        .prop_map(|(intro, shared_ref, mut points, intro_unknown)| {
            // Labels as the rules give them: 1, 2, … in order.
            for (i, point) in points.iter_mut().enumerate() {
                point.label = (i + 1).to_string();
            }
            TaskList { intro, intro_unknown, shared_ref, points }
        })
}

prop_compose! {
    fn arb_document()(
        parents in proptest::collection::vec(any::<prop::sample::Index>(), 0..12),
        fields in proptest::collection::vec(
            (0..UnitKind::ALL.len(), arb_text(), arb_text(), proptest::option::of(0.0f64..50.0),
             proptest::option::of(arb_designation()), proptest::option::of(arb_designation()), arb_tasks(), arb_text()),
            13),
        relations in proptest::collection::vec((any::<bool>(), any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..4),
        retired in proptest::collection::vec(arb_designation(), 0..4),
        meta in (arb_text(), arb_text(), arb_text(), proptest::option::of((2000u16..2100, 1u8..13, 1u8..29))),
        provisions in proptest::collection::vec((arb_designation(), arb_text(), any::<bool>()), 0..4),
        chapters in proptest::collection::vec((arb_designation(), arb_text(), arb_text()), 0..3),
        in_force in proptest::option::of(proptest::collection::btree_set(arb_designation(), 0..4)),
    ) -> Document {
        let mut units = Vec::new();
        for i in 0..=parents.len() {
            let (kind, name, symbol, staffing, listed_at, tasks_at, tasks, note) = fields[i].clone();
            let parent = (i > 0).then(|| UnitId::new(format!("u{}", parents[i - 1].index(i))));
            units.push(Unit {
                id: UnitId::new(format!("u{i}")),
                parent,
                kind: UnitKind::ALL[kind],
                name, symbol, staffing, listed_at, tasks_at, tasks, note,
            });
        }
        let n = units.len();
        let relations = relations
            .into_iter()
            .map(|(supervises, a, b)| Relation {
                kind: if supervises { RelationKind::NadzorujeBezposrednio } else { RelationKind::WspolpracujeZ },
                from: UnitId::new(format!("u{}", a.index(n))),
                to: UnitId::new(format!("u{}", b.index(n))),
            })
            .collect();
        let provisions = provisions
            .into_iter()
            .map(|(at, text, unknown)| if unknown { Provision::unknown(at) } else { Provision::new(at, text) })
            .collect();
        let mut doc = Document {
            meta: Metadata {
                department: meta.0,
                organ: meta.1,
                version: meta.2,
                effective: meta.3.and_then(|(y, m, d)| Date::new(y, m, d)),
                ..Metadata::default()
            },
            units,
            relations,
            provisions,
            retired,
            in_force,
            chart: Default::default(),
            chapters: chapters.into_iter().map(|(before, heading, title)| Chapter { before, heading, title }).collect(),
        };
        doc.check_structure().unwrap();
        doc
    }
}

proptest! {
    #[test]
    fn any_document_round_trips_through_ron(doc in arb_document()) {
        let text = io::to_ron_string(&doc);
        let back = io::from_ron_str(&text, Path::new("p.ron")).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &doc);
        prop_assert_eq!(io::to_ron_string(&back), text);
    }
}
