package org.openeps.domain.prescription;

import java.util.Arrays;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** The {@code courseOfTherapyType} a prescriber gives each item. */
public enum CourseOfTherapy {
    ACUTE("acute"),
    CONTINUOUS("continuous"),
    CONTINUOUS_REPEAT_DISPENSING("continuous-repeat-dispensing");

    private final String code;

    CourseOfTherapy(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static CourseOfTherapy fromCode(String code) {
        return Arrays.stream(values())
                .filter(course -> course.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new EpsException(ErrorCode.INVALID_VALUE,
                        "Unknown courseOfTherapyType: " + code + "; expected acute, continuous or continuous-repeat-dispensing"));
    }
}
