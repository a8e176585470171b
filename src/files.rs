//! File-system safety under faults: what schemat does so that a file it
//! reads cannot hang it and a file it writes is never left half-written.
//!
//! Reading opens **regular files only** ([`open_regular`]): a named pipe, a
//! socket or a device is refused before anything waits on it (the file is
//! checked by its metadata, opened without blocking, and checked again on the
//! open handle, so a file swapped for a pipe in between cannot hang either),
//! and the size limit is enforced while reading ([`read_bounded`]), so an
//! endless or growing file stops at the limit whatever its metadata says.
//!
//! Writing is split into small steps that compose ([`write_atomic`] is the
//! usual sequence; a multi-file export can stage every output first and
//! commit them only when all staged):
//!
//! 1. [`target_of`] follows a symbolic link to the file it names, so the
//!    link stays a link and its target is what gets written;
//! 2. [`clean_stale_temps`] removes temporary files of schemat's own pattern
//!    (`.NAME.PID-N.tmp`, `.NAME.PID-N.bak.tmp`, and the older `.NAME.PID.tmp`)
//!    left by a schemat process that no longer runs;
//! 3. [`Staged::new`] writes the new bytes fully to a temporary file beside
//!    the target, with the target's permissions (and owner, where allowed),
//!    and fsyncs it; dropping a [`Staged`] that was not committed removes it;
//! 4. [`backup`] makes `NAME.bak` atomically: a hard link to the current file
//!    (or, where links are not supported, a fsynced copy) under a temporary
//!    name, renamed over the old backup, so a kill at any moment leaves
//!    either the previous backup or the new one, whole;
//! 5. [`Staged::commit`] renames the temporary file over the target and
//!    fsyncs the folder, so the rename itself survives a crash.
//!
//! At every moment the target holds either its old or its new bytes in full.

use std::ffi::OsString;
use std::fs::{self, File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What a path is when it is not a regular file (nor a directory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialKind {
    /// A named pipe (FIFO): reading it waits for a writer, possibly forever.
    Fifo,
    /// A Unix domain socket.
    Socket,
    /// A character device (`/dev/zero`, a terminal).
    CharDevice,
    /// A block device (a disk).
    BlockDevice,
    /// Anything else the system has that is not a file.
    Other,
}

/// Why a file could not be opened, read or written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("this is a directory, not a file")]
    IsDirectory,
    #[error("not a regular file ({0:?})")]
    NotRegular(SpecialKind),
    /// `bytes` is the size the metadata gave, `None` when the file turned out
    /// longer than the limit only while being read (it grew, or it is endless).
    #[error("the file is larger than {limit} bytes")]
    TooLarge { bytes: Option<u64>, limit: u64 },
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// The kind of a path that is neither a regular file nor a directory, `None` for those two.
pub fn special_kind(meta: &Metadata) -> Option<SpecialKind> {
    let kind = meta.file_type();
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(SpecialKind::Fifo);
        }
        if kind.is_socket() {
            return Some(SpecialKind::Socket);
        }
        if kind.is_char_device() {
            return Some(SpecialKind::CharDevice);
        }
        if kind.is_block_device() {
            return Some(SpecialKind::BlockDevice);
        }
    }
    Some(SpecialKind::Other)
}

/// Refuses anything that is not a regular file.
fn check_regular(meta: &Metadata) -> Result<(), FileError> {
    if meta.is_dir() {
        return Err(FileError::IsDirectory);
    }
    match special_kind(meta) {
        Some(kind) => Err(FileError::NotRegular(kind)),
        None => Ok(()),
    }
}

/// Opens a regular file for reading, with its metadata; anything else is refused at once.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), FileError> {
    // The path's metadata first: opening a FIFO for reading blocks until a writer comes.
    check_regular(&fs::metadata(path)?)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the path be swapped for a FIFO after the check, the open still returns at
        // once; on a regular file the flag changes nothing.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    // The file actually opened is what counts.
    let meta = file.metadata()?;
    check_regular(&meta)?;
    Ok((file, meta))
}

/// Reads a whole regular file of at most `limit` bytes. A file whose metadata
/// says it is longer is refused unread; the limit also holds while reading,
/// so a file that grows (or never ends) stops at `limit + 1` bytes.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(FileError::TooLarge { bytes: Some(meta.len()), limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge { bytes: None, limit });
    }
    Ok(bytes)
}

/// How many symbolic links [`target_of`] follows before giving up (as Linux's `ELOOP`).
const MAX_LINKS: usize = 40;

/// The file a write to `path` should replace: `path` itself, or, when it is a
/// symbolic link (to a link …), the file the last link names, which need not exist yet.
pub fn target_of(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(format!("more than {MAX_LINKS} symbolic links in a row")))
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> io::Result<&std::ffi::OsStr> {
    path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))
}

/// Tells apart the temporary files one process makes for the same target.
static SEQUENCE: AtomicU64 = AtomicU64::new(0);

/// `.NAME.PID-N{suffix}.tmp` beside `target`.
fn temp_path(target: &Path, suffix: &str) -> io::Result<PathBuf> {
    let mut name = OsString::from(".");
    name.push(file_name(target)?);
    name.push(format!(".{}-{}{suffix}.tmp", std::process::id(), SEQUENCE.fetch_add(1, Ordering::Relaxed)));
    Ok(folder_of(target).join(name))
}

/// The PID in `entry` when it is one of schemat's temporary files for the file `name`:
/// `.NAME.PID.tmp` (older versions), `.NAME.PID-N.tmp` or `.NAME.PID-N.bak.tmp`.
pub fn temp_owner(entry: &str, name: &str) -> Option<u32> {
    let middle = entry.strip_prefix('.')?.strip_prefix(name)?.strip_prefix('.')?.strip_suffix(".tmp")?;
    let middle = middle.strip_suffix(".bak").unwrap_or(middle);
    let (pid, sequence) = middle.split_once('-').unwrap_or((middle, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !digits(sequence) {
        return None;
    }
    pid.parse().ok()
}

/// Whether the process `pid` may still be running (and so still be writing its temporary file).
fn may_be_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
        // SAFETY: signal 0 sends nothing; kill only checks that the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        // EPERM: it exists but belongs to someone else.
        alive || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Removes the temporary files that schemat processes no longer running left
/// beside `target` (a save killed half-way leaves one). Returns how many.
pub fn clean_stale_temps(target: &Path) -> io::Result<usize> {
    let name = file_name(target)?.to_string_lossy().into_owned();
    let mut removed = 0;
    for entry in fs::read_dir(folder_of(target))? {
        let entry = entry?;
        let entry_name = entry.file_name();
        let Some(pid) = temp_owner(&entry_name.to_string_lossy(), &name) else { continue };
        // Only files: a folder of that name is not ours.
        if !entry.file_type().is_ok_and(|t| t.is_file()) || may_be_running(pid) {
            continue;
        }
        if fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Makes a folder's entries (a rename, a new link) durable. Not every
/// platform can open a folder; there the rename is as durable as the system makes it.
pub fn sync_folder(dir: &Path) -> io::Result<()> {
    match File::open(dir) {
        Ok(d) => d.sync_all(),
        Err(_) => Ok(()),
    }
}

/// New bytes for a target, fully written and fsynced to a temporary file
/// beside it, not yet in place. Dropping it without [`Staged::commit`]
/// removes the temporary file.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staged {
    /// Writes `bytes` for `target` (already resolved by [`target_of`]). The
    /// temporary file gets the permissions of the current target, if there
    /// is one, before any byte is written, so a private file never has a
    /// readable copy.
    pub fn new(target: &Path, bytes: &[u8]) -> io::Result<Self> {
        let temp = temp_path(target, "")?;
        let current = fs::metadata(target).ok().filter(Metadata::is_file);
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if current.is_some() {
            use std::os::unix::fs::OpenOptionsExt;
            // Private until the target's own mode is copied below.
            options.mode(0o600);
        }
        let mut file = options.open(&temp)?;
        // From here on, dropping `staged` removes the temporary file.
        let staged = Staged { temp, target: target.to_owned(), committed: false };
        if let Some(meta) = &current {
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                // Only root may give a file away; for others this keeps the group where it can.
                let _ = std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid()));
            }
            file.set_permissions(meta.permissions())?;
        }
        file.write_all(bytes)?;
        file.flush()?;
        file.sync_all()?;
        Ok(staged)
    }

    /// The temporary file holding the new bytes.
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// The file the bytes are for.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Puts the new bytes in place (one rename) and makes the rename durable.
    pub fn commit(mut self) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        self.committed = true;
        sync_folder(&folder_of(&self.target))
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// The backup of `target`: `NAME.bak` beside it.
pub fn backup_path(target: &Path) -> io::Result<PathBuf> {
    let mut name = file_name(target)?.to_owned();
    name.push(".bak");
    Ok(folder_of(target).join(name))
}

/// Makes `NAME.bak` a copy of `target` as it is now, atomically: the old
/// backup is replaced in one rename by a complete new one. Does nothing when
/// `target` does not exist.
pub fn backup(target: &Path) -> io::Result<()> {
    if !fs::symlink_metadata(target).is_ok_and(|m| m.is_file()) {
        return Ok(());
    }
    let bak = backup_path(target)?;
    if same_file(target, &bak) {
        // A save killed after its backup and before its rename: the backup already is this file.
        return Ok(());
    }
    let temp = temp_path(target, ".bak")?;
    let result = (|| {
        // A hard link is the old file itself, complete by construction, and costs nothing;
        // the save then renames the new file over the target, so the link keeps the old bytes.
        if fs::hard_link(target, &temp).is_err() {
            copy_synced(target, &temp)?;
        }
        fs::rename(&temp, &bak)?;
        sync_folder(&folder_of(target))
    })();
    // Renaming one link of a file over another link of the same file succeeds and leaves both.
    let _ = fs::remove_file(&temp);
    result
}

/// Whether two paths are links to the same file.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Copies `from` to the new file `to` and fsyncs it (for file systems without hard links).
fn copy_synced(from: &Path, to: &Path) -> io::Result<()> {
    let mut source = File::open(from)?;
    let mut copy = fs::OpenOptions::new().write(true).create_new(true).open(to)?;
    copy.set_permissions(source.metadata()?.permissions())?;
    io::copy(&mut source, &mut copy)?;
    copy.sync_all()
}

/// Replaces the file at `path` (or, for a symbolic link, the file it names)
/// with `bytes`, keeping the previous file as `NAME.bak` and its permissions.
/// On error the previous file and backup are untouched and no temporary file
/// of this call is left.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let target = target_of(path)?;
    match fs::metadata(&target) {
        Ok(meta) => check_regular(&meta)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e.into()),
    }
    // Leftovers of killed saves go first; failing to list the folder is not a reason to refuse the save.
    let _ = clean_stale_temps(&target);
    let staged = Staged::new(&target, bytes)?;
    backup(&target)?;
    staged.commit()?;
    Ok(())
}

/// [`write_atomic`] for several files at once, all or nothing: every output
/// is staged (written and fsynced beside its target) before any is put in
/// place; then each is backed up and renamed into place. When a step fails,
/// the files already replaced are put back from their backups, new ones are
/// removed, and no temporary file is left. The error names the output it is about.
pub fn write_all_atomic(outputs: &[(PathBuf, Vec<u8>)]) -> Result<(), (PathBuf, FileError)> {
    let mut staged = Vec::with_capacity(outputs.len());
    for (path, bytes) in outputs {
        let fail = |e: FileError| (path.clone(), e);
        let target = target_of(path).map_err(|e| fail(e.into()))?;
        match fs::metadata(&target) {
            Ok(meta) => check_regular(&meta).map_err(fail)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(fail(e.into())),
        }
        let _ = clean_stale_temps(&target);
        staged.push((path.clone(), Staged::new(&target, bytes).map_err(|e| fail(e.into()))?));
    }
    let mut replaced: Vec<(PathBuf, bool)> = Vec::with_capacity(staged.len());
    for (path, stage) in staged {
        let target = stage.target().to_owned();
        let existed = target.exists();
        if let Err(e) = backup(&target).and_then(|()| stage.commit()) {
            for (done, existed) in replaced.iter().rev() {
                let _ = match (existed, backup_path(done)) {
                    (true, Ok(bak)) => fs::copy(bak, done).map(drop),
                    _ => fs::remove_file(done),
                };
            }
            return Err((path, e.into()));
        }
        replaced.push((target, existed));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_for_their_file_only() {
        assert_eq!(temp_owner(".doa.ron.123.tmp", "doa.ron"), Some(123));
        assert_eq!(temp_owner(".doa.ron.123-4.tmp", "doa.ron"), Some(123));
        assert_eq!(temp_owner(".doa.ron.123-4.bak.tmp", "doa.ron"), Some(123));
        assert_eq!(temp_owner(".doa.ron.x.tmp", "doa.ron"), None);
        assert_eq!(temp_owner(".doa.ron.12-.tmp", "doa.ron"), None);
        assert_eq!(temp_owner("doa.ron.123.tmp", "doa.ron"), None);
        // Another file's temporary file, even when its name extends this one's.
        assert_eq!(temp_owner(".doa.ron.1.123-4.tmp", "doa.ron"), None);
        assert_eq!(temp_owner(".doa.ron.123-4.tmp", "doa"), None);
        let name = temp_path(Path::new("dir/doa.ron"), ".bak").unwrap();
        let name = name.file_name().unwrap().to_str().unwrap();
        assert_eq!(temp_owner(name, "doa.ron"), Some(std::process::id()));
    }

    #[test]
    fn a_dropped_stage_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.ron");
        let staged = Staged::new(&target, b"new").unwrap();
        assert_eq!(fs::read(staged.temp_path()).unwrap(), b"new");
        drop(staged);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
