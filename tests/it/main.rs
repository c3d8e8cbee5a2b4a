//! Integration tests: one binary, one module per feature, each running the
//! real `casebook` binary against fixture sites in temp folders.

mod build;
mod check;
mod commands;
mod hostile;
mod modules;
mod readers;
mod relevance;
mod search;
mod serve;
mod support;
mod words;
