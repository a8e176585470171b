//! The style profile of an amending ordinance: the settings of
//! `../shared/docs/amendment-spec.md` §13, with Lublin's practice (the
//! reference ordinance Z58) as the default and the ZTP-recommended forms as
//! the alternative.

/// How an amending ordinance is worded where practice differs.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// § 1 opening in the first person ("wprowadzam następujące zmiany:",
    /// Lublin) or impersonal ("wprowadza się następujące zmiany:", ZTP) (D6).
    pub first_person: bool,
    /// The title names the amended act's number and date (Lublin) or only its subject (ZTP) (D7).
    pub title_with_number: bool,
    /// Two consecutive units written as a range ("§ 22g-22h", Z58) instead of "§ 22g i 22h" (N9a, D5).
    pub range_for_two: bool,
    /// The range glyph: "-" (Z58) or "–" (printed Dz. U.) (N9c).
    pub dash: &'static str,
    /// Appending at the end names the last unit ("po ust. 3 dodaje się ust. 4", Z58) (K5a, D10).
    pub append_with_anchor: bool,
    /// The legal basis sentence before "zarządzam, co następuje:"; the Dz. U.
    /// citation must be current on the signing date, so the clerk checks it.
    pub legal_basis: String,
    /// The organ's signature line under the ordinance, e.g. "Prezydent Miasta Lublin".
    pub signature: String,
    /// T2/T3: the share of changed leaves from which a whole § or ust. is replaced.
    pub whole_share: f64,
    /// T2(b): more instruction items than this for one § replaces it whole.
    pub max_items: usize,
    /// T6(iv): a word change (K6-K8) found in at least this many places is
    /// written as one word operation; in fewer, each piece is replaced (K2).
    /// Z58 replaces a one-place change of words whole, so Lublin's is 2; 1
    /// writes K6, K7 or K8 in one place too (the clerk's choice).
    pub word_places: usize,
}

/// Z58's legal basis (Dz. U. citation as of December 2021).
pub const LUBLIN_LEGAL_BASIS: &str = "Na podstawie art. 33 ust. 2 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (Dz. U. z 2021 r. poz. 1372 i 1834) oraz § 85 Regulaminu Organizacyjnego Urzędu Miasta Lublin stanowiącego załącznik do zarządzenia nr 32/12/2018 Prezydenta Miasta Lublin z dnia 21 grudnia 2018 r. w sprawie nadania Regulaminu Organizacyjnego Urzędu Miasta Lublin (j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r.) zarządzam, co następuje:";

impl Style {
    /// Lublin's defaults (spec §13, the "Lublin default" column).
    pub fn lublin() -> Self {
        Self {
            first_person: true,
            title_with_number: true,
            range_for_two: true,
            dash: "-",
            append_with_anchor: true,
            legal_basis: LUBLIN_LEGAL_BASIS.to_owned(),
            signature: "Prezydent Miasta Lublin".to_owned(),
            whole_share: 0.5,
            max_items: 4,
            word_places: 2,
        }
    }

    /// The forms the spec recommends (N9a "X i Y", N9c "–", ZTP "wprowadza się").
    pub fn recommended() -> Self {
        Self { first_person: false, range_for_two: false, dash: "–", ..Self::lublin() }
    }
}

impl Default for Style {
    fn default() -> Self {
        Self::lublin()
    }
}
