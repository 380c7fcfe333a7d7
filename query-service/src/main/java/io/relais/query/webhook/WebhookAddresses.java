package io.relais.query.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may be sent. A subscription's URL is an administrator's input that this service then calls from
 * inside the company's network: pointed at the loopback, a private network, a link-local address (a cloud's metadata
 * service at 169.254.169.254) or the like, it would make this service a way into what it can reach (server-side
 * request forgery). Such addresses are refused unless listed (a self-hosted automation tool on the LAN); the public
 * receivers (Zapier, Make, a SaaS CRM) resolve to public addresses. Checked when a subscription is created and again
 * before every attempt, since what a name resolves to can change (the HTTP client resolves it once more: a name
 * switching between the two lookups is not caught; the allow-list is the firm line).
 */
final class WebhookAddresses {

    /** Resolves a host name to its addresses; {@link InetAddress#getAllByName} in the service. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<InetAddress> allowedPrivate;
    private final Resolver resolver;

    WebhookAddresses(Collection<String> allowedPrivateAddresses) {
        this(allowedPrivateAddresses, InetAddress::getAllByName);
    }

    WebhookAddresses(Collection<String> allowedPrivateAddresses, Resolver resolver) {
        this.allowedPrivate = allowedPrivateAddresses.stream().map(WebhookAddresses::literal)
                .collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /**
     * Why {@code url} must not be called, or empty if it may. A host that does not resolve is not refused here: the
     * attempt fails as any unreachable receiver's does.
     */
    Optional<String> refusal(URI url) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException unresolved) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && !allowedPrivate.contains(address)) {
                return Optional.of("its host " + url.getHost() + " is " + address.getHostAddress()
                        + ", an internal address (loopback, private, link-local or reserved); list it in "
                        + "RELAIS_WEBHOOKS_ALLOWED_PRIVATE_ADDRESSES to allow it");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, 100.64.0.0/10
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18.0.0/15
                    || first >= 240; // reserved and broadcast
        }
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc; // unique local, fc00::/7
    }

    /** An allow-list entry: an IP address written out, never a name (a name could be made to point anywhere). */
    private static InetAddress literal(String address) {
        String trimmed = address.strip();
        if (!trimmed.matches("[0-9.]+|\\[?[0-9A-Fa-f:.]+]?")) {
            throw new IllegalArgumentException("RELAIS_WEBHOOKS_ALLOWED_PRIVATE_ADDRESSES lists IP addresses, not '"
                    + address + "'");
        }
        try {
            return InetAddress.getByName(trimmed);
        } catch (UnknownHostException invalid) {
            throw new IllegalArgumentException("RELAIS_WEBHOOKS_ALLOWED_PRIVATE_ADDRESSES: '" + address
                    + "' is no IP address", invalid);
        }
    }
}
