package org.openeps.domain.prescription;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The reason codes a message gives for the change it asks for: a cancellation's reason
 * ({@code medicationrequest-status-reason}), or the reasons a dispenser gives for not dispensing
 * ({@code medicationdispense-status-reason}, see {@link NonDispensingReason}), for the prescription and per item. Which of them a change keeps is
 * decided by {@link ChangeReasons#of(Prescription, Issue, ReasonsGiven)}.
 *
 * @param cancellation        the cancellation's reason, for the item or the whole prescription it cancels
 * @param nonDispensing       the dispenser's reason for not dispensing the prescription
 *                            ({@code Extension-DM-PrescriptionNonDispensingReason})
 * @param itemNonDispensing   the dispenser's reason for each item it gives one for ({@code statusReason})
 */
public record ReasonsGiven(Optional<String> cancellation, Optional<String> nonDispensing,
                           Map<LineItemId, String> itemNonDispensing) {

    /** A message that gives no reason. */
    public static final ReasonsGiven NONE = new ReasonsGiven(Optional.empty(), Optional.empty(), Map.of());

    public ReasonsGiven {
        ChangeReasons.requireCode(cancellation, "A cancellation reason");
        ChangeReasons.requireCode(nonDispensing, "A non-dispensing reason");
        itemNonDispensing = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(itemNonDispensing, "itemNonDispensing")));
        itemNonDispensing.forEach((item, code) -> EpsException.require(item != null && code != null && !code.isBlank(),
                ErrorCode.MISSING_VALUE, "A non-dispensing reason needs its item and a code"));
    }

    /** A prescriber's cancellation, with its {@code medicationrequest-status-reason} code. */
    public static ReasonsGiven cancellation(String code) {
        return new ReasonsGiven(Optional.of(code), Optional.empty(), Map.of());
    }

    /** A dispense notification's reasons for not dispensing: the prescription's, and each item's it gives one for. */
    public static ReasonsGiven notDispensed(Optional<String> prescription, Map<LineItemId, String> items) {
        return new ReasonsGiven(Optional.empty(), prescription, items);
    }
}
