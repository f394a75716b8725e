package org.openeps.adapters.http.access;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.openeps.application.access.AuthoriseUseCase;
import org.openeps.application.audit.RecordAuditUseCase;
import org.openeps.domain.access.AccessPolicy;
import org.openeps.domain.access.Action;
import org.openeps.domain.access.Caller;
import org.openeps.domain.audit.AuditRecord;
import org.openeps.domain.audit.AuditWho;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.shared.OdsCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every route does about access: authorise the caller for the action it asks, and record in the audit trail who
 * did it, to which prescriptions and patients, and how it ended. A success is recorded in the transaction of the
 * change it reports; a failure, after that transaction has rolled back, in one of its own.
 */
public final class RequestAccess {

    private static final Logger LOG = LoggerFactory.getLogger(RequestAccess.class);
    private static final String AUDITED = "openeps.audited";
    private static final String OK = "OK";
    private static final String REPLAYED = "REPLAYED";

    private final AuthoriseUseCase authorise;
    private final RecordAuditUseCase audit;
    private final Clock clock;

    public RequestAccess(AuthoriseUseCase authorise, RecordAuditUseCase audit, Clock clock) {
        this.authorise = authorise;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Refuses the request unless its caller may do the action; either way the request is audited from here on
     * (except {@link Action#READ_DIRECTORY}, which reads no patient data).
     */
    public Audited authorise(Context ctx, Action action) {
        Caller caller = Authentication.caller(ctx);
        Audited audited = new Audited(caller, action, requestId(ctx));
        if (action != Action.READ_DIRECTORY) {
            ctx.attribute(AUDITED, audited);
        }
        authorise.authorise(caller, action);
        return audited;
    }

    /** Records the request's success, once: inside the caller's transaction when there is one. */
    public void succeeded(Audited audited) {
        if (!audited.recorded && audited.action != Action.READ_DIRECTORY) {
            record(audited, audited.action, OK);
            audited.recorded = true;
        }
    }

    /**
     * After the replay guard has answered: when the work did not run (its success was not recorded), the caller got
     * the answer recorded for the first copy of the request, which is recorded as a read of what it concerns, outcome
     * {@value #REPLAYED}.
     */
    public void answered(Audited audited) {
        if (!audited.recorded) {
            record(audited, Action.READ_PRESCRIPTIONS, REPLAYED);
            audited.recorded = true;
        }
    }

    /** Makes a change and records its success in the audit trail, both in one transaction. */
    public <T> T change(Audited audited, Supplier<T> change) {
        return audit.atomically(() -> {
            T changed = change.get();
            succeeded(audited);
            return changed;
        });
    }

    /** Records a request that failed with an error code, unless its success was recorded (a failure after commit). */
    public void failed(Context ctx, String code) {
        Audited audited = ctx.attribute(AUDITED);
        if (audited == null || audited.recorded) {
            return;
        }
        audited.recorded = true;
        try {
            record(audited, audited.action, code);
        } catch (RuntimeException e) {
            LOG.error("Could not record the failed {} of request {} in the audit trail", audited.action,
                    audited.requestId, e);
        }
    }

    /**
     * One record per prescription and patient the request concerns, all in one transaction (the caller's, when there
     * is one): they are written together or not at all, one after another in one audit chain.
     */
    private void record(Audited audited, Action action, String outcome) {
        AuditWho who = AuditWho.of(audited.caller);
        List<Subject> subjects = audited.subjects.isEmpty()
                ? List.of(new Subject(Optional.empty(), Optional.empty())) : audited.subjects;
        Instant at = clock.instant();
        audit.record(subjects.stream()
                .map(subject -> new AuditRecord(at, audited.requestId, action, who, subject.prescriptionId(),
                        subject.nhsNumber(), outcome))
                .toList());
    }

    private static String requestId(Context ctx) {
        String header = ctx.header("X-Request-ID");
        return header == null || header.isBlank() ? UUID.randomUUID().toString() : header.strip();
    }

    /** A request being audited: its caller, action, and the prescriptions and patients it concerns. */
    public static final class Audited {
        private final Caller caller;
        private final Action action;
        private final String requestId;
        private final List<Subject> subjects = new ArrayList<>();
        private boolean recorded;

        private Audited(Caller caller, Action action, String requestId) {
            this.caller = caller;
            this.action = action;
            this.requestId = requestId;
        }

        public Caller caller() {
            return caller;
        }

        /** Notes a prescription or patient the request concerns, each a record of its own in the audit trail. */
        public Audited about(Optional<String> prescriptionId, Optional<String> nhsNumber) {
            Subject subject = new Subject(prescriptionId, nhsNumber);
            // a patient learnt later completes the prescription noted before it
            subjects.removeIf(noted -> noted.nhsNumber().isEmpty() && noted.prescriptionId().equals(prescriptionId));
            if (!subjects.contains(subject)) {
                subjects.add(subject);
            }
            return this;
        }

        /**
         * The organisation a message acts for, checked against the caller (see {@link AccessPolicy#actsFor}).
         */
        public OdsCode actsFor(Actor named) {
            return AccessPolicy.actsFor(caller, named);
        }
    }

    private record Subject(Optional<String> prescriptionId, Optional<String> nhsNumber) {
    }
}
