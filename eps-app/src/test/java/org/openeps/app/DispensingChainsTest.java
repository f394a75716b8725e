package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.EpsClient.assertOk;

import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The nine end-to-end chains of examples/eps-fhir-examples/INDEX.md, run against the service over HTTP, each ending
 * in the statuses INDEX.md gives.
 *
 * <p>The messages are sent as published. Their dispenser is VNE51 throughout once it is read where EPS reads it: the
 * owner of the release, the organisation of the dispensing PractitionerRole of a dispense notification (not
 * {@code MessageHeader.sender}, which varies), the organisation of the Task's requester, and the Claim's provider.
 */
class DispensingChainsTest {

    private static RunningService service;
    private static EpsClient eps;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        eps = new EpsClient(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void emptyStore() {
        service.reset();
    }

    @Test
    void chain_1_primary_acute_release_partial_dispense_complete_claim() {
        String id = "24F5DA-A83008-7EFE6Z";
        assertOk(eps.message("prescription-order/primary-acute-nominated-4items-req.json"));
        assertOk(eps.release("release/primary-acute-release-by-id-req.json"));
        assertThat(eps.status(id)).isEqualTo("0002");
        assertThat(eps.itemStatuses(id, 1)).containsOnly("0008");

        assertOk(eps.message("dispense-notification/primary-acute-partial-owing-and-cancelled-req.json"));
        assertThat(eps.status(id)).isEqualTo("0003");
        assertThat(eps.itemStatuses(id, 1)).containsExactly("0001", "0001", "0004", "0005");

        assertOk(eps.message("dispense-notification/primary-acute-complete-req.json"));
        assertThat(eps.status(id)).isEqualTo("0006");

        assertOk(eps.claim("claim/primary-acute-claim-req.json"));
        assertThat(eps.status(id)).isEqualTo("0008");
    }

    @Test
    void chain_1_item_cancel_before_release_cancels_the_item() {
        String id = "24F5DA-A83008-7EFE6Z";
        assertOk(eps.message("prescription-order/primary-acute-nominated-4items-req.json"));

        var response = eps.message("cancel/primary-acute-cancel-item4-reason-0002-req.json", patient("5839945242"));

        assertOk(response);
        assertThat(response.body()).contains("R-0001");
        assertThat(eps.status(id)).isEqualTo("0001");
        assertThat(eps.itemStatuses(id, 1)).containsExactly("0007", "0007", "0007", "0005");
    }

    @Test
    void chain_1_item_cancel_after_release_is_pending() {
        String id = "24F5DA-A83008-7EFE6Z";
        assertOk(eps.message("prescription-order/primary-acute-nominated-4items-req.json"));
        assertOk(eps.release("release/primary-acute-release-by-id-req.json"));

        var response = eps.message("cancel/primary-acute-cancel-item4-reason-0002-req.json", patient("5839945242"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("R-0002");
        assertThat(eps.status(id)).isEqualTo("0002");
    }

    @Test
    void chain_1_item_cancel_as_published_names_another_patient() {
        assertOk(eps.message("prescription-order/primary-acute-nominated-4items-req.json"));

        var response = eps.message("cancel/primary-acute-cancel-item4-reason-0002-req.json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("R-5000");
        assertThat(eps.itemStatuses("24F5DA-A83008-7EFE6Z", 1)).containsOnly("0007");
    }

    @Test
    void chain_2_homecare_release_dispense_claim() {
        String id = "A0548B-A99968-451485";
        assertOk(eps.message("prescription-order/homecare-acute-1201-req.json"));
        assertOk(eps.release("release/homecare-acute-release-req.json"));
        assertOk(eps.message("dispense-notification/homecare-acute-complete-req.json"));
        assertThat(eps.status(id)).isEqualTo("0006");

        assertOk(eps.claim("claim/homecare-acute-claim-req.json"));
        assertThat(eps.status(id)).isEqualTo("0008");
    }

    @Test
    void chain_3_secondary_erd_dispense_opens_issue_2_then_claim() {
        String id = "B407F7-A99968-4DB2AU";
        assertOk(eps.message("prescription-order/secondary-community-erd-1item-req.json"));
        assertOk(eps.release("release/secondary-erd-1item-release-req.json"));
        assertOk(eps.message("dispense-notification/secondary-erd-1item-req.json"));
        assertThat(eps.status(id, 1)).isEqualTo("0006");
        assertThat(eps.status(id, 2)).isIn("0000", "0001");
        assertThat(eps.status(id, 3)).isEqualTo("9000");

        assertOk(eps.claim("claim/secondary-erd-1item-claim-req.json"));
        assertThat(eps.status(id, 1)).isEqualTo("0008");
    }

    @Test
    void chain_4_secondary_erd_one_item_not_dispensed() {
        String id = "540F91-A99968-4B9EBV";
        assertOk(eps.message("prescription-order/secondary-community-erd-4items-req.json"));
        assertOk(eps.release("release/secondary-erd-4items-release-req.json"));

        assertOk(eps.message("dispense-notification/secondary-erd-4items-one-not-dispensed-req.json"));

        assertThat(eps.status(id, 1)).isEqualTo("0006");
        assertThat(eps.itemStatuses(id, 1)).containsExactly("0002", "0001", "0001", "0001");
        assertThat(eps.status(id, 2)).isIn("0000", "0001");
    }

    @Test
    void chain_5_cancel_then_cancel_again_then_replay() {
        String id = "58E241-A83008-4E2F8R";
        assertOk(eps.message("cancel/primary-acute-1item-prescription.json"));
        var first = eps.message("cancel/primary-acute-cancel-reason-0001-req.json");
        assertOk(first);
        assertThat(first.body()).contains("R-0001");
        assertThat(eps.status(id)).isEqualTo("0005");

        var again = eps.message("cancel/primary-acute-cancel-reason-0001-req.json", bundle -> { });
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("R-0006");

        var replay = eps.message("cancel/primary-acute-cancel-reason-0001-req.json");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
    }

    @Test
    void chain_5_plus_check_character_and_secondary_care_cancels() {
        assertOk(eps.message("cancel/primary-acute-1item-plus-checkdigit-prescription.json"));
        assertThat(eps.message("cancel/primary-acute-cancel-reason-0006-req.json").body()).contains("R-0001");
        assertThat(eps.status("507FE8-A83008-4A859+")).isEqualTo("0005");

        assertOk(eps.message("prescription-order/secondary-community-acute-nominated-1item-req.json"));
        assertThat(eps.message("cancel/secondary-community-cancel-reason-0005-req.json").body()).contains("R-0001");
        assertThat(eps.status("1A7D94-0RRERP-549310")).isEqualTo("0005");
    }

    @Test
    void chain_6_return_puts_it_back_to_be_dispensed() {
        String id = "18B064-A99968-4BCAA3";
        assertOk(eps.message("return/homecare-18B064-prescription.json"));
        assertOk(eps.release("return/homecare-18B064-release-req.json"));
        assertThat(eps.status(id)).isEqualTo("0002");

        assertOk(eps.task("return/homecare-return-reason-0002-req.json"));

        assertThat(eps.status(id)).isEqualTo("0001");
        assertThat(eps.itemStatuses(id, 1)).containsOnly("0007");
        assertThat(eps.owner(id)).isEmpty();
    }

    @Test
    void chain_7_withdraw_goes_back_before_the_dispense() {
        String id = "C2782B-A99968-4E4E9Z";
        assertOk(eps.message("withdraw/homecare-C2782B-prescription.json"));
        assertOk(eps.release("withdraw/homecare-C2782B-release-req.json"));
        assertOk(eps.message("dispense-notification/homecare-with-dispenser-active-req.json"));
        assertThat(eps.status(id)).isEqualTo("0003");

        assertOk(eps.task("withdraw/homecare-withdraw-DA-req.json"));

        assertThat(eps.status(id)).isEqualTo("0002");
        assertThat(eps.itemStatuses(id, 1)).containsOnly("0008");
    }

    @Test
    void chain_8_dispense_notification_amend() {
        String id = "5EA56C-Z6EA5E-710A1O";
        assertOk(eps.message("dispense-notification/homecare-5EA56C-prescription.json"));
        assertOk(eps.release("dispense-notification/homecare-5EA56C-release-req.json"));
        assertOk(eps.message("dispense-notification/homecare-dn-before-amend-req.json"));
        String before = eps.status(id);

        assertOk(eps.message("dispense-notification/homecare-dn-amend-req.json"));

        assertThat(before).isEqualTo("0006");
        assertThat(eps.status(id)).isEqualTo("0006");
    }

    @Test
    void chain_9_claim_then_claim_amend() {
        String id = "40E709-A99968-280C0X";
        assertOk(eps.message("claim/homecare-40E709-prescription.json"));
        assertOk(eps.release("claim/homecare-40E709-release-req.json"));
        assertOk(eps.message("claim/homecare-40E709-dispense-req.json"));
        assertThat(eps.status(id)).isEqualTo("0006");
        assertOk(eps.claim("claim/homecare-claim-req.json"));
        assertThat(eps.status(id)).isEqualTo("0008");

        assertOk(eps.claim("claim/homecare-claim-amend-req.json"));

        assertThat(eps.status(id)).isEqualTo("0008");
    }


    /**
     * The published item cancel was written for another prescription of the same ID (INDEX.md pairs it with this one):
     * its patient is 9449304130. Sent as is, EPS answers R-5000; the chain sends it for the prescription's patient.
     */
    private static Consumer<JsonNode> patient(String nhsNumber) {
        return bundle -> bundle.path("entry").forEach(entry -> {
            JsonNode resource = entry.path("resource");
            if (resource.path("resourceType").asString().equals("Patient")) {
                ((ObjectNode) resource.path("identifier").get(0)).put("value", nhsNumber);
            }
        });
    }
}
