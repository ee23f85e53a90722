//! Building a linter on two cores: independent pieces of the build (parsing the builtin packs,
//! reading the regexes' prefix literals, compiling the regexes a text opens, the sound index)
//! run on a second thread when there is a second core and enough work to pay for one
//! (a thread costs tens of microseconds; these pieces cost milliseconds).
//!
//! Only `std::thread::scope`: no pool outlives the call, nothing runs after it returns, and a
//! panic on the other thread is re-raised here.

use std::sync::OnceLock;

/// Whether this process may use a second core.
pub(crate) fn two_cores() -> bool {
    static TWO: OnceLock<bool> = OnceLock::new();
    *TWO.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
}

/// `items.iter().map(f).collect()`, the second half on another thread when there are at least
/// `min` items and two cores. `cost(item)` weighs the items so that the halves cost about the
/// same.
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    min: usize,
    cost: impl Fn(&T) -> usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if items.len() < min.max(2) || !two_cores() {
        return items.iter().map(f).collect();
    }
    // the split whose front costs nearest half (the first that reaches half overshot: the
    // builtin packs split 3 to 1 by bytes, 488 KB against 182 KB, where 2 to 2 is 331 to 339)
    let total: usize = items.iter().map(&cost).sum();
    let mut acc = 0;
    let mut mid = (usize::MAX, items.len() / 2);
    for (i, t) in items[..items.len() - 1].iter().enumerate() {
        acc += cost(t);
        let off = (2 * acc).abs_diff(total);
        if off < mid.0 {
            mid = (off, i + 1);
        }
    }
    let mid = mid.1.clamp(1, items.len() - 1);
    let (front, back) = items.split_at(mid);
    std::thread::scope(|s| {
        let other = s.spawn(|| back.iter().map(&f).collect::<Vec<R>>());
        let mut out: Vec<R> = front.iter().map(&f).collect();
        out.extend(other.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        out
    })
}

/// `(a(), b())`, `b` on another thread when there are two cores.
pub(crate) fn join<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    if !two_cores() {
        return (a(), b());
    }
    std::thread::scope(|s| {
        let other = s.spawn(b);
        let a = a();
        (a, other.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_order_for_any_length_and_weights() {
        for n in 0..40usize {
            let items: Vec<usize> = (0..n).collect();
            for weight in [
                |_: &usize| 1,
                |&i: &usize| i * i,
                |&i: &usize| if i == 0 { 1000 } else { 0 },
            ] {
                let out = map(&items, 2, weight, |&i| i * 3);
                assert_eq!(out, items.iter().map(|i| i * 3).collect::<Vec<_>>(), "n={n}");
            }
        }
    }

    #[test]
    fn map_splits_where_the_halves_cost_nearest_the_same() {
        if !two_cores() {
            return;
        }
        // the builtin packs' sizes in KB, in their order: 2 to 2, not 3 to 1
        let sizes = [159usize, 172, 157, 182];
        let on_this_thread = std::thread::current().id();
        let here = map(&sizes, 2, |&s| s, |_| std::thread::current().id() == on_this_thread);
        assert_eq!(here, [true, true, false, false]);
    }

    #[test]
    fn join_returns_both_in_place() {
        assert_eq!(join(|| 1, || "two"), (1, "two"));
    }

    #[test]
    #[should_panic(expected = "from the other thread")]
    fn a_panic_on_the_other_thread_is_raised_here() {
        let items = [1, 2, 3, 4];
        map(
            &items,
            2,
            |_| 1,
            |&i| if i == 4 { panic!("from the other thread") } else { i },
        );
    }
}
