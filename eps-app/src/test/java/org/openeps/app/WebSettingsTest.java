package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSettingsTest {

    private static final Map<String, String> OIDC = Map.of(
            "EPS_OIDC_ISSUER", "https://idp.example/realm",
            "EPS_OIDC_CLIENT_ID", "openeps-web",
            "EPS_OIDC_CLIENT_SECRET", "secret",
            "EPS_OIDC_REDIRECT_URI", "https://eps.example/signin/callback");

    @Test
    void development_sessions_use_plain_http_and_production_ones_secure_cookies() {
        WebSettings development = WebSettings.fromEnvironment(Map.of(), true);
        assertThat(development.secureCookie()).isFalse();
        assertThat(development.sessionIdle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(development.oidc()).isEmpty();

        WebSettings production = WebSettings.fromEnvironment(OIDC, false);
        assertThat(production.secureCookie()).isTrue();
        assertThat(production.oidc()).hasValueSatisfying(oidc -> {
            assertThat(oidc.issuer()).isEqualTo(URI.create("https://idp.example/realm"));
            assertThat(oidc.clientId()).isEqualTo("openeps-web");
            assertThat(oidc.redirectUri()).isEqualTo(URI.create("https://eps.example/signin/callback"));
            assertThat(oidc.scopes()).isEqualTo("openid profile");
        });
    }

    @Test
    void each_setting_can_be_changed() {
        WebSettings settings = WebSettings.fromEnvironment(Map.of("EPS_WEB_SECURE_COOKIE", "true",
                "EPS_WEB_SESSION_IDLE_MINUTES", "15"), true);

        assertThat(settings.secureCookie()).isTrue();
        assertThat(settings.sessionIdle()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void unusable_values_stop_the_start_naming_the_variable() {
        assertThatThrownBy(() -> WebSettings.fromEnvironment(Map.of("EPS_WEB_SECURE_COOKIE", "yes"), true))
                .hasMessageContaining("EPS_WEB_SECURE_COOKIE");
        assertThatThrownBy(() -> WebSettings.fromEnvironment(Map.of("EPS_WEB_SESSION_IDLE_MINUTES", "0"), true))
                .hasMessageContaining("EPS_WEB_SESSION_IDLE_MINUTES");
        assertThatThrownBy(() -> WebSettings.fromEnvironment(Map.of("EPS_OIDC_ISSUER", "https://idp.example"), false))
                .hasMessageContaining("EPS_OIDC_CLIENT_ID");
        assertThatThrownBy(() -> WebSettings.fromEnvironment(OIDC, true))
                .hasMessageContaining("development tokens");
    }
}
