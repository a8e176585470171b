//! A small document shared by the I/O and CLI tests: a fragment of the IT
//! division after Zarządzenie nr 58/12/2021, with every field of the format (v2) used:
//! labelled, repealed and unknown points, provisions, repealed designations, the
//! designations in force of a draft, typed frame metadata.

#![allow(dead_code)] // each test crate uses part of it

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use schemat::model::{
    ActRef, Chapter, Date, Designation, Document, Metadata, Provision, Relation, RelationKind, TaskList, TaskPoint,
    Unit, UnitId, UnitKind,
};

fn d(s: &str) -> Designation {
    s.parse().unwrap()
}

fn unit(id: &str, parent: Option<&str>, kind: UnitKind, name: &str, symbol: &str) -> Unit {
    Unit::new(UnitId::new(id), parent.map(UnitId::new), kind, name, symbol)
}

pub fn sample() -> Document {
    use UnitKind::*;
    let mut ss = unit("it-ss", Some("it-ziii"), Referat, "referat ds. serwisu sprzętu i oprogramowania", "IT-SS");
    ss.listed_at = Some(d("§ 3 ust. 4"));
    ss.tasks_at = Some(d("§ 22h ust. 1"));
    ss.tasks = TaskList {
        intro: "Referat ds. serwisu sprzętu i oprogramowania realizuje w szczególności zadania z zakresu:".into(),
        points: TaskPoint::numbered(["zarządzania stacjami roboczymi", "obsługi informatycznej"]),
        ..TaskList::default()
    };
    let mut k = unit("it-ss-k", Some("it-ss"), KierownikReferatu, "kierownik referatu", "IT-SS");
    k.listed_at = Some(d("§ 3 ust. 4 pkt 1"));
    k.tasks_at = Some(d("§ 22h ust. 2"));
    k.tasks = TaskList {
        intro: "Kierownik referatu realizuje zadania określone w § 11 ust. 2 Regulaminu oraz zadania z zakresu:".into(),
        shared_ref: Some("§ 11 ust. 2".into()),
        points: vec![
            TaskPoint::new("1", "nadzoru nad zawieraniem umów")
                .with_sub(TaskPoint::lettered(["gwarancyjnych", "pogwarancyjnych"])),
            TaskPoint::repealed("2"),
            TaskPoint::unknown("3"),
        ],
        ..TaskList::default()
    };
    let mut inz = unit(
        "it-ss-1",
        Some("it-ss"),
        WieloosoboweStanowiskoPracy,
        "wieloosobowe stanowisko pracy inżynier serwisu",
        "IT-SS-I",
    );
    inz.staffing = Some(3.0);
    inz.tasks_at = Some(d("§ 22h ust. 3"));
    inz.tasks.points = TaskPoint::numbered(["weryfikacji oprogramowania na stacjach roboczych"]);
    let mut z =
        unit("it-ziii", Some("it"), ZastepcaDyrektora, "Zastępca Dyrektora ds. wsparcia użytkowników", "IT-ZIII");
    z.listed_at = Some(d("§ 3 ust. 4"));
    z.tasks_at = Some(d("§ 22g"));
    z.tasks.points = TaskPoint::numbered(["zapewnienia oprogramowania i sprzętu komputerowego"]);
    z.note = "Nowy zastępca od 1 stycznia 2022 r.; cytat: „wsparcie” i \"cudzysłów\" \\ ukośnik".into();
    let mut tb = unit("it-tb", Some("it"), Referat, "referat ds. technologii bezpieczeństwa", "IT-TB");
    tb.tasks_at = Some(d("§ 14 ust. 1"));
    tb.tasks.points = TaskPoint::numbered(["analizy podatności systemów na zagrożenia bezpieczeństwa"]);
    let mut tbk = unit("it-tb-k", Some("it-tb"), KierownikReferatu, "kierownik referatu", "IT-TB");
    tbk.tasks_at = Some(d("§ 14 ust. 2"));
    tbk.tasks.shared_ref = Some("§ 11 ust. 2".into());
    Document {
        meta: Metadata {
            department: "Departament Organizacji i Administracji".into(),
            department_genitive: "Departamentu Organizacji i Administracji".into(),
            organ: "Prezydent Miasta Lublin".into(),
            organ_genitive: "Prezydenta Miasta Lublin".into(),
            base_act: ActRef {
                number: "56/12/2018".into(),
                date: Date::new(2018, 12, 31),
                title: "w sprawie nadania Regulaminu Organizacyjnego Departamentu Organizacji i Administracji".into(),
            },
            consolidated: Date::new(2021, 10, 29),
            version: "stan na 1 stycznia 2022 r.".into(),
            effective: Date::new(2022, 1, 1),
        },
        units: vec![
            unit("doa", None, Departament, "Departament Organizacji i Administracji", ""),
            unit("it", Some("doa"), Wydzial, "Wydział Informatyki", "IT"),
            z,
            ss,
            k,
            inz,
            tb,
            tbk,
        ],
        relations: vec![Relation {
            kind: RelationKind::WspolpracujeZ,
            from: UnitId::new("it-ss"),
            to: UnitId::new("it-tb"),
        }],
        provisions: vec![
            Provision::new(
                d("§ 3 ust. 4"),
                "Zastępca Dyrektora ds. wsparcia użytkowników (IT-ZIII), nadzorujący bezpośrednio referat ds. serwisu sprzętu i oprogramowania (IT-SS), w skład którego wchodzi",
            ),
            Provision::unknown(d("§ 11 ust. 2")),
        ],
        retired: vec![d("§ 3 ust. 2 pkt 3"), d("§ 22")],
        in_force: Some([d("§ 3 ust. 4"), d("§ 14 ust. 2"), d("§ 22")].into_iter().collect()),
        chart: Default::default(),
        chapters: vec![Chapter {
            before: d("§ 3"),
            heading: "Rozdział 2".into(),
            title: "Struktura organizacyjna".into(),
        }],
    }
}

/// The canonical text of [`sample`].
pub fn sample_text() -> String {
    schemat::io::to_ron_string(&sample())
}

/// Runs the real binary with `args`.
pub fn schemat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schemat")).args(args).output().unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Writes `bytes` to `name` in a fresh temporary folder.
pub fn file_with(bytes: &[u8], name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// The names in a folder, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}
