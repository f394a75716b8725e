package org.openeps.adapters.http.web;

import java.util.Objects;
import java.util.Optional;

/**
 * What every page shares: its title, the service it belongs to, the style sheets and scripts, and when someone is
 * signed in, who (for the confidentiality banner) and the CSRF token of the sign-out form.
 *
 * @param title          the page's own title, before the service name (with "Error: " when it shows errors)
 * @param accessedBy     staff: "name, role - organisation (ODS)" for the confidentiality banner
 * @param signedInAs     who is signed in, for the header
 * @param csrfToken      the session's CSRF token, for every form on the page
 */
public record Layout(String title, Service service, Optional<String> accessedBy, Optional<String> signedInAs,
                     Optional<String> csrfToken, Links links) {

    public Layout {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(accessedBy, "accessedBy");
        Objects.requireNonNull(signedInAs, "signedInAs");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(links, "links");
    }

    /** The page's full title: "page - service - NHS". */
    public String fullTitle() {
        return title + " - " + service.title() + " - NHS";
    }

    /** The CSRF token, or empty text where no session exists yet. */
    public String csrf() {
        return csrfToken.orElse("");
    }

    /** The style sheets and scripts every page loads. */
    public record Links(String nhsukCss, String openepsCss, String jsEnabled, String openepsJs) {
    }
}
