package org.openeps.adapters.http.web.patient;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.BrowserSessions;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.adapters.http.web.Pages;
import org.openeps.adapters.http.web.Service;
import org.openeps.adapters.http.web.session.Person;
import org.openeps.adapters.http.web.session.WebSessions;
import org.openeps.application.patient.PatientPrescription;
import org.openeps.application.patient.PatientPrescriptions;
import org.openeps.application.patient.ReadPatientPrescriptionsUseCase;
import org.openeps.application.patient.ReadPatientPrescriptionsUseCase.ReadPatientPrescriptionsQuery;
import org.openeps.domain.access.Action;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.tracking.PatientFacingStatus;

/**
 * The patient's page, {@code /patient/}: their prescriptions (or those of the person they act for), newest first,
 * each item with what they are told about it and whether it is ready to collect. Authorised and audited as the API's
 * reads are: one audit record per prescription shown.
 */
public final class PatientPageRoutes implements Routes {

    private final Pages pages;
    private final WebSessions sessions;
    private final ReadPatientPrescriptionsUseCase prescriptions;
    private final RequestAccess access;

    public PatientPageRoutes(Pages pages, WebSessions sessions, ReadPatientPrescriptionsUseCase prescriptions,
                             RequestAccess access) {
        this.pages = pages;
        this.sessions = sessions;
        this.prescriptions = prescriptions;
        this.access = access;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(Service.PATIENT.home(), this::prescriptions);
    }

    private void prescriptions(Context ctx) {
        Audited audited = access.authorise(ctx, Action.READ_PRESCRIPTIONS);
        if (!(audited.caller() instanceof Caller.Patient patient)) {
            throw new EpsException(ErrorCode.ACCESS_DENIED, "This page is for patients");
        }
        PatientPrescriptions found = prescriptions.read(new ReadPatientPrescriptionsQuery(patient));
        audited.about(Optional.empty(), Optional.of(found.nhsNumber()));
        for (PatientPrescription prescription : found.prescriptions()) {
            audited.about(Optional.of(prescription.prescriptionId()), Optional.of(prescription.nhsNumber()));
        }
        Person.Patient person = (Person.Patient) sessions.person(ctx);
        String title = person.actingForName().map(name -> name + "'s prescriptions").orElse("Your prescriptions");
        pages.render(ctx, "patient/prescriptions.jte", pages.layout(ctx, title, Service.PATIENT),
                Map.of("page", new PatientPage(title, person.actingForName(), found)));
        access.succeeded(audited);
    }

    /** The colour of an item's status tag: green when it can be collected, grey when it is over. */
    public static String tagColour(PatientFacingStatus status) {
        return switch (status) {
            case READY_TO_COLLECT, READY_TO_COLLECT_PARTIAL, READY_TO_DISPATCH, READY_TO_DISPATCH_PARTIAL -> "green";
            case COLLECTED, DISPATCHED -> "grey";
            case NOT_DISPENSED, PRESCRIBER_CANCELLED -> "red";
            case WITH_PHARMACY, WITH_PHARMACY_PREPARING_REMAINDER, WITH_PHARMACY_BUT_TRACKING_NOT_SUPPORTED -> "blue";
            case PRESCRIBER_APPROVED -> "white";
        };
    }

    /** What kind of prescription it is, as a patient reads it. */
    public static String kind(PatientPrescription prescription) {
        return switch (prescription.courseOfTherapy()) {
            case "continuous-repeat-dispensing" -> "Repeat dispensing, issue " + prescription.issueNumber() + " of "
                    + prescription.numberOfIssues();
            case "continuous" -> "Repeat prescription";
            default -> "One-off prescription";
        };
    }

    /**
     * The page: its heading, whom the reader acts for (if anyone), and the prescriptions.
     */
    public record PatientPage(String heading, Optional<String> actingFor, PatientPrescriptions prescriptions) {
    }
}
