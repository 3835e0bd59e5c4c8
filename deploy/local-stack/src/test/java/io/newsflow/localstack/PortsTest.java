package io.newsflow.localstack;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void aPortIsHandedOutOnlyOnceEvenWhenTheSystemOffersItAgain() {
        // Unbound ports come back from the system quickly; a pipeline asks for seven before binding any of them.
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertThat(ports.add(Ports.free())).as("port handed out twice").isTrue();
        }
    }
}
