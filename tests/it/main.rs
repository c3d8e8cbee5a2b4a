//! Integration tests: one binary, one module per feature, each running the
//! real `casebook` binary against fixture sites in temp folders.

mod at_once;
mod build;
mod check;
mod commands;
mod editor;
mod help;
mod hostile;
mod init;
mod modules;
mod oracle;
mod readers;
mod relevance;
mod search;
mod serve;
mod support;
mod words;
mod xss;
mod yaml_words;
