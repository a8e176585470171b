//! The Regulamin tree: § → ust. → pkt → lit., each piece with its label, its
//! state (wording, unknown wording, repealed), its own wording and where in
//! the model it comes from.

use crate::model::{Chapter, Designation, Level, PieceState, UnitId};

/// Where a piece of the text comes from in the model, so that a click on it
/// can select its unit (or open its provision).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    /// A provision that belongs to no unit (`Document::provisions`).
    Provision,
    /// The unit's listing in its division's composition (`Unit::listed_at`).
    Listing(UnitId),
    /// The lead sentence of the unit's task paragraph or ustęp (`Unit::tasks_at`).
    Tasks(UnitId),
    /// A point of the unit's task list, by its labels from the pkt down.
    Point(UnitId, Vec<String>),
    /// A repealed placeholder outside any task list (`Document::retired`).
    Retired,
    /// A level with no text of its own, present because pieces lie inside it
    /// (e.g. § 14, whose ust. are the tasks of four units).
    Implied,
}

impl Source {
    /// The unit the piece belongs to, if any.
    pub fn unit(&self) -> Option<&UnitId> {
        match self {
            Source::Listing(id) | Source::Tasks(id) | Source::Point(id, _) => Some(id),
            Source::Provision | Source::Retired | Source::Implied => None,
        }
    }
}

/// One numbered piece of the Regulamin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub level: Level,
    /// The label without prefix or bracket: `"14"`, `"2"`, `"2a"`, `"b"`.
    pub label: String,
    pub state: PieceState,
    /// The piece's own wording without its closing punctuation (the intro of
    /// an enumeration without its ":", a point without its ";"). Empty for a
    /// repealed or unknown piece and for a level with no text of its own.
    pub text: String,
    /// The pieces one level down, in the order of their labels.
    pub children: Vec<Piece>,
    pub source: Source,
}

impl Piece {
    /// Whether `self` and `other` read the same: levels, labels, states and
    /// wording of the whole subtree, wherever in the model they come from.
    pub fn same_wording(&self, other: &Piece) -> bool {
        self.level == other.level
            && self.label == other.label
            && self.state == other.state
            && self.text == other.text
            && self.children.len() == other.children.len()
            && self.children.iter().zip(&other.children).all(|(a, b)| a.same_wording(b))
    }

    /// The child with this label, if any.
    pub fn child(&self, label: &str) -> Option<&Piece> {
        self.children.iter().find(|c| c.label == label)
    }
}

/// The whole text: its title and its paragraphs in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Regulamin {
    /// "Regulamin Organizacyjny Departamentu Organizacji i Administracji".
    pub title: String,
    pub paragraphs: Vec<Piece>,
    /// The chapter headings, each printed before the § it opens.
    pub chapters: Vec<Chapter>,
}

impl Regulamin {
    /// The chapter the § at `d` opens, if one does.
    pub fn chapter_before(&self, d: &Designation) -> Option<&Chapter> {
        self.chapters.iter().find(|c| &c.before == d)
    }

    /// The piece at `d`, if the text has one.
    pub fn find(&self, d: &Designation) -> Option<&Piece> {
        let mut parts = d.parts().iter();
        let (_, first) = parts.next()?;
        let mut piece = self.paragraphs.iter().find(|p| &p.label == first)?;
        for (level, label) in parts {
            piece = piece.children.iter().find(|c| c.level == *level && &c.label == label)?;
        }
        Some(piece)
    }

    /// Every piece with its designation, in text order (pre-order).
    pub fn pieces(&self) -> Vec<(Designation, &Piece)> {
        fn walk<'a>(at: Designation, piece: &'a Piece, out: &mut Vec<(Designation, &'a Piece)>) {
            let children: Vec<(Designation, &Piece)> =
                piece.children.iter().filter_map(|c| Some((at.child(c.level, &c.label).ok()?, c))).collect();
            out.push((at, piece));
            for (d, child) in children {
                walk(d, child, out);
            }
        }
        let mut out = Vec::new();
        for paragraph in &self.paragraphs {
            if let Ok(d) = Designation::paragraph(&paragraph.label) {
                walk(d, paragraph, &mut out);
            }
        }
        out
    }

    /// Whether both texts read the same (title, designations, states and
    /// wording), ignoring where in the model each piece comes from.
    pub fn same_wording(&self, other: &Regulamin) -> bool {
        self.title == other.title
            && self.chapters == other.chapters
            && self.paragraphs.len() == other.paragraphs.len()
            && self.paragraphs.iter().zip(&other.paragraphs).all(|(a, b)| a.same_wording(b))
    }
}
