package io.relais.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookAddressesTest {

    private static final WebhookAddresses DEFAULT = new WebhookAddresses(List.of());

    @Test
    void shouldRefuseInternalAddresses_writtenAsLiterals() {
        for (String url : List.of("http://127.0.0.1/hook", "http://127.9.9.9/hook", "http://10.1.2.3/hook",
                "http://172.16.0.1/hook", "http://172.31.255.255/hook", "http://192.168.1.10/hook",
                "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/hook", "http://100.64.0.1/hook",
                "http://198.18.0.1/hook", "http://255.255.255.255/hook", "http://224.0.0.1/hook", "http://[::1]/hook",
                "http://[::]/hook", "http://[fe80::1]/hook", "http://[fd12:3456::1]/hook",
                "http://[::ffff:127.0.0.1]/hook")) {
            assertThat(DEFAULT.refusal(URI.create(url))).as(url).hasValueSatisfying(
                    why -> assertThat(why).contains("an internal address"));
        }
    }

    @Test
    void shouldAllowPublicAddresses() {
        for (String url : List.of("https://93.184.215.14/hook", "http://8.8.8.8/hook", "http://172.32.0.1/hook",
                "http://100.128.0.1/hook", "http://[2001:4860:4860::8888]/hook")) {
            assertThat(DEFAULT.refusal(URI.create(url))).as(url).isEmpty();
        }
    }

    @Test
    void shouldRefuseAName_whenAnyOfItsAddressesIsInternal() {
        WebhookAddresses addresses = new WebhookAddresses(List.of(), resolving(Map.of(
                "hooks.zapier.test", new String[] {"3.3.3.3"},
                "crm.rebound.test", new String[] {"3.3.3.4", "10.0.0.5"})));

        assertThat(addresses.refusal(URI.create("https://hooks.zapier.test/catch/1"))).isEmpty();
        assertThat(addresses.refusal(URI.create("https://crm.rebound.test/in"))).hasValueSatisfying(
                why -> assertThat(why).contains("crm.rebound.test is 10.0.0.5"));
    }

    @Test
    void shouldLeaveAnUnresolvedNameToTheAttempt() {
        WebhookAddresses addresses = new WebhookAddresses(List.of(), resolving(Map.of()));

        assertThat(addresses.refusal(URI.create("https://nowhere.test/hook"))).isEmpty();
    }

    @Test
    void shouldAllowTheListedInternalAddresses_only() {
        WebhookAddresses addresses = new WebhookAddresses(List.of("10.0.0.12", "[fd00::12]"));

        assertThat(addresses.refusal(URI.create("http://10.0.0.12:5678/webhook/relais"))).isEmpty();
        assertThat(addresses.refusal(URI.create("http://[fd00::12]/webhook"))).isEmpty();
        assertThat(addresses.refusal(URI.create("http://10.0.0.13/webhook"))).isPresent();
        assertThat(addresses.refusal(URI.create("http://127.0.0.1/webhook"))).isPresent();
    }

    @Test
    void shouldRefuseANameInTheAllowList() {
        assertThatThrownBy(() -> new WebhookAddresses(List.of("n8n.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lists IP addresses");
    }

    private static WebhookAddresses.Resolver resolving(Map<String, String[]> names) {
        return host -> {
            String[] literals = names.get(host);
            if (literals == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByName(literals[i]);
            }
            return addresses;
        };
    }
}
