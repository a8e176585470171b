//! Reading the source files of an import (issue 11): the reference ordinance
//! in Markdown, Word documents written by docx-rs with numbering definitions,
//! by LibreOffice and by `schemat regulamin --format docx`, old encodings,
//! and hostile files, each refused with one clear line and no panic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelOverride, LevelText, NumberFormat, Numbering,
    NumberingId, Paragraph as WordParagraph, Run, Start, Style, StyleType,
};
use schemat::i18n::Lang;
use schemat::import::source::{
    DOCX_LIMIT, Legacy, Note, Paragraph, ReadError, SourceKind, TEXT_LIMIT, read, read_source, read_text,
};

fn reference() -> PathBuf {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/zarzadzenie-58-12-2021.md");
    if shared.exists() { shared } else { "/work/shared/reference/zarzadzenie-58-12-2021.md".into() }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import_fixture").join(name)
}

fn texts(paragraphs: &[Paragraph]) -> Vec<&str> {
    paragraphs.iter().map(|p| p.text.as_str()).collect()
}

fn find<'a>(paragraphs: &'a [Paragraph], text: &str) -> &'a Paragraph {
    paragraphs
        .iter()
        .find(|p| p.text == text)
        .unwrap_or_else(|| panic!("no paragraph {text:?} in {:#?}", texts(paragraphs)))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn refused(path: &Path) -> String {
    match read(path) {
        Ok((kind, paragraphs)) => panic!("{} read as {kind:?}: {:?}", path.display(), texts(&paragraphs)),
        Err(error) => {
            let message = error.to_string();
            assert!(!message.contains('\n'), "one line: {message}");
            assert!(message.starts_with(&path.display().to_string()), "names the file: {message}");
            message
        }
    }
}

#[test]
fn the_reference_ordinance_reads_as_printed() {
    let path = reference();
    let (kind, paragraphs) = read(&path).unwrap();
    assert_eq!(kind, SourceKind::Markdown);
    let source = std::fs::read_to_string(&path).unwrap();
    assert_eq!(paragraphs.len(), source.lines().filter(|l| !l.trim().is_empty()).count(), "one paragraph a line");

    let title = find(&paragraphs, "Zarządzenie nr 58/12/2021");
    assert_eq!((title.bold, title.heading, title.origin), (true, None, 9));
    assert!(find(&paragraphs, "Prezydenta Miasta Lublin").bold);
    assert!(
        find(
            &paragraphs,
            "zmieniające zarządzenie nr 56/12/2018 Prezydenta Miasta Lublin z dnia 31 grudnia 2018 r. w sprawie nadania Regulaminu Organizacyjnego Departamentu Organizacji i Administracji"
        )
        .bold
    );
    assert_eq!(find(&paragraphs, "Prezydent Miasta Lublin").heading, Some(1));
    assert_eq!(find(&paragraphs, "§ 1").heading, Some(2));
    assert_eq!(find(&paragraphs, "„§ 14").heading, Some(4));

    let letter = find(&paragraphs, "a) kierownik referatu (IT-TB),");
    assert_eq!((letter.bold, letter.origin), (false, 27));
    assert_eq!(&source.lines().nth(26).unwrap()[..5], "- a) ");
    find(&paragraphs, "„2) referat ds. technologii bezpieczeństwa (IT-TB), w skład którego wchodzi:");
    find(&paragraphs, "– w pkt 2 uchyla się lit. d,");
    find(&paragraphs, "4) wieloosobowe stanowisko pracy ds. pomocy technicznej (IT-SS-III);");
    let ust =
        find(&paragraphs, "1. Referat ds. technologii bezpieczeństwa realizuje w szczególności zadania z zakresu:");
    assert!(!ust.bold, "only the name is bold");
    let heading_ust = find(
        &paragraphs,
        "1. Referat ds. serwisu sprzętu i oprogramowania realizuje w szczególności zadania z zakresu:",
    );
    assert_eq!(heading_ust.heading, Some(4));
    find(&paragraphs, "„§ 22g");
    find(&paragraphs, "13) obsługi elektronicznego systemu kolejkowego.”.");
    assert!(find(&paragraphs, "(-) dr Krzysztof Żuk").bold);
    for p in &paragraphs {
        assert!(!p.text.contains("**") && !p.text.starts_with("- ") && !p.text.starts_with('#'), "{p:?}");
    }
}

/// decimal "%1)" at level 0, lowerLetter "%2)" at level 1, a bullet at level 2.
fn list_definition(id: usize) -> AbstractNumbering {
    let level = |l: usize, format: &str, text: &str| {
        Level::new(l, Start::new(1), NumberFormat::new(format), LevelText::new(text), LevelJc::new("left"))
    };
    AbstractNumbering::new(id)
        .add_level(level(0, "decimal", "%1)"))
        .add_level(level(1, "lowerLetter", "%2)"))
        .add_level(level(2, "bullet", "\u{f0b7}"))
}

fn numbered(text: &str, num: usize, level: usize) -> WordParagraph {
    WordParagraph::new().add_run(Run::new().add_text(text)).numbering(NumberingId::new(num), IndentLevel::new(level))
}

fn plain(text: &str) -> WordParagraph {
    WordParagraph::new().add_run(Run::new().add_text(text))
}

fn pack(docx: Docx) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).unwrap();
    out.into_inner()
}

#[test]
fn a_docx_with_numbering_definitions_reads_with_the_labels() {
    let docx = Docx::new()
        .add_style(Style::new("Heading1", StyleType::Paragraph).name("heading 1"))
        .add_abstract_numbering(list_definition(2))
        .add_numbering(Numbering::new(2, 2))
        // Restarts the list where it is first used.
        .add_numbering(Numbering::new(3, 2).add_override(LevelOverride::new(0).start(1)))
        // Another instance of the same definition goes on counting, as in Word.
        .add_numbering(Numbering::new(4, 2))
        .add_paragraph(WordParagraph::new().add_run(Run::new().add_text("§ 3").bold()).style("Heading1"))
        .add_paragraph(plain("1. W skład Wydziału wchodzą:"))
        .add_paragraph(numbered("stanowisko pracy ds. obsługi sekretariatu (IT-I),", 2, 0))
        .add_paragraph(numbered("referat ds. technologii bezpieczeństwa (IT-TB), w skład którego wchodzi:", 2, 0))
        .add_paragraph(numbered("kierownik referatu (IT-TB),", 2, 1))
        .add_paragraph(numbered("stanowisko pracy inżynier bezpieczeństwa systemów (IT-TB-I),", 2, 1))
        .add_paragraph(numbered("w zakresie sieci,", 2, 2))
        .add_paragraph(numbered("referat ds. serwisu (IT-SS), w skład którego wchodzi:", 2, 0))
        .add_paragraph(numbered("kierownik referatu (IT-SS);", 2, 1))
        .add_paragraph(
            WordParagraph::new()
                .add_run(Run::new().add_text("Zastępca Dyrektora").bold())
                .add_run(Run::new().add_text(" realizuje").bold()),
        )
        .add_paragraph(numbered("nadzoru,", 3, 0))
        .add_paragraph(numbered("koordynacji,", 3, 0))
        .add_paragraph(numbered("dalej.", 4, 0));
    let dir = tempfile::tempdir().unwrap();
    // The content decides: a Word document under any name.
    let path = write(dir.path(), "regulamin.txt", &pack(docx));
    let (kind, paragraphs) = read(&path).unwrap();
    assert_eq!(kind, SourceKind::Docx);
    assert_eq!(
        texts(&paragraphs),
        [
            "§ 3",
            "1. W skład Wydziału wchodzą:",
            "1) stanowisko pracy ds. obsługi sekretariatu (IT-I),",
            "2) referat ds. technologii bezpieczeństwa (IT-TB), w skład którego wchodzi:",
            "a) kierownik referatu (IT-TB),",
            "b) stanowisko pracy inżynier bezpieczeństwa systemów (IT-TB-I),",
            "– w zakresie sieci,",
            "3) referat ds. serwisu (IT-SS), w skład którego wchodzi:",
            "a) kierownik referatu (IT-SS);",
            "Zastępca Dyrektora realizuje",
            "1) nadzoru,",
            "2) koordynacji,",
            "3) dalej.",
        ]
    );
    assert_eq!((paragraphs[0].heading, paragraphs[0].bold), (Some(1), true));
    assert!(paragraphs[9].bold);
    assert!(!paragraphs[2].bold);
    let origins: Vec<usize> = paragraphs.iter().map(|p| p.origin).collect();
    assert_eq!(origins, (1..=13).collect::<Vec<_>>());
}

/// `tests/import_fixture/libreoffice-lists.docx` is
/// `libreoffice --headless --convert-to docx libreoffice-lists.fodt` (LibreOffice 7.4):
/// a list style "1)", "a)", "–", a second list of the same style, a Heading 1, a bold title.
#[test]
fn a_libreoffice_docx_reads_with_the_labels() {
    let (kind, paragraphs) = read(&fixture("libreoffice-lists.docx")).unwrap();
    assert_eq!(kind, SourceKind::Docx);
    assert_eq!(
        texts(&paragraphs),
        [
            "Regulamin Organizacyjny Wydziału Informatyki",
            "§ 3",
            "1. W skład Wydziału wchodzą:",
            "1) stanowisko pracy ds. obsługi sekretariatu (IT-I),",
            "2) referat ds. technologii bezpieczeństwa (IT-TB), w skład którego wchodzi:",
            "a) kierownik referatu (IT-TB),",
            "b) stanowisko pracy inżynier bezpieczeństwa systemów (IT-TB-I),",
            "– w zakresie sieci,",
            "c) wieloosobowe stanowisko pracy ds. technologii bezpieczeństwa (IT-TB-II);",
            "3) referat ds. serwisu sprzętu i oprogramowania (IT-SS), w skład którego wchodzi:",
            "a) kierownik referatu (IT-SS),",
            "b) wieloosobowe stanowisko pracy inżynier serwisu (IT-SS-I).",
            "2. Pracą Wydziału kieruje Dyrektor.",
            "1) nowa lista od jedynki,",
            "2) i dalej.",
        ]
    );
    assert!(paragraphs[0].bold);
    assert_eq!((paragraphs[1].heading, paragraphs[1].bold), (Some(1), true), "Heading 1 is bold by its style");
    assert!(paragraphs[2..].iter().all(|p| p.heading.is_none() && !p.bold));
}

fn schemat(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_schemat")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

#[test]
fn the_regulamin_docx_reads_back_as_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("doa.docx");
    let out = schemat(&["regulamin", "examples/doa-2022.ron", "--format", "docx", "-o", docx.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = schemat(&["regulamin", "examples/doa-2022.ron"]);
    let text = String::from_utf8(text.stdout).unwrap();
    let expected = read_text(&text, SourceKind::Text);
    assert!(expected.len() > 200, "{}", expected.len());
    let (kind, paragraphs) = read(&docx).unwrap();
    assert_eq!(kind, SourceKind::Docx);
    assert_eq!(texts(&paragraphs), texts(&expected), "the DOCX reads as the text");
    assert!(paragraphs.iter().filter(|p| p.text.starts_with('§')).all(|p| p.bold), "§ headings are bold");

    let markdown = schemat(&["regulamin", "examples/doa-2022.ron", "--format", "markdown"]);
    let md = write(dir.path(), "doa.md", &markdown.stdout);
    let (kind, paragraphs) = read(&md).unwrap();
    assert_eq!(kind, SourceKind::Markdown);
    // The same paragraphs; the Markdown heading of a § whose title is not known says so ("§ 4 […]").
    let (got, want) = (texts(&paragraphs), texts(&expected));
    assert_eq!(got.len(), want.len());
    let first_difference =
        got.iter().zip(&want).position(|(md, text)| !(md == text || md.starts_with(&format!("{text} "))));
    assert_eq!(first_difference.map(|i| (got[i], want[i])), None, "the Markdown form reads as the text");
}

#[test]
fn the_ordinance_docx_reads_back_as_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("z.docx");
    let pair = ["amend", "examples/doa-2021.ron", "examples/doa-2022.ron"];
    let out = schemat(&[&pair[..], &["--format", "docx", "-o", docx.to_str().unwrap()]].concat());
    assert_ne!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(schemat(&pair).stdout).unwrap();
    let expected = read_text(&text, SourceKind::Text);
    let (_, paragraphs) = read(&docx).unwrap();
    assert_eq!(texts(&paragraphs), texts(&expected));
    find(&paragraphs, "„2) referat ds. technologii bezpieczeństwa (IT-TB), w skład którego wchodzi:");
    assert!(find(&paragraphs, "Prezydenta Miasta Lublin").bold, "the title block is bold");
}

#[test]
fn old_polish_encodings_read_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let text = "§ 14\n1. Referat ds. technologii bezpieczeństwa realizuje zadania z zakresu:\n1) analizy zdarzeń i źródeł zagrożeń;\n";
    let lines: Vec<&str> = text.lines().collect();
    let windows = encoding_rs::WINDOWS_1250.encode(&text.replace("zadania", "„zadania”")).0.into_owned();
    let source = read_source(&write(dir.path(), "cp1250.txt", &windows)).unwrap();
    assert_eq!(source.paragraphs[1].text, "1. Referat ds. technologii bezpieczeństwa realizuje „zadania” z zakresu:");
    assert_eq!(source.notes, [Note::Decoded { encoding: Legacy::Windows1250, lines: Vec::new() }]);

    let iso = encoding_rs::ISO_8859_2.encode(text).0.into_owned();
    let source = read_source(&write(dir.path(), "iso.md", &iso)).unwrap();
    assert_eq!((source.kind, texts(&source.paragraphs)), (SourceKind::Markdown, lines.clone()));
    assert_eq!(source.notes, [Note::Decoded { encoding: Legacy::Iso8859_2, lines: Vec::new() }]);

    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let source = read_source(&write(dir.path(), "utf16.txt", &utf16)).unwrap();
    assert_eq!((texts(&source.paragraphs), source.notes.len()), (lines.clone(), 0));

    let mut mixed = "§ 14\nReferat – zadania:\n".as_bytes().to_vec();
    mixed.extend(encoding_rs::WINDOWS_1250.encode("1) analizy zdarzeń;\n").0.iter());
    let source = read_source(&write(dir.path(), "mixed.txt", &mixed)).unwrap();
    assert_eq!(texts(&source.paragraphs), ["§ 14", "Referat – zadania:", "1) analizy zdarzeń;"]);
    assert_eq!(source.notes, [Note::Decoded { encoding: Legacy::Windows1250, lines: vec![3..=3] }]);
    assert_eq!(
        source.notes[0].message(Lang::Pl),
        "wiersze 3 nie są w UTF-8 jak reszta pliku: odczytano je jako Windows-1250; sprawdź polskie litery"
    );
}

/// A DOCX-shaped zip whose document is `zeros` zero bytes, deflated as it is streamed.
fn zip_of_zeros(path: &Path, zeros: u64) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(zeros >= u64::from(u32::MAX));
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..zeros / chunk.len() as u64 {
        zip.write_all(&chunk).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_zip_bomb_is_refused_unpacked() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.docx");
    zip_of_zeros(&bomb, 1 << 30);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 2 << 20, "small on disk");
    let message = refused(&bomb);
    assert!(message.contains("unpacks to more than"), "{message}");
}

#[test]
fn a_zip_bomb_that_lies_about_its_size_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("liar.docx");
    zip_of_zeros(&bomb, 80 << 20);
    let honest = refused(&bomb);
    assert!(
        honest.ends_with(
            "part word/document.xml of the Word document unpacks to more than 64 MiB; the import does not read it"
        ),
        "{honest}"
    );
    // Declare 1,000 bytes in the local header and the central directory.
    let mut bytes = std::fs::read(&bomb).unwrap();
    let declared = 1000u32.to_le_bytes();
    let mut at = 0;
    while let Some(found) = bytes[at..].windows(4).position(|w| w == b"PK\x03\x04" || w == b"PK\x01\x02") {
        let start = at + found;
        let offset = if &bytes[start..start + 4] == b"PK\x03\x04" { 22 } else { 24 };
        bytes[start + offset..start + offset + 4].copy_from_slice(&declared);
        at = start + 4;
    }
    std::fs::write(&bomb, &bytes).unwrap();
    let message = refused(&bomb);
    assert!(message.contains("word/document.xml"), "{message}");
}

#[test]
fn damaged_and_foreign_files_are_refused_with_a_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = pack(Docx::new().add_paragraph(plain("§ 1")));
    let truncated = write(dir.path(), "truncated.docx", &good[..good.len() / 2]);
    assert!(refused(&truncated).contains("damaged"));

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("notes.txt", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(b"nothing").unwrap();
    let not_word = write(dir.path(), "archive.zip", &zip.finish().unwrap().into_inner());
    assert!(refused(&not_word).ends_with(": not a Word document (no word/document.xml)"));

    let mut odt = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    odt.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
    odt.write_all(b"<office:document-content/>").unwrap();
    let odt = write(dir.path(), "regulamin.odt", &odt.finish().unwrap().into_inner());
    assert!(refused(&odt).contains("OpenDocument"));

    let mut broken_xml = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    broken_xml.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    broken_xml.write_all(b"<w:document><w:body><w:p></w:body>").unwrap();
    let broken_xml = write(dir.path(), "broken.docx", &broken_xml.finish().unwrap().into_inner());
    assert!(refused(&broken_xml).contains("word/document.xml is not well-formed XML"));

    let doc = write(dir.path(), "old.doc", &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    assert!(refused(&doc).contains("Word 97-2003"));
    let renamed = write(dir.path(), "fake.docx", "§ 1 tekst".as_bytes());
    assert!(refused(&renamed).ends_with("named .docx but not a Word document (not a zip archive)"));
    let binary = write(dir.path(), "binary.txt", b"\x7fELF\x02\x01\x01\x00\x00");
    assert!(refused(&binary).ends_with("line 1 holds binary data (a NUL byte): not a text file"));
    let empty = write(dir.path(), "empty.md", b" \n\n\t\n");
    assert!(refused(&empty).ends_with(": the file holds no text"));
    let error = read(&empty).unwrap_err();
    assert!(matches!(error, ReadError::Content { .. }));
    assert!(error.message(Lang::Pl).ends_with(": plik nie zawiera tekstu"));
}

#[test]
fn a_50_mb_text_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    std::fs::File::create(&path).unwrap().set_len(50_000_000).unwrap();
    let message = refused(&path);
    assert!(message.ends_with("the file is 47.7 MiB; schemat reads files up to 16 MiB"), "{message}");
    assert_eq!(TEXT_LIMIT, 16 << 20);
    // A Word file may be larger (images), up to its own limit.
    let docx = dir.path().join("huge.docx");
    let mut file = std::fs::File::create(&docx).unwrap();
    file.write_all(b"PK\x03\x04").unwrap();
    file.set_len(DOCX_LIMIT + 1).unwrap();
    assert!(refused(&docx).ends_with("schemat reads files up to 64 MiB"));
}

#[test]
fn a_directory_and_a_fifo_are_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    assert!(refused(dir.path()).ends_with("this is a directory, not a file"));
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe.md");
        let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(status.success());
        assert!(refused(&fifo).contains("a named pipe (FIFO), not a regular file"));
    }
}

#[test]
fn a_part_packed_like_a_bomb_is_refused_under_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let dense = dir.path().join("dense.docx");
    zip_of_zeros(&dense, 8 << 20);
    let message = refused(&dense);
    assert!(message.contains("word/document.xml is packed more densely than any document (a zip bomb)"), "{message}");
}

/// The parts of the LibreOffice fixture, by name.
fn fixture_parts() -> Vec<(String, Vec<u8>)> {
    let bytes = std::fs::read(fixture("libreoffice-lists.docx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut data).unwrap();
            (entry.name().to_owned(), data)
        })
        .collect()
}

fn repack(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the text, reading it ends (no panic) with paragraphs of printed text.
    #[test]
    fn any_text_reads_without_a_panic(text in "[-*+#>\\\\&;#x0-9a-zA-Z ąęś„”§().\t\r\n]{0,120}|\\PC{0,80}") {
        for kind in [SourceKind::Markdown, SourceKind::Text] {
            for p in read_text(&text, kind) {
                prop_assert!(!p.text.is_empty() && p.text.trim() == p.text && !p.text.contains(['\n', '\t']));
            }
        }
    }

    /// Damaged XML in any part of a real DOCX is read or refused with a line, never a panic.
    #[test]
    fn a_damaged_docx_is_read_or_refused(
        part in 0usize..3,
        damage in proptest::collection::vec((any::<prop::sample::Index>(), prop::sample::select(b"<>/=\"&;#:w \x00\xff".to_vec())), 1..6),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let mut parts = fixture_parts();
        let name = ["word/document.xml", "word/numbering.xml", "word/styles.xml"][part];
        let data = &mut parts.iter_mut().find(|(n, _)| n == name).unwrap().1;
        for (at, byte) in &damage {
            let i = at.index(data.len());
            data[i] = *byte;
        }
        if let Some(cut) = cut {
            let len = cut.index(data.len());
            data.truncate(len);
        }
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "damaged.docx", &repack(&parts));
        if let Err(error) = read(&path) {
            prop_assert!(!error.to_string().contains('\n'));
        }
    }
}
