package org.openeps.domain.access;

import java.util.Set;

/**
 * What a caller asks to do, with who may do it and which feature the supplier system must be assured for. The whole
 * authorisation table of EPS is this enum; {@link AccessPolicy} applies it.
 */
public enum Action {
    CREATE_PRESCRIPTION(Who.PRESCRIBER, Feature.PRESCRIBING),
    CANCEL_PRESCRIPTION(Who.PRESCRIBER, Feature.PRESCRIBING),
    RELEASE_NOMINATED(Who.DISPENSER_OR_APPLICATION, Feature.DISPENSING),
    RELEASE_BY_ID(Who.DISPENSER, Feature.DISPENSING),
    DISPENSE(Who.DISPENSER, Feature.DISPENSING),
    WITHDRAW_DISPENSE(Who.DISPENSER, Feature.DISPENSING),
    RETURN_PRESCRIPTION(Who.DISPENSER, Feature.DISPENSING),
    CLAIM(Who.DISPENSER, Feature.DISPENSING),
    /** Where prescriptions stand, and their history: the trackers. */
    READ_PRESCRIPTIONS(Who.CLINICIAN_OR_PATIENT, Feature.TRACKING),
    /** A pharmacy tells the patient how their items are coming on. */
    UPDATE_STATUS(Who.DISPENSER_OR_APPLICATION, Feature.STATUS_UPDATE),
    /** A patient's nominated dispensers, read by the patient or by a prescribing, dispensing or tracking system. */
    READ_NOMINATIONS(Who.CLINICIAN_OR_PATIENT, Feature.PRESCRIBING, Feature.DISPENSING, Feature.TRACKING),
    /**
     * Changed by a user through a prescribing or dispensing system, or by the patient through a patient-facing
     * (tracking) app; a tracking system may not change them for a user.
     */
    CHANGE_NOMINATIONS(Who.CLINICIAN_OR_PATIENT, Set.of(Feature.PRESCRIBING, Feature.DISPENSING),
            Set.of(Feature.TRACKING)),
    /** Organisation look-up: no patient data, open to every authenticated caller. */
    READ_DIRECTORY(Who.ANYONE),
    MANAGE_DIRECTORY(Who.ADMINISTRATOR),
    MANAGE_SUPPLIER_SYSTEMS(Who.ADMINISTRATOR),
    READ_AUDIT(Who.ADMINISTRATOR);

    /** The callers an action is open to. */
    enum Who {
        /** A user whose role grants {@link Permission#PRESCRIBE}. */
        PRESCRIBER,
        /** A user whose role grants {@link Permission#DISPENSE}. */
        DISPENSER,
        /** A dispensing user, or a supplier system on its own (application-restricted). */
        DISPENSER_OR_APPLICATION,
        /** A user who may prescribe or dispense, or a patient (for their own records only). */
        CLINICIAN_OR_PATIENT,
        ANYONE,
        ADMINISTRATOR
    }

    private final Who who;
    private final Set<Feature> features;
    private final Set<Feature> patientFeatures;

    Action(Who who, Feature... features) {
        this(who, Set.of(features), Set.of(features));
    }

    Action(Who who, Set<Feature> features, Set<Feature> patientFeatures) {
        this.who = who;
        this.features = features;
        this.patientFeatures = patientFeatures;
    }

    Who who() {
        return who;
    }

    /**
     * The features any one of which the caller's supplier system must be assured for; empty when no supplier system
     * is involved.
     */
    public Set<Feature> features() {
        return features;
    }

    /** The features any one of which a patient's app must be assured for (the same as for others but where said). */
    public Set<Feature> features(Caller caller) {
        return caller instanceof Caller.Patient ? patientFeatures : features;
    }
}
