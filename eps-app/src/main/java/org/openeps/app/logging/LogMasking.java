package org.openeps.app.logging;

import java.util.regex.Pattern;

/**
 * What the service's logs must never show in full: NHS numbers (ten digits, also written 3-3-4 with spaces or hyphens)
 * are masked, and access tokens (a {@code Bearer} credential, or anything shaped like a JWT) are replaced.
 */
public final class LogMasking {

    static final String MASKED_NHS_NUMBER = "**********";
    static final String MASKED_TOKEN = "[token]";

    private static final Pattern BEARER = Pattern.compile("(?i)\\bBearer\\s+[^\\s\"',;]+");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");
    private static final Pattern NHS_NUMBER = Pattern.compile("(?<![0-9])[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])");

    private LogMasking() {
    }

    /** The text with every token and NHS number masked. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = BEARER.matcher(text).replaceAll("Bearer " + MASKED_TOKEN);
        masked = JWT.matcher(masked).replaceAll(MASKED_TOKEN);
        return NHS_NUMBER.matcher(masked).replaceAll(MASKED_NHS_NUMBER);
    }
}
