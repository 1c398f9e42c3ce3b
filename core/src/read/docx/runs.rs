//! Run-level pieces of WordprocessingML: symbol fonts (Wingdings tick boxes)
//! and fields (legacy FORMCHECKBOX and FORMDROPDOWN form fields, and which
//! runs of a complex field are its displayed result).

use crate::read::document::{TICKED, UNTICKED};

/// A font whose characters are pictures, not letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SymbolFont {
    Wingdings,
    Wingdings2,
    Symbol,
}

pub(crate) fn symbol_font(name: &str) -> Option<SymbolFont> {
    match name.trim().to_ascii_lowercase().as_str() {
        "wingdings" => Some(SymbolFont::Wingdings),
        "wingdings 2" => Some(SymbolFont::Wingdings2),
        "symbol" => Some(SymbolFont::Symbol),
        _ => None,
    }
}

/// The character a symbol-font code shows, for the glyphs that matter here:
/// tick boxes, ticks, crosses and bullets. Others give `None` and are left out.
/// Word stores the codes either as-is or shifted into U+F0xx.
pub(crate) fn symbol_char(font: SymbolFont, code: u32) -> Option<char> {
    let code = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    match (font, code) {
        // ☑ ☒ ✓ in Wingdings; ✓ ☑ ☒ in Wingdings 2: all "ticked".
        (SymbolFont::Wingdings, 0xFC..=0xFE) => Some(TICKED),
        (SymbolFont::Wingdings2, 0x50 | 0x52 | 0x53 | 0x54) => Some(TICKED),
        // ◻ □ ❑ ❒ in Wingdings; □ in Wingdings 2: an empty box.
        (SymbolFont::Wingdings, 0xA8 | 0x6F | 0x71 | 0x72) => Some(UNTICKED),
        (SymbolFont::Wingdings2, 0xA3 | 0x2A) => Some(UNTICKED),
        (SymbolFont::Wingdings, 0xFB) | (SymbolFont::Wingdings2, 0x4F) => Some('✗'),
        (SymbolFont::Wingdings, 0x9F | 0xA7) | (SymbolFont::Symbol, 0xB7) => Some('•'),
        _ => None,
    }
}

/// A complex field (`w:fldChar` begin ... separate ... end) being read.
#[derive(Debug, Default)]
pub(crate) struct Field {
    /// Past `separate`: runs now are the displayed result.
    pub in_result: bool,
    /// The start of the instruction text (enough to know the field's kind).
    pub instruction: String,
    /// FORMCHECKBOX state: `w:checked` wins over `w:default`.
    pub checked: Option<bool>,
    pub default: Option<bool>,
    /// FORMDROPDOWN: the chosen entry and the entries.
    pub dropdown_choice: Option<usize>,
    pub dropdown_entries: Vec<String>,
}

/// Instruction text kept per field: its first word is all that is needed.
const INSTRUCTION_KEEP: usize = 64;
/// Entries kept per drop-down (Word allows 25).
const DROPDOWN_KEEP: usize = 64;

impl Field {
    pub(crate) fn push_instruction(&mut self, text: &str) {
        for c in text.chars() {
            if self.instruction.len() >= INSTRUCTION_KEEP {
                break;
            }
            self.instruction.push(c);
        }
    }

    pub(crate) fn push_entry(&mut self, entry: String) {
        if self.dropdown_entries.len() < DROPDOWN_KEEP {
            self.dropdown_entries.push(entry);
        }
    }

    fn kind(&self) -> String {
        self.instruction
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase()
    }

    /// Text the field shows that is not in its result runs: a tick box for
    /// FORMCHECKBOX, the chosen entry for a FORMDROPDOWN with no result runs.
    pub(crate) fn shown_at_end(&self) -> Option<String> {
        match self.kind().as_str() {
            "FORMCHECKBOX" => {
                let ticked = self.checked.or(self.default).unwrap_or(false);
                Some(if ticked { TICKED } else { UNTICKED }.to_string())
            }
            "FORMDROPDOWN" if !self.in_result => self
                .dropdown_entries
                .get(self.dropdown_choice.unwrap_or(0))
                .cloned(),
            _ => None,
        }
    }
}

/// An OOXML on/off value: absent or "1"/"true"/"on" is on.
pub(crate) fn on_off(value: Option<&str>) -> bool {
    !matches!(value.map(str::trim), Some("0" | "false" | "off"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wingdings_tick_boxes_map_to_the_two_boxes() {
        let wingdings = symbol_font("Wingdings").unwrap();
        assert_eq!(symbol_char(wingdings, 0xF0FE), Some('☒'));
        assert_eq!(symbol_char(wingdings, 0xA8), Some('☐'));
        assert_eq!(
            symbol_char(symbol_font("Wingdings 2").unwrap(), 0x54),
            Some('☒')
        );
        assert_eq!(symbol_char(wingdings, 0x41), None);
        assert_eq!(symbol_font("Arial"), None);
    }

    #[test]
    fn form_checkbox_shows_checked_over_default() {
        let mut field = Field::default();
        field.push_instruction(" FORMCHECKBOX ");
        field.default = Some(false);
        assert_eq!(field.shown_at_end().as_deref(), Some("☐"));
        field.checked = Some(true);
        assert_eq!(field.shown_at_end().as_deref(), Some("☒"));
        let mut dropdown = Field::default();
        dropdown.push_instruction("FORMDROPDOWN");
        dropdown.push_entry("Mr".into());
        dropdown.push_entry("Mx".into());
        dropdown.dropdown_choice = Some(1);
        assert_eq!(dropdown.shown_at_end().as_deref(), Some("Mx"));
        assert!(on_off(None) && on_off(Some("true")) && !on_off(Some("0")));
    }
}
