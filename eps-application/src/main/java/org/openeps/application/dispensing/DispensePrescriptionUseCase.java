package org.openeps.application.dispensing;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.prescription.ReasonsGiven;
import org.openeps.domain.shared.OdsCode;

/** A dispenser reports what it supplied (event {@code dispense-notification}), or corrects its latest report. */
public interface DispensePrescriptionUseCase {

    Prescription dispense(DispenseCommand command);

    /**
     * @param person         the SDS user ID of the user who dispensed, when the message names one
     * @param notificationId the notification's Bundle.identifier
     * @param replaces       for an amend, the identifier of the notification it replaces
     * @param issueNumber    the eRD issue, when the message names it
     * @param items          the status the dispenser reports for every item
     * @param declaredStatus the prescription status the notification declares, when it does
     * @param nonDispensingReason     the reason given for not dispensing the prescription
     *                                ({@code medicationdispense-status-reason}), when one is
     * @param itemNonDispensingReasons the reason given for not dispensing each item it is given for
     */
    record DispenseCommand(OdsCode dispenser, Optional<String> person, PrescriptionId prescriptionId,
                           String notificationId, Optional<String> replaces, OptionalInt issueNumber,
                           Map<LineItemId, ItemStatus> items, Optional<PrescriptionStatus> declaredStatus,
                           Optional<String> nonDispensingReason, Map<LineItemId, String> itemNonDispensingReasons) {
        public DispenseCommand {
            Objects.requireNonNull(dispenser, "dispenser");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(prescriptionId, "prescriptionId");
            Objects.requireNonNull(notificationId, "notificationId");
            Objects.requireNonNull(replaces, "replaces");
            Objects.requireNonNull(issueNumber, "issueNumber");
            items = Map.copyOf(items);
            Objects.requireNonNull(declaredStatus, "declaredStatus");
            Objects.requireNonNull(nonDispensingReason, "nonDispensingReason");
            itemNonDispensingReasons = Map.copyOf(itemNonDispensingReasons);
        }

        /** A notification that gives no reasons for not dispensing. */
        public DispenseCommand(OdsCode dispenser, Optional<String> person, PrescriptionId prescriptionId,
                               String notificationId, Optional<String> replaces, OptionalInt issueNumber,
                               Map<LineItemId, ItemStatus> items, Optional<PrescriptionStatus> declaredStatus) {
            this(dispenser, person, prescriptionId, notificationId, replaces, issueNumber, items, declaredStatus,
                    Optional.empty(), Map.of());
        }

        /** The reasons for not dispensing, as the history keeps them. */
        public ReasonsGiven reasons() {
            return ReasonsGiven.notDispensed(nonDispensingReason, itemNonDispensingReasons);
        }

        /** Who dispensed, as the history records it. */
        public Actor actor() {
            return Actor.of(dispenser, person);
        }
    }
}
