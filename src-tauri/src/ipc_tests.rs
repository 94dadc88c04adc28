//! The generated TypeScript module, and the checks that hold the rest of the repository to the command list:
//! `commands.rs` (argument names, which the compiler cannot see), the capability, and no path-like argument.

use std::any::TypeId;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;

use ts_rs::{Config, TS, TypeVisitor};

use super::COMMANDS;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{path}")).expect(path)
}

/// Builds `ui/src/bindings/commands.ts`: the named types each command uses, and one entry per command.
pub(crate) struct TypeScript {
    /// ts-rs's settings from the environment, as for the other bindings.
    cfg: Config,
    /// ts-rs name → file (without `.ts`) relative to the bindings directory.
    imports: BTreeMap<String, String>,
    entries: String,
}

impl TypeVisitor for TypeScript {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if let Some(path) = T::output_path() {
            let file = path.to_string_lossy().trim_end_matches(".ts").to_owned();
            self.imports.insert(T::ident(&self.cfg), file);
        }
    }
}

impl Default for TypeScript {
    fn default() -> Self {
        TypeScript {
            cfg: Config::from_env(),
            imports: BTreeMap::new(),
            entries: String::new(),
        }
    }
}

impl TypeScript {
    /// `T` as TypeScript names it, remembering the generated types it refers to.
    pub(crate) fn name<T: TS + 'static>(&mut self) -> String {
        self.visit::<T>();
        T::visit_generics(self);
        T::name(&self.cfg)
    }

    pub(crate) fn command(&mut self, name: &str, args: Vec<(&str, String)>, result: String) {
        let args = if args.is_empty() {
            "Record<never, never>".to_owned()
        } else {
            let fields: Vec<String> = args
                .iter()
                .map(|(arg, ty)| format!("{}: {ty}", camel_case(arg)))
                .collect();
            format!("{{ {} }}", fields.join(", "))
        };
        let _ = writeln!(
            self.entries,
            "  {name}: {{ args: {args}; result: {result} }};"
        );
    }

    pub(crate) fn finish(self) -> String {
        let mut out = String::from(
            "// Generated from src-tauri/src/command_list.rs by `cargo test -p rapporteur-desktop --lib`; do not edit.\n",
        );
        for (name, file) in &self.imports {
            let _ = writeln!(out, "import type {{ {name} }} from \"./{file}\";");
        }
        out.push_str(
            "\n/** Every IPC command: the arguments the web view sends (camelCase, as Tauri reads them) and the \
             result. */\nexport interface Commands {\n",
        );
        out.push_str(&self.entries);
        out.push_str("}\n");
        out
    }
}

/// Tauri matches a Rust argument `attachment_id` to the key `attachmentId`.
fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Written on every run, like ts-rs's bindings; `scripts/test.sh` fails when the committed file differs.
#[test]
fn typescript_commands_are_generated() {
    let ts = super::typescript();
    assert!(ts.contains("  pick_and_attach: { args: { id: string, kind: DocumentKind, index: number, title: string }; result: Attachment | null };"), "{ts}");
    assert!(
        ts.contains(
            "  list_meetings: { args: Record<never, never>; result: Array<MeetingSummary> };"
        ),
        "{ts}"
    );
    assert!(
        ts.contains("import type { MeetingSummary } from \"./MeetingSummary\";"),
        "{ts}"
    );
    assert_eq!(camel_case("intervention_id"), "interventionId");
    std::fs::write(format!("{ROOT}/ui/src/bindings/commands.ts"), ts).expect("write commands.ts");
}

/// Rust types that are file-system paths, and argument fields whose name says they hold one.
#[derive(Default)]
struct PathLike {
    cfg: Config,
    seen: HashSet<TypeId>,
    found: Vec<String>,
}

const PATH_TYPES: [&str; 4] = ["PathBuf", "Path", "OsString", "OsStr"];
const PATH_WORDS: [&str; 7] = [
    "path", "paths", "file", "files", "filename", "dir", "folder",
];
/// `Settings.sync_folder` is shown and sent back by the Settings form; `commands::settings_set` refuses any
/// change to it other than turning sync off (it is set by `pick_sync_folder`, through a native dialog).
const ALLOWED_FIELDS: [(&str, &str); 1] = [("Settings", "sync_folder")];

impl TypeVisitor for PathLike {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        let rust = std::any::type_name::<T>();
        let mut segments = rust.split(|c: char| !(c.is_alphanumeric() || c == '_'));
        if segments.any(|s| PATH_TYPES.contains(&s)) {
            self.found.push(format!("{rust} is a path"));
        }
        if T::output_path().is_some() {
            for field in field_names(&T::decl(&self.cfg)) {
                let lower = field.to_lowercase();
                let pathish = lower.split('_').any(|w| PATH_WORDS.contains(&w))
                    || PATH_WORDS.iter().any(|w| lower.ends_with(w));
                if pathish
                    && !ALLOWED_FIELDS.contains(&(T::ident(&self.cfg).as_str(), field.as_str()))
                {
                    self.found
                        .push(format!("{}.{field} names a path", T::ident(&self.cfg)));
                }
            }
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// The field names of a ts-rs declaration: identifiers followed by `:` or `?:`, outside doc comments.
fn field_names(decl: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = decl;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    let mut names = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphanumeric() || chars[i] == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if chars.get(j) == Some(&':')
                || (chars.get(j) == Some(&'?') && chars.get(j + 1) == Some(&':'))
            {
                names.push(word);
            }
        } else {
            i += 1;
        }
    }
    names
}

#[test]
fn no_command_takes_a_path_from_the_web_view() {
    let mut check = PathLike::default();
    super::visit_argument_types(&mut check);
    assert!(
        check.found.is_empty(),
        "path-like IPC arguments: {:?}",
        check.found
    );
    assert!(
        check.seen.len() > 20,
        "the check walked the argument types: {}",
        check.seen.len()
    );

    // The check does find one: a path type, and the facade's letterhead change with its `logo_file`.
    let mut control = PathLike::default();
    control.visit::<Option<std::path::PathBuf>>();
    control.visit::<rapporteur_app::LetterheadChange>();
    for expected in [
        "std::path::PathBuf is a path",
        "LetterheadChange.logo_file names a path",
    ] {
        assert!(
            control.found.iter().any(|f| f == expected),
            "{expected}: {:?}",
            control.found
        );
    }
}

/// The argument names of each `#[tauri::command]` in `commands.rs`, leaving out what Tauri injects.
fn defined_commands() -> BTreeMap<String, Vec<String>> {
    let source = read("src-tauri/src/commands.rs");
    let mut out = BTreeMap::new();
    for chunk in source.split("#[tauri::command]").skip(1) {
        let after = chunk.split_once("fn ").expect("fn").1;
        let (name, params) = after.split_once('(').expect("(");
        let mut depth = 0;
        let mut end = params.len();
        for (i, c) in params.char_indices() {
            match c {
                '<' | '(' => depth += 1,
                '>' if depth > 0 => depth -= 1,
                ')' if depth == 0 => {
                    end = i;
                    break;
                }
                ')' => depth -= 1,
                _ => {}
            }
        }
        let mut args = Vec::new();
        let mut current = String::new();
        let mut depth = 0;
        for c in params[..end].chars().chain([',']) {
            match c {
                '<' => depth += 1,
                '>' => depth -= 1,
                ',' if depth == 0 => {
                    if let Some((arg, ty)) = current.split_once(':') {
                        let ty = ty.trim();
                        if !ty.starts_with("State<") && ty != "Window" {
                            args.push(arg.trim().to_owned());
                        }
                    }
                    current.clear();
                    continue;
                }
                _ => {}
            }
            current.push(c);
        }
        out.insert(name.trim().to_owned(), args);
    }
    out
}

/// Every listed command is defined in `commands.rs` with the listed argument names (which the web view sends,
/// and which the compile-time check cannot see), and nothing else is; the capability grants exactly the
/// commands and the named plugin permissions; build.rs reads the list.
#[test]
fn commands_capability_and_manifest_follow_the_list() {
    let listed: BTreeMap<String, Vec<String>> = COMMANDS
        .iter()
        .map(|(name, args)| {
            (
                name.to_string(),
                args.iter().map(|a| a.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(listed.len(), COMMANDS.len(), "a command is listed twice");
    assert_eq!(
        defined_commands(),
        listed,
        "commands.rs differs from command_list.rs"
    );

    // Besides the commands: the question dialog (`confirm` in ui/src/lib/dialogs.ts; the plugin's `ask` is its
    // `message` command with Yes/No buttons) and what the close-time flush needs (a close-requested listener,
    // then destroying the window). File dialogs are not granted: Rust opens them.
    const PLUGINS: [&str; 4] = [
        "dialog:allow-message",
        "core:event:allow-listen",
        "core:event:allow-unlisten",
        "core:window:allow-destroy",
    ];
    let needed: BTreeSet<String> = listed
        .keys()
        .map(|n| format!("allow-{}", n.replace('_', "-")))
        .chain(PLUGINS.iter().map(|p| p.to_string()))
        .collect();
    let capability: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/default.json")).expect("json");
    assert!(
        capability.get("remote").is_none(),
        "no remote origin may use the capability"
    );
    let granted: Vec<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| {
            p.as_str()
                .expect("every permission is a plain identifier")
                .to_owned()
        })
        .collect();
    let granted_set: BTreeSet<String> = granted.iter().cloned().collect();
    assert_eq!(
        granted.len(),
        granted_set.len(),
        "a permission is granted twice"
    );
    assert_eq!(
        granted_set, needed,
        "capability grants differ from what the app needs"
    );

    let dialogs = read("ui/src/lib/dialogs.ts");
    assert!(
        dialogs.contains("import { ask } from '@tauri-apps/plugin-dialog';"),
        "dialogs.ts uses the plugin's ask only"
    );
    for file in ui_sources(&format!("{ROOT}/ui/src")) {
        let text = std::fs::read_to_string(&file).expect("ui source");
        if !file.ends_with("lib/dialogs.ts") && !file.ends_with(".test.ts") {
            assert!(
                !text.contains("plugin-dialog"),
                "{file} uses the dialog plugin: go through dialogs.ts"
            );
        }
    }

    let build = read("src-tauri/build.rs");
    assert!(
        build.contains("include!(\"src/command_list.rs\");"),
        "build.rs reads the list"
    );
}

fn ui_sources(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect(dir).flatten() {
        let path = entry.path().to_string_lossy().into_owned();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            out.extend(ui_sources(&path));
        } else if path.ends_with(".ts") || path.ends_with(".svelte") {
            out.push(path);
        }
    }
    out
}
