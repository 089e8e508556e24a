//! Issue 10, case 5: one function shared by P packages made P²/2 package pairs, each with its
//! own per-file range lists (391 MB for 1,000 packages, all memory for 10,000). The overlap list
//! is capped per package and the summary counts every pair; benches/overlap_memory.sh measures
//! the peak memory.

mod common;

use common::{report, write};
use std::collections::BTreeMap;

const SHARED: &str = "export function total(items) {
  let sum = 0;
  for (const item of items) {
    if (item.price > 0 && item.quantity > 0) {
      sum += item.price * item.quantity;
    }
  }
  return Math.round(sum * 100) / 100;
}
";

#[test]
fn packages_sharing_one_clone_get_a_capped_overlap_list() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let packages = 1_000;
    write(root, "package.json", r#"{"name": "r", "private": true, "workspaces": ["packages/*"]}"#);
    for i in 0..packages {
        write(root, &format!("packages/p{i:04}/package.json"), &format!(r#"{{"name": "p{i:04}"}}"#));
        // A line of its own first, so that no two files are whole-file copies of each other.
        write(root, &format!("packages/p{i:04}/src/total.js"), &format!("export const id = {i};\n{SHARED}"));
    }
    let r = report(&["dups", root.to_str().unwrap(), "--min-tokens", "30", "--min-lines", "3"]);
    let overlaps = r["overlaps"].as_array().unwrap();
    let cap = 50;
    // Every pair shares the function: all are counted, few are listed.
    let pairs = packages * (packages - 1) / 2;
    assert_eq!(r["summary"]["overlap_pairs"].as_u64(), Some(pairs as u64));
    assert!(!overlaps.is_empty());
    assert!(overlaps.len() <= cap * packages, "{} overlaps listed", overlaps.len());
    // Every package lists its own top partners (a popular one is also listed by others).
    let mut listed: BTreeMap<&str, usize> = BTreeMap::new();
    let lines: BTreeMap<&str, u64> = r["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["path"].as_str().unwrap(), p["lines"].as_u64().unwrap()))
        .collect();
    for o in overlaps {
        let (a, b) = (o["package_a"].as_str().unwrap(), o["package_b"].as_str().unwrap());
        assert!(a < b, "{a} {b}");
        *listed.entry(a).or_default() += 1;
        *listed.entry(b).or_default() += 1;
        // The lines are the function's, never more than the package has.
        let (la, lb) = (o["lines_a"].as_u64().unwrap(), o["lines_b"].as_u64().unwrap());
        assert!(la <= lines[a] && lb <= lines[b], "{o}");
        assert!(la >= 3 && lb >= 3, "{o}");
    }
    assert_eq!(listed.len(), packages);
    assert!(listed.values().all(|&n| n >= cap), "{:?}", listed.values().min());
    // The first packages (equal lines, then package order) are each other's top partners.
    assert!(overlaps
        .iter()
        .any(|o| o["package_a"] == "packages/p0000" && o["package_b"] == "packages/p0001"));
}
