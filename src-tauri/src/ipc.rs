//! The IPC surface derived from one list. `command_list.rs` names every command with its arguments and result;
//! this module turns that list into the invoke handler Tauri registers, [`COMMANDS`] (names and argument names,
//! for the tests), a compile-time check that each function in `commands.rs` takes exactly the listed argument
//! types and returns the listed result, and (in tests) the TypeScript module `ui/src/bindings/commands.ts`
//! that `ui/src/lib/api.ts` calls through. `build.rs` reads the same list for the app manifest, and a test
//! holds `capabilities/default.json` to it. A command renamed, added or retyped in one place therefore fails
//! to compile in Rust or in the UI's type check, instead of at run time.

use rapporteur_app::{
    ActionFilter, AppError, Attachment, CredentialStore, DocVersion, DocumentKind, Edit,
    ExportOptions, FreeName, GroupEntry, Language, Meeting, MeetingRecord, MeetingSummary,
    PreviewPage, Proposal, ProposedText, Regeneration, ReplicaInfo, Review, ReviewAction,
    RoundReport, SearchHit, Settings, StateEntry, SyncStatus, TrackedAction,
};
use tauri::Window;

use crate::commands::{self, LetterheadEdit, Saved, SyncSecrets};

macro_rules! ipc_commands {
    ($($name:ident $([$inject:ty])? ($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty;)*) => {
        /// Every command the web view may invoke, with the names of its arguments (as Rust spells them; the
        /// web view sends them in camelCase).
        pub const COMMANDS: &[(&str, &[&str])] = &[$((stringify!($name), &[$(stringify!($arg)),*])),*];

        /// The invoke handler over every listed command.
        pub(crate) fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(commands::$name),*]
        }

        /// Never called: it only has to compile, which it does when each command takes the listed argument
        /// types in the listed order (after the managed `App` and, for dialogs, the window) and returns the
        /// listed result.
        #[allow(dead_code, unreachable_code, clippy::diverging_sub_expression)]
        fn signatures_match_the_list() {
            fn any<T>() -> T {
                unreachable!("only type-checked")
            }
            $(
                let _unused = async {
                    let _: Result<$ret, AppError> =
                        commands::$name(any(), $(any::<$inject>(),)? $(any::<$ty>()),*).await;
                };
            )*
        }

        /// The TypeScript module: one entry per command with its arguments and result, named as ts-rs names
        /// them, and an import for each generated type they use.
        #[cfg(test)]
        pub(crate) fn typescript() -> String {
            let mut out = tests::TypeScript::default();
            $(
                let args: Vec<(&str, String)> = vec![$((stringify!($arg), out.name::<$ty>())),*];
                let result = out.name::<$ret>();
                out.command(stringify!($name), args, result);
            )*
            out.finish()
        }

        /// Each argument type of each command, for the path-like argument check.
        #[cfg(test)]
        pub(crate) fn visit_argument_types(v: &mut impl ts_rs::TypeVisitor) {
            $($(v.visit::<$ty>();)*)*
        }
    };
}

include!("command_list.rs");

#[cfg(test)]
#[path = "ipc_tests.rs"]
mod tests;
