package io.newsflow.ingest.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BylinesTest {

    @Test
    void stripsPrefixesAndEmailsAndKeepsTheName() {
        assertThat(Bylines.clean("By Jane Doe")).isEqualTo("Jane Doe");
        assertThat(Bylines.clean("  by:  Jane   Doe ")).isEqualTo("Jane Doe");
        assertThat(Bylines.clean("Av Kari Nordmann")).isEqualTo("Kari Nordmann");
        assertThat(Bylines.clean("jane@example.com (Jane Doe)")).isEqualTo("Jane Doe");
        assertThat(Bylines.clean("Byron Smith")).isEqualTo("Byron Smith");
    }

    @Test
    void dropsContactLinksAndJobTitlesButNotNamesThatLookLikeThem() {
        assertThat(Bylines.clean("Jane Doe | Email the author")).isEqualTo("Jane Doe");
        assertThat(Bylines.clean("Jane Doe, Staff Writer")).isEqualTo("Jane Doe");
        assertThat(Bylines.names("Jane Doe, Staff Writer")).containsExactly("Jane Doe");
        assertThat(Bylines.clean("Jane Doe @janedoe")).isEqualTo("Jane Doe");
        assertThat(Bylines.clean("Pat Writer")).isEqualTo("Pat Writer");
        assertThat(Bylines.names("By Jane Doe and John Roe")).containsExactly("Jane Doe", "John Roe");
        assertThat(Bylines.names("https://news.example/authors/jane")).isEmpty();
    }

    @Test
    void rejectsWhatIsNotAName() {
        assertThat(Bylines.clean("   ")).isNull();
        assertThat(Bylines.clean("https://example.com/staff/jane")).isNull();
        assertThat(Bylines.clean("x".repeat(150))).isNull();
    }
}
