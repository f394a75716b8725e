package org.openeps.adapters.http.web.tracker;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.BrowserSessions;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.web.Formats;
import org.openeps.adapters.http.web.Pages;
import org.openeps.adapters.http.web.Service;
import org.openeps.application.tracker.ListPrescriptionsUseCase.ListPrescriptionsQuery;
import org.openeps.application.tracker.ListPrescriptionsUseCase;
import org.openeps.application.tracker.PatientDetails;
import org.openeps.application.tracker.PatientMatches;
import org.openeps.application.tracker.PrescriptionDetails;
import org.openeps.application.tracker.PrescriptionList;
import org.openeps.application.tracker.PrescriptionSummary;
import org.openeps.application.tracker.SearchPatientsUseCase.SearchPatientsQuery;
import org.openeps.application.tracker.SearchPatientsUseCase;
import org.openeps.application.tracker.ViewPrescriptionUseCase.ViewPrescriptionQuery;
import org.openeps.application.tracker.ViewPrescriptionUseCase;
import org.openeps.domain.access.Action;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.tracking.PrescriptionTab;

/**
 * The clinical prescription tracker's pages, for staff of prescribing and dispensing sites:
 * <ul>
 * <li>{@code /site/} the search, by prescription ID, NHS number or basic details ({@code ?by=id|nhs|details});</li>
 * <li>{@code /site/prescriptions?prescriptionId=|nhsNumber=} the patient and their prescriptions in the tabs Current,
 * Future and Past ({@code &tab=}), sortable by column ({@code &sort=issued|id|type|status&order=asc|desc});</li>
 * <li>{@code /site/patients?familyName=&day=&month=&year=&givenName=&postcode=} the patients found by basic details;</li>
 * <li>{@code /site/prescriptions/{id}?issue=} a prescription's details, one issue at a time.</li>
 * </ul>
 * Every page that shows patient data is authorised and audited as the API's reads are.
 */
public final class TrackerPageRoutes implements Routes {

    static final String HOME = Service.TRACKER.home();
    static final String LIST = BrowserSessions.SITE + "/prescriptions";
    static final String PATIENTS = BrowserSessions.SITE + "/patients";

    private final Pages pages;
    private final ListPrescriptionsUseCase listPrescriptions;
    private final SearchPatientsUseCase searchPatients;
    private final ViewPrescriptionUseCase viewPrescription;
    private final RequestAccess access;
    private final Clock clock;

    public TrackerPageRoutes(Pages pages, ListPrescriptionsUseCase listPrescriptions, SearchPatientsUseCase searchPatients,
                         ViewPrescriptionUseCase viewPrescription, RequestAccess access, Clock clock) {
        this.pages = pages;
        this.listPrescriptions = listPrescriptions;
        this.searchPatients = searchPatients;
        this.viewPrescription = viewPrescription;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(HOME, this::search);
        routes.get(LIST, this::list);
        routes.get(PATIENTS, this::patients);
        routes.get(LIST + "/{id}", this::details);
    }

    private void search(Context ctx) {
        showSearch(ctx, 200, SearchForm.empty(ctx.queryParam("by")));
    }

    private void showSearch(Context ctx, int status, SearchForm form) {
        String title = (form.errors().isEmpty() ? "" : "Error: ") + "Search for a prescription";
        pages.render(ctx, status, "tracker/search.jte", pages.layout(ctx, title, Service.TRACKER),
                Map.of("form", form));
    }

    private void list(Context ctx) {
        boolean byId = ctx.queryParam("nhsNumber") == null;
        SearchForm form = SearchForm.of(ctx, byId ? SearchForm.BY_ID : SearchForm.BY_NHS_NUMBER);
        SearchForm.Parsed<?> parsed = byId ? form.parsedPrescriptionId() : form.parsedNhsNumber();
        if (!parsed.errors().isEmpty()) {
            showSearch(ctx, 400, form.withErrors(parsed.errors()));
            return;
        }
        Audited audited = access.authorise(ctx, Action.READ_PRESCRIPTIONS);
        ListPrescriptionsQuery query = byId
                ? ListPrescriptionsQuery.byId((PrescriptionId) parsed.value().orElseThrow())
                : ListPrescriptionsQuery.byPatient((NhsNumber) parsed.value().orElseThrow());
        Optional<PrescriptionList> found = listPrescriptions.list(query);
        query.prescriptionId().ifPresent(id -> audited.about(Optional.of(id.value()),
                found.map(list -> list.patient().nhsNumber().value())));
        query.nhsNumber().ifPresent(patient -> audited.about(Optional.empty(), Optional.of(patient.value())));
        found.ifPresent(list -> List.of(list.current(), list.future(), list.past()).forEach(tab -> tab.forEach(
                row -> audited.about(Optional.of(row.prescriptionId().value()),
                        Optional.of(list.patient().nhsNumber().value())))));
        String criterion = query.prescriptionId().map(id -> "prescriptionId=" + encode(id.value()))
                .orElseGet(() -> "nhsNumber=" + query.nhsNumber().orElseThrow().value());
        String searched = query.prescriptionId().map(id -> "prescription ID " + id.value())
                .orElseGet(() -> "NHS number " + Formats.nhsNumber(query.nhsNumber().orElseThrow().value()));
        if (found.isEmpty()) {
            pages.render(ctx, "tracker/none.jte", pages.layout(ctx, "No prescriptions found", Service.TRACKER),
                    Map.of("searched", searched, "again", HOME + "?by=" + form.by()));
        } else {
            pages.render(ctx, "tracker/results.jte", pages.layout(ctx, "Prescriptions", Service.TRACKER),
                    Map.of("page", ResultsPage.of(found.orElseThrow(), criterion, searched, form.by(),
                            ctx.queryParam("tab"), ctx.queryParam("sort"), ctx.queryParam("order"))));
        }
        access.succeeded(audited);
    }

    private void patients(Context ctx) {
        SearchForm form = SearchForm.of(ctx, SearchForm.BY_DETAILS);
        SearchForm.Parsed<SearchForm.Details> parsed = form.parsedDetails(clock.instant().atZone(Formats.UK).toLocalDate());
        if (!parsed.errors().isEmpty()) {
            showSearch(ctx, 400, form.withErrors(parsed.errors()));
            return;
        }
        Audited audited = access.authorise(ctx, Action.READ_PRESCRIPTIONS);
        SearchForm.Details details = parsed.value().orElseThrow();
        PatientMatches matches = searchPatients.search(new SearchPatientsQuery(details.familyName(),
                details.dateOfBirth(), details.givenName(), details.postcode()));
        matches.patients().forEach(patient -> audited.about(Optional.empty(),
                Optional.of(patient.nhsNumber().value())));
        String title = matches.patients().isEmpty() ? "No patients found" : "Patients found";
        pages.render(ctx, "tracker/patients.jte", pages.layout(ctx, title, Service.TRACKER),
                Map.of("matches", matches, "again", HOME + "?by=" + SearchForm.BY_DETAILS));
        access.succeeded(audited);
    }

    private void details(Context ctx) {
        PrescriptionId id = PrescriptionId.parse(ctx.pathParam("id").toUpperCase(Locale.ROOT));
        OptionalInt issue = issue(ctx.queryParam("issue"));
        Audited audited = access.authorise(ctx, Action.READ_PRESCRIPTIONS);
        audited.about(Optional.of(id.value()), Optional.empty());
        PrescriptionDetails details = viewPrescription.view(new ViewPrescriptionQuery(id, issue))
                .orElseThrow(() -> new EpsException(ErrorCode.PRESCRIPTION_NOT_FOUND,
                        "No prescription was found with ID " + id.value() + "."));
        audited.about(Optional.of(id.value()), Optional.of(details.patient().nhsNumber().value()));
        String self = LIST + "/" + encode(id.value());
        pages.render(ctx, "tracker/details.jte", pages.layout(ctx, "Prescription " + id.value(), Service.TRACKER),
                Map.of("page", new DetailsPage(details,
                        LIST + "?nhsNumber=" + details.patient().nhsNumber().value(),
                        details.issues().previous().stream().mapToObj(n -> self + "?issue=" + n).findFirst(),
                        details.issues().next().stream().mapToObj(n -> self + "?issue=" + n).findFirst())));
        access.succeeded(audited);
    }

    private static OptionalInt issue(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        EpsException.require(text.matches("\\d{1,3}"), ErrorCode.INVALID_VALUE, "There is no issue " + text + ".");
        return OptionalInt.of(Integer.parseInt(text));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The colour of a prescription status tag. */
    public static String statusColour(PrescriptionStatus status) {
        return switch (status) {
            case TO_BE_DISPENSED, AWAITING_RELEASE_READY -> "blue";
            case WITH_DISPENSER, WITH_DISPENSER_ACTIVE -> "aqua-green";
            case DISPENSED, CLAIMED -> "green";
            case CANCELLED, CANCELLED_FUTURE_ISSUE, EXPIRED, NOT_DISPENSED, NO_CLAIMED -> "grey";
            case REPEAT_DISPENSE_FUTURE_ISSUE, FUTURE_DATED -> "white";
        };
    }

    /** The colour of an item status tag. */
    public static String itemColour(ItemStatus status) {
        return switch (status) {
            case FULLY_DISPENSED -> "green";
            case DISPENSED_PARTIAL, NOT_DISPENSED_OWING -> "yellow";
            case NOT_DISPENSED, CANCELLED, EXPIRED -> "grey";
            case TO_BE_DISPENSED -> "blue";
            case WITH_DISPENSER -> "aqua-green";
        };
    }

    /** The patient banner's name: the full name, else "Name not known". */
    public static String name(PatientDetails patient) {
        String name = patient.fullName();
        return name.isBlank() ? "Name not known" : name;
    }

    /** The prescription details page. */
    public record DetailsPage(PrescriptionDetails details, String back, Optional<String> previous,
                              Optional<String> next) {
    }

    /**
     * The prescription list page: the patient, the tabs with their counts, the chosen tab's rows sorted, and the
     * column headers with the links that sort by them.
     */
    public record ResultsPage(PrescriptionList list, String searched, String again, List<TabLink> tabs,
                              PrescriptionTab tab, List<SortHeader> headers, List<PrescriptionSummary> rows) {

        static ResultsPage of(PrescriptionList list, String criterion, String searched, String by, String tabName,
                              String sortName, String orderName) {
            PrescriptionTab tab = tab(tabName).orElseGet(() -> list.current().isEmpty() && !list.future().isEmpty()
                    ? PrescriptionTab.FUTURE
                    : list.current().isEmpty() && !list.past().isEmpty() ? PrescriptionTab.PAST : PrescriptionTab.CURRENT);
            SortKey sort = SortKey.of(sortName);
            boolean ascending = orderName == null ? sort.ascendingFirst : orderName.equals("asc");
            String base = LIST + "?" + criterion;
            List<TabLink> tabs = new ArrayList<>();
            for (PrescriptionTab each : PrescriptionTab.values()) {
                tabs.add(new TabLink(each.label(), list.tab(each).size(),
                        base + "&tab=" + each.name().toLowerCase(Locale.ROOT) + "&sort=" + sort.key + "&order="
                                + (ascending ? "asc" : "desc"), each == tab, "tab-" + each.name().toLowerCase(Locale.ROOT)));
            }
            List<SortHeader> headers = new ArrayList<>();
            for (SortKey key : SortKey.values()) {
                boolean sorted = key == sort;
                boolean nextAscending = sorted ? !ascending : key.ascendingFirst;
                headers.add(new SortHeader(key.label, base + "&tab=" + tab.name().toLowerCase(Locale.ROOT) + "&sort="
                        + key.key + "&order=" + (nextAscending ? "asc" : "desc"),
                        sorted ? Optional.of(ascending ? "ascending" : "descending") : Optional.empty(),
                        "sort-" + key.key));
            }
            Comparator<PrescriptionSummary> order = sort.comparator.thenComparing(
                    row -> row.prescriptionId().value());
            List<PrescriptionSummary> rows = list.tab(tab).stream()
                    .sorted(ascending ? order : order.reversed()).toList();
            return new ResultsPage(list, searched, HOME + "?by=" + by, tabs, tab, headers, rows);
        }

        private static Optional<PrescriptionTab> tab(String name) {
            for (PrescriptionTab tab : PrescriptionTab.values()) {
                if (tab.name().equalsIgnoreCase(name == null ? "" : name)) {
                    return Optional.of(tab);
                }
            }
            return Optional.empty();
        }

        /** The link to a prescription's details. */
        public String detailsHref(PrescriptionSummary row) {
            return LIST + "/" + encode(row.prescriptionId().value());
        }
    }

    /** One tab of the list: its label and count, the link that shows it, whether it is shown. */
    public record TabLink(String label, int count, String href, boolean selected, String id) {
    }

    /**
     * One sortable column header.
     *
     * @param ariaSort {@code ascending} or {@code descending} on the column the rows are sorted by
     */
    public record SortHeader(String label, String href, Optional<String> ariaSort, String id) {
    }

    /** The columns the list sorts by; by issue date, newest first, unless asked otherwise. */
    enum SortKey {
        ISSUED("issued", "Issue date", false, Comparator.comparing(PrescriptionSummary::issueDate)),
        ID("id", "Prescription ID", true, Comparator.comparing(row -> row.prescriptionId().value())),
        TYPE("type", "Type", true, Comparator.comparing(PrescriptionSummary::typeLabel)),
        STATUS("status", "Status", true, Comparator.comparing(row -> row.status().label()));

        private final String key;
        private final String label;
        private final boolean ascendingFirst;
        private final Comparator<PrescriptionSummary> comparator;

        SortKey(String key, String label, boolean ascendingFirst, Comparator<PrescriptionSummary> comparator) {
            this.key = key;
            this.label = label;
            this.ascendingFirst = ascendingFirst;
            this.comparator = comparator;
        }

        static SortKey of(String key) {
            for (SortKey sort : values()) {
                if (sort.key.equals(key)) {
                    return sort;
                }
            }
            return ISSUED;
        }
    }
}
