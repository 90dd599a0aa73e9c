//! Signing commits as git does with `gpg.format = ssh`: an SSH signature (namespace `git`,
//! SHA-512) over the commit buffer, armored as `-----BEGIN SSH SIGNATURE-----`, made with
//! the person's OpenSSH ed25519 key file, or by a running ssh-agent holding the key.
//! The key is chosen by `--key PATH`, else `STP_KEY`, else git's `user.signingkey`.

use std::path::{Path, PathBuf};

use ssh_key::{HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};

use super::error::{LedgerError, LedgerResult};
use super::surroundings::Surroundings;

/// The namespace git signs commits in.
pub const GIT_NAMESPACE: &str = "git";

/// A key that can sign, and how.
pub struct Signer {
    pub public: PublicKey,
    /// `SHA256:…`
    pub fingerprint: String,
    /// Where the key came from, for messages.
    pub origin: PathBuf,
    with: SignWith,
}

enum SignWith {
    Private(Box<PrivateKey>),
    Agent(PathBuf),
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Signer({} from {})",
            self.fingerprint,
            self.origin.display()
        )
    }
}

impl Signer {
    /// The key named by `given` (`--key` or `STP_KEY`), else git's `user.signingkey` of the
    /// repository at `root`; `surroundings` give the home folder and the agent.
    pub fn resolve(
        given: Option<&Path>,
        root: Option<&Path>,
        surroundings: &Surroundings,
    ) -> LedgerResult<Signer> {
        let agent = surroundings.agent.as_deref();
        if let Some(path) = given {
            return Signer::load(path, agent);
        }
        let configured = root
            .and_then(|r| git2::Repository::open(r).ok())
            .and_then(|repo| repo.config().ok())
            .or_else(|| git2::Config::open_default().ok())
            .and_then(|c| c.get_string("user.signingkey").ok());
        match configured {
            Some(value) => match value.strip_prefix("key::") {
                Some(line) => Signer::from_public_line(line, Path::new("user.signingkey"), agent),
                None => Signer::load(&surroundings.expand_home(&value), agent),
            },
            None => Err(LedgerError::NoKey),
        }
    }

    /// A key file: an OpenSSH private key signs itself; a public key (or a private key
    /// protected by a passphrase) signs through the ssh-agent listening on `agent`.
    pub fn load(path: &Path, agent: Option<&Path>) -> LedgerResult<Signer> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                LedgerError::MissingKey(path.to_path_buf())
            } else {
                LedgerError::io(path)(e)
            }
        })?;
        if text
            .trim_start()
            .starts_with("-----BEGIN OPENSSH PRIVATE KEY-----")
        {
            let key = PrivateKey::from_openssh(&text).map_err(|e| LedgerError::Key {
                file: path.to_path_buf(),
                message: format!("is not a readable OpenSSH private key ({e})"),
            })?;
            if key.is_encrypted() {
                if agent.is_none() {
                    return Err(LedgerError::Locked(path.to_path_buf()));
                }
                return Signer::through_agent(key.public_key().clone(), path, agent);
            }
            let public = key.public_key().clone();
            check_algorithm(&public, path)?;
            return Ok(Signer {
                fingerprint: public.fingerprint(HashAlg::Sha256).to_string(),
                public,
                origin: path.to_path_buf(),
                with: SignWith::Private(Box::new(key)),
            });
        }
        Signer::from_public_line(&text, path, agent)
    }

    /// The private key at `path`, protected by `passphrase`, opened to sign by itself.
    pub fn unlock(path: &Path, passphrase: &str) -> LedgerResult<Signer> {
        let text = std::fs::read_to_string(path).map_err(LedgerError::io(path))?;
        let key = PrivateKey::from_openssh(&text).map_err(|e| LedgerError::Key {
            file: path.to_path_buf(),
            message: format!("is not a readable OpenSSH private key ({e})"),
        })?;
        let key = if key.is_encrypted() {
            key.decrypt(passphrase)
                .map_err(|_| LedgerError::WrongPassphrase(path.to_path_buf()))?
        } else {
            key
        };
        let public = key.public_key().clone();
        check_algorithm(&public, path)?;
        Ok(Signer {
            fingerprint: public.fingerprint(HashAlg::Sha256).to_string(),
            public,
            origin: path.to_path_buf(),
            with: SignWith::Private(Box::new(key)),
        })
    }

    fn from_public_line(line: &str, origin: &Path, agent: Option<&Path>) -> LedgerResult<Signer> {
        let public = PublicKey::from_openssh(line.trim()).map_err(|e| LedgerError::Key {
            file: origin.to_path_buf(),
            message: format!("is neither an OpenSSH private key nor a public key ({e})"),
        })?;
        Signer::through_agent(public, origin, agent)
    }

    fn through_agent(
        public: PublicKey,
        origin: &Path,
        agent: Option<&Path>,
    ) -> LedgerResult<Signer> {
        check_algorithm(&public, origin)?;
        let socket = agent.ok_or_else(|| LedgerError::Key {
            file: origin.to_path_buf(),
            message: "needs an ssh-agent to sign (a public key, or a key with a passphrase), \
                      and SSH_AUTH_SOCK is not set"
                .into(),
        })?;
        Ok(Signer {
            fingerprint: public.fingerprint(HashAlg::Sha256).to_string(),
            public,
            origin: origin.to_path_buf(),
            with: SignWith::Agent(socket.to_path_buf()),
        })
    }

    /// The armored SSH signature of `buffer` (a commit without its signature header).
    pub fn sign(&self, buffer: &[u8]) -> LedgerResult<String> {
        let sig = match &self.with {
            SignWith::Private(key) => {
                key.sign(GIT_NAMESPACE, HashAlg::Sha512, buffer)
                    .map_err(|e| LedgerError::Key {
                        file: self.origin.clone(),
                        message: format!("cannot sign: {e}"),
                    })?
            }
            SignWith::Agent(socket) => {
                let data = SshSig::signed_data(GIT_NAMESPACE, HashAlg::Sha512, buffer)
                    .map_err(|e| LedgerError::Agent(e.to_string()))?;
                let signature = super::agent::sign(socket, &self.public, &data)?;
                SshSig::new(
                    self.public.key_data().clone(),
                    GIT_NAMESPACE,
                    HashAlg::Sha512,
                    signature,
                )
                .map_err(|e| LedgerError::Agent(e.to_string()))?
            }
        };
        let armored = sig.to_pem(LineEnding::LF).map_err(|e| LedgerError::Key {
            file: self.origin.clone(),
            message: format!("cannot armor the signature: {e}"),
        })?;
        Ok(armored.trim_end().to_string())
    }
}

fn check_algorithm(key: &PublicKey, origin: &Path) -> LedgerResult<()> {
    if key.algorithm() == ssh_key::Algorithm::Ed25519 {
        Ok(())
    } else {
        Err(LedgerError::Key {
            file: origin.to_path_buf(),
            message: format!("is a {} key; stp signs with ed25519 keys", key.algorithm()),
        })
    }
}

/// Writes a new ed25519 key pair as `ssh-keygen -t ed25519 -N ''` does: `path` (the
/// private key, mode 0600) and `path.pub`. Returns the public key.
pub fn generate_key(
    path: &Path,
    comment: &str,
    passphrase: Option<&str>,
) -> LedgerResult<PublicKey> {
    use std::os::unix::fs::OpenOptionsExt;
    let public_path = PathBuf::from(format!("{}.pub", path.display()));
    for p in [path, public_path.as_path()] {
        if p.exists() {
            return Err(LedgerError::refused_with(
                format!("{} exists; stp never overwrites a key", p.display()),
                "choose another PATH",
            ));
        }
    }
    let mut key = PrivateKey::random(&mut ssh_key::rand_core::OsRng, ssh_key::Algorithm::Ed25519)
        .map_err(|e| LedgerError::Key {
        file: path.to_path_buf(),
        message: format!("cannot generate a key: {e}"),
    })?;
    key.set_comment(comment);
    if let Some(passphrase) = passphrase {
        key = key
            .encrypt(&mut ssh_key::rand_core::OsRng, passphrase)
            .map_err(|e| LedgerError::Key {
                file: path.to_path_buf(),
                message: format!("cannot protect the key with the passphrase: {e}"),
            })?;
    }
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| LedgerError::Key {
            file: path.to_path_buf(),
            message: e.to_string(),
        })?;
    let public = key.public_key().clone();
    let public_line = public.to_openssh().map_err(|e| LedgerError::Key {
        file: public_path.clone(),
        message: e.to_string(),
    })?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(LedgerError::io(parent))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(LedgerError::io(path))?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(LedgerError::io(path))?;
    std::fs::write(&public_path, format!("{public_line}\n"))
        .map_err(LedgerError::io(&public_path))?;
    Ok(public)
}
