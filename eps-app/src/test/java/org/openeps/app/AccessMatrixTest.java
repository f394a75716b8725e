package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.Examples.CLAIM;
import static org.openeps.app.Examples.DISPENSE_ALL;
import static org.openeps.app.Examples.DISPENSE_SOME;
import static org.openeps.app.Examples.FOUR_ITEMS;
import static org.openeps.app.Examples.FOUR_ITEMS_ID;
import static org.openeps.app.Examples.RELEASE_BY_ID;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openeps.adapters.persistence.directory.DirectoryCsv;
import org.openeps.app.AccessMatrixTokens.Forgery;
import org.openeps.domain.access.Caller;
import org.openeps.domain.access.Permission;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The authorisation matrix: every endpoint driven by every kind of caller, each cell with the one answer it must get
 * (status and, for a refusal, error code) and, when a change is refused, proof that nothing changed.
 *
 * <p>The service runs as in production: tokens verified against a JWKS file (no {@code /dev/token}), issuer and
 * audience required, the supplier registry filled here through the administrators' API. The test is the identity
 * provider: it signs every token itself (see {@link AccessMatrixTokens}), so it can forge the bad ones.
 *
 * <p>Each cell sends the request the endpoint's legitimate caller would send (a published example under a new
 * prescription ID and patient, acting for the organisation and user the message names) and varies only the token,
 * with two exceptions that the rows say: the dispenser not holding the prescription sends the request naming its own
 * pharmacy, as a real one would; and the dispenser posing as the holder sends it naming the holder. Every cell that
 * needs a prescription or a patient in some state makes its own, through the legitimate callers, before it runs.
 *
 * <p>The callers (rows), as the matrix names them:
 * <ul>
 * <li>{@code no-token}; the forged tokens of the legitimate caller ({@code alg-none}, {@code hs256} keyed with the
 * service's public key, {@code bad-signature}, {@code unknown-key}, {@code expired}, {@code not-yet-valid},
 * {@code wrong-issuer}, {@code wrong-audience}, {@code malformed});</li>
 * <li>{@code prescriber}: a prescriber (B0278) at the prescribing practice A83008, the user the message names when it
 * names one; {@code prescriber-other-org}: the same user's role at another practice, B81001;</li>
 * <li>{@code dispenser-holding}: a dispenser (B0570) at VNE51, which holds (or, for nominated release, is nominated
 * for) the prescription; {@code dispenser-not-holding}: a dispenser at FA666 sending the request as FA666;
 * {@code dispenser-as-holder}: that dispenser sending the holder's request unchanged (an extra row: it shows that the
 * organisation a dispensing message names is checked against the token);</li>
 * <li>{@code tracker-user}: the endpoint's legitimate user (else the holding dispenser) working through a supplier
 * system assured only for tracking, which may read but change nothing;</li>
 * <li>{@code patient-self}: the patient of the cell's prescription (NHS login P9); {@code patient-other}: another
 * patient; {@code patient-delegate}: another patient acting for this one by delegated access (an extra row);</li>
 * <li>{@code administrator}; {@code assured-system}: a supplier system assured for dispensing, without a user
 * (application-restricted); {@code unassured-system}: the endpoint's legitimate user (else the holding dispenser)
 * working through a supplier system whose assurance is suspended.</li>
 * </ul>
 *
 * <p>The answers: {@code 200}; {@code 201}: status updates stored; {@code empty}: 200 with nothing in it for this caller (no prescription found, nothing
 * nominated to it); {@code 401} UNAUTHORISED; {@code AD} 403 ACCESS_DENIED; {@code SNA} 403
 * SUPPLIER_SYSTEM_NOT_ASSURED; {@code IM} 403 IDENTITY_MISMATCH; {@code PWD} 400 PRESCRIPTION_WITH_ANOTHER_DISPENSER.
 */
class AccessMatrixTest {

    /** The EPS FHIR API: {@code /FHIR/R4}. */
    private static final String FHIR_API = """
            caller                 create  cancel  dispense rel-nom rel-id  return  withdraw claim   task-id task-nhs
            no-token               401     401     401      401     401     401     401      401     401     401
            alg-none               401     401     401      401     401     401     401      401     401     401
            hs256                  401     401     401      401     401     401     401      401     401     401
            bad-signature          401     401     401      401     401     401     401      401     401     401
            unknown-key            401     401     401      401     401     401     401      401     401     401
            expired                401     401     401      401     401     401     401      401     401     401
            not-yet-valid          401     401     401      401     401     401     401      401     401     401
            wrong-issuer           401     401     401      401     401     401     401      401     401     401
            wrong-audience         401     401     401      401     401     401     401      401     401     401
            malformed              401     401     401      401     401     401     401      401     401     401
            prescriber             200     200     AD       AD      AD      AD      AD       AD      200     200
            prescriber-other-org   IM      IM      AD       AD      AD      AD      AD       AD      200     200
            dispenser-holding      AD      AD      200      200     200     200     200      200     200     200
            dispenser-not-holding  AD      AD      PWD      empty   PWD     PWD     PWD      PWD     200     200
            dispenser-as-holder    AD      AD      IM       IM      IM      IM      IM       IM      200     200
            tracker-user           SNA     SNA     SNA      SNA     SNA     SNA     SNA      SNA     200     200
            patient-self           AD      AD      AD       AD      AD      AD      AD       AD      200     200
            patient-other          AD      AD      AD       AD      AD      AD      AD       AD      empty   AD
            patient-delegate       AD      AD      AD       AD      AD      AD      AD       AD      200     200
            administrator          AD      AD      AD       AD      AD      AD      AD       AD      AD      AD
            assured-system         AD      AD      AD       200     AD      AD      AD       AD      AD      AD
            unassured-system       SNA     SNA     SNA      SNA     SNA     SNA     SNA      SNA     SNA     SNA
            """;

    /** Nominations (PDS-shaped FHIR and JSON), the directory, and the administrators' API. */
    private static final String OTHER_APIS = """
            caller                 pds-get pds-patch history org     reload  sys-list sys-put audit   verify
            no-token               401     401       401     401     401     401      401     401     401
            alg-none               401     401       401     401     401     401      401     401     401
            hs256                  401     401       401     401     401     401      401     401     401
            bad-signature          401     401       401     401     401     401      401     401     401
            unknown-key            401     401       401     401     401     401      401     401     401
            expired                401     401       401     401     401     401      401     401     401
            not-yet-valid          401     401       401     401     401     401      401     401     401
            wrong-issuer           401     401       401     401     401     401      401     401     401
            wrong-audience         401     401       401     401     401     401      401     401     401
            malformed              401     401       401     401     401     401      401     401     401
            prescriber             200     200       200     200     AD      AD       AD      AD      AD
            prescriber-other-org   200     200       200     200     AD      AD       AD      AD      AD
            dispenser-holding      200     200       200     200     AD      AD       AD      AD      AD
            dispenser-not-holding  200     200       200     200     AD      AD       AD      AD      AD
            dispenser-as-holder    200     200       200     200     AD      AD       AD      AD      AD
            tracker-user           200     SNA       200     200     AD      AD       AD      AD      AD
            patient-self           200     200       200     200     AD      AD       AD      AD      AD
            patient-other          AD      AD        AD      200     AD      AD       AD      AD      AD
            patient-delegate       200     200       200     200     AD      AD       AD      AD      AD
            administrator          AD      AD        AD      200     200     200      200     200     200
            assured-system         AD      AD        AD      200     AD      AD       AD      AD      AD
            unassured-system       SNA     SNA       SNA     200     AD      AD       AD      AD      AD
            """;

    /** Tracking: the Prescription Status Update API, the patients' view, and the clinical tracker's JSON APIs. */
    private static final String TRACKING_APIS = """
            caller                 psu     pfp     tr-id   tr-nhs  tr-find tr-view
            no-token               401     401     401     401     401     401
            alg-none               401     401     401     401     401     401
            hs256                  401     401     401     401     401     401
            bad-signature          401     401     401     401     401     401
            unknown-key            401     401     401     401     401     401
            expired                401     401     401     401     401     401
            not-yet-valid          401     401     401     401     401     401
            wrong-issuer           401     401     401     401     401     401
            wrong-audience         401     401     401     401     401     401
            malformed              401     401     401     401     401     401
            prescriber             AD      AD      200     200     200     200
            prescriber-other-org   AD      AD      200     200     200     200
            dispenser-holding      201     AD      200     200     200     200
            dispenser-not-holding  201     AD      200     200     200     200
            dispenser-as-holder    IM      AD      200     200     200     200
            tracker-user           SNA     AD      200     200     200     200
            patient-self           AD      200     AD      AD      AD      AD
            patient-other          AD      empty   AD      AD      AD      AD
            patient-delegate       AD      200     AD      AD      AD      AD
            administrator          AD      AD      AD      AD      AD      AD
            assured-system         201     AD      AD      AD      AD      AD
            unassured-system       SNA     SNA     SNA     SNA     SNA     SNA
            """;

    /** The endpoints (columns), each with its short name in the matrix. */
    enum Endpoint {
        CREATE("create", "POST /FHIR/R4/$process-message prescription-order"),
        CANCEL("cancel", "POST /FHIR/R4/$process-message prescription-order-update"),
        DISPENSE("dispense", "POST /FHIR/R4/$process-message dispense-notification"),
        RELEASE_NOMINATED("rel-nom", "POST /FHIR/R4/Task/$release, nominated"),
        RELEASE_BY_ID("rel-id", "POST /FHIR/R4/Task/$release, by prescription ID"),
        RETURN("return", "POST /FHIR/R4/Task, return"),
        WITHDRAW("withdraw", "POST /FHIR/R4/Task, withdraw"),
        CLAIM("claim", "POST /FHIR/R4/Claim"),
        TASK_BY_ID("task-id", "GET /FHIR/R4/Task by prescription ID"),
        TASK_BY_PATIENT("task-nhs", "GET /FHIR/R4/Task by NHS number"),
        PDS_READ("pds-get", "GET /personal-demographics/FHIR/R4/Patient/{nhsNumber}"),
        PDS_PATCH("pds-patch", "PATCH /personal-demographics/FHIR/R4/Patient/{nhsNumber}"),
        NOMINATION_HISTORY("history", "GET /api/patients/{nhsNumber}/nomination-history"),
        ORGANISATION("org", "GET /api/organisations/{ods}"),
        DIRECTORY_RELOAD("reload", "POST /api/admin/directory/reload"),
        SUPPLIER_SYSTEMS("sys-list", "GET /api/admin/supplier-systems"),
        SUPPLIER_SYSTEM_PUT("sys-put", "PUT /api/admin/supplier-systems/{clientId}"),
        AUDIT("audit", "GET /api/admin/audit"),
        AUDIT_VERIFY("verify", "GET /api/admin/audit/verify"),
        STATUS_UPDATE("psu", "POST /prescription-status-update/"),
        PATIENT_VIEW("pfp", "GET /prescriptions-for-patients/Bundle"),
        TRACKER_BY_ID("tr-id", "GET /api/prescription-list?prescriptionId="),
        TRACKER_BY_PATIENT("tr-nhs", "GET /api/prescription-list?nhsNumber="),
        TRACKER_SEARCH("tr-find", "GET /api/patient-search?familyName=&dateOfBirth="),
        TRACKER_DETAILS("tr-view", "GET /api/prescription-details/{prescriptionId}");

        private final String key;
        private final String title;

        Endpoint(String key, String title) {
            this.key = key;
            this.title = title;
        }

        /** Whether it is one of the JSON APIs, which answer errors as problem details, not OperationOutcomes. */
        boolean json() {
            return title.contains(" /api/");
        }

        static Endpoint named(String key) {
            return Arrays.stream(values()).filter(endpoint -> endpoint.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No endpoint '" + key + "' in the matrix"));
        }
    }

    /** The callers (rows), each with its short name in the matrix. */
    enum Row {
        NO_TOKEN("no-token", "no token"),
        ALG_NONE("alg-none", "unsigned token (alg none)", Forgery.ALG_NONE),
        SYMMETRIC_ALGORITHM("hs256", "HS256 token keyed with the service's public key", Forgery.SYMMETRIC_ALGORITHM),
        BAD_SIGNATURE("bad-signature", "token with an altered signature", Forgery.BAD_SIGNATURE),
        UNKNOWN_KEY("unknown-key", "token signed by an unknown key", Forgery.UNKNOWN_KEY),
        EXPIRED("expired", "expired token", Forgery.EXPIRED),
        NOT_YET_VALID("not-yet-valid", "token not yet valid", Forgery.NOT_YET_VALID),
        WRONG_ISSUER("wrong-issuer", "token from another issuer", Forgery.WRONG_ISSUER),
        WRONG_AUDIENCE("wrong-audience", "token for another audience", Forgery.WRONG_AUDIENCE),
        MALFORMED("malformed", "malformed token", Forgery.MALFORMED),
        PRESCRIBER("prescriber", "prescriber of the right organisation"),
        PRESCRIBER_ELSEWHERE("prescriber-other-org", "prescriber of another organisation"),
        DISPENSER_HOLDING("dispenser-holding", "dispenser holding the prescription"),
        DISPENSER_NOT_HOLDING("dispenser-not-holding", "dispenser not holding it, naming itself"),
        DISPENSER_AS_HOLDER("dispenser-as-holder", "dispenser not holding it, naming the holder"),
        TRACKER_USER("tracker-user", "user of a system assured only for tracking"),
        PATIENT_SELF("patient-self", "patient, for themself"),
        PATIENT_OTHER("patient-other", "patient, for someone else"),
        PATIENT_DELEGATE("patient-delegate", "patient acting for them by delegated access"),
        ADMINISTRATOR("administrator", "administrator"),
        ASSURED_SYSTEM("assured-system", "assured supplier system without a user"),
        UNASSURED_SYSTEM("unassured-system", "user of a suspended supplier system");

        private final String key;
        private final String title;
        private final Optional<Forgery> forgery;

        Row(String key, String title) {
            this(key, title, Optional.empty());
        }

        Row(String key, String title, Forgery forgery) {
            this(key, title, Optional.of(forgery));
        }

        Row(String key, String title, Optional<Forgery> forgery) {
            this.key = key;
            this.title = title;
            this.forgery = forgery;
        }

        static Row named(String key) {
            return Arrays.stream(values()).filter(row -> row.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No caller '" + key + "' in the matrix"));
        }
    }

    /** The answers a cell may expect, each with its symbol in the matrix. */
    enum Outcome {
        OK("200", 200, ""),
        CREATED("201", 201, ""),
        NOTHING_FOR_THEM("empty", 200, ""),
        UNAUTHORISED("401", 401, "UNAUTHORISED"),
        ACCESS_DENIED("AD", 403, "ACCESS_DENIED"),
        NOT_ASSURED("SNA", 403, "SUPPLIER_SYSTEM_NOT_ASSURED"),
        IDENTITY_MISMATCH("IM", 403, "IDENTITY_MISMATCH"),
        WITH_ANOTHER_DISPENSER("PWD", 400, "PRESCRIPTION_WITH_ANOTHER_DISPENSER");

        private final String symbol;
        private final int status;
        private final String code;

        Outcome(String symbol, int status, String code) {
            this.symbol = symbol;
            this.status = status;
            this.code = code;
        }

        boolean succeeds() {
            return status == 200 || status == 201;
        }

        String describe() {
            return switch (this) {
                case OK -> "200";
                case CREATED -> "201";
                case NOTHING_FOR_THEM -> "200, nothing for them";
                case UNAUTHORISED, ACCESS_DENIED, NOT_ASSURED, IDENTITY_MISMATCH, WITH_ANOTHER_DISPENSER ->
                        status + " " + code;
            };
        }

        static Outcome of(String symbol) {
            return Arrays.stream(values()).filter(outcome -> outcome.symbol.equals(symbol)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No answer '" + symbol + "' in the matrix"));
        }
    }

    private static final Instant START = Instant.parse("2022-10-21T09:00:00Z");
    private static final String PRESCRIBING_PRACTICE = "A83008";
    private static final String OTHER_PRACTICE = "B81001";
    private static final String HOLDER = "VNE51";
    private static final String NOT_HOLDER = "FA666";
    /** The pharmacy the published four-item prescription is nominated to, which never asks for its nominations here. */
    private static final String PUBLISHED_NOMINEE = "FA565";
    private static final String SOME_PRESCRIBER = "555086689106";
    private static final String PATIENT_APP = "demo-patient-app";
    private static final String ADMINISTRATOR_ID = "555000000099";

    private static final String FOUR_ITEMS_PATIENT = "5839945242";
    private static final String FOUR_ITEMS_FAMILY_NAME = "TWITCHETT";
    private static final String FOUR_ITEMS_BIRTH_DATE = "1948-04-30";
    private static final String ONE_ITEM = "cancel/primary-acute-1item-prescription.json";
    private static final String ONE_ITEM_ID = "58E241-A83008-4E2F8R";
    private static final String ONE_ITEM_PATIENT = "9990548609";
    private static final String CANCEL_ONE_ITEM = "cancel/primary-acute-cancel-reason-0001-req.json";
    private static final String NOMINATED_RELEASE = "release/nominated-release-req.json";
    private static final String RETURN = "return/primary-acute-return-req.json";
    private static final String WITHDRAW = "withdraw/primary-acute-withdraw-req.json";
    private static final String CLAIM_IDENTIFIER = "a76599c5-bbdd-4581-bb4d-377b348dd1e4";
    /** The published status update, with the pharmacy, patient, Task ID and time each cell replaces. */
    private static final String READY_TO_COLLECT = "status-update/ready-to-collect-req.json";
    private static final String PSU_EXAMPLE_PHARMACY = "C9Z1O";
    private static final String PSU_EXAMPLE_PATIENT = "9449304130";
    private static final String PSU_EXAMPLE_TASK = "4d70678c-81e4-4ff4-8c67-17596fd0aa46";
    private static final String PSU_EXAMPLE_LAST_MODIFIED = "2023-09-11T10:11:12Z";

    private static final String PATIENT_PATH = "/personal-demographics/FHIR/R4/Patient/";
    private static final String NOMINATED_PHARMACY =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy";
    private static final String NEW_NOMINATION = "FCG71";
    /** The organisation the directory reload renames, to show whether the reload happened. */
    private static final String RENAMED = "FH542";
    private static final String RENAMED_NAME = "PHARMACY FH542";

    /** Who reads the state a cell leaves: a user of the holding pharmacy. */
    private static final Caller.User READER = new Caller.User(Callers.SOME_USER, "9" + Callers.SOME_USER, "R8000",
            Set.of("B0570"), OdsCode.parse(HOLDER), Callers.DISPENSING_SYSTEM);
    private static final SplittableRandom RANDOM = new SplittableRandom(2024);
    private static final AtomicLong NEXT_PATIENT = new AtomicLong(600_000_000L);
    private static final Map<Caller, String> SIGNED = new ConcurrentHashMap<>();

    private static AccessMatrixTokens tokens;
    private static RunningService service;

    @BeforeAll
    static void start() {
        tokens = AccessMatrixTokens.generate();
        service = RunningService.start(Clock.fixed(START, ZoneOffset.UTC), configuration -> configuration.withAccess(
                AccessSettings.keyFile(tokens.jwksFile(), AccessMatrixTokens.ISSUER, AccessMatrixTokens.AUDIENCE)));
        register(Callers.PRESCRIBING_SYSTEM, "assured", "prescribing", "tracking");
        register(Callers.DISPENSING_SYSTEM, "assured", "dispensing", "tracking", "status-update");
        register(Callers.TRACKER, "assured", "tracking");
        register(PATIENT_APP, "assured", "tracking");
        register(Callers.SUSPENDED_SYSTEM, "suspended", "prescribing", "dispensing", "tracking", "status-update");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void the_matrix_has_one_answer_for_every_caller_on_every_endpoint() {
        Map<Row, Map<Endpoint, Outcome>> matrix = matrix();

        assertThat(matrix).containsOnlyKeys(Row.values());
        assertThat(matrix.values()).allSatisfy(answers -> assertThat(answers).containsOnlyKeys(Endpoint.values()));
    }

    @TestFactory
    Stream<DynamicContainer> every_caller_on_every_endpoint_gets_its_answer_and_nothing_else() {
        Map<Row, Map<Endpoint, Outcome>> matrix = matrix();
        return Arrays.stream(Endpoint.values()).map(endpoint -> DynamicContainer.dynamicContainer(
                endpoint.key + ": " + endpoint.title, Arrays.stream(Row.values()).map(row -> {
                    Outcome expected = matrix.get(row).get(endpoint);
                    return DynamicTest.dynamicTest(row.key + " (" + row.title + ") -> " + expected.describe(),
                            () -> cell(endpoint, row, expected));
                })));
    }

    // ---- one cell ----------------------------------------------------------------------------------------------------

    /** Runs a cell; a failure names the cell, since reports that show only the cell's index are common. */
    private static void cell(Endpoint endpoint, Row row, Outcome expected) {
        try {
            run(endpoint, row, expected);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(endpoint.key + " x " + row.key + ", expected " + expected.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void run(Endpoint endpoint, Row row, Outcome expected) {
        Subject subject = new Subject(Examples.newPrescriptionId(RANDOM), newPatient(), newPatient(),
                "matrix-probe-" + UUID.randomUUID());
        prepare(endpoint, subject);
        try {
            Request request = request(endpoint, subject, row == Row.DISPENSER_NOT_HOLDING);
            Optional<Credentials> credentials = credentials(row, legitimate(request), subject);

            HttpResponse<String> response;
            try {
                response = send(request, credentials);
            } catch (UncheckedIOException e) {
                throw new AssertionError("no answer at all, the connection closed without a response: "
                        + e.getCause(), e);
            }

            assertAnswer(endpoint, expected, response, credentials);
            assertAfter(endpoint, subject, expected, response);
        } finally {
            cleanUp(endpoint, subject);
        }
    }

    /** The state the endpoint acts on, made by the legitimate callers: a prescription of the cell's own. */
    private static void prepare(Endpoint endpoint, Subject subject) {
        String id = subject.prescriptionId();
        switch (endpoint) {
            case CREATE, PDS_READ, PDS_PATCH, NOMINATION_HISTORY, ORGANISATION, DIRECTORY_RELOAD, SUPPLIER_SYSTEMS,
                 SUPPLIER_SYSTEM_PUT, AUDIT_VERIFY -> {
                // a new prescription ID, a new patient, a new client ID: nothing to make
            }
            case CANCEL -> asLegitimate(message(ONE_ITEM, Map.of(ONE_ITEM_ID, id, ONE_ITEM_PATIENT, subject.patient())));
            case TASK_BY_ID, TASK_BY_PATIENT, AUDIT, PATIENT_VIEW, TRACKER_BY_ID, TRACKER_BY_PATIENT, TRACKER_SEARCH,
                 TRACKER_DETAILS -> create(subject, Map.of());
            case RELEASE_NOMINATED -> create(subject, Map.of(quoted(PUBLISHED_NOMINEE), quoted(HOLDER)));
            case DISPENSE, RELEASE_BY_ID, RETURN, STATUS_UPDATE -> {
                create(subject, Map.of());
                releaseToHolder(id);
            }
            case WITHDRAW -> {
                create(subject, Map.of());
                releaseToHolder(id);
                asLegitimate(message(DISPENSE_SOME, Map.of(FOUR_ITEMS_ID, id)));
                assertThat(status(id)).isEqualTo("0003");
            }
            case CLAIM -> {
                create(subject, Map.of());
                releaseToHolder(id);
                asLegitimate(message(DISPENSE_ALL, Map.of(FOUR_ITEMS_ID, id)));
                assertThat(status(id)).isEqualTo("0006");
            }
        }
    }

    /**
     * The request the endpoint's legitimate caller sends for the cell's subject; {@code namingItself}: sent by the
     * dispenser not holding the prescription, naming its own pharmacy where the holder's request names the holder.
     */
    private static Request request(Endpoint endpoint, Subject subject, boolean namingItself) {
        String id = subject.prescriptionId();
        Map<String, String> asSender = namingItself ? Map.of(quoted(HOLDER), quoted(NOT_HOLDER)) : Map.of();
        return switch (endpoint) {
            case CREATE -> message(FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, id, FOUR_ITEMS_PATIENT, subject.patient()));
            case CANCEL -> message(CANCEL_ONE_ITEM, Map.of(ONE_ITEM_ID, id, ONE_ITEM_PATIENT, subject.patient()));
            case DISPENSE -> message(DISPENSE_ALL, with(asSender, FOUR_ITEMS_ID, id));
            case RELEASE_NOMINATED -> post("/FHIR/R4/Task/$release", NOMINATED_RELEASE, asSender);
            case RELEASE_BY_ID -> post("/FHIR/R4/Task/$release", RELEASE_BY_ID, with(asSender, FOUR_ITEMS_ID, id));
            case RETURN -> post("/FHIR/R4/Task", RETURN, with(asSender, FOUR_ITEMS_ID, id));
            case WITHDRAW -> post("/FHIR/R4/Task", WITHDRAW, with(asSender, FOUR_ITEMS_ID, id));
            case CLAIM -> post("/FHIR/R4/Claim", CLAIM, with(with(asSender, FOUR_ITEMS_ID, id), CLAIM_IDENTIFIER,
                    UUID.randomUUID().toString()));
            case TASK_BY_ID -> get("/FHIR/R4/Task?focus:identifier=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            case TASK_BY_PATIENT -> get("/FHIR/R4/Task?patient:identifier=" + subject.patient());
            case PDS_READ -> get(PATIENT_PATH + subject.patient());
            case PDS_PATCH -> new Request("PATCH", PATIENT_PATH + subject.patient(),
                    Optional.of("application/json-patch+json"), Optional.of("""
                            [{"op": "add", "path": "/extension", "value": [{"url": "%s", "valueReference": \
                            {"identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "%s"}}}]}]
                            """.formatted(NOMINATED_PHARMACY, NEW_NOMINATION)), Map.of("If-Match", "W/\"0\""));
            case NOMINATION_HISTORY -> get("/api/patients/" + subject.patient() + "/nomination-history");
            case ORGANISATION -> get("/api/organisations/" + HOLDER);
            case DIRECTORY_RELOAD -> new Request("POST", "/api/admin/directory/reload", Optional.of("text/csv"),
                    Optional.of(renamedDirectory(subject)), Map.of());
            case SUPPLIER_SYSTEMS -> get("/api/admin/supplier-systems");
            case SUPPLIER_SYSTEM_PUT -> new Request("PUT", "/api/admin/supplier-systems/" + subject.clientId(),
                    Optional.of("application/json"), Optional.of(supplierSystem("assured", List.of("tracking"))),
                    Map.of());
            case AUDIT -> get("/api/admin/audit?prescriptionId=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            case AUDIT_VERIFY -> get("/api/admin/audit/verify");
            case STATUS_UPDATE -> post("/prescription-status-update/", READY_TO_COLLECT, Map.of(FOUR_ITEMS_ID, id,
                    quoted(PSU_EXAMPLE_PHARMACY), quoted(namingItself ? NOT_HOLDER : HOLDER),
                    PSU_EXAMPLE_PATIENT, subject.patient(),
                    PSU_EXAMPLE_TASK, UUID.randomUUID().toString(),
                    PSU_EXAMPLE_LAST_MODIFIED, START.toString()));
            case PATIENT_VIEW -> get("/prescriptions-for-patients/Bundle");
            case TRACKER_BY_ID -> get("/api/prescription-list?prescriptionId="
                    + URLEncoder.encode(id, StandardCharsets.UTF_8));
            case TRACKER_BY_PATIENT -> get("/api/prescription-list?nhsNumber=" + subject.patient());
            case TRACKER_SEARCH -> get("/api/patient-search?familyName=" + FOUR_ITEMS_FAMILY_NAME + "&dateOfBirth="
                    + FOUR_ITEMS_BIRTH_DATE);
            case TRACKER_DETAILS -> get("/api/prescription-details/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        };
    }

    /** What the endpoint's state is afterwards: changed as asked when the cell succeeds, else exactly as before. */
    private static void assertAfter(Endpoint endpoint, Subject subject, Outcome outcome, HttpResponse<String> response) {
        String id = subject.prescriptionId();
        boolean changed = outcome.succeeds();
        switch (endpoint) {
            case CREATE -> {
                if (changed) {
                    assertThat(status(id)).isEqualTo("0001");
                } else {
                    assertThat(tasks(id).path("total").asInt()).as("prescriptions with ID " + id).isZero();
                }
            }
            case CANCEL -> assertThat(status(id)).isEqualTo(changed ? "0005" : "0001");
            case DISPENSE -> {
                assertThat(status(id)).isEqualTo(changed ? "0006" : "0002");
                if (!changed) {
                    assertThat(itemStatuses(id)).containsOnly("0008");
                    assertThat(owner(id)).isEqualTo(HOLDER);
                }
            }
            case RELEASE_NOMINATED -> {
                if (outcome == Outcome.OK) {
                    assertThat(ReleaseConcurrencyTest.releasedIds(RunningService.json(response.body())))
                            .containsExactly(id);
                    assertThat(status(id)).isEqualTo("0002");
                    assertThat(itemStatuses(id)).containsOnly("0008");
                    assertThat(owner(id)).isEqualTo(HOLDER);
                } else {
                    if (outcome == Outcome.NOTHING_FOR_THEM) {
                        assertThat(response.body()).contains("NO_MORE_PRESCRIPTIONS");
                    }
                    assertThat(status(id)).isEqualTo("0001");
                    assertThat(itemStatuses(id)).containsOnly("0007");
                }
            }
            case RELEASE_BY_ID -> {
                if (changed) {
                    assertThat(ReleaseConcurrencyTest.releasedIds(RunningService.json(response.body())))
                            .containsExactly(id);
                }
                assertThat(status(id)).isEqualTo("0002");
                assertThat(owner(id)).isEqualTo(HOLDER);
            }
            case RETURN -> {
                assertThat(status(id)).isEqualTo(changed ? "0001" : "0002");
                assertThat(owner(id)).isEqualTo(changed ? "" : HOLDER);
            }
            case WITHDRAW -> {
                assertThat(status(id)).isEqualTo(changed ? "0002" : "0003");
                assertThat(itemStatuses(id)).isEqualTo(changed ? List.of("0008", "0008", "0008", "0008")
                        : List.of("0001", "0001", "0004", "0005"));
            }
            case CLAIM -> assertThat(status(id)).isEqualTo(changed ? "0008" : "0006");
            case TASK_BY_ID -> {
                if (changed) {
                    assertThat(RunningService.json(response.body()).path("total").asInt())
                            .isEqualTo(outcome == Outcome.NOTHING_FOR_THEM ? 0 : 1);
                }
            }
            case TASK_BY_PATIENT -> {
                if (changed) {
                    assertThat(RunningService.json(response.body()).path("total").asInt()).isEqualTo(1);
                }
            }
            case PDS_READ -> {
                if (changed) {
                    assertThat(RunningService.json(response.body()).path("id").asString()).isEqualTo(subject.patient());
                }
            }
            case PDS_PATCH -> {
                HttpResponse<String> read = asReader(get(PATIENT_PATH + subject.patient()));
                assertThat(read.headers().firstValue("ETag")).hasValue(changed ? "W/\"1\"" : "W/\"0\"");
                assertThat(read.body().contains(NEW_NOMINATION)).as("nominated " + NEW_NOMINATION).isEqualTo(changed);
            }
            case NOMINATION_HISTORY -> {
                if (changed) {
                    assertThat(RunningService.json(response.body()).path("version").asLong()).isZero();
                }
            }
            case ORGANISATION -> {
                if (changed) {
                    assertThat(RunningService.json(response.body()).path("ods").asString()).isEqualTo(HOLDER);
                }
            }
            case DIRECTORY_RELOAD -> assertThat(organisationName(RENAMED))
                    .isEqualTo(changed ? renamedName(subject) : RENAMED_NAME);
            case SUPPLIER_SYSTEMS -> {
                if (changed) {
                    assertThat(RunningService.json(response.body()).path("supplierSystems").valueStream()
                            .map(system -> system.path("clientId").asString()).toList())
                            .contains(Callers.DISPENSING_SYSTEM, Callers.SUSPENDED_SYSTEM);
                }
            }
            case SUPPLIER_SYSTEM_PUT -> assertThat(asAdministrator(get("/api/admin/supplier-systems/"
                    + subject.clientId())).statusCode()).as("the registry's entry for " + subject.clientId())
                    .isEqualTo(changed ? 200 : 404);
            case AUDIT -> {
                if (changed) {
                    assertThat(RunningService.json(response.body()).path("records").valueStream()
                            .map(record -> record.path("prescriptionId").asString()).toList()).isNotEmpty()
                            .containsOnly(id);
                }
            }
            case AUDIT_VERIFY -> {
                if (changed) {
                    assertThat(RunningService.json(response.body()).has("intact")).isTrue();
                }
            }
            case STATUS_UPDATE -> assertThat(service.count(
                    "select count(*) from pharmacy_status where prescription_id = '" + id + "'"))
                    .as("status updates stored for " + id).isEqualTo(changed ? 1 : 0);
            case TRACKER_BY_ID, TRACKER_BY_PATIENT -> {
                if (changed) {
                    JsonNode list = RunningService.json(response.body());
                    assertThat(list.path("patient").path("nhsNumber").asString()).isEqualTo(subject.patient());
                    assertThat(list.path("currentPrescriptions").valueStream()
                            .map(prescription -> prescription.path("prescriptionId").asString()).toList())
                            .containsExactly(id);
                }
            }
            case TRACKER_SEARCH -> {
                if (changed) {
                    assertThat(RunningService.json(response.body()).path("patients").valueStream()
                            .map(patient -> patient.path("familyName").asString()).toList())
                            .isNotEmpty().containsOnly(FOUR_ITEMS_FAMILY_NAME);
                }
            }
            case TRACKER_DETAILS -> {
                if (changed) {
                    JsonNode details = RunningService.json(response.body());
                    assertThat(details.path("prescriptionId").asString()).isEqualTo(id);
                    assertThat(details.path("patientDetails").path("nhsNumber").asString()).isEqualTo(subject.patient());
                }
            }
            case PATIENT_VIEW -> {
                if (changed) {
                    assertThat(response.body().contains(id)).as("the patient's prescription " + id + " shown")
                            .isEqualTo(outcome == Outcome.OK);
                }
            }
        }
    }

    /**
     * Leaves nothing that a later cell could meet: a prescription nominated to the holder and still to be dispensed
     * would be handed to the next nominated release; a renamed organisation is named back.
     */
    private static void cleanUp(Endpoint endpoint, Subject subject) {
        switch (endpoint) {
            case RELEASE_NOMINATED -> {
                if (status(subject.prescriptionId()).equals("0001")) {
                    releaseToHolder(subject.prescriptionId());
                }
            }
            case DIRECTORY_RELOAD -> {
                if (!organisationName(RENAMED).equals(RENAMED_NAME)) {
                    assertOk(asAdministrator(new Request("POST", "/api/admin/directory/reload",
                            Optional.of("text/csv"), Optional.of(DirectoryCsv.sample()), Map.of())));
                }
            }
            case CREATE, CANCEL, DISPENSE, RELEASE_BY_ID, RETURN, WITHDRAW, CLAIM, TASK_BY_ID, TASK_BY_PATIENT,
                 PDS_READ, PDS_PATCH, NOMINATION_HISTORY, ORGANISATION, SUPPLIER_SYSTEMS, SUPPLIER_SYSTEM_PUT, AUDIT,
                 AUDIT_VERIFY, STATUS_UPDATE, PATIENT_VIEW, TRACKER_BY_ID, TRACKER_BY_PATIENT, TRACKER_SEARCH,
                 TRACKER_DETAILS -> {
                // nothing another cell could meet
            }
        }
    }

    // ---- the answer ------------------------------------------------------------------------------------------------

    /**
     * The status, and for a refusal the error in the API's own shape carrying that one code and no other, and never
     * the token that was sent.
     */
    private static void assertAnswer(Endpoint endpoint, Outcome expected, HttpResponse<String> response,
                                     Optional<Credentials> credentials) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected.status);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (expected.succeeds()) {
            assertThat(contentType).startsWith(endpoint.json() ? "application/json" : "application/fhir+json");
        } else if (endpoint.json()) {
            assertThat(contentType).startsWith("application/problem+json");
            JsonNode problem = RunningService.json(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(expected.status);
            assertThat(problem.path("code").asString()).isEqualTo(expected.code);
            assertThat(problem.path("detail").asString()).isNotBlank();
        } else {
            assertThat(contentType).startsWith("application/fhir+json");
            JsonNode outcome = RunningService.json(response.body());
            assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
            assertThat(outcome.path("issue").valueStream()
                    .map(issue -> issue.path("severity").asString() + " "
                            + issue.path("details").path("coding").path(0).path("code").asString()).toList())
                    .containsExactly("error " + expected.code);
        }
        credentials.ifPresent(sent -> {
            for (String part : sent.token().split("\\.")) {
                if (part.length() >= 8) {
                    assertThat(response.body()).as("the response body").doesNotContain(part);
                    assertThat(response.headers().map().toString()).as("the response headers").doesNotContain(part);
                }
            }
        });
    }

    // ---- callers and tokens ----------------------------------------------------------------------------------------

    /** Who the request would legitimately come from: the user and organisation it names, read by the service's mappers. */
    private static Caller legitimate(Request request) {
        ObjectNode described = MessageCallers.callerFor(request.method(), request.path(),
                request.body().map(body -> body.getBytes(StandardCharsets.UTF_8)).orElse(null));
        return switch (described.path("kind").asString()) {
            case "user" -> new Caller.User(described.path("sdsUserId").asString(),
                    described.path("roleProfileId").asString(), described.path("roleCode").asString(),
                    Set.copyOf(described.path("activities").valueStream().map(JsonNode::asString).toList()),
                    OdsCode.parse(described.path("ods").asString()), described.path("clientId").asString());
            case "admin" -> new Caller.Administrator(described.path("sdsUserId").asString());
            default -> throw new IllegalStateException("No legitimate caller for " + request.path() + ": " + described);
        };
    }

    /** The caller of the row, for a request whose legitimate caller is {@code legitimate}. */
    private static Caller caller(Row row, Caller legitimate, Subject subject) {
        return switch (row) {
            case NO_TOKEN, ALG_NONE, SYMMETRIC_ALGORITHM, BAD_SIGNATURE, UNKNOWN_KEY, EXPIRED, NOT_YET_VALID,
                 WRONG_ISSUER, WRONG_AUDIENCE, MALFORMED -> legitimate;
            case PRESCRIBER -> prescriber(legitimate, PRESCRIBING_PRACTICE);
            case PRESCRIBER_ELSEWHERE -> prescriber(legitimate, OTHER_PRACTICE);
            case DISPENSER_HOLDING -> dispenser(legitimate, HOLDER);
            case DISPENSER_NOT_HOLDING, DISPENSER_AS_HOLDER -> dispenser(legitimate, NOT_HOLDER);
            case TRACKER_USER -> through(user(legitimate), Callers.TRACKER);
            case PATIENT_SELF -> patient(subject.patient(), Optional.empty());
            case PATIENT_OTHER -> patient(subject.otherPatient(), Optional.empty());
            case PATIENT_DELEGATE -> patient(subject.otherPatient(), Optional.of(subject.patient()));
            case ADMINISTRATOR -> new Caller.Administrator(ADMINISTRATOR_ID);
            case ASSURED_SYSTEM -> new Caller.Application(Callers.DISPENSING_SYSTEM);
            case UNASSURED_SYSTEM -> through(user(legitimate), Callers.SUSPENDED_SYSTEM);
        };
    }

    private static Optional<Credentials> credentials(Row row, Caller legitimate, Subject subject) {
        if (row == Row.NO_TOKEN) {
            return Optional.empty();
        }
        Caller caller = caller(row, legitimate, subject);
        String token = row.forgery.map(forgery -> tokens.forge(forgery, caller)).orElseGet(() -> signed(caller));
        return Optional.of(new Credentials(token, roleProfile(caller)));
    }

    /** The prescriber the request names (any prescriber when it names none), in a role at the organisation. */
    private static Caller.User prescriber(Caller legitimate, String organisation) {
        String user = legitimate instanceof Caller.User named && named.may(Permission.PRESCRIBE)
                ? named.sdsUserId() : SOME_PRESCRIBER;
        return new Caller.User(user, "9" + user, "R8000", Set.of("B0278"), OdsCode.parse(organisation),
                Callers.PRESCRIBING_SYSTEM);
    }

    /** The dispenser the request names (any dispenser when it names none), in a role at the organisation. */
    private static Caller.User dispenser(Caller legitimate, String organisation) {
        String user = legitimate instanceof Caller.User named && named.may(Permission.DISPENSE)
                ? named.sdsUserId() : Callers.SOME_USER;
        return new Caller.User(user, "9" + user, "R8000", Set.of("B0570"), OdsCode.parse(organisation),
                Callers.DISPENSING_SYSTEM);
    }

    /** The legitimate user, or the holding dispenser where the legitimate caller is no user. */
    private static Caller.User user(Caller legitimate) {
        return legitimate instanceof Caller.User named ? named : dispenser(legitimate, HOLDER);
    }

    private static Caller.User through(Caller.User user, String supplierSystem) {
        return new Caller.User(user.sdsUserId(), user.roleProfileId(), user.roleCode(), user.activities(),
                user.organisation(), supplierSystem);
    }

    private static Caller.Patient patient(String nhsNumber, Optional<String> actingFor) {
        return new Caller.Patient(NhsNumber.parse(nhsNumber), actingFor.map(NhsNumber::parse), PATIENT_APP);
    }

    private static Optional<String> roleProfile(Caller caller) {
        return caller instanceof Caller.User user ? Optional.of(user.roleProfileId()) : Optional.empty();
    }

    private static String signed(Caller caller) {
        return SIGNED.computeIfAbsent(caller, tokens::sign);
    }

    // ---- requests --------------------------------------------------------------------------------------------------

    private static HttpResponse<String> send(Request request, Optional<Credentials> credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(service.uri(request.path()))
                .method(request.method(), request.body().map(HttpRequest.BodyPublishers::ofString)
                        .orElseGet(HttpRequest.BodyPublishers::noBody))
                .header("X-Request-ID", UUID.randomUUID().toString());
        request.contentType().ifPresent(type -> builder.header("Content-Type", type));
        request.headers().forEach(builder::header);
        credentials.ifPresent(sent -> {
            builder.header("Authorization", "Bearer " + sent.token());
            sent.sessionUrid().ifPresent(role -> builder.header("NHSD-Session-URID", role));
        });
        return service.send(builder.build());
    }

    private static HttpResponse<String> as(Caller caller, Request request) {
        return send(request, Optional.of(new Credentials(signed(caller), roleProfile(caller))));
    }

    /** Sends a request as its legitimate caller and expects it to succeed: how cells make their state. */
    private static void asLegitimate(Request request) {
        assertOk(as(legitimate(request), request));
    }

    /** Reads as a user of the holding pharmacy, whose system is assured for tracking. */
    private static HttpResponse<String> asReader(Request request) {
        return as(READER, request);
    }

    private static HttpResponse<String> asAdministrator(Request request) {
        return as(new Caller.Administrator(ADMINISTRATOR_ID), request);
    }

    /** A published message with text replaced and a new Bundle.identifier. */
    private static Request message(String example, Map<String, String> replacements) {
        JsonNode bundle = RunningService.json(replaced(example, replacements));
        ((ObjectNode) bundle.path("identifier")).put("value", UUID.randomUUID().toString());
        return new Request("POST", "/FHIR/R4/$process-message", Optional.of("application/fhir+json"),
                Optional.of(RunningService.JSON.writeValueAsString(bundle)), Map.of());
    }

    private static Request post(String path, String example, Map<String, String> replacements) {
        return new Request("POST", path, Optional.of("application/fhir+json"),
                Optional.of(replaced(example, replacements)), Map.of());
    }

    private static Request get(String path) {
        return new Request("GET", path, Optional.empty(), Optional.empty(), Map.of());
    }

    private static String replaced(String example, Map<String, String> replacements) {
        String text = new String(RunningService.example(example), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        return text;
    }

    private static Map<String, String> with(Map<String, String> replacements, String text, String replacement) {
        Map<String, String> all = new LinkedHashMap<>(replacements);
        all.put(text, replacement);
        return all;
    }

    // ---- the service's state -----------------------------------------------------------------------------------------

    /** The published four-item prescription under the subject's ID and patient, with further text replaced. */
    private static void create(Subject subject, Map<String, String> replacements) {
        Map<String, String> all = new HashMap<>(replacements);
        all.put(FOUR_ITEMS_ID, subject.prescriptionId());
        all.put(FOUR_ITEMS_PATIENT, subject.patient());
        asLegitimate(message(FOUR_ITEMS, all));
        assertThat(status(subject.prescriptionId())).isEqualTo("0001");
    }

    private static void releaseToHolder(String id) {
        asLegitimate(post("/FHIR/R4/Task/$release", RELEASE_BY_ID, Map.of(FOUR_ITEMS_ID, id)));
        assertThat(status(id)).isEqualTo("0002");
    }

    private static JsonNode tasks(String id) {
        HttpResponse<String> response = asReader(get("/FHIR/R4/Task?focus:identifier="
                + URLEncoder.encode(id, StandardCharsets.UTF_8)));
        assertOk(response);
        return RunningService.json(response.body());
    }

    private static JsonNode task(String id) {
        JsonNode found = tasks(id);
        assertThat(found.path("total").asInt()).as("prescriptions with ID " + id).isEqualTo(1);
        return found.path("entry").path(0).path("resource");
    }

    private static String status(String id) {
        return task(id).path("businessStatus").path("coding").path(0).path("code").asString();
    }

    private static String owner(String id) {
        return task(id).path("owner").path("identifier").path("value").asString();
    }

    private static List<String> itemStatuses(String id) {
        return task(id).path("output").valueStream()
                .map(output -> output.path("type").path("coding").path(0).path("code").asString())
                .toList();
    }

    private static String organisationName(String ods) {
        HttpResponse<String> response = asReader(get("/api/organisations/" + ods));
        assertOk(response);
        return RunningService.json(response.body()).path("name").asString();
    }

    /** The sample directory with one organisation renamed for this cell. */
    private static String renamedDirectory(Subject subject) {
        String sample = DirectoryCsv.sample();
        String row = RENAMED + "," + RENAMED_NAME + ",";
        assertThat(sample).contains(row);
        return sample.replace(row, RENAMED + "," + renamedName(subject) + ",");
    }

    private static String renamedName(Subject subject) {
        return RENAMED_NAME + " " + subject.prescriptionId();
    }

    private static void register(String clientId, String status, String... features) {
        assertOk(asAdministrator(new Request("PUT", "/api/admin/supplier-systems/" + clientId,
                Optional.of("application/json"), Optional.of(supplierSystem(status, List.of(features))), Map.of())));
    }

    private static String supplierSystem(String status, List<String> features) {
        ObjectNode system = JsonNodeFactory.instance.objectNode()
                .put("supplier", "Access Matrix Ltd")
                .put("product", "Matrix")
                .put("version", "1.0.0")
                .put("status", status);
        ArrayNode assured = system.putArray("features");
        features.forEach(assured::add);
        return RunningService.JSON.writeValueAsString(system);
    }

    // ---- the matrix ------------------------------------------------------------------------------------------------

    /** The tables read into one answer per caller and endpoint; a caller or endpoint missing or twice is an error. */
    private static Map<Row, Map<Endpoint, Outcome>> matrix() {
        Map<Row, Map<Endpoint, Outcome>> matrix = new EnumMap<>(Row.class);
        for (String table : List.of(FHIR_API, OTHER_APIS, TRACKING_APIS)) {
            List<String[]> lines = table.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .map(line -> line.split("\\s+")).toList();
            List<Endpoint> endpoints = Arrays.stream(lines.getFirst()).skip(1).map(Endpoint::named).toList();
            for (String[] line : lines.subList(1, lines.size())) {
                if (line.length != endpoints.size() + 1) {
                    throw new IllegalStateException("The matrix row " + String.join(" ", line) + " has "
                            + (line.length - 1) + " answers for " + endpoints.size() + " endpoints");
                }
                Map<Endpoint, Outcome> answers = matrix.computeIfAbsent(Row.named(line[0]),
                        row -> new EnumMap<>(Endpoint.class));
                for (int column = 0; column < endpoints.size(); column++) {
                    if (answers.put(endpoints.get(column), Outcome.of(line[column + 1])) != null) {
                        throw new IllegalStateException("The matrix answers twice for " + line[0] + " on "
                                + endpoints.get(column).key);
                    }
                }
            }
        }
        for (Row row : Row.values()) {
            for (Endpoint endpoint : Endpoint.values()) {
                if (!matrix.getOrDefault(row, Map.of()).containsKey(endpoint)) {
                    throw new IllegalStateException("The matrix has no answer for " + row.key + " on " + endpoint.key);
                }
            }
        }
        return matrix;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A new valid NHS number: patients of one cell only. */
    private static String newPatient() {
        while (true) {
            Optional<NhsNumber> number = NhsNumber.withCheckDigit(Long.toString(NEXT_PATIENT.incrementAndGet()));
            if (number.isPresent()) {
                return number.get().value();
            }
        }
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    /**
     * What a cell acts on: its prescription ID, its patient and another patient (both new), and a client ID no supplier
     * system has.
     */
    private record Subject(String prescriptionId, String patient, String otherPatient, String clientId) {
    }

    private record Request(String method, String path, Optional<String> contentType, Optional<String> body,
                           Map<String, String> headers) {
    }

    /** The bearer token sent, and the role profile sent with it in {@code NHSD-Session-URID} for a user. */
    private record Credentials(String token, Optional<String> sessionUrid) {
    }
}
