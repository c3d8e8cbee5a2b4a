//! casebook turns a folder of Norwegian municipal case reports (Markdown with
//! YAML front matter) into an accessible, searchable static catalogue.
//!
//! The pipeline runs one way: [`config`] and [`content`] load the site,
//! [`schema`] validates each case into a [`schema::Case`] or diagnostics,
//! [`catalogue`] indexes them, [`render`] produces pages and [`output`] writes
//! them atomically. [`serve`] wraps the pipeline in a development server.

pub mod yaml;
pub mod norwegian;
pub mod diagnostics;
pub mod content;
pub mod config;
pub mod schema;
pub mod catalogue;
pub mod render;
pub mod output;
pub mod skin;
pub mod timings;
pub mod search;
pub mod serve;
