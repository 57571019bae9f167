//! The only writer of the output folder. A build is written to a staging folder beside the
//! output and swapped in whole; on any failure the staging folder goes and the old output
//! stays exactly as it was.

use std::fs;
use std::path::{Path, PathBuf};

use crate::context::OutputFile;
use crate::error::{Error, Result};

/// Replaces `out_dir` with exactly `files`.
pub fn write_output(out_dir: &Path, files: &[OutputFile]) -> Result<()> {
    let parent = match out_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out_dir
        .file_name()
        .ok_or_else(|| Error::Usage(format!("output folder `{}` has no name", out_dir.display())))?
        .to_string_lossy()
        .into_owned();
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let previous = parent.join(format!(".{name}.previous-{}", std::process::id()));

    let staged = stage(&staging, files);
    if let Err(e) = staged {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    // Two renames: the window in which `out_dir` is missing is as short as the OS allows.
    let had_previous = out_dir.exists();
    if had_previous {
        if let Err(e) = fs::rename(out_dir, &previous) {
            let _ = fs::remove_dir_all(&staging);
            return Err(Error::io(out_dir, e));
        }
    }
    if let Err(e) = fs::rename(&staging, out_dir) {
        if had_previous {
            let _ = fs::rename(&previous, out_dir);
        }
        let _ = fs::remove_dir_all(&staging);
        return Err(Error::io(out_dir, e));
    }
    if had_previous {
        fs::remove_dir_all(&previous).map_err(|e| Error::io(&previous, e))?;
    }
    Ok(())
}

fn stage(staging: &Path, files: &[OutputFile]) -> Result<()> {
    if staging.exists() {
        fs::remove_dir_all(staging).map_err(|e| Error::io(staging, e))?;
    }
    fs::create_dir_all(staging).map_err(|e| Error::io(staging, e))?;
    for file in files {
        let path = staging.join(&file.path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        fs::write(&path, &file.bytes).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(out.join("old")).unwrap();
        fs::write(out.join("old/stale.html"), "x").unwrap();
        write_output(&out, &[OutputFile::new("a/index.html", "hi")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "hi");
        assert!(!out.join("old").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }
}
