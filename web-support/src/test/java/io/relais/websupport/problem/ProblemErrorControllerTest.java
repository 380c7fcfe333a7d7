package io.relais.websupport.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void shouldAnswerAProblemWithoutTheFailuresMessage_whenAnUnexpectedExceptionEscapedTheApplication() {
        MockHttpServletRequest request = forwardedError(500, "/api/tasks", "password=secret in some SQL");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("password=secret"));

        ResponseEntity<ProblemDetail> response = controller.error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getDetail()).isEqualTo("The request could not be processed; the failure has"
                + " been logged.").doesNotContain("secret");
        assertThat(response.getBody().getInstance()).isEqualTo(URI.create("/api/tasks"));
    }

    @Test
    void shouldKeepTheContainersReason_whenTheErrorIsTheClients() {
        ResponseEntity<ProblemDetail> response = controller.error(forwardedError(400, "/api/tasks", "Bad header"));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getDetail()).isEqualTo("Bad header");
    }

    @Test
    void shouldAnswer404_whenTheErrorPathIsRequestedDirectly() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");

        ResponseEntity<ProblemDetail> response = controller.error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().getDetail()).isEqualTo("No endpoint GET /error.");
    }

    private static MockHttpServletRequest forwardedError(int status, String path, String message) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, message);
        return request;
    }
}
