//! The README's file-format example is a real schemat file: it loads, it is in
//! canonical form (saving it gives the same bytes), and it validates clean.

use std::path::Path;

#[test]
fn readme_example_is_canonical_and_valid() {
    let readme = include_str!("../README.md");
    let start = readme.find("```ron\n").expect("a ```ron block in the README") + "```ron\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let example = &readme[start..end];
    let doc = schemat::io::from_ron_str(example, Path::new("README.md")).unwrap();
    assert_eq!(schemat::io::to_ron_string(&doc), example);
    assert_eq!(schemat::validate::validate(&doc), vec![]);
}
