//! Messages of the diff report (`schemat diff`, the change report export).

use super::Lang;
use crate::diff::{ChangeTag, MatchKey};

/// Fixed strings of the diff report.
pub struct DiffText {
    pub title: &'static str,
    pub equal: &'static str,
    pub document: &'static str,
    pub units: &'static str,
    pub summary: &'static str,
    pub was: &'static str,
    pub now: &'static str,
    pub none: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub renamed: &'static str,
    pub symbol_changed: &'static str,
    pub kind_changed: &'static str,
    pub staffing_changed: &'static str,
    pub listed_at_changed: &'static str,
    pub tasks_at_changed: &'static str,
    pub intro_changed: &'static str,
    pub shared_ref_changed: &'static str,
    pub note_changed: &'static str,
    pub chart_changed: &'static str,
    pub department: &'static str,
    pub act_number: &'static str,
    pub act_date: &'static str,
    pub act_title: &'static str,
    pub department_genitive: &'static str,
    pub organ: &'static str,
    pub organ_genitive: &'static str,
    pub consolidated: &'static str,
    pub version: &'static str,
    pub effective: &'static str,
    pub point: &'static str,
    pub letter: &'static str,
    pub point_added: &'static str,
    pub point_removed: &'static str,
    pub point_edited: &'static str,
    pub point_moved: &'static str,
    pub moved: &'static str,
    pub position: &'static str,
    pub relation_added: &'static str,
    pub relation_removed: &'static str,
    pub relation_moved: &'static str,
    pub repealed: &'static str,
    pub repealed_masculine: &'static str,
    pub repealed_feminine: &'static str,
    pub unretired: &'static str,
    pub listing: &'static str,
    pub tasks: &'static str,
    pub wording_unknown: &'static str,
    pub wording_given: &'static str,
    pub point_restored: &'static str,
    pub provision_added: &'static str,
    pub provision_removed: &'static str,
    pub in_force_recorded: &'static str,
    pub in_force_cleared: &'static str,
    pub in_force_changed: &'static str,
    pub units_count: &'static str,
    pub staffing_total: &'static str,
    pub change_kind: &'static str,
    pub count: &'static str,
    pub file_missing: &'static str,
    pub legend_heading: &'static str,
    pub legend_added: &'static str,
    pub legend_changed: &'static str,
    pub legend_moved: &'static str,
    pub legend_removed: &'static str,
}

const PL: DiffText = DiffText {
    title: "Zmiany w strukturze",
    equal: "Wersje są takie same.",
    document: "Dokument",
    units: "Jednostki",
    summary: "Podsumowanie",
    was: "było",
    now: "jest",
    none: "(brak)",
    added: "dodano",
    removed: "usunięto",
    renamed: "zmieniono nazwę",
    symbol_changed: "zmieniono symbol",
    kind_changed: "zmieniono rodzaj",
    staffing_changed: "zmieniono liczbę etatów",
    listed_at_changed: "zmieniono miejsce w wykazie struktury",
    tasks_at_changed: "zmieniono miejsce zadań w Regulaminie",
    intro_changed: "zmieniono wprowadzenie do wyliczenia zadań",
    shared_ref_changed: "zmieniono odesłanie do zadań wspólnych",
    note_changed: "zmieniono uwagę",
    chart_changed: "zmieniono opcje schematu graficznego",
    department: "departament",
    act_number: "numer aktu",
    act_date: "data aktu",
    act_title: "tytuł aktu",
    department_genitive: "nazwa departamentu w dopełniaczu",
    organ: "organ",
    organ_genitive: "organ w dopełniaczu",
    consolidated: "tekst jednolity z dnia",
    version: "wersja",
    effective: "data wejścia w życie",
    point: "pkt",
    letter: "lit.",
    point_added: "dodano",
    point_removed: "usunięto",
    point_edited: "zmieniono brzmienie",
    point_moved: "przeniesiono",
    moved: "przeniesiono",
    position: "miejsce",
    relation_added: "dodano relację",
    relation_removed: "usunięto relację",
    relation_moved: "zmieniono kolejność relacji",
    repealed: "uchylono",
    repealed_masculine: "(uchylony)",
    repealed_feminine: "(uchylona)",
    unretired: "przywrócono uchylone oznaczenie",
    listing: "wykaz",
    tasks: "zadania",
    wording_unknown: "brzmienie nieznane",
    wording_given: "podano brzmienie",
    point_restored: "przywrócono uchylony punkt",
    provision_added: "dodano przepis",
    provision_removed: "usunięto przepis",
    in_force_recorded: "zapisano oznaczenia wersji obowiązującej",
    in_force_cleared: "usunięto oznaczenia wersji obowiązującej",
    in_force_changed: "zmieniono oznaczenia wersji obowiązującej",
    units_count: "liczba jednostek",
    staffing_total: "etaty razem",
    change_kind: "rodzaj zmiany",
    count: "liczba",
    file_missing: "plik nie istnieje w tej wersji",
    legend_heading: "Zmiany",
    legend_added: "dodano",
    legend_changed: "zmieniono",
    legend_moved: "przeniesiono",
    legend_removed: "usunięto",
};

const EN: DiffText = DiffText {
    title: "Changes to the structure",
    equal: "The versions are the same.",
    document: "Document",
    units: "Units",
    summary: "Summary",
    was: "was",
    now: "now",
    none: "(none)",
    added: "added",
    removed: "removed",
    renamed: "renamed",
    symbol_changed: "symbol changed",
    kind_changed: "kind changed",
    staffing_changed: "staffing changed",
    listed_at_changed: "place in the structure list changed",
    tasks_at_changed: "place of the tasks in the Regulamin changed",
    intro_changed: "lead sentence of the tasks changed",
    shared_ref_changed: "reference to the shared tasks changed",
    note_changed: "note changed",
    chart_changed: "chart options changed",
    department: "department",
    act_number: "number of the act",
    act_date: "date of the act",
    act_title: "title of the act",
    department_genitive: "department in the genitive",
    organ: "issuing organ",
    organ_genitive: "issuing organ in the genitive",
    consolidated: "consolidated text of",
    version: "version",
    effective: "effective date",
    point: "pkt",
    letter: "lit.",
    point_added: "added",
    point_removed: "removed",
    point_edited: "reworded",
    point_moved: "moved",
    moved: "moved",
    position: "place",
    relation_added: "relation added",
    relation_removed: "relation removed",
    relation_moved: "relation reordered",
    repealed: "repealed",
    repealed_masculine: "(repealed)",
    repealed_feminine: "(repealed)",
    unretired: "repealed designation restored",
    listing: "structure list",
    tasks: "tasks",
    wording_unknown: "wording unknown",
    wording_given: "wording given",
    point_restored: "repealed point restored",
    provision_added: "provision added",
    provision_removed: "provision removed",
    in_force_recorded: "designations of the version in force recorded",
    in_force_cleared: "designations of the version in force cleared",
    in_force_changed: "designations of the version in force changed",
    units_count: "units",
    staffing_total: "staffing in total",
    change_kind: "kind of change",
    count: "count",
    file_missing: "the file does not exist in this version",
    legend_heading: "Changes",
    legend_added: "added",
    legend_changed: "changed",
    legend_moved: "moved",
    legend_removed: "removed",
};

pub fn text(lang: Lang) -> &'static DiffText {
    lang.pick(&PL, &EN)
}

/// "dopasowano po symbolu" / "matched by symbol", with the ids.
pub fn matched(lang: Lang, by: MatchKey, old_id: &str, new_id: &str) -> String {
    let key = match (lang, by) {
        (Lang::Pl, MatchKey::Id) => "identyfikatorze",
        (Lang::Pl, MatchKey::Symbol) => "symbolu",
        (Lang::Pl, MatchKey::Name) => "nazwie",
        (Lang::En, MatchKey::Id) => "id",
        (Lang::En, MatchKey::Symbol) => "symbol",
        (Lang::En, MatchKey::Name) => "name",
    };
    match lang {
        Lang::Pl => format!("dopasowano po {key} (identyfikator {old_id} → {new_id})"),
        Lang::En => format!("matched by {key} (id {old_id} → {new_id})"),
    }
}

/// The name of a kind of change, for the summary.
pub fn tag_name(lang: Lang, tag: ChangeTag) -> &'static str {
    let (pl, en) = match tag {
        ChangeTag::MetadataChanged => ("zmiana metadanych", "metadata changed"),
        ChangeTag::ChartOptionsChanged => ("zmiana opcji schematu", "chart options changed"),
        ChangeTag::InForceChanged => ("zmiana wersji obowiązującej", "version in force changed"),
        ChangeTag::DesignationRetired => ("uchylone oznaczenia", "designations repealed"),
        ChangeTag::DesignationUnretired => ("przywrócone oznaczenia", "designations restored"),
        ChangeTag::ProvisionAdded => ("dodane przepisy", "provisions added"),
        ChangeTag::ProvisionRepealed => ("uchylone przepisy", "provisions repealed"),
        ChangeTag::ProvisionRemoved => ("usunięte przepisy", "provisions removed"),
        ChangeTag::ProvisionChanged => ("zmienione przepisy", "provisions changed"),
        ChangeTag::UnitAdded => ("dodane jednostki", "units added"),
        ChangeTag::UnitRemoved => ("usunięte jednostki", "units removed"),
        ChangeTag::Matched => ("dopasowane bez identyfikatora", "matched without id"),
        ChangeTag::Moved => ("przeniesione jednostki", "units moved"),
        ChangeTag::Renamed => ("zmiany nazw", "renamed"),
        ChangeTag::SymbolChanged => ("zmiany symboli", "symbols changed"),
        ChangeTag::KindChanged => ("zmiany rodzaju", "kinds changed"),
        ChangeTag::StaffingChanged => ("zmiany etatów", "staffing changed"),
        ChangeTag::ListedAtChanged => ("zmiany miejsca w wykazie", "structure places changed"),
        ChangeTag::TasksAtChanged => ("zmiany miejsca zadań", "task places changed"),
        ChangeTag::TasksIntroChanged => ("zmiany wprowadzeń do zadań", "task lead sentences changed"),
        ChangeTag::TasksSharedRefChanged => ("zmiany odesłań", "shared references changed"),
        ChangeTag::TaskPointAdded => ("dodane punkty zadań", "task points added"),
        ChangeTag::TaskPointRepealed => ("uchylone punkty zadań", "task points repealed"),
        ChangeTag::TaskPointRemoved => ("usunięte punkty zadań", "task points removed"),
        ChangeTag::TaskPointEdited => ("zmienione punkty zadań", "task points reworded"),
        ChangeTag::TaskPointStateChanged => ("zmiany stanu punktów zadań", "task point states changed"),
        ChangeTag::TaskPointMoved => ("przeniesione punkty zadań", "task points moved"),
        ChangeTag::NoteChanged => ("zmiany uwag", "notes changed"),
        ChangeTag::RelationAdded => ("dodane relacje", "relations added"),
        ChangeTag::RelationRemoved => ("usunięte relacje", "relations removed"),
        ChangeTag::RelationMoved => ("relacje w innej kolejności", "relations reordered"),
    };
    lang.pick(pl, en)
}

/// "i 5 innych" / "and 5 more", closing a shortened list.
pub fn more(tx: &DiffText, count: usize) -> String {
    if std::ptr::eq(tx, &PL) { format!("i {count} innych") } else { format!("and {count} more") }
}

/// `schemat diff` was given a number of files that is neither OLD NEW nor git's seven arguments.
pub fn wrong_file_count(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Pl => format!(
            "diff przyjmuje dwa pliki (STARY NOWY) albo siedem argumentów zewnętrznego diffu gita, podano {count}"
        ),
        Lang::En => format!("diff takes OLD NEW or git's seven external-diff arguments, got {count}"),
    }
}

/// The title-block line naming the baseline of the review chart.
pub fn compared_with(lang: Lang, baseline: &str) -> String {
    match lang {
        Lang::Pl => format!("zmiany w porównaniu z: {baseline}"),
        Lang::En => format!("changes compared with: {baseline}"),
    }
}

/// A staffing number as the language writes it ("2,5" / "2.5").
pub fn number(lang: Lang, value: f64) -> String {
    let text = format!("{:.2}", value);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match lang {
        Lang::Pl => text.replace('.', ","),
        Lang::En => text.to_owned(),
    }
}
