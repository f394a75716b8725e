package org.openeps.adapters.http.dispensing;

import static org.openeps.adapters.http.fhir.FhirNodes.extension;
import static org.openeps.adapters.http.fhir.FhirNodes.identifier;
import static org.openeps.adapters.http.fhir.FhirNodes.object;
import static org.openeps.adapters.http.fhir.FhirNodes.requiredString;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.application.dispensing.ReturnPrescriptionUseCase.ReturnCommand;
import org.openeps.application.dispensing.WithdrawDispenseUseCase.WithdrawCommand;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;

/**
 * Reads a dispenser's {@code POST /FHIR/R4/Task} into a return or a withdrawal.
 *
 * <ul>
 *   <li>{@code status} {@code rejected}: return the prescription undispensed; the reason is the {@code statusReason}
 *       coding of system {@code EPS-task-dispense-return-status-reason} (0001..0008).</li>
 *   <li>{@code status} {@code in-progress} with {@code code} {@code abort}: withdraw the latest dispense notification;
 *       the reason is the {@code statusReason} coding of system {@code EPS-task-dispense-withdraw-reason}
 *       (QU, MU, DA, PA, OC, ONC).</li>
 *   <li>Any other status, or {@code in-progress} without {@code abort}, is refused ({@code INVALID_VALUE}).</li>
 *   <li>The prescription is {@code Task.groupIdentifier}.</li>
 *   <li>The dispenser is the organisation of the person acting: {@code requester}, a contained PractitionerRole, whose
 *       {@code organization} refers to a contained Organization. Only when the Task has no such requester is
 *       {@code Task.owner} used: in the published examples {@code owner} is sometimes the nominated pharmacy rather than
 *       the one holding the prescription, and one return has no owner at all.</li>
 *   <li>The person acting is the {@code sds-user-id} identifier of the requester's {@code practitioner}, when it
 *       names one.</li>
 *   <li>A withdrawal names its eRD issue with {@code Task.extension:Extension-EPS-RepeatInformation} (issue =
 *       {@code numberOfRepeatsIssued} + 1); a return acts on the issue the dispenser holds, so the extension is not
 *       read for it.</li>
 *   <li>The message ID recorded in the history is {@code Task.identifier}, else the X-Request-ID.</li>
 * </ul>
 */
public final class DispenserTaskMapper {

    private static final Set<String> RETURN_REASONS = Set.of("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008");
    private static final Set<String> WITHDRAW_REASONS = Set.of("QU", "MU", "DA", "PA", "OC", "ONC");
    private static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";

    /** What the Task asks for: one of the two commands. */
    public sealed interface DispenserTask permits ReturnTask, WithdrawTask {
    }

    /** {@code status} {@code rejected}. */
    public record ReturnTask(ReturnCommand command) implements DispenserTask {
    }

    /** {@code status} {@code in-progress}, {@code code} {@code abort}. */
    public record WithdrawTask(WithdrawCommand command) implements DispenserTask {
    }

    /**
     * Reads and checks the Task.
     *
     * @param requestId the X-Request-ID, the message ID when the Task has no identifier
     */
    public DispenserTask toTask(JsonNode task, String requestId) {
        DispensingFhir.requireResourceType(task, "Task");
        String status = requiredString(task, "Task.status", "status");
        PrescriptionId prescriptionId = DispensingFhir.prescriptionId(object(task, "Task.groupIdentifier", "groupIdentifier")
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "Task.groupIdentifier is required")),
                "Task.groupIdentifier");
        OdsCode dispenser = OdsCode.parse(DispensingFhir.organisationOfContainedRole(task, task.path("requester"), "Task.requester")
                .or(() -> DispensingFhir.odsIdentifier(task.path("requester"), "Task.requester"))
                .or(() -> DispensingFhir.odsIdentifier(task.path("owner"), "Task.owner"))
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                        "The dispensing organisation's ODS code is required: Task.requester's organisation or Task.owner")));
        Optional<String> person = DispensingFhir.personOfContainedRole(task, task.path("requester"), "Task.requester");
        Optional<String> messageId = identifier(task, "Task", FhirSystems.MESSAGE_ID)
                .or(() -> Optional.of(requestId));
        return switch (status) {
            case "rejected" -> new ReturnTask(new ReturnCommand(dispenser, person, prescriptionId,
                    reason(task, DispensingFhir.RETURN_REASON, RETURN_REASONS), messageId));
            case "in-progress" -> {
                EpsException.require(DispensingFhir.codeOfSystem(task.path("code"), "Task.code", TASK_CODE)
                                .filter("abort"::equals).isPresent(), ErrorCode.INVALID_VALUE,
                        "A Task with status in-progress must have code abort (withdraw a dispense notification)");
                OptionalInt issueNumber = extension(task, "Task", DispensingFhir.REPEAT_INFORMATION)
                        .map(repeat -> DispensingFhir.issueNumber(repeat, "Task.extension:repeatInformation"))
                        .orElse(OptionalInt.empty());
                yield new WithdrawTask(new WithdrawCommand(dispenser, person, prescriptionId,
                        reason(task, DispensingFhir.WITHDRAW_REASON, WITHDRAW_REASONS), issueNumber, messageId));
            }
            default -> throw new EpsException(ErrorCode.INVALID_VALUE, "Task.status must be rejected (return) or"
                    + " in-progress with code abort (withdraw), not " + status);
        };
    }

    private static String reason(JsonNode task, String system, Set<String> allowed) {
        return DispensingFhir.oneOf(DispensingFhir.codeOfSystem(task.path("statusReason"), "Task.statusReason", system)
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                        "Task.statusReason with a coding of system " + system + " is required")),
                allowed, "Task.statusReason");
    }
}
