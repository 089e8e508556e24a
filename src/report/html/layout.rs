//! A layered (Sugiyama-style) drawing of the package graph, computed here so that the report
//! needs no layout service: cycles broken by reversing DFS back edges, layers by longest path
//! (importers above what they import), order within a layer by barycenter sweeps, rows wider
//! than the page wrapped, packages without edges in a row of their own at the bottom. Input is
//! indexed in the caller's order (sorted), so the drawing is deterministic.

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

pub const NODE_HEIGHT: f64 = 28.0;
const ROW_GAP: f64 = 84.0;
const NODE_GAP: f64 = 18.0;
const MARGIN: f64 = 16.0;
/// Widest row before it wraps: the drawing fits a 1280-pixel window.
pub const MAX_ROW_WIDTH: f64 = 1180.0;
const SWEEPS: usize = 12;
/// Room a long edge takes on a layer it crosses.
const DUMMY_WIDTH: f64 = 10.0;

#[derive(Debug)]
pub struct Layout {
    /// Centre of each node.
    pub pos: Vec<(f64, f64)>,
    /// Per input edge, the points it passes on the layers between its ends (from its first
    /// node to its second); empty for an edge between adjacent layers.
    pub routes: Vec<Vec<(f64, f64)>>,
    pub width: f64,
    pub height: f64,
}

/// Lays out `widths.len()` nodes joined by `edges` (from importer to imported).
pub fn layered(widths: &[f64], edges: &[(usize, usize)]) -> Layout {
    let n = widths.len();
    let mut g: DiGraph<(), ()> = DiGraph::with_capacity(n, edges.len());
    for _ in 0..n {
        g.add_node(());
    }
    let mut seen = std::collections::BTreeSet::new();
    for &(a, b) in edges {
        if a != b && a < n && b < n && seen.insert((a, b)) {
            g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
        }
    }
    let dag = acyclic(&g);
    let mut layer: Vec<usize> = vec![0; n];
    // Kahn's order over the DAG, smallest index first.
    let mut indeg = vec![0usize; n];
    for &(_, b) in &dag {
        indeg[b] += 1;
    }
    let mut out_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut into: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &dag {
        out_of[a].push(b);
        into[b].push(a);
    }
    let mut ready: std::collections::BTreeSet<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    while let Some(v) = ready.pop_first() {
        for &w in &out_of[v] {
            layer[w] = layer[w].max(layer[v] + 1);
            indeg[w] -= 1;
            if indeg[w] == 0 {
                ready.insert(w);
            }
        }
    }
    let isolated: Vec<bool> = (0..n).map(|v| out_of[v].is_empty() && into[v].is_empty()).collect();
    let top = (0..n).filter(|&v| !isolated[v]).map(|v| layer[v]).max().map_or(0, |m| m + 1);
    for v in 0..n {
        if isolated[v] {
            layer[v] = top;
        }
    }
    // An edge across several layers runs through a virtual node on each layer between, so that
    // the ordering keeps it clear of the real nodes and the drawing follows it.
    let mut widths: Vec<f64> = widths.to_vec();
    let mut routes: Vec<Vec<usize>> = vec![Vec::new(); edges.len()];
    for (k, &(a, b)) in edges.iter().enumerate() {
        if a == b || a >= n || b >= n || layer[a] == layer[b] {
            continue;
        }
        let (u, v) = if layer[a] < layer[b] { (a, b) } else { (b, a) };
        let mut prev = u;
        let mut chain = Vec::new();
        for l in layer[u] + 1..layer[v] {
            let d = widths.len();
            widths.push(DUMMY_WIDTH);
            layer.push(l);
            out_of.push(Vec::new());
            into.push(Vec::new());
            out_of[prev].push(d);
            into[d].push(prev);
            chain.push(d);
            prev = d;
        }
        if !chain.is_empty() {
            out_of[prev].push(v);
            into[v].push(prev);
            if u != a {
                chain.reverse();
            }
            routes[k] = chain;
        }
    }
    let all = widths.len();
    let count = layer.iter().max().map_or(0, |m| m + 1);
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); count];
    for v in 0..all {
        layers[layer[v]].push(v);
    }
    order(&mut layers, &layer, &into, &out_of);

    // Rows: a layer wider than the page wraps onto several rows.
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for l in &layers {
        let mut row = Vec::new();
        let mut w = 0.0;
        for &v in l {
            if !row.is_empty() && w + widths[v] > MAX_ROW_WIDTH {
                rows.push(std::mem::take(&mut row));
                w = 0.0;
            }
            w += widths[v] + NODE_GAP;
            row.push(v);
        }
        if !row.is_empty() {
            rows.push(row);
        }
    }
    let row_width =
        |r: &[usize]| r.iter().map(|&v| widths[v]).sum::<f64>() + NODE_GAP * r.len().saturating_sub(1) as f64;
    let inner = rows.iter().map(|r| row_width(r)).fold(0.0, f64::max);
    let mut pos = vec![(0.0, 0.0); all];
    for (i, r) in rows.iter().enumerate() {
        let y = MARGIN + NODE_HEIGHT / 2.0 + i as f64 * ROW_GAP;
        let mut x = MARGIN + (inner - row_width(r)) / 2.0;
        for &v in r {
            pos[v] = (x + widths[v] / 2.0, y);
            x += widths[v] + NODE_GAP;
        }
    }
    let height = if rows.is_empty() {
        2.0 * MARGIN
    } else {
        2.0 * MARGIN + NODE_HEIGHT + (rows.len() - 1) as f64 * ROW_GAP
    };
    let routes = routes.into_iter().map(|c| c.into_iter().map(|d| pos[d]).collect()).collect();
    pos.truncate(n);
    Layout { pos, routes, width: inner + 2.0 * MARGIN, height }
}

/// The edges of `g` with every DFS back edge reversed: a DAG (self-loops and duplicates gone).
fn acyclic(g: &DiGraph<(), ()>) -> Vec<(usize, usize)> {
    let n = g.node_count();
    // 0 unvisited, 1 on the stack, 2 done.
    let mut state = vec![0u8; n];
    let mut out = Vec::new();
    for start in 0..n {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(start, succ(g, start))];
        state[start] = 1;
        while let Some((v, next)) = stack.last_mut() {
            let v = *v;
            match next.pop() {
                Some(w) => match state[w] {
                    0 => {
                        out.push((v, w));
                        state[w] = 1;
                        stack.push((w, succ(g, w)));
                    }
                    1 => out.push((w, v)),
                    _ => out.push((v, w)),
                },
                None => {
                    state[v] = 2;
                    stack.pop();
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Successors, smallest index last (they are popped).
fn succ(g: &DiGraph<(), ()>, v: usize) -> Vec<usize> {
    let mut s: Vec<usize> =
        g.edges_directed(NodeIndex::new(v), Direction::Outgoing).map(|e| e.target().index()).collect();
    s.sort_unstable_by(|a, b| b.cmp(a));
    s
}

/// Barycenter ordering: each layer sorted by the mean position of its neighbours in the layers
/// above (down sweeps) or below (up sweeps); a node without such neighbours keeps its place.
fn order(layers: &mut [Vec<usize>], layer: &[usize], into: &[Vec<usize>], out_of: &[Vec<usize>]) {
    let mut at = vec![0.0f64; layer.len()];
    let place = |layers: &[Vec<usize>], at: &mut [f64]| {
        for l in layers {
            let len = l.len().max(1) as f64;
            for (i, &v) in l.iter().enumerate() {
                at[v] = (i as f64 + 0.5) / len;
            }
        }
    };
    place(layers, &mut at);
    for sweep in 0..SWEEPS {
        let down = sweep % 2 == 0;
        let idx: Vec<usize> = if down {
            (1..layers.len()).collect()
        } else {
            (0..layers.len().saturating_sub(1)).rev().collect()
        };
        for li in idx {
            let keyed: Vec<(f64, usize)> = layers[li]
                .iter()
                .map(|&v| {
                    let nb: Vec<usize> = if down {
                        into[v].iter().copied().filter(|&u| layer[u] < li).collect()
                    } else {
                        out_of[v].iter().copied().filter(|&u| layer[u] > li).collect()
                    };
                    let key = if nb.is_empty() {
                        at[v]
                    } else {
                        nb.iter().map(|&u| at[u]).sum::<f64>() / nb.len() as f64
                    };
                    (key, v)
                })
                .collect();
            let mut keyed = keyed;
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(at[a.1].total_cmp(&at[b.1])).then(a.1.cmp(&b.1)));
            layers[li] = keyed.into_iter().map(|(_, v)| v).collect();
            let len = layers[li].len().max(1) as f64;
            for (i, &v) in layers[li].iter().enumerate() {
                at[v] = (i as f64 + 0.5) / len;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlap(l: &Layout, w: &[f64]) -> bool {
        for i in 0..w.len() {
            for j in i + 1..w.len() {
                let (a, b) = (l.pos[i], l.pos[j]);
                if (a.1 - b.1).abs() < NODE_HEIGHT && (a.0 - b.0).abs() < (w[i] + w[j]) / 2.0 {
                    return true;
                }
            }
        }
        false
    }

    #[test]
    fn importers_above_imported_even_in_a_cycle() {
        let w = [100.0; 4];
        // 0 → 1 → 2 → 1 (cycle), 3 isolated.
        let l = layered(&w, &[(0, 1), (1, 2), (2, 1)]);
        assert!(l.pos[0].1 < l.pos[1].1 && l.pos[1].1 < l.pos[2].1, "{l:?}");
        assert!(l.pos[3].1 > l.pos[2].1, "isolated nodes go last: {l:?}");
        assert!(!overlap(&l, &w));
    }

    #[test]
    fn long_edges_pass_beside_the_nodes_between() {
        let w = [100.0; 5];
        // 0 → 1 → 2 → 3 and 0 → 3 across two layers; 4 → 0 adds a layer above.
        let l = layered(&w, &[(0, 1), (1, 2), (2, 3), (0, 3), (4, 0)]);
        assert_eq!(l.routes[3].len(), 2, "{l:?}");
        assert!(l.routes[0].is_empty());
        for &(x, y) in &l.routes[3] {
            for (&(nx, ny), wi) in l.pos.iter().zip(w) {
                assert!((ny - y).abs() >= NODE_HEIGHT || (nx - x).abs() >= (wi + DUMMY_WIDTH) / 2.0, "{l:?}");
            }
        }
        // Reversed order of the ends: the same points, the other way round.
        let r = layered(&w, &[(0, 1), (1, 2), (2, 3), (3, 0), (4, 0)]);
        assert_eq!(r.routes[3].len(), 2);
        assert!(r.routes[3][0].1 > r.routes[3][1].1, "from 3 (below) up to 0: {r:?}");
    }

    #[test]
    fn wide_layers_wrap_and_nothing_overlaps() {
        let w = vec![150.0; 40];
        let edges: Vec<(usize, usize)> = (1..40).map(|i| (0, i)).collect();
        let l = layered(&w, &edges);
        assert!(l.width <= MAX_ROW_WIDTH + 2.0 * MARGIN, "{}", l.width);
        assert!(!overlap(&l, &w));
        assert_eq!(layered(&w, &edges).pos, l.pos, "deterministic");
    }
}
