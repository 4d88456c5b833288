//! brochure turns one folder of product data into a trilingual static catalog site.
//!
//! The build is a pipeline of stages, each in its own module and testable alone:
//!
//! 1. [`config`] and [`content`] load and validate the sources (YAML, Markdown, TOML);
//!    [`i18n`] loads the Fluent catalogs and the ICU4X formatters; [`theme`] the templates.
//! 2. [`site`] joins them into one immutable in-memory [`site::Site`] model.
//! 3. [`plan`] lists every output the site will have ([`plan::Route`]: URL, language, template).
//! 4. [`render`] turns each route into bytes — a pure function of the model and the route, so
//!    routes render in parallel and two builds are byte-identical.
//! 5. [`output`] writes everything into a fresh folder and swaps it in atomically, so a failed
//!    build never touches the last good site.
//!
//! [`build`] drives the stages; `main.rs` is a thin command line over it. `serve` runs the same
//! stages incrementally: [`reuse`] keeps parses and Markdown between loads, and [`depend`]
//! records what each output read so only outputs whose inputs changed are made again.

pub mod build;
pub mod cache;
pub mod check;
pub mod config;
pub mod content;
pub mod depend;
pub mod diagnostics;
pub mod i18n;
pub mod images;
pub mod limits;
pub mod markdown;
pub mod minify;
pub mod output;
pub mod plan;
pub mod print;
pub mod render;
pub mod reuse;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
pub mod theme;
pub mod trace;
pub mod xliff;
