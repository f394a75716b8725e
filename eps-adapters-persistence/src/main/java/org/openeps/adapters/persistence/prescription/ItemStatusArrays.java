package org.openeps.adapters.persistence.prescription;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;

/**
 * Item statuses kept in one {@code text[]} column: {@code itemId=code} for every item, in the map's order (a line item
 * ID is a UUID and a code four digits, so neither contains {@code =}). Per-item reason codes are kept the same way;
 * a pair is split at its first {@code =}, so a code may contain one.
 */
final class ItemStatusArrays {

    private ItemStatusArrays() {
    }

    static String[] encode(Map<LineItemId, ItemStatus> statuses) {
        return statuses.entrySet().stream()
                .map(item -> item.getKey().value() + "=" + item.getValue().code())
                .toArray(String[]::new);
    }

    static Map<LineItemId, ItemStatus> decode(String[] pairs) {
        Map<LineItemId, ItemStatus> statuses = new LinkedHashMap<>();
        decodeCodes(pairs).forEach((item, code) -> statuses.put(item, ItemStatus.fromCode(code)));
        return statuses;
    }

    /** Codes per item, e.g. reason codes: {@code itemId=code} for each, in the map's order. */
    static String[] encodeCodes(Map<LineItemId, String> codes) {
        return codes.entrySet().stream()
                .map(item -> item.getKey().value() + "=" + item.getValue())
                .toArray(String[]::new);
    }

    /** Codes per item as {@link #encodeCodes} wrote them; a null array (a row written without them) is none. */
    static Map<LineItemId, String> decodeCodes(String[] pairs) {
        Map<LineItemId, String> codes = new LinkedHashMap<>();
        if (pairs == null) {
            return codes;
        }
        for (String pair : pairs) {
            int separator = pair.indexOf('=');
            if (separator < 0) {
                throw new IllegalStateException("Stored item code is not itemId=code: '" + pair + "'");
            }
            codes.put(LineItemId.parse(pair.substring(0, separator)), pair.substring(separator + 1));
        }
        return codes;
    }
}
