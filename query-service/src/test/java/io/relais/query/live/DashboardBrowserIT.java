package io.relais.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.kpi.WindowKind;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.query.ContractEvents;
import io.relais.query.IntegrationTestSupport;
import io.relais.query.access.AccessEvents;
import io.relais.query.projection.ContractJson;
import io.relais.query.task.TaskEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; CI installs them):
 * a manager logs in, a new task appears on the board, its completion updates the row live (server-sent events, no
 * reload), an SLA alert shows in the alerts list; an admin generates last week's review, reads its figures, downloads
 * its PDF and opens its page; a viewer reads the reviews but cannot generate one. Leaves
 * {@code target/dashboard-screenshots/dashboard.png} (and the admin's, the reviews', the viewer's).
 */
class DashboardBrowserIT extends IntegrationTestSupport {

    private static final Path CHROMIUM = Path.of(System.getProperty("relais.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("relais.test.chromedriver",
            "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    @TempDir
    Path profile;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path downloads;

    @BeforeEach
    void startBrowser() throws IOException {
        // not a skip: a machine without the browser must not pass this test silently
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium is missing at %s: install Debian's packages chromium and"
                + " chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does it)", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("ChromeDriver is missing at %s: install Debian's package"
                + " chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does it)", CHROMEDRIVER)
                .isTrue();
        // the machine's driver and browser, named explicitly: Selenium Manager never downloads anything
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1440,1900",
                "--lang=fr-FR");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class); // the board's rows are redrawn on every change
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldShowANewTaskAndFollowItLive_whenAManagerOpensTheDashboard() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate lastWeek = lastCompleteWeek(now);
        seedKpis(now);
        seedWeekKpis(lastWeek);
        seedBackgroundTasks(now);
        UUID id = UUID.randomUUID();
        try {
            browser.get(http.getRootUri() + "/");
            wait.until(page -> page.findElement(By.id("login-user")).isDisplayed());
            assertThat(browser.getCurrentUrl()).endsWith("/dashboard/");
            browser.findElement(By.id("login-user")).sendKeys("marc");
            browser.findElement(By.id("login-password")).sendKeys("demo-marc");
            browser.findElement(By.id("login-submit")).click();

            wait.until(page -> "live".equals(page.findElement(By.id("live-status")).getAttribute("data-state")));
            assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("marc");
            wait.until(page -> !page.findElements(By.cssSelector("#kpi-tiles .tile[data-kpi='on-time-rate'] .value"))
                    .isEmpty() && page.findElement(By.cssSelector("#kpi-tiles .tile[data-kpi='on-time-rate'] .value"))
                    .getText().contains("%"));
            assertThat(browser.findElement(By.id("access-section")).isDisplayed())
                    .as("the access registry is for admins and auditors").isFalse();

            // a new task: the board shows it
            TaskRequested request = new TaskRequested(id.toString(), "Relancer les factures impayées de septembre",
                    null, "PAYMENT_REMINDER", TaskPriority.CRITICAL, null, 0, TaskEvents.REQUESTER,
                    Confidentiality.INTERNAL, "BUSINESS_HOURS(24)", CalendarSpec.FRANCE_DEFAULT,
                    now.plus(Duration.ofHours(30)), now);
            publish(id, TaskEvents.requestedEvent(request, 0));
            WebElement row = wait.until(page -> rowOf(page, id));
            assertThat(row.getText()).contains("Relancer les factures impayées de septembre", "PAYMENT_REMINDER",
                    "Critique", "Demandée");

            // its completion: the row changes without a reload, through the live stream
            ((JavascriptExecutor) browser).executeScript("window.__sameDocument = 'yes';");
            publish(id, TaskEvents.assigned(id, 1, "amina", "backoffice-pro", now.plusSeconds(5)));
            publish(id, TaskEvents.started(id, 2, now.plusSeconds(10)));
            publish(id, TaskEvents.completed(id, 3, 25, now.plusSeconds(15)));
            wait.until(page -> {
                WebElement current = rowOf(page, id);
                return current != null && "DONE".equals(current.getAttribute("data-status")) ? current : null;
            });
            assertThat(rowOf(browser, id).getText()).contains("Livrée", "amina");
            assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument;"))
                    .as("updated live, not reloaded").isEqualTo("yes");

            // an SLA alert: it shows in the alerts list
            SlaAlert alert = new SlaAlert(id.toString(), SlaAlert.Kind.AT_RISK, "PAYMENT_REMINDER",
                    TaskPriority.CRITICAL, null, "backoffice-pro", "BUSINESS_HOURS(24)", now,
                    now.plus(Duration.ofHours(30)), now.plusSeconds(20), now.plusSeconds(21), 69_120, 86_400);
            sendAlert(alert);
            WebElement shown = wait.until(page -> page.findElements(By.cssSelector(
                    "#alerts li[data-task-id='" + id + "']")).stream().findFirst().orElse(null));
            assertThat(shown.getText()).contains("SLA à risque", "Relancer les factures impayées de septembre");
            // and the board's SLA column, fed by GET /api/board, turns to "at risk" without a reload
            wait.until(page -> page.findElements(By.cssSelector("#board tbody tr[data-task-id='" + id
                    + "'] td[data-sla='AT_RISK']")).stream().findFirst().orElse(null));
            assertThat(rowOf(browser, id).getText()).contains("À risque");

            // the SLA filter: only tasks at risk
            new Select(browser.findElement(By.id("filter-sla"))).selectByValue("AT_RISK");
            wait.until(page -> rowOf(page, id) != null && page.findElements(By.cssSelector("#board tbody tr td.due"))
                    .stream().allMatch(cell -> "AT_RISK".equals(cell.getAttribute("data-sla"))));
            new Select(browser.findElement(By.id("filter-sla"))).selectByValue("");

            // the filters: only delivered tasks
            new Select(browser.findElement(By.id("filter-status"))).selectByValue("DONE");
            wait.until(page -> page.findElements(By.cssSelector("#board tbody tr")).stream()
                    .allMatch(r -> "DONE".equals(r.getAttribute("data-status"))) && rowOf(page, id) != null);
            new Select(browser.findElement(By.id("filter-status"))).selectByValue("");
            wait.until(page -> page.findElements(By.cssSelector("#board tbody tr")).stream()
                    .anyMatch(r -> !"DONE".equals(r.getAttribute("data-status"))));
            wait.until(page -> Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript(
                    "return !!(window.Chart && Chart.getChart('chart-breaches'));")));

            screenshot("dashboard.png");

            // an administrator also sees the access registry
            String grantId = UUID.randomUUID().toString();
            cloudEvents().send(Topics.ACCESS.name(), grantId, ContractEvents.event(grantId, 0,
                    AccessEvents.granted(grantId, "amina", "dossier-paie-" + grantId.substring(0, 8), null,
                            now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(90))), AccessEvents.ADMIN,
                    now.minus(Duration.ofDays(2)))).get();
            wait.until(ignored -> getAs("admin", "/api/access/grants/" + grantId).getStatusCode().is2xxSuccessful());
            browser.findElement(By.id("logout")).click();
            wait.until(page -> page.findElement(By.id("login-user")).isDisplayed());
            browser.findElement(By.id("login-user")).sendKeys("admin");
            browser.findElement(By.id("login-password")).sendKeys("demo-admin");
            browser.findElement(By.id("login-submit")).click();
            wait.until(page -> page.findElements(By.cssSelector("#grants tbody tr[data-grant-id='" + grantId + "']"))
                    .stream().findFirst().filter(WebElement::isDisplayed).orElse(null));
            screenshot("dashboard-admin.png");

            // the weekly reviews: the admin generates last week's with the button
            wait.until(ignored -> weekKpis(lastWeek).has(Kpis.THROUGHPUT));
            wait.until(page -> "true".equals(page.findElement(By.id("reviews-section"))
                    .getAttribute("data-can-generate")));
            browser.findElement(By.id("review-generate")).click();
            By listed = By.cssSelector("#review-list button[data-week='" + lastWeek + "']");
            wait.until(page -> page.findElements(listed).stream().findFirst().filter(WebElement::isDisplayed)
                    .orElse(null));
            JsonNode review = entryOf(getAs("admin", "/api/reviews/weekly?limit=52").getBody(), lastWeek);
            assertThat(review.get("generatedBy").asText()).isEqualTo("admin");
            assertThat(Instant.parse(review.get("generatedAt").asText())).as("generated by the click").isAfter(now);
            assertThat(browser.findElement(listed).getText()).contains("Semaine du " + FRENCH_DAY.format(lastWeek),
                    "révision " + review.get("revision").asInt());
            assertThat(browser.findElement(listed).getAttribute("class")).as("the newest week is shown")
                    .contains("selected");

            // its figures are the API's
            JsonNode figures = getAs("admin", "/api/reviews/weekly/" + lastWeek).getBody();
            JsonNode throughput = kpiOf(figures, Kpis.THROUGHPUT);
            String shownThroughput = String.valueOf(throughput.get("value").asLong());
            wait.until(page -> shownThroughput.equals(figureText(page, Kpis.THROUGHPUT, "value")));
            assertThat(figureText(browser, Kpis.THROUGHPUT, "hint"))
                    .isEqualTo("+" + throughput.get("change").asLong() + " vs sem. préc.");
            assertThat(figureText(browser, "sla-breached", "value"))
                    .isEqualTo(String.valueOf(figures.at("/sla/breached").asLong()));
            screenshot("dashboard-reviews.png");

            // the PDF: fetched with the credentials, downloaded from a blob URL, the very file the list fingerprints
            browser.findElement(By.id("review-download-pdf")).click();
            wait.until(page -> lastWeek.toString().equals(page.findElement(By.id("review-download-pdf"))
                    .getAttribute("data-downloaded")));
            Path pdf = downloads.resolve("relais-revue-hebdomadaire-" + lastWeek + ".pdf");
            wait.until(ignored -> Files.exists(pdf) && review.get("pdfSha256").asText().equals(sha256(pdf)));

            // the page: opened from a blob URL in a new window, styled despite the dashboard's CSP it inherits
            String dashboardWindow = browser.getWindowHandle();
            browser.findElement(By.id("review-open-html")).click();
            String reportWindow = wait.until(page -> page.getWindowHandles().stream()
                    .filter(handle -> !handle.equals(dashboardWindow)).findFirst().orElse(null));
            browser.switchTo().window(reportWindow);
            wait.until(page -> Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript(
                    "return document.readyState === 'complete' && document.adoptedStyleSheets.length > 0;")));
            assertThat(browser.getCurrentUrl()).startsWith("blob:");
            assertThat(browser.getTitle()).contains("Revue hebdomadaire");
            assertThat(((JavascriptExecutor) browser).executeScript(
                    "return getComputedStyle(document.querySelector('h1')).fontSize;"))
                    .as("the report's own h1 rule (15pt), not the browser's").isEqualTo("20px");
            browser.close();
            browser.switchTo().window(dashboardWindow);

            // a viewer reads the reviews but does not generate them
            Instant viewerArrives = Instant.now();
            browser.findElement(By.id("logout")).click();
            wait.until(page -> page.findElement(By.id("login-user")).isDisplayed());
            browser.findElement(By.id("login-user")).sendKeys("victor");
            browser.findElement(By.id("login-password")).sendKeys("demo-victor");
            browser.findElement(By.id("login-submit")).click();
            wait.until(page -> page.findElements(listed).stream().findFirst().filter(WebElement::isDisplayed)
                    .orElse(null));
            wait.until(page -> "false".equals(page.findElement(By.id("reviews-section"))
                    .getAttribute("data-can-generate")));
            assertThat(browser.findElement(By.id("review-generate")).isDisplayed()).isFalse();
            // other tests of the shared database are refused as victor too: only this session's refusals count
            assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE principal = 'victor' AND method = 'POST'"
                            + " AND occurred_at >= :since")
                    .param("since", Timestamp.from(viewerArrives)).query(Long.class).single())
                    .as("the page asked for the viewer's roles; it tried no write to find out").isZero();
            wait.until(page -> shownThroughput.equals(figureText(page, Kpis.THROUGHPUT, "value")));
            screenshot("dashboard-viewer.png");
        } catch (Throwable failure) {
            screenshot("failure.png");
            throw failure;
        }
    }

    private static WebElement rowOf(WebDriver page, UUID id) {
        return page.findElements(By.cssSelector("#board tbody tr[data-task-id='" + id + "']")).stream().findFirst()
                .orElse(null);
    }

    private static String figureText(WebDriver page, String figure, String part) {
        return page.findElements(By.cssSelector("#review-figures [data-figure='" + figure + "'] ." + part)).stream()
                .findFirst().map(WebElement::getText).orElse(null);
    }

    /** The Monday (UTC) of the last week that has ended, as the dashboard's button computes it. */
    private static LocalDate lastCompleteWeek(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return today.minusDays(today.getDayOfWeek().getValue() - 1L).minusWeeks(1);
    }

    private static JsonNode entryOf(JsonNode list, LocalDate week) {
        for (JsonNode entry : list) {
            if (entry.get("weekStart").asText().equals(week.toString())) {
                return entry;
            }
        }
        throw new AssertionError("No review of the week of " + week + " in " + list);
    }

    private static JsonNode kpiOf(JsonNode review, String kpi) {
        for (JsonNode change : review.get("kpis")) {
            if (change.get("kpi").asText().equals(kpi)) {
                return change;
            }
        }
        throw new AssertionError("No " + kpi + " in " + review);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            return null; // still being written
        }
    }

    /** The KPIs of the week as the review reads them: the TRAILING_7D window that starts on its Monday. */
    private JsonNode weekKpis(LocalDate week) {
        Instant start = week.atStartOfDay(ZoneOffset.UTC).toInstant();
        JsonNode values = getAs("admin", "/api/kpis?dimension=overall&group=all&windowKind=TRAILING_7D&from=" + start
                + "&to=" + start.plus(Duration.ofDays(1))).getBody();
        ObjectNode byKpi = ContractJson.mapper().createObjectNode();
        values.forEach(value -> byKpi.set(value.get("kpi").asText(), value.get("value")));
        return byKpi;
    }

    /** Last week's figures and the week before's, so that the review shows changes. */
    private void seedWeekKpis(LocalDate week) throws Exception {
        Map<String, double[]> thisAndBefore = Map.of(Kpis.THROUGHPUT, new double[] {37, 30},
                Kpis.ON_TIME_RATE, new double[] {0.875, 0.8}, Kpis.TIME_SAVED, new double[] {12.5, 10},
                Kpis.SAVINGS, new double[] {405, 270});
        for (Map.Entry<String, double[]> kpi : thisAndBefore.entrySet()) {
            for (int weeksBefore = 0; weeksBefore < 2; weeksBefore++) {
                Instant start = week.minusWeeks(weeksBefore).atStartOfDay(ZoneOffset.UTC).toInstant();
                KpiValue value = new KpiValue(kpi.getKey(), Kpis.OVERALL, Kpis.ALL, start,
                        start.plus(Duration.ofDays(7)), kpi.getValue()[weeksBefore], WindowKind.TRAILING_7D);
                text().send(new ProducerRecord<>(Topics.KPIS.name(), value.key(),
                        ContractJson.mapper().writeValueAsString(value))).get();
            }
        }
    }

    private void publish(UUID id, io.cloudevents.CloudEvent event) throws Exception {
        cloudEvents().send(Topics.TASKS.name(), id.toString(), event).get();
    }

    private void sendAlert(SlaAlert alert) throws Exception {
        text().send(new ProducerRecord<>(Topics.SLA_ALERTS.name(), alert.taskId(),
                ContractJson.mapper().writeValueAsString(alert))).get();
    }

    /** A few tasks of the day in various states, so that the board looks like a Monday morning. */
    private void seedBackgroundTasks(Instant now) throws Exception {
        String[][] tasks = {
                {"Saisie des factures fournisseurs", "INVOICING", "HIGH", "3"},
                {"Mise à jour des fiches clients CRM", "CRM_UPDATE", "NORMAL", "1"},
                {"Réponses aux mails support niveau 1", "L1_SUPPORT", "NORMAL", "2"},
                {"Préparation des éléments de paie", "PAYROLL_PREPARATION", "CRITICAL", "0"},
                {"Saisie des notes de frais", "DATA_ENTRY", "LOW", "4"}};
        for (int i = 0; i < tasks.length; i++) {
            UUID id = UUID.randomUUID();
            Instant at = now.minus(Duration.ofMinutes(40L * (i + 1)));
            publish(id, TaskEvents.requestedEvent(new TaskRequested(id.toString(), tasks[i][0], null, tasks[i][1],
                    TaskPriority.valueOf(tasks[i][2]), null, 0, TaskEvents.REQUESTER, Confidentiality.INTERNAL,
                    "BUSINESS_HOURS(24)", CalendarSpec.FRANCE_DEFAULT, at.plus(Duration.ofHours(24 + 6L * i)), at), 0));
            int steps = Integer.parseInt(tasks[i][3]);
            if (steps >= 1) {
                publish(id, TaskEvents.assigned(id, 1, "amina", "backoffice-pro", at.plusSeconds(60)));
            }
            if (steps >= 2) {
                publish(id, TaskEvents.started(id, 2, at.plusSeconds(120)));
            }
            if (steps >= 3) {
                publish(id, TaskEvents.completed(id, 3, 30, at.plusSeconds(600)));
            }
            if (steps >= 4) {
                publish(id, TaskEvents.approved(id, 4, at.plusSeconds(900)));
            }
        }
        // breaches of the last days, for the chart
        for (int day = 1; day <= 12; day += 3) {
            Instant crossed = now.minus(Duration.ofDays(day));
            sendAlert(new SlaAlert(UUID.randomUUID().toString(), SlaAlert.Kind.BREACHED, "INVOICING",
                    TaskPriority.HIGH, null, "backoffice-pro", "CALENDAR_HOURS(4)", crossed.minusSeconds(14_400),
                    crossed, crossed, crossed.plusSeconds(1), 14_401, 14_400));
        }
    }

    /** The current figures (overall) and a daily series of three weeks, as kpi-streams publishes them. */
    private void seedKpis(Instant now) throws Exception {
        List<KpiValue> values = new ArrayList<>();
        Map<String, Double> now7d = Map.ofEntries(Map.entry(Kpis.THROUGHPUT, 42.0), Map.entry(Kpis.ON_TIME_RATE, 0.93),
                Map.entry(Kpis.CRITICAL_ON_TIME_RATE, 1.0), Map.entry(Kpis.PROCESSING_SLA_P50, 6.5),
                Map.entry(Kpis.ERROR_RATE, 0.04), Map.entry(Kpis.INCIDENTS, 1.0), Map.entry(Kpis.SATISFACTION, 8.6),
                Map.entry(Kpis.SAVINGS, 1134.0), Map.entry(Kpis.HEALTH_GROWTH, 87.0));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant weekStart = today.minusDays(6).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant weekEnd = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        now7d.forEach((kpi, value) -> values.add(new KpiValue(kpi, Kpis.OVERALL, Kpis.ALL, weekStart, weekEnd, value,
                WindowKind.TRAILING_7D)));
        values.add(new KpiValue(Kpis.BACKLOG, Kpis.OVERALL, Kpis.ALL, now, now, 17, WindowKind.NOW));
        values.add(new KpiValue(Kpis.WIP_AGE_MAX, Kpis.OVERALL, Kpis.ALL, now, now, 31.5, WindowKind.NOW));
        for (int i = 20; i >= 0; i--) {
            Instant start = today.minusDays(i).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant end = start.plus(Duration.ofDays(1));
            double wave = Math.sin(i / 3.0);
            values.add(new KpiValue(Kpis.PROCESSING_SLA_MEAN, Kpis.OVERALL, Kpis.ALL, start, end, 7 + 2 * wave));
            values.add(new KpiValue(Kpis.PROCESSING_SLA_P90, Kpis.OVERALL, Kpis.ALL, start, end, 14 + 3 * wave));
            values.add(new KpiValue(Kpis.ON_TIME_RATE, Kpis.OVERALL, Kpis.ALL, start, end, 0.9 + 0.06 * wave));
            values.add(new KpiValue(Kpis.CRITICAL_ON_TIME_RATE, Kpis.OVERALL, Kpis.ALL, start, end,
                    i % 5 == 0 ? 0.8 : 1.0));
        }
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (KpiValue value : values) {
            sent.add(text().send(new ProducerRecord<>(Topics.KPIS.name(), value.key(),
                    ContractJson.mapper().writeValueAsString(value))));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
    }

    private void screenshot(String name) {
        if (browser == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            // the whole page, not a fixed window: the window takes the document's height
            browser.manage().window().setSize(new Dimension(1440, 900));
            Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollHeight;");
            browser.manage().window().setSize(new Dimension(1440, Math.min(4000, height.intValue() + 140)));
            Thread.sleep(300); // charts follow the new size
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot " + name + ": " + e);
        }
    }
}
