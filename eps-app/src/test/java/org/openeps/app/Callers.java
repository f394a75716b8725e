package org.openeps.app;

import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The callers tests act as, each the body of a {@code POST /dev/token} request: users of prescribing and dispensing
 * sites through the demo supplier systems, patients, supplier systems on their own, and an administrator.
 */
final class Callers {

    static final String PRESCRIBING_SYSTEM = "demo-prescribing";
    static final String DISPENSING_SYSTEM = "demo-dispensing";
    static final String TRACKER = "demo-tracker";
    static final String SUSPENDED_SYSTEM = "demo-suspended";
    /** Assured for status updates only: a pharmacy's back office sending Prescription Status Updates on its own. */
    static final String STATUS_UPDATE_SYSTEM = "demo-status-update";
    /** Any user when the message names none. */
    static final String SOME_USER = "555000000001";

    private Callers() {
    }

    /** A prescriber (activity B0278) at an organisation, working in the demo GP system. */
    static ObjectNode prescriber(String ods, Optional<String> sdsUserId) {
        return user(ods, sdsUserId.orElse(SOME_USER), "B0278", PRESCRIBING_SYSTEM);
    }

    /** A dispenser (activity B0570) at an organisation, working in the demo pharmacy system. */
    static ObjectNode dispenser(String ods, Optional<String> sdsUserId) {
        return user(ods, sdsUserId.orElse(SOME_USER), "B0570", DISPENSING_SYSTEM);
    }

    static ObjectNode dispenser(String ods) {
        return dispenser(ods, Optional.empty());
    }

    static ObjectNode prescriber(String ods) {
        return prescriber(ods, Optional.empty());
    }

    static ObjectNode user(String ods, String sdsUserId, String activity, String clientId) {
        ObjectNode caller = JsonNodeFactory.instance.objectNode()
                .put("kind", "user")
                .put("sdsUserId", sdsUserId)
                .put("roleProfileId", "9" + sdsUserId)
                .put("roleCode", "R8000")
                .put("ods", ods)
                .put("clientId", clientId);
        caller.putArray("activities").add(activity);
        return caller;
    }

    static ObjectNode patient(String nhsNumber) {
        return JsonNodeFactory.instance.objectNode().put("kind", "patient").put("nhsNumber", nhsNumber);
    }

    static ObjectNode patientActingFor(String nhsNumber, String actingFor) {
        return patient(nhsNumber).put("actingFor", actingFor);
    }

    static ObjectNode system(String clientId) {
        return JsonNodeFactory.instance.objectNode().put("kind", "system").put("clientId", clientId);
    }

    static ObjectNode administrator() {
        return JsonNodeFactory.instance.objectNode().put("kind", "admin").put("sdsUserId", "555000000099");
    }
}
