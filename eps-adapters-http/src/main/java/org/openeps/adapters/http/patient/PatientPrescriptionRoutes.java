package org.openeps.adapters.http.patient;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.application.patient.PatientPrescription;
import org.openeps.application.patient.PatientPrescriptions;
import org.openeps.application.patient.ReadPatientPrescriptionsUseCase;
import org.openeps.application.patient.ReadPatientPrescriptionsUseCase.ReadPatientPrescriptionsQuery;
import org.openeps.domain.access.Action;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * {@code GET /prescriptions-for-patients/Bundle}: the signed-in patient's prescriptions (or, by delegated access, those
 * of the person they act for), in the shape of the NHS Prescriptions for Patients API. Only a patient (NHS login) may
 * call it; every prescription shown is recorded in the audit trail.
 */
public final class PatientPrescriptionRoutes implements Routes {

    public static final String PATH = "/prescriptions-for-patients/Bundle";

    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final FhirJson json;
    private final PatientBundleMapper mapper;
    private final ReadPatientPrescriptionsUseCase readPrescriptions;
    private final RequestAccess access;

    public PatientPrescriptionRoutes(FhirJson json, PatientBundleMapper mapper,
                                     ReadPatientPrescriptionsUseCase readPrescriptions, RequestAccess access) {
        this.json = json;
        this.mapper = mapper;
        this.readPrescriptions = readPrescriptions;
        this.access = access;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::read);
    }

    private void read(Context ctx) {
        Audited audited = access.authorise(ctx, Action.READ_PRESCRIPTIONS);
        if (!(audited.caller() instanceof Caller.Patient patient)) {
            throw new EpsException(ErrorCode.ACCESS_DENIED,
                    "Only a patient signed in with NHS login may read their prescriptions here");
        }
        String requestId = requestId(ctx);
        PatientPrescriptions found = readPrescriptions.read(new ReadPatientPrescriptionsQuery(patient));
        audited.about(Optional.empty(), Optional.of(found.nhsNumber()));
        for (PatientPrescription prescription : found.prescriptions()) {
            audited.about(Optional.of(prescription.prescriptionId()), Optional.of(prescription.nhsNumber()));
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(FhirJson.CONTENT_TYPE).result(json.write(mapper.searchset(found, requestId)));
        access.succeeded(audited);
    }

    /** The API requires an {@code X-Request-ID} holding a UUID, and names its answer after it. */
    private static String requestId(Context ctx) {
        String header = ctx.header("X-Request-ID");
        EpsException.require(header != null && !header.isBlank(), ErrorCode.MISSING_VALUE,
                "The X-Request-ID header is required");
        EpsException.require(UUID_FORMAT.matcher(header.strip()).matches(), ErrorCode.INVALID_VALUE,
                "The X-Request-ID header must be a UUID");
        return UUID.fromString(header.strip()).toString();
    }
}
