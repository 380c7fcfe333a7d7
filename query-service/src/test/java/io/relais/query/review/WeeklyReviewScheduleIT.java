package io.relais.query.review;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.relais.query.StandaloneQueryService;
import io.relais.testsupport.TestDatabase;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The recurring run is persistent: registered in {@code scheduled_tasks} by one run of the service, due next Monday
 * 07:00 in Paris; when it fell due while the service was down, the next start runs it at once: the last complete
 * week's report is generated and its summary posted to Slack (WireMock standing in, refusing the first post, as Slack
 * down would), once, then the run is due the next Monday again. A database of its own, a broker of its own and the
 * service started twice: not IntegrationTestSupport's shared context.
 */
@EmbeddedKafka(kraft = true, partitions = 1)
class WeeklyReviewScheduleIT {

    private static final TestDatabase DATABASE = TestDatabase.create("query_weekly_review");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer slack;

    @BeforeAll
    static void startSlack() {
        slack = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
        slack.stubFor(post("/weekly").inScenario("slack").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("down")).willSetStateTo("up"));
        slack.stubFor(post("/weekly").inScenario("slack").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @AfterAll
    static void stopSlack() {
        slack.stop();
    }

    @Test
    void shouldRunTheMissedWeeklyReviewOnceOnRestart_postItToSlackOnce_andBeDueNextMondayAgain(
            EmbeddedKafkaBroker broker) throws Exception {
        try (ConfigurableApplicationContext first = start(broker)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertDueNextMondayAtSevenInParis(dueAt(jdbc));
            assertThat(reviews(jdbc)).isZero();
        }
        // the service is down on Monday 07:00: the run falls due without anybody to run it
        Instant missed = Instant.now().minus(Duration.ofMinutes(1));
        JdbcClient database = JdbcClient.create(new DriverManagerDataSource(DATABASE.url(), DATABASE.user(),
                DATABASE.password()));
        database.sql("UPDATE scheduled_tasks SET execution_time = :missed WHERE task_name = 'weekly-review'")
                .param("missed", Timestamp.from(missed)).update();

        try (ConfigurableApplicationContext second = start(broker)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            LocalDate lastWeek = WeeklyReviewFigures.lastCompleteWeek(Instant.now());
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM weekly_review"
                    + " WHERE week_start = :week AND slack_posted_at IS NOT NULL").param("week", lastWeek)
                    .query(Long.class).single() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> dueAt(jdbc).isAfter(Instant.now()));
            assertDueNextMondayAtSevenInParis(dueAt(jdbc));
            assertThat(jdbc.sql("SELECT revision || ' ' || generated_by FROM weekly_review").query(String.class)
                    .list()).containsExactly("1 scheduler");

            List<LoggedRequest> posts = slack.findAll(postRequestedFor(urlEqualTo("/weekly")));
            assertThat(posts).as("refused once, then taken").hasSize(2);
            JsonNode message = JSON.readTree(posts.get(1).getBodyAsString());
            assertThat(message.get("text").asText()).startsWith("Revue hebdomadaire — semaine du " + lastWeek);
            assertThat(message.at("/blocks/0/type").asText()).isEqualTo("header");
            assertThat(message.at("/blocks/1/fields").toString()).contains("SLA dépassés", "Temps gagné");
            assertThat(message.at("/blocks/2/elements/0/url").asText())
                    .isEqualTo("http://relais.example.test/api/reviews/weekly/" + lastWeek + "/html");

            // the run falls due again within the same week (a retry, a second instance): nothing is done twice
            Instant lastSuccess = lastSuccess(jdbc);
            jdbc.sql("UPDATE scheduled_tasks SET execution_time = :now WHERE task_name = 'weekly-review'")
                    .param("now", Timestamp.from(Instant.now().minusSeconds(1))).update();
            await().atMost(Duration.ofSeconds(30)).until(() -> lastSuccess(jdbc).isAfter(lastSuccess));
            assertThat(jdbc.sql("SELECT revision FROM weekly_review").query(Integer.class).list()).containsExactly(1);
            assertThat(slack.findAll(postRequestedFor(urlEqualTo("/weekly")))).hasSize(2);
        }
    }

    private static void assertDueNextMondayAtSevenInParis(Instant due) {
        ZonedDateTime now = ZonedDateTime.now(PARIS);
        ZonedDateTime expected = now.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).with(LocalTime.of(7, 0));
        if (!expected.isAfter(now)) {
            expected = expected.plusWeeks(1);
        }
        assertThat(due).isEqualTo(expected.toInstant());
    }

    private static Instant dueAt(JdbcClient jdbc) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'weekly-review'")
                .query((row, n) -> row.getTimestamp(1).toInstant()).single();
    }

    private static Instant lastSuccess(JdbcClient jdbc) {
        return jdbc.sql("SELECT coalesce(last_success, 'epoch') FROM scheduled_tasks"
                        + " WHERE task_name = 'weekly-review'")
                .query((row, n) -> row.getTimestamp(1).toInstant()).single();
    }

    private static long reviews(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM weekly_review").query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker) {
        return StandaloneQueryService.start(DATABASE, broker,
                "relais.slack.webhook-url=" + slack.baseUrl() + "/weekly",
                "relais.slack.dashboard-url=http://relais.example.test/dashboard/",
                "relais.weekly-review.slack-post=true",
                "relais.weekly-review.retry-after=1s",
                "db-scheduler.polling-interval=500ms");
    }
}
