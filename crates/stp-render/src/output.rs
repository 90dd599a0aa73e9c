//! Writing a build: every file goes into a fresh folder beside the target, and only a
//! finished build is swapped in (atomically, with `renameat2(RENAME_EXCHANGE)` on Linux).
//! A build that fails or is killed leaves the previous output as it was. A file whose
//! bytes the previous build already holds at the same path is linked from it instead of
//! written ([`super::previous`]).

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::RenderError;
use super::previous::{Previous, link};

/// `path` made absolute, with `.` and `..` worked out and every symbolic link on the part
/// that exists resolved, so that `public`, `./public/`, `/site/public` and a path through
/// a linked parent all come out as one folder (which need not exist).
pub fn resolved(path: &Path) -> Result<PathBuf, RenderError> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| RenderError::io(path, e))?
            .join(path)
    };
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => {
                out.push(other);
                if let Ok(real) = std::fs::canonicalize(&out) {
                    out = real;
                }
            }
        }
    }
    Ok(out)
}

/// A build being written. Dropping it without [`Staging::commit`] removes it.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    committed: bool,
    /// The build this one replaces, whose unchanged files are linked, not written.
    previous: Option<Previous>,
    /// Files (and variants) linked from the previous build.
    kept: AtomicUsize,
}

impl Staging {
    /// A new empty folder beside `target` (which need not exist).
    pub fn new(target: &Path) -> Result<Staging, RenderError> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| RenderError::io(parent, e))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        clean_leftovers(parent, &name);
        let dir = parent.join(format!(".{name}.stp-building-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| RenderError::io(&dir, e))?;
        }
        std::fs::create_dir(&dir).map_err(|e| RenderError::io(&dir, e))?;
        // The folder was just made with 0o777 less the umask; a file gets 0o666 less it.
        let previous = std::fs::metadata(&dir)
            .ok()
            .and_then(|m| Previous::open(target, m.permissions().mode() & 0o666));
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            committed: false,
            previous,
            kept: AtomicUsize::new(0),
        })
    }

    /// The build this one replaces, when there is one to take unchanged files from.
    pub fn previous(&self) -> Option<&Previous> {
        self.previous.as_ref()
    }

    /// How many files were linked from the previous build instead of written.
    pub fn kept(&self) -> usize {
        self.kept.load(Ordering::Relaxed)
    }

    /// Writes `rel` into the build, or links it from the previous build when that holds
    /// exactly `bytes` at `rel`. Either way the build's file is `bytes`.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), RenderError> {
        if let Some(file) = self.previous.as_ref().and_then(|p| p.same(rel, bytes))
            && self.link_in(rel, &file)?
        {
            return Ok(());
        }
        write_under(&self.dir, rel, bytes)
    }

    /// Makes `rel` in the build a link to `file`, an unchanged file of the previous build;
    /// false when the filesystem will not (the caller writes the bytes instead).
    pub fn link_in(&self, rel: &str, file: &std::fs::File) -> Result<bool, RenderError> {
        let path = checked_path(&self.dir, rel)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| RenderError::io(parent, e))?;
        }
        let linked = link(file, &path);
        if linked {
            self.kept.fetch_add(1, Ordering::Relaxed);
        }
        Ok(linked)
    }

    /// The folder being written.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Swaps the finished build in for the target.
    pub fn commit(mut self) -> Result<(), RenderError> {
        if self.target.exists() {
            exchange(&self.dir, &self.target)?;
            // `dir` now holds the previous build.
            std::fs::remove_dir_all(&self.dir).map_err(|e| RenderError::io(&self.dir, e))?;
        } else {
            std::fs::rename(&self.dir, &self.target)
                .map_err(|e| RenderError::io(&self.target, e))?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes `rel` below `root`, creating folders; `rel` must not climb out.
/// A file already there is replaced by a new one, never written through: in a build being
/// written it may be a link to the previous build's file, which readers are still served.
pub fn write_under(root: &Path, rel: &str, bytes: &[u8]) -> Result<(), RenderError> {
    use std::io::Write;
    let path = checked_path(root, rel)?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| RenderError::io(parent, e))?;
    }
    let create = || {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
    };
    // One call in the common case (nothing there yet), as a plain write would be.
    let file = match create() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(&path).and_then(|()| create())
        }
        other => other,
    };
    file.and_then(|mut f| f.write_all(bytes))
        .map_err(|e| RenderError::io(&path, e))
}

/// `rel` below `root`, refused when it would climb out.
fn checked_path(root: &Path, rel: &str) -> Result<PathBuf, RenderError> {
    if rel.split('/').any(|c| c == "..") || rel.starts_with('/') {
        return Err(RenderError::Output(format!(
            "refusing to write outside the build: {rel}"
        )));
    }
    Ok(root.join(rel))
}

/// Writes `rel` below `root` beside its final name and renames it over, so a reader of
/// a folder being served never sees half a file (the preview server's rebuilds).
/// A folder already there that is written through is refused when it is a symbolic link
/// (or not a folder): the output folder of `stp serve` is reused from one run to the next,
/// and a link planted in it must not make a rebuild write elsewhere.
pub fn replace_under(root: &Path, rel: &str, bytes: &[u8]) -> Result<(), RenderError> {
    let parent = rel.rsplit_once('/').map_or("", |(dir, _)| dir);
    if let Way::Blocked(link) = way_to(root, parent) {
        return Err(RenderError::Output(format!(
            "refusing to write {rel} through {}, which is not a plain folder (a symbolic link?); remove it from the output folder",
            link.display()
        )));
    }
    let tmp = format!("{rel}.stp-tmp");
    write_under(root, &tmp, bytes)?;
    let (from, to) = (root.join(&tmp), root.join(rel));
    std::fs::rename(&from, &to).map_err(|e| RenderError::io(&to, e))
}

/// What is on the way to the folder `rel` under `root`.
enum Way {
    /// Every folder is there, each a plain one (not a symbolic link).
    Plain,
    /// A folder is not there yet; those before it are plain.
    Missing,
    /// This one is there but is not a plain folder (a symbolic link, or a file).
    Blocked(PathBuf),
}

fn way_to(root: &Path, rel: &str) -> Way {
    let mut at = root.to_path_buf();
    for c in rel.split('/').filter(|c| !c.is_empty()) {
        at.push(c);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_dir() => {}
            Ok(_) => return Way::Blocked(at),
            Err(_) => return Way::Missing,
        }
    }
    Way::Plain
}

/// Whether `rel` under `root` and every folder on the way to it are plain folders that are
/// there, none of them a symbolic link: what is removed from a reused output folder is
/// removed only through such folders.
pub fn real_folder(root: &Path, rel: &str) -> bool {
    matches!(way_to(root, rel), Way::Plain)
}

/// Removes staging folders left by builds that were killed.
fn clean_leftovers(parent: &Path, name: &str) {
    let prefix = format!(".{name}.stp-building-");
    if let Ok(entries) = std::fs::read_dir(parent) {
        for e in entries.flatten() {
            let n = e.file_name();
            let n = n.to_string_lossy();
            if let Some(pid) = n.strip_prefix(&prefix) {
                let alive = pid
                    .parse::<u32>()
                    .map(|p| Path::new(&format!("/proc/{p}")).exists() && p != std::process::id())
                    .unwrap_or(false);
                if !alive {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
    }
}

fn exchange(a: &Path, b: &Path) -> Result<(), RenderError> {
    let ca = CString::new(a.as_os_str().as_bytes())
        .map_err(|_| RenderError::Output("path has a NUL byte".into()))?;
    let cb = CString::new(b.as_os_str().as_bytes())
        .map_err(|_| RenderError::Output("path has a NUL byte".into()))?;
    // SAFETY: both pointers are valid NUL-terminated strings for the duration of the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    // Filesystems without RENAME_EXCHANGE: two renames, with a short window.
    let old = b.with_extension("stp-old");
    let _ = std::fs::remove_dir_all(&old);
    std::fs::rename(b, &old).map_err(|e| RenderError::io(b, e))?;
    std::fs::rename(a, b).map_err(|e| RenderError::io(b, e))?;
    std::fs::rename(&old, a).map_err(|e| RenderError::io(a, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rebuild_never_writes_through_a_link_in_the_output_folder() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let (out, elsewhere) = (tmp.path().join("out"), tmp.path().join("elsewhere"));
        std::fs::create_dir_all(out.join("tin-tuc")).expect("mkdir");
        std::fs::create_dir_all(&elsewhere).expect("mkdir");
        std::fs::write(elsewhere.join("index.html"), "giữ nguyên").expect("write");
        std::os::unix::fs::symlink(&elsewhere, out.join("tin-tuc/a")).expect("symlink");
        let e = replace_under(&out, "tin-tuc/a/index.html", b"new").expect_err("refused");
        assert!(e.to_string().contains("tin-tuc/a"), "{e}");
        assert_eq!(
            std::fs::read_to_string(elsewhere.join("index.html")).expect("read"),
            "giữ nguyên"
        );
        assert!(!elsewhere.join("index.html.stp-tmp").exists());
        // A plain folder, there or not yet, is written through.
        replace_under(&out, "tin-tuc/b/index.html", b"b").expect("new folder");
        replace_under(&out, "tin-tuc/b/index.html", b"c").expect("again");
        assert_eq!(
            std::fs::read(out.join("tin-tuc/b/index.html")).expect("read"),
            b"c"
        );
        assert!(real_folder(&out, "tin-tuc/b") && real_folder(&out, ""));
        assert!(!real_folder(&out, "tin-tuc/a") && !real_folder(&out, "tin-tuc/c"));
    }

    #[test]
    fn commit_swaps_and_drop_discards() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::new(&target).unwrap();
        s.put("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(std::fs::read(target.join("a/index.html")).unwrap(), b"one");

        let s = Staging::new(&target).unwrap();
        s.put("a/index.html", b"two").unwrap();
        drop(s);
        assert_eq!(std::fs::read(target.join("a/index.html")).unwrap(), b"one");

        let s = Staging::new(&target).unwrap();
        s.put("b.html", b"three").unwrap();
        s.commit().unwrap();
        assert!(!target.join("a/index.html").exists());
        assert_eq!(std::fs::read(target.join("b.html")).unwrap(), b"three");
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[test]
    fn a_file_linked_from_the_previous_build_is_never_written_through() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::new(&target).unwrap();
        s.put("a.html", b"cu").unwrap();
        s.commit().unwrap();

        // Linked, then written again under the same name (a static file and a page with
        // one path, a variant a site ships itself): the served build keeps its bytes.
        let s = Staging::new(&target).unwrap();
        s.put("a.html", b"cu").unwrap();
        assert_eq!(s.kept(), 1);
        s.put("a.html", b"moi").unwrap();
        write_under(s.dir(), "a.html", b"moi nhat").unwrap();
        assert_eq!(std::fs::read(target.join("a.html")).unwrap(), b"cu");
        s.commit().unwrap();
        assert_eq!(std::fs::read(target.join("a.html")).unwrap(), b"moi nhat");
    }

    #[test]
    fn refuses_to_climb_out() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(write_under(tmp.path(), "../x", b"").is_err());
        assert!(write_under(tmp.path(), "/etc/x", b"").is_err());
    }
}
