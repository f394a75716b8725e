package org.openeps.domain.nomination;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * A patient's nominations: at most one dispenser for each {@link DispensingSiteType} P1 (pharmacy), P2 (dispensing
 * appliance contractor) and P3 (dispensing doctor), with a {@code version} for optimistic locking (the PDS-shaped API
 * gives it as the ETag). Immutable: each move answers the nominations after it, with the change appended to
 * {@link #changes()}, the history entries not yet stored.
 *
 * <p>Whether an organisation may be nominated (it exists, is open and is of the right kind) is the directory's
 * business, checked by the application before it calls {@link #nominate}.
 */
public final class Nominations {

    private final NhsNumber patient;
    private final Map<DispensingSiteType, OdsCode> nominated;
    private final long version;
    private final List<NominationChange> changes;

    private Nominations(NhsNumber patient, Map<DispensingSiteType, OdsCode> nominated, long version,
                        List<NominationChange> changes) {
        this.patient = Objects.requireNonNull(patient, "patient");
        EpsException.require(!nominated.containsKey(DispensingSiteType.NONE), ErrorCode.INVALID_VALUE,
                "A nomination is for a P1, P2 or P3 dispenser, not 0004");
        EpsException.require(version >= 0, ErrorCode.INVALID_VALUE, "A nominations version is never negative");
        EnumMap<DispensingSiteType, OdsCode> copy = new EnumMap<>(DispensingSiteType.class);
        copy.putAll(nominated);
        this.nominated = Collections.unmodifiableMap(copy);
        this.version = version;
        this.changes = List.copyOf(changes);
    }

    /** A patient who has never nominated: nothing nominated, version 0. */
    public static Nominations none(NhsNumber patient) {
        return new Nominations(patient, Map.of(), 0, List.of());
    }

    /** Nominations as stored, for the repository. */
    public static Nominations rehydrate(NhsNumber patient, Map<DispensingSiteType, OdsCode> nominated, long version) {
        return new Nominations(patient, nominated, version, List.of());
    }

    /**
     * Nominates this organisation for this site type, replacing any other; nominating the organisation already
     * nominated changes nothing.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} for site type 0004
     */
    public Nominations nominate(DispensingSiteType siteType, OdsCode organisation, Actor by, Instant now) {
        Objects.requireNonNull(organisation, "organisation");
        return change(siteType, Optional.of(organisation), by, now);
    }

    /** Removes the nomination for this site type; removing none changes nothing. */
    public Nominations remove(DispensingSiteType siteType, Actor by, Instant now) {
        return change(siteType, Optional.empty(), by, now);
    }

    private Nominations change(DispensingSiteType siteType, Optional<OdsCode> to, Actor by, Instant now) {
        EpsException.require(siteType != DispensingSiteType.NONE, ErrorCode.INVALID_VALUE,
                "A nomination is for a P1, P2 or P3 dispenser, not 0004");
        Optional<OdsCode> from = nominated(siteType);
        if (from.equals(to)) {
            return this;
        }
        EnumMap<DispensingSiteType, OdsCode> next = new EnumMap<>(DispensingSiteType.class);
        next.putAll(nominated);
        to.ifPresentOrElse(ods -> next.put(siteType, ods), () -> next.remove(siteType));
        List<NominationChange> recorded = new ArrayList<>(changes);
        recorded.add(new NominationChange(patient, siteType, from, to, by, now));
        return new Nominations(patient, next, version, recorded);
    }

    /** The same nominations stored as the next version, with no change left to store. */
    public Nominations stored() {
        return new Nominations(patient, nominated, version + 1, List.of());
    }

    public NhsNumber patient() {
        return patient;
    }

    /** The organisation nominated for this site type, if any. */
    public Optional<OdsCode> nominated(DispensingSiteType siteType) {
        return Optional.ofNullable(nominated.get(siteType));
    }

    /** Every nomination, by site type. */
    public Map<DispensingSiteType, OdsCode> all() {
        return nominated;
    }

    /** 0 for a patient who has never nominated, one more at each stored change. */
    public long version() {
        return version;
    }

    /** The changes made since these nominations were loaded, oldest first: the history still to store. */
    public List<NominationChange> changes() {
        return changes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Nominations that && patient.equals(that.patient) && nominated.equals(that.nominated)
                && version == that.version && changes.equals(that.changes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(patient, nominated, version, changes);
    }

    @Override
    public String toString() {
        return "Nominations[" + patient + " " + nominated + " v" + version + "]";
    }
}
