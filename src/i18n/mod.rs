//! Everything language-specific: Fluent message catalogs and ICU4X number and date formats.

mod catalog;
pub mod fallback;
mod format;
pub mod ftl;

pub use catalog::{Catalog, CatalogSource, Formatted, Origin};
pub use format::{DateFormat, NumberFormat};
