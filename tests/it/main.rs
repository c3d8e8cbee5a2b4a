//! Integration tests: one binary, one module per feature, each running the
//! real `casebook` binary against fixture sites in temp folders.

mod build;
mod check;
mod commands;
mod editor;
mod hostile;
mod modules;
mod readers;
mod search;
mod serve;
mod support;
mod words;
