//! kill -9 during a save (issue 10): a child process saves a large document
//! over and over, alternating two versions, and is killed at random moments.
//! After every kill the file parses as one of the two versions, the `.bak`
//! parses as one of them, and at most the killed save's own temporary files
//! are left, which the next save removes; at the end none is left.
//!
//! `cargo test --test io_kill` kills 100 times (a few seconds);
//! `SCHEMAT_KILL_ROUNDS=2000 cargo test --test io_kill -- --nocapture` kills
//! more, and `SCHEMAT_KILL_SEED=N` replays a run (the seed is printed).

mod layout_fixture;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use schemat::io;
use schemat::model::{Document, TaskPoint};

/// The folder the child saves in; set only in the child.
const CHILD_DIR: &str = "SCHEMAT_KILL_CHILD_DIR";

/// Two versions of a large document (about 1 MB of RON): the same units, other task wordings.
fn versions() -> (Document, Document) {
    let mut old = layout_fixture::generated(1500);
    for (i, unit) in old.units.iter_mut().enumerate() {
        unit.tasks.points = TaskPoint::numbered((0..4).map(|p| format!("prowadzenia spraw nr {p} jednostki {i}")));
    }
    let mut new = old.clone();
    new.meta.version = "projekt zmian".into();
    for unit in &mut new.units {
        unit.tasks.points[0].text.push_str(" oraz nowych spraw");
    }
    (old, new)
}

fn target(dir: &Path) -> PathBuf {
    dir.join("doa.ron")
}

/// The child: saves the two versions in turn until it is killed.
#[test]
#[ignore = "run by kill_9_at_random_moments_never_leaves_a_torn_file as its child process"]
fn child_saves_until_killed() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else { return };
    let path = target(Path::new(&dir));
    let (old, new) = versions();
    loop {
        io::save(&new, &path).unwrap();
        io::save(&old, &path).unwrap();
    }
}

/// The temporary files in the folder (names starting with a dot).
fn temps(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[test]
fn kill_9_at_random_moments_never_leaves_a_torn_file() {
    let rounds: usize = std::env::var("SCHEMAT_KILL_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let mut seed: u64 = std::env::var("SCHEMAT_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
    });
    println!("SCHEMAT_KILL_SEED={seed}");
    let mut random = move |below: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % below
    };
    let (old, new) = versions();
    let dir = tempfile::tempdir().unwrap();
    let path = target(dir.path());
    io::save(&old, &path).unwrap();
    let bak = path.with_file_name("doa.ron.bak");
    let is_a_version = |doc: &Document| *doc == old || *doc == new;
    let mut killed_mid_save = 0;
    for round in 0..rounds {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "child_saves_until_killed", "--ignored", "--test-threads=1"])
            .env(CHILD_DIR, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // From before the child's first save to several saves into it.
        std::thread::sleep(Duration::from_micros(random(60_000)));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert_eq!(status.code(), None, "round {round}: the child was killed, it did not stop by itself");

        let doc = io::load(&path).unwrap_or_else(|e| panic!("round {round}: the file is torn: {e}"));
        assert!(is_a_version(&doc), "round {round}: the file is neither version");
        if bak.exists() {
            let backup = io::load(&bak).unwrap_or_else(|e| panic!("round {round}: the backup is torn: {e}"));
            assert!(is_a_version(&backup), "round {round}: the backup is neither version");
        }
        // Only the killed save's own: its staged file and its backup's link, at most.
        let left = temps(dir.path());
        assert!(left.len() <= 2, "round {round}: temporary files pile up: {left:?}");
        killed_mid_save += usize::from(!left.is_empty());
    }
    println!("{rounds} kills, {killed_mid_save} of them in the middle of a save");
    // The next save cleans what the last kill left.
    io::save(&new, &path).unwrap();
    assert_eq!(temps(dir.path()), Vec::<String>::new());
    assert!(bak.exists());
}
