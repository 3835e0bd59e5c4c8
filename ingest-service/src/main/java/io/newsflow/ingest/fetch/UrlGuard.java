package io.newsflow.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * SSRF guard: a URL from a feed or a user is fetched only when it is http(s) and every address its host resolves to
 * is public. Checking every address matters: a name resolving to one public and one private address would otherwise
 * let the HTTP client pick the private one.
 */
public final class UrlGuard {

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateAddresses;
    private final Resolver resolver;

    public UrlGuard(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, InetAddress::getAllByName);
    }

    public UrlGuard(boolean allowPrivateAddresses, Resolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    /** Parses and checks a URL given as text (a feed URL, a link, a Location header). */
    public URI check(String url) throws FetchException {
        if (url == null || url.isBlank()) {
            throw new FetchException(FetchException.Kind.INVALID_URL, "URL is empty");
        }
        if (url.length() > 2048) {
            throw new FetchException(FetchException.Kind.INVALID_URL, "URL longer than 2048 characters");
        }
        try {
            return check(new URI(url.strip()));
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Kind.INVALID_URL, "Not a valid URL: " + e.getMessage(), e);
        }
    }

    /** Checks scheme, host and every address of the host; returns the URI when it may be fetched. */
    public URI check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Kind.INVALID_URL, "Only http and https URLs are fetched: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new FetchException(FetchException.Kind.INVALID_URL, "URL has no host: " + uri);
        }
        if (uri.getRawUserInfo() != null) {
            throw new FetchException(FetchException.Kind.INVALID_URL, "URLs with credentials are not fetched: " + host);
        }
        if (allowPrivateAddresses) {
            return uri;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.UNKNOWN_HOST, "Host does not resolve: " + host, e);
        }
        if (addresses == null || addresses.length == 0) {
            throw new FetchException(FetchException.Kind.UNKNOWN_HOST, "Host does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new FetchException(FetchException.Kind.BLOCKED_ADDRESS,
                        "Refusing " + host + ": resolves to non-public address " + address.getHostAddress());
            }
        }
        return uri;
    }

    /** True for globally routable unicast addresses; false for loopback, private, link-local, multicast, reserved. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 embeds an IPv4 address
            }
            if (isZero(b, 0, 12) || (first == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && isZero(b, 4, 12)) || (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)) {
                // IPv4-compatible, NAT64 (64:ff9b::/96) and IPv4-mapped addresses: judge the embedded IPv4 address.
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                   // 0.0.0.0/8 "this network"
                || a0 == 10                                // 10/8 private
                || a0 == 127                               // loopback
                || (a0 == 100 && (a1 & 0xc0) == 64)        // 100.64/10 carrier-grade NAT
                || (a0 == 169 && a1 == 254)                // link-local (cloud metadata lives here)
                || (a0 == 172 && (a1 & 0xf0) == 16)        // 172.16/12 private
                || (a0 == 192 && a1 == 0 && a2 == 0)       // 192.0.0/24 protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2)       // TEST-NET-1
                || (a0 == 192 && a1 == 168)                // 192.168/16 private
                || (a0 == 198 && (a1 & 0xfe) == 18)        // 198.18/15 benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100)    // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113)     // TEST-NET-3
                || a0 >= 224);                             // multicast, reserved, broadcast
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
