//! Money as people type and read it: yuan with at most two decimals in, integer fen (分) out, and
//! back. Prices in the data are always integer fen; the editor's price fields go through here.

/// The largest price a preview accepts: ¥10 000 000.00. Keeps every sum far from overflow.
pub const MAX_FEN: i64 = 1_000_000_000;

/// Why a typed price is not an amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum MoneyProblem {
    Empty,
    /// Not a plain decimal number (letters, two points, a sign, an exponent, …).
    NotANumber,
    /// More than two decimals: not a whole number of fen.
    NotWholeFen,
    TooLarge,
}

/// `"12.5"` → 1250 fen. Accepts digits with at most one point and two decimals, an optional
/// leading `¥`/`￥`, full-width digits and surrounding spaces; nothing else.
pub fn parse_yuan(text: &str) -> Result<i64, MoneyProblem> {
    let text = text.trim();
    let text = text
        .strip_prefix('¥')
        .or_else(|| text.strip_prefix('￥'))
        .unwrap_or(text)
        .trim_start();
    if text.is_empty() {
        return Err(MoneyProblem::Empty);
    }
    let mut whole: i64 = 0;
    let mut decimals: Option<u32> = None;
    let mut frac: i64 = 0;
    let mut digits = 0;
    for c in text.chars() {
        let digit = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            '０'..='９' => u32::from(c) - u32::from('０'),
            '.' | '．' if decimals.is_none() => {
                decimals = Some(0);
                continue;
            }
            _ => return Err(MoneyProblem::NotANumber),
        };
        digits += 1;
        match decimals.as_mut() {
            None => {
                whole = whole
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(i64::from(digit)))
                    .ok_or(MoneyProblem::TooLarge)?;
                if whole > MAX_FEN / 100 {
                    return Err(MoneyProblem::TooLarge);
                }
            }
            Some(n) => {
                *n += 1;
                if *n > 2 {
                    return Err(MoneyProblem::NotWholeFen);
                }
                frac = frac * 10 + i64::from(digit);
            }
        }
    }
    if digits == 0 {
        return Err(MoneyProblem::NotANumber);
    }
    let frac = match decimals {
        Some(1) => frac * 10,
        _ => frac,
    };
    let fen = whole * 100 + frac;
    if fen > MAX_FEN {
        return Err(MoneyProblem::TooLarge);
    }
    Ok(fen)
}

/// 1250 → `"12.50"`, 1200 → `"12"`, -5 → `"-0.05"`: whole yuan without decimals, otherwise two.
pub fn format_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    if abs.is_multiple_of(100) {
        format!("{sign}{}", abs / 100)
    } else {
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}
