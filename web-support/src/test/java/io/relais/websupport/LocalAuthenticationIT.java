package io.relais.websupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The local mode with the shipped demo users, as the run command uses it. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.import=classpath:relais-web.yml")
class LocalAuthenticationIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void shouldAuthenticateEveryDemoUser_withTheDocumentedPassword_andKeepTheirOrganisation() {
        for (String user : new String[] {"claire", "paul", "marc", "amina", "yann", "admin", "audrey", "victor"}) {
            ResponseEntity<JsonNode> me = http.withBasicAuth(user, "demo-" + user).getForEntity("/api/me", JsonNode.class);

            assertThat(me.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(me.getBody().get("name").asText()).isEqualTo(user);
            assertThat(me.getBody().get("organisation").asText()).isNotBlank();
        }
    }

    @Test
    void shouldAuthenticateTheSameUserTwice_credentialsAreNotErasedForGood() {
        TestRestTemplate amina = http.withBasicAuth("amina", "demo-amina");

        assertThat(amina.getForEntity("/api/me", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(amina.getForEntity("/api/me", JsonNode.class).getBody().get("organisation").asText())
                .isEqualTo("backoffice-pro");
    }

    @Test
    void shouldRefuseAWrongPassword_withA401ProblemAndABasicChallenge() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("marc", "demo-claire").getForEntity("/api/me", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:relais:problem:unauthenticated");
    }

    @Test
    void shouldKeepASaneCallerCorrelationId_andReplaceAnInsaneOne() {
        HttpHeaders sane = new HttpHeaders();
        sane.set("X-Correlation-Id", "batch-2026-03-16.7");
        HttpHeaders insane = new HttpHeaders();
        insane.set("X-Correlation-Id", "<script>alert(1)</script>");

        ResponseEntity<String> kept = http.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(sane), String.class);
        ResponseEntity<String> replaced = http.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(insane), String.class);

        assertThat(kept.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("batch-2026-03-16.7");
        assertThat(replaced.getHeaders().getFirst("X-Correlation-Id"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void shouldAnswerUnknownRoutesOfAnAuthenticatedCaller_with404Problem() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("marc", "demo-marc").getForEntity("/api/nothing-here", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }
}
