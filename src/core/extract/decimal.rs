//! Exact decimals for values built from words and scales (`2.5 مليار`):
//! a signed 128-bit mantissa and a count of fractional digits. Every
//! operation is checked; an overflow is `None`, never a wrong value.

/// `mantissa / 10^scale`, exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Dec {
    mantissa: i128,
    scale: u32,
}

impl Dec {
    pub(super) const ZERO: Dec = Dec {
        mantissa: 0,
        scale: 0,
    };

    pub(super) fn int(value: i128) -> Dec {
        Dec {
            mantissa: value,
            scale: 0,
        }
    }

    /// Parses an ASCII decimal (`-12.50`); `None` if it does not fit.
    pub(super) fn parse(s: &str) -> Option<Dec> {
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.len() + frac.len() > 36 || (int.is_empty() && frac.is_empty()) {
            return None;
        }
        let mut mantissa: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(i128::from(b - b'0'))?;
        }
        let dec = Dec {
            mantissa: if negative { -mantissa } else { mantissa },
            scale: frac.len() as u32,
        };
        Some(dec.trimmed())
    }

    /// `mantissa / 10^scale`, without trailing fractional zeros (as
    /// [`Dec::parse`] gives it).
    pub(super) fn from_parts(mantissa: i128, scale: u32) -> Dec {
        Dec { mantissa, scale }.trimmed()
    }

    fn trimmed(mut self) -> Dec {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    fn rescaled(self, scale: u32) -> Option<Dec> {
        let factor = 10i128.checked_pow(scale.checked_sub(self.scale)?)?;
        Some(Dec {
            mantissa: self.mantissa.checked_mul(factor)?,
            scale,
        })
    }

    pub(super) fn add(self, other: Dec) -> Option<Dec> {
        let scale = self.scale.max(other.scale);
        let (a, b) = (self.rescaled(scale)?, other.rescaled(scale)?);
        Some(
            Dec {
                mantissa: a.mantissa.checked_add(b.mantissa)?,
                scale,
            }
            .trimmed(),
        )
    }

    pub(super) fn mul(self, other: Dec) -> Option<Dec> {
        Some(
            Dec {
                mantissa: self.mantissa.checked_mul(other.mantissa)?,
                scale: self.scale.checked_add(other.scale)?,
            }
            .trimmed(),
        )
    }

    /// `self / other` when the quotient is a terminating decimal of at
    /// most 18 fractional digits (`3 / 4`, `0.3048 / 0.0254`); `None` for
    /// `1 / 3`, a zero divisor or an overflow.
    pub(super) fn div_exact(self, other: Dec) -> Option<Dec> {
        if other.mantissa == 0 {
            return None;
        }
        // self / other = (ms * 10^so) / (mo * 10^ss): a fraction n / d.
        let mut n = self
            .mantissa
            .checked_mul(10i128.checked_pow(other.scale)?)?;
        let d = other
            .mantissa
            .checked_mul(10i128.checked_pow(self.scale)?)?;
        for scale in 0..=18 {
            if n % d == 0 {
                return Some(Dec::from_parts(n / d, scale));
            }
            n = n.checked_mul(10)?;
        }
        None
    }

    pub(super) fn negate(self) -> Dec {
        Dec {
            mantissa: -self.mantissa,
            scale: self.scale,
        }
    }

    pub(super) fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// Whether this is a whole number.
    pub(super) fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The value as an integer, if it is one that fits.
    pub(super) fn to_i64(self) -> Option<i64> {
        (self.scale == 0)
            .then(|| i64::try_from(self.mantissa).ok())
            .flatten()
    }

    pub(super) fn to_f64(self) -> f64 {
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    pub(super) fn lt(self, other: Dec) -> bool {
        let scale = self.scale.max(other.scale);
        match (self.rescaled(scale), other.rescaled(scale)) {
            (Some(a), Some(b)) => a.mantissa < b.mantissa,
            _ => false,
        }
    }
}

/// Room for a [`Dec`] written out on the stack: a sign, the 39 digits of
/// an `i128`, a point and the zeros before a short fraction.
const WRITTEN_MAX: usize = 64;

impl Dec {
    /// The decimal written into the end of `buf` (as [`Display`] writes
    /// it), without allocating; `None` for a scale that does not fit.
    ///
    /// [`Display`]: std::fmt::Display
    fn write_into(self, buf: &mut [u8; WRITTEN_MAX]) -> Option<&str> {
        let scale = self.scale as usize;
        if scale + 43 > WRITTEN_MAX {
            return None;
        }
        let mut out = Backwards {
            buf,
            at: WRITTEN_MAX,
            digits: 0,
            scale,
        };
        let mut wide = self.mantissa.unsigned_abs();
        // Most amounts fit in 64 bits, where division is cheap.
        while wide > u128::from(u64::MAX) {
            out.digit((wide % 10) as u8);
            wide /= 10;
        }
        let mut n = wide as u64;
        loop {
            out.digit((n % 10) as u8);
            n /= 10;
            if n == 0 && out.digits > scale {
                break;
            }
        }
        if self.mantissa < 0 {
            out.byte(b'-');
        }
        let at = out.at;
        std::str::from_utf8(&buf[at..]).ok()
    }

    /// [`Display`](std::fmt::Display) through the general formatter.
    fn write_general(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

/// Digits written from the last one back, with the point after `scale` of them.
struct Backwards<'a> {
    buf: &'a mut [u8; WRITTEN_MAX],
    at: usize,
    digits: usize,
    scale: usize,
}

impl Backwards<'_> {
    fn byte(&mut self, b: u8) {
        self.at -= 1;
        self.buf[self.at] = b;
    }

    fn digit(&mut self, d: u8) {
        if self.digits == self.scale && self.scale > 0 {
            self.byte(b'.');
        }
        self.byte(b'0' + d);
        self.digits += 1;
    }
}

impl std::fmt::Display for Dec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.write_into(&mut [0; WRITTEN_MAX]) {
            Some(written) => f.write_str(written),
            None => self.write_general(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Dec;

    #[test]
    fn exact_division_terminates_or_is_refused() {
        let d = |s: &str| Dec::parse(s).unwrap();
        let q = |a: &str, b: &str| d(a).div_exact(d(b)).map(|x| x.to_string());
        assert_eq!(q("3", "4").as_deref(), Some("0.75"));
        assert_eq!(q("0.3048", "0.0254").as_deref(), Some("12"));
        assert_eq!(q("1609.344", "1000").as_deref(), Some("1.609344"));
        assert_eq!(q("-2", "1000").as_deref(), Some("-0.002"));
        assert_eq!(q("1", "3"), None);
        assert_eq!(q("1", "0"), None);
    }

    /// The stack writer writes what the general formatter writes.
    #[test]
    fn written_on_the_stack_as_by_the_formatter() {
        struct General(Dec);
        impl std::fmt::Display for General {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.write_general(f)
            }
        }
        let mantissas = [
            0,
            1,
            -1,
            5,
            -5,
            42,
            12345,
            -12345,
            1_000_000,
            i128::from(u64::MAX),
            i128::from(u64::MAX) + 1,
            -i128::from(u64::MAX) - 7,
            i128::MAX,
            i128::MIN,
        ];
        for mantissa in mantissas {
            for scale in [0, 1, 2, 3, 7, 20, 21, 22, 30] {
                let dec = Dec { mantissa, scale };
                assert_eq!(
                    dec.to_string(),
                    General(dec).to_string(),
                    "{mantissa} {scale}"
                );
            }
        }
    }

    #[test]
    fn arithmetic_is_exact_and_checked() {
        let cases = [
            ("2.5", "1000000000", "2500000000"),
            ("0.002", "1000", "2"),
            ("-1.2", "1000000", "-1200000"),
            ("0.25", "3", "0.75"),
        ];
        for (a, b, product) in cases {
            let got = Dec::parse(a).unwrap().mul(Dec::parse(b).unwrap()).unwrap();
            assert_eq!(got.to_string(), product, "{a} * {b}");
        }
        assert_eq!(
            Dec::parse("3000")
                .unwrap()
                .add(Dec::parse("500.5").unwrap())
                .unwrap()
                .to_string(),
            "3500.5"
        );
        let big = Dec::parse(&"9".repeat(36)).unwrap();
        assert_eq!(big.mul(big), None);
        assert_eq!(Dec::parse(&"9".repeat(40)), None);
    }
}
