//! Which addresses an outbound request may reach: public unicast addresses only, checked
//! after DNS resolution (`GuardedResolver`) and for addresses written in URLs (`check_url`).
//! Loopback (127.0.0.1 and ::1 only) is let through when tests ask for it; every other
//! non-public range stays refused whatever the settings.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

/// Why an address is not reachable from the checks, or `None` when it is a public address.
pub fn refusal(ip: IpAddr, allow_loopback: bool) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => refusal_v4(v4, allow_loopback),
        IpAddr::V6(v6) => refusal_v6(v6, allow_loopback),
    }
}

fn in_v4(ip: Ipv4Addr, net: [u8; 4], prefix: u32) -> bool {
    let mask = if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - prefix)
    };
    (u32::from(ip) & mask) == (u32::from(Ipv4Addr::from(net)) & mask)
}

fn refusal_v4(ip: Ipv4Addr, allow_loopback: bool) -> Option<&'static str> {
    if allow_loopback && ip == Ipv4Addr::LOCALHOST {
        return None;
    }
    const RANGES: [([u8; 4], u32, &str); 15] = [
        ([0, 0, 0, 0], 8, "an unspecified (\"this network\") address"),
        ([127, 0, 0, 0], 8, "a loopback address"),
        ([10, 0, 0, 0], 8, "a private address"),
        ([172, 16, 0, 0], 12, "a private address"),
        ([192, 168, 0, 0], 16, "a private address"),
        ([169, 254, 0, 0], 16, "a link-local address"),
        ([100, 64, 0, 0], 10, "a shared (carrier-grade NAT) address"),
        ([192, 0, 0, 0], 24, "an IETF protocol assignment"),
        ([192, 0, 2, 0], 24, "a documentation address"),
        ([198, 51, 100, 0], 24, "a documentation address"),
        ([203, 0, 113, 0], 24, "a documentation address"),
        ([198, 18, 0, 0], 15, "a benchmarking address"),
        ([192, 88, 99, 0], 24, "a deprecated 6to4 relay address"),
        ([224, 0, 0, 0], 4, "a multicast address"),
        ([240, 0, 0, 0], 4, "a reserved or broadcast address"),
    ];
    RANGES
        .iter()
        .find(|(net, prefix, _)| in_v4(ip, *net, *prefix))
        .map(|(_, _, why)| *why)
}

fn in_v6(ip: Ipv6Addr, net: [u16; 8], prefix: u32) -> bool {
    let mask = if prefix == 0 {
        0
    } else {
        u128::MAX << (128 - prefix)
    };
    (u128::from(ip) & mask) == (u128::from(Ipv6Addr::from(net)) & mask)
}

fn refusal_v6(ip: Ipv6Addr, allow_loopback: bool) -> Option<&'static str> {
    if ip == Ipv6Addr::LOCALHOST {
        return if allow_loopback {
            None
        } else {
            Some("a loopback address")
        };
    }
    if ip.is_unspecified() {
        return Some("an unspecified address");
    }
    // Addresses that carry an IPv4 address: judged by that address (loopback stays refused
    // there: tests use 127.0.0.1 or ::1 themselves).
    if let Some(v4) = ip.to_ipv4_mapped() {
        return refusal_v4(v4, false);
    }
    let segments = ip.segments();
    // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) lead to an IPv4 address.
    if in_v6(ip, [0x64, 0xff9b, 0, 0, 0, 0, 0, 0], 96) {
        let o = ip.octets();
        return refusal_v4(Ipv4Addr::new(o[12], o[13], o[14], o[15]), false);
    }
    if segments[0] == 0x2002 {
        let v4 = Ipv4Addr::new(
            (segments[1] >> 8) as u8,
            segments[1] as u8,
            (segments[2] >> 8) as u8,
            segments[2] as u8,
        );
        return refusal_v4(v4, false);
    }
    const RANGES: [([u16; 8], u32, &str); 9] = [
        (
            [0, 0, 0, 0, 0, 0, 0, 0],
            96,
            "an IPv4-compatible (deprecated) address",
        ),
        ([0x100, 0, 0, 0, 0, 0, 0, 0], 64, "a discard-only address"),
        (
            [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0],
            32,
            "a documentation address",
        ),
        ([0x3fff, 0, 0, 0, 0, 0, 0, 0], 20, "a documentation address"),
        (
            [0x2001, 0, 0, 0, 0, 0, 0, 0],
            23,
            "an IETF protocol assignment (Teredo, benchmarking...)",
        ),
        (
            [0xfc00, 0, 0, 0, 0, 0, 0, 0],
            7,
            "a unique-local (private) address",
        ),
        ([0xfe80, 0, 0, 0, 0, 0, 0, 0], 10, "a link-local address"),
        (
            [0xfec0, 0, 0, 0, 0, 0, 0, 0],
            10,
            "a site-local (deprecated) address",
        ),
        ([0xff00, 0, 0, 0, 0, 0, 0, 0], 8, "a multicast address"),
    ];
    if let Some((_, _, why)) = RANGES
        .iter()
        .find(|(net, prefix, _)| in_v6(ip, *net, *prefix))
    {
        return Some(why);
    }
    // Only global unicast (2000::/3) is public.
    if segments[0] & 0xe000 != 0x2000 {
        return Some("an address outside global unicast");
    }
    None
}

/// What a URL may be before anything is sent: http or https, a host, no credentials, and an
/// address written in it (if any) public. Host names are checked after resolution.
pub fn check_url(url: &Url, allow_loopback: bool) -> Result<(), String> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "scheme `{}` is not allowed (http or https only)",
            url.scheme()
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("a URL with credentials is not allowed".to_owned());
    }
    match url.host() {
        None => Err("the URL has no host".to_owned()),
        Some(Host::Ipv4(ip)) => match refusal(IpAddr::V4(ip), allow_loopback) {
            Some(why) => Err(format!("{ip} is {why}")),
            None => Ok(()),
        },
        Some(Host::Ipv6(ip)) => match refusal(IpAddr::V6(ip), allow_loopback) {
            Some(why) => Err(format!("{ip} is {why}")),
            None => Ok(()),
        },
        Some(Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            if name == "localhost" || name.ends_with(".localhost") {
                if allow_loopback {
                    Ok(())
                } else {
                    Err(format!("{name} is a loopback name"))
                }
            } else {
                Ok(())
            }
        }
    }
}

/// The error a resolution gives when every address of a name is refused; found again in the
/// error chain to answer "refused" rather than "unreachable".
#[derive(Debug, thiserror::Error)]
#[error("{host} resolves only to addresses the checks may not reach ({reasons})")]
pub struct RefusedAddresses {
    pub host: String,
    pub reasons: String,
}

/// A resolver that drops every address that is not public, and fails when none is left.
#[derive(Debug, Clone)]
pub struct GuardedResolver {
    pub allow_loopback: bool,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_loopback = self.allow_loopback;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let mut reasons = Vec::new();
            let kept: Vec<SocketAddr> = found
                .into_iter()
                .filter(|addr| match refusal(addr.ip(), allow_loopback) {
                    None => true,
                    Some(why) => {
                        reasons.push(format!("{} is {why}", addr.ip()));
                        false
                    }
                })
                .collect();
            if kept.is_empty() {
                let error = RefusedAddresses {
                    host,
                    reasons: if reasons.is_empty() {
                        "no address".to_owned()
                    } else {
                        reasons.join("; ")
                    },
                };
                return Err(Box::new(error) as Box<dyn std::error::Error + Send + Sync>);
            }
            let addrs: Addrs = Box::new(kept.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(ip: &str) -> bool {
        refusal(ip.parse().expect("test address"), false).is_some()
    }

    #[test]
    fn public_addresses_pass() {
        for ip in [
            "1.1.1.1",
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700:4700::1111",
            "2a00:1450:4007:80e::200e",
        ] {
            assert!(!refused(ip), "{ip} should be public");
        }
    }

    #[test]
    fn every_non_public_range_is_refused() {
        for ip in [
            "0.0.0.0",
            "127.0.0.1",
            "127.1.2.3",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.255",
            "192.0.0.8",
            "192.0.2.1",
            "198.51.100.7",
            "203.0.113.9",
            "198.18.0.1",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "fec0::1",
            "ff02::1",
            "2001:db8::1",
            "3fff::1",
            "2001::1",
            "100::1",
            "64:ff9b::a00:1",
            "2002:c0a8:101::1",
            "4000::1",
        ] {
            assert!(refused(ip), "{ip} should be refused");
        }
    }

    #[test]
    fn addresses_embedding_a_public_ipv4_are_judged_by_it() {
        assert!(!refused("::ffff:1.1.1.1"));
        assert!(!refused("64:ff9b::101:101"));
        assert!(!refused("2002:101:101::1"));
    }

    #[test]
    fn allow_loopback_lets_through_only_the_two_loopback_addresses() {
        let allowed = |ip: &str| refusal(ip.parse().expect("test address"), true).is_none();
        assert!(allowed("127.0.0.1"));
        assert!(allowed("::1"));
        for ip in [
            "127.0.0.2",
            "10.0.0.1",
            "192.168.0.1",
            "169.254.169.254",
            "::ffff:127.0.0.1",
            "fd00::1",
        ] {
            assert!(!allowed(ip), "{ip} must stay refused with allow_loopback");
        }
    }

    #[test]
    fn urls_are_checked_for_scheme_credentials_and_literal_addresses() {
        let check = |u: &str| check_url(&Url::parse(u).expect("test url"), false);
        assert!(check("https://example.org/").is_ok());
        assert!(check("http://example.org/").is_ok());
        assert!(check("ftp://example.org/").is_err());
        assert!(check("file:///etc/passwd").is_err());
        assert!(check("https://user:pw@example.org/").is_err());
        assert!(check("http://127.0.0.1:8080/").is_err());
        assert!(check("http://[::1]/").is_err());
        assert!(check("http://169.254.169.254/latest/meta-data").is_err());
        assert!(check("http://localhost/").is_err());
        assert!(
            check("http://0x7f000001/").is_err(),
            "a hexadecimal IPv4 is parsed as 127.0.0.1"
        );
        assert!(check_url(&Url::parse("http://127.0.0.1:1/").expect("url"), true).is_ok());
    }
}
