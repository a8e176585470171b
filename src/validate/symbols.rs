//! The Lublin symbol convention: checking symbols and suggesting the next one.
//!
//! As the Regulamin of the Departament Organizacji i Administracji shows it: a
//! division has a letter code (`IT`, `OM`); a referat or zespół extends its
//! division's symbol by a letter code (`IT-SS`); a position extends the symbol
//! of the organizational unit it is in by a Roman numeral (`IT-SS-I` …
//! `IT-SS-IV`; a position directly in the division: `IT-I`); a kierownik
//! referatu carries the referat's symbol (`IT-SS`); a Zastępca Dyrektora is `Z`
//! plus a Roman numeral after the division's symbol (`IT-ZI`, `IT-ZII`,
//! `IT-ZIII`); a dyrektor carries the division's symbol or adds `-D`.
//! Directors and deputies are people, not organizational units: a referat they
//! supervise still extends the division's symbol (IT-SS under IT-ZIII).

use std::collections::{HashMap, HashSet};

use super::{Code, Finding, Lookup, text};
use crate::i18n::Lang;
use crate::model::{Document, Unit, UnitId, UnitKind};

/// Organizational units own a symbol prefix; directors, deputies and positions are people.
fn is_organizational(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Departament | UnitKind::Wydzial | UnitKind::Biuro | UnitKind::Referat | UnitKind::Zespol)
}

/// The nearest organizational unit above `unit`: its symbol is the prefix `unit` extends.
fn organizational_ancestor<'a>(lookup: &Lookup<'a>, unit: &Unit) -> Option<&'a Unit> {
    lookup.ancestors(unit).find(|u| is_organizational(u.kind))
}

/// The organizational unit whose symbol a new unit under `parent` extends.
fn base_for_child<'a>(lookup: &Lookup<'a>, parent: &'a Unit) -> Option<&'a Unit> {
    if is_organizational(parent.kind) { Some(parent) } else { organizational_ancestor(lookup, parent) }
}

/// The value of a Roman numeral in canonical form (I … MMMCMXCIX), or `None`.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= *v as i64,
            _ => total += *v as i64,
        }
    }
    let total = u32::try_from(total).ok().filter(|t| (1..4000).contains(t))?;
    (to_roman(total) == s).then_some(total)
}

/// `n` as a canonical Roman numeral (1 ≤ n < 4000; other values give "").
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    if n >= 4000 {
        return out;
    }
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// A letter code such as `IT`, `SS`, `OM`: one to six uppercase letters (Polish included).
fn is_letter_code(s: &str) -> bool {
    (1..=6).contains(&s.chars().count()) && s.chars().all(|c| c.is_uppercase() && c.is_alphabetic())
}

/// What a symbol must look like; `None` when the convention cannot judge it.
enum Expected {
    /// Exactly this symbol (a kierownik carries the referat's).
    Exactly(String),
    /// `prefix` + Roman numeral.
    Roman(String),
    /// `prefix` + letter code (a referat, a zespół or a nested division).
    Code(String),
    /// A letter code on its own or `prefix` + letter code (a division).
    Division(String),
    /// The division's symbol itself or with `-D` (a dyrektor).
    Director(String),
}

impl Expected {
    fn accepts(&self, symbol: &str) -> bool {
        match self {
            Expected::Exactly(s) => symbol == s,
            Expected::Roman(prefix) => symbol.strip_prefix(prefix.as_str()).is_some_and(|r| roman_value(r).is_some()),
            Expected::Code(prefix) => symbol.strip_prefix(prefix.as_str()).is_some_and(is_letter_code),
            Expected::Division(prefix) => {
                is_letter_code(symbol) || symbol.strip_prefix(prefix.as_str()).is_some_and(is_letter_code)
            }
            Expected::Director(base) => symbol == base || symbol.strip_prefix(base.as_str()) == Some("-D"),
        }
    }

    fn describe(&self, lang: Lang) -> String {
        let roman = text::roman_placeholder(lang);
        let code = text::code_placeholder(lang);
        match self {
            Expected::Exactly(s) => s.clone(),
            Expected::Roman(prefix) => format!("{prefix}{roman}"),
            Expected::Code(prefix) => format!("{prefix}{code}"),
            Expected::Division(prefix) => format!("{code} / {prefix}{code}"),
            Expected::Director(base) => format!("{base} / {base}-D"),
        }
    }
}

/// The form the symbol of a `kind` unit under `base` (its organizational
/// ancestor's symbol) must take.
fn expected_symbol(kind: UnitKind, base: &str) -> Option<Expected> {
    if base.is_empty() {
        return None;
    }
    Some(match kind {
        UnitKind::Departament => return None,
        UnitKind::Wydzial | UnitKind::Biuro => Expected::Division(format!("{base}-")),
        UnitKind::Referat | UnitKind::Zespol => Expected::Code(format!("{base}-")),
        UnitKind::Dyrektor => Expected::Director(base.to_owned()),
        UnitKind::ZastepcaDyrektora => Expected::Roman(format!("{base}-Z")),
        UnitKind::KierownikReferatu => Expected::Exactly(base.to_owned()),
        UnitKind::StanowiskoPracy | UnitKind::WieloosoboweStanowiskoPracy | UnitKind::SamodzielneStanowisko => {
            Expected::Roman(format!("{base}-"))
        }
    })
}

/// The organizational unit whose symbol `unit` carries by convention (a
/// kierownik its referat's, a dyrektor its division's), if it does.
fn carries_symbol_of<'a>(lookup: &Lookup<'a>, unit: &Unit) -> Option<&'a Unit> {
    if !matches!(unit.kind, UnitKind::KierownikReferatu | UnitKind::Dyrektor) {
        return None;
    }
    organizational_ancestor(lookup, unit).filter(|owner| owner.symbol == unit.symbol)
}

pub(super) fn check_symbols(lookup: &Lookup, out: &mut Vec<Finding>) {
    let doc = lookup.doc;
    // Duplicates: the first owner of a symbol keeps it; one carrier per kind may share it.
    let mut owners: HashMap<&str, &Unit> = HashMap::new();
    let mut carriers: HashSet<(&str, UnitKind, &UnitId)> = HashSet::new();
    for unit in doc.units.iter().filter(|u| !u.symbol.is_empty()) {
        if let Some(owner) = carries_symbol_of(lookup, unit)
            && carriers.insert((unit.symbol.as_str(), unit.kind, &owner.id))
        {
            continue;
        }
        match owners.get(unit.symbol.as_str()) {
            Some(first) => out.push(Finding::new(Code::DuplicateSymbol, Some(&unit.id), |l| {
                text::duplicate_symbol(l, &unit.symbol, &first.label())
            })),
            None => {
                owners.insert(&unit.symbol, unit);
            }
        }
    }
    let numerals = Numerals::of(doc);
    for unit in doc.units.iter().filter(|u| u.parent.is_some()) {
        let base = organizational_ancestor(lookup, unit).map_or("", |u| u.symbol.as_str());
        if unit.symbol.trim().is_empty() {
            if unit.kind != UnitKind::Dyrektor {
                let suggestion = lookup.parent(unit).and_then(|p| suggest(lookup, &numerals, p, unit.kind));
                out.push(Finding::new(Code::MissingSymbol, Some(&unit.id), |l| {
                    text::missing_symbol(l, suggestion.as_deref())
                }));
            }
            continue;
        }
        if let Some(expected) = expected_symbol(unit.kind, base)
            && !expected.accepts(&unit.symbol)
        {
            out.push(Finding::new(Code::SymbolConvention, Some(&unit.id), |l| {
                text::symbol_convention(l, &unit.symbol, &expected.describe(l))
            }));
        }
    }
}

/// The highest Roman numeral used after each prefix: `"IT-SS-"` → 4 for
/// positions, `"IT-Z"` → 3 for deputies. Only positions and deputies count, so
/// a referat whose letter code happens to be a numeral (`IT-CD`) does not.
struct Numerals(HashMap<String, u32>);

impl Numerals {
    fn of(doc: &Document) -> Self {
        let mut highest: HashMap<String, u32> = HashMap::new();
        for unit in &doc.units {
            let split = match unit.kind {
                UnitKind::ZastepcaDyrektora => unit.symbol.rfind("-Z").map(|at| at + 2),
                kind if kind.is_position() && kind != UnitKind::KierownikReferatu => {
                    unit.symbol.rfind('-').map(|at| at + 1)
                }
                _ => None,
            };
            if let Some(at) = split
                && let Some(value) = roman_value(&unit.symbol[at..])
            {
                let entry = highest.entry(unit.symbol[..at].to_owned()).or_default();
                *entry = (*entry).max(value);
            }
        }
        Self(highest)
    }

    /// `prefix` followed by the numeral after the highest one used.
    fn next(&self, prefix: String) -> String {
        let next = self.0.get(&prefix).copied().unwrap_or(0) + 1;
        format!("{prefix}{}", to_roman(next))
    }
}

/// The next symbol for a new unit of `kind` under `parent` by the Lublin
/// convention: the next free Roman numeral for positions (`IT-SS-V` after
/// `IT-SS-IV`) and deputies (`IT-ZIV` after `IT-ZIII`), the referat's symbol
/// for its kierownik, the division's for a dyrektor. `None` when the convention
/// leaves it to the user (the letter code of a referat or a division) or there
/// is no symbol to extend.
pub fn suggest_symbol(doc: &Document, parent: &UnitId, kind: UnitKind) -> Option<String> {
    let lookup = Lookup::new(doc);
    suggest(&lookup, &Numerals::of(doc), lookup.unit(parent)?, kind)
}

fn suggest(lookup: &Lookup, numerals: &Numerals, parent: &Unit, kind: UnitKind) -> Option<String> {
    let base = base_for_child(lookup, parent)?;
    if base.symbol.is_empty() {
        return None;
    }
    match kind {
        UnitKind::KierownikReferatu | UnitKind::Dyrektor => Some(base.symbol.clone()),
        UnitKind::ZastepcaDyrektora => Some(numerals.next(format!("{}-Z", base.symbol))),
        UnitKind::StanowiskoPracy | UnitKind::WieloosoboweStanowiskoPracy | UnitKind::SamodzielneStanowisko => {
            Some(numerals.next(format!("{}-", base.symbol)))
        }
        UnitKind::Departament | UnitKind::Wydzial | UnitKind::Biuro | UnitKind::Referat | UnitKind::Zespol => None,
    }
}
