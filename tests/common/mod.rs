//! Helpers shared by the integration tests that run the `factlint`
//! binary (`mod common;` in each test file). Not every test file uses all
//! of them.
#![allow(dead_code)]

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

/// The binary, run in `dir`, with no colour settings from the caller's
/// environment and an empty standard input.
pub(crate) fn factlint(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    cmd
}

/// Runs the binary and checks that it did not panic.
pub(crate) fn run(dir: &Path, args: &[&str]) -> Output {
    let out = factlint(dir).args(args).output().expect("factlint runs");
    assert_no_panic(&out);
    out
}

/// Runs the binary with `input` on its standard input.
pub(crate) fn run_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = factlint(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    let out = child.wait_with_output().expect("factlint ends");
    assert_no_panic(&out);
    out
}

/// No panic message, and an exit status of 0, 1 or 2 (a panic exits with
/// 101; a signal leaves no code).
pub(crate) fn assert_no_panic(out: &Output) {
    let err = stderr(out);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "factlint panicked:\n{err}"
    );
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "unexpected status {:?}; stderr:\n{err}",
        out.status
    );
}

pub(crate) fn code(out: &Output) -> i32 {
    out.status.code().expect("exit status")
}

pub(crate) fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The standard output as JSON (the report and standard error in the
/// message when it is not).
pub(crate) fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            stderr(out)
        )
    })
}

/// Writes a file under `dir`, creating its folders.
pub(crate) fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write file");
}

pub(crate) fn tempdir() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}
