//! `--out` writes only regular files, whole, and replaces one only with `--force`.

use std::path::Path;

use crate::support::{Cli, EXAMPLE, stderr};

fn export(cli: &Cli, id: &str, out: &Path, force: bool) -> std::process::Output {
    let mut args = vec![
        "export",
        id,
        "--format",
        "md",
        "--out",
        out.to_str().unwrap(),
    ];
    if force {
        args.push("--force");
    }
    cli.run(&args)
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn refused(out: &std::process::Output, path: &Path, why: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(path.to_str().unwrap()) && err.contains(why),
        "{err}"
    );
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let dir = cli.dir.path().join("out");
    std::fs::create_dir(&dir).unwrap();
    let out = dir.join("summary.md");
    std::fs::write(&out, "mine").unwrap();
    refused(
        &export(&cli, &id, &out, false),
        &out,
        "already exists; pass --force",
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    let done = export(&cli, &id, &out, true);
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Network Briefing")
    );
    assert_eq!(names(&dir), ["summary.md"], "no temporary file is left");
}

#[test]
fn special_files_links_and_read_only_files_are_never_replaced() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let dir = cli.dir.path().join("out");
    std::fs::create_dir(&dir).unwrap();

    let fifo = dir.join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    refused(&export(&cli, &id, &fifo, true), &fifo, "special file");
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(
        &std::fs::symlink_metadata(&fifo).unwrap().file_type()
    ));

    let target = dir.join("target.md");
    std::fs::write(&target, "kept").unwrap();
    let link = dir.join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    refused(&export(&cli, &id, &link, true), &link, "symbolic link");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let locked = dir.join("locked.md");
    std::fs::write(&locked, "kept").unwrap();
    let mut perms = std::fs::metadata(&locked).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&locked, perms).unwrap();
    refused(&export(&cli, &id, &locked, true), &locked, "read-only");
    assert_eq!(std::fs::read_to_string(&locked).unwrap(), "kept");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept");

    refused(
        &export(&cli, &id, Path::new("/dev/null"), true),
        Path::new("/dev/null"),
        "special file",
    );
    assert_eq!(names(&dir), ["fifo", "link.md", "locked.md", "target.md"]);
}

#[test]
fn attachment_save_keeps_to_the_same_rules() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let file = cli.dir.path().join("note.txt");
    std::fs::write(&file, "attached").unwrap();
    let att = cli.ok(&["attach", &id, file.to_str().unwrap()]);
    let att = att.trim();
    let out = cli.dir.path().join("copy.txt");
    std::fs::write(&out, "mine").unwrap();
    let save = |force: bool| {
        let mut args = vec!["attachment-save", &id, att, "--out", out.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        cli.run(&args)
    };
    refused(&save(false), &out, "--force");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    assert!(save(true).status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "attached");
}
