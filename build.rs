// The default theme is compiled into the binary (include_dir!); rebuild when any of it changes,
// including files added since the last build.
//
// BROCHURE_SOURCE_HASH names this build of the tool in build-cache keys (src/cache.rs): a
// hash of the sources, the built-in theme and the locked dependency versions, so a changed
// tool never reuses PDFs made by another build of it.
use std::path::Path;

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    collect(Path::new("themes/default"), &mut files);
    files.push("Cargo.lock".into());
    files.sort();
    // FNV-1a, 64 bit: stable everywhere and needs no build dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for f in &files {
        eat(f.to_string_lossy().replace('\\', "/").as_bytes());
        eat(&std::fs::read(f).unwrap_or_default());
    }
    println!("cargo:rustc-env=BROCHURE_SOURCE_HASH={hash:016x}");
}
