package org.openeps.adapters.persistence.prescription;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;

/**
 * Item statuses kept in one {@code text[]} column: {@code itemId=code} for every item, in the map's order (a line item
 * ID is a UUID and a code four digits, so neither contains {@code =}).
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
        for (String pair : pairs) {
            int separator = pair.indexOf('=');
            if (separator < 0) {
                throw new IllegalStateException("Stored item status is not itemId=code: '" + pair + "'");
            }
            statuses.put(LineItemId.parse(pair.substring(0, separator)), ItemStatus.fromCode(pair.substring(separator + 1)));
        }
        return statuses;
    }
}
