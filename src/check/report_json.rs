//! The report as one JSON document for other tools (CI dashboards, the translation agency's
//! scripts). The shape is documented in `docs/check-json.md` and identified by
//! [`super::JSON_SCHEMA`]; it is deterministic (sorted, no timings) so two runs on the same
//! sources give the same bytes.

use super::Report;

/// Pretty-printed JSON of the report, with a final newline.
pub fn to_json(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_else(|e| {
        // Serializing plain strings and numbers cannot fail; say so loudly if it ever does.
        format!(
            "{{\"schema\":\"{}\",\"error\":\"{e}\"}}",
            super::JSON_SCHEMA
        )
    });
    text.push('\n');
    text
}
