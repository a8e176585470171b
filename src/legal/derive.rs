//! Document → Regulamin tree, by designation.
//!
//! Every numbered piece of the model lands at its designation:
//!
//! - a provision (a piece that belongs to no unit) gives the piece its own
//!   wording, e.g. the lead of § 3 ust. 4; at a designation where units are
//!   listed it wins over their generated listing, so one provision covers
//!   several units listed there (the combined form of § 3 ust. 4: "Zastępca
//!   Dyrektora … (IT-ZIII), nadzorujący bezpośrednio referat … (IT-SS), w
//!   skład którego wchodzi:");
//! - a unit's listing (`listed_at`) gives "name (SYMBOL)", with ", w skład
//!   którego wchodzi" when units are listed under it (", nadzorujący
//!   bezpośrednio" for a director or deputy, whose ust. lists the units they
//!   supervise); a division listed at a whole § gives no text of its own (the
//!   § is its structure paragraph);
//! - a unit's task paragraph (`tasks_at`) gives its intro, without the ":"
//!   or "." it is stored with, and its points become pkt under a § or an
//!   ust. and lit. under a pkt, with their labels and states as stored;
//! - a repealed designation (`retired`) gives a "(uchylony)" placeholder;
//! - a level that holds pieces but has no text of its own (§ 14) is implied.
//!
//! Where two sources claim one designation the more specific wins:
//! provision, then task intro, then listing, then task point, then repealed
//! placeholder (the points are merged under their task piece after the rest
//! is placed, so the sorted map holds one entry per unit, not per point). (Such clashes other than a provision over listings are
//! reported by validation as duplicate designations.)

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;

use super::tree::{Piece, Regulamin, Source};
use crate::model::{
    Designation, Document, Level, PieceState, TaskPoint, Unit, UnitKind, compare_labels, genitive_of_unit_name,
};

/// What follows a unit's listing when units are listed under it.
pub const COMPOSITION: &str = ", w skład którego wchodzi";

/// What follows the listing of a director or deputy when the units they
/// supervise are listed under it ("Zastępca Dyrektora (IT-ZI), nadzorujący bezpośrednio:").
pub const SUPERVISION: &str = ", nadzorujący bezpośrednio";

/// The title of the text: "Regulamin Organizacyjny {department in the genitive}".
pub const TITLE: &str = "Regulamin Organizacyjny";

/// The text of the document, as a tree of its numbered pieces.
pub fn derive(doc: &Document) -> Regulamin {
    let mut slots: BTreeMap<Designation, Slot> = BTreeMap::new();
    let listed: BTreeSet<&Designation> = doc.units.iter().filter_map(|u| u.listed_at.as_ref()).collect();

    for d in &doc.retired {
        claim(&mut slots, d.clone(), Slot::new(Rank::Retired, PieceState::Repealed, String::new(), Source::Retired));
    }
    for unit in &doc.units {
        if let Some(at) = &unit.listed_at {
            claim(&mut slots, at.clone(), listing(unit, at, &listed));
        }
        if let Some(at) = &unit.tasks_at {
            let tasks = &unit.tasks;
            let (state, text) = if tasks.intro_unknown {
                (PieceState::Unknown, String::new())
            } else {
                (PieceState::Text, strip_closing(&tasks.intro).to_owned())
            };
            claim(&mut slots, at.clone(), Slot::new(Rank::Tasks, state, text, Source::Tasks(unit.id.clone())));
        }
    }
    for provision in &doc.provisions {
        let (state, text) = if provision.unknown {
            (PieceState::Unknown, String::new())
        } else {
            (PieceState::Text, provision.text.trim_end().trim_end_matches(':').trim_end().to_owned())
        };
        claim(&mut slots, provision.at.clone(), Slot::new(Rank::Provision, state, text, Source::Provision));
    }

    let mut paragraphs: Vec<Piece> = Vec::new();
    for (d, slot) in slots {
        place(&mut paragraphs, d.parts(), slot);
    }
    // The points go straight under their task piece (there in any case: its
    // slot was claimed above), merged with what else lies inside it.
    for unit in &doc.units {
        let Some(at) = &unit.tasks_at else { continue };
        let Some(level) = at.enumeration_level() else { continue };
        if unit.tasks.points.is_empty() {
            continue;
        }
        let points = point_pieces(unit, level, &unit.tasks.points, &mut Vec::new());
        if let Some(piece) = find_mut(&mut paragraphs, at.parts()) {
            merge(&mut piece.children, points);
        }
    }
    let genitive = if doc.meta.department_genitive.is_empty() {
        genitive_of_unit_name(&doc.meta.department)
    } else {
        doc.meta.department_genitive.clone()
    };
    let title = if genitive.is_empty() { TITLE.to_owned() } else { format!("{TITLE} {genitive}") };
    Regulamin { title, paragraphs, chapters: doc.chapters.clone() }
}

/// How strongly a source claims its designation (higher wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Retired,
    Point,
    Listing,
    Tasks,
    Provision,
}

/// What one designation holds before the tree is built.
struct Slot {
    rank: Rank,
    state: PieceState,
    text: String,
    source: Source,
}

impl Slot {
    fn new(rank: Rank, state: PieceState, text: String, source: Source) -> Self {
        Self { rank, state, text, source }
    }
}

/// Keeps the stronger claim; of equal ones, the first (document order).
fn claim(slots: &mut BTreeMap<Designation, Slot>, d: Designation, slot: Slot) {
    match slots.get(&d) {
        Some(old) if old.rank >= slot.rank => {}
        _ => {
            slots.insert(d, slot);
        }
    }
}

/// A unit's listing: "name (SYMBOL)", ", w skład którego wchodzi" when units
/// are listed under it; none of its own at a whole §.
fn listing(unit: &Unit, at: &Designation, listed: &BTreeSet<&Designation>) -> Slot {
    let text = if at.level() == Level::Par {
        String::new()
    } else {
        let nested = listed
            .range::<&Designation, _>((Bound::Excluded(at), Bound::Unbounded))
            .next()
            .is_some_and(|d| d.is_within(at));
        let mut text = unit.label();
        if nested {
            let supervisor = matches!(unit.kind, UnitKind::Dyrektor | UnitKind::ZastepcaDyrektora);
            text.push_str(if supervisor { SUPERVISION } else { COMPOSITION });
        }
        text
    };
    Slot::new(Rank::Listing, PieceState::Text, text, Source::Listing(unit.id.clone()))
}

/// The points of a task list as pieces at `level`, their letters one level down.
fn point_pieces(unit: &Unit, level: Level, list: &[TaskPoint], path: &mut Vec<String>) -> Vec<Piece> {
    list.iter()
        .map(|point| {
            path.push(point.label.clone());
            let children = match level {
                Level::Pkt => point_pieces(unit, Level::Lit, &point.sub, path),
                _ => Vec::new(),
            };
            let piece = Piece {
                level,
                label: point.label.clone(),
                state: point.state,
                text: if point.state.is_text() { point.text.clone() } else { String::new() },
                children,
                source: Source::Point(unit.id.clone(), path.clone()),
            };
            path.pop();
            piece
        })
        .collect()
}

/// How strongly an existing piece holds its designation (the order of [`Rank`];
/// an implied level holds none).
fn rank_of(source: &Source) -> Option<Rank> {
    match source {
        Source::Provision => Some(Rank::Provision),
        Source::Tasks(_) => Some(Rank::Tasks),
        Source::Listing(_) => Some(Rank::Listing),
        Source::Point(..) => Some(Rank::Point),
        Source::Retired => Some(Rank::Retired),
        Source::Implied => None,
    }
}

/// Merges `incoming` pieces into the sorted `existing` siblings: a piece at a
/// label already there takes its place when its source ranks higher, and the
/// children of both are merged.
fn merge(existing: &mut Vec<Piece>, incoming: Vec<Piece>) {
    if existing.is_empty() {
        *existing = incoming;
        return;
    }
    let mut added = false;
    for piece in incoming {
        match existing.iter_mut().find(|e| e.level == piece.level && e.label == piece.label) {
            Some(old) => {
                let Piece { state, text, children, source, .. } = piece;
                if rank_of(&source) > rank_of(&old.source) {
                    (old.state, old.text, old.source) = (state, text, source);
                }
                merge(&mut old.children, children);
            }
            None => {
                existing.push(piece);
                added = true;
            }
        }
    }
    if added {
        existing.sort_by(|a, b| a.level.cmp(&b.level).then_with(|| compare_labels(&a.label, &b.label)));
    }
}

/// The piece at `parts` under `list`, found by binary search (siblings are in
/// designation order).
fn find_mut<'a>(list: &'a mut [Piece], parts: &[(Level, String)]) -> Option<&'a mut Piece> {
    let ((level, label), rest) = parts.split_first()?;
    let index = list.binary_search_by(|p| p.level.cmp(level).then_with(|| compare_labels(&p.label, label))).ok()?;
    let piece = &mut list[index];
    if rest.is_empty() { Some(piece) } else { find_mut(&mut piece.children, rest) }
}

/// The intro as the piece's own wording: without its closing ":" or ".".
fn strip_closing(intro: &str) -> &str {
    let intro = intro.trim_end();
    intro.strip_suffix(':').or_else(|| intro.strip_suffix('.')).unwrap_or(intro).trim_end()
}

/// Puts the slot at `parts` under `list`, creating implied levels above it.
/// Slots arrive in designation order, so a parent precedes its children and
/// siblings arrive in order: the piece to descend into is always the last one.
fn place(list: &mut Vec<Piece>, parts: &[(Level, String)], slot: Slot) {
    let Some(((level, label), rest)) = parts.split_first() else { return };
    if rest.is_empty() {
        let Slot { state, text, source, .. } = slot;
        list.push(Piece { level: *level, label: label.clone(), state, text, children: Vec::new(), source });
        return;
    }
    if !list.last().is_some_and(|p| p.level == *level && &p.label == label) {
        list.push(Piece {
            level: *level,
            label: label.clone(),
            state: PieceState::Text,
            text: String::new(),
            children: Vec::new(),
            source: Source::Implied,
        });
    }
    if let Some(last) = list.last_mut() {
        place(&mut last.children, rest, slot);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Provision, TaskList, UnitId};

    fn d(s: &str) -> Designation {
        s.parse().unwrap()
    }

    fn unit(id: &str, parent: Option<&str>, kind: UnitKind, name: &str, symbol: &str, listed: Option<&str>) -> Unit {
        let mut u = Unit::new(UnitId::new(id), parent.map(UnitId::new), kind, name, symbol);
        u.listed_at = listed.map(d);
        u
    }

    fn sample() -> Document {
        let mut doc = Document::default();
        doc.meta.department = "Departament Organizacji i Administracji".into();
        doc.units = vec![
            unit("doa", None, UnitKind::Departament, "Departament Organizacji i Administracji", "", None),
            unit("it", Some("doa"), UnitKind::Wydzial, "Wydział Informatyki", "IT", Some("§ 3")),
            unit("z", Some("it"), UnitKind::ZastepcaDyrektora, "Zastępca Dyrektora", "IT-ZIII", Some("§ 3 ust. 4")),
            unit("ss", Some("z"), UnitKind::Referat, "referat ds. serwisu", "IT-SS", Some("§ 3 ust. 4")),
            unit(
                "ss-k",
                Some("ss"),
                UnitKind::KierownikReferatu,
                "kierownik referatu",
                "IT-SS",
                Some("§ 3 ust. 4 pkt 1"),
            ),
            unit("tb", Some("it"), UnitKind::Referat, "referat ds. technologii", "IT-TB", Some("§ 3 ust. 1 pkt 2")),
            unit(
                "tb-k",
                Some("tb"),
                UnitKind::KierownikReferatu,
                "kierownik referatu",
                "IT-TB",
                Some("§ 3 ust. 1 pkt 2 lit. a"),
            ),
        ];
        doc.units[6].tasks_at = Some(d("§ 14 ust. 2"));
        doc.units[6].tasks = TaskList {
            intro: "Kierownik referatu realizuje zadania z zakresu:".into(),
            points: vec![TaskPoint::new("1", "nadzoru"), TaskPoint::repealed("2"), TaskPoint::unknown("2a")],
            ..TaskList::default()
        };
        doc.provisions = vec![
            Provision::new(
                d("§ 3 ust. 4"),
                "Zastępca Dyrektora (IT-ZIII), nadzorujący bezpośrednio referat (IT-SS), w skład którego wchodzi",
            ),
            Provision::unknown(d("§ 3 ust. 1")),
        ];
        doc.retired = vec![d("§ 22"), d("§ 14 ust. 5")];
        doc
    }

    #[test]
    fn pieces_land_at_their_designations() {
        let text = derive(&sample());
        assert_eq!(text.title, "Regulamin Organizacyjny Departamentu Organizacji i Administracji");
        let labels: Vec<String> = text.pieces().iter().map(|(d, _)| d.to_string()).collect();
        assert_eq!(
            labels,
            [
                "§ 3",
                "§ 3 ust. 1",
                "§ 3 ust. 1 pkt 2",
                "§ 3 ust. 1 pkt 2 lit. a",
                "§ 3 ust. 4",
                "§ 3 ust. 4 pkt 1",
                "§ 14",
                "§ 14 ust. 2",
                "§ 14 ust. 2 pkt 1",
                "§ 14 ust. 2 pkt 2",
                "§ 14 ust. 2 pkt 2a",
                "§ 14 ust. 5",
                "§ 22",
            ]
        );
    }

    #[test]
    fn a_provision_covers_the_units_listed_at_its_designation() {
        let text = derive(&sample());
        let ust4 = text.find(&d("§ 3 ust. 4")).unwrap();
        assert_eq!(ust4.source, Source::Provision);
        assert!(ust4.text.ends_with("w skład którego wchodzi"));
        let ust1 = text.find(&d("§ 3 ust. 1")).unwrap();
        assert_eq!(ust1.state, PieceState::Unknown);
        assert_eq!(text.find(&d("§ 3 ust. 4 pkt 1")).unwrap().text, "kierownik referatu (IT-SS)");
    }

    #[test]
    fn listings_are_generated_from_the_unit() {
        let text = derive(&sample());
        let pkt2 = text.find(&d("§ 3 ust. 1 pkt 2")).unwrap();
        assert_eq!(pkt2.text, "referat ds. technologii (IT-TB), w skład którego wchodzi");
        assert_eq!(pkt2.source, Source::Listing(UnitId::new("tb")));
        let par = text.find(&d("§ 3")).unwrap();
        assert_eq!(par.text, "", "a division listed at a whole § has no text of its own");
        assert_eq!(par.source, Source::Listing(UnitId::new("it")));
        // Without its provision, the deputy's ust. lists what it supervises.
        let mut doc = sample();
        doc.provisions.retain(|p| p.at != d("§ 3 ust. 4"));
        let text = derive(&doc);
        let ust4 = text.find(&d("§ 3 ust. 4")).unwrap();
        assert_eq!(ust4.text, "Zastępca Dyrektora (IT-ZIII), nadzorujący bezpośrednio");
        assert_eq!(ust4.source, Source::Listing(UnitId::new("z")), "the first unit listed there");
    }

    #[test]
    fn tasks_give_the_intro_without_its_colon_and_the_points_as_stored() {
        let text = derive(&sample());
        let ust2 = text.find(&d("§ 14 ust. 2")).unwrap();
        assert_eq!(ust2.text, "Kierownik referatu realizuje zadania z zakresu");
        assert_eq!(ust2.source, Source::Tasks(UnitId::new("tb-k")));
        let states: Vec<PieceState> = ust2.children.iter().map(|p| p.state).collect();
        assert_eq!(states, [PieceState::Text, PieceState::Repealed, PieceState::Unknown]);
        assert_eq!(ust2.children[2].source, Source::Point(UnitId::new("tb-k"), vec!["2a".into()]));
        assert_eq!(text.find(&d("§ 14")).unwrap().source, Source::Implied);
        assert_eq!(text.find(&d("§ 22")).unwrap().state, PieceState::Repealed);
    }

    #[test]
    fn points_merge_with_what_else_lies_in_their_task_piece() {
        let mut doc = sample();
        doc.retired.push(d("§ 14 ust. 2 pkt 3"));
        doc.retired.push(d("§ 14 ust. 2 pkt 2"));
        doc.provisions.push(Provision::new(d("§ 14 ust. 2 pkt 1"), "nadzoru (brzmienie przepisu)"));
        let text = derive(&doc);
        let ust2 = text.find(&d("§ 14 ust. 2")).unwrap();
        let labels: Vec<&str> = ust2.children.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["1", "2", "2a", "3"], "in label order, each once");
        assert_eq!(ust2.children[0].text, "nadzoru (brzmienie przepisu)");
        assert_eq!(ust2.children[0].source, Source::Provision);
        assert_eq!(
            ust2.children[1].source,
            Source::Point(UnitId::new("tb-k"), vec!["2".into()]),
            "a point outranks a placeholder"
        );
        assert_eq!((ust2.children[3].state, &ust2.children[3].source), (PieceState::Repealed, &Source::Retired));
    }

    #[test]
    fn wording_compares_without_sources() {
        let a = derive(&sample());
        let mut other = sample();
        // The same text, its listing now a provision of the same wording.
        other
            .provisions
            .push(Provision::new(d("§ 3 ust. 1 pkt 2"), "referat ds. technologii (IT-TB), w skład którego wchodzi"));
        let b = derive(&other);
        assert_ne!(a, b);
        assert!(a.same_wording(&b));
        other.units[6].tasks.points[0].text = "nadzoru nad czymś".into();
        assert!(!a.same_wording(&derive(&other)));
    }
}
