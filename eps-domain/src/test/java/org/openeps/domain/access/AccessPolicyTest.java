package org.openeps.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

class AccessPolicyTest {

    private static final OdsCode PRACTICE = new OdsCode("A83008");
    private static final OdsCode PHARMACY = new OdsCode("VNE51");
    private static final NhsNumber PATIENT = NhsNumber.parse("9449304130");
    private static final NhsNumber CHILD = NhsNumber.parse("9449310610");
    private static final String EVERYTHING = "everything";
    private static final Function<String, Optional<SupplierSystem>> REGISTRY = clientId -> Optional.of(
            new SupplierSystem(clientId, "Supplier", "Product", "1.0", EnumSet.allOf(Feature.class),
                    SupplierSystem.Status.ASSURED));

    private static final Caller PRESCRIBER = user(PRACTICE, "B0420");
    private static final Caller DISPENSER = user(PHARMACY, "B0572");
    private static final Caller ADMIN_CLERK = user(PRACTICE, "B0264");
    private static final Caller SYSTEM = new Caller.Application(EVERYTHING);
    private static final Caller PATIENT_CALLER = new Caller.Patient(PATIENT, Optional.empty(), EVERYTHING);
    private static final Caller ADMINISTRATOR = new Caller.Administrator("555000000099");

    /** Who may do each action, with every supplier system assured for everything. */
    private static final Map<Action, Set<Caller>> ALLOWED = Map.ofEntries(
            Map.entry(Action.CREATE_PRESCRIPTION, Set.of(PRESCRIBER)),
            Map.entry(Action.CANCEL_PRESCRIPTION, Set.of(PRESCRIBER)),
            Map.entry(Action.RELEASE_NOMINATED, Set.of(DISPENSER, SYSTEM)),
            Map.entry(Action.RELEASE_BY_ID, Set.of(DISPENSER)),
            Map.entry(Action.DISPENSE, Set.of(DISPENSER)),
            Map.entry(Action.WITHDRAW_DISPENSE, Set.of(DISPENSER)),
            Map.entry(Action.RETURN_PRESCRIPTION, Set.of(DISPENSER)),
            Map.entry(Action.CLAIM, Set.of(DISPENSER)),
            Map.entry(Action.READ_PRESCRIPTIONS, Set.of(PRESCRIBER, DISPENSER, PATIENT_CALLER)),
            Map.entry(Action.UPDATE_STATUS, Set.of(DISPENSER, SYSTEM)),
            Map.entry(Action.READ_NOMINATIONS, Set.of(PRESCRIBER, DISPENSER, PATIENT_CALLER)),
            Map.entry(Action.CHANGE_NOMINATIONS, Set.of(PRESCRIBER, DISPENSER, PATIENT_CALLER)),
            Map.entry(Action.READ_DIRECTORY, Set.of(PRESCRIBER, DISPENSER, ADMIN_CLERK, SYSTEM, PATIENT_CALLER,
                    ADMINISTRATOR)),
            Map.entry(Action.MANAGE_DIRECTORY, Set.of(ADMINISTRATOR)),
            Map.entry(Action.MANAGE_SUPPLIER_SYSTEMS, Set.of(ADMINISTRATOR)),
            Map.entry(Action.READ_AUDIT, Set.of(ADMINISTRATOR)));

    private static Caller.User user(OdsCode organisation, String activity) {
        return new Caller.User("555086689106", "200102238987", "R8000", Set.of(activity), organisation, EVERYTHING);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void each_action_is_open_to_its_callers_only(Action action) {
        assertThat(ALLOWED).containsKey(action);
        for (Caller caller : Set.of(PRESCRIBER, DISPENSER, ADMIN_CLERK, SYSTEM, PATIENT_CALLER, ADMINISTRATOR)) {
            if (ALLOWED.get(action).contains(caller)) {
                assertThatCode(() -> AccessPolicy.authorise(caller, action, REGISTRY)).as(caller + " " + action)
                        .doesNotThrowAnyException();
            } else {
                assertRefused(() -> AccessPolicy.authorise(caller, action, REGISTRY), ErrorCode.ACCESS_DENIED);
            }
        }
    }

    @Test
    void a_supplier_system_must_be_registered_assured_and_assured_for_the_feature() {
        SupplierSystem trackerOnly = new SupplierSystem("tracker", "S", "P", "1", Set.of(Feature.TRACKING),
                SupplierSystem.Status.ASSURED);
        SupplierSystem suspended = new SupplierSystem("suspended", "S", "P", "1", EnumSet.allOf(Feature.class),
                SupplierSystem.Status.SUSPENDED);
        Function<String, Optional<SupplierSystem>> registry = clientId -> Optional.of(trackerOnly)
                .filter(system -> system.clientId().equals(clientId))
                .or(() -> Optional.of(suspended).filter(system -> system.clientId().equals(clientId)));
        Caller.User throughTracker = new Caller.User("1", "2", "R8000", Set.of("B0570"), PHARMACY, "tracker");

        assertThatCode(() -> AccessPolicy.authorise(throughTracker, Action.READ_PRESCRIPTIONS, registry))
                .doesNotThrowAnyException();
        assertRefused(() -> AccessPolicy.authorise(throughTracker, Action.DISPENSE, registry),
                ErrorCode.SUPPLIER_SYSTEM_NOT_ASSURED);
        assertRefused(() -> AccessPolicy.authorise(new Caller.User("1", "2", "R8000", Set.of("B0570"), PHARMACY,
                "suspended"), Action.READ_PRESCRIPTIONS, registry), ErrorCode.SUPPLIER_SYSTEM_NOT_ASSURED);
        assertRefused(() -> AccessPolicy.authorise(new Caller.Application("unknown"), Action.RELEASE_NOMINATED,
                registry), ErrorCode.SUPPLIER_SYSTEM_NOT_ASSURED);
        assertRefused(() -> AccessPolicy.authorise(throughTracker, Action.CHANGE_NOMINATIONS, registry),
                ErrorCode.SUPPLIER_SYSTEM_NOT_ASSURED);
        assertThatCode(() -> AccessPolicy.authorise(new Caller.Patient(PATIENT, Optional.empty(), "tracker"),
                Action.CHANGE_NOMINATIONS, registry)).as("a patient changes their nominations through their app")
                .doesNotThrowAnyException();
        assertThatCode(() -> AccessPolicy.authorise(ADMINISTRATOR, Action.READ_AUDIT, registry))
                .as("administrators use no supplier system").doesNotThrowAnyException();
    }

    @Test
    void a_user_acts_only_for_their_own_organisation_and_as_themself() {
        assertThat(AccessPolicy.actsFor(PRESCRIBER, Actor.of(PRACTICE, Optional.of("555086689106")))).isEqualTo(PRACTICE);
        assertThat(AccessPolicy.actsFor(PRESCRIBER, Actor.of(PRACTICE, Optional.empty()))).isEqualTo(PRACTICE);
        assertRefused(() -> AccessPolicy.actsFor(PRESCRIBER, Actor.of(PHARMACY, Optional.empty())),
                ErrorCode.IDENTITY_MISMATCH);
        assertRefused(() -> AccessPolicy.actsFor(PRESCRIBER, Actor.of(PRACTICE, Optional.of("999999999999"))),
                ErrorCode.IDENTITY_MISMATCH);
        assertThat(AccessPolicy.actsFor(SYSTEM, Actor.of(PHARMACY, Optional.empty()))).isEqualTo(PHARMACY);
        assertRefused(() -> AccessPolicy.actsFor(PATIENT_CALLER, Actor.of(PHARMACY, Optional.empty())),
                ErrorCode.ACCESS_DENIED);
        assertRefused(() -> AccessPolicy.actsFor(ADMINISTRATOR, Actor.of(PHARMACY, Optional.empty())),
                ErrorCode.ACCESS_DENIED);
    }

    @Test
    void a_patient_sees_themself_or_the_person_they_act_for_and_clinicians_see_patients() {
        Caller parent = new Caller.Patient(PATIENT, Optional.of(CHILD), EVERYTHING);

        assertThat(AccessPolicy.maySee(PATIENT_CALLER, PATIENT)).isTrue();
        assertThat(AccessPolicy.maySee(PATIENT_CALLER, CHILD)).isFalse();
        assertThat(AccessPolicy.maySee(parent, CHILD)).isTrue();
        assertThat(AccessPolicy.maySee(PRESCRIBER, CHILD)).isTrue();
        assertThat(AccessPolicy.maySee(DISPENSER, CHILD)).isTrue();
        assertThat(AccessPolicy.maySee(ADMIN_CLERK, CHILD)).isFalse();
        assertThat(AccessPolicy.maySee(SYSTEM, CHILD)).isFalse();
        assertThat(AccessPolicy.maySee(ADMINISTRATOR, CHILD)).isFalse();
    }

    @Test
    void activity_families_grant_their_permission() {
        for (String code : Permission.PRESCRIBE.activities()) {
            assertThat(user(PRACTICE, code).may(Permission.PRESCRIBE)).as(code).isTrue();
            assertThat(user(PRACTICE, code).may(Permission.DISPENSE)).as(code).isFalse();
        }
        for (String code : Permission.DISPENSE.activities()) {
            assertThat(user(PHARMACY, code).may(Permission.DISPENSE)).as(code).isTrue();
            assertThat(user(PHARMACY, code).may(Permission.PRESCRIBE)).as(code).isFalse();
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EpsException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
