//! The tree's structure as policy. The library's floors, documented in `src/lib.rs`, hold for
//! every `crate::` path under `src/` (no import climbs a floor, no circle between top-level
//! modules), and every test file under `tests/` is part of the test binary.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support::repo_root;

/// The floors listed under `# Floors` in a lib.rs, top first: each floor's name and modules
/// (the backticked names of its `//! - name: ...` line, before the dash).
fn floors(lib_rs: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut in_floors = false;
    for line in lib_rs.lines() {
        let Some(doc) = line.strip_prefix("//!") else { continue };
        let doc = doc.trim_start();
        if doc.starts_with('#') {
            in_floors = doc.trim_start_matches('#').trim() == "Floors";
            continue;
        }
        let Some(item) = doc.strip_prefix("- ").filter(|_| in_floors) else { continue };
        let Some((name, rest)) = item.split_once(':') else { continue };
        let modules_part = rest.split(" — ").next().unwrap_or_default();
        let modules = modules_part.split('`').skip(1).step_by(2).map(str::to_owned).collect();
        out.push((name.trim().to_owned(), modules));
    }
    out
}

/// The `pub mod` names of a lib.rs.
fn declared_modules(lib_rs: &str) -> BTreeSet<String> {
    lib_rs
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ").and_then(|r| r.strip_suffix(';')))
        .map(str::to_owned)
        .collect()
}

/// Rust source with comments and the contents of string and char literals blanked out (line
/// breaks kept), so only code is searched.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&chars, i) {
            // A raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < chars.len() && !(chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#'))) {
                out.push(blank(chars[j]));
                j += 1;
            }
            i = j + 1 + hashes;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                out.push(blank(chars.get(i).copied().unwrap_or(' ')));
                i += 1;
            }
            i += 1;
        } else if c == '\'' && char_literal_len(&chars[i..]).is_some() {
            i += char_literal_len(&chars[i..]).unwrap_or(1);
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// The length of a char literal starting at `s[0] == '\''` (`'a'`, `'\n'`, `'\u{1F600}'`), or
/// `None` for a lifetime.
fn char_literal_len(s: &[char]) -> Option<usize> {
    match s.get(1)? {
        '\\' => s.iter().skip(2).position(|c| *c == '\'').map(|p| p + 3),
        _ if s.get(2) == Some(&'\'') => Some(3),
        _ => None,
    }
}

/// Every `crate::<module>` a source file names (grouped `crate::{a::X, b}` included), with its
/// line.
fn crate_paths(source: &str) -> Vec<(usize, String)> {
    let code = code_only(source);
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().last();
            rest = &rest[at + "crate::".len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // `foo_crate::`, not this crate
            }
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or_default();
                for item in inner.split(',') {
                    let name: String = item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    if !name.is_empty() {
                        out.push((n + 1, name));
                    }
                }
            } else {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    out.push((n + 1, name));
                }
            }
        }
    }
    out
}

/// The `.rs` files under `dir`, recursively, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().path()) {
            if entry.is_dir() {
                stack.push(entry);
            } else if entry.extension().is_some_and(|e| e == "rs") {
                out.push(entry);
            }
        }
    }
    out.sort();
    out
}

/// The top-level module a file under `src` belongs to (`src/a.rs` and `src/a/**` are `a`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(src).ok()?.components().next()?;
    let name = first.as_os_str().to_str()?;
    Some(name.strip_suffix(".rs").unwrap_or(name).to_owned())
}

/// What breaks the floors of the library under `src`: one line per problem.
fn floor_problems(src: &Path) -> Vec<String> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let floors = floors(&lib);
    let mut problems = Vec::new();
    let floor_of: BTreeMap<String, usize> =
        floors.iter().enumerate().flat_map(|(i, (_, ms))| ms.iter().map(move |m| (m.clone(), i))).collect();
    let declared = declared_modules(&lib);
    for m in declared.iter().filter(|m| !floor_of.contains_key(*m)) {
        problems.push(format!("src/lib.rs: module `{m}` is on no floor of the `# Floors` list"));
    }
    for m in floor_of.keys().filter(|m| !declared.contains(*m)) {
        problems.push(format!("src/lib.rs: the floors list `{m}`, which is not a module"));
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(src) {
        let Some(from) = module_of(src, &file).filter(|m| m != "lib") else { continue };
        let source = std::fs::read_to_string(&file).unwrap();
        let shown = file.strip_prefix(src.parent().unwrap_or(src)).unwrap_or(&file).display().to_string();
        for (line, to) in crate_paths(&source) {
            if to == from || !floor_of.contains_key(&to) {
                continue;
            }
            let (f, t) = (floor_of.get(&from), floor_of[&to]);
            if let Some(f) = f
                && t < *f
            {
                problems.push(format!(
                    "{shown}:{line}: `{from}` ({}) imports `{to}`, which is on a higher floor ({})",
                    floors[*f].0, floors[t].0
                ));
            }
            edges.entry(from.clone()).or_default().insert(to);
        }
    }
    problems.extend(circles(&edges).into_iter().map(|c| format!("a circle between top-level modules: {c}")));
    problems
}

/// Every circle of the module graph, once each (as `a -> b -> a`).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut found = BTreeSet::new();
    for start in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        while let Some((node, path)) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if next == start {
                    // Name each circle from its smallest module, so it is reported once.
                    let min = path.iter().min().unwrap();
                    let at = path.iter().position(|m| m == min).unwrap();
                    let mut ring: Vec<String> = path[at..].iter().chain(&path[..at]).cloned().collect();
                    ring.push(min.clone());
                    found.insert(ring.join(" -> "));
                } else if !path.contains(next) && next > start {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    found.into_iter().collect()
}

#[test]
fn no_import_climbs_a_floor_or_closes_a_circle() {
    let src = repo_root().join("src");
    let floors = floors(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    assert!(floors.len() >= 5, "src/lib.rs documents its floors: {floors:?}");
    let problems = floor_problems(&src);
    assert!(problems.is_empty(), "the floors of src/lib.rs do not hold:\n{}", problems.join("\n"));
}

/// A small tree written for the check itself: an upward import, a circle on one floor, and
/// paths in comments and strings that must not count.
#[test]
fn the_floor_check_fails_on_an_upward_import_and_on_a_circle() {
    let dir = crate::support::temp_dir();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("low")).unwrap();
    let lib = "//! # Floors\n//!\n//! - top: `high`, `side` — the top\n//! - bottom: `low` — the ground\n\npub mod high;\npub mod low;\npub mod side;\n";
    std::fs::write(src.join("lib.rs"), lib).unwrap();
    std::fs::write(src.join("high.rs"), "use crate::low::X;\nuse crate::side::Y;\n").unwrap();
    std::fs::write(src.join("side.rs"), "pub fn f() { crate::high::g(); }\n").unwrap();
    let low = "// crate::high in a comment\nconst S: &str = \"crate::high\";\nconst C: char = '\"';\nuse crate::{high::Z, low};\n";
    std::fs::write(src.join("low/mod.rs"), low).unwrap();
    let problems = floor_problems(&src);
    assert_eq!(
        problems,
        [
            "src/low/mod.rs:4: `low` (bottom) imports `high`, which is on a higher floor (top)",
            "a circle between top-level modules: high -> low -> high",
            "a circle between top-level modules: high -> side -> high",
        ],
        "only the code counts, not the comment, the string or the char literal"
    );

    // Without them, the same tree passes.
    std::fs::write(src.join("low/mod.rs"), "// crate::high in a comment\nuse crate::low::X;\n").unwrap();
    std::fs::write(src.join("side.rs"), "pub fn f() { crate::low::g(); }\n").unwrap();
    assert_eq!(floor_problems(&src), Vec::<String>::new());
}

/// The modules a `mod.rs` or `main.rs` declares.
fn declared_in(file: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            l.strip_prefix("pub mod ").or_else(|| l.strip_prefix("mod ")).and_then(|r| r.strip_suffix(';'))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_test_file_is_part_of_the_test_binary() {
    let tests = repo_root().join("tests");
    let mut forgotten = Vec::new();
    for file in rust_files(&tests) {
        let rel = file.strip_prefix(&tests).unwrap();
        if rel == Path::new("main.rs") {
            continue;
        }
        let dir = file.parent().unwrap();
        let (parent, name) = if file.file_name().is_some_and(|n| n == "mod.rs") {
            let up = dir.parent().unwrap();
            let parent = if up == tests { tests.join("main.rs") } else { up.join("mod.rs") };
            (parent, dir.file_name().unwrap().to_string_lossy().into_owned())
        } else if dir == tests {
            forgotten.push(format!("tests/{}: a test file belongs in a folder by kind", rel.display()));
            continue;
        } else {
            (dir.join("mod.rs"), file.file_stem().unwrap().to_string_lossy().into_owned())
        };
        if !parent.exists() || !declared_in(&parent).contains(&name) {
            let parent = parent.strip_prefix(&tests).unwrap_or(&parent).display().to_string();
            forgotten.push(format!("tests/{}: not declared (`mod {name};`) in tests/{parent}", rel.display()));
        }
    }
    assert!(forgotten.is_empty(), "test files the test binary does not build:\n{}", forgotten.join("\n"));
}
