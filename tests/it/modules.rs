//! The source tree's shape: no two module files that are not parent and
//! child import each other (STYLE.md: data flows forward only). The test
//! reads `src/`, collects every `crate::…` and `super::…` path of each
//! file (use trees included), resolves it to the module file it names, and
//! fails on a pair that names each other.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// A module's path from its crate root (`["serve", "site"]`); the binary's
/// modules start with `"bin"`, so they never meet the library's.
type Module = Vec<String>;

/// Every `.rs` file under `dir`, by module path.
fn modules(src: &Path) -> BTreeMap<Module, String> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.expect("walk src");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src).expect("inside src");
        let mut parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
            parts.pop();
        }
        let binary = parts.first().is_some_and(|p| p == "main" || p == "cli");
        if parts.first().is_some_and(|p| p == "main") {
            parts.clear();
        }
        if binary {
            parts.insert(0, "bin".to_owned());
        }
        out.insert(parts, fs::read_to_string(path).expect("read source"));
    }
    out
}

/// The text with comments and string literals blanked out, so that a doc
/// link or a message mentioning `crate::x` is not an import.
fn code_only(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            let end = rest.find('\n').map_or(text.len(), |n| i + n);
            i = end;
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(text.len(), |n| i + n + 2);
            i = end;
        } else if rest.starts_with("r#\"") || rest.starts_with("r\"") {
            let hashes = rest[1..].bytes().take_while(|&b| b == b'#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let body = 2 + hashes;
            let end = rest[body..]
                .find(&close)
                .map_or(text.len(), |n| i + body + n + close.len());
            out.push_str("\"\"");
            i = end;
        } else if rest.starts_with('"') {
            let mut j = 1;
            while j < rest.len() {
                match rest.as_bytes()[j] {
                    b'\\' => j += 2,
                    b'"' => break,
                    _ => j += 1,
                }
            }
            out.push_str("\"\"");
            i += (j + 1).min(rest.len());
        } else if rest.starts_with("'\"'") {
            i += 3;
        } else {
            let c = rest.chars().next().expect("a char");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The paths of a use tree or plain path starting at `text` (just after
/// `crate::` or `super::`), each as its segments.
fn paths(text: &str) -> Vec<Vec<String>> {
    fn tree(chars: &[char], at: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        loop {
            while *at < chars.len() && chars[*at].is_whitespace() {
                *at += 1;
            }
            if chars.get(*at) == Some(&'{') {
                *at += 1;
                loop {
                    tree(chars, at, &path, out);
                    while *at < chars.len() && chars[*at].is_whitespace() {
                        *at += 1;
                    }
                    match chars.get(*at) {
                        Some(',') => *at += 1,
                        Some('}') => {
                            *at += 1;
                            return;
                        }
                        _ => return,
                    }
                    while *at < chars.len() && chars[*at].is_whitespace() {
                        *at += 1;
                    }
                    if chars.get(*at) == Some(&'}') {
                        *at += 1;
                        return;
                    }
                }
            }
            let start = *at;
            while *at < chars.len() && (chars[*at].is_alphanumeric() || chars[*at] == '_') {
                *at += 1;
            }
            if *at == start {
                break;
            }
            path.push(chars[start..*at].iter().collect());
            if chars.get(*at) == Some(&':') && chars.get(*at + 1) == Some(&':') {
                *at += 2;
            } else {
                break;
            }
        }
        out.push(path);
    }
    let chars: Vec<char> = text.chars().take(2000).collect();
    let mut out = Vec::new();
    tree(&chars, &mut 0, &[], &mut out);
    out
}

/// The module files each module file names.
fn imports(modules: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut graph = BTreeMap::new();
    for (module, text) in modules {
        let code = code_only(text);
        let binary = module.first().is_some_and(|m| m == "bin");
        let root: Module = if binary { vec!["bin".into()] } else { vec![] };
        let mut named = BTreeSet::new();
        let mut starts = Vec::new();
        for (at, _) in code.match_indices("crate::") {
            starts.push((at + "crate::".len(), root.clone()));
        }
        if binary {
            for (at, _) in code.match_indices("casebook::") {
                starts.push((at + "casebook::".len(), vec![]));
            }
        }
        // `super` from a file is its module's parent.
        for (at, _) in code.match_indices("super::") {
            if code[..at].ends_with("super::") {
                continue;
            }
            let mut base = module.clone();
            let mut rest = at;
            while code[rest..].starts_with("super::") {
                base.pop();
                rest += "super::".len();
            }
            starts.push((rest, base));
        }
        for (at, base) in starts {
            let preceded = code[..at]
                .trim_end_matches("crate::")
                .trim_end_matches("casebook::")
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if preceded {
                continue;
            }
            for path in paths(&code[at..]) {
                let mut full = base.clone();
                full.extend(path);
                // The longest prefix that is a module file.
                while !full.is_empty() && !modules.contains_key(&full) {
                    full.pop();
                }
                if full != *module && (binary || full.first().is_none_or(|m| m != "bin")) {
                    named.insert(full);
                }
            }
        }
        graph.insert(module.clone(), named);
    }
    graph
}

fn is_parent(a: &Module, b: &Module) -> bool {
    b.len() == a.len() + 1 && b.starts_with(a)
}

fn name(m: &Module) -> String {
    if m.is_empty() {
        "crate".to_owned()
    } else {
        m.join("::")
    }
}

/// Pairs of module files that import each other without being parent and
/// child.
fn circles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<String> {
    let mut found = Vec::new();
    for (a, named) in graph {
        for b in named {
            if a < b
                && graph.get(b).is_some_and(|n| n.contains(a))
                && !is_parent(a, b)
                && !is_parent(b, a)
            {
                found.push(format!("{} ↔ {}", name(a), name(b)));
            }
        }
    }
    found
}

#[test]
fn no_two_module_files_import_each_other_unless_parent_and_child() {
    let graph = imports(&modules(&crate::support::repo().join("src")));
    assert!(
        graph.len() > 40,
        "found only {} module files: is this the source tree?",
        graph.len()
    );
    let found = circles(&graph);
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

#[test]
fn the_circle_check_sees_use_trees_super_paths_and_inline_paths() {
    let sources: BTreeMap<Module, String> = [
        (vec![], "pub mod a; pub mod b; pub mod c;".to_owned()),
        (
            vec!["a".into()],
            "// crate::c is only a comment\nuse crate::{b::{self, Thing}, x};\nconst S: &str = \"crate::c\";"
                .to_owned(),
        ),
        (
            vec!["b".into()],
            "fn f() { super::a::g(); }".to_owned(),
        ),
        (vec!["c".into()], "fn f() { crate::a::g(); }".to_owned()),
        (vec!["a".into(), "d".into()], "use super::super::c;".to_owned()),
    ]
    .into_iter()
    .collect();
    let graph = imports(&sources);
    let named = |m: &[&str]| -> Vec<String> {
        let m: Module = m.iter().map(|s| (*s).to_owned()).collect();
        graph[&m].iter().map(name).collect()
    };
    assert_eq!(named(&["a"]), ["crate", "b"]);
    assert_eq!(named(&["b"]), ["a"]);
    assert_eq!(named(&["a", "d"]), ["c"]);
    assert_eq!(circles(&graph), ["a ↔ b"]);
}
