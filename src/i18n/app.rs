//! Text of the editor window: menus, panels, prompts and messages.

use super::Lang;
use crate::legal::lint::{Lint, LintCode};
use crate::legal::ops::NotExpressible;
use crate::model::draft::DraftError;
use crate::model::{EditError, RelationKind, UnitKind, Unresolved};

/// Fixed strings of the editor; messages with parameters are methods.
pub struct AppText {
    pub lang: Lang,
    pub untitled: &'static str,
    pub new_department: &'static str,
    pub unsaved_marker: &'static str,
    // menus
    pub menu_file: &'static str,
    pub menu_recent: &'static str,
    pub menu_edit: &'static str,
    pub menu_view: &'static str,
    pub menu_theme: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub menu_language: &'static str,
    pub menu_export: &'static str,
    pub menu_help: &'static str,
    pub add_child: &'static str,
    // commands
    pub cmd_new: &'static str,
    pub cmd_open: &'static str,
    pub cmd_save: &'static str,
    pub cmd_save_as: &'static str,
    pub cmd_quit: &'static str,
    pub cmd_undo: &'static str,
    pub cmd_redo: &'static str,
    pub cmd_rename: &'static str,
    pub cmd_delete: &'static str,
    pub cmd_duplicate: &'static str,
    pub cmd_add_sibling: &'static str,
    pub cmd_move_up: &'static str,
    pub cmd_move_down: &'static str,
    pub cmd_find: &'static str,
    pub cmd_fit: &'static str,
    pub cmd_zoom_in: &'static str,
    pub cmd_zoom_out: &'static str,
    pub cmd_zoom_reset: &'static str,
    pub cmd_export_png: &'static str,
    pub cmd_export_svg: &'static str,
    pub cmd_export_pdf: &'static str,
    pub cmd_replace: &'static str,
    pub cmd_export_ron: &'static str,
    pub cmd_about: &'static str,
    pub cmd_help: &'static str,
    pub step_relation: &'static str,
    pub step_document: &'static str,
    pub help_shortcuts: &'static str,
    pub help_guide_title: &'static str,
    pub help_guide: &'static [&'static str],
    // prompts
    pub unsaved_title: &'static str,
    pub prompt_save: &'static str,
    pub prompt_discard: &'static str,
    pub prompt_cancel: &'static str,
    pub delete_title: &'static str,
    pub delete_confirm: &'static str,
    pub restore_title: &'static str,
    pub restore_question: &'static str,
    pub restore_yes: &'static str,
    pub restore_no: &'static str,
    pub error_title: &'static str,
    pub ok: &'static str,
    pub about_text: &'static str,
    pub version: &'static str,
    // tree
    pub tree_title: &'static str,
    pub expand: &'static str,
    pub collapse: &'static str,
    pub rename_label: &'static str,
    // inspector
    pub inspector_title: &'static str,
    pub nothing_selected: &'static str,
    pub field_kind: &'static str,
    pub field_name: &'static str,
    pub field_symbol: &'static str,
    pub field_designation: &'static str,
    pub field_staffing: &'static str,
    pub staffing_invalid: &'static str,
    pub field_note: &'static str,
    pub relations_title: &'static str,
    pub no_relations: &'static str,
    pub relation_add: &'static str,
    pub relation_target: &'static str,
    pub remove: &'static str,
    pub remove_relation: &'static str,
    pub add: &'static str,
    pub no_such_unit: &'static str,
    // task list editor
    pub tasks_title: &'static str,
    pub tasks_intro: &'static str,
    pub task_add: &'static str,
    pub task_up: &'static str,
    pub task_up_short: &'static str,
    pub task_down_short: &'static str,
    pub task_indent_short: &'static str,
    pub task_outdent_short: &'static str,
    pub task_down: &'static str,
    pub task_indent: &'static str,
    pub task_outdent: &'static str,
    pub task_delete: &'static str,
    pub task_repeal: &'static str,
    pub task_repeal_short: &'static str,
    pub task_add_after: &'static str,
    pub repealed_point: &'static str,
    pub repealed_letter: &'static str,
    pub unknown_wording: &'static str,
    pub paste_label: &'static str,
    pub paste_hint: &'static str,
    // search
    pub search_label: &'static str,
    pub search_previous: &'static str,
    pub search_next: &'static str,
    pub search_none: &'static str,
    pub close: &'static str,
    pub validation_title: &'static str,
    pub no_findings: &'static str,
    pub take_suggestion: &'static str,
    pub chart_title: &'static str,
    pub png_title: &'static str,
    pub png_paper: &'static str,
    pub png_dpi: &'static str,
    pub png_landscape: &'static str,
    pub export: &'static str,
    pub png_whole: &'static str,
    pub export_file: &'static str,
    pub replace_find: &'static str,
    pub replace_with: &'static str,
    pub search_in_tasks: &'static str,
    pub export_choose: &'static str,
    pub export_no_dialog: &'static str,
    pub export_no_path: &'static str,
    pub chart_expand: &'static str,
    pub chart_collapse: &'static str,
}

const PL: AppText = AppText {
    lang: Lang::Pl,
    untitled: "bez nazwy",
    new_department: "Nowy departament",
    unsaved_marker: "• niezapisane zmiany",
    menu_file: "Plik",
    menu_recent: "Ostatnio otwierane",
    menu_edit: "Edycja",
    menu_view: "Widok",
    menu_theme: "Motyw",
    theme_light: "Jasny",
    theme_dark: "Ciemny",
    menu_language: "Język",
    menu_export: "Eksport",
    menu_help: "Pomoc",
    add_child: "Dodaj jednostkę podrzędną",
    cmd_new: "Nowy",
    cmd_open: "Otwórz…",
    cmd_save: "Zapisz",
    cmd_save_as: "Zapisz jako…",
    cmd_quit: "Zakończ",
    cmd_undo: "Cofnij",
    cmd_redo: "Ponów",
    cmd_rename: "Zmień nazwę",
    cmd_delete: "Usuń",
    cmd_duplicate: "Duplikuj",
    cmd_add_sibling: "Dodaj jednostkę równorzędną",
    cmd_move_up: "Przenieś w górę",
    cmd_move_down: "Przenieś w dół",
    cmd_find: "Szukaj…",
    cmd_fit: "Dopasuj do okna",
    cmd_zoom_in: "Powiększ",
    cmd_zoom_out: "Pomniejsz",
    cmd_zoom_reset: "Rozmiar 100 %",
    cmd_export_png: "PNG…",
    cmd_export_svg: "SVG…",
    cmd_export_pdf: "PDF…",
    cmd_replace: "Znajdź i zamień w zadaniach…",
    cmd_export_ron: "RON (kopia)…",
    cmd_about: "O programie",
    cmd_help: "Skróty klawiszowe i przewodnik",
    step_relation: "zmiana powiązań",
    step_document: "zmiana danych dokumentu",
    help_shortcuts: "Skróty klawiszowe",
    help_guide_title: "Jak pracować ze schematem",
    help_guide: &[
        "1. Struktura (po lewej): kliknij jednostkę, aby ją wybrać; prawy przycisk dodaje jednostkę podrzędną, przeciągnięcie przenosi.",
        "2. Właściwości (po prawej): nazwa, symbol, § zadań, etaty, powiązania i lista zadań; „Wklej listę z Worda” dzieli punkty.",
        "3. Schemat (w środku): przeciągnij, aby przesunąć; Ctrl+kółko powiększa; Widok → Dopasuj do okna.",
        "4. Problemy (pasek stanu): kliknij, aby zobaczyć uwagi do dokumentu; kliknięcie uwagi wybiera jednostkę.",
        "5. Plik → Porównaj z…: zmiany wobec wersji obowiązującej, na schemacie i w liście.",
        "6. Eksport: załącznik jako PDF, PNG (300 dpi) lub SVG na arkuszu A3/A4; ta sama treść co „schemat export”.",
    ],
    unsaved_title: "Niezapisane zmiany",
    prompt_save: "Zapisz",
    prompt_discard: "Nie zapisuj",
    prompt_cancel: "Anuluj",
    delete_title: "Usunąć jednostkę?",
    delete_confirm: "Usuń",
    restore_title: "Przywrócić niezapisaną pracę?",
    restore_question: "Poprzednia sesja zakończyła się z niezapisanymi zmianami. Czy przywrócić ostatnią automatycznie zapisaną wersję?",
    restore_yes: "Przywróć",
    restore_no: "Odrzuć",
    error_title: "Błąd",
    ok: "OK",
    about_text: "Edytor struktury organizacyjnej (Regulamin Organizacyjny) komórek Urzędu Miasta Lublin.",
    version: "Wersja",
    tree_title: "Struktura",
    expand: "Rozwiń",
    collapse: "Zwiń",
    rename_label: "Nazwa:",
    inspector_title: "Właściwości",
    nothing_selected: "Wybierz jednostkę w drzewie lub na schemacie.",
    field_kind: "Rodzaj",
    field_name: "Nazwa",
    field_symbol: "Symbol",
    field_designation: "Zadania w",
    field_staffing: "Etaty",
    staffing_invalid: "Podaj liczbę etatów, np. 1 lub 0,5.",
    field_note: "Uwagi",
    relations_title: "Powiązania",
    no_relations: "Brak powiązań poza hierarchią.",
    relation_add: "Nowe powiązanie",
    relation_target: "z jednostką (symbol lub nazwa)",
    remove: "×",
    remove_relation: "Usuń powiązanie",
    add: "Dodaj",
    no_such_unit: "Nie znaleziono takiej jednostki.",
    tasks_title: "Zadania",
    tasks_intro: "Zdanie wprowadzające",
    task_add: "Dodaj punkt",
    task_up: "W górę",
    task_up_short: "wyżej",
    task_down_short: "niżej",
    task_indent_short: "na lit.",
    task_outdent_short: "na pkt",
    task_down: "W dół",
    task_indent: "Zamień na literę (pkt na lit.)",
    task_outdent: "Zamień na punkt (lit. na pkt)",
    task_delete: "Usuń zadanie (jest tylko w projekcie)",
    task_repeal: "Uchyl (punkt w mocy zostaje jako „(uchylony)”)",
    task_repeal_short: "uchyl",
    task_add_after: "Dodaj punkt po",
    repealed_point: "(uchylony)",
    repealed_letter: "(uchylona)",
    unknown_wording: "[…] brzmienie nieznane",
    paste_label: "Wklej listę z Worda",
    paste_hint: "1) …;\n2) …;",
    search_label: "Szukaj",
    search_previous: "Poprzednie",
    search_next: "Następne",
    search_none: "Brak trafień",
    close: "Zamknij",
    validation_title: "Sprawdzenie dokumentu",
    no_findings: "Nie znaleziono problemów.",
    take_suggestion: "Symbol według konwencji",
    chart_title: "Schemat graficzny",
    png_title: "Eksport do",
    png_paper: "Arkusz",
    png_dpi: "Rozdzielczość (DPI)",
    png_landscape: "poziomo",
    export: "Eksportuj",
    png_whole: "cały schemat na jednym obrazie",
    export_file: "Zapisz do pliku",
    replace_find: "Szukaj w zadaniach",
    replace_with: "Zamień na",
    search_in_tasks: "W zadaniach:",
    export_choose: "Wybierz…",
    export_no_dialog: "Okno wyboru pliku nie odpowiedziało. Wpisz ścieżkę w polu „Zapisz do pliku”.",
    export_no_path: "Podaj ścieżkę w polu „Zapisz do pliku”.",
    chart_expand: "Rozwiń na schemacie",
    chart_collapse: "Zwiń na schemacie",
};

const EN: AppText = AppText {
    lang: Lang::En,
    untitled: "untitled",
    new_department: "New department",
    unsaved_marker: "• unsaved changes",
    menu_file: "File",
    menu_recent: "Recent files",
    menu_edit: "Edit",
    menu_view: "View",
    menu_theme: "Theme",
    theme_light: "Light",
    theme_dark: "Dark",
    menu_language: "Language",
    menu_export: "Export",
    menu_help: "Help",
    add_child: "Add sub-unit",
    cmd_new: "New",
    cmd_open: "Open…",
    cmd_save: "Save",
    cmd_save_as: "Save as…",
    cmd_quit: "Quit",
    cmd_undo: "Undo",
    cmd_redo: "Redo",
    cmd_rename: "Rename",
    cmd_delete: "Delete",
    cmd_duplicate: "Duplicate",
    cmd_add_sibling: "Add sibling unit",
    cmd_move_up: "Move up",
    cmd_move_down: "Move down",
    cmd_find: "Find…",
    cmd_fit: "Fit to window",
    cmd_zoom_in: "Zoom in",
    cmd_zoom_out: "Zoom out",
    cmd_zoom_reset: "Zoom 100 %",
    cmd_export_png: "PNG…",
    cmd_export_svg: "SVG…",
    cmd_export_pdf: "PDF…",
    cmd_replace: "Find and replace in tasks…",
    cmd_export_ron: "RON (copy)…",
    cmd_about: "About",
    cmd_help: "Keyboard shortcuts and guide",
    step_relation: "change of relations",
    step_document: "change of the document's data",
    help_shortcuts: "Keyboard shortcuts",
    help_guide_title: "How to work with schemat",
    help_guide: &[
        "1. Structure (left): click a unit to select it; the right-click menu adds a sub-unit, dragging moves it.",
        "2. Properties (right): name, symbol, § of the tasks, staffing, relations and the task list; \"Paste a list from Word\" splits points.",
        "3. Chart (centre): drag to pan; Ctrl+wheel zooms; View → Fit to window.",
        "4. Problems (status bar): click to see the document's findings; clicking a finding selects its unit.",
        "5. File → Compare with…: the changes against the version in force, on the chart and as a list.",
        "6. Export: the annex as PDF, PNG (300 dpi) or SVG on an A3/A4 sheet; the same as \"schemat export\".",
    ],
    unsaved_title: "Unsaved changes",
    prompt_save: "Save",
    prompt_discard: "Don't save",
    prompt_cancel: "Cancel",
    delete_title: "Delete the unit?",
    delete_confirm: "Delete",
    restore_title: "Restore unsaved work?",
    restore_question: "The previous session ended with unsaved changes. Restore the last automatically saved version?",
    restore_yes: "Restore",
    restore_no: "Discard",
    error_title: "Error",
    ok: "OK",
    about_text: "Editor of the organizational structure (Regulamin Organizacyjny) of Lublin city-hall departments.",
    version: "Version",
    tree_title: "Structure",
    expand: "Expand",
    collapse: "Collapse",
    rename_label: "Name:",
    inspector_title: "Properties",
    nothing_selected: "Select a unit in the tree or on the chart.",
    field_kind: "Kind",
    field_name: "Name",
    field_symbol: "Symbol",
    field_designation: "Tasks in",
    field_staffing: "Staffing",
    staffing_invalid: "Enter the number of posts, e.g. 1 or 0.5.",
    field_note: "Note",
    relations_title: "Relations",
    no_relations: "No relations outside the hierarchy.",
    relation_add: "New relation",
    relation_target: "with unit (symbol or name)",
    remove: "×",
    remove_relation: "Remove the relation",
    add: "Add",
    no_such_unit: "No such unit.",
    tasks_title: "Tasks",
    tasks_intro: "Lead sentence",
    task_add: "Add point",
    task_up: "Up",
    task_up_short: "up",
    task_down_short: "down",
    task_indent_short: "to lit.",
    task_outdent_short: "to pkt",
    task_down: "Down",
    task_indent: "Make it a letter (pkt to lit.)",
    task_outdent: "Make it a point (lit. to pkt)",
    task_delete: "Delete the task (it exists only in the draft)",
    task_repeal: "Repeal (a point in force stays as \"(uchylony)\")",
    task_repeal_short: "repeal",
    task_add_after: "Add a point after",
    repealed_point: "(uchylony) repealed",
    repealed_letter: "(uchylona) repealed",
    unknown_wording: "[…] wording not known",
    paste_label: "Paste a list from Word",
    paste_hint: "1) …;\n2) …;",
    search_label: "Find",
    search_previous: "Previous",
    search_next: "Next",
    search_none: "No matches",
    close: "Close",
    validation_title: "Document check",
    no_findings: "No problems found.",
    take_suggestion: "Symbol by the convention",
    chart_title: "Org chart",
    png_title: "Export to",
    png_paper: "Sheet",
    png_dpi: "Resolution (DPI)",
    png_landscape: "landscape",
    export: "Export",
    png_whole: "the whole chart as one image",
    export_file: "Save to file",
    replace_find: "Find in tasks",
    replace_with: "Replace with",
    search_in_tasks: "In tasks:",
    export_choose: "Choose…",
    export_no_dialog: "No file dialog answered. Type the path into the \"Save to file\" field.",
    export_no_path: "Type the path into the \"Save to file\" field.",
    chart_expand: "Expand on the chart",
    chart_collapse: "Collapse on the chart",
};

/// The editor text in `lang`.
pub fn text(lang: Lang) -> &'static AppText {
    lang.pick(&PL, &EN)
}

impl AppText {
    fn pick(&self, pl: String, en: String) -> String {
        self.lang.pick(pl, en)
    }

    /// The kind as a label of the kind picker and the "add" menu: the
    /// Regulamin's term from [`super::model::kind`], capitalised.
    pub fn kind_name(&self, kind: UnitKind) -> String {
        let name = super::model::kind(self.lang, kind);
        let mut chars = name.chars();
        chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }

    /// The name a new unit of `kind` starts with, in the Regulamin's lower-case style.
    pub fn new_unit_name(&self, kind: UnitKind) -> String {
        let (pl, en) = match kind {
            UnitKind::Departament => ("nowy departament", "new department"),
            UnitKind::Wydzial => ("nowy wydział", "new division"),
            UnitKind::Biuro => ("nowe biuro", "new office"),
            UnitKind::Dyrektor => ("Dyrektor", "Director"),
            UnitKind::ZastepcaDyrektora => ("Zastępca Dyrektora", "Deputy director"),
            UnitKind::Referat => ("nowy referat", "new section"),
            UnitKind::KierownikReferatu => ("kierownik referatu", "head of section"),
            UnitKind::StanowiskoPracy => ("nowe stanowisko pracy", "new position"),
            UnitKind::WieloosoboweStanowiskoPracy => {
                ("nowe wieloosobowe stanowisko pracy", "new multi-person position")
            }
            UnitKind::SamodzielneStanowisko => ("nowe samodzielne stanowisko", "new independent position"),
            UnitKind::Zespol => ("nowy zespół", "new team"),
        };
        self.lang.pick(pl, en).to_owned()
    }

    pub fn relation_name(&self, kind: RelationKind) -> &'static str {
        match kind {
            RelationKind::NadzorujeBezposrednio => self.lang.pick("nadzoruje bezpośrednio", "directly supervises"),
            RelationKind::WspolpracujeZ => self.lang.pick("współpracuje z", "cooperates with"),
        }
    }

    /// The relation seen from its other end.
    pub fn relation_name_incoming(&self, kind: RelationKind) -> &'static str {
        match kind {
            RelationKind::NadzorujeBezposrednio => {
                self.lang.pick("nadzorowana bezpośrednio przez", "directly supervised by")
            }
            RelationKind::WspolpracujeZ => self.lang.pick("współpracuje z", "cooperates with"),
        }
    }

    pub fn edit_refused(&self, err: &EditError) -> String {
        let reason = match err {
            EditError::NoSuchUnit(_) => self.lang.pick("jednostka już nie istnieje", "the unit no longer exists"),
            EditError::DuplicateId(_) => self.lang.pick("identyfikator jest już zajęty", "the id is taken"),
            EditError::Root => self.lang.pick(
                "departamentu (korzenia) nie można usunąć ani przenieść",
                "the department (the root) cannot be removed or moved",
            ),
            EditError::NoParent | EditError::NotASubtree => {
                self.lang.pick("jednostka musi mieć nadrzędną", "a unit must have a parent")
            }
            EditError::IndexOutOfRange { .. } => self.lang.pick("nie ma takiej pozycji", "there is no such position"),
            EditError::IntoOwnSubtree => self.lang.pick(
                "jednostki nie można przenieść pod nią samą ani pod jej jednostkę podrzędną",
                "a unit cannot be moved under itself or its own sub-unit",
            ),
            EditError::UnderPosition(_) => self
                .lang
                .pick("stanowisko pracy nie może mieć jednostek podrzędnych", "a position cannot have sub-units"),
            EditError::SelfRelation => {
                self.lang.pick("jednostka nie może być powiązana sama ze sobą", "a unit cannot relate to itself")
            }
            EditError::DuplicateRelation => {
                self.lang.pick("takie powiązanie już istnieje", "this relation already exists")
            }
            EditError::NoSuchRelation => self.lang.pick("nie ma takiego powiązania", "no such relation"),
        };
        self.pick(format!("Zmiana odrzucona: {reason}."), format!("Change refused: {reason}."))
    }

    /// Why a draft edit (a point or unit numbered by the rules) was refused.
    pub fn draft_refused(&self, err: &DraftError) -> String {
        let reason = match err {
            DraftError::Edit(err) => return self.edit_refused(err),
            DraftError::Unresolved(Unresolved::BeforeFirst) => self.pick(
                "przed pierwszym punktem nie ma oznaczenia według zasad numeracji; dodaj punkt po innym".into(),
                "before the first point there is no designation by the numbering rules; add it after another".into(),
            ),
            DraftError::Unresolved(Unresolved::NoRoom { after, before }) => self.pick(
                format!("między {after} a {before} nie ma wolnego oznaczenia"),
                format!("no designation is free between {after} and {before}"),
            ),
            DraftError::NoTasksDesignation => self
                .pick("jednostka nie ma oznaczenia zadań".into(), "the unit has no designation for its tasks".into()),
            DraftError::NoSuchPoint(p) => self.pick(format!("nie ma punktu {p}"), format!("there is no point {p}")),
            DraftError::InForce(p) => self.pick(
                format!("punkt {p} jest w mocy: jego oznaczenie się nie zmienia (uchyl go i dodaj nowy)"),
                format!("point {p} is in force: its designation cannot change (repeal it and add a new one)"),
            ),
            DraftError::Taken(d) => self.pick(format!("oznaczenie {d} jest zajęte"), format!("{d} is taken")),
            DraftError::TooDeep => {
                self.pick("litera nie ma własnych liter".into(), "a letter cannot have letters".into())
            }
        };
        self.pick(format!("Zmiana odrzucona: {reason}."), format!("Change refused: {reason}."))
    }

    pub fn load_failed(&self, detail: &str) -> String {
        self.pick(
            format!("Nie udało się otworzyć pliku. Bieżący dokument pozostał bez zmian.\n\n{detail}"),
            format!("The file could not be opened. The current document is unchanged.\n\n{detail}"),
        )
    }

    pub fn save_failed(&self, detail: &str) -> String {
        self.pick(
            format!("Nie udało się zapisać pliku. Poprzednia wersja na dysku jest nienaruszona.\n\n{detail}"),
            format!("The file could not be saved. The previous version on disk is intact.\n\n{detail}"),
        )
    }

    pub fn export_failed(&self, detail: &str) -> String {
        self.pick(format!("Eksport nie powiódł się.\n\n{detail}"), format!("The export failed.\n\n{detail}"))
    }

    pub fn autosave_failed(&self, detail: &str) -> String {
        self.pick(format!("Autozapis nie powiódł się: {detail}"), format!("Autosave failed: {detail}"))
    }

    pub fn saved(&self, path: &str) -> String {
        self.pick(format!("Zapisano: {path}"), format!("Saved: {path}"))
    }

    /// "Eksport do PNG": the export dialog's heading for a format.
    pub fn export_title(&self, format: &str) -> String {
        format!("{} {format}", self.png_title)
    }

    /// A recent file that no longer exists, offered as "save as".
    pub fn recent_missing(&self, path: &str) -> String {
        self.pick(format!("{path} (brak pliku) — zapisz tutaj"), format!("{path} (missing) — save here"))
    }

    pub fn source_missing(&self, path: &str) -> String {
        self.pick(
            format!("Plik {path} już nie istnieje: przywrócona wersja zostanie zapisana pod wskazaną nazwą (Zapisz jako)."),
            format!("The file {path} no longer exists: the restored version will be saved under a name you choose (Save as)."),
        )
    }

    /// "Cofnij: zmiana nazwy IT-SS": an undo or redo item naming its step.
    pub fn undo_named(&self, command: &str, step: &str) -> String {
        format!("{command}: {step}")
    }

    pub fn step_added(&self, unit: &str) -> String {
        self.pick(format!("dodanie {unit}"), format!("adding {unit}"))
    }

    pub fn step_removed(&self, unit: &str) -> String {
        self.pick(format!("usunięcie {unit}"), format!("deleting {unit}"))
    }

    pub fn step_moved(&self, unit: &str) -> String {
        self.pick(format!("przeniesienie {unit}"), format!("moving {unit}"))
    }

    /// A change of one field (0 name, 1 symbol, 2 kind, 3 staffing, 4 note, 5 designation, 6 tasks).
    pub fn step_field(&self, field: usize, unit: &str) -> String {
        const PL: [&str; 7] = [
            "zmiana nazwy",
            "zmiana symbolu",
            "zmiana rodzaju",
            "zmiana etatów",
            "zmiana uwag",
            "zmiana oznaczenia",
            "zmiana zadań",
        ];
        const EN: [&str; 7] = [
            "renaming",
            "change of symbol of",
            "change of kind of",
            "change of staffing of",
            "change of note of",
            "change of designation of",
            "change of tasks of",
        ];
        let what = self.lang.pick(PL, EN)[field.min(6)];
        format!("{what} {unit}")
    }

    pub fn step_replace(&self, units: usize) -> String {
        self.pick(format!("zamiana w zadaniach ({units} jedn.)"), format!("replace in tasks ({units} units)"))
    }

    pub fn step_many(&self, n: usize) -> String {
        self.pick(format!("{n} zmian naraz"), format!("{n} changes at once"))
    }

    pub fn replace_count(&self, n: usize) -> String {
        self.pick(format!("Miejsc: {n}"), format!("Places: {n}"))
    }

    pub fn replace_all(&self, n: usize) -> String {
        self.pick(format!("Zamień wszystkie ({n})"), format!("Replace all ({n})"))
    }

    pub fn exported(&self, path: &str) -> String {
        self.pick(format!("Wyeksportowano: {path}"), format!("Exported: {path}"))
    }

    pub fn units_count(&self, n: usize) -> String {
        self.pick(format!("Jednostek: {n}"), format!("Units: {n}"))
    }

    pub fn unsaved_question(&self, file: &str) -> String {
        self.pick(
            format!("Dokument „{file}” ma niezapisane zmiany. Zapisać je?"),
            format!("The document \"{file}\" has unsaved changes. Save them?"),
        )
    }

    pub fn delete_question(&self, unit: &str, sub_units: usize, tasks: usize) -> String {
        self.pick(
            format!("Usunąć „{unit}” razem z jednostkami podrzędnymi ({sub_units}) i zadaniami ({tasks})?"),
            format!("Delete \"{unit}\" with its sub-units ({sub_units}) and tasks ({tasks})?"),
        )
    }

    pub fn in_force(&self, designation: &str) -> String {
        self.pick(format!("{designation} (w mocy, bez zmian)"), format!("{designation} (in force, fixed)"))
    }

    pub fn point_label(&self, n: &str) -> String {
        self.pick(format!("Punkt {n}"), format!("Point {n}"))
    }

    pub fn letter_label(&self, letter: &str, point: &str) -> String {
        self.pick(format!("Litera {letter}) punktu {point}"), format!("Letter {letter}) of point {point}"))
    }

    pub fn paste_split(&self, n: usize) -> String {
        self.pick(format!("Dodaj jako punkty ({n})"), format!("Add as points ({n})"))
    }

    pub fn findings_count(&self, n: usize) -> String {
        self.pick(format!("({n})"), format!("({n})"))
    }

    pub fn problems_count(&self, n: usize) -> String {
        self.pick(format!("Problemy: {n}"), format!("Problems: {n}"))
    }

    pub fn use_symbol(&self, symbol: &str) -> String {
        self.pick(format!("Użyj {symbol}"), format!("Use {symbol}"))
    }

    pub fn zoom_percent(&self, zoom: f32) -> String {
        let percent = (zoom * 100.0).round();
        self.pick(format!("Powiększenie: {percent} %"), format!("Zoom: {percent} %"))
    }

    pub fn search_count(&self, current: usize, total: usize) -> String {
        self.pick(format!("{current} z {total}"), format!("{current} of {total}"))
    }
}

/// The legal layer of the editor (issue 8): repeal or delete, the
/// designations in the inspector, the document properties and the Regulamin
/// view. Kept in one block of methods so the struct literals above stay as they are.
impl AppText {
    /// The Delete command as it acts on the selection: "Uchyl" for a unit in
    /// force (it is repealed), "Usuń" for one that exists only in the draft.
    pub fn remove_command(&self, repeal: bool) -> &'static str {
        match (repeal, self.lang) {
            (true, Lang::Pl) => "Uchyl",
            (true, Lang::En) => "Repeal",
            (false, Lang::Pl) => "Usuń",
            (false, Lang::En) => "Delete",
        }
    }

    pub fn remove_title(&self, repeal: bool) -> &'static str {
        match (repeal, self.lang) {
            (true, Lang::Pl) => "Uchylić jednostkę?",
            (true, Lang::En) => "Repeal the unit?",
            (false, Lang::Pl) => "Usunąć jednostkę?",
            (false, Lang::En) => "Delete the unit?",
        }
    }

    /// "Uchylić „…” razem z jednostkami podrzędnymi (1) i zadaniami (5)?"
    pub fn repeal_question(&self, unit: &str, sub_units: usize, tasks: usize) -> String {
        match sub_units {
            0 => self.pick(
                format!("Uchylić „{unit}” wraz z zadaniami ({tasks})?"),
                format!("Repeal \"{unit}\" with its tasks ({tasks})?"),
            ),
            _ => self.pick(
                format!("Uchylić „{unit}” razem z jednostkami podrzędnymi ({sub_units}) i zadaniami ({tasks})?"),
                format!("Repeal \"{unit}\" with its sub-units ({sub_units}) and tasks ({tasks})?"),
            ),
        }
    }

    /// "Uchyla § 3 ust. 1 pkt 2 lit. b i § 14 ust. 3" (the designations joined as the acts join them).
    pub fn repeals(&self, designations: &[String]) -> String {
        let list = join_polish(designations, self.lang.pick(" i ", " and "));
        self.pick(format!("Uchyla {list}"), format!("Repeals {list}"))
    }

    /// The status line after a repeal: "Uchylono § 3 ust. 1 pkt 2 lit. b i § 14 ust. 3."
    pub fn repealed_status(&self, designations: &[String]) -> String {
        let list = join_polish(designations, self.lang.pick(" i ", " and "));
        self.pick(format!("Uchylono {list}."), format!("Repealed {list}."))
    }

    pub fn repeal_keeps(&self) -> &'static str {
        self.lang.pick(
            "Oznaczenia w mocy zostają w tekście jako „(uchylony)” i nie są używane ponownie.",
            "The designations in force stay in the text as \"(uchylony)\" and are never reused.",
        )
    }

    pub fn delete_draft_only(&self) -> &'static str {
        self.lang.pick(
            "Jednostka jest tylko w projekcie: zostanie usunięta bez śladu w tekście.",
            "The unit exists only in the draft: it is deleted without a trace in the text.",
        )
    }

    pub fn field_listed_at(&self) -> &'static str {
        self.lang.pick("Miejsce w wykazie", "Listed at")
    }

    /// The inspector's note under a designation that is in force.
    pub fn designation_in_force(&self) -> &'static str {
        self.lang.pick(
            "W mocy: zmiana tego oznaczenia przenumerowałaby przepis w mocy (zasada N1).",
            "In force: changing this designation would renumber a provision in force (rule N1).",
        )
    }

    /// The inspector's warning when a designation in force was typed over.
    pub fn designation_in_force_changed(&self, was: &str) -> String {
        self.pick(
            format!("Oznaczenie w mocy {was} zmienione: to przenumerowanie przepisu w mocy (zasada N1). Uchyl jednostkę i dodaj nową albo cofnij zmianę."),
            format!("The designation in force {was} was changed: that renumbers a provision in force (rule N1). Repeal the unit and add a new one, or undo the change."),
        )
    }

    /// The inspector's note when the clerk typed a designation the rules do not give.
    pub fn designation_overrides(&self, rule: &str) -> String {
        self.pick(
            format!("Zasady numeracji dają {rule}: wpisane oznaczenie je zastępuje."),
            format!("The numbering rules give {rule}: the designation typed overrides them."),
        )
    }

    pub fn designation_none_by_rule(&self) -> &'static str {
        self.lang.pick(
            "Zasady numeracji nie dają tu oznaczenia: wpisane oznaczenie je zastępuje.",
            "The numbering rules give no designation here: the designation typed overrides them.",
        )
    }

    pub fn use_designation(&self, designation: &str) -> String {
        self.pick(format!("Użyj {designation}"), format!("Use {designation}"))
    }

    pub fn designation_invalid(&self, detail: &str) -> String {
        self.pick(format!("Niepoprawne oznaczenie: {detail}"), format!("Invalid designation: {detail}"))
    }

    // The document properties dialog.
    pub fn properties_command(&self) -> &'static str {
        self.lang.pick("Właściwości dokumentu…", "Document properties…")
    }

    pub fn properties_title(&self) -> &'static str {
        self.lang.pick("Właściwości dokumentu", "Document properties")
    }

    pub fn properties_field(&self, field: MetaField) -> &'static str {
        use MetaField as F;
        match field {
            F::Department => self.lang.pick("Departament (mianownik)", "Department (nominative)"),
            F::DepartmentGenitive => self.lang.pick("Departament (dopełniacz)", "Department (genitive)"),
            F::Organ => self.lang.pick("Organ wydający (mianownik)", "Issuing organ (nominative)"),
            F::OrganGenitive => self.lang.pick("Organ wydający (dopełniacz)", "Issuing organ (genitive)"),
            F::BaseNumber => self.lang.pick("Akt podstawowy: numer", "Base act: number"),
            F::BaseDate => self.lang.pick("Akt podstawowy: data", "Base act: date"),
            F::BaseTitle => self.lang.pick("Akt podstawowy: tytuł", "Base act: title"),
            F::Consolidated => {
                self.lang.pick("Tekst jednolity: data obwieszczenia", "Consolidated text: date of the notice")
            }
            F::Version => self.lang.pick("Wersja", "Version"),
            F::Effective => self.lang.pick("Wchodzi w życie z dniem", "In force from"),
        }
    }

    pub fn date_invalid(&self) -> &'static str {
        self.lang.pick(
            "Niepoprawna data: wpisz RRRR-MM-DD albo np. „31 grudnia 2018”. Dokument pozostał bez zmian.",
            "Invalid date: type YYYY-MM-DD or e.g. \"31 grudnia 2018\". The document is unchanged.",
        )
    }

    pub fn date_hint(&self) -> &'static str {
        self.lang.pick("RRRR-MM-DD lub „31 grudnia 2018”", "YYYY-MM-DD or \"31 grudnia 2018\"")
    }

    pub fn citation_preview(&self) -> &'static str {
        self.lang.pick("Cytowanie aktu", "Citation of the act")
    }

    pub fn close(&self) -> &'static str {
        self.lang.pick("Zamknij", "Close")
    }

    // The Regulamin view.
    pub fn view_chart(&self) -> &'static str {
        self.lang.pick("Schemat", "Chart")
    }

    pub fn view_regulamin(&self) -> &'static str {
        "Regulamin"
    }

    pub fn provision_label(&self, designation: &str) -> String {
        self.pick(format!("Przepis {designation}"), format!("Provision {designation}"))
    }

    pub fn regulamin_hint(&self) -> &'static str {
        self.lang.pick(
            "Kliknięcie fragmentu zaznacza jego jednostkę; przepis niepowiązany z jednostką otwiera się do edycji kliknięciem (gdy wymienia jednostkę: ponownym kliknięciem lub prawym przyciskiem).",
            "A click on a piece selects its unit; a provision that belongs to no unit opens for editing on a click (where it lists a unit: on a second click or a right click).",
        )
    }

    pub fn provision_edit_hint(&self) -> &'static str {
        self.lang.pick(
            "Przepis niepowiązany z jednostką: kliknij, aby edytować brzmienie (gdy wymienia jednostkę: kliknij ponownie, gdy jest zaznaczona, albo prawym przyciskiem)",
            "A provision that belongs to no unit: click to edit its wording (where it lists a unit: click again once the unit is selected, or right click)",
        )
    }

    pub fn provision_edit(&self) -> &'static str {
        self.lang.pick("Edytuj brzmienie", "Edit the wording")
    }
}

/// The "Projekt zarządzenia" panel (issue 9): the draft amending ordinance,
/// its lints and why none is printed. The ordinance itself is legal text of
/// [`crate::legal`], the same in either language; only its frame here is translated.
impl AppText {
    pub fn amendment_title(&self) -> &'static str {
        self.lang.pick("Projekt zarządzenia", "Draft ordinance")
    }

    /// What the ordinance amends: the compare baseline's file, or the document as last opened or saved.
    pub fn amendment_in_force(&self, baseline: Option<&str>) -> String {
        match baseline {
            Some(file) => self.pick(
                format!("Zmienia wersję obowiązującą z pliku {file} (porównanie)."),
                format!("Amends the version in force from {file} (compare mode)."),
            ),
            None => self
                .lang
                .pick(
                    "Zmienia wersję obowiązującą: dokument w stanie ostatnio otwartym lub zapisanym.",
                    "Amends the version in force: the document as last opened or saved.",
                )
                .to_owned(),
        }
    }

    pub fn amendment_computing(&self) -> &'static str {
        self.lang.pick("Obliczanie…", "Computing…")
    }

    pub fn amendment_copy(&self) -> &'static str {
        self.lang.pick("Kopiuj", "Copy")
    }

    pub fn amendment_copied(&self) -> &'static str {
        self.lang.pick("Skopiowano tekst zarządzenia do schowka.", "The ordinance text is on the clipboard.")
    }

    pub fn amendment_save_docx(&self) -> &'static str {
        self.lang.pick("Zapisz jako DOCX…", "Save as DOCX…")
    }

    pub fn amendment_save_txt(&self) -> &'static str {
        self.lang.pick("Zapisz jako TXT…", "Save as TXT…")
    }

    pub fn amendment_save(&self) -> &'static str {
        self.lang.pick("Zapisz", "Save")
    }

    pub fn amendment_no_change(&self) -> &'static str {
        self.lang.pick("Brak zmian względem wersji obowiązującej", "No changes against the version in force")
    }

    pub fn amendment_not_expressible(&self) -> &'static str {
        self.lang.pick(
            "Tych zmian nie da się wyrazić w zarządzeniu zmieniającym:",
            "These changes cannot be expressed in an amending ordinance:",
        )
    }

    /// Why a change cannot be expressed (amendment spec N2, N7).
    pub fn not_expressible(&self, problem: &NotExpressible) -> String {
        match problem {
            NotExpressible::UnknownWording(d) => self.pick(
                format!("{d}: nowe brzmienie nie jest znane w pliku, więc nie można go przytoczyć"),
                format!("{d}: the new wording is not known to the file, so it cannot be quoted"),
            ),
            NotExpressible::RepealedReused(d) => self.pick(
                format!("{d}: ponownie użyto uchylonego oznaczenia (N2); nadaj nowej treści nowe oznaczenie"),
                format!("{d}: a repealed designation is used again (N2); give the new matter a new designation"),
            ),
            NotExpressible::BeforeFirst(d) => self.pick(
                format!("{d}: nowa jednostka redakcyjna przed pierwszą nie ma reguły oznaczania (N7); zmień brzmienie jednostki nadrzędnej"),
                format!("{d}: a new piece before the first one has no designation rule (N7); replace its parent"),
            ),
            NotExpressible::FirstOfLevel(d) => self.pick(
                format!("{d}: pierwsza jednostka nowego wyliczenia zmienia brzmienie jednostki nadrzędnej, którego nie można przytoczyć"),
                format!("{d}: the first piece of a new enumeration changes its parent's wording, which cannot be quoted"),
            ),
            NotExpressible::Chapters(d) => self.pick(
                format!("{d}: nagłówki rozdziałów przed nim się różnią; generator pisze tylko zmiany jednostek redakcyjnych, tę zmianę trzeba zredagować ręcznie"),
                format!("{d}: the chapter headings before it differ; the generator writes changes of numbered pieces only, so word this one by hand"),
            ),
            NotExpressible::MixedLevels(d) => self.pick(
                format!("{d}: zawiera obok siebie ustępy i punkty, więc żaden tekst nie powie, do którego ustępu należą punkty; umieść punkty w ustępie"),
                format!("{d}: holds ust. and pkt side by side, so no text can say which ust. its pkt belong to; list the pkt in an ust."),
            ),
        }
    }

    pub fn amendment_self_check(&self) -> &'static str {
        self.lang.pick(
            "Błąd generatora: wygenerowany § 1 zastosowany do wersji obowiązującej nie daje projektu, więc tekst zarządzenia nie jest wyświetlany. Zgłoś ten błąd wraz z plikami.",
            "Generator error: the generated § 1 applied to the version in force does not give the proposal, so no ordinance text is shown. Please report it with the files.",
        )
    }

    pub fn amendment_no_lints(&self) -> &'static str {
        self.lang.pick("Brak uwag do tekstu.", "No lints on the text.")
    }

    pub fn amendment_lints(&self, n: usize) -> String {
        self.pick(format!("Uwagi do tekstu ({n}):"), format!("Lints on the text ({n}):"))
    }

    /// A lint with its line of § 1: "wiersz 27: „§” bez spacji przed numerem (P10)".
    pub fn lint(&self, lint: &Lint) -> String {
        let message = match self.lang {
            Lang::En => lint.message.clone(),
            Lang::Pl => lint_pl(lint),
        };
        match lint.line {
            0 => message,
            line => self.pick(format!("wiersz {line} § 1: {message}"), format!("line {line} of § 1: {message}")),
        }
    }
}

/// A lint in Polish: the fragments of the text the core quotes
/// ([`Lint::fragments`], in its order) in a Polish sentence.
fn lint_pl(lint: &Lint) -> String {
    let q = |i: usize| lint.fragments.get(i).map_or("…", String::as_str);
    match lint.code {
        LintCode::ParagraphSpace => "„§” bez spacji przed numerem (P10)".to_owned(),
        LintCode::Ending => format!("punkt kończy się „{}”, a reguła zakończeń (P1-P3, P6) daje „{}”", q(0), q(1)),
        LintCode::AddressWithoutParagraph => format!("„{}”: adres jednostki redakcyjnej bez „§” (D2)", q(0)),
        LintCode::Markdown => "pominięto znaczniki Markdown (wypunktowania, nagłówki, pogrubienia) (D11)".to_owned(),
        LintCode::InconsistentReference => {
            format!("dwie zamiany wyrazów przytaczają ten sam akt różnie: „{}” i „{}” (D8)", q(0), q(1))
        }
        LintCode::WordsNotFound => format!("{}: nie ma tam wyrazów „{}”", q(0), q(1)),
        LintCode::RangeForTwo => format!("„{}”: w tym profilu dwie jednostki pisze się „{}” (N9a)", q(0), q(1)),
    }
}

/// A field of the frame metadata, as the document properties dialog names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetaField {
    Department,
    DepartmentGenitive,
    Organ,
    OrganGenitive,
    BaseNumber,
    BaseDate,
    BaseTitle,
    Consolidated,
    Version,
    Effective,
}

/// "a", "a i b", "a, b i c".
fn join_polish(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// Plik → Importuj… and the import report panel. The rows themselves are
/// [`super::import`]'s, the lines `schemat import` prints.
impl AppText {
    pub fn menu_import(&self) -> &'static str {
        self.lang.pick("Importuj Regulamin (DOCX, TXT, MD)…", "Import a Regulamin (DOCX, TXT, MD)…")
    }

    pub fn import_report_title(&self, file: &str) -> String {
        self.pick(format!("Raport importu: {file}"), format!("Import report: {file}"))
    }

    pub fn import_title(&self) -> &'static str {
        self.lang.pick("Importuj Regulamin", "Import a Regulamin")
    }

    pub fn import_file_label(&self) -> &'static str {
        self.lang.pick("Plik do importu", "File to import")
    }

    /// Under the file field: why it is there and what it takes.
    pub fn import_file_hint(&self) -> &'static str {
        self.lang.pick(
            "Okno wyboru pliku nie podało pliku. Wpisz ścieżkę dokumentu Word (.docx), tekstu (.txt) lub Markdown (.md).",
            "The file dialog gave no file. Type the path of a Word document (.docx), a text (.txt) or Markdown (.md).",
        )
    }

    pub fn import_button(&self) -> &'static str {
        self.lang.pick("Importuj", "Import")
    }

    pub fn import_report_close(&self) -> &'static str {
        self.lang.pick("Zamknij raport", "Close the report")
    }

    /// The status line after an import: the document is not saved anywhere yet.
    pub fn imported(&self, file: &str) -> String {
        self.pick(
            format!("Zaimportowano {file}; dokument nie jest jeszcze zapisany"),
            format!("Imported {file}; the document is not saved yet"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::legal::{Style, lint};

    #[test]
    fn lints_read_in_polish_with_the_fragments_the_core_quotes() {
        let pl = text(Lang::Pl);
        let mut out = Vec::new();
        lint::lint_line("o których mowa w §13-16;", 27, &mut out);
        assert_eq!(pl.lint(&out[0]), "wiersz 27 § 1: „§” bez spacji przed numerem (P10)");
        let range = &lint::lint_ranges("w § 3 uchyla się pkt 3-4;", &Style::recommended())[0];
        assert_eq!(pl.lint(range), "wiersz 1 § 1: „pkt 3-4”: w tym profilu dwie jednostki pisze się „3 i 4” (N9a)");
        assert_eq!(text(Lang::En).lint(range), format!("line 1 of § 1: {}", range.message));
        let ending = format!("the item ends with {:?}; the ending rule (P1-P3, P6) gives {:?}", ";", ".");
        let ending = Lint::quoting(LintCode::Ending, 0, vec![";".into(), ".".into()], &ending);
        assert_eq!(pl.lint(&ending), "punkt kończy się „;”, a reguła zakończeń (P1-P3, P6) daje „.”");
        let missing = Lint::quoting(
            LintCode::WordsNotFound,
            0,
            vec!["§ 12 pkt 1".into(), "z późn. zm.".into()],
            "§ 12 pkt 1: the words „z późn. zm.” are not there",
        );
        assert_eq!(pl.lint(&missing), "§ 12 pkt 1: nie ma tam wyrazów „z późn. zm.”");
    }
}
