package org.openeps.adapters.http.directory;

import java.util.List;
import org.openeps.domain.directory.Organisation;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Organisations as the JSON API shows them: {@code ods}, {@code name}, {@code kind} and {@code country} (their codes),
 * {@code address} ({@code lines}, {@code postcode}), {@code telephone} and {@code website} when known, {@code status}
 * ({@code open} or {@code closed}).
 */
public final class OrganisationMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public ObjectNode organisation(Organisation organisation) {
        ObjectNode json = NODES.objectNode()
                .put("ods", organisation.ods().value())
                .put("name", organisation.name())
                .put("kind", organisation.kind().code());
        ObjectNode address = json.putObject("address");
        ArrayNode lines = address.putArray("lines");
        organisation.addressLines().forEach(lines::add);
        address.put("postcode", organisation.postcode().value());
        organisation.telephone().ifPresent(telephone -> json.put("telephone", telephone));
        organisation.website().ifPresent(website -> json.put("website", website));
        json.put("country", organisation.country().code());
        json.put("status", organisation.open() ? "open" : "closed");
        return json;
    }

    /** A search result: {@code {"organisations": [...]}}, in the order found. */
    public ObjectNode searchResult(List<Organisation> organisations) {
        ObjectNode json = NODES.objectNode();
        ArrayNode list = json.putArray("organisations");
        organisations.forEach(organisation -> list.add(organisation(organisation)));
        return json;
    }
}
