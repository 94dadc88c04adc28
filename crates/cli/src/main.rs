//! `rapporteur`: the command; everything lives in the library, which the desktop binary also runs when it is
//! started under the command's name (see `rapporteur_cli::invoked_as_cli`).

fn main() -> std::process::ExitCode {
    rapporteur_cli::main()
}
