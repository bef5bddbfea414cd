//! Same input, same bytes, whatever the thread count.

use std::fs;

use crate::util::report_example;

#[test]
fn outputs_do_not_depend_on_threads() {
    let one = report_example(&["--threads", "1"]);
    let two = report_example(&["--threads", "2"]);
    let mut names: Vec<String> =
        fs::read_dir(one.path()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect();
    names.sort();
    assert!(names.len() >= 17, "{names:?}");
    for name in &names {
        let a = fs::read(one.path().join(name)).unwrap();
        let b = fs::read(two.path().join(name)).unwrap();
        assert!(a == b, "{name} differs between --threads 1 and --threads 2");
    }
    let parquet = fs::read(one.path().join("evidence.parquet")).unwrap();
    assert_eq!(&parquet[..4], b"PAR1");
}
