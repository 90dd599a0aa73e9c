//! Deploying to a local folder, a web server's document root: the new build is put
//! together beside it (each unchanged file linked from the folder as it is, each new or
//! changed one copied from the build) and swapped in with one atomic rename, so the folder
//! always holds one whole build; the files the build no longer has go with the old one.
//! A failure before the swap leaves the folder as it was.

use std::path::Path;

use stp_render::Staging;

use super::changes::{Changes, digests};
use super::error::DeployError;
use super::target::{Deployed, RECORD};

/// What the folder holds: the record of the build last deployed into it, other files
/// (not deployed by stp), or nothing.
pub fn folder_deployed(target: &Path) -> Result<Deployed, DeployError> {
    let record = target.join(RECORD);
    if record.is_file() {
        let text = std::fs::read_to_string(&record).map_err(DeployError::io(&record))?;
        return Ok(Deployed::Record(text));
    }
    let holds_files = std::fs::read_dir(target).is_ok_and(|mut d| d.next().is_some());
    Ok(if holds_files {
        Deployed::Foreign
    } else {
        Deployed::Nothing
    })
}

/// Deploys `build` to the folder `target` (made if missing); with `dry_run`, only says
/// what would change.
pub fn to_folder(build: &Path, target: &Path, dry_run: bool) -> Result<Changes, DeployError> {
    let from = digests(build)?;
    let before = digests(target)?;
    let changes = Changes::between(&from, &before);
    if dry_run || (changes.is_empty() && target.exists()) {
        return Ok(changes);
    }
    let staging = Staging::new(target)?;
    for (rel, digest) in &from {
        let to = staging.dir().join(rel);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(DeployError::io(parent))?;
        }
        let old = target.join(rel);
        let linked = before.get(rel) == Some(digest) && std::fs::hard_link(&old, &to).is_ok();
        if !linked {
            let src = build.join(rel);
            std::fs::copy(&src, &to).map_err(DeployError::io(&src))?;
        }
    }
    staging.commit()?;
    Ok(changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn the_folder_gets_the_build_whole_and_keeps_unchanged_files_as_they_were() {
        let tmp = tempfile::tempdir().unwrap();
        let (build, target) = (tmp.path().join("public"), tmp.path().join("www"));
        write(&build, "index.html", "trang chủ");
        write(&build, "tin-tuc/a/index.html", "bài a");
        let first = to_folder(&build, &target, false).unwrap();
        assert_eq!(first.uploaded.len(), 2);
        write(&build, "index.html", "trang chủ mới");
        std::fs::remove_dir_all(build.join("tin-tuc")).unwrap();
        write(&build, "tin-tuc/b/index.html", "bài b");
        let dry = to_folder(&build, &target, true).unwrap();
        assert_eq!(dry.uploaded, ["index.html", "tin-tuc/b/index.html"]);
        assert_eq!(dry.deleted, ["tin-tuc/a/index.html"]);
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).unwrap(),
            "trang chủ",
            "a dry run changes nothing"
        );
        assert_eq!(to_folder(&build, &target, false).unwrap(), dry);
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).unwrap(),
            "trang chủ mới"
        );
        assert!(
            !target.join("tin-tuc/a").exists(),
            "the removed page is gone"
        );
        // An unchanged file is the same file afterwards (linked, not copied again).
        use std::os::unix::fs::MetadataExt;
        let inode = |rel: &str| std::fs::metadata(target.join(rel)).unwrap().ino();
        let kept = inode("tin-tuc/b/index.html");
        write(&build, "tin-tuc/b/anh.txt", "x");
        to_folder(&build, &target, false).unwrap();
        assert_eq!(inode("tin-tuc/b/index.html"), kept);
        let again = to_folder(&build, &target, false).unwrap();
        assert!(again.is_empty() && again.unchanged == 3, "{again:?}");
        // Nothing is left beside the folder.
        let beside: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(beside.len(), 2, "{beside:?}");
    }
}
