//! The bytes of a text source as text: UTF-8 (a BOM stripped), UTF-16 with
//! a BOM, and the single-byte encodings of old Polish files, Windows-1250
//! and ISO-8859-2, for the lines that are not UTF-8.
//!
//! A file can mix them (a UTF-8 file with lines pasted from an old one):
//! then each line is decoded by itself and the note says which lines were
//! guessed, since a clerk would rather check three lines than be refused.
//! The two single-byte encodings differ in the Polish letters ą, ś, ź (and
//! Ą, Ś, Ź) and in the quotes „ ” and the dash –, which Windows-1250 has
//! where ISO-8859-2 has control codes: the bytes of those decide.

use encoding_rs::{Encoding, ISO_8859_2, UTF_16BE, UTF_16LE, WINDOWS_1250};

use super::error::{Legacy, Note, Problem};

/// A decoded text and what was guessed to decode it.
#[derive(Debug)]
pub(super) struct Decoded {
    pub text: String,
    pub notes: Vec<Note>,
}

pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, Problem> {
    let utf16 = match bytes {
        [0xff, 0xfe, rest @ ..] => Some((UTF_16LE, rest)),
        [0xfe, 0xff, rest @ ..] => Some((UTF_16BE, rest)),
        _ => None,
    };
    if let Some((encoding, rest)) = utf16 {
        let text = encoding.decode_without_bom_handling_and_without_replacement(rest).ok_or(Problem::BadUtf16)?;
        refuse_nul(text.as_bytes())?;
        return Ok(Decoded { text: text.into_owned(), notes: Vec::new() });
    }
    if let Some((big_endian, text)) = bomless_utf16(bytes) {
        refuse_nul(text.as_bytes())?;
        return Ok(Decoded { text, notes: vec![Note::Utf16WithoutBom { big_endian }] });
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    refuse_nul(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_owned(), notes: Vec::new() });
    }
    Ok(by_lines(bytes))
}

/// UTF-16 without a byte order mark, told by its zeros: in text of Latin
/// letters most high bytes are 0 (at odd offsets in little-endian, even in
/// big-endian) and no low byte is. Returns big-endian and the text.
fn bomless_utf16(bytes: &[u8]) -> Option<(bool, String)> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zeros = |offset: usize| bytes.iter().skip(offset).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    let half = bytes.len() / 4;
    let (encoding, big_endian) = match (even, odd) {
        (0, odd) if odd > half => (UTF_16LE, false),
        (even, 0) if even > half => (UTF_16BE, true),
        _ => return None,
    };
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    Some((big_endian, text.into_owned()))
}

/// NUL never occurs in text; it is the mark of a binary file (or UTF-16 without a BOM).
fn refuse_nul(bytes: &[u8]) -> Result<(), Problem> {
    match bytes.iter().position(|&b| b == 0) {
        Some(at) => Err(Problem::Binary { line: 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() }),
        None => Ok(()),
    }
}

/// Each line that is UTF-8 as it is, the others in the single-byte encoding their bytes point to.
fn by_lines(bytes: &[u8]) -> Decoded {
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let foreign: Vec<usize> = (0..lines.len()).filter(|&i| std::str::from_utf8(lines[i]).is_err()).collect();
    let legacy = guess(foreign.iter().map(|&i| lines[i]));
    let encoding: &'static Encoding = match legacy {
        Legacy::Windows1250 => WINDOWS_1250,
        Legacy::Iso8859_2 => ISO_8859_2,
    };
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut next = foreign.iter().peekable();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        if next.next_if(|&&f| f == i).is_some() {
            text.push_str(&encoding.decode_without_bom_handling(line).0);
        } else {
            // Checked above: the lines not in `foreign` are UTF-8.
            text.push_str(&String::from_utf8_lossy(line));
        }
    }
    // Lines of plain ASCII read the same in every encoding: only UTF-8 lines
    // with letters beyond ASCII make the file mixed.
    let mixed = (0..lines.len()).any(|i| !lines[i].is_ascii() && foreign.binary_search(&i).is_err());
    let ranges = if mixed { ranges(foreign.iter().map(|&i| i + 1)) } else { Vec::new() };
    Decoded { text, notes: vec![Note::Decoded { encoding: legacy, lines: ranges }] }
}

/// Windows-1250 unless the bytes look like ISO-8859-2: its ą, ś, ź, Ą, Ś, Ź
/// and none of the bytes that are control codes in ISO-8859-2 (0x80-0x9f,
/// where Windows-1250 has ś, ź, Ś, Ź, „ ” and –).
fn guess<'a>(lines: impl Iterator<Item = &'a [u8]>) -> Legacy {
    let (mut windows, mut iso) = (0usize, 0usize);
    for &b in lines.flatten() {
        match b {
            0x80..=0x9f | 0xb9 | 0xa5 => windows += 1,
            0xb1 | 0xb6 | 0xbc | 0xa1 | 0xa6 | 0xac => iso += 1,
            _ => {}
        }
    }
    if iso > windows { Legacy::Iso8859_2 } else { Legacy::Windows1250 }
}

/// Sorted line numbers as runs: 3, 7, 8, 9 → 3..=3, 7..=9.
fn ranges(numbers: impl Iterator<Item = usize>) -> Vec<std::ops::RangeInclusive<usize>> {
    let mut out: Vec<std::ops::RangeInclusive<usize>> = Vec::new();
    for n in numbers {
        match out.last_mut() {
            Some(last) if *last.end() + 1 == n => *last = *last.start()..=n,
            _ => out.push(n..=n),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLISH: &str = "Zażółć gęślą jaźń „Referat” – ĄŚŹ";

    fn encoded(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    #[test]
    fn windows_1250_and_iso_8859_2_are_told_apart() {
        let windows = decode(&encoded(WINDOWS_1250, POLISH)).unwrap();
        assert_eq!(windows.text, POLISH);
        assert_eq!(windows.notes, vec![Note::Decoded { encoding: Legacy::Windows1250, lines: Vec::new() }]);
        // ISO-8859-2 has no „ ” –.
        let plain = "Zażółć gęślą jaźń ĄŚŹ";
        let iso = decode(&encoded(ISO_8859_2, plain)).unwrap();
        assert_eq!(iso.text, plain);
        assert_eq!(iso.notes, vec![Note::Decoded { encoding: Legacy::Iso8859_2, lines: Vec::new() }]);
    }

    #[test]
    fn utf8_with_a_bom_and_utf16_read_without_notes() {
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(POLISH.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, POLISH);
        let mut le = vec![0xff, 0xfe];
        le.extend(POLISH.encode_utf16().flat_map(u16::to_le_bytes));
        let read = decode(&le).unwrap();
        assert_eq!((read.text.as_str(), read.notes.len()), (POLISH, 0));
        let mut be = vec![0xfe, 0xff];
        be.extend(POLISH.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().text, POLISH);
        // An odd byte after the BOM is not UTF-16.
        assert_eq!(decode(&[0xff, 0xfe, 0x41]).unwrap_err(), Problem::BadUtf16);
    }

    #[test]
    fn mixed_lines_are_decoded_each_and_listed() {
        let mut bytes = "§ 1\nReferat ds. serwisu – zadania\n".as_bytes().to_vec();
        bytes.extend(encoded(WINDOWS_1250, "1) zarządzania stacjami roboczymi;\n2) obsługi zgłoszeń;\n"));
        bytes.extend("3) nadzoru nad siecią.".as_bytes());
        let read = decode(&bytes).unwrap();
        assert_eq!(
            read.text,
            "§ 1\nReferat ds. serwisu – zadania\n1) zarządzania stacjami roboczymi;\n2) obsługi zgłoszeń;\n3) nadzoru nad siecią."
        );
        assert_eq!(read.notes, vec![Note::Decoded { encoding: Legacy::Windows1250, lines: vec![3..=4] }]);
    }

    #[test]
    fn a_nul_byte_is_binary_data_on_its_line() {
        assert_eq!(decode(b"tekst\nwiersz\x00\n").unwrap_err(), Problem::Binary { line: 2 });
        // Text in UTF-16 without its byte order mark is read, with a note.
        let bomless: Vec<u8> = POLISH.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let read = decode(&bomless).unwrap();
        assert_eq!((read.text.as_str(), read.notes), (POLISH, vec![Note::Utf16WithoutBom { big_endian: true }]));
        let mut utf16_nul = vec![0xff, 0xfe];
        utf16_nul.extend("a\0".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16_nul).unwrap_err(), Problem::Binary { line: 1 });
    }
}
