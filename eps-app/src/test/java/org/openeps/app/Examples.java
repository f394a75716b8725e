package org.openeps.app;

import java.util.random.RandomGenerator;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;

/** The published example messages the end-to-end tests use most, and new prescription IDs to give them. */
final class Examples {

    /** Acute, 4 items, GP A83008, nominated to pharmacy FA565, for patient 5839945242. */
    static final String FOUR_ITEMS = "prescription-order/primary-acute-nominated-4items-req.json";
    /** The prescription ID the published four-item messages (order, release, notifications, claim) all use. */
    static final String FOUR_ITEMS_ID = "24F5DA-A83008-7EFE6Z";
    /** Release of {@link #FOUR_ITEMS_ID} by ID, owner VNE51. */
    static final String RELEASE_BY_ID = "release/primary-acute-release-by-id-req.json";
    /** Every item of the four-item prescription dispensed but item 4, cancelled: 0006. */
    static final String DISPENSE_ALL = "dispense-notification/primary-acute-complete-req.json";
    /** Items 1 and 2 dispensed, 3 owing, 4 cancelled: 0003. */
    static final String DISPENSE_SOME = "dispense-notification/primary-acute-partial-owing-and-cancelled-req.json";
    static final String CLAIM = "claim/primary-acute-claim-req.json";
    /** Cancels item 4 of {@link #FOUR_ITEMS_ID}; published for patient 9449304130, not the order's patient. */
    static final String CANCEL_ITEM_4 = "cancel/primary-acute-cancel-item4-reason-0002-req.json";

    private Examples() {
    }

    /** A new valid prescription ID for prescriber A83008, so that each test's prescription is its own. */
    static String newPrescriptionId(RandomGenerator random) {
        return PrescriptionId.generate(OdsCode.parse("A83008"), random.nextInt(0x100000), random).value();
    }
}
