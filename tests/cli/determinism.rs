//! Same input, same bytes, whatever the thread count.

use std::fs;

use crate::util::report_example;

#[test]
fn outputs_do_not_depend_on_threads() {
    let one = report_example(&["--threads", "1"]);
    let two = report_example(&["--threads", "2"]);
    let files = |dir: &std::path::Path| -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect()
    };
    let mut names = files(one.path());
    names.extend(files(&one.path().join("charts")).into_iter().map(|n| format!("charts/{n}")));
    names.sort();
    assert!(names.len() >= 35, "{names:?}");
    for name in &names {
        let a = fs::read(one.path().join(name)).unwrap();
        let b = fs::read(two.path().join(name)).unwrap();
        assert!(a == b, "{name} differs between --threads 1 and --threads 2");
    }
    let parquet = fs::read(one.path().join("evidence.parquet")).unwrap();
    assert_eq!(&parquet[..4], b"PAR1");
}
