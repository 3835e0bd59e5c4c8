package io.newsflow.ingest.fetch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlGuardTest {

    private final UrlGuard guard = new UrlGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/feed", "http://127.1.2.3:8080/", "http://localhost/", "http://[::1]/",
            "http://10.0.0.5/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://100.64.0.1/",
            "http://224.0.0.1/", "http://255.255.255.255/", "http://[fe80::1]/", "http://[fc00::1]/",
            "http://[fd12:3456::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[ff02::1]/",
            "http://[64:ff9b::a00:1]/", "http://[2002:c0a8:101::1]/", "http://198.18.0.1/"})
    void refusesNonPublicTargets(String url) {
        assertThatThrownBy(() -> guard.check(url))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/", "https://8.8.8.8/feed.xml", "http://[2606:4700:4700::1111]/",
            "http://172.32.0.1/", "http://192.169.0.1/"})
    void allowsPublicTargets(String url) throws FetchException {
        assertThat(guard.check(url).toString()).isEqualTo(url);
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsPrivate() {
        UrlGuard guarded = new UrlGuard(false, host -> new InetAddress[] {
                address("93.184.215.14"), address("10.1.2.3")});

        assertThatThrownBy(() -> guarded.check("https://news.example/feed"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("10.1.2.3");
    }

    @Test
    void reportsAnUnresolvableHost() {
        UrlGuard guarded = new UrlGuard(false, host -> {
            throw new UnknownHostException(host);
        });

        assertThatThrownBy(() -> guarded.check("https://nowhere.example/"))
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.UNKNOWN_HOST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/feed", "gopher://example.com/", "/relative/feed",
            "http://user:secret@example.com/feed", "not a url", ""})
    void refusesWhatIsNotAPlainHttpUrl(String url) {
        assertThatThrownBy(() -> guard.check(url))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.INVALID_URL));
    }

    @Test
    void allowsPrivateTargetsOnlyWhenConfiguredTo() throws FetchException {
        assertThat(new UrlGuard(true).check("http://127.0.0.1:8080/feed").getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> new UrlGuard(true).check("file:///etc/passwd")).isInstanceOf(FetchException.class);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
