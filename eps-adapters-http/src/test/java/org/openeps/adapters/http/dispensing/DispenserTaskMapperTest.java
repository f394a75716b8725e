package org.openeps.adapters.http.dispensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.adapters.http.ExampleFiles;
import org.openeps.adapters.http.dispensing.DispenserTaskMapper.DispenserTask;
import org.openeps.adapters.http.dispensing.DispenserTaskMapper.ReturnTask;
import org.openeps.adapters.http.dispensing.DispenserTaskMapper.WithdrawTask;
import org.openeps.application.dispensing.ReturnPrescriptionUseCase.ReturnCommand;
import org.openeps.application.dispensing.WithdrawDispenseUseCase.WithdrawCommand;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.node.ObjectNode;

class DispenserTaskMapperTest {

    private static final String REQUEST_ID = "7f0c8a5e-4a4b-4d55-8a0e-2f4f1f3b9c21";
    private final DispenserTaskMapper mapper = new DispenserTaskMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // The acting organisation is the requester's (VNE51), even where Task.owner names the nominated pharmacy.
            "return/homecare-return-reason-0002-req.json, 18B064-A99968-4BCAA3, 0002, add2e9dd-da0a-c266-a4e3-447c68239525, 3415870201",
            "return/primary-acute-return-req.json,        24F5DA-A83008-7EFE6Z, 0003, ee1b55f8-113c-4725-99a3-25fbad366dd6, 7654321",
            "return/primary-erd-return-req.json,          24F5DA-A83008-7EFE6Z, 0003, ee1b55f8-113c-4725-99a3-25fbad366dd6, 7654321"})
    void every_published_return_is_read(String file, String prescriptionId, String reason, String messageId,
                                        String person) {
        DispenserTask task = mapper.toTask(ExampleFiles.json(file), REQUEST_ID);

        assertThat(task).isInstanceOf(ReturnTask.class);
        ReturnCommand command = ((ReturnTask) task).command();
        assertThat(command.dispenser()).isEqualTo(new OdsCode("VNE51"));
        assertThat(command.prescriptionId()).isEqualTo(PrescriptionId.parse(prescriptionId));
        assertThat(command.reasonCode()).isEqualTo(reason);
        assertThat(command.messageId()).contains(messageId);
        // the requester's practitioner
        assertThat(command.person()).contains(person);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "withdraw/homecare-withdraw-DA-req.json,   C2782B-A99968-4E4E9Z, DA, 0, 5ac84c11-db8b-44da-8fcf-8980b3d13596, 3415870201",
            "withdraw/primary-acute-withdraw-req.json, 24F5DA-A83008-7EFE6Z, MU, 0, 5AC84C11-DB8B-44DA-8FCF-8980B3D13596, 7654321",
            // numberOfRepeatsIssued 2 (issues before this one): issue 3.
            "withdraw/primary-erd-withdraw-req.json,   24F5DA-A83008-7EFE6Z, MU, 3, 5AC84C11-DB8B-44DA-8FCF-8980B3D13596, 7654321"})
    void every_published_withdrawal_is_read(String file, String prescriptionId, String reason, int issue, String messageId,
                                            String person) {
        DispenserTask task = mapper.toTask(ExampleFiles.json(file), REQUEST_ID);

        assertThat(task).isInstanceOf(WithdrawTask.class);
        WithdrawCommand command = ((WithdrawTask) task).command();
        assertThat(command.dispenser()).isEqualTo(new OdsCode("VNE51"));
        assertThat(command.prescriptionId()).isEqualTo(PrescriptionId.parse(prescriptionId));
        assertThat(command.reasonCode()).isEqualTo(reason);
        assertThat(command.issueNumber()).isEqualTo(issue == 0 ? OptionalInt.empty() : OptionalInt.of(issue));
        assertThat(command.messageId()).contains(messageId);
        // the requester's practitioner
        assertThat(command.person()).contains(person);
    }

    @Test
    void the_tables_cover_every_return_and_withdrawal_of_the_corpus() {
        List<String> published = new ArrayList<>(ExampleFiles.requests("return"));
        published.addAll(ExampleFiles.requests("withdraw"));
        published.removeIf(name -> name.endsWith("-release-req.json"));

        assertThat(published).containsExactlyInAnyOrder(
                "return/homecare-return-reason-0002-req.json", "return/primary-acute-return-req.json",
                "return/primary-erd-return-req.json", "withdraw/homecare-withdraw-DA-req.json",
                "withdraw/primary-acute-withdraw-req.json", "withdraw/primary-erd-withdraw-req.json");
    }

    @Test
    void without_a_requester_the_owner_is_the_dispenser() {
        ObjectNode task = (ObjectNode) ExampleFiles.json("return/homecare-return-reason-0002-req.json");
        task.remove("requester");

        ReturnCommand command = ((ReturnTask) mapper.toTask(task, REQUEST_ID)).command();
        assertThat(command.dispenser()).isEqualTo(new OdsCode("VNFKT"));
        assertThat(command.person()).isEmpty();
    }

    @Test
    void without_a_task_identifier_the_request_id_is_the_message_id() {
        ObjectNode task = (ObjectNode) ExampleFiles.json("return/primary-acute-return-req.json");
        task.remove("identifier");

        assertThat(((ReturnTask) mapper.toTask(task, REQUEST_ID)).command().messageId()).contains(REQUEST_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"completed", "cancelled", "requested", "draft"})
    void any_other_status_is_refused(String status) {
        ObjectNode task = (ObjectNode) ExampleFiles.json("return/primary-acute-return-req.json");
        task.put("status", status);

        assertThatThrownBy(() -> mapper.toTask(task, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void in_progress_without_abort_is_refused() {
        ObjectNode task = (ObjectNode) ExampleFiles.json("withdraw/primary-acute-withdraw-req.json");
        ((ObjectNode) task.get("code").get("coding").get(0)).put("code", "fulfill");

        assertThatThrownBy(() -> mapper.toTask(task, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void a_return_with_a_withdrawal_reason_is_refused() {
        ObjectNode task = (ObjectNode) ExampleFiles.json("withdraw/primary-acute-withdraw-req.json");
        task.put("status", "rejected");

        assertThatThrownBy(() -> mapper.toTask(task, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void an_unknown_reason_code_is_refused() {
        ObjectNode task = (ObjectNode) ExampleFiles.json("return/primary-acute-return-req.json");
        ((ObjectNode) task.get("statusReason").get("coding").get(0)).put("code", "0009");

        assertThatThrownBy(() -> mapper.toTask(task, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void the_prescription_is_required() {
        ObjectNode task = (ObjectNode) ExampleFiles.json("return/primary-acute-return-req.json");
        task.remove("groupIdentifier");

        assertThatThrownBy(() -> mapper.toTask(task, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void a_body_that_is_not_a_task_is_refused() {
        assertThatThrownBy(() -> mapper.toTask(ExampleFiles.json("claim/primary-acute-claim-req.json"), REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessage("Incorrect FHIR resource type. Expected Task.");
    }
}
