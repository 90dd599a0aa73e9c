//! Watching the repository for changes that need a rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

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
            let mut paths: Vec<PathBuf> = first.map(|e| e.paths).unwrap_or_default();
            // Editors write in bursts; take everything that arrives within 30 ms.
            while let Ok(more) = raw_rx.recv_timeout(Duration::from_millis(30)) {
                paths.extend(more.map(|e| e.paths).unwrap_or_default());
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
