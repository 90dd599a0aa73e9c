//! The build being replaced, as a source of unchanged files. A new build is written into a
//! fresh folder and swapped in whole ([`super::output`]); a file whose bytes are exactly the
//! previous build's file at the same path is not written again but hard-linked from it, so
//! it keeps its inode and time, and a republish after one change rewrites only the files
//! that change (the article, its lists, tags, feeds, sitemaps and search fragments): an
//! upload by time and size (rsync, a web server's cache) sees only those. A precompressed
//! variant (`.gz`, `.br`) of an unchanged file is carried over the same way when it
//! decompresses to exactly the file's bytes and the previous build made its variants with
//! the same settings ([`VARIANTS_RECORD`]), which spares compressing the whole site again.
//!
//! Nothing of the previous folder is trusted: each candidate is opened below it without
//! following any symbolic link (`openat2` with `RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS`), must
//! be a regular file of this user with one name and the mode a fresh file gets, is
//! compared byte for
//! byte (a variant after decompressing), and the link is made to the very inode that was
//! compared (`linkat` through `/proc/self/fd`). Anything else, or any error, and the file is
//! written as a fresh build writes it; the output is byte-identical either way.

use std::ffi::CString;
use std::fs::File;
use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// The host file that says how a build's variants were made; a previous build's variants
/// are carried over only when its record is this build's.
pub const VARIANTS_RECORD: &str = ".stp-variants";

/// The previous build, opened once.
#[derive(Debug)]
pub struct Previous {
    dir: File,
    uid: u32,
    /// The permission bits a file the build writes gets (0o666 less the umask).
    file_mode: u32,
}

impl Previous {
    /// The folder `target`, when it is a real folder of this user; `file_mode` is the mode
    /// a file the new build writes gets.
    pub fn open(target: &Path, file_mode: u32) -> Option<Previous> {
        let meta = std::fs::symlink_metadata(target).ok()?;
        // SAFETY: geteuid has no preconditions and cannot fail.
        let uid = unsafe { libc::geteuid() };
        if !meta.is_dir() || meta.uid() != uid {
            return None;
        }
        let path = CString::new(target.as_os_str().as_bytes()).ok()?;
        // SAFETY: `path` is a valid NUL-terminated string; the descriptor is owned below.
        let fd = unsafe {
            libc::open(
                path.as_ptr(),
                libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC,
            )
        };
        if fd < 0 {
            return None;
        }
        // SAFETY: `fd` is a descriptor just opened and owned by nobody else.
        let dir = unsafe { File::from_raw_fd(fd) };
        Some(Previous {
            dir,
            uid,
            file_mode,
        })
    }

    /// Whether the previous build made its variants as this build does.
    pub fn variants_match(&self, record: &[u8]) -> bool {
        self.read(VARIANTS_RECORD, record.len())
            .is_some_and(|(_, bytes)| bytes == record)
    }

    /// The previous build's file at `rel` when its bytes are `bytes`.
    pub fn same(&self, rel: &str, bytes: &[u8]) -> Option<File> {
        let (file, old) = self.read(rel, bytes.len())?;
        (old == bytes).then_some(file)
    }

    /// The previous build's variant at `rel` when it decompresses, with `decompress`, to
    /// exactly `body`.
    pub fn same_variant(
        &self,
        rel: &str,
        body: &[u8],
        decompress: impl Fn(&[u8], usize) -> Option<Vec<u8>>,
    ) -> Option<File> {
        let (file, packed) = self.read(rel, body.len().saturating_add(1024))?;
        let unpacked = decompress(&packed, body.len() + 1)?;
        (unpacked == body).then_some(file)
    }

    /// Whether the file at `rel` below the previous build is the inode of `meta`.
    pub fn holds(&self, rel: &str, meta: &std::fs::Metadata) -> bool {
        self.open_file(rel)
            .and_then(|f| f.metadata().ok())
            .is_some_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
    }

    /// Opens `rel` below the previous build, following no link, and reads it when it is a
    /// regular file of this user, with the fresh mode, of at most `limit` bytes.
    fn read(&self, rel: &str, limit: usize) -> Option<(File, Vec<u8>)> {
        let mut file = self.open_file(rel)?;
        let meta = file.metadata().ok()?;
        // One name only: a file that is also linked elsewhere could be changed there.
        if !meta.is_file()
            || meta.nlink() != 1
            || meta.uid() != self.uid
            || meta.mode() & 0o7777 != self.file_mode
            || meta.len() > limit as u64
        {
            return None;
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.read_to_end(&mut bytes).ok()?;
        Some((file, bytes))
    }

    fn open_file(&self, rel: &str) -> Option<File> {
        let name = CString::new(rel).ok()?;
        // SAFETY: open_how is plain data; all-zero is its "no options" value.
        let mut how: libc::open_how = unsafe { std::mem::zeroed() };
        how.flags = (libc::O_RDONLY | libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC) as u64;
        how.resolve =
            libc::RESOLVE_BENEATH | libc::RESOLVE_NO_SYMLINKS | libc::RESOLVE_NO_MAGICLINKS;
        // SAFETY: the descriptor, the name and `how` are valid for the call; a kernel
        // without openat2 answers ENOSYS and nothing is carried over.
        let fd = unsafe {
            libc::syscall(
                libc::SYS_openat2,
                self.dir.as_raw_fd(),
                name.as_ptr(),
                &how as *const libc::open_how,
                std::mem::size_of::<libc::open_how>(),
            )
        };
        if fd < 0 {
            return None;
        }
        // SAFETY: `fd` is a descriptor just opened and owned by nobody else.
        Some(unsafe { File::from_raw_fd(fd as i32) })
    }
}

/// Makes `to` a new name of the inode open in `file` (the one that was compared, whatever
/// its path has become since). False when it cannot (no /proc, another filesystem).
pub fn link(file: &File, to: &Path) -> bool {
    let (Ok(from), Ok(to)) = (
        CString::new(format!("/proc/self/fd/{}", file.as_raw_fd())),
        CString::new(to.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both are valid NUL-terminated strings for the duration of the call.
    let rc = unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::AT_SYMLINK_FOLLOW,
        )
    };
    rc == 0
}
