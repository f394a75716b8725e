package org.openeps.app;

import java.util.List;
import java.util.random.RandomGenerator;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;

/** The published example messages the end-to-end tests use most, and new prescription IDs to give them. */
final class Examples {

    /** Acute, 4 items, GP A83008, nominated to pharmacy FA565, for patient 5839945242. */
    static final String FOUR_ITEMS = "prescription-order/primary-acute-nominated-4items-req.json";
    /** The prescription ID the published four-item messages (order, release, notifications, claim) all use. */
    static final String FOUR_ITEMS_ID = "24F5DA-A83008-7EFE6Z";
    /** The line item IDs of the four-item prescription, in its order. */
    static final List<String> FOUR_ITEMS_ITEMS = List.of("a54219b8-f741-4c47-b662-e4f8dfa49ab6",
            "6989b7bd-8db6-428c-a593-4022e3044c00", "2868554c-5565-4d31-b92a-c5b8dab8b90a",
            "5cb17f5a-11ac-4e18-825f-6470467238b3");
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
