//! Writing a file whole: a temporary file in the same folder, synced, then
//! renamed over the target, so that a reader (or a crash) never sees half
//! a file. Used for `--output`, `--write-baseline` and `--fix`.

use std::io::Write as _;
use std::path::Path;

/// Replaces `path` with `bytes`. The new file gets `permissions` when
/// given (a fixed article keeps its mode), else those of any new file (less
/// the umask), not the temporary file's owner-only ones.
pub fn write(
    path: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    let mut file = Pending::create(path)?;
    file.write_all(bytes)?;
    file.commit(permissions)
}

/// A file being written: a temporary file beside `path`, which replaces it
/// on [`Pending::commit`]; dropped without a commit, it is removed and
/// `path` is left as it was.
#[derive(Debug)]
pub struct Pending {
    file: tempfile::NamedTempFile,
    path: std::path::PathBuf,
}

impl Pending {
    pub fn create(path: &Path) -> std::io::Result<Pending> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".factlint-").suffix(".tmp");
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        Ok(Pending {
            file: builder.tempfile_in(dir)?,
            path: path.to_owned(),
        })
    }

    /// Syncs the file and renames it over `path` (see [`write()`] for
    /// `permissions`).
    pub fn commit(self, permissions: Option<std::fs::Permissions>) -> std::io::Result<()> {
        if let Some(p) = permissions {
            self.file.as_file().set_permissions(p)?;
        }
        self.file.as_file().sync_all()?;
        self.file.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

impl std::io::Write for Pending {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.file.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "old").unwrap();
        super::write(&path, b"new", None).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_file_written_in_pieces_replaces_the_file_only_when_committed() {
        use std::io::Write as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "old").unwrap();
        let mut pending = super::Pending::create(&path).unwrap();
        pending.write_all(b"ne").unwrap();
        pending.write_all(b"w").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        pending.commit(None).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        // Dropped without a commit: nothing changes, nothing is left.
        let mut dropped = super::Pending::create(&path).unwrap();
        dropped.write_all(b"half").unwrap();
        drop(dropped);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
