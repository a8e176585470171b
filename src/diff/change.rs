//! The kinds of change the diff reports, each carrying the old and the new
//! value so that a report can show both and the diff can be replayed.

use serde::Serialize;

use super::matching::MatchKey;
use super::tasks::PointChange;
use super::words::WordDiff;
use crate::model::{Chapter, ChartOptions, Designation, Metadata, Provision, Relation, Unit, UnitId, UnitKind};

/// One change, and the unit it concerns (an index into [`super::Diff::units`];
/// `None` for changes of the whole document).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub unit: Option<usize>,
    #[serde(flatten)]
    pub kind: ChangeKind,
}

/// What changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeKind {
    /// The frame metadata: department, organ, base act, consolidated text, version, effective date.
    /// (Boxed: the metadata is much larger than every other change.)
    MetadataChanged {
        old: Box<Metadata>,
        new: Box<Metadata>,
    },
    ChartOptionsChanged {
        old: ChartOptions,
        new: ChartOptions,
    },
    /// The chapter headings ("Rozdział 2 …") changed.
    ChaptersChanged {
        old: Vec<Chapter>,
        new: Vec<Chapter>,
    },
    /// The designations of the version in force the proposal is a draft of
    /// changed: how many there are on each side (`None`: not a draft), and
    /// which ones came or went when both sides have them.
    InForceChanged {
        old: Option<usize>,
        new: Option<usize>,
        added: Vec<Designation>,
        removed: Vec<Designation>,
    },
    /// A designation was repealed ("uchyla się § 22"): it stays as a
    /// placeholder and is never reused.
    DesignationRetired {
        designation: Designation,
    },
    /// A designation is no longer among the repealed ones.
    DesignationUnretired {
        designation: Designation,
    },
    /// A provision that belongs to no unit is new.
    ProvisionAdded {
        provision: Provision,
    },
    /// A provision is gone and its designation repealed.
    ProvisionRepealed {
        provision: Provision,
    },
    /// A provision is gone, its designation not repealed (it existed only in
    /// a draft). `listing`: a unit of the new version is listed at its
    /// designation, so the piece stands, worded by the units listed there (a
    /// provision that held a listing of unknown wording gave way to one the
    /// file knows).
    ProvisionRemoved {
        provision: Provision,
        listing: bool,
    },
    /// A provision's wording changed, or it became known or unknown.
    ProvisionChanged {
        at: Designation,
        words: WordDiff,
        old_unknown: bool,
        new_unknown: bool,
    },
    /// The unit is new; the whole unit as the new version has it.
    UnitAdded {
        #[serde(rename = "new_unit")]
        unit: Box<Unit>,
    },
    /// The unit is gone; the whole unit as the old version had it, and which
    /// of its designations (listing, tasks) the new version repeals.
    UnitRemoved {
        #[serde(rename = "old_unit")]
        unit: Box<Unit>,
        repealed: Vec<Designation>,
    },
    /// The unit was found by symbol or name, not by id; the whole new unit.
    Matched {
        by: MatchKey,
        old_id: UnitId,
        #[serde(rename = "new_unit")]
        unit: Box<Unit>,
    },
    /// A new parent, or a new place among the siblings that is not explained
    /// by siblings being added or removed.
    Moved {
        old_parent: Option<UnitId>,
        new_parent: Option<UnitId>,
        old_position: usize,
        new_position: usize,
    },
    Renamed {
        old: String,
        new: String,
    },
    SymbolChanged {
        old: String,
        new: String,
    },
    KindChanged {
        old: UnitKind,
        new: UnitKind,
    },
    StaffingChanged {
        old: Option<f64>,
        new: Option<f64>,
    },
    ListedAtChanged {
        old: Option<Designation>,
        new: Option<Designation>,
    },
    TasksAtChanged {
        old: Option<Designation>,
        new: Option<Designation>,
    },
    /// The lead sentence's wording changed, or it became known or unknown.
    TasksIntroChanged {
        words: WordDiff,
        old_unknown: bool,
        new_unknown: bool,
    },
    TasksSharedRefChanged {
        old: Option<String>,
        new: Option<String>,
    },
    TaskPoint {
        point: PointChange,
    },
    NoteChanged {
        old: String,
        new: String,
    },
    RelationAdded {
        relation: Relation,
    },
    /// `relation` names the units by their ids in the old version.
    RelationRemoved {
        relation: Relation,
    },
    /// The relation is kept but stands at another place in the list.
    RelationMoved {
        relation: Relation,
        old_index: usize,
        new_index: usize,
    },
}

/// [`ChangeKind`] without its data, for counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeTag {
    MetadataChanged,
    ChartOptionsChanged,
    ChaptersChanged,
    InForceChanged,
    DesignationRetired,
    DesignationUnretired,
    ProvisionAdded,
    ProvisionRepealed,
    ProvisionRemoved,
    ProvisionChanged,
    UnitAdded,
    UnitRemoved,
    Matched,
    Moved,
    Renamed,
    SymbolChanged,
    KindChanged,
    StaffingChanged,
    ListedAtChanged,
    TasksAtChanged,
    TasksIntroChanged,
    TasksSharedRefChanged,
    TaskPointAdded,
    TaskPointRepealed,
    TaskPointRemoved,
    TaskPointEdited,
    TaskPointStateChanged,
    TaskPointMoved,
    NoteChanged,
    RelationAdded,
    RelationRemoved,
    RelationMoved,
}

impl ChangeKind {
    pub fn tag(&self) -> ChangeTag {
        match self {
            ChangeKind::MetadataChanged { .. } => ChangeTag::MetadataChanged,
            ChangeKind::ChartOptionsChanged { .. } => ChangeTag::ChartOptionsChanged,
            ChangeKind::ChaptersChanged { .. } => ChangeTag::ChaptersChanged,
            ChangeKind::InForceChanged { .. } => ChangeTag::InForceChanged,
            ChangeKind::DesignationRetired { .. } => ChangeTag::DesignationRetired,
            ChangeKind::DesignationUnretired { .. } => ChangeTag::DesignationUnretired,
            ChangeKind::ProvisionAdded { .. } => ChangeTag::ProvisionAdded,
            ChangeKind::ProvisionRepealed { .. } => ChangeTag::ProvisionRepealed,
            ChangeKind::ProvisionRemoved { .. } => ChangeTag::ProvisionRemoved,
            ChangeKind::ProvisionChanged { .. } => ChangeTag::ProvisionChanged,
            ChangeKind::UnitAdded { .. } => ChangeTag::UnitAdded,
            ChangeKind::UnitRemoved { .. } => ChangeTag::UnitRemoved,
            ChangeKind::Matched { .. } => ChangeTag::Matched,
            ChangeKind::Moved { .. } => ChangeTag::Moved,
            ChangeKind::Renamed { .. } => ChangeTag::Renamed,
            ChangeKind::SymbolChanged { .. } => ChangeTag::SymbolChanged,
            ChangeKind::KindChanged { .. } => ChangeTag::KindChanged,
            ChangeKind::StaffingChanged { .. } => ChangeTag::StaffingChanged,
            ChangeKind::ListedAtChanged { .. } => ChangeTag::ListedAtChanged,
            ChangeKind::TasksAtChanged { .. } => ChangeTag::TasksAtChanged,
            ChangeKind::TasksIntroChanged { .. } => ChangeTag::TasksIntroChanged,
            ChangeKind::TasksSharedRefChanged { .. } => ChangeTag::TasksSharedRefChanged,
            ChangeKind::TaskPoint { point } => match point {
                PointChange::Added { .. } => ChangeTag::TaskPointAdded,
                PointChange::Repealed { .. } => ChangeTag::TaskPointRepealed,
                PointChange::Removed { .. } => ChangeTag::TaskPointRemoved,
                PointChange::Edited { .. } => ChangeTag::TaskPointEdited,
                PointChange::StateChanged { .. } => ChangeTag::TaskPointStateChanged,
                PointChange::Moved { .. } => ChangeTag::TaskPointMoved,
            },
            ChangeKind::NoteChanged { .. } => ChangeTag::NoteChanged,
            ChangeKind::RelationAdded { .. } => ChangeTag::RelationAdded,
            ChangeKind::RelationRemoved { .. } => ChangeTag::RelationRemoved,
            ChangeKind::RelationMoved { .. } => ChangeTag::RelationMoved,
        }
    }

    /// True for changes of the relations list rather than of the unit itself.
    pub fn is_relation(&self) -> bool {
        matches!(
            self,
            ChangeKind::RelationAdded { .. } | ChangeKind::RelationRemoved { .. } | ChangeKind::RelationMoved { .. }
        )
    }
}
