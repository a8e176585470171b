//! A small document shared by the I/O and CLI tests: a fragment of the IT
//! division after Zarządzenie nr 58/12/2021, with every field of the format used.

#![allow(dead_code)] // each test crate uses part of it

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use schemat::model::{
    Designation, Document, Metadata, Relation, RelationKind, TaskList, TaskPoint, Unit, UnitId, UnitKind,
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
        shared_ref: None,
        points: vec![TaskPoint::new("zarządzania stacjami roboczymi"), TaskPoint::new("obsługi informatycznej")],
    };
    let mut k = unit("it-ss-k", Some("it-ss"), KierownikReferatu, "kierownik referatu", "IT-SS");
    k.listed_at = Some(d("§ 3 ust. 4 pkt 1"));
    k.tasks_at = Some(d("§ 22h ust. 2"));
    k.tasks = TaskList {
        intro: "Kierownik referatu realizuje zadania określone w § 11 ust. 2 Regulaminu oraz zadania z zakresu:".into(),
        shared_ref: Some("§ 11 ust. 2".into()),
        points: vec![TaskPoint {
            text: "nadzoru nad zawieraniem umów".into(),
            sub: vec![TaskPoint::new("gwarancyjnych"), TaskPoint::new("pogwarancyjnych")],
        }],
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
    inz.tasks.points = vec![TaskPoint::new("weryfikacji oprogramowania na stacjach roboczych")];
    let mut z =
        unit("it-ziii", Some("it"), ZastepcaDyrektora, "Zastępca Dyrektora ds. wsparcia użytkowników", "IT-ZIII");
    z.listed_at = Some(d("§ 3 ust. 4"));
    z.tasks_at = Some(d("§ 22g"));
    z.tasks.points = vec![TaskPoint::new("zapewnienia oprogramowania i sprzętu komputerowego")];
    z.note = "Nowy zastępca od 1 stycznia 2022 r.; cytat: „wsparcie” i \"cudzysłów\" \\ ukośnik".into();
    let mut tb = unit("it-tb", Some("it"), Referat, "referat ds. technologii bezpieczeństwa", "IT-TB");
    tb.tasks_at = Some(d("§ 14 ust. 1"));
    tb.tasks.points = vec![TaskPoint::new("analizy podatności systemów na zagrożenia bezpieczeństwa")];
    let mut tbk = unit("it-tb-k", Some("it-tb"), KierownikReferatu, "kierownik referatu", "IT-TB");
    tbk.tasks_at = Some(d("§ 14 ust. 2"));
    tbk.tasks.shared_ref = Some("§ 11 ust. 2".into());
    Document {
        meta: Metadata {
            department: "Departament Organizacji i Administracji".into(),
            act: "zarządzenie nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r.".into(),
            version: "stan na 1 stycznia 2022 r.".into(),
            effective: "2022-01-01".into(),
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
        retired: vec![d("§ 3 ust. 2 pkt 3"), d("§ 22")],
        chart: Default::default(),
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
