//! casebook turns a folder of Norwegian municipal case reports (Markdown with
//! YAML front matter) into an accessible, searchable static catalogue.
//!
//! The pipeline runs one way: [`config`] and [`content`] load the site,
//! [`schema`] validates each case into a [`schema::Case`] or diagnostics,
//! [`catalogue`] indexes them, [`render`] produces pages and [`output`] writes
//! them atomically. [`serve`] wraps the pipeline in a development server.

pub mod catalogue;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod json;
pub mod lines;
pub mod norwegian;
pub mod output;
pub mod render;
pub mod schema;
pub mod search;
pub mod serve;
pub mod skin;
pub mod threads;
pub mod timings;
pub mod yaml;
