package io.newsflow.ingest.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyCheckTest {

    @Test
    void withoutAConfiguredKeyEverythingPasses() {
        assertThat(new ApiKeyCheck(null).allows(null, null)).isTrue();
        assertThat(new ApiKeyCheck("  ").enabled()).isFalse();
    }

    @Test
    void acceptsTheKeyAsHeaderOrBearerTokenAndNothingElse() {
        ApiKeyCheck check = new ApiKeyCheck("s3cret-key");
        assertThat(check.allows("s3cret-key", null)).isTrue();
        assertThat(check.allows(null, "Bearer s3cret-key")).isTrue();
        assertThat(check.allows(null, "bearer s3cret-key")).isTrue();
        assertThat(check.allows(null, null)).isFalse();
        assertThat(check.allows("", null)).isFalse();
        assertThat(check.allows("s3cret-ke", null)).isFalse();
        assertThat(check.allows("s3cret-key-and-more", null)).isFalse();
        assertThat(check.allows(null, "Basic czNjcmV0LWtleQ==")).isFalse();
        assertThat(check.allows("wrong", "Bearer s3cret-key")).as("X-API-Key wins when both are sent").isFalse();
    }

    @Test
    void onlyChangingFeedRequestsNeedTheKey() {
        assertThat(ApiKeyCheck.isChanging("POST", "/api/feeds")).isTrue();
        assertThat(ApiKeyCheck.isChanging("DELETE", "/api/feeds/abc")).isTrue();
        assertThat(ApiKeyCheck.isChanging("POST", "/api/feeds/import")).isTrue();
        assertThat(ApiKeyCheck.isChanging("GET", "/api/feeds")).isFalse();
        assertThat(ApiKeyCheck.isChanging("GET", "/api/feeds/export")).isFalse();
        assertThat(ApiKeyCheck.isChanging("POST", "/api/feeds/preview")).isFalse();
        assertThat(ApiKeyCheck.isChanging("POST", "/api/extract")).isFalse();
    }
}
