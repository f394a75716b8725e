package org.openeps.domain.prescription;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** How a prescription is issued: once, re-issued by the prescriber, or issued repeatedly by EPS itself (eRD). */
public enum TreatmentType {
    ACUTE("0001"),
    REPEAT_PRESCRIBING("0002"),
    REPEAT_DISPENSING("0003");

    private final String code;

    TreatmentType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static TreatmentType fromCode(String code) {
        return Arrays.stream(values())
                .filter(type -> type.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new EpsException(ErrorCode.INVALID_VALUE, "Unknown treatment type: " + code));
    }

    /**
     * The treatment type of a prescription whose items carry these courses of therapy. All items alike give that
     * type; a mix of acute and continuous is treated as acute; any other mix is refused.
     */
    public static TreatmentType of(Collection<CourseOfTherapy> courses) {
        EpsException.require(!courses.isEmpty(), ErrorCode.MISSING_VALUE, "courseOfTherapyType is required");
        Set<CourseOfTherapy> distinct = EnumSet.copyOf(courses);
        if (distinct.equals(EnumSet.of(CourseOfTherapy.ACUTE))
                || distinct.equals(EnumSet.of(CourseOfTherapy.ACUTE, CourseOfTherapy.CONTINUOUS))) {
            return ACUTE;
        }
        if (distinct.equals(EnumSet.of(CourseOfTherapy.CONTINUOUS))) {
            return REPEAT_PRESCRIBING;
        }
        if (distinct.equals(EnumSet.of(CourseOfTherapy.CONTINUOUS_REPEAT_DISPENSING))) {
            return REPEAT_DISPENSING;
        }
        throw new EpsException(ErrorCode.INVALID_VALUE,
                "Course of therapy type must either match for all MedicationRequests or be a mixture of 'acute' and 'continuous'");
    }
}
