package io.relais.websupport.openapi;

import io.relais.websupport.problem.ProblemTypes;
import io.relais.websupport.security.RelaisSecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;

/**
 * The frame of every Relais service's OpenAPI document: title, version, description, the two ways to authenticate
 * (HTTP Basic against the configured local users, bearer JWT), required on every operation, and the {@code Problem}
 * schema every refusal is documented with ({@link ProblemResponsesDocumentation}).
 */
public final class RelaisOpenApi {

    /** HTTP Basic against the local users ({@code RELAIS_SECURITY_MODE=LOCAL}). */
    public static final String BASIC = "basicAuth";
    /** A bearer JWT ({@code RELAIS_SECURITY_MODE=JWT}). */
    public static final String BEARER = "bearerJwt";
    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";

    private RelaisOpenApi() {
    }

    /**
     * @param mode the mode this instance runs in: its scheme is listed first, and the description says which one
     *             this server accepts (the other one is answered 401)
     */
    public static OpenAPI document(String title, String version, String description,
                                   RelaisSecurityProperties.Mode mode) {
        boolean jwt = mode == RelaisSecurityProperties.Mode.JWT;
        SecurityRequirement basic = new SecurityRequirement().addList(BASIC);
        SecurityRequirement bearer = new SecurityRequirement().addList(BEARER);
        return new OpenAPI()
                .info(new Info().title(title).version(version).description(description + "\n\n"
                        + "**Authentication.** Every operation needs an authenticated caller; this instance runs in "
                        + (jwt ? "`JWT` mode: send `Authorization: Bearer <token>`."
                                : "`LOCAL` mode: HTTP Basic with a configured user (demo users: `claire:demo-claire`, "
                                + "`marc:demo-marc`, `amina:demo-amina`, `admin:demo-admin`, `audrey:demo-audrey`, …).")
                        + " The caller's roles decide what it may do (README, \"Who may do what\").\n\n"
                        + "**Errors.** Every refusal is an RFC 9457 `application/problem+json` body (schema `Problem`) "
                        + "whose `type` is a `urn:relais:problem:…` name and whose `detail` says what to fix."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("LOCAL mode (`RELAIS_SECURITY_MODE=LOCAL`, the default): a user of the "
                                        + "service's configuration, password checked against its bcrypt hash."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("JWT mode (`RELAIS_SECURITY_MODE=JWT`): a signed token (RS256) whose "
                                        + "claims name the caller (`sub`), its roles (`roles`) and organisation (`org`)."))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()))
                .security(jwt ? List.of(bearer, basic) : List.of(basic, bearer));
    }

    /** RFC 9457 problem details, with the extension members Relais adds where they help the caller. */
    public static Schema<?> problemSchema() {
        Schema<?> schema = new ObjectSchema()
                .description("RFC 9457 problem details, answered as `application/problem+json`. `type` names the "
                        + "problem; extension members (`errors`, `currentState`, `allowedActions`, `missingResources`, "
                        + "ids) say what the caller needs to fix the request or what to do instead.")
                .addProperty("type", new StringSchema().format("uri")
                        .description("What went wrong, a `urn:relais:problem:…` name")
                        .example(ProblemTypes.INVALID_REQUEST.toString()))
                .addProperty("title", new StringSchema().description("A short summary of the problem type"))
                .addProperty("status", new IntegerSchema().format("int32").description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What is wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request path"))
                .addProperty("errors", new ArraySchema().items(new StringSchema())
                        .description("400: one line per invalid field or parameter"))
                .addProperty("currentState", new StringSchema()
                        .description("409 `action-not-allowed`: the state the item is in"))
                .addProperty("allowedActions", new ArraySchema().items(new StringSchema())
                        .description("409 `action-not-allowed`: what can be done in that state instead"))
                .addProperty("missingResources", new ArraySchema().items(new StringSchema())
                        .description("409 `missing-access`: the resources the agent holds no active grant for"));
        schema.setRequired(List.of("type", "status", "detail"));
        schema.setAdditionalProperties(Boolean.TRUE);
        return schema;
    }
}
