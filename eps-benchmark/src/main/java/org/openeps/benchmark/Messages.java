package org.openeps.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.openeps.benchmark.Population.Organisation;
import org.openeps.benchmark.Population.Patient;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messages of the benchmark, made from the published EPS example messages ({@code examples/eps-fhir-examples}):
 * each example is read once, the parts that vary (IDs, NHS number, organisations, users, dates, item statuses) are
 * turned into placeholders and the number of items is cut or extended to 1 to 4, then every message is one
 * {@link Template#render} with fresh values.
 */
final class Messages {

    /** The kinds of prescription the mix holds, each from its own published example. */
    enum Kind {
        GP_ACUTE("prescription-order/primary-acute-nominated-4items-req.json", "0001"),
        GP_REPEAT("prescription-order/primary-repeat-prescribing-req.json", "0002"),
        GP_ERD("prescription-order/primary-erd-4items-req.json", "0003"),
        TRUST_ACUTE("prescription-order/secondary-community-acute-nominated-1item-req.json", "0001");

        final String example;
        final String treatmentType;

        Kind(String example, String treatmentType) {
            this.example = example;
            this.treatmentType = treatmentType;
        }
    }

    static final String NOMINATED_RELEASE = "release/nominated-release-req.json";
    static final String RELEASE_BY_ID = "release/primary-acute-release-by-id-req.json";
    static final String DISPENSE = "dispense-notification/primary-acute-complete-req.json";
    static final String CLAIM = "claim/primary-acute-claim-req.json";
    static final String STATUS_UPDATE = "status-update/multiple-items-req.json";

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_INSTANT;

    /** Order templates by kind, [items - 1][nominated ? 1 : 0]. */
    private final Map<Kind, Template[][]> orders = new EnumMap<>(Kind.class);
    private final Template nominatedRelease;
    private final Template releaseById;
    private final Template[] dispense = new Template[4];
    private final Template[] claim = new Template[4];
    private final Template[] statusUpdate = new Template[4];

    Messages(Path examples) {
        for (Kind kind : Kind.values()) {
            Template[][] byItems = new Template[4][2];
            for (int items = 1; items <= 4; items++) {
                byItems[items - 1][0] = orderTemplate(load(examples, kind.example), items, false);
                byItems[items - 1][1] = orderTemplate(load(examples, kind.example), items, true);
            }
            orders.put(kind, byItems);
        }
        nominatedRelease = releaseTemplate(load(examples, NOMINATED_RELEASE), false);
        releaseById = releaseTemplate(load(examples, RELEASE_BY_ID), true);
        for (int items = 1; items <= 4; items++) {
            dispense[items - 1] = dispenseTemplate(load(examples, DISPENSE), items);
            claim[items - 1] = claimTemplate(load(examples, CLAIM), items);
            statusUpdate[items - 1] = statusUpdateTemplate(load(examples, STATUS_UPDATE), items);
        }
    }

    private static JsonNode load(Path examples, String example) {
        try {
            return JSON.readTree(Files.readString(examples.resolve(example), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Example " + example + " not found under " + examples.toAbsolutePath(), e);
        }
    }

    // ---------------------------------------------------------------- the prescription and what is sent about it

    /** A prescription of the run: everything the later messages about it need. */
    record Prescription(String id, String longFormId, Kind kind, List<String> items, Patient patient,
                        Organisation prescriber, Organisation nominated, LocalDate date, Instant authored) {

        boolean isNominated() {
            return nominated != null;
        }
    }

    /** A new prescription with fresh, valid identifiers. */
    static Prescription newPrescription(RandomGenerator random, Kind kind, int items, Patient patient,
                                        Organisation prescriber, Organisation nominated, int sequence, Instant now) {
        String id = PrescriptionId.generate(OdsCode.parse(prescriber.ods()), sequence, random).value();
        List<String> itemIds = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            itemIds.add(uuid(random));
        }
        // signed a little before it is sent, on the day it is sent (the London day may differ from UTC near midnight)
        Instant authored = now.minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return new Prescription(id, uuid(random), kind, List.copyOf(itemIds), patient, prescriber, nominated,
                LocalDate.ofInstant(authored, ZoneOffset.UTC).minusDays(1), authored);
    }

    static String uuid(RandomGenerator random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    String order(Prescription p, String messageId) {
        Map<String, String> values = common(p, messageId);
        values.put("PRESCRIBER", p.prescriber().ods());
        values.put("PRESCRIBER_NAME", p.prescriber().name());
        values.put("PRESCRIBER_USER", p.prescriber().sdsUserId());
        values.put("PRESCRIBER_ROLE", p.prescriber().roleProfileId());
        values.put("PHARMACY", p.isNominated() ? p.nominated().ods() : "");
        values.put("START", p.date().toString());
        values.put("END", p.date().plusYears(1).toString());
        values.put("REVIEW", p.date().plusYears(1).toString());
        values.put("AUTHORED", INSTANT.format(p.authored()));
        values.put("FAMILY", p.patient().family());
        values.put("GIVEN", p.patient().given());
        values.put("BIRTH", p.patient().birthDate().toString());
        values.put("POSTCODE", p.patient().postcode());
        return orders.get(p.kind())[p.items().size() - 1][p.isNominated() ? 1 : 0].render(values);
    }

    String nominatedRelease(Organisation pharmacy) {
        Map<String, String> values = new HashMap<>();
        dispenser(values, pharmacy);
        return nominatedRelease.render(values);
    }

    String releaseById(Organisation pharmacy, String prescriptionId) {
        Map<String, String> values = new HashMap<>();
        dispenser(values, pharmacy);
        values.put("ID", prescriptionId);
        return releaseById.render(values);
    }

    /** A dispense notification reporting each item's status ({@code 0001} dispensed, {@code 0003} partial, ...). */
    String dispense(Prescription p, Organisation pharmacy, List<String> itemStatuses, String prescriptionStatus,
                    String messageId, Instant now, RandomGenerator random) {
        Map<String, String> values = common(p, messageId);
        dispenser(values, pharmacy);
        values.put("NOW", INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        values.put("PSTATUS", prescriptionStatus);
        values.put("COURSE", switch (p.kind()) {
            case GP_ACUTE, TRUST_ACUTE -> "acute";
            case GP_REPEAT -> "continuous";
            case GP_ERD -> "continuous-repeat-dispensing";
        });
        for (int i = 0; i < p.items().size(); i++) {
            values.put("ST" + i, itemStatuses.get(i));
            values.put("DISP" + i, uuid(random));
        }
        return dispense[p.items().size() - 1].render(values);
    }

    String claim(Prescription p, Organisation pharmacy, String claimId, Instant now, RandomGenerator random) {
        Map<String, String> values = common(p, claimId);
        dispenser(values, pharmacy);
        values.put("NOW", INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        for (int i = 0; i < p.items().size(); i++) {
            values.put("CSEQ" + i, uuid(random));
            values.put("DISP" + i, uuid(random));
        }
        return claim[p.items().size() - 1].render(values);
    }

    /** A status update for every item: {@code businessStatus} and its {@code Task.status}. */
    String statusUpdate(Prescription p, Organisation pharmacy, String businessStatus, String taskStatus, Instant now,
                        RandomGenerator random) {
        Map<String, String> values = common(p, "");
        values.put("PHARMACY", pharmacy.ods());
        values.put("BSTATUS", businessStatus);
        values.put("TSTATUS", taskStatus);
        values.put("NOW", INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        for (int i = 0; i < p.items().size(); i++) {
            values.put("TASK" + i, uuid(random));
        }
        return statusUpdate[p.items().size() - 1].render(values);
    }

    private static Map<String, String> common(Prescription p, String messageId) {
        Map<String, String> values = new HashMap<>(48);
        values.put("MSGID", messageId);
        values.put("ID", p.id());
        values.put("LONGID", p.longFormId());
        values.put("NHS", p.patient().nhsNumber());
        for (int i = 0; i < p.items().size(); i++) {
            values.put("ITEM" + i, p.items().get(i));
        }
        return values;
    }

    private static void dispenser(Map<String, String> values, Organisation pharmacy) {
        values.put("PHARMACY", pharmacy.ods());
        values.put("DISP_USER", pharmacy.sdsUserId());
        values.put("DISP_ROLE", pharmacy.roleProfileId());
    }

    // ---------------------------------------------------------------- building the templates from the examples

    private static Template orderTemplate(JsonNode bundle, int items, boolean nominated) {
        ObjectNode root = (ObjectNode) bundle;
        ArrayNode entries = (ArrayNode) root.path("entry");
        List<JsonNode> requests = resources(entries, "MedicationRequest");
        JsonNode first = requests.get(0).path("resource");
        String oldId = first.path("groupIdentifier").path("value").asString();
        String oldLongId = first.path("groupIdentifier").path("extension").get(0).path("valueIdentifier").path("value")
                .asString();
        String oldNominated = first.path("dispenseRequest").path("performer").path("identifier").path("value").asString("");
        JsonNode patient = resources(entries, "Patient").get(0).path("resource");
        String oldNhs = identifier(patient, "https://fhir.nhs.uk/Id/nhs-number");
        JsonNode role = resources(entries, "PractitionerRole").get(0).path("resource");
        String oldRole = identifier(role, "https://fhir.nhs.uk/Id/sds-role-profile-id");
        JsonNode practitioner = resources(entries, "Practitioner").get(0).path("resource");
        String oldUser = identifier(practitioner, "https://fhir.nhs.uk/Id/sds-user-id");
        JsonNode organisation = resources(entries, "Organization").get(0).path("resource");
        String oldOds = identifier(organisation, "https://fhir.nhs.uk/Id/ods-organization-code");
        String oldOrgName = organisation.path("name").asString("");

        setItemCount(root, entries, requests, items);
        int index = 0;
        for (JsonNode entry : resources(entries, "MedicationRequest")) {
            ObjectNode request = (ObjectNode) entry.path("resource");
            setIdentifier(request, "https://fhir.nhs.uk/Id/prescription-order-item-number", placeholder("ITEM" + index++));
            ObjectNode group = (ObjectNode) request.path("groupIdentifier");
            group.put("value", placeholder("ID"));
            ((ObjectNode) group.path("extension").get(0).path("valueIdentifier")).put("value", placeholder("LONGID"));
            if (request.has("authoredOn")) {
                request.put("authoredOn", placeholder("AUTHORED"));
            }
            ObjectNode dispenseRequest = (ObjectNode) request.path("dispenseRequest");
            if (dispenseRequest.path("validityPeriod") instanceof ObjectNode validity) {
                if (validity.has("start")) {
                    validity.put("start", placeholder("START"));
                }
                if (validity.has("end")) {
                    validity.put("end", placeholder("END"));
                }
            }
            request.path("extension").forEach(ext -> ext.path("extension").forEach(part -> {
                if (part.path("url").asString().equals("authorisationExpiryDate")) {
                    ((ObjectNode) part).put("valueDateTime", placeholder("REVIEW"));
                }
            }));
            for (JsonNode ext : dispenseRequest.path("extension")) {
                if (ext.path("url").asString().endsWith("Extension-DM-PerformerSiteType")) {
                    ((ObjectNode) ext.path("valueCoding")).put("code", nominated ? "P1" : "0004");
                }
            }
            if (nominated) {
                ObjectNode performer = dispenseRequest.putObject("performer").putObject("identifier");
                performer.put("system", "https://fhir.nhs.uk/Id/ods-organization-code");
                performer.put("value", placeholder("PHARMACY"));
            } else {
                dispenseRequest.remove("performer");
            }
        }
        ObjectNode patientNode = (ObjectNode) patient;
        JsonNode name = patientNode.path("name").get(0);
        ((ObjectNode) name).put("family", placeholder("FAMILY"));
        ((ObjectNode) name).set("given", NODES.arrayNode().add(placeholder("GIVEN")));
        patientNode.put("birthDate", placeholder("BIRTH"));
        patientNode.path("address").forEach(address -> ((ObjectNode) address).put("postalCode", placeholder("POSTCODE")));
        for (JsonNode provenance : resources(entries, "Provenance")) {
            ObjectNode resource = (ObjectNode) provenance.path("resource");
            resource.put("recorded", placeholder("AUTHORED"));
            resource.path("signature").forEach(signature -> ((ObjectNode) signature).put("when", placeholder("AUTHORED")));
        }
        ((ObjectNode) root.path("identifier")).put("value", placeholder("MSGID"));

        String text = JSON.writeValueAsString(root);
        text = text.replace(oldId, placeholder("ID")).replace(oldLongId, placeholder("LONGID"))
                .replace(oldNhs, placeholder("NHS")).replace(oldRole, placeholder("PRESCRIBER_ROLE"))
                .replace(oldUser, placeholder("PRESCRIBER_USER")).replace(oldOds, placeholder("PRESCRIBER"));
        if (!oldOrgName.isEmpty()) {
            text = text.replace("\"" + oldOrgName + "\"", "\"" + placeholder("PRESCRIBER_NAME") + "\"");
        }
        if (!oldNominated.isEmpty()) {
            text = text.replace(oldNominated, nominated ? placeholder("PHARMACY") : oldNominated);
        }
        return new Template(text);
    }

    /** Keeps the first {@code items} MedicationRequests, or copies the last one (with a new entry URL) up to that many. */
    private static void setItemCount(ObjectNode root, ArrayNode entries, List<JsonNode> requests, int items) {
        List<String> removed = new ArrayList<>();
        for (int i = items; i < requests.size(); i++) {
            removed.add(requests.get(i).path("fullUrl").asString());
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (removed.contains(entries.get(i).path("fullUrl").asString())) {
                entries.remove(i);
            }
        }
        List<String> added = new ArrayList<>();
        int lastRequest = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("resource").path("resourceType").asString().equals("MedicationRequest")) {
                lastRequest = i;
            }
        }
        for (int i = requests.size(); i < items; i++) {
            ObjectNode copy = (ObjectNode) entries.get(lastRequest).deepCopy();
            String url = "urn:uuid:" + UUID.nameUUIDFromBytes(("item" + i).getBytes(StandardCharsets.UTF_8));
            copy.put("fullUrl", url);
            entries.insert(++lastRequest, copy);
            added.add(url);
        }
        // references to the items: the MessageHeader's focus and the Provenance's target
        for (JsonNode entry : entries) {
            JsonNode resource = entry.path("resource");
            String type = resource.path("resourceType").asString();
            String field = type.equals("MessageHeader") ? "focus" : type.equals("Provenance") ? "target" : null;
            if (field == null || !resource.path(field).isArray()) {
                continue;
            }
            ArrayNode references = (ArrayNode) resource.path(field);
            for (int i = references.size() - 1; i >= 0; i--) {
                if (removed.contains(references.get(i).path("reference").asString())) {
                    references.remove(i);
                }
            }
            added.forEach(url -> references.addObject().put("reference", url));
        }
    }

    private static Template releaseTemplate(JsonNode parameters, boolean byId) {
        for (JsonNode parameter : parameters.path("parameter")) {
            switch (parameter.path("name").asString()) {
                case "owner" -> setIdentifier((ObjectNode) parameter.path("resource"),
                        "https://fhir.nhs.uk/Id/ods-organization-code", placeholder("PHARMACY"));
                case "agent" -> {
                    ObjectNode agent = (ObjectNode) parameter.path("resource");
                    setIdentifier(agent, "https://fhir.nhs.uk/Id/sds-role-profile-id", placeholder("DISP_ROLE"));
                    ((ObjectNode) agent.path("practitioner").path("identifier")).put("value", placeholder("DISP_USER"));
                }
                case "group-identifier" -> ((ObjectNode) parameter.path("valueIdentifier")).put("value", placeholder("ID"));
                default -> { }
            }
        }
        if (byId != parameters.toString().contains(placeholder("ID"))) {
            throw new IllegalStateException("Release example has the wrong shape");
        }
        return new Template(JSON.writeValueAsString(parameters));
    }

    private static Template dispenseTemplate(JsonNode bundle, int items) {
        ObjectNode root = (ObjectNode) bundle;
        ArrayNode entries = (ArrayNode) root.path("entry");
        String oldNhs = "9449304130";
        List<JsonNode> dispenses = resources(entries, "MedicationDispense");
        keepFirst(root, entries, dispenses, items);
        int index = 0;
        for (JsonNode entry : resources(entries, "MedicationDispense")) {
            ObjectNode dispense = (ObjectNode) entry.path("resource");
            int item = index++;
            for (JsonNode contained : dispense.path("contained")) {
                ObjectNode resource = (ObjectNode) contained;
                switch (resource.path("resourceType").asString()) {
                    case "MedicationRequest" -> {
                        setIdentifier(resource, "https://fhir.nhs.uk/Id/prescription-order-item-number",
                                placeholder("ITEM" + item));
                        ObjectNode group = (ObjectNode) resource.path("groupIdentifier");
                        group.put("value", placeholder("ID"));
                        ((ObjectNode) group.path("extension").get(0).path("valueIdentifier"))
                                .put("value", placeholder("LONGID"));
                        ((ObjectNode) resource.path("courseOfTherapyType").path("coding").get(0))
                                .put("code", placeholder("COURSE"));
                        ((ObjectNode) resource.path("dispenseRequest").path("performer").path("identifier"))
                                .put("value", placeholder("PHARMACY"));
                    }
                    case "PractitionerRole" -> {
                        setIdentifier(resource, "https://fhir.nhs.uk/Id/sds-role-profile-id", placeholder("DISP_ROLE"));
                        ((ObjectNode) resource.path("practitioner").path("identifier"))
                                .put("value", placeholder("DISP_USER"));
                    }
                    default -> { }
                }
            }
            setIdentifier(dispense, "https://fhir.nhs.uk/Id/prescription-dispense-item-number", placeholder("DISP" + item));
            for (JsonNode ext : dispense.path("extension")) {
                if (ext.path("url").asString().endsWith("Extension-EPS-TaskBusinessStatus")) {
                    ObjectNode coding = (ObjectNode) ext.path("valueCoding");
                    coding.put("code", placeholder("PSTATUS"));
                    coding.remove("display");
                }
            }
            ObjectNode type = (ObjectNode) dispense.path("type").path("coding").get(0);
            type.put("code", placeholder("ST" + item));
            type.remove("display");
            dispense.put("whenHandedOver", placeholder("NOW"));
        }
        for (JsonNode organisation : resources(entries, "Organization")) {
            setIdentifier((ObjectNode) organisation.path("resource"), "https://fhir.nhs.uk/Id/ods-organization-code",
                    placeholder("PHARMACY"));
        }
        ObjectNode header = (ObjectNode) resources(entries, "MessageHeader").get(0).path("resource");
        ((ObjectNode) header.path("sender").path("identifier")).put("value", placeholder("PHARMACY"));
        root.put("timestamp", placeholder("NOW"));
        ((ObjectNode) root.path("identifier")).put("value", placeholder("MSGID"));
        return new Template(JSON.writeValueAsString(root).replace(oldNhs, placeholder("NHS")));
    }

    private static Template claimTemplate(JsonNode claim, int items) {
        ObjectNode root = (ObjectNode) claim;
        String oldNhs = "9449304130";
        for (JsonNode ext : root.path("extension")) {
            if (ext.path("url").asString().endsWith("Extension-Provenance-agent")) {
                ((ObjectNode) ext.path("valueReference").path("identifier")).put("value", placeholder("DISP_USER"));
            }
        }
        for (JsonNode contained : root.path("contained")) {
            ObjectNode resource = (ObjectNode) contained;
            if (resource.path("resourceType").asString().equals("PractitionerRole")) {
                setIdentifier(resource, "https://fhir.nhs.uk/Id/sds-role-profile-id", placeholder("DISP_ROLE"));
                ((ObjectNode) resource.path("practitioner").path("identifier")).put("value", placeholder("DISP_USER"));
            } else if (resource.path("resourceType").asString().equals("Organization")) {
                setIdentifier(resource, "https://fhir.nhs.uk/Id/ods-organization-code", placeholder("PHARMACY"));
            }
        }
        root.put("created", placeholder("NOW"));
        setIdentifier(root, "https://tools.ietf.org/html/rfc4122", placeholder("MSGID"));
        for (JsonNode part : root.path("prescription").path("extension").get(0).path("extension")) {
            String url = part.path("url").asString();
            ((ObjectNode) part.path("valueIdentifier")).put("value", placeholder(url.equals("shortForm") ? "ID" : "LONGID"));
        }
        ArrayNode details = (ArrayNode) root.path("item").get(0).path("detail");
        while (details.size() > items) {
            details.remove(details.size() - 1);
        }
        while (details.size() < items) {
            details.add(details.get(details.size() - 1).deepCopy());
        }
        for (int i = 0; i < details.size(); i++) {
            ObjectNode detail = (ObjectNode) details.get(i);
            detail.put("sequence", i + 1);
            for (JsonNode ext : detail.path("extension")) {
                String url = ext.path("url").asString();
                if (url.endsWith("Extension-ClaimSequenceIdentifier")) {
                    ((ObjectNode) ext.path("valueIdentifier")).put("value", placeholder("CSEQ" + i));
                } else if (url.endsWith("Extension-ClaimMedicationRequestReference")) {
                    ((ObjectNode) ext.path("valueReference").path("identifier")).put("value", placeholder("ITEM" + i));
                }
            }
            for (JsonNode sub : detail.path("subDetail")) {
                for (JsonNode ext : sub.path("extension")) {
                    ((ObjectNode) ext.path("valueReference").path("identifier")).put("value", placeholder("DISP" + i));
                }
            }
        }
        return new Template(JSON.writeValueAsString(root).replace(oldNhs, placeholder("NHS")));
    }

    private static Template statusUpdateTemplate(JsonNode bundle, int items) {
        ObjectNode root = (ObjectNode) bundle;
        ArrayNode entries = (ArrayNode) root.path("entry");
        JsonNode first = entries.get(0);
        entries.removeAll();
        for (int i = 0; i < items; i++) {
            ObjectNode entry = (ObjectNode) first.deepCopy();
            entry.put("fullUrl", "urn:uuid:" + placeholder("TASK" + i));
            ObjectNode task = (ObjectNode) entry.path("resource");
            task.put("id", placeholder("TASK" + i));
            ((ObjectNode) task.path("basedOn").get(0).path("identifier")).put("value", placeholder("ID"));
            task.put("status", placeholder("TSTATUS"));
            ((ObjectNode) task.path("businessStatus").path("coding").get(0)).put("code", placeholder("BSTATUS"));
            ((ObjectNode) task.path("focus").path("identifier")).put("value", placeholder("ITEM" + i));
            ((ObjectNode) task.path("for").path("identifier")).put("value", placeholder("NHS"));
            task.put("lastModified", placeholder("NOW"));
            ((ObjectNode) task.path("owner").path("identifier")).put("value", placeholder("PHARMACY"));
            entries.add(entry);
        }
        return new Template(JSON.writeValueAsString(root));
    }

    private static void keepFirst(ObjectNode root, ArrayNode entries, List<JsonNode> resources, int count) {
        if (resources.size() < count) {
            throw new IllegalStateException("Example has " + resources.size() + " resources, " + count + " needed");
        }
        List<String> removed = new ArrayList<>();
        for (int i = count; i < resources.size(); i++) {
            removed.add(resources.get(i).path("fullUrl").asString());
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (removed.contains(entries.get(i).path("fullUrl").asString())) {
                entries.remove(i);
            }
        }
        forEachResource(entries, "MessageHeader", header -> {
            ArrayNode focus = (ArrayNode) header.path("focus");
            for (int i = focus.size() - 1; i >= 0; i--) {
                if (removed.contains(focus.get(i).path("reference").asString())) {
                    focus.remove(i);
                }
            }
        });
    }

    private static void forEachResource(ArrayNode entries, String type, Consumer<ObjectNode> action) {
        resources(entries, type).forEach(entry -> action.accept((ObjectNode) entry.path("resource")));
    }

    private static List<JsonNode> resources(ArrayNode entries, String type) {
        List<JsonNode> found = new ArrayList<>();
        entries.forEach(entry -> {
            if (entry.path("resource").path("resourceType").asString().equals(type)) {
                found.add(entry);
            }
        });
        return found;
    }

    private static String identifier(JsonNode resource, String system) {
        for (JsonNode identifier : resource.path("identifier")) {
            if (identifier.path("system").asString().equals(system)) {
                return identifier.path("value").asString();
            }
        }
        throw new IllegalStateException("No identifier " + system + " in " + resource.path("resourceType"));
    }

    private static void setIdentifier(ObjectNode resource, String system, String value) {
        JsonNode identifiers = resource.path("identifier");
        if (identifiers.isObject()) {
            ((ObjectNode) identifiers).put("value", value);
            return;
        }
        for (JsonNode identifier : identifiers) {
            if (identifier.path("system").asString().equals(system)) {
                ((ObjectNode) identifier).put("value", value);
                return;
            }
        }
        throw new IllegalStateException("No identifier " + system + " in " + resource.path("resourceType"));
    }

    private static String placeholder(String name) {
        return Template.placeholder(name);
    }
}
