//! A token-bucket rate limiter per client address.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The longest wait ever announced: a day.
const MAX_WAIT: Duration = Duration::from_secs(24 * 60 * 60);

/// How many requests a client may burst, and how fast its allowance refills.
#[derive(Clone, Copy, Debug)]
pub struct RateLimit {
    /// Requests allowed at once.
    pub burst: u32,
    /// Requests regained per second.
    pub per_second: f64,
}

impl Default for RateLimit {
    fn default() -> Self {
        RateLimit {
            burst: 20,
            per_second: 5.0,
        }
    }
}

struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// Buckets by client IP.
pub(crate) struct Limiter {
    limit: RateLimit,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

impl Limiter {
    /// A limiter enforcing `limit`.
    pub(crate) fn new(limit: RateLimit) -> Self {
        Limiter {
            limit,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `client`, or says how long until one is available.
    pub(crate) fn check(&self, client: IpAddr) -> Result<(), Duration> {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        let burst = f64::from(self.limit.burst);
        let bucket = buckets.entry(client).or_insert(Bucket {
            tokens: burst,
            updated: now,
        });
        let elapsed = now.duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.limit.per_second).min(burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let missing = 1.0 - bucket.tokens;
            // No refill at all means "never": the longest wait, not a panic.
            let seconds = missing / self.limit.per_second;
            Err(Duration::try_from_secs_f64(seconds)
                .unwrap_or(MAX_WAIT)
                .min(MAX_WAIT))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_a_burst_then_refuses_with_a_wait() {
        let limiter = Limiter::new(RateLimit {
            burst: 2,
            per_second: 1.0,
        });
        let client = IpAddr::from([127, 0, 0, 1]);
        assert!(limiter.check(client).is_ok());
        assert!(limiter.check(client).is_ok());
        let wait = limiter.check(client).expect_err("over the burst");
        assert!(
            wait > Duration::from_millis(900) && wait <= Duration::from_secs(1),
            "{wait:?}"
        );
        assert!(
            limiter.check(IpAddr::from([127, 0, 0, 2])).is_ok(),
            "clients are separate"
        );
    }

    #[test]
    fn a_bucket_that_never_refills_announces_the_longest_wait() {
        let limiter = Limiter::new(RateLimit {
            burst: 1,
            per_second: 0.0,
        });
        let client = IpAddr::from([127, 0, 0, 1]);
        assert!(limiter.check(client).is_ok());
        assert_eq!(limiter.check(client), Err(MAX_WAIT));
    }
}
