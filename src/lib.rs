//! casebook turns a folder of Norwegian municipal case reports (Markdown with
//! YAML front matter) into an accessible, searchable static catalogue.
//!
//! The pipeline runs one way: [`config`] and [`content`] load the site,
//! [`schema`] validates each case into a [`schema::Case`] or diagnostics,
//! [`catalogue`] indexes them, [`render`] produces pages and [`output`] writes
//! them atomically. [`pipeline`] is the one driver that runs these stages,
//! for `check`, `build` and [`serve`], the development server.

pub mod catalogue;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod fingerprint;
pub mod norwegian;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod schema;
pub mod search;
pub mod serve;
pub mod skin;
pub mod timings;
pub mod words;
pub mod yaml;
