//! Watching the repository for changes that need a rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecursiveMode, Watcher};

/// Starts watching `root`; the receiver gets the changed paths, debounced.
pub fn watch(root: &Path) -> notify::Result<(notify::RecommendedWatcher, Receiver<Vec<PathBuf>>)> {
    let (raw_tx, raw_rx) = channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(raw_tx)?;
    for sub in ["content", "themes", "static"] {
        let p = root.join(sub);
        if p.is_dir() {
            watcher.watch(&p, RecursiveMode::Recursive)?;
        }
    }
    watcher.watch(&root.join("site.toml"), RecursiveMode::NonRecursive)?;
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        while let Ok(first) = raw_rx.recv() {
            let mut paths: Vec<PathBuf> = changed_paths(first);
            // Editors write in bursts; take everything that arrives within 30 ms.
            while let Ok(more) = raw_rx.recv_timeout(Duration::from_millis(30)) {
                paths.extend(changed_paths(more));
            }
            paths.retain(|p| {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default();
                !name.starts_with('.') && !name.ends_with('~') && !name.ends_with(".swp")
            });
            paths.sort();
            paths.dedup();
            if !paths.is_empty() && tx.send(paths).is_err() {
                break;
            }
        }
    });
    Ok((watcher, rx))
}

/// The paths of an event that changes something. Opening or reading a file is not a
/// change: inotify reports every file a rebuild reads, which would rebuild forever.
fn changed_paths(event: notify::Result<notify::Event>) -> Vec<PathBuf> {
    match event {
        Ok(e) => match e.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => e.paths,
            EventKind::Access(_) => Vec::new(),
            _ => e.paths,
        },
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_is_not_a_change_but_writing_is() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("content")).unwrap();
        std::fs::write(tmp.path().join("site.toml"), "").unwrap();
        let article = tmp.path().join("content/a.md");
        std::fs::write(&article, "một").unwrap();
        let (_watcher, changes) = watch(tmp.path()).unwrap();
        std::fs::read(&article).unwrap();
        assert!(
            changes.recv_timeout(Duration::from_millis(500)).is_err(),
            "reading a file was taken for a change"
        );
        std::fs::write(&article, "hai").unwrap();
        let paths = changes.recv_timeout(Duration::from_secs(5)).unwrap();
        assert!(paths.contains(&article), "{paths:?}");
    }
}
