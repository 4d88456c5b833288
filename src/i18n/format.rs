//! Locale-aware numbers and dates through ICU4X.
//!
//! Spec tables are full of numbers; a Russian buyer reads `21 500` and `1,25`, an English one
//! `21,500` and `1.25`. Hand-rolled formatting gets grouping and separators subtly wrong, so every
//! number on the site goes through ICU4X's CLDR data.

use fixed_decimal::{Decimal, FloatPrecision, SignedRoundingMode, UnsignedRoundingMode};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_datetime::input::Date;
use icu_decimal::DecimalFormatter;
use icu_decimal::options::DecimalFormatterOptions;
use icu_locale_core::Locale;

/// Formats numbers for one locale.
#[derive(Debug)]
pub struct NumberFormat {
    formatter: DecimalFormatter,
}

impl NumberFormat {
    pub fn new(locale: &str) -> Result<Self, String> {
        let locale: Locale = locale
            .parse()
            .map_err(|e| format!("bad locale `{locale}`: {e}"))?;
        let formatter =
            DecimalFormatter::try_new((&locale).into(), DecimalFormatterOptions::default())
                .map_err(|e| format!("no number format for `{locale}`: {e}"))?;
        Ok(NumberFormat { formatter })
    }

    /// `value` with the locale's separators. `decimals` fixes the number of fraction digits;
    /// without it the shortest exact form is used (`1.25`, `21500`).
    pub fn format(&self, value: f64, decimals: Option<u8>) -> String {
        self.format_range(value, decimals, decimals)
    }

    /// `value` with at least `min` and at most `max` fraction digits (Fluent's
    /// `minimumFractionDigits` / `maximumFractionDigits`).
    pub fn format_range(&self, value: f64, min: Option<u8>, max: Option<u8>) -> String {
        let Ok(mut decimal) = Decimal::try_from_f64(value, FloatPrecision::RoundTrip) else {
            return value.to_string();
        };
        if let Some(max) = max {
            // Catalogs round like people do (2.345 → 2.35), not to even.
            decimal.round_with_mode(
                -i16::from(max),
                SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand),
            );
        }
        if let Some(min) = min {
            decimal.absolute.pad_end(-i16::from(min));
        }
        self.formatter.format(&decimal).to_string()
    }
}

/// Formats calendar dates for one locale, in the long form (`26 ноября 2026 г.`).
#[derive(Debug)]
pub struct DateFormat {
    formatter: DateTimeFormatter<YMD>,
}

impl DateFormat {
    pub fn new(locale: &str) -> Result<Self, String> {
        let locale: Locale = locale
            .parse()
            .map_err(|e| format!("bad locale `{locale}`: {e}"))?;
        let formatter = DateTimeFormatter::try_new((&locale).into(), YMD::long())
            .map_err(|e| format!("no date format for `{locale}`: {e}"))?;
        Ok(DateFormat { formatter })
    }

    /// The date as the locale writes it, never broken across lines: its spaces are no-break
    /// spaces ("15 сентября 2026 г." must not leave "г." alone on the next line).
    pub fn format(&self, year: i32, month: u8, day: u8) -> String {
        match Date::try_new_iso(year, month, day) {
            Ok(date) => self
                .formatter
                .format(&date)
                .to_string()
                .replace(' ', "\u{a0}"),
            Err(_) => format!("{year:04}-{month:02}-{day:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_locale() {
        let en = NumberFormat::new("en-US").unwrap();
        let zh = NumberFormat::new("zh-CN").unwrap();
        let ru = NumberFormat::new("ru-RU").unwrap();
        assert_eq!(en.format(1234567.5, None), "1,234,567.5");
        assert_eq!(zh.format(1234567.5, None), "1,234,567.5");
        assert_eq!(ru.format(1234567.5, None), "1\u{a0}234\u{a0}567,5");
        assert_eq!(en.format(21500.0, None), "21,500");
        assert_eq!(ru.format(1.25, None), "1,25");
        assert_eq!(en.format(2.0, Some(1)), "2.0");
        assert_eq!(en.format(2.345, Some(2)), "2.35");
    }

    #[test]
    fn dates_follow_the_locale() {
        assert_eq!(
            DateFormat::new("en-US").unwrap().format(2026, 9, 15),
            "September\u{a0}15,\u{a0}2026"
        );
        assert_eq!(
            DateFormat::new("zh-CN").unwrap().format(2026, 9, 15),
            "2026年9月15日"
        );
        assert_eq!(
            DateFormat::new("ru-RU").unwrap().format(2026, 9, 15),
            "15\u{a0}сентября\u{a0}2026\u{202f}г."
        );
    }
}
