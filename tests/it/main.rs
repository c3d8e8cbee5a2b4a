//! Integration tests: one binary, one module per feature, each running the
//! real `casebook` binary against fixture sites in temp folders.

mod check;
mod commands;
mod support;
