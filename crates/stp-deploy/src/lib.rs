//! Deploy owns putting a finished public build where readers get it. It compares the
//! build with what the target holds by content (SHA-256, or rsync's checksums), never by
//! timestamps, and says what it will send, delete and leave (`Changes`). A local folder (a
//! web server's document root) gets the new build swapped in atomically, so a reader never
//! sees half of one; a folder on another host gets it through the system's `rsync` over
//! `ssh`, renamed into place together at the end; S3-compatible object storage (`s3`) gets
//! the changed objects, the fingerprinted assets first and the build record last, and the
//! removed ones are deleted after. Every target reports the build record it holds
//! (`Deployed`). Which builds may go out at all (a public build, never a preview; never a
//! history older than the one deployed, unless an admin signed that it may) is the
//! command line's to check, with the ledger.

mod changes;
mod error;
mod folder;
pub mod s3;
mod ssh;
mod target;

pub use changes::{Changes, Digests, digests};
pub use error::{DeployError, Stage};
pub use folder::{folder_deployed, to_folder};
pub use ssh::{Remote, to_ssh};
pub use target::{Deployed, RECORD, Target};
