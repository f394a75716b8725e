package org.openeps.adapters.http.web.signin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openeps.adapters.http.web.session.Identity;
import org.openeps.adapters.http.web.session.StaffRole;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * The people anyone may sign in as with development tokens on: fictional staff at the sample directory's GP practice
 * and pharmacies, and a patient with someone acting for them. They stand in for NHS CIS2 and NHS login, as
 * {@code POST /dev/token} stands in for their access tokens.
 */
public final class DemoUsers {

    /** The supplier system staff's pages act through: the demo registry's tracker, assured for tracking. */
    public static final String TRACKER_SYSTEM = "demo-tracker";
    /** The supplier system patients' pages act through: the demo registry's patient app. */
    public static final String PATIENT_APP = "demo-patient-app";
    public static final String DEMO_PATIENT = "9449304130";
    public static final String DEMO_DELEGATE = "9449310610";

    private static final OdsCode PRACTICE = OdsCode.parse("A83008");
    private static final OdsCode PHARMACY = OdsCode.parse("VNE51");
    private static final OdsCode OTHER_PHARMACY = OdsCode.parse("FA565");

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("prescriber", "Prescriber at a GP practice", new Identity.Staff("555254240100",
                    "Dr Amelia Hart", List.of(new StaffRole("555254240101", "R8000", "Clinical Practitioner",
                    Set.of("B0278"), PRACTICE)))),
            new DemoUser("pharmacist", "Pharmacist at a community pharmacy", new Identity.Staff("555254240102",
                    "Ravi Shah", List.of(new StaffRole("555254240103", "R8003", "Pharmacist", Set.of("B0570"),
                    PHARMACY)))),
            new DemoUser("two-roles", "Pharmacist prescriber with two roles: choose one after signing in",
                    new Identity.Staff("555254240104", "Sam Okafor", List.of(
                            new StaffRole("555254240105", "R8000", "Clinical Practitioner", Set.of("B0278"),
                                    PRACTICE),
                            new StaffRole("555254240106", "R8003", "Pharmacist", Set.of("B0570"),
                                    OTHER_PHARMACY)))),
            new DemoUser("patient", "Patient, NHS number 944 930 4130", new Identity.Patient("Jane Smith",
                    NhsNumber.parse(DEMO_PATIENT), Optional.empty(), Optional.empty())),
            new DemoUser("delegate", "Patient's parent, acting for Jane Smith by delegated access",
                    new Identity.Patient("Robert Smith", NhsNumber.parse(DEMO_DELEGATE),
                            Optional.of(NhsNumber.parse(DEMO_PATIENT)), Optional.of("Jane Smith"))));

    private DemoUsers() {
    }

    public static List<DemoUser> all() {
        return USERS;
    }

    public static Optional<DemoUser> find(String key) {
        return USERS.stream().filter(user -> user.key().equals(key)).findFirst();
    }

    /**
     * One demo person.
     *
     * @param key         what the sign-in form sends
     * @param description who they are, shown under their name
     */
    public record DemoUser(String key, String description, Identity identity) {
        public DemoUser {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(identity, "identity");
        }
    }
}
