package io.relais.websupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Production mode: an OAuth2 resource server trusting one RSA key; every malformed token is a 401 problem. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relais.security.mode=JWT", "relais.security.jwt.organisation-claim=org",
                "relais.security.jwt.roles-claim=roles", "relais.security.jwt.name-claim=preferred_username"})
class JwtAuthenticationIT {

    private static final KeyPair TRUSTED = rsaKeyPair();
    private static final KeyPair STRANGER = rsaKeyPair();

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("relais-jwt", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("relais.security.jwt.public-key-location", () -> "file:" + pem);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void shouldAcceptAValidToken_readingNameRolesAndOrganisationFromTheConfiguredClaims() throws Exception {
        String token = sign(TRUSTED, claims("amina", List.of("AGENT", "not-a-relais-role"), "backoffice-pro",
                Instant.now().plusSeconds(300)));

        ResponseEntity<JsonNode> me = get("/api/me", token);

        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("name").asText()).isEqualTo("amina");
        assertThat(me.getBody().get("roles")).hasSize(1);
        assertThat(me.getBody().get("roles").get(0).asText()).isEqualTo("AGENT");
        assertThat(me.getBody().get("organisation").asText()).isEqualTo("backoffice-pro");
    }

    @Test
    void shouldRefuseAnExpiredToken() throws Exception {
        String token = sign(TRUSTED, claims("marc", List.of("APPROVER"), "acme", Instant.now().minusSeconds(600)));

        assertUnauthenticatedProblem(get("/api/me", token));
    }

    @Test
    void shouldRefuseATokenSignedByAnotherKey() throws Exception {
        String token = sign(STRANGER, claims("marc", List.of("APPROVER"), "acme", Instant.now().plusSeconds(300)));

        assertUnauthenticatedProblem(get("/api/me", token));
    }

    @Test
    void shouldRefuseAnUnsignedAlgNoneToken() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"sub\":\"marc\",\"preferred_username\":\"marc\",\"roles\":[\"ADMIN\"],\"exp\":"
                + Instant.now().plusSeconds(300).getEpochSecond() + "}");

        assertUnauthenticatedProblem(get("/api/me", header + "." + payload + "."));
    }

    @Test
    void shouldRefuseGarbage_andAMissingToken() {
        assertUnauthenticatedProblem(get("/api/me", "not-a-jwt"));
        assertUnauthenticatedProblem(http.getForEntity("/api/me", JsonNode.class));
    }

    @Test
    void shouldAnswer403Problem_whenTheRolesDoNotAllowTheEndpoint() throws Exception {
        String viewer = sign(TRUSTED, claims("victor", List.of("VIEWER"), "acme", Instant.now().plusSeconds(300)));
        String approver = sign(TRUSTED, claims("marc", List.of("APPROVER"), "acme", Instant.now().plusSeconds(300)));

        ResponseEntity<JsonNode> refused = post("/api/approvals", viewer);
        ResponseEntity<JsonNode> allowed = post("/api/approvals", approver);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:relais:problem:forbidden");
        assertThat(allowed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(allowed.getBody().get("approvedBy").asText()).isEqualTo("marc");
    }

    @Test
    void shouldIgnoreBasicCredentials_inJwtMode() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("claire", "demo-claire").getForEntity("/api/me", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void assertUnauthenticatedProblem(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:relais:problem:unauthenticated");
        assertThat(response.getBody().get("status").asInt()).isEqualTo(401);
    }

    private ResponseEntity<JsonNode> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(headers), JsonNode.class);
    }

    private static JWTClaimsSet claims(String name, List<String> roles, String organisation, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .subject("id-" + name)
                .claim("preferred_username", name)
                .claim("roles", roles)
                .claim("org", organisation)
                .issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                .build();
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
