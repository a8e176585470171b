//! The shipped examples through the real binary: `validate` lists only the
//! symbols and tasks the reference ordinance does not state (exit 1, warnings
//! missing-symbol and empty-tasks on units whose notes say what is assumed or unknown),
//! `show` lists IT-ZIII above IT-SS and its positions and OM-IU-IV, `fmt`
//! changes no byte.

mod io_sample;

use io_sample::{file_with, schemat, stderr, stdout};

const EXAMPLES: [&str; 2] = ["examples/doa-2022.ron", "examples/doa-2021.ron"];

#[test]
fn validate_lists_only_the_unknowns_of_both_examples() {
    for example in EXAMPLES {
        let out = schemat(&["--lang", "en", "validate", example]);
        assert_eq!(out.status.code(), Some(1), "{example}: {}{}", stdout(&out), stderr(&out));
        assert_eq!(stderr(&out), "");
        let doc = schemat::io::load(std::path::Path::new(example)).unwrap();
        for line in stdout(&out).lines() {
            let rest = line.strip_prefix(&format!("{example}: warning ")).unwrap_or_else(|| panic!("{line}"));
            let (code, rest) = rest.split_once(' ').unwrap();
            assert!(["missing-symbol", "empty-tasks"].contains(&code), "{line}");
            // A unit is named by its symbol, `SYMBOL/id` where several share it, or its id
            // when it has none; each says in its note what is assumed or not known.
            let name = rest.split(':').next().unwrap();
            let unit = match name.split_once('/') {
                Some((_, id)) => doc.unit(&schemat::model::UnitId::new(id)),
                None => {
                    doc.unit(&schemat::model::UnitId::new(name)).or_else(|| doc.units.iter().find(|u| u.symbol == name))
                }
            }
            .unwrap_or_else(|| panic!("{line}"));
            assert!(unit.note.contains("przyjęt") || unit.note.contains("nie jest znane"), "{line}: {}", unit.note);
        }
    }
}

#[test]
fn show_lists_the_new_structure_of_2022() {
    let out = schemat(&["show", "examples/doa-2022.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let tree = stdout(&out);
    let at = |needle: &str| tree.find(needle).unwrap_or_else(|| panic!("{needle} in\n{tree}"));
    assert!(
        at("      IT-ZIII Zastępca Dyrektora ds. wsparcia użytkowników [zastępca dyrektora]\n")
            < at("        IT-SS referat ds. serwisu sprzętu i oprogramowania [referat]\n")
    );
    let positions = ["IT-SS-I ", "IT-SS-II ", "IT-SS-III ", "IT-SS-IV "].map(|p| at(&format!("          {p}")));
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{tree}");
    assert!(at("IT-SS referat") < positions[0]);
    assert!(tree.contains(
        "        OM-IU-IV wieloosobowe stanowisko pracy Punkt Obsługi Cudzoziemców [wieloosobowe stanowisko pracy]\n"
    ));

    let out = schemat(&["show", "examples/doa-2021.ron"]);
    let tree = stdout(&out);
    assert!(!tree.contains("IT-ZIII") && !tree.contains("OM-IU-IV"), "{tree}");
}

#[test]
fn fmt_changes_no_byte_of_the_examples() {
    for example in EXAMPLES {
        let original = std::fs::read(example).unwrap();
        let (dir, path) = file_with(&original, "copy.ron");
        let out = schemat(&["fmt", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(std::fs::read(&path).unwrap(), original, "{example}");
        assert_eq!(io_sample::listing(dir.path()), ["copy.ron"], "nothing rewritten, no .bak");
    }
}
