package org.openeps.adapters.http.directory;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.HttpError;
import org.openeps.adapters.http.Routes;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.domain.access.Action;
import org.openeps.application.directory.FindOrganisationsUseCase;
import org.openeps.application.directory.LoadDirectoryUseCase;
import org.openeps.application.directory.LoadDirectoryUseCase.DirectoryLoaded;
import org.openeps.application.directory.LoadDirectoryUseCase.LoadDirectoryCommand;
import org.openeps.application.directory.OrganisationSearch;
import org.openeps.domain.directory.OrganisationKind;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The organisation directory's JSON API: {@code GET /api/organisations/{ods}}, {@code GET
 * /api/organisations?name=&postcode=&kind=}, and the administrator's {@code POST /api/admin/directory/reload} with a
 * directory file ({@code text/csv}) as the body. Errors are answered as problem details by the server.
 */
public final class DirectoryRoutes implements Routes {

    private static final String CONTENT_TYPE = "application/json";
    private static final Set<String> SEARCH_PARAMETERS = Set.of("name", "postcode", "kind");

    private final FhirJson json;
    private final OrganisationMapper mapper;
    private final FindOrganisationsUseCase findOrganisations;
    private final LoadDirectoryUseCase loadDirectory;
    private final RequestAccess access;

    public DirectoryRoutes(FhirJson json, OrganisationMapper mapper, FindOrganisationsUseCase findOrganisations,
                           LoadDirectoryUseCase loadDirectory, RequestAccess access) {
        this.json = json;
        this.access = access;
        this.mapper = mapper;
        this.findOrganisations = findOrganisations;
        this.loadDirectory = loadDirectory;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/organisations/{ods}", this::find);
        routes.get("/api/organisations", this::search);
        routes.post("/api/admin/directory/reload", this::reload);
    }

    private void find(Context ctx) {
        access.authorise(ctx, Action.READ_DIRECTORY);
        OdsCode ods = OdsCode.parse(ctx.pathParam("ods"));
        ctx.contentType(CONTENT_TYPE).result(json.write(mapper.organisation(findOrganisations.find(ods)
                .orElseThrow(() -> new EpsException(ErrorCode.RESOURCE_NOT_FOUND,
                        "No organisation with ODS code " + ods + " in the directory")))));
    }

    private void search(Context ctx) {
        access.authorise(ctx, Action.READ_DIRECTORY);
        Map<String, List<String>> parameters = ctx.queryParamMap();
        EpsException.require(SEARCH_PARAMETERS.containsAll(parameters.keySet()), ErrorCode.INVALID_VALUE,
                "Search by name, postcode or kind, not " + parameters.keySet());
        EpsException.require(parameters.values().stream().allMatch(values -> values.size() == 1),
                ErrorCode.INVALID_VALUE, "Give each search parameter once");
        OrganisationSearch search = new OrganisationSearch(parameter(ctx, "name"), parameter(ctx, "postcode"),
                parameter(ctx, "kind").map(OrganisationKind::fromCode));
        ctx.contentType(CONTENT_TYPE).result(json.write(mapper.searchResult(findOrganisations.search(search))));
    }

    /** Replaces the whole directory with the CSV body: administrators only. */
    private void reload(Context ctx) {
        Audited audited = access.authorise(ctx, Action.MANAGE_DIRECTORY);
        byte[] body = ctx.bodyAsBytes();
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("text/csv")) {
            throw new HttpError(415, "not-supported", "UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type must be text/csv, not " + (contentType == null ? "nothing" : contentType));
        }
        String content = utf8(body);
        DirectoryLoaded loaded = access.change(audited, () -> loadDirectory.load(new LoadDirectoryCommand(content)));
        ctx.contentType(CONTENT_TYPE).result(json.write(JsonNodeFactory.instance.objectNode()
                .put("organisations", loaded.organisations())));
    }

    private static Optional<String> parameter(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name));
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new EpsException(ErrorCode.INVALID_VALUE, "The directory file must be UTF-8");
        }
    }
}
