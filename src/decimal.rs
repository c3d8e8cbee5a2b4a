//! Floats as decimal text with a fixed number of decimals, exactly as
//! `format!("{value:.decimals$}")` writes them, without its cost.
//!
//! Written by hand because the standard formatter is slow for this: it
//! works out the exact decimal expansion with big-number arithmetic
//! (Grisu, then Dragon4 when Grisu cannot decide), while a chart's
//! coordinates are small numbers with one decimal. Multiplying by a power
//! of ten and rounding to the nearest integer gives the same digits: the
//! product's rounding error only matters at a tie, and there a fused
//! multiply-add gives the error exactly. Huge or non-finite values and many
//! decimals go to the standard formatter.

use std::fmt::Write as _;

/// Powers of ten up to the most decimals the fast path takes; all exact.
const POW10: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];

/// Largest scaled value of the fast path: below 2⁵², so one half is a
/// multiple of the product's ulp (see [`scaled`]).
const MAX_SCALED: f64 = 1e15;

/// Appends `value` with exactly `decimals` decimals to `out`, the same
/// text as `write!(out, "{value:.decimals$}")`: a `-` for every negative
/// value (also `-0.0`), ties rounded to even.
pub fn push_fixed(out: &mut String, value: f64, decimals: usize) {
    match Fixed::new(value, decimals) {
        Some(text) => out.push_str(text.as_str()),
        None => {
            let _ = write!(out, "{value:.decimals$}");
        }
    }
}

/// `value` with exactly `decimals` decimals, as `format!("{value:.decimals$}")`.
pub fn fixed(value: f64, decimals: usize) -> String {
    let mut out = String::with_capacity(24);
    push_fixed(&mut out, value, decimals);
    out
}

/// The text of [`fixed`], built on the stack; only where the fast path
/// applies (not for non-finite values, products from 10¹⁵, or more than
/// six decimals).
#[derive(Clone, Copy, Debug)]
pub struct Fixed {
    /// ASCII: an optional `-`, at most 16 integer digits, the point and at
    /// most six decimals, right-aligned.
    buf: [u8; 24],
    start: usize,
}

impl Fixed {
    /// `value` with `decimals` decimals, or `None` where the standard
    /// formatter must decide.
    pub fn new(value: f64, decimals: usize) -> Option<Fixed> {
        let mut n = scaled(value, decimals)?;
        let mut buf = [b'0'; 24];
        let mut i = buf.len();
        for _ in 0..decimals {
            i -= 1;
            buf[i] = digit(n);
            n /= 10;
        }
        if decimals > 0 {
            i -= 1;
            buf[i] = b'.';
        }
        loop {
            i -= 1;
            buf[i] = digit(n);
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if value.is_sign_negative() {
            i -= 1;
            buf[i] = b'-';
        }
        Some(Fixed { buf, start: i })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, `-` and `.` were written.
        std::str::from_utf8(&self.buf[self.start..]).unwrap_or_default()
    }
}

/// The last decimal digit of `n`, as ASCII.
fn digit(n: u64) -> u8 {
    #[allow(
        clippy::cast_possible_truncation,
        reason = "a remainder of 10 fits in a byte"
    )]
    let d = (n % 10) as u8;
    b'0' + d
}

/// `|value| × 10^decimals` rounded to the nearest integer, ties to even,
/// as the exact decimal expansion rounds: the digits of [`fixed`] without
/// the point. `None` for non-finite values, products from 10¹⁵ and more
/// than six decimals.
fn scaled(value: f64, decimals: usize) -> Option<u64> {
    let scale = *POW10.get(decimals)?;
    let v = value.abs();
    // One correctly rounded multiplication: the exact product is `t + r`
    // with |r| at most half of `t`'s ulp.
    let t = v * scale;
    // Too large, infinite or NaN.
    if !t.is_finite() || t >= MAX_SCALED {
        return None;
    }
    let floor = t.floor();
    // Exact: `t` and its floor are multiples of `t`'s ulp, and so is the
    // fraction; so is one half, as `t` < 2⁵². A fraction other than one
    // half is therefore at least an ulp from it, which `r` cannot bridge.
    let frac = t - floor;
    let up = if frac == 0.5 {
        // The rounding error of a product is itself a float, and a fused
        // multiply-add computes it exactly; none means a true tie.
        let r = v.mul_add(scale, -t);
        if r == 0.0 {
            floor % 2.0 == 1.0
        } else {
            r > 0.0
        }
    } else {
        frac > 0.5
    };
    let n = if up { floor + 1.0 } else { floor };
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "n is a whole number in 0..=1e15"
    )]
    Some(n as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(value: f64, decimals: usize) {
        assert_eq!(
            fixed(value, decimals),
            format!("{value:.decimals$}"),
            "value {value:e} ({:#x}) with {decimals} decimals",
            value.to_bits()
        );
    }

    #[test]
    fn equals_std_on_chosen_values() {
        let values = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.04,
            -0.04,
            0.05,
            -0.05,
            0.15,
            0.25,
            -0.25,
            0.35,
            0.45,
            1.25,
            2.5,
            -2.5,
            3.5,
            0.125,
            0.375,
            9.95,
            9.9999999,
            99.95,
            123.456,
            -123.456,
            640.0,
            262.66666666666663,
            1e-300,
            -1e-300,
            f64::MIN_POSITIVE,
            5e-324,
            1e14,
            1e15,
            1e15 - 0.5,
            999_999_999_999_999.9,
            4_503_599_627_370_495.5,
            1e21,
            -1e21,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for v in values {
            for d in 0..=8 {
                check(v, d);
            }
        }
    }

    #[test]
    fn equals_std_on_every_tenth_and_its_neighbours() {
        // Coordinates as charts compute them, and the floats right beside
        // every tie of one and two decimals.
        for i in -200_000i64..200_000 {
            let v = i as f64 / 1000.0;
            for w in [
                v,
                f64::from_bits(v.to_bits() + 1),
                f64::from_bits(v.to_bits().saturating_sub(1)),
            ] {
                for d in 0..=3 {
                    check(w, d);
                }
            }
        }
    }

    #[test]
    fn equals_std_on_exact_ties_and_their_neighbours() {
        // Dyadic fractions are exact in binary, so many are true ties.
        for k in 1..=12 {
            let denominator = f64::from(1u32 << k);
            for j in -3_000i32..3_000 {
                let v = f64::from(j) / denominator;
                for w in [v, v.next_up(), v.next_down()] {
                    for d in 0..=6 {
                        check(w, d);
                    }
                }
            }
        }
    }

    #[test]
    fn equals_std_on_sums_of_chart_arithmetic() {
        for i in 0..5_000 {
            let x = 40.0 + f64::from(i) / 4999.0 * 584.0;
            let y = 16.0 + (5_000.0 - f64::from(i)) / 3.0 * 230.0 / 1_667.0;
            for d in 0..=3 {
                check(x, d);
                check(y, d);
                check(-y, d);
            }
        }
    }

    proptest! {
        #[test]
        fn equals_std_on_any_bits(bits in any::<u64>(), d in 0usize..=7) {
            check(f64::from_bits(bits), d);
        }

        #[test]
        fn equals_std_on_moderate_values(v in -1e16f64..1e16, d in 0usize..=7) {
            check(v, d);
        }

        #[test]
        fn equals_std_on_small_values(v in -10.0f64..10.0, d in 0usize..=7) {
            check(v, d);
        }
    }
}
