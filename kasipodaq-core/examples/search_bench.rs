//! Archive search time over every statement in all three languages.
//! `cargo run --release -p kasipodaq-core --example search_bench`
//! Prints microseconds per query (median of runs) and the index build time.

use std::{hint::black_box, path::Path, time::Instant};

use kasipodaq_core::{
    archive::{filter, ArchiveFilter, SearchIndex},
    content::load::load,
};

const QUERIES: [&str; 6] = ["кәсіподақтар", "маслихатов", "ratify", "safe work", "ЕҢБЕК ҚАУІПСІЗДІГІ", "zzzz no match"];
const RUNS: usize = 2_000;

fn main() {
    let statements = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")).expect("content loads");
    let text_bytes: usize = statements
        .iter()
        .flat_map(|s| s.versions.iter())
        .map(|v| v.paragraphs.iter().map(|p| p.len()).sum::<usize>())
        .sum();
    let started = Instant::now();
    let index = SearchIndex::new(&statements);
    let build = started.elapsed();
    println!(
        "{} statements × 3 languages, {} KB of paragraph HTML; index built in {} µs",
        statements.len(),
        text_bytes / 1024,
        build.as_micros()
    );
    println!("{:<24} {:>8} {:>12}", "query", "matches", "µs/query");
    for query in QUERIES {
        let f = ArchiveFilter { query: query.to_string(), ..Default::default() };
        let mut times = Vec::with_capacity(RUNS);
        let mut found = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            found = black_box(filter(&statements, &index, black_box(&f))).len();
            times.push(t.elapsed().as_nanos());
        }
        times.sort_unstable();
        println!("{:<24} {:>8} {:>12.1}", query, found, times[RUNS / 2] as f64 / 1000.0);
    }
}
